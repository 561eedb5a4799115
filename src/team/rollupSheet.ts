import type { Locale } from "../i18n/locale";
import { teamStrings } from "../i18n/teamStrings";
import { a1 } from "../templates/a1";
import { label, SUM } from "../templates/columns";
import { kitFor } from "../templates/context";
import { printSetup, SheetDraft } from "../templates/draft";
import { COLORS } from "../templates/formats";
import { col, str } from "../templates/formula";
import { freeKey, freeSheetName, spName, spTable, templateRecord } from "../templates/naming";
import { achievementFormats, rateFormula } from "../templates/planBlocks";
import {
  ROLLUP_METRICS,
  type CellRef,
  type ColumnSpec,
  type ExistingNames,
  type MonthlyMetric,
  type SheetSpec,
  type TableRow,
  type WeeklyMetric,
} from "../templates/sheetSpec";
import { planStatus, type PlanInstance } from "./plans";

/**
 * 团队汇总 — the team summary sheet (DOMAIN §1.5) as a SheetSpec: one table row per plan sheet,
 * team totals in the table's totals row, a column chart of sales actual vs target per row.
 *
 * Every figure is a live formula on the plan's workbook name (`=SP_W3_SALES_ACTUAL`), so edits in a
 * rep's sheet show up without re-running, and no cell reads a sheet by name or address.
 *
 * Broken links: the summary uses no IFERROR. A name that is already missing or broken when the
 * roll-up runs is NOT linked (its cell stays blank, so the team totals still add up) and the row's
 * 状态 / 说明 columns say which name and why; a link that breaks after the roll-up shows #REF! in
 * its cell (and in the totals), visibly, until the next roll-up reports it in 说明 instead.
 *
 * Totals are SUBTOTAL(109, …): filtering out a flagged duplicate row takes it out of the totals.
 */

/** Metrics of either plan, weekly first: the summary has one target/actual/达成率 group per metric. */
export const SUMMARY_METRICS: readonly (WeeklyMetric | MonthlyMetric)[] = [
  ...new Set<WeeklyMetric | MonthlyMetric>([...ROLLUP_METRICS.weekly, ...ROLLUP_METRICS.monthly]),
];

/** Where the summary table starts: below the title, the template record and the note. */
export const SUMMARY_ORIGIN: CellRef = { row: 4, col: 0 };

/** The summary's instance key and sheet name: kept on a refresh, free ones for a new summary. */
export interface SummaryPlacement {
  readonly key: string;
  readonly sheet: string;
}

export function newSummaryPlacement(existing: ExistingNames, locale: Locale): SummaryPlacement {
  return { key: freeKey("teamSummary", existing), sheet: freeSheetName(teamStrings(locale).summary.sheetName, existing.sheets) };
}

/** The summary table's name for instance `key` (the refresh finds the table by it). */
export const summaryTableName = (key: string): string => spTable(key, "Summary");

const CHART_WIDTH = 9;
const CHART_HEIGHT = 18;

type MetricId = WeeklyMetric | MonthlyMetric;

const metricKey = (metric: MetricId, part: "target" | "actual" | "rate"): string => `${metric}_${part}`;

export function buildSummarySheet(plans: readonly PlanInstance[], placement: SummaryPlacement, locale: Locale): SheetSpec {
  const kit = kitFor(locale);
  const { columns: c, s } = kit;
  const t = teamStrings(locale).summary;
  const h = t.columns;
  const table = summaryTableName(placement.key);
  const draft = new SheetDraft();
  const metricLabel = (m: MetricId): string => (m in s.weekly.metrics ? s.weekly.metrics[m as WeeklyMetric] : s.monthly.metrics[m as MonthlyMetric]);
  const header = (m: MetricId, part: "target" | "actual" | "rate"): string => h[part](metricLabel(m));

  const metricColumns = SUMMARY_METRICS.flatMap((m): ColumnSpec[] => {
    const target = header(m, "target");
    const actual = header(m, "actual");
    const rateTotal = `IF(SUBTOTAL(109,${col(table, target)})=0,"",SUBTOTAL(109,${col(table, actual)})/SUBTOTAL(109,${col(table, target)}))`;
    return [
      c.quantity(metricKey(m, "target"), target, { totals: SUM }),
      c.quantity(metricKey(m, "actual"), actual, { totals: SUM }),
      c.formula(metricKey(m, "rate"), header(m, "rate"), "percent", rateFormula(table, actual, target), { totals: { kind: "formula", formula: rateTotal } }),
    ];
  });
  const columns: ColumnSpec[] = [
    c.text("status", h.status, { width: 12, totals: label(t.teamTotal) }),
    c.text("key", h.key, { width: 8 }),
    c.text("kind", h.kind, { width: 12 }),
    // Per-row link formulas: General, not Text ("@"), or Excel would keep a rewritten formula as text.
    { ...c.text("rep", h.rep, { width: 12 }), numberFormat: "General" },
    { ...c.text("period", h.period, { width: 12 }), numberFormat: "General" },
    ...metricColumns,
    c.money("forecast", h.forecast, { totals: SUM }),
    c.money("expenses", h.expenses, { totals: SUM }),
    c.text("remarks", h.remarks, { width: 40 }),
  ];

  draft.text({ row: 0, col: 0 }, t.title, "title");
  draft.text({ row: 2, col: 0 }, t.note, "note");
  const placed = draft.table({
    name: table,
    role: "summary",
    origin: SUMMARY_ORIGIN,
    showTotals: true,
    columns,
    rows: plans.map((plan) => summaryRow(plan, locale)),
  });
  for (const m of SUMMARY_METRICS) achievementFormats(draft, placed, metricKey(m, "rate"));
  const status = a1(placed.cell(0, "status"));
  draft.format({
    target: { kind: "tableColumn", table, column: h.status },
    rule: { kind: "expression", formula: `AND(${status}<>"",${status}<>${str(t.status.ok)})` },
    style: { fill: COLORS.warnFill, fontColor: COLORS.warnFont, bold: true },
  });
  const chartCol = placed.lastCol + 2;
  draft.chart({
    kind: "column",
    title: t.chartTitle,
    categories: { kind: "tableColumn", table, column: h.rep },
    series: [
      { name: header("SALES", "actual"), values: { kind: "tableColumn", table, column: header("SALES", "actual") } },
      { name: header("SALES", "target"), values: { kind: "tableColumn", table, column: header("SALES", "target") } },
    ],
    anchor: { from: { row: SUMMARY_ORIGIN.row, col: chartCol }, to: { row: SUMMARY_ORIGIN.row + CHART_HEIGHT, col: chartCol + CHART_WIDTH } },
  });

  return draft.finish({
    name: placement.sheet,
    record: templateRecord("teamSummary", "main", placement.key, { row: 1, col: 0 }),
    recordLabel: s.common.recordLabel,
    recordNote: s.common.recordNote,
    freeze: { rows: SUMMARY_ORIGIN.row + 1, cols: 0 },
    print: printSetup({ first: SUMMARY_ORIGIN.row, last: SUMMARY_ORIGIN.row }),
    tabColor: "C00000",
  });
}

/** One plan's row: literal status, key, type and remarks; a link formula for every usable name. */
function summaryRow(plan: PlanInstance, locale: Locale): TableRow {
  const t = teamStrings(locale).summary;
  const usable = new Set(plan.usable);
  const link = (part: string, wrap: (name: string) => string = (name) => name) => {
    const name = spName(plan.key, part);
    return usable.has(name) ? { formula: wrap(name) } : null;
  };
  const metrics = Object.fromEntries(
    SUMMARY_METRICS.flatMap((m) => [
      [metricKey(m, "target"), link(`${m}_TARGET`)],
      [metricKey(m, "actual"), link(`${m}_ACTUAL`)],
    ]),
  );
  return {
    status: t.status[planStatus(plan)],
    key: plan.key,
    kind: t.kinds[plan.template],
    // `&""` so a blank rep or period cell reads as blank, not as 0.
    rep: link("REP", (name) => `${name}&""`),
    period: link("PERIOD", (name) => `${name}&""`),
    ...metrics,
    forecast: link("FORECAST", (name) => `IF(${name}="","",${name})`),
    expenses: link("EXPENSE_TOTAL"),
    remarks: planRemarks(plan, locale),
  };
}

/** Why a plan needs attention or is flagged, as one sentence ("" for a plan that is fine). */
export function planRemarks(plan: PlanInstance, locale: Locale): string {
  const t = teamStrings(locale).summary;
  const reasons = [...plan.issues.map(t.issue), ...(plan.duplicateOf.length > 0 ? [t.duplicateOf(plan.duplicateOf)] : [])];
  return reasons.join(locale === "zh-CN" ? "；" : "; ");
}
