import { columnLetters } from "../../spec/a1";
import type { ColumnSpec, SheetSpec, TableRow } from "../../spec/sheetSpec";
import { tableLayout } from "../layout";
import type { XlsxPackage } from "../ooxml";
import { Utf8Pieces } from "../ooxml/xml";
import { atRow, templateOf, type RowFormulas, type RowTemplate } from "./rowFormulas";

/**
 * A table's data body written straight into the sheet part, beside exceljs. exceljs keeps an object per
 * cell and builds each part as one string of tiny pieces: a 100 000-row register (2.8 M cells) took 164 s
 * and 4.3 GB (issue 17). So exceljs renders each table with its first body row only (`SKELETON_ROWS`),
 * which gives every style the body uses and its totals row; this module writes the other rows as exceljs
 * would have, moves the totals row below them, and renumbers the shared strings in the order exceljs
 * meets them (sheet by sheet, row by row), so the package is the one exceljs writes for the whole table.
 * Every range besides the table's own (validations, conditional formats, names, charts) is rendered
 * from the spec, which has all rows.
 */

/** How many body rows exceljs renders of a table: the first gives every style the body's cells use. */
export const SKELETON_ROWS = 1;

/** exceljs's `xmlEncode`: the five entities, and control characters XML cannot hold dropped. */
// eslint-disable-next-line no-control-regex -- the characters XML 1.0 forbids are what this removes
const XML_SPECIAL = /[<>&'"\x7F\x00-\x08\x0B\x0C\x0E-\x1F]/g;
const ENTITY: Readonly<Record<string, string>> = { "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" };
const exceljsEncode = (text: string): string => text.replace(XML_SPECIAL, (ch) => ENTITY[ch] ?? "");

/** A shared string's `<si>` as exceljs writes it (`TextXform`). */
const sharedStringXml = (text: string): string =>
  `<si><t${/^\s|\n|\s$/.test(text) ? ' xml:space="preserve"' : ""}>${exceljsEncode(text)}</t></si>`;

/** A cell of the finished sheet: its XML after the `r` attribute, the shared string it holds kept apart until numbered. */
interface Cell {
  readonly col: number;
  readonly letters: string;
  /** After `<c r="…"`: the whole rest, or up to the string's index when `text` is set. */
  readonly rest: string;
  /** The `<si>` of a shared-string cell. */
  readonly text?: string;
}

interface Row {
  /** The `<row>` attributes after `r`, as exceljs wrote them (`spans` set again when cells move). */
  readonly attributes: string;
  readonly cells: Cell[];
}

const SPANS = / spans="\d+:\d+"/;
const withSpans = (attributes: string, from: number, to: number): string => attributes.replace(SPANS, ` spans="${from}:${to}"`);
const spansOf = (attributes: string): [number, number] => {
  const m = / spans="(\d+):(\d+)"/.exec(attributes);
  return m ? [Number(m[1]), Number(m[2])] : [Infinity, 0];
};

const colNumber = (letters: string): number => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/** The skeleton's rows by number, each cell's shared string looked up in the skeleton's table. */
function parseRows(sheetData: string, strings: readonly string[]): Map<number, Row> {
  const rows = new Map<number, Row>();
  for (const m of sheetData.matchAll(/<row r="(\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const cells: Cell[] = [];
    for (const c of (m[3] ?? "").matchAll(/<c r="([A-Z]+)\d+"([^>]*?)(\/>|>([\s\S]*?)<\/c>)/g)) {
      const [, letters, attributes, body, inner] = c;
      const shared = / t="s"/.test(attributes) ? /^<v>(\d+)<\/v>$/.exec(inner ?? "") : null;
      const col = colNumber(letters);
      cells.push(shared ? { col, letters, rest: `${attributes}><v>`, text: strings[Number(shared[1])] } : { col, letters, rest: `${attributes}${body}`, text: undefined });
    }
    rows.set(Number(m[1]), { attributes: m[2], cells });
  }
  return rows;
}

/** A table column as its body cells are written: `style` (` s="n"` or nothing) from the first body row's cell. */
interface BodyColumn {
  readonly column: ColumnSpec;
  readonly col: number;
  readonly letters: string;
  readonly style: string;
  /** A formula column's text over rows, its pieces XML-escaped once. */
  readonly formula?: RowTemplate;
}

/** One body cell of sheet row `r` as exceljs writes it. Runs once per cell of a long register: kept to plain object literals. */
function bodyCell({ column, col, letters, style, formula }: BodyColumn, data: TableRow, r: number): Cell | undefined {
  if (formula !== undefined) return { col, letters, rest: `${style}><f>${atRow(formula, r)}</f></c>`, text: undefined };
  const value = data[column.key] ?? null;
  if (value === null) return style === "" ? undefined : { col, letters, rest: `${style}/>`, text: undefined };
  if (typeof value === "string") return { col, letters, rest: `${style} t="s"><v>`, text: sharedStringXml(value) };
  return { col, letters, rest: `${style}${typeof value === "boolean" ? ` t="b"><v>${value ? 1 : 0}` : `><v>${value}`}</v></c>`, text: undefined };
}

interface SheetRows {
  readonly skeleton: Map<number, Row>;
  /** Generated rows (tables side by side share rows), built as they are written, so a long body is never held as cell objects. */
  readonly generated: Map<number, (() => Row)[]>;
}

/** Moves each table's totals row below its full body and adds the body rows exceljs did not render. */
function completeTables(spec: SheetSpec, skeleton: Map<number, Row>, shown: number, formulas: RowFormulas): SheetRows {
  const generated = new Map<number, (() => Row)[]>();
  for (const table of spec.tables) {
    if (table.rows.length <= shown) continue;
    const layout = tableLayout(table);
    const [first, last] = [layout.header.from.col + 1, layout.header.to.col + 1];
    const inTable = (cell: Cell) => cell.col >= first && cell.col <= last;
    const firstBody = skeleton.get(layout.body.from.row + 1);
    if (layout.totals) moveTotals(skeleton, layout.body.from.row + 1 + shown, layout.totals.from.row + 1, inTable, [first, last]);
    // exceljs lets a table overwrite a sheet cell in its body; written here, both would be in the row, which
    // Excel repairs. A template never places one there: refuse it rather than choose.
    for (let r = layout.body.from.row + 1 + shown; r <= layout.body.to.row + 1; r++) {
      const inside = skeleton.get(r)?.cells.find(inTable);
      if (inside) throw new Error(`sheet "${spec.name}": cell ${inside.letters}${r} lies in the body of table ${table.name}`);
    }
    const styles = new Map((firstBody?.cells ?? []).filter(inTable).map((c) => [c.col, / s="\d+"/.exec(c.rest)?.[0] ?? ""]));
    const escaped = (t: RowTemplate): RowTemplate => ({ pieces: t.pieces.map(exceljsEncode), columns: t.columns });
    const columns: BodyColumn[] = table.columns.map((column, i) => ({
      column,
      col: first + i,
      letters: columnLetters(first + i - 1),
      style: styles.get(first + i) ?? "",
      ...(column.formula === undefined ? {} : { formula: escaped(templateOf(formulas, table, column)) }),
    }));
    const attributes = withSpans(firstBody?.attributes ?? ' spans="0:0" x14ac:dyDescent="0.25"', first, last);
    for (let i = shown; i < table.rows.length; i++) {
      const data = table.rows[i];
      const r = layout.body.from.row + 1 + i;
      const row = (): Row => {
        const cells: Cell[] = [];
        for (const column of columns) {
          const cell = bodyCell(column, data, r);
          if (cell) cells.push(cell);
        }
        return { attributes, cells };
      };
      generated.set(r, [...(generated.get(r) ?? []), row]);
    }
  }
  return { skeleton, generated };
}

/** The totals row's cells from where exceljs put them (below the one body row it saw) to below the whole body. */
function moveTotals(rows: Map<number, Row>, from: number, to: number, inTable: (cell: Cell) => boolean, [first, last]: [number, number]): void {
  const row = rows.get(from);
  if (!row) return;
  const beside = row.cells.filter((c) => !inTable(c));
  if (beside.length === 0) rows.delete(from);
  else rows.set(from, { attributes: withSpans(row.attributes, Math.min(...beside.map((c) => c.col)), Math.max(...beside.map((c) => c.col))), cells: beside });
  const totals = { attributes: withSpans(row.attributes, first, last), cells: row.cells.filter(inTable) };
  const there = rows.get(to);
  rows.set(to, there ? merged([there, totals]) : totals);
}

/** One row from the skeleton's cells (beside a table) and the bodies of the tables that cross it. */
function merged(rows: readonly Row[]): Row {
  if (rows.length === 1) return rows[0];
  const spans = rows.map((row) => spansOf(row.attributes));
  const from = Math.min(...spans.map(([a]) => a));
  const to = Math.max(...spans.map(([, b]) => b));
  return { attributes: withSpans(rows[0].attributes, from, to), cells: rows.flatMap((row) => row.cells).sort((x, y) => x.col - y.col) };
}

/** The table rows past the first `shown` of each body, written into the package exceljs saved for `specs`. */
export async function completeTableBodies(pkg: XlsxPackage, specs: readonly SheetSpec[], shown: number, formulas: RowFormulas): Promise<void> {
  if (!specs.some((s) => s.tables.some((t) => t.rows.length > shown))) return;
  const sstPath = "xl/sharedStrings.xml";
  const sst = (await pkg.text(sstPath)) ?? "";
  const skeletonStrings = [...sst.matchAll(/<si>[\s\S]*?<\/si>/g)].map((m) => m[0]);
  const index = new Map<string, number>();
  let count = 0;
  const sheets = await pkg.sheets();
  for (const spec of specs) {
    const path = sheets.find((s) => s.name === spec.name)?.path;
    const xml = path && (await pkg.text(path));
    if (!path || !xml) throw new Error(`the package exceljs wrote has no sheet "${spec.name}"`);
    const open = xml.indexOf("<sheetData>") + "<sheetData>".length;
    const close = xml.indexOf("</sheetData>");
    if (close < 0) continue;
    const rows = completeTables(spec, parseRows(xml.slice(open, close), skeletonStrings), shown, formulas);
    const out = new Utf8Pieces();
    let lastWritten = 0;
    for (const r of [...new Set([...rows.skeleton.keys(), ...rows.generated.keys()])].sort((a, b) => a - b)) {
      const skeleton = rows.skeleton.get(r);
      const row = merged([...(skeleton ? [skeleton] : []), ...(rows.generated.get(r) ?? []).map((build) => build())]);
      if (row.cells.length > 0) lastWritten = r;
      let text = `<row r="${r}"${row.attributes}`;
      if (row.cells.length === 0) {
        out.add(`${text}/>`);
        continue;
      }
      text += ">";
      for (const cell of row.cells) {
        text += `<c r="${cell.letters}${r}"${cell.rest}`;
        if (cell.text === undefined) continue;
        let n = index.get(cell.text);
        if (n === undefined) index.set(cell.text, (n = index.size));
        count++;
        text += `${n}</v></c>`;
      }
      out.add(`${text}</row>`);
    }
    out.add(xml.slice(close));
    pkg.write(path, out.bytes(withLastRow(xml.slice(0, open), lastWritten)));
  }
  const strings = / count="\d+" uniqueCount="\d+">[\s\S]*<\/sst>$/;
  if (!strings.test(sst)) throw new Error("the package exceljs wrote has no shared strings to number");
  pkg.write(sstPath, sst.replace(strings, () => ` count="${count}" uniqueCount="${index.size}">${[...index.keys()].join("")}</sst>`));
}

/** The sheet's `<dimension>` reaching down to the last row with a cell written, styled blanks included, as exceljs measures it. */
const withLastRow = (head: string, lastRow: number): string =>
  head.replace(/<dimension ref="([A-Z]+\d+):([A-Z]+)(\d+)"\/>/, (element, from: string, col: string, row: string) =>
    lastRow > Number(row) ? `<dimension ref="${from}:${col}${lastRow}"/>` : element,
  );
