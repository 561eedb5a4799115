import { parseAddress } from "../../spec/addresses";
import type { XlsxPackage } from "./package";
import { REL } from "./package";
import type { CellValue, RangeRef } from "../../spec/sheetSpec";
import { attr, elements, innerXml, openTags, runText, unescapeXml } from "./xml";

/** Defined names, cells and shared strings as the package states them. */

export interface DefinedName {
  readonly name: string;
  /** The reference or formula, unescaped, without a leading "=". */
  readonly reference: string;
  /** Index of the sheet a sheet-scoped name belongs to. */
  readonly localSheetId?: number;
  /** The raw `<definedName …>…</definedName>` element. */
  readonly element: string;
}

export function definedNames(workbookXml: string): DefinedName[] {
  return elements(workbookXml, "definedName").map(([element]) => {
    const local = attr(element, "localSheetId");
    return {
      name: attr(element, "name") ?? "",
      reference: unescapeXml(innerXml(element)).replace(/^=/, ""),
      ...(local !== undefined ? { localSheetId: Number(local) } : {}),
      element,
    };
  });
}

/** Sheet and A1 range (without "$") of a plain `'Sheet'!$A$1` reference; undefined for #REF!, constants, formulas. */
export function referenceTarget(reference: string): { sheet: string; address: string } | undefined {
  if (reference.includes("#REF!")) return undefined;
  try {
    const plain = reference.replace(/\$/g, "");
    const parsed = parseAddress(plain);
    return parsed.sheet === undefined ? undefined : { sheet: parsed.sheet, address: plain.slice(plain.lastIndexOf("!") + 1) };
  } catch {
    return undefined;
  }
}

/** What a cell of a sheet part holds. */
export interface CellXml {
  /** `t` attribute ("n" when absent). */
  readonly type: string;
  /** Unescaped formula text without "=", when the cell has one. */
  readonly formula?: string;
  /** The cell's value as text: a shared string resolved, an inline string, or the raw `<v>`. */
  readonly text?: string;
  /** `s` attribute: the cellXfs index of its style (0 when absent). */
  readonly style?: number;
}

/** The texts of the shared-string table, in index order. */
export async function sharedStrings(pkg: XlsxPackage): Promise<string[]> {
  const path = await pkg.workbookPart(REL.sharedStrings);
  const xml = path ? ((await pkg.text(path)) ?? "") : "";
  return elements(xml, "si").map(([si]) => runText(si));
}

/** Whether a formula holds an A1 cell reference (outside strings and structured references). */
export function hasCellReference(formula: string): boolean {
  let code = formula.replace(/"(?:[^"]|"")*"/g, '""');
  for (let before = ""; before !== code; ) [before, code] = [code, code.replace(/\[[^[\]]*\]/g, "")];
  return /(?<![\w.])\$?[A-Za-z]{1,3}\$?\d+(?![\w(])/.test(code);
}

const MAX_ROW = 1048576;
const MAX_COL = 16384;
const columnNumber = (letters: string): number => [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
const columnOf = (n: number): string => (n <= 0 ? "" : columnOf(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26)));

/**
 * `formula` as Excel reads it `rows` rows down and `cols` columns right of where it is written — how a
 * shared formula's text (ECMA-376 Part 1, §18.3.1.40) applies to each cell pointing at it: relative
 * A1 parts move, `$` parts stay; whole columns (`A:C`) and rows (`3:5`) likewise. Text in double quotes,
 * quoted sheet names and structured references (`T[[#This Row],[A1]]`) are left alone; a sheet-qualified
 * reference (`Sheet1!B2`, `'Q 1'!B2`) moves as an unqualified one. Names and functions that only look like
 * references (`LOG10(`, `SP_W1_X`, `销售A1`, `ZZZ9` past column XFD) are not references. A reference moved off the
 * sheet becomes `#REF!`, as in Excel.
 */
export function shiftFormula(formula: string, rows: number, cols: number): string {
  return rows === 0 && cols === 0 ? formula : formulaShifter(formula)(rows, cols);
}

// One token at a time: a skipped literal, or a reference (cell, whole columns, whole rows) at a word's start
// (a name may hold `\` and `?`: `\X1` is a name, not X1).
const A1_TOKEN =
  /"(?:[^"]|"")*"|'(?:[^']|'')*'|\[(?:[^[\]]|\[[^[\]]*\])*\]|(?<![\p{L}\p{N}_.$\\?])(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![\p{L}\p{N}_(!.\\?])|(?<![\p{L}\p{N}_.$\\?])(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})(?![\p{L}\p{N}_(!.\\?])|(?<![\p{L}\p{N}_.$\\?])(\$?)(\d+):(\$?)(\d+)(?![\p{L}\p{N}_(!.\\?])|[\p{L}\p{N}_.\\?]+/gu;

/**
 * `shiftFormula` for one formula and any offset, its text read once: a column of a long table moves the
 * same formula to every row.
 */
export function formulaShifter(formula: string): (rows: number, cols: number) => string {
  // The text between references, and each reference as a function of the offset.
  const parts: (string | Moved)[] = [];
  let last = 0;
  for (const m of formula.matchAll(A1_TOKEN)) {
    const moved = reference(m);
    if (moved === undefined) continue;
    parts.push(formula.slice(last, m.index), moved);
    last = m.index + m[0].length;
  }
  parts.push(formula.slice(last));
  return (rows, cols) => parts.map((part) => (typeof part === "string" ? part : part(rows, cols))).join("");
}

/**
 * Whether a run of cells may hold `formula` as ONE shared formula (`t="shared"`, ECMA-376 Part 1,
 * §18.3.1.40). Excel keeps a shared formula in its binary form, which may not hold the range, union or
 * intersection operator, an array constant, a 3-D or `#REF!` reference, or an external name ([MS-XLS]
 * 2.5.198.118 SharedParsedFormula); and a shared group with a structured reference or another sheet's cell
 * makes Excel report the file as damaged (a case reported with the Open XML SDK). Read from the text,
 * erring towards "no": outside string literals and error values but `#REF!`, no `[ ] ! ' { }`, no whitespace
 * (the intersection operator; spaces Excel would accept are refused too), no colon but between two references
 * the grid holds (`A1:B2`; `XFE1:XFE2` are names), no comma inside bare parentheses (the union operator), no
 * add-in or user-defined function. A bare table name (`=SUM(T1)`) cannot be told from a defined name here.
 * A formula that fails is written out in every cell instead.
 */
export function shareableFormula(formula: string): boolean {
  // Each reference the grid holds (a cell, whole columns, whole rows) becomes one mark (¤, in no name), each string "".
  let code = "";
  let last = 0;
  for (const m of formula.matchAll(A1_TOKEN)) {
    const literal = m[0].startsWith('"');
    if (!literal && reference(m) === undefined) continue;
    code += formula.slice(last, m.index) + (literal ? '""' : "¤");
    last = m.index + m[0].length;
  }
  code = (code + formula.slice(last))
    .replace(/¤:¤/g, "¤")
    // Error values are constants (PtgErr), except #REF!, which may stand for a reference (PtgRefErr).
    .replace(/#(?:NULL!|DIV\/0!|VALUE!|NAME\?|NUM!|N\/A|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)/gi, "0");
  if (/[[\]!'{}:\s]|_xll\.|_xludf\./i.test(code)) return false;
  // Each open parenthesis: a function's call (a name right before it) or bare grouping.
  const calls: boolean[] = [];
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (ch === "(") calls.push(i > 0 && /[\p{L}\p{N}_.)]/u.test(code[i - 1]));
    else if (ch === ")") calls.pop();
    else if (ch === "," && calls[calls.length - 1] !== true) return false;
  }
  return true;
}

type Moved = (rows: number, cols: number) => string;

const movedRow = (anchor: string, digits: string, rows: number): string | undefined => {
  const r = anchor === "$" ? Number(digits) : Number(digits) + rows;
  return r < 1 || r > MAX_ROW ? undefined : `${anchor}${r}`;
};
const movedCol = (anchor: string, letters: string, cols: number): string | undefined => {
  const c = anchor === "$" ? columnNumber(letters) : columnNumber(letters) + cols;
  return c < 1 || c > MAX_COL ? undefined : `${anchor}${columnOf(c)}`;
};

/** A token of `A1_TOKEN` as a function of the offset: a cell, whole columns or whole rows; undefined for text that never moves. */
function reference(m: RegExpMatchArray): Moved | undefined {
  const [, ca, cl, ra, rd, c1a, c1, c2a, c2, r1a, r1, r2a, r2] = m;
  if (cl !== undefined && rd !== undefined) {
    if (columnNumber(cl) > MAX_COL || Number(rd) > MAX_ROW || Number(rd) < 1) return undefined;
    return (rows, cols) => {
      const c = movedCol(ca, cl, cols);
      const r = movedRow(ra, rd, rows);
      return c === undefined || r === undefined ? "#REF!" : c + r;
    };
  }
  if (c1 !== undefined && c2 !== undefined) {
    if (columnNumber(c1) > MAX_COL || columnNumber(c2) > MAX_COL) return undefined;
    return (_, cols) => {
      const from = movedCol(c1a, c1, cols);
      const to = movedCol(c2a, c2, cols);
      return from === undefined || to === undefined ? "#REF!" : `${from}:${to}`;
    };
  }
  if (r1 !== undefined && r2 !== undefined) {
    return (rows) => {
      const from = movedRow(r1a, r1, rows);
      const to = movedRow(r2a, r2, rows);
      return from === undefined || to === undefined ? "#REF!" : `${from}:${to}`;
    };
  }
  return undefined;
}

/**
 * Every cell of a sheet part by A1 address. Empty cells are self-closing (`<c r="C9" s="12"/>`)
 * and must not open a match.
 *
 * Excel saves a column of equal formulas — a table's calculated column — as a SHARED formula: the
 * first cell holds the text (`<f t="shared" ref="D10:D14" si="0">…</f>`), the others only point at
 * it (`<f t="shared" si="0"/>`); a manager's formula filled down is saved the same way. Each of those
 * cells gets the first cell's text moved by its offset from the first cell (`shiftFormula`), as Excel
 * reads it, so a reader reaches every cell's formula, not only the first's.
 */
export function sheetCells(xml: string, shared: readonly string[]): Map<string, CellXml> {
  const cells = new Map<string, CellXml>();
  const masters = new Map<string, { readonly formula: string; readonly address: string }>();
  const pointers: { address: string; si: string }[] = [];
  for (const [cell] of elements(xml, "c")) {
    const address = attr(cell, "r");
    if (address === undefined) continue;
    const type = attr(cell, "t") ?? "n";
    const inner = innerXml(cell);
    const f = /<f(\s[^>]*?)?(?:\/>|>([\s\S]*?)<\/f>)/.exec(inner);
    const formula = f?.[2] === undefined ? undefined : unescapeXml(f[2]);
    const si = f && attr(`<f${f[1] ?? ""}>`, "t") === "shared" ? attr(`<f${f[1] ?? ""}>`, "si") : undefined;
    if (si !== undefined && formula !== undefined) masters.set(si, { formula, address });
    else if (si !== undefined) pointers.push({ address, si });
    const value = /<v(?:\s[^>]*)?>([\s\S]*?)<\/v>/.exec(inner)?.[1];
    const text =
      type === "inlineStr" ? runText(/<is>([\s\S]*?)<\/is>/.exec(inner)?.[1] ?? "") : value === undefined ? undefined : type === "s" ? (shared[Number(value)] ?? "") : unescapeXml(value);
    const style = attr(cell, "s");
    cells.set(address, { type, ...(formula !== undefined ? { formula } : {}), ...(text !== undefined ? { text } : {}), ...(style !== undefined ? { style: Number(style) } : {}) });
  }
  // Each shared formula's text is read once and moved for each cell pointing at it.
  const movers = new Map<string, (rows: number, cols: number) => string>();
  for (const { address, si } of pointers) {
    const master = masters.get(si);
    const cell = cells.get(address);
    if (master === undefined || cell === undefined) continue;
    const [from, to] = [master.address, address].map((a) => /^([A-Z]+)(\d+)$/.exec(a));
    if (from === null || to === null) continue;
    let move = movers.get(si);
    if (move === undefined) movers.set(si, (move = formulaShifter(master.formula)));
    const formula = move(Number(to[2]) - Number(from[2]), columnNumber(to[1]) - columnNumber(from[1]));
    cells.set(address, { ...cell, formula });
  }
  return cells;
}

/** sheet name → its cells, for every sheet of the package (or those `wanted`). */
export async function workbookCells(pkg: XlsxPackage, wanted?: (sheet: string) => boolean): Promise<Map<string, Map<string, CellXml>>> {
  const shared = await sharedStrings(pkg);
  const book = new Map<string, Map<string, CellXml>>();
  for (const sheet of await pkg.sheets()) {
    if (wanted && !wanted(sheet.name)) continue;
    const xml = sheet.path ? await pkg.text(sheet.path) : undefined;
    book.set(sheet.name, xml === undefined ? new Map() : sheetCells(xml, shared));
  }
  return book;
}

/** Excel's built-in number formats, which a cell format names by id alone (ECMA-376 Part 1, §18.8.30). */
const BUILTIN_FORMATS: Readonly<Record<number, string>> = {
  1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??",
  14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss", 22: "m/d/yy h:mm",
  45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
};

/** The number format code of each cell format (by cellXfs index, a cell's `s`): "General" for none, or a locale's own built-in. */
export async function cellFormatCodes(pkg: XlsxPackage): Promise<string[]> {
  const path = await pkg.workbookPart(REL.styles);
  const xml = path ? ((await pkg.text(path)) ?? "") : "";
  const custom = new Map(elements(xml, "numFmt").map(([e]) => [Number(attr(e, "numFmtId")), unescapeXml(attr(e, "formatCode") ?? "")] as const));
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? "";
  return elements(xfs, "xf").map(([xf]) => {
    const id = Number(attr(xf, "numFmtId") ?? 0);
    return custom.get(id) ?? BUILTIN_FORMATS[id] ?? "General";
  });
}

/** A cell's value as the team layer reads it: the cached result of a formula, text, number, boolean. */
export function cellValue(cell: CellXml | undefined): CellValue {
  if (cell?.text === undefined) return null;
  switch (cell.type) {
    case "s":
    case "str":
    case "inlineStr":
      return cell.text;
    case "b":
      return cell.text === "1";
    case "e":
      return null;
    default:
      return Number(cell.text);
  }
}

/** A workbook-scoped name: where it points (undefined when broken or not a plain range) and, when asked for, its first cell's value. */
export interface NamedValue {
  readonly name: string;
  readonly sheet?: string;
  readonly address?: string;
  readonly value?: CellValue;
}

/**
 * Every workbook-scoped defined name of the package with its sheet, and the value of the first
 * cell of the names `withValue` selects — only those sheets' cells are read.
 */
export async function workbookNames(pkg: XlsxPackage, withValue: (name: string) => boolean): Promise<NamedValue[]> {
  // By name, not searched for each name: a team workbook of 300 reps' plans has 300 sheets and thousands of names (issue 17).
  const sheets = new Set((await pkg.sheets()).map((s) => s.name));
  const located = definedNames(await pkg.workbookXml())
    .filter((n) => n.localSheetId === undefined)
    .map((n) => {
      const at = referenceTarget(n.reference);
      return { name: n.name, sheet: at && sheets.has(at.sheet) ? at.sheet : undefined, address: at?.address };
    });
  const wanted = new Set(located.filter((n) => n.sheet !== undefined && withValue(n.name)).map((n) => n.sheet));
  const cells = wanted.size > 0 ? await workbookCells(pkg, (s) => wanted.has(s)) : new Map<string, Map<string, CellXml>>();
  return located.map(({ name, sheet, address }) => {
    if (sheet === undefined || address === undefined) return { name };
    const book = cells.get(sheet);
    return { name, sheet, address, ...(book ? { value: cellValue(book.get(address.split(":")[0])) } : {}) };
  });
}

/** Names of the tables whose parts `paths` relate to (a sheet's table parts, or all of them). */
export async function tableNames(pkg: XlsxPackage, sheetPath?: string): Promise<string[]> {
  const parts = sheetPath === undefined ? pkg.paths().filter((p) => pkg.types.typeOf(p)?.endsWith(".table+xml")) : (await pkg.targets(sheetPath)).filter((r) => r.type === REL.table).map((r) => r.path);
  const names: string[] = [];
  for (const path of parts) {
    const open = openTags((await pkg.text(path)) ?? "", "table")[0];
    const name = open && attr(open, "name");
    if (name) names.push(name);
  }
  return names;
}

/** A table as its part states it. */
export interface TablePart {
  readonly name: string;
  readonly sheet: string;
  /** The part's `ref`: the whole table, header and totals rows included. */
  readonly range: RangeRef;
  readonly headerRows: number;
  readonly totalsRows: number;
  /** Its columns' names, which structured references use (Excel keeps the header cells equal to them). */
  readonly columns: readonly string[];
  /** The package paths of its own part and of its sheet's. */
  readonly path: string;
  readonly sheetPath: string;
}

/** The tables `wanted` selects by name, with where they are and their columns. */
export async function tableParts(pkg: XlsxPackage, wanted: (name: string) => boolean): Promise<TablePart[]> {
  const found: TablePart[] = [];
  for (const sheet of await pkg.sheets()) {
    if (sheet.path === undefined) continue;
    for (const rel of (await pkg.targets(sheet.path)).filter((r) => r.type === REL.table)) {
      const xml = (await pkg.text(rel.path)) ?? "";
      const open = openTags(xml, "table")[0];
      const name = open && attr(open, "name");
      const ref = open && attr(open, "ref");
      if (!name || !ref || !wanted(name)) continue;
      found.push({
        name,
        sheet: sheet.name,
        range: parseAddress(ref).range,
        headerRows: Number(attr(open, "headerRowCount") ?? 1),
        totalsRows: Number(attr(open, "totalsRowCount") ?? 0),
        columns: openTags(xml, "tableColumn").map((column) => attr(column, "name") ?? ""),
        path: rel.path,
        sheetPath: sheet.path,
      });
    }
  }
  return found;
}
