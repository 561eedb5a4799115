import { serialFromYmd, workdays } from "../../src/domain/calendar";
import { breakdownFormValues } from "../fixtures/breakdownForm";
import type { Locale } from "../../src/contract/locale";
import { breakdownCalendar, validateBreakdown, type BreakdownFormValues } from "../../src/taskpane/teamForms/breakdownForm";
import {
  addNoticeLines,
  calendarInUse,
  describePeriodCalendar,
  monthPeriod,
  noticeYearFor,
  readNotice,
  weekPeriod,
  yearPeriod,
  type CalendarInUse,
  type CalendarPeriod,
} from "../../src/taskpane/templateForms/periodCalendar";
import { initialLongWeek, initialValues, rememberedCalendar } from "../../src/taskpane/templateForms/initialValues";
import { problemText } from "../../src/taskpane/templateForms/problemText";
import { templateCalendar, validateForm } from "../../src/taskpane/templateForms/validate";

const inUse = (text: string, chinaCalendar: boolean, periods: CalendarPeriod[]): CalendarInUse => {
  const use = calendarInUse(text, chinaCalendar, periods);
  if ("code" in use) throw new Error(`not a calendar: ${JSON.stringify(use)}`);
  return use;
};
/** What the pane says under the holiday box for one period. */
const said = (period: CalendarPeriod, locale: Locale, text = "", chinaCalendar = true) => describePeriodCalendar(period, inUse(text, chinaCalendar, [period]), chinaCalendar, locale);

const october2026 = monthPeriod({ year: 2026, month: 10 });
const breakdownValues = breakdownFormValues();

describe("what the pane says the period holds", () => {
  test("2026-10: the National Day break as one range, the make-up Saturday with its weekday", () => {
    expect(said(october2026, "zh-CN")).toBe("本月：10-01—10-07 放假；10-10（周六）调休上班");
    expect(said(october2026, "en-US")).toBe("This month: 10-01–10-07 off; 10-10 (Sat) working day (make-up)");
  });

  test("2026-W40 (09-28…10-04): only the days of the week; the make-up Sunday 09-20 is in another week", () => {
    expect(said(weekPeriod({ year: 2026, week: 40 }), "zh-CN")).toBe("本周：10-01—10-04 放假");
    expect(said(weekPeriod({ year: 2026, week: 40 }), "en-US")).toBe("This week: 10-01–10-04 off");
  });

  test("2026-02: Spring Festival between its two make-up Saturdays, in date order", () => {
    const february = monthPeriod({ year: 2026, month: 2 });
    expect(said(february, "zh-CN")).toBe("本月：02-14（周六）调休上班；02-15—02-23 放假；02-28（周六）调休上班");
    expect(said(february, "en-US")).toBe("This month: 02-14 (Sat) working day (make-up); 02-15–02-23 off; 02-28 (Sat) working day (make-up)");
  });

  test("a month without holidays says so; with the built-in calendar off it says Monday–Friday", () => {
    const november = monthPeriod({ year: 2026, month: 11 });
    expect(said(november, "zh-CN")).toBe("本月没有法定节假日或调休");
    expect(said(november, "en-US")).toBe("This month has no public holidays or make-up days");
    expect(said(october2026, "zh-CN", "", false)).toBe("本月没有节假日或调休，按周一至周五计算");
    expect(said(october2026, "en-US", "", false)).toBe("This month has no holidays or make-up days: Monday–Friday");
  });

  test("the user's own lines are part of what is used, and win over a built-in line for the same date", () => {
    // The company works 10-07 and gives the make-up Saturday 10-10 off; 10-30 is its own day off.
    const own = "+2026-10-07\n2026-10-10\n2026-10-30";
    expect(said(october2026, "zh-CN", own)).toBe("本月：10-01—10-06 放假；10-07（周三）调休上班；10-10 放假；10-30 放假");
    expect(said(october2026, "en-US", own)).toBe("This month: 10-01–10-06 off; 10-07 (Wed) working day (make-up); 10-10 off; 10-30 off");
    // With the built-in calendar off, only the user's lines.
    expect(said(october2026, "zh-CN", own, false)).toBe("本月：10-07（周三）调休上班；10-10 放假；10-30 放假");
  });

  test("consecutive make-up days join into one item; a week over the year end writes whole dates", () => {
    expect(said(monthPeriod({ year: 2019, month: 2 }), "zh-CN")).toBe("本月：02-02（周六）、02-03（周日）调休上班；02-04—02-10 放假");
    expect(said(monthPeriod({ year: 2019, month: 2 }), "en-US")).toBe("This month: 02-02 (Sat), 02-03 (Sun) working days (make-up); 02-04–02-10 off");
    expect(said(weekPeriod({ year: 2025, week: 1 }), "zh-CN")).toBe("本周：2025-01-01 放假");
    expect(said(weekPeriod({ year: 2020, week: 53 }), "zh-CN")).toBe("本周：2021-01-01—2021-01-03 放假");
  });

  test("a period in a year without data is not called free of holidays: the warning speaks instead", () => {
    const w53 = weekPeriod({ year: 2026, week: 53 });
    expect(inUse("", true, [w53]).uncovered).toEqual([2027]);
    expect(said(w53, "zh-CN")).toBeUndefined();
    expect(said(monthPeriod({ year: 2027, month: 10 }), "en-US")).toBeUndefined();
    // What the user typed for that year is said.
    expect(said(monthPeriod({ year: 2027, month: 10 }), "zh-CN", "2027-10-01")).toBe("本月：10-01 放假");
  });
});

describe("the calendar a form plans with", () => {
  test("October 2026 with the built-in calendar has 18 working days, without it 22", () => {
    const days = (use: CalendarInUse) => workdays(october2026.start, october2026.end, use.calendar);
    expect(days(inUse("", true, [october2026]))).toBe(18);
    expect(days(inUse("", false, [october2026]))).toBe(22);
    // The user's line wins: working 10-07 adds a day, taking 10-10 off removes one.
    expect(days(inUse("+2026-10-07", true, [october2026]))).toBe(19);
    expect(days(inUse("2026-10-10", true, [october2026]))).toBe(17);
  });

  test("a year the data does not cover is named, unless the user has added dates of that year", () => {
    const october2027 = monthPeriod({ year: 2027, month: 10 });
    expect(inUse("", true, [october2027]).uncovered).toEqual([2027]);
    expect(inUse("2026-12-31", true, [october2027]).uncovered).toEqual([2027]);
    expect(inUse("2027-10-01", true, [october2027]).uncovered).toEqual([]);
    expect(inUse("", false, [october2027]).uncovered).toEqual([]);
    expect(inUse("", true, [october2026]).uncovered).toEqual([]);
  });

  test("a bad line or a contradiction in the user's lines is the box's problem, as before", () => {
    expect(calendarInUse("2026-10-01\n2026/10/02", true, [october2026])).toEqual({ code: "dateLine", line: 2, text: "2026/10/02" });
    expect(calendarInUse("2026-10-10\n+2026-10-10", true, [october2026])).toMatchObject({ code: "calendar" });
    // Without a period yet (still being typed) the lines are checked all the same.
    expect(calendarInUse("2026/10/02", true, [])).toEqual({ code: "dateLine", line: 1, text: "2026/10/02" });
  });

  test("the monthly form for 2026-10 untouched plans with the official schedule; switched off, plain weeks", () => {
    const values = { ...initialValues("monthly", new Date(2026, 8, 15), { rep: "张三", team: "", holidays: "", chinaCalendar: true, workWeek: "fiveDay" as const, longWeek: "" }, "zh-CN"), month: "2026-10" };
    const request = validateForm("monthly", values);
    if (!request.ok) throw new Error("not valid");
    const calendar = (request.request.options as { calendar: CalendarInUse["calendar"] }).calendar;
    expect(workdays(october2026.start, october2026.end, calendar)).toBe(18);
    const off = validateForm("monthly", { ...values, chinaCalendar: false });
    if (!off.ok) throw new Error("not valid");
    expect(workdays(october2026.start, october2026.end, (off.request.options as { calendar: CalendarInUse["calendar"] }).calendar)).toBe(22);
    expect(templateCalendar("monthly", values).period).toEqual(october2026);
    // A weekly form's period is its week.
    expect(templateCalendar("weekly", { ...values, week: "2026-W40" }).period).toEqual(weekPeriod({ year: 2026, week: 40 }));
  });

  test("a monthly plan's calendar reaches into the next month, where its review date falls, and names that month's year when it lacks data", () => {
    const values = { ...initialValues("monthly", new Date(2025, 10, 15), { rep: "张三", team: "", holidays: "", chinaCalendar: true, workWeek: "fiveDay" as const, longWeek: "" }, "zh-CN"), month: "2025-12" };
    const use = templateCalendar("monthly", values).use;
    if ("code" in use) throw new Error("not a calendar");
    // 2026: 元旦 01-01…01-03 off, Sunday 01-04 worked; the review is due on the 3rd working day of January.
    expect([use.calendar.isWorkingDay(serialFromYmd(2026, 1, 1)), use.calendar.isWorkingDay(serialFromYmd(2026, 1, 4))]).toEqual([false, true]);
    // December 2026's review falls in January 2027, past the data: named, as the command line does; December itself is still described.
    const december2026 = templateCalendar("monthly", { ...values, month: "2026-12" });
    if ("code" in december2026.use) throw new Error("not a calendar");
    expect(december2026.use.uncovered).toEqual([2027]);
    expect(describePeriodCalendar(december2026.period!, december2026.use, true, "zh-CN")).toBe("本月没有法定节假日或调休");
    const monthlyPlans = breakdownCalendar({ ...breakdownValues, periodKind: "month", month: "2025-12", plans: "monthly" }).use;
    expect("code" in monthlyPlans ? monthlyPlans : monthlyPlans.calendar.isWorkingDay(serialFromYmd(2026, 1, 4))).toBe(true);
  });

  test("the breakdown's calendar covers its period and the weekly plans' week", () => {
    const values: BreakdownFormValues = { ...breakdownValues, periodKind: "year", year: "2026", plans: "weekly", week: "2027-W01" };
    const { period, use } = breakdownCalendar(values);
    expect(period).toEqual(yearPeriod(2026));
    expect("code" in use ? use : use.uncovered).toEqual([2027]);
    const october = validateBreakdown({ ...values, periodKind: "month", month: "2026-10", plans: "none" });
    const calendar = october.request?.input.calendar;
    expect(calendar && workdays(october2026.start, october2026.end, calendar)).toBe(18);
  });
});

describe("paste the notice", () => {
  const notice2025 = "一、元旦：1月1日（周三）放假1天，不调休。\n六、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。";

  test("a notice is read for the year typed beside it; its dates are added to the box after the user's lines", () => {
    const read = readNotice(notice2025, "2025");
    if ("code" in read) throw new Error("not read");
    expect(read.problems).toEqual([]);
    expect(read.holidays).toHaveLength(9);
    expect(addNoticeLines("2025-12-31", read)).toBe(
      ["2025-12-31", "2025-01-01", "+2025-09-28", ...[1, 2, 3, 4, 5, 6, 7, 8].map((d) => `2025-10-0${d}`), "+2025-10-11"].join("\n"),
    );
    expect(addNoticeLines("", { holidays: [serialFromYmd(2027, 10, 1)], makeUpDays: [] })).toBe("2027-10-01");
  });

  test("a date the box already names keeps the user's line, so the box never contradicts itself", () => {
    const read = readNotice(notice2025, "2025");
    if ("code" in read) throw new Error("not read");
    const box = "2025-10-11\n+2025-10-08\n";
    const added = addNoticeLines(box, read);
    expect(added.split("\n").filter((line) => line.endsWith("10-11") || line.endsWith("10-08"))).toEqual(["2025-10-11", "+2025-10-08"]);
    expect(calendarInUse(added, true, [monthPeriod({ year: 2025, month: 10 })])).toHaveProperty("calendar");
    expect(addNoticeLines(box, { holidays: [serialFromYmd(2025, 10, 11)], makeUpDays: [] })).toBe(box);
  });

  test("a sentence it cannot read is listed, not dropped; a bad year is the year field's problem", () => {
    const read = readNotice(`${notice2025}\n七、另有安排：十月九日放假。`, "2025");
    if ("code" in read) throw new Error("not read");
    expect(read.problems.map((p) => p.kind)).toEqual(["unread"]);
    expect(read.problems[0].message.zh).toContain("十月九日放假");
    expect(read.holidays).toHaveLength(9);
    expect(readNotice(notice2025, "25x")).toEqual({ code: "wholeNumber", min: 1901, max: 9999 });
  });

  test("the dialog opens on the first year without data, else the period's year", () => {
    expect(noticeYearFor(monthPeriod({ year: 2027, month: 1 }), [2027], new Date(2026, 11, 1))).toBe(2027);
    expect(noticeYearFor(october2026, [], new Date(2026, 11, 1))).toBe(2026);
    expect(noticeYearFor(undefined, [], new Date(2026, 11, 1))).toBe(2026);
  });
});

describe("the work week chosen in the pane", () => {
  const remembered = { rep: "张三", team: "", holidays: "", chinaCalendar: true, workWeek: "fiveDay" as const, longWeek: "" };
  const monthly = { ...initialValues("monthly", new Date(2026, 8, 15), remembered, "zh-CN"), month: "2026-10" };
  const octoberDays = (calendar: CalendarInUse["calendar"] | undefined) => calendar && workdays(october2026.start, october2026.end, calendar);
  const requestCalendar = (result: ReturnType<typeof validateForm>) => {
    if (!result.ok) throw new Error(`not valid: ${JSON.stringify(result.problems)}`);
    return (result.request.options as { calendar: CalendarInUse["calendar"] }).calendar;
  };

  test("October 2026 on the built-in calendar: 双休 18 working days, 单休 21, 大小周 with 2026-10-10's week long 19 — in what the forms hand the builders", () => {
    // 单休: 22 weekdays − 5 weekday holidays + the Saturdays 10-10, 10-17, 10-24, 10-31 (10-03 is in the break).
    // 大小周: 17 + the long Saturdays 10-10 and 10-24; 10-10's 调休 adds nothing to a Saturday already worked.
    expect(octoberDays(requestCalendar(validateForm("monthly", monthly)))).toBe(18);
    expect(octoberDays(requestCalendar(validateForm("monthly", { ...monthly, workWeek: "sixDay" })))).toBe(21);
    expect(octoberDays(requestCalendar(validateForm("monthly", { ...monthly, workWeek: "alternate", longWeek: "2026-10-10" })))).toBe(19);
    // Any day of the long week names it; the date typed matters only when 大小周 is chosen.
    expect(octoberDays(requestCalendar(validateForm("monthly", { ...monthly, workWeek: "alternate", longWeek: "２０２６/10/5" })))).toBe(19);
    // The other parity: 17 + the long Saturdays 10-17 and 10-31 (10-03 is in the break) + 10-10, now a short week's Saturday made a working day.
    expect(octoberDays(requestCalendar(validateForm("monthly", { ...monthly, workWeek: "alternate", longWeek: "2026-10-17" })))).toBe(20);
    expect(octoberDays(requestCalendar(validateForm("monthly", { ...monthly, workWeek: "sixDay", longWeek: "" })))).toBe(21);
    // The weekly plan's week: 2026-W41 is a long one, W42 a short one.
    const weekly = { ...initialValues("weekly", new Date(2026, 8, 15), remembered, "zh-CN"), workWeek: "alternate" as const, longWeek: "2026-10-10" };
    const w42 = requestCalendar(validateForm("weekly", { ...weekly, week: "2026-W42" }));
    expect([w42.isWorkingDay(serialFromYmd(2026, 10, 10)), w42.isWorkingDay(serialFromYmd(2026, 10, 17)), w42.isWorkingDay(serialFromYmd(2026, 10, 24))]).toEqual([true, false, true]);
    // Without the built-in calendar, the work week alone: 单休 has 27 working days, 大小周 24.
    expect(octoberDays(requestCalendar(validateForm("monthly", { ...monthly, chinaCalendar: false, workWeek: "sixDay" })))).toBe(27);
    expect(octoberDays(requestCalendar(validateForm("monthly", { ...monthly, chinaCalendar: false, workWeek: "alternate", longWeek: "2026-10-10" })))).toBe(24);
  });

  test("the breakdown splits October 2026 by the same working days", () => {
    const october = { ...breakdownValues, month: "2026-10" };
    expect(octoberDays(validateBreakdown(october).request?.input.calendar)).toBe(18);
    expect(octoberDays(validateBreakdown({ ...october, workWeek: "sixDay" }).request?.input.calendar)).toBe(21);
    expect(octoberDays(validateBreakdown({ ...october, workWeek: "alternate", longWeek: "2026-10-10" }).request?.input.calendar)).toBe(19);
    // The weekly plans it writes use the same calendar, reaching their week's year.
    const plans = validateBreakdown({ ...october, workWeek: "alternate", longWeek: "2026-10-10", plans: "weekly", week: "2026-W41" });
    expect(plans.request?.plans).toEqual({ template: "weekly", year: 2026, week: 41 });
    expect(plans.request?.input.calendar?.isWorkingDay(serialFromYmd(2026, 10, 10))).toBe(true);
  });

  test("大小周 without a readable date is the date field's problem, in both languages, and nothing is written", () => {
    const alternate = { ...monthly, workWeek: "alternate" as const };
    expect(validateForm("monthly", { ...alternate, longWeek: " " })).toEqual({ ok: false, problems: { longWeek: { code: "required" } } });
    for (const typed of ["10-10", "2026-10-32", "2026年10月10日", "next week"]) {
      expect(validateForm("monthly", { ...alternate, longWeek: typed })).toEqual({ ok: false, problems: { longWeek: { code: "dateFormat" } } });
    }
    expect(problemText({ code: "dateFormat" }, "zh-CN")).toBe("请按 2026-10-10 的格式填写一个存在的日期。");
    expect(problemText({ code: "dateFormat" }, "en-US")).toBe("Enter an existing date as 2026-10-10.");
    // The holiday box is still checked meanwhile; a template without the calendar block never asks for the date.
    expect(validateForm("monthly", { ...alternate, longWeek: "", holidays: "2026/10/02" })).toEqual({
      ok: false,
      problems: { holidays: { code: "dateLine", line: 1, text: "2026/10/02" }, longWeek: { code: "required" } },
    });
    expect(validateForm("customers", { ...alternate, longWeek: "" }).ok).toBe(true);
    const breakdown = validateBreakdown({ ...breakdownValues, workWeek: "alternate", longWeek: "2026/13/01" });
    expect(breakdown.fieldProblems).toEqual({ longWeek: { code: "dateFormat" } });
    expect(breakdown.request).toBeUndefined();
  });

  test("the period summary names the work week when it is not 双休", () => {
    const on = (values: Partial<typeof monthly>, locale: Locale = "zh-CN") => {
      const { period, use } = templateCalendar("monthly", { ...monthly, ...values });
      if ("code" in use) throw new Error("not a calendar");
      return describePeriodCalendar(period!, use, values.chinaCalendar ?? true, locale);
    };
    expect(on({ workWeek: "sixDay" })).toBe("本月：单休（周一至周六）；10-01—10-07 放假；10-10（周六）调休上班");
    expect(on({ workWeek: "sixDay" }, "en-US")).toBe("This month: 6-day week (Monday–Saturday); 10-01–10-07 off; 10-10 (Sat) working day (make-up)");
    expect(on({ workWeek: "alternate", longWeek: "2026-10-07" })).toBe("本月：大小周（10-10 所在周为大周）；10-01—10-07 放假；10-10（周六）调休上班");
    expect(on({ workWeek: "alternate", longWeek: "2026-10-07" }, "en-US")).toBe(
      "This month: alternating Saturdays (the week of 10-10 is a long week); 10-01–10-07 off; 10-10 (Sat) working day (make-up)",
    );
    // The month's first long week, whichever week was typed: 11-07 is a short week's Saturday when 10-17's week is long.
    expect(on({ month: "2026-11", workWeek: "alternate", longWeek: "2026-10-17" })).toBe("本月没有法定节假日或调休；大小周（11-14 所在周为大周）");
    expect(on({ month: "2026-11", workWeek: "sixDay", chinaCalendar: false })).toBe("本月没有节假日或调休，按单休（周一至周六）计算");
    expect(on({ month: "2026-11", workWeek: "sixDay", chinaCalendar: false }, "en-US")).toBe("This month has no holidays or make-up days: 6-day week (Monday–Saturday)");
    // 双休 goes without saying, as before.
    expect(on({})).toBe("本月：10-01—10-07 放假；10-10（周六）调休上班");
    // A week says whether it is a long one.
    const week = (text: string, locale: Locale = "zh-CN") => {
      const { period, use } = templateCalendar("weekly", { ...monthly, week: text, workWeek: "alternate", longWeek: "2026-10-10" });
      if ("code" in use) throw new Error("not a calendar");
      return describePeriodCalendar(period!, use, true, locale);
    };
    expect(week("2026-W41")).toBe("本周：大小周（本周为大周，周六上班）；10-05—10-07 放假；10-10（周六）调休上班");
    expect(week("2026-W42")).toBe("本周没有法定节假日或调休；大小周（本周为小周，周六休息）");
    expect(week("2026-W42", "en-US")).toBe("This week has no public holidays or make-up days; alternating Saturdays (a short week: Saturday off)");
    expect(week("2026-W43", "en-US")).toBe("This week has no public holidays or make-up days; alternating Saturdays (a long week: Saturday worked)");
  });

  test("a fresh form offers next week's Saturday as the long week, or the user's last date; only a date planned with is remembered", () => {
    // 2026-11-22 is a Sunday: next week is W48, 11-23…11-29.
    const today = new Date(2026, 10, 22);
    expect(initialValues("weekly", today, remembered, "zh-CN")).toMatchObject({ workWeek: "fiveDay", longWeek: "2026-11-28" });
    expect(initialValues("weekly", today, { ...remembered, workWeek: "alternate", longWeek: "2026-10-10" }, "en-US")).toMatchObject({ workWeek: "alternate", longWeek: "2026-10-10" });
    expect(initialLongWeek(today, { ...remembered, longWeek: "2026-10-10" })).toBe("2026-10-10");
    const values = { holidays: "+2026-10-07", chinaCalendar: false, longWeek: " 2026-11-28 " };
    expect(rememberedCalendar({ ...values, workWeek: "alternate" }, { ...remembered, longWeek: "2026-10-10" })).toEqual({
      holidays: "+2026-10-07",
      chinaCalendar: false,
      workWeek: "alternate",
      longWeek: "2026-11-28",
    });
    expect(rememberedCalendar({ ...values, workWeek: "sixDay" }, { ...remembered, longWeek: "2026-10-10" })).toMatchObject({ workWeek: "sixDay", longWeek: "2026-10-10" });
  });
});
