import { daysInMonth } from "../domain/calendar";
import type { CellValue } from "../spec/sheetSpec";

/**
 * The date forms lists come with, read into Excel serials (what the registers' date columns hold):
 * 2026-11-28, 2026/11/28, 2026.11.28, 2026年11月28日, 20261128, 11/28/2026, with a time after them or
 * not, full-width digits too, and serial numbers (an Excel cell's date, or a CSV cell Excel wrote as
 * its number).
 *
 * a/b/yyyy is read month first, as en-US writes it (and as Excel's own CSV export writes dates on an
 * en-US machine); only where that cannot be a date because a > 12 (28/11/2026) is it read day first,
 * which is then the only reading. Two-digit years are refused: 26/11/28 has three readings.
 * A bare number is a serial only from 29 221 (1980-01-01) to 73 415 (2100-12-31), the dates a sales
 * record can hold: a year (2026) or a count (100) in a date column is a mistake to list, not 1905-07-18
 * or 1900-04-09. Eight digits are yyyymmdd (20261128), as a number cell too: no serial is that long.
 */

const YEAR_FIRST = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;
const YEAR_LAST = /^(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4})$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const SERIAL = /^\d+(\.\d+)?$/;
/** A time after the date: " 10:30", " 10:30:00", "T10:30:00.000Z", " 上午10:30". */
const TIME = /(?:[T\s]+(?:上午|下午)?\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*(?:am|pm))?(?:z|[+-]\d{2}:?\d{2})?)$/i;

/** Serial 25569 is 1970-01-01; from 1900-03-01 on, Excel's serials count days as the calendar does. */
const UNIX_EPOCH_SERIAL = 25_569;

// Date.UTC, not the calendar's checked serialFromYmd: the range is checked here, and a list of 50 000
// dates should not build an error message for each (serialFromYmd words its check eagerly).
const ymd = (year: number, month: number, day: number): number | undefined =>
  year >= 1900 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) && (year > 1900 || month >= 3)
    ? Date.UTC(year, month - 1, day) / 86_400_000 + UNIX_EPOCH_SERIAL
    : undefined;

/** 1980-01-01 and 2100-12-31 as serials: the plausible dates of a sales record (see above). */
const FIRST_PLAUSIBLE_SERIAL = 29_221;
const LAST_PLAUSIBLE_SERIAL = 73_415;

const fromSerial = (serial: number): number | undefined =>
  serial >= FIRST_PLAUSIBLE_SERIAL && serial < LAST_PLAUSIBLE_SERIAL + 1 ? Math.floor(serial) : undefined;

/** The date serial `cell` holds, or undefined when it is no date this reads. `text` is NFKC-folded and trimmed. */
export function readDate(cell: CellValue, text: string): number | undefined {
  // A number cell is read as its digits: a serial, or 20261128 typed into a cell Excel kept as a number.
  if (typeof cell === "number") return Number.isFinite(cell) ? readDate(String(cell), String(cell)) : undefined;
  if (typeof cell !== "string") return undefined;
  const date = text.replace(TIME, "").trim();
  let m = YEAR_FIRST.exec(date) ?? COMPACT.exec(date);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  m = YEAR_LAST.exec(date);
  if (m) {
    const [a, b, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return a <= 12 ? ymd(year, a, b) : ymd(year, b, a);
  }
  return SERIAL.test(date) ? fromSerial(Number(date)) : undefined;
}
