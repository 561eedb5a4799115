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
