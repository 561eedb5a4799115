import { FIVE_DAY_WEEK, PLAIN_WEEKS, type WorkCalendar, type WorkWeek } from "../../domain/calendar";
import type { Bilingual } from "../../contract/locale";
import type { AnnualPlan, BreakdownIssue } from "../../team";
import { annualForm, type AnnualFormRequest } from "./annualForm";
import type { BoxProblem } from "../teamForms/boxes";
import { readWholeNumber } from "../../domain/typedText";
import type { IsoWeek, YearMonth } from "../../domain/dateText";
import type { RequestOf, TemplateRequest } from "../../templates";
import { MONTH_RANGE } from "../../domain/periodRange";
import { MONTHLY_PLAN_MONTHS, TEMPLATES, type TemplateId } from "../../templates/registry";
import { diaryReps } from "../../templates/workDiary";
import { TEMPLATE_FIELDS, type FieldName, type FormValues } from "./formModel";
import {
  calendarInUse,
  monthPeriod,
  nextMonthPeriods,
  readMonthField,
  readWeekField,
  readYearField,
  weekPeriod,
  workWeekInUse,
  yearPeriod,
  type CalendarInUse,
  type CalendarPeriod,
} from "./periodCalendar";

/** Why a field is not acceptable; the pane words each one in the user's language. */
export type FieldProblem =
  | { readonly code: "required" }
  | { readonly code: "tooLong"; readonly max: number }
  | { readonly code: "weekFormat" }
  | { readonly code: "monthFormat" }
  /** A week or month that reads but reaches past the dates the calendar counts: `first` to `last` as typed. */
  | { readonly code: "outOfRange"; readonly period: "week" | "month"; readonly first: string; readonly last: string }
  | { readonly code: "dateFormat" }
  | { readonly code: "wholeNumber"; readonly min: number; readonly max: number }
  /** A share such as 2 %, from 0 to 100 %. */
  | { readonly code: "percent" }
  | { readonly code: "dateLine"; readonly line: number; readonly text: string }
  /** The dates parse but do not make a calendar (a date both holiday and make-up day, or before 1900-03-01). */
  | { readonly code: "calendar"; readonly detail: Bilingual }
  /** A box of months or reps whose shape is wrong (teamForms/boxes.ts). */
  | BoxProblem
  /** The team layer's findings on this field's values, worded by `breakdownMessages`. */
  | { readonly code: "breakdown"; readonly issues: readonly BreakdownIssue[] };

export type FieldProblems = Partial<Record<FieldName, FieldProblem>>;

export type Validation =
  /** `plan`: what a 年度销售计划 form would write, for the preview under the form. */
  | { readonly ok: true; readonly request: TemplateRequest; readonly plan?: AnnualPlan }
  | { readonly ok: false; readonly problems: FieldProblems };

/** A name goes into the sheet name (31 characters at most, with the week or month appended). */
const MAX_NAME = 20;

function wholeNumber(text: string, min: number, max: number): number | FieldProblem {
  return readWholeNumber(text, min, max) ?? { code: "wholeNumber", min, max };
}

/** The period a template plans for, the work week and the holidays it plans with; the form shows them. */
export interface FormCalendar {
  readonly period?: CalendarPeriod;
  /** The work-week choice, or what is wrong with its 大小周 date. */
  readonly week: WorkWeek | FieldProblem;
  /**
   * The holidays on the work week, or what is wrong with the holiday box. While the 大小周 date is wrong
   * this is on 双休, only to check the box and name missing years: nothing is written with it.
   */
  readonly use: CalendarInUse | FieldProblem;
}

/** The calendar of the periods, on the work week the form's choice gives. */
export function formCalendar(
  period: CalendarPeriod | undefined,
  periods: readonly CalendarPeriod[],
  values: Pick<FormValues, "holidays" | "chinaCalendar" | "workWeek" | "longWeek">,
): FormCalendar {
  const week = workWeekInUse(values.workWeek, values.longWeek);
  const use = calendarInUse(values.holidays, values.chinaCalendar, periods, isProblem(week) ? FIVE_DAY_WEEK : week);
  return { ...(period ? { period } : {}), week, use };
}

/** The template's week, month and year fields as typed, each read within the periods it can plan. */
function periodFields(template: TemplateId, values: FormValues) {
  const fields = new Set(TEMPLATE_FIELDS[template]);
  return {
    week: fields.has("week") ? readWeekField(values.week) : undefined,
    month: fields.has("month") ? readMonthField(values.month, template === "monthly" ? MONTHLY_PLAN_MONTHS : MONTH_RANGE) : undefined,
    // A yearly template (the annual plan) plans the year its year field names.
    year: fields.has("year") ? readYearField(values.year) : undefined,
  };
}

export function templateCalendar(template: TemplateId, values: FormValues): FormCalendar {
  const read = periodFields(template, values);
  // A field still wrong plans no period: its problem is shown on it.
  const week = isProblem(read.week) ? undefined : read.week;
  const month = isProblem(read.month) ? undefined : read.month;
  const year = isProblem(read.year) ? undefined : read.year;
  const period = week ? weekPeriod(week) : month ? monthPeriod(month) : year !== undefined ? yearPeriod(year) : undefined;
  // A monthly plan's review date falls in the next month, so its calendar (and warning) reaches there, as on the command line.
  const periods = period ? [period, ...(month ? nextMonthPeriods(month) : [])] : [];
  return formCalendar(period, periods, values);
}

export const isProblem = (v: unknown): v is FieldProblem => typeof v === "object" && v !== null && "code" in v;

/**
 * Checks only the fields the template shows, and turns a valid form into the builder's request.
 * Runs on every keystroke, so it is pure and cheap.
 */
export function validateForm(template: TemplateId, values: FormValues): Validation {
  const fields = new Set(TEMPLATE_FIELDS[template]);
  const problems: FieldProblems = {};
  const rep = values.rep.trim();
  if (fields.has("rep")) {
    // The diary takes several reps in the box, each a name of its own.
    const names = template === "diary" ? diaryReps(rep) : rep === "" ? [] : [rep];
    if (names.length === 0) problems.rep = { code: "required" };
    else if (names.some((name) => name.length > MAX_NAME)) problems.rep = { code: "tooLong", max: MAX_NAME };
  }
  for (const field of ["team", "approver"] as const) {
    if (fields.has(field) && values[field].trim().length > MAX_NAME) problems[field] = { code: "tooLong", max: MAX_NAME };
  }
  const read = periodFields(template, values);
  if (isProblem(read.week)) problems.week = read.week;
  if (isProblem(read.month)) problems.month = read.month;
  const week = isProblem(read.week) ? null : (read.week ?? null);
  const month = isProblem(read.month) ? null : (read.month ?? null);
  const statsYear = fields.has("statsYear") ? readYearField(values.statsYear) : 0;
  if (isProblem(statsYear)) problems.statsYear = statsYear;
  const blankRows = wholeNumber(values.blankRows, 0, TEMPLATES[template].blankRows.max);
  if (isProblem(blankRows)) problems.blankRows = blankRows;
  const chosen = fields.has("holidays") ? templateCalendar(template, values) : undefined;
  const used = chosen?.use;
  const calendar = used === undefined ? PLAIN_WEEKS : isProblem(used) ? used : used.calendar;
  if (isProblem(calendar)) problems.holidays = calendar;
  if (chosen && isProblem(chosen.week)) problems.longWeek = chosen.week;
  // The annual plan's fields are checked by computing the plan, which the form then previews.
  const annual = fields.has("lastYear") ? annualForm(values, isProblem(calendar) ? undefined : calendar) : undefined;
  for (const [field, problem] of Object.entries(annual?.problems ?? {}) as [FieldName, FieldProblem][]) problems[field] ??= problem;

  // The isProblem checks repeat what `problems` already says, for the type checker's sake.
  if (Object.keys(problems).length > 0 || isProblem(blankRows) || isProblem(statsYear) || isProblem(calendar)) {
    return { ok: false, problems };
  }
  const team = values.team.trim();
  const approver = values.approver.trim();
  const request = REQUEST[template]({ rep, team, approver, week, month, statsYear, calendar, blankRows, annual: annual?.valid?.options ?? null });
  return { ok: true, request, ...(annual?.valid ? { plan: annual.valid.plan } : {}) };
}

/** A valid form's values, typed; `week` and `month` are null when the template does not show them. */
interface FormInput {
  readonly rep: string;
  readonly team: string;
  readonly approver: string;
  readonly week: IsoWeek | null;
  readonly month: YearMonth | null;
  readonly statsYear: number;
  readonly calendar: WorkCalendar;
  readonly blankRows: number;
  /** The 年度销售计划's options, when the template shows its fields. */
  readonly annual: AnnualFormRequest | null;
}

/** Each template's request from a valid form: the template's own fields (TEMPLATE_FIELDS) are there. */
const REQUEST: { readonly [K in TemplateId]: (input: FormInput) => RequestOf<K> } = {
  weekly: ({ rep, team, approver, week, calendar, blankRows }) => ({
    template: "weekly",
    options: { rep, ...(team ? { team } : {}), ...(approver ? { approver } : {}), year: week!.year, week: week!.week, calendar, blankRows },
  }),
  monthly: ({ rep, month, calendar, blankRows }) => ({ template: "monthly", options: { rep, year: month!.year, month: month!.month, calendar, blankRows } }),
  customers: ({ blankRows }) => ({ template: "customers", options: { blankRows } }),
  contracts: ({ blankRows, statsYear }) => ({ template: "contracts", options: { blankRows, statsYear } }),
  ledger: ({ blankRows }) => ({ template: "ledger", options: { blankRows } }),
  visits: ({ blankRows }) => ({ template: "visits", options: { blankRows } }),
  diary: ({ rep, month, calendar }) => ({ template: "diary", options: { reps: diaryReps(rep), year: month!.year, month: month!.month, calendar } }),
  annual: ({ annual }) => ({ template: "annual", options: annual! }),
  accounts: ({ blankRows }) => ({ template: "accounts", options: { blankRows } }),
  projects: ({ blankRows }) => ({ template: "projects", options: { blankRows } }),
  accountVisits: ({ blankRows }) => ({ template: "accountVisits", options: { blankRows } }),
  groupDeals: ({ blankRows }) => ({ template: "groupDeals", options: { blankRows } }),
};
