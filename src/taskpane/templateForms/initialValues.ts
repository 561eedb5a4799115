import { formatSerial, isoWeekMonday } from "../../domain/calendar";
import { formatMonthText, formatWeekText } from "../../domain/dateText";
import type { RememberedFields } from "../../host/preferences";
import type { Locale } from "../../contract/locale";
import { defaultPeriods, TEMPLATES, type TemplateId } from "../../templates/registry";
import { DEFAULT_EXPENSE_CAP, DEFAULT_GROWTH, DEFAULT_PRODUCT_RATIOS } from "../../team";
import type { FormValues } from "./formModel";

/** The periods people plan for (the registry's defaults), as typed in the forms. */
export function comingPeriods(today: Date): { week: string; month: string } {
  const { week, month } = defaultPeriods(today);
  return { week: formatWeekText(week), month: formatMonthText(month) };
}

/**
 * The 大小周 date a form starts with: the user's last one, else the Saturday of the week people plan for
 * (next week), which the summary then names, so a wrong guess shows before anything is written.
 */
export function initialLongWeek(today: Date, remembered: RememberedFields): string {
  if (remembered.longWeek !== "") return remembered.longWeek;
  const { week } = defaultPeriods(today);
  return formatSerial(isoWeekMonday(week.year, week.week) + 5);
}

/** The calendar choices a written form leaves for next time. */
export function rememberedCalendar(
  values: Pick<FormValues, "holidays" | "chinaCalendar" | "workWeek" | "longWeek">,
  before: RememberedFields,
): Pick<RememberedFields, "holidays" | "chinaCalendar" | "workWeek" | "longWeek"> {
  const { holidays, chinaCalendar, workWeek } = values;
  // A 大小周 date is the user's only once they planned with 大小周; an unused default would go stale.
  return { holidays, chinaCalendar, workWeek, longWeek: workWeek === "alternate" ? values.longWeek.trim() : before.longWeek };
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
    workWeek: remembered.workWeek,
    longWeek: initialLongWeek(today, remembered),
    blankRows: String(TEMPLATES[template].blankRows.initial),
    // This year, as `sales-planner write annual` without --year.
    year: String(defaultPeriods(today).statsYear),
    lastYear: "",
    growth: `${Math.round(DEFAULT_GROWTH * 100)}%`,
    annualTarget: "",
    split: "lastYear",
    reps: "",
    monthHolds: "",
    ratios: DEFAULT_PRODUCT_RATIOS.join(":"),
    expenseCap: `${Math.round(DEFAULT_EXPENSE_CAP * 100)}%`,
    unit: "1",
    sheetLocale,
  };
}
