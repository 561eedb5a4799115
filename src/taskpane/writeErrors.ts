import type { Locale } from "../i18n/locale";
import { fill, uiStrings } from "../i18n/uiStrings";
import { OfficeWriteError, officeWriteMessage } from "../writers/office/errors";

/** A failed write in plain language: the writer's own bilingual messages where it has one, else what happened. */
export function describeWriteError(error: unknown, locale: Locale): string {
  if (error instanceof OfficeWriteError) return officeWriteMessage(error, locale);
  const detail = error instanceof Error ? error.message : String(error);
  return fill(uiStrings(locale).writeFailed, { detail });
}
