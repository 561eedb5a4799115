import { a1 } from "../../src/spec/a1";
import type { CellRef, SheetSpec, TableSpec } from "../../src/spec/sheetSpec";
import type { Computed, ComputedWorkbook } from "./libreoffice";

/** Locates spec cells in LibreOffice's computed output. */

export function tableByRole(spec: SheetSpec, role: string): TableSpec {
  const table = spec.tables.find((t) => t.role === role);
  if (!table) throw new Error(`${spec.name} has no table ${role}`);
  return table;
}

export function tableCell(table: TableSpec, rowIndex: number, key: string): CellRef {
  const index = table.columns.findIndex((c) => c.key === key);
  if (index < 0) throw new Error(`${table.name} has no column ${key}`);
  return { row: table.origin.row + 1 + rowIndex, col: table.origin.col + index };
}

export function namedCell(spec: SheetSpec, name: string): CellRef {
  const found = spec.names.find((n) => n.name === name);
  if (!found) throw new Error(`${spec.name} has no name ${name}`);
  return found.target.from;
}

/** A computed value, with "" (a formula's blank) read as null like an empty cell. */
export function read(book: ComputedWorkbook, spec: SheetSpec, at: CellRef): Computed {
  const sheet = book.get(spec.name);
  if (!sheet) throw new Error(`LibreOffice output has no sheet ${spec.name}`);
  const value = sheet.get(a1(at)) ?? null;
  return value === "" ? null : value;
}

/** Column `key` of a table, computed, one entry per data row. */
export function readColumn(book: ComputedWorkbook, spec: SheetSpec, table: TableSpec, key: string): Computed[] {
  return table.rows.map((_, i) => read(book, spec, tableCell(table, i, key)));
}
