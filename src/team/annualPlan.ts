import type { WorkCalendar } from "../domain/calendar";
import { decimalFromNumber, decimalToNumber, multiply, parseDecimal, scaledInteger } from "../domain/decimal";
import { halfWidth, typedDecimalText } from "../domain/typedText";
import {
  BreakdownError,
  breakdownOf,
  DEFAULT_PRODUCT_RATIOS,
  isBlank,
  monthTargets,
  productsOf,
  readBreakdown,
  readLastYear,
  validTarget,
  validUnit,
  type Breakdown,
  type BreakdownInput,
  type BreakdownIssue,
  type RepInput,
  type WeightInput,
} from "./breakdown";

/**
 * 年度销售计划 (seed 003 L216–241): last year's months and a growth rate → the year's target, split over
 * the months by last year's shape (or working days), the quarters, 同比, and the reps × months and
 * products × months grids, every total exact.
 */

export interface AnnualPlanInput {
  readonly year: number;
  /** Last year's actual sales by month: 12 entries (blank = 0). */
  readonly lastYear: readonly WeightInput[];
  /** "20%", 0.2, "0.2"; a bare number above 1 is percent ("20" = 20 %). DEFAULT_GROWTH when absent. */
  readonly growth?: number | string;
  /** The annual target typed by hand; blank = annualTarget(Σ lastYear, growth, unit). */
  readonly target?: number | string | null;
  /** "lastYear" (default) or "workdays". */
  readonly split?: "lastYear" | "workdays";
  readonly monthHolds?: readonly WeightInput[];
  /** Reps with weights, holds, starts and their own last-year months; may be empty (then no rep grid). */
  readonly reps: readonly RepInput[];
  /** A:B:C; DEFAULT_PRODUCT_RATIOS when absent. */
  readonly productRatios?: readonly [number, number, number];
  readonly calendar?: WorkCalendar;
  readonly unit?: number;
}

export interface AnnualPlan {
  readonly year: number;
  /** 12 months. */
  readonly lastYear: readonly number[];
  readonly lastYearTotal: number;
  /** A fraction: 0.2 for 20 %. */
  readonly growth: number;
  readonly target: number;
  readonly targetTyped: boolean;
  readonly split: "lastYear" | "workdays";
  /** 12 months, summing exactly to target. */
  readonly months: readonly number[];
  /** 4 quarters, sums of months. */
  readonly quarters: readonly number[];
  readonly lastYearQuarters: readonly number[];
  /** months[i] / lastYear[i] − 1; null when last year's month is 0. */
  readonly yoy: readonly (number | null)[];
  /** The reps × months grid (the year's breakdown); absent when no reps were given. */
  readonly breakdown?: Breakdown;
  readonly products: {
    readonly ratios: readonly [number, number, number];
    readonly targets: readonly [number, number, number];
    readonly months: readonly (readonly number[])[];
  };
  readonly unit: number;
}

export const DEFAULT_GROWTH = 0.2;
export const DEFAULT_EXPENSE_CAP = 0.02;

/** The sum of decimal amounts without binary noise (80000.1 + 0.2 is 80000.3). */
function exactSum(values: readonly number[]): number {
  const decimals = values.map(decimalFromNumber);
  const exponent = Math.min(0, ...decimals.map((d) => d.exponent));
  return decimalToNumber({ coefficient: decimals.reduce((sum, d) => sum + scaledInteger(d, exponent), 0n), exponent });
}

/**
 * Σ last year × (1 + growth), rounded half up to whole units — the same as the sheet's
 * ROUND(上年合计*(1+增长率)/unit,0)*unit, computed on the decimals as typed (20 % of 80 000.5 is 16 000.1
 * exactly), so no binary noise can tip a half.
 */
export function annualTarget(lastYearTotal: number, growth: number, unit = 1): number {
  const total = decimalFromNumber(lastYearTotal);
  const rate = decimalFromNumber(growth);
  const step = decimalFromNumber(unit);
  const onePlus = { coefficient: 10n ** BigInt(-Math.min(0, rate.exponent)) + scaledInteger(rate, Math.min(0, rate.exponent)), exponent: Math.min(0, rate.exponent) };
  const product = multiply(total, onePlus);
  const exponent = Math.min(product.exponent, step.exponent);
  const numerator = scaledInteger(product, exponent);
  const denominator = scaledInteger(step, exponent);
  const sign = numerator < 0n ? -1n : 1n;
  const magnitude = numerator * sign;
  // Half away from zero, as Excel's ROUND.
  const units = (magnitude / denominator + (2n * (magnitude % denominator) >= denominator ? 1n : 0n)) * sign;
  return decimalToNumber({ coefficient: units * step.coefficient, exponent: step.exponent });
}

/** The growth a plan takes, −99 % to 1000 % (−100 % leaves nothing): the domain's, the sheet's validation's and the messages' range. */
export const GROWTH_RANGE = { min: -0.99, max: 10 } as const;
/** The expense cap: a share of the target, 0 to 100 %. */
export const CAP_RANGE = { min: 0, max: 1 } as const;

/**
 * "20%" / 0.2 / "20" → 0.2; undefined when not a rate within `range`. A bare number of 1 or more is a percent
 * ("1" is 1 %, not 100 %: nobody types 1 for doubling), below 1 a fraction.
 */
export function parseRate(input: WeightInput, range: { readonly min: number; readonly max: number } = GROWTH_RANGE): number | undefined {
  if (typeof input !== "number" && typeof input !== "string") return undefined;
  const typed = typeof input === "number" ? (Number.isFinite(input) ? String(input) : "") : halfWidth(input).trim();
  const percent = /\s*%$/.test(typed);
  const bare = typed.replace(/\s*%$/, "");
  // A number cell's own text may hold an exponent (1e-7); typed text is read strictly.
  const text = typeof input === "number" ? bare : typedDecimalText(bare);
  const decimal = text === undefined ? undefined : parseDecimal(text);
  if (!decimal) return undefined;
  const magnitude = decimal.coefficient < 0n ? -decimal.coefficient : decimal.coefficient;
  const atLeastOne = decimalToNumber({ coefficient: magnitude, exponent: decimal.exponent }) >= 1;
  const rate = decimalToNumber(percent || atLeastOne ? { coefficient: decimal.coefficient, exponent: decimal.exponent - 2 } : decimal);
  return rate >= range.min && rate <= range.max ? rate : undefined;
}

const sums = (values: readonly number[], size: number): number[] =>
  Array.from({ length: values.length / size }, (_, q) => exactSum(values.slice(q * size, q * size + size)));

/** The whole plan; throws BreakdownError with every input problem. */
export function computeAnnualPlan(input: AnnualPlanInput): AnnualPlan {
  const issues: BreakdownIssue[] = [];
  const lastYear = readLastYear(input.lastYear, issues, {});
  const growth = isBlank(input.growth) ? DEFAULT_GROWTH : parseRate(input.growth);
  if (growth === undefined) issues.push({ code: "growthInvalid", params: { value: String(input.growth) } });
  const unit = validUnit(input.unit);
  const targetTyped = !isBlank(input.target);
  const lastYearTotal = lastYear ? exactSum(lastYear) : undefined;
  let target: number | undefined;
  if (targetTyped) {
    target = validTarget(input.target as number | string);
    if (target === undefined) issues.push({ code: "targetInvalid", params: { value: String(input.target), annual: true } });
  } else if (lastYearTotal !== undefined && growth !== undefined && unit !== undefined) {
    target = annualTarget(lastYearTotal, growth, unit);
    // Reps with nothing to share: their grid would be zeros, stale as soon as last year is typed into the sheet.
    if (lastYearTotal === 0 && input.reps.length > 0) issues.push({ code: "noFigures", params: {} });
  }
  const split = input.split ?? "lastYear";
  const ratios = input.productRatios ?? DEFAULT_PRODUCT_RATIOS;
  const breakdownInput: BreakdownInput = {
    target: target ?? 0,
    period: { kind: "year", year: input.year },
    reps: input.reps,
    productRatios: ratios,
    // Last year's problems are reported once, above; the split only needs its numbers.
    split: split === "lastYear" && lastYear ? { kind: "lastYear", months: lastYear } : { kind: "workdays" },
    ...(input.monthHolds ? { monthHolds: input.monthHolds } : {}),
    ...(input.calendar ? { calendar: input.calendar } : {}),
    ...(input.unit !== undefined ? { unit: input.unit } : {}),
  };
  const plan = readBreakdown(breakdownInput, target, issues, { annual: true });
  if (!plan || !lastYear || lastYearTotal === undefined || growth === undefined || !plan.months) throw new BreakdownError(issues);

  const breakdown = plan.reps.length > 0 ? breakdownOf(plan) : undefined;
  const months = breakdown ? breakdown.months : monthTargets(plan.target, plan.months).map((v) => v * plan.unit);
  const products = breakdown?.products ?? productsOf(plan.target, ratios, months.map((v) => v / plan.unit), plan.unit);
  return {
    year: input.year,
    lastYear,
    lastYearTotal,
    growth,
    target: plan.target * plan.unit,
    targetTyped,
    split,
    months,
    quarters: sums(months, 3),
    lastYearQuarters: sums(lastYear, 3),
    yoy: months.map((m, i) => (lastYear[i] === 0 ? null : m / lastYear[i] - 1)),
    ...(breakdown ? { breakdown } : {}),
    products,
    unit: plan.unit,
  };
}
