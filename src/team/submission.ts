import { spName } from "../spec/naming";
import { discoverPlans, type NameEntry } from "./plans";

/**
 * Which 提交时间 cell the pane's 提交 button stamps: the one of the weekly plan on the sheet the user is
 * on, found through the plan's workbook names (never by address or sheet name, which the user may change).
 * Pure: the Office writer reads the names and the active sheet's name and hands them over.
 */
export type SubmissionTarget =
  | { readonly kind: "found"; readonly key: string; readonly submitted: string; readonly deadline?: string }
  /** No weekly plan on the sheet; `monthly` when a monthly plan is there instead (it has no submission). */
  | { readonly kind: "notWeekly"; readonly monthly: boolean }
  /** Several weekly plans written onto one sheet: which one the rep means is theirs to say. */
  | { readonly kind: "several"; readonly keys: readonly string[] }
  /**
   * The plan's 提交时间 name is gone (`missing`: a plan written before the cell existed, or the name
   * deleted), refers to #REF! (its cell deleted) or to another sheet.
   */
  | { readonly kind: "broken"; readonly key: string; readonly name: string; readonly missing: boolean };

/**
 * Whether a stamp misses the deadline: by whole seconds, as the plan's 按时提交 formula compares them
 * (`onTimeFormula` in templates/weeklyPlan.ts), so the pane and the sheet never disagree.
 */
export const isLate = (submitted: number, deadline: number): boolean => Math.round((submitted - deadline) * 86400) > 0;

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

export function submissionTarget(names: readonly NameEntry[], activeSheet: string): SubmissionTarget {
  const here = discoverPlans(names).filter((plan) => same(plan.sheet, activeSheet));
  const weekly = here.filter((plan) => plan.template === "weekly");
  if (weekly.length === 0) return { kind: "notWeekly", monthly: here.length > 0 };
  if (weekly.length > 1) return { kind: "several", keys: weekly.map((plan) => plan.key) };
  const { key } = weekly[0];
  const entry = (part: string): NameEntry | undefined => names.find((n) => same(n.name, spName(key, part)));
  const submitted = entry("SUBMITTED");
  if (submitted?.sheet === undefined || !same(submitted.sheet, activeSheet))
    return { kind: "broken", key, name: spName(key, "SUBMITTED"), missing: submitted === undefined };
  const deadline = entry("DEADLINE");
  return { kind: "found", key, submitted: submitted.name, ...(deadline?.sheet !== undefined && same(deadline.sheet, activeSheet) ? { deadline: deadline.name } : {}) };
}
