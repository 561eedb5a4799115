import type { CellRef, CellSpec, CellStyleName, SheetSpec, TableSpec } from "../../spec/sheetSpec";
import { bodyContent, cellContent, tableLayout, totalsContent, type CellContent } from "../layout";

/**
 * Turns a SheetSpec's cells into rectangular 2-D blocks for `range.formulas` / `range.numberFormat`,
 * so the Office writer sets whole blocks instead of single cells. `null` in a block means "leave
 * this cell alone" (Excel's rule for 2-D arrays), which lets one block span scattered loose cells.
 */

export type Entry = string | number | boolean | null;

export interface Block {
  readonly at: CellRef;
  readonly rows: Entry[][];
}

/**
 * Excel parses what it is given in `formulas` and `values` as if typed: "=…", "+…", "-…" and "@…"
 * become formulas, "123" or "2026-01-05" a number or date, "TRUE" a boolean. A leading apostrophe
 * keeps such a text literal (and is not part of the value). A leading TAB or CR is protected too:
 * OWASP's CSV-injection list has them beside = + - @ (owasp.org/www-community/attacks/CSV_Injection),
 * and the apostrophe costs nothing where Excel would not have parsed the text.
 */
const PARSED_BY_EXCEL = /^[=+'@\t\r-]|^\s*\.?\d|^(true|false)$/i;

export function entry(content: CellContent): Entry {
  if ("formula" in content) return `=${content.formula}`;
  const { value } = content;
  return typeof value === "string" && PARSED_BY_EXCEL.test(value) ? `'${value}` : value;
}

/**
 * Loose cells grouped into bands of nearby rows; each band becomes one content block and, if any
 * of its cells has a number format, one format block. Rows further apart than `maxGap` start a new
 * band, so a title block and a summary far below a long table do not make one huge sparse block.
 */
export function looseCellBlocks(cells: readonly CellSpec[], maxGap = 2): { content: Block[]; formats: Block[] } {
  const sorted = [...cells].sort((a, b) => a.at.row - b.at.row);
  const bands: CellSpec[][] = [];
  for (const cell of sorted) {
    const band = bands.at(-1);
    if (band && cell.at.row - band[band.length - 1].at.row <= maxGap + 1) band.push(cell);
    else bands.push([cell]);
  }
  const content: Block[] = [];
  const formats: Block[] = [];
  for (const band of bands) {
    content.push(fill(band, (cell) => entry(cellContent(cell))));
    if (band.some((cell) => cell.numberFormat !== undefined)) formats.push(fill(band, (cell) => cell.numberFormat ?? null));
  }
  return { content, formats };
}

function fill(cells: readonly CellSpec[], pick: (cell: CellSpec) => Entry): Block {
  const top = Math.min(...cells.map((c) => c.at.row));
  const left = Math.min(...cells.map((c) => c.at.col));
  const height = Math.max(...cells.map((c) => c.at.row)) - top + 1;
  const width = Math.max(...cells.map((c) => c.at.col)) - left + 1;
  const rows: Entry[][] = Array.from({ length: height }, () => new Array<Entry>(width).fill(null));
  for (const cell of cells) rows[cell.at.row - top][cell.at.col - left] = pick(cell);
  return { at: { row: top, col: left }, rows };
}

/** The blocks of one table: header texts, data body contents, totals row, and the number formats of both. */
export interface TableBlocks {
  readonly header: Block;
  readonly body: Block;
  readonly totals?: Block;
  /** Each column's format over the data body and the totals row, so a total looks like its column. */
  readonly formats: Block;
}

export function tableBlocks(table: TableSpec): TableBlocks {
  const layout = tableLayout(table);
  const header = { at: layout.header.from, rows: [table.columns.map((c) => entry({ value: c.header }))] };
  const body = { at: layout.body.from, rows: table.rows.map((row) => table.columns.map((c) => entry(bodyContent(c, row)))) };
  const formatsRow = table.columns.map((c) => c.numberFormat);
  const formats = { at: layout.body.from, rows: Array.from({ length: table.rows.length + (layout.totals ? 1 : 0) }, () => formatsRow) };
  // Excel fills a new totals row itself ("Total", a SUBTOTAL in the last column): blank cells are
  // written as "" so the row shows exactly what the spec says.
  const totals = layout.totals && {
    at: layout.totals.from,
    rows: [table.columns.map((c) => entry(totalsContent(table, c)) ?? "")],
  };
  return { header, body, totals, formats };
}

/** A horizontal run of loose cells with the same style, formatted with one range call. */
export interface StyleRun {
  readonly style: CellStyleName;
  readonly row: number;
  readonly col: number;
  readonly width: number;
}

export function styleRuns(sheet: SheetSpec): StyleRun[] {
  const styled = sheet.cells
    .filter((c): c is CellSpec & { style: CellStyleName } => c.style !== undefined)
    .sort((a, b) => a.at.row - b.at.row || a.at.col - b.at.col);
  const runs: StyleRun[] = [];
  for (const cell of styled) {
    const last = runs.at(-1);
    if (last && last.style === cell.style && last.row === cell.at.row && last.col + last.width === cell.at.col)
      runs[runs.length - 1] = { ...last, width: last.width + 1 };
    else runs.push({ style: cell.style, row: cell.at.row, col: cell.at.col, width: 1 });
  }
  return runs;
}
