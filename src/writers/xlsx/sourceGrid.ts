import ExcelJS from "exceljs";
import { CodedError } from "../../contract/codedError";
import type { Locale } from "../../contract/locale";
import type { CellValue } from "../../spec/sheetSpec";
import type { SourceGrid } from "../../import";
import { checkWorkbookFile, FileRefusedError, type FileRefusal } from "../ooxml/fileCheck";

/**
 * An .xlsx the user gives as the SOURCE of an import (a CRM export, last year's list), read into a
 * grid of plain values: read only, so exceljs's model is fine here (nothing is written back). What a
 * person sees in each cell is what the grid holds: a date as its Excel serial (the number the
 * register's date columns hold), rich text as its plain text, a formula as its cached result, a
 * hyperlink as its text, an error as its text (`#N/A`, for the clean-up to name rather than a silent
 * blank); a merged range's value only in its top-left cell (what Excel stores), so a title row merged
 * over the columns is one cell and the header-row finder sees it as such. Row i of the grid is sheet
 * row i + 1 and column j is column j + 1, so the row numbers the clean-up reports are the ones the user
 * sees; trailing empty rows and columns are dropped.
 */


export type SourceGridErrorCode = FileRefusal["kind"] | "unknownSheet" | "noWorksheet";

export interface SourceGridErrorParams {
  /** The file's name as the user knows it, when the caller passed one. */
  readonly file?: string;
  readonly refusal?: FileRefusal;
  /** unknownSheet: the sheet asked for, and the worksheets there are. */
  readonly sheet?: string;
  readonly sheets?: readonly string[];
}

const THE_SOURCE: Record<Locale, string> = { "zh-CN": "源文件", "en-US": "the source file" };

const list = (sheets: readonly string[] | undefined, locale: Locale): string =>
  (sheets ?? []).map((s) => (locale === "zh-CN" ? `“${s}”` : `"${s}"`)).join(locale === "zh-CN" ? "、" : ", ");

const MESSAGES: Record<Locale, { readonly unknownSheet: (p: SourceGridErrorParams) => string; readonly noWorksheet: (p: SourceGridErrorParams) => string }> = {
  "zh-CN": {
    unknownSheet: (p) => `${p.file ? `“${p.file}”` : "源文件"}中没有名为“${p.sheet}”的工作表。现有的工作表：${list(p.sheets, "zh-CN")}。`,
    noWorksheet: (p) => `${p.file ? `“${p.file}”` : "源文件"}中没有可读取的工作表。`,
  },
  "en-US": {
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
      code === "unknownSheet" || code === "noWorksheet"
        ? MESSAGES[locale][code](params)
        : // A refused file reads as every refused workbook does (fileCheck.ts), named as the user knows it.
          new FileRefusedError(params.file ?? THE_SOURCE[locale], params.refusal ?? { kind: "notWorkbook" }).localized(locale),
    );
    this.name = "SourceGridError";
  }
}

/** Days from Excel's 1900 epoch (as its serials count them, past 1900-02-28) to 1970-01-01. */
const UNIX_EPOCH_SERIAL = 25_569;
const MS_PER_DAY = 86_400_000;

/** exceljs hands dates back as UTC instants of the serial (1904 workbooks already converted), so this is exact. */
const serialOf = (date: Date): number => date.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL;

const plainText = (rich: ExcelJS.CellRichTextValue): string => rich.richText.map((run) => run.text).join("");

/** A cell value as a person sees it (see the module comment). */
function plainValue(value: ExcelJS.CellValue | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return serialOf(value);
  if ("richText" in value) return plainText(value);
  if ("error" in value) return value.error;
  if ("hyperlink" in value) return typeof value.text === "string" ? value.text : plainValue(value.text as ExcelJS.CellValue);
  if ("formula" in value || "sharedFormula" in value) return plainValue((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  return null;
}

/**
 * The grid of `sheet` (the first visible worksheet when not given) of the .xlsx `bytes`, with the
 * workbook's worksheet names. `file` names the file in the messages of a refusal or an unknown sheet.
 */
export async function readSourceGrid(bytes: Uint8Array, sheet?: string, file?: string): Promise<{ grid: SourceGrid; sheet: string; sheets: string[] }> {
  const refusal = await checkWorkbookFile(bytes);
  if (refusal !== undefined) throw new SourceGridError(refusal.kind, { ...(file !== undefined ? { file } : {}), refusal });
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new SourceGridError("notWorkbook", { ...(file !== undefined ? { file } : {}), refusal: { kind: "notWorkbook" } });
  }
  const sheets = wb.worksheets.map((ws) => ws.name);
  const ws =
    sheet === undefined
      ? (wb.worksheets.find((w) => w.state === "visible") ?? wb.worksheets[0])
      : (wb.worksheets.find((w) => w.name === sheet) ?? wb.worksheets.find((w) => w.name.toLowerCase() === sheet.toLowerCase()));
  if (ws === undefined) {
    if (sheet === undefined) throw new SourceGridError("noWorksheet", { ...(file !== undefined ? { file } : {}) });
    throw new SourceGridError("unknownSheet", { ...(file !== undefined ? { file } : {}), sheet, sheets });
  }
  const rows: CellValue[][] = [];
  let width = 0;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      // A merged range's other cells repeat its value in exceljs's model; Excel stores it once.
      const value = cell.type === ExcelJS.ValueType.Merge ? null : plainValue(cell.value);
      if (value === null || value === "") return;
      cells[col - 1] = value;
    });
    if (cells.length === 0) return;
    rows[rowNumber - 1] = cells;
    width = Math.max(width, cells.length);
  });
  const grid = Array.from(rows, (cells) => Array.from({ length: width }, (_, j) => cells?.[j] ?? null));
  return { grid, sheet: ws.name, sheets };
}
