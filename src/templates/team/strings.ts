import type { Locale, Words } from "../../contract/locale";
import type { PlanIssue } from "../../team/plans";

const list = (items: readonly string[], separator: string): string => items.join(separator);

/**
 * The words of the team sheets — 团队汇总 (roll-up) and 目标分解 (target breakdown) — in both
 * languages. The zh-CN table gives the type, so a key missing in en-US is a type error; the errors'
 * words live beside their codes (team/errors.ts, team/breakdown.ts).
 */
const zh = {
  summary: {
    sheetName: "团队汇总",
    title: "团队汇总",
    note: "由“汇总团队计划”生成并刷新：表格中的数据是指向各计划表命名单元格的公式，修改计划表后自动更新；请勿手动修改表格，可在表格下方或右侧添加内容。",
    chartTitle: { weekly: "周计划销售额达成：实际 vs 目标", monthly: "月计划销售额达成：实际 vs 目标" },
    teamTotal: "团队合计",
    columns: {
      status: "状态",
      key: "标识",
      kind: "类型",
      rep: "销售代表",
      period: "期间",
      plan: "计划",
      target: (m: string) => `${m}目标`,
      actual: (m: string) => `${m}实际`,
      rate: (m: string) => `${m}达成率`,
      forecast: "预估",
      expenses: "费用",
      submitted: "提交时间",
      onTime: "按时提交",
      approval: "审批状态",
      remarks: "说明",
    },
    meetings: {
      title: "周工作会记录",
      columns: { date: "日期", attendees: "参会人", decisions: "决议事项", owner: "负责人", due: "完成期限" },
    },
    kinds: { weekly: "周计划", monthly: "月计划" },
    status: { ok: "正常", attention: "需处理", duplicate: "重复" },
    issue: (issue: PlanIssue): string => {
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
    duplicateOf: (keys: readonly string[]) => `与 ${list(keys, "、")} 的销售代表和期间相同`,
    projects: {
      title: "项目进度",
      note: (table: string) =>
        `按阶段统计项目跟踪表 ${table} 中各销售代表的项目数和预计金额（公式按项目跟踪表的命名单元格比较阶段，与其语言无关）；“其他”为负责人不在本汇总中或未填写负责人的项目；中标率 = 中标 /（中标 + 未中标）。`,
      rep: "销售代表",
      others: "其他",
      total: "合计",
      count: (stage: string) => `${stage}数量`,
      amount: (stage: string) => `${stage}金额`,
      won: "中标",
      lost: "未中标",
      winRate: "中标率",
    },
  },
  history: {
    sheetName: "团队历史",
    title: "团队历史",
    note: "每次汇总团队计划时可记录一次快照：每份计划一行，数字为记录时的值。每次记录尚未记录的期间、每种类型最新的期间和本次复制进来的计划所在的期间，替换这些期间的行；已记录的较早期间（包括其中手工修改的数字）保持不变。右侧的达成率透视表和图表在每次记录时重写；请勿修改表格和透视表，可在其他位置添加备注。",
    recorded: "记录日期",
    pivotPeriod: "期间",
    pivotTitle: (kind: string, metric: string) => `${kind} · ${metric}达成率`,
    pivotNote: "按期间（行）和销售代表（列）汇总：实际合计 ÷ 目标合计；#N/A 表示该期间没有目标。",
  },
  breakdown: {
    sheetName: "目标分解",
    title: "目标分解",
    teamTarget: "团队目标",
    period: "期间",
    monthText: (y: number, m: number) => `${y}年${m}月`,
    yearText: (y: number) => `${y}年`,
    note: "按权重拆分（最大余数法，整数元，合计恰好等于团队目标）；周目标按写入时的工作日数拆分（已计入节假日和调休）。目标为计算结果：“工作日”列按节假日表实时计算，与拆分时不同时，请重新分解。",
    repsSection: "按销售代表分解",
    repColumns: { rep: "销售代表", weight: "权重", share: "占比", target: "目标" },
    weeksSection: "按周分解",
    weekColumns: { rep: "销售代表", month: "月份", week: "周次", from: "起", to: "止", workdays: "工作日", target: "目标" },
    weekLabel: (n: number) => `第${n}周`,
    productsSection: "产品结构",
    productColumns: { category: "产品类别", ratio: "比例", target: "目标" },
    monthsSection: "团队月目标",
    monthColumns: { month: "月份", target: "月目标" },
    gridSection: "销售代表 × 月份",
  },
} as const;

export type TeamStrings = Words<typeof zh>;

const en: TeamStrings = {
  summary: {
    sheetName: "Team summary",
    title: "Team summary",
    note: "Written and refreshed by “Roll up team plans”: the table's cells are formulas pointing at each plan sheet's named cells, so edits there show up here. Do not edit the table; add your own notes below or beside it.",
    chartTitle: { weekly: "Weekly plans, sales: actual vs target", monthly: "Monthly plans, sales: actual vs target" },
    teamTotal: "Team total",
    columns: {
      status: "Status",
      key: "Key",
      kind: "Type",
      rep: "Rep",
      period: "Period",
      plan: "Plan",
      target: (m) => `${m} target`,
      actual: (m) => `${m} actual`,
      rate: (m) => `${m} achieved`,
      forecast: "Forecast",
      expenses: "Expenses",
      submitted: "Submitted",
      onTime: "On time",
      approval: "Approval",
      remarks: "Remarks",
    },
    meetings: {
      title: "Weekly meeting minutes",
      columns: { date: "Date", attendees: "Attendees", decisions: "Decisions", owner: "Owner", due: "Due" },
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
    projects: {
      title: "Projects by stage",
      note: (table) =>
        `Projects and expected amounts per rep and stage in the project tracker ${table} (the formulas compare stages with the tracker's named cells, so any tracker language works); "Others" are projects of reps not in this summary and projects without a rep; win rate = won / (won + lost).`,
      rep: "Rep",
      others: "Others",
      total: "Total",
      count: (stage) => `${stage} count`,
      amount: (stage) => `${stage} amount`,
      won: "Bids won",
      lost: "Bids lost",
      winRate: "Win rate",
    },
  },
  history: {
    sheetName: "Team history",
    title: "Team history",
    note: "Each roll-up can record a snapshot here: one row per plan, the figures as they were when recorded. Each recording takes the periods not logged yet, each kind's latest period and the periods of the plans copied in by that run, replacing those periods' rows; older periods already logged (figures corrected by hand included) stay as they are. The achievement pivot and the charts on the right are rewritten on each recording; do not edit the table or the pivot, add your notes elsewhere.",
    recorded: "Recorded",
    pivotPeriod: "Period",
    pivotTitle: (kind, metric) => `${kind} · ${metric} achievement`,
    pivotNote: "By period (rows) and rep (columns): total actual ÷ total target; #N/A where the period has no target.",
  },
  breakdown: {
    sheetName: "Target breakdown",
    title: "Target breakdown",
    teamTarget: "Team target",
    period: "Period",
    monthText: (y, m) => `${y}-${String(m).padStart(2, "0")}`,
    yearText: (y) => String(y),
    note: "Split by weight (largest remainder, whole yuan, parts sum exactly to the team target); weeks by the working days when written (holidays and make-up days honoured). The targets are computed values; the working-days column follows the holidays table, so when it no longer matches, run the breakdown again.",
    repsSection: "By rep",
    repColumns: { rep: "Rep", weight: "Weight", share: "Share", target: "Target" },
    weeksSection: "By week",
    weekColumns: { rep: "Rep", month: "Month", week: "Week", from: "From", to: "To", workdays: "Working days", target: "Target" },
    weekLabel: (n) => `Week ${n}`,
    productsSection: "Product mix",
    productColumns: { category: "Category", ratio: "Ratio", target: "Target" },
    monthsSection: "Team target by month",
    monthColumns: { month: "Month", target: "Target" },
    gridSection: "Reps by month",
  },
};

const TABLE: Readonly<Record<Locale, TeamStrings>> = { "zh-CN": zh, "en-US": en };

export const teamStrings = (locale: Locale): TeamStrings => TABLE[locale];
