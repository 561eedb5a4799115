import type { CellRef, CellValue, RangeRef, SheetSpec, TableSpec } from "../../../spec/sheetSpec";
import { TeamError } from "../../../team/errors";
import { summaryTableName } from "../../../templates/team/rollupSheet";
import { blockHeight, BLOCK_GAP, isBlockCaption, stagesTableName } from "../../../templates/team/projectsBlock";
import { tableLayout } from "../../layout";

/**
 * How a writer refreshes an existing 团队汇总 sheet in place, so that re-running the roll-up is
 * idempotent and keeps whatever the manager added below or beside the table:
 *
 * 1. The sheet is found by its template record name `SP_T<n>_TEMPLATE` and the table by its name
 *    `SP_T<n>_Summary` (never by sheet name or position); the rebuilt spec keeps key and sheet name.
 * 2. The table gets `rowDelta` rows appended (> 0) or its last `-rowDelta` data rows deleted (< 0)
 *    as TABLE rows — Excel shifts only the cells under the table's own columns, exactly as when a
 *    user inserts or deletes table rows, so notes below move with the table and cells beside it
 *    stay where they are.
 * 3. Header row, whole data body (with number formats) and totals row are rewritten from `table`,
 *    wherever the table is now (the manager may have inserted rows or columns before it).
 * 4. Excel batches are not transactions: a writer that fails partway puts the table back as it read
 *    it (row count, then the header, body and totals cells that differ) before reporting the error.
 * Nothing else is touched — not the title or record cells above the table (they never change), not
 * the chart, conditional formats or validations (they refer to the table's columns and follow its
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
 * the summary table is, the 项目进度 block's table if there is one, and every used cell of the sheet.
 */
export interface SummarySurroundings {
  /** The summary table's whole range (header to totals) now. */
  readonly summaryAt: RangeRef;
  readonly block?: { readonly at: RangeRef; readonly state: SummaryTableState };
  /** The sheet's used range and its values. */
  readonly used?: { readonly at: RangeRef; readonly values: readonly (readonly CellValue[])[] };
}

/**
 * What a refresh does to the 项目进度 block (projectsBlock.ts), so that it is right after every roll-up:
 * - `refresh`: tracker and block both there — the block's table is refreshed in place like the summary's;
 * - `add`: a tracker has appeared since the summary was written — the block is written `BLOCK_GAP` rows
 *   under the refreshed summary table, where it would be in a new summary, if those cells hold nothing;
 * - `blocked`: they hold something (the manager's notes): nothing is overwritten, the roll-up says where;
 * - `remove`: the tracker is gone — the block's table is deleted, with its title and note if they are
 *   still the block's own words (what the add-in did not write is never deleted);
 * - `none`: no tracker, no block.
 * `build(origin)` is the summary as the refresh writes it, with its block at `origin` (omitted: none).
 */
export type BlockPlan =
  | { readonly kind: "none" }
  | { readonly kind: "refresh"; readonly plan: RefreshPlan }
  | { readonly kind: "add"; readonly spec: SheetSpec; readonly table: TableSpec; readonly cells: SheetSpec["cells"]; readonly area: RangeRef }
  | { readonly kind: "blocked"; readonly occupied: RangeRef }
  | { readonly kind: "remove"; readonly table: string; readonly caption: readonly CellRef[] };

export function planBlock(
  tracker: string | undefined,
  summaryKey: string,
  reps: readonly string[],
  around: SummarySurroundings,
  rowDelta: number,
  build: (origin?: CellRef) => SheetSpec,
): BlockPlan {
  const name = stagesTableName(summaryKey);
  const cellAt = (at: CellRef): CellValue => {
    const used = around.used;
    if (!used) return null;
    return used.values[at.row - used.at.from.row]?.[at.col - used.at.from.col] ?? null;
  };
  if (tracker === undefined) {
    if (!around.block) return { kind: "none" };
    const { from } = around.block.at;
    const caption = [0, 1]
      .map((i) => ({ row: from.row - 2 + i, col: from.col }))
      .filter((at, i) => at.row >= 0 && isBlockCaption(i === 0 ? "title" : "note", cellAt(at)));
    return { kind: "remove", table: name, caption };
  }
  if (around.block) return { kind: "refresh", plan: planRefresh(build({ row: 0, col: 0 }), around.block.state, name) };
  const { summaryAt } = around;
  // Checked where the cells are now: the refresh moves the cells under the summary table by rowDelta.
  const area: RangeRef = {
    from: { row: summaryAt.to.row + 1, col: summaryAt.from.col },
    to: { row: summaryAt.to.row + BLOCK_GAP - 1 + blockHeight(reps), col: summaryAt.to.col },
  };
  const occupied = occupiedIn(around.used, area);
  if (occupied) return { kind: "blocked", occupied };
  const origin = { row: summaryAt.to.row + rowDelta + BLOCK_GAP, col: summaryAt.from.col };
  const spec = build(origin);
  const table = spec.tables.find((t) => t.name === name);
  if (!table) throw new Error(`${spec.name} has no ${name}`);
  const whole = tableLayout(table).whole;
  const cells = spec.cells.filter((c) => c.at.col === origin.col && c.at.row >= origin.row && c.at.row < whole.from.row);
  return { kind: "add", spec, table, cells, area: { from: origin, to: whole.to } };
}

/** The smallest range holding every non-empty cell of `used` inside `area`, or undefined when there is none. */
function occupiedIn(used: SummarySurroundings["used"], area: RangeRef): RangeRef | undefined {
  if (!used) return undefined;
  const found: CellRef[] = [];
  used.values.forEach((row, r) =>
    row.forEach((value, c) => {
      const at = { row: used.at.from.row + r, col: used.at.from.col + c };
      const inside = at.row >= area.from.row && at.row <= area.to.row && at.col >= area.from.col && at.col <= area.to.col;
      if (inside && value !== null && value !== "") found.push(at);
    }),
  );
  if (found.length === 0) return undefined;
  const rows = found.map((at) => at.row);
  const cols = found.map((at) => at.col);
  return { from: { row: Math.min(...rows), col: Math.min(...cols) }, to: { row: Math.max(...rows), col: Math.max(...cols) } };
}
