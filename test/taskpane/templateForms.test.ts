import { serialFromYmd } from "../../src/domain/calendar";
import { TEMPLATE_FIELDS } from "../../src/taskpane/templateForms/formModel";
import { TEMPLATE_IDS, TEMPLATES } from "../../src/templates/registry";
import { initialValues } from "../../src/taskpane/templateForms/initialValues";
import { problemText } from "../../src/taskpane/templateForms/problemText";
import { validateForm } from "../../src/taskpane/templateForms/validate";

const remembered = { rep: "张三", team: "华东一组", holidays: "", chinaCalendar: true, workWeek: "fiveDay" as const, longWeek: "" };
// 2026-11-22 is a Sunday of ISO week 47: "next week" is W48, "next month" December.
const today = new Date(2026, 10, 22);

describe("initial values", () => {
  test("default to next week, next month, this year and the remembered name, team and holidays", () => {
    const v = initialValues("weekly", today, remembered, "zh-CN");
    expect([v.week, v.month, v.statsYear, v.rep, v.team, v.blankRows]).toEqual(["2026-W48", "2026-12", "2026", "张三", "华东一组", "5"]);
    expect(initialValues("weekly", new Date(2026, 11, 31), remembered, "en-US")).toMatchObject({ week: "2027-W01", month: "2027-01" });
  });

  test("are valid as they stand for every template once a name is known, but the annual plan, which needs last year's figures", () => {
    for (const template of TEMPLATE_IDS.filter((t) => t !== "annual")) {
      expect(validateForm(template, initialValues(template, today, remembered, "zh-CN")).ok).toBe(true);
    }
    expect(validateForm("annual", initialValues("annual", today, remembered, "zh-CN"))).toMatchObject({ ok: false, problems: { lastYear: { code: "breakdown" } } });
  });
});

describe("validateForm", () => {
  const base = initialValues("weekly", today, remembered, "zh-CN");

  test("turns a weekly form into the builder's request, holidays and 调休 included", () => {
    const result = validateForm("weekly", { ...base, approver: " 王经理 ", holidays: "2026-10-01\n+2026-10-10" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.request.template).toBe("weekly");
    const options = result.request.options as { rep: string; team: string; approver: string; year: number; week: number; calendar: { isWorkingDay(s: number): boolean } };
    expect([options.rep, options.team, options.approver, options.year, options.week]).toEqual(["张三", "华东一组", "王经理", 2026, 48]);
    expect(options.calendar.isWorkingDay(serialFromYmd(2026, 10, 1))).toBe(false);
    expect(options.calendar.isWorkingDay(serialFromYmd(2026, 10, 10))).toBe(true);
  });

  test("full-width digits typed with a Chinese input method are read: week, month, year, blank rows, holidays", () => {
    const weekly = validateForm("weekly", { ...base, week: "２０２６－Ｗ４９", blankRows: "１０", holidays: "２０２６－１０－０１\n＋２０２６－１０－１０\n＃ 国庆" });
    expect(weekly.ok).toBe(true);
    if (!weekly.ok) return;
    const options = weekly.request.options as { year: number; week: number; blankRows: number; calendar: { isWorkingDay(s: number): boolean } };
    expect([options.year, options.week, options.blankRows]).toEqual([2026, 49, 10]);
    expect(options.calendar.isWorkingDay(serialFromYmd(2026, 10, 1))).toBe(false);
    expect(options.calendar.isWorkingDay(serialFromYmd(2026, 10, 10))).toBe(true);
    expect(validateForm("monthly", { ...base, month: "２０２６－１１" }).ok).toBe(true);
    expect(validateForm("customers", { ...base, statsYear: "２０２６" }).ok).toBe(true);
  });

  test("names each bad field with its reason", () => {
    const result = validateForm("weekly", { ...base, rep: " ", week: "2026-W54", blankRows: "-1", holidays: "2026-10-01\n2026/10/02" });
    expect(result).toEqual({
      ok: false,
      problems: {
        rep: { code: "required" },
        week: { code: "weekFormat" },
        blankRows: { code: "wholeNumber", min: 0, max: TEMPLATES.weekly.blankRows.max },
        holidays: { code: "dateLine", line: 2, text: "2026/10/02" },
      },
    });
    expect(validateForm("weekly", { ...base, holidays: "2026-10-10\n+2026-10-10" })).toMatchObject({ ok: false, problems: { holidays: { code: "calendar" } } });
    expect(validateForm("weekly", { ...base, rep: "一".repeat(21) })).toMatchObject({ ok: false, problems: { rep: { code: "tooLong", max: 20 } } });
    expect(validateForm("monthly", { ...base, month: "2026-13" })).toMatchObject({ ok: false, problems: { month: { code: "monthFormat" } } });
  });

  test("words a holiday list that is no calendar in the user's language, saying what is wrong", () => {
    const holidayProblem = (holidays: string, locale: "zh-CN" | "en-US") => {
      const result = validateForm("weekly", { ...base, holidays });
      const problem = result.ok ? undefined : result.problems.holidays;
      expect(problem).toBeDefined();
      return problemText(problem!, locale);
    };
    expect(holidayProblem("2026-10-10\n+2026-10-10", "zh-CN")).toBe("2026-10-10 同时填在了节假日和调休上班日中，只能填在其中一处");
    expect(holidayProblem("2026-10-10\n+2026-10-10", "en-US")).toMatch(/^2026-10-10 is both a holiday and a make-up working day/);
    // Before Excel's first usable serial: a bad line, where it used to throw out of the form's render.
    expect(validateForm("weekly", { ...base, holidays: "2026-10-01\n1900-02-28" })).toMatchObject({
      ok: false,
      problems: { holidays: { code: "dateLine", line: 2, text: "1900-02-28" } },
    });
  });

  test("ignores what a template does not show", () => {
    const result = validateForm("customers", { ...base, rep: "", week: "nonsense", blankRows: "300" });
    expect(result).toEqual({ ok: true, request: { template: "customers", options: { blankRows: 300 } } });
    expect(TEMPLATE_FIELDS.customers).not.toContain("rep");
  });
});
