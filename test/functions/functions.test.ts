import { serialFromYmd as ymd } from "../../src/domain/calendar";
import { abc, daySplit, nextVisit, split, tier, weekSplit, workdays } from "../../src/functions/functions";
import { abcClasses } from "../../src/domain/tiers";
import { expectExcelError } from "./expectExcelError";
import { publishedWorkdays } from "../fixtures/chinaSchedules";

/** China's 2026 National Day (10-01..10-07 off, Saturday 10-10 and Sunday 09-20 worked), as ranges. */
const HOLIDAYS = [[1, 2, 3, 4, 5, 6, 7].map((day) => ymd(2026, 10, day))];
const MAKE_UP = [[ymd(2026, 9, 20)], [ymd(2026, 10, 10)]];

describe("SPLIT", () => {
  it("splits 100 over twelve equal weights in fen: 8.34 ×4 then 8.33 ×8, in the weights' shape", () => {
    const column = Array.from({ length: 12 }, () => [1]);
    expect(split(100, column, 0.01)).toEqual([...Array(4).fill([8.34]), ...Array(8).fill([8.33])]);
  });

  it("keeps a block's shape, treats blank weights as 0 and defaults unit to 1", () => {
    expect(split(100, [[2, null], ["", 3]])).toEqual([[40, 0], [0, 60]]);
    expect(split(100, [[2, 3, 1]], null)).toEqual([[33, 50, 17]]);
  });

  it("accepts a single weight", () => {
    expect(split(5, 7 as never)).toEqual([[5]]);
  });

  it.each<[string, unknown, unknown, unknown, "#VALUE!" | "#NUM!" | "#DIV/0!", RegExp]>([
    ["text in the weights", 10, [[1, 2, "abc"]], 1, "#VALUE!", /^weights: cell 3 is text \("abc"\); enter a number/],
    ["a weight TRUE", 10, [[true]], 1, "#VALUE!", /^weights: cell 1 is TRUE/],
    ["a text total", "ten", [[1]], 1, "#VALUE!", /^total is text/],
    ["a total range", [[1, 2]], [[1]], 1, "#VALUE!", /^total must be a single value/],
    ["a negative total", -1, [[1]], 1, "#NUM!", /^total must be ≥ 0/],
    ["a negative weight", 10, [[1], [-1]], 1, "#NUM!", /^weights: item 2 is negative/],
    ["unit 0", 10, [[1]], 0, "#NUM!", /^unit must be more than 0/],
    ["a total that is no multiple of unit", 10.005, [[1]], 0.01, "#NUM!", /^total must be a whole multiple of unit \(0\.01\)/],
    ["all weights blank", 10, [[null, ""]], 1, "#DIV/0!", /weights are all 0/],
    ["an empty weights range", 10, [[]], 1, "#VALUE!", /^weights is empty/],
    ["weights rows of different lengths", 10, [[1, 2], [3]], 1, "#VALUE!", /^weights is not a range: its rows have 2 and 1 cells/],
    ["more units than safe integers", 1e14, [[1]], 0.01, "#NUM!", /too many units/],
    ["a cell in a block", 10, [[1, 2], [3, "x"]], 1, "#VALUE!", /^weights: cell 4 \(row 2, column 2\) is text/],
  ])("reports %s", (_, total, weights, unit, code, message) => {
    expectExcelError("split", [total, weights, unit], code, message);
  });
});

describe("ABC and TIER", () => {
  it("classes a column of sales at the default 40 % / 80 %, blanks staying blank", () => {
    expect(abc([[20], [10], [null], [30], [15], [25]])).toEqual([["B"], ["C"], [""], ["A"], ["B"], ["A"]]);
  });

  it("takes the shares as arguments", () => {
    expect(abc([[60, 40]], 0.4, 0.6)).toEqual([["A", "C"]]);
    expect(abc([[60, 40]], null, undefined)).toEqual([["A", "B"]]);
  });

  it("reports text, booleans, negatives and bad shares", () => {
    expectExcelError("abc", [[[1, "a"]]], "#VALUE!", /^values: cell 2 is text/);
    expectExcelError("abc", [[[false]]], "#VALUE!", /^values: cell 1 is FALSE/);
    expectExcelError("abc", [[[1], [-1]]], "#NUM!", /^values: item 2 is negative/);
    expectExcelError("abc", [[[1]], 0.9, 0.5], "#NUM!", /^a_share \(0\.9\) must not be more than b_share \(0\.5\)/);
    expectExcelError("abc", [[[1]], "40%", 0.8], "#VALUE!", /^a_share is text/);
    expectExcelError("abc", [[]], "#VALUE!", /^values is empty/);
  });

  it("reads the range as numberCells and rangeArg do, in the same order: shape, then the first cell that is not a number, then negatives", () => {
    // The first cell that is not a number wins over a negative before it (negatives are the classes' rule).
    expectExcelError("abc", [[[-1], [5], ["x"], [true]]], "#VALUE!", /^values: cell 3 is text/);
    expectExcelError("abc", [[[1, -1], [2, "x"]]], "#VALUE!", /^values: cell 4 \(row 2, column 2\) is text/);
    expectExcelError("abc", [[[1], [Number.NaN]]], "#NUM!", /^values: cell 2 is not a finite number \(NaN\)/);
    expectExcelError("abc", [[[1], [Infinity]]], "#NUM!", /^values: cell 2 is not a finite number/);
    expectExcelError("abc", [[[1], [{ code: "#N/A" }]]], "#VALUE!", /^values: cell 2 holds the error #N\/A/);
    // The shape before any cell: a row of another length, or a single value among rows, after a text cell.
    expectExcelError("abc", [[["x"], [1, 2]]], "#VALUE!", /^values is not a range: its rows have 1 and 2 cells/);
    expectExcelError("abc", [[["x"], 1]], "#VALUE!", /^values is not a range: it mixes rows and single values/);
    expectExcelError("abc", [[[1], [1, 2], 5]], "#VALUE!", /^values is not a range: it mixes rows and single values/);
    expectExcelError("abc", [[[], []]], "#VALUE!", /^values is empty/);
    // A single value and a flat list, as Node callers pass them.
    expect(abc(5 as never)).toEqual([["A"]]);
    expect(abc([60, null, 40] as never)).toEqual([["A", "", "B"]]);
  });

  it("classes a register-size column (radix sort, shared rows) as abcClasses does", () => {
    let state = 7;
    const random = (): number => (state = (state * 48271) % 2147483647) / 2147483647;
    const values = Array.from({ length: 70000 }, (_, i) => (i % 97 === 0 ? null : Math.floor(random() ** 3 * 1e8) / 100));
    const rows = abc(values.map((v) => [v])) as string[][];
    expect(rows.map((row) => row[0])).toEqual(abcClasses(values));
    expect(new Set(rows).size).toBe(4);
  });

  it("classes a block of several columns row-major, with blanks, as abcClasses does", () => {
    const block = [
      [50, null, 5],
      [30, 10, ""],
      [5, 0, 50],
    ];
    const flat = block.flat().map((v) => (typeof v === "number" ? v : null));
    expect((abc(block) as string[][]).flat()).toEqual(abcClasses(flat));
    expect(abc(block)).toEqual([
      ["A", "", "C"],
      ["B", "C", ""],
      ["C", "C", "A"],
    ]);
  });

  it("tiers by thresholds, a single value or a range", () => {
    expect(tier([[150, 80, 10, null]], 100, 50)).toEqual([["A", "B", "C", ""]]);
    expect(tier(120 as never, 100, 50)).toEqual([["A"]]);
    expectExcelError("tier", [[[1]], 10, 20], "#NUM!", /^a_min \(10\) must not be less than b_min \(20\)/);
    expectExcelError("tier", [[[1]], null, 20], "#VALUE!", /^a_min is required/);
  });
});

describe("NEXTVISIT", () => {
  const oct8 = ymd(2026, 10, 8);

  it("adds the tier's interval, default 2/3/14 days (seed 001: three visits a week, two, one a fortnight), blank dates or tiers giving blank", () => {
    expect(nextVisit([[oct8], [oct8], [oct8], [null], [oct8]], [["A"], ["b"], ["C"], ["A"], [""]])).toEqual([
      [oct8 + 2],
      [oct8 + 3],
      [oct8 + 14],
      [""],
      [""],
    ]);
  });

  it("takes three custom intervals, blank ones falling back to the default", () => {
    expect(nextVisit([[oct8, oct8, oct8]], [["A", "B", "C"]], [[3, null, 60]])).toEqual([[oct8 + 3, oct8 + 3, oct8 + 60]]);
  });

  it("works on a single date and tier", () => {
    expect(nextVisit(oct8 as never, "A" as never)).toEqual([[oct8 + 2]]);
  });

  it("reports unknown tiers, shape mismatches, bad intervals and early dates", () => {
    expectExcelError("nextVisit", [[[oct8]], [["VIP"]]], "#VALUE!", /^tier: cell 1 \("VIP"\) is not a tier/);
    expectExcelError("nextVisit", [[[oct8]], [[1]]], "#VALUE!", /^tier: cell 1 is not a tier/);
    expectExcelError("nextVisit", [[[oct8]], [[{ code: "#N/A" }]]], "#VALUE!", /^tier: cell 1 holds the error #N\/A/);
    expectExcelError("nextVisit", [[[{ code: "#DIV/0!" }]], [["A"]]], "#VALUE!", /^last_visit: cell 1 holds the error #DIV\/0!/);
    expectExcelError("nextVisit", [[[oct8], [oct8]], [["A", "B"]]], "#VALUE!", /^tier \(1×2\) must have the same shape as last_visit \(2×1\)/);
    expectExcelError("nextVisit", [[[oct8]], [["A"]], [[7, 14]]], "#VALUE!", /^intervals must be 3 cells/);
    expectExcelError("nextVisit", [[[oct8]], [["A"]], [[-7, 14, 30]]], "#NUM!", /^intervals: the A interval/);
    expectExcelError("nextVisit", [[[10]], [["A"]]], "#NUM!", /^last_visit: cell 1: dates before 1900-03-01 are not supported/);
    expectExcelError("nextVisit", [[["2026-10-08"]], [["A"]]], "#VALUE!", /^last_visit: cell 1 is text/);
  });
});

describe("WORKDAYS", () => {
  it("counts 2026-10 with National Day holidays and make-up days as 18", () => {
    expect(workdays(ymd(2026, 10, 1), ymd(2026, 10, 31), HOLIDAYS, MAKE_UP)).toBe(18);
    expect(workdays(ymd(2026, 10, 31), ymd(2026, 10, 1), HOLIDAYS, MAKE_UP)).toBe(-18);
    expect(workdays(ymd(2026, 10, 1), ymd(2026, 10, 31))).toBe(22);
  });

  it("ignores blank cells in the lists and the time of day in dates", () => {
    expect(workdays(ymd(2026, 10, 1) + 0.75, ymd(2026, 10, 31), [[null, ...HOLIDAYS[0], ""]], [[ymd(2026, 10, 10)]])).toBe(18);
  });

  it("reports a date in both lists, dates before 1900, text and missing dates", () => {
    expectExcelError(
      "workdays", [ymd(2026, 10, 1), ymd(2026, 10, 31), [[ymd(2026, 10, 10)]], [[ymd(2026, 10, 10)]]],
      "#VALUE!",
      /2026-10-10 is both a holiday and a make-up working day/,
    );
    expectExcelError("workdays", [1, ymd(2026, 10, 31)], "#NUM!", /^start: dates before 1900-03-01 are not supported/);
    expectExcelError("workdays", [ymd(2026, 10, 1), 3e6], "#NUM!", /^end: dates after 9999-12-31/);
    expectExcelError("workdays", [ymd(2026, 10, 1), ymd(2026, 10, 31), [["国庆"]]], "#VALUE!", /^holidays: cell 1 is text/);
    expectExcelError("workdays", [null, ymd(2026, 10, 31)], "#VALUE!", /^start is required; enter a date/);
  });
});

describe("WEEKSPLIT and DAYSPLIT", () => {
  it("splits the 2026-10 target over its weeks by working days", () => {
    expect(weekSplit(100000, 2026, 10, HOLIDAYS, MAKE_UP)).toEqual([
      [ymd(2026, 10, 5), ymd(2026, 10, 11), 3, 16666],
      [ymd(2026, 10, 12), ymd(2026, 10, 18), 5, 27778],
      [ymd(2026, 10, 19), ymd(2026, 10, 25), 5, 27778],
      [ymd(2026, 10, 26), ymd(2026, 10, 31), 5, 27778],
    ]);
  });

  it("splits in fen when unit is 0.01", () => {
    const weeks = weekSplit(1000, 2026, 10, HOLIDAYS, MAKE_UP, 0.01) as number[][];
    expect(weeks.map((week) => week[3])).toEqual([166.66, 277.78, 277.78, 277.78]);
  });

  it("reports a year or month out of range, a fractional month and a month without working days", () => {
    expectExcelError("weekSplit", [100, 2026, 13], "#NUM!", /^month must be a whole number from 1 to 12/);
    expectExcelError("weekSplit", [100, 2026, 1.5], "#NUM!", /^month must be a whole number \(got 1\.5\)/);
    expectExcelError("weekSplit", [100, 1899, 12], "#NUM!", /^year must be a whole number from 1900/);
    const february = [Array.from({ length: 28 }, (_, day) => ymd(2026, 2, day + 1))];
    expectExcelError("weekSplit", [100, 2026, 2, february], "#NUM!", /^2026-02 has no working day/);
  });

  it("splits a target over the working days after the holiday, make-up Saturday included", () => {
    expect(daySplit(10, ymd(2026, 10, 7), ymd(2026, 10, 12), HOLIDAYS, MAKE_UP)).toEqual([
      [ymd(2026, 10, 8), 3],
      [ymd(2026, 10, 9), 3],
      [ymd(2026, 10, 10), 2],
      [ymd(2026, 10, 12), 2],
    ]);
  });

  it("reports a reversed range, no working day and ranges too tall for a sheet", () => {
    expectExcelError("daySplit", [10, ymd(2026, 10, 12), ymd(2026, 10, 7)], "#NUM!", /^start \(2026-10-12\) must not be after end/);
    expectExcelError("daySplit", [10, ymd(2026, 10, 1), ymd(2026, 10, 7), HOLIDAYS], "#NUM!", /no working day from 2026-10-01 to 2026-10-07/);
    expectExcelError("daySplit", [10, 61, 2958465], "#NUM!", /more than 1048576 working days/);
  });
});

describe('the built-in China calendar ("CN") and the work week', () => {
  // Typed as Excel declares them (holidays a range); Excel hands a literal "CN" over as [["CN"]], Node callers anything.
  const countWorkdays = workdays as (...args: unknown[]) => unknown;
  const splitByWeek = weekSplit as (...args: unknown[]) => unknown;
  const splitByDay = daySplit as (...args: unknown[]) => unknown;
  const october = [ymd(2026, 10, 1), ymd(2026, 10, 31)] as const;

  it('counts 2026-10 as 18 working days with "CN" and 22 without, NETWORKDAYS-like', () => {
    expect(countWorkdays(...october, "CN")).toBe(18);
    expect(countWorkdays(...october)).toBe(22);
    expect(countWorkdays(...october, null, null, null)).toBe(22);
    // Excel hands a literal to a range parameter as a 1×1 range; "中国", any case and spaces read the same.
    for (const china of [[["CN"]], "中国", [["中国"]], " cn ", "Cn", "ＣＮ"]) expect(countWorkdays(...october, china)).toBe(18);
  });

  it('counts every month of 2024–2026 with "CN" as the published notices do, day by day', () => {
    for (const year of [2024, 2025, 2026]) {
      for (let month = 1; month <= 12; month++) {
        const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
        expect([year, month, countWorkdays(ymd(year, month, 1), ymd(year, month, last), "CN")]).toEqual([year, month, publishedWorkdays(year, month)]);
      }
    }
  });

  it('counts the same as typing the dates: WEEKSPLIT and DAYSPLIT with "CN"', () => {
    expect(splitByWeek(100000, 2026, 10, "CN")).toEqual(splitByWeek(100000, 2026, 10, HOLIDAYS, MAKE_UP));
    expect(splitByDay(10, ymd(2026, 10, 7), ymd(2026, 10, 12), [["CN"]])).toEqual(splitByDay(10, ymd(2026, 10, 7), ymd(2026, 10, 12), HOLIDAYS, MAKE_UP));
    // September: 22 weekdays − 中秋 Friday 09-25 + make-up Sunday 09-20 = 22.
    expect(countWorkdays(ymd(2026, 9, 1), ymd(2026, 9, 30), "CN")).toBe(22);
  });

  it('adds the dates beside "CN" as extra days off, and the workdays list wins over a built-in holiday', () => {
    // Friday 10-09 off as well: 17. Wednesday 10-07 (built-in holiday) worked: 19.
    expect(countWorkdays(...october, [["CN"], [ymd(2026, 10, 9)], [null]])).toBe(17);
    expect(countWorkdays(...october, "CN", [[ymd(2026, 10, 7)]])).toBe(19);
    // The user's own lists still may not name a date both ways.
    expectExcelError("workdays", [...october, [["CN", ymd(2026, 10, 10)]], [[ymd(2026, 10, 10)]]], "#VALUE!", /^2026-10-10 is both a holiday and a make-up working day/);
  });

  it("counts 单休 and 大小周 through the trailing workweek argument (October 2026 hand-worked in test/domain/calendar.test.ts)", () => {
    expect(countWorkdays(...october, "CN", null, "单休")).toBe(21);
    expect(countWorkdays(...october, "CN", null, "6day")).toBe(21);
    expect(countWorkdays(...october, "CN", null, "大小周:2026-10-10")).toBe(19);
    expect(countWorkdays(...october, "CN", null, [["alternate:2026-10-03"]])).toBe(20);
    expect(countWorkdays(...october, "CN", null, "双休")).toBe(18);
    // November 2026 without holidays: 21 双休, 25 单休, 23 大小周.
    expect(countWorkdays(ymd(2026, 11, 1), ymd(2026, 11, 30), null, null, "单休")).toBe(25);
    expect(countWorkdays(ymd(2026, 11, 1), ymd(2026, 11, 30), null, null, "大小周：2026-11-07")).toBe(23);
  });

  it("splits 单休 October by 3, 6, 6, 6 working days and 大小周 days by date", () => {
    expect((splitByWeek(21000, 2026, 10, "CN", null, 1, "单休") as number[][]).map((week) => [week[2], week[3]])).toEqual([
      [3, 3000],
      [6, 6000],
      [6, 6000],
      [6, 6000],
    ]);
    // 大小周 long on 11-07: Saturday 11-07 worked, Saturday 11-14 not.
    expect((splitByDay(60, ymd(2026, 11, 5), ymd(2026, 11, 14), null, null, null, "大小周:2026-11-07") as number[][]).map((day) => day[0])).toEqual(
      [5, 6, 7, 9, 10, 11, 12, 13].map((day) => ymd(2026, 11, day)),
    );
  });

  it('gives #N/A naming the year for "CN" in a year the built-in data does not cover, never a count on plain weeks', () => {
    expectExcelError("workdays", [ymd(2027, 10, 1), ymd(2027, 10, 31), "CN"], "#N/A", /^holidays "CN": the built-in China calendar covers 2004–2026, not 2027; add the holidays of 2027 beside "CN" in holidays and the make-up days in workdays$/);
    expectExcelError("workdays", [ymd(2026, 12, 28), ymd(2027, 1, 5), "CN"], "#N/A", /not 2027;/);
    expectExcelError("workdays", [ymd(2003, 12, 1), ymd(2003, 12, 31), "中国"], "#N/A", /not 2003;/);
    expectExcelError("weekSplit", [100, 2027, 1, "CN"], "#N/A", /not 2027;/);
    expectExcelError("workdays", [ymd(2026, 12, 1), ymd(2028, 1, 31), "CN"], "#N/A", /not 2027–2028; add the holidays of 2027–2028 beside "CN"/);
    expectExcelError("daySplit", [100, ymd(1999, 1, 1), ymd(2001, 12, 31), "CN"], "#N/A", /not 1999–2001;/);
    expectExcelError("daySplit", [100, ymd(1990, 1, 1), ymd(2030, 12, 31), "CN"], "#N/A", /not 1990–2003, 2027–2030;/);
    // A year the user gives dates of, beside "CN" or as make-up days, is the user's to fill: 2026-12-28 (Mon)
    // to 2027-01-05 (Tue) is 7 weekdays − 2027-01-01 (Fri) = 6; to Saturday 2027-01-09 with only that
    // Saturday given, as a make-up day: 10 weekdays + 1 = 11.
    expect(countWorkdays(ymd(2026, 12, 28), ymd(2027, 1, 5), [["CN"], [ymd(2027, 1, 1)]])).toBe(6);
    expect(countWorkdays(ymd(2026, 12, 28), ymd(2027, 1, 9), "CN", [[ymd(2027, 1, 9)]])).toBe(11);
    expectExcelError("workdays", [ymd(2026, 12, 28), ymd(2028, 1, 5), [["CN"], [ymd(2027, 1, 1)]]], "#N/A", /not 2028;/);
    // Without "CN" the same periods count on the dates given, as NETWORKDAYS does.
    expect(countWorkdays(ymd(2027, 10, 1), ymd(2027, 10, 31))).toBe(21);
    // A bad month is still #NUM!, not a missing year.
    expectExcelError("weekSplit", [100, 99999, 1, "CN"], "#NUM!", /^year must be a whole number from 1900/);
  });

  it("reports a work week it cannot read, naming the forms it can", () => {
    for (const bad of ["大小周", "三休", "大小周:2026-02-30"]) {
      expectExcelError("workdays", [...october, null, null, bad], "#VALUE!", /^workweek \(".*"\) is not a work week; enter 双休 \(or 5day, Monday–Friday\), 单休/);
    }
    expectExcelError("weekSplit", [100, 2026, 10, null, null, 1, 6], "#VALUE!", /^workweek is not text; enter 双休/);
    expectExcelError("daySplit", [100, ...october, null, null, 1, true], "#VALUE!", /^workweek is not text/);
    expectExcelError("workdays", [...october, null, null, { code: "#REF!" }], "#VALUE!", /^workweek holds the error #REF!/);
    expectExcelError("workdays", [...october, null, null, [["单休", "双休"]]], "#VALUE!", /^workweek must be a single value, not a range of 2 cells/);
    expectExcelError("workdays", [...october, [["CN", "国庆"]]], "#VALUE!", /^holidays: cell 2 is text \("国庆"\)/);
  });
});
