import { Storage } from "@microsoft/office-js-helpers";
import { isLocale, type Locale } from "../contract/locale";

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

/** What a rep types again and again: their name, team and this year's holiday list. */
export interface RememberedFields {
  readonly rep: string;
  readonly team: string;
  readonly holidays: string;
}

const REMEMBERED: readonly (keyof RememberedFields)[] = ["rep", "team", "holidays"];

export function loadRememberedFields(): RememberedFields {
  const read = (key: string) => {
    const value = store.get(`form.${key}`);
    return typeof value === "string" ? value : "";
  };
  return { rep: read("rep"), team: read("team"), holidays: read("holidays") };
}

export function saveRememberedFields(fields: RememberedFields): void {
  for (const key of REMEMBERED) store.set(`form.${key}`, fields[key]);
}
