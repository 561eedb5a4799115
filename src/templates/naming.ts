import type { ExistingNames, RecordTemplateId, SheetRole, SheetSpec, TemplateRecord, CellRef } from "./sheetSpec";

/**
 * Free-name resolution, done purely from the workbook's existing names so builders never
 * overwrite anything: sheets get " (2)", " (3)" …; template instances get the lowest free key.
 * Excel compares sheet, table and defined names case-insensitively, so we do too.
 */

const MAX_SHEET_NAME = 31;
const FORBIDDEN_IN_SHEET_NAME = /[[\]:*?/\\]/g;

/** Letter that starts each template's instance key (see the naming scheme in sheetSpec.ts). */
export const KEY_LETTER: Readonly<Record<RecordTemplateId, string>> = {
  weekly: "W",
  monthly: "M",
  customers: "C",
  contracts: "K",
  teamSummary: "T",
  breakdown: "B",
};

/** Bumped whenever a template's layout changes; recorded on every sheet it writes. */
export const TEMPLATE_VERSION: Readonly<Record<RecordTemplateId, number>> = {
  weekly: 1,
  monthly: 1,
  customers: 1,
  contracts: 1,
  teamSummary: 1,
  breakdown: 1,
};

const lower = (names: readonly string[]): Set<string> => new Set(names.map((n) => n.toLowerCase()));

/** Makes `wanted` a legal sheet name: forbidden characters become "-", no leading/trailing quote. */
export function cleanSheetName(wanted: string): string {
  const cleaned = wanted.replace(FORBIDDEN_IN_SHEET_NAME, "-").replace(/^'+|'+$/g, "").trim();
  return cleaned.length > 0 ? cleaned : "Sheet";
}

/** `wanted`, or `wanted (2)`, `wanted (3)` … — the first one no existing sheet uses, at most 31 chars. */
export function freeSheetName(wanted: string, existingSheets: readonly string[]): string {
  const taken = lower(existingSheets);
  const base = cleanSheetName(wanted);
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? "" : ` (${n})`;
    const candidate = base.slice(0, MAX_SHEET_NAME - suffix.length).trimEnd() + suffix;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/** A plan sheet's wanted name, e.g. 周计划-张三-2026W48; the rep part is left out when empty. */
export const sheetTitle = (prefix: string, rep: string, period: string): string =>
  [prefix, rep.trim(), period].filter((part) => part.length > 0).join("-");

/** The key a defined name or table belongs to, in upper case: `W1` for `SP_W1_REP`. */
export const keyOfName = (name: string): string | undefined => /^SP_([A-Z]\d+)_/.exec(name.toUpperCase())?.[1];

/** The keys that `names` (defined names, tables) use. */
export function usedKeys(names: readonly string[]): Set<string> {
  const keys = new Set<string>();
  for (const name of names) {
    const key = keyOfName(name);
    if (key !== undefined) keys.add(key);
  }
  return keys;
}

/** The lowest `<letter><n>` not in `used` (from `usedKeys`). */
export function lowestFreeKey(template: RecordTemplateId, used: ReadonlySet<string>): string {
  const letter = KEY_LETTER[template];
  for (let n = 1; ; n++) if (!used.has(`${letter}${n}`)) return `${letter}${n}`;
}

/** The lowest `<letter><n>` whose `SP_<letter><n>_` prefix no existing defined name or table uses. */
export const freeKey = (template: RecordTemplateId, existing: ExistingNames): string =>
  lowestFreeKey(template, usedKeys([...existing.names, ...existing.tables]));

/** Workbook name `SP_<KEY>_<PART>` (upper case, see sheetSpec.ts). */
export const spName = (key: string, part: string): string => `SP_${key}_${part}`.toUpperCase();

/** Table name `SP_<KEY>_<Role>`. */
export const spTable = (key: string, role: string): string => `SP_${key}_${role}`;

/** Name of the cell holding a sheet's template record. */
export const recordName = (key: string, role: SheetRole): string =>
  role === "main" ? spName(key, "TEMPLATE") : spName(key, `TEMPLATE_${role}`);

export function templateRecord(template: RecordTemplateId, role: SheetRole, key: string, at: CellRef): TemplateRecord {
  const version = TEMPLATE_VERSION[template];
  return { template, role, version, key, at, value: `sales-planner:${template}:${role}:v${version}:${key}` };
}

/** Parses a record value written by `templateRecord`; undefined for anything else. */
export function parseRecord(
  value: unknown,
): { template: RecordTemplateId; role: SheetRole; version: number; key: string } | undefined {
  if (typeof value !== "string") return undefined;
  const match = /^sales-planner:(weekly|monthly|customers|contracts|teamSummary|breakdown):(main|settings|summary|stats):v(\d+):([A-Z]\d+)$/.exec(value);
  if (!match) return undefined;
  return { template: match[1] as RecordTemplateId, role: match[2] as SheetRole, version: Number(match[3]), key: match[4] };
}

/** The workbook's names after `specs` are added: lets several builders run one after another purely. */
export function withSpecs(existing: ExistingNames, specs: readonly SheetSpec[]): ExistingNames {
  return {
    sheets: [...existing.sheets, ...specs.map((s) => s.name)],
    tables: [...existing.tables, ...specs.flatMap((s) => s.tables.map((t) => t.name))],
    names: [...existing.names, ...specs.flatMap((s) => s.names.map((n) => n.name))],
  };
}

export const NO_NAMES: ExistingNames = { sheets: [], tables: [], names: [] };
