import type { Locale } from "../contract/locale";
import { serialOfLocalTime, type WorkCalendar } from "../domain/calendar";
import { numberFormat } from "../templates/formats";
import { stampSubmission, type StampOutcome, type SubmittedContent } from "../writers/office/submission";
import { nextPlanInWorkbook, type NextPlanOutcome } from "../writers/office/team/nextPlan";

export type { StampOutcome, SubmittedContent };

/**
 * 提交 / Submit: the rep's clock time into the 提交时间 of the weekly plan on the active sheet. `replacing`:
 * what the cell held when the pane asked the rep to confirm replacing it (see `stampSubmission`).
 */
export async function submitPlan(now: Date, locale: Locale, replacing?: SubmittedContent): Promise<StampOutcome> {
  return Excel.run((context) => stampSubmission(context, serialOfLocalTime(now), numberFormat("datetime", locale), replacing));
}

/** 下周计划 / 下月计划: the next period's plan from the plan on the active sheet, planned with `calendar` under the workbook's 节假日 tables, and shown. */
export async function nextPlanFromActiveSheet(locale: Locale, calendar: (years: readonly number[]) => WorkCalendar): Promise<NextPlanOutcome> {
  return Excel.run((context) => nextPlanInWorkbook(context, locale, calendar));
}
