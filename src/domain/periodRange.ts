import { daysInMonth, FIRST_SERIAL, isoWeek, isoWeekday, LAST_SERIAL, ymdFromSerial } from "./calendar";
import { formatMonthText, formatWeekText, monthAfter, type IsoWeek, type YearMonth } from "./dateText";

/**
 * The periods a plan can be for: those whose every day is a date the calendar supports (FIRST_SERIAL,
 * 1900-03-01, to LAST_SERIAL, 9999-12-31). Derived from those two limits, so what the command line
 * accepts, and says it accepts, is what the calendar can count — a year, month or week that reaches past
 * them is refused when it is typed, not halfway through building the workbook.
 */

export interface PeriodRange<T> {
  readonly first: T;
  readonly last: T;
}

const firstDay = ymdFromSerial(FIRST_SERIAL);
const lastDay = ymdFromSerial(LAST_SERIAL);

export const monthBefore = ({ year, month }: YearMonth): YearMonth => (month === 1 ? { year: year - 1, month: 12 } : { year, month: month - 1 });

/** Years from 1 January to 31 December inside the supported dates: 1901 to 9999. */
export const YEAR_RANGE: PeriodRange<number> = {
  first: firstDay.month === 1 && firstDay.day === 1 ? firstDay.year : firstDay.year + 1,
  last: lastDay.month === 12 && lastDay.day === 31 ? lastDay.year : lastDay.year - 1,
};

/** Whole months inside the supported dates: 1900-03 to 9999-12. */
export const MONTH_RANGE: PeriodRange<YearMonth> = {
  first: firstDay.day === 1 ? { year: firstDay.year, month: firstDay.month } : monthAfter(firstDay),
  last: lastDay.day === daysInMonth(lastDay.year, lastDay.month) ? { year: lastDay.year, month: lastDay.month } : monthBefore(lastDay),
};

/** ISO weeks, Monday to Sunday, inside the supported dates: 1900-W10 (from Monday 1900-03-05) to 9999-W51 (to Sunday 9999-12-26). */
export const WEEK_RANGE: PeriodRange<IsoWeek> = {
  first: isoWeek(FIRST_SERIAL + ((8 - isoWeekday(FIRST_SERIAL)) % 7)),
  last: isoWeek(LAST_SERIAL - (isoWeekday(LAST_SERIAL) % 7)),
};

const byMonth = (a: YearMonth, b: YearMonth): number => a.year - b.year || a.month - b.month;
const byWeek = (a: IsoWeek, b: IsoWeek): number => a.year - b.year || a.week - b.week;

export const yearInRange = (year: number): boolean => year >= YEAR_RANGE.first && year <= YEAR_RANGE.last;
export const monthInRange = (month: YearMonth, range: PeriodRange<YearMonth>): boolean => byMonth(month, range.first) >= 0 && byMonth(month, range.last) <= 0;
export const weekInRange = (week: IsoWeek): boolean => byWeek(week, WEEK_RANGE.first) >= 0 && byWeek(week, WEEK_RANGE.last) <= 0;

/** A range as the user types its ends: `1900-03`…`9999-12`, `1900-W10`…`9999-W51`. */
export const monthRangeText = (range: PeriodRange<YearMonth>): PeriodRange<string> => ({ first: formatMonthText(range.first), last: formatMonthText(range.last) });
export const WEEK_RANGE_TEXT: PeriodRange<string> = { first: formatWeekText(WEEK_RANGE.first), last: formatWeekText(WEEK_RANGE.last) };
