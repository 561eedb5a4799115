import type { Locale } from "../contract/locale";
import { CodedError } from "../contract/codedError";
import { uiStrings } from "./strings";

/**
 * A failure in plain language: the error's own words where it has them (every error the add-in
 * raises for the user is a `CodedError`: domain, team, file check, Office writer), else what happened.
 */
export function describeWriteError(error: unknown, locale: Locale): string {
  if (error instanceof CodedError) return error.localized(locale);
  return uiStrings(locale).writeFailed(error instanceof Error ? error.message : String(error));
}

/** A failure to read a source, in plain language: the error's own words where it has them, else what happened. */
export function describeReadError(error: unknown, locale: Locale): string {
  if (error instanceof CodedError) return error.localized(locale);
  return uiStrings(locale).readSourceFailed(error instanceof Error ? error.message : String(error));
}
