import { WordedError } from "../../contract/codedError";
import type { Locale } from "../../contract/locale";

/**
 * The Office writer's failures as a code plus parameters, so the task pane can branch on the code
 * and show `localized(locale)` — the two languages live here, next to the codes.
 */

export type OfficeWriteErrorCode =
  /** Inserting into the active sheet would cover cells that already hold something. */
  | "targetNotEmpty"
  /** This Excel cannot tell whether the target area holds merged cells (ExcelApi 1.13 missing). */
  | "targetUncheckable"
  /** A name the builder chose is already taken (the workbook changed between load and write). */
  | "nameTaken"
  /** Excel rejected the write; everything this write had created was removed again. */
  | "writeFailed"
  /** Excel rejected the write and removing the half-written parts failed too. */
  | "cleanupFailed"
  /** Excel rejected refreshing a sheet the add-in made earlier, and putting it back failed too. */
  | "restoreFailed"
  /** An import source (the selection, a sheet, a table) holds no value. */
  | "sourceEmpty"
  /** The sheet or table named as an import source, or the register to append to, is not in the workbook. */
  | "sourceNotFound"
  /** Rows to append name a column the register's table does not have. */
  | "unknownColumn"
  /** The register's table would have to grow over cells below it that hold something. */
  | "belowNotEmpty"
  /** A row to merge into is not one of the table's data rows. */
  | "rowNotFound";

/** What is in the way of writing into the active sheet, in the order it is reported. */
export type OccupiedBy = "values" | "table" | "mergedCells" | "formats" | "validation" | "conditionalFormats";

export interface OfficeWriteErrorParams {
  /** targetNotEmpty: where the template would be written, e.g. `'Sheet1'!A1:J40`. */
  readonly target?: string;
  /** targetNotEmpty: the occupied part of the target. */
  readonly occupied?: string;
  /** targetNotEmpty: what occupies it (values when not given). */
  readonly occupiedBy?: OccupiedBy;
  /** nameTaken: the clashing sheet, table or defined name. */
  readonly name?: string;
  /** writeFailed / cleanupFailed: Excel's error code, e.g. `InvalidArgument`. */
  readonly excelCode?: string;
  /** cleanupFailed: sheets and names that may have been left behind. */
  readonly leftovers?: readonly string[];
  /** unknownColumn / belowNotEmpty / rowNotFound: the register's table. */
  readonly table?: string;
  /** rowNotFound: the 1-based data row of the table. */
  readonly row?: number;
}

export class OfficeWriteError extends WordedError<OfficeWriteErrorCode, OfficeWriteErrorParams> {
  constructor(code: OfficeWriteErrorCode, params: OfficeWriteErrorParams = {}, cause?: unknown) {
    super(code, params, MESSAGES, cause);
    this.name = "OfficeWriteError";
  }
}

type Messages = Record<OfficeWriteErrorCode, (p: OfficeWriteErrorParams) => string>;

const OCCUPIED_BY: Record<Locale, Record<OccupiedBy, string>> = {
  "zh-CN": {
    values: "已有内容",
    table: "属于一个表格",
    mergedCells: "有合并单元格",
    formats: "已设置格式（填充、字体、边框或数字格式）",
    validation: "设有数据验证",
    conditionalFormats: "设有条件格式",
  },
  "en-US": {
    values: "is not empty",
    table: "belongs to a table",
    mergedCells: "has merged cells",
    formats: "is formatted (fill, font, borders or number format)",
    validation: "has data validation",
    conditionalFormats: "has conditional formatting",
  },
};

const MESSAGES: Record<Locale, Messages> = {
  "zh-CN": {
    targetNotEmpty: (p) =>
      `模板将写入 ${p.target}，但 ${p.occupied} ${OCCUPIED_BY["zh-CN"][p.occupiedBy ?? "values"]}。请选择空白工作表，或改为新建工作表。`,
    targetUncheckable: (p) =>
      `此版本的 Excel 无法检查 ${p.target} 是否有合并单元格（需要 ExcelApi 1.13），为免改动你的内容，不写入当前工作表。请改为写入新工作表，或更新 Excel。`,
    nameTaken: (p) => `名称“${p.name}”已被占用（工作簿刚被修改过）。请重试。`,
    writeFailed: (p) => `Excel 拒绝了写入（${p.excelCode ?? "未知错误"}）。本次创建的内容已全部撤销，工作簿保持原样。`,
    cleanupFailed: (p) =>
      `Excel 拒绝了写入（${p.excelCode ?? "未知错误"}），且未能撤销已写入的部分：${(p.leftovers ?? []).join("、")}。请手动删除。`,
    sourceEmpty: (p) => `${p.target} 没有任何数据，无法导入。请选择有数据的区域、工作表或表格。`,
    sourceNotFound: (p) => `工作簿中没有名为“${p.name}”的工作表或表格。`,
    unknownColumn: (p) => `表格 ${p.table} 没有“${p.name}”列（列名可能被改过）。请重新选择对应的列。`,
    belowNotEmpty: (p) =>
      `表格 ${p.table} 需要向下扩展到 ${p.target}，但 ${p.occupied} 已有内容。为免覆盖或挪动这些内容，未导入任何行。请先移走表格下方的内容。`,
    rowNotFound: (p) => `表格 ${p.table} 没有第 ${p.row} 行数据，无法合并到该行。`,
    restoreFailed: (p) =>
      `Excel 拒绝了刷新（${p.excelCode ?? "未知错误"}），且未能恢复原样：${(p.leftovers ?? []).join("、")} 的表格可能只更新了一部分。请再次运行同一操作，它会重新生成该表格；表格旁边和下方你添加的内容不会被删除。`,
  },
  "en-US": {
    targetNotEmpty: (p) =>
      `The template would be written to ${p.target}, but ${p.occupied} ${OCCUPIED_BY["en-US"][p.occupiedBy ?? "values"]}. Choose an empty sheet or write to a new sheet.`,
    targetUncheckable: (p) =>
      `This Excel cannot check ${p.target} for merged cells (it needs ExcelApi 1.13), so nothing is written into the current sheet, to leave your content untouched. Write to a new sheet instead, or update Excel.`,
    nameTaken: (p) => `The name "${p.name}" is already taken (the workbook just changed). Please try again.`,
    writeFailed: (p) =>
      `Excel rejected the write (${p.excelCode ?? "unknown error"}). Everything it had created was removed; the workbook is unchanged.`,
    cleanupFailed: (p) =>
      `Excel rejected the write (${p.excelCode ?? "unknown error"}) and the partly written parts could not be removed: ${(p.leftovers ?? []).join(", ")}. Please delete them by hand.`,
    sourceEmpty: (p) => `${p.target} holds no data to import. Choose a range, sheet or table with data.`,
    sourceNotFound: (p) => `The workbook has no sheet or table named "${p.name}".`,
    unknownColumn: (p) => `The table ${p.table} has no column "${p.name}" (it may have been renamed). Map that column again.`,
    belowNotEmpty: (p) =>
      `The table ${p.table} would have to grow into ${p.target}, but ${p.occupied} is not empty. Nothing was imported, so that content is neither overwritten nor moved; move it away from below the table first.`,
    rowNotFound: (p) => `The table ${p.table} has no data row ${p.row} to merge into.`,
    restoreFailed: (p) =>
      `Excel rejected the refresh (${p.excelCode ?? "unknown error"}) and it could not be undone: the table on ${(p.leftovers ?? []).join(", ")} may be partly updated. Run the same action again to rebuild it; what you added beside or below the table is kept.`,
  },
};

/** Excel's error code (`OfficeExtension.Error.code`, e.g. `InvalidArgument`) of a failed sync, if it has one. */
export const excelCode = (error: unknown): string | undefined =>
  typeof error === "object" && error !== null && "code" in error ? String((error as { code: unknown }).code) : undefined;
