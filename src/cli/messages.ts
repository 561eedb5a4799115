import type { Locale } from "../i18n/locale";

/** Everything the command line prints, in both languages (help is always shown in both). */
export interface CliMessages {
  readonly unknownCommand: (command: string) => string;
  readonly noTemplates: string;
  readonly unknownTemplate: (name: string) => string;
  readonly missingOut: string;
  readonly notXlsx: (file: string) => string;
  readonly badLang: (value: string) => string;
  readonly badWeek: (value: string, reason: string) => string;
  readonly badMonth: (value: string) => string;
  readonly unknownOption: (option: string) => string;
  readonly missingValue: (option: string) => string;
  readonly badHolidayLine: (file: string, line: number, text: string) => string;
  readonly badHolidays: (file: string, reason: string) => string;
  readonly cannotRead: (file: string, reason: string) => string;
  readonly failed: (reason: string) => string;
  readonly wrote: (file: string, sheets: readonly string[]) => string;
  readonly seeHelp: string;
}

const zh: CliMessages = {
  unknownCommand: (c) => `未知命令"${c}",目前只支持 write。`,
  noTemplates: "请至少指定一个模板:weekly、monthly、customers、contracts。",
  unknownTemplate: (n) => `未知模板"${n}",可选:weekly、monthly、customers、contracts。`,
  missingOut: "缺少 --out FILE.xlsx。",
  notXlsx: (f) => `输出文件必须是 .xlsx:${f}`,
  badLang: (v) => `不支持的语言"${v}",可选 zh-CN 或 en-US。`,
  badWeek: (v, r) => `周次"${v}"无效(格式 2026-W48):${r}`,
  badMonth: (v) => `月份"${v}"无效(格式 2026-11)。`,
  unknownOption: (o) => `未知选项 ${o}。`,
  missingValue: (o) => `选项 ${o} 需要一个值。`,
  badHolidayLine: (f, l, t) => `${f} 第 ${l} 行不是日期(yyyy-mm-dd 或 +yyyy-mm-dd):${t}`,
  badHolidays: (f, r) => `${f} 中的节假日无效:${r}`,
  cannotRead: (f, r) => `无法读取 ${f}:${r}`,
  failed: (r) => `写入失败:${r}`,
  wrote: (f, s) => `已写入 ${f}:${s.join("、")}`,
  seeHelp: "运行 sales-planner --help 查看用法。",
};

const en: CliMessages = {
  unknownCommand: (c) => `Unknown command "${c}"; only write is supported.`,
  noTemplates: "Name at least one template: weekly, monthly, customers, contracts.",
  unknownTemplate: (n) => `Unknown template "${n}"; choose from weekly, monthly, customers, contracts.`,
  missingOut: "Missing --out FILE.xlsx.",
  notXlsx: (f) => `The output file must be an .xlsx file: ${f}`,
  badLang: (v) => `Unsupported language "${v}"; use zh-CN or en-US.`,
  badWeek: (v, r) => `Invalid week "${v}" (format 2026-W48): ${r}`,
  badMonth: (v) => `Invalid month "${v}" (format 2026-11).`,
  unknownOption: (o) => `Unknown option ${o}.`,
  missingValue: (o) => `Option ${o} needs a value.`,
  badHolidayLine: (f, l, t) => `${f} line ${l} is not a date (yyyy-mm-dd or +yyyy-mm-dd): ${t}`,
  badHolidays: (f, r) => `Invalid holidays in ${f}: ${r}`,
  cannotRead: (f, r) => `Cannot read ${f}: ${r}`,
  failed: (r) => `Writing failed: ${r}`,
  wrote: (f, s) => `Wrote ${f}: ${s.join(", ")}`,
  seeHelp: "Run sales-planner --help for usage.",
};

export const CLI_MESSAGES: Readonly<Record<Locale, CliMessages>> = { "zh-CN": zh, "en-US": en };

export const HELP = `sales-planner — 销售计划助手 / Sales Planner for Excel

用法 Usage:
  sales-planner write <weekly|monthly|customers|contracts>... --out FILE.xlsx [options]

  把所选模板写入一个新工作簿;若 FILE 已存在,则把模板作为新工作表加入,不改动其他工作表,
  重名的工作表自动改用空闲名称(如 "周计划-张三-2026W48 (2)")。
  Writes the chosen templates into a new workbook; if FILE exists the templates are added as new
  sheets and nothing else is touched (a taken sheet name gets a free one, e.g. "Weekly-Zhang-2026W48 (2)").

模板 Templates:
  weekly      周工作计划 / weekly plan
  monthly     月度工作计划 / monthly plan
  customers   客户资源登记表 + 设置 + 汇总 / customer register + settings + summary
  contracts   合同履行一览表 + 统计 / contract register + statistics

选项 Options:
  --out FILE.xlsx       输出文件(必填)/ output file (required)
  --lang zh-CN|en-US    模板语言,默认 zh-CN / template language, default zh-CN
  --rep NAME            销售代表或团队名 / rep or team name
  --week 2026-W48       周计划的 ISO 周次,默认本周 / ISO week of the weekly plan, default this week
  --month 2026-11       月计划的月份(及合同统计年度),默认本月 / month of the monthly plan
                        (and year of the contract statistics), default this month
  --holidays FILE       节假日文件 / holidays file:
                          每行一个日期 yyyy-mm-dd 为节假日;前加 "+" 为调休上班日;
                          空行和 # 开头的行忽略。
                          one date per line, yyyy-mm-dd = holiday, +yyyy-mm-dd = make-up
                          working day (调休); blank lines and lines starting with # are ignored.
                          例 Example:
                            2026-10-01
                            +2026-10-10
  -h, --help            显示本帮助 / show this help

退出码 Exit codes: 0 成功 ok · 1 运行失败 runtime failure · 2 用法错误 bad usage
`;
