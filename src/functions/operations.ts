import { apportion } from "../domain/apportion";
import { daySplit as splitByDay, makeWorkCalendar, type WorkCalendar, weekSplit as splitByWeek, workdays as countWorkdays } from "../domain/calendar";
import { applyDiscounts, parseDiscount } from "../domain/discount";
import { numError, valueError } from "../domain/errors";
import {
  abcClasses,
  DEFAULT_A_SHARE,
  DEFAULT_B_SHARE,
  DEFAULT_VISIT_INTERVALS,
  nextVisitDate,
  readTier,
  thresholdTiers,
  type VisitIntervals,
} from "../domain/tiers";
import {
  cellLabel,
  checkSameShape,
  dateArg,
  dateListArg,
  dateOrBlank,
  filledRangeArg,
  isBlank,
  numberArg,
  numberCells,
  numberOrBlank,
  optionalNumberArg,
  rangeArg,
  reshape,
  wholeNumberArg,
} from "./excelArgs";

/**
 * Each custom function's work on Excel's raw arguments: read them (excelArgs), apply the rule
 * (domain), lay the result out as Excel expects. Errors are thrown; excelErrors turns them into values.
 */

/** Excel's row limit: a result taller than the grid could never spill. */
const EXCEL_ROWS = 1048576;

export function abc(values: unknown, aShare: unknown, bShare: unknown): string[][] {
  const range = filledRangeArg("values", values);
  const classes = abcClasses(
    numberCells("values", range),
    optionalNumberArg("a_share", aShare, DEFAULT_A_SHARE),
    optionalNumberArg("b_share", bShare, DEFAULT_B_SHARE),
  );
  return reshape(range, classes);
}

export function tier(values: unknown, aMin: unknown, bMin: unknown): string[][] {
  const range = filledRangeArg("values", values);
  return reshape(range, thresholdTiers(numberCells("values", range), numberArg("a_min", aMin), numberArg("b_min", bMin)));
}

function visitIntervals(value: unknown): VisitIntervals {
  const range = rangeArg("intervals", value);
  if (range.cells.every(isBlank)) return DEFAULT_VISIT_INTERVALS;
  if (range.cells.length !== 3) {
    throw valueError(`intervals must be 3 cells (days between visits for A, B and C), not ${range.cells.length}`);
  }
  const [a, b, c] = numberCells("intervals", range);
  return { A: a ?? DEFAULT_VISIT_INTERVALS.A, B: b ?? DEFAULT_VISIT_INTERVALS.B, C: c ?? DEFAULT_VISIT_INTERVALS.C };
}

export function nextVisit(lastVisit: unknown, tiers: unknown, intervals: unknown): (number | string)[][] {
  const dates = filledRangeArg("last_visit", lastVisit);
  const grades = filledRangeArg("tier", tiers);
  checkSameShape("tier", grades, "last_visit", dates);
  const days = visitIntervals(intervals);
  const next = dates.cells.map((cell, index) => {
    const date = dateOrBlank(cellLabel("last_visit", dates, index), cell);
    const grade = grades.cells[index];
    const label = cellLabel("tier", grades, index);
    if (!isBlank(grade) && typeof grade !== "string") throw valueError(`${label} is not a tier; use A, B or C`);
    const graded = isBlank(grade) ? undefined : readTier(grade as string, label);
    return date === null || graded === undefined ? "" : nextVisitDate(date, graded, days);
  });
  return reshape(dates, next);
}

export function split(total: unknown, weights: unknown, unit: unknown): number[][] {
  const amount = numberArg("total", total);
  const range = filledRangeArg("weights", weights);
  const parts = apportion(
    amount,
    numberCells("weights", range).map((weight) => weight ?? 0),
    optionalNumberArg("unit", unit, 1),
  );
  return reshape(range, parts);
}

const workCalendar = (holidays: unknown, makeUpDays: unknown): WorkCalendar =>
  makeWorkCalendar(dateListArg("holidays", holidays), dateListArg("workdays", makeUpDays));

export function workdays(start: unknown, end: unknown, holidays: unknown, makeUpDays: unknown): number {
  return countWorkdays(dateArg("start", start), dateArg("end", end), workCalendar(holidays, makeUpDays));
}

export function weekSplit(
  target: unknown,
  year: unknown,
  month: unknown,
  holidays: unknown,
  makeUpDays: unknown,
  unit: unknown,
): number[][] {
  const weeks = splitByWeek(
    numberArg("target", target),
    wholeNumberArg("year", year),
    wholeNumberArg("month", month),
    workCalendar(holidays, makeUpDays),
    optionalNumberArg("unit", unit, 1),
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
): number[][] {
  const first = dateArg("start", start);
  const last = dateArg("end", end);
  const calendar = workCalendar(holidays, makeUpDays);
  if (first <= last && countWorkdays(first, last, calendar) > EXCEL_ROWS) {
    throw numError(`start to end holds more than ${EXCEL_ROWS} working days, more rows than a sheet has`);
  }
  const days = splitByDay(numberArg("target", target), first, last, calendar, optionalNumberArg("unit", unit, 1));
  return days.map((day) => [day.date, day.amount]);
}

export function discount(price: unknown, discounts: unknown): number {
  const amount = numberArg("price", price);
  const range = rangeArg("discounts", discounts);
  const factors = range.cells.flatMap((cell, index) => {
    if (isBlank(cell)) return [];
    const label = cellLabel("discounts", range, index);
    return [parseDiscount(typeof cell === "string" ? cell : (numberOrBlank(label, cell) as number), label)];
  });
  return applyDiscounts(amount, factors);
}
