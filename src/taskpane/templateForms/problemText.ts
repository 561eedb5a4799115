import { localize } from "../../domain/errors";
import type { Locale } from "../../contract/locale";
import { fill, uiStrings } from "../strings";
import type { FieldProblem } from "./validate";

/** A field problem in the user's language. */
export function problemText(problem: FieldProblem, locale: Locale): string {
  const strings = uiStrings(locale);
  switch (problem.code) {
    case "required":
      return strings.problemRequired;
    case "tooLong":
      return fill(strings.problemTooLong, { max: problem.max });
    case "weekFormat":
      return strings.problemWeekFormat;
    case "monthFormat":
      return strings.problemMonthFormat;
    case "wholeNumber":
      return fill(strings.problemWholeNumber, { min: problem.min, max: problem.max });
    case "dateLine":
      return fill(strings.problemDateLine, { line: problem.line, text: problem.text });
    case "calendar":
      return localize(problem.detail, locale);
  }
}
