import type { Locale } from "../../contract/locale";
import { FIRST_SERIAL, formatSerial, LAST_SERIAL } from "../../domain/calendar";
import { importFields, resolveImport, type ColumnMapping, type Decision, type DuplicateGroup, type ExistingRegister, type ImportKind, type ImportPlan, type ImportWrite, type SourceGrid } from "../../import";
import { NO_NAMES } from "../../spec/naming";
import type { CellValue, TableRow } from "../../spec/sheetSpec";
import { buildTemplates } from "../../templates";

/**
 * The import page's rules, apart from React: a source column's samples, what a row of a duplicate group
 * shows, and when the import may run. Nothing goes in unseen: a duplicate group has no default decision,
 * and the import waits until each is decided (`undecided`).
 */

/** The choices a group offers the user (`hold` is the command line's). */
export type PaneDecision = Exclude<Decision, "hold">;

/** Decisions by group index, for the plan they were made on. */
export interface Decisions {
  readonly plan: ImportPlan | undefined;
  readonly chosen: ReadonlyMap<number, PaneDecision>;
}

export const NO_DECISIONS: Decisions = { plan: undefined, chosen: new Map() };

/** The decisions that hold for `plan`: none once the plan changed (a new mapping or source regroups the rows). */
export const decisionsFor = (decisions: Decisions, plan: ImportPlan | undefined): ReadonlyMap<number, PaneDecision> =>
  decisions.plan === plan ? decisions.chosen : NO_DECISIONS.chosen;

export function decide(decisions: Decisions, plan: ImportPlan, index: number, decision: PaneDecision): Decisions {
  return { plan, chosen: new Map(decisionsFor(decisions, plan)).set(index, decision) };
}

/** Every group decided alike (the page's 全部跳过 / 全部保留两者). */
export function decideAll(plan: ImportPlan, decision: PaneDecision): Decisions {
  return { plan, chosen: new Map(plan.groups.map((_, i) => [i, decision])) };
}

export const undecided = (plan: ImportPlan, chosen: ReadonlyMap<number, PaneDecision>): number => plan.groups.filter((_, i) => !chosen.has(i)).length;

/** What goes into the register once every group is decided; undefined while one is not. */
export function decidedWrite(plan: ImportPlan, chosen: ReadonlyMap<number, PaneDecision>): ImportWrite | undefined {
  if (undecided(plan, chosen) > 0) return undefined;
  return resolveImport(plan, (_, i) => chosen.get(i) ?? "skip");
}

/** Whether a write changes anything. */
export const writesSomething = (write: ImportWrite): boolean => write.append.length > 0 || write.fill.length > 0;

/** Why the import may not run yet, the first reason the user must deal with; undefined when it may. */
export type ImportBlock =
  /** Mapped onto a register column that was renamed or is calculated: the values would have nowhere to go. */
  | { readonly kind: "unplaced"; readonly pairs: ImportPlan["unplaced"] }
  /** No column holds what the register finds each row by (a customer's name, a visit's date …). */
  | { readonly kind: "missingKeys"; readonly fields: readonly string[] }
  | { readonly kind: "undecided"; readonly groups: number }
  | { readonly kind: "nothing" };

export function importBlock(plan: ImportPlan, chosen: ReadonlyMap<number, PaneDecision>): ImportBlock | undefined {
  if (plan.unplaced.length > 0) return { kind: "unplaced", pairs: plan.unplaced };
  if (plan.missingKeys.length > 0) return { kind: "missingKeys", fields: plan.missingKeys };
  const open = undecided(plan, chosen);
  if (open > 0) return { kind: "undecided", groups: open };
  const write = decidedWrite(plan, chosen);
  return write && writesSomething(write) ? undefined : { kind: "nothing" };
}

/** The choices for a group: merging means into the register's row when it has one, else the imported rows into one. */
export function choicesOf(group: DuplicateGroup): { readonly decision: PaneDecision; readonly into: "existing" | "imported" | undefined }[] {
  return [
    { decision: "keepBoth", into: undefined },
    { decision: "merge", into: group.existing.length > 0 ? "existing" : "imported" },
    { decision: "skip", into: undefined },
  ];
}

/**
 * Whether the register rows a merge fills (`indices`) are still as the check saw them: a row that moved,
 * changed or went (the user sorted or edited the register meanwhile) would take another row's values.
 */
export function sameRows(before: ExistingRegister | undefined, now: ExistingRegister | undefined, indices: readonly number[]): boolean {
  if (before === undefined || now === undefined) return before === now;
  if (before.table !== now.table || before.headers.join("\t") !== now.headers.join("\t")) return false;
  return indices.every((i) => JSON.stringify(before.rows[i]) === JSON.stringify(now.rows[i]));
}

/**
 * The visit log an import will write into a workbook that has a customer register but no log: written
 * there, it is linked to the register (客户名称 calculated from 客户编号), so the plan must see it as such —
 * visits by name take the register's IDs, and a name it lacks is listed rather than written with no ID.
 */
export function plannedVisitLog(locale: Locale, customers: ExistingRegister): ExistingRegister {
  const [log] = buildTemplates([{ template: "visits", options: { blankRows: 0 } }], { locale, existing: { ...NO_NAMES, tables: [customers.table] } });
  const [table] = log.tables;
  return { table: table.name, sheet: log.name, headers: table.columns.map((c) => c.header), calculated: table.columns.map((c) => c.formula !== undefined), rows: [] };
}

/** A cell as the user typed it: blank → "", numbers and booleans as text. */
const cellText = (value: CellValue | undefined): string => (value === null || value === undefined ? "" : String(value).trim());

/** The first `count` non-blank values under the header of `column`, to recognise it by. */
export function samplesOf(grid: SourceGrid, mapping: ColumnMapping, column: number, count = 2): string[] {
  const found: string[] = [];
  for (let r = mapping.headerRow + 1; r < grid.length && found.length < count; r++) {
    const text = cellText(grid[r][column]);
    if (text !== "") found.push(text);
  }
  return found;
}

/** How many fields of a row a group's card shows: enough to tell the rows apart, short enough for 320 px. */
const SHOWN_FIELDS = 4;

/** A row of a group as its card shows it: its first filled fields in the register's order, dates as dates. */
export function rowSummary(kind: ImportKind, row: TableRow, locale: Locale): string {
  const parts: string[] = [];
  for (const field of importFields(kind, locale)) {
    const value = row[field.key];
    if (value === null || value === undefined || value === "") continue;
    const isDate = field.kind === "date" && typeof value === "number" && Number.isInteger(value) && value >= FIRST_SERIAL && value <= LAST_SERIAL;
    parts.push(isDate ? formatSerial(value) : String(value));
    if (parts.length === SHOWN_FIELDS) break;
  }
  return parts.join(" · ");
}

/** A page of a long list: big lists are shown `step` at a time so the pane stays responsive. */
export const shownOf = <T>(items: readonly T[], shown: number): { readonly items: readonly T[]; readonly more: number } => ({
  items: items.slice(0, shown),
  more: Math.max(0, items.length - shown),
});
