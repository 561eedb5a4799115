import type { ErrorCode } from "../../src/domain/errors";
import type { ExcelErrorResult } from "../../src/functions/excelErrors";

export const ERROR_CODES: readonly ErrorCode[] = ["#VALUE!", "#NUM!", "#DIV/0!"];

export function isExcelError(result: unknown): result is ExcelErrorResult {
  return (
    typeof result === "object" &&
    result !== null &&
    !Array.isArray(result) &&
    ERROR_CODES.includes((result as ExcelErrorResult).code) &&
    typeof (result as ExcelErrorResult).message === "string" &&
    (result as ExcelErrorResult).message.length > 0
  );
}

/** Asserts a function's result is the Node form of an Excel error with this code and message fragment. */
export function expectExcelError(result: unknown, code: ErrorCode, fragment: string | RegExp): void {
  expect(isExcelError(result)).toBe(true);
  const error = result as ExcelErrorResult;
  expect(error.code).toBe(code);
  expect(error.message).toMatch(fragment);
}
