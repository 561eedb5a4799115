import { PLAIN_WEEKS } from "../../domain/calendar";
import { assertFormulasFit } from "../errors";
import { holidaysLast, workbookCalendar } from "../holidays";
import { computeBreakdown, type BreakdownInput } from "../../team/breakdown";
import { withSpecs } from "../../spec/naming";
import type { SheetSpec } from "../../spec/sheetSpec";
import { buildTemplates, type BuildContext } from "..";
import { buildBreakdownSheet } from "./breakdownSheet";
import { planRequestsFromBreakdown, type PlanChoice, type PlanExtras } from "./planRequests";

/** The team's sheets: the 目标分解 sheet with the plans it pre-fills, and the 团队汇总 roll-up. */

export { buildBreakdownSheet, periodText } from "./breakdownSheet";
export { planRequestsFromBreakdown, type PlanChoice, type PlanExtras } from "./planRequests";
export { buildSummarySheet, newSummaryPlacement, planRemarks, summaryTableName, SUMMARY_METRICS, type SummaryPlacement, type SummaryProjects } from "./rollupSheet";
export { blockHeight, blockHeightFor, BLOCK_GAP, findTracker, incompleteTracker, stagesTableName, trackerNames } from "./projectsBlock";

/**
 * The 目标分解 sheet and, when `plans` is given, one pre-filled plan sheet per rep, with free names
 * for `ctx.existing` — ready for `writeSheets(context, (existing) => buildBreakdownSpecs(…))` or
 * `writeXlsx`. Throws `BreakdownError` (see `breakdownMessages`) for invalid input.
 */
export function buildBreakdownSpecs(input: BreakdownInput, plans: PlanChoice | undefined, ctx: BuildContext, extras: PlanExtras = {}): SheetSpec[] {
  const calendar = workbookCalendar(input.calendar ?? PLAIN_WEEKS, ctx.existing);
  const breakdown = computeBreakdown({ ...input, calendar });
  const sheets = buildBreakdownSheet(breakdown, calendar, ctx);
  // Its weeks count working days over the workbook's 节假日 table, as a monthly plan's do (`buildTemplates` checks the plans).
  sheets.forEach(assertFormulasFit);
  if (!plans) return sheets;
  const requests = planRequestsFromBreakdown(breakdown, plans, { calendar, ...extras });
  return holidaysLast([...sheets, ...buildTemplates(requests, { ...ctx, existing: withSpecs(ctx.existing, sheets) })]);
}

