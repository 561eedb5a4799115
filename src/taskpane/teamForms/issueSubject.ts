import type { BreakdownErrorCode, BreakdownIssue } from "../../team";

/**
 * What a team-layer finding is about, so each form shows it on the field holding that input. One rule for
 * the breakdown and the 年度销售计划 forms, which name their fields apart (team target / 年度目标, period /
 * calendar block).
 */
export type IssueSubject = "target" | "growth" | "reps" | "lastYear" | "monthHolds" | "unit" | "ratios" | "calendar";

const SUBJECT: Readonly<Record<BreakdownErrorCode, IssueSubject>> = {
  noReps: "reps",
  repBlank: "reps",
  repDuplicate: "reps",
  weightBlank: "reps",
  weightNotNumber: "reps",
  weightNegative: "reps",
  weightTooLarge: "reps",
  weightsAllZero: "reps",
  holdInvalid: "reps",
  holdsExceedTarget: "reps",
  nothingToSpread: "reps",
  startInvalid: "reps",
  rampInfeasible: "reps",
  targetInvalid: "target",
  targetNotMultiple: "target",
  targetTooLarge: "target",
  growthInvalid: "growth",
  lastYearInvalid: "lastYear",
  lastYearBlank: "lastYear",
  noFigures: "lastYear",
  monthHoldInvalid: "monthHolds",
  monthHoldsExceedTarget: "monthHolds",
  monthsNothingToSpread: "monthHolds",
  unitInvalid: "unit",
  ratioInvalid: "ratios",
  ratioCommas: "ratios",
  noWorkingDays: "calendar",
};

/** A rep's hold or a month's hold that is no multiple of the unit, and a rep's own last year, are about that rep or month. */
export function issueSubject(issue: BreakdownIssue): IssueSubject {
  if ((issue.code === "targetNotMultiple" || issue.code === "lastYearInvalid") && issue.params.rep !== undefined) return "reps";
  if (issue.code === "targetNotMultiple" && issue.params.month !== undefined) return "monthHolds";
  return SUBJECT[issue.code];
}
