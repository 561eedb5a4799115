import { type CodeWords, WordedError } from "../contract/codedError";
import type { Locale } from "../contract/locale";

/**
 * Failures of the roll-up and of collecting reps' workbooks, as a code plus parameters: the pane
 * and the command line branch on the code and show `localized(locale)` — the two languages live
 * here, next to the codes. A file refused before it is opened is the file check's own error
 * (`FileRefusedError`, writers/ooxml/fileCheck.ts).
 */
export type TeamErrorCode =
  /** The existing summary table no longer has the columns the roll-up writes. */
  | "summaryChanged"
  /** The 团队历史 log table no longer has the columns a recording writes. */
  | "historyChanged"
  /** A rep's file holds no plan sheet the add-in wrote. */
  | "noPlanSheets"
  /** A rep's file is not a readable .xlsx workbook. */
  | "unreadableFile"
  /** Excel rejected inserting a rep's sheets. */
  | "insertFailed"
  /** More plans than one summary table's formulas can link (CHOOSE's 254 choices, 8,192 characters). */
  | "tooManyPlans"
  /** The 项目进度 block's formulas, which list every rep by name, would pass 8,192 characters. */
  | "repNamesTooLong"
  /** Offline: cells the manager typed on the summary sheet lie where the rebuilt summary writes (`detail`: their addresses). */
  | "summaryNotesInTheWay"
  /** Offline: formulas typed in the 周工作会记录 table, which the rebuild writes again as values (`detail`: their addresses). */
  | "meetingFormulas"
  /** Offline: what the manager added on the summary sheet beyond cells, which the rebuild would drop (`extras`). */
  | "summaryExtras"
  /** Cells the manager typed beside the 团队历史 pivot lie where it grows (`detail`: their addresses). */
  | "historyNotesInTheWay"
  /** Offline: something below the 团队历史 log where its new rows go (`detail`: the cell or range). */
  | "historyContentBelow";

/** What a summary sheet can hold beyond cells (`summaryExtras`). */
export type SummaryExtra = "comments" | "merges" | "tables" | "drawings" | "validations" | "conditionalFormats";

const EXTRA_WORDS: Readonly<Record<Locale, Record<SummaryExtra, string>>> = {
  "zh-CN": { comments: "批注", merges: "合并单元格", tables: "自建的表格", drawings: "图片、形状或自建的图表", validations: "数据验证", conditionalFormats: "条件格式" },
  "en-US": { comments: "comments", merges: "merged cells", tables: "tables of your own", drawings: "pictures, shapes or charts of your own", validations: "data validation", conditionalFormats: "conditional formatting" },
};

export interface TeamErrorParams {
  readonly sheet?: string;
  readonly file?: string;
  readonly detail?: string;
  /** How many plans the workbook holds (`tooManyPlans`), or reps the block lists (`repNamesTooLong`). */
  readonly count?: number;
  readonly extras?: readonly SummaryExtra[];
}

export class TeamError extends WordedError<TeamErrorCode, TeamErrorParams> {
  constructor(code: TeamErrorCode, params: TeamErrorParams = {}, cause?: unknown) {
    super(code, params, MESSAGES, cause);
    this.name = "TeamError";
  }
}

const MESSAGES: CodeWords<TeamErrorCode, TeamErrorParams> = {
  "zh-CN": {
    summaryChanged: (p) => `汇总表“${p.sheet}”的表格列已被修改，无法原地刷新。请删除该工作表（或把表格改名）后重新汇总。`,
    historyChanged: (p) => `团队历史表“${p.sheet}”的表格列已被修改，无法追加记录。请恢复表格的列（或把该表格改名，以新建一份团队历史）后重新汇总。`,
    noPlanSheets: (p) => `文件“${p.file}”中没有找到销售计划助手生成的周计划或月计划。`,
    unreadableFile: (p) => `无法读取文件“${p.file}”：${p.detail ?? ""}`,
    insertFailed: (p) => `导入“${p.file}”失败（${p.detail ?? "未知错误"}）。`,
    tooManyPlans: (p) =>
      `这个工作簿有 ${p.count ?? 0} 份计划，超过了一张团队汇总能链接的数量（汇总表每一列是一个 Excel 公式：CHOOSE 最多 254 份计划，公式最长 8192 个字符：约 158 份计划）。请把较早的计划移到另一个工作簿后再汇总。`,
    summaryNotesInTheWay: (p) =>
      `汇总表“${p.sheet}”上的单元格 ${p.detail ?? ""} 有内容，而重新汇总要在那里写入汇总表格。为了不覆盖这些内容，本次没有汇总：请把它们移到表格的下方或右侧（或删除）后重新汇总。`,
    meetingFormulas: (p) =>
      `汇总表“${p.sheet}”的周工作会记录表格中，单元格 ${p.detail ?? ""} 是公式；离线重新汇总只能把会议记录作为值写回，公式会变成它的计算结果。为了不丢失这些公式，本次没有汇总：请在 Excel 中用任务窗格汇总（汇总表会原地刷新），或把这些公式改为值（或移到表格外）后重新汇总。`,
    summaryExtras: (p) =>
      `汇总表“${p.sheet}”上有${(p.extras ?? []).map((e) => EXTRA_WORDS["zh-CN"][e]).join("、")}，不是销售计划助手生成的；离线汇总会重建这张工作表，它们会丢失。为了不丢失它们，本次没有汇总：请在 Excel 中用任务窗格汇总（汇总表会原地刷新，这些内容都保留），或把它们移到另一张工作表后重新汇总。`,
    historyNotesInTheWay: (p) =>
      `团队历史表“${p.sheet}”上的单元格 ${p.detail ?? ""} 有内容，而这次记录后达成率透视表和图表要扩展到那里。为了不覆盖这些内容，本次没有记录团队历史：请把它们移到别处（或删除）后重新汇总。`,
    historyContentBelow: (p) =>
      `团队历史表“${p.sheet}”在记录表格下方的 ${p.detail ?? ""} 处有内容，这次记录新增的行会覆盖它。为了不覆盖这些内容，本次没有记录团队历史：请把表格下方的内容移到别处（或删除）后重新汇总。`,
    repNamesTooLong: (p) =>
      `项目进度的公式要逐一列出本汇总 ${p.count ?? 0} 名销售代表的姓名，这些姓名合起来使公式超过 Excel 的 8192 个字符上限。请缩短过长的销售代表姓名（计划表上的“销售代表”），或把部分计划移到另一个工作簿后再汇总。`,
  },
  "en-US": {
    summaryChanged: (p) =>
      `The columns of the summary table on "${p.sheet}" were changed, so it cannot be refreshed in place. Delete that sheet (or rename its table) and roll up again.`,
    historyChanged: (p) =>
      `The columns of the team history table on "${p.sheet}" were changed, so no snapshot can be added to it. Put the columns back (or rename that sheet's table to start a new history), then roll up again.`,
    noPlanSheets: (p) => `No weekly or monthly plan made by Sales Planner was found in "${p.file}".`,
    unreadableFile: (p) => `Cannot read "${p.file}": ${p.detail ?? ""}`,
    insertFailed: (p) => `Importing "${p.file}" failed (${p.detail ?? "unknown error"}).`,
    tooManyPlans: (p) =>
      `This workbook holds ${p.count ?? 0} plans, more than one team summary can link (each summary column is one Excel formula: CHOOSE takes at most 254 plans and a formula at most 8,192 characters: about 158 plans). Move older plans to another workbook and roll up again.`,
    summaryNotesInTheWay: (p) =>
      `The cells ${p.detail ?? ""} on the summary sheet "${p.sheet}" hold content where the roll-up writes the summary tables. So as not to overwrite them, nothing was rolled up: move them below or beside the tables (or delete them) and roll up again.`,
    meetingFormulas: (p) =>
      `The cells ${p.detail ?? ""} of the meeting notes table on the summary sheet "${p.sheet}" hold formulas; an offline roll-up writes the meeting rows back as values only, so each formula would become its result. So as not to lose them, nothing was rolled up: roll up in Excel with the task pane (it refreshes the summary in place), or turn those formulas into values (or move them out of the table), and roll up again.`,
    summaryExtras: (p) =>
      `The summary sheet "${p.sheet}" holds ${(p.extras ?? []).map((e) => EXTRA_WORDS["en-US"][e]).join(", ")} that Sales Planner did not make; an offline roll-up rebuilds that sheet and would lose them. So as not to lose them, nothing was rolled up: roll up in Excel with the task pane (it refreshes the summary in place, keeping them), or move them to another sheet, and roll up again.`,
    historyNotesInTheWay: (p) =>
      `The cells ${p.detail ?? ""} on the team history sheet "${p.sheet}" hold content where the achievement pivot and its charts grow with this recording. So as not to overwrite them, nothing was recorded in the team history: move them elsewhere (or delete them) and roll up again.`,
    historyContentBelow: (p) =>
      `The team history sheet "${p.sheet}" holds something at ${p.detail ?? ""} below the log table, which this recording's new rows would cover. So as not to overwrite it, nothing was recorded in the team history: move what is below the table elsewhere (or delete it) and roll up again.`,
    repNamesTooLong: (p) =>
      `The projects by stage formulas list the names of all ${p.count ?? 0} reps of this summary, and together these names make them longer than Excel's 8,192 characters. Shorten the longest rep names (the plans' "Rep" cells), or move some plans to another workbook, and roll up again.`,
  },
};
