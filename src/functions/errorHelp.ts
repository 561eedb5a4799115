import type { FunctionId } from "../contract/functionNames";
import type { Bilingual } from "../contract/locale";
import type { ErrorCode } from "../domain/errors";

/**
 * What each SALES function's error codes mean, shown on the Functions page. Excel shows the functions'
 * own messages only on #VALUE! and #N/A (hover the cell's error sign); #NUM! and #DIV/0! reach the cell bare —
 * "A custom error message can't be used" (CustomFunctions.ErrorCode) — so the reasons are listed here,
 * one line per code a function can return (test/functions/localizedErrors.test.ts checks that every
 * code a function returns is listed for it; a function without an entry is a type error).
 */

/** "CN" asked for a year the built-in China calendar does not cover (issue 11: never silently plain weeks). */
const CHINA_YEAR_MISSING: Bilingual = {
  zh: "节假日填了\"CN\"（或\"中国\"），但期间所在的年份没有内置的放假安排（信息中写明是哪一年）：请在节假日中\"CN\"之外填写该年的放假日期，在调休上班日中填写其调休上班日期。",
  en: "holidays is \"CN\" (or \"中国\") but the period falls in a year the built-in holiday schedule does not cover (the message names it): add that year's holidays beside \"CN\" in holidays and its make-up days in workdays.",
};

const VALUE: Bilingual = {
  zh: "参数类型不对（文本、逻辑值、空区域、形状不一致或含错误值的单元格）。Excel 会说明是哪个参数、哪个单元格：把鼠标移到单元格的错误标记上查看。",
  en: "An argument of the wrong kind (text, TRUE/FALSE, an empty range, shapes that differ, a cell holding an error). Excel says which argument and cell: hover over the cell's error sign.",
};

export const FUNCTION_ERROR_HELP: Readonly<Record<FunctionId, Partial<Record<ErrorCode, Bilingual>>>> = {
  ABC: {
    "#VALUE!": VALUE,
    "#NUM!": {
      zh: "有负数或无效的数值；A类占比大于AB类占比，或占比不在 0 到 1 之间；数值合计过大无法精确计算。",
      en: "A negative or non-finite value; a_share above b_share, or a share outside 0…1; values whose total is too large to add exactly.",
    },
  },
  TIER: {
    "#VALUE!": VALUE,
    "#NUM!": { zh: "A类下限小于B类下限，或数值不是有效的数字。", en: "a_min is less than b_min, or a value is not a finite number." },
  },
  NEXTVISIT: {
    "#VALUE!": VALUE,
    "#NUM!": {
      zh: "拜访间隔不是不小于 0 的整数；日期早于 1900-03-01，或下次拜访日期晚于 9999-12-31。",
      en: "An interval that is not a whole number ≥ 0; a date before 1900-03-01, or a next visit after 9999-12-31.",
    },
  },
  SPLIT: {
    "#VALUE!": VALUE,
    "#NUM!": {
      zh: "总目标或权重为负数；单位不大于 0；总目标不是单位的整数倍（如按 0.01 拆分 10.005）；按单位计超过 2^53 份，无法精确拆分。",
      en: "A negative total or weight; unit not above 0; a total that is no whole multiple of unit (10.005 in steps of 0.01); more than 2^53 units, beyond exact arithmetic.",
    },
    "#DIV/0!": { zh: "权重全部为 0 或空白，没有可以按比例拆分的依据。", en: "Every weight is 0 or blank: there is nothing to split by." },
  },
  WORKDAYS: {
    "#VALUE!": VALUE,
    "#NUM!": { zh: "日期早于 1900-03-01 或晚于 9999-12-31。", en: "A date before 1900-03-01 or after 9999-12-31." },
    "#N/A": CHINA_YEAR_MISSING,
  },
  WEEKSPLIT: {
    "#VALUE!": VALUE,
    "#NUM!": {
      zh: "月不是 1 到 12 的整数，年不在 1900 到 9999 之间；该月没有工作日；月目标为负数、单位不大于 0，或月目标不是单位的整数倍。",
      en: "A month that is not a whole number 1–12, a year outside 1900–9999; a month without working days; a negative target, unit not above 0, or a target that is no whole multiple of unit.",
    },
    "#N/A": CHINA_YEAR_MISSING,
  },
  DAYSPLIT: {
    "#VALUE!": VALUE,
    "#NUM!": {
      zh: "开始日期晚于结束日期；期间没有工作日或超过 1048576 个工作日；目标为负数、单位不大于 0，或目标不是单位的整数倍。",
      en: "start after end; no working day in the period, or more than 1 048 576 of them; a negative target, unit not above 0, or a target that is no whole multiple of unit.",
    },
    "#N/A": CHINA_YEAR_MISSING,
  },
  DISCOUNT: {
    "#VALUE!": VALUE,
    "#NUM!": {
      zh: "折扣不大于 0 或超过 1（如 0、120%）；价格为负数；价格或折扣不是有效的数字。",
      en: "A discount not above 0 or above 1 (0, 120%); a negative price; a price or discount that is not a finite number.",
    },
  },
};
