import { type CodeWords, WordedError } from "../../contract/codedError";
import { columnLetters } from "../../spec/a1";
import { parseAddress } from "../../spec/addresses";
import type { CellValue, RangeRef } from "../../spec/sheetSpec";
import type { AppendRequest, AppendResult, TableContents } from "../append";
import { withFullCalc } from "./graft";
import { REL, WORKBOOK, type XlsxPackage } from "./package";
import { formulaShifter, hasCellReference, shareableFormula, sharedStrings } from "./workbook";
import { attr, elements, escapeXml, innerXml, openTags, replaceTags, runText, setAttr, unescapeXml, Utf8Pieces } from "./xml";

/**
 * Adding rows to a table of a workbook on disk (the command line's `import`), by patching the
 * package's XML: the user's workbook is never loaded into exceljs (README "Adding to an existing
 * file never loads it into exceljs"). Only the table's sheet part and table part change (and
 * workbook.xml gains `fullCalcOnLoad` if it lacks it). Rows outside the ones written keep their
 * bytes; a trailing blank row the template left (one whose non-calculated cells are all empty) is
 * filled before the table grows. New cells: text as inline strings (never a formula, whatever it
 * starts with; sharedStrings.xml untouched), numbers, booleans; each new cell takes the style of the
 * table's last data row's cell in its column, so date and ¥ formats apply; a calculated column gets
 * the table part's `calculatedColumnFormula`, the first data row's text moved to the row (rows past
 * the table's old end share it, as Excel saves a calculated column, when Excel can share it —
 * `shareableFormula`; a table LibreOffice saved, which
 * names no calculated column, has it read from its rows — `withColumnFormulas`). Growing
 * the table moves its totals row down and extends the table's `ref`, its autoFilter, and the
 * conditional formats and validations over its columns; it is refused when the sheet holds
 * something below the table that the new rows would cover. Strings are built, never a DOM, so
 * 50 000 rows patch in seconds.
 */

export type AppendErrorCode =
  /** No table of that name (or display name) in the workbook. */
  | "tableNotFound"
  /** Growing the table would cover a cell, merged range or table below it. */
  | "contentBelow"
  /** The totals row holds a formula that would not follow the table if moved (A1 references, shared formulas). */
  | "totalsRowFormula"
  /** The sheet part has rows or cells without an address, which this patcher does not number. */
  | "unaddressedCells";

export interface AppendErrorParams {
  readonly table: string;
  readonly sheet?: string;
  /** contentBelow / totalsRowFormula: the cell or range in the way. */
  readonly address?: string;
}

const MESSAGES: CodeWords<AppendErrorCode, AppendErrorParams> = {
  "zh-CN": {
    tableNotFound: (p) => `工作簿中没有名为“${p.table}”的表格。`,
    contentBelow: (p) =>
      `无法扩展表格“${p.table}”：工作表“${p.sheet}”在表格下方的 ${p.address} 处已有内容，新增的行会覆盖它。请先把表格下方的内容移到别处，再导入。工作簿未作任何修改。`,
    totalsRowFormula: (p) =>
      `无法扩展表格“${p.table}”：汇总行的 ${p.address}（工作表“${p.sheet}”）中的公式引用了单元格地址或共享公式，移动汇总行后不会随表格扩展。请改用结构化引用（如 SUBTOTAL(109,表名[列名])）后再导入。工作簿未作任何修改。`,
    unaddressedCells: (p) => `无法读取工作表“${p.sheet}”：其中有未标明地址的行或单元格。请在 Excel 中打开并保存该工作簿后再导入。工作簿未作任何修改。`,
  },
  "en-US": {
    tableNotFound: (p) => `The workbook has no table named "${p.table}".`,
    contentBelow: (p) =>
      `Table "${p.table}" cannot grow: sheet "${p.sheet}" holds something at ${p.address} below the table, which the new rows would cover. Move what is below the table elsewhere, then import again. The workbook was not changed.`,
    totalsRowFormula: (p) =>
      `Table "${p.table}" cannot grow: the formula in its totals row at ${p.address} (sheet "${p.sheet}") refers to cell addresses or is a shared formula, and would not follow the table if the row moved. Use structured references (e.g. SUBTOTAL(109,Table[Column])), then import again. The workbook was not changed.`,
    unaddressedCells: (p) => `Sheet "${p.sheet}" cannot be read: it has rows or cells without an address. Open and save the workbook in Excel, then import again. The workbook was not changed.`,
  },
};

export class AppendError extends WordedError<AppendErrorCode, AppendErrorParams> {
  constructor(code: AppendErrorCode, params: AppendErrorParams) {
    super(code, params, MESSAGES);
    this.name = "AppendError";
  }
}

// ---------------------------------------------------------------------------------------------
// Finding the table and its columns.

interface TableColumn {
  /** Header as structured references name it (OOXML `_xHHHH_` escapes decoded). */
  readonly header: string;
  /** 0-based sheet column, and its letters. */
  readonly col: number;
  readonly letters: string;
  /** The calculated column's formula, XML-escaped as the table part holds it. */
  readonly formula?: string;
  readonly array: boolean;
}

interface FoundTable {
  readonly name: string;
  readonly sheet: string;
  readonly sheetPath: string;
  readonly tablePath: string;
  readonly tableXml: string;
  readonly range: RangeRef;
  /** 1-based sheet rows. */
  readonly bodyFirst: number;
  readonly bodyLast: number;
  readonly totalsRows: number;
  readonly columns: readonly TableColumn[];
}

/** An OOXML string's `_xHHHH_` escapes (ST_Xstring) decoded. */
const decodeXstring = (text: string): string => text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** The table named `name` (its `name` or `displayName`, case-insensitively as Excel compares them), through the sheets' relationships. */
async function findTable(pkg: XlsxPackage, name: string): Promise<FoundTable> {
  const wanted = name.toLowerCase();
  for (const sheet of await pkg.sheets()) {
    if (sheet.path === undefined) continue;
    for (const rel of (await pkg.targets(sheet.path)).filter((r) => r.type === REL.table)) {
      const xml = await pkg.text(rel.path);
      const open = xml === undefined ? undefined : openTags(xml, "table")[0];
      if (xml === undefined || open === undefined) continue;
      const names = [attr(open, "name"), attr(open, "displayName")].filter((n): n is string => n !== undefined);
      const ref = attr(open, "ref");
      if (!ref || !names.some((n) => n.toLowerCase() === wanted)) continue;
      const range = parseAddress(ref).range;
      const headerRows = Number(attr(open, "headerRowCount") ?? 1);
      const totalsRows = Number(attr(open, "totalsRowCount") ?? 0);
      const columns = elements(xml, "tableColumn").map(([element], i) => {
        const formula = elements(element, "calculatedColumnFormula")[0]?.[0];
        return {
          header: decodeXstring(attr(element, "name") ?? ""),
          col: range.from.col + i,
          letters: columnLetters(range.from.col + i),
          ...(formula !== undefined ? { formula: innerXml(formula) } : {}),
          array: formula !== undefined && attr(formula, "array") === "1",
        };
      });
      return {
        name: attr(open, "name") ?? name,
        sheet: sheet.name,
        sheetPath: sheet.path,
        tablePath: rel.path,
        tableXml: xml,
        range,
        bodyFirst: range.from.row + 1 + headerRows,
        bodyLast: range.to.row + 1 - totalsRows,
        totalsRows,
        columns,
      };
    }
  }
  throw new AppendError("tableNotFound", { table: name });
}

/** The column index of each header a request names; a header the table lacks is the caller's mistake. */
function columnOf(table: FoundTable): (header: string) => TableColumn {
  const exact = new Map(table.columns.map((c) => [c.header, c]));
  const folded = new Map(table.columns.map((c) => [c.header.toLowerCase(), c]));
  return (header) => {
    const column = exact.get(header) ?? folded.get(header.toLowerCase());
    if (column === undefined) throw new Error(`table ${table.name} has no column "${header}" (map the fields with headersByKey)`);
    return column;
  };
}

// ---------------------------------------------------------------------------------------------
// The sheet part as rows and cells, scanned as text.

interface RowSlice {
  /** 1-based row number. */
  readonly r: number;
  /** The opening tag. */
  readonly open: string;
  /** Everything between the opening and closing tag ("" for `<row …/>`). */
  readonly inner: string;
  /** The whole element as written. */
  readonly xml: string;
}

/** What the scanners name in their errors. */
type SheetOf = Pick<FoundTable, "name" | "sheet" | "sheetPath">;

interface SheetRows {
  /** The part up to and including `<sheetData>` (a self-closing `<sheetData/>` becomes an open pair). */
  readonly head: string;
  readonly rows: readonly RowSlice[];
  /** From `</sheetData>` to the end. */
  readonly tail: string;
}

function sheetRows(xml: string, table: SheetOf): SheetRows {
  const at = /<sheetData(?=[\s/>])[^>]*?(\/?)>/.exec(xml);
  if (at === null) throw new Error(`worksheet ${table.sheetPath} has no sheetData`);
  const start = at.index + at[0].length;
  if (at[1] === "/") return { head: `${xml.slice(0, at.index)}<sheetData>`, rows: [], tail: `</sheetData>${xml.slice(start)}` };
  const end = xml.indexOf("</sheetData>", start);
  const rows: RowSlice[] = [];
  const open = /<row(?=[\s/>])[^>]*>/g;
  open.lastIndex = start;
  for (let m = open.exec(xml); m !== null && m.index < end; m = open.exec(xml)) {
    const tag = m[0];
    const rAttr = /\sr="(\d+)"/.exec(tag);
    if (rAttr === null) throw new AppendError("unaddressedCells", { table: table.name, sheet: table.sheet });
    const selfClosing = tag.endsWith("/>");
    const close = selfClosing ? m.index + tag.length : xml.indexOf("</row>", m.index) + "</row>".length;
    rows.push({ r: Number(rAttr[1]), open: tag, inner: selfClosing ? "" : xml.slice(m.index + tag.length, close - "</row>".length), xml: xml.slice(m.index, close) });
    open.lastIndex = close;
  }
  return { head: xml.slice(0, start), rows, tail: xml.slice(end) };
}

const CELL = /<c(?=[\s/>])([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;

const columnIndex = (letters: string): number => {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n - 1;
};

/** A row's cells by 0-based column, each as written. */
function rowCells(row: RowSlice, table: SheetOf): Map<number, string> {
  const cells = new Map<number, string>();
  for (const m of row.inner.matchAll(CELL)) {
    const ref = /\sr="([A-Z]+)\d+"/.exec(m[1]);
    if (ref === null) throw new AppendError("unaddressedCells", { table: table.name, sheet: table.sheet });
    cells.set(columnIndex(ref[1]), m[0]);
  }
  return cells;
}

/** Whether a cell holds nothing: no formula, no value, or an empty string. */
function isBlank(cell: string | undefined): boolean {
  if (cell === undefined || cell.endsWith("/>")) return true;
  if (/<f[\s/>]/.test(cell)) return false;
  const inline = /<is>([\s\S]*?)<\/is>/.exec(cell);
  if (inline !== null && runText(inline[1]) !== "") return false;
  const value = /<v(?:\s[^>]*)?>([\s\S]*?)<\/v>/.exec(cell);
  return value === null || value[1] === "";
}

const styleOf = (cell: string | undefined): string | undefined => (cell === undefined ? undefined : /\ss="(\d+)"/.exec(cell.slice(0, cell.indexOf(">") + 1))?.[1]);

/**
 * Text as an OOXML string: characters XML 1.0 cannot carry (and CR, which XML parsers turn into LF)
 * as `_xHHHH_` escapes, and a literal `_xHHHH_` protected by escaping its underscore, as Excel does.
 */
/* eslint-disable no-control-regex -- matching control characters is the point: XML 1.0 cannot carry them. */
const NOT_IN_XML = /[\u0000-\u0008\u000B-\u001F\uFFFE\uFFFF]/g;
const NEEDS_ESCAPE = /[&<>"_\u0000-\u001F\uFFFE\uFFFF]/;
/* eslint-enable no-control-regex */
const xstring = (text: string): string =>
  // Most text (names, phones, places) needs no escaping at all: 50 000 rows × 20 cells skip six replacements each.
  !NEEDS_ESCAPE.test(text) ? text : escapeXml(text.replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1").replace(NOT_IN_XML, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`));

/**
 * One new cell. Text is always an inline string: a value starting with =, +, -, @ stays text — a
 * formula is only ever the calculated column's own.
 */
function valueCell(ref: string, style: string | undefined, value: CellValue): string {
  const s = style === undefined ? "" : ` s="${style}"`;
  if (value === null) return `<c r="${ref}"${s}/>`;
  if (typeof value === "string") return `<c r="${ref}"${s} t="inlineStr"><is><t${/^\s|\s$/.test(value) ? ' xml:space="preserve"' : ""}>${xstring(value)}</t></is></c>`;
  if (typeof value === "boolean") return `<c r="${ref}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
  if (!Number.isFinite(value)) throw new Error(`cell ${ref}: ${value} is not a number a workbook can hold`);
  return `<c r="${ref}"${s}><v>${value}</v></c>`;
}

/**
 * A calculated column's text by sheet row, for a table whose first data row is `bodyFirst`: `formula`
 * (XML-escaped, as the table part holds the first data row's text) moved by each row's offset, as in a
 * shared formula — cell references (`$K5`, as the xlsx writer spells the row's own cells, or a user's
 * `C2*D2`) follow the row; structured references and names are the same in every row. `escaped` for
 * writing, `text` for comparing with a cell's own (unescaped) text. Read once per column.
 */
function formulaByRow(bodyFirst: number, formula: string): { readonly escaped: (r: number) => string; readonly text: (r: number) => string } {
  const first = unescapeXml(formula);
  const move = formulaShifter(first);
  // Nothing in it moves (structured references and names only): the same bytes in every row.
  if (move(1, 0) === first) return { escaped: () => formula, text: () => first };
  const text = (r: number): string => (r === bodyFirst ? first : move(r - bodyFirst, 0));
  return { escaped: (r) => (r === bodyFirst ? formula : escapeXml(text(r))), text };
}

/** Each calculated column's XML-escaped text by sheet row (`formulaByRow`), by sheet column. */
const columnFormulas = (table: FoundTable): Map<number, (r: number) => string> =>
  new Map(table.columns.flatMap((c) => (c.formula === undefined ? [] : [[c.col, formulaByRow(table.bodyFirst, c.formula).escaped] as const])));

const formulaCell = (ref: string, style: string | undefined, column: TableColumn, formula: string): string =>
  `<c r="${ref}"${style === undefined ? "" : ` s="${style}"`}>${column.array ? `<f t="array" ref="${ref}">` : "<f>"}${formula}</f></c>`;

/**
 * A calculated column's cells over a run of new rows as ONE shared formula, as Excel saves a
 * calculated column itself: the first cell holds its row's text (`formulaByRow`), the others point at it
 * and read it moved to their row, as `formulaByRow` would give them; the sheet part is a third of the
 * size, and 50 000 rows save in a fraction of the time (a 4 KB row of formula text each otherwise).
 */
const sharedCell = (ref: string, style: string | undefined, si: number, master?: { readonly range: string; readonly formula: string }): string =>
  `<c r="${ref}"${style === undefined ? "" : ` s="${style}"`}>${master === undefined ? `<f t="shared" si="${si}"/>` : `<f t="shared" ref="${master.range}" si="${si}">${master.formula}</f>`}</c>`;

/** The highest shared-formula index a sheet part uses (-1 for none). */
const maxSharedIndex = (xml: string): number => Math.max(-1, ...[...xml.matchAll(/<f\b[^>]*?\ssi="(\d+)"/g)].map((m) => Number(m[1])));

/** A cell moved to row `to` (its address rewritten; the cell's other bytes kept). */
const movedCell = (cell: string, to: number): string => cell.replace(/(\sr=")([A-Z]+)\d+"/, (_, pre: string, letters: string) => `${pre}${letters}${to}"`);

// ---------------------------------------------------------------------------------------------
// Ranges that follow the table when it grows.

const rangeText = (r: RangeRef): string => {
  const a = `${columnLetters(r.from.col)}${r.from.row + 1}`;
  const b = `${columnLetters(r.to.col)}${r.to.row + 1}`;
  return a === b ? a : `${a}:${b}`;
};

/**
 * A range over the table's columns that reaches its last data row (from inside the table, down to at
 * most the totals row) ends `growth` rows lower; one inside the totals row moves with it. Others,
 * and what is not a plain A1 range (whole columns, names), are left as they are.
 */
function grownRange(text: string, table: FoundTable, growth: number, extend = true): string {
  let range: RangeRef;
  try {
    range = parseAddress(text).range;
  } catch {
    return text;
  }
  const first = table.range.from.col;
  const last = table.range.to.col;
  if (range.from.col < first || range.to.col > last) return text;
  const [from, to] = [range.from.row + 1, range.to.row + 1];
  const tableLast = table.range.to.row + 1;
  if (extend && from >= table.range.from.row + 1 && from <= table.bodyLast && to >= table.bodyLast && to <= tableLast) {
    return rangeText({ from: range.from, to: { row: range.to.row + growth, col: range.to.col } });
  }
  if (table.totalsRows > 0 && from > table.bodyLast && to <= tableLast) {
    return rangeText({ from: { row: range.from.row + growth, col: range.from.col }, to: { row: range.to.row + growth, col: range.to.col } });
  }
  return text;
}

const grownList = (sqref: string, table: FoundTable, growth: number): string =>
  sqref.trim().split(/\s+/).map((piece) => grownRange(piece, table, growth)).join(" ");

/** The sheet part outside sheetData with conditional formats, validations and the totals row's merges following the table. */
function grownSheetTail(tail: string, table: FoundTable, growth: number): string {
  const sqref = (open: string): string => {
    const value = attr(open, "sqref");
    return value === undefined ? open : setAttr(open, "sqref", grownList(value, table, growth));
  };
  let out = replaceTags(tail, "conditionalFormatting", sqref);
  out = replaceTags(out, "dataValidation", sqref);
  out = replaceTags(out, "mergeCell", (open) => {
    const ref = attr(open, "ref");
    return ref === undefined ? open : setAttr(open, "ref", grownRange(ref, table, growth, false));
  });
  // Excel 2010 rules (data bars, icon sets) keep their ranges in the extension list.
  return out.replace(/<(\w+:)?sqref>([^<]*)<\/\1sqref>/g, (_, prefix: string | undefined, list: string) => `<${prefix ?? ""}sqref>${grownList(list, table, growth)}</${prefix ?? ""}sqref>`);
}

/** `<dimension>` covering the table's new extent as well. */
function withDimension(head: string, table: FoundTable, lastRow: number): string {
  return replaceTags(head, "dimension", (open) => {
    const ref = attr(open, "ref");
    if (ref === undefined) return open;
    let range: RangeRef;
    try {
      range = parseAddress(ref).range;
    } catch {
      return open;
    }
    const grown: RangeRef = {
      from: { row: Math.min(range.from.row, table.range.from.row), col: Math.min(range.from.col, table.range.from.col) },
      to: { row: Math.max(range.to.row, lastRow - 1), col: Math.max(range.to.col, table.range.to.col) },
    };
    return setAttr(open, "ref", `${rangeText({ from: grown.from, to: grown.from })}:${rangeText({ from: grown.to, to: grown.to })}`);
  });
}

function grownTableXml(table: FoundTable, growth: number): string {
  const to = { row: table.range.to.row + growth, col: table.range.to.col };
  let out = replaceTags(table.tableXml, "table", (open) => setAttr(open, "ref", `${rangeText({ from: table.range.from, to: table.range.from })}:${rangeText({ from: to, to })}`));
  for (const tag of ["autoFilter", "sortState"]) {
    out = replaceTags(out, tag, (open) => {
      const ref = attr(open, "ref");
      return ref === undefined ? open : setAttr(open, "ref", grownRange(ref, table, growth));
    });
  }
  return out;
}

/** What the sheet holds in rows `from`..`to` (1-based) over the table's columns, besides the table: the first such cell or range. */
async function occupied(pkg: XlsxPackage, table: FoundTable, rows: readonly RowSlice[], tail: string, from: number, to: number): Promise<string | undefined> {
  const area: RangeRef = { from: { row: from - 1, col: table.range.from.col }, to: { row: to - 1, col: table.range.to.col } };
  for (const row of rows) {
    if (row.r < from || row.r > to) continue;
    for (const [col, cell] of rowCells(row, table)) if (col >= area.from.col && col <= area.to.col && !isBlank(cell)) return `${columnLetters(col)}${row.r}`;
  }
  const overlapping = (ref: string): boolean => {
    try {
      const r = parseAddress(ref).range;
      return r.from.row <= area.to.row && area.from.row <= r.to.row && r.from.col <= area.to.col && area.from.col <= r.to.col;
    } catch {
      return false;
    }
  };
  const merge = openTags(tail, "mergeCell").map((m) => attr(m, "ref") ?? "").find(overlapping);
  if (merge !== undefined) return merge;
  for (const rel of (await pkg.targets(table.sheetPath)).filter((r) => r.type === REL.table && r.path !== table.tablePath)) {
    const ref = attr(openTags((await pkg.text(rel.path)) ?? "", "table")[0] ?? "", "ref");
    if (ref !== undefined && overlapping(ref)) return ref;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------

/**
 * The table with a calculated column for every column whose data rows all hold the first row's formula
 * moved to their row (`formulaByRow`; the same text where it has no cell references) although the table
 * part names none: LibreOffice drops `calculatedColumnFormula` when it saves, and a register kept in it
 * must still give appended rows their formulas (and its formula cells must not make every row look used).
 */
function withColumnFormulas(table: FoundTable, byRow: ReadonlyMap<number, RowSlice>): FoundTable {
  type Candidate = { readonly formula: string; readonly text: (r: number) => string };
  let candidates = new Map(table.columns.filter((c) => c.formula === undefined).map((c) => [c.col, undefined as Candidate | undefined]));
  if (table.bodyLast <= table.bodyFirst) return table;
  for (let r = table.bodyFirst; r <= table.bodyLast && candidates.size > 0; r++) {
    const row = byRow.get(r);
    const cells = row === undefined ? new Map<number, string>() : rowCells(row, table);
    const next = new Map<number, Candidate | undefined>();
    for (const [col, first] of candidates) {
      const f = /<f(\s[^>]*)?>([^<]+)<\/f>/.exec(cells.get(col) ?? "");
      if (f === null || /\st="/.test(f[1] ?? "")) continue;
      // Compared unescaped: another producer may escape the same text otherwise (&apos;, &#34;).
      if (first !== undefined && unescapeXml(f[2]) !== first.text(r)) continue;
      next.set(col, first ?? { formula: f[2], text: formulaByRow(table.bodyFirst, f[2]).text });
    }
    candidates = next;
  }
  if (candidates.size === 0) return table;
  return { ...table, columns: table.columns.map((c) => (candidates.has(c.col) ? { ...c, formula: candidates.get(c.col)?.formula } : c)) };
}

interface EditedRow {
  readonly open: string;
  readonly cells: Map<number, string>;
}

const emitRow = (r: number, row: EditedRow): string => {
  const cells = [...row.cells.entries()].sort((a, b) => a[0] - b[0]).map(([, xml]) => xml);
  // `spans` is only a hint, and the cells may now reach beyond it.
  const open = row.open.replace(/\sspans="[^"]*"/, "").replace(/\sr="\d+"/, ` r="${r}"`).replace(/\s*\/>$/, ">");
  return cells.length === 0 && !/\s(s|ht|hidden|customHeight|customFormat|outlineLevel)="/.test(open) ? "" : `${open}${cells.join("")}</row>`;
};

/** Appends `request.rows` to the table and fills `request.fill`'s blank cells (see the module comment). */
export async function appendTableRows(pkg: XlsxPackage, request: AppendRequest): Promise<AppendResult> {
  const found = await findTable(pkg, request.table);
  const sheetXml = (await pkg.text(found.sheetPath)) ?? "";
  const { head, rows, tail } = sheetRows(sheetXml, found);
  const byRow = new Map(rows.map((row) => [row.r, row]));
  const table = withColumnFormulas(found, byRow);
  const formulaAt = columnFormulas(table);
  const column = columnOf(table);
  /** A request row's values by sheet column, calculated columns left out. */
  const inputOf = (values: Readonly<Record<string, CellValue>>): Map<number, CellValue> => {
    const byColumn = new Map<number, CellValue>();
    for (const header in values) {
      const c = column(header);
      const value = values[header];
      if (c.formula !== undefined && value !== null) throw new Error(`column "${c.header}" of ${table.name} is calculated; its formula is written, not a value`);
      if (c.formula === undefined) byColumn.set(c.col, value);
    }
    return byColumn;
  };
  const bodyRows = table.bodyLast - table.bodyFirst + 1;
  for (const f of request.fill ?? []) {
    if (!Number.isInteger(f.index) || f.index < 0 || f.index >= bodyRows) throw new RangeError(`fill row ${f.index} is outside ${table.name}'s ${bodyRows} data rows`);
  }
  const edited = new Map<number, EditedRow>();
  const editable = (r: number): EditedRow => {
    let row = edited.get(r);
    if (row === undefined) {
      const slice = byRow.get(r);
      row = { open: slice?.open ?? `<row r="${r}">`, cells: slice ? rowCells(slice, table) : new Map() };
      edited.set(r, row);
    }
    return row;
  };
  const cellsOf = (r: number): Map<number, string> => edited.get(r)?.cells ?? (byRow.has(r) ? rowCells(byRow.get(r)!, table) : new Map());
  const lastBody = cellsOf(table.bodyLast);
  const lastBodyStyles = new Map(table.columns.map((c) => [c.col, styleOf(lastBody.get(c.col))]));
  const styleFor = (c: TableColumn): string | undefined => lastBodyStyles.get(c.col);

  let filled = 0;
  for (const f of request.fill ?? []) {
    const r = table.bodyFirst + f.index;
    let wrote = false;
    for (const [col, value] of inputOf(f.values)) {
      if (value === null || !isBlank(cellsOf(r).get(col))) continue;
      const row = editable(r);
      row.cells.set(col, valueCell(`${columnLetters(col)}${r}`, styleOf(row.cells.get(col)) ?? lastBodyStyles.get(col), value));
      wrote = true;
    }
    if (wrote) filled++;
  }

  // The last row holding any input value — or a value a user typed over a calculated cell (its formula
  // gone), which the formula must not overwrite; the blank rows after it are filled first.
  const inputs = table.columns.filter((c) => c.formula === undefined);
  const calculated = table.columns.filter((c) => c.formula !== undefined);
  const typedOver = (cell: string | undefined): boolean => cell !== undefined && !/<f[\s/>]/.test(cell) && !isBlank(cell);
  let lastUsed = table.bodyFirst - 1;
  for (let r = table.bodyLast; r >= table.bodyFirst; r--) {
    if (!byRow.has(r) && !edited.has(r)) continue;
    const cells = cellsOf(r);
    if (inputs.some((c) => !isBlank(cells.get(c.col))) || calculated.some((c) => typedOver(cells.get(c.col)))) {
      lastUsed = r;
      break;
    }
  }
  const start = lastUsed + 1;
  const count = request.rows.length;
  const growth = Math.max(0, start + count - 1 - table.bodyLast);
  const tableLast = table.range.to.row + 1;
  if (growth > 0) {
    const inWay = await occupied(pkg, table, rows, tail, tableLast + 1, tableLast + growth);
    if (inWay !== undefined) throw new AppendError("contentBelow", { table: table.name, sheet: table.sheet, address: inWay });
  }

  // The totals row moves down (its cells' bytes kept, their addresses rewritten); what stands beside the table stays.
  const template = byRow.get(table.bodyLast)?.open ?? "<row>";
  const rowOpen = (r: number): string => `<row r="${r}"${[...template.matchAll(/\s(s|customFormat|ht|customHeight)="[^"]*"/g)].map((m) => m[0]).join("")}>`;
  if (growth > 0) {
    for (let t = 0; t < table.totalsRows; t++) {
      const from = table.bodyLast + 1 + t;
      const cells = cellsOf(from);
      const moving = table.columns.map((c) => [c, cells.get(c.col)] as const).filter((e): e is readonly [TableColumn, string] => e[1] !== undefined);
      for (const [c, cell] of moving) {
        const f = /<f(\s[^>]*)?(?:\/>|>([\s\S]*?)<\/f>)/.exec(cell);
        if (f && (/\st="shared"/.test(f[1] ?? "") || hasCellReference(unescapeXml(f[2] ?? "")))) {
          throw new AppendError("totalsRowFormula", { table: table.name, sheet: table.sheet, address: `${columnLetters(c.col)}${from}` });
        }
      }
      const source = editable(from);
      const target = editable(from + growth);
      for (const [c, cell] of moving) {
        source.cells.delete(c.col);
        target.cells.set(c.col, movedCell(cell, from + growth));
      }
      // The moved totals row keeps its own formatting (height, style) unless a row was there already.
      if (!byRow.has(from + growth)) edited.set(from + growth, { open: source.open, cells: target.cells });
    }
  }

  // Rows past the table's old end that the sheet has no row for are built as text straight away (no
  // per-cell objects for 50 000 rows), each run of them with one shared formula per calculated column Excel can share.
  const fresh: { r: number; xml: string }[] = [];
  const isFresh = (r: number): boolean => r > table.bodyLast && !byRow.has(r) && !edited.has(r);
  const lastRow = start + count - 1;
  let nextSi = maxSharedIndex(sheetXml) + 1;
  const shareable = table.columns.filter((c) => c.formula !== undefined && !c.array && shareableFormula(unescapeXml(c.formula)));
  let run: { readonly first: number; readonly last: number; readonly si: ReadonlyMap<number, number> } | undefined;
  for (let i = 0; i < count; i++) {
    const r = start + i;
    const values = inputOf(request.rows[i]);
    if (isFresh(r)) {
      if (run === undefined || r > run.last) {
        let last = r;
        while (last < lastRow && isFresh(last + 1)) last++;
        run = { first: r, last, si: new Map(last > r ? shareable.map((c) => [c.col, nextSi++]) : []) };
      }
      let xml = rowOpen(r);
      for (const c of table.columns) {
        const ref = `${c.letters}${r}`;
        const style = styleFor(c);
        const si = run.si.get(c.col);
        if (c.formula !== undefined)
          xml += si === undefined ? formulaCell(ref, style, c, formulaAt.get(c.col)!(r)) : sharedCell(ref, style, si, r === run.first ? { range: `${ref}:${c.letters}${run.last}`, formula: formulaAt.get(c.col)!(r) } : undefined);
        else {
          const value = values.get(c.col) ?? null;
          if (value !== null || style !== undefined) xml += valueCell(ref, style, value);
        }
      }
      fresh.push({ r, xml: `${xml}</row>` });
      continue;
    }
    const existing = r <= table.bodyLast;
    // A row below the table keeps what stands beside it; the table's cells take the last data row's formatting.
    const row = existing ? editable(r) : { open: rowOpen(r), cells: cellsOf(r) };
    edited.set(r, row);
    for (const c of table.columns) {
      const ref = `${c.letters}${r}`;
      const current = row.cells.get(c.col);
      const style = existing ? (styleOf(current) ?? styleFor(c)) : styleFor(c);
      if (c.formula !== undefined) {
        // A blank row's formula is kept as it is (it may be Excel's shared formula); a missing one is written.
        if (!existing || current === undefined || !/<f[\s/>]/.test(current)) row.cells.set(c.col, formulaCell(ref, style, c, formulaAt.get(c.col)!(r)));
        continue;
      }
      const value = values.get(c.col) ?? null;
      if (value !== null || !existing) {
        if (value !== null || style !== undefined) row.cells.set(c.col, valueCell(ref, style, value));
        else row.cells.delete(c.col);
      }
    }
  }

  if (edited.size > 0 || fresh.length > 0) {
    const parts: { r: number; xml: string }[] = rows.filter((row) => !edited.has(row.r)).map((row) => ({ r: row.r, xml: row.xml }));
    for (const [r, row] of edited) parts.push({ r, xml: emitRow(r, row) });
    for (const row of fresh) parts.push(row);
    parts.sort((a, b) => a.r - b.r);
    // As bytes: JSZip's own conversion of a string this size is several times slower than the encoder's.
    const out = new Utf8Pieces();
    for (const part of parts) out.add(part.xml);
    out.add(growth > 0 ? grownSheetTail(tail, table, growth) : tail);
    pkg.write(table.sheetPath, out.bytes(growth > 0 ? withDimension(head, table, tableLast + growth) : head));
    if (growth > 0) pkg.write(table.tablePath, grownTableXml(table, growth));
    // New formulas carry no cached values and the other rows' results change (ABC shares, totals).
    const workbook = await pkg.workbookXml();
    const recalculated = withFullCalc(workbook);
    if (recalculated !== workbook) pkg.write(WORKBOOK, recalculated);
  }
  return { firstRow: start - table.bodyFirst, appended: count, filled };
}

// ---------------------------------------------------------------------------------------------

/** A cell's value as stored: numbers, text (shared strings resolved), booleans, a formula's cached result; blanks and errors as null. */
function storedValue(cell: string | undefined, shared: readonly string[]): CellValue {
  if (cell === undefined || cell.endsWith("/>")) return null;
  const t = /\st="(\w+)"/.exec(cell.slice(0, cell.indexOf(">") + 1))?.[1] ?? "n";
  if (t === "inlineStr") {
    // The one-run form every writer here uses, read without the rich-text machinery.
    const plain = /<is><t(?:\s[^>]*)?>([^<]*)<\/t><\/is>/.exec(cell);
    const inline = plain === null ? /<is>([\s\S]*?)<\/is>/.exec(cell) : null;
    const text = plain !== null ? decodeXstring(plain[1].includes("&") ? unescapeXml(plain[1]) : plain[1]) : inline === null ? "" : decodeXstring(runText(inline[1]));
    return text === "" ? null : text;
  }
  const raw = /<v(?:\s[^>]*)?>([\s\S]*?)<\/v>/.exec(cell)?.[1];
  if (raw === undefined || raw === "") return null;
  switch (t) {
    case "s": {
      const text = shared[Number(raw)] ?? "";
      return text === "" ? null : decodeXstring(text);
    }
    case "str":
      return decodeXstring(unescapeXml(raw));
    case "b":
      return raw === "1";
    case "e":
      return null;
    case "d": {
      // An ISO date (Excel never writes these; other producers may): as the serial Excel would show.
      const time = Date.parse(unescapeXml(raw));
      return Number.isNaN(time) ? null : time / 86_400_000 + 25_569;
    }
    default:
      return Number(raw);
  }
}

/** The table's headers and every data row's values, trailing blank rows included (indices match `fill`'s). */
export async function readTableContents(pkg: XlsxPackage, table: string): Promise<TableContents> {
  const named = await findTable(pkg, table);
  const { rows } = sheetRows((await pkg.text(named.sheetPath)) ?? "", named);
  const byRow = new Map(rows.filter((row) => row.r >= named.bodyFirst && row.r <= named.bodyLast).map((row) => [row.r, row]));
  const found = withColumnFormulas(named, byRow);
  const shared = byRow.size > 0 ? await sharedStrings(pkg) : [];
  const values: CellValue[][] = [];
  for (let r = found.bodyFirst; r <= found.bodyLast; r++) {
    const row = byRow.get(r);
    const cells = row === undefined ? new Map<number, string>() : rowCells(row, found);
    values.push(found.columns.map((c) => storedValue(cells.get(c.col), shared)));
  }
  return { sheet: found.sheet, headers: found.columns.map((c) => c.header), calculated: found.columns.map((c) => c.formula !== undefined), rows: values };
}

// ---------------------------------------------------------------------------------------------
// Deleting rows of a table, and rewriting a block of cells the add-in owns (the team history).

/** Whether a cell holds a formula (its own text or a pointer to a shared one). */
const hasFormula = (cell: string | undefined): boolean => cell !== undefined && /<f[\s/>]/.test(cell);

/**
 * Deletes the data rows `remove` (0-based) of a table without totals row, as Excel deletes table rows:
 * the rows below move up over the table's columns only — cells beside the table stay where they are —
 * and the table, its autoFilter and the conditional formats and validations over its columns end
 * that many rows higher. Rows above the first deleted one keep their bytes; a moved row's cells keep
 * theirs but for their address. A calculated column's formula cells stay in their rows (each holds its
 * row's text — the same text in every row, or its own cells' addresses — and moving one that Excel saved
 * as a shared formula would cut it off from the cells pointing at it). A table keeps at least one data row: deleting every row leaves a blank one.
 * Returns how many rows were deleted.
 */
export async function deleteTableRows(pkg: XlsxPackage, name: string, remove: readonly number[]): Promise<number> {
  const found = await findTable(pkg, name);
  if (found.totalsRows > 0) throw new Error(`table ${found.name} has a totals row; deleteTableRows handles logs without one`);
  const sheetXml = (await pkg.text(found.sheetPath)) ?? "";
  const { head, rows, tail } = sheetRows(sheetXml, found);
  const byRow = new Map(rows.map((row) => [row.r, row]));
  const table = withColumnFormulas(found, byRow);
  const formulaAt = columnFormulas(table);
  const count = table.bodyLast - table.bodyFirst + 1;
  const removed = new Set(remove.filter((i) => Number.isInteger(i) && i >= 0 && i < count));
  if (removed.size === 0) return 0;
  const kept = Array.from({ length: count }, (_, i) => i).filter((i) => !removed.has(i));
  const rowsAfter = Math.max(1, kept.length);
  const cellsAt = (r: number): Map<number, string> => (byRow.has(r) ? rowCells(byRow.get(r)!, table) : new Map());
  const edited = new Map<number, EditedRow>();
  for (let d = Math.min(...removed); d < count; d++) {
    const r = table.bodyFirst + d;
    const row: EditedRow = { open: byRow.get(r)?.open ?? `<row r="${r}">`, cells: cellsAt(r) };
    const source = d < kept.length ? cellsAt(table.bodyFirst + kept[d]) : undefined;
    for (const c of table.columns) {
      const here = row.cells.get(c.col);
      const from = source?.get(c.col);
      // The formula stays; a value typed over it moves with its row.
      if (c.formula !== undefined && d < rowsAfter && (source === undefined || from === undefined || hasFormula(from))) {
        if (!hasFormula(here)) row.cells.set(c.col, formulaCell(`${c.letters}${r}`, styleOf(here ?? from), c, formulaAt.get(c.col)!(r)));
        continue;
      }
      if (d >= rowsAfter) row.cells.delete(c.col);
      else if (from !== undefined) row.cells.set(c.col, movedCell(from, r));
      else if (source === undefined) row.cells.set(c.col, valueCell(`${c.letters}${r}`, styleOf(here), null));
      else row.cells.delete(c.col);
    }
    edited.set(r, row);
  }
  const parts = rows.filter((row) => !edited.has(row.r)).map((row) => ({ r: row.r, xml: row.xml }));
  for (const [r, row] of edited) parts.push({ r, xml: emitRow(r, row) });
  parts.sort((a, b) => a.r - b.r);
  const shrink = count - rowsAfter;
  pkg.write(table.sheetPath, head + parts.map((p) => p.xml).join("") + (shrink > 0 ? grownSheetTail(tail, table, -shrink) : tail));
  if (shrink > 0) pkg.write(table.tablePath, grownTableXml(table, -shrink));
  const workbook = await pkg.workbookXml();
  const recalculated = withFullCalc(workbook);
  if (recalculated !== workbook) pkg.write(WORKBOOK, recalculated);
  return removed.size;
}

/** A cell of a block the add-in owns: a value or a formula (text without "="), formatted like the cell now at `like`. */
export interface BlockCell {
  readonly at: { readonly row: number; readonly col: number };
  readonly value?: CellValue;
  readonly formula?: string;
  /** A cell whose style index the new cell takes (read before anything is cleared); none: unstyled. */
  readonly like?: { readonly row: number; readonly col: number };
}

/**
 * Clears `clear` on sheet `sheet` (its cells' contents and styles; rows stay) and writes `cells` —
 * a block the add-in owns and rewrites whole (the team history's pivot). Text goes in as inline strings,
 * formulas without cached values (the workbook is set to recalculate on opening). Cells outside
 * `clear` and `cells` keep their bytes.
 */
export async function replaceBlock(pkg: XlsxPackage, sheet: string, clear: RangeRef, cells: readonly BlockCell[]): Promise<void> {
  const entry = (await pkg.sheets()).find((s) => s.name.toLowerCase() === sheet.toLowerCase());
  if (entry?.path === undefined) throw new Error(`no worksheet "${sheet}" in the package`);
  const sheetXml = (await pkg.text(entry.path)) ?? "";
  const at: SheetOf = { name: sheet, sheet, sheetPath: entry.path };
  const { head, rows, tail } = sheetRows(sheetXml, at);
  const byRow = new Map(rows.map((row) => [row.r, row]));
  const cellsAt = (r: number): Map<number, string> => (byRow.has(r) ? rowCells(byRow.get(r)!, at) : new Map());
  const styleAt = (ref: { row: number; col: number }): string | undefined => styleOf(cellsAt(ref.row + 1).get(ref.col));
  const written = cells.map((cell) => {
    const ref = `${columnLetters(cell.at.col)}${cell.at.row + 1}`;
    const style = cell.like === undefined ? undefined : styleAt(cell.like);
    const xml =
      cell.formula !== undefined ? `<c r="${ref}"${style === undefined ? "" : ` s="${style}"`}><f>${escapeXml(cell.formula)}</f></c>` : valueCell(ref, style, cell.value ?? null);
    return { r: cell.at.row + 1, col: cell.at.col, xml };
  });
  const edited = new Map<number, EditedRow>();
  const editable = (r: number): EditedRow => {
    let row = edited.get(r);
    if (row === undefined) {
      row = { open: byRow.get(r)?.open ?? `<row r="${r}">`, cells: cellsAt(r) };
      edited.set(r, row);
    }
    return row;
  };
  for (let r = clear.from.row + 1; r <= clear.to.row + 1; r++) {
    if (!byRow.has(r)) continue;
    const row = editable(r);
    for (const col of [...row.cells.keys()]) if (col >= clear.from.col && col <= clear.to.col) row.cells.delete(col);
  }
  for (const cell of written) editable(cell.r).cells.set(cell.col, cell.xml);
  const parts = rows.filter((row) => !edited.has(row.r)).map((row) => ({ r: row.r, xml: row.xml }));
  for (const [r, row] of edited) parts.push({ r, xml: emitRow(r, row) });
  parts.sort((a, b) => a.r - b.r);
  pkg.write(entry.path, head + parts.map((p) => p.xml).join("") + tail);
  const workbook = await pkg.workbookXml();
  const recalculated = withFullCalc(workbook);
  if (recalculated !== workbook) pkg.write(WORKBOOK, recalculated);
}
