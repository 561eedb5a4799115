import { daysInMonth, monthWeeks, PLAIN_WEEKS, serialFromYmd, workingDates, type WorkCalendar } from "../domain/calendar";
import { SUM, label } from "./columns";
import { kitFor, type BuildContext } from "./context";
import { printSetup, SheetDraft, type PlacedTable, type TableInput } from "./draft";
import { FORMATS, numberFormat } from "./formats";
import { col, largestRemainderShare, thisRow } from "../spec/formula";
import { holidayTables, workbookCalendar, workdaysFormula } from "./holidays";
import { TEMPLATES } from "./registry";
import { freeKey, freeSheetName, sheetTitle, spName, spTable, templateRecord } from "../spec/naming";
import {
  achievementFormats,
  expenseTable,
  keyItemColumns,
  rateFormula,
  rollupReadout,
  section,
  targetsTable,
  type ExpenseRow,
  metricRows,
  totalRateFormula,
} from "./planBlocks";
import { ROLLUP_METRICS, type MonthlyMetric, type SheetSpec, type TableRow } from "../spec/sheetSpec";

/** 月度工作计划 (DOMAIN §1.2): one sheet per rep (or team) per month. */

export interface MonthlyPlanOptions {
  /** Rep or team name. */
  readonly rep: string;
  readonly year: number;
  readonly month: number;
  /** Holidays and 调休 make-up days; plain Mon–Fri weeks when absent. */
  readonly calendar?: WorkCalendar;
  readonly targets?: Partial<Record<MonthlyMetric, { readonly target?: number | null; readonly actual?: number | null }>>;
  /** Actual sales per week row, in order. */
  readonly weekActuals?: readonly (number | null)[];
  /** Product-mix ratio A:B:C (default 2:3:1, from the seeds). */
  readonly productRatios?: readonly [number, number, number];
  readonly productActuals?: readonly [number | null, number | null, number | null];
  /** Key-customer rows by column key (customer, tier, target, plan, owner, review, reviewedOn). */
  readonly keyCustomers?: readonly TableRow[];
  /** 重点工作 rows by column key (item, reason, goal, approach, support, owner, due, status). */
  readonly keyWork?: readonly TableRow[];
  /** 回款计划 rows by column key (customer, contract, receivable, date, planned, actual, owner). */
  readonly collections?: readonly TableRow[];
  /** VIP培养计划 rows by column key (customer, current, target, measures, owner, due, status). */
  readonly vip?: readonly TableRow[];
  /** Blank rows added after the rows given to each list (key customers, key work, collections, VIP) for the rep to fill in (default: the registry's). */
  readonly blankRows?: number;
  readonly expenses?: readonly ExpenseRow[];
  readonly forecast?: number | null;
  readonly summary?: string | null;
  readonly issues?: string | null;
}

const READOUT_COL = 9;
const REVIEW_WORKING_DAY = 3;

/**
 * The 3rd working day of the month after `year-month`: seed 001 (六) has each customer's business review
 * "下月前3个工作日报上级主管确认", then held with the customer.
 */
function reviewDue(year: number, month: number, calendar: WorkCalendar): number {
  const nextYear = month === 12 ? year + 1 : year;
  const nextMonth = month === 12 ? 1 : month + 1;
  const days = workingDates(serialFromYmd(nextYear, nextMonth, 1), serialFromYmd(nextYear, nextMonth, daysInMonth(nextYear, nextMonth)), calendar);
  return days[Math.min(REVIEW_WORKING_DAY, days.length) - 1];
}

export function buildMonthlyPlan(options: MonthlyPlanOptions, ctx: BuildContext): SheetSpec[] {
  const kit = kitFor(ctx.locale);
  const { s, columns: c, v } = kit;
  const m = s.monthly;
  const key = freeKey(TEMPLATES.monthly, ctx.existing);
  const calendar = workbookCalendar(options.calendar ?? PLAIN_WEEKS, ctx.existing);
  const holidays = holidayTables(calendar, [options.year], ctx);
  const monthText = `${options.year}-${String(options.month).padStart(2, "0")}`;
  const money = numberFormat("money", ctx.locale);
  const draft = new SheetDraft();
  const weeksName = spTable(key, "Weeks");
  const wc = m.weekColumns;

  draft.text({ row: 0, col: 0 }, m.title, "title");
  const repAt = draft.field({ row: 2, col: 0 }, m.nameTeam, { value: options.rep });
  const periodAt = draft.field({ row: 2, col: 2 }, m.yearMonth, { value: monthText }, { style: "computed" });
  draft.field({ row: 2, col: 4 }, m.workdays, { formula: `SUM(${col(weeksName, wc.workdays)})` }, { numberFormat: FORMATS.plain });
  draft.name(spName(key, "REP"), repAt, s.plan.rep);
  draft.name(spName(key, "PERIOD"), periodAt, s.plan.period);

  const metrics = metricRows(ROLLUP_METRICS.monthly, m.metrics, s.common.units, options.targets);
  let row = section(draft, 4, m.targetsSection);
  const targets = targetsTable(draft, kit, key, { row, col: 0 }, metrics, false);
  rollupReadout(draft, kit, key, { row: 2, col: READOUT_COL }, targets, metrics);
  const salesTarget = spName(key, "SALES_TARGET");

  row = section(draft, targets.lastRow + 2, m.weeksSection);
  draft.text({ row, col: 0 }, m.weeksHint, "note");
  const weeks = draft.table({
    name: weeksName,
    role: "weeks",
    origin: { row: row + 1, col: 0 },
    showTotals: true,
    columns: [
      c.text("week", wc.week, { width: 16, totals: label(s.common.total) }),
      c.date("from", wc.from),
      c.date("to", wc.to),
      c.formula(
        "workdays",
        wc.workdays,
        "integer",
        workdaysFormula(thisRow(weeksName, wc.from), thisRow(weeksName, wc.to), calendar.week, holidays.columnsOf(options.year)),
        { totals: SUM },
      ),
      c.formula("target", wc.target, "money", largestRemainderShare(salesTarget, weeksName, wc.workdays), { totals: SUM }),
      c.money("actual", wc.actual, { totals: SUM }),
      c.formula("rate", wc.rate, "percent", rateFormula(weeksName, wc.actual, wc.target)),
    ],
    rows: monthWeeks(options.year, options.month, calendar).map((week, i) => ({
      week: m.weekLabel(i + 1),
      from: week.from,
      to: week.to,
      actual: options.weekActuals?.[i] ?? null,
    })),
  });
  achievementFormats(draft, weeks, "rate");

  row = section(draft, weeks.lastRow + 2, m.productsSection);
  const pc = m.productColumns;
  const productsName = spTable(key, "Products");
  const ratios = options.productRatios ?? [2, 3, 1];
  const products = draft.table({
    name: productsName,
    role: "products",
    origin: { row, col: 0 },
    showTotals: true,
    columns: [
      c.text("category", pc.category, { width: 16, totals: label(s.common.total) }),
      c.text("description", pc.description, { width: 16 }),
      c.quantity("ratio", pc.ratio, { totals: SUM }),
      c.formula("target", pc.target, "money", largestRemainderShare(salesTarget, productsName, pc.ratio), { totals: SUM }),
      c.money("actual", pc.actual, { totals: SUM }),
      c.formula("rate", pc.rate, "percent", rateFormula(productsName, pc.actual, pc.target)),
    ],
    rows: m.productCategories.map((category, i) => ({
      category,
      description: m.productDescriptions[i],
      ratio: ratios[i],
      actual: options.productActuals?.[i] ?? null,
    })),
  });
  achievementFormats(draft, products, "rate");

  const withBlanks = (rows: readonly TableRow[] = []): TableRow[] => [
    ...rows,
    ...Array.from({ length: options.blankRows ?? TEMPLATES.monthly.blankRows.initial }, () => ({})),
  ];
  row = section(draft, products.lastRow + 2, m.customersSection);
  draft.field({ row, col: 0 }, m.reviewDue, { value: reviewDue(options.year, options.month, calendar) }, {
    style: "computed",
    numberFormat: numberFormat("date", ctx.locale),
  });
  draft.text({ row, col: 2 }, m.reviewDueNote, "note");
  const kc = m.customerColumns;
  const customers = draft.table({
    name: spTable(key, "KeyCustomers"),
    role: "keyCustomers",
    origin: { row: row + 1, col: 0 },
    columns: [
      c.text("customer", kc.customer, { width: 20 }),
      c.list("tier", kc.tier, s.common.tiers, { width: 8 }),
      c.money("target", kc.target),
      c.text("plan", kc.plan, { width: 30 }),
      c.text("owner", kc.owner, { width: 10 }),
      c.list("review", kc.review, m.reviewStates, { width: 14 }),
      c.date("reviewedOn", kc.reviewedOn),
    ],
    rows: withBlanks(options.keyCustomers),
  });

  // The monthly plans a weekly key item names by its 类别: each headed by that very word.
  const categories = s.plan.categories;
  const w = s.weekly;
  const categoryTable = (after: PlacedTable, category: string, table: Omit<TableInput, "origin">): PlacedTable => {
    const at = section(draft, after.lastRow + 2, category);
    draft.text({ row: at, col: 0 }, m.sectionHint(category), "note");
    return draft.table({ ...table, origin: { row: at + 1, col: 0 } });
  };
  const keyWork = categoryTable(customers, categories.keyWork, {
    name: spTable(key, "KeyWork"),
    role: "keyWork",
    columns: keyItemColumns(kit),
    rows: withBlanks(options.keyWork),
  });

  const cc = m.collectionColumns;
  const collectionsName = spTable(key, "Collections");
  const collections = categoryTable(keyWork, categories.collection, {
    name: collectionsName,
    role: "collections",
    showTotals: true,
    columns: [
      c.text("customer", cc.customer, { width: 20, totals: label(s.common.total) }),
      c.text("contract", cc.contract, { width: 14 }),
      c.money("receivable", cc.receivable, { totals: SUM }),
      c.date("date", cc.date),
      c.money("planned", cc.planned, { totals: SUM }),
      c.money("actual", cc.actual, { totals: SUM }),
      c.formula("rate", cc.rate, "percent", rateFormula(collectionsName, cc.actual, cc.planned), {
        totals: totalRateFormula(collectionsName, cc.actual, cc.planned),
      }),
      c.text("owner", cc.owner, { width: 10 }),
    ],
    rows: withBlanks(options.collections),
  });
  achievementFormats(draft, collections, "rate");

  const vc = m.vipColumns;
  const vip = categoryTable(collections, categories.vip, {
    name: spTable(key, "Vip"),
    role: "vip",
    columns: [
      c.text("customer", vc.customer, { width: 20 }),
      c.list("current", vc.current, s.common.tiers, { width: 10 }),
      c.list("target", vc.target, s.common.tiers, { width: 10 }),
      c.text("measures", vc.measures, { width: 30 }),
      c.text("owner", vc.owner, { width: 10 }),
      c.date("due", vc.due),
      c.list("status", vc.status, w.dailyStates, { width: 10 }),
    ],
    rows: withBlanks(options.vip),
  });

  row = section(draft, vip.lastRow + 2, s.plan.expenseSection);
  const expenses = expenseTable(draft, kit, key, { row, col: 0 }, options.expenses);

  row = section(draft, expenses.lastRow + 2, m.summarySection);
  draft.field({ row, col: 0 }, m.summary, { value: options.summary ?? null }, { fullWidth: true });
  const forecastAt = draft.field({ row: row + 1, col: 0 }, m.forecast, { value: options.forecast ?? null }, {
    numberFormat: money,
    validation: v.nonNegative(),
  });
  draft.name(spName(key, "FORECAST"), forecastAt, s.plan.forecast);
  draft.field({ row: row + 2, col: 0 }, s.plan.issues, { value: options.issues ?? null }, { fullWidth: true });

  return [
    draft.finish({
      name: freeSheetName(sheetTitle(m.sheetPrefix, options.rep, monthText), [...ctx.existing.sheets, ...holidays.sheets.map((h) => h.name)]),
      record: templateRecord(TEMPLATES.monthly, "main", key, { row: 1, col: 0 }),
      recordLabel: s.common.recordLabel,
      recordNote: s.common.recordNote,
      freeze: { rows: 3, cols: 0 },
      print: printSetup({ first: 0, last: 2 }),
      tabColor: "70AD47",
    }),
    ...holidays.sheets,
  ];
}
