import { fileRefusalText } from "../../writers/xlsx/fileRefusalStrings";
import type { Locale } from "../../contract/locale";
import type { PlanIssue } from "../../team/plans";
import type { BreakdownErrorCode, BreakdownErrorParams } from "../../team/breakdown";
import type { TeamErrorCode, TeamErrorParams } from "../../team/errors";

/**
 * Every string the team layer writes or shows — 团队汇总 (roll-up), 目标分解 (target breakdown),
 * their error messages — in both languages. One interface, one table per locale, so a missing
 * translation is a type error.
 */
export interface TeamStrings {
  readonly summary: {
    readonly sheetName: string;
    readonly title: string;
    readonly note: string;
    readonly chartTitle: string;
    readonly teamTotal: string;
    readonly columns: {
      readonly status: string;
      readonly key: string;
      readonly kind: string;
      readonly rep: string;
      readonly period: string;
      /** Header of a metric's target / actual / 达成率 column, from the metric's label. */
      readonly target: (metric: string) => string;
      readonly actual: (metric: string) => string;
      readonly rate: (metric: string) => string;
      readonly forecast: string;
      readonly expenses: string;
      readonly remarks: string;
    };
    readonly kinds: { readonly weekly: string; readonly monthly: string };
    readonly status: { readonly ok: string; readonly attention: string; readonly duplicate: string };
    readonly issue: (issue: PlanIssue) => string;
    readonly duplicateOf: (keys: readonly string[]) => string;
  };
  readonly breakdown: {
    readonly sheetName: string;
    readonly title: string;
    readonly teamTarget: string;
    readonly period: string;
    readonly monthText: (year: number, month: number) => string;
    readonly yearText: (year: number) => string;
    readonly note: string;
    readonly repsSection: string;
    readonly repColumns: { readonly rep: string; readonly weight: string; readonly share: string; readonly target: string };
    readonly weeksSection: string;
    readonly weekColumns: {
      readonly rep: string;
      readonly month: string;
      readonly week: string;
      readonly from: string;
      readonly to: string;
      readonly workdays: string;
      readonly target: string;
    };
    readonly weekLabel: (n: number) => string;
    readonly productsSection: string;
    readonly productColumns: { readonly category: string; readonly ratio: string; readonly target: string };
    readonly error: (code: BreakdownErrorCode, params: BreakdownErrorParams) => string;
  };
  /** Roll-up and collect failures (`TeamError`). */
  readonly error: (code: TeamErrorCode, params: TeamErrorParams) => string;
}

const list = (items: readonly string[], separator: string): string => items.join(separator);

const zh: TeamStrings = {
  summary: {
    sheetName: "团队汇总",
    title: "团队汇总",
    note: "由“汇总团队计划”生成并刷新：表格中的数据是指向各计划表命名单元格的公式，修改计划表后自动更新；请勿手动修改表格，可在表格下方或右侧添加内容。",
    chartTitle: "销售额达成：实际 vs 目标",
    teamTotal: "团队合计",
    columns: {
      status: "状态",
      key: "标识",
      kind: "类型",
      rep: "销售代表",
      period: "期间",
      target: (m) => `${m}目标`,
      actual: (m) => `${m}实际`,
      rate: (m) => `${m}达成率`,
      forecast: "预估",
      expenses: "费用",
      remarks: "说明",
    },
    kinds: { weekly: "周计划", monthly: "月计划" },
    status: { ok: "正常", attention: "需处理", duplicate: "重复" },
    issue: (issue) => {
      switch (issue.code) {
        case "recordMissing":
          return "模板标识单元格已被删除";
        case "recordUnreadable":
          return `模板标识无法识别（${issue.detail ?? ""}）`;
        case "nameMissing":
          return `命名单元格 ${issue.name} 已被删除`;
        case "nameBroken":
          return `命名单元格 ${issue.name} 已损坏（#REF!）`;
        case "nameElsewhere":
          return `命名单元格 ${issue.name} 指向其他工作表`;
      }
    },
    duplicateOf: (keys) => `与 ${list(keys, "、")} 的销售代表和期间相同`,
  },
  breakdown: {
    sheetName: "目标分解",
    title: "目标分解",
    teamTarget: "团队目标",
    period: "期间",
    monthText: (y, m) => `${y}年${m}月`,
    yearText: (y) => `${y}年`,
    note: "按权重拆分（最大余数法，整数元，合计恰好等于团队目标）；周目标按工作日数拆分（已计入节假日和调休）。本表为计算结果，如需调整请重新分解。",
    repsSection: "按销售代表分解",
    repColumns: { rep: "销售代表", weight: "权重", share: "占比", target: "目标" },
    weeksSection: "按周分解",
    weekColumns: { rep: "销售代表", month: "月份", week: "周次", from: "起", to: "止", workdays: "工作日", target: "目标" },
    weekLabel: (n) => `第${n}周`,
    productsSection: "产品结构",
    productColumns: { category: "产品类别", ratio: "比例", target: "目标" },
    error: (code, p) => {
      switch (code) {
        case "noReps":
          return "请至少填写一名销售代表。";
        case "repBlank":
          return `第 ${p.row} 行缺少销售代表姓名。`;
        case "repDuplicate":
          return `销售代表“${p.rep}”出现了不止一次。`;
        case "weightBlank":
          return `请填写“${p.rep}”（第 ${p.row} 行）的权重。`;
        case "weightNotNumber":
          return `“${p.rep}”（第 ${p.row} 行）的权重“${p.value}”不是数字。`;
        case "weightNegative":
          return `“${p.rep}”（第 ${p.row} 行）的权重不能为负数（${p.value}）。`;
        case "weightsAllZero":
          return "所有权重都是 0，无法分解：请至少给一名销售代表填写大于 0 的权重。";
        case "targetInvalid":
          return `团队目标“${p.value}”无效：请填写不小于 0 的整数金额（元）。`;
        case "ratioInvalid":
          return `产品比例“${p.value}”无效：请填写三个不小于 0 的数字，且不能全为 0（如 2:3:1）。`;
        case "noWorkingDays":
          return `${p.value} 没有工作日，无法按周分解。`;
      }
    },
  },
  error: (code, p) => {
    switch (code) {
      case "summaryChanged":
        return `汇总表“${p.sheet}”的表格列已被修改，无法原地刷新。请删除该工作表（或把表格改名）后重新汇总。`;
      case "insertUnsupported":
        return "当前 Excel 版本不支持导入其他工作簿的工作表（需要 ExcelApi 1.13：Microsoft 365 或网页版 Excel）。请在桌面版 Excel 中用“移动或复制工作表”导入，或使用命令行 sales-planner rollup。";
      case "noPlanSheets":
        return `文件“${p.file}”中没有找到销售计划助手生成的周计划或月计划。`;
      case "unreadableFile":
        return `无法读取文件“${p.file}”：${p.detail ?? ""}`;
      case "refusedFile":
        return p.refusal ? fileRefusalText(p.file ?? "", p.refusal, "zh-CN") : `无法读取文件“${p.file}”。`;
      case "insertFailed":
        return `导入“${p.file}”失败（${p.detail ?? "未知错误"}）。`;
      case "tooManyPlans":
        return `这个工作簿有 ${p.count ?? 0} 份计划，超过了一张团队汇总能链接的数量（汇总表每一列是一个 Excel 公式：CHOOSE 最多 254 份计划，公式最长 8192 个字符：约 165 份计划）。请把较早的计划移到另一个工作簿后再汇总。`;
    }
  },
};

const en: TeamStrings = {
  summary: {
    sheetName: "Team summary",
    title: "Team summary",
    note: "Written and refreshed by “Roll up team plans”: the table's cells are formulas pointing at each plan sheet's named cells, so edits there show up here. Do not edit the table; add your own notes below or beside it.",
    chartTitle: "Sales: actual vs target",
    teamTotal: "Team total",
    columns: {
      status: "Status",
      key: "Key",
      kind: "Type",
      rep: "Rep",
      period: "Period",
      target: (m) => `${m} target`,
      actual: (m) => `${m} actual`,
      rate: (m) => `${m} achieved`,
      forecast: "Forecast",
      expenses: "Expenses",
      remarks: "Remarks",
    },
    kinds: { weekly: "Weekly plan", monthly: "Monthly plan" },
    status: { ok: "OK", attention: "Needs attention", duplicate: "Duplicate" },
    issue: (issue) => {
      switch (issue.code) {
        case "recordMissing":
          return "the template record cell was deleted";
        case "recordUnreadable":
          return `the template record cannot be read (${issue.detail ?? ""})`;
        case "nameMissing":
          return `the named cell ${issue.name} was deleted`;
        case "nameBroken":
          return `the named cell ${issue.name} is broken (#REF!)`;
        case "nameElsewhere":
          return `the named cell ${issue.name} points to another sheet`;
      }
    },
    duplicateOf: (keys) => `same rep and period as ${list(keys, ", ")}`,
  },
  breakdown: {
    sheetName: "Target breakdown",
    title: "Target breakdown",
    teamTarget: "Team target",
    period: "Period",
    monthText: (y, m) => `${y}-${String(m).padStart(2, "0")}`,
    yearText: (y) => String(y),
    note: "Split by weight (largest remainder, whole yuan, parts sum exactly to the team target); weeks by working days (holidays and make-up days honoured). These are computed values: run the breakdown again to change them.",
    repsSection: "By rep",
    repColumns: { rep: "Rep", weight: "Weight", share: "Share", target: "Target" },
    weeksSection: "By week",
    weekColumns: { rep: "Rep", month: "Month", week: "Week", from: "From", to: "To", workdays: "Working days", target: "Target" },
    weekLabel: (n) => `Week ${n}`,
    productsSection: "Product mix",
    productColumns: { category: "Category", ratio: "Ratio", target: "Target" },
    error: (code, p) => {
      switch (code) {
        case "noReps":
          return "List at least one rep.";
        case "repBlank":
          return `Row ${p.row} has no rep name.`;
        case "repDuplicate":
          return `The rep “${p.rep}” is listed more than once.`;
        case "weightBlank":
          return `Enter a weight for “${p.rep}” (row ${p.row}).`;
        case "weightNotNumber":
          return `The weight “${p.value}” of “${p.rep}” (row ${p.row}) is not a number.`;
        case "weightNegative":
          return `The weight of “${p.rep}” (row ${p.row}) cannot be negative (${p.value}).`;
        case "weightsAllZero":
          return "Every weight is 0, so there is nothing to split by: give at least one rep a weight above 0.";
        case "targetInvalid":
          return `The team target “${p.value}” is not valid: enter a whole amount of yuan, 0 or more.`;
        case "ratioInvalid":
          return `The product ratio “${p.value}” is not valid: enter three numbers, 0 or more, not all 0 (e.g. 2:3:1).`;
        case "noWorkingDays":
          return `${p.value} has no working day to split by week.`;
      }
    },
  },
  error: (code, p) => {
    switch (code) {
      case "summaryChanged":
        return `The columns of the summary table on "${p.sheet}" were changed, so it cannot be refreshed in place. Delete that sheet (or rename its table) and roll up again.`;
      case "insertUnsupported":
        return "This version of Excel cannot import sheets from another workbook (it needs ExcelApi 1.13: Microsoft 365 or Excel on the web). Use Move or Copy Sheet in Excel desktop, or the command line sales-planner rollup.";
      case "noPlanSheets":
        return `No weekly or monthly plan made by Sales Planner was found in "${p.file}".`;
      case "unreadableFile":
        return `Cannot read "${p.file}": ${p.detail ?? ""}`;
      case "refusedFile":
        return p.refusal ? fileRefusalText(p.file ?? "", p.refusal, "en-US") : `Cannot read "${p.file}".`;
      case "insertFailed":
        return `Importing "${p.file}" failed (${p.detail ?? "unknown error"}).`;
      case "tooManyPlans":
        return `This workbook holds ${p.count ?? 0} plans, more than one team summary can link (each summary column is one Excel formula: CHOOSE takes at most 254 plans and a formula at most 8,192 characters: about 165 plans). Move older plans to another workbook and roll up again.`;
    }
  },
};

const TABLE: Readonly<Record<Locale, TeamStrings>> = { "zh-CN": zh, "en-US": en };

export const teamStrings = (locale: Locale): TeamStrings => TABLE[locale];
