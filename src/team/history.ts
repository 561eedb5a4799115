import type { PlanInstance, PlanTemplate } from "./plans";

/**
 * The 团队历史 (team history) log's rules, pure: which rows a roll-up records and which rows of the
 * log it replaces. Both writers read the log their own way, hand over each row's period (`PeriodId`)
 * and apply the `Recording` by table rows, so the rows they keep are never rewritten.
 *
 * A roll-up records one row per plan of the periods it records (`plansToRecord`; with a rep and a
 * period: a row without them could never be replaced nor charted). "The same period" is the same kind AND period text (compared
 * trimmed, case-insensitively, as `discoverPlans` compares them): a weekly and a monthly plan never
 * share a period, and re-recording a week replaces every row of that week — the plans rolled up
 * before included, so a plan deleted since drops out of that week — while every other period's rows
 * stay as they are. The new rows go at the end, in roll-up order: the log reads in recording order.
 */

/** One metric's figures as the plan showed them when recorded (null: blank or unreadable). */
export interface MetricFigures {
  readonly target: number | null;
  readonly actual: number | null;
}

/** A plan's figures by metric id (`ROLLUP_METRICS`); a metric its kind lacks is absent. */
export type PlanFigures = Readonly<Record<string, MetricFigures>>;

/** Asks a roll-up to record its snapshot in the 团队历史 sheet, dated `recorded` (an Excel date serial, whole days). */
export interface HistoryRequest {
  readonly recorded: number;
}

export interface PeriodId {
  readonly kind: PlanTemplate;
  readonly period: string;
}

export interface HistoryRow extends PeriodId {
  /** The roll-up's date, as an Excel date serial (whole days). */
  readonly recorded: number;
  readonly rep: string;
  readonly figures: PlanFigures;
}

const periodKey = (id: PeriodId): string => `${id.kind}|${id.period.trim().toLowerCase()}`;

/** The rows a roll-up records: one per plan with a rep and a period, in the roll-up's order. */
export function snapshotRows(plans: readonly PlanInstance[], figuresOf: (plan: PlanInstance) => PlanFigures, recorded: number): HistoryRow[] {
  return plans
    .filter((plan) => plan.rep !== "" && plan.period !== "")
    .map((plan) => ({ recorded, rep: plan.rep, kind: plan.template, period: plan.period, figures: figuresOf(plan) }));
}

/**
 * The plans a roll-up records: those of (a) each period (kind + period) the log does not hold yet,
 * (b) the latest period of each kind among `plans` (by text: the plans' period texts sort by time), and
 * (c) the periods of the plans this run copied in (`copied`: their keys). A period already logged
 * outside these is left as it is — a figure corrected by hand in an older week stays, with its date —
 * and a period recorded takes all its plans, so its rows are replaced as a whole (`planRecording`).
 */
export function plansToRecord(plans: readonly PlanInstance[], logged: readonly (PeriodId | undefined)[], copied: ReadonlySet<string> = new Set()): PlanInstance[] {
  const known = new Set(logged.flatMap((id) => (id === undefined ? [] : [periodKey(id)])));
  const latest = new Map<PlanTemplate, string>();
  for (const plan of plans) {
    const period = plan.period.trim().toLowerCase();
    if (period === "") continue;
    const last = latest.get(plan.template);
    if (last === undefined || period > last) latest.set(plan.template, period);
  }
  const idOf = (plan: PlanInstance): PeriodId => ({ kind: plan.template, period: plan.period });
  const chosen = new Set(
    plans.filter((plan) => !known.has(periodKey(idOf(plan))) || latest.get(plan.template) === plan.period.trim().toLowerCase() || copied.has(plan.key)).map((plan) => periodKey(idOf(plan))),
  );
  return plans.filter((plan) => chosen.has(periodKey(idOf(plan))));
}

/** What recording `fresh` does to a log whose rows have the periods `existing` (undefined: a row that names none, kept). */
export interface Recording {
  /** Indexes of the log's rows to delete, ascending. */
  readonly remove: readonly number[];
  /** Rows to add at the end of the log, after the deletions. */
  readonly append: readonly HistoryRow[];
}

export function planRecording(existing: readonly (PeriodId | undefined)[], fresh: readonly HistoryRow[]): Recording {
  const replaced = new Set(fresh.map(periodKey));
  const remove = existing.flatMap((id, index) => (id !== undefined && replaced.has(periodKey(id)) ? [index] : []));
  return { remove, append: fresh };
}

/** `rows` after `recording`: the kept rows in their order, then the new ones (what the writers' edits leave). */
export function applyRecording<T>(rows: readonly T[], recording: Recording, fromHistory: (row: HistoryRow) => T): T[] {
  const removed = new Set(recording.remove);
  return [...rows.filter((_, index) => !removed.has(index)), ...recording.append.map(fromHistory)];
}

/**
 * The axes of the 达成率 pivot for one kind: its periods in text order (the plans' own period texts,
 * `2026-W48` and `2026-11`, sort by time) and its reps in the summary's order — so neither moves when
 * an older period is recorded again and its rows go to the end of the log.
 */
export interface PivotAxes {
  readonly periods: readonly string[];
  readonly reps: readonly string[];
}

/** The periods and reps of `kind` in the log (`rows`: kind, period and rep of each row), each once (case-insensitively). */
export function pivotAxes(rows: readonly (PeriodId & { readonly rep: string })[], kind: PlanTemplate): PivotAxes {
  const periods = new Map<string, string>();
  const reps = new Map<string, string>();
  for (const row of rows) {
    if (row.kind !== kind || row.period.trim() === "" || row.rep.trim() === "") continue;
    const period = row.period.trim();
    const rep = row.rep.trim();
    if (!periods.has(period.toLowerCase())) periods.set(period.toLowerCase(), period);
    if (!reps.has(rep.toLowerCase())) reps.set(rep.toLowerCase(), rep);
  }
  return { periods: [...periods.values()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)), reps: [...reps.values()].sort((a, b) => a.localeCompare(b, "zh-CN")) };
}
