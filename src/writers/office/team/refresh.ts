import type { SheetSpec, TableSpec } from "../../../spec/sheetSpec";
import { TeamError } from "../../../team/errors";
import { summaryTableName } from "../../../templates/team/rollupSheet";

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

export function planRefresh(spec: SheetSpec, current: SummaryTableState): RefreshPlan {
  const table = spec.tables.find((t) => t.name === summaryTableName(spec.record.key));
  if (!table) throw new Error(`${spec.name} is not a team summary spec`);
  if (current.columns !== table.columns.length) throw new TeamError("summaryChanged", { sheet: spec.name });
  return { spec, table, rowsBefore: current.rows, rowDelta: table.rows.length - current.rows };
}
