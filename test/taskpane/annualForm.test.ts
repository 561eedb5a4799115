import { computeAnnualPlan } from "../../src/team";
import { annualForm, computedAnnualTarget } from "../../src/taskpane/templateForms/annualForm";
import { initialValues } from "../../src/taskpane/templateForms/initialValues";
import { problemText } from "../../src/taskpane/templateForms/problemText";
import { validateForm } from "../../src/taskpane/templateForms/validate";

const remembered = { rep: "张三", team: "华东一组", holidays: "", chinaCalendar: true, workWeek: "fiveDay" as const, longWeek: "" };
// 2026-11-22: the plan is for this year, as `sales-planner write annual` without --year.
const today = new Date(2026, 10, 22);
const LAST_YEAR = [80000, 90000, 120000, 110000, 100000, 95000, 85000, 88000, 105000, 130000, 125000, 150000];
const base = { ...initialValues("annual", today, remembered, "zh-CN"), lastYear: LAST_YEAR.join("\t") };

describe("the 年度销售计划 form", () => {
  test("starts with 20 % growth, 2:3:1, a 2 % expense cap, last year's shape, whole yuan, this year", () => {
    const fresh = initialValues("annual", today, remembered, "zh-CN");
    expect([fresh.year, fresh.growth, fresh.ratios, fresh.expenseCap, fresh.split, fresh.unit, fresh.annualTarget]).toEqual(["2026", "20%", "2:3:1", "2%", "lastYear", "1", ""]);
    // Last year's months cannot be guessed: the untouched form asks for them (or a split by working days), and for nothing else.
    const untouched = validateForm("annual", fresh);
    expect(untouched.ok ? {} : untouched.problems).toEqual({ lastYear: { code: "breakdown", issues: [{ code: "lastYearBlank", params: {} }] } });
    expect(validateForm("annual", { ...fresh, split: "workdays", annualTarget: "1200000" }).ok).toBe(true);
  });

  test("a valid form is the template's request, and the plan it previews is the team layer's for the same input", () => {
    const result = validateForm("annual", { ...base, reps: "张三\t3\t300000\n李四\t1\t\t7\n王五\t2", monthHolds: "3, 150000", expenseCap: "3%", unit: "100" });
    expect(result.ok ? {} : result.problems).toEqual({});
    if (!result.ok) return;
    expect(result.request).toMatchObject({
      template: "annual",
      options: {
        year: 2026,
        lastYear: LAST_YEAR.map(String),
        growth: "20%",
        split: "lastYear",
        reps: [{ rep: "张三", weight: "3", hold: "300000" }, { rep: "李四", weight: "1", start: "7" }, { rep: "王五", weight: "2" }],
        productRatios: [2, 3, 1],
        expenseCap: 0.03,
        unit: 100,
      },
    });
    const options = result.request.options as Parameters<typeof computeAnnualPlan>[0];
    expect(result.plan).toEqual(computeAnnualPlan(options));
    expect(result.plan?.target).toBe(1_533_600);
    expect(result.plan?.months[2]).toBe(150000);
    // A late starter whose months cannot hold the rest is named on the reps box.
    const ramp = validateForm("annual", { ...base, reps: "张三\t3\t300000\n李四\t1\t\t7" });
    expect(ramp.ok ? {} : ramp.problems).toEqual({ reps: { code: "breakdown", issues: [expect.objectContaining({ code: "rampInfeasible" })] } });
  });

  test("the target box's placeholder is last year grown by the rate, rounded to the unit, as the plan computes it", () => {
    expect(computedAnnualTarget(base)).toBe(1_533_600);
    expect(computedAnnualTarget({ ...base, growth: "30%", unit: "10000" })).toBe(1_660_000);
    expect(computedAnnualTarget({ ...base, lastYear: "1 2 3" })).toBeUndefined();
    expect(computedAnnualTarget({ ...base, growth: "很多" })).toBeUndefined();
    for (const values of [base, { ...base, growth: "0.3", unit: "1000" }]) {
      const result = validateForm("annual", values);
      expect(result.ok && result.plan?.target).toBe(computedAnnualTarget(values));
    }
  });

  test("the form's own problems are named on their fields, in both languages", () => {
    const result = annualForm({ ...base, year: "26", expenseCap: "-1%", ratios: "2:3" }, undefined);
    expect(result.valid).toBeUndefined();
    expect(result.problems).toEqual({
      year: { code: "wholeNumber", min: 1901, max: 9999 },
      expenseCap: { code: "percent" },
      ratios: { code: "breakdown", issues: [{ code: "ratioInvalid", params: { value: "2:3" } }] },
    });
    expect(problemText(result.problems.expenseCap!, "zh-CN")).toBe("请填写 0% 到 100% 之间的百分比，如 2%。");
    expect(problemText(result.problems.expenseCap!, "en-US")).toBe("Enter a percentage from 0% to 100%, such as 2%.");
    expect(problemText(result.problems.ratios!, "en-US")).toMatch(/^The product ratio “2:3” is not valid/);
    const boxes = annualForm({ ...base, lastYear: "1 2", monthHolds: "十三月 5" }, undefined).problems;
    expect(problemText(boxes.lastYear!, "zh-CN")).toBe("请填写 12 个月的数字（现在是 2 个）。");
    expect(problemText(boxes.monthHolds!, "en-US")).toBe('Line 1 ("十三月 5") cannot be read: write month, amount (e.g. 3, 150000), the month 1–12.');
  });
});
