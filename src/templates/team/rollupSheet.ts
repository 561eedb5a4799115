import type { Locale } from "../../contract/locale";
import { teamStrings } from "./strings";
import { a1 } from "../../spec/a1";
import { label, SUM } from "../columns";
import { kitFor } from "../context";
import { printSetup, SheetDraft } from "../draft";
import { COLORS } from "../formats";
import { col, str, thisRow } from "../../spec/formula";
import { TEAM_TEMPLATES } from "../registry";
import { freeKey, freeSheetName, spName, spTable, templateRecord } from "../../spec/naming";
import { achievementFormats, rateFormula } from "../planBlocks";
import {
  ROLLUP_METRICS,
  type CellRef,
  type ColumnSpec,
  type ExistingNames,
  type MonthlyMetric,
  type SheetSpec,
  type TableRow,
  type WeeklyMetric,
} from "../../spec/sheetSpec";
import { TeamError } from "../../team/errors";
import { BLOCK_GAP, projectsBlock } from "./projectsBlock";
import { planStatus, type PlanInstance } from "../../team/plans";

/**
 * 团队汇总 — the team summary sheet (DOMAIN §1.5) as a SheetSpec: one table row per plan sheet,
 * team totals in the table's totals row, a column chart of sales actual vs target per row.
 *
 * Every figure is a live formula on the plan's workbook names (`SP_W3_SALES_ACTUAL`), so edits in a
 * rep's sheet show up without re-running, and no cell reads a sheet by name or address.
 *
 * ONE formula per column, the same in every row. Excel's default AutoCorrect option "Fill formulas
 * in tables to create calculated columns" also acts on formulas an add-in writes: a table column
 * whose rows get different formulas (`=SP_W2_SALES_TARGET`, `=SP_M1_SALES_TARGET`), or formulas in
 * some rows and "" in others, is turned into a calculated column holding the first or last row's
 * formula in every row, blanks included, and `rows.add` copies it into new rows
 * (OfficeDev/office-js#5909, #2093 "by design", #1916, #6745) — rows would silently show another
 * plan's figures. So each row is identified by its 标识 (plan key) cell, and each linked column
 * holds `IF(key="","",CHOOSE(MATCH(key,{"M1","W1",…},0),SP_M1_X,SP_W1_X,…))` (past 30 plans, CHOOSEs
 * of 30 plans each, one picked by the key's part: LibreOffice's CHOOSE takes no more, see `CHOOSE_VALUES`):
 *
 * - explicit name references, not INDIRECT("SP_"&key&"_X"): CHOOSE is not volatile and Excel's
 *   dependency graph sees every plan cell, so a changed figure recalculates only what reads it;
 * - keyed by the 标识 text rather than by position, so sorting or filtering the summary keeps every
 *   row on its own plan, and no column is added (summaries written before keep their columns and
 *   still refresh in place);
 * - a row with a blank key (a row the manager added to the table) shows "" rather than #N/A;
 * - Excel 2016, WPS and LibreOffice all calculate CHOOSE, MATCH and array constants.
 *
 * Broken links: the summary uses no IFERROR. A name that is already missing or broken when the
 * roll-up runs is NOT linked — its plan's choice in the CHOOSE is "" (so its cell is empty text and
 * the team totals still add up) and the row's 状态 / 说明 columns say which name and why; a metric
 * the plan's kind lacks is "" the same way. A link that breaks after the roll-up shows #REF! in its
 * cell (and in the totals), visibly, until the next roll-up reports it in 说明 instead.
 *
 * Limits: CHOOSE takes at most 254 choices and an Excel formula at most 8,192 characters. One
 * summary therefore lists at most 254 plans, and in practice fewer: the forecast column's formula
 * is the longest (about 50 characters a plan with three-digit keys, and a MATCH per part of
 * `CHOOSE_VALUES`), so 158 plans fit. Beyond that `buildSummarySheet` throws
 * `TeamError("tooManyPlans")` (move older plans to another workbook) before anything is written, instead of writing formulas Excel would refuse.
 *
 * Totals are SUBTOTAL(109, …): filtering out a flagged duplicate row takes it out of the totals.
 */

/** Metrics of either plan, weekly first: the summary has one target/actual/达成率 group per metric. */
export const SUMMARY_METRICS: readonly (WeeklyMetric | MonthlyMetric)[] = [
  ...new Set<WeeklyMetric | MonthlyMetric>([...ROLLUP_METRICS.weekly, ...ROLLUP_METRICS.monthly]),
];

/** Where the summary table starts: below the title, the template record and the note. */
export const SUMMARY_ORIGIN: CellRef = { row: 4, col: 0 };

/** CHOOSE's limit on value arguments (Excel: "1 to 254 value arguments"). */
const MAX_SUMMARY_PLANS = 254;
/**
 * LibreOffice's CHOOSE takes at most 30 values — its jump table has FORMULA_MAXJUMPCOUNT = 32 entries
 * (include/formula/compiler.hxx); 31 give #VALUE! (test/team/cycle.engine.test.ts). More plans are
 * split, in key order, into CHOOSEs of 30, and an outer CHOOSE picks the part by MATCH(key,{first keys},1):
 * the last part whose first key is not after the row's key. Keys are a capital and digits, which Excel,
 * WPS and LibreOffice order as JavaScript's `<` does (digits first). No IFERROR (a broken link still
 * shows its #REF!), and each key is written once, so the formula grows by a part's MATCH only.
 */
const CHOOSE_VALUES = 30;
/** Excel's limit on the length of a formula's contents, "=" included. */
const MAX_FORMULA_LENGTH = 8192;

/** The summary's instance key and sheet name: kept on a refresh, free ones for a new summary. */
export interface SummaryPlacement {
  readonly key: string;
  readonly sheet: string;
}

export function newSummaryPlacement(existing: ExistingNames, locale: Locale): SummaryPlacement {
  return { key: freeKey(TEAM_TEMPLATES.teamSummary, existing), sheet: freeSheetName(teamStrings(locale).summary.sheetName, existing.sheets) };
}

/** The summary table's name for instance `key` (the refresh finds the table by it). */
export const summaryTableName = (key: string): string => spTable(key, "Summary");

const CHART_WIDTH = 9;
const CHART_HEIGHT = 18;

type MetricId = WeeklyMetric | MonthlyMetric;

const metricKey = (metric: MetricId, part: "target" | "actual" | "rate"): string => `${metric}_${part}`;

/**
 * The workbook's project tracker, when it has one (`findTracker`): the summary then lists its projects
 * by stage per rep (projectsBlock.ts), below the table at `origin`, else `BLOCK_GAP` rows under it.
 */
export interface SummaryProjects {
  readonly tracker: string;
  readonly origin?: CellRef;
}

export function buildSummarySheet(plans: readonly PlanInstance[], placement: SummaryPlacement, locale: Locale, projects?: SummaryProjects): SheetSpec {
  const kit = kitFor(locale);
  const { columns: c, s } = kit;
  const t = teamStrings(locale).summary;
  const h = t.columns;
  const table = summaryTableName(placement.key);
  const draft = new SheetDraft();
  const metricLabel = (m: MetricId): string => (m in s.weekly.metrics ? s.weekly.metrics[m as WeeklyMetric] : s.monthly.metrics[m as MonthlyMetric]);
  const header = (m: MetricId, part: "target" | "actual" | "rate"): string => h[part](metricLabel(m));
  const link = linkFormula(plans, thisRow(table, h.key));

  const metricColumns = SUMMARY_METRICS.flatMap((m): ColumnSpec[] => {
    const target = header(m, "target");
    const actual = header(m, "actual");
    const rateTotal = `IF(SUBTOTAL(109,${col(table, target)})=0,"",SUBTOTAL(109,${col(table, actual)})/SUBTOTAL(109,${col(table, target)}))`;
    return [
      c.formula(metricKey(m, "target"), target, "integer", link(`${m}_TARGET`), { totals: SUM }),
      c.formula(metricKey(m, "actual"), actual, "integer", link(`${m}_ACTUAL`), { totals: SUM }),
      c.formula(metricKey(m, "rate"), header(m, "rate"), "percent", rateFormula(table, actual, target), { totals: { kind: "formula", formula: rateTotal } }),
    ];
  });
  const columns: ColumnSpec[] = [
    c.text("status", h.status, { width: 12, totals: label(t.teamTotal) }),
    c.text("key", h.key, { width: 8 }),
    c.text("kind", h.kind, { width: 12 }),
    // `&""` so a blank rep or period cell reads as blank, not as 0.
    c.formula("rep", h.rep, "text", link("REP", (choice) => `${choice}&""`), { width: 12 }),
    c.formula("period", h.period, "text", link("PERIOD", (choice) => `${choice}&""`), { width: 12 }),
    ...metricColumns,
    // A forecast not filled in stays blank rather than showing ¥0; wrapped per plan, since wrapping
    // the CHOOSE would repeat it (and MATCH) whole.
    c.formula("forecast", h.forecast, "money", link("FORECAST", undefined, (name) => `IF(${name}="","",${name})`), { totals: SUM }),
    c.formula("expenses", h.expenses, "money", link("EXPENSE_TOTAL"), { totals: SUM }),
    c.text("remarks", h.remarks, { width: 40 }),
  ];
  const longest = Math.max(...columns.map((column) => (column.formula ?? "").length + 1));
  if (plans.length > MAX_SUMMARY_PLANS || longest > MAX_FORMULA_LENGTH) throw new TeamError("tooManyPlans", { count: plans.length });

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
  if (projects) {
    const origin = projects.origin ?? { row: placed.lastRow + BLOCK_GAP, col: SUMMARY_ORIGIN.col };
    const block = projectsBlock(draft, { summaryKey: placement.key, tracker: projects.tracker, reps: plans.map((plan) => plan.rep), origin }, locale);
    // The 其他 row's formulas list every rep: long names could pass Excel's limit too.
    if (block.spec.columns.some((column) => (column.formula ?? "").length + 1 > MAX_FORMULA_LENGTH))
      throw new TeamError("repNamesTooLong", { count: block.spec.rows.length - 1 });
  }
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
    record: templateRecord(TEAM_TEMPLATES.teamSummary, "main", placement.key, { row: 1, col: 0 }),
    recordLabel: s.common.recordLabel,
    recordNote: s.common.recordNote,
    freeze: { rows: SUMMARY_ORIGIN.row + 1, cols: 0 },
    print: printSetup({ first: SUMMARY_ORIGIN.row, last: SUMMARY_ORIGIN.row }),
    tabColor: "C00000",
  });
}

/**
 * A linked column's one formula, for the plan name part `part` (e.g. "SALES_TARGET"): the row's
 * key picks its plan's name; a plan whose name is not usable (missing, broken, or a metric its kind
 * lacks) contributes "". `wrap` applies to the chosen value, `perPlan` to each plan's name.
 */
function linkFormula(plans: readonly PlanInstance[], key: string) {
  const byKey = [...plans].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const parts = plans.length <= CHOOSE_VALUES ? [plans] : Array.from({ length: Math.ceil(plans.length / CHOOSE_VALUES) }, (_, i) => byKey.slice(i * CHOOSE_VALUES, (i + 1) * CHOOSE_VALUES));
  return (part: string, wrap: (choice: string) => string = (choice) => choice, perPlan: (name: string) => string = (name) => name): string => {
    // An empty summary's one blank row has nothing to link.
    if (plans.length === 0) return '""';
    const choose = (some: readonly PlanInstance[]): string => {
      const choices = some.map((plan) => {
        const name = spName(plan.key, part);
        return plan.usable.includes(name) ? perPlan(name) : '""';
      });
      return `CHOOSE(MATCH(${key},{${some.map((plan) => str(plan.key)).join(",")}},0),${choices.join(",")})`;
    };
    const picked = parts.length === 1 ? choose(parts[0]) : `CHOOSE(MATCH(${key},{${parts.map((some) => str(some[0].key)).join(",")}},1),${parts.map(choose).join(",")})`;
    return `IF(${key}="","",${wrap(picked)})`;
  };
}

/** One plan's row: literal status, key, type and remarks; every figure comes from its column's formula. */
function summaryRow(plan: PlanInstance, locale: Locale): TableRow {
  const t = teamStrings(locale).summary;
  return {
    status: t.status[planStatus(plan)],
    key: plan.key,
    kind: t.kinds[plan.template],
    remarks: planRemarks(plan, locale),
  };
}

/** Why a plan needs attention or is flagged, as one sentence ("" for a plan that is fine). */
export function planRemarks(plan: PlanInstance, locale: Locale): string {
  const t = teamStrings(locale).summary;
  const reasons = [...plan.issues.map(t.issue), ...(plan.duplicateOf.length > 0 ? [t.duplicateOf(plan.duplicateOf)] : [])];
  return reasons.join(locale === "zh-CN" ? "；" : "; ");
}
