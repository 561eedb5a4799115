import { DomainError, type ErrorCode } from "../../src/domain/errors";

/** The DomainError `run` throws; the test fails if it throws anything else, or nothing. */
export function thrownDomainError(run: () => unknown): DomainError {
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(DomainError);
  return thrown as DomainError;
}

/** Asserts that `run` throws a DomainError with this code and a message containing `fragment`; returns it. */
export function expectDomainError(run: () => unknown, code: ErrorCode, fragment: string | RegExp): DomainError {
  const error = thrownDomainError(run);
  expect(error.code).toBe(code);
  expect(error.message).toMatch(fragment);
  return error;
}
