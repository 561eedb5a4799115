import { parseRatios, repsFromText, validateBreakdown, type BreakdownFormValues } from "../../src/taskpane/teamForms/breakdownForm";

const base: BreakdownFormValues = {
  periodKind: "month",
  month: "2026-12",
  year: "2026",
  target: "1000000",
  reps: "张三, 3\n李四，2\n王五\t1",
  holidays: "",
  productSplit: false,
  ratios: "2:3:1",
  plans: "none",
  week: "2026-W49",
  team: "华东一组",
  sheetLocale: "zh-CN",
};

test("reps are read from typed lines and from rows pasted out of Excel", () => {
  expect(repsFromText(base.reps)).toEqual([
    { rep: "张三", weight: "3" },
    { rep: "李四", weight: "2" },
    { rep: "王五", weight: "1" },
  ]);
  expect(repsFromText("销售代表\t权重\nZhang San\t1.5\n\n")).toEqual([{ rep: "Zhang San", weight: "1.5" }]);
  expect(parseRatios("2:3:1")).toEqual([2, 3, 1]);
  expect(parseRatios("2：3：1")).toEqual([2, 3, 1]);
  expect(parseRatios("2:3")).toBeUndefined();
});

test("a valid form becomes the request the team layer writes", () => {
  const result = validateBreakdown({ ...base, plans: "weekly", productSplit: true });
  expect(result.fieldProblems).toEqual({});
  expect(result.issues).toEqual({});
  expect(result.request).toMatchObject({
    input: { target: "1000000", period: { kind: "month", year: 2026, month: 12 }, productRatios: [2, 3, 1] },
    plans: { template: "weekly", year: 2026, week: 49 },
    team: "华东一组",
  });
  expect(validateBreakdown({ ...base, plans: "monthly", periodKind: "year" }).request?.plans).toBeUndefined();
});

test("blank, negative and all-zero weights, a bad target, ratio, month or week are each reported on their field", () => {
  const weights = validateBreakdown({ ...base, reps: "张三, \n李四, -1\n王五, x" });
  expect(weights.request).toBeUndefined();
  expect(weights.issues.reps?.map((i) => i.code)).toEqual(["weightBlank", "weightNegative", "weightNotNumber"]);
  expect(validateBreakdown({ ...base, reps: "张三, 0\n李四, 0" }).issues.reps?.map((i) => i.code)).toEqual(["weightsAllZero"]);
  expect(validateBreakdown({ ...base, reps: "" }).issues.reps?.map((i) => i.code)).toEqual(["noReps"]);
  expect(validateBreakdown({ ...base, target: "-5" }).issues.target?.map((i) => i.code)).toEqual(["targetInvalid"]);
  expect(validateBreakdown({ ...base, productSplit: true, ratios: "a:b" }).issues.ratios?.map((i) => i.code)).toEqual(["ratioInvalid"]);
  expect(validateBreakdown({ ...base, month: "2026/12" }).fieldProblems.period).toEqual({ code: "monthFormat" });
  expect(validateBreakdown({ ...base, plans: "weekly", week: "W49" }).fieldProblems.week).toEqual({ code: "weekFormat" });
  expect(validateBreakdown({ ...base, holidays: "2026-12-25\n+2026-12-25" }).fieldProblems.holidays?.code).toBe("calendar");
});
