import type { Locale } from "../contract/locale";
import { planningCalendar } from "../domain/chinaCalendar";
import { nextPlanInWorkbook, type NextPlanOutcome } from "../writers/office/team/nextPlan";

/**
 * 下周计划 / 下月计划: the next period's plan from the plan on the active sheet, planned with China's
 * holidays under the workbook's own 节假日 tables (as the command line's `next` plans), and shown.
 */
export async function nextPlanFromActiveSheet(locale: Locale): Promise<NextPlanOutcome> {
  return Excel.run((context) => nextPlanInWorkbook(context, locale, (years) => planningCalendar({ holidays: [], makeUpDays: [] }, true, years).calendar));
}
