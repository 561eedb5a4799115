import { Storage } from "@microsoft/office-js-helpers";
import { isLocale, type Locale } from "../i18n/locale";

/**
 * The user's remembered choices, in office-js-helpers' namespaced localStorage container: the add-in's
 * origin keeps it per user and machine, and it survives closing the pane and the workbook.
 */
const store = new Storage<string>("SalesPlanner.preferences");

export function loadLanguagePreference(): Locale | null {
  const saved = store.get("language");
  return isLocale(saved) ? saved : null;
}

export function saveLanguagePreference(locale: Locale): void {
  store.set("language", locale);
}
