import type { Locale } from "../contract/locale";
import type { ColumnKind } from "../spec/sheetSpec";

/**
 * Number formats and the few colours/thresholds the four templates share, so every ¥ amount,
 * percentage and date looks the same across templates and both writers. Builders never spell a
 * number-format code themselves: they take it from `FORMATS` or `numberFormat(kind)`.
 *
 * Money comes in ONE family: `¥#,##0` for plan amounts, which are whole yuan by construction
 * (targets, week/product splits, forecasts, breakdowns), and `¥#,##0.00` where cents occur (the
 * registers' contract and transaction amounts, expenses). Every right-aligned format ends in `_ `
 * (Excel's "the width of a space"; Excel, WPS and LibreOffice all honour it), so a number never
 * touches the left-aligned text of the next column.
 */

/** Trailing one-space padding of right-aligned formats. */
const PAD = "_ ";

export const FORMATS = {
  /** Plan amounts in whole yuan. */
  money: `"¥"#,##0${PAD}`,
  /** Amounts where cents occur (registers, expenses). */
  moneyCents: `"¥"#,##0.00${PAD}`,
  /** Counts (customers, visits, calls) and mixed-unit quantities: plain integers. */
  integer: `#,##0${PAD}`,
  /** Numbers without a thousands separator (years, day counts, working days). */
  plain: `0${PAD}`,
  number: `#,##0.00${PAD}`,
  percent: `0.0%${PAD}`,
  /** Whole percentages of settings (ABC thresholds). */
  share: `0%${PAD}`,
  text: "@",
  /** As typed: weights and ratios that may be fractions (0.5, 1.25), never rounded for display. */
  general: "General",
} as const;

/** Excel number-format codes per column kind. Dates follow the locale (yyyy-mm-dd in Chinese use). */
export function numberFormat(kind: ColumnKind, locale: Locale): string {
  switch (kind) {
    case "money":
      return FORMATS.money;
    case "moneyCents":
      return FORMATS.moneyCents;
    case "number":
      return FORMATS.number;
    case "integer":
      return FORMATS.integer;
    case "percent":
      return FORMATS.percent;
    case "date":
      return (locale === "zh-CN" ? "yyyy-mm-dd" : "m/d/yyyy") + PAD;
    case "datetime":
      return (locale === "zh-CN" ? "yyyy-mm-dd hh:mm" : "m/d/yyyy h:mm AM/PM") + PAD;
    case "text":
      return FORMATS.text;
  }
}

/**
 * `code` for positive numbers, nothing for zero (nor negatives): a link to a blank input cell reads 0,
 * and a column whose per-plan formulas cannot afford an `IF(x="","",x)` each shows it blank this way.
 */
export const zeroHidden = (code: string): string => `${code};;`;

/**
 * An ordinal shown as the count it is (第3次 / #3): the cell keeps the number, so it sorts, filters and
 * compares as one (the key-account visit report's 拜访次序).
 */
export const ordinalFormat = (locale: Locale): string => (locale === "zh-CN" ? `"第"0"次"${PAD}` : `"#"0${PAD}`);

/**
 * How a column's header cell is aligned: like its values, so a header sits over its numbers —
 * right for every numeric kind (money, numbers, percentages, dates), left for text.
 */
export function headerAlignment(kind: ColumnKind): "left" | "right" {
  return kind === "text" ? "left" : "right";
}

/** 达成率 thresholds from the seeds: below 80 % is a warning, 100 % or more is achieved. */
export const ACHIEVEMENT_WARN = 0.8;
export const ACHIEVEMENT_DONE = 1;

/** Conditional-format colours (Excel's own "light red fill / dark red text" family). */
export const COLORS = {
  badFill: "FFC7CE",
  badFont: "9C0006",
  goodFill: "C6EFCE",
  goodFont: "006100",
  warnFill: "FFEB9C",
  warnFont: "9C5700",
  /** Orange, between the warning yellow and the red: something due soon (a bid within days). */
  soonFill: "F8CBAD",
  soonFont: "843C0C",
  bar: "5B9BD5",
} as const;

export const TABLE_STYLE = "TableStyleMedium2";
