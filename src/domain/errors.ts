import { CodedError } from "../contract/codedError";
import { type Bilingual, localize, verbatim } from "../contract/locale";

/** The Excel errors a rule can end in; the functions layer maps them to CustomFunctions codes. */
export type ErrorCode = "#VALUE!" | "#NUM!" | "#DIV/0!" | "#N/A";

/**
 * A rule was broken by the input. The message says which argument and what to do about it; `message`
 * is its English text (logs, tests), `localized` gives it in the user's language.
 */
export class DomainError extends CodedError<ErrorCode> {
  /** The message in both languages; built from a plain string, both are that (English) string. */
  readonly text: Bilingual;

  constructor(code: ErrorCode, message: string | Bilingual) {
    const text = typeof message === "string" ? verbatim(message) : message;
    super(code, (locale) => localize(text, locale));
    this.name = "DomainError";
    this.text = text;
  }
}

export const valueError = (message: Bilingual): DomainError => new DomainError("#VALUE!", message);
export const numError = (message: Bilingual): DomainError => new DomainError("#NUM!", message);
export const divError = (message: Bilingual): DomainError => new DomainError("#DIV/0!", message);
/** Data the rule needs is not there (a year the built-in holiday calendar does not cover). */
export const naError = (message: Bilingual): DomainError => new DomainError("#N/A", message);
