import type { Locale } from "../i18n/locale";
import { teamStrings } from "../i18n/teamStrings";
import { buildTemplates, type BuildContext } from "../templates";
import { withSpecs } from "../templates/naming";
import type { SheetSpec } from "../templates/sheetSpec";
import { computeBreakdown, type BreakdownInput, type BreakdownIssue } from "./breakdown";
import { buildBreakdownSheet } from "./breakdownSheet";
import { planRequestsFromBreakdown, type PlanChoice, type PlanExtras } from "./planRequests";

/**
 * The team layer's API for the task pane and the command line: pure functions from inputs (and the
 * workbook's names) to SheetSpecs and plain results. Host access lives in `writers/office/team`.
 */

export {
  BreakdownError,
  computeBreakdown,
  DEFAULT_PRODUCT_RATIOS,
  isHeaderRow,
  parseRatios,
  repsFromRange,
  validateWeights,
  type Breakdown,
  type BreakdownErrorCode,
  type BreakdownInput,
  type BreakdownIssue,
  type BreakdownPeriod,
  type RepInput,
  type RepShare,
  type WeekPart,
  type WeightInput,
} from "./breakdown";
export { buildBreakdownSheet, periodText } from "./breakdownSheet";
export { planRequestsFromBreakdown, type PlanChoice, type PlanExtras } from "./planRequests";
export { discoverPlans, needsValue, planStatus, type NameEntry, type PlanInstance, type PlanIssue, type PlanStatus } from "./plans";
export { buildSummarySheet, newSummaryPlacement, planRemarks, summaryTableName, SUMMARY_METRICS, type SummaryPlacement } from "./rollupSheet";
export { planRefresh, type RefreshPlan, type SummaryTableState } from "./refresh";
export { TeamError, teamErrorMessage, type TeamErrorCode, type TeamErrorParams } from "./errors";

/**
 * The 目标分解 sheet and, when `plans` is given, one pre-filled plan sheet per rep, with free names
 * for `ctx.existing` — ready for `writeSheets(context, (existing) => buildBreakdownSpecs(…))` or
 * `writeXlsx`. Throws `BreakdownError` (see `breakdownMessages`) for invalid input.
 */
export function buildBreakdownSpecs(input: BreakdownInput, plans: PlanChoice | undefined, ctx: BuildContext, extras: PlanExtras = {}): SheetSpec[] {
  const breakdown = computeBreakdown(input);
  const sheet = buildBreakdownSheet(breakdown, ctx);
  if (!plans) return [sheet];
  const requests = planRequestsFromBreakdown(breakdown, plans, { ...(input.calendar ? { calendar: input.calendar } : {}), ...extras });
  return [sheet, ...buildTemplates(requests, { ...ctx, existing: withSpecs(ctx.existing, [sheet]) })];
}

/** Every input problem as a sentence in `locale`, in list order. */
export const breakdownMessages = (issues: readonly BreakdownIssue[], locale: Locale): string[] =>
  issues.map((issue) => teamStrings(locale).breakdown.error(issue.code, issue.params));
