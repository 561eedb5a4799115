import { DomainError, type ErrorCode } from "../../src/domain/errors";

/** Asserts that `run` throws a DomainError with this code and a message containing `fragment`. */
export function expectDomainError(run: () => unknown, code: ErrorCode, fragment: string | RegExp): void {
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(DomainError);
  const error = thrown as DomainError;
  expect(error.code).toBe(code);
  expect(error.message).toMatch(fragment);
}
