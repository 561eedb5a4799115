import type { CellValue } from "../spec/sheetSpec";

/**
 * What both writers take to add rows to a table that is already in a workbook (issue 13's import),
 * and what they read back from it. Rows are keyed by the table's HEADER text as it stands in the
 * workbook (the caller maps field keys to headers); a column a row does not name is left alone in
 * existing rows and blank in new ones, except a calculated column, which gets its formula.
 */
export interface AppendRequest {
  /** The table's name, e.g. "SP_C1_Customers". */
  readonly table: string;
  /** New rows, written after the last row holding any input value: trailing blank rows are filled first, then the table grows. */
  readonly rows: readonly Readonly<Record<string, CellValue>>[];
  /** "Merge into the existing row": only cells that are blank now are written; a non-blank cell is never changed. */
  readonly fill?: readonly { readonly index: number /* 0-based data row */; readonly values: Readonly<Record<string, CellValue>> }[];
}

export interface AppendResult {
  /** 0-based data row index of the first appended row. */
  readonly firstRow: number;
  readonly appended: number;
  /** Existing rows that got at least one cell from `fill`. */
  readonly filled: number;
}

/** The existing table's headers and data rows (values as stored; formulas' cached values), for duplicate checks. */
export interface TableContents {
  /** The sheet the table is on, as the workbook names it now. */
  readonly sheet: string;
  readonly headers: readonly string[];
  /** Per column: a calculated column (the same formula in every row), which an import never writes into. */
  readonly calculated: readonly boolean[];
  readonly rows: readonly (readonly CellValue[])[];
}
