import zhNames from "../contract/functionNames.zh-CN.json";
import type { Locale } from "../contract/locale";

/** The three Excel errors a rule can end in; the functions layer maps them to CustomFunctions codes. */
export type ErrorCode = "#VALUE!" | "#NUM!" | "#DIV/0!";

/**
 * A text the user sees, in both product languages, written side by side where it is used so the two
 * cannot drift apart; leaving out either language is a type error.
 */
export interface Bilingual {
  readonly en: string;
  readonly zh: string;
}

export const localize = (text: Bilingual, locale: Locale): string => (locale === "zh-CN" ? text.zh : text.en);

/** A text that reads the same in both languages: a date such as 2026-10-01, a number. */
export const verbatim = (text: string): Bilingual => ({ en: text, zh: text });

type FunctionNames = typeof zhNames;
export type FunctionId = keyof FunctionNames;
export type ParameterName<F extends FunctionId> = keyof FunctionNames[F]["parameters"] & string;

/**
 * A SALES.* function's arguments, named as the user sees them: in English the parameter name itself
 * (a_share), in zh-CN its name from contract/functionNames.zh-CN.json (A类占比), the one source of the zh-CN names.
 * Rules that name an argument in a message take it from here, so a misspelt one is a type error.
 */
export function argNames<F extends FunctionId>(id: F): { readonly [P in ParameterName<F>]: Bilingual } {
  const parameters: Readonly<Record<string, { readonly name: string }>> = zhNames[id].parameters;
  return Object.fromEntries(Object.entries(parameters).map(([en, { name }]) => [en, { en, zh: name }])) as {
    readonly [P in ParameterName<F>]: Bilingual;
  };
}

/**
 * A rule was broken by the input. The message says which argument and what to do about it; `message`
 * is its English text (logs, tests), `localized` gives it in the user's language.
 */
export class DomainError extends Error {
  /** The message in both languages; built from a plain string, both are that (English) string. */
  readonly text: Bilingual;

  constructor(
    readonly code: ErrorCode,
    message: string | Bilingual,
  ) {
    super(typeof message === "string" ? message : message.en);
    this.name = "DomainError";
    this.text = typeof message === "string" ? verbatim(message) : message;
    // Down-levelled `extends Error` loses the prototype chain, which would break `instanceof`.
    Object.setPrototypeOf(this, new.target.prototype);
  }

  localized(locale: Locale): string {
    return localize(this.text, locale);
  }
}

export const valueError = (message: Bilingual): DomainError => new DomainError("#VALUE!", message);
export const numError = (message: Bilingual): DomainError => new DomainError("#NUM!", message);
export const divError = (message: Bilingual): DomainError => new DomainError("#DIV/0!", message);
