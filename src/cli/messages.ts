import type { Bilingual, Locale, Words } from "../contract/locale";
import { excerpt, PATH_CHARACTERS } from "../contract/excerpt";
import { breakdownMessages, type BreakdownIssue } from "../team";
import { CLI_NAMES, MONTHLY_PLAN_MONTHS, TEMPLATE_IDS, TEMPLATES, type TemplateId } from "../templates/registry";
import { CHINA_CALENDAR } from "../domain/chinaCalendar";
import { MONTH_RANGE, monthRangeText, WEEK_RANGE_TEXT, YEAR_RANGE } from "../domain/periodRange";
import type { NotADate } from "../spec/sheetSpec";
import { IMPORT_KINDS } from "../import";
import type { NotXlsxKind } from "./fileKinds";
import type { Carried } from "../templates/team/nextPlan";

const IMPORT_WORDS = IMPORT_KINDS.map((kind) => TEMPLATES[kind].cliName).join("|");


/** Everything the command line prints, in both languages (help is always shown in both). */
/** Years without holiday data named one by one, each with its command; the rest are counted. */
const NAMED_YEARS = 5;

const zh = {
  unknownCommand: (c: string) => `未知命令"${excerpt(c)}",可用命令:write、rollup、breakdown、calendar、import、next。`,
  nextNotXlsx: (f: string) => `next 读写 .xlsx 工作簿:${excerpt(f, PATH_CHARACTERS)}`,
  nextOutExists: (f: string) => `${excerpt(f, PATH_CHARACTERS)} 已存在,未做任何修改:--out 只写入一个新文件;要把下期计划加入原工作簿,请省略 --out。`,
  nextWritten: (f: string, sheet: string, period: string, carried: Carried, from?: string) =>
    `已写入 ${excerpt(f, PATH_CHARACTERS)}:下期计划"${excerpt(sheet)}"(${period}),带入${"keyItems" in carried ? ` ${carried.keyItems} 项未完成的重点工作和本周实际(上周实际)` : ` ${carried.keyCustomers} 个重点客户、${carried.keyWork} 项未完成的重点工作、${carried.collections} 笔未收齐的回款、${carried.vip} 项未完成的VIP培养计划`};销售额目标${from ? `取自目标分解 ${from}` : "留空(工作簿中没有含本人和该期间的目标分解)"}。`,
  nextExists: (sheet: string, period: string) => `下期计划已存在:工作表"${excerpt(sheet)}"(${period}),未做任何修改。`,
  nextUnsaved: (metrics: readonly string[]) =>
    `注意:本期 ${metrics.join("、")} 的实际是公式,文件中没有保存其计算结果(写入后未在 Excel、WPS 或 LibreOffice 中打开并保存过),下期的上周实际对这些指标留空。在 Excel 中打开、保存后再运行即可带入。`,
  noTemplates: `请至少指定一个模板:${CLI_NAMES.join("、")}。`,
  unknownTemplate: (n: string) => `未知模板"${excerpt(n)}",可选:${CLI_NAMES.join("、")}。`,
  missingOut: "缺少 --out FILE.xlsx。",
  notXlsx: (f: string) => `输出文件必须是 .xlsx:${excerpt(f, PATH_CHARACTERS)}`,
  /** A roll-up input that is no .xlsx, by what it is (cli/fileKinds.ts). */
  notRepWorkbook: {
    macroEnabled: (f: string) => `${excerpt(f, PATH_CHARACTERS)} 是启用宏的工作簿:汇总不读取含宏的文件,请在 Excel 中另存为"Excel 工作簿(.xlsx)"后再汇总。`,
    legacy: (f: string) => `${excerpt(f, PATH_CHARACTERS)} 是旧版 Excel 97-2003 工作簿:请在 Excel 中另存为"Excel 工作簿(.xlsx)"后再汇总。`,
    binary: (f: string) => `${excerpt(f, PATH_CHARACTERS)} 是 Excel 二进制工作簿(.xlsb):请在 Excel 中另存为"Excel 工作簿(.xlsx)"后再汇总。`,
    template: (f: string) => `${excerpt(f, PATH_CHARACTERS)} 是 Excel 模板:请在 Excel 中另存为"Excel 工作簿(.xlsx)"后再汇总。`,
    csv: (f: string) => `${excerpt(f, PATH_CHARACTERS)} 是 CSV 文本文件,不含计划表:汇总读取销售代表写有计划表的 .xlsx 工作簿。`,
    other: (f: string) => `${excerpt(f, PATH_CHARACTERS)} 不是 Excel 工作簿(.xlsx):汇总读取销售代表写有计划表的 .xlsx 工作簿。`,
  } satisfies Record<NotXlsxKind, (f: string) => string>,
  badLang: (v: string) => `不支持的语言"${excerpt(v)}",可选 zh-CN 或 en-US。`,
  badWeek: (v: string, why?: Bilingual) => `周次"${excerpt(v)}"无效:${why ? why.zh : "请写成 ISO 周次,如 2026-W48(年份、W 和第几周)。"}`,
  badMonth: (v: string, first: string, last: string) => `月份"${excerpt(v)}"无效:格式为 2026-11,可用 ${first} 至 ${last}。`,
  unknownOption: (o: string) => `未知选项 ${excerpt(o)}。`,
  missingValue: (o: string) => `选项 ${o} 需要一个值。`,
  badHolidayLine: (f: string, l: number, t: string) => `${excerpt(f, PATH_CHARACTERS)} 第 ${l} 行不是日期(yyyy-mm-dd 或 +yyyy-mm-dd):${excerpt(t)}`,
  badHolidays: (f: string, r: string) => `${excerpt(f, PATH_CHARACTERS)} 中的节假日无效:${r}`,
  cannotRead: (f: string, r: string) => `无法读取 ${excerpt(f, PATH_CHARACTERS)}:${r}`,
  weekOutOfRange: (v: string, first: string, last: string) => `周次"${excerpt(v)}"超出支持范围:可用 ${first} 至 ${last}。`,
  repeatedOption: (o: string, first: string, second: string) => `选项 ${o} 给了两次("${excerpt(first)}" 和 "${excerpt(second)}"),只能给一次。`,
  failed: (r: string) => `写入失败:${r}`,
  wrote: (f: string, s: readonly string[]) => `已写入 ${excerpt(f, PATH_CHARACTERS)}:${s.join("、")}`,
  seeHelp: "运行 sales-planner --help 查看用法。",
  noRepFiles: "请至少指定一个销售代表的工作簿(.xlsx)。",
  outIsInput: (f: string) => `输出文件不能同时是输入文件:${excerpt(f, PATH_CHARACTERS)}`,
  rolledUp: (f: string, n: number, s: string) => `已写入 ${excerpt(f, PATH_CHARACTERS)}:汇总了 ${n} 张计划表,见工作表"${excerpt(s)}"。`,
  historyRecorded: (s: string, n: number, replaced: number, created: boolean) =>
    `团队历史：${created ? "新建工作表" : "工作表"}"${excerpt(s)}"记录了 ${n} 行${replaced > 0 ? `，替换了同期间的 ${replaced} 行` : ""}。`,
  historyNothing: "团队历史：没有可记录的计划（计划表缺少销售代表或期间），未作记录。",
  projectsListed: (t: string, n: number) => `项目进度:按项目跟踪表 ${t} 列出 ${n} 名销售代表及其他负责人的各阶段项目数、金额和中标率。`,
  summaryRebuilt: (s: string) =>
    `工作表"${excerpt(s)}"已离线重建:你输入的内容、数字格式和周工作会记录已保留,但你在这张工作表上设置的字体、填充、边框、对齐和列宽恢复为默认。要保留这些格式,请在 Excel 中用任务窗格汇总(汇总表会原地刷新)。`,
  outdatedSummary: (old: string, now: string) =>
    `工作表"${excerpt(old)}"是旧版的团队汇总(周计划和月计划在同一张表中),已原样保留(包括其中的备注);新的团队汇总在工作表"${excerpt(now)}":周计划和月计划分开合计,并有周工作会记录表。不再需要旧表时可将其删除。`,
  projectsUnlisted: (t: string) => `项目进度未列出:项目跟踪表 ${t} 的部分命名单元格已被删除,无法按名称统计。重新生成项目跟踪表后再汇总即可。`,
  copiedPlan: (from: string, sheet: string, to: string) => `  ${excerpt(from, PATH_CHARACTERS)}:"${excerpt(sheet)}" → "${excerpt(to)}"`,
  withoutPlans: (f: string) => `注意:${excerpt(f, PATH_CHARACTERS)} 中没有销售计划助手生成的周计划或月计划,已跳过。`,
  alreadyCollected: (f: string, sheet: string) =>
    `已汇总过,未再复制:${excerpt(f, PATH_CHARACTERS)}:"${excerpt(sheet)}"(团队工作簿中已有同一销售代表、同一期间的这份计划)。要用代表的新版本更新,请先在团队工作簿中删除该计划的工作表,再重新汇总。`,
  needsAttention: (s: string, r: string) => `需处理:"${excerpt(s)}":${r}`,
  missingOption: (o: string) => `缺少 ${o}。`,
  monthOrYear: "请用 --month 2026-11 或 --year 2026 指定分解的期间(二选一)。",
  badYear: (v: string, first: number, last: number) => `年份"${excerpt(v)}"无效:请填写 ${first}–${last} 之间的年份,如 2026。`,
  badProducts: (v: string) => `产品比例"${excerpt(v)}"无效(格式 2:3:1)。`,
  productsCommas: (v: string) => `产品比例"${excerpt(v)}"中数字间的逗号分不清是分隔三个数还是千位分隔:请用冒号分隔,数字不写千位逗号(如 2:3:1)。`,
  badPlans: (v: string) => `--plans 只能是 monthly 或 weekly,而不是"${excerpt(v)}"。`,
  unexpectedArgument: (v: string) => `多余的参数"${excerpt(v)}"。`,
  breakdownInvalid: (issues: readonly BreakdownIssue[]) => breakdownMessages(issues, "zh-CN").join("\n"),
  badPair: (o: string, v: string) => `${o} "${excerpt(v)}" 无效,格式为 姓名=值,多人用逗号分隔,如 ${o} 张三=300000,李四=200000。`,
  badSplit: (v: string) => `--split 只能是 lastyear(按上年各月销售,也可写"上年")或 workdays(按工作日,也可写"工作日"),而不是"${excerpt(v)}"。`,
  badMonthHold: (v: string) => `--month-hold "${excerpt(v)}" 无效,格式为 月份=金额,多个月用逗号分隔,如 --month-hold 3=150000,12=200000(月份 1–12)。`,
  badUnit: (v: string) => `取整单位"${excerpt(v)}"不是数字:请填写以元计的正整数,如 100。`,
  badCap: (v: string) => `费用上限"${excerpt(v)}"不是 0 到 100% 之间的比率,请填写如 2% 或 0.02。`,
  annualYearOfMonth: (y: number, first: number, last: number) => `年度销售计划的年份取自 --month:${y} 年超出支持范围 ${first}–${last},请用 --year 指定。`,
  planMonthMissing: (y: number) => `按年分解时,--plans monthly 需用 --month 指定月计划的月份,如 --month ${y}-03。`,
  planMonthNotInYear: (v: string, y: number) => `--month ${excerpt(v)} 不在 ${y} 年内:按年分解时,--month 指定该年中月计划的月份。`,
  planWeekMissing: (y: number) => `--plans weekly 需用 --week 指定周计划的周次,如 --week ${y}-W10。`,
  planWeekNotInYear: (v: string, y: number) => `--week ${excerpt(v)} 不在分解的期间 ${y} 年内:--week 指定该期间中周计划的周次。`,
  planWeekNotInMonth: (v: string, month: string) => `--week ${excerpt(v)} 不在分解的期间 ${month} 内:--week 指定该期间中周计划的周次。`,
  monthWithYear: "按年分解(--year)时,--month 只用于指定月计划的月份(--plans monthly)。",
  weekWithoutWeeklyPlans: "--week 只用于周计划(--plans weekly)。",
  thousandsComma: (o: string, v: string) => `${o} "${excerpt(v)}" 中数字间的逗号分不清是分隔各项还是千位分隔:数字请不写千位逗号(写 300000,不写 300,000)。`,
  yearOnly: (o: string) => `${o} 只用于按年分解(--year);按月分解(--month)不用 --start、--month-hold、--split、--last-year 和 --input。`,
  annualOnly: (o: string) => `${o} 只用于年度销售计划(write annual)。`,
  optionUnread: (o: string, templates: readonly string[]) => `${o} 只用于模板 ${templates.join("、")},本次写入的模板都不用它。`,
  notInReps: (o: string, rep: string) => `${o} 中的"${excerpt(rep)}"不在销售代表名单中(--reps,或输入文件的"销售代表"行)。`,
  annualInputInvalid: (file: string, lines: readonly string[]) => [`${excerpt(file, PATH_CHARACTERS)} 中有无法识别的内容,未做任何修改:`, ...lines.map((line) => `  ${line}`)].join("\n"),
  missingFromInput: (o: string, item: string, file: string) => `缺少 ${o},${excerpt(file, PATH_CHARACTERS)} 中也没有"${item}"行。`,
  notForBreakdown: (file: string, items: readonly string[]) => `${excerpt(file, PATH_CHARACTERS)} 中的"${items.join("、")}"只用于年度销售计划(write annual),目标分解不用:请删去这些行,或用 --target 直接给出目标。`,
  inputNotCsv: (f: string) => `--input 只能是 .csv 文件(在 Excel 中"另存为"CSV,UTF-8 或默认编码均可):${excerpt(f, PATH_CHARACTERS)}`,
  splitNeedsLastYear: `按上年拆分需要上年各月的销售额:请用 --last-year 给出 12 个月(逗号分隔),或在 --input 文件中填"上年实际"行。`,
  lastYearUnused: `目标分解按工作日拆分时不用上年各月的销售额:去掉 --last-year(或 --input 文件的"上年实际"行),或改为 --split lastyear。`,
  outReadOnly: (f: string) => `输出文件 ${excerpt(f, PATH_CHARACTERS)} 是只读的,未做任何修改:请去掉只读属性,或用 --out 指定另一个文件。`,
  outSymlink: (f: string, t: string) => `输出文件 ${excerpt(f, PATH_CHARACTERS)} 是指向 ${excerpt(t, PATH_CHARACTERS)} 的符号链接,为避免改写链接所指的文件,未做任何修改:请用 --out 指定实际文件。`,
  outNotFile: (f: string) => `输出路径 ${excerpt(f, PATH_CHARACTERS)} 不是普通文件,未做任何修改。`,
  outFolderMissing: (d: string) => `输出文件夹 ${excerpt(d, PATH_CHARACTERS)} 不存在,未做任何修改:请先建立该文件夹,或用 --out 指定另一个位置。`,
  outFolderNotFolder: (d: string) => `输出文件夹 ${excerpt(d, PATH_CHARACTERS)} 不是文件夹,未做任何修改:请用 --out 指定另一个位置。`,
  outFolderUnwritable: (d: string) => `无法在文件夹 ${excerpt(d, PATH_CHARACTERS)} 中写入(不存在、无写入权限或只读),未做任何修改:请检查该文件夹,或用 --out 指定另一个位置。`,
  badCalendar: (v: string) => `日历"${excerpt(v)}"无效,可选 cn(中国法定节假日和调休,默认)或 none(仅周一至周五)。`,
  badWorkweek: (v: string) => `工作周"${excerpt(v)}"无效,可选 双休(默认)、单休,或 大小周:日期(该日期所在的一周为大周,例如 大小周:2026-11-07)。`,
  unknownCalendarAction: (a: string) => `calendar 后应为 show 或 parse-notice,而不是"${excerpt(a)}"。`,
  outLocked: (f: string, lock: string) => `另一个 sales-planner 正在写入 ${excerpt(f, PATH_CHARACTERS)}(锁文件 ${excerpt(lock, PATH_CHARACTERS)}),未做任何修改:请等它结束后再运行;若没有其他运行,删除该锁文件后重试。`,
  noNoticeFile: "请指定通知文本文件(UTF-8),或用 - 从标准输入读取。",
  notUtf8: (f: string) => `${excerpt(f, PATH_CHARACTERS)} 不是 UTF-8 文本:请另存为 UTF-8 后重试。`,
  unknownImportKind: (k: string) => `import 后应为 ${IMPORT_WORDS} 之一,而不是"${excerpt(k)}"。`,
  notImportSource: (f: string) => `--from 只能是 .xlsx 或 .csv 文件:${excerpt(f, PATH_CHARACTERS)}`,
  badMap: (v: string) => `--map "${excerpt(v)}" 无效,格式为 源列=目标列(目标列留空表示不导入该列)。`,
  sheetWithCsv: (f: string) => `--sheet 只用于 .xlsx 文件,${excerpt(f, PATH_CHARACTERS)} 是 CSV。`,
  importMapping: (lines: readonly string[]) => ["列对应(可用 --map 源列=目标列 修改):", ...lines.map((l) => `  ${l}`)].join("\n"),
  mappingLine: (source: string, target: string) => `${excerpt(source)} → ${target}`,
  intoColumn: (field: string, column: string) => `${column}(作为"${field}:…",并用于查重)`,
  unmapped: (columns: readonly string[]) => `未导入的列:${columns.map((c) => excerpt(c)).join("、")}(如需导入,用 --map 源列=目标列 指定)`,
  problemsHeader: (n: number) => `${n} 处内容无法识别(未注明整行未导入的,该单元格留空,行的其余内容已导入):`,
  imported: (n: number, table: string, sheet: string, file: string) => `已导入 ${n} 行到 ${excerpt(file, PATH_CHARACTERS)} 的"${excerpt(sheet)}"(表 ${table})。`,
  createdRegister: (sheet: string) => `工作簿中没有该登记表,已新建"${excerpt(sheet)}"。`,
  heldForReview: (groups: number, rows: number, sheet: string) => `${groups} 组疑似重复(共 ${rows} 个导入行)未导入,已列在工作表"${excerpt(sheet)}"中,请核对后处理。`,
  problemsListed: (sheet: string) => `无法识别的单元格另列在工作表"${excerpt(sheet)}"中。`,
  noColumnMatched: (headers: readonly string[]) =>
    `源文件中没有一列能对应到登记表的列(源列:${headers.filter((h) => h !== "").map((h) => excerpt(h)).join("、") || "无"}):请用 --map 源列=目标列 指定,或检查表头是否在前 20 行内。`,
  unplacedColumns: (sheet: string, pairs: readonly string[]) =>
    [
      `工作表"${excerpt(sheet)}"的登记表中没有可写入以下内容的列(可能已改名,或是公式列),未做任何修改:`,
      ...pairs.map((pair) => `  ${pair}`),
      `请把登记表的列名改回上面的目标列名,或用 --map 源列= 不导入该列。`,
    ].join("\n"),
  missingKeys: (fields: readonly string[]) => `没有源列对应到"${fields.join("、")}",登记表靠它识别每一行;未做任何修改。请用 --map 源列=${fields[0]} 指定。`,
  nothingToImport: (f: string) => `${excerpt(f, PATH_CHARACTERS)} 中表头下没有可导入的行。`,
  moreProblems: (n: number) => `  ……另有 ${n} 个,全部列在"导入复核"工作表中。`,
  yearNotCovered: (y: number, first: number, last: number) =>
    `内置节假日数据不含 ${y} 年(覆盖 ${first}–${last} 年)。若国务院已发布该年的安排,请保存通知文本后运行 sales-planner calendar parse-notice --year ${y} NOTICE.txt。`,
  uncoveredYears: (years: readonly number[], first: number, last: number) =>
    [
      `注意:内置的中国节假日数据覆盖 ${first}–${last} 年,${years.slice(0, NAMED_YEARS).join("、")} 年${years.length > NAMED_YEARS ? `及另外 ${years.length - NAMED_YEARS} 个年份` : ""}的日期未含法定节假日和调休,按普通周一至周五计算。`,
      `请用 --holidays FILE 补充(每行 yyyy-mm-dd 为放假,+yyyy-mm-dd 为调休上班),或把国务院办公厅的节假日安排通知保存为 NOTICE.txt 后运行:`,
      ...years.slice(0, NAMED_YEARS).map((y) => `  sales-planner calendar parse-notice --year ${y} NOTICE.txt > holidays.txt`),
      ...(years.length > NAMED_YEARS ? [`  ……另有 ${years.length - NAMED_YEARS} 个年份,命令相同,改 --year 即可。`] : []),
    ].join("\n"),
  notDates: (table: string, cells: readonly NotADate[]) =>
    [
      `注意:工作簿的节假日表 ${table} 中以下单元格不是日期,未当作放假日或调休上班日:`,
      ...cells.map((c) => `  ${c.address}:"${excerpt(c.text)}"`),
      "请改为日期(例如 2026-10-08)后重新写入,按本表算出的固定值才会计入这些日期。",
    ].join("\n"),
} as const;

export type CliMessages = Words<typeof zh>;

const en: CliMessages = {
  unknownCommand: (c) => `Unknown command "${excerpt(c)}"; use write, rollup, breakdown, calendar, import or next.`,
  nextNotXlsx: (f) => `next reads and writes .xlsx workbooks: ${excerpt(f, PATH_CHARACTERS)}`,
  nextOutExists: (f) => `${excerpt(f, PATH_CHARACTERS)} exists, nothing changed: --out writes a new file only; leave --out out to add the next plan to the workbook itself.`,
  nextWritten: (f, sheet, period, carried, from) =>
    `Wrote ${excerpt(f, PATH_CHARACTERS)}: the next plan "${excerpt(sheet)}" (${period}), with ${"keyItems" in carried ? `${carried.keyItems} open key items and this week's actuals as last week's` : `${carried.keyCustomers} key customers, ${carried.keyWork} open key work items, ${carried.collections} collections still owed and ${carried.vip} open VIP development items`}; sales target ${from ? `from the target breakdown ${from}` : "left blank (no target breakdown in the workbook holds this rep and period)"}.`,
  nextExists: (sheet, period) => `The next plan exists already: sheet "${excerpt(sheet)}" (${period}); nothing changed.`,
  nextUnsaved: (metrics) =>
    `Note: this plan's actual ${metrics.join(", ")} are formulas whose results the file has not saved (written and never opened and saved in Excel, WPS or LibreOffice), so the next plan's last-week figures are blank for them. Open and save the file in Excel, then run again to carry them.`,
  noTemplates: `Name at least one template: ${CLI_NAMES.join(", ")}.`,
  unknownTemplate: (n) => `Unknown template "${excerpt(n)}"; choose from ${CLI_NAMES.join(", ")}.`,
  missingOut: "Missing --out FILE.xlsx.",
  notXlsx: (f) => `The output file must be an .xlsx file: ${excerpt(f, PATH_CHARACTERS)}`,
  notRepWorkbook: {
    macroEnabled: (f) => `${excerpt(f, PATH_CHARACTERS)} is a macro-enabled workbook: the roll-up does not read files with macros; in Excel, save it as "Excel Workbook (.xlsx)" and roll up again.`,
    legacy: (f) => `${excerpt(f, PATH_CHARACTERS)} is an Excel 97-2003 workbook: in Excel, save it as "Excel Workbook (.xlsx)" and roll up again.`,
    binary: (f) => `${excerpt(f, PATH_CHARACTERS)} is an Excel binary workbook (.xlsb): in Excel, save it as "Excel Workbook (.xlsx)" and roll up again.`,
    template: (f) => `${excerpt(f, PATH_CHARACTERS)} is an Excel template: in Excel, save it as "Excel Workbook (.xlsx)" and roll up again.`,
    csv: (f) => `${excerpt(f, PATH_CHARACTERS)} is a CSV text file, which holds no plan sheets: the roll-up reads the reps' .xlsx workbooks their plans are in.`,
    other: (f) => `${excerpt(f, PATH_CHARACTERS)} is not an Excel workbook (.xlsx): the roll-up reads the reps' .xlsx workbooks their plans are in.`,
  },
  badLang: (v) => `Unsupported language "${excerpt(v)}"; use zh-CN or en-US.`,
  badWeek: (v, why) => `Invalid week "${excerpt(v)}": ${why ? why.en : "write an ISO week such as 2026-W48 (the year, W and the week's number)."}`,
  badMonth: (v, first, last) => `Invalid month "${excerpt(v)}": write it as 2026-11, from ${first} to ${last}.`,
  unknownOption: (o) => `Unknown option ${excerpt(o)}.`,
  missingValue: (o) => `Option ${o} needs a value.`,
  badHolidayLine: (f, l, t) => `${excerpt(f, PATH_CHARACTERS)} line ${l} is not a date (yyyy-mm-dd or +yyyy-mm-dd): ${excerpt(t)}`,
  badHolidays: (f, r) => `Invalid holidays in ${excerpt(f, PATH_CHARACTERS)}: ${r}`,
  cannotRead: (f, r) => `Cannot read ${excerpt(f, PATH_CHARACTERS)}: ${r}`,
  weekOutOfRange: (v, first, last) => `Week "${excerpt(v)}" is out of range: use ${first} to ${last}.`,
  repeatedOption: (o, first, second) => `Option ${o} is given twice ("${excerpt(first)}", "${excerpt(second)}"); give it once.`,
  failed: (r) => `Writing failed: ${r}`,
  wrote: (f, s) => `Wrote ${excerpt(f, PATH_CHARACTERS)}: ${s.join(", ")}`,
  seeHelp: "Run sales-planner --help for usage.",
  noRepFiles: "Name at least one rep's workbook (.xlsx).",
  outIsInput: (f) => `The output file cannot also be an input file: ${excerpt(f, PATH_CHARACTERS)}`,
  rolledUp: (f, n, s) => `Wrote ${excerpt(f, PATH_CHARACTERS)}: rolled up ${n} plan sheets, see sheet "${excerpt(s)}".`,
  historyRecorded: (s, n, replaced, created) =>
    `Team history: recorded ${n} rows ${created ? "in the new sheet" : "in sheet"} "${excerpt(s)}"${replaced > 0 ? `, replacing ${replaced} rows of the same periods` : ""}.`,
  historyNothing: "Team history: no plan to record (the plan sheets lack a rep or a period); nothing recorded.",
  projectsListed: (t, n) => `Projects by stage: projects, amounts and win rate of ${n} reps and of others, from the project tracker ${t}.`,
  summaryRebuilt: (s) =>
    `Sheet "${excerpt(s)}" was rebuilt offline: what you typed, its number formats and the meeting minutes are kept, but the fonts, fills, borders, alignment and column widths you set on that sheet are back to the defaults. To keep them, roll up in Excel with the task pane (it refreshes the summary in place).`,
  outdatedSummary: (old, now) =>
    `Sheet "${excerpt(old)}" is a team summary in the older layout (weekly and monthly plans in one table): it is left as it is, notes included; the new summary is on sheet "${excerpt(now)}", with weekly and monthly plans totalled apart and a weekly meeting minutes table. Delete the old sheet when you no longer need it.`,
  projectsUnlisted: (t) => `Projects by stage not listed: some named cells of the project tracker ${t} were deleted, so it cannot be counted by name. Write the project tracker again and roll up again.`,
  copiedPlan: (from, sheet, to) => `  ${excerpt(from, PATH_CHARACTERS)}: "${excerpt(sheet)}" → "${excerpt(to)}"`,
  withoutPlans: (f) => `Note: ${excerpt(f, PATH_CHARACTERS)} has no weekly or monthly plan made by Sales Planner; skipped.`,
  alreadyCollected: (f, sheet) =>
    `Already collected, not copied again: ${excerpt(f, PATH_CHARACTERS)}: "${excerpt(sheet)}" (the team workbook already holds this plan of the same rep and period). To update it from the rep's newer version, delete that plan's sheet in the team workbook and collect again.`,
  needsAttention: (s, r) => `Needs attention: "${excerpt(s)}": ${r}`,
  missingOption: (o) => `Missing ${o}.`,
  monthOrYear: "Give the period to break down with either --month 2026-11 or --year 2026.",
  badYear: (v, first, last) => `Invalid year "${excerpt(v)}": give a year from ${first} to ${last}, e.g. 2026.`,
  badProducts: (v) => `Invalid product ratio "${excerpt(v)}" (format 2:3:1).`,
  productsCommas: (v) => `In the product ratio "${excerpt(v)}", a comma between digits could separate the three numbers or group thousands: separate them with colons and write numbers without thousands commas (e.g. 2:3:1).`,
  badPlans: (v) => `--plans must be monthly or weekly, not "${excerpt(v)}".`,
  unexpectedArgument: (v) => `Unexpected argument "${excerpt(v)}".`,
  breakdownInvalid: (issues) => breakdownMessages(issues, "en-US").join("\n"),
  badPair: (o, v) => `Invalid ${o} "${excerpt(v)}"; write NAME=VALUE, several separated by commas, e.g. ${o} Zhang=300000,Li=200000.`,
  badSplit: (v) => `--split takes lastyear (by last year's monthly sales, also "上年") or workdays (by working days, also "工作日"), not "${excerpt(v)}".`,
  badMonthHold: (v) => `Invalid --month-hold "${excerpt(v)}"; write MONTH=AMOUNT, several separated by commas, e.g. --month-hold 3=150000,12=200000 (months 1–12).`,
  badUnit: (v) => `The rounding unit "${excerpt(v)}" is not a number; give a whole number of yuan, e.g. 100.`,
  badCap: (v) => `The expense cap "${excerpt(v)}" is not a rate from 0 to 100%; write e.g. 2% or 0.02.`,
  annualYearOfMonth: (y, first, last) => `The annual plan's year comes from --month: ${y} is out of range (${first} to ${last}); give --year.`,
  planMonthMissing: (y) => `A year's breakdown writes the monthly plans of one month: name it with --month, e.g. --month ${y}-03.`,
  planMonthNotInYear: (v, y) => `--month ${excerpt(v)} is not in ${y}: with --year, --month names the month of that year's monthly plans.`,
  planWeekMissing: (y) => `Weekly plans need their week: name it with --week, e.g. --week ${y}-W10.`,
  planWeekNotInYear: (v, y) => `--week ${excerpt(v)} is not within the breakdown's period, ${y}: --week names the week of the weekly plans in that period.`,
  planWeekNotInMonth: (v, month) => `--week ${excerpt(v)} is not within the breakdown's period, ${month}: --week names the week of the weekly plans in that period.`,
  monthWithYear: "With --year, --month names the month of the monthly plans (--plans monthly) only.",
  weekWithoutWeeklyPlans: "--week is for the weekly plans (--plans weekly) only.",
  thousandsComma: (o, v) => `In ${o} "${excerpt(v)}", a comma between digits could separate the entries or group thousands: write numbers without thousands commas (300000, not 300,000).`,
  yearOnly: (o) => `${o} is for a year's breakdown (--year); a month's (--month) takes no --start, --month-hold, --split, --last-year or --input.`,
  annualOnly: (o) => `${o} is for the annual sales plan (write annual) only.`,
  optionUnread: (o, templates) => `${o} is read by the templates ${templates.join(", ")} only; none of the templates written reads it.`,
  notInReps: (o, rep) => `"${excerpt(rep)}" in ${o} is not among the reps (--reps, or the input file's Rep rows).`,
  annualInputInvalid: (file, lines) => [`${excerpt(file, PATH_CHARACTERS)} holds rows that cannot be read; nothing was changed:`, ...lines.map((line) => `  ${line}`)].join("\n"),
  missingFromInput: (o, item, file) => `Missing ${o}; ${excerpt(file, PATH_CHARACTERS)} has no "${item}" row either.`,
  notForBreakdown: (file, items) => `"${items.join('", "')}" in ${excerpt(file, PATH_CHARACTERS)} are for the annual sales plan (write annual), not the breakdown: delete those rows, or give the target with --target.`,
  inputNotCsv: (f) => `--input must be a .csv file (in Excel, Save As CSV, UTF-8 or the default encoding): ${excerpt(f, PATH_CHARACTERS)}`,
  splitNeedsLastYear: `Splitting by last year needs last year's monthly sales: give the 12 months with --last-year (comma-separated), or a "Last year" row in the --input file.`,
  lastYearUnused: `A breakdown split by working days does not use last year's months: leave out --last-year (or the --input file's "Last year" row), or use --split lastyear.`,
  outReadOnly: (f) => `The output file ${excerpt(f, PATH_CHARACTERS)} is read-only; nothing was changed. Make it writable, or give another file with --out.`,
  outSymlink: (f, t) => `The output file ${excerpt(f, PATH_CHARACTERS)} is a symbolic link to ${excerpt(t, PATH_CHARACTERS)}; nothing was changed, so the file it points to is not rewritten. Give the real file with --out.`,
  outNotFile: (f) => `The output path ${excerpt(f, PATH_CHARACTERS)} is not a regular file; nothing was changed.`,
  outFolderMissing: (d) => `The output folder ${excerpt(d, PATH_CHARACTERS)} does not exist; nothing was changed. Create it first, or give another place with --out.`,
  outFolderNotFolder: (d) => `The output folder ${excerpt(d, PATH_CHARACTERS)} is not a folder; nothing was changed. Give another place with --out.`,
  outFolderUnwritable: (d) => `Cannot write in the folder ${excerpt(d, PATH_CHARACTERS)} (missing, no permission, or read-only); nothing was changed. Check the folder, or give another place with --out.`,
  badCalendar: (v) => `Unknown calendar "${excerpt(v)}"; use cn (China's official holidays and 调休, the default) or none (plain Monday–Friday).`,
  badWorkweek: (v) => `Unknown work week "${excerpt(v)}"; use 5day (Monday–Friday, the default), 6day (Monday–Saturday) or alternate:DATE (大小周: the week of DATE works its Saturday, e.g. alternate:2026-11-07).`,
  unknownCalendarAction: (a) => `calendar takes show or parse-notice, not "${excerpt(a)}".`,
  outLocked: (f, lock) => `Another sales-planner run is writing ${excerpt(f, PATH_CHARACTERS)} (lock file ${excerpt(lock, PATH_CHARACTERS)}); nothing was changed. Run again once it has finished; if none is running, delete the lock file and run again.`,
  noNoticeFile: "Name the file holding the notice's text (UTF-8), or - to read standard input.",
  notUtf8: (f) => `${excerpt(f, PATH_CHARACTERS)} is not UTF-8 text; save it as UTF-8 and try again.`,
  unknownImportKind: (k) => `import takes one of ${IMPORT_WORDS}, not "${excerpt(k)}".`,
  notImportSource: (f) => `--from must be an .xlsx or .csv file: ${excerpt(f, PATH_CHARACTERS)}`,
  badMap: (v) => `Invalid --map "${excerpt(v)}"; write SOURCE=TARGET (an empty TARGET leaves that column out).`,
  sheetWithCsv: (f) => `--sheet is for .xlsx files; ${excerpt(f, PATH_CHARACTERS)} is a CSV file.`,
  importMapping: (lines) => ["Columns (change with --map SOURCE=TARGET):", ...lines.map((l) => `  ${l}`)].join("\n"),
  mappingLine: (source, target) => `${excerpt(source)} → ${target}`,
  intoColumn: (field, column) => `${column} (as "${field}: …", and checked for duplicates)`,
  unmapped: (columns) => `Columns not imported: ${columns.map((c) => excerpt(c)).join(", ")} (to import one, name its target with --map SOURCE=TARGET)`,
  problemsHeader: (n) => `${n} things could not be read (unless it says the row was not imported, the cell was left blank and the rest of its row imported):`,
  imported: (n, table, sheet, file) => `Imported ${n} rows into "${excerpt(sheet)}" (table ${table}) of ${excerpt(file, PATH_CHARACTERS)}.`,
  createdRegister: (sheet) => `The workbook had no such register; created "${excerpt(sheet)}".`,
  heldForReview: (groups, rows, sheet) => `${groups} groups of likely duplicates (${rows} imported rows) were not imported; they are listed on sheet "${excerpt(sheet)}" for you to check.`,
  problemsListed: (sheet) => `The cells that could not be read are also listed on sheet "${excerpt(sheet)}".`,
  noColumnMatched: (headers) =>
    `No column of the source matches a register column (source columns: ${headers.filter((h) => h !== "").map((h) => excerpt(h)).join(", ") || "none"}): name them with --map SOURCE=TARGET, or check that the header is within the first 20 rows.`,
  unplacedColumns: (sheet, pairs) =>
    [
      `The register on sheet "${excerpt(sheet)}" has no column these could go into (renamed, or a formula column); nothing was changed:`,
      ...pairs.map((pair) => `  ${pair}`),
      `Name the register's column back to the target above, or leave the source column out with --map SOURCE=.`,
    ].join("\n"),
  missingKeys: (fields) => `No source column is mapped onto "${fields.join('", "')}", by which the register finds each row; nothing was changed. Name it with --map SOURCE=${fields[0]}.`,
  nothingToImport: (f) => `${excerpt(f, PATH_CHARACTERS)} has no rows to import below its header.`,
  moreProblems: (n) => `  … and ${n} more, all listed on the "Import review" sheet.`,
  yearNotCovered: (y, first, last) =>
    `The built-in holiday data does not cover ${y} (it covers ${first}–${last}). If the State Council has published that year's schedule, save the notice's text and run sales-planner calendar parse-notice --year ${y} NOTICE.txt.`,
  uncoveredYears: (years, first, last) =>
    [
      `Note: the built-in China holiday data covers ${first}–${last}; dates in ${years.slice(0, NAMED_YEARS).join(", ")}${years.length > NAMED_YEARS ? ` and ${years.length - NAMED_YEARS} more years` : ""} have no official holidays or 调休 and count as plain Monday–Friday.`,
      `Add them with --holidays FILE (one yyyy-mm-dd per line for a day off, +yyyy-mm-dd for a make-up working day), or save the State Council's notice (国务院办公厅关于…部分节假日安排的通知) as NOTICE.txt and run:`,
      ...years.slice(0, NAMED_YEARS).map((y) => `  sales-planner calendar parse-notice --year ${y} NOTICE.txt > holidays.txt`),
      ...(years.length > NAMED_YEARS ? [`  …and ${years.length - NAMED_YEARS} more years: the same command with their --year.`] : []),
    ].join("\n"),
  notDates: (table, cells) =>
    [
      `Note: these cells of the workbook's holidays table ${table} hold no date, so they were not taken as a day off or a make-up working day:`,
      ...cells.map((c) => `  ${c.address}: "${excerpt(c.text)}"`),
      "Type dates there (e.g. 2026-10-08) and write again for the values fixed from this table to count them.",
    ].join("\n"),
};

export const CLI_MESSAGES: Readonly<Record<Locale, CliMessages>> = { "zh-CN": zh, "en-US": en };

/** Each template's line in the help, after its command-line word. */
const TEMPLATE_HELP: { readonly [K in TemplateId]: (blankRows: number) => string } = {
  weekly: (n) => `周工作计划,重点工作留 ${n} 行空白 / weekly plan, ${n} blank key-item rows`,
  monthly: (n) => `月度工作计划,重点客户留 ${n} 行空白 / monthly plan, ${n} blank key-customer rows`,
  customers: (n) => `客户资源登记表 + 设置 + 汇总,${n} 行空白 / customer register + settings + summary, ${n} blank rows`,
  contracts: (n) => `合同履行一览表 + 统计 + 应收账龄(有明细时按明细累计),${n} 行空白 / contract register + statistics + receivables aging (summing the ledger where there is one), ${n} blank rows`,
  ledger: (n) => `合同收发票款明细(发货/退货/开票/回款),${n} 行空白 / contract ledger (shipments, returns, invoices, payments), ${n} blank rows`,
  visits: (n) => `客户拜访记录(一次联系一行;客户编号取自登记表),${n} 行空白 / visit log (one row per contact; IDs from the register), ${n} blank rows`,
  annual: () => `年度销售计划:上年各月(--last-year 或 --input)、增长率 → 年度目标,按上年占比或工作日分到月、季度、销售代表和 A/B/C 产品(行列合计精确),费用占比;选项见上 / annual sales plan: last year's months (--last-year or --input) and a growth rate → the year's target by month, quarter, rep and A/B/C product (rows and columns exact), expense ratio; options above`,
  projects: (n) => `项目跟踪表(前期设计→投标→深化设计→备货执行→验收→已收款/丢单,回访周期、商务文件截止)+ 按阶段和负责人汇总、中标率、漏斗图,${n} 行空白 / project tracker (design → bid → detailed design → stocking → acceptance → paid/lost, call-back cadence, bid-document deadline) + summary by stage and rep, win rate, funnel chart, ${n} blank rows`,
  diary: () => `工作日记:--rep 的每人每个工作日的新/老客户拜访和联络电话(来自客户拜访记录),二、三、四标准和月度达标率 / work diary: per rep (--rep 张三,李四) and working day, new and existing visits and calls from the visit log against the 2-3-4 standard, monthly pass rate`,
  accounts: (n) => `大客户开发计划 + 大客户名单:拓展目标、阶段、工作安排、物料、费用预算(55 000)和投入产出,名单留 ${n} 行空白 / key-account development plan + units list: targets, phases, schedule, materials, budget (55,000) and return on spend, ${n} blank units`,
  accountVisits: (n) => `大客户拜访报告(一次拜访一行;拜访次序自动编号,有客户拜访记录时核对当天记录),${n} 行空白 / key-account visit reports (one row per visit; numbered per account, checked against the visit log where there is one), ${n} blank rows`,
  groupDeals: (n) => `团购优惠明细(原价 → 一次性折后价 → 单位满 9 套折上折,关键人物奖励),${n} 行空白 / group discounts (list price → one-off price → a further discount once an account reaches 9 units, key-person reward), ${n} blank rows`,
};

/** The periods the options take, as the help states them: the ends derived from the calendar's dates (periodRange.ts). */
const MONTHS = monthRangeText(MONTH_RANGE);
const PLAN_MONTHS = monthRangeText(MONTHLY_PLAN_MONTHS);

/** The words' column, as wide as the longest word (account-visits) and two spaces. */
const wordWidth = Math.max(...TEMPLATE_IDS.map((id) => TEMPLATES[id].cliName.length)) + 2;
const templateLines = TEMPLATE_IDS.map((id) => `  ${TEMPLATES[id].cliName.padEnd(wordWidth)}${TEMPLATE_HELP[id](TEMPLATES[id].blankRows.initial)}`).join("\n");

export const HELP = `sales-planner — 销售计划助手 / Sales Planner for Excel

用法 Usage:
  sales-planner write <${CLI_NAMES.join("|")}>... --out FILE.xlsx [options]
  sales-planner rollup --out TEAM.xlsx REP1.xlsx [REP2.xlsx ...] [--history] [--lang zh-CN|en-US]
  sales-planner breakdown --out FILE.xlsx --target 1000000 (--month 2026-11 | --year 2026)
                --reps 张三=3,李四=2,王五=1 [--products 2:3:1] [--plans monthly | --plans weekly --week 2026-W48]
                [--calendar cn|none] [--workweek 双休|单休|大小周:DATE] [--holidays FILE] [--lang zh-CN|en-US]
                按年 year only: [--split lastyear|workdays] [--last-year 80000,60000,…] [--start 李四=7]
                [--month-hold 3=150000] [--input PLAN.csv];  按年按月 both: [--hold 张三=300000] [--unit 100]
  sales-planner write annual --year 2027 --last-year 80000,60000,…(12) --out FILE.xlsx [--growth 20%]
                [--target 1560000] [--split lastyear|workdays] [--reps 张三=2,李四=1] [--hold 张三=300000]
                [--start 李四=7] [--month-hold 3=150000] [--products 2:3:1] [--unit 100] [--cap 2%]
                [--input PLAN.csv] [--calendar …] [--workweek …] [--holidays FILE] [--lang zh-CN|en-US]
  sales-planner next --in FILE.xlsx --sheet NAME [--out NEW.xlsx] [--calendar cn|none] [--workweek 双休|单休|大小周:DATE]
                [--holidays FILE] [--lang zh-CN|en-US]
  sales-planner calendar show --year 2026
  sales-planner calendar parse-notice --year 2027 NOTICE.txt|-
  sales-planner import <${IMPORT_WORDS}> --from LIST.xlsx|LIST.csv [--sheet NAME] [--map 源列=目标列]...
                --out FILE.xlsx [--lang zh-CN|en-US]

  把所选模板写入一个新工作簿;若 FILE 已存在,则把模板作为新工作表加入,不改动其他工作表,
  重名的工作表自动改用空闲名称(如 "周计划-张三-2026W48 (2)")。
  Writes the chosen templates into a new workbook; if FILE exists the templates are added as new
  sheets and nothing else is touched (a taken sheet name gets a free one, e.g. "Weekly-Zhang-2026W48 (2)").
  每个命令写入时在输出文件旁放一个锁文件 .FILE.lock,结束时删除:其间另一个运行写同一文件会被拒绝
  (退出码 1,未做任何修改),已写入的工作表不会被它覆盖丢失。
  While a command writes, a lock file .FILE.lock stands beside the output and is removed at the end:
  another run writing the same file meanwhile is refused (exit code 1, nothing changed), so it cannot
  overwrite the sheets just written.

  rollup:把各销售代表工作簿中的周计划和月计划复制到 TEAM(不存在则新建;重名的工作表和
  计划标识自动改名),并生成"团队汇总"工作表:每张计划表一行,公式直接引用计划表的命名单元格,
  含团队合计;TEAM 中有项目跟踪表时,另列出各销售代表各阶段的项目数、金额和中标率;TEAM 中已有的
  团队汇总表会按新的计划表重建。--history 另把本次汇总的快照记入"团队历史"工作表(每张计划表一行:
  目标、实际、达成率;每次记录尚未记录的期间、各类型最新的期间和本次复制进来的计划所在的期间,
  替换这些期间的行,其他已记录的期间保持不变),并重写各代表按期间的达成率透视表和折线图。
  rollup copies the weekly and monthly plans of the reps' workbooks into TEAM (created if missing;
  taken sheet names and plan keys are renamed) and writes the "Team summary" sheet: one row per plan
  sheet, formulas linked to the plans' named cells, team totals; when TEAM holds a project tracker, each
  rep's projects and amounts by stage and win rate too; a summary already in TEAM is rebuilt.
  --history also records the roll-up's snapshot in the "Team history" sheet (one row per plan sheet:
  target, actual, achievement; it records the periods not logged yet, each kind's latest period and the
  periods of the plans this run copies in, replacing those periods' rows; older periods already logged
  stay as they are) and rewrites
  its pivot and line charts of each rep's achievement by period.

  next:由工作表 NAME 上的周计划(月计划)生成下周(下月)计划,加入同一工作簿(给出 --out 时写入新文件):
  姓名、部门/团队、审批人不变,本周实际填入上周实际,完成情况不是"已完成"或"取消"的重点工作连同原因、
  目标、方案带入;月计划另带入重点客户(生意回顾从"未开始"起)、未完成的 VIP培养计划和未收齐的回款
  (欠款作为应收余额)。工作簿中有含本人和该期间的目标分解时,销售额目标取自分解。下期计划已存在时不重复生成。
  next makes the next week's (month's) plan from the plan on sheet NAME, in the same workbook (a new
  file with --out): name, team and approver kept, this week's actuals as last week's, key items whose
  status is not Done or Cancelled carried with their reason, goal and approach; a monthly plan also
  carries its key customers (business review back to Not started), open VIP development and collections
  still owed (the amount owed as the receivable). The sales target from the workbook's target breakdown
  when one holds this rep and period. A next plan already there is not made twice.

  breakdown:把团队目标按权重拆分给销售代表(最大余数法,合计恰好等于目标),再按工作日拆到每周
  (默认计入中国法定节假日和调休,见 --calendar、--holidays),写入"目标分解"工作表;--products 另按产品
  比例拆分;--plans 为每位代表生成已填好目标的月计划或周计划。
  breakdown splits the team target over the reps by weight (largest remainder, parts sum exactly),
  each rep's part over the weeks by working days (China's holidays and 调休 by default; see --calendar,
  --holidays), into a "Target breakdown" sheet; --products adds the product split; --plans adds each
  rep's monthly or weekly plan, target filled in.
  按年分解(--year)时,--plans monthly 需用 --month 指定该年中月计划的月份(如 --month 2026-03),
  不会默认为当月;--plans weekly 需用 --week 指定分解期间内的一周(如 --week 2026-W10),不会默认为
  下周;--week 只用于 --plans weekly。
  For a year (--year), --plans monthly needs the plans' month, a month of that year, with --month
  (e.g. --month 2026-03): it is never the current month by default. --plans weekly needs the plans'
  week, a week with a day in the breakdown's year or month, with --week (e.g. --week 2026-W10): it is
  never the coming week by default. --week goes with --plans weekly only.
  按年分解时:--hold 固定某人的目标,其余按权重分给其他人;--start 新人从某月到岗(之前各月为 0);
  --split lastyear 按上年各月销售拆到各月(--last-year 或输入文件;输入文件的"代表上年"行给出个人的
  上年各月),默认按工作日;--month-hold 固定某月的团队目标;--unit 按 100 元(或其他整数元)取整。
  人员 × 月份表的每行、每列都恰好等于各自的合计。按月分解只用 --hold 和 --unit。
  For a year: --hold fixes a rep's target and spreads the rest over the others by weight; --start has
  a new rep start in a month (earlier months 0); --split lastyear splits the months by last year's
  sales (--last-year or the input file, whose "Rep last year" rows give a rep's own months), working
  days by default; --month-hold fixes a month's team target; --unit rounds to whole hundreds (or any whole number) of yuan.
  Every row and every column of the reps × months grid sums exactly to its total. A month's breakdown
  takes only --hold and --unit.

  write annual:年度销售计划。年度目标 = 上年合计 × (1 + 增长率,默认 20%),或 --target 直接给出;
  按上年各月销售(默认)或工作日拆到各月,季度、同比、人员 × 月份和产品 × 月份(默认 2:3:1)各表的
  行列合计都精确相等;费用预算按 --cap(默认 2%)检查费用占比。
  write annual: the annual sales plan. The target is last year's total × (1 + growth, default 20%),
  or --target; split over the months by last year's sales (default) or working days, with quarters,
  year-on-year, and reps × months and products × months (default 2:3:1) grids whose rows and columns
  all sum exactly; the expense budget's share of the target is checked against --cap (default 2%).

  --input PLAN.csv:一行一项,第一格为项目名(中英文皆可),命令行选项优先于文件。在 Excel 中另存为
  CSV(UTF-8 或默认的 GBK 编码)即可。 One item per row, the item's name (Chinese or English) first;
  options given on the command line win over the file. Save it from Excel as CSV (UTF-8 or GBK):
    上年实际 Last year,80000,60000,…(12)      增长率 Growth,20%        年度目标 Target,1560000
    拆分方式 Split,上年|工作日                产品比例 Products,2:3:1  费用上限 Expense cap,2%
    取整单位 Unit,100                         固定月目标 Month hold,3,150000
    销售代表 Rep,张三,2[,到岗月份 start month][,固定目标 fixed target]
    代表上年 Rep last year,张三,40000,…(12)

  calendar show:按 --holidays 的格式列出内置的某年法定放假日(yyyy-mm-dd)和调休上班日(+yyyy-mm-dd)。
  calendar parse-notice:读取国务院办公厅节假日安排通知的文本(UTF-8 文件,- 为标准输入),输出同样格式的
  日期行,可重定向为 --holidays 文件;无法识别的句子在标准错误中逐句指出,此时退出码为 2,已识别的日期仍会输出。
  calendar show lists the built-in official days off (yyyy-mm-dd) and make-up working days (+yyyy-mm-dd)
  of a year, in the --holidays format. calendar parse-notice reads the text of the State Council's
  holiday notice (a UTF-8 file, - for standard input) and prints the same lines, ready to redirect into
  a --holidays file; each sentence it cannot read is named on stderr and the exit code is 2, the dates it
  did read are printed all the same.

  import:把已有的客户、合同、拜访或收发票款清单(.xlsx,或 UTF-8 / GBK 编码的 .csv)追加到 FILE 中
  对应登记表的末尾(没有则新建,公式列随之延伸)。表头按常见叫法自动对应(如 单位名称 → 客户名称),
  用 --map 修改;日期、金额(万元、¥、千分位)、电话、下拉选项统一整理,无法识别的单元格逐个列出;
  与登记表或本次导入中其他行疑似重复的行(名称去掉公司类型和省市后相同、电话相同、信用代码相同)
  不导入,列在"导入复核"工作表中。源文件从不修改;失败时 FILE 保持原样。
  import appends an existing customer, contract, visit or ledger list (.xlsx, or a UTF-8 or GBK .csv)
  under the matching register in FILE (created if missing; its formula columns extend). Headers are
  matched by their usual names (单位名称 → 客户名称, Mobile → 电话), changed with --map; dates, amounts
  (万元, ¥, thousands separators), phones and drop-down values are cleaned up, and every cell that cannot
  be read is listed; rows that look like duplicates of the register or of each other (same name once
  legal forms and places are stripped, same phone, same credit code) are not imported but listed on an
  "Import review" sheet. The source is never changed; on failure FILE stays as it was.

模板 Templates:
${templateLines}

选项 Options:
  --out FILE.xlsx       输出文件(必填)/ output file (required)
  --lang zh-CN|en-US    模板语言,默认 zh-CN / template language, default zh-CN
  --rep NAME            销售代表或团队名(weekly、monthly、diary)/ rep or team name (weekly, monthly, diary)
  --week 2026-W48       周计划的 ISO 周次,write 默认下周,breakdown 必填 / ISO week of the weekly
                        plans, write: default next week, breakdown: required;
                        ${WEEK_RANGE_TEXT.first} 至 ${WEEK_RANGE_TEXT.last} / from ${WEEK_RANGE_TEXT.first} to ${WEEK_RANGE_TEXT.last}
  --month 2026-11       月计划的月份,默认下月;其年份也是合同统计的起始年度,默认今年;
                        breakdown 按月分解的月份,按年分解时为月计划的月份。${MONTHS.first} 至 ${MONTHS.last},
                        月计划至 ${PLAN_MONTHS.last}(其生意回顾截止在下月)/
                        month of the monthly plan, default next month; its year is also the
                        contract statistics' first year, default this year; breakdown: the month
                        to break down, or with --year the month of the monthly plans. From
                        ${MONTHS.first} to ${MONTHS.last}; a monthly plan to ${PLAN_MONTHS.last} (its review is due in the next month)
                        write 中只用于 monthly、contracts、diary、annual;--week 只用于 weekly /
                        write: --month is read by monthly, contracts, diary, annual only; --week by weekly only
  --calendar cn|none    cn(或"中国",默认):内置中国法定节假日和调休(${CHINA_CALENDAR.firstYear}–${CHINA_CALENDAR.lastYear} 年);
                        none(或"无"):仅周一至周五。超出内置年份时会提示如何补充。
                        cn (default): China's official holidays and 调休, built in for
                        ${CHINA_CALENDAR.firstYear}–${CHINA_CALENDAR.lastYear}; none: plain Monday–Friday. A year past the data
                        is named on stderr with how to add its dates.
  --workweek 双休|单休|大小周:2026-11-07
                        工作周,默认双休(周一至周五);单休为周一至周六;大小周隔周上周六,
                        日期所在的一周为大周。节假日和调休在此之上计算 /
                        work week, default 5day (Monday–Friday); 6day: Monday–Saturday;
                        alternate:DATE: Saturdays alternate, the week of DATE works its Saturday.
                        Holidays and 调休 apply on top.
  --holidays FILE       节假日文件,叠加在所选日历之上,同一日期以文件为准 /
                        holidays file, laid over the chosen calendar; for a date in both, the file wins:
                          每行一个日期 yyyy-mm-dd 为节假日;前加 "+" 为调休上班日;
                          空行和 # 开头的行忽略。
                          one date per line, yyyy-mm-dd = holiday, +yyyy-mm-dd = make-up
                          working day (调休); blank lines and lines starting with # are ignored.
                          例 Example:
                            2026-10-01
                            +2026-10-10
  --year 2026           breakdown、write annual 的年度(write annual 默认今年,或 --month 的年份);calendar 的年份;
                        ${YEAR_RANGE.first}–${YEAR_RANGE.last} 年 / breakdown, write annual: the year to plan (write annual:
                        this year, or the year of --month, by default); calendar: the year. ${YEAR_RANGE.first} to ${YEAR_RANGE.last}
  --last-year 80000,…   上年 12 个月的实际销售额,逗号分隔 / last year's sales, 12 months, comma-separated
  --growth 20%          年度增长率,默认 20%(20、0.2 亦可)/ growth over last year, default 20% (20, 0.2 too)
  --target 1560000      团队目标(元);write annual 不填则按上年 × (1 + 增长率)/ the team target (yuan);
                        write annual computes it from last year × (1 + growth) when not given
  --split lastyear|workdays
                        各月按上年销售(上年)或工作日(工作日)拆分 / months by last year's sales or working days
  --reps 张三=2,李四=1  销售代表及权重 / the reps and their weights
  --hold 张三=300000    固定某人的目标(年度或当月),其余分给其他人 / fix a rep's target, spread the rest
  --start 李四=7        新人的到岗月份,之前各月为 0 / a new rep's first month; earlier months get 0
  --month-hold 3=150000 固定某月的团队目标 / fix a month's team target
  --products 2:3:1      A:B:C 产品比例 / the A:B:C product ratio
  --unit 100            取整单位(元,如 10、100、1000、10000)/ whole units of that many yuan (10, 100, 1000 …)
  --cap 2%              费用占比上限,默认 2% / the expense budget's cap as a share of the target, default 2%
  --input PLAN.csv      从 CSV 文件读取以上各项(见上)/ read the items above from a CSV file (see above)
  --in FILE             next 读取的工作簿 / next: the workbook holding the plan
  --from FILE           import 的来源(.xlsx 或 .csv)/ import: the list to bring in
  --sheet NAME          import 读取 .xlsx 中的哪张工作表,默认第一张;next:计划所在的工作表
                        / import: which sheet of an .xlsx, default the first; next: the plan's sheet
  --map 源列=目标列     import 的列对应,可重复;目标列留空表示不导入 / import: map a source column
                        onto a register column (repeatable); an empty target leaves it out
  -h, --help            显示本帮助 / show this help

每个选项只能给一次,--map 除外 / Each option is given once, except --map.

退出码 Exit codes: 0 成功 ok · 1 运行失败 runtime failure · 2 用法错误 bad usage
`;
