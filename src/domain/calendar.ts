import { apportion } from "./apportion";
import { argNames } from "../contract/functionNames";
import { type Bilingual, verbatim } from "../contract/locale";
import { numError, valueError } from "./errors";

const WEEKSPLIT = argNames("WEEKSPLIT");
const WORKDAYS = argNames("WORKDAYS");
const DATE: Bilingual = { en: "date", zh: "日期" };

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
export function checkSerial(serial: number, what: Bilingual): number {
  if (!Number.isInteger(serial)) {
    throw numError({
      en: `${what.en} must be a whole date serial (got ${serial})`,
      zh: `${what.zh}必须是整数形式的日期序列号（当前为 ${serial}）`,
    });
  }
  if (serial < FIRST_SERIAL) {
    throw numError({
      en: `${what.en}: dates before 1900-03-01 are not supported (serial 61; got ${serial})`,
      zh: `${what.zh}早于 1900-03-01（序列号 61），超出支持范围（当前为 ${serial}）`,
    });
  }
  if (serial > LAST_SERIAL) {
    throw numError({
      en: `${what.en}: dates after 9999-12-31 are not supported (got ${serial})`,
      zh: `${what.zh}晚于 9999-12-31，超出支持范围（当前为 ${serial}）`,
    });
  }
  return serial;
}

export function daysInMonth(year: number, month: number): number {
  return daysFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - daysFromCivil(year, month, 1);
}

export function checkYearMonth(year: number, month: number): void {
  if (!Number.isInteger(year) || year < 1900 || year > 9999) {
    throw numError({
      en: `year must be a whole number from 1900 to 9999 (got ${year})`,
      zh: `${WEEKSPLIT.year.zh}必须是 1900 到 9999 之间的整数（当前为 ${year}）`,
    });
  }
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw numError({
      en: `month must be a whole number from 1 to 12 (got ${month})`,
      zh: `${WEEKSPLIT.month.zh}必须是 1 到 12 之间的整数（当前为 ${month}）`,
    });
  }
}

export function serialFromYmd(year: number, month: number, day: number): number {
  checkYearMonth(year, month);
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) {
    const yearMonth = `${year}-${String(month).padStart(2, "0")}`;
    throw numError({ en: `day must be a day of ${yearMonth} (got ${day})`, zh: `日必须是 ${yearMonth} 中的一天（当前为 ${day}）` });
  }
  return checkSerial(daysFromCivil(year, month, day) - SERIAL_EPOCH, verbatim(formatYmd({ year, month, day })));
}

export function ymdFromSerial(serial: number): Ymd {
  return civilFromDays(checkSerial(serial, DATE) + SERIAL_EPOCH);
}

export function formatSerial(serial: number): string {
  return formatYmd(ymdFromSerial(serial));
}

/** ISO weekday, Monday = 1 … Sunday = 7 (serial 61, 1900-03-01, was a Thursday). */
export function isoWeekday(serial: number): number {
  return ((checkSerial(serial, DATE) + 5) % 7) + 1;
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
    throw numError({
      en: `week must be a whole number from 1 to ${weeks} for ${year} (got ${week})`,
      zh: `${year} 年的周数必须是 1 到 ${weeks} 之间的整数（当前为 ${week}）`,
    });
  }
  return checkSerial(firstMonday + (week - 1) * 7, { en: `week ${week} of ${year}`, zh: `${year} 年第 ${week} 周` });
}

/**
 * Which days a company works before holidays and 调休 are applied: 双休 (Monday–Friday), 单休
 * (Monday–Saturday) or 大小周, where Saturdays alternate: a long week works Monday–Saturday, the next
 * (short) one Monday–Friday. `longSaturday` is the Saturday of one long week; every 14 days from it
 * another Saturday is worked.
 */
export type WorkWeek =
  | { readonly kind: "fiveDay" }
  | { readonly kind: "sixDay" }
  | { readonly kind: "alternate"; readonly longSaturday: number };

export const FIVE_DAY_WEEK: WorkWeek = { kind: "fiveDay" };
export const SIX_DAY_WEEK: WorkWeek = { kind: "sixDay" };

/** 大小周 whose long weeks include the Monday–Sunday week of `dateInLongWeek`. */
export function alternateWeek(dateInLongWeek: number): WorkWeek {
  return { kind: "alternate", longSaturday: dateInLongWeek - isoWeekday(dateInLongWeek) + 6 };
}

/** A 大小周's long Saturday's place in the fortnight (0 or 7; serial 63 was a Saturday): all that tells two of them apart. */
export const fortnightPhase = (longSaturday: number): number => ((longSaturday % 14) + 14) % 14;

/** Equal for two work weeks that work the same days (a 大小周 by the parity of its long Saturdays). */
export function workWeekKey(week: WorkWeek): string {
  return week.kind === "alternate" ? `alternate:${fortnightPhase(week.longSaturday)}` : week.kind;
}

/** Whether the work week itself (no holidays, no 调休) works on `serial`. */
function worksOn(week: WorkWeek, serial: number): boolean {
  const weekday = isoWeekday(serial);
  if (weekday <= 5) return true;
  if (weekday === 7) return false;
  return week.kind === "sixDay" || (week.kind === "alternate" && (serial - week.longSaturday) % 14 === 0);
}

export interface WorkCalendar {
  readonly week: WorkWeek;
  /** Holidays that fall on a day the work week works, sorted: the only ones that remove a working day. */
  readonly holidays: readonly number[];
  /** Make-up working days (调休) that fall on a day the work week rests, sorted: the only ones that add one. */
  readonly makeUpDays: readonly number[];
  /** Every date as listed, sorted, whatever the work week: what a 节假日 table in the workbook shows. */
  readonly listed: { readonly holidays: readonly number[]; readonly makeUpDays: readonly number[] };
  isWorkingDay(serial: number): boolean;
}

function sortedUnique(serials: readonly number[], keep: (serial: number) => boolean): number[] {
  return [...new Set(serials)].filter(keep).sort((a, b) => a - b);
}

export function makeWorkCalendar(holidays: readonly number[], makeUpDays: readonly number[], week: WorkWeek = FIVE_DAY_WEEK): WorkCalendar {
  holidays.forEach((serial) => checkSerial(serial, WORKDAYS.holidays));
  makeUpDays.forEach((serial) => checkSerial(serial, WORKDAYS.workdays));
  const holidaySet = new Set(holidays);
  const clash = makeUpDays.find((serial) => holidaySet.has(serial));
  if (clash !== undefined) {
    const date = formatSerial(clash);
    throw valueError({
      en: `${date} is both a holiday and a make-up working day; list it in holidays or in workdays, not both`,
      zh: `${date} 同时填在了${WORKDAYS.holidays.zh}和${WORKDAYS.workdays.zh}中，只能填在其中一处`,
    });
  }
  const makeUpSet = new Set(makeUpDays);
  return {
    week,
    holidays: sortedUnique(holidays, (serial) => worksOn(week, serial)),
    makeUpDays: sortedUnique(makeUpDays, (serial) => !worksOn(week, serial)),
    listed: { holidays: sortedUnique(holidays, () => true), makeUpDays: sortedUnique(makeUpDays, () => true) },
    isWorkingDay: (serial) => makeUpSet.has(serial) || (!holidaySet.has(serial) && worksOn(week, serial)),
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

/** The serials ≡ anchor (mod period) in from..to. */
function everyNthBetween(from: number, to: number, anchor: number, period: number): number {
  const first = from + ((((anchor - from) % period) + period) % period);
  return first > to ? 0 : Math.floor((to - first) / period) + 1;
}

/** Serial 63 (1900-03-03) was a Saturday. */
const A_SATURDAY = 63;

/** Days the work week works in from..to (from ≤ to): arithmetic on whole weeks and fortnights, no loop over the span. */
function weekDaysBetween(from: number, to: number, week: WorkWeek): number {
  const days = to - from + 1;
  const wholeWeeks = Math.floor(days / 7);
  let count = wholeWeeks * 5;
  for (let serial = from + wholeWeeks * 7; serial <= to; serial++) if (isoWeekday(serial) <= 5) count++;
  if (week.kind === "sixDay") count += everyNthBetween(from, to, A_SATURDAY, 7);
  if (week.kind === "alternate") count += everyNthBetween(from, to, week.longSaturday, 14);
  return count;
}

/**
 * Working days from start to end inclusive, negative when start > end (like NETWORKDAYS).
 * O(log h) in the list lengths, independent of the span.
 */
export function workdays(start: number, end: number, calendar: WorkCalendar): number {
  checkSerial(start, WORKDAYS.start);
  checkSerial(end, WORKDAYS.end);
  if (start > end) return -workdays(end, start, calendar);
  return (
    weekDaysBetween(start, end, calendar.week) -
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
    const yearMonth = `${year}-${String(month).padStart(2, "0")}`;
    throw numError({ en: `${yearMonth} has no working day to split target over`, zh: `${yearMonth} 没有工作日，无法拆分目标` });
  }
  const amounts = apportion(target, weeks.map((week) => week.workingDays), unit);
  return weeks.map((week, index) => ({ ...week, amount: amounts[index] }));
}

/** The working dates start..end (empty when start > end). */
export function workingDates(start: number, end: number, calendar: WorkCalendar): number[] {
  checkSerial(start, WORKDAYS.start);
  checkSerial(end, WORKDAYS.end);
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
  checkSerial(start, WORKDAYS.start);
  checkSerial(end, WORKDAYS.end);
  if (start > end) {
    throw numError({
      en: `start (${formatSerial(start)}) must not be after end (${formatSerial(end)})`,
      zh: `${WORKDAYS.start.zh}（${formatSerial(start)}）不能晚于${WORKDAYS.end.zh}（${formatSerial(end)}）`,
    });
  }
  const dates = workingDates(start, end, calendar);
  if (dates.length === 0) {
    throw numError({
      en: `there is no working day from ${formatSerial(start)} to ${formatSerial(end)} to split target over`,
      zh: `${formatSerial(start)} 至 ${formatSerial(end)} 之间没有工作日，无法拆分目标`,
    });
  }
  const amounts = apportion(target, dates.map(() => 1), unit);
  return dates.map((date, index) => ({ date, amount: amounts[index] }));
}

/**
 * The Excel serial of a moment as the clock on the user's wall shows it, to the whole second: Excel's
 * date-times carry no time zone, and a deadline typed as "17:00" means the user's own 17:00.
 */
export function serialOfLocalTime(at: Date): number {
  const day = serialFromYmd(at.getFullYear(), at.getMonth() + 1, at.getDate());
  return day + (at.getHours() * 3600 + at.getMinutes() * 60 + at.getSeconds()) / 86400;
}

/** "2026-11-29 16:05": a date-time serial to the nearest minute, as the pane shows it. */
export function formatSerialTime(serial: number): string {
  const minutes = Math.round(serial * 1440);
  const day = Math.floor(minutes / 1440);
  const inDay = minutes - day * 1440;
  const hh = String(Math.floor(inDay / 60)).padStart(2, "0");
  const mm = String(inDay % 60).padStart(2, "0");
  return `${formatSerial(day)} ${hh}:${mm}`;
}
