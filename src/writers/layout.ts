import type {
  CellSpec,
  ColumnNameSpec,
  CellValue,
  ColumnSpec,
  RangeRef,
  SheetSpec,
  TableRow,
  TableSpec,
  TargetRef,
  TotalsSpec,
  ValidationRule,
} from "../spec/sheetSpec";
import { FIRST_SERIAL } from "../domain/calendar";
import { col } from "../spec/formula";

/**
 * Pure layout rules that every writer must apply identically (where a table's parts land, what a
 * totals cell contains, how a validation rule reads as Excel criteria), so the Office and the
 * xlsx renderers cannot drift apart.
 */

/** The rectangles one table occupies: header row, data body, optional totals row, and all of them. */
export interface TableLayout {
  readonly header: RangeRef;
  readonly body: RangeRef;
  readonly totals?: RangeRef;
  readonly whole: RangeRef;
}

export function tableLayout(table: TableSpec): TableLayout {
  const { row, col: first } = table.origin;
  const last = first + table.columns.length - 1;
  const bodyLast = row + table.rows.length;
  const header = { from: { row, col: first }, to: { row, col: last } };
  const body = { from: { row: row + 1, col: first }, to: { row: bodyLast, col: last } };
  const totals = table.showTotals ? { from: { row: bodyLast + 1, col: first }, to: { row: bodyLast + 1, col: last } } : undefined;
  return { header, body, totals, whole: { from: header.from, to: (totals ?? body).to } };
}

/** Data-body rectangle of the table's column at `index`. */
export function columnBody(table: TableSpec, index: number): RangeRef {
  const { body } = tableLayout(table);
  const column = body.from.col + index;
  return { from: { row: body.from.row, col: column }, to: { row: body.to.row, col: column } };
}

/**
 * The cells a conditional format or chart series refers to, resolved against the sheet's tables
 * (a table-column target names the column by its header, as structured references do).
 */
export function resolveTarget(sheet: SheetSpec, target: TargetRef): RangeRef {
  if (target.kind === "range") return target.range;
  const table = sheet.tables.find((t) => t.name === target.table);
  const index = table ? table.columns.findIndex((c) => c.header === target.column) : -1;
  if (!table || index < 0) throw new Error(`Sheet ${sheet.name} has no table column ${target.table}[${target.column}]`);
  return columnBody(table, index);
}

/** One cell as a writer sets it: a literal, or a formula without the leading "=". */
export type CellContent = { readonly value: CellValue } | { readonly formula: string };

const SUBTOTAL_CODE = { sum: 109, count: 103, average: 101 } as const;

/** Content of a column's totals-row cell; blank when the column has no totals spec. */
export function totalsContent(table: TableSpec, column: ColumnSpec): CellContent {
  const totals: TotalsSpec | undefined = column.totals;
  if (!totals) return { value: null };
  switch (totals.kind) {
    case "label":
      return { value: totals.text };
    case "function":
      return { formula: `SUBTOTAL(${SUBTOTAL_CODE[totals.fn]},${col(table.name, column.header)})` };
    case "formula":
      return { formula: totals.formula };
  }
}

/** The formula of a column's totals-row cell, or undefined where the totals row holds a label or nothing. */
export function totalsFormula(table: TableSpec, column: ColumnSpec): string | undefined {
  if (!table.showTotals) return undefined;
  const content = totalsContent(table, column);
  return "formula" in content ? content.formula : undefined;
}

/** Content of one loose cell as the spec states it (a formula wins over a value). */
export function cellContent(cell: CellSpec): CellContent {
  return cell.formula !== undefined ? { formula: cell.formula } : { value: cell.value ?? null };
}

/** Content of one data-body cell: the calculated-column formula, or the row's input value. */
export function bodyContent(column: ColumnSpec, row: TableRow): CellContent {
  if (column.formula !== undefined) return { formula: column.formula };
  return { value: row[column.key] ?? null };
}

/** A validation rule as Excel's criteria: type, comparison and its one or two formulas. */
export interface ValidationCriteria {
  readonly type: "list" | "decimal" | "whole" | "date";
  readonly operator: "between" | "greaterThanOrEqual" | "lessThanOrEqual";
  /** Formulas without "=": a quoted, comma-joined list, or numbers. */
  readonly formulae: readonly string[];
}

/**
 * Excel has no "any number" criterion, so an open bound becomes a one-sided comparison, and a
 * rule with no bound at all compares with the lowest value of its type (never an empty formula).
 * "Any date" means on or after serial 61 (`FIRST_SERIAL`, 1900-03-01): Excel's serials 1–60 include
 * the fictitious 1900-02-29 and LibreOffice reads them as other days, so 61 is the first serial both
 * agree on — and the first date the domain's calendar accepts.
 */
const LOWEST = { decimal: "-9.99E+307", whole: "-2147483648" } as const;

/** `sheet` is the one the rule is on: a drop-down over a table column lists a name it declares. */
export function validationCriteria(rule: ValidationRule, sheet: SheetSpec): ValidationCriteria {
  switch (rule.kind) {
    case "list":
      return { type: "list", operator: "between", formulae: [`"${rule.values.join(",")}"`] };
    case "tableColumn":
      return { type: "list", operator: "between", formulae: [listSource(sheet, rule)] };
    case "date":
      return { type: "date", operator: "greaterThanOrEqual", formulae: [String(FIRST_SERIAL)] };
    case "decimal":
    case "whole":
      if (rule.min !== undefined && rule.max !== undefined)
        return { type: rule.kind, operator: "between", formulae: [String(rule.min), String(rule.max)] };
      if (rule.max !== undefined) return { type: rule.kind, operator: "lessThanOrEqual", formulae: [String(rule.max)] };
      return { type: rule.kind, operator: "greaterThanOrEqual", formulae: [rule.min !== undefined ? String(rule.min) : LOWEST[rule.kind]] };
  }
}

/**
 * The list source of a drop-down over a table column: the workbook name `sheet` declares for that column
 * (`SheetDraft.finish`, templates/draft.ts, says why a name). LibreOffice lists it too
 * (test/writers/xlsx/ledgerEngine.test.ts).
 */
export function listSource(sheet: SheetSpec, rule: { readonly table: string; readonly column: string }): string {
  const name = sheet.columnNames?.find((n) => n.table === rule.table && n.column === rule.column);
  if (name === undefined) throw new Error(`Sheet ${sheet.name} has no name for its drop-down over ${rule.table}[${rule.column}]`);
  return name.name;
}

/** What a column name refers to: the column's data body, as a structured reference (without "="). */
export const columnNameFormula = (name: ColumnNameSpec): string => col(name.table, name.column);

/** Everything a sheet's content covers: cells, tables, merges, validations, formats, chart anchors. */
export function sheetExtent(sheet: SheetSpec): RangeRef {
  const ranges: RangeRef[] = [
    ...sheet.cells.map((c) => ({ from: c.at, to: c.at })),
    ...sheet.tables.map((t) => tableLayout(t).whole),
    ...sheet.merges,
    ...sheet.validations.map((v) => v.range),
    ...sheet.conditionalFormats.map((f) => resolveTarget(sheet, f.target)),
    ...sheet.charts.map((c) => c.anchor),
  ];
  if (ranges.length === 0) throw new Error(`Sheet ${sheet.name} has no content`);
  return boundingBox(ranges);
}

/** Smallest rectangle holding all of `ranges` (which must not be empty). */
export function boundingBox(ranges: readonly RangeRef[]): RangeRef {
  return {
    from: { row: Math.min(...ranges.map((r) => r.from.row)), col: Math.min(...ranges.map((r) => r.from.col)) },
    to: { row: Math.max(...ranges.map((r) => r.to.row)), col: Math.max(...ranges.map((r) => r.to.col)) },
  };
}
