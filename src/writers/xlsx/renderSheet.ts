import type ExcelJS from "exceljs";
import { ymdFromSerial } from "../../domain/calendar";
import { a1, quoteSheet, rangeA1 } from "../../spec/a1";
import {
  CELL_STYLES,
  type CellStyleName,
  type ColumnSpec,
  type ConditionalFormatSpec,
  type SheetSpec,
  type TableSpec,
  type ValidationSpec,
} from "../../spec/sheetSpec";
import {
  bodyContent,
  cellContent,
  columnBody,
  resolveTarget,
  tableLayout,
  totalsContent,
  validationCriteria,
  type CellContent,
} from "../layout";
import { DUPLICATES_MARKER } from "./packagePatch";
import { atRow, templateOf, type RowFormulas } from "./rowFormulas";

/**
 * Renders one SheetSpec into an exceljs worksheet. What exceljs cannot express (calculated-column
 * and totals-row formulas in the table part, the native duplicate-values rule, name comments) is
 * finished by `packagePatch.ts` on the saved package.
 */

const argb = (rgb: string): string => `FF${rgb}`;

const TABLE_HEADER_FILL = "4472C4";

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

/** A cell's content as exceljs takes it. */
const cellValue = (content: CellContent): ExcelJS.CellValue => ("formula" in content ? { formula: content.formula } : content.value);

/** exceljs writes a date rule's formulas from Dates (it converts them to serials itself). */
function dateOfSerial(serial: number): Date {
  const { year, month, day } = ymdFromSerial(serial);
  return new Date(Date.UTC(year, month - 1, day));
}

function dataValidation(validation: ValidationSpec, sheet: SheetSpec): ExcelJS.DataValidation {
  const criteria = validationCriteria(validation.rule, sheet);
  return {
    allowBlank: validation.allowBlank,
    showErrorMessage: true,
    errorStyle: "stop",
    errorTitle: validation.errorTitle,
    error: validation.errorMessage,
    type: criteria.type,
    operator: criteria.operator,
    formulae: criteria.type === "date" ? criteria.formulae.map((f) => dateOfSerial(Number(f))) : [...criteria.formulae],
  };
}

function totalsColumn(table: TableSpec, column: ColumnSpec): Partial<ExcelJS.TableColumnProperties> {
  const content = totalsContent(table, column);
  if ("formula" in content) return { totalsRowFunction: "custom", totalsRowFormula: content.formula };
  return typeof content.value === "string" ? { totalsRowLabel: content.value } : {};
}

/** exceljs has range data validations at runtime but not in its type definitions. */
const validationsOf = (ws: ExcelJS.Worksheet) =>
  (ws as unknown as { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } }).dataValidations;

/** `table` with its header, totals row and first `shown` body rows: `tableBodies.ts` writes the others. */
function renderTable(ws: ExcelJS.Worksheet, sheet: SheetSpec, table: TableSpec, shown: number, formulas: RowFormulas): void {
  const layout = tableLayout(table);
  const content = (c: ColumnSpec, row: number): CellContent =>
    c.formula === undefined ? bodyContent(c, table.rows[row]) : { formula: atRow(templateOf(formulas, table, c), layout.body.from.row + 1 + row) };
  const columns = table.columns.map((c) => ({
    name: c.header,
    filterButton: true,
    ...(layout.totals ? totalsColumn(table, c) : {}),
  }));
  ws.addTable({
    name: table.name,
    displayName: table.name,
    ref: a1(layout.header.from),
    headerRow: true,
    totalsRow: table.showTotals,
    style: { theme: table.style as ExcelJS.TableStyleProperties["theme"], showRowStripes: true },
    columns,
    rows: table.rows.slice(0, shown).map((_, row) => table.columns.map((c) => cellValue(content(c, row)))),
  });
  const lastRow = layout.body.from.row + Math.min(table.rows.length, shown) - 1 + (layout.totals ? 1 : 0);
  table.columns.forEach((c, i) => {
    const column = layout.header.from.col + i + 1;
    // Explicit header formatting on top of the table style: LibreOffice ignores Excel table styles,
    // and the header should read as a header there too.
    const header = ws.getCell(layout.header.from.row + 1, column);
    header.font = { bold: true, color: { argb: "FFFFFFFF" } };
    header.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(TABLE_HEADER_FILL) } };
    if (c.headerAlign) header.alignment = { horizontal: c.headerAlign };
    // The column's format over the data body and the totals row, so a total looks like its column.
    for (let r = layout.body.from.row; r <= lastRow; r++) ws.getCell(r + 1, column).numFmt = c.numberFormat;
    if (c.validation) validationsOf(ws).add(rangeA1(columnBody(table, i)), dataValidation(c.validation, sheet));
  });
}

/**
 * `priority` orders a sheet's rules (1 first) and must be unique per sheet; rules with equal
 * priorities are an ambiguity Excel resolves its own way. The spec's order is the order of priority.
 */
function renderConditionalFormat(ws: ExcelJS.Worksheet, spec: SheetSpec, cf: ConditionalFormatSpec, priority: number): void {
  const ref = rangeA1(resolveTarget(spec, cf.target));
  const style: Partial<ExcelJS.Style> = {
    ...(cf.style.fill ? { fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(cf.style.fill) } } } : {}),
    ...(cf.style.fontColor || cf.style.bold
      ? { font: { ...(cf.style.fontColor ? { color: { argb: argb(cf.style.fontColor) } } : {}), ...(cf.style.bold ? { bold: true } : {}) } }
      : {}),
  };
  const rule = cf.rule;
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

/**
 * Adds `spec` as a new worksheet of `wb` (the caller guarantees the name is free), each table with its
 * first `shown` body rows, their formulas spelled per row (`rowFormulas.ts`).
 */
export function renderSheet(wb: ExcelJS.Workbook, spec: SheetSpec, shown: number, formulas: RowFormulas): void {
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
    target.value = cellValue(cellContent(cell));
    if (cell.style) applyStyle(target, cell.style);
    if (cell.numberFormat) target.numFmt = cell.numberFormat;
  }
  for (const m of spec.merges) ws.mergeCells(m.from.row + 1, m.from.col + 1, m.to.row + 1, m.to.col + 1);
  for (const table of spec.tables) renderTable(ws, spec, table, shown, formulas);
  for (const v of spec.validations) validationsOf(ws).add(rangeA1(v.range), dataValidation(v.validation, spec));
  spec.conditionalFormats.forEach((cf, i) => renderConditionalFormat(ws, spec, cf, i + 1));
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
