import type { Locale } from "../../../i18n/locale";
import { buildSummarySheet, discoverPlans, newSummaryPlacement, planRefresh, type PlanInstance, type RefreshPlan } from "../../../team";
import { tableBlocks, type Entry } from "../blocks";
import { addSheets } from "../officeWriter";
import type { WorkbookSnapshot } from "./readPlans";

/**
 * Writes the 团队汇总 sheet from a `readPlans` snapshot in ONE sync (more only for a summary beyond
 * ~4 MB, i.e. tens of thousands of plans): a new sheet through the Office writer's `addSheets`,
 * or an in-place refresh of the existing one as `team/refresh.ts` specifies. Only the summary sheet
 * is ever written; plan sheets are only read.
 */

export interface RollupResult {
  /** The summary sheet's name. */
  readonly sheet: string;
  /** Whether an existing summary was refreshed (else a new one was created). */
  readonly refreshed: boolean;
  /** Every plan listed, in summary order, with its status and reasons. */
  readonly plans: readonly PlanInstance[];
}

export async function writeRollup(context: Excel.RequestContext, snapshot: WorkbookSnapshot, locale: Locale): Promise<RollupResult> {
  const plans = discoverPlans(snapshot.names);
  const placement = snapshot.summary?.placement ?? newSummaryPlacement(snapshot.existing, locale);
  const spec = buildSummarySheet(plans, placement, locale);
  if (snapshot.summary) await refresh(context, planRefresh(spec, snapshot.summary.table));
  else await addSheets(context, [spec]);
  return { sheet: spec.name, refreshed: snapshot.summary !== undefined, plans };
}

/** Refreshing must also clear what a row no longer links to, so "leave alone" (null) becomes "". */
const cleared = (rows: readonly (readonly Entry[])[]): (string | number | boolean)[][] => rows.map((row) => row.map((entry) => entry ?? ""));

/** Applies a refresh plan to the summary table in place (see `RefreshPlan`): one batch, one sync. */
async function refresh(context: Excel.RequestContext, plan: RefreshPlan): Promise<void> {
  const table = context.workbook.tables.getItem(plan.table.name);
  const blocks = tableBlocks(plan.table);
  const columns = plan.table.columns.length;
  context.application.suspendApiCalculationUntilNextSync();
  if (plan.rowDelta > 0) {
    table.rows.add(undefined, Array.from({ length: plan.rowDelta }, () => new Array<string>(columns).fill("")));
  }
  // From the last row up, so the indexes of the rows still to delete do not move.
  for (let index = plan.rowsBefore - 1; index >= plan.rowsBefore + plan.rowDelta; index--) table.rows.getItemAt(index).delete();
  table.getHeaderRowRange().values = blocks.header.rows;
  const body = table.getDataBodyRange();
  // Formats first: a formula written into a cell formatted as Text would be kept as text.
  body.numberFormat = blocks.formats.rows.slice(0, plan.table.rows.length);
  body.formulas = cleared(blocks.body.rows);
  if (blocks.totals) table.getTotalRowRange().formulas = cleared(blocks.totals.rows);
  await context.sync();
}
