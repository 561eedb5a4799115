import { serialFromYmd } from "../domain/calendar";

/**
 * Parses a holidays file: one date per line, `yyyy-mm-dd` for a holiday, `+yyyy-mm-dd` for a
 * make-up working day (调休); blank lines and `#` comments are skipped. Returns the 1-based
 * number of the first bad line instead of throwing, so the caller can word the error.
 */
export type HolidaysParse =
  | { readonly ok: true; readonly holidays: number[]; readonly makeUpDays: number[] }
  | { readonly ok: false; readonly line: number; readonly text: string };

const DATE_LINE = /^(\+)?\s*(\d{4})-(\d{2})-(\d{2})$/;

const isCalendarDate = (year: number, month: number, day: number): boolean =>
  year >= 1900 && month >= 1 && month <= 12 && day >= 1 && new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day;

export function parseHolidays(text: string): HolidaysParse {
  const holidays: number[] = [];
  const makeUpDays: number[] = [];
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === "" || line.startsWith("#")) continue;
    const match = DATE_LINE.exec(line);
    if (!match || !isCalendarDate(Number(match[2]), Number(match[3]), Number(match[4]))) return { ok: false, line: i + 1, text: line };
    (match[1] ? makeUpDays : holidays).push(serialFromYmd(Number(match[2]), Number(match[3]), Number(match[4])));
  }
  return { ok: true, holidays, makeUpDays };
}
