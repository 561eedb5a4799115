import fc from "fast-check";
import { isoWeekMonday, makeWorkCalendar, serialFromYmd } from "../../src/domain/calendar";
import { BreakdownError, breakdownMessages, computeBreakdown, DEFAULT_PRODUCT_RATIOS, repsFromRange, validateWeights, type BreakdownInput } from "../../src/team";
import { buildBreakdownSpecs, planRequestsFromBreakdown } from "../../src/templates/team";
import { NO_NAMES } from "../../src/spec/naming";

/** 目标分解: validation, exact splits (property tests), plan requests and the sheet. */

const NOV_2026 = { kind: "month", year: 2026, month: 11 } as const;

function issuesOf(input: BreakdownInput): string[] {
  try {
    computeBreakdown(input);
  } catch (error) {
    if (error instanceof BreakdownError) return error.issues.map((i) => i.code);
    throw error;
  }
  throw new Error("expected a BreakdownError");
}

describe("validateWeights", () => {
  test("blank, negative, non-numeric weights, blank and repeated reps are each reported with their row", () => {
    const result = validateWeights([
      { rep: "张三", weight: 3 },
      { rep: "李四", weight: "" },
      { rep: "王五", weight: -1 },
      { rep: "赵六", weight: "很多" },
      { rep: " ", weight: 1 },
      { rep: "张三", weight: "1,5" },
    ]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => [i.code, i.params.row])).toEqual([
      ["weightBlank", 2],
      ["weightNegative", 3],
      ["weightNotNumber", 4],
      ["repBlank", 5],
      ["repDuplicate", 6],
    ]);
    expect(breakdownMessages(result.issues, "zh-CN")[0]).toBe("请填写“李四”（第 2 行）的权重。");
    expect(breakdownMessages(result.issues, "en-US")[1]).toBe("The weight of “王五” (row 3) cannot be negative (-1).");
  });

  test("all-zero weights and an empty list have their own message", () => {
    const zero = validateWeights([
      { rep: "张三", weight: 0 },
      { rep: "李四", weight: "0" },
    ]);
    expect(zero).toEqual({ ok: false, issues: [{ code: "weightsAllZero", params: {} }] });
    expect(validateWeights([])).toEqual({ ok: false, issues: [{ code: "noReps", params: {} }] });
  });

  test("typed and pasted weights are read as numbers: 1,200 · 30% · 0.5", () => {
    expect(validateWeights([{ rep: "a", weight: "1,200" }, { rep: "b", weight: "30%" }, { rep: "c", weight: 0.5 }])).toEqual({
      ok: true,
      reps: [
        { rep: "a", weight: 1200 },
        { rep: "b", weight: 30 },
        { rep: "c", weight: 0.5 },
      ],
    });
  });

  test("repsFromRange takes rep and weight columns, skipping a header row and blank rows", () => {
    expect(repsFromRange([["销售代表", "权重"], ["张三", 2], ["", ""], ["李四", "3"]])).toEqual([
      { rep: "张三", weight: 2 },
      { rep: "李四", weight: "3" },
    ]);
    expect(repsFromRange([["张三", 2], ["李四", null]])).toEqual([
      { rep: "张三", weight: 2 },
      { rep: "李四", weight: null },
    ]);
  });

  test("a first row is a header only when its weight cell is a header word; a mistyped first weight is a rep", () => {
    expect(repsFromRange([["张三", "2o"], ["李四", 3]])).toEqual([
      { rep: "张三", weight: "2o" },
      { rep: "李四", weight: 3 },
    ]);
    expect(validateWeights(repsFromRange([["张三", "2o"], ["李四", 3]]))).toEqual({
      ok: false,
      issues: [{ code: "weightNotNumber", params: { row: 1, rep: "张三", value: "2o" } }],
    });
    for (const word of ["权重", " Weight ", "WEIGHTS", "占比", "Ｗｅｉｇｈｔ"]) expect(repsFromRange([["x", word], ["张三", 1]])).toEqual([{ rep: "张三", weight: 1 }]);
  });

  test("full-width weights (Chinese input methods) are numbers: ２ · １，２００ · ３．５ · ３０％", () => {
    expect(validateWeights(repsFromRange([["张三", "２"], ["李四", "１，２００"], ["王五", "３．５"], ["赵六", "３０％"]]))).toEqual({
      ok: true,
      reps: [
        { rep: "张三", weight: 2 },
        { rep: "李四", weight: 1200 },
        { rep: "王五", weight: 3.5 },
        { rep: "赵六", weight: 30 },
      ],
    });
  });
});

describe("computeBreakdown", () => {
  test("worked example: ¥100 000 over 1:1:1 in November 2026", () => {
    const b = computeBreakdown({ target: 100_000, period: NOV_2026, reps: [{ rep: "张三", weight: 1 }, { rep: "李四", weight: 1 }, { rep: "王五", weight: 1 }] });
    expect(b.reps.map((r) => r.target)).toEqual([33_334, 33_333, 33_333]);
    const zhang = b.weeks.filter((w) => w.rep === "张三");
    // 33 334 over 5+5+5+5+1 = 21 working days: floors 7936×4 + 1587, the 3 leftover units to the largest remainders.
    expect(zhang.map((w) => [w.workingDays, w.amount])).toEqual([
      [5, 7937],
      [5, 7937],
      [5, 7937],
      [5, 7936],
      [1, 1587],
    ]);
  });

  test("holidays and 调休 make-up days move the weekly split (October 2026: National Day, Saturday 10-10 worked)", () => {
    const holidays = [1, 2, 5, 6, 7].map((d) => serialFromYmd(2026, 10, d));
    const calendar = makeWorkCalendar(holidays, [serialFromYmd(2026, 10, 10)]);
    const b = computeBreakdown({ target: 18_000, period: { kind: "month", year: 2026, month: 10 }, reps: [{ rep: "张三", weight: 1 }], calendar });
    // 10-01 (Thu) to 10-04 has no working day and no row; 10-05..11 has 3 (08, 09 and the make-up Saturday).
    expect(b.weeks.map((w) => w.workingDays)).toEqual([3, 5, 5, 5]);
    expect(b.weeks.map((w) => w.amount)).toEqual([3000, 5000, 5000, 5000]);
  });

  test("the product split defaults to the seeds' 2:3:1 and sums to the team target", () => {
    const b = computeBreakdown({ target: 100_001, period: NOV_2026, reps: [{ rep: "张三", weight: 1 }], productRatios: DEFAULT_PRODUCT_RATIOS });
    expect(b.products).toMatchObject({ ratios: [2, 3, 1], targets: [33_334, 50_000, 16_667] });
  });

  test("every input problem is reported at once", () => {
    expect(issuesOf({ target: "十万", period: NOV_2026, reps: [{ rep: "张三", weight: 0 }], productRatios: [0, 0, 0] })).toEqual([
      "targetInvalid",
      "weightsAllZero",
      "ratioInvalid",
    ]);
    expect(issuesOf({ target: 100.5, period: NOV_2026, reps: [{ rep: "张三", weight: 1 }] })).toEqual(["targetInvalid"]);
    expect(issuesOf({ target: -1, period: NOV_2026, reps: [{ rep: "张三", weight: 1 }] })).toEqual(["targetInvalid"]);
  });

  const weights = fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 20 }).filter((w) => w.some((x) => x > 0));

  test("property: rep targets sum exactly to the team target, each within one unit of its quota; weeks sum to each rep's target", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), weights, fc.integer({ min: 1, max: 12 }), (target, ws, month) => {
        const b = computeBreakdown({ target, period: { kind: "month", year: 2026, month }, reps: ws.map((weight, i) => ({ rep: `r${i}`, weight })) });
        const sum = ws.reduce((a, c) => a + c, 0);
        expect(b.reps.reduce((a, r) => a + r.target, 0)).toBe(target);
        b.reps.forEach((r, i) => {
          expect(Number.isInteger(r.target)).toBe(true);
          expect(Math.abs(r.target - (target * ws[i]) / sum)).toBeLessThan(1);
          expect(b.weeks.filter((w) => w.rep === r.rep).reduce((a, w) => a + w.amount, 0)).toBe(r.target);
        });
      }),
      { numRuns: 200 },
    );
  });

  test("property: a yearly target splits to months and weeks that sum to each rep's target", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000 }), weights, (target, ws) => {
        const b = computeBreakdown({ target, period: { kind: "year", year: 2027 }, reps: ws.map((weight, i) => ({ rep: `r${i}`, weight })) });
        expect(b.reps.reduce((a, r) => a + r.target, 0)).toBe(target);
        for (const r of b.reps) expect(b.weeks.filter((w) => w.rep === r.rep).reduce((a, w) => a + w.amount, 0)).toBe(r.target);
        expect(new Set(b.weeks.map((w) => w.month)).size).toBe(12);
      }),
      { numRuns: 30 },
    );
  });
});

describe("plans from a breakdown", () => {
  const input: BreakdownInput = {
    target: 90_000,
    period: NOV_2026,
    reps: [{ rep: "张三", weight: 2 }, { rep: "李四", weight: 1 }],
    productRatios: DEFAULT_PRODUCT_RATIOS,
  };

  test("monthly plans carry each rep's target and the product ratio", () => {
    const requests = planRequestsFromBreakdown(computeBreakdown(input), { template: "monthly" });
    expect(requests.map((r) => [r.template, r.options])).toEqual([
      ["monthly", expect.objectContaining({ rep: "张三", year: 2026, month: 11, targets: { SALES: { target: 60_000 } }, productRatios: [2, 3, 1] })],
      ["monthly", expect.objectContaining({ rep: "李四", targets: { SALES: { target: 30_000 } } })],
    ]);
  });

  test("weekly plans carry the rep's part of that ISO week", () => {
    const b = computeBreakdown(input);
    const requests = planRequestsFromBreakdown(b, { template: "weekly", year: 2026, week: 48 });
    const monday = isoWeekMonday(2026, 48);
    const expected = b.weeks.find((w) => w.rep === "张三" && w.from === monday)!.amount;
    expect(requests[0]).toMatchObject({ template: "weekly", options: { rep: "张三", week: 48, targets: { SALES: { target: expected } } } });
  });

  test("buildBreakdownSpecs: the 目标分解 sheet, then one pre-filled plan per rep, all names free", () => {
    const specs = buildBreakdownSpecs(input, { template: "monthly" }, { locale: "zh-CN", existing: { ...NO_NAMES, sheets: ["目标分解-2026年11月"] } });
    expect(specs.map((s) => s.name)).toEqual(["目标分解-2026年11月 (2)", "月计划-张三-2026-11", "月计划-李四-2026-11"]);
    const [sheet, zhang] = specs;
    expect(sheet.record.value).toBe("sales-planner:breakdown:main:v1:B1");
    const reps = sheet.tables.find((t) => t.role === "reps")!;
    expect(reps.rows).toEqual([
      { rep: "张三", weight: 2, target: 60_000 },
      { rep: "李四", weight: 1, target: 30_000 },
    ]);
    expect(sheet.tables.find((t) => t.role === "products")!.rows.map((r) => r.target)).toEqual([30_000, 45_000, 15_000]);
    const targets = zhang.tables.find((t) => t.role === "targets")!;
    expect(targets.rows[0]).toMatchObject({ target: 60_000 });
  });

  test("invalid input throws a BreakdownError the pane can word", () => {
    expect(() => buildBreakdownSpecs({ ...input, reps: [] }, undefined, { locale: "en-US", existing: NO_NAMES })).toThrow(BreakdownError);
  });
});
