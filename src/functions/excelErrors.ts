import { type Bilingual, DomainError, type ErrorCode, localize } from "../domain/errors";
import { type Locale, resolveLocale } from "../i18n/locale";

/** What a function returns for an error when no Excel runtime is present (Node, tests). */
export interface ExcelErrorResult {
  readonly code: ErrorCode;
  readonly message: string;
}

export type ExcelError = CustomFunctions.Error | ExcelErrorResult;

/**
 * The language Excel shows its interface in, for the messages of error values. In the shared runtime
 * Office.js is loaded; in a functions-only runtime or Node, Office (or its context) may be missing or
 * throw when touched, and the messages are then English. Read afresh for each error: nothing is cached.
 */
export function displayLocale(): Locale {
  if (typeof Office === "undefined") return "en-US";
  try {
    const language: unknown = Office.context?.displayLanguage;
    return typeof language === "string" && language !== "" ? resolveLocale(language) : "en-US";
  } catch {
    return "en-US";
  }
}

function toExcelError(code: ErrorCode, message: string): ExcelError {
  if (typeof CustomFunctions === "undefined") return { code, message };
  const excelCode = {
    "#VALUE!": CustomFunctions.ErrorCode.invalidValue,
    "#NUM!": CustomFunctions.ErrorCode.invalidNumber,
    "#DIV/0!": CustomFunctions.ErrorCode.divisionByZero,
  }[code];
  return new CustomFunctions.Error(excelCode, message);
}

function unexpected(error: unknown): Bilingual {
  const detail = error instanceof Error ? error.message : String(error);
  return { en: `unexpected error: ${detail || "unknown"}`, zh: `意外错误：${detail || "原因不明"}` };
}

/**
 * Runs one custom function's work and turns any failure into an Excel error value, so a function
 * never throws: a broken rule keeps its code and message, anything unforeseen becomes #VALUE!.
 * The message is in `locale`, by default Excel's display language (displayLocale).
 */
export function excelResult<T>(work: () => T, locale?: Locale): T | ExcelError {
  try {
    return work();
  } catch (error) {
    const language = locale ?? displayLocale();
    if (error instanceof DomainError) return toExcelError(error.code, error.localized(language));
    return toExcelError("#VALUE!", localize(unexpected(error), language));
  }
}
