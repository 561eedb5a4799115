import type ExcelJS from "exceljs";
import { a1, quoteSheet, rangeA1 } from "../../templates/a1";
import { col } from "../../templates/formula";
import {
  CELL_STYLES,
  type CellStyleName,
  type ColumnSpec,
  type ConditionalFormatSpec,
  type RangeRef,
  type SheetSpec,
  type TableSpec,
  type TargetRef,
  type ValidationSpec,
} from "../../templates/sheetSpec";
import { DUPLICATES_MARKER } from "./packagePatch";

/**
 * Renders one SheetSpec into an exceljs worksheet. What exceljs cannot express (calculated-column
 * and totals-row formulas in the table part, the native duplicate-values rule, name comments) is
 * finished by `packagePatch.ts` on the saved package.
 */

const argb = (rgb: string): string => `FF${rgb}`;

const TABLE_HEADER_FILL = "4472C4";

const SUBTOTAL_CODE = { sum: 109, count: 103, average: 101 } as const;

function applyStyle(cell: ExcelJS.Cell, name: CellStyleName): void {
  const style = CELL_STYLES[name];
  cell.font = {
    ...(style.bold ? { bold: true } : {}),
    ...(style.italic ? { italic: true } : {}),
    ...(style.fontSize ? { size: style.fontSize } : {}),
    ...(style.fontColor ? { color: { argb: argb(style.fontColor) } } : {}),
  };
  if (style.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
  if (style.horizontal || style.wrap) {
    cell.alignment = { ...(style.horizontal ? { horizontal: style.horizontal } : {}), ...(style.wrap ? { wrapText: true } : {}) };
  }
  const thin = { style: "thin" as const, color: { argb: "FFBFBFBF" } };
  if (style.border === "thin") cell.border = { top: thin, bottom: thin, left: thin, right: thin };
  if (style.border === "bottom") cell.border = { bottom: { style: "medium", color: { argb: argb(style.fontColor ?? "000000") } } };
}

/** Data-body range of a table column, as placed in the spec. */
function columnBody(table: TableSpec, header: string): RangeRef {
  const index = table.columns.findIndex((c) => c.header === header);
  if (index < 0) throw new Error(`table ${table.name} has no column "${header}"`);
  const column = table.origin.col + index;
  return {
    from: { row: table.origin.row + 1, col: column },
    to: { row: table.origin.row + table.rows.length, col: column },
  };
}

export function resolveTarget(spec: SheetSpec, target: TargetRef): RangeRef {
  if (target.kind === "range") return target.range;
  const table = spec.tables.find((t) => t.name === target.table);
  if (!table) throw new Error(`sheet ${spec.name} has no table ${target.table}`);
  return columnBody(table, target.column);
}

function dataValidation(validation: ValidationSpec): ExcelJS.DataValidation {
  const common = {
    allowBlank: validation.allowBlank,
    showErrorMessage: true,
    errorStyle: "stop" as const,
    errorTitle: validation.errorTitle,
    error: validation.errorMessage,
  };
  const rule = validation.rule;
  switch (rule.kind) {
    case "list":
      return { ...common, type: "list", formulae: [`"${rule.values.join(",")}"`] };
    case "date":
      return { ...common, type: "date", operator: "greaterThanOrEqual", formulae: [new Date(Date.UTC(1900, 2, 1))] };
    case "decimal":
    case "whole": {
      const bounded = rule.min !== undefined && rule.max !== undefined;
      return {
        ...common,
        type: rule.kind,
        operator: bounded ? "between" : rule.min !== undefined ? "greaterThanOrEqual" : "lessThanOrEqual",
        formulae: bounded ? [rule.min, rule.max] : [rule.min ?? rule.max],
      };
    }
  }
}

/** The totals-row formula of a column, or undefined for a label or no totals. */
export function totalsFormula(table: TableSpec, column: ColumnSpec): string | undefined {
  const totals = column.totals;
  if (!table.showTotals || !totals || totals.kind === "label") return undefined;
  return totals.kind === "function" ? `SUBTOTAL(${SUBTOTAL_CODE[totals.fn]},${col(table.name, column.header)})` : totals.formula;
}

function totalsColumn(table: TableSpec, column: ColumnSpec): Partial<ExcelJS.TableColumnProperties> {
  if (column.totals?.kind === "label") return { totalsRowLabel: column.totals.text };
  const formula = totalsFormula(table, column);
  return formula === undefined ? {} : { totalsRowFunction: "custom", totalsRowFormula: formula };
}

/** exceljs has range data validations at runtime but not in its type definitions. */
const validationsOf = (ws: ExcelJS.Worksheet) =>
  (ws as unknown as { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } }).dataValidations;

function renderTable(ws: ExcelJS.Worksheet, table: TableSpec): void {
  const columns = table.columns.map((c) => ({
    name: c.header,
    filterButton: true,
    ...(table.showTotals ? totalsColumn(table, c) : {}),
  }));
  ws.addTable({
    name: table.name,
    displayName: table.name,
    ref: a1(table.origin),
    headerRow: true,
    totalsRow: table.showTotals,
    style: { theme: table.style as ExcelJS.TableStyleProperties["theme"], showRowStripes: true },
    columns,
    rows: table.rows.map((row) => table.columns.map((c) => (c.formula ? { formula: c.formula } : (row[c.key] ?? null)))),
  });
  table.columns.forEach((c, i) => {
    const column = table.origin.col + 1 + i;
    // Explicit header formatting on top of the table style: LibreOffice ignores Excel table styles,
    // and the header should read as a header there too.
    const header = ws.getCell(table.origin.row + 1, column);
    header.font = { bold: true, color: { argb: "FFFFFFFF" } };
    header.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(TABLE_HEADER_FILL) } };
    const lastRow = table.origin.row + 1 + table.rows.length + (table.showTotals ? 1 : 0);
    for (let r = table.origin.row + 2; r <= lastRow; r++) ws.getCell(r, column).numFmt = c.numberFormat;
    if (c.validation) validationsOf(ws).add(rangeA1(columnBody(table, c.header)), dataValidation(c.validation));
  });
}

function renderConditionalFormat(ws: ExcelJS.Worksheet, spec: SheetSpec, cf: ConditionalFormatSpec): void {
  const ref = rangeA1(resolveTarget(spec, cf.target));
  const style: Partial<ExcelJS.Style> = {
    ...(cf.style.fill ? { fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(cf.style.fill) } } } : {}),
    ...(cf.style.fontColor || cf.style.bold
      ? { font: { ...(cf.style.fontColor ? { color: { argb: argb(cf.style.fontColor) } } : {}), ...(cf.style.bold ? { bold: true } : {}) } }
      : {}),
  };
  const rule = cf.rule;
  const priority = 1;
  const rules: ExcelJS.ConditionalFormattingRule[] =
    rule.kind === "expression"
      ? [{ type: "expression", formulae: [rule.formula], style, priority }]
      : rule.kind === "cellIs"
        ? [{ type: "cellIs", operator: rule.operator as ExcelJS.CellIsRuleType["operator"], formulae: [...rule.formulas], style, priority }]
        : rule.kind === "duplicates"
          ? [{ type: "expression", formulae: [DUPLICATES_MARKER], style, priority }]
          : [{ type: "dataBar", cfvo: [{ type: "min" }, { type: "max" }], color: { argb: argb(rule.color) }, priority } as unknown as ExcelJS.ConditionalFormattingRule];
  ws.addConditionalFormatting({ ref, rules });
}

/** Adds `spec` as a new worksheet of `wb` (the caller guarantees the name is free). */
export function renderSheet(wb: ExcelJS.Workbook, spec: SheetSpec): void {
  const ws = wb.addWorksheet(spec.name, {
    ...(spec.tabColor ? { properties: { tabColor: { argb: argb(spec.tabColor) } } } : {}),
    views:
      spec.freeze.rows > 0 || spec.freeze.cols > 0
        ? [{ state: "frozen", xSplit: spec.freeze.cols, ySplit: spec.freeze.rows }]
        : [{ state: "normal" }],
  });
  spec.columnWidths.forEach((width, i) => {
    if (width !== undefined) ws.getColumn(i + 1).width = width;
  });
  for (const cell of spec.cells) {
    const target = ws.getCell(cell.at.row + 1, cell.at.col + 1);
    target.value = cell.formula !== undefined ? { formula: cell.formula } : (cell.value ?? null);
    if (cell.style) applyStyle(target, cell.style);
    if (cell.numberFormat) target.numFmt = cell.numberFormat;
  }
  for (const m of spec.merges) ws.mergeCells(m.from.row + 1, m.from.col + 1, m.to.row + 1, m.to.col + 1);
  for (const table of spec.tables) renderTable(ws, table);
  for (const v of spec.validations) validationsOf(ws).add(rangeA1(v.range), dataValidation(v.validation));
  for (const cf of spec.conditionalFormats) renderConditionalFormat(ws, spec, cf);
  for (const name of spec.names) wb.definedNames.add(`${quoteSheet(spec.name)}!${rangeA1(name.target, true)}`, name.name);
  const print = spec.print;
  ws.pageSetup = {
    orientation: print.orientation,
    paperSize: 9,
    fitToPage: print.fitToWidth,
    fitToWidth: 1,
    fitToHeight: 0,
    ...(print.repeatRows ? { printTitlesRow: `${print.repeatRows.first + 1}:${print.repeatRows.last + 1}` } : {}),
  };
}
