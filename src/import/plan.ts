import type { Locale } from "../contract/locale";
import type { CellValue, ExistingNames, TableRow } from "../spec/sheetSpec";
import { TEMPLATES } from "../templates/registry";
import type { TemplateRequest } from "../templates";
import { CONTRACTS_ROLE, CUSTOMERS_ROLE } from "../templates/linkedTables";
import { LEDGER_ROLE } from "../templates/contractLedger";
import { REGISTER_COLUMN_NAMES, VISITS_ROLE } from "../templates/visitLog";
import { keyOfName, spName } from "../spec/naming";
import { cleanRows, type CleanRow } from "./clean";
import { findDuplicates, type DuplicateGroup } from "./duplicates";
import { headersByKey, importFields, KEY_FIELDS, type ImportKind } from "./fields";
import { sourceHeaders, type ColumnMapping, type SourceGrid } from "./mapping";
import type { CellProblem } from "./problems";
import { resolveCustomerIds } from "./resolve";

/**
 * One import from source to the rows a writer appends, the same in the pane and on the command line:
 * the mapping the user confirmed, the cleaned rows with every cell that could not be read, and the
 * duplicate groups — within the import and against the register already in the workbook — that someone
 * must resolve before those rows go in.
 */

/** The register the import appends to, as a writer read it: its table's headers and data rows. */
export interface ExistingRegister {
  readonly table: string;
  readonly sheet: string;
  readonly headers: readonly string[];
  /** Per column: calculated (a formula in every row), never written by an import. */
  readonly calculated: readonly boolean[];
  readonly rows: readonly (readonly CellValue[])[];
}

export interface ImportPlan {
  readonly kind: ImportKind;
  /** The register's language: its drop-down values and headers are in it. */
  readonly locale: Locale;
  readonly mapping: ColumnMapping;
  /** The source's header, one per column (blank headers named by their column letter). */
  readonly headers: readonly string[];
  /** Source columns not imported: listed to the user, never dropped unseen. */
  readonly unmapped: readonly string[];
  /**
   * Source columns mapped onto a field the register has no column for (renamed in the workbook) or only a
   * calculated one: their values would have nowhere to go, so the front doors refuse the import until the
   * mapping leaves them out or the column is named back.
   */
  readonly unplaced: readonly { readonly source: string; readonly target: string }[];
  /** The key fields (`KEY_FIELDS`) no source column is mapped onto, by header: without them nothing can be imported. */
  readonly missingKeys: readonly string[];
  /** The register the rows go to, as read (absent for a new register). */
  readonly register?: ExistingRegister;
  readonly rows: readonly CleanRow[];
  readonly problems: readonly CellProblem[];
  /** The register's rows by field key (empty without a register). */
  readonly existing: readonly TableRow[];
  readonly groups: readonly DuplicateGroup[];
}

/** The table an import of `kind` appends to: the workbook's newest, as the linked templates find theirs. */
export function registerTable(kind: ImportKind, existing: ExistingNames): string | undefined {
  return existing.tables.filter((table) => registerPattern(kind).test(table)).at(-1);
}

/**
 * The customer register whose IDs an import into visit log `log` gives: the one the log's formulas look
 * customers up in, named by its `SP_<KEY>_REGISTER_ID` (`names`: the workbook's names with their
 * formulas, "=" or not; a table the user renamed included), so that each imported ID shows its customer's
 * name; else — a log written before it had that name, or the name broken — the workbook's newest register,
 * as the log was written against.
 */
export function logRegisterTable(log: string, names: readonly { readonly name: string; readonly formula: string }[], existing: ExistingNames): string | undefined {
  const key = keyOfName(log);
  const idName = key === undefined ? undefined : spName(key, REGISTER_COLUMN_NAMES.id);
  const formula = names.find((n) => idName !== undefined && n.name.toUpperCase() === idName)?.formula;
  const table = formula === undefined ? undefined : /^=?\s*([\p{L}_\\][\p{L}\p{N}_.\\]*)\[/u.exec(formula)?.[1];
  const listed = table === undefined ? undefined : existing.tables.find((t) => t.toUpperCase() === table.toUpperCase());
  // A table the user renamed (Excel rewrites the name with it) is still the log's register; another template's is not.
  const isRegister = listed !== undefined && (registerPattern("customers").test(listed) || keyOfName(listed) === undefined);
  return isRegister ? listed : registerTable("customers", existing);
}

const registerPattern = (kind: ImportKind): RegExp => new RegExp(`^SP_${TEMPLATES[kind].keyLetter}\\d+_${TABLE_ROLE[kind]}$`, "i");

/** The role part of each register's table name (`SP_C1_Customers`), as its builder names it. */
const TABLE_ROLE: Readonly<Record<ImportKind, string>> = { customers: CUSTOMERS_ROLE, contracts: CONTRACTS_ROLE, visits: VISITS_ROLE, ledger: LEDGER_ROLE };

/**
 * An empty register of `kind`, for a workbook without one: every front door writes it empty and appends the
 * rows to it (Excel fills the calculated columns of added rows; the file patch writes 50 000 rows in seconds
 * where exceljs takes a minute). The contract statistics start with `statsYear`.
 */
export function emptyRegisterRequest(kind: ImportKind, statsYear: number): TemplateRequest {
  return kind === "contracts" ? { template: "contracts", options: { statsYear } } : { template: kind, options: {} };
}

/** The register's rows by field key: columns found by their header in either language. */
export function registerRows(kind: ImportKind, register: ExistingRegister): TableRow[] {
  const byKey = [...headersByKey(kind, register.headers)].map(([key, header]) => [key, register.headers.indexOf(header)] as const);
  return register.rows.map((row) => Object.fromEntries(byKey.map(([key, index]) => [key, row[index] ?? null])));
}

/** Where an import goes: the register of its kind, and for visits the customer register whose IDs the log takes. */
export interface ImportTarget {
  /** The register's language (`registerLocale`): drop-down values are written in it. */
  readonly locale: Locale;
  readonly register?: ExistingRegister;
  /** Visits name their customers; a log linked to a customer register keeps its IDs (`resolveCustomerIds`). */
  readonly customers?: ExistingRegister;
}

export function planImport(kind: ImportKind, grid: SourceGrid, mapping: ColumnMapping, target: ImportTarget): ImportPlan {
  const headers = sourceHeaders(grid, mapping);
  const cleaned = cleanRows(kind, grid, mapping, target.locale);
  const nameColumn = headers[mapping.targets.indexOf("customerName")] ?? "";
  const register = target.register;
  const columns = register ? headersByKey(kind, register.headers) : undefined;
  const isCalculated = (key: string): boolean => {
    const header = columns?.get(key);
    return register !== undefined && header !== undefined && register.calculated[register.headers.indexOf(header)] === true;
  };
  // A log linked to a customer register calculates 客户名称 from 客户编号 (visitLog.ts): names become IDs there.
  const linked = kind === "visits" && isCalculated("customerName");
  const resolved = kind === "visits" && target.customers ? resolveCustomerIds(cleaned.rows, registerRows("customers", target.customers), nameColumn, linked) : { rows: cleaned.rows, problems: [] };
  const fields = importFields(kind, target.locale);
  const unplaced = columns === undefined ? [] : mapping.targets.flatMap((key, i) => {
    const field = fields.find((f) => f.key === key);
    if (key === undefined || field === undefined || field.into !== undefined || (linked && key === "customerName")) return [];
    return columns.has(key) && !isCalculated(key) ? [] : [{ source: headers[i], target: field.header }];
  });
  // A row without its key (a customer's name, a visit's date) is nothing the register can find or count: listed, not imported.
  const keys = KEY_FIELDS[kind].filter((key) => mapping.targets.includes(key));
  const keyless: CellProblem[] = [];
  const rows = resolved.rows.filter((row) => {
    const missing = keys.find((key) => isBlank(row.values[key]));
    if (missing === undefined) return true;
    keyless.push({ row: row.sourceRow, column: headers[mapping.targets.indexOf(missing)], value: "", code: "missingKey" });
    return false;
  });
  const problems = [...cleaned.problems, ...resolved.problems, ...keyless].sort((a, b) => a.row - b.row);
  const existing = register ? registerRows(kind, register) : [];
  return {
    kind,
    locale: target.locale,
    mapping,
    headers,
    unmapped: headers.filter((_, i) => mapping.targets[i] === undefined),
    unplaced,
    missingKeys: KEY_FIELDS[kind].filter((key) => !mapping.targets.includes(key)).map((key) => fields.find((f) => f.key === key)?.header ?? key),
    ...(register ? { register } : {}),
    rows,
    problems,
    existing,
    groups: findDuplicates(kind, rows, existing),
  };
}

/**
 * What becomes of a duplicate group: every row imported (`keepBoth`), the imported rows folded into the
 * register's row — or, with none there, into the group's first imported row — filling only its blank
 * cells (`merge`), none of them imported (`skip`), or, on the command line, held back for the 导入复核
 * sheet (`hold`).
 */
export type Decision = "keepBoth" | "merge" | "skip" | "hold";

export interface ImportWrite {
  /** New rows by field key, in source order. */
  readonly append: readonly TableRow[];
  /** Blank cells of the register's rows to fill (merge into an existing row). */
  readonly fill: readonly { readonly index: number; readonly values: TableRow }[];
  /** The groups held back, with the rows they keep out of the register. */
  readonly held: readonly DuplicateGroup[];
}

const isBlank = (value: CellValue | undefined): boolean => value === null || value === undefined || value === "";

/** `into` with its blank cells taken from `from` in order; a cell that holds something is never changed. */
function fillBlanks(into: TableRow, from: readonly TableRow[]): TableRow {
  const merged: Record<string, CellValue | undefined> = { ...into };
  for (const row of from) for (const [key, value] of Object.entries(row)) if (isBlank(merged[key]) && !isBlank(value)) merged[key] = value;
  return merged;
}

/** A row by the table's headers, as the writers take it: fields the table has no column for (统一社会信用代码, already in 备注) are left out. */
export type HeaderRow = Readonly<Record<string, CellValue>>;

/** `write` in the table's own headers (either language, as `headersByKey` finds them). */
export function byHeaders(kind: ImportKind, tableHeaders: readonly string[], write: ImportWrite): { readonly rows: readonly HeaderRow[]; readonly fill: readonly { readonly index: number; readonly values: HeaderRow }[] } {
  const header = headersByKey(kind, tableHeaders);
  const convert = (row: TableRow): HeaderRow =>
    Object.fromEntries(Object.entries(row).flatMap(([key, value]) => { const h = header.get(key); return h === undefined || value === undefined ? [] : [[h, value]]; }));
  return { rows: write.append.map(convert), fill: write.fill.map((f) => ({ index: f.index, values: convert(f.values) })) };
}

/** The rows to write once every group is decided; `decide` is asked once per group, in order. */
export function resolveImport(plan: ImportPlan, decide: (group: DuplicateGroup, index: number) => Decision): ImportWrite {
  const leftOut = new Set<number>();
  const replaced = new Map<number, TableRow>();
  const fill: { index: number; values: TableRow }[] = [];
  const held: DuplicateGroup[] = [];
  plan.groups.forEach((group, index) => {
    const decision = decide(group, index);
    if (decision === "keepBoth") return;
    group.imported.forEach((i) => leftOut.add(i));
    if (decision === "hold") held.push(group);
    if (decision !== "merge") return;
    const incoming = group.imported.map((i) => plan.rows[i].values);
    const target = group.existing[0];
    if (target === undefined) {
      const [first] = group.imported;
      leftOut.delete(first);
      replaced.set(first, fillBlanks(incoming[0], incoming.slice(1)));
      return;
    }
    const before = plan.existing[target];
    const after = fillBlanks(before, incoming);
    const values = Object.fromEntries(Object.entries(after).filter(([key, value]) => isBlank(before[key]) && !isBlank(value)));
    if (Object.keys(values).length > 0) fill.push({ index: target, values });
  });
  const append = plan.rows.flatMap((row, i) => (leftOut.has(i) ? [] : [replaced.get(i) ?? row.values]));
  return { append, fill, held };
}
