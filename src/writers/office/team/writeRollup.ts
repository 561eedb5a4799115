import type { Locale } from "../../../i18n/locale";
import { buildSummarySheet, discoverPlans, newSummaryPlacement, planRefresh, type PlanInstance, type RefreshPlan } from "../../../team";
import type { SheetSpec } from "../../../templates/sheetSpec";
import { tableBlocks, type Entry } from "../blocks";
import { packBatches } from "../chunking";
import { OfficeWriteError } from "../errors";
import { sheetSteps } from "../sheetSteps";
import type { WorkbookSnapshot } from "./readPlans";

/**
 * Writes the 团队汇总 sheet from a `readPlans` snapshot in ONE sync (more only for a summary beyond
 * ~4 MB, i.e. tens of thousands of plans): a new sheet through the Office writer's own sheet steps,
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
  else await create(context, spec);
  return { sheet: spec.name, refreshed: snapshot.summary !== undefined, plans };
}

const excelCode = (error: unknown): string | undefined =>
  typeof error === "object" && error !== null && "code" in error ? String((error as { code: unknown }).code) : undefined;

/** A new summary sheet; if Excel rejects it, the sheet and names it created are removed again. */
async function create(context: Excel.RequestContext, spec: SheetSpec): Promise<void> {
  const sheet = context.workbook.worksheets.add(spec.name);
  const steps = sheetSteps({ context, sheet, ownsSheet: true }, spec);
  try {
    for (const batch of packBatches([...steps.structure, ...steps.content])) {
      context.application.suspendApiCalculationUntilNextSync();
      for (const step of batch) step.queue();
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per size-limited batch: one unless the summary exceeds ~4 MB
      await context.sync();
    }
  } catch (error) {
    const leftovers = [
      ...spec.names.map((n) => context.workbook.names.getItemOrNullObject(n.name)),
      context.workbook.worksheets.getItemOrNullObject(spec.name),
    ];
    await context.sync();
    for (const item of leftovers) if (!item.isNullObject) item.delete();
    await context.sync();
    throw new OfficeWriteError("writeFailed", { excelCode: excelCode(error) }, error);
  }
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
