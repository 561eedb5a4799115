import type { Locale } from "../i18n/locale";
import type { ColumnKind } from "./sheetSpec";

/**
 * Number formats and the few colours/thresholds the four templates share, so every ¥ amount,
 * percentage and date looks the same across templates and both writers.
 */

/** Excel number-format codes per column kind. Dates follow the locale (yyyy-mm-dd in Chinese use). */
export function numberFormat(kind: ColumnKind, locale: Locale): string {
  switch (kind) {
    case "money":
      return '"¥"#,##0.00';
    case "number":
      return "#,##0.00";
    case "integer":
      return "#,##0";
    case "percent":
      return "0.0%";
    case "date":
      return locale === "zh-CN" ? "yyyy-mm-dd" : "m/d/yyyy";
    case "datetime":
      return locale === "zh-CN" ? "yyyy-mm-dd hh:mm" : "m/d/yyyy h:mm AM/PM";
    case "text":
      return "@";
  }
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
  bar: "5B9BD5",
} as const;

export const TABLE_STYLE = "TableStyleMedium2";
