import type { Locale } from "../contract/locale";
import { teamStrings } from "../templates/team/strings";
import type { BreakdownIssue } from "./breakdown";

/**
 * The team layer's rules for the task pane, the command line and the writers: the breakdown's
 * arithmetic, finding plan sheets by their names, re-keying. Its sheets are built in
 * `templates/team`, its host access lives in `writers/office/team` and its files in `writers/xlsx/team`.
 */

export {
  BreakdownError,
  computeBreakdown,
  DEFAULT_PRODUCT_RATIOS,
  isHeaderRow,
  parseRatios,
  repsFromRange,
  validateWeights,
  type Breakdown,
  type BreakdownErrorCode,
  type BreakdownInput,
  type BreakdownIssue,
  type BreakdownPeriod,
  type RepInput,
  type RepShare,
  type WeekPart,
  type WeightInput,
} from "./breakdown";
export { discoverPlans, needsValue, planStatus, type NameEntry, type PlanInstance, type PlanIssue, type PlanStatus } from "./plans";
export { TeamError, teamErrorMessage, type TeamErrorCode, type TeamErrorParams } from "./errors";

/** Every input problem as a sentence in `locale`, in list order. */
export const breakdownMessages = (issues: readonly BreakdownIssue[], locale: Locale): string[] =>
  issues.map((issue) => teamStrings(locale).breakdown.error(issue.code, issue.params));
