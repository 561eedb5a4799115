import type { Locale } from "../contract/locale";
import { serialOfLocalTime } from "../domain/calendar";
import { numberFormat } from "../templates/formats";
import { stampSubmission, type StampOutcome, type SubmittedContent } from "../writers/office/submission";

export type { StampOutcome, SubmittedContent };

/**
 * 提交 / Submit: the rep's clock time into the 提交时间 of the weekly plan on the active sheet. `replacing`:
 * what the cell held when the pane asked the rep to confirm replacing it (see `stampSubmission`).
 */
export async function submitPlan(now: Date, locale: Locale, replacing?: SubmittedContent): Promise<StampOutcome> {
  return Excel.run((context) => stampSubmission(context, serialOfLocalTime(now), numberFormat("datetime", locale), replacing));
}
