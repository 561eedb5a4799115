import { recordName, spName } from "../spec/naming";
import { readRecord, TEMPLATES } from "../templates/registry";
import { ROLLUP_METRICS, type CellValue } from "../spec/sheetSpec";

/**
 * Finds every plan sheet the add-in wrote in a workbook — from the workbook's defined names and
 * the values of a few of them, never from sheet names or positions (see the naming scheme in
 * `spec/sheetSpec.ts`) — and says for each whether the roll-up can link to all of its figures.
 * Pure: both writers read the names their own way and hand over `NameEntry`s.
 */

/** One workbook-scoped defined name as a writer reads it. */
export interface NameEntry {
  readonly name: string;
  /**
   * The sheet the name refers to; undefined when it refers to nothing usable (`#REF!` after its
   * cells or sheet were deleted, a constant, a formula).
   */
  readonly sheet?: string;
  /** The value of the name's (first) cell; only needed for the names `needsValue` selects. */
  readonly value?: CellValue;
}

export type PlanTemplate = "weekly" | "monthly";

/** Why a plan cannot be rolled up completely (worded by `summary.issue` in templates/team/strings.ts). */
export type PlanIssue =
  /** The instance has names but no `SP_<KEY>_TEMPLATE` name at all. */
  | { readonly code: "recordMissing" }
  /** The record cell holds something other than this instance's record. */
  | { readonly code: "recordUnreadable"; readonly detail?: string }
  /** A name the roll-up links to is gone. */
  | { readonly code: "nameMissing"; readonly name: string }
  /** A name the roll-up links to refers to #REF! (its cells were deleted). */
  | { readonly code: "nameBroken"; readonly name: string }
  /** A name the roll-up links to refers to a different sheet than the plan's record. */
  | { readonly code: "nameElsewhere"; readonly name: string };

export interface PlanInstance {
  readonly key: string;
  readonly template: PlanTemplate;
  /** The sheet the plan is on (its record's sheet, or where most of its names point). */
  readonly sheet: string;
  /** Rep and period as the plan states them ("" when unreadable). */
  readonly rep: string;
  readonly period: string;
  /** Empty when every figure can be linked. */
  readonly issues: readonly PlanIssue[];
  /** The names (from `linkNames`, and those of `OPTIONAL_PARTS` it has) that refer to the plan's sheet and can be linked to. */
  readonly usable: readonly string[];
  /** Keys of other plans with the same template, rep and period. */
  readonly duplicateOf: readonly string[];
}

export type PlanStatus = "ok" | "attention" | "duplicate";

export const planStatus = (plan: PlanInstance): PlanStatus =>
  plan.issues.length > 0 ? "attention" : plan.duplicateOf.length > 0 ? "duplicate" : "ok";

const TEMPLATE_OF_LETTER: Readonly<Record<string, PlanTemplate>> = {
  [TEMPLATES.weekly.keyLetter]: "weekly",
  [TEMPLATES.monthly.keyLetter]: "monthly",
};

const PLAN_NAME = new RegExp(`^SP_([${TEMPLATES.weekly.keyLetter}${TEMPLATES.monthly.keyLetter}]\\d+)_(.+)$`);

/** The parts of a plan's names the summary links to, besides the template record. */
export function linkParts(template: PlanTemplate): string[] {
  return ["REP", "PERIOD", ...ROLLUP_METRICS[template].flatMap((m) => [`${m}_TARGET`, `${m}_ACTUAL`]), "FORECAST", "EXPENSE_TOTAL"];
}

/**
 * The parts the summary links to when the plan has them: the weekly plan's submission block
 * (提交时间, 按时提交, 审批状态) came later than its first version, so a plan written before has none
 * of these names and shows blank there rather than being flagged; the monthly plan has no such block.
 * A name the plan HAS but that broke or points elsewhere is still reported, like any linked name.
 */
export const OPTIONAL_PARTS: Readonly<Record<PlanTemplate, readonly string[]>> = { weekly: ["SUBMITTED", "ONTIME", "APPROVAL"], monthly: [] };

/** The names the summary links to for plan `key`. */
export const linkNames = (key: string, template: PlanTemplate): string[] => linkParts(template).map((part) => spName(key, part));

/**
 * Whether a reader must supply the value of this name: only template records (of any template —
 * the roll-up finds its own summary by its record too) and plans' reps and periods are read, so a
 * reader loads a handful of cells per sheet, whatever the size of the sheets.
 */
export function needsValue(name: string): boolean {
  if (/^SP_[A-Z]\d+_TEMPLATE$/.test(name.toUpperCase())) return true;
  const match = PLAN_NAME.exec(name.toUpperCase());
  return match !== null && (match[2] === "REP" || match[2] === "PERIOD");
}

const text = (value: CellValue | undefined): string => (value === null || value === undefined ? "" : String(value).trim());

/** The sheet most of `entries` point at (ties: the first seen), or undefined when none does. */
function mainSheet(entries: readonly NameEntry[]): string | undefined {
  const counts = new Map<string, number>();
  for (const entry of entries) if (entry.sheet !== undefined) counts.set(entry.sheet, (counts.get(entry.sheet) ?? 0) + 1);
  let best: string | undefined;
  for (const [sheet, count] of counts) if (best === undefined || count > (counts.get(best) ?? 0)) best = sheet;
  return best;
}

interface Found {
  readonly key: string;
  readonly template: PlanTemplate;
  readonly sheet: string;
  readonly rep: string;
  readonly period: string;
  readonly issues: PlanIssue[];
  readonly usable: string[];
}

/**
 * One plan instance from its names, or undefined when none of them refers to a sheet any more —
 * the plan's sheet was deleted (Excel keeps a deleted sheet's names, pointing at #REF!), so the
 * roll-up drops it rather than reporting it.
 */
function classify(key: string, entries: readonly NameEntry[]): Found | undefined {
  const template = TEMPLATE_OF_LETTER[key[0]];
  const byName = new Map(entries.map((e) => [e.name.toUpperCase(), e]));
  const record = byName.get(recordName(key, "main"));
  const sheet = record?.sheet ?? mainSheet(entries);
  if (sheet === undefined) return undefined;
  const issues: PlanIssue[] = [];
  if (!record) issues.push({ code: "recordMissing" });
  else if (record.sheet === undefined) issues.push({ code: "nameBroken", name: record.name });
  else {
    const parsed = readRecord(record.value);
    if (!parsed || parsed.key !== key || parsed.template !== template || parsed.role !== "main")
      issues.push({ code: "recordUnreadable", detail: text(record.value) });
  }
  const usable: string[] = [];
  const optional = OPTIONAL_PARTS[template].map((part) => spName(key, part));
  for (const name of [...linkNames(key, template), ...optional]) {
    const entry = byName.get(name);
    if (!entry) {
      if (!optional.includes(name)) issues.push({ code: "nameMissing", name });
    } else if (entry.sheet === undefined) issues.push({ code: "nameBroken", name });
    else if (entry.sheet.toLowerCase() !== sheet.toLowerCase()) issues.push({ code: "nameElsewhere", name });
    else usable.push(name);
  }
  const valueOf = (part: string): string => {
    const entry = byName.get(spName(key, part));
    return entry?.sheet !== undefined ? text(entry.value) : "";
  };
  return { key, template, sheet, rep: valueOf("REP"), period: valueOf("PERIOD"), issues, usable };
}

const keyNumber = (key: string): number => Number(key.slice(1));

/** Same order on every run, whatever order the workbook lists its names in: the summary stays stable. */
function compare(a: Found, b: Found): number {
  if (a.template !== b.template) return a.template === "monthly" ? -1 : 1;
  if (a.period !== b.period) return a.period < b.period ? -1 : 1;
  if (a.rep !== b.rep) return a.rep.localeCompare(b.rep, "zh-CN");
  return keyNumber(a.key) - keyNumber(b.key);
}

/**
 * What makes two plans the same plan — template, rep and period, case aside (both read trimmed) —
 * or undefined when the plan does not state its rep or period. Duplicates are flagged by it, and a
 * collect skips a rep's plan the team workbook already holds by it.
 */
export const planIdentity = (plan: Pick<PlanInstance, "template" | "rep" | "period">): string | undefined =>
  plan.rep === "" || plan.period === "" ? undefined : `${plan.template}|${plan.rep.toLowerCase()}|${plan.period.toLowerCase()}`;

/** Every weekly and monthly plan in the workbook, classified, duplicates flagged, in a stable order. */
export function discoverPlans(names: readonly NameEntry[]): PlanInstance[] {
  const byKey = new Map<string, NameEntry[]>();
  for (const entry of names) {
    const match = PLAN_NAME.exec(entry.name.toUpperCase());
    if (!match) continue;
    const entries = byKey.get(match[1]);
    if (entries) entries.push(entry);
    else byKey.set(match[1], [entry]);
  }
  const found = [...byKey].flatMap(([key, entries]) => classify(key, entries) ?? []).sort(compare);
  const keysById = new Map<string, string[]>();
  for (const plan of found) {
    const id = planIdentity(plan);
    if (id === undefined) continue;
    const keys = keysById.get(id);
    if (keys) keys.push(plan.key);
    else keysById.set(id, [plan.key]);
  }
  return found.map((plan) => {
    const id = planIdentity(plan);
    const duplicateOf = id === undefined ? [] : (keysById.get(id) ?? []).filter((key) => key !== plan.key);
    return { ...plan, duplicateOf };
  });
}
