import { a1 } from "../spec/a1";
import { SUM, label, type Columns } from "./columns";
import type { Kit } from "./context";
import { PlacedTable, SheetDraft } from "./draft";
import { ACHIEVEMENT_DONE, ACHIEVEMENT_WARN, COLORS, FORMATS } from "./formats";
import { cellOrBlank, col, str, thisRow } from "../spec/formula";
import { spName, spTable } from "../spec/naming";
import type { TemplateStrings } from "./strings";
import type { CellRef, ColumnSpec, MonthlyMetric, TableRow, TotalsSpec, WeeklyMetric } from "../spec/sheetSpec";

/**
 * Blocks the weekly and monthly plans share: the targets table with 达成率, the roll-up readout,
 * the expense budget and section headings. One definition each, so both plans behave the same.
 */

/** A section heading; returns the next free row. */
export function section(draft: SheetDraft, row: number, title: string): number {
  draft.text({ row, col: 0 }, title, "section");
  return row + 1;
}

/**
 * 达成率 = actual / target, blank when there is no target — and also while nothing has been
 * reported yet, so a fresh plan does not light up red before the week has started.
 */
export function rateFormula(table: string, actualHeader: string, targetHeader: string): string {
  const target = thisRow(table, targetHeader);
  const actual = thisRow(table, actualHeader);
  return `IF(OR(${target}="",${target}=0,${actual}=""),"",${actual}/${target})`;
}

/**
 * The totals row's 达成率: the summed actual over the summed target, blank without a target or before any
 * actual is entered (as `rateFormula` row by row). Headers as in the table.
 */
export function totalRateFormula(table: string, actualHeader: string, targetHeader: string): TotalsSpec {
  const target = `SUM(${col(table, targetHeader)})`;
  return { kind: "formula", formula: `IF(OR(${target}=0,COUNT(${col(table, actualHeader)})=0),"",SUM(${col(table, actualHeader)})/${target})` };
}

/**
 * A key item's columns after its category (seed 000 E.3: 原因, 目标, 方案 and 需公司支持 for a new item) and its 完成情况: the
 * weekly 重点工作 and the monthly one it refers to list their items alike.
 */
export function keyItemColumns(kit: Kit): ColumnSpec[] {
  const c = kit.columns;
  const kc = kit.s.weekly.keyColumns;
  return [
    c.text("item", kc.item, { width: 20 }),
    c.text("reason", kc.reason, { width: 18 }),
    c.text("goal", kc.goal, { width: 18 }),
    c.text("approach", kc.approach, { width: 20 }),
    c.text("support", kc.support, { width: 16 }),
    c.text("owner", kc.owner, { width: 10 }),
    c.date("due", kc.due),
    // The next period's plan carries the rows not 已完成 or 取消 (templates/team/nextPlan.ts).
    c.list("status", kc.status, kit.s.weekly.dailyStates, { width: 10 }),
  ];
}

/** Red below 80 %, green from 100 % (DOMAIN §1.1), on a table's 达成率 column. */
export function achievementFormats(draft: SheetDraft, table: PlacedTable, rateKey: string): void {
  const first = a1(table.cell(0, rateKey));
  const target = { kind: "tableColumn", table: table.spec.name, column: table.header(rateKey) } as const;
  draft.format({
    target,
    rule: { kind: "expression", formula: `AND(ISNUMBER(${first}),${first}<${ACHIEVEMENT_WARN})` },
    style: { fill: COLORS.badFill, fontColor: COLORS.badFont },
  });
  draft.format({
    target,
    rule: { kind: "expression", formula: `AND(ISNUMBER(${first}),${first}>=${ACHIEVEMENT_DONE})` },
    style: { fill: COLORS.goodFill, fontColor: COLORS.goodFont },
  });
}

/** What each roll-up metric counts; one table for both plans, so a metric reads the same everywhere. */
const METRIC_UNIT: Readonly<Record<WeeklyMetric | MonthlyMetric, "yuan" | "customers" | "times">> = {
  SALES: "yuan",
  COLLECTION: "yuan",
  KEY_PRODUCTS: "yuan",
  NEW_CUSTOMERS: "customers",
  VISITS: "times",
  CALLS: "times",
};

/** A plan's metric rows: label, unit and money-ness from the metric's id, figures as given. */
export function metricRows<M extends WeeklyMetric | MonthlyMetric>(
  ids: readonly M[],
  labels: Readonly<Record<M, string>>,
  units: TemplateStrings["common"]["units"],
  figures: Partial<Record<M, Omit<MetricRow, "id" | "label" | "unit" | "money">>> = {},
): MetricRow[] {
  return ids.map((id) => ({ id, label: labels[id], unit: units[METRIC_UNIT[id]], money: METRIC_UNIT[id] === "yuan", ...figures[id] }));
}

export interface MetricRow {
  /** Roll-up id, e.g. "SALES" (see ROLLUP_METRICS). */
  readonly id: string;
  readonly label: string;
  readonly unit: string;
  /** A ¥ amount (whole yuan) rather than a count of customers, visits or calls. */
  readonly money: boolean;
  readonly target?: number | null;
  readonly actual?: number | null;
  readonly lastWeek?: number | null;
}

/**
 * The targets of a plan: the ¥ metrics (role "targets", `SP_<KEY>_Targets`, formatted `¥#,##0`)
 * and below them the counts (role "countTargets", `SP_<KEY>_CountTargets`, plain integers) — two
 * tables because an Excel table column carries one number format. Columns: 指标, 单位, 目标,
 * 实际, 达成率 (+ 上周实际 for the weekly plan).
 */
export interface PlacedTargets {
  readonly tables: readonly PlacedTable[];
  /** The table holding each metric id. */
  readonly tableOf: (id: string) => PlacedTable;
  /** Last sheet row of the block. */
  readonly lastRow: number;
}

export function targetsTable(
  draft: SheetDraft,
  kit: Kit,
  key: string,
  origin: CellRef,
  metrics: readonly MetricRow[],
  withLastWeek: boolean,
  counted: Readonly<Record<string, string>> = {},
): PlacedTargets {
  const h = kit.s.plan.targetColumns;
  const c: Columns = kit.columns;
  const groups = [
    { role: "targets", name: spTable(key, "Targets"), money: true },
    { role: "countTargets", name: spTable(key, "CountTargets"), money: false },
  ];
  const tables: PlacedTable[] = [];
  const byId = new Map<string, PlacedTable>();
  let row = origin.row;
  for (const group of groups) {
    const members = metrics.filter((m) => m.money === group.money);
    if (members.length === 0) continue;
    const value = group.money ? c.money : c.quantity;
    const columns = [
      c.text("metric", h.metric, { width: 16 }),
      c.text("unit", h.unit, { width: 8 }),
      value("target", h.target, { width: 14 }),
      countedActual(kit, group.name, members, counted) ?? value("actual", h.actual, { width: 14 }),
      c.formula("rate", h.rate, "percent", rateFormula(group.name, h.actual, h.target)),
      ...(withLastWeek ? [value("lastWeek", h.lastWeek, { width: 14 })] : []),
    ];
    const rows: TableRow[] = members.map((m) => ({
      metric: m.label,
      unit: m.unit,
      target: m.target ?? null,
      actual: m.actual ?? null,
      ...(withLastWeek ? { lastWeek: m.lastWeek ?? null } : {}),
    }));
    const table = draft.table({ name: group.name, role: group.role, origin: { row, col: origin.col }, columns, rows });
    achievementFormats(draft, table, "rate");
    tables.push(table);
    members.forEach((m) => byId.set(m.id, table));
    row = table.lastRow + 2;
  }
  const tableOf = (id: string): PlacedTable => {
    const table = byId.get(id);
    if (!table) throw new Error(`no targets table holds ${id}`);
    return table;
  };
  return { tables, tableOf, lastRow: tables[tables.length - 1].lastRow };
}

/**
 * The actual column of a table whose metrics are all `counted` (formulas by metric id): one calculated
 * column picking its row's formula by the row's 指标, as a table column holds one formula (see TableRow);
 * a row whose 指标 the user renamed shows blank. Undefined when some metric is typed: the column stays an input.
 */
function countedActual(kit: Kit, table: string, members: readonly MetricRow[], counted: Readonly<Record<string, string>>): ColumnSpec | undefined {
  if (members.length === 0 || members.some((m) => counted[m.id] === undefined)) return undefined;
  const h = kit.s.plan.targetColumns;
  const metric = thisRow(table, h.metric);
  const formula = members.reduceRight((otherwise, m) => `IF(${metric}=${str(m.label)},${counted[m.id]},${otherwise})`, `""`);
  return kit.columns.formula("actual", h.actual, "integer", formula, { width: 14 });
}

/**
 * The roll-up readout: one named target and actual cell per metric, each looking its metric up by
 * label (INDEX/MATCH), so the names stay right when the user sorts or extends the targets table.
 * Returns the next free row.
 */
export function rollupReadout(draft: SheetDraft, kit: Kit, key: string, origin: CellRef, targets: PlacedTargets, metrics: readonly MetricRow[]): number {
  const h = kit.s.plan.targetColumns;
  draft.text(origin, kit.s.common.rollupSection, "section");
  draft.text({ row: origin.row + 1, col: origin.col }, kit.s.common.rollupNote, "note");
  const headerRow = origin.row + 2;
  [h.metric, h.target, h.actual].forEach((text, i) => draft.text({ row: headerRow, col: origin.col + i }, text, "label"));
  const lookup = (t: string, metric: string, header: string): string => {
    const found = `INDEX(${col(t, header)},MATCH(${str(metric)},${col(t, h.metric)},0))`;
    return `IFERROR(${cellOrBlank(found)},"")`;
  };
  metrics.forEach((m, i) => {
    const row = headerRow + 1 + i;
    const t = targets.tableOf(m.id).spec.name;
    const format = m.money ? FORMATS.money : FORMATS.integer;
    draft.text({ row, col: origin.col }, m.label);
    const targetAt = draft.put({ row, col: origin.col + 1 }, { formula: lookup(t, m.label, h.target) }, "computed", format);
    const actualAt = draft.put({ row, col: origin.col + 2 }, { formula: lookup(t, m.label, h.actual) }, "computed", format);
    draft.name(spName(key, `${m.id}_TARGET`), targetAt, `${m.label} · ${h.target}`);
    draft.name(spName(key, `${m.id}_ACTUAL`), actualAt, `${m.label} · ${h.actual}`);
  });
  draft.widen(origin.col, 16);
  draft.widen(origin.col + 1, 12);
  draft.widen(origin.col + 2, 12);
  return headerRow + 1 + metrics.length;
}

export type ExpenseRow = {
  readonly category?: string | null;
  readonly amount?: number | null;
  readonly note?: string | null;
};

/**
 * 费用预算: category (drop-down), amount, note and a total row whose amount cell is named
 * `SP_<KEY>_EXPENSE_TOTAL`. Without data rows it lists one blank-amount row per category.
 */
export function expenseTable(draft: SheetDraft, kit: Kit, key: string, origin: CellRef, data: readonly ExpenseRow[] | undefined): PlacedTable {
  const h = kit.s.plan.expenseColumns;
  const c = kit.columns;
  const columns = [
    c.list("category", h.category, kit.s.plan.expenseCategories, { width: 16, totals: label(kit.s.common.total) }),
    c.moneyCents("amount", h.amount, { totals: SUM }),
    c.text("note", h.note, { width: 30 }),
  ];
  const rows: readonly TableRow[] = data ?? kit.s.plan.expenseCategories.map((category) => ({ category }));
  const table = draft.table({ name: spTable(key, "Expenses"), role: "expenses", origin, columns, rows, showTotals: true });
  draft.name(spName(key, "EXPENSE_TOTAL"), table.totalsCell("amount"), kit.s.plan.expenseTotal);
  return table;
}
