import { characters } from "../contract/excerpt";
import type { ExistingNames, RecordTemplate, SheetRole, SheetSpec, TableColumns, TemplateRecord, CellRef } from "./sheetSpec";

/**
 * Free-name resolution, done purely from the workbook's existing names so builders never
 * overwrite anything: sheets get " (2)", " (3)" …; template instances get the lowest free key.
 * Excel compares sheet, table and defined names case-insensitively, so we do too.
 */

const MAX_SHEET_NAME = 31;
const FORBIDDEN_IN_SHEET_NAME = /[[\]:*?/\\]/g;

const lower = (names: readonly string[]): Set<string> => new Set(names.map((n) => n.toLowerCase()));

/** `text` without the characters a sheet name cannot hold ("-" instead), without leading/trailing quotes and spaces. */
const cleanPart = (text: string): string => text.replace(FORBIDDEN_IN_SHEET_NAME, "-").replace(/^['\s]+|['\s]+$/g, "");

/** Makes `wanted` a legal sheet name: forbidden characters become "-", no leading/trailing quote. */
export function cleanSheetName(wanted: string): string {
  const cleaned = cleanPart(wanted);
  return cleaned.length > 0 ? cleaned : "Sheet";
}

/**
 * A sheet title in parts, e.g. 周计划 · 张三 · 2026W48: when the whole is too long for Excel, only
 * `name` is shortened, so the template and the period (what tells two plans apart) stay whole.
 */
export interface SheetTitle {
  readonly prefix: string;
  readonly name: string;
  readonly period: string;
}

/** A plan sheet's wanted name, e.g. 周计划-张三-2026W48; the rep part is left out when empty. */
export const sheetTitle = (prefix: string, rep: string, period: string): SheetTitle => ({ prefix, name: rep.trim(), period });

const joinTitle = (title: SheetTitle): string => [title.prefix, title.name, title.period].filter((part) => part.length > 0).join("-");

/** The longest whole-character start of `text` within `units` UTF-16 code units (Excel's measure). */
function cut(text: string, units: number): string {
  let kept = "";
  for (const char of characters(text)) {
    if (kept.length + char.length > units) break;
    kept += char;
  }
  return kept;
}

/**
 * `title` within `units` code units: the name part is shortened first (and dropped if nothing of it
 * fits); only a title whose fixed parts alone are too long is cut at its end.
 */
function fitTitle(title: SheetTitle, units: number): string {
  const name = cleanPart(title.name);
  const whole = cleanSheetName(joinTitle({ ...title, name }));
  if (whole.length <= units) return whole;
  const fixed = joinTitle({ ...title, name: "" }).length;
  const room = units - fixed - (fixed > 0 ? 1 : 0);
  const fitted = cleanSheetName(joinTitle({ ...title, name: room > 0 ? cut(name, room).replace(/[\s'-]+$/, "") : "" }));
  return fitted.length <= units ? fitted : cleanSheetName(cut(fitted, units));
}

/** A plan sheet's period at the end of a plain name (`…-2026W48`, `…-2026-11`), as `sheetTitle` writes it. */
const TRAILING_PERIOD = /^(.*)-(\d{4}(?:W\d{1,2}|-\d{2}))$/s;

/** A plain sheet name as a title: a trailing period (a rep's sheet copied into the team workbook) stays whole. */
function titleOf(name: string): SheetTitle {
  const match = TRAILING_PERIOD.exec(name);
  return match ? { prefix: "", name: match[1], period: match[2] } : { prefix: "", name, period: "" };
}

/**
 * `wanted`, or `wanted (2)`, `wanted (3)` … — the first one no existing sheet uses, at most 31
 * UTF-16 code units (Excel's limit). A `SheetTitle` is shortened in its name part, a plain string
 * before a trailing period or else at its end; neither ever splits a character.
 */
export function freeSheetName(wanted: string | SheetTitle, existingSheets: readonly string[]): string {
  const taken = lower(existingSheets);
  const title = typeof wanted === "string" ? titleOf(wanted) : wanted;
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? "" : ` (${n})`;
    const candidate = fitTitle(title, MAX_SHEET_NAME - suffix.length) + suffix;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/** The key a defined name or table belongs to, in upper case: `W1` for `SP_W1_REP`. */
export const keyOfName = (name: string): string | undefined => /^SP_([A-Z]\d+)_/.exec(name.toUpperCase())?.[1];

/** Whether `table` is named like a template's (`SP_<KEY>_…`): the tables whose columns the front doors read (`ExistingNames.tableColumns`). */
export const isTemplateTable = (table: string): boolean => keyOfName(table) !== undefined;

/** The keys that `names` (defined names, tables) use. */
export function usedKeys(names: readonly string[]): Set<string> {
  const keys = new Set<string>();
  for (const name of names) {
    const key = keyOfName(name);
    if (key !== undefined) keys.add(key);
  }
  return keys;
}

/** The lowest `<letter><n>` of `template` not in `used` (from `usedKeys`), n from `from` on (every lower one known taken). */
export function lowestFreeKey(template: RecordTemplate, used: ReadonlySet<string>, from = 1): string {
  const letter = template.keyLetter;
  for (let n = from; ; n++) if (!used.has(`${letter}${n}`)) return `${letter}${n}`;
}

/** The lowest `<letter><n>` whose `SP_<letter><n>_` prefix no existing defined name or table uses. */
export const freeKey = (template: RecordTemplate, existing: ExistingNames): string =>
  lowestFreeKey(template, usedKeys([...existing.names, ...existing.tables]));

/** Workbook name `SP_<KEY>_<PART>` (upper case, see sheetSpec.ts). */
export const spName = (key: string, part: string): string => `SP_${key}_${part}`.toUpperCase();

/** Table name `SP_<KEY>_<Role>`. */
export const spTable = (key: string, role: string): string => `SP_${key}_${role}`;

/**
 * The key letter of the 节假日 tables (issue 11): one table per year, keyed `H<year>` rather than by
 * the next free counter, so a template and a front door find a year's table by its name alone.
 * Here rather than in the template registry because the writers, which read these tables back from
 * a workbook, may not import the templates (eslint.config.mjs, LAYERS); the registry takes it from here.
 */
export const HOLIDAY_KEY_LETTER = "H";

/** The 节假日 table of `year`: `SP_H2026_Days`. */
export const holidayTableName = (year: number): string => spTable(`${HOLIDAY_KEY_LETTER}${year}`, "Days");

const HOLIDAY_TABLE = new RegExp(`^SP_${HOLIDAY_KEY_LETTER}(\\d{4})_Days$`, "i");

/** The year of a table named by `holidayTableName`, in any case (Excel's table names ignore it); undefined for any other table. */
export function holidayTableYear(table: string): number | undefined {
  const match = HOLIDAY_TABLE.exec(table);
  return match ? Number(match[1]) : undefined;
}

/** Name of the cell holding a sheet's template record. */
export const recordName = (key: string, role: SheetRole): string =>
  role === "main" ? spName(key, "TEMPLATE") : spName(key, `TEMPLATE_${role}`);

export function templateRecord(template: RecordTemplate, role: SheetRole, key: string, at: CellRef): TemplateRecord {
  const { id, version } = template;
  return { template: id, role, version, key, at, value: `sales-planner:${id}:${role}:v${version}:${key}` };
}

/** A template record's parts, as `parseRecord` reads them back. */
export interface ParsedRecord<Id extends string = string> {
  readonly template: Id;
  readonly role: SheetRole;
  readonly version: number;
  readonly key: string;
}

/**
 * The grammar of a record value written by `templateRecord`; undefined for anything else. Any id is
 * read: which ids are templates is the registry's to say (`readRecord` in templates/registry.ts), so
 * a template added there can never be forgotten here.
 */
export function parseRecord(value: unknown): ParsedRecord | undefined {
  if (typeof value !== "string") return undefined;
  const match = /^sales-planner:([a-z][A-Za-z0-9]*):(main|settings|summary|stats|list):v(\d+):([A-Z]\d+)$/.exec(value);
  if (!match) return undefined;
  return { template: match[1], role: match[2] as SheetRole, version: Number(match[3]), key: match[4] };
}

/** The workbook's names after `specs` are added: lets several builders run one after another purely. */
export function withSpecs(existing: ExistingNames, specs: readonly SheetSpec[]): ExistingNames {
  return {
    ...existing,
    sheets: [...existing.sheets, ...specs.map((s) => s.name)],
    tables: [...existing.tables, ...specs.flatMap((s) => s.tables.map((t) => t.name))],
    names: [...existing.names, ...specs.flatMap(definedNamesOf)],
    tableColumns: [...(existing.tableColumns ?? []), ...specs.flatMap(tableColumnsOf)],
  };
}

/** Whether the workbook defines `name` (Excel's names ignore case). */
export const definesName = (existing: ExistingNames, name: string): boolean => existing.names.some((n) => n.toUpperCase() === name.toUpperCase());

/** Whether the workbook's sheet defining `present` was written before it defined `added` too (an older layout of it). */
export const predates = (existing: ExistingNames, present: string, added: string): boolean => definesName(existing, present) && !definesName(existing, added);

/** The workbook names a spec defines: its cells' and its columns'. */
export const definedNamesOf = (spec: SheetSpec): string[] => [...spec.names.map((n) => n.name), ...(spec.columnNames ?? []).map((n) => n.name)];

/** The column names of a spec's tables, as a front door would read them back. */
const tableColumnsOf = (spec: SheetSpec): TableColumns[] => spec.tables.map((t) => ({ table: t.name, columns: t.columns.map((c) => c.header) }));

export const NO_NAMES: ExistingNames = { sheets: [], tables: [], names: [] };
