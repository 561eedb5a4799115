import { type CodeWords, WordedError } from "../contract/codedError";
import { a1 } from "../spec/a1";
import { formulaFits, formulaLength, MAX_FORMULA_LENGTH } from "../spec/formula";
import type { SheetSpec } from "../spec/sheetSpec";

/** What stops a template being built from what the workbook holds. */
export type TemplateErrorCode =
  /** A formula would pass Excel's length limit: it quotes column headers the workbook's tables were given. */
  "formulaTooLong";

export interface TemplateErrorParams {
  readonly sheet: string;
  /** The table column whose formula is too long (its header), or else the cell (`B12`). */
  readonly place: { readonly column: string } | { readonly cell: string };
  /** Its length, "=" included, as the structured form measures it: what a writer writes is at most this long. */
  readonly length: number;
}

const MESSAGES: CodeWords<TemplateErrorCode, TemplateErrorParams> = {
  "zh-CN": {
    formulaTooLong: (p) =>
      `工作表“${p.sheet}”中${"column" in p.place ? `“${p.place.column}”列` : `单元格 ${p.place.cell} `}的公式最长可达 ${p.length} 个字符，超过 Excel 的上限 ${MAX_FORMULA_LENGTH} 个字符。这个公式引用了本工作簿中表格的列标题（例如改过名的“节假日”表或客户资源登记表的列标题）：请把过长的列标题改短后再试。`,
  },
  "en-US": {
    formulaTooLong: (p) =>
      `The formula of ${"column" in p.place ? `column "${p.place.column}"` : `cell ${p.place.cell}`} on sheet "${p.sheet}" would be up to ${p.length} characters long, over Excel's limit of ${MAX_FORMULA_LENGTH}. It quotes column headers of tables in this workbook (such as renamed headers of a holiday table or of the customer register): shorten the long headers and try again.`,
  },
};

export class TemplateError extends WordedError<TemplateErrorCode, TemplateErrorParams> {
  constructor(code: TemplateErrorCode, params: TemplateErrorParams) {
    super(code, params, MESSAGES);
    this.name = "TemplateError";
  }
}

/**
 * Refuses a sheet with a formula Excel would not take — Office.js rejects it, and a file holding it opens
 * with a repair prompt — before anything is written. A template's own words keep inside the limit (the
 * longest, the annual plan's months under 大小周 in English, is about 7 500 characters); what can push one
 * over is what the workbook named: the headers a user gave a 节假日 table or a register, each quoted many
 * times (a week's working days quote the make-up column twenty times). The structured form is measured,
 * at least as long as what either writer writes, so one rule holds for both.
 */
export function assertFormulasFit(sheet: SheetSpec): void {
  const refuse = (place: TemplateErrorParams["place"], formula: string): never => {
    throw new TemplateError("formulaTooLong", { sheet: sheet.name, place, length: formulaLength(formula) });
  };
  for (const table of sheet.tables)
    for (const column of table.columns)
      for (const formula of [column.formula, column.totals?.kind === "formula" ? column.totals.formula : undefined])
        if (formula !== undefined && !formulaFits(formula)) refuse({ column: column.header }, formula);
  for (const cell of sheet.cells) if (cell.formula !== undefined && !formulaFits(cell.formula)) refuse({ cell: a1(cell.at) }, cell.formula);
}
