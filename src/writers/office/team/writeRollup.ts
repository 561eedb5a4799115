import type { Locale } from "../../../i18n/locale";
import { buildSummarySheet, discoverPlans, newSummaryPlacement, planRefresh, type PlanInstance, type RefreshPlan } from "../../../team";
import { tableBlocks, type Entry } from "../blocks";
import { excelCode, OfficeWriteError } from "../errors";
import { addSheets } from "../officeWriter";
import type { SummaryTableContent, WorkbookSnapshot } from "./readPlans";

/**
 * Writes the 团队汇总 sheet from a `readPlans` snapshot in ONE sync (more only for a summary beyond
 * ~4 MB, i.e. tens of thousands of plans): a new sheet through the Office writer's `addSheets`,
 * or an in-place refresh of the existing one as `team/refresh.ts` specifies. Only the summary sheet
 * is ever written; plan sheets are only read. Either way a write Excel rejects is undone before
 * `OfficeWriteError("writeFailed")` is thrown (`"cleanupFailed"` or `"restoreFailed"` if undoing failed too): a new sheet
 * is removed, a refreshed table is put back as `readPlans` read it (two more syncs, failure only).
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
  if (snapshot.summary) await refresh(context, planRefresh(spec, snapshot.summary.table), snapshot.summary.content);
  else await addSheets(context, [spec]);
  return { sheet: spec.name, refreshed: snapshot.summary !== undefined, plans };
}

/** Refreshing must also clear what a row no longer links to, so "leave alone" (null) becomes "". */
const cleared = (rows: readonly (readonly Entry[])[]): (string | number | boolean)[][] => rows.map((row) => row.map((entry) => entry ?? ""));

/**
 * Applies a refresh plan to the summary table in place (see `RefreshPlan`): one batch, one sync.
 * Excel batches are not transactions, so if that sync fails the table may be half refreshed:
 * `restore` then puts back the table as it was before, and the error is thrown typed.
 */
async function refresh(context: Excel.RequestContext, plan: RefreshPlan, previous: SummaryTableContent): Promise<void> {
  try {
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
  } catch (error) {
    try {
      await restore(context, previous);
    } catch {
      throw new OfficeWriteError("restoreFailed", { excelCode: excelCode(error), leftovers: [plan.spec.name] }, error);
    }
    throw new OfficeWriteError("writeFailed", { excelCode: excelCode(error) }, error);
  }
}

type Grid = readonly (readonly unknown[])[];

/**
 * Puts the summary table back as `readPlans` read it, in two syncs whatever its size: (1) read how
 * many rows it has now and what they hold; (2) add back the data rows the failed refresh deleted,
 * or delete those it added — as table rows, so the manager's notes below move back with the table
 * and cells beside it stay where they are — then write, as one block each, the number formats and
 * formulas of every cell that differs from before (null leaves a cell alone; rows added back are
 * written whole).
 */
async function restore(context: Excel.RequestContext, previous: SummaryTableContent): Promise<void> {
  const table = context.workbook.tables.getItem(previous.name);
  const now = table.getRange().load("formulas,numberFormat,rowCount");
  await context.sync();

  const { headerRows, formulas, numberFormat } = previous;
  const edges = headerRows + (previous.showTotals ? 1 : 0);
  const rowsThen = formulas.length - edges;
  const rowsNow = now.rowCount - edges;
  const columns = formulas[0]?.length ?? 0;
  if (rowsNow < rowsThen) table.rows.add(undefined, Array.from({ length: rowsThen - rowsNow }, () => new Array<string>(columns).fill("")));
  for (let index = rowsNow - 1; index >= rowsThen; index--) table.rows.getItemAt(index).delete();

  /** Where row `r` of the table as it was is now: same place above, shifted for the totals row, undefined if added back. */
  const rowNow = (r: number): number | undefined =>
    r < headerRows + Math.min(rowsThen, rowsNow) ? r : r >= headerRows + rowsThen ? r - rowsThen + rowsNow : undefined;
  const changes = (then: Grid, current: Grid): unknown[][] =>
    then.map((row, r) => {
      const at = rowNow(r);
      return row.map((value, c) => (at !== undefined && current[at]?.[c] === value ? null : value));
    });
  const formats = changes(numberFormat, now.numberFormat);
  const contents = changes(formulas, now.formulas);
  const anything = (grid: unknown[][]) => grid.some((row) => row.some((value) => value !== null));
  const range = table.getRange();
  context.application.suspendApiCalculationUntilNextSync();
  // Formats first, as in the refresh: a formula written into a Text cell would be kept as text.
  if (anything(formats)) range.numberFormat = formats;
  if (anything(contents)) range.formulas = contents;
  await context.sync();
}
