/**
 * The team layer's rules for the task pane, the command line and the writers: the breakdown's
 * arithmetic, finding plan sheets by their names, re-keying. Its sheets are built in
 * `templates/team`, its host access lives in `writers/office/team` and its files in `writers/xlsx/team`.
 */

export {
  BreakdownError,
  breakdownMessages,
  computeBreakdown,
  DEFAULT_PRODUCT_RATIOS,
  isHeaderRow,
  parseRatios,
  ratioCommasAmbiguous,
  ratioTextIssue,
  readMonth,
  repsFromRange,
  validateWeights,
  type Breakdown,
  type BreakdownErrorCode,
  type BreakdownInput,
  type BreakdownIssue,
  type BreakdownPeriod,
  type MonthSplit,
  type RepInput,
  type RepShare,
  type WeekPart,
  type WeightInput,
} from "./breakdown";
export {
  annualTarget,
  computeAnnualPlan,
  DEFAULT_EXPENSE_CAP,
  DEFAULT_GROWTH,
  CAP_RANGE,
  GROWTH_RANGE,
  parseRate,
  type AnnualPlan,
  type AnnualPlanInput,
} from "./annualPlan";
export {
  annualInputMessages,
  itemName as annualItemName,
  readAnnualInput,
  readSplit,
  type AnnualInputField,
  type AnnualInputFile,
  type AnnualInputProblem,
  type AnnualInputProblemCode,
  type AnnualInputRead,
  type AnnualItem,
} from "./annualInput";
export { discoverPlans, needsValue, planStatus, type NameEntry, type PlanInstance, type PlanIssue, type PlanStatus } from "./plans";
export { TeamError, type TeamErrorCode, type TeamErrorParams } from "./errors";
