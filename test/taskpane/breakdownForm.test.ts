import { validateBreakdown, type BreakdownField } from "../../src/taskpane/teamForms/breakdownForm";
import { repsFromText } from "../../src/taskpane/teamForms/boxes";
import { breakdownFormValues } from "../fixtures/breakdownForm";
import { breakdownMessages, parseRatios, type BreakdownErrorCode } from "../../src/team";

const base = breakdownFormValues({ reps: "张三, 3\n李四，2\n王五\t1", team: "华东一组" });

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

test("a first line whose weight is not a number is a rep with a bad weight, not a header dropped in silence", () => {
  // Before: "张三, 2o" was taken for a header, and the whole target went to 李四 with a success bar.
  const typo = validateBreakdown({ ...base, reps: "张三, 2o\n李四, 3" });
  expect(typo.request).toBeUndefined();
  expect(typo.issues.reps).toEqual([{ code: "weightNotNumber", params: { row: 1, rep: "张三", value: "2o" } }]);
  // A real header row (our own sheet's column titles, pasted) is still skipped.
  expect(repsFromText("Rep\tWeight\n张三\t2\n李四\t3").map((r) => r.rep)).toEqual(["张三", "李四"]);
});

test("full-width digits, points, commas and colons from a Chinese input method are read as numbers everywhere in the form", () => {
  const typed = validateBreakdown({
    ...base,
    target: "１，０００，０００",
    month: "２０２６－１２",
    reps: "张三, ２\n李四，３．５\n王五　１",
    holidays: "２０２６－１２－２５\n＋２０２６－１２－２６",
    productSplit: true,
    ratios: "２：３：１",
    plans: "weekly",
    week: "２０２６－Ｗ４９",
  });
  expect(typed.fieldProblems).toEqual({});
  expect(typed.issues).toEqual({});
  expect(typed.request?.input.reps).toEqual([
    { rep: "张三", weight: "２" },
    { rep: "李四", weight: "３．５" },
    { rep: "王五", weight: "１" },
  ]);
  expect(typed.request?.input.productRatios).toEqual([2, 3, 1]);
  expect(typed.request?.plans).toEqual({ template: "weekly", year: 2026, week: 49 });
  expect(validateBreakdown({ ...base, periodKind: "year", year: "２０２６" }).request?.input.period).toEqual({ kind: "year", year: 2026 });
});

describe("a year's split, month holds and unit", () => {
  const LAST_YEAR = "80000\t90000\t120000\t110000\t100000\t95000\t85000\t88000\t105000\t130000\t125000\t150000";
  const year = breakdownFormValues({ periodKind: "year", year: "2026", target: "1200000", reps: "张三, 3, 300000\n李四, 1, , 7\n王五, 2" });

  test("go into the request: last year's months, the months fixed by hand, holds and starts, the unit", () => {
    const result = validateBreakdown({ ...year, split: "lastYear", lastYear: LAST_YEAR, monthHolds: "3, 150000", unit: "100" });
    expect(result.request?.input).toMatchObject({
      period: { kind: "year", year: 2026 },
      reps: [{ rep: "张三", weight: "3", hold: "300000" }, { rep: "李四", weight: "1", start: "7" }, { rep: "王五", weight: "2" }],
      split: { kind: "lastYear", months: LAST_YEAR.split("\t") },
      monthHolds: [undefined, undefined, "150000", ...Array.from({ length: 9 }, () => undefined)],
      unit: 100,
    });
    // By working days, no split is sent (the team layer's default), nor a unit of 1.
    const plain = validateBreakdown(year).request?.input;
    expect(plain && ("split" in plain || "unit" in plain || "monthHolds" in plain)).toBe(false);
  });

  test("apply to a year only: a month's form ignores the split and the month holds it does not show", () => {
    const month = validateBreakdown({ ...year, periodKind: "month", split: "lastYear", lastYear: "1 2", monthHolds: "nonsense" });
    expect(month.fieldProblems).toEqual({});
    expect(month.request?.input.split).toBeUndefined();
    expect(month.request?.input.monthHolds).toBeUndefined();
  });

  test("a box of the wrong shape is named on its own field, and nothing is written", () => {
    const count = validateBreakdown({ ...year, split: "lastYear", lastYear: "80000 90000" });
    expect(count.fieldProblems.lastYear).toEqual({ code: "monthCount", count: 2 });
    expect(count.request).toBeUndefined();
    const holds = validateBreakdown({ ...year, monthHolds: "3, 1\n13, 5" });
    expect(holds.fieldProblems.monthHolds).toEqual({ code: "monthHoldLine", line: 2, text: "13, 5" });
    expect(holds.request).toBeUndefined();
  });
});

describe("every finding of the team layer reaches the field it is about", () => {
  const LAST_YEAR = "80000\t90000\t120000\t110000\t100000\t95000\t85000\t88000\t105000\t130000\t125000\t150000";
  const year = breakdownFormValues({ periodKind: "year", year: "2026", target: "1200000", reps: "张三, 3\n李四, 1" });
  const onlyMarch = "0\t0\t100\t0\t0\t0\t0\t0\t0\t0\t0\t0";
  const cases: [string, Partial<typeof year>, BreakdownField, BreakdownErrorCode][] = [
    ["a hold that is no amount", { reps: "张三, 1, 三十万\n李四, 1" }, "reps", "holdInvalid"],
    ["holds beyond the target", { target: "100000", reps: "张三, 1, 200000\n李四, 1" }, "reps", "holdsExceedTarget"],
    ["a rest nobody may take", { target: "100000", reps: "张三, 1, 50000\n李四, 0" }, "reps", "nothingToSpread"],
    ["a start month that is no month", { reps: "张三, 1\n李四, 1, , 13" }, "reps", "startInvalid"],
    ["a late starter whose months cannot hold the hold", { split: "lastYear", lastYear: LAST_YEAR, reps: "张三, 1\n李四, 1, 1000000, 12" }, "reps", "rampInfeasible"],
    ["a hold off the unit", { unit: "100", reps: "张三, 1, 30050\n李四, 1" }, "reps", "targetNotMultiple"],
    ["a month of last year that is no amount", { split: "lastYear", lastYear: LAST_YEAR.replace("90000", "九万") }, "lastYear", "lastYearInvalid"],
    ["last year all blank", { split: "lastYear", lastYear: Array.from({ length: 12 }, () => "0").join("\t") }, "lastYear", "lastYearBlank"],
    ["a month hold that is no amount", { monthHolds: "3, 很多" }, "monthHolds", "monthHoldInvalid"],
    ["month holds beyond the target", { monthHolds: "3, 2000000" }, "monthHolds", "monthHoldsExceedTarget"],
    ["a rest no month may take", { split: "lastYear", lastYear: onlyMarch, monthHolds: "3, 600000" }, "monthHolds", "monthsNothingToSpread"],
    ["a month hold off the unit", { unit: "100", monthHolds: "3, 150050" }, "monthHolds", "targetNotMultiple"],
    ["a target off the unit", { unit: "100", target: "1200050" }, "target", "targetNotMultiple"],
    ["a unit that is no whole amount (the list offers none, the mapping still holds)", { unit: "0" }, "unit", "unitInvalid"],
  ];
  test.each(cases)("%s", (_, change, field, code) => {
    const result = validateBreakdown({ ...year, ...change });
    expect(result.request).toBeUndefined();
    expect(result.issues[field]?.map((i) => i.code)).toContain(code);
    // Worded in both languages, and nowhere else on the form.
    for (const locale of ["zh-CN", "en-US"] as const) expect(breakdownMessages(result.issues[field]!, locale).every((m) => m.length > 0)).toBe(true);
    expect(Object.keys(result.issues).filter((f) => f !== field)).toEqual([]);
  });

  test("the year's boxes are read only for a year: a month's form names no problem in them", () => {
    const month = validateBreakdown({ ...year, periodKind: "month", month: "2026-12", split: "lastYear", lastYear: "x", monthHolds: "3, 很多" });
    expect(month.issues).toEqual({});
    expect(month.request).toBeDefined();
  });
});
