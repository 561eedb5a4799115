import { FIVE_DAY_WEEK, makeWorkCalendar, PLAIN_WEEKS, serialFromYmd, type WorkCalendar, type WorkWeek, workWeekKey, ymdFromSerial } from "./calendar";
import { FESTIVALS, FIRST_YEAR, LAST_YEAR, SOURCE, YEARS } from "./chinaHolidays.data";
import type { DateLists } from "./dateText";
import type { Bilingual } from "../contract/locale";

/**
 * China's official holidays and make-up working days (调休), built in from the State Council's yearly
 * notices as collected by chinese-days (see chinaHolidays.data.ts, generated at build time). A user's
 * own holiday lines are laid over them: for a date both name, the user's line wins, so a company can
 * work an official day off or take an extra one.
 */

export const CHINA_CALENDAR = { source: SOURCE, firstYear: FIRST_YEAR, lastYear: LAST_YEAR } as const;

/** One day of the built-in schedule: a day off, or (`workday`) a weekend day worked instead. */
export interface ChinaDay {
  readonly date: number;
  readonly workday: boolean;
  readonly festival: Bilingual;
}

export const isChinaYearCovered = (year: number): boolean => Number.isInteger(year) && year >= FIRST_YEAR && year <= LAST_YEAR;

/** The years from..to the built-in data does not cover: a period there must not pass for plain Monday–Friday unannounced. */
export function uncoveredYears(fromYear: number, toYear: number): number[] {
  const years: number[] = [];
  for (let year = fromYear; year <= toYear; year++) if (!isChinaYearCovered(year)) years.push(year);
  return years;
}

/** "10-01..10-07 10-10" in `year` → its date serials. */
function datesOf(year: number, runs: string): number[] {
  const dates: number[] = [];
  for (const run of runs.split(" ").filter(Boolean)) {
    const [from, to = from] = run.split("..").map((mmdd) => serialFromYmd(year, Number(mmdd.slice(0, 2)), Number(mmdd.slice(3))));
    for (let serial = from; serial <= to; serial++) dates.push(serial);
  }
  return dates;
}

const yearCache = new Map<number, readonly ChinaDay[]>();

/** The built-in days of one year (of the date), sorted; undefined for a year the data does not cover. */
export function chinaYearDays(year: number): readonly ChinaDay[] | undefined {
  if (!isChinaYearCovered(year)) return undefined;
  let days = yearCache.get(year);
  if (!days) {
    days = YEARS[year]
      .flatMap(([festival, off, work]) => [
        ...datesOf(year, off).map((date) => ({ date, workday: false, festival: FESTIVALS[festival] })),
        ...datesOf(year, work).map((date) => ({ date, workday: true, festival: FESTIVALS[festival] })),
      ])
      .sort((a, b) => a.date - b.date);
    yearCache.set(year, days);
  }
  return days;
}

/** The built-in holidays and make-up days of the covered years among fromYear..toYear (all by default). */
export function chinaDates(fromYear: number = FIRST_YEAR, toYear: number = LAST_YEAR): DateLists {
  const days: ChinaDay[] = [];
  for (let year = Math.max(fromYear, FIRST_YEAR); year <= Math.min(toYear, LAST_YEAR); year++) days.push(...(chinaYearDays(year) ?? []));
  return {
    holidays: days.filter((day) => !day.workday).map((day) => day.date),
    makeUpDays: days.filter((day) => day.workday).map((day) => day.date),
  };
}

/**
 * The built-in lists with the user's laid over them: a date the user lists keeps only the user's
 * meaning (`+2026-10-01` makes the built-in 国庆 holiday a working day; `2026-10-10` gives the
 * built-in make-up Saturday off). A date the user lists both ways stays in both, for
 * `makeWorkCalendar` to refuse with its own message.
 */
export function mergeDateLists(builtIn: DateLists, user: DateLists): DateLists {
  const userDates = new Set([...user.holidays, ...user.makeUpDays]);
  const merge = (own: readonly number[], theirs: readonly number[]): number[] =>
    [...new Set([...own, ...theirs.filter((date) => !userDates.has(date))])].sort((a, b) => a - b);
  return { holidays: merge(user.holidays, builtIn.holidays), makeUpDays: merge(user.makeUpDays, builtIn.makeUpDays) };
}

const NO_DATES: DateLists = { holidays: [], makeUpDays: [] };
/** Built-in calendars by year range and work week: a custom function recalculating a thousand cells asks for the same one each time. */
const builtInCache = new Map<string, WorkCalendar>();

/**
 * The working-day calendar: built-in dates of fromYear..toYear (all covered years by default) under the
 * user's, on top of the work week (双休 by default).
 */
export function chinaWorkCalendar(
  user: DateLists = NO_DATES,
  fromYear: number = FIRST_YEAR,
  toYear: number = LAST_YEAR,
  week: WorkWeek = FIVE_DAY_WEEK,
): WorkCalendar {
  const builtInOnly = user.holidays.length === 0 && user.makeUpDays.length === 0;
  const key = `${fromYear}..${toYear} ${workWeekKey(week)}`;
  const cached = builtInOnly ? builtInCache.get(key) : undefined;
  if (cached) return cached;
  const merged = mergeDateLists(chinaDates(fromYear, toYear), user);
  const calendar = makeWorkCalendar(merged.holidays, merged.makeUpDays, week);
  if (builtInOnly) builtInCache.set(key, calendar);
  return calendar;
}

/** The calendar a plan counts working days with, the dates it lists, and the years it lacks. */
export interface PlanningCalendar {
  readonly calendar: WorkCalendar;
  /** Every listed date, built-in under the user's (a holiday's weekend days kept, so 10-01—10-07 reads as one break). */
  readonly dates: DateLists;
  /** Years without built-in data whose dates the user has not given either: to be named, never counted as plain weeks in silence. */
  readonly uncovered: readonly number[];
}

/**
 * The one rule every front door plans with: the user's lines laid over China's built-in days of `years`
 * (when `china`), or the user's lines alone, on the work week `week` (Monday–Friday by default). A year the data lacks counts as supplied once the user lists
 * a date in it. Throws DomainError for a date the user lists both as a day off and as a working day.
 */
export function planningCalendar(user: DateLists, china: boolean, years: readonly number[], week: WorkWeek = FIVE_DAY_WEEK): PlanningCalendar {
  if (!china || years.length === 0) {
    const plain = user.holidays.length === 0 && user.makeUpDays.length === 0;
    return { calendar: plain && week.kind === "fiveDay" ? PLAIN_WEEKS : makeWorkCalendar(user.holidays, user.makeUpDays, week), dates: user, uncovered: [] };
  }
  const from = Math.min(...years);
  const to = Math.max(...years);
  const userYears = new Set([...user.holidays, ...user.makeUpDays].map((date) => ymdFromSerial(date).year));
  return {
    calendar: chinaWorkCalendar(user, from, to, week),
    dates: mergeDateLists(chinaDates(from, to), user),
    // The years between two periods (a diary's month and a far week) are not planned in: not named either.
    uncovered: uncoveredYears(from, to).filter((year) => years.includes(year) && !userYears.has(year)),
  };
}
