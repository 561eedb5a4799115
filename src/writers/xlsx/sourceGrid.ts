import { CodedError } from "../../contract/codedError";
import type { Locale } from "../../contract/locale";
import type { CellValue } from "../../spec/sheetSpec";
import type { SourceGrid } from "../../import";
import { checkWorkbookFile, FileRefusedError, type FileRefusal } from "../ooxml/fileCheck";
import { XlsxPackage } from "../ooxml/package";
import { cellFormatCodes, sharedStrings, sheetCells, type CellXml } from "../ooxml/workbook";
import { attr } from "../ooxml/xml";
import { parseCell } from "../../spec/addresses";

/**
 * An .xlsx the user gives as the SOURCE of an import (a CRM export, last year's list), read into a
 * grid of plain values straight from the package (exceljs's reader throws on a table with calculated
 * columns or custom filters — exceljs#1240, #1669 — which every register and many exports have). What a
 * person sees in each cell is what the grid holds: a date as its Excel serial (the number the
 * register's date columns hold), rich text as its plain text, a formula as its cached result, a
 * hyperlink as its text, an error as its text (`#N/A`, for the clean-up to name rather than a silent
 * blank); a merged range's value only in its top-left cell (what Excel stores), so a title row merged
 * over the columns is one cell and the header-row finder sees it as such. Row i of the grid is sheet
 * row i + 1 and column j is column j + 1, so the row numbers the clean-up reports are the ones the user
 * sees; trailing empty rows and columns are dropped.
 */


export type SourceGridErrorCode = FileRefusal["kind"] | "unknownSheet" | "noWorksheet" | "noCachedValue";

export interface SourceGridErrorParams {
  /** The file's name as the user knows it, when the caller passed one. */
  readonly file?: string;
  readonly refusal?: FileRefusal;
  /** unknownSheet: the sheet asked for, and the worksheets there are. */
  readonly sheet?: string;
  readonly sheets?: readonly string[];
  /** noCachedValue: the formula cells without a result. */
  readonly cells?: readonly string[];
}

const THE_SOURCE: Record<Locale, string> = { "zh-CN": "源文件", "en-US": "the source file" };

const list = (sheets: readonly string[] | undefined, locale: Locale): string =>
  (sheets ?? []).map((s) => (locale === "zh-CN" ? `“${s}”` : `"${s}"`)).join(locale === "zh-CN" ? "、" : ", ");

type Worded = "unknownSheet" | "noWorksheet" | "noCachedValue";

const cellsNamed = (p: SourceGridErrorParams, locale: Locale): string => {
  const cells = p.cells ?? [];
  const shown = cells.slice(0, 3).join(locale === "zh-CN" ? "、" : ", ");
  return cells.length > 3 ? (locale === "zh-CN" ? `${shown} 等 ${cells.length} 个单元格` : `${shown} and ${cells.length - 3} more cells`) : shown;
};

const MESSAGES: Record<Locale, Readonly<Record<Worded, (p: SourceGridErrorParams) => string>>> = {
  "zh-CN": {
    noCachedValue: (p) =>
      `${p.file ? `“${p.file}”` : "源文件"}的工作表“${p.sheet}”中,${cellsNamed(p, "zh-CN")}是公式,但文件里没有保存计算结果(由程序生成、从未在 Excel 中计算过)。请在 Excel 或 WPS 中打开该文件并保存后再导入。`,
    unknownSheet: (p) => `${p.file ? `“${p.file}”` : "源文件"}中没有名为“${p.sheet}”的工作表。现有的工作表：${list(p.sheets, "zh-CN")}。`,
    noWorksheet: (p) => `${p.file ? `“${p.file}”` : "源文件"}中没有可读取的工作表。`,
  },
  "en-US": {
    noCachedValue: (p) =>
      `In sheet "${p.sheet}" of ${p.file ? `"${p.file}"` : "the source file"}, ${cellsNamed(p, "en-US")} hold formulas whose results the file does not store (it was made by a program and never calculated). Open it in Excel or WPS, save it, and import again.`,
    unknownSheet: (p) => `${p.file ? `"${p.file}"` : "The source file"} has no sheet named "${p.sheet}". Its sheets: ${list(p.sheets, "en-US")}.`,
    noWorksheet: (p) => `${p.file ? `"${p.file}"` : "The source file"} has no worksheet to read.`,
  },
};

export class SourceGridError extends CodedError<SourceGridErrorCode> {
  constructor(
    code: SourceGridErrorCode,
    readonly params: SourceGridErrorParams,
  ) {
    super(code, (locale) =>
      code === "unknownSheet" || code === "noWorksheet" || code === "noCachedValue"
        ? MESSAGES[locale][code](params)
        : // A refused file reads as every refused workbook does (fileCheck.ts), named as the user knows it.
          new FileRefusedError(params.file ?? THE_SOURCE[locale], params.refusal ?? { kind: "notWorkbook" }).localized(locale),
    );
    this.name = "SourceGridError";
  }
}

/**
 * A number format with date or time parts outside quotes, brackets and escapes (Excel's built-in date
 * formats included, as `cellFormatCodes` spells them): which numbers a 1904-based workbook (old Mac
 * files) must shift by 1 462 days.
 */
const isDateFormat = (code: string): boolean => /[dmyhs]/i.test(code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, ""));
const DAYS_1904 = 1462;

/** The styles (cellXfs indices) whose number format shows a date. */
async function dateStyles(pkg: XlsxPackage): Promise<Set<number>> {
  return new Set((await cellFormatCodes(pkg)).flatMap((code, index) => (isDateFormat(code) ? [index] : [])));
}

/** A stored cell as a person sees it (see the module comment). */
function plainValue(cell: CellXml): CellValue {
  const text = cell.text;
  if (text === undefined) return null;
  switch (cell.type) {
    case "n":
      return text === "" ? null : Number(text);
    case "b":
      return text === "1";
    case "d": {
      // An ISO date (Excel never writes these; other producers may): as the serial Excel would show.
      const time = Date.parse(text);
      return Number.isNaN(time) ? text : time / 86_400_000 + 25_569;
    }
    default:
      // Shared, inline and formula strings, and errors as their text (`#N/A`), for the clean-up to name.
      return text;
  }
}

/** A formula whose result the file does not hold (written by a program, never calculated): its cells, by address. */
const uncalculated = (cells: Map<string, CellXml>): string[] => [...cells].filter(([, cell]) => cell.formula !== undefined && cell.text === undefined).map(([address]) => address);

/**
 * The grid of `sheet` (the first visible worksheet when not given) of the .xlsx `bytes`, with the
 * workbook's worksheet names. `file` names the file in the messages of a refusal or an unknown sheet.
 */
export async function readSourceGrid(bytes: Uint8Array, sheet?: string, file?: string): Promise<{ grid: SourceGrid; sheet: string; sheets: string[] }> {
  const named = file !== undefined ? { file } : {};
  const refusal = await checkWorkbookFile(bytes);
  if (refusal !== undefined) throw new SourceGridError(refusal.kind, { ...named, refusal });
  const pkg = await XlsxPackage.load(bytes).catch(() => {
    throw new SourceGridError("notWorkbook", { ...named, refusal: { kind: "notWorkbook" } });
  });
  const entries = (await pkg.sheets()).filter((entry) => entry.path !== undefined && /worksheet/.test(pkg.types.typeOf(entry.path) ?? "worksheet"));
  const sheets = entries.map((entry) => entry.name);
  const found =
    sheet === undefined
      ? (entries.find((entry) => (attr(entry.element, "state") ?? "visible") === "visible") ?? entries[0])
      : (entries.find((entry) => entry.name === sheet) ?? entries.find((entry) => entry.name.toLowerCase() === sheet.toLowerCase()));
  if (found?.path === undefined) {
    if (sheet === undefined) throw new SourceGridError("noWorksheet", named);
    throw new SourceGridError("unknownSheet", { ...named, sheet, sheets });
  }
  const cells = sheetCells((await pkg.text(found.path)) ?? "", await sharedStrings(pkg));
  const missing = uncalculated(cells);
  if (missing.length > 0) throw new SourceGridError("noCachedValue", { ...named, sheet: found.name, cells: missing });
  const date1904 = /<workbookPr\b[^>]*\bdate1904="(1|true)"/.test(await pkg.workbookXml());
  const dates = date1904 ? await dateStyles(pkg) : new Set<number>();
  const rows: CellValue[][] = [];
  let width = 0;
  for (const [address, cell] of cells) {
    let value = plainValue(cell);
    if (value === null || value === "") continue;
    if (typeof value === "number" && dates.has(cell.style ?? 0)) value += DAYS_1904;
    const { row, col } = parseCell(address);
    (rows[row] ??= [])[col] = value;
    width = Math.max(width, col + 1);
  }
  const grid = Array.from(rows, (cellsOf) => Array.from({ length: width }, (_, j) => cellsOf?.[j] ?? null));
  return { grid, sheet: found.name, sheets };
}
