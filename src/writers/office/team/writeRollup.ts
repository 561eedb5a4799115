import type { Locale } from "../../../contract/locale";
import { discoverPlans, type PlanInstance } from "../../../team";
import { buildSummarySheet, newSummaryPlacement } from "../../../templates/team";
import { planRefresh, type RefreshPlan } from "./refresh";
import { tableBlocks, type Entry } from "../blocks";
import { call, runBatches, sliceBlock, type Step } from "../chunking";
import { excelCode, OfficeWriteError } from "../errors";
import { addSheets } from "../officeWriter";
import type { SummaryTableContent, WorkbookSnapshot } from "./readPlans";

/**
 * Writes the 团队汇总 sheet from a `readPlans` snapshot in ONE sync (more only for a summary beyond
 * ~4 MB: every link column repeats a formula naming every plan in every row, so about 90 plans or
 * more; 100 plans take 2): a new sheet through the Office writer's `addSheets`,
 * or an in-place refresh of the existing one as `refresh.ts` specifies. Only the summary sheet
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

type Grid = readonly (readonly unknown[])[];

/**
 * Steps writing `grid` (rows of `range`, from its top-left) in row slices of about 1 MB, each slice
 * through `rows(first, count)`; slices holding only nulls (leave alone) are skipped. The summary's
 * formulas name every plan, so a summary of many plans carries several MB (each of its ~20 link
 * columns repeats an n-plan formula in n rows): past the 4 MB batch budget it takes more syncs
 * instead of a request Excel on the web refuses.
 */
function gridSteps(grid: Grid, rows: (first: number, count: number) => Excel.Range, write: (range: Excel.Range, slice: unknown[][]) => void): Step[] {
  return sliceBlock({ at: { row: 0, col: 0 }, rows: grid as Entry[][] })
    .filter(({ block }) => block.rows.some((row) => row.some((value) => value !== null)))
    .map(({ block, bytes }) => ({ bytes, queue: () => write(rows(block.at.row, block.rows.length), block.rows) }));
}

/** Rows `first`… of `range` (whole width), wherever the range is now. */
const rowsOf = (range: () => Excel.Range, columns: number) => (first: number, count: number): Excel.Range => {
  const whole = range();
  return whole.getCell(first, 0).getBoundingRect(whole.getCell(first + count - 1, columns - 1));
};

/**
 * Applies a refresh plan to the summary table in place (see `RefreshPlan`): one batch, one sync —
 * more only for a summary of about 90 plans or more (see `gridSteps`). Excel batches are not
 * transactions, so if a sync fails the table may be half refreshed: `restore` then puts back the
 * table as it was before, and the error is thrown typed.
 */
async function refresh(context: Excel.RequestContext, plan: RefreshPlan, previous: SummaryTableContent): Promise<void> {
  try {
    const table = context.workbook.tables.getItem(plan.table.name);
    const blocks = tableBlocks(plan.table);
    const columns = plan.table.columns.length;
    const body = rowsOf(() => table.getDataBodyRange(), columns);
    const totals = blocks.totals;
    await runBatches(context, [
      call(() => {
        if (plan.rowDelta > 0) {
          table.rows.add(undefined, Array.from({ length: plan.rowDelta }, () => new Array<string>(columns).fill("")));
        }
        // From the last row up, so the indexes of the rows still to delete do not move.
        for (let index = plan.rowsBefore - 1; index >= plan.rowsBefore + plan.rowDelta; index--) table.rows.getItemAt(index).delete();
        table.getHeaderRowRange().values = blocks.header.rows;
      }),
      // Formats first: a formula written into a cell formatted as Text would be kept as text.
      ...gridSteps(blocks.formats.rows.slice(0, plan.table.rows.length), body, (range, slice) => (range.numberFormat = slice)),
      ...gridSteps(cleared(blocks.body.rows), body, (range, slice) => (range.formulas = slice)),
      ...(totals ? [call(() => (table.getTotalRowRange().formulas = cleared(totals.rows)))] : []),
    ]);
  } catch (error) {
    try {
      await restore(context, previous);
    } catch {
      throw new OfficeWriteError("restoreFailed", { excelCode: excelCode(error), leftovers: [plan.spec.name] }, error);
    }
    throw new OfficeWriteError("writeFailed", { excelCode: excelCode(error) }, error);
  }
}

/**
 * Puts the summary table back as `readPlans` read it, in two syncs whatever its size (more only for
 * a summary beyond the batch budget, see `gridSteps`): (1) read how many rows it has now and what
 * they hold; (2) add back the data rows the failed refresh deleted, or delete those it added — as
 * table rows, so the manager's notes below move back with the table and cells beside it stay where
 * they are — then write the number formats and formulas of every cell that differs from before
 * (null leaves a cell alone; rows added back are written whole).
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

  /** Where row `r` of the table as it was is now: same place above, shifted for the totals row, undefined if added back. */
  const rowNow = (r: number): number | undefined =>
    r < headerRows + Math.min(rowsThen, rowsNow) ? r : r >= headerRows + rowsThen ? r - rowsThen + rowsNow : undefined;
  const changes = (then: Grid, current: Grid): unknown[][] =>
    then.map((row, r) => {
      const at = rowNow(r);
      return row.map((value, c) => (at !== undefined && current[at]?.[c] === value ? null : value));
    });
  const whole = rowsOf(() => table.getRange(), columns);
  await runBatches(context, [
    call(() => {
      if (rowsNow < rowsThen) table.rows.add(undefined, Array.from({ length: rowsThen - rowsNow }, () => new Array<string>(columns).fill("")));
      for (let index = rowsNow - 1; index >= rowsThen; index--) table.rows.getItemAt(index).delete();
    }),
    // Formats first, as in the refresh: a formula written into a Text cell would be kept as text.
    ...gridSteps(changes(numberFormat, now.numberFormat), whole, (range, slice) => (range.numberFormat = slice)),
    ...gridSteps(changes(formulas, now.formulas), whole, (range, slice) => (range.formulas = slice)),
  ]);
}
