import type { CellRef, RangeRef, SheetSpec, TableSpec } from "../../../spec/sheetSpec";
import { TeamError } from "../../../team/errors";
import { summaryTableName } from "../../../templates/team/rollupSheet";
import { blockHeight, BLOCK_GAP, CAPTION_ROWS, isBlockCaption, stagesTableName } from "../../../templates/team/projectsBlock";
import { tableLayout } from "../../layout";

/**
 * How a writer refreshes an existing 团队汇总 sheet in place, so that re-running the roll-up is
 * idempotent and keeps whatever the manager added below or beside the table:
 *
 * 1. The sheet is found by its template record name `SP_T<n>_TEMPLATE` (of the current layout version)
 *    and each block's table by its name, `SP_T<n>_Summary` (weekly) and `SP_T<n>_MonthlySummary`
 *    (never by sheet name or position); the rebuilt spec keeps key and sheet name. Each block table
 *    is refreshed as below; they sit side by side, so neither moves the other.
 * 2. The table gets `rowDelta` rows appended (> 0) or its last `-rowDelta` data rows deleted (< 0)
 *    as TABLE rows — Excel shifts only the cells under the table's own columns, exactly as when a
 *    user inserts or deletes table rows, so notes below move with the table and cells beside it
 *    stay where they are.
 * 3. Header row, whole data body (with number formats) and totals row are rewritten from `table`,
 *    wherever the table is now (the manager may have inserted rows or columns before it).
 * 4. Excel batches are not transactions: a writer that fails partway puts the table back as it read
 *    it (row count, then the header, body and totals cells that differ) before reporting the error.
 * Nothing else is touched — not the title or record cells above the table (they never change), not
 * the 周工作会记录 table (the manager's), not the charts, conditional formats or validations (they refer to the table's columns and follow its
 * size), and never a plan sheet, which the roll-up only reads.
 */
export interface RefreshPlan {
  /** The summary as a fresh roll-up would write it (same key, same sheet name). */
  readonly spec: SheetSpec;
  readonly table: TableSpec;
  /** Data rows the table has now. */
  readonly rowsBefore: number;
  /** Data rows to add (> 0) or to delete from the end (< 0). */
  readonly rowDelta: number;
}

/** What a writer read about the summary table that is in the workbook. */
export interface SummaryTableState {
  /** Data rows (totals row excluded). */
  readonly rows: number;
  readonly columns: number;
}

/** The refresh of table `name` of `spec` (the summary table unless said otherwise). */
export function planRefresh(spec: SheetSpec, current: SummaryTableState, name = summaryTableName(spec.record.key)): RefreshPlan {
  const table = spec.tables.find((t) => t.name === name);
  if (!table) throw new Error(`${spec.name} is not a team summary spec`);
  if (current.columns !== table.columns.length) throw new TeamError("summaryChanged", { sheet: spec.name });
  return { spec, table, rowsBefore: current.rows, rowDelta: table.rows.length - current.rows };
}

/**
 * What the summary sheet holds around the summary table, as a writer read it before refreshing: where
 * the summary table is, the 项目进度 block's table if there is one (with its caption), and — only when a
 * block may be added — what the rows under the summary table hold.
 */
export interface SummarySurroundings {
  /** The summary table's whole range (header to totals) now. */
  readonly summaryAt: RangeRef;
  readonly block?: {
    readonly at: RangeRef;
    readonly state: SummaryTableState;
    /** `Range.formulas` of the `CAPTION_ROWS` cells right above the table's first cell, top down (title, note). */
    readonly caption: readonly unknown[];
  };
  readonly below?: BelowSummary;
}

/** The rows right under the summary table, its width, as read: what must be empty before a block goes there. */
export interface BelowSummary {
  readonly at: RangeRef;
  /** `Range.formulas`: a formula shows as its text even when it returns "" (a value of "" would read as empty). */
  readonly formulas: readonly (readonly unknown[])[];
  /** The merged areas reaching into `at`; undefined when the host cannot tell (no ExcelApi 1.13). */
  readonly merged: readonly RangeRef[] | undefined;
  /** Whether any cell of `at` has data validation (Excel says only whether some does). */
  readonly validated: boolean;
}

/**
 * What a refresh does to the 项目进度 block (projectsBlock.ts), so that it is right after every roll-up:
 * - `refresh`: tracker and block both there — the block's table is refreshed in place like the summary's,
 *   and its note rewritten when it still holds the add-in's words naming another tracker (`note`: now, and
 *   `before`, to put back if Excel rejects the refresh);
 * - `changed`: the block's table no longer has the block's columns (a column typed beside a table
 *   widens it): the block is left alone, the summary refreshed, the roll-up says which table to delete;
 * - `add`: a tracker has appeared since the summary was written — the block is written `BLOCK_GAP` rows
 *   under the refreshed summary table, where it would be in a new summary, if those cells hold nothing;
 * - `blocked`: they hold something (the manager's notes): nothing is overwritten, the roll-up says where;
 * - `remove`: the tracker is gone — the block's table is deleted, with its title and note if they are
 *   still the block's own words (what the add-in did not write is never deleted);
 * - `none`: no tracker, no block.
 * The caption is always addressed relative to the block's table (`caption`: rows above its first cell),
 * wherever the table is when the batch runs: the summary's rows added or deleted move it.
 * `build(origin)` is the summary as the refresh writes it, with its block at `origin` (omitted: none).
 */
export type BlockPlan =
  | { readonly kind: "none" }
  | { readonly kind: "refresh"; readonly plan: RefreshPlan; readonly note?: { readonly now: string; readonly before: string } }
  | { readonly kind: "changed"; readonly table: string }
  | { readonly kind: "add"; readonly spec: SheetSpec; readonly table: TableSpec; readonly cells: SheetSpec["cells"] }
  | { readonly kind: "blocked"; readonly occupied: RangeRef }
  | { readonly kind: "remove"; readonly table: string; readonly caption: readonly number[] };

export function planBlock(
  tracker: string | undefined,
  summaryKey: string,
  reps: readonly string[],
  around: SummarySurroundings,
  rowDelta: number,
  build: (origin?: CellRef) => SheetSpec,
): BlockPlan {
  const name = stagesTableName(summaryKey);
  if (tracker === undefined) {
    if (!around.block) return { kind: "none" };
    const { caption } = around.block;
    const own = caption.flatMap((value, i) => (isBlockCaption(i === 0 ? "title" : "note", value) ? [CAPTION_ROWS - i] : []));
    return { kind: "remove", table: name, caption: own };
  }
  if (around.block) {
    const spec = build({ row: 0, col: 0 });
    const table = spec.tables.find((t) => t.name === name);
    if (!table || around.block.state.columns !== table.columns.length) return { kind: "changed", table: name };
    const note = noteFor(spec, table);
    const stale = around.block.caption[1];
    const rewrite = typeof stale === "string" && note !== undefined && stale !== note && isBlockCaption("note", stale);
    return { kind: "refresh", plan: planRefresh(spec, around.block.state, name), ...(rewrite ? { note: { now: note, before: stale } } : {}) };
  }
  const { summaryAt } = around;
  // Checked where the cells are now: the refresh moves the cells under the summary table by rowDelta.
  const area: RangeRef = {
    from: { row: summaryAt.to.row + 1, col: summaryAt.from.col },
    to: { row: summaryAt.to.row + BLOCK_GAP - 1 + blockHeight(reps), col: summaryAt.to.col },
  };
  const occupied = occupiedIn(around.below, area);
  if (occupied) return { kind: "blocked", occupied };
  const origin = { row: summaryAt.to.row + rowDelta + BLOCK_GAP, col: summaryAt.from.col };
  const spec = build(origin);
  const table = spec.tables.find((t) => t.name === name);
  if (!table) throw new Error(`${spec.name} has no ${name}`);
  const whole = tableLayout(table).whole;
  const cells = spec.cells.filter((c) => c.at.col === origin.col && c.at.row >= origin.row && c.at.row < whole.from.row);
  return { kind: "add", spec, table, cells };
}

/** The note the block of `spec` has: the text of the cell right above its table. */
function noteFor(spec: SheetSpec, table: TableSpec): string | undefined {
  const { from } = tableLayout(table).whole;
  const value = spec.cells.find((c) => c.at.row === from.row - 1 && c.at.col === from.col)?.value;
  return typeof value === "string" ? value : undefined;
}

/**
 * Where `area` is not free for the block, as the smallest range holding it: cells with a value or a
 * formula (even one returning ""), merged areas; all of `area` when a cell has data validation, when
 * the host cannot report merged areas, or when `below` was not read or does not cover it.
 */
function occupiedIn(below: BelowSummary | undefined, area: RangeRef): RangeRef | undefined {
  const covered = below && below.at.from.row <= area.from.row && below.at.to.row >= area.to.row && below.at.from.col <= area.from.col && below.at.to.col >= area.to.col;
  if (!below || !covered || below.validated || below.merged === undefined) return area;
  const inside = (at: CellRef): boolean => at.row >= area.from.row && at.row <= area.to.row && at.col >= area.from.col && at.col <= area.to.col;
  const found: CellRef[] = [];
  below.formulas.forEach((row, r) =>
    row.forEach((formula, c) => {
      const at = { row: below.at.from.row + r, col: below.at.from.col + c };
      if (inside(at) && formula !== null && formula !== "") found.push(at);
    }),
  );
  for (const merge of below.merged) {
    const from = { row: Math.max(merge.from.row, area.from.row), col: Math.max(merge.from.col, area.from.col) };
    const to = { row: Math.min(merge.to.row, area.to.row), col: Math.min(merge.to.col, area.to.col) };
    if (from.row <= to.row && from.col <= to.col) found.push(from, to);
  }
  if (found.length === 0) return undefined;
  const rows = found.map((at) => at.row);
  const cols = found.map((at) => at.col);
  return { from: { row: Math.min(...rows), col: Math.min(...cols) }, to: { row: Math.max(...rows), col: Math.max(...cols) } };
}
