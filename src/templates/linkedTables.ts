import { freeKey, keyOfName, spName } from "../spec/naming";
import type { ColumnSpec, ExistingNames, RecordTemplate, TotalsSpec } from "../spec/sheetSpec";
import type { BuildContext, Kit } from "./context";
import { TEMPLATES } from "./registry";
import { TEMPLATE_STRINGS } from "./strings";

/**
 * Another template's table that a builder's formulas read (the visit log reads the customer register, the
 * ledger the contract register; later the registers read them), found by names only: the table by its name
 * `SP_<letter><n>_<Role>`, its columns by the names they have in the workbook now.
 */

/** The customer register's table is `SP_<KEY>_Customers`: the visit log finds it by this name. */
export const CUSTOMERS_ROLE = "Customers";

/**
 * The workbook name of the customer register's column 首次拜访在拜访记录中的行 — the first rows in the visit log
 * `logKey` — which that log's 新/老客户 reads: `SP_C1_COL_FIRST_ROW_IN_V1`. The log's key is in the name because
 * the column searches one log: a second log (V2) over the same register finds no name of its own and searches
 * itself. A register written alone, or before that column, defines none.
 */
export const registerFirstVisitName = (registerKey: string, logKey: string): string => spName(registerKey, `COL_FIRST_ROW_IN_${logKey}`);

/**
 * The contract register's table is `SP_<KEY>_Contracts`: the ledger finds it by this name. Here rather than
 * in contractRegister.ts because the register reads the ledger's names and the ledger the register's table:
 * each imports the other's name from here, never the other builder.
 */
export const CONTRACTS_ROLE = "Contracts";

/**
 * The key of the table `linkedTable` finds (the request's, else the workbook's newest), else the key the
 * first such table will take: a sheet written before that table names what it will be called, and its
 * formulas over the table's workbook names start to calculate once the table is added.
 */
export function linkedKey(existing: ExistingNames, template: RecordTemplate, role: string): string {
  const found = linkedTable(existing, template, role, {}, {});
  return (found && keyOfName(found.table)) ?? freeKey(template, existing);
}

/** Where a wanted column is looked for: the headers the template writes in any language, else its position. */
export interface WantedColumn {
  readonly headers: readonly string[];
  readonly position: number;
}

export interface LinkedTable<K extends string> {
  readonly table: string;
  /** Each wanted column's name as the workbook has it. */
  readonly columns: Readonly<Record<K, string>>;
}

/**
 * The last table listed whose name is `SP_<letter><n>_<role>` — the one written in the same request when
 * there is one (`withSpecs` appends it), otherwise the workbook's newest — with the names of the `wanted`
 * columns. A column is found by a header the template writes (either language, any case), else at the
 * position the template writes it: a table written in the other language, or with renamed headers, still
 * links. A table known by name only (no front door read its columns) has `fallback`'s headers (the
 * builder's own language). Undefined when there is no such table, or two wanted columns fall on one.
 */
export function linkedTable<K extends string>(
  existing: ExistingNames,
  template: RecordTemplate,
  role: string,
  wanted: Readonly<Record<K, WantedColumn>>,
  fallback: Readonly<Record<K, string>>,
): LinkedTable<K> | undefined {
  const pattern = new RegExp(`^SP_${template.keyLetter}\\d+_${role}$`, "i");
  const table = existing.tables.filter((t) => pattern.test(t)).at(-1);
  if (table === undefined) return undefined;
  const columns = existing.tableColumns?.find((t) => t.table.toLowerCase() === table.toLowerCase())?.columns;
  if (columns === undefined) return { table, columns: fallback };
  const keys = Object.keys(wanted) as K[];
  const found = keys.map((key) => {
    const headers = new Set(wanted[key].headers.map((h) => h.toLowerCase()));
    return columns.find((c) => headers.has(c.toLowerCase())) ?? columns[wanted[key].position];
  });
  if (found.some((c) => c === undefined) || new Set(found).size < found.length) return undefined;
  return { table, columns: Object.fromEntries(keys.map((key, i) => [key, found[i]])) as Record<K, string> };
}

/**
 * The project tracker's table is `SP_<KEY>_Projects`; the team summary lists its projects by stage per rep
 * through the workbook names below, so it reads the tracker in whichever language it was written.
 */
export const PROJECTS_ROLE = "Projects";

/** Workbook names of the tracker's columns the team summary reads, by column key: `SP_P1_COL_REP`. */
export const PROJECT_COLUMN_NAMES = { rep: "COL_REP", stage: "COL_STAGE", amount: "COL_AMOUNT", result: "COL_RESULT" } as const;

/**
 * Names of the cells holding the tracker's stage words, in the seed's order (seed 003 L55–62: 前期设计 → 投标 →
 * 深化设计 → 备货执行 → 验收, then 已收款 and 丢单): the summary counts a stage by comparing with the cell, not the word.
 */
export const PROJECT_STAGE_NAMES = ["STAGE_DESIGN", "STAGE_BID", "STAGE_DEEPEN", "STAGE_STOCK", "STAGE_ACCEPT", "STAGE_PAID", "STAGE_LOST"] as const;

/**
 * The key-account plan's units list is `SP_<KEY>_Accounts`; the key-account visit reports and the group
 * discounts offer its units (and key people) through the workbook names below, whatever language it was written in.
 */
export const ACCOUNTS_ROLE = "Accounts";

/** Workbook names of the units list's columns other templates read, by column key: `SP_A1_COL_UNIT`. */
export const ACCOUNT_COLUMN_NAMES = { unit: "COL_UNIT", keyPerson: "COL_KEYPERSON" } as const;

/**
 * Where the units list writes its 单位 column (`keyAccountColumnKeys` in keyAccounts.ts, held equal by a test):
 * here, not imported, because the list's builder imports this file.
 */
export const ACCOUNT_UNIT_POSITION = 1;

/** The key-accounts list other sheets read: its table, the name its 单位 column has, and its column names. */
export interface LinkedAccounts {
  readonly table: string;
  readonly column: string;
  /** `SP_A1_COL_UNIT`, `SP_A1_COL_KEYPERSON`: the names the list gives its columns (`ACCOUNT_COLUMN_NAMES`). */
  readonly names: Readonly<Record<keyof typeof ACCOUNT_COLUMN_NAMES, string>>;
}

/**
 * The key-accounts list's 单位 column, as the workbook names it (`linkedTable`: by the header the list writes in
 * either language, else its position), the source of the visit reports' and group discounts' unit drop-downs;
 * undefined without a list.
 */
export function accountUnits(existing: ExistingNames, locale: BuildContext["locale"]): LinkedAccounts | undefined {
  const headers = Object.values(TEMPLATE_STRINGS).map((s) => s.accounts.columns.unit);
  const wanted = { unit: { headers, position: ACCOUNT_UNIT_POSITION } };
  const found = linkedTable(existing, TEMPLATES.accounts, ACCOUNTS_ROLE, wanted, { unit: TEMPLATE_STRINGS[locale].accounts.columns.unit });
  if (found === undefined) return undefined;
  const key = keyOfName(found.table) ?? "";
  return { table: found.table, column: found.columns.unit, names: { unit: spName(key, ACCOUNT_COLUMN_NAMES.unit), keyPerson: spName(key, ACCOUNT_COLUMN_NAMES.keyPerson) } };
}

/** A unit column: a drop-down of the key-accounts list's units when the workbook has one, else typed. */
export function unitColumn(
  kit: Kit,
  existing: ExistingNames,
  locale: BuildContext["locale"],
  header: string,
  error: { readonly title: string; readonly message: string },
  totals?: TotalsSpec,
): ColumnSpec {
  const source = accountUnits(existing, locale);
  const options = { width: 20, ...(totals ? { totals } : {}) };
  return source ? kit.columns.fromColumn("unit", header, kit.v.fromColumn(source, error), options) : kit.columns.text("unit", header, options);
}
