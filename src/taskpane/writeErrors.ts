import type { Locale } from "../contract/locale";
import { fill, uiStrings } from "./strings";
import { BreakdownError, breakdownMessages } from "../team";
import { TeamError, teamErrorMessage } from "../team/errors";
import { OfficeWriteError, officeWriteMessage } from "../writers/office/errors";

/**
 * A failure in plain language: the writers' and the team layer's own bilingual messages where they
 * have one (the one place the pane turns typed errors into words), else what happened.
 */
export function describeWriteError(error: unknown, locale: Locale): string {
  if (error instanceof OfficeWriteError) return officeWriteMessage(error, locale);
  if (error instanceof TeamError) return teamErrorMessage(error, locale);
  if (error instanceof BreakdownError) return breakdownMessages(error.issues, locale).join(" ");
  const detail = error instanceof Error ? error.message : String(error);
  return fill(uiStrings(locale).writeFailed, { detail });
}
