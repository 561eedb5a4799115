import type { CellRef, RangeRef } from "./sheetSpec";

/** Zero-based column index → Excel column letters (0 → A, 26 → AA). */
export function columnLetters(col: number): string {
  let letters = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** A1 address of a zero-based cell; `absolute` adds "$" to column and row. */
export function a1(cell: CellRef, absolute = false): string {
  const dollar = absolute ? "$" : "";
  return `${dollar}${columnLetters(cell.col)}${dollar}${cell.row + 1}`;
}

/** A1 address with an absolute column and a relative row: the form row-wise conditional formats need. */
export function a1FixedColumn(cell: CellRef): string {
  return `$${columnLetters(cell.col)}${cell.row + 1}`;
}

export function rangeA1(range: RangeRef, absolute = false): string {
  return `${a1(range.from, absolute)}:${a1(range.to, absolute)}`;
}

export const cellRange = (cell: CellRef): RangeRef => ({ from: cell, to: cell });

/** Quotes a sheet name for use in a reference when Excel requires it (always safe to quote). */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
