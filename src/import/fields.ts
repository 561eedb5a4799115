import { LOCALES, type Locale } from "../contract/locale";
import { buildTemplates, type TemplateRequest } from "../templates";
import type { ColumnKind, ColumnSpec } from "../spec/sheetSpec";
import { fold } from "./fold";

/** The registers a list can be imported into (a subset of the template ids). */
export type ImportKind = "customers" | "contracts" | "visits" | "ledger";

export const IMPORT_KINDS: readonly ImportKind[] = ["customers", "contracts", "visits", "ledger"];

/** A column of the target template a source column can be mapped onto (input columns only, never formula columns). */
export interface ImportField {
  readonly key: string;
  readonly header: string;
  readonly kind: ColumnKind;
  /** The drop-down's words, in the field's language. */
  readonly values?: readonly string[];
  /** The least value the column's validation accepts (0 for amounts and quantities). */
  readonly min?: number;
  /** Whole numbers only (a count such as 账期(天)). */
  readonly whole?: boolean;
  /**
   * A field that is no column of the register: its value is read for the duplicate review and written
   * into the column of this key instead (统一社会信用代码 → 备注).
   */
  readonly into?: string;
}

/** The fields a row of each kind is nothing without: the registers' formulas find and count rows by them. */
export const KEY_FIELDS: Readonly<Record<ImportKind, readonly string[]>> = {
  customers: ["name"],
  contracts: ["id"],
  visits: ["date"],
  ledger: ["date", "contract"],
};

/** What a source row holds besides the template's columns, per kind (see `ImportField.into`). */
const EXTRA_FIELDS: Readonly<Record<ImportKind, readonly ((locale: Locale) => ImportField)[]>> = {
  customers: [(locale) => ({ key: "creditCode", header: locale === "zh-CN" ? "统一社会信用代码" : "Unified social credit code", kind: "text", into: "note" })],
  contracts: [],
  visits: [],
  ledger: [],
};

/**
 * The template's main table as a builder writes it into a workbook holding nothing: its columns are the
 * targets, so the import can never drift from the template. A visit log written beside no register has
 * 客户名称 as a typed column; one linked to a register calculates it from 客户编号 — the caller then resolves
 * the imported names to IDs (`resolveCustomerIds`) instead of writing them.
 */
function templateColumns(kind: ImportKind, locale: Locale): readonly ColumnSpec[] {
  const blank = { rows: [], blankRows: 1 };
  const requests: Record<ImportKind, TemplateRequest> = {
    customers: { template: "customers", options: blank },
    contracts: { template: "contracts", options: { ...blank, statsYear: 2026 } },
    visits: { template: "visits", options: blank },
    ledger: { template: "ledger", options: blank },
  };
  const [main] = buildTemplates([requests[kind]], { locale, existing: { sheets: [], tables: [], names: [] } });
  return main.tables[0].columns;
}

const cache = new Map<string, readonly ImportField[]>();

/** The fields a source column can be mapped onto, in the register's column order, then the extra ones. */
export function importFields(kind: ImportKind, locale: Locale): readonly ImportField[] {
  const id = `${kind}:${locale}`;
  const known = cache.get(id);
  if (known) return known;
  const fields: ImportField[] = templateColumns(kind, locale)
    .filter((column) => column.formula === undefined)
    .map((column) => {
      const rule = column.validation?.rule;
      return {
        key: column.key,
        header: column.header,
        kind: column.kind,
        ...(rule?.kind === "list" ? { values: rule.values } : {}),
        ...((rule?.kind === "decimal" || rule?.kind === "whole") && rule.min !== undefined ? { min: rule.min } : {}),
        ...(rule?.kind === "whole" ? { whole: true } : {}),
      };
    });
  fields.push(...EXTRA_FIELDS[kind].map((extra) => extra(locale)));
  cache.set(id, fields);
  return fields;
}

/** A field by key, in `locale`. */
export function fieldOf(kind: ImportKind, key: string, locale: Locale): ImportField | undefined {
  return importFields(kind, locale).find((field) => field.key === key);
}

/** Header text as compared: trimmed, full-width folded (NFKC), case and inner spaces ignored. */
export const headerKey = (text: string): string => fold(text).toLowerCase().replace(/\s+/g, "");

/**
 * The existing table's header for each field key: the column whose header is the field's in either
 * language (a renamed column is not found, and its key is absent). Extra fields have no column.
 */
export function headersByKey(kind: ImportKind, tableHeaders: readonly string[]): ReadonlyMap<string, string> {
  const byText = new Map(tableHeaders.map((header) => [headerKey(header), header] as const));
  const found = new Map<string, string>();
  for (const locale of LOCALES) {
    for (const field of importFields(kind, locale)) {
      const header = byText.get(headerKey(field.header));
      if (header !== undefined && !found.has(field.key)) found.set(field.key, header);
    }
  }
  return found;
}

/**
 * The language a register was written in, from its headers: the locale whose words head most of its
 * columns (ties go to the first, zh-CN). Imported drop-down values are written in it, whatever the
 * command line's or the pane's language: a zh register's 需求迫切度 takes 迫切, never "Urgent".
 */
export function registerLocale(kind: ImportKind, tableHeaders: readonly string[]): Locale {
  const present = new Set(tableHeaders.map(headerKey));
  const score = (locale: Locale) => importFields(kind, locale).filter((field) => present.has(headerKey(field.header))).length;
  return LOCALES.reduce((best, locale) => (score(locale) > score(best) ? locale : best));
}
