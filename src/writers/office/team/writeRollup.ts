import type { Locale } from "../../../contract/locale";
import { discoverPlans, type PlanInstance } from "../../../team";
import { buildSummarySheet, newSummaryPlacement } from "../../../templates/team";
import { monthlySummaryTableName } from "../../../templates/team/rollupSheet";
import { TeamError } from "../../../team/errors";
import { PROJECTS_ROLE } from "../../../templates/linkedTables";
import { spTable } from "../../../spec/naming";
import { qualifiedAddress } from "../../../spec/addresses";
import type { CellRef } from "../../../spec/sheetSpec";
import { BLOCK_GAP, CAPTION_ROWS } from "../../../templates/team/projectsBlock";
import { planBlock, planRefresh, type BlockPlan, type RefreshPlan } from "./refresh";
import { tableBlocks, type Entry } from "../blocks";
import { call, runBatches, sliceBlock, type Step } from "../chunking";
import { excelCode, OfficeWriteError } from "../errors";
import { addSheets } from "../officeWriter";
import { sheetSteps } from "../sheetSteps";
import type { SummaryTableContent, WorkbookSnapshot } from "./readPlans";

/**
 * Writes the 团队汇总 sheet from a `readPlans` snapshot in ONE sync (more only for a summary beyond
 * ~4 MB: every link column repeats a formula naming every plan in every row, so about 90 plans or
 * more; 100 plans take 2): a new sheet through the Office writer's `addSheets`,
 * or an in-place refresh of the existing one as `refresh.ts` specifies. Only the summary sheet
 * is ever written; plan sheets are only read. Either way a write Excel rejects is undone before
 * `OfficeWriteError("writeFailed")` is thrown (`"cleanupFailed"` or `"restoreFailed"` if undoing failed too): a new sheet
 * is removed, each refreshed table is put back as `readPlans` read it (two more syncs a table, failure only).
 */

export interface RollupResult {
  /** The summary sheet's name. */
  readonly sheet: string;
  /** Whether an existing summary was refreshed (else a new one was created). */
  readonly refreshed: boolean;
  /** Every plan listed, in summary order, with its status and reasons. */
  readonly plans: readonly PlanInstance[];
  /** What became of the 项目进度 block (templates/team/projectsBlock.ts); absent without tracker or block. */
  readonly projects?: ProjectsOutcome;
  /**
   * The sheet of a summary in the older one-table layout, left untouched — with the manager's notes —
   * while the new summary went on a sheet of its own (`sheet`).
   */
  readonly outdated?: string;
}

/**
 * `listed`: the summary lists tracker `table` by stage; `blocked`: it would, but the cells where the
 * block goes (`occupied`) hold something, so it was not written; `changed`: the block's table `table` no
 * longer has the block's columns (a column typed beside it joins it), so it was left as it is — deleting
 * it lets the next roll-up write it again; `removed`: the tracker is gone and so is the block; `unlisted`:
 * tracker `table` is there but names the block reads were deleted, so it is not listed (and a block
 * listing it before was `removed`).
 */
export type ProjectsOutcome =
  | { readonly kind: "listed"; readonly table: string }
  | { readonly kind: "changed"; readonly table: string }
  | { readonly kind: "blocked"; readonly table: string; readonly occupied: string }
  | { readonly kind: "removed" }
  | { readonly kind: "unlisted"; readonly table: string; readonly removed: boolean };

export async function writeRollup(context: Excel.RequestContext, snapshot: WorkbookSnapshot, locale: Locale): Promise<RollupResult> {
  const plans = discoverPlans(snapshot.names);
  const { tracker, summary } = snapshot;
  const placement = summary?.placement ?? newSummaryPlacement(snapshot.existing, locale);
  const build = (origin?: CellRef) => buildSummarySheet(plans, placement, locale, tracker === undefined ? undefined : { tracker, ...(origin ? { origin } : {}) });
  const listed = tracker === undefined ? undefined : ({ kind: "listed", table: spTable(tracker, PROJECTS_ROLE) } as const);
  const unlisted = (removed: boolean): { projects?: ProjectsOutcome } =>
    snapshot.incompleteTracker === undefined ? {} : { projects: { kind: "unlisted", table: snapshot.incompleteTracker, removed } };
  if (!summary) {
    const spec = build();
    await addSheets(context, [spec]);
    const outdated = snapshot.outdated === undefined ? {} : { outdated: snapshot.outdated };
    return { sheet: spec.name, refreshed: false, plans, ...(listed ? { projects: listed } : unlisted(false)), ...outdated };
  }
  // The block tables as refreshed (the 项目进度 block, if any, plays no part in them; the meeting table is the manager's).
  const spec = buildSummarySheet(plans, placement, locale);
  const table = planRefresh(spec, summary.table);
  if (!summary.monthly) throw new TeamError("summaryChanged", { sheet: placement.sheet });
  const monthly = { plan: planRefresh(spec, summary.monthly.table, monthlySummaryTableName(placement.key)), content: summary.monthly.content };
  const block = planBlock(tracker, placement.key, plans.map((plan) => plan.rep), summary.around, table.rowDelta, build);
  await refresh(context, { table, monthly, block, sheet: placement.sheet }, summary.content, summary.blockContent);
  return { sheet: spec.name, refreshed: true, plans, ...projectsOutcome(block, listed, unlisted, placement.sheet) };
}

function projectsOutcome(
  block: BlockPlan,
  listed: ProjectsOutcome | undefined,
  unlisted: (removed: boolean) => { projects?: ProjectsOutcome },
  sheet: string,
): { projects?: ProjectsOutcome } {
  switch (block.kind) {
    case "none":
      return unlisted(false);
    case "remove":
      return { projects: { kind: "removed" }, ...unlisted(true) };
    case "changed":
      return { projects: { kind: "changed", table: block.table } };
    case "blocked":
      return listed?.kind === "listed" ? { projects: { kind: "blocked", table: listed.table, occupied: qualifiedAddress(sheet, block.occupied) } } : {};
    default:
      return listed ? { projects: listed } : {};
  }
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
 * Applies a refresh plan to the weekly and the monthly block tables in place (see `RefreshPlan`) and to the 项目进度 block
 * (see `BlockPlan`): one batch, one sync — more only for a summary of about 90 plans or more (see
 * `gridSteps`). Excel batches are not transactions, so if a sync fails the tables may be half
 * refreshed: `restore` then puts back each table as it was before (a block added by this refresh is
 * removed again, from cells that were empty), and the error is thrown typed. A block is removed last,
 * so a failure before it leaves it in place, and the removal is one call.
 */
async function refresh(
  context: Excel.RequestContext,
  work: {
    readonly table: RefreshPlan;
    readonly monthly: { readonly plan: RefreshPlan; readonly content: SummaryTableContent };
    readonly block: BlockPlan;
    readonly sheet: string;
  },
  previous: SummaryTableContent,
  previousBlock: SummaryTableContent | undefined,
): Promise<void> {
  const { block } = work;
  const sheet = context.workbook.worksheets.getItem(work.sheet);
  try {
    await runBatches(context, [
      ...tableSteps(context, work.table),
      ...tableSteps(context, work.monthly.plan),
      ...(block.kind === "refresh" ? [...tableSteps(context, block.plan), ...noteSteps(context, block, "now")] : []),
      ...(block.kind === "add" ? addBlockSteps(context, sheet, block) : []),
      ...(block.kind === "remove"
        ? [
            call(() => {
              const table = context.workbook.tables.getItem(block.table);
              for (const rows of block.caption) captionCell(table, rows).clear();
              table.delete();
            }),
          ]
        : []),
    ]);
  } catch (error) {
    try {
      // The added block first, while it is still where the refreshed summary put it.
      if (block.kind === "add") await removeAddedBlock(context, work.table.table.name, block);
      await restore(context, [previous, work.monthly.content]);
      if (previousBlock && block.kind === "refresh") {
        await restore(context, [previousBlock]);
        await runBatches(context, noteSteps(context, block, "before"));
      }
    } catch {
      throw new OfficeWriteError("restoreFailed", { excelCode: excelCode(error), leftovers: [work.table.spec.name] }, error);
    }
    throw new OfficeWriteError("writeFailed", { excelCode: excelCode(error) }, error);
  }
}

/** The steps refreshing one table in place: rows added or deleted, then header, formats, body, totals. */
function tableSteps(context: Excel.RequestContext, plan: RefreshPlan): Step[] {
  const table = context.workbook.tables.getItem(plan.table.name);
  const blocks = tableBlocks(plan.table);
  const columns = plan.table.columns.length;
  const body = rowsOf(() => table.getDataBodyRange(), columns);
  const totals = blocks.totals;
  return [
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
  ];
}

/**
 * The cell `rows` above the first cell of `table` (the block's title 2, its note 1), resolved where the
 * table is when the batch reaches it — after the summary's rows were added or deleted above it.
 */
const captionCell = (table: Excel.Table, rows: number): Excel.Range => table.getRange().getCell(0, 0).getOffsetRange(-rows, 0);

/** Rewrites the block's note, which still names the tracker the block listed before (`before`: puts it back). */
function noteSteps(context: Excel.RequestContext, block: Extract<BlockPlan, { kind: "refresh" }>, which: "now" | "before"): Step[] {
  const { note } = block;
  if (note === undefined) return [];
  return [call(() => (captionCell(context.workbook.tables.getItem(block.plan.table.name), 1).values = [[note[which]]]))];
}

/**
 * A new block on the existing sheet, written by the Office writer's own steps for its table and caption
 * only (no names, no sheet settings): after the summary's steps, which move the cells under the table
 * to where `planBlock` placed the block.
 */
function addBlockSteps(context: Excel.RequestContext, sheet: Excel.Worksheet, block: Extract<BlockPlan, { kind: "add" }>): Step[] {
  const only = { ...block.spec, cells: block.cells, tables: [block.table], names: [], columnNames: [], merges: [], validations: [], conditionalFormats: [], charts: [] };
  const steps = sheetSteps({ context, sheet, ownsSheet: false }, only);
  return [...steps.structure, ...steps.columnNames, ...steps.content];
}

/**
 * Undoes `addBlockSteps` before the summary is restored, relative to the tables as they are now (never
 * at addresses planned before the summary moved): the block's table, by its name, with its cells; then
 * the rows under the summary table down to the block's header row — its caption, and header cells
 * written before the table is made — which held nothing before (`planBlock` checked, and they move
 * with the summary table's rows).
 */
async function removeAddedBlock(context: Excel.RequestContext, summary: string, block: Extract<BlockPlan, { kind: "add" }>): Promise<void> {
  const table = context.workbook.tables.getItemOrNullObject(block.table.name);
  await context.sync();
  if (!table.isNullObject) table.delete();
  context.workbook.tables.getItem(summary).getRange().getRowsBelow(BLOCK_GAP - 1 + CAPTION_ROWS + 1).clear();
  await context.sync();
}

/**
 * Puts each table of `tables` back as `readPlans` read it, in two syncs whatever their number and size
 * (more only for a summary beyond the batch budget, see `gridSteps`): (1) read how many rows each has
 * now and what they hold; (2) add back the data rows the failed refresh deleted, or delete those it
 * added — as table rows, so the manager's notes below move back with the table and cells beside it
 * stay where they are — then write the number formats and formulas of every cell that differs from
 * before (null leaves a cell alone; rows added back are written whole). The tables restored together
 * sit side by side (the weekly and monthly blocks), so none moves another.
 */
export async function restore(context: Excel.RequestContext, tables: readonly SummaryTableContent[]): Promise<void> {
  const read = tables.map((previous) => {
    const table = context.workbook.tables.getItem(previous.name);
    return { previous, table, now: table.getRange().load("formulas,numberFormat,rowCount") };
  });
  await context.sync();
  await runBatches(context, read.flatMap(({ previous, table, now }) => restoreSteps(previous, table, now)));
}

/** The steps putting one table back (see `restore`), from what it holds `now`. */
function restoreSteps(previous: SummaryTableContent, table: Excel.Table, now: Excel.Range): Step[] {
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
  return [
    call(() => {
      if (rowsNow < rowsThen) table.rows.add(undefined, Array.from({ length: rowsThen - rowsNow }, () => new Array<string>(columns).fill("")));
      for (let index = rowsNow - 1; index >= rowsThen; index--) table.rows.getItemAt(index).delete();
    }),
    // Formats first, as in the refresh: a formula written into a Text cell would be kept as text.
    ...gridSteps(changes(numberFormat, now.numberFormat), whole, (range, slice) => (range.numberFormat = slice)),
    ...gridSteps(changes(formulas, now.formulas), whole, (range, slice) => (range.formulas = slice)),
  ];
}
