import { type Bilingual, localize } from "../contract/locale";
import { DomainError, type ErrorCode } from "../domain/errors";
import { type Locale, resolveLocale } from "../contract/locale";

/**
 * What a function returns for an error when no Excel runtime is present (Node, tests): what Excel shows,
 * so the message is there only for codes that can carry one (SHOWS_MESSAGE).
 */
export interface ExcelErrorResult {
  readonly code: ErrorCode;
  readonly message?: string;
}

/**
 * Excel shows a custom message only on #VALUE! and #N/A ("You can only return a custom error message with
 * the #VALUE! and #N/A errors", custom-functions-errors; CustomFunctions.ErrorCode invalidNumber and
 * divisionByZero: "A custom error message can't be used"). #NUM! and #DIV/0! are returned bare; the
 * Functions page explains, per function, what each of them means (errorHelp.ts).
 */
export const SHOWS_MESSAGE: ReadonlySet<ErrorCode> = new Set<ErrorCode>(["#VALUE!", "#N/A"]);

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
  const shown = SHOWS_MESSAGE.has(code);
  if (typeof CustomFunctions === "undefined") return shown ? { code, message } : { code };
  const excelCode = {
    "#VALUE!": CustomFunctions.ErrorCode.invalidValue,
    "#NUM!": CustomFunctions.ErrorCode.invalidNumber,
    "#DIV/0!": CustomFunctions.ErrorCode.divisionByZero,
    "#N/A": CustomFunctions.ErrorCode.notAvailable,
  }[code];
  return shown ? new CustomFunctions.Error(excelCode, message) : new CustomFunctions.Error(excelCode);
}

function unexpected(error: unknown): Bilingual {
  const detail = error instanceof Error ? error.message : String(error);
  return { en: `unexpected error: ${detail || "unknown"}`, zh: `意外错误：${detail || "原因不明"}` };
}

/**
 * Runs one custom function's work and turns any failure into an Excel error value, so a function
 * never throws: a broken rule keeps its code (and its message where Excel shows one), anything
 * unforeseen becomes #VALUE!. The message is in `locale`, by default Excel's display language (displayLocale).
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
