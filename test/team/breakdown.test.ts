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

function messages(input: BreakdownInput, locale: "zh-CN" | "en-US"): string[] {
  try {
    computeBreakdown(input);
  } catch (error) {
    if (error instanceof BreakdownError) return breakdownMessages(error.issues, locale);
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
      // "1,5" is one and a half with a decimal comma: refused, no longer read as 15.
      ["weightNotNumber", 6],
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

describe("computeBreakdown — holds, starts, splits and unit (issue 14)", () => {
  const YEAR = { kind: "year", year: 2027 } as const;
  const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

  test("a held rep keeps the hold; the rest goes by weight to the others", () => {
    // 100 000 − 40 000 = 60 000 over 1:2 → 20 000 and 40 000.
    const b = computeBreakdown({ target: 100_000, period: NOV_2026, reps: [{ rep: "张三", weight: "", hold: "40,000" }, { rep: "李四", weight: 1 }, { rep: "王五", weight: 2 }] });
    expect(b.reps.map((r) => [r.target, r.held])).toEqual([[40_000, true], [20_000, false], [40_000, false]]);
    expect(b.months).toEqual([100_000]);
    expect(sum(b.weeks.map((w) => w.amount))).toBe(100_000);
  });

  test("without the new inputs a month is split as before, and a year's team months are the working-days split of the target", () => {
    const b = computeBreakdown({ target: "1,200,000", period: YEAR, reps: [{ rep: "王五", weight: 1 }, { rep: "赵六", weight: 3 }] });
    // 2027 Monday–Friday: 21 20 23 22 21 22 22 22 22 21 22 23 = 261; February 1 200 000 × 20/261 = 91 954.02 → 91 954,
    // June 101 149.43 → 101 150 (one of the leftover units). Adding each rep's own working-days split would give
    // 91 955 and 101 149: the reps' months now add up to the team's months, not the other way round.
    expect(b.months[1]).toBe(91_954);
    expect(b.months[5]).toBe(101_150);
    // Rank one: 王五's February quota 300 000 × 91 954 / 1 200 000 = 22 988.5, 赵六's 68 965.5 — one rounds up, one down.
    expect(b.reps.map((r) => r.months[1])).toEqual([22_989, 68_965]);
    b.months.forEach((m, j) => expect(sum(b.reps.map((r) => r.months[j]))).toBe(m));
  });

  test("a new rep starting in July gets nothing before it, and the months still add up", () => {
    const b = computeBreakdown({ target: 1_200_000, period: YEAR, reps: [{ rep: "张三", weight: 1 }, { rep: "王五", weight: 1, start: "7月" }] });
    const wang = b.reps[1];
    expect(wang.start).toBe(7);
    expect(wang.months.slice(0, 6)).toEqual([0, 0, 0, 0, 0, 0]);
    // A weight is a full year's: 王五's counts for the team's July–December share of the year (H of 1 200 000),
    // so 张三 : 王五 = 1 : H / 1 200 000 and 王五's target is 1 200 000 × H / (1 200 000 + H), rounded.
    const h = sum(b.months.slice(6));
    expect(h).toBeGreaterThan(500_000);
    expect(Math.abs(sum(wang.months) - (1_200_000 * h) / (1_200_000 + h))).toBeLessThan(1);
    expect(sum(wang.months)).toBe(wang.target);
    b.months.forEach((m, j) => expect(sum(b.reps.map((r) => r.months[j]))).toBe(m));
    expect(b.weeks.filter((w) => w.rep === "王五" && w.month < 7).every((w) => w.amount === 0)).toBe(true);
  });

  test("a year split by last year's months, per rep where given, with month holds", () => {
    const lastYear = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2];
    const own = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1];
    const b = computeBreakdown({
      target: 130_000,
      period: YEAR,
      split: { kind: "lastYear", months: lastYear },
      monthHolds: ["", "", "", "", "", "", "", "", "", "", "", 30_000],
      reps: [{ rep: "张三", weight: 3 }, { rep: "李四", weight: 1, lastYear: own }],
    });
    // December held at 30 000; the other 100 000 over eleven equal months: 9 091 × 1 + 9 090 × 10 (quota 9 090.9).
    expect(b.months[11]).toBe(30_000);
    expect(b.months.slice(0, 11).every((m) => m === 9_090 || m === 9_091)).toBe(true);
    // 李四 sold only in November and December: all of 李四's 32 500 (a quarter) lands there.
    expect(b.reps[1].months.slice(0, 10)).toEqual(Array(10).fill(0));
    expect(b.reps[1].months[10] + b.reps[1].months[11]).toBe(32_500);
    b.months.forEach((m, j) => expect(sum(b.reps.map((r) => r.months[j]))).toBe(m));
  });

  test("unit 1000: targets, months and weeks in whole thousands", () => {
    const b = computeBreakdown({ target: 1_000_000, period: YEAR, unit: 1000, reps: [{ rep: "张三", weight: 1 }, { rep: "李四", weight: 2 }], productRatios: DEFAULT_PRODUCT_RATIOS });
    expect(b.unit).toBe(1000);
    expect(b.reps.map((r) => r.target)).toEqual([333_000, 667_000]);
    for (const v of [...b.months, ...b.reps.flatMap((r) => r.months), ...b.weeks.map((w) => w.amount), ...b.products!.months.flat()]) expect(v % 1000).toBe(0);
    expect(sum(b.weeks.map((w) => w.amount))).toBe(1_000_000);
    b.products!.months.forEach((row, k) => expect(sum(row)).toBe(b.products!.targets[k]));
  });

  test("products × months are exact both ways", () => {
    const b = computeBreakdown({ target: 1_000_003, period: YEAR, reps: [{ rep: "张三", weight: 1 }], productRatios: [2, 3, 1] });
    const p = b.products!;
    expect(p.targets).toEqual([333_334, 500_002, 166_667]);
    p.months.forEach((row, k) => expect(sum(row)).toBe(p.targets[k]));
    b.months.forEach((m, j) => expect(sum(p.months.map((row) => row[j]))).toBe(m));
  });

  test("holds that exceed the target, or leave nothing to spread on, are told with the amounts", () => {
    const over = { target: 100_000, period: NOV_2026, reps: [{ rep: "张三", weight: 1, hold: 70_000 }, { rep: "李四", weight: 1, hold: 40_000 }] } as const;
    expect(issuesOf(over)).toEqual(["holdsExceedTarget"]);
    expect(messages(over, "zh-CN")).toEqual(["固定目标合计 110,000 元，超过了团队目标 100,000 元：请降低固定目标，或提高团队目标。"]);
    const nothing = { target: 100_000, period: NOV_2026, reps: [{ rep: "张三", weight: 1, hold: 70_000 }, { rep: "李四", weight: 0 }] } as const;
    expect(issuesOf(nothing)).toEqual(["nothingToSpread"]);
    expect(messages(nothing, "en-US")[0]).toMatch(/^30,000 yuan is left after the fixed targets, but no rep can take it/);
    // Every rep held and the holds add up: nothing to spread, nothing wrong.
    expect(computeBreakdown({ target: 100_000, period: NOV_2026, reps: [{ rep: "张三", weight: 0, hold: 70_000 }, { rep: "李四", weight: 0, hold: 30_000 }] }).reps.map((r) => r.target)).toEqual([70_000, 30_000]);
  });

  test("bad holds, starts, last years, month holds and units are each reported", () => {
    expect(
      issuesOf({
        target: 100_000,
        period: YEAR,
        unit: 1000,
        reps: [{ rep: "张三", weight: 1, hold: "x" }, { rep: "李四", weight: 1, hold: 1500 }, { rep: "王五", weight: 1, start: 13, lastYear: [1, 2] }],
        split: { kind: "lastYear", months: Array(12).fill(0) },
        monthHolds: [-1],
      }),
    ).toEqual(["holdInvalid", "targetNotMultiple", "startInvalid", "lastYearInvalid", "lastYearBlank", "monthHoldInvalid"]);
    expect(issuesOf({ target: 100_500, period: NOV_2026, unit: 1000, reps: [{ rep: "张三", weight: 1 }] })).toEqual(["targetNotMultiple"]);
    expect(issuesOf({ target: 100_000, period: NOV_2026, unit: 0.5, reps: [{ rep: "张三", weight: 1 }] })).toEqual(["unitInvalid"]);
    // A year's grid is fitted in doubles: more than 10^12 units is refused (a larger unit helps); a month has no grid.
    expect(issuesOf({ target: 2e12, period: YEAR, reps: [{ rep: "张三", weight: 1 }] })).toEqual(["targetTooLarge"]);
    expect(computeBreakdown({ target: 2e12, period: YEAR, unit: 10, reps: [{ rep: "张三", weight: 1 }] }).target).toBe(2e12);
    expect(computeBreakdown({ target: 2e15, period: NOV_2026, reps: [{ rep: "张三", weight: 1 }, { rep: "李四", weight: 2 }] }).reps[1].target).toBe(1_333_333_333_333_333);
    expect(issuesOf({ target: 100_000, period: YEAR, monthHolds: [60_000, 50_000], reps: [{ rep: "张三", weight: 1 }] })).toEqual(["monthHoldsExceedTarget"]);
    expect(issuesOf({ target: 100_000, period: YEAR, monthHolds: Array(12).fill(1000), reps: [{ rep: "张三", weight: 1 }] })).toEqual(["monthsNothingToSpread"]);
  });

  test("reps starting too late for their targets: the reps, the months and the amounts", () => {
    // The team's July–December hold about half of 1 200 000; 王五 and 赵六 (from July) need 1 000 000 of it.
    const input = {
      target: 1_200_000,
      period: YEAR,
      reps: [{ rep: "张三", weight: 1, hold: 200_000 }, { rep: "王五", weight: 1, start: 7 }, { rep: "赵六", weight: 1, start: 7 }],
    } as const;
    expect(issuesOf(input)).toEqual(["rampInfeasible"]);
    const [zh] = messages(input, "zh-CN");
    expect(zh).toMatch(/^王五、赵六只能分到 7–12月（到岗之前、或本人上年销售额为 0 的月份分不到目标），这些月份的月目标合计 [\d,]+ 元，少于他们的目标合计 1,000,000 元/);
    expect(messages(input, "en-US")[0]).toMatch(/^王五、赵六 can only take July–December .* less than their targets of 1,000,000 yuan/);
  });

  test("a late starter whose months are all held at 0 weighs nothing; with a fixed target it is told so", () => {
    const free = computeBreakdown({ target: 1_000, period: YEAR, monthHolds: [null, null, null, null, null, null, 0, 0, 0, 0, 0, 0], reps: [{ rep: "张三", weight: 1 }, { rep: "王五", weight: 1, start: 7 }] });
    expect(free.reps.map((r) => r.target)).toEqual([1_000, 0]);
    const input = { target: 1_000, period: YEAR, monthHolds: [null, null, null, null, null, null, 0, 0, 0, 0, 0, 0], reps: [{ rep: "张三", weight: 1 }, { rep: "王五", weight: 1, hold: 500, start: 7 }] } as const;
    expect(messages(input, "zh-CN")).toEqual([
      "王五的目标合计 500 元，但可以分给他们的月份（到岗之后、本人上年有销售额的月份）月目标都是 0：请把他们的目标改为 0，或给这些月份留出月目标，或把到岗月份提前。",
    ]);
  });

  const weights = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 12 }).filter((w) => w.some((x) => x > 0));

  test("property: with holds and starts, rep targets, months and weeks all add up exactly", () => {
    let built = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 50_000_000 }),
        weights,
        fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 12, maxLength: 12 }),
        fc.array(fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }), { minLength: 12, maxLength: 12 }),
        (target, ws, starts, holdPercents) => {
          const reps = ws.map((weight, i) => ({
            rep: `r${i}`,
            // The first rep is there all year, so January always has someone to take it.
            weight: i === 0 ? weight + 1 : weight,
            start: i === 0 ? 1 : starts[i],
            ...(holdPercents[i] !== undefined && i > 0 ? { hold: Math.floor((target * holdPercents[i]!) / 100 / ws.length) } : {}),
          }));
          let b;
          try {
            b = computeBreakdown({ target, period: YEAR, reps });
          } catch (error) {
            if (!(error instanceof BreakdownError)) throw error;
            for (const issue of error.issues) expect(["nothingToSpread", "rampInfeasible"]).toContain(issue.code);
            return;
          }
          built++;
          expect(sum(b.reps.map((r) => r.target))).toBe(target);
          expect(sum(b.months)).toBe(target);
          b.reps.forEach((r, i) => {
            expect([r.held, r.start]).toEqual([reps[i].hold !== undefined, reps[i].start]);
            if (reps[i].hold !== undefined) expect(r.target).toBe(reps[i].hold);
          });
          for (const r of b.reps) {
            expect(sum(r.months)).toBe(r.target);
            expect(r.months.slice(0, r.start - 1).every((v) => v === 0)).toBe(true);
            expect(sum(b.weeks.filter((w) => w.rep === r.rep).map((w) => w.amount))).toBe(r.target);
          }
          b.months.forEach((m, j) => expect(sum(b.reps.map((r) => r.months[j]))).toBe(m));
        },
      ),
      { numRuns: 60 },
    );
    expect(built).toBeGreaterThan(30);
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
