import type { Locale } from "../i18n/locale";
import { templateStrings } from "../i18n/templateStrings";
import { numberFormat } from "./formats";
import type { ColumnKind, ColumnSpec, TotalsSpec, ValidationSpec } from "./sheetSpec";

/**
 * Column constructors shared by all builders, so a ¥ column, a drop-down column or a date column
 * gets the same format and validation message in every template.
 */

interface ColumnOptions {
  readonly width?: number;
  readonly totals?: TotalsSpec;
}

const DEFAULT_WIDTH: Readonly<Record<ColumnKind, number>> = {
  text: 14,
  money: 14,
  number: 12,
  integer: 10,
  percent: 10,
  date: 12,
  datetime: 17,
};

/** Validations a locale's columns use; exported for loose cells (header blocks, settings). */
export function validations(locale: Locale) {
  const s = templateStrings(locale).common;
  return {
    list: (values: readonly string[]): ValidationSpec => ({
      rule: { kind: "list", values },
      errorTitle: s.listErrorTitle,
      errorMessage: s.listErrorMessage,
      allowBlank: true,
    }),
    nonNegative: (): ValidationSpec => ({
      rule: { kind: "decimal", min: 0 },
      errorTitle: s.numberErrorTitle,
      errorMessage: s.numberErrorMessage,
      allowBlank: true,
    }),
    whole: (min = 0): ValidationSpec => ({
      rule: { kind: "whole", min },
      errorTitle: s.numberErrorTitle,
      errorMessage: s.wholeErrorMessage,
      allowBlank: true,
    }),
    share: (): ValidationSpec => ({
      rule: { kind: "decimal", min: 0, max: 1 },
      errorTitle: s.numberErrorTitle,
      errorMessage: s.shareErrorMessage,
      allowBlank: true,
    }),
    date: (): ValidationSpec => ({
      rule: { kind: "date" },
      errorTitle: s.dateErrorTitle,
      errorMessage: s.dateErrorMessage,
      allowBlank: true,
    }),
  };
}

/**
 * A column's number format: its kind's, except that a calculated column never gets Text ("@") —
 * Excel stores a formula typed into a Text cell as text instead of calculating it — but General.
 */
export function columnFormat(kind: ColumnKind, locale: Locale, calculated: boolean): string {
  const format = numberFormat(kind, locale);
  return calculated && format === "@" ? "General" : format;
}

export type Columns = ReturnType<typeof columnFactory>;

export function columnFactory(locale: Locale) {
  const v = validations(locale);
  const make = (
    key: string,
    header: string,
    kind: ColumnKind,
    options: ColumnOptions,
    validation?: ValidationSpec,
    formula?: string,
  ): ColumnSpec => ({
    key,
    header,
    kind,
    numberFormat: columnFormat(kind, locale, Boolean(formula)),
    width: options.width ?? Math.max(DEFAULT_WIDTH[kind], header.length * 2 + 2),
    ...(validation ? { validation } : {}),
    ...(formula ? { formula } : {}),
    ...(options.totals ? { totals: options.totals } : {}),
  });
  return {
    /** Free text. */
    text: (key: string, header: string, options: ColumnOptions = {}) => make(key, header, "text", options),
    /** Text restricted to a fixed vocabulary (drop-down). */
    list: (key: string, header: string, values: readonly string[], options: ColumnOptions = {}) =>
      make(key, header, "text", options, v.list(values)),
    /** A ¥ amount ≥ 0. */
    money: (key: string, header: string, options: ColumnOptions = {}) =>
      make(key, header, "money", options, v.nonNegative()),
    /** A whole count ≥ 0. */
    count: (key: string, header: string, options: ColumnOptions = {}) =>
      make(key, header, "integer", options, v.whole()),
    /** A quantity ≥ 0 shown without decimals (mixed-unit columns: yuan, customers, visits). */
    quantity: (key: string, header: string, options: ColumnOptions = {}) =>
      make(key, header, "integer", options, v.nonNegative()),
    /** A calendar date. */
    date: (key: string, header: string, options: ColumnOptions = {}) => make(key, header, "date", options, v.date()),
    /** A calculated column: same formula in every row, no validation (users should not type here). */
    formula: (key: string, header: string, kind: ColumnKind, formula: string, options: ColumnOptions = {}) =>
      make(key, header, kind, options, undefined, formula),
  };
}

/** Totals-row shorthands. */
export const SUM: TotalsSpec = { kind: "function", fn: "sum" };
export const label = (text: string): TotalsSpec => ({ kind: "label", text });
