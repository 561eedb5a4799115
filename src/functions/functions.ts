import { excelResult } from "./excelErrors";
import * as work from "./operations";

/*
 * The SALES.* custom functions. custom-functions-metadata reads the JSDoc below (and the TypeScript
 * parameter types: unknown → any, unknown[][] → a range) to build functions.json, and appends
 * CustomFunctions.associate calls to this file, so each function is a top-level declaration here.
 * Parameters are typed loosely on purpose: Excel then hands over what the cell holds, and our own
 * messages, which name the argument, reach the user instead of a bare #VALUE!.
 */

/**
 * Pareto (ABC) class of each value: A while the larger values add up to less than a_share of the total, B below b_share, else C.
 * @customfunction ABC
 * @param values Amounts to classify, e.g. each customer's annual sales (≥ 0). Blank cells stay blank.
 * @param [a_share] Cumulative share of the total that class A covers (default 0.4).
 * @param [b_share] Cumulative share of the total that classes A and B cover (default 0.8).
 * @returns {any[][]} "A", "B" or "C" per cell, in the shape of values.
 */
export function abc(values: unknown[][], a_share?: unknown, b_share?: unknown) {
  return excelResult(() => work.abc(values, a_share, b_share));
}

/**
 * Tier by fixed thresholds: A if the value is at least a_min, B if at least b_min, else C.
 * @customfunction TIER
 * @param values A value or a range of values. Blank cells stay blank.
 * @param a_min Lowest value of class A.
 * @param b_min Lowest value of class B (not more than a_min).
 * @returns {any[][]} "A", "B" or "C" per cell, in the shape of values.
 */
export function tier(values: unknown[][], a_min: unknown, b_min: unknown) {
  return excelResult(() => work.tier(values, a_min, b_min));
}

/**
 * Date of the next visit: the last visit plus the interval of the customer's tier.
 * @customfunction NEXTVISIT
 * @param last_visit Date of the last visit, or a range of them. Blank gives blank.
 * @param tier Tier A, B or C for each date (same shape as last_visit). Blank gives blank.
 * @param [intervals] Three cells: days between visits for A, B and C (default 2, 3, 14: three visits a week, two a week, one a fortnight).
 * @returns {any[][]} Date serial of the next visit per cell, in the shape of last_visit.
 */
export function nextVisit(last_visit: unknown[][], tier: unknown[][], intervals?: unknown[][]) {
  return excelResult(() => work.nextVisit(last_visit, tier, intervals));
}

/**
 * Splits a total in proportion to weights into multiples of unit that add up exactly to the total (largest remainder).
 * @customfunction SPLIT
 * @param total Amount to split (≥ 0, a whole multiple of unit).
 * @param weights Weights, e.g. last year's monthly sales. Blank cells count as 0.
 * @param [unit] Smallest step of a part: 1 (default), 0.01 for fen, 100 for hundreds.
 * @returns {any[][]} The parts, in the shape of weights.
 */
export function split(total: unknown, weights: unknown[][], unit?: unknown) {
  return excelResult(() => work.split(total, weights, unit));
}

/**
 * Working days from start to end inclusive: the days the work week works (Monday to Friday by default), minus holidays, plus make-up working days (调休).
 * @customfunction WORKDAYS
 * @param start First date.
 * @param end Last date; before start gives a negative count, like NETWORKDAYS.
 * @param [holidays] Dates of public holidays; or "CN" (or "中国") for China's official holidays and make-up days, built in, with any other dates in the range as extra days off.
 * @param [workdays] Weekend dates that are make-up working days (调休).
 * @param [workweek] Days worked each week: 双休 or 5day (Monday–Friday, the default), 单休 or 6day (Monday–Saturday), or 大小周:2026-11-07 (Saturdays alternate; the date is a day of a long week, such as its worked Saturday).
 * @returns {number} Number of working days.
 */
export function workdays(start: unknown, end: unknown, holidays?: unknown[][], workdays?: unknown[][], workweek?: unknown) {
  return excelResult(() => work.workdays(start, end, holidays, workdays, workweek));
}

/**
 * Splits a monthly target over the Monday–Sunday weeks of the month by their working days.
 * @customfunction WEEKSPLIT
 * @param target Monthly target (≥ 0, a whole multiple of unit).
 * @param year Year, e.g. 2026.
 * @param month Month, 1 to 12.
 * @param [holidays] Dates of public holidays; or "CN" (or "中国") for China's official holidays and make-up days, built in, with any other dates in the range as extra days off.
 * @param [workdays] Weekend dates that are make-up working days (调休).
 * @param [unit] Smallest step of a part (default 1).
 * @param [workweek] Days worked each week: 双休 or 5day (Monday–Friday, the default), 单休 or 6day (Monday–Saturday), or 大小周:2026-11-07 (Saturdays alternate; the date is a day of a long week, such as its worked Saturday).
 * @returns {any[][]} One row per week: from, to, working days, amount.
 */
export function weekSplit(
  target: unknown,
  year: unknown,
  month: unknown,
  holidays?: unknown[][],
  workdays?: unknown[][],
  unit?: unknown,
  workweek?: unknown,
) {
  return excelResult(() => work.weekSplit(target, year, month, holidays, workdays, unit, workweek));
}

/**
 * Splits a target evenly over the working days from start to end; earlier days take the leftover units.
 * @customfunction DAYSPLIT
 * @param target Target to split (≥ 0, a whole multiple of unit).
 * @param start First date.
 * @param end Last date.
 * @param [holidays] Dates of public holidays; or "CN" (or "中国") for China's official holidays and make-up days, built in, with any other dates in the range as extra days off.
 * @param [workdays] Weekend dates that are make-up working days (调休).
 * @param [unit] Smallest step of a part (default 1).
 * @param [workweek] Days worked each week: 双休 or 5day (Monday–Friday, the default), 单休 or 6day (Monday–Saturday), or 大小周:2026-11-07 (Saturdays alternate; the date is a day of a long week, such as its worked Saturday).
 * @returns {any[][]} One row per working day: date, amount.
 */
export function daySplit(
  target: unknown,
  start: unknown,
  end: unknown,
  holidays?: unknown[][],
  workdays?: unknown[][],
  unit?: unknown,
  workweek?: unknown,
) {
  return excelResult(() => work.daySplit(target, start, end, holidays, workdays, unit, workweek));
}

/**
 * Price after stacked discounts, each written as 0.98, 98%, 9.8折 or 85折.
 * @customfunction DISCOUNT
 * @param price Price before discounts (≥ 0).
 * @param discounts One discount or a range of them, applied one after another. Blank cells are skipped.
 * @returns {number} The discounted price.
 */
export function discount(price: unknown, discounts: unknown[][]) {
  return excelResult(() => work.discount(price, discounts));
}
