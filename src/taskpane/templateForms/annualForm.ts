import type { WorkCalendar } from "../../domain/calendar";
import { readTypedNumber } from "../../domain/typedText";
import {
  annualTarget,
  BreakdownError,
  computeAnnualPlan,
  DEFAULT_GROWTH,
  parseRate,
  parseRatios,
  ratioTextIssue,
  type AnnualPlan,
  type AnnualPlanInput,
  type BreakdownIssue,
} from "../../team";
import { isBoxProblem, monthHoldsFromText, readRepsBox, repsFromText, twelveMonths } from "../teamForms/boxes";
import { issueSubject, type IssueSubject } from "../teamForms/issueSubject";
import type { FieldName, FormValues } from "./formModel";
import { readYearField } from "./periodCalendar";
import type { FieldProblems } from "./validate";

/**
 * The 年度销售计划 form: its boxes read as the breakdown form reads them, the plan computed by the team layer
 * (which the live preview shows, so the manager sees the exact split before writing), and every problem on
 * the field it comes from. Runs on every keystroke.
 */

/** Where each subject of the team layer's findings shows on this form. */
const FIELD_OF: Readonly<Record<IssueSubject, FieldName>> = {
  target: "annualTarget",
  growth: "growth",
  reps: "reps",
  lastYear: "lastYear",
  monthHolds: "monthHolds",
  unit: "unit",
  ratios: "ratios",
  calendar: "holidays",
};

/** What a valid form asks the template to write: the plan's input and the expense budget's cap. */
export interface AnnualFormRequest extends AnnualPlanInput {
  readonly expenseCap: number;
}

export interface AnnualFormResult {
  readonly problems: FieldProblems;
  /** When nothing is wrong: the options and the plan they give. */
  readonly valid?: { readonly options: AnnualFormRequest; readonly plan: AnnualPlan };
}

/** The form's own fields checked, then the plan computed with the calendar the form's block gives. */
export function annualForm(values: FormValues, calendar: WorkCalendar | undefined): AnnualFormResult {
  const problems: { -readonly [F in keyof FieldProblems]: FieldProblems[F] } = {};
  const year = readYearField(values.year);
  if (typeof year !== "number") problems.year = year;
  const lastYear = twelveMonths(values.lastYear);
  if (isBoxProblem(lastYear)) problems.lastYear = lastYear;
  const monthHolds = monthHoldsFromText(values.monthHolds);
  if (isBoxProblem(monthHolds)) problems.monthHolds = monthHolds;
  const reps = readRepsBox(values.reps);
  if (isBoxProblem(reps)) problems.reps = reps;
  const ratios = parseRatios(values.ratios);
  if (!ratios) problems.ratios = { code: "breakdown", issues: [ratioTextIssue(values.ratios)] };
  const expenseCap = parseRate(values.expenseCap);
  if (expenseCap === undefined || expenseCap < 0 || expenseCap > 1) problems.expenseCap = { code: "percent" };
  if (typeof year !== "number" || isBoxProblem(lastYear)) return { problems };

  const input: AnnualPlanInput = {
    year,
    lastYear,
    ...(values.growth.trim() === "" ? {} : { growth: values.growth }),
    ...(values.annualTarget.trim() === "" ? {} : { target: values.annualTarget }),
    split: values.split,
    ...(Array.isArray(monthHolds) ? { monthHolds } : {}),
    reps: isBoxProblem(reps) ? repsFromText(values.reps) : reps,
    ...(ratios ? { productRatios: ratios } : {}),
    ...(calendar ? { calendar } : {}),
    unit: Number(values.unit),
  };
  let plan: AnnualPlan | undefined;
  try {
    plan = computeAnnualPlan(input);
  } catch (error) {
    if (!(error instanceof BreakdownError)) throw error;
    const byField = new Map<FieldName, BreakdownIssue[]>();
    for (const issue of error.issues) {
      const field = FIELD_OF[issueSubject(issue)];
      byField.set(field, [...(byField.get(field) ?? []), issue]);
    }
    // A field the form already faults keeps that one problem.
    for (const [field, issues] of byField) problems[field] ??= { code: "breakdown", issues };
  }
  if (!plan || Object.keys(problems).length > 0 || expenseCap === undefined) return { problems };
  return { problems, valid: { options: { ...input, expenseCap }, plan } };
}

/**
 * The target the plan takes when none is typed, for the target box's placeholder: last year's total grown
 * by the rate, as the team layer rounds it. Undefined until last year's twelve months and the rate read.
 */
export function computedAnnualTarget(values: Pick<FormValues, "lastYear" | "growth" | "unit">): number | undefined {
  const months = twelveMonths(values.lastYear);
  if (isBoxProblem(months)) return undefined;
  // A blank month is 0, as the plan counts it.
  const amounts = months.map((m) => (m.trim() === "" ? 0 : readTypedNumber(m)));
  const growth = values.growth.trim() === "" ? DEFAULT_GROWTH : parseRate(values.growth);
  if (growth === undefined || amounts.some((a) => a === undefined)) return undefined;
  return annualTarget(amounts.reduce<number>((sum, a) => sum + (a ?? 0), 0), growth, Number(values.unit));
}
