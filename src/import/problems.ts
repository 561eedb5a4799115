import { CodedError } from "../contract/codedError";
import { localize, type Bilingual, type Locale } from "../contract/locale";
import { excerpt } from "../contract/excerpt";

/** Why a source cell was not imported (its row is, with the cell left blank). */
export type ProblemCode =
  | "notDate"
  | "notNumber"
  | "negative"
  | "notWhole"
  | "notPhone"
  | "notInList"
  | "unknownCustomer"
  | "ambiguousCustomer"
  | "totalsRow"
  | "missingKey";

export interface CellProblem {
  /** 1-based row number in the source, as the user sees it. */
  readonly row: number;
  /** The source column's header. */
  readonly column: string;
  readonly value: string;
  readonly code: ProblemCode;
}

const PROBLEMS: Readonly<Record<ProblemCode, Bilingual>> = {
  notDate: {
    zh: "不是可识别的日期,请写成 2026-11-28 或 2026年11月28日",
    en: "not a date it can read; write it as 2026-11-28 or 11/28/2026",
  },
  notNumber: { zh: "不是数字,请只填金额或数量(可带 ¥、元、万)", en: "not a number; give only the amount or quantity (¥, 元 and 万 are understood)" },
  negative: { zh: "此列不能为负数,退货、冲销请按登记表的类型另记一行", en: "this column takes no negative values; record a return or reversal as its own row of that type" },
  notWhole: { zh: "此列只填整数", en: "this column takes whole numbers only" },
  notPhone: {
    zh: "不是可识别的电话号码,请写成 13812345678 或 010-12345678(多个号码用 / 分隔)",
    en: "not a phone number it can read; write it as 13812345678 or 010-12345678 (several separated by /)",
  },
  notInList: { zh: "不在此列的下拉选项中,请改为其中之一或导入后在表中选择", en: "not one of the column's drop-down values; change it to one of them, or pick one in the register after the import" },
  unknownCustomer: {
    zh: "客户资源登记表中没有这个客户名称,这一行未导入;请先登记该客户或填写客户编号,再导入这一行",
    en: "no customer of this name in the customer register, so the row was not imported; register the customer or give its customer ID, then import the row again",
  },
  missingKey: {
    zh: "这一行没有填写这一列,登记表要靠它识别每一行,所以这一行未导入;补上后再导入这一行",
    en: "this row leaves this column empty and the register finds each row by it, so the row was not imported; fill it in and import the row again",
  },
  totalsRow: {
    zh: "这一行看起来是合计行,整行未导入;若它确是一条记录,请改掉这个单元格后重新导入这一行",
    en: "this row looks like a totals row and was not imported; if it is a record, change this cell and import the row again",
  },
  ambiguousCustomer: {
    zh: "客户资源登记表中有多个客户与此名称相同,这一行未导入;请填写客户编号后再导入这一行",
    en: "several customers in the register have this name, so the row was not imported; give the customer ID and import the row again",
  },
};

/** The reason a cell was left blank, in the user's language: what is wrong and what to do. */
export function problemText(problem: CellProblem, locale: Locale): string {
  const what = localize(PROBLEMS[problem.code], locale);
  return locale === "zh-CN"
    ? `第 ${problem.row} 行「${excerpt(problem.column)}」的“${excerpt(problem.value)}”：${what}。`
    : `Row ${problem.row}, "${excerpt(problem.column)}", "${excerpt(problem.value)}": ${what}.`;
}

export type ImportErrorCode = "unknownSource" | "unknownTarget" | "duplicateTarget";

/**
 * A mapping the user asked for names a column that does not exist (the words list the ones that do), or
 * gives one target to two source columns (`choices` are those two).
 */
export class ImportError extends CodedError<ImportErrorCode> {
  constructor(code: ImportErrorCode, typed: string, columns: readonly string[]) {
    const name = excerpt(typed);
    const choices = columns.map((column) => excerpt(column));
    const list = choices.join(", ");
    const words: Record<ImportErrorCode, Bilingual> = {
      unknownSource: {
        zh: `源文件中没有“${name}”这一列。可用的列:${list}`,
        en: `The source has no column "${name}". Its columns: ${list}`,
      },
      unknownTarget: {
        zh: `登记表中没有“${name}”这一列(公式列不能导入)。可导入的列:${list};留空表示不导入。`,
        en: `The register has no column "${name}" to import into (calculated columns take no imports). Columns: ${list}; leave it empty not to import.`,
      },
      duplicateTarget: {
        zh: `“${choices[0]}”和“${choices[1]}”都映射到了“${name}”,一列只能从一个源列导入。请只保留其中一个映射。`,
        en: `Both "${choices[0]}" and "${choices[1]}" are mapped onto "${name}"; a column is imported from one source column only. Keep one of the two mappings.`,
      },
    };
    super(code, (locale) => localize(words[code], locale));
    this.name = "ImportError";
  }
}
