import type { WorkCalendar } from "../../domain/calendar";
import type { TemplateRequest } from "..";
import { isoWeekAmount, monthAmount, type Breakdown } from "../../team/breakdown";

/**
 * Turns a breakdown into one plan request per rep, the rep's target already filled in as the
 * plan's 销售额 target — so `buildTemplates` writes each rep's sheet ready to hand out.
 */
export type PlanChoice =
  /** A monthly plan for `month` (default: the breakdown's month; required for a yearly breakdown). */
  | { readonly template: "monthly"; readonly month?: number }
  /** A weekly plan for ISO week `year`-W`week`: the rep's parts of the weeks starting in it. */
  | { readonly template: "weekly"; readonly year: number; readonly week: number };

export interface PlanExtras {
  readonly team?: string;
  readonly calendar?: WorkCalendar;
  /** Blank rows under each plan's key items or key customers (default: the plan template's, from the registry). */
  readonly blankRows?: number;
}

export function planRequestsFromBreakdown(breakdown: Breakdown, choice: PlanChoice, extras: PlanExtras = {}): TemplateRequest[] {
  const calendar = extras.calendar ? { calendar: extras.calendar } : {};
  const blankRows = extras.blankRows !== undefined ? { blankRows: extras.blankRows } : {};
  if (choice.template === "weekly") {
    return breakdown.reps.map(({ rep }) => ({
      template: "weekly",
      options: {
        rep,
        ...(extras.team !== undefined ? { team: extras.team } : {}),
        year: choice.year,
        week: choice.week,
        ...calendar,
        ...blankRows,
        targets: { SALES: { target: isoWeekAmount(breakdown, rep, choice.year, choice.week) } },
      },
    }));
  }
  const period = breakdown.period;
  const month = choice.month ?? (period.kind === "month" ? period.month : undefined);
  if (month === undefined) throw new Error("a yearly breakdown needs the month of the monthly plans");
  const ratios = breakdown.products ? { productRatios: breakdown.products.ratios } : {};
  return breakdown.reps.map(({ rep }) => ({
    template: "monthly",
    options: {
      rep,
      year: period.year,
      month,
      ...calendar,
      ...blankRows,
      ...ratios,
      targets: { SALES: { target: monthAmount(breakdown, rep, period.year, month) } },
    },
  }));
}
