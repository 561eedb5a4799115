import type { Locale } from "../../contract/locale";
import { teamStrings } from "./strings";
import { a1 } from "../../spec/a1";
import { kitFor } from "../context";
import { printSetup, SheetDraft } from "../draft";
import { FORMATS } from "../formats";
import { col, equalsCriterion, str } from "../../spec/formula";
import { readRecord, TEAM_TEMPLATES } from "../registry";
import { freeKey, freeSheetName, spTable, templateRecord } from "../../spec/naming";
import { achievementFormats, rateFormula } from "../planBlocks";
import { ROLLUP_METRICS, type CellRef, type CellSpec, type CellValue, type ColumnSpec, type ExistingNames, type MonthlyMetric, type RangeRef, type SheetSpec, type TableRow, type WeeklyMetric } from "../../spec/sheetSpec";
import { SUMMARY_METRICS } from "./rollupSheet";
import { pivotAxes, type HistoryRow, type PeriodId } from "../../team/history";
import type { PlanTemplate } from "../../team/plans";

/**
 * 团队历史 — the team history sheet (issue 16): a log table of the roll-ups' snapshots, one row per plan
 * per recording, and beside it a 达成率 pivot per kind and metric (periods down, reps across) with a
 * line chart of each rep's achievement over the periods.
 *
 * The log holds VALUES, the figures when recorded — it is a snapshot, not a link — except 达成率, the
 * row's own actual ÷ target (blank for a blank or zero target), so a figure corrected by hand in the log
 * gets its rate. The writers never rebuild the log: they delete the rows of the periods recorded again
 * and append the new rows (`planRecording`), so every other row keeps what it holds.
 *
 * The pivot is the add-in's own block, rewritten on each recording from the log as it then is: its
 * periods and reps are labels written as values (`pivotAxes`), each cell a SUMIFS over the log's
 * columns — native formulas (Excel 2016, WPS, LibreOffice), so a figure corrected in the log shows up
 * in the pivot and the charts. A cell is #N/A where the rep had no target in that period: a gap in the
 * line, where 0 would draw a fall to 0 %. Charts sit between the log and the pivot, one under the other
 * at fixed places, so the log growing down and the pivot changing size move neither.
 */

/** Where the log table starts: below the title, the template record and the note. */
export const HISTORY_ORIGIN: CellRef = { row: 4, col: 0 };

const CHART_WIDTH = 9;
const CHART_HEIGHT = 15;
/** Caption, header and (at least) one row, then a blank row. */
const BLOCK_EXTRA = 3;

type MetricId = WeeklyMetric | MonthlyMetric;

export interface HistoryPlacement {
  readonly key: string;
  readonly sheet: string;
}

export function newHistoryPlacement(existing: ExistingNames, locale: Locale): HistoryPlacement {
  return { key: freeKey(TEAM_TEMPLATES.teamHistory, existing), sheet: freeSheetName(teamStrings(locale).history.sheetName, existing.sheets) };
}

/** The log table's name for instance `key`. */
export const historyTableName = (key: string): string => spTable(key, "History");

/**
 * The history sheet a workbook has — by its template record (a name whose value is a teamHistory
 * record of its own key) and its log table (`tables`: the workbook's) — with several, the lowest key.
 */
export function findHistory(names: readonly { readonly name: string; readonly sheet?: string; readonly value?: CellValue }[], tables: readonly string[]): HistoryPlacement | undefined {
  const has = new Set(tables.map((table) => table.toLowerCase()));
  return names
    .flatMap(({ name, sheet, value }) => {
      const key = /^SP_(S\d+)_TEMPLATE$/i.exec(name)?.[1]?.toUpperCase();
      const record = readRecord(value);
      return key !== undefined && sheet !== undefined && record?.template === "teamHistory" && record.key === key && has.has(historyTableName(key).toLowerCase()) ? [{ key, sheet }] : [];
    })
    .sort((a, b) => Number(a.key.slice(1)) - Number(b.key.slice(1)))[0];
}

const metricKey = (metric: MetricId, part: "target" | "actual" | "rate"): string => `${metric}_${part}`;

function metricLabel(metric: MetricId, locale: Locale): string {
  const { s } = kitFor(locale);
  return metric in s.weekly.metrics ? s.weekly.metrics[metric as WeeklyMetric] : s.monthly.metrics[metric as MonthlyMetric];
}

/** The log's columns, in order: 记录日期, 销售代表, 类型, 期间, then target / actual / 达成率 per metric. */
export function historyColumns(key: string, locale: Locale): ColumnSpec[] {
  const { columns: c } = kitFor(locale);
  const t = teamStrings(locale);
  const h = t.summary.columns;
  const table = historyTableName(key);
  return [
    c.date("recorded", t.history.recorded),
    c.text("rep", h.rep, { width: 12 }),
    c.text("kind", h.kind, { width: 12 }),
    c.text("period", h.period, { width: 12 }),
    ...SUMMARY_METRICS.flatMap((m): ColumnSpec[] => {
      const label = metricLabel(m, locale);
      return [
        c.quantity(metricKey(m, "target"), h.target(label)),
        c.quantity(metricKey(m, "actual"), h.actual(label)),
        c.formula(metricKey(m, "rate"), h.rate(label), "percent", rateFormula(table, h.actual(label), h.target(label))),
      ];
    }),
  ];
}

/** A snapshot row as the log's table row (by column key; the 达成率 columns are calculated). */
export function historyTableRow(row: HistoryRow, locale: Locale): TableRow {
  const figures = Object.fromEntries(
    SUMMARY_METRICS.flatMap((m) => [
      [metricKey(m, "target"), row.figures[m]?.target ?? null],
      [metricKey(m, "actual"), row.figures[m]?.actual ?? null],
    ]),
  );
  return { recorded: row.recorded, rep: row.rep, kind: teamStrings(locale).summary.kinds[row.kind], period: row.period, ...figures };
}

const KINDS: readonly PlanTemplate[] = ["weekly", "monthly"];
const LOCALES: readonly Locale[] = ["zh-CN", "en-US"];

/** The name of the pivot's `index`th chart: what a recording finds its charts by to replace them. */
const chartName = (key: string, index: number): string => `${spTable(key, "Chart")}${index + 1}`;

/** Whether a chart on the history sheet of instance `key` is one of its pivot's (and is replaced on each recording). */
export const isPivotChart = (key: string) => (name: string): boolean => new RegExp(`^${spTable(key, "Chart")}\\d+$`, "i").test(name);

/** The language a log was written in, by its first header (undefined: neither, the header was changed). */
export const logLocale = (headers: readonly string[]): Locale | undefined => LOCALES.find((locale) => teamStrings(locale).history.recorded === headers[0]);

/** A plan's metric as its own targets table labels it (指标), in either language. */
export function planMetricLabels(kind: PlanTemplate, metric: string): string[] {
  return LOCALES.map((locale) => {
    const { s } = kitFor(locale);
    return kind === "weekly" ? s.weekly.metrics[metric as WeeklyMetric] : s.monthly.metrics[metric as MonthlyMetric];
  });
}

/** The kind a log row's 类型 cell names, in either language (undefined: not one of them). */
export function kindOfLabel(value: CellValue): PlanTemplate | undefined {
  const text = typeof value === "string" ? value.trim().toLowerCase() : "";
  return KINDS.find((kind) => LOCALES.some((locale) => teamStrings(locale).summary.kinds[kind].toLowerCase() === text));
}

/** A log row as read back (cells in the log's column order): its period, and its rep for the pivot. */
export function readHistoryRow(cells: readonly CellValue[]): (PeriodId & { readonly rep: string }) | undefined {
  const kind = kindOfLabel(cells[2] ?? null);
  const period = cells[3];
  if (kind === undefined || period === null || period === undefined || String(period).trim() === "") return undefined;
  return { kind, period: String(period), rep: cells[1] === null || cells[1] === undefined ? "" : String(cells[1]) };
}

/**
 * The 团队历史 sheet: the log holding `rows` (new sheet: the first recording), the pivot over `logged`
 * — every row of the log, kept and new, as `readHistoryRow` reads them — and one chart per pivot block.
 */
export function buildHistorySheet(rows: readonly HistoryRow[], logged: readonly (PeriodId & { readonly rep: string })[], placement: HistoryPlacement, locale: Locale): SheetSpec {
  const { s } = kitFor(locale);
  const t = teamStrings(locale);
  const draft = new SheetDraft();
  const columns = historyColumns(placement.key, locale);
  draft.text({ row: 0, col: 0 }, t.history.title, "title");
  draft.text({ row: 2, col: 0 }, t.history.note, "note");
  const placed = draft.table({ name: historyTableName(placement.key), role: "history", origin: HISTORY_ORIGIN, columns, rows: rows.map((row) => historyTableRow(row, locale)) });
  for (const m of SUMMARY_METRICS) achievementFormats(draft, placed, metricKey(m, "rate"));
  pivotBlocks(draft, logged, placement.key, locale);
  return draft.finish({
    name: placement.sheet,
    record: templateRecord(TEAM_TEMPLATES.teamHistory, "main", placement.key, { row: 1, col: 0 }),
    recordLabel: s.common.recordLabel,
    recordNote: s.common.recordNote,
    freeze: { rows: HISTORY_ORIGIN.row + 1, cols: 0 },
    print: printSetup({ first: HISTORY_ORIGIN.row, last: HISTORY_ORIGIN.row }),
    tabColor: "7030A0",
  });
}

/** The log's width: 记录日期, 销售代表, 类型, 期间 and three columns per metric (`historyColumns`). */
const HISTORY_WIDTH = 4 + 3 * SUMMARY_METRICS.length;
/** Column of the charts: one blank column right of the log. */
const CHART_COL = HISTORY_ORIGIN.col + HISTORY_WIDTH + 1;
/** Column of the pivot: one blank column right of the charts. Everything from here on, from the log's header row down, is the pivot's. */
export const PIVOT_COL = CHART_COL + CHART_WIDTH + 1;

/** The pivot's cells of `spec` (a `buildHistorySheet`): what a writer rewrites on each recording. */
export const pivotCells = (spec: SheetSpec): CellSpec[] => spec.cells.filter((cell) => cell.at.col >= PIVOT_COL && cell.at.row >= HISTORY_ORIGIN.row);

/** The area the pivot of `spec` covers: what a writer clears before writing another pivot there. */
export function pivotArea(spec: SheetSpec): RangeRef {
  const cells = pivotCells(spec);
  const rows = cells.map((cell) => cell.at.row);
  const cols = cells.map((cell) => cell.at.col);
  return { from: { row: HISTORY_ORIGIN.row, col: PIVOT_COL }, to: { row: Math.max(HISTORY_ORIGIN.row, ...rows), col: Math.max(PIVOT_COL, ...cols) } };
}

/** The sheet's extent (Excel's and the file format's): the region right of the log reaches to it. */
const SHEET_ROWS = 1048576;
const SHEET_COLS = 16384;

/** From the log's header row down, right of the log: the charts and the pivot, and whatever the manager put beside them. */
export const BESIDE_LOG: RangeRef = { from: { row: HISTORY_ORIGIN.row, col: CHART_COL }, to: { row: SHEET_ROWS - 1, col: SHEET_COLS - 1 } };

const within = (at: CellRef, range: RangeRef): boolean => at.row >= range.from.row && at.row <= range.to.row && at.col >= range.from.col && at.col <= range.to.col;

/**
 * Whether the pivot `next` (a `buildHistorySheet`) takes cell `at` that the pivot `old` did not — in
 * its area or under one of its charts: a cell the manager may have typed into beside the pivot, which
 * a recording writes over (or hides) only when it is blank.
 */
export function pivotGrowth(old: SheetSpec, next: SheetSpec): (at: CellRef) => boolean {
  const areas = (spec: SheetSpec): RangeRef[] => [pivotArea(spec), ...spec.charts.map((chart) => chart.anchor)];
  const [before, after] = [areas(old), areas(next)];
  return (at) => after.some((range) => within(at, range)) && !before.some((range) => within(at, range));
}

/**
 * The pivot's cells and the charts over them: a note, then per kind present in the log and per metric
 * of its plans a block — caption, header (期间, reps), one row per period — stacked downwards.
 */
function pivotBlocks(draft: SheetDraft, logged: readonly (PeriodId & { readonly rep: string })[], key: string, locale: Locale): void {
  const t = teamStrings(locale);
  const h = t.summary.columns;
  const table = historyTableName(key);
  const left = PIVOT_COL;
  const charts = CHART_COL;
  const top = HISTORY_ORIGIN.row;
  draft.text({ row: top, col: left }, t.history.pivotNote, "note");
  let row = top + 1;
  let chart = 0;
  for (const kind of KINDS) {
    const { periods, reps } = pivotAxes(logged, kind);
    if (periods.length === 0) continue;
    const kindLabel = t.summary.kinds[kind];
    for (const metric of ROLLUP_METRICS[kind]) {
      const label = metricLabel(metric, locale);
      const title = t.history.pivotTitle(kindLabel, label);
      draft.text({ row, col: left }, title, "section");
      const header = row + 1;
      draft.text({ row: header, col: left }, t.history.pivotPeriod, "label");
      reps.forEach((rep, i) => draft.text({ row: header, col: left + 1 + i }, rep, "label"));
      periods.forEach((period, p) => {
        const at = { row: header + 1 + p, col: left };
        draft.text(at, period);
        reps.forEach((_, i) => {
          const repCell = equalsCriterion(a1({ row: header, col: left + 1 + i }, true));
          const periodCell = equalsCriterion(a1(at, true));
          const sum = (header: string): string => `SUMIFS(${col(table, header)},${col(table, h.kind)},${str(kindLabel)},${col(table, h.period)},${periodCell},${col(table, h.rep)},${repCell})`;
          const target = sum(h.target(label));
          draft.put({ row: at.row, col: left + 1 + i }, { formula: `IF(${target}=0,NA(),${sum(h.actual(label))}/${target})` }, "computed", FORMATS.percent);
        });
      });
      const last = header + periods.length;
      const categories: RangeRef = { from: { row: header + 1, col: left }, to: { row: last, col: left } };
      draft.chart({
        kind: "line",
        title,
        name: chartName(key, chart),
        categories: { kind: "range", range: categories },
        series: reps.map((rep, i) => ({ name: rep, values: { kind: "range", range: { from: { row: header + 1, col: left + 1 + i }, to: { row: last, col: left + 1 + i } } } })),
        anchor: { from: { row: top + chart * (CHART_HEIGHT + 1), col: charts }, to: { row: top + chart * (CHART_HEIGHT + 1) + CHART_HEIGHT, col: charts + CHART_WIDTH } },
      });
      chart++;
      row = last + BLOCK_EXTRA - 1;
    }
  }
  draft.widen(left, 12);
}
