import { apportion } from "../domain/apportion";
import {
  checkYearMonth,
  daySplit as splitByDay,
  makeWorkCalendar,
  type WorkCalendar,
  weekSplit as splitByWeek,
  workdays as countWorkdays,
  ymdFromSerial,
} from "../domain/calendar";
import { CHINA_CALENDAR, chinaWorkCalendar, uncoveredYears } from "../domain/chinaCalendar";
import { applyDiscounts, parseDiscount } from "../domain/discount";
import { argNames } from "../contract/functionNames";
import type { Bilingual } from "../contract/locale";
import { naError, numError, valueError } from "../domain/errors";
import {
  abcClassOf,
  abcCutoffs,
  DEFAULT_A_SHARE,
  DEFAULT_B_SHARE,
  DEFAULT_VISIT_INTERVALS,
  nextVisitDate,
  readTier,
  thresholdTiers,
  type VisitIntervals,
} from "../domain/tiers";
import {
  amountsArg,
  cellLabel,
  checkSameShape,
  dateArg,
  dateListArg,
  dateOrBlank,
  errorValueError,
  excelErrorCode,
  filledRangeArg,
  holidayListArg,
  isBlank,
  numberArg,
  numberCells,
  numberOrBlank,
  optionalNumberArg,
  rangeArg,
  reshape,
  reshapeFew,
  wholeNumberArg,
  workWeekArg,
} from "./excelArgs";

/**
 * Each custom function's work on Excel's raw arguments: read them (excelArgs), apply the rule
 * (domain), lay the result out as Excel expects. Errors are thrown; excelErrors turns them into values.
 */

/** Excel's row limit: a result taller than the grid could never spill. */
const EXCEL_ROWS = 1048576;

/** Each function's arguments named in English and zh-CN (contract/functionNames.zh-CN.json), for the messages. */
const ABC = argNames("ABC");
const TIER = argNames("TIER");
const NEXTVISIT = argNames("NEXTVISIT");
const SPLIT = argNames("SPLIT");
const WORKDAYS = argNames("WORKDAYS");
const WEEKSPLIT = argNames("WEEKSPLIT");
const DAYSPLIT = argNames("DAYSPLIT");
const DISCOUNT = argNames("DISCOUNT");

export function abc(values: unknown, aShare: unknown, bShare: unknown): string[][] {
  const { range, amounts } = amountsArg(ABC.values, values);
  const cutoffs = abcCutoffs(amounts, optionalNumberArg(ABC.a_share, aShare, DEFAULT_A_SHARE), optionalNumberArg(ABC.b_share, bShare, DEFAULT_B_SHARE));
  return reshapeFew(range, (index) => {
    const amount = amounts[index];
    return Number.isNaN(amount) ? "" : abcClassOf(amount, cutoffs);
  });
}

export function tier(values: unknown, aMin: unknown, bMin: unknown): string[][] {
  const range = filledRangeArg(TIER.values, values);
  return reshape(range, thresholdTiers(numberCells(TIER.values, range), numberArg(TIER.a_min, aMin), numberArg(TIER.b_min, bMin)));
}

function visitIntervals(value: unknown): VisitIntervals {
  const range = rangeArg(NEXTVISIT.intervals, value);
  if (range.cells.every(isBlank)) return DEFAULT_VISIT_INTERVALS;
  if (range.cells.length !== 3) {
    throw valueError({
      en: `${NEXTVISIT.intervals.en} must be 3 cells (days between visits for A, B and C), not ${range.cells.length}`,
      zh: `${NEXTVISIT.intervals.zh}必须是 3 个单元格（A、B、C 类的拜访间隔天数），当前为 ${range.cells.length} 个`,
    });
  }
  const [a, b, c] = numberCells(NEXTVISIT.intervals, range);
  return { A: a ?? DEFAULT_VISIT_INTERVALS.A, B: b ?? DEFAULT_VISIT_INTERVALS.B, C: c ?? DEFAULT_VISIT_INTERVALS.C };
}

export function nextVisit(lastVisit: unknown, tiers: unknown, intervals: unknown): (number | string)[][] {
  const dates = filledRangeArg(NEXTVISIT.last_visit, lastVisit);
  const grades = filledRangeArg(NEXTVISIT.tier, tiers);
  checkSameShape(NEXTVISIT.tier, grades, NEXTVISIT.last_visit, dates);
  const days = visitIntervals(intervals);
  const next = dates.cells.map((cell, index) => {
    const date = dateOrBlank(cellLabel(NEXTVISIT.last_visit, dates, index), cell);
    const grade = grades.cells[index];
    const label = cellLabel(NEXTVISIT.tier, grades, index);
    const error = excelErrorCode(grade);
    if (error !== undefined) throw errorValueError(label, error);
    if (!isBlank(grade) && typeof grade !== "string") {
      throw valueError({ en: `${label.en} is not a tier; use A, B or C`, zh: `${label.zh}不是有效的等级，请填写 A、B 或 C` });
    }
    const graded = isBlank(grade) ? undefined : readTier(grade as string, label);
    return date === null || graded === undefined ? "" : nextVisitDate(date, graded, days);
  });
  return reshape(dates, next);
}

export function split(total: unknown, weights: unknown, unit: unknown): number[][] {
  const amount = numberArg(SPLIT.total, total);
  const range = filledRangeArg(SPLIT.weights, weights);
  const parts = apportion(
    amount,
    numberCells(SPLIT.weights, range).map((weight) => weight ?? 0),
    optionalNumberArg(SPLIT.unit, unit, 1),
  );
  return reshape(range, parts);
}

/** The calendar arguments every working-day function takes, as Excel hands them over. */
interface CalendarArgs {
  readonly holidays: unknown;
  readonly makeUpDays: unknown;
  readonly workweek: unknown;
}

/** Sorted years as runs: [1999, 2000, 2001, 2027] → "1999–2001, 2027". */
function yearRuns(years: readonly number[]): string {
  const runs: string[] = [];
  for (let i = 0; i < years.length; ) {
    let j = i;
    while (j + 1 < years.length && years[j + 1] === years[j] + 1) j++;
    runs.push(j > i ? `${years[i]}–${years[j]}` : String(years[i]));
    i = j + 1;
  }
  return runs.join(", ");
}

/**
 * The calendar the arguments describe for a period in fromYear..toYear. With "CN" the built-in China
 * calendar of those years lies under the user's dates. A year it does not cover must be given by the
 * user — at least one date of it beside "CN" or in workdays — else #N/A: never a count on plain weeks
 * passed off as China's. `names` are the calling function's own arguments.
 */
function workCalendar(
  args: CalendarArgs,
  names: { readonly holidays: Bilingual; readonly workdays: Bilingual; readonly workweek: Bilingual },
  fromYear: number,
  toYear: number,
): WorkCalendar {
  const holidays = holidayListArg(names.holidays, args.holidays);
  const makeUpDays = dateListArg(names.workdays, args.makeUpDays);
  const week = workWeekArg(names.workweek, args.workweek);
  if (!holidays.china) return makeWorkCalendar(holidays.dates, makeUpDays, week);
  const userYears = new Set([...holidays.dates, ...makeUpDays].map((date) => ymdFromSerial(date).year));
  const missing = uncoveredYears(fromYear, toYear).filter((year) => !userYears.has(year));
  if (missing.length > 0) {
    const { firstYear, lastYear } = CHINA_CALENDAR;
    const years = yearRuns(missing);
    throw naError({
      en:
        `${names.holidays.en} "CN": the built-in China calendar covers ${firstYear}–${lastYear}, not ${years}; ` +
        `add the holidays of ${years} beside "CN" in ${names.holidays.en} and the make-up days in ${names.workdays.en}`,
      zh:
        `${names.holidays.zh}为"CN"（"中国"）：内置的中国节假日安排只包含 ${firstYear}–${lastYear} 年，没有 ${years} 年；` +
        `请在${names.holidays.zh}中"CN"之外填写 ${years} 年的放假日期，在${names.workdays.zh}中填写调休上班日期`,
    });
  }
  return chinaWorkCalendar({ holidays: holidays.dates, makeUpDays }, fromYear, toYear, week);
}

/** The years a period start..end (either order) touches. */
function yearsOf(start: number, end: number): [number, number] {
  return [ymdFromSerial(Math.min(start, end)).year, ymdFromSerial(Math.max(start, end)).year];
}

export function workdays(start: unknown, end: unknown, holidays: unknown, makeUpDays: unknown, workweek: unknown): number {
  const first = dateArg(WORKDAYS.start, start);
  const last = dateArg(WORKDAYS.end, end);
  return countWorkdays(first, last, workCalendar({ holidays, makeUpDays, workweek }, WORKDAYS, ...yearsOf(first, last)));
}

export function weekSplit(
  target: unknown,
  year: unknown,
  month: unknown,
  holidays: unknown,
  makeUpDays: unknown,
  unit: unknown,
  workweek: unknown,
): number[][] {
  const amount = numberArg(WEEKSPLIT.target, target);
  const whichYear = wholeNumberArg(WEEKSPLIT.year, year);
  const whichMonth = wholeNumberArg(WEEKSPLIT.month, month);
  checkYearMonth(whichYear, whichMonth);
  const weeks = splitByWeek(
    amount,
    whichYear,
    whichMonth,
    workCalendar({ holidays, makeUpDays, workweek }, WEEKSPLIT, whichYear, whichYear),
    optionalNumberArg(WEEKSPLIT.unit, unit, 1),
  );
  return weeks.map((week) => [week.from, week.to, week.workingDays, week.amount]);
}

export function daySplit(
  target: unknown,
  start: unknown,
  end: unknown,
  holidays: unknown,
  makeUpDays: unknown,
  unit: unknown,
  workweek: unknown,
): number[][] {
  const first = dateArg(DAYSPLIT.start, start);
  const last = dateArg(DAYSPLIT.end, end);
  const calendar = workCalendar({ holidays, makeUpDays, workweek }, DAYSPLIT, ...yearsOf(first, last));
  if (first <= last && countWorkdays(first, last, calendar) > EXCEL_ROWS) {
    throw numError({
      en: `start to end holds more than ${EXCEL_ROWS} working days, more rows than a sheet has`,
      zh: `${DAYSPLIT.start.zh}到${DAYSPLIT.end.zh}之间的工作日超过 ${EXCEL_ROWS} 个，比工作表的行数还多`,
    });
  }
  const days = splitByDay(
    numberArg(DAYSPLIT.target, target),
    first,
    last,
    calendar,
    optionalNumberArg(DAYSPLIT.unit, unit, 1),
  );
  return days.map((day) => [day.date, day.amount]);
}

export function discount(price: unknown, discounts: unknown): number {
  const amount = numberArg(DISCOUNT.price, price);
  const range = rangeArg(DISCOUNT.discounts, discounts);
  const factors = range.cells.flatMap((cell, index) => {
    if (isBlank(cell)) return [];
    const label = cellLabel(DISCOUNT.discounts, range, index);
    return [parseDiscount(typeof cell === "string" ? cell : (numberOrBlank(label, cell) as number), label)];
  });
  return applyDiscounts(amount, factors);
}
