import { FIRST_SERIAL, formatSerialTime, LAST_SERIAL } from "../domain/calendar";
import type { StampOutcome, SubmittedContent } from "../host/planActions";
import type { UiStrings } from "./strings";

/**
 * A date-time serial as the rep reads it; a number outside Excel's dates (a 提交时间 or 提交截止 someone typed
 * 5 into) as the number, since it is no time.
 */
const timeText = (serial: number): string => (serial >= FIRST_SERIAL && serial < LAST_SERIAL + 1 ? formatSerialTime(serial) : String(serial));

/** A 提交时间 as the rep reads it: a date-time serial as a time, anything typed as typed. */
const shown = (content: SubmittedContent): string => (typeof content === "number" ? timeText(content) : content);

/** What the pane's 提交 came to, in the pane's language. */
export function submitMessage(outcome: StampOutcome, strings: UiStrings): string {
  switch (outcome.kind) {
    case "stamped": {
      const { deadline, late } = outcome;
      const due = deadline === undefined ? null : { at: timeText(deadline), late: late === true };
      const done = strings.submitDone(outcome.sheet, timeText(outcome.at), due);
      return outcome.replaced === undefined ? done : `${done} ${strings.submitReplaced(shown(outcome.replaced))}`;
    }
    case "alreadyStamped":
      return strings.submitAlready(outcome.sheet, shown(outcome.held));
    case "notWeekly":
      return strings.submitNotWeekly(outcome.sheet, outcome.monthly);
    case "several":
      return strings.submitSeveral(outcome.sheet, outcome.keys.length);
    case "broken":
      return outcome.missing ? strings.submitMissing(outcome.sheet, outcome.name) : strings.submitBroken(outcome.sheet, outcome.name);
  }
}
