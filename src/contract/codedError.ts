import type { Locale } from "./locale";

/**
 * The base of every error a user reads (domain rules, team input and files, the Office writer, the
 * command line): a `code` callers branch on, and its words in both languages, written beside the codes
 * by each subclass. The pane and the command line show `localized(locale)` for any of them — one
 * `instanceof`, not one branch per layer. Error's own `message` is the English text, for logs and
 * tests; that is why the words are `localized` and not a `message(locale)` method, which would clash
 * with Error's `message` string.
 */
export class CodedError<Code extends string = string> extends Error {
  constructor(
    readonly code: Code,
    private readonly words: (locale: Locale) => string,
    readonly cause?: unknown,
  ) {
    super(words("en-US"));
  }

  localized(locale: Locale): string {
    return this.words(locale);
  }
}

/** A layer's words: per language and code, a function of the error's parameters. */
export type CodeWords<Code extends string, Params> = Readonly<Record<Locale, Readonly<Record<Code, (params: Params) => string>>>>;

/**
 * A CodedError that carries its parameters and finds its words by code in its layer's table (`words`,
 * written beside the codes), so each layer's class only names itself.
 */
export class WordedError<Code extends string, Params> extends CodedError<Code> {
  constructor(
    code: Code,
    readonly params: Params,
    words: CodeWords<Code, Params>,
    cause?: unknown,
  ) {
    super(code, (locale) => words[locale][code](params), cause);
  }
}
