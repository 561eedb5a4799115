import type { Locale } from "../contract/locale";
import type { WorkCalendar } from "../domain/calendar";
import { nextPlanInWorkbook, type NextPlanOutcome } from "../writers/office/team/nextPlan";

/** 下周计划 / 下月计划: the next period's plan from the plan on the active sheet, planned with `calendar` under the workbook's 节假日 tables, and shown. */
export async function nextPlanFromActiveSheet(locale: Locale, calendar: (years: readonly number[]) => WorkCalendar): Promise<NextPlanOutcome> {
  return Excel.run((context) => nextPlanInWorkbook(context, locale, calendar));
}
