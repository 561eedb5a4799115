import { twelveMonths } from "../../src/taskpane/teamForms/boxes";
import { validateBreakdown } from "../../src/taskpane/teamForms/breakdownForm";
import { initialValues } from "../../src/taskpane/templateForms/initialValues";
import { problemText } from "../../src/taskpane/templateForms/problemText";
import { validateForm } from "../../src/taskpane/templateForms/validate";
import { breakdownMessages } from "../../src/team";
import { TEMPLATES } from "../../src/templates/registry";
import { breakdownFormValues } from "../fixtures/breakdownForm";

/**
 * Issue 18, item 1, in the task pane: every field that takes a number or a date reads it strictly, as the
 * command line does (one reader, `domain/typedText`). Cases marked "held before" passed on the code before
 * the fix and stay as the issue's own cases; the others failed before it.
 */

const remembered = { rep: "张三", team: "华东一组", holidays: "", chinaCalendar: true, workWeek: "fiveDay" as const, longWeek: "" };
const today = new Date(2026, 10, 22);
const LAST_YEAR = [80000, 90000, 120000, 110000, 100000, 95000, 85000, 88000, 105000, 130000, 125000, 150000];

describe("the template forms' whole numbers (held before)", () => {
  test.each(["1e2", "0x10", "0x7EA", "1.5", "2,026"])("blank rows %j are refused with the range to type", (blankRows) => {
    const result = validateForm("customers", { ...initialValues("customers", today, remembered, "zh-CN"), blankRows });
    const max = TEMPLATES.customers.blankRows.max;
    expect(result).toEqual({ ok: false, problems: { blankRows: { code: "wholeNumber", min: 0, max } } });
    expect(problemText({ code: "wholeNumber", min: 0, max }, "zh-CN")).toBe(`请输入 0 到 ${max} 之间的整数。`);
    expect(problemText({ code: "wholeNumber", min: 0, max }, "en-US")).toBe(`Enter a whole number from 0 to ${max}.`);
  });

  test.each(["1e2", "0x10", "0x7EA", "2e3"])("the statistics year %j is refused", (statsYear) => {
    const result = validateForm("contracts", { ...initialValues("contracts", today, remembered, "zh-CN"), statsYear });
    expect(result).toEqual({ ok: false, problems: { statsYear: { code: "wholeNumber", min: 1901, max: 9999 } } });
  });

  test.each(["2026-02-30", "0x7EA-10-01", "2.026e3-10-01", "+2026-13-01"])("the holiday line %j is refused", (line) => {
    const result = validateForm("weekly", { ...initialValues("weekly", today, remembered, "zh-CN"), holidays: `2026-10-01\n${line}` });
    expect(result).toEqual({ ok: false, problems: { holidays: { code: "dateLine", line: 2, text: line } } });
  });
});

describe("the breakdown form", () => {
  const base = breakdownFormValues({ reps: "张三, 3\n李四, 2" });

  test("a weight of 1e308 is not a number: it no longer reaches the sheet, whose sums would be #NUM!", () => {
    const result = validateBreakdown({ ...base, reps: "张三, 1e308\n李四, 2" });
    expect(result.request).toBeUndefined();
    expect(result.issues.reps).toEqual([{ code: "weightNotNumber", params: { row: 1, rep: "张三", value: "1e308" } }]);
  });

  test("a weight above 10^12 is refused, and the message gives the bound and what to type, in both languages", () => {
    const result = validateBreakdown({ ...base, reps: "张三\t2,000,000,000,000\n李四\t2" });
    expect(result.request).toBeUndefined();
    const issues = result.issues.reps ?? [];
    expect(issues.map((i) => i.code)).toEqual(["weightTooLarge"]);
    expect(breakdownMessages(issues, "zh-CN")[0]).toBe(
      "“张三”（第 1 行）的权重“2,000,000,000,000”超过 1,000,000,000,000：权重只看彼此的比例，请填写更小的数字（如 3、2、1，或以万元计的上年销售额）。",
    );
    expect(breakdownMessages(issues, "en-US")[0]).toMatch(/^The weight “2,000,000,000,000” of “张三” \(row 1\) is above 1,000,000,000,000: .*enter smaller numbers/);
    expect(validateBreakdown({ ...base, reps: "张三\t1,000,000,000,000\n李四\t2" }).request).toBeDefined();
  });

  test("a thousands comma in a comma-separated reps line is refused, not read as a weight and a fixed target", () => {
    // Before: 张三's weight was 1 and his target fixed at 500 yuan, and the form was valid.
    for (const reps of ["张三, 1,500\n李四, 2", "张三 1,500\n李四 2", "张三，3，300，000\n李四，2"]) {
      const line = reps.split("\n")[0];
      const result = validateBreakdown({ ...base, reps });
      expect(result.request).toBeUndefined();
      expect(result.fieldProblems.reps).toEqual({ code: "repsThousands", line: 1, text: line });
      expect(result.issues.reps).toBeUndefined();
    }
    expect(problemText({ code: "repsThousands", line: 1, text: "张三, 1,500" }, "zh-CN")).toBe(
      "第 1 行“张三, 1,500”中数字间的逗号分不清是分列还是千位分隔：金额请不写千位逗号（如 张三, 3, 300000），或从 Excel 粘贴（以 Tab 分列）。",
    );
    expect(problemText({ code: "repsThousands", line: 1, text: "张三, 1,500" }, "en-US")).toMatch(/^Line 1 \("张三, 1,500"\): a comma between digits could split the columns or group thousands: write amounts without/);
    // Cells split by tabs, as Excel pastes them, keep their thousands; commas between short numbers stay columns.
    expect(validateBreakdown({ ...base, reps: "张三\t1,500\n李四\t2" }).request?.input.reps).toEqual([
      { rep: "张三", weight: "1,500" },
      { rep: "李四", weight: "2" },
    ]);
    expect(validateBreakdown({ ...base, periodKind: "year", reps: "张三, 3, , 7\n李四, 2, 300000" }).fieldProblems).toEqual({});
  });

  test("last year's months with thousands commas where commas separate the months are refused, not read as twice as many", () => {
    const year = { ...base, periodKind: "year" as const, split: "lastYear" as const };
    // Before: six months read as twelve (80, 0, 90, 0, …) and the form was valid.
    for (const lastYear of ["80,000,90,000,70,000,60,000,50,000,40,000", "80，000，90，000，70，000，60，000，50，000，40，000"]) {
      const result = validateBreakdown({ ...year, lastYear });
      expect([lastYear, result.fieldProblems.lastYear]).toEqual([lastYear, { code: "monthsThousands" }]);
      expect(result.request).toBeUndefined();
    }
    expect(problemText({ code: "monthsThousands" }, "zh-CN")).toMatch(/^数字间的逗号分不清是分隔月份还是千位分隔：请不写千位逗号/);
    expect(problemText({ code: "monthsThousands" }, "en-US")).toMatch(/^A comma between digits could separate the months or group thousands: /);
    // Controls: grouped months separated by spaces or tabs, and plain months separated by commas, are read.
    const grouped = LAST_YEAR.map((v) => v.toLocaleString("en-US"));
    for (const lastYear of [grouped.join(" "), grouped.join("\t"), LAST_YEAR.join(",")]) {
      expect([lastYear, validateBreakdown({ ...year, lastYear }).fieldProblems]).toEqual([lastYear, {}]);
    }
  });

  test("product ratios: 2:3:, 2::1 and 0x2:3:1 (held before), 1e2:3:1 and a ratio above 10^12 are refused", () => {
    for (const ratios of ["2:3:", "2::1", "0x2:3:1", "1e2:3:1", `1${"0".repeat(307)}:3:1`, "2000000000000:3:1"]) {
      const result = validateBreakdown({ ...base, productSplit: true, ratios });
      expect([ratios, result.request]).toEqual([ratios, undefined]);
      expect(result.issues.ratios?.map((i) => i.code)).toEqual(["ratioInvalid"]);
    }
  });

  test("a target of 1e5 or 1,0000 and a fixed target of 1e5 are refused, not read as 100000 or 10000", () => {
    expect(validateBreakdown({ ...base, target: "1e5" }).issues.target?.map((i) => i.code)).toEqual(["targetInvalid"]);
    expect(validateBreakdown({ ...base, target: "1,0000" }).issues.target?.map((i) => i.code)).toEqual(["targetInvalid"]);
    expect(validateBreakdown({ ...base, reps: "张三, 3, 1e5\n李四, 2" }).issues.reps?.map((i) => i.code)).toEqual(["holdInvalid"]);
  });

  test("a year's last-year month of 1e5 or above 10^12, and a month fixed by hand as 1e5, are refused", () => {
    const year = { ...base, periodKind: "year" as const, split: "lastYear" as const };
    const months = (first: string) => [first, ...LAST_YEAR.slice(1)].join("\t");
    for (const first of ["1e5", "2000000000000"]) {
      const issues = validateBreakdown({ ...year, lastYear: months(first) }).issues.lastYear ?? [];
      expect(issues).toEqual([{ code: "lastYearInvalid", params: { month: 1, value: first } }]);
      expect(breakdownMessages(issues, "zh-CN")[0]).toBe(`上年 1 月销售额“${first}”无效：请填写 0 到 1,000,000,000,000 之间的数字，或留空（按 0 计）。`);
    }
    expect(validateBreakdown({ ...year, lastYear: months("80000"), monthHolds: "3, 1e5" }).issues.monthHolds?.map((i) => i.code)).toEqual(["monthHoldInvalid"]);
  });
});

describe("the 年度销售计划 form", () => {
  const base = { ...initialValues("annual", today, remembered, "zh-CN"), lastYear: LAST_YEAR.join("\t") };

  test("a growth of 1e1% or 2e-1 and an expense cap of 2e0% are refused", () => {
    for (const growth of ["1e1%", "2e-1"]) {
      const result = validateForm("annual", { ...base, growth });
      expect([growth, result.ok ? {} : Object.keys(result.problems)]).toEqual([growth, ["growth"]]);
    }
    const cap = validateForm("annual", { ...base, expenseCap: "2e0%" });
    expect(cap.ok ? {} : cap.problems).toEqual({ expenseCap: { code: "percent" } });
  });

  test("the reps box refuses a thousands comma between comma-separated columns, as the breakdown form does", () => {
    const result = validateForm("annual", { ...base, reps: "张三, 3, 300,000\n李四, 2" });
    expect(result.ok ? {} : result.problems).toEqual({ reps: { code: "repsThousands", line: 1, text: "张三, 3, 300,000" } });
  });

  test("an annual target of 1e6 and a statistics year of 0x7EA are refused", () => {
    const target = validateForm("annual", { ...base, annualTarget: "1e6" });
    expect(target.ok ? {} : Object.keys(target.problems)).toEqual(["annualTarget"]);
    const year = validateForm("annual", { ...base, year: "0x7EA" });
    expect(year.ok ? {} : year.problems).toEqual({ year: { code: "wholeNumber", min: 1901, max: 9999 } });
  });
});

describe("commas a thousands group cannot explain (review of issue 18)", () => {
  const base = breakdownFormValues({ reps: "张三, 3\n李四, 2" });
  const year = { ...base, periodKind: "year" as const, split: "lastYear" as const };
  const inWan = "80,60,120,110,100,95,85,88,105,130,125,150";

  test("twelve plain months separated by commas are read, three-digit ones too (before: refused as thousands)", () => {
    expect(twelveMonths(inWan)).toEqual(inWan.split(","));
    expect(twelveMonths("80000,500,90000,1,1,1,1,1,1,1,1,1")).toHaveLength(12);
    // The same typed with a Chinese input method's full-width commas.
    expect(twelveMonths(inWan.replace(/,/g, "，"))).toEqual(inWan.split(","));
    const result = validateBreakdown({ ...year, lastYear: inWan });
    expect(result.fieldProblems).toEqual({});
    expect(result.request).toBeDefined();
    const annual = validateForm("annual", { ...initialValues("annual", today, remembered, "zh-CN"), lastYear: inWan });
    expect(annual.ok ? {} : annual.problems).toEqual({});
    // Not twelve when split at every comma, and a comma could group thousands: still ambiguous.
    expect(twelveMonths("80,000,90,000,70,000,60,000,50,000,40,000")).toEqual({ code: "monthsThousands" });
    expect(twelveMonths("80,1,500,90,95,85,88,105,130,125,150,160,170")).toEqual({ code: "monthsThousands" });
    expect(twelveMonths("80,60,120")).toEqual({ code: "monthsThousands" });
    expect(twelveMonths("80,60,95")).toEqual({ code: "monthCount", count: 3 });
  });

  test("a reps line whose digits cannot be a thousands group is read by its columns (before: refused)", () => {
    expect(validateBreakdown({ ...base, reps: "张三,1.5,500\n李四,2" }).fieldProblems).toEqual({});
    expect(validateBreakdown({ ...base, periodKind: "year", reps: "张三,1000,500000\n李四,2" }).request?.input.reps).toEqual([
      { rep: "张三", weight: "1000", hold: "500000" },
      { rep: "李四", weight: "2" },
    ]);
    // Held: 1,500 could still be one number or two columns.
    expect(validateBreakdown({ ...base, reps: "张三,2,500\n李四,2" }).fieldProblems.reps).toEqual({ code: "repsThousands", line: 1, text: "张三,2,500" });
  });

  test("product ratios written with commas that could group thousands are refused with a hint to use :, not read as 1:0:2", () => {
    for (const ratios of ["1,000,2", "２，３００，１"]) {
      const result = validateBreakdown({ ...base, productSplit: true, ratios });
      expect([ratios, result.request, result.issues.ratios]).toEqual([ratios, undefined, [{ code: "ratioCommas", params: { value: ratios } }]]);
      const annual = validateForm("annual", { ...initialValues("annual", today, remembered, "zh-CN"), lastYear: inWan, ratios });
      expect(annual.ok ? {} : annual.problems).toEqual({ ratios: { code: "breakdown", issues: [{ code: "ratioCommas", params: { value: ratios } }] } });
    }
    const issues = [{ code: "ratioCommas", params: { value: "1,000,2" } }] as const;
    expect(breakdownMessages(issues, "zh-CN")[0]).toBe("产品比例“1,000,2”中数字间的逗号分不清是分隔三个数还是千位分隔：请用冒号分隔，数字不写千位逗号（如 2:3:1）。");
    expect(breakdownMessages(issues, "en-US")[0]).toBe(
      "In the product ratio “1,000,2”, a comma between digits could separate the three numbers or group thousands: separate them with colons and write numbers without thousands commas (e.g. 2:3:1).",
    );
    expect(validateBreakdown({ ...base, productSplit: true, ratios: "2,3,1" }).issues.ratios).toBeUndefined();
  });
});
