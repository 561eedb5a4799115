import { breakdownCalendar, validateBreakdown } from "../../src/taskpane/teamForms/breakdownForm";
import { initialValues } from "../../src/taskpane/templateForms/initialValues";
import { readNotice } from "../../src/taskpane/templateForms/periodCalendar";
import { problemText } from "../../src/taskpane/templateForms/problemText";
import { templateCalendar, validateForm, type FieldProblem } from "../../src/taskpane/templateForms/validate";
import type { FormValues } from "../../src/taskpane/templateForms/formModel";
import type { TemplateId } from "../../src/templates/registry";
import { breakdownFormValues } from "../fixtures/breakdownForm";

/**
 * A week, month or year the calendar cannot count (before 1900-03-01 or after 9999-12-31) is a problem of
 * the field it is typed in, with the range to type — the one range the command line takes
 * (domain/periodRange.ts) — and nothing the pane computes from it throws: the form is checked and its
 * calendar computed in React's render, where a throw blanked the whole pane.
 */

const remembered = { rep: "张三", team: "华东一组", holidays: "", chinaCalendar: true, workWeek: "fiveDay" as const, longWeek: "" };
const today = new Date(2026, 10, 22);
const LAST_YEAR = "80000 90000 120000 110000 100000 95000 85000 88000 105000 130000 125000 150000";

const form = (template: TemplateId, overrides: Partial<FormValues>): FormValues => ({ ...initialValues(template, today, remembered, "zh-CN"), ...overrides });

/** What the pane computes on each keystroke, none of which may throw. */
function checked(template: TemplateId, values: FormValues) {
  const calendar = templateCalendar(template, values);
  const validation = validateForm(template, values);
  return { calendar, problems: validation.ok ? {} : validation.problems };
}

const MONTHLY_PLAN_RANGE: FieldProblem = { code: "outOfRange", period: "month", first: "1900-03", last: "9999-11" };
const MONTH_RANGE: FieldProblem = { code: "outOfRange", period: "month", first: "1900-03", last: "9999-12" };
const WEEK_RANGE: FieldProblem = { code: "outOfRange", period: "week", first: "1900-W10", last: "9999-W51" };
const YEAR_RANGE: FieldProblem = { code: "wholeNumber", min: 1901, max: 9999 };

describe("the template forms", () => {
  test.each(["1900-01", "1900-02", "9999-12"])("a monthly plan for %s is refused on its month, with the months it can be for", (month) => {
    const { calendar, problems } = checked("monthly", form("monthly", { month }));
    expect(problems).toEqual({ month: MONTHLY_PLAN_RANGE });
    expect(calendar.period).toBeUndefined();
  });

  test("the monthly plan's first and last months are taken", () => {
    expect(validateForm("monthly", form("monthly", { month: "1900-03" })).ok).toBe(true);
    expect(validateForm("monthly", form("monthly", { month: "9999-11" })).ok).toBe(true);
  });

  test("a diary of 1900-01 is refused on its month; one of 9999-12, a month the calendar counts, does not throw", () => {
    expect(checked("diary", form("diary", { month: "1900-01" })).problems).toEqual({ month: MONTH_RANGE });
    const last = checked("diary", form("diary", { month: "9999-12" }));
    expect(last.problems.month).toBeUndefined();
    expect(last.calendar.period).toBeDefined();
  });

  test.each(["9999-W52"])("a weekly plan for %s is refused on its week, not on the holidays with a serial number", (week) => {
    const { calendar, problems } = checked("weekly", form("weekly", { week }));
    expect(problems).toEqual({ week: WEEK_RANGE });
    expect(calendar.period).toBeUndefined();
  });

  test("the annual plan for 1900 is refused on its year, with the years it can be for", () => {
    const { calendar, problems } = checked("annual", form("annual", { year: "1900", lastYear: LAST_YEAR }));
    expect(problems.year).toEqual(YEAR_RANGE);
    expect(problems.holidays).toBeUndefined();
    expect(calendar.period).toBeUndefined();
  });

  test("the contract register's statistics year takes the same years", () => {
    expect(checked("contracts", form("contracts", { statsYear: "1900" })).problems).toEqual({ statsYear: YEAR_RANGE });
  });
});

describe("the breakdown form", () => {
  /** What the pane computes on each keystroke, none of which may throw. */
  function breakdown(overrides: Parameters<typeof breakdownFormValues>[0]) {
    const values = breakdownFormValues(overrides);
    return { calendar: breakdownCalendar(values), validation: validateBreakdown(values) };
  }

  test("a year of 1900 is refused on the period", () => {
    const { calendar, validation } = breakdown({ periodKind: "year", year: "1900" });
    expect(validation.fieldProblems).toEqual({ period: YEAR_RANGE });
    expect(calendar.period).toBeUndefined();
  });

  test("a month of 1900-01 is refused on the period", () => {
    expect(breakdown({ month: "1900-01" }).validation.fieldProblems).toEqual({ period: MONTH_RANGE });
  });

  test("with monthly plans, 9999-12 is refused on the period (the plan's review is due the month after); without, it is taken", () => {
    expect(breakdown({ month: "9999-12", plans: "monthly" }).validation.fieldProblems).toEqual({ period: MONTHLY_PLAN_RANGE });
    expect(breakdown({ month: "9999-12" }).validation.fieldProblems).toEqual({});
  });

  test("with weekly plans, the week 9999-W52 is refused on the week, not on the holidays", () => {
    const { calendar, validation } = breakdown({ plans: "weekly", week: "9999-W52" });
    expect(validation.fieldProblems).toEqual({ week: WEEK_RANGE });
    expect(validation.request).toBeUndefined();
    expect(calendar.period).toBeDefined();
  });
});

test("a pasted notice is read for a year the calendar counts", () => {
  expect(readNotice("元旦：1月1日放假", "1900")).toEqual(YEAR_RANGE);
});

test("the range is worded in both languages", () => {
  expect(problemText(WEEK_RANGE, "zh-CN")).toBe("超出支持范围：请填写 1900-W10 至 9999-W51 之间的周次。");
  expect(problemText(WEEK_RANGE, "en-US")).toBe("Out of range: enter a week from 1900-W10 to 9999-W51.");
  expect(problemText(MONTHLY_PLAN_RANGE, "zh-CN")).toBe("超出支持范围：请填写 1900-03 至 9999-11 之间的月份。");
  expect(problemText(MONTHLY_PLAN_RANGE, "en-US")).toBe("Out of range: enter a month from 1900-03 to 9999-11.");
});
