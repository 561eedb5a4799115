import { DomainError, type ErrorCode } from "../domain/errors";

/** What a function returns for an error when no Excel runtime is present (Node, tests). */
export interface ExcelErrorResult {
  readonly code: ErrorCode;
  readonly message: string;
}

export type ExcelError = CustomFunctions.Error | ExcelErrorResult;

function toExcelError(code: ErrorCode, message: string): ExcelError {
  if (typeof CustomFunctions === "undefined") return { code, message };
  const excelCode = {
    "#VALUE!": CustomFunctions.ErrorCode.invalidValue,
    "#NUM!": CustomFunctions.ErrorCode.invalidNumber,
    "#DIV/0!": CustomFunctions.ErrorCode.divisionByZero,
  }[code];
  return new CustomFunctions.Error(excelCode, message);
}

/**
 * Runs one custom function's work and turns any failure into an Excel error value, so a function
 * never throws: a broken rule keeps its code and message, anything unforeseen becomes #VALUE!.
 */
export function excelResult<T>(work: () => T): T | ExcelError {
  try {
    return work();
  } catch (error) {
    if (error instanceof DomainError) return toExcelError(error.code, error.message);
    const detail = error instanceof Error ? error.message : String(error);
    return toExcelError("#VALUE!", `unexpected error: ${detail || "unknown"}`);
  }
}
