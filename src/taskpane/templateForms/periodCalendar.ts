import {
  alternateWeek,
  daysInMonth,
  FIVE_DAY_WEEK,
  formatSerial,
  isoWeekday,
  isoWeekMonday,
  makeWorkCalendar,
  serialFromYmd,
  SIX_DAY_WEEK,
  ymdFromSerial,
  type WorkWeek,
} from "../../domain/calendar";
import { planningCalendar, type PlanningCalendar } from "../../domain/chinaCalendar";
import { formatDateList, monthAfter, parseDateList, parseDateText, parseMonthText, parseWeekText, type DateLists, type IsoWeek, type YearMonth } from "../../domain/dateText";
import { DomainError } from "../../domain/errors";
import { parseHolidayNotice, type NoticeParse } from "../../domain/holidayNotice";
import { MONTH_RANGE, monthInRange, monthRangeText, WEEK_RANGE_TEXT, weekInRange, YEAR_RANGE, type PeriodRange } from "../../domain/periodRange";
import { readWholeNumber } from "../../domain/typedText";
import type { Locale } from "../../contract/locale";
import { uiStrings } from "../strings";
import type { FieldProblem } from "./validate";

/**
 * Which holidays and work week a form plans with, and what to tell the user about them. The pane's
 * default is the built-in China calendar for the years of the chosen period on 双休; the holiday box
 * holds only the user's own lines, laid over it. Shared by the template and breakdown forms.
 */

/** A planned period: a week, a month or a year, as the serials of its first and last day. */
export interface CalendarPeriod {
  readonly kind: "week" | "month" | "year";
  readonly start: number;
  readonly end: number;
}

/**
 * A week, month or year field read as the command line reads its option: only periods every day of which
 * the calendar counts (domain/periodRange.ts). Anything else is the field's problem, with the range to
 * type, so nothing computed from the field meets a date the calendar refuses.
 */
export function readWeekField(text: string): IsoWeek | FieldProblem {
  const week = parseWeekText(text);
  if (!week) return { code: "weekFormat" };
  return weekInRange(week) ? week : { code: "outOfRange", period: "week", ...WEEK_RANGE_TEXT };
}

/** `range`: a monthly plan's ends a month early, as its review falls due in the next month (MONTHLY_PLAN_MONTHS). */
export function readMonthField(text: string, range: PeriodRange<YearMonth>): YearMonth | FieldProblem {
  const month = parseMonthText(text);
  if (!month) return { code: "monthFormat" };
  return monthInRange(month, range) ? month : { code: "outOfRange", period: "month", ...monthRangeText(range) };
}

export function readYearField(text: string): number | FieldProblem {
  return readWholeNumber(text, YEAR_RANGE.first, YEAR_RANGE.last) ?? { code: "wholeNumber", min: YEAR_RANGE.first, max: YEAR_RANGE.last };
}

export function weekPeriod({ year, week }: IsoWeek): CalendarPeriod {
  const start = isoWeekMonday(year, week);
  return { kind: "week", start, end: start + 6 };
}

export const monthPeriod = ({ year, month }: YearMonth): CalendarPeriod => ({
  kind: "month",
  start: serialFromYmd(year, month, 1),
  end: serialFromYmd(year, month, daysInMonth(year, month)),
});

/** The month after: a monthly plan's review date falls in it. */
export const nextMonthPeriod = (month: YearMonth): CalendarPeriod => monthPeriod(monthAfter(month));

/** The month after, when the calendar counts it: a diary of 9999-12 looks no further than its month. */
export const nextMonthPeriods = (month: YearMonth): CalendarPeriod[] => (monthInRange(monthAfter(month), MONTH_RANGE) ? [nextMonthPeriod(month)] : []);

export const yearPeriod = (year: number): CalendarPeriod => ({ kind: "year", start: serialFromYmd(year, 1, 1), end: serialFromYmd(year, 12, 31) });

const yearOf = (serial: number): number => ymdFromSerial(serial).year;

/** The calendar a valid holiday box gives, with what is needed to say what it holds. */
export type CalendarInUse = PlanningCalendar;

/** The work-week radio's value: 双休, 单休 or 大小周. */
export type WorkWeekKind = WorkWeek["kind"];

/** The work week chosen; 大小周 needs a readable date in one of its long weeks, as typed beside it. */
export function workWeekInUse(kind: WorkWeekKind, longWeek: string): WorkWeek | FieldProblem {
  if (kind === "fiveDay") return FIVE_DAY_WEEK;
  if (kind === "sixDay") return SIX_DAY_WEEK;
  if (longWeek.trim() === "") return { code: "required" };
  const date = parseDateText(longWeek);
  return date === null ? { code: "dateFormat" } : alternateWeek(date);
}

/**
 * The user's lines laid over the built-in China calendar (when on) for the years the periods touch:
 * those planned, and any a template looks into (a monthly plan's review date, a few working days into
 * the next month), on the work week chosen. Without a period (it is still being typed) only the user's
 * lines are checked.
 */
export function calendarInUse(text: string, chinaCalendar: boolean, periods: readonly CalendarPeriod[], week: WorkWeek = FIVE_DAY_WEEK): CalendarInUse | FieldProblem {
  const parsed = parseDateList(text);
  if (!parsed.ok) return { code: "dateLine", line: parsed.line, text: parsed.text };
  const user: DateLists = { holidays: parsed.holidays, makeUpDays: parsed.makeUpDays };
  try {
    return planningCalendar(user, chinaCalendar, periods.flatMap(({ start, end }) => [yearOf(start), yearOf(end)]), week);
  } catch (error) {
    // The rule's own message already says what is wrong, in both languages.
    if (error instanceof DomainError) return { code: "calendar", detail: error.text };
    throw error;
  }
}

/** A run of consecutive days of one kind: a break, or make-up working days. */
interface Run {
  readonly workday: boolean;
  readonly days: number[];
}

function runsIn({ start, end }: CalendarPeriod, dates: DateLists): Run[] {
  const days = [...dates.holidays.map((date) => ({ date, workday: false })), ...dates.makeUpDays.map((date) => ({ date, workday: true }))]
    .filter(({ date }) => date >= start && date <= end)
    .sort((a, b) => a.date - b.date);
  const runs: Run[] = [];
  for (const { date, workday } of days) {
    const last = runs[runs.length - 1];
    if (last && last.workday === workday && last.days[last.days.length - 1] === date - 1) last.days.push(date);
    else runs.push({ workday, days: [date] });
  }
  return runs;
}

/**
 * The work week in words, when it is not 双休 (which goes without saying): 单休, or 大小周 with which
 * weeks are long — for a week, whether it is one; else the first long week's Saturday in the period
 * (every period longer than a week has one), which fixes all the others.
 */
function describeWorkWeek(period: CalendarPeriod, week: WorkWeek, text: (serial: number) => string, locale: Locale): string | undefined {
  const s = uiStrings(locale);
  if (week.kind === "fiveDay") return undefined;
  if (week.kind === "sixDay") return s.workWeekSixDay;
  // The work week alone, without holidays: whether a Saturday is a long week's is the domain's rule.
  const plainWeeks = makeWorkCalendar([], [], week);
  const firstSaturday = period.start + ((6 - isoWeekday(period.start) + 7) % 7);
  if (period.kind === "week") return s.calendarAlternateWeek(plainWeeks.isWorkingDay(firstSaturday));
  const longSaturday = plainWeeks.isWorkingDay(firstSaturday) ? firstSaturday : firstSaturday + 7;
  return s.calendarAlternate(text(longSaturday));
}

/**
 * What the calendar in use holds for the period, in words: "本月：10-01—10-07 放假；10-10（周六）调休上班",
 * led by the work week when it is not 双休 ("本月：单休（周一至周六）；10-01—10-07 放假；…").
 * Dates are month-day unless the period runs over a year end (a week such as 2026-W53). Nothing, when
 * nothing is known for a period in a year without data: "no holidays" would be a guess, and the
 * uncovered-year warning says what is missing.
 */
export function describePeriodCalendar(
  period: CalendarPeriod,
  { calendar, dates, uncovered }: Pick<CalendarInUse, "calendar" | "dates" | "uncovered">,
  chinaCalendar: boolean,
  locale: Locale,
): string | undefined {
  const s = uiStrings(locale);
  const oneYear = yearOf(period.start) === yearOf(period.end);
  const text = (serial: number): string => (oneYear ? formatSerial(serial).slice(5) : formatSerial(serial));
  const workWeek = describeWorkWeek(period, calendar.week, text, locale);
  const items = runsIn(period, dates).map(({ workday, days }) =>
    workday
      ? s.calendarWorkDays(days.map((date) => text(date) + s.weekdayAfterDate[isoWeekday(date) - 1]))
      : s.calendarDaysOff(text(days[0]), days.length > 1 ? text(days[days.length - 1]) : undefined),
  );
  if (items.length > 0) return s.calendarInPeriod[period.kind](workWeek ? [workWeek, ...items] : items);
  const guess = uncovered.some((year) => year >= yearOf(period.start) && year <= yearOf(period.end));
  return guess ? undefined : s.calendarNothing[period.kind](chinaCalendar, workWeek);
}

/** The year a pasted notice is read for: the first year lacking data, else the period's. */
export const noticeYearFor = (period: CalendarPeriod | undefined, uncovered: readonly number[], today: Date): number =>
  uncovered[0] ?? (period ? yearOf(period.start) : today.getFullYear());

/** A pasted notice read for the year typed beside it. */
export function readNotice(text: string, yearText: string): NoticeParse | FieldProblem {
  const year = readYearField(yearText);
  return typeof year === "number" ? parseHolidayNotice(text, year) : year;
}

/**
 * The holiday box with a notice's dates added after the user's lines. A date the box already names keeps
 * the user's line: theirs wins over any other source, and adding the other meaning would only make the
 * box contradict itself.
 */
export function addNoticeLines(box: string, notice: DateLists): string {
  const own = parseDateList(box);
  const named = new Set(own.ok ? [...own.holidays, ...own.makeUpDays] : []);
  const added = formatDateList({ holidays: notice.holidays.filter((date) => !named.has(date)), makeUpDays: notice.makeUpDays.filter((date) => !named.has(date)) });
  if (added === "") return box;
  const kept = box.replace(/\s+$/, "");
  return kept === "" ? added : `${kept}\n${added}`;
}
