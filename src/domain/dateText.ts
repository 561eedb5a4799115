import { alternateWeek, FIVE_DAY_WEEK, formatSerial, isoWeek, isoWeekMonday, serialFromYmd, SIX_DAY_WEEK, type WorkWeek } from "./calendar";
import { DomainError } from "./errors";
import { halfWidth } from "./typedText";
import type { Bilingual } from "../contract/locale";

/**
 * The text forms people type periods and holiday lists in — `2026-W48`, `2026-11`, one date per line
 * with `+` for a 调休 make-up working day — read the same way by the task pane and the command line.
 */

export interface IsoWeek {
  readonly year: number;
  readonly week: number;
}

export interface YearMonth {
  readonly year: number;
  readonly month: number;
}

const WEEK = /^\s*(\d{4})\s*-?\s*W\s*(\d{1,2})\s*$/i;
const MONTH = /^\s*(\d{4})\s*-\s*(\d{1,2})\s*$/;

/**
 * A typed week read: the week, or why it is none — `why` and `typed` (the numbers as written, for a
 * caller that checks its range first) absent when it is not written like 2026-W48.
 */
export type WeekTextRead = { readonly ok: true; readonly week: IsoWeek } | { readonly ok: false; readonly why?: Bilingual; readonly typed?: IsoWeek };

/** `2026-W48` (or `2026W48`) → the week, if that year has that ISO week; else what is wrong (2026-W54: 2026 has 53 weeks). */
export function readWeekText(text: string): WeekTextRead {
  const match = WEEK.exec(halfWidth(text));
  if (!match) return { ok: false };
  const year = Number(match[1]);
  const week = Number(match[2]);
  try {
    isoWeekMonday(year, week);
  } catch (error) {
    if (error instanceof DomainError) return { ok: false, why: error.text, typed: { year, week } };
    throw error;
  }
  return { ok: true, week: { year, week } };
}

/** The week `readWeekText` reads, or null. */
export function parseWeekText(text: string): IsoWeek | null {
  const read = readWeekText(text);
  return read.ok ? read.week : null;
}

export const formatWeekText = ({ year, week }: IsoWeek): string => `${year}-W${String(week).padStart(2, "0")}`;

/** `2026-11` → the month, if it is one; else null. */
export function parseMonthText(text: string): YearMonth | null {
  const match = MONTH.exec(halfWidth(text));
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  return year >= 1900 && year <= 9999 && month >= 1 && month <= 12 ? { year, month } : null;
}

export const formatMonthText = ({ year, month }: YearMonth): string => `${year}-${String(month).padStart(2, "0")}`;

/** The ISO week after the one holding `serial`. */
export function weekAfter(serial: number): IsoWeek {
  return isoWeek(serial + 7);
}

export function monthAfter({ year, month }: YearMonth): YearMonth {
  return month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
}

export type DateListParse =
  | { readonly ok: true; readonly holidays: number[]; readonly makeUpDays: number[] }
  | { readonly ok: false; readonly line: number; readonly text: string };

const DATE_LINE = /^(\+)?\s*(\d{4})-(\d{1,2})-(\d{1,2})$/;

/** A real day from 1900-03-01 on: Excel's serials before it are off by its 1900 leap-year bug, so the calendar refuses them. */
const isCalendarDate = (year: number, month: number, day: number): boolean =>
  (year > 1900 || (year === 1900 && month >= 3)) && month >= 1 && month <= 12 && day >= 1 && new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day;

/**
 * A holiday list: one date per line, `yyyy-mm-dd` for a holiday, `+yyyy-mm-dd` for a make-up working
 * day (调休); blank lines and `#` comments are skipped. Returns the 1-based number of the first bad
 * line instead of throwing, so the caller can word the error for its own medium.
 */
export function parseDateList(text: string): DateListParse {
  const holidays: number[] = [];
  const makeUpDays: number[] = [];
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    const typed = halfWidth(line).trim();
    if (typed === "" || typed.startsWith("#")) continue;
    const match = DATE_LINE.exec(typed);
    if (!match || !isCalendarDate(Number(match[2]), Number(match[3]), Number(match[4]))) return { ok: false, line: i + 1, text: line };
    (match[1] ? makeUpDays : holidays).push(serialFromYmd(Number(match[2]), Number(match[3]), Number(match[4])));
  }
  return { ok: true, holidays, makeUpDays };
}

/** Holidays and make-up working days (调休) as date serials: what a holiday list holds. */
export interface DateLists {
  readonly holidays: readonly number[];
  readonly makeUpDays: readonly number[];
}

/** The text `parseDateList` reads back: one line per date, sorted, `+` before a make-up working day. */
export function formatDateList({ holidays, makeUpDays }: DateLists): string {
  const lines = [...new Set(holidays)].map((serial) => ({ serial, line: formatSerial(serial) }));
  lines.push(...[...new Set(makeUpDays)].map((serial) => ({ serial, line: `+${formatSerial(serial)}` })));
  return lines
    .sort((a, b) => a.serial - b.serial || a.line.length - b.line.length)
    .map(({ line }) => line)
    .join("\n");
}

/** The kinds of work week, in the order people are offered them: 双休, 单休, 大小周. */
export const WORK_WEEK_KINDS: readonly WorkWeek["kind"][] = ["fiveDay", "sixDay", "alternate"];

/** Whether a stored or chosen text names a kind of work week. */
export const isWorkWeekKind = (text: string): text is WorkWeek["kind"] => (WORK_WEEK_KINDS as readonly string[]).includes(text);

const WORK_WEEKS: ReadonlyMap<string, WorkWeek> = new Map([
  ["双休", FIVE_DAY_WEEK],
  ["5day", FIVE_DAY_WEEK],
  ["单休", SIX_DAY_WEEK],
  ["6day", SIX_DAY_WEEK],
]);
const ALTERNATE = /^(?:大小周|alternate)\s*:?\s*(.*)$/;
const DATE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;

/** `2026-10-10` (or with `/` or `.`, full-width forms forgiven) → its serial, if it is a day from 1900-03-01 on; else null. */
export function parseDateText(text: string): number | null {
  const match = DATE.exec(halfWidth(text).trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isCalendarDate(year, month, day) ? serialFromYmd(year, month, day) : null;
}

/**
 * A work week as people name it: `双休` or `5day` (Monday–Friday), `单休` or `6day` (Monday–Saturday),
 * `大小周:2026-11-07` or `alternate:2026-11-07` (Saturdays alternate; the date is any day of a long
 * week, usually its worked Saturday). Case, spaces, full-width forms and `/` or `.` in the date are
 * forgiven; 大小周 without a date is not, as nothing else says which weeks are long. Null when unreadable.
 */
export function parseWorkWeekText(text: string): WorkWeek | null {
  const typed = halfWidth(text).trim().toLowerCase().replace(/\s+/g, " ");
  const named = WORK_WEEKS.get(typed.replace(/[\s-]/g, ""));
  if (named) return named;
  const match = ALTERNATE.exec(typed);
  const dateInLongWeek = match ? parseDateText(match[1]) : null;
  return dateInLongWeek === null ? null : alternateWeek(dateInLongWeek);
}
