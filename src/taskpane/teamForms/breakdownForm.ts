import { MONTH_RANGE } from "../../domain/periodRange";
import type { Locale } from "../../contract/locale";
import { BreakdownError, computeBreakdown, parseRatios, ratioTextIssue, type BreakdownInput, type BreakdownIssue, type BreakdownPeriod } from "../../team";
import { MONTHLY_PLAN_MONTHS } from "../../templates/registry";
import type { PlanChoice } from "../../templates/team";
import { monthPeriod, nextMonthPeriod, readMonthField, readWeekField, readYearField, weekPeriod, yearPeriod, type CalendarPeriod, type WorkWeekKind } from "../templateForms/periodCalendar";
import { formCalendar, isProblem, type FormCalendar, type FieldProblem } from "../templateForms/validate";
import { isBoxProblem, monthHoldsFromText, readRepsBox, repsFromText, twelveMonths } from "./boxes";
import { issueSubject, type IssueSubject } from "./issueSubject";

/** The target-breakdown form as typed. */
export interface BreakdownFormValues {
  readonly periodKind: "month" | "year";
  readonly month: string;
  readonly year: string;
  readonly target: string;
  /** One rep per line: name, weight[, fixed target][, start month], separated by tabs (pasted from Excel), commas or spaces. */
  readonly reps: string;
  /** Year only: months by working days, or by last year's sales (the 12 months of `lastYear`). */
  readonly split: "workdays" | "lastYear";
  /** Year only: last year's 12 months as pasted or typed. */
  readonly lastYear: string;
  /** Year only: the team's months fixed by hand, one `month, amount` per line. */
  readonly monthHolds: string;
  /** The whole units of every part: "1", "10", "100", "1000" or "10000" (yuan). */
  readonly unit: string;
  /** The user's own holiday lines, laid over the built-in calendar when it is on. */
  readonly holidays: string;
  /** Whether the built-in China calendar is used; off means the work week alone. */
  readonly chinaCalendar: boolean;
  /** 双休, 单休 or 大小周: the days a week works before holidays. */
  readonly workWeek: WorkWeekKind;
  /** For 大小周: any date in a long week (Saturday worked), as typed. */
  readonly longWeek: string;
  readonly productSplit: boolean;
  readonly ratios: string;
  readonly plans: "none" | "weekly" | "monthly";
  readonly week: string;
  readonly team: string;
  readonly sheetLocale: Locale;
}

export type BreakdownField = "period" | "target" | "reps" | "lastYear" | "monthHolds" | "unit" | "holidays" | "longWeek" | "ratios" | "week";

export interface BreakdownValidation {
  /** Problems of the form's own fields (period, week, holidays, the 大小周 date), worded by the pane. */
  readonly fieldProblems: Partial<Record<BreakdownField, FieldProblem>>;
  /** The team layer's findings (weights, target, ratio), worded by `breakdownMessages`, per field. */
  readonly issues: Partial<Record<BreakdownField, BreakdownIssue[]>>;
  readonly request?: { readonly input: BreakdownInput; readonly plans?: PlanChoice; readonly team?: string };
}

/** The period typed, within the periods the command line takes: with monthly plans, a month whose plan's review is due in a month the calendar counts. */
function period(values: BreakdownFormValues): BreakdownPeriod | FieldProblem {
  if (values.periodKind === "month") {
    const month = readMonthField(values.month, values.plans === "monthly" ? MONTHLY_PLAN_MONTHS : MONTH_RANGE);
    return isProblem(month) ? month : { kind: "month", ...month };
  }
  const year = readYearField(values.year);
  return isProblem(year) ? year : { kind: "year", year };
}

/** The weekly plans' week, when they are asked for. */
const plansWeek = (values: BreakdownFormValues) => (values.plans === "weekly" ? readWeekField(values.week) : undefined);

/**
 * The period the breakdown splits and the holidays and work week it splits by, over the years of the
 * period and of the weekly plans' week (written with the same calendar); the form describes the period.
 */
export function breakdownCalendar(values: BreakdownFormValues): FormCalendar {
  const typed = period(values);
  // A field still wrong plans no period: its problem is shown on it.
  const chosen = isProblem(typed) ? undefined : typed;
  const planned = chosen && (chosen.kind === "month" ? monthPeriod(chosen) : yearPeriod(chosen.year));
  const typedWeek = plansWeek(values);
  const week = isProblem(typedWeek) ? undefined : typedWeek;
  // Monthly plans look into the next month for their review date.
  const reviews = chosen?.kind === "month" && values.plans === "monthly" ? [nextMonthPeriod(chosen)] : [];
  const periods: CalendarPeriod[] = [...(planned ? [planned] : []), ...(week ? [weekPeriod(week)] : []), ...reviews];
  return formCalendar(planned, periods, values);
}

/** Where each subject of the team layer's findings shows on this form. */
const FIELD_OF: Readonly<Record<IssueSubject, BreakdownField>> = {
  target: "target",
  // The form has no growth rate: only the annual plan reports one.
  growth: "target",
  reps: "reps",
  lastYear: "lastYear",
  monthHolds: "monthHolds",
  unit: "unit",
  ratios: "ratios",
  calendar: "period",
};

/** Everything wrong with the form, or the request to write; pure and cheap enough for every keystroke. */
export function validateBreakdown(values: BreakdownFormValues): BreakdownValidation {
  const fieldProblems: Partial<Record<BreakdownField, FieldProblem>> = {};
  const issues: Partial<Record<BreakdownField, BreakdownIssue[]>> = {};
  const typed = period(values);
  if (isProblem(typed)) fieldProblems.period = typed;
  const chosen = isProblem(typed) ? undefined : typed;
  const { use, week: workWeek } = breakdownCalendar(values);
  const cal = isProblem(use) ? use : use.calendar;
  if (isProblem(cal)) fieldProblems.holidays = cal;
  if (isProblem(workWeek)) fieldProblems.longWeek = workWeek;
  const ratios = values.productSplit ? parseRatios(values.ratios) : undefined;
  if (values.productSplit && !ratios) issues.ratios = [ratioTextIssue(values.ratios)];
  const typedWeek = plansWeek(values);
  if (isProblem(typedWeek)) fieldProblems.week = typedWeek;
  const week = isProblem(typedWeek) ? undefined : typedWeek;
  const yearly = chosen?.kind === "year";
  const lastYear = yearly && values.split === "lastYear" ? twelveMonths(values.lastYear) : undefined;
  if (isBoxProblem(lastYear)) fieldProblems.lastYear = lastYear;
  const monthHolds = yearly ? monthHoldsFromText(values.monthHolds) : undefined;
  if (isBoxProblem(monthHolds)) fieldProblems.monthHolds = monthHolds;
  const unit = Number(values.unit);
  const repsBox = readRepsBox(values.reps);
  if (isBoxProblem(repsBox)) fieldProblems.reps = repsBox;

  // A box whose shape is wrong is left out, so the other fields are still checked as the user types.
  const input: BreakdownInput | undefined = chosen && {
    target: values.target,
    period: chosen,
    reps: isBoxProblem(repsBox) ? repsFromText(values.reps) : repsBox,
    ...(isProblem(cal) ? {} : { calendar: cal }),
    ...(ratios ? { productRatios: ratios } : {}),
    ...(Array.isArray(lastYear) ? { split: { kind: "lastYear", months: lastYear } } : {}),
    ...(Array.isArray(monthHolds) ? { monthHolds } : {}),
    ...(unit !== 1 ? { unit } : {}),
  };
  if (input) {
    try {
      computeBreakdown(input);
    } catch (error) {
      if (!(error instanceof BreakdownError)) throw error;
      for (const issue of error.issues) {
        const field = FIELD_OF[issueSubject(issue)];
        // A box the form already faults keeps that one problem.
        if (fieldProblems[field]) continue;
        issues[field] = [...(issues[field] ?? []), issue];
      }
    }
  }
  const valid = input && Object.keys(fieldProblems).length === 0 && Object.keys(issues).length === 0;
  if (!valid) return { fieldProblems, issues };
  const plans: PlanChoice | undefined =
    values.plans === "weekly" && week ? { template: "weekly", year: week.year, week: week.week } : values.plans === "monthly" && chosen?.kind === "month" ? { template: "monthly" } : undefined;
  const team = values.team.trim();
  return { fieldProblems, issues, request: { input, ...(plans ? { plans } : {}), ...(team ? { team } : {}) } };
}
