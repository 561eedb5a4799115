import { type CodeWords, WordedError } from "../../contract/codedError";
import { LOCALES, type Locale } from "../../contract/locale";
import { isoWeekMonday, type WorkCalendar } from "../../domain/calendar";
import { formatMonthText, formatWeekText, monthAfter, parseMonthText, parseWeekText, weekAfter, type IsoWeek, type YearMonth } from "../../domain/dateText";
import { MONTHLY_PLAN_MONTHS, monthYears, TEMPLATES, weekYears } from "../registry";
import { monthInRange, weekInRange } from "../../domain/periodRange";
import { spName, spTable } from "../../spec/naming";
import { ROLLUP_METRICS, type CellValue, type MonthlyMetric, type TableRow, type WeeklyMetric } from "../../spec/sheetSpec";
import type { PlanInstance } from "../../team/plans";
import { templateStrings } from "../strings";
import { teamStrings } from "./strings";
import type { RequestOf } from "..";

/**
 * 下周计划 / 下月计划 (issue 16 item 1): the next period's plan from what was read of this one. Pure: the
 * command line reads the .xlsx package, the pane reads the open workbook, both hand over the same
 * `PlanRead` and write the request this returns.
 *
 * What carries, and why:
 * - rep, 部门/团队 and 审批人: the same person plans the next week, in the same team, for the same approver;
 * - a weekly plan's 上周实际 = this week's 实际, metric by metric (the column exists for that). A monthly plan
 *   has no 上月实际 column, so its actuals do not carry (the month's figures stay on its own sheet);
 * - the weekly key items whose 完成情况 is not 已完成 or 取消, with every column (原因/目标/方案/…, 完成情况
 *   itself): open work goes on. A 截止日期 already past is kept as it is — it is the date promised, and moving
 *   it would hide that the item is late. Blank rows do not carry;
 * - a monthly plan's key customers (客户, 等级, 行动计划, 负责人), not their 本月目标, which is this month's figure,
 *   nor their 生意回顾 state and date: each month's review is its own, and the new month's starts 未开始;
 * - a monthly plan's 重点工作 and VIP培养计划 rows not 已完成 or 取消, every column, as the weekly key items;
 * - its 回款计划 rows still owed (`owedCollections`). A plan written before these lists (monthly v1) has no
 *   such tables: nothing of them carries;
 * - the 销售额 target from the workbook's 目标分解 when one holds this rep for the next period (the rep's
 *   weeks starting in the next ISO week, or of the next month, as the breakdown pre-fills plans); every
 *   other target stays blank. Not this period's targets: a target is the manager's to set, and a copy
 *   would pass last week's figure off as this week's in the roll-up's totals.
 * The new plan is in the language the plan was written in (its headers say which), so carried drop-down
 * words (类别, 完成情况) stay in their lists.
 */

/** A table as a front door read it. A cell is `undefined` when it holds a formula whose value was not saved. */
export interface TableRead {
  readonly name: string;
  readonly headers: readonly string[];
  readonly rows: readonly (readonly (CellValue | undefined)[])[];
}

/** What a front door read of the plan the next one starts from. */
export interface PlanRead {
  readonly plan: PlanInstance;
  /** 部门/团队 and 审批人 (weekly plans; absent when unreadable). */
  readonly team?: CellValue;
  readonly approver?: CellValue;
  /** The tables `planTables(plan)` names that the workbook holds. */
  readonly tables: readonly TableRead[];
}

export type NextPlanErrorCode = "noSheet" | "notAPlan" | "planUnreadable" | "periodUnreadable" | "outOfRange";

export interface NextPlanErrorParams {
  readonly sheet: string;
  readonly value?: string;
}

const MESSAGES: CodeWords<NextPlanErrorCode, NextPlanErrorParams> = {
  "zh-CN": {
    noSheet: (p) => `工作簿中没有名为“${p.sheet}”的工作表。`,
    notAPlan: (p) => `工作表“${p.sheet}”不是销售计划助手生成的周计划或月计划。请选择一张周计划或月计划（或先用“写入模板”生成一张）。`,
    planUnreadable: (p) => `工作表“${p.sheet}”上的计划缺少姓名或期间（它们的单元格或名称已被删除或清空）。请填写姓名，或重新生成这份计划。`,
    periodUnreadable: (p) => `无法识别工作表“${p.sheet}”上计划的期间“${p.value ?? ""}”：周计划应为 2026-W05 这样的年-周次，月计划应为 2026-05 这样的年月。`,
    outOfRange: (p) => `工作表“${p.sheet}”的下一个期间（${p.value ?? ""}）超出了本工具支持的日期范围。`,
  },
  "en-US": {
    noSheet: (p) => `The workbook has no sheet named "${p.sheet}".`,
    notAPlan: (p) => `Sheet "${p.sheet}" is not a weekly or monthly plan made by Sales Planner. Pick a weekly or monthly plan (or write one with the template gallery first).`,
    planUnreadable: (p) => `The plan on sheet "${p.sheet}" has no name or period (their cells or names were deleted or cleared). Fill in the name, or write the plan again.`,
    periodUnreadable: (p) => `The period "${p.value ?? ""}" of the plan on sheet "${p.sheet}" cannot be read: a weekly plan's is a year-week like 2026-W05, a monthly plan's a month like 2026-05.`,
    outOfRange: (p) => `The period after the plan on sheet "${p.sheet}" (${p.value ?? ""}) is past the dates this tool supports.`,
  },
};

export class NextPlanError extends WordedError<NextPlanErrorCode, NextPlanErrorParams> {
  constructor(code: NextPlanErrorCode, params: NextPlanErrorParams) {
    super(code, params, MESSAGES);
    this.name = "NextPlanError";
  }
}

/** The plan on `sheet` (its record's sheet, case as Excel compares), or a `notAPlan` error. */
export function planOnSheet(plans: readonly PlanInstance[], sheet: string): PlanInstance {
  const found = plans.find((p) => p.sheet.toLowerCase() === sheet.toLowerCase());
  if (!found) throw new NextPlanError("notAPlan", { sheet });
  return found;
}

const KEY_TABLE = { weekly: "KeyItems", monthly: "KeyCustomers" } as const;
/** A monthly plan's lists besides its key customers (重点工作, 回款计划, VIP培养计划; monthly v2). */
const MONTHLY_LISTS = ["KeyWork", "Collections", "Vip"] as const;

/** The tables a front door reads of `plan`: its targets (¥ and counts), its key items or key customers, and a monthly plan's other lists. */
export const planTables = (plan: PlanInstance): string[] => [
  spTable(plan.key, "Targets"),
  spTable(plan.key, "CountTargets"),
  spTable(plan.key, KEY_TABLE[plan.template]),
  ...(plan.template === "monthly" ? MONTHLY_LISTS.map((part) => spTable(plan.key, part)) : []),
];

/** The names of a weekly plan's 部门/团队 and 审批人 cells (plans written before weekly v2 have none: `HEADER_OFFSETS`). */
export const headerNames = (plan: PlanInstance): { readonly team: string; readonly approver: string } => ({ team: spName(plan.key, "TEAM"), approver: spName(plan.key, "APPROVER") });

/** Whether a reader must supply this name's value besides those `needsValue` selects: a weekly plan's 部门/团队 and 审批人. */
export const isHeaderName = (name: string): boolean => /^SP_W\d+_(TEAM|APPROVER)$/i.test(name);

/** Where a v1 weekly plan's 部门/团队 and 审批人 values are from its 姓名 value (rows, columns): the layout every v1 plan has. */
export const HEADER_OFFSETS = { team: [0, 2], approver: [2, 0] } as const;

/** The breakdowns' week tables (目标分解 `SP_B<n>_Weeks`), latest written (highest key) first. */
export function breakdownWeekTables(tables: readonly string[]): string[] {
  const number = (name: string): number => Number(/^SP_B(\d+)_Weeks$/i.exec(name)?.[1] ?? -1);
  return tables.filter((t) => number(t) >= 0).sort((a, b) => number(b) - number(a));
}

/** The next plan's period, as its PERIOD cell states it: the ISO week or month after the plan's. */
export function nextPeriod(plan: PlanInstance): { readonly text: string } & ({ readonly week: IsoWeek } | { readonly month: YearMonth }) {
  if (plan.template === "weekly") {
    const week = parseWeekText(plan.period);
    if (!week) throw new NextPlanError("periodUnreadable", { sheet: plan.sheet, value: plan.period });
    const next = weekAfter(isoWeekMonday(week.year, week.week));
    if (!weekInRange(next)) throw new NextPlanError("outOfRange", { sheet: plan.sheet, value: formatWeekText(next) });
    return { text: formatWeekText(next), week: next };
  }
  const month = parseMonthText(plan.period);
  if (!month) throw new NextPlanError("periodUnreadable", { sheet: plan.sheet, value: plan.period });
  const next = monthAfter(month);
  if (!monthInRange(next, MONTHLY_PLAN_MONTHS)) throw new NextPlanError("outOfRange", { sheet: plan.sheet, value: formatMonthText(next) });
  return { text: formatMonthText(next), month: next };
}

/** The plan of the same template, rep and period as the next one, already in the workbook (the first such). */
export function existingNext(plans: readonly PlanInstance[], plan: PlanInstance, period: string): PlanInstance | undefined {
  const same = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();
  return plans.find((p) => p.key !== plan.key && p.template === plan.template && same(p.rep, plan.rep) && same(p.period, period));
}

const text = (value: CellValue | undefined): string => (value === null || value === undefined ? "" : String(value).trim());
const number = (value: CellValue | undefined): number | null => (typeof value === "number" && Number.isFinite(value) ? value : null);

/** The column of `table` whose header is one of `headers` (either language), or -1. */
function column(table: TableRead, headers: readonly string[]): number {
  const wanted = new Set(headers.map((h) => h.trim().toLowerCase()));
  return table.headers.findIndex((h) => wanted.has(h.trim().toLowerCase()));
}

const bothLanguages = <T>(pick: (locale: Locale) => T): T[] => LOCALES.map(pick);

/** The language the plan was written in: the one whose 指标 header its targets table has; `fallback` if neither. */
function planLocale(read: PlanRead, fallback: Locale): Locale {
  const targets = read.tables.find((t) => t.name.toLowerCase() === spTable(read.plan.key, "Targets").toLowerCase());
  return LOCALES.find((l) => targets?.headers.some((h) => h.trim() === templateStrings(l).plan.targetColumns.metric)) ?? fallback;
}

/** This plan's 实际 by metric id (a metric whose row or column is gone is left out), and the metrics whose 实际 was a formula without a saved value. */
function actuals(read: PlanRead): { figures: Map<string, number | null>; unsaved: string[] } {
  const template = read.plan.template;
  const labels = new Map<string, string>();
  for (const locale of LOCALES) {
    const metrics: Readonly<Record<string, string>> = template === "weekly" ? templateStrings(locale).weekly.metrics : templateStrings(locale).monthly.metrics;
    for (const id of ROLLUP_METRICS[template]) labels.set(metrics[id].toLowerCase(), id);
  }
  const figures = new Map<string, number | null>();
  const unsaved: string[] = [];
  for (const part of ["Targets", "CountTargets"]) {
    const table = read.tables.find((t) => t.name.toLowerCase() === spTable(read.plan.key, part).toLowerCase());
    if (!table) continue;
    const metricAt = column(table, bothLanguages((l) => templateStrings(l).plan.targetColumns.metric));
    const actualAt = column(table, bothLanguages((l) => templateStrings(l).plan.targetColumns.actual));
    if (metricAt < 0 || actualAt < 0) continue;
    for (const row of table.rows) {
      const id = labels.get(text(row[metricAt]).toLowerCase());
      if (id === undefined || figures.has(id)) continue;
      if (row[actualAt] === undefined) unsaved.push(text(row[metricAt]));
      figures.set(id, number(row[actualAt]));
    }
  }
  return { figures, unsaved };
}

const KEY_ITEM_KEYS = ["category", "item", "reason", "goal", "approach", "support", "owner", "due", "status"] as const;
const KEY_CUSTOMER_KEYS = ["customer", "tier", "plan", "owner"] as const;
const VIP_KEYS = ["customer", "current", "target", "measures", "owner", "due", "status"] as const;
const COLLECTION_KEYS = ["customer", "contract", "receivable", "planned", "actual", "owner"] as const;

/** Rows of `table` as TableRows by column key (headers of either language), blank rows dropped. */
function rowsByKey(table: TableRead | undefined, keys: readonly string[], headersOf: (locale: Locale) => Readonly<Record<string, string>>): TableRow[] {
  if (!table) return [];
  const at = keys.map((key) => [key, column(table, bothLanguages((l) => headersOf(l)[key]))] as const).filter(([, i]) => i >= 0);
  return table.rows.flatMap((row) => {
    const entries = at.map(([key, i]) => [key, row[i] ?? null] as const).filter(([, value]) => text(value) !== "");
    return entries.length === 0 ? [] : [Object.fromEntries(entries) as TableRow];
  });
}

/** The open rows (key items, 重点工作, VIP培养计划): not 已完成, not 取消 (in either language). */
function openItems(rows: readonly TableRow[]): TableRow[] {
  const closed = new Set(bothLanguages((l) => templateStrings(l).weekly.dailyStates).flatMap(([, , done, cancelled]) => [done, cancelled]));
  return rows.filter((row) => !closed.has(text(row.status)));
}

/**
 * The 回款计划 rows still owed: 实际回款额 short of 计划回款额 (blank = nothing collected). Money not collected is
 * still the customer's debt and the rep's to chase, so the row carries — customer, contract and owner — with
 * what is owed as the new 应收余额: this month's 应收余额 less what came in, or, when no balance was stated,
 * the shortfall of the plan (that much was due and did not come). Its date and amounts do not carry: next
 * month's collection plan is the rep's to set, as a target is the manager's. A row whose plan was met
 * carries nothing even when a balance remains: that balance falls due by the contract, and goes into a
 * month's plan when it does, from the receivables register, not from last month's plan.
 */
function owedCollections(rows: readonly TableRow[]): TableRow[] {
  return rows.flatMap((row) => {
    const planned = number(row.planned);
    const actual = number(row.actual) ?? 0;
    if (planned === null || planned <= actual) return [];
    const owed = Math.round(((number(row.receivable) ?? planned) - actual) * 100) / 100;
    if (owed <= 0) return [];
    const kept = (["customer", "contract", "owner"] as const).filter((key) => row[key] !== undefined).map((key) => [key, row[key]] as const);
    return [{ ...Object.fromEntries(kept), receivable: owed }];
  });
}

/** A week table of a breakdown: its rows of `rep` by date (a week part's 起) and month, with targets. */
function breakdownRows(table: TableRead, rep: string): { from: number; month: string; target: number }[] {
  const headers = (key: "rep" | "month" | "from" | "target"): number => column(table, bothLanguages((l) => teamStrings(l).breakdown.weekColumns[key]));
  const [repAt, monthAt, fromAt, targetAt] = [headers("rep"), headers("month"), headers("from"), headers("target")];
  if ([repAt, monthAt, fromAt, targetAt].some((i) => i < 0)) return [];
  const who = rep.trim().toLowerCase();
  return table.rows.flatMap((row) => {
    const from = number(row[fromAt]);
    const target = number(row[targetAt]);
    return text(row[repAt]).toLowerCase() === who && from !== null && target !== null ? [{ from, month: text(row[monthAt]), target }] : [];
  });
}

/**
 * The 销售额 target of the next period from the first of `breakdowns` (latest first) with rows of the rep in it,
 * and that table's name; undefined when none has. The same parts `planRequestsFromBreakdown` fills a plan with:
 * the week parts starting in the ISO week, or the month's.
 */
function breakdownTarget(breakdowns: readonly TableRead[], rep: string, next: ReturnType<typeof nextPeriod>): { target: number; table: string } | undefined {
  for (const table of breakdowns) {
    const rows = breakdownRows(table, rep).filter((r) => {
      if ("month" in next) return r.month === next.text;
      const monday = isoWeekMonday(next.week.year, next.week.week);
      return r.from >= monday && r.from <= monday + 6;
    });
    if (rows.length > 0) return { target: rows.reduce((sum, r) => sum + r.target, 0), table: table.name };
  }
  return undefined;
}

/** How many rows of each list the next plan took over: a weekly plan's key items, a monthly plan's four lists. */
export type Carried = { readonly keyItems: number } | { readonly keyCustomers: number; readonly keyWork: number; readonly collections: number; readonly vip: number };

export type NextPlan =
  /** The workbook already holds the next plan: nothing is written. */
  | { readonly kind: "exists"; readonly sheet: string; readonly period: string }
  | {
      readonly kind: "new";
      readonly period: string;
      readonly request: RequestOf<"weekly"> | RequestOf<"monthly">;
      /** The language to build it in: the plan's own. */
      readonly locale: Locale;
      /** The rows carried over, list by list. */
      readonly carried: Carried;
      /** The breakdown table the 销售额 target came from, if any. */
      readonly targetFrom?: string;
      /** Metrics whose 实际 was a formula without a saved value: 上周实际 left blank for them. */
      readonly unsaved: readonly string[];
    };

/**
 * The next plan of `read.plan`: the existing one when `plans` (every plan of the workbook) hold it,
 * else the request to write. `breakdowns` are the workbook's breakdown week tables, latest first.
 */
export function nextPlan(
  read: PlanRead,
  plans: readonly PlanInstance[],
  breakdowns: readonly TableRead[],
  locale: Locale,
  calendar?: (years: readonly number[]) => WorkCalendar,
): NextPlan {
  const { plan } = read;
  if (plan.rep === "" || plan.period === "") throw new NextPlanError("planUnreadable", { sheet: plan.sheet });
  const next = nextPeriod(plan);
  const found = existingNext(plans, plan, next.text);
  if (found) return { kind: "exists", sheet: found.sheet, period: next.text };
  const fromBreakdown = breakdownTarget(breakdowns, plan.rep, next);
  const target = fromBreakdown ? { target: fromBreakdown.target } : {};
  const tableOf = (part: string): TableRead | undefined => read.tables.find((t) => t.name.toLowerCase() === spTable(plan.key, part).toLowerCase());
  const keyTable = tableOf(KEY_TABLE[plan.template]);
  const years = "week" in next ? weekYears(next.week) : monthYears(next.month);
  const common = { rep: plan.rep, ...(calendar ? { calendar: calendar(years) } : {}) };
  const result = { kind: "new", period: next.text, locale: planLocale(read, locale), ...(fromBreakdown ? { targetFrom: fromBreakdown.table } : {}) } as const;
  if ("week" in next) {
    const { figures, unsaved } = actuals(read);
    const keyItems = openItems(rowsByKey(keyTable, KEY_ITEM_KEYS, (l) => templateStrings(l).weekly.keyColumns));
    const targets: Partial<Record<WeeklyMetric, { target?: number; lastWeek?: number | null }>> = {};
    for (const id of ROLLUP_METRICS.weekly) targets[id] = { lastWeek: figures.get(id) ?? null };
    targets.SALES = { ...targets.SALES, ...target };
    const team = text(read.team);
    const approver = text(read.approver);
    return {
      ...result,
      carried: { keyItems: keyItems.length },
      unsaved,
      request: {
        template: "weekly",
        options: { ...common, ...(team ? { team } : {}), ...(approver ? { approver } : {}), year: next.week.year, week: next.week.week, targets, keyItems, blankRows: TEMPLATES.weekly.blankRows.initial },
      },
    };
  }
  const monthly = (l: Locale) => templateStrings(l).monthly;
  const keyCustomers = rowsByKey(keyTable, KEY_CUSTOMER_KEYS, (l) => monthly(l).customerColumns);
  const keyWork = openItems(rowsByKey(tableOf("KeyWork"), KEY_ITEM_KEYS, (l) => templateStrings(l).weekly.keyColumns));
  const collections = owedCollections(rowsByKey(tableOf("Collections"), COLLECTION_KEYS, (l) => monthly(l).collectionColumns));
  const vip = openItems(rowsByKey(tableOf("Vip"), VIP_KEYS, (l) => monthly(l).vipColumns));
  const targets: Partial<Record<MonthlyMetric, { target?: number }>> = fromBreakdown ? { SALES: target } : {};
  return {
    ...result,
    carried: { keyCustomers: keyCustomers.length, keyWork: keyWork.length, collections: collections.length, vip: vip.length },
    // A monthly plan has no 上月实际 to fill: its actuals are not read, so none is missing a saved value.
    unsaved: [],
    request: { template: "monthly", options: { ...common, year: next.month.year, month: next.month.month, targets, keyCustomers, keyWork, collections, vip } },
  };
}
