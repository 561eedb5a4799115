import type {
  CellIsOperator,
  CellStyleName,
  ChartSpec,
  ConditionalFormatSpec,
  ConditionalStyle,
  RangeRef,
  SheetSpec,
  ValidationSpec,
} from "../../spec/sheetSpec";
import { CELL_STYLES } from "../../spec/sheetSpec";
import { a1 } from "../../spec/a1";
import { columnBody, columnNameFormula, listSource, resolveTarget, tableLayout, validationCriteria } from "../layout";
import { looseCellBlocks, styleRuns, tableBlocks, type Block } from "./blocks";
import { call, sliceBlock, type Step } from "./chunking";

/**
 * One SheetSpec as Excel JavaScript API calls, in three phases: `structure` (tables with their
 * headers, names of cells), `columnNames` (names of table columns) and `content` (everything else).
 * Every sheet's structure is queued before any column's name, and those before any content, because
 * Excel refuses a formula — a name's too — that refers to a table not created yet, and a drop-down's
 * list names a column (maybe of another sheet's table: `SheetDraft.finish`, templates/draft.ts).
 */
export interface SheetSteps {
  readonly structure: Step[];
  readonly columnNames: Step[];
  readonly content: Step[];
}

export interface SheetTarget {
  readonly context: Excel.RequestContext;
  readonly sheet: Excel.Worksheet;
  /**
   * Whether sheet-wide settings (column widths, freeze panes, print setup, tab colour) are
   * applied: yes for a sheet the writer created, no when inserting into the user's own sheet.
   */
  readonly ownsSheet: boolean;
}

export function sheetSteps(target: SheetTarget, spec: SheetSpec): SheetSteps {
  const { sheet } = target;
  const rangeOf = (range: RangeRef): Excel.Range =>
    sheet.getRangeByIndexes(range.from.row, range.from.col, range.to.row - range.from.row + 1, range.to.col - range.from.col + 1);
  const write = (kind: "formulas" | "numberFormat", block: Block): Step[] =>
    sliceBlock(block).map(({ block: slice, bytes }) => ({
      bytes,
      queue: () => {
        sheet.getRangeByIndexes(slice.at.row, slice.at.col, slice.rows.length, slice.rows[0].length)[kind] = slice.rows;
      },
    }));

  const structure: Step[] = [];
  const content: Step[] = [];

  for (const table of spec.tables) {
    const blocks = tableBlocks(table);
    const layout = tableLayout(table);
    structure.push(...write("formulas", blocks.header));
    structure.push(
      call(() => {
        const created = sheet.tables.add(rangeOf({ from: layout.header.from, to: layout.body.to }), true);
        created.name = table.name;
        created.style = table.style;
        created.showBandedRows = true;
        created.showFilterButton = true;
        if (table.showTotals) created.showTotals = true;
      }),
    );
    // A new sheet's cells carry no format yet and the spec never gives a formula a Text format
    // (templates/draft.ts, formatFor), so the order is free here; literal text that Excel would parse
    // is protected by an apostrophe (see blocks.entry). Refreshing an existing table is different
    // (team/writeRollup.ts sets formats first).
    content.push(...write("formulas", blocks.body));
    if (blocks.totals) content.push(...write("formulas", blocks.totals));
    content.push(...write("numberFormat", blocks.formats));
    table.columns.forEach((column, index) => {
      if (column.validation) content.push(validationStep(rangeOf(columnBody(table, index)), column.validation, spec));
      if (column.headerAlign) {
        const at = { row: layout.header.from.row, col: layout.header.from.col + index };
        const align = ALIGN[column.headerAlign];
        content.push(call(() => (rangeOf({ from: at, to: at }).format.horizontalAlignment = align)));
      }
    });
  }
  for (const name of spec.names) {
    structure.push(call(() => target.context.workbook.names.add(name.name, rangeOf(name.target), name.comment)));
  }
  const columnNames = (spec.columnNames ?? []).map((name) => call(() => target.context.workbook.names.add(name.name, `=${columnNameFormula(name)}`, name.comment)));

  const loose = looseCellBlocks(spec.cells);
  for (const block of loose.content) content.push(...write("formulas", block));
  for (const block of loose.formats) content.push(...write("numberFormat", block));
  for (const run of styleRuns(spec)) {
    content.push(call(() => applyCellStyle(rangeOf({ from: run, to: { row: run.row, col: run.col + run.width - 1 } }), run)));
  }
  for (const merge of spec.merges) content.push(call(() => rangeOf(merge).merge(false)));
  for (const v of spec.validations) content.push(validationStep(rangeOf(v.range), v.validation, spec));
  // Excel adds each conditional format at the top priority, so they are added last to first: the
  // spec's first rule ends on top, as the xlsx writer's priority 1.
  for (const cf of [...spec.conditionalFormats].reverse()) content.push(call(() => addConditionalFormat(rangeOf(resolveTarget(spec, cf.target)), cf)));
  for (const chart of spec.charts) content.push(call(() => addChart(sheet, spec, chart, rangeOf)));
  if (target.ownsSheet) content.push(...sheetSettingSteps(sheet, spec));
  return { structure, columnNames, content };
}

const ALIGN = { left: "Left", center: "Center", right: "Right" } as const;

/** A run's look; "thin" borders every cell, so a run wider than one cell also gets inside verticals. */
function applyCellStyle(range: Excel.Range, run: { readonly style: CellStyleName; readonly width: number }): void {
  const style = CELL_STYLES[run.style];
  const { font, fill } = range.format;
  if (style.bold !== undefined) font.bold = style.bold;
  if (style.italic !== undefined) font.italic = style.italic;
  if (style.fontSize !== undefined) font.size = style.fontSize;
  if (style.fontColor !== undefined) font.color = `#${style.fontColor}`;
  if (style.fill !== undefined) fill.color = `#${style.fill}`;
  if (style.horizontal !== undefined) range.format.horizontalAlignment = ALIGN[style.horizontal];
  if (style.wrap !== undefined) range.format.wrapText = style.wrap;
  const box = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const;
  const edges = style.border === "thin" ? [...box, ...(run.width > 1 ? (["InsideVertical"] as const) : [])] : style.border === "bottom" ? (["EdgeBottom"] as const) : [];
  for (const edge of edges) range.format.borders.getItem(edge).style = "Continuous";
}

const VALIDATION_OPERATOR = {
  between: "Between",
  greaterThanOrEqual: "GreaterThanOrEqualTo",
  lessThanOrEqual: "LessThanOrEqualTo",
} as const;

/**
 * Bounds go in as formulas ("=61", "=-9.99E+307"): Excel takes a bare number string for number
 * rules but not for date rules ("you cannot use a number in the formula properties" — a date
 * operand is a Date, an ISO 8601 string or a formula, docs: excel.datetimedatavalidation), and a
 * formula means the same serial to every rule type.
 */
function officeRule(spec: ValidationSpec, sheet: SheetSpec): Excel.DataValidationRule {
  if (spec.rule.kind === "list") return { list: { inCellDropDown: true, source: spec.rule.values.join(",") } };
  if (spec.rule.kind === "tableColumn") return { list: { inCellDropDown: true, source: `=${listSource(sheet, spec.rule)}` } };
  const criteria = validationCriteria(spec.rule, sheet);
  const [formula1, formula2] = criteria.formulae.map((f) => `=${f}`);
  const basic = { formula1, operator: VALIDATION_OPERATOR[criteria.operator], ...(formula2 !== undefined ? { formula2 } : {}) };
  if (criteria.type === "date") return { date: basic };
  return criteria.type === "whole" ? { wholeNumber: basic } : { decimal: basic };
}

/** The error alert is set after the rule: Excel resets a range's validation when its rule is set. */
function validationStep(range: Excel.Range, spec: ValidationSpec, sheet: SheetSpec): Step {
  return call(() => {
    range.dataValidation.rule = officeRule(spec, sheet);
    range.dataValidation.ignoreBlanks = spec.allowBlank;
    range.dataValidation.errorAlert = { showAlert: true, style: "Stop", title: spec.errorTitle, message: spec.errorMessage };
  });
}

const CELL_IS_OPERATOR: Record<CellIsOperator, Excel.ConditionalCellValueRule["operator"]> = {
  lessThan: "LessThan",
  lessThanOrEqual: "LessThanOrEqual",
  greaterThan: "GreaterThan",
  greaterThanOrEqual: "GreaterThanOrEqual",
  equal: "EqualTo",
  notEqual: "NotEqualTo",
  between: "Between",
};

function styleFormat(format: Excel.ConditionalRangeFormat, style: ConditionalStyle): void {
  if (style.fontColor !== undefined) format.font.color = `#${style.fontColor}`;
  if (style.bold !== undefined) format.font.bold = style.bold;
  if (style.fill !== undefined) format.fill.color = `#${style.fill}`;
}

function addConditionalFormat(range: Excel.Range, spec: ConditionalFormatSpec): void {
  const { rule } = spec;
  switch (rule.kind) {
    case "expression": {
      const cf = range.conditionalFormats.add("Custom");
      cf.custom.rule.formula = `=${rule.formula}`;
      styleFormat(cf.custom.format, spec.style);
      return;
    }
    case "cellIs": {
      const cf = range.conditionalFormats.add("CellValue");
      const [first, second] = rule.formulas;
      cf.cellValue.rule = {
        operator: CELL_IS_OPERATOR[rule.operator],
        formula1: `=${first}`,
        ...(second !== undefined ? { formula2: `=${second}` } : {}),
      };
      styleFormat(cf.cellValue.format, spec.style);
      return;
    }
    case "duplicates": {
      const cf = range.conditionalFormats.add("PresetCriteria");
      cf.preset.rule = { criterion: "DuplicateValues" };
      styleFormat(cf.preset.format, spec.style);
      return;
    }
    case "dataBar": {
      const cf = range.conditionalFormats.add("DataBar");
      cf.dataBar.positiveFormat.fillColor = `#${rule.color}`;
      return;
    }
  }
}

const CHART_TYPES: Readonly<Record<ChartSpec["kind"], "ColumnClustered" | "BarClustered" | "Pie" | "LineMarkers">> = {
  column: "ColumnClustered",
  bar: "BarClustered",
  pie: "Pie",
  line: "LineMarkers",
};

/**
 * Every series gets its name, values and categories set explicitly: `charts.add` guesses from its
 * source, and a column whose top cell is text or an uncalculated formula (calculation is suspended)
 * would lose that cell to the series name, misaligning values and categories (audit D11).
 */
function addChart(sheet: Excel.Worksheet, spec: SheetSpec, chart: ChartSpec, rangeOf: (r: RangeRef) => Excel.Range): void {
  const [first, ...more] = chart.series;
  const categories = rangeOf(resolveTarget(spec, chart.categories));
  const firstValues = rangeOf(resolveTarget(spec, first.values));
  const created = sheet.charts.add(CHART_TYPES[chart.kind], firstValues, "Columns");
  created.title.text = chart.title;
  if (chart.name !== undefined) created.name = chart.name;
  // A bar chart draws its first category at the bottom; reversed, the categories read top to bottom in
  // the table's order, as a funnel does, and the value axis, which would follow the first category to the
  // top, crosses at the last one, below — as the xlsx writer's `crosses="max"` (ChartAxis.reversePlotOrder,
  // ExcelApi 1.7, and .position, 1.8: https://learn.microsoft.com/javascript/api/excel/excel.chartaxis).
  if (chart.kind === "bar") {
    created.axes.categoryAxis.reversePlotOrder = true;
    created.axes.categoryAxis.position = "Maximum";
  }
  const firstSeries = created.series.getItemAt(0);
  firstSeries.name = first.name;
  firstSeries.setValues(firstValues);
  firstSeries.setXAxisValues(categories);
  for (const series of more) {
    const added = created.series.add(series.name);
    added.setValues(rangeOf(resolveTarget(spec, series.values)));
    added.setXAxisValues(categories);
  }
  created.setPosition(a1(chart.anchor.from), a1(chart.anchor.to));
}

/**
 * Excel's JavaScript API sets column widths in points, the spec gives Excel character units:
 * a character of the default font is 7 px plus 5 px of padding, and a pixel is 3/4 point.
 */
export const widthInPoints = (characters: number): number => ((characters * 7 + 5) * 3) / 4;

function sheetSettingSteps(sheet: Excel.Worksheet, spec: SheetSpec): Step[] {
  const steps: Step[] = [];
  const widths = spec.columnWidths;
  for (let col = 0; col < widths.length; ) {
    const width = widths[col];
    let end = col + 1;
    while (end < widths.length && widths[end] === width) end++;
    if (width !== undefined) {
      const [start, count] = [col, end - col];
      steps.push(call(() => (sheet.getRangeByIndexes(0, start, 1, count).format.columnWidth = widthInPoints(width))));
    }
    col = end;
  }
  const { rows, cols } = spec.freeze;
  if (rows > 0 || cols > 0) {
    steps.push(
      call(() => {
        if (rows > 0 && cols > 0) sheet.freezePanes.freezeAt(sheet.getRangeByIndexes(0, 0, rows, cols));
        else if (rows > 0) sheet.freezePanes.freezeRows(rows);
        else sheet.freezePanes.freezeColumns(cols);
      }),
    );
  }
  const { print } = spec;
  steps.push(
    call(() => {
      sheet.pageLayout.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
      sheet.pageLayout.paperSize = print.paperSize;
      // One page wide; the height is left unset: the JavaScript API documents a page count for
      // `verticalFitToPages`, not the file format's 0 = "as many as needed" (audit D9). Excel may
      // not apply fit-to-pages until Page Layout view was shown (OfficeDev/office-js#1860).
      if (print.fitToWidth) sheet.pageLayout.zoom = { horizontalFitToPages: 1 };
      if (print.repeatRows) sheet.pageLayout.setPrintTitleRows(`$${print.repeatRows.first + 1}:$${print.repeatRows.last + 1}`);
    }),
  );
  if (spec.tabColor) steps.push(call(() => (sheet.tabColor = `#${spec.tabColor}`)));
  return steps;
}
