import { Storage } from "@microsoft/office-js-helpers";
import { isLocale, type Locale } from "../contract/locale";
import type { WorkWeek } from "../domain/calendar";
import { isWorkWeekKind } from "../domain/dateText";

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

/**
 * What a rep types or chooses again and again: their name, team, own holiday lines, whether the built-in
 * China calendar is used, and the company's work week (with the 大小周 date as typed, "" when never given).
 */
export interface RememberedFields {
  readonly rep: string;
  readonly team: string;
  readonly holidays: string;
  readonly chinaCalendar: boolean;
  readonly workWeek: WorkWeek["kind"];
  readonly longWeek: string;
}

const REMEMBERED: readonly ("rep" | "team" | "holidays" | "workWeek" | "longWeek")[] = ["rep", "team", "holidays", "workWeek", "longWeek"];
export function loadRememberedFields(): RememberedFields {
  const read = (key: string) => {
    const value = store.get(`form.${key}`);
    return typeof value === "string" ? value : "";
  };
  const workWeek = read("workWeek");
  return {
    rep: read("rep"),
    team: read("team"),
    holidays: read("holidays"),
    // On unless the user switched it off: the official schedule is the default for everyone.
    chinaCalendar: read("chinaCalendar") !== "off",
    // 双休 unless the user chose another: the legal standard week, and the CLI's default.
    workWeek: isWorkWeekKind(workWeek) ? workWeek : "fiveDay",
    longWeek: read("longWeek"),
  };
}

export function saveRememberedFields(fields: RememberedFields): void {
  for (const key of REMEMBERED) store.set(`form.${key}`, fields[key]);
  store.set("form.chinaCalendar", fields.chinaCalendar ? "on" : "off");
}
