import { localize } from "../../contract/locale";
import type { Locale } from "../../contract/locale";
import { breakdownMessages } from "../../team";
import { uiStrings } from "../strings";
import type { FieldProblem } from "./validate";

/** A field problem in the user's language. */
export function problemText(problem: FieldProblem, locale: Locale): string {
  const strings = uiStrings(locale);
  switch (problem.code) {
    case "required":
      return strings.problemRequired;
    case "tooLong":
      return strings.problemTooLong(problem.max);
    case "weekFormat":
      return strings.problemWeekFormat;
    case "monthFormat":
      return strings.problemMonthFormat;
    case "outOfRange":
      return strings.problemOutOfRange(problem.period, problem.first, problem.last);
    case "dateFormat":
      return strings.problemDateFormat;
    case "wholeNumber":
      return strings.problemWholeNumber(problem.min, problem.max);
    case "percent":
      return strings.problemPercent;
    case "dateLine":
      return strings.problemDateLine(problem.line, problem.text);
    case "calendar":
      return localize(problem.detail, locale);
    case "monthCount":
      return strings.problemMonthCount(problem.count);
    case "monthHoldLine":
      return strings.problemMonthHoldLine(problem.line, problem.text);
    case "monthHoldDuplicate":
      return strings.problemMonthHoldDuplicate(problem.month);
    case "monthsThousands":
      return strings.problemMonthsThousands;
    case "repsThousands":
      return strings.problemRepsThousands(problem.line, problem.text);
    case "breakdown":
      return breakdownMessages(problem.issues, locale).join(" ");
  }
}
