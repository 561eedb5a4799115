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

/** What a rep types or chooses again and again: their name, team, own holiday lines and whether the built-in China calendar is used. */
export interface RememberedFields {
  readonly rep: string;
  readonly team: string;
  readonly holidays: string;
  readonly chinaCalendar: boolean;
}

const REMEMBERED: readonly ("rep" | "team" | "holidays")[] = ["rep", "team", "holidays"];

export function loadRememberedFields(): RememberedFields {
  const read = (key: string) => {
    const value = store.get(`form.${key}`);
    return typeof value === "string" ? value : "";
  };
  // On unless the user switched it off: the official schedule is the default for everyone.
  return { rep: read("rep"), team: read("team"), holidays: read("holidays"), chinaCalendar: read("chinaCalendar") !== "off" };
}

export function saveRememberedFields(fields: RememberedFields): void {
  for (const key of REMEMBERED) store.set(`form.${key}`, fields[key]);
  store.set("form.chinaCalendar", fields.chinaCalendar ? "on" : "off");
}
