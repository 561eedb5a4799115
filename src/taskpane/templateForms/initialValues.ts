import { serialFromYmd } from "../../domain/calendar";
import { formatMonthText, formatWeekText, monthAfter, weekAfter } from "../../domain/dateText";
import type { RememberedFields } from "../../host/preferences";
import type { Locale } from "../../contract/locale";
import type { TemplateId } from "../../spec/sheetSpec";
import { BLANK_ROWS, type FormValues } from "./formModel";

/** The periods people plan for: next week and next month, as typed in the forms. */
export function comingPeriods(today: Date): { week: string; month: string } {
  const year = today.getFullYear();
  const month = today.getMonth() + 1;
  return {
    week: formatWeekText(weekAfter(serialFromYmd(year, month, today.getDate()))),
    month: formatMonthText(monthAfter({ year, month })),
  };
}

/** A fresh form: next week, next month, this year, the template's usual blank rows, what the user typed last time. */
export function initialValues(template: TemplateId, today: Date, remembered: RememberedFields, sheetLocale: Locale): FormValues {
  return {
    rep: remembered.rep,
    team: remembered.team,
    approver: "",
    ...comingPeriods(today),
    statsYear: String(today.getFullYear()),
    holidays: remembered.holidays,
    blankRows: String(BLANK_ROWS[template].initial),
    sheetLocale,
  };
}
