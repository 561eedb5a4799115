import type {
  CellRef,
  CellSpec,
  CellStyleName,
  CellValidationSpec,
  CellValue,
  ChartSpec,
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
} from "./sheetSpec";
import { cellRange } from "./a1";
import { TABLE_STYLE } from "./formats";
import { recordName } from "./naming";

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
  private readonly charts: ChartSpec[] = [];
  private readonly widths: (number | undefined)[] = [];

  put(at: CellRef, content: { value?: CellValue; formula?: string }, style?: CellStyleName, numberFormat?: string): CellRef {
    this.cells.push({ at, ...content, ...(style ? { style } : {}), ...(numberFormat ? { numberFormat } : {}) });
    return at;
  }

  text(at: CellRef, value: string, style?: CellStyleName): CellRef {
    return this.put(at, { value }, style);
  }

  /** A label and, to its right, an input or computed cell; returns the value cell. */
  field(
    at: CellRef,
    label: string,
    content: { value?: CellValue; formula?: string },
    options: { style?: CellStyleName; numberFormat?: string; validation?: ValidationSpec } = {},
  ): CellRef {
    this.text(at, label, "label");
    const valueAt = { row: at.row, col: at.col + 1 };
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

  chart(spec: ChartSpec): void {
    this.charts.push(spec);
  }

  /** At least this width for column `col` (tables stacked on one sheet share column widths). */
  widen(col: number, width: number): void {
    this.widths[col] = Math.max(this.widths[col] ?? 0, width);
  }

  table(input: TableInput): PlacedTable {
    const spec: TableSpec = {
      name: input.name,
      role: input.role,
      origin: input.origin,
      style: TABLE_STYLE,
      columns: input.columns,
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
    freeze: { rows: number; cols: number };
    print: PrintSpec;
    tabColor?: string;
  }): SheetSpec {
    const { record } = sheet;
    this.text(record.at, sheet.recordLabel, "note");
    const valueAt = { row: record.at.row, col: record.at.col + 1 };
    this.put(valueAt, { value: record.value }, "record");
    this.text({ row: record.at.row, col: record.at.col + 2 }, sheet.recordNote, "note");
    this.name(recordName(record.key, record.role), valueAt, sheet.recordNote);
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
      freeze: sheet.freeze,
      columnWidths: this.widths,
      print: sheet.print,
      charts: this.charts,
    };
  }
}

/** Standard print setup: landscape A4, fit to one page wide, repeating `repeatRows` if given. */
export function printSetup(repeatRows?: { first: number; last: number }): PrintSpec {
  return { orientation: "landscape", fitToWidth: true, paperSize: "A4", ...(repeatRows ? { repeatRows } : {}) };
}
