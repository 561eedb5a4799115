import type { WorkCalendar } from "../domain/calendar";
import type { Breakdown, RepInput, WeightInput } from "./breakdown";

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

// INTERIM (issue 14 contract): the domain helper's change replaces these three.
export function annualTarget(lastYearTotal: number, growth: number, unit = 1): number {
  return Math.round((lastYearTotal * (1 + growth)) / unit) * unit;
}
export function parseRate(input: WeightInput): number | undefined {
  return typeof input === "number" ? input : undefined;
}
export function computeAnnualPlan(input: AnnualPlanInput): AnnualPlan {
  throw new Error(`computeAnnualPlan is not written yet (${input.year})`);
}
