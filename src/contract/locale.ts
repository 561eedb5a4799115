/** The two languages every user-visible string exists in; zh-CN is the product's default. */
export type Locale = "zh-CN" | "en-US";

export const LOCALES: readonly Locale[] = ["zh-CN", "en-US"];

export const DEFAULT_LOCALE: Locale = "zh-CN";

/** Maps any BCP-47 tag Office reports (zh-CN, zh-Hans-CN, zh-TW, en-GB, fr-FR …) to one of ours. */
export function resolveLocale(tag: string | null | undefined): Locale {
  if (!tag) return DEFAULT_LOCALE;
  return tag.toLowerCase().startsWith("zh") ? "zh-CN" : "en-US";
}

/**
 * The language of the SALES.* function names Excel registers, from its display language. Distinct from
 * the pane's language (resolveLocale), which may well be Chinese where the names are not: the manifest
 * overrides the functions' metadata and namespace for Locale="zh-CN" only, and an Override applies to
 * exactly the locale it names (custom-functions-naming / manifest Override docs). So zh-TW, zh-HK, zh-SG
 * … Excel registers functions.json and the namespace SALES, and `=销售.…` would show #NAME? there.
 */
export function functionNamesLocale(displayLanguage: string | null | undefined): Locale {
  return displayLanguage?.toLowerCase() === "zh-cn" ? "zh-CN" : "en-US";
}

export function isLocale(value: unknown): value is Locale {
  return value === "zh-CN" || value === "en-US";
}

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

/**
 * The type of a words table, from its zh-CN table written `as const`: every text becomes `string`, a
 * list keeps its length (a vocabulary one entry short is a type error), a function keeps its
 * parameters (a text with values in it is a function of them, so a misspelt value is a type error).
 * The en-US table is checked against it: a missing key or translation fails type-check.
 */
export type Words<T> = T extends string
  ? string
  : T extends boolean
    ? boolean
    : T extends (...args: never[]) => unknown
      ? T
      : { readonly [K in keyof T]: Words<T[K]> };
