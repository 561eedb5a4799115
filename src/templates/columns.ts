import type { Locale } from "../contract/locale";
import { templateStrings } from "./strings";
import { headerAlignment, numberFormat } from "./formats";
import type { ColumnKind, ColumnSpec, TotalsSpec, ValidationSpec } from "../spec/sheetSpec";

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
  moneyCents: 16,
  number: 12,
  integer: 10,
  percent: 10,
  date: 12,
  datetime: 17,
};

/** Room beside a header's text for the table's filter button. */
const HEADER_PADDING = 4;

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
    /** A drop-down of another table's column (through a name of it: `SheetDraft.finish`), with its own message. */
    fromColumn: (source: { readonly table: string; readonly column: string }, error: { readonly title: string; readonly message: string }): ValidationSpec => ({
      rule: { kind: "tableColumn", table: source.table, column: source.column, note: s.listNameNote },
      errorTitle: error.title,
      errorMessage: error.message,
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

/** Display width of `text` in Excel character units: East Asian wide characters count double. */
export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    const wide =
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      code >= 0x20000;
    width += wide ? 2 : 1;
  }
  return width;
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
    numberFormat: numberFormat(kind, locale),
    width: Math.max(options.width ?? DEFAULT_WIDTH[kind], textWidth(header) + HEADER_PADDING),
    headerAlign: headerAlignment(kind),
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
    /** A plan amount ≥ 0 in whole yuan (`¥#,##0`). */
    money: (key: string, header: string, options: ColumnOptions = {}) =>
      make(key, header, "money", options, v.nonNegative()),
    /** An amount ≥ 0 where cents occur (`¥#,##0.00`): registers, expenses. */
    moneyCents: (key: string, header: string, options: ColumnOptions = {}) =>
      make(key, header, "moneyCents", options, v.nonNegative()),
    /** A quantity ≥ 0 where fractions occur (tonnes, metres), shown with two decimals. */
    decimal: (key: string, header: string, options: ColumnOptions = {}) =>
      make(key, header, "number", options, v.nonNegative()),
    /** Text picked from another table's column (see `validations().fromColumn`). */
    fromColumn: (key: string, header: string, validation: ValidationSpec, options: ColumnOptions = {}) =>
      make(key, header, "text", options, validation),
    /** A typed share or factor from 0 to 1 shown as a percentage (a prepayment ratio; a discount: 0.98 is 98 %, 9.8折). */
    share: (key: string, header: string, options: ColumnOptions = {}) =>
      make(key, header, "percent", options, v.share()),
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

/**
 * Days between visits for `times` visits in `days` days — `intervalOf` (domain/tiers) as a sheet formula:
 * whole days, rounded down so the cadence is never below the frequency, at least 1; a cell holding text or
 * nothing counts as 0 (N), so a typo gives a cadence rather than #VALUE!.
 */
export const visitIntervalFormula = (days: string | number, times: string): string =>
  `MAX(1,INT(${typeof days === "number" ? days : `N(${days})`}/MAX(1,N(${times}))))`;
