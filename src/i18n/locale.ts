/** The two languages every user-visible string exists in; zh-CN is the product's default. */
export type Locale = "zh-CN" | "en-US";

export const LOCALES: readonly Locale[] = ["zh-CN", "en-US"];

export const DEFAULT_LOCALE: Locale = "zh-CN";

/** Maps any BCP-47 tag Office reports (zh-CN, zh-Hans-CN, zh-TW, en-GB, fr-FR …) to one of ours. */
export function resolveLocale(tag: string | null | undefined): Locale {
  if (!tag) return DEFAULT_LOCALE;
  return tag.toLowerCase().startsWith("zh") ? "zh-CN" : "en-US";
}

export function isLocale(value: unknown): value is Locale {
  return value === "zh-CN" || value === "en-US";
}
