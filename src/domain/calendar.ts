import { apportion } from "./apportion";
import { numError, valueError } from "./errors";

/**
 * Excel 1900 date serials and China's working-day calendar (DOMAIN §2.4).
 *
 * Serial 1 is 1900-01-01, but Excel also counts a 1900-02-29 that never existed (serial 60), so
 * serials before 61 disagree with the real calendar by a day. Rather than reproduce that bug, dates
 * before 1900-03-01 are rejected with #NUM!; no sales plan needs them. The upper end is Excel's own
 * last date, 9999-12-31.
 */

export const FIRST_SERIAL = 61;
export const LAST_SERIAL = 2958465;

export interface Ymd {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Days from 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function civilFromDays(days: number): Ymd {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** From 1900-03-01 on, Excel serials count days from 1899-12-30 (one day absorbed by the fake 29 Feb). */
const SERIAL_EPOCH = daysFromCivil(1899, 12, 30);

function formatYmd({ year, month, day }: Ymd): string {
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Validates a date serial; `what` names it in the message. */
export function checkSerial(serial: number, what: string): number {
  if (!Number.isInteger(serial)) throw numError(`${what} must be a whole date serial (got ${serial})`);
  if (serial < FIRST_SERIAL) {
    throw numError(`${what}: dates before 1900-03-01 are not supported (serial 61; got ${serial})`);
  }
  if (serial > LAST_SERIAL) throw numError(`${what}: dates after 9999-12-31 are not supported (got ${serial})`);
  return serial;
}

export function daysInMonth(year: number, month: number): number {
  return daysFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - daysFromCivil(year, month, 1);
}

export function checkYearMonth(year: number, month: number): void {
  if (!Number.isInteger(year) || year < 1900 || year > 9999) throw numError(`year must be a whole number from 1900 to 9999 (got ${year})`);
  if (!Number.isInteger(month) || month < 1 || month > 12) throw numError(`month must be a whole number from 1 to 12 (got ${month})`);
}

export function serialFromYmd(year: number, month: number, day: number): number {
  checkYearMonth(year, month);
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) {
    throw numError(`day must be a day of ${year}-${String(month).padStart(2, "0")} (got ${day})`);
  }
  return checkSerial(daysFromCivil(year, month, day) - SERIAL_EPOCH, formatYmd({ year, month, day }));
}

export function ymdFromSerial(serial: number): Ymd {
  return civilFromDays(checkSerial(serial, "date") + SERIAL_EPOCH);
}

export function formatSerial(serial: number): string {
  return formatYmd(ymdFromSerial(serial));
}

/** ISO weekday, Monday = 1 … Sunday = 7 (serial 61, 1900-03-01, was a Thursday). */
export function isoWeekday(serial: number): number {
  return ((checkSerial(serial, "date") + 5) % 7) + 1;
}

/** ISO 8601 week: the week belongs to the year of its Thursday. */
export function isoWeek(serial: number): { year: number; week: number } {
  const thursday = serial - isoWeekday(serial) + 4;
  const { year } = civilFromDays(thursday + SERIAL_EPOCH);
  return { year, week: Math.floor((thursday - (daysFromCivil(year, 1, 1) - SERIAL_EPOCH)) / 7) + 1 };
}

/** Monday of ISO week `week` of `year` (week 1 holds 4 January). */
export function isoWeekMonday(year: number, week: number): number {
  checkYearMonth(year, 1);
  const january4 = daysFromCivil(year, 1, 4) - SERIAL_EPOCH;
  const firstMonday = january4 - (((january4 + 5) % 7) + 1) + 1;
  const weeks = isoWeek(daysFromCivil(year, 12, 28) - SERIAL_EPOCH).week;
  if (!Number.isInteger(week) || week < 1 || week > weeks) {
    throw numError(`week must be a whole number from 1 to ${weeks} for ${year} (got ${week})`);
  }
  return checkSerial(firstMonday + (week - 1) * 7, `week ${week} of ${year}`);
}

export interface WorkCalendar {
  /** Holidays that fall on Monday–Friday, sorted: the only ones that remove a working day. */
  readonly holidays: readonly number[];
  /** Make-up working days (调休) that fall on Saturday or Sunday, sorted: the only ones that add one. */
  readonly makeUpDays: readonly number[];
  isWorkingDay(serial: number): boolean;
}

const isWeekday = (serial: number): boolean => isoWeekday(serial) <= 5;

function sortedUnique(serials: readonly number[], keep: (serial: number) => boolean): number[] {
  return [...new Set(serials)].filter(keep).sort((a, b) => a - b);
}

export function makeWorkCalendar(holidays: readonly number[], makeUpDays: readonly number[]): WorkCalendar {
  holidays.forEach((serial) => checkSerial(serial, "holidays"));
  makeUpDays.forEach((serial) => checkSerial(serial, "workdays"));
  const holidaySet = new Set(holidays);
  const clash = makeUpDays.find((serial) => holidaySet.has(serial));
  if (clash !== undefined) {
    throw valueError(`${formatSerial(clash)} is both a holiday and a make-up working day; list it in holidays or in workdays, not both`);
  }
  const makeUpSet = new Set(makeUpDays);
  return {
    holidays: sortedUnique(holidays, isWeekday),
    makeUpDays: sortedUnique(makeUpDays, (serial) => !isWeekday(serial)),
    isWorkingDay: (serial) => makeUpSet.has(serial) || (!holidaySet.has(serial) && isWeekday(serial)),
  };
}

export const PLAIN_WEEKS: WorkCalendar = makeWorkCalendar([], []);

/** Index of the first element ≥ value in a sorted list. */
function lowerBound(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle] < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

const countBetween = (sorted: readonly number[], from: number, to: number): number =>
  lowerBound(sorted, to + 1) - lowerBound(sorted, from);

/** Monday–Friday days in from..to (from ≤ to): whole weeks arithmetically, then the last few days. */
function weekdaysBetween(from: number, to: number): number {
  const days = to - from + 1;
  const wholeWeeks = Math.floor(days / 7);
  let count = wholeWeeks * 5;
  for (let serial = from + wholeWeeks * 7; serial <= to; serial++) if (isWeekday(serial)) count++;
  return count;
}

/**
 * Working days from start to end inclusive, negative when start > end (like NETWORKDAYS).
 * O(log h) in the list lengths, independent of the span.
 */
export function workdays(start: number, end: number, calendar: WorkCalendar): number {
  checkSerial(start, "start");
  checkSerial(end, "end");
  if (start > end) return -workdays(end, start, calendar);
  return (
    weekdaysBetween(start, end) -
    countBetween(calendar.holidays, start, end) +
    countBetween(calendar.makeUpDays, start, end)
  );
}

export interface WeekSpan {
  readonly from: number;
  readonly to: number;
  readonly workingDays: number;
}

/** Monday–Sunday weeks clipped to the month, keeping those with at least one working day. */
export function monthWeeks(year: number, month: number, calendar: WorkCalendar): WeekSpan[] {
  const first = serialFromYmd(year, month, 1);
  const last = serialFromYmd(year, month, daysInMonth(year, month));
  const weeks: WeekSpan[] = [];
  for (let from = first; from <= last; ) {
    const to = Math.min(from + 7 - isoWeekday(from), last);
    const workingDays = workdays(from, to, calendar);
    if (workingDays > 0) weeks.push({ from, to, workingDays });
    from = to + 1;
  }
  return weeks;
}

/** A month target split over its weeks in proportion to their working days (rule §2.3). */
export function weekSplit(
  target: number,
  year: number,
  month: number,
  calendar: WorkCalendar,
  unit = 1,
): (WeekSpan & { readonly amount: number })[] {
  const weeks = monthWeeks(year, month, calendar);
  if (weeks.length === 0) {
    throw numError(`${year}-${String(month).padStart(2, "0")} has no working day to split target over`);
  }
  const amounts = apportion(target, weeks.map((week) => week.workingDays), unit);
  return weeks.map((week, index) => ({ ...week, amount: amounts[index] }));
}

/** The working dates start..end (empty when start > end). */
export function workingDates(start: number, end: number, calendar: WorkCalendar): number[] {
  checkSerial(start, "start");
  checkSerial(end, "end");
  const dates: number[] = [];
  for (let serial = start; serial <= end; serial++) if (calendar.isWorkingDay(serial)) dates.push(serial);
  return dates;
}

/** A target split evenly over the working days start..end; earlier days take the extra units. */
export function daySplit(
  target: number,
  start: number,
  end: number,
  calendar: WorkCalendar,
  unit = 1,
): { readonly date: number; readonly amount: number }[] {
  checkSerial(start, "start");
  checkSerial(end, "end");
  if (start > end) throw numError(`start (${formatSerial(start)}) must not be after end (${formatSerial(end)})`);
  const dates = workingDates(start, end, calendar);
  if (dates.length === 0) {
    throw numError(`there is no working day from ${formatSerial(start)} to ${formatSerial(end)} to split target over`);
  }
  const amounts = apportion(target, dates.map(() => 1), unit);
  return dates.map((date, index) => ({ date, amount: amounts[index] }));
}
