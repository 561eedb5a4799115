import type {
  CellRef,
  CellSpec,
  CellStyleName,
  CellValidationSpec,
  CellValue,
  ChartSpec,
  ColumnNameSpec,
  ColumnSpec,
  ConditionalFormatSpec,
  NameSpec,
  PrintSpec,
  RangeRef,
  SheetSpec,
  TableRow,
  TableSpec,
  TemplateRecord,
  ValidationSpec,
} from "../spec/sheetSpec";
import { cellRange } from "../spec/a1";
import { textWidth } from "./columns";
import { FORMATS, TABLE_STYLE } from "./formats";
import { recordName, spName } from "../spec/naming";

/**
 * A small accumulator that builders use to lay a sheet out top to bottom. It only collects plain
 * data; `finish` returns the immutable SheetSpec, so builders stay pure functions of their inputs.
 */

/** Where a table's parts ended up, for formulas, names and conditional formats that point into it. */
export class PlacedTable {
  constructor(readonly spec: TableSpec) {}

  columnIndex(key: string): number {
    const index = this.spec.columns.findIndex((c) => c.key === key);
    if (index < 0) throw new Error(`table ${this.spec.name} has no column ${key}`);
    return index;
  }

  column(key: string): ColumnSpec {
    return this.spec.columns[this.columnIndex(key)];
  }

  header(key: string): string {
    return this.column(key).header;
  }

  /** Cell of data row `index` (zero-based) in column `key`. */
  cell(index: number, key: string): CellRef {
    return { row: this.spec.origin.row + 1 + index, col: this.spec.origin.col + this.columnIndex(key) };
  }

  /** Totals-row cell of column `key`. */
  totalsCell(key: string): CellRef {
    return this.cell(this.spec.rows.length, key);
  }

  /** Last sheet row the table occupies (totals row included). */
  get lastRow(): number {
    return this.spec.origin.row + this.spec.rows.length + (this.spec.showTotals ? 1 : 0);
  }

  get lastCol(): number {
    return this.spec.origin.col + this.spec.columns.length - 1;
  }
}

/**
 * The one place a formula is kept out of a Text ("@") cell: Excel stores a formula typed into a Text
 * cell as text instead of calculating it, so a cell or calculated column with a formula is General.
 * Every cell and table of a spec passes through here, so the writers may set contents and formats in
 * either order.
 */
const formatFor = <F extends string | undefined>(numberFormat: F, formula: string | undefined): F | typeof FORMATS.general =>
  formula !== undefined && numberFormat === FORMATS.text ? FORMATS.general : numberFormat;

/**
 * A table column as the spec may hold it: a calculated column is never Text (`formatFor`). The totals
 * row takes the column's format in both writers, so a calculated total under a Text column would be
 * kept as text too; no template needs one, so it is refused as a builder mistake rather than reformatted.
 */
function calculable(column: ColumnSpec): ColumnSpec {
  if (column.numberFormat === FORMATS.text && column.formula === undefined && column.totals !== undefined && column.totals.kind !== "label") {
    throw new Error(`Column "${column.key}" is Text but has a calculated total: give it a number kind or a label total.`);
  }
  return column.formula === undefined ? column : { ...column, numberFormat: formatFor(column.numberFormat, column.formula) };
}

export interface TableInput {
  readonly name: string;
  readonly role: string;
  readonly origin: CellRef;
  readonly columns: readonly ColumnSpec[];
  readonly rows: readonly TableRow[];
  readonly showTotals?: boolean;
}

export class SheetDraft {
  private readonly cells: CellSpec[] = [];
  private readonly merges: RangeRef[] = [];
  private readonly tables: TableSpec[] = [];
  private readonly validations: CellValidationSpec[] = [];
  private readonly conditionalFormats: ConditionalFormatSpec[] = [];
  private readonly names: NameSpec[] = [];
  private readonly columnNames: ColumnNameSpec[] = [];
  private readonly charts: ChartSpec[] = [];
  private readonly widths: (number | undefined)[] = [];

  put(at: CellRef, content: { value?: CellValue; formula?: string }, style?: CellStyleName, numberFormat?: string): CellRef {
    const format = formatFor(numberFormat, content.formula);
    this.cells.push({ at, ...content, ...(style ? { style } : {}), ...(format ? { numberFormat: format } : {}) });
    return at;
  }

  text(at: CellRef, value: string, style?: CellStyleName): CellRef {
    return this.put(at, { value }, style);
  }

  /**
   * A label and, to its right, an input or computed cell; returns the value cell. Both columns
   * are widened to show the label and the value in full (a label's right neighbour is its value
   * and a value's is usually the next label, so neither can overflow).
   */
  field(
    at: CellRef,
    label: string,
    content: { value?: CellValue; formula?: string },
    options: {
      style?: CellStyleName;
      numberFormat?: string;
      validation?: ValidationSpec;
      /** Merge the value across to the right edge of the widest table (free-text rows of a form). */
      fullWidth?: boolean;
    } = {},
  ): CellRef {
    this.text(at, label, "label");
    this.widen(at.col, labelWidth(label));
    const valueAt = { row: at.row, col: at.col + 1 };
    if (options.fullWidth) this.merge({ from: valueAt, to: { row: valueAt.row, col: Math.max(valueAt.col, this.formWidth - 1) } });
    else if (content.formula === undefined) this.widen(valueAt.col, valueWidth(content.value ?? null, options.numberFormat));
    this.put(valueAt, content, options.style ?? (content.formula ? "computed" : "input"), options.numberFormat);
    if (options.validation) this.validate(cellRange(valueAt), options.validation);
    return valueAt;
  }

  merge(range: RangeRef): void {
    this.merges.push(range);
  }

  validate(range: RangeRef, validation: ValidationSpec): void {
    this.validations.push({ range, validation });
  }

  format(spec: ConditionalFormatSpec): void {
    this.conditionalFormats.push(spec);
  }

  name(name: string, target: RangeRef | CellRef, comment: string): void {
    const range = "from" in target ? target : cellRange(target);
    this.names.push({ name, target: range, comment });
  }

  /**
   * A workbook name for the list of each drop-down over a table column — `SP_V1_LIST_1` →
   * `SP_C1_Customers[[客户编号]]`, under the sheet's key so it goes with the template — which the
   * drop-down lists (`listSource`, writers/layout.ts). A validation formula may not hold a structured
   * reference (MS-XLSX 2.6.4, CT_DataValidationFormula: "MUST NOT use … structure-reference"), but a name
   * may stand for one, and Excel keeps the name on the column as the table grows and when the column is
   * renamed. `INDIRECT("T[[列]]")`, used before, broke on a rename (Excel does not rewrite text) and, with
   * the header in its text, passed the 255 characters a list source may hold once a header was renamed long.
   */
  private nameListSources(record: TemplateRecord): void {
    const rules = [...this.tables.flatMap((t) => t.columns.map((c) => c.validation)), ...this.validations.map((v) => v.validation)].map((v) => v?.rule);
    let count = 0;
    for (const rule of rules) {
      if (rule?.kind !== "tableColumn" || this.columnNames.some((n) => n.table === rule.table && n.column === rule.column)) continue;
      const name = spName(record.key, record.role === "main" ? `LIST_${++count}` : `LIST_${++count}_${record.role}`);
      this.columnNames.push({ name, table: rule.table, column: rule.column, comment: rule.note });
    }
  }

  /** A workbook name for column `key` of a table of this sheet (see `ColumnNameSpec`). */
  columnName(name: string, table: PlacedTable, key: string, comment: string): void {
    this.nameColumn(name, { table: table.spec.name, column: table.header(key) }, comment);
  }

  /** A workbook name for a column of any table, another sheet's too, under this sheet's key (see `ColumnNameSpec`). */
  nameColumn(name: string, column: { readonly table: string; readonly column: string }, comment: string): void {
    this.columnNames.push({ name, ...column, comment });
  }

  chart(spec: ChartSpec): void {
    this.charts.push(spec);
  }

  /** At least this width for column `col` (tables stacked on one sheet share column widths). */
  widen(col: number, width: number): void {
    this.widths[col] = Math.max(this.widths[col] ?? 0, width);
  }

  /** Width column `col` currently has (Excel's default where nothing widened it). */
  width(col: number): number {
    return this.widths[col] ?? DEFAULT_COLUMN_WIDTH;
  }

  /** Columns the widest table spans from column A: how far full-width form rows (merged notes) reach. */
  get formWidth(): number {
    return Math.max(0, ...this.tables.map((t) => t.origin.col + t.columns.length));
  }

  table(input: TableInput): PlacedTable {
    const spec: TableSpec = {
      name: input.name,
      role: input.role,
      origin: input.origin,
      style: TABLE_STYLE,
      columns: input.columns.map(calculable),
      rows: input.rows.length > 0 ? input.rows : [{}],
      showTotals: input.showTotals ?? false,
    };
    this.tables.push(spec);
    input.columns.forEach((c, i) => this.widen(input.origin.col + i, c.width));
    return new PlacedTable(spec);
  }

  finish(sheet: {
    name: string;
    record: TemplateRecord;
    recordLabel: string;
    /** Visible explanation written to the right of the record, and the name's comment. */
    recordNote: string;
    /** Whether the record's cell gets its `SP_<KEY>_TEMPLATE` name (default yes; see `holidays.ts` for when not). */
    nameRecord?: boolean;
    freeze: { rows: number; cols: number };
    print: PrintSpec;
    tabColor?: string;
  }): SheetSpec {
    const { record } = sheet;
    this.text(record.at, sheet.recordLabel, "note");
    const valueAt = { row: record.at.row, col: record.at.col + 1 };
    this.put(valueAt, { value: record.value }, "record");
    // The value is merged across as many columns as it needs; the note starts after them.
    let last = valueAt.col;
    for (let room = this.width(last); room < recordWidth(record.value); room += this.width(last)) last++;
    if (last > valueAt.col) this.merge({ from: valueAt, to: { row: valueAt.row, col: last } });
    this.text({ row: record.at.row, col: last + 1 }, sheet.recordNote, "note");
    if (sheet.nameRecord !== false) this.name(recordName(record.key, record.role), valueAt, sheet.recordNote);
    this.nameListSources(record);
    return {
      name: sheet.name,
      record,
      ...(sheet.tabColor ? { tabColor: sheet.tabColor } : {}),
      cells: this.cells,
      merges: this.merges,
      tables: this.tables,
      validations: this.validations,
      conditionalFormats: this.conditionalFormats,
      names: this.names,
      ...(this.columnNames.length > 0 ? { columnNames: this.columnNames } : {}),
      freeze: sheet.freeze,
      columnWidths: this.widths,
      print: sheet.print,
      charts: this.charts,
    };
  }
}

/** Excel's default column width in character units. */
export const DEFAULT_COLUMN_WIDTH = 8.43;

/** Font size of the "record" style relative to the default 11 pt. */
const RECORD_SCALE = 9 / 11;

/** Width a bold header-block label needs (bold glyphs are about a tenth wider). */
export function labelWidth(label: string): number {
  return Math.ceil(textWidth(label) * 1.1) + 1;
}

/** Width the machine-readable template record value needs in its small font. */
export function recordWidth(value: string): number {
  return Math.ceil(textWidth(value) * RECORD_SCALE) + 1;
}

/** Width a literal header-block value needs as displayed (numbers: as their format shows them). */
export function valueWidth(value: CellValue, numberFormat?: string): number {
  if (value === null || typeof value === "boolean") return 0;
  if (typeof value === "string") return textWidth(value) + 2;
  const shown = numberFormat && /[ymdh]/i.test(numberFormat.replace(/"[^"]*"/g, ""))
    ? numberFormat.replace(/"[^"]*"|_.|\\|[[\]]/g, "") // a date/time: as long as its pattern
    : Math.round(value).toLocaleString("en-US") + "¥.00";
  return textWidth(shown) + 2;
}

/** Standard print setup: landscape A4, fit to one page wide, repeating `repeatRows` if given. */
export function printSetup(repeatRows?: { first: number; last: number }): PrintSpec {
  return { orientation: "landscape", fitToWidth: true, paperSize: "A4", ...(repeatRows ? { repeatRows } : {}) };
}
