import type { Locale } from "../../contract/locale";
import { teamStrings } from "./strings";
import { a1 } from "../../spec/a1";
import { label, SUM } from "../columns";
import { kitFor } from "../context";
import { printSetup, SheetDraft, type PlacedTable } from "../draft";
import { COLORS, numberFormat, zeroHidden } from "../formats";
import { col, formulaFits, str, thisRow } from "../../spec/formula";
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
import { OPTIONAL_PARTS, planStatus, type PlanInstance, type PlanTemplate } from "../../team/plans";

/**
 * 团队汇总 — the team summary sheet (DOMAIN §1.5) as a SheetSpec: weekly and monthly plans in two
 * blocks, each a table with one row per plan sheet and the team totals of its own kind in its totals
 * row (a rep with both a weekly and a monthly plan is counted once in each, never summed across
 * kinds), a column chart of sales actual vs target per plan (labelled by rep and period), and the
 * manager's 周工作会记录 table, which a roll-up writes once and never again.
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
 *   row on its own plan;
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
 * block therefore lists at most 254 plans, and in practice fewer: the forecast column's formula
 * is the longest (about 50 characters a plan with three-digit keys, and a MATCH per part of
 * `CHOOSE_VALUES`), so 158 plans fit. Beyond that `buildSummarySheet` throws
 * `TeamError("tooManyPlans")` (move older plans to another workbook) before anything is written,
 * instead of writing formulas Excel would refuse.
 *
 * Totals are SUBTOTAL(109, …): filtering out a flagged duplicate row takes it out of the totals.
 *
 * Layout version 2 (the record's `v2`): version 1 had one table for both kinds. A refresh rewrites
 * only a summary of the current version; an older one is left as the manager has it and a new one
 * is written beside it (`isCurrentSummary`) — restructuring it in place would move or drop cells the
 * manager typed around the old table, which the add-in did not write.
 */

/** Metrics of either plan, weekly first (each block has the metrics of its own kind). */
export const SUMMARY_METRICS: readonly (WeeklyMetric | MonthlyMetric)[] = [
  ...new Set<WeeklyMetric | MonthlyMetric>([...ROLLUP_METRICS.weekly, ...ROLLUP_METRICS.monthly]),
];

/** Where the weekly block's table starts: below the title, the template record, the note and the block's caption. */
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

/** The summary's instance key and sheet name: kept on a refresh, free ones for a new summary. */
export interface SummaryPlacement {
  readonly key: string;
  readonly sheet: string;
}

export function newSummaryPlacement(existing: ExistingNames, locale: Locale): SummaryPlacement {
  return { key: freeKey(TEAM_TEMPLATES.teamSummary, existing), sheet: freeSheetName(teamStrings(locale).summary.sheetName, existing.sheets) };
}

/** The weekly block's table name for instance `key` (the refresh finds the table by it; the only table of a version-1 summary). */
export const summaryTableName = (key: string): string => spTable(key, "Summary");
/** The monthly block's table. */
export const monthlySummaryTableName = (key: string): string => spTable(key, "MonthlySummary");
/** The 周工作会记录 table: the manager's, written once and never rewritten by a roll-up. */
export const meetingsTableName = (key: string): string => spTable(key, "Meetings");

/** Each block's table name for summary `key`. */
export const blockTableName = (key: string, kind: PlanTemplate): string => (kind === "weekly" ? summaryTableName(key) : monthlySummaryTableName(key));

/**
 * Whether a summary whose record says `version` has this layout (weekly and monthly blocks, meeting
 * table): a refresh rewrites only such a summary; an older one is left as the manager has it.
 */
export const isCurrentSummary = (version: number): boolean => version === TEAM_TEMPLATES.teamSummary.version;

const CHART_WIDTH = 9;
const CHART_HEIGHT = 18;
/** Blank rows a new meeting table has for the manager to fill in. */
const MEETING_ROWS = 5;

type MetricId = WeeklyMetric | MonthlyMetric;

const metricKey = (metric: MetricId, part: "target" | "actual" | "rate"): string => `${metric}_${part}`;

/**
 * The workbook's project tracker, when it has one (`findTracker`): the summary then lists its projects
 * by stage per rep (projectsBlock.ts), below the weekly table at `origin`, else `BLOCK_GAP` rows under it.
 */
export interface SummaryProjects {
  readonly tracker: string;
  readonly origin?: CellRef;
}

/**
 * Layout: the weekly block's table at `SUMMARY_ORIGIN` with the 项目进度 block under it, the monthly
 * block's table beside it, the 周工作会记录 table beside that, then one chart per block. Rows added to or deleted from a table move only the cells under that table's columns (Excel
 * inserts table rows, not sheet rows), so the blocks side by side never move one another, and the
 * meeting table — with nothing under it — never moves when the plans change; its rows are the
 * manager's (`meetings`: the rows to write, when carried over from an earlier summary).
 */
export function buildSummarySheet(
  plans: readonly PlanInstance[],
  placement: SummaryPlacement,
  locale: Locale,
  projects?: SummaryProjects,
  meetings: readonly TableRow[] = Array.from({ length: MEETING_ROWS }, () => ({})),
): SheetSpec {
  const { columns: c, s } = kitFor(locale);
  const t = teamStrings(locale).summary;
  const draft = new SheetDraft();
  draft.text({ row: 0, col: 0 }, t.title, "title");
  draft.text({ row: 2, col: 0 }, t.note, "note");
  const of = (kind: PlanTemplate) => plans.filter((plan) => plan.template === kind);
  const weekly = planBlock(draft, of("weekly"), placement.key, "weekly", SUMMARY_ORIGIN, locale);
  const monthly = planBlock(draft, of("monthly"), placement.key, "monthly", { row: SUMMARY_ORIGIN.row, col: weekly.lastCol + 2 }, locale);
  if (projects) {
    const origin = projects.origin ?? { row: weekly.lastRow + BLOCK_GAP, col: SUMMARY_ORIGIN.col };
    const block = projectsBlock(draft, { summaryKey: placement.key, tracker: projects.tracker, reps: plans.map((plan) => plan.rep), origin }, locale);
    // The 其他 row's formulas list every rep: long names could pass Excel's limit too.
    if (block.spec.columns.some((column) => !formulaFits(column.formula ?? "")))
      throw new TeamError("repNamesTooLong", { count: block.spec.rows.length - 1 });
  }
  const meetingsAt = { row: SUMMARY_ORIGIN.row, col: monthly.lastCol + 2 };
  const m = t.meetings.columns;
  draft.text({ row: meetingsAt.row - 1, col: meetingsAt.col }, t.meetings.title, "section");
  const minutes = draft.table({
    name: meetingsTableName(placement.key),
    role: "meetings",
    origin: meetingsAt,
    columns: [c.date("date", m.date), c.text("attendees", m.attendees, { width: 24 }), c.text("decisions", m.decisions, { width: 40 }), c.text("owner", m.owner, { width: 12 }), c.date("due", m.due)],
    rows: meetings,
  });
  const chartCol = minutes.lastCol + 2;
  [weekly, monthly].forEach((placed, i) => {
    const table = placed.spec.name;
    const sales = (part: "target" | "actual"): string => t.columns[part](s.weekly.metrics.SALES);
    const top = SUMMARY_ORIGIN.row + i * (CHART_HEIGHT + 1);
    draft.chart({
      kind: "column",
      title: t.chartTitle[i === 0 ? "weekly" : "monthly"],
      // Rep and period: two plans of one rep are two bars.
      categories: { kind: "tableColumn", table, column: t.columns.plan },
      series: (["actual", "target"] as const).map((part) => ({ name: sales(part), values: { kind: "tableColumn", table, column: sales(part) } })),
      anchor: { from: { row: top, col: chartCol }, to: { row: top + CHART_HEIGHT, col: chartCol + CHART_WIDTH } },
    });
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
 * One block: the table of the plans of one kind at `origin` (its caption right above), one row per
 * plan, the kind's own totals — a rep with a weekly and a monthly plan is counted once in each.
 */
function planBlock(draft: SheetDraft, plans: readonly PlanInstance[], key: string, kind: PlanTemplate, origin: CellRef, locale: Locale): PlacedTable {
  const { columns: c, s } = kitFor(locale);
  const t = teamStrings(locale).summary;
  const h = t.columns;
  const table = blockTableName(key, kind);
  const metricLabel = (m: MetricId): string => (m in s.weekly.metrics ? s.weekly.metrics[m as WeeklyMetric] : s.monthly.metrics[m as MonthlyMetric]);
  const header = (m: MetricId, part: "target" | "actual" | "rate"): string => h[part](metricLabel(m));
  const link = linkFormula(plans, thisRow(table, h.key));
  // The cell shows "" for a blank input cell rather than 0 (or 1900-01-00 for a date).
  const blankAsBlank = (name: string): string => `IF(${name}="","",${name})`;
  const metricColumns = ROLLUP_METRICS[kind].flatMap((m): ColumnSpec[] => {
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
    // `&""` so a blank rep or period cell reads as blank, not as 0.
    c.formula("rep", h.rep, "text", link("REP", (choice) => `${choice}&""`), { width: 12 }),
    c.formula("period", h.period, "text", link("PERIOD", (choice) => `${choice}&""`), { width: 12 }),
    c.formula("plan", h.plan, "text", `IF(${thisRow(table, h.key)}="","",${thisRow(table, h.rep)}&" "&${thisRow(table, h.period)})`, { width: 20 }),
    ...metricColumns,
    // A forecast not filled in stays blank rather than showing ¥0; wrapped per plan, since wrapping
    // the CHOOSE would repeat it (and MATCH) whole.
    c.formula("forecast", h.forecast, "money", link("FORECAST", undefined, blankAsBlank), { totals: SUM }),
    c.formula("expenses", h.expenses, "money", link("EXPENSE_TOTAL"), { totals: SUM }),
    ...(OPTIONAL_PARTS[kind].length > 0
      ? [
          // Not submitted (a blank cell) reads 0, shown blank by the format: an IF per plan here, with
          // the longest names of the plan, would make this the longest formula and lower the plan limit.
          { ...c.formula("submitted", h.submitted, "datetime", link("SUBMITTED")), numberFormat: zeroHidden(numberFormat("datetime", locale)) },
          c.formula("onTime", h.onTime, "text", link("ONTIME", (choice) => `${choice}&""`), { width: 10 }),
          c.formula("approval", h.approval, "text", link("APPROVAL", (choice) => `${choice}&""`), { width: 10 }),
        ]
      : []),
    c.text("remarks", h.remarks, { width: 40 }),
  ];
  if (plans.length > MAX_SUMMARY_PLANS || columns.some((column) => !formulaFits(column.formula ?? ""))) throw new TeamError("tooManyPlans", { count: plans.length });

  draft.text({ row: origin.row - 1, col: origin.col }, t.kinds[kind], "section");
  const placed = draft.table({ name: table, role: "summary", origin, showTotals: true, columns, rows: plans.map((plan) => summaryRow(plan, locale)) });
  for (const m of ROLLUP_METRICS[kind]) achievementFormats(draft, placed, metricKey(m, "rate"));
  const status = a1(placed.cell(0, "status"));
  draft.format({
    target: { kind: "tableColumn", table, column: h.status },
    rule: { kind: "expression", formula: `AND(${status}<>"",${status}<>${str(t.status.ok)})` },
    style: { fill: COLORS.warnFill, fontColor: COLORS.warnFont, bold: true },
  });
  return placed;
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

/** One plan's row: literal status, key and remarks; every figure comes from its column's formula. */
function summaryRow(plan: PlanInstance, locale: Locale): TableRow {
  const t = teamStrings(locale).summary;
  return {
    status: t.status[planStatus(plan)],
    key: plan.key,
    remarks: planRemarks(plan, locale),
  };
}

/** Why a plan needs attention or is flagged, as one sentence ("" for a plan that is fine). */
export function planRemarks(plan: PlanInstance, locale: Locale): string {
  const t = teamStrings(locale).summary;
  const reasons = [...plan.issues.map(t.issue), ...(plan.duplicateOf.length > 0 ? [t.duplicateOf(plan.duplicateOf)] : [])];
  return reasons.join(locale === "zh-CN" ? "；" : "; ");
}
