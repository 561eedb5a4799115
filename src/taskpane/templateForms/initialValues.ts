import { formatMonthText, formatWeekText } from "../../domain/dateText";
import type { RememberedFields } from "../../host/preferences";
import type { Locale } from "../../contract/locale";
import { defaultPeriods, TEMPLATES, type TemplateId } from "../../templates/registry";
import type { FormValues } from "./formModel";

/** The periods people plan for (the registry's defaults), as typed in the forms. */
export function comingPeriods(today: Date): { week: string; month: string } {
  const { week, month } = defaultPeriods(today);
  return { week: formatWeekText(week), month: formatMonthText(month) };
}

/** A fresh form: the registry's defaults (next week, next month, this year, the template's blank rows), what the user typed last time. */
export function initialValues(template: TemplateId, today: Date, remembered: RememberedFields, sheetLocale: Locale): FormValues {
  return {
    rep: remembered.rep,
    team: remembered.team,
    approver: "",
    ...comingPeriods(today),
    statsYear: String(defaultPeriods(today).statsYear),
    holidays: remembered.holidays,
    chinaCalendar: remembered.chinaCalendar,
    blankRows: String(TEMPLATES[template].blankRows.initial),
    sheetLocale,
  };
}
