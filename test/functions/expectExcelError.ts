import type { ErrorCode } from "../../src/domain/errors";
import { type ExcelErrorResult, SHOWS_MESSAGE } from "../../src/functions/excelErrors";
import * as functions from "../../src/functions/functions";
import * as operations from "../../src/functions/operations";
import { expectDomainError } from "../domain/expectDomainError";

export const ERROR_CODES: readonly ErrorCode[] = ["#VALUE!", "#NUM!", "#DIV/0!", "#N/A"];

/** An error value as Excel shows it: a code, with a message only where Excel shows one (#VALUE!). */
export function isExcelError(result: unknown): result is ExcelErrorResult {
  if (typeof result !== "object" || result === null || Array.isArray(result)) return false;
  const { code, message } = result as ExcelErrorResult;
  if (!ERROR_CODES.includes(code)) return false;
  return SHOWS_MESSAGE.has(code) ? typeof message === "string" && message.length > 0 : message === undefined;
}

type FunctionName = keyof typeof functions & keyof typeof operations;

/**
 * Asserts what Excel shows for `name(...args)`: the code, and for #VALUE! the message containing
 * `fragment`. #NUM! and #DIV/0! show no message in Excel, so there the result must be the bare code,
 * and `fragment` is checked against the reason the rule gives (the operation's DomainError) — the
 * reason the Functions page explains for that code.
 */
export function expectExcelError(name: FunctionName, args: readonly unknown[], code: ErrorCode, fragment: string | RegExp): void {
  const result = (functions[name] as (...a: unknown[]) => unknown)(...args);
  expect(isExcelError(result)).toBe(true);
  const error = result as ExcelErrorResult;
  expect(error.code).toBe(code);
  if (SHOWS_MESSAGE.has(code)) expect(error.message).toMatch(fragment);
  else expectDomainError(() => (operations[name] as (...a: unknown[]) => unknown)(...args), code, fragment);
}
