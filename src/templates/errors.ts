import { CodedError } from "../contract/codedError";
import type { Locale } from "../contract/locale";
import { a1 } from "../spec/a1";
import { formulaFits, MAX_FORMULA_LENGTH } from "../spec/formula";
import type { SheetSpec } from "../spec/sheetSpec";

/** What stops a template being built from what the workbook holds. */
export type TemplateErrorCode =
  /** A formula would pass Excel's length limit: it quotes names the workbook gave (headers, tables). */
  "formulaTooLong";

export interface TemplateErrorParams {
  readonly sheet: string;
  /** The table column whose formula is too long (its header), or else the cell (`B12`). */
  readonly place: { readonly column: string } | { readonly cell: string };
  /** Its length, "=" included. */
  readonly length: number;
}

const MESSAGES: Readonly<Record<Locale, Record<TemplateErrorCode, (p: TemplateErrorParams) => string>>> = {
  "zh-CN": {
    formulaTooLong: (p) =>
      `工作表“${p.sheet}”中${"column" in p.place ? `“${p.place.column}”列` : `单元格 ${p.place.cell} `}的公式将有 ${p.length} 个字符，超过 Excel 的上限 ${MAX_FORMULA_LENGTH} 个字符。公式中引用了本工作簿的表格名称和列标题（例如改过名的“节假日”表列标题）：请把过长的名称改短后再试。`,
  },
  "en-US": {
    formulaTooLong: (p) =>
      `The formula of ${"column" in p.place ? `column "${p.place.column}"` : `cell ${p.place.cell}`} on sheet "${p.sheet}" would be ${p.length} characters long, over Excel's limit of ${MAX_FORMULA_LENGTH}. It quotes table names and column headers from this workbook (such as renamed headers of a holiday table): shorten the long ones and try again.`,
  },
};

export class TemplateError extends CodedError<TemplateErrorCode> {
  constructor(
    code: TemplateErrorCode,
    readonly params: TemplateErrorParams,
  ) {
    super(code, (locale) => MESSAGES[locale][code](params));
    this.name = "TemplateError";
  }
}

/**
 * Refuses a sheet with a formula Excel would not take — Office.js rejects it, and a file holding it opens
 * with a repair prompt — before anything is written. A template's own words keep well inside the limit
 * (the longest, the annual plan's months under 大小周, is about 7 500 characters); what can push one over is
 * what the workbook names: the headers a user gave a 节假日 table or a register, each quoted many times.
 * The structured form is measured, which is at least as long as what either writer writes.
 */
export function assertFormulasFit(sheet: SheetSpec): void {
  const tooLong = (formula: string | undefined): boolean => formula !== undefined && !formulaFits(formula);
  for (const table of sheet.tables) {
    const column = table.columns.find((c) => tooLong(c.formula));
    if (column) throw new TemplateError("formulaTooLong", { sheet: sheet.name, place: { column: column.header }, length: (column.formula ?? "").length + 1 });
  }
  const cell = sheet.cells.find((c) => tooLong(c.formula));
  if (cell) throw new TemplateError("formulaTooLong", { sheet: sheet.name, place: { cell: a1(cell.at) }, length: (cell.formula ?? "").length + 1 });
}
