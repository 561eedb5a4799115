import fc from "fast-check";
import * as functions from "../../src/functions/functions";
import { CONTRACT } from "./contract.fixture";
import { excelJunk as junk } from "./excelJunk";
import { isExcelError } from "./expectExcelError";

/**
 * Throws Excel-like junk at every exported function. The only promise checked: a well-formed result
 * (the right shape, no NaN/Infinity) or an error value with a documented code and a message — never a throw.
 */


/**
 * Mostly sensible arguments per parameter, with a little junk mixed in, so the success paths are
 * exercised at random too (pure junk almost always ends in #VALUE! on the first argument).
 */
const amount = fc.oneof(fc.integer({ min: 0, max: 10 ** 9 }), fc.constantFrom(0, 0.01, 1e15, 12.5));
const date = fc.oneof(fc.integer({ min: 40000, max: 50000 }), fc.constantFrom(61, 2958465, 46296.5));
const grid = <T>(cell: fc.Arbitrary<T>) =>
  fc.integer({ min: 1, max: 4 }).chain((width) =>
    fc.array(fc.array(fc.option(cell, { nil: null, freq: 6 }), { minLength: width, maxLength: width }), { minLength: 1, maxLength: 6 }),
  );
const plausibleByName: Record<string, fc.Arbitrary<unknown>> = {
  values: grid(amount),
  a_share: fc.constantFrom(0.4, 0.5, 1, null, undefined),
  b_share: fc.constantFrom(0.8, 0.9, 1, null, undefined),
  a_min: fc.integer({ min: 50, max: 1000 }),
  b_min: fc.integer({ min: 0, max: 50 }),
  last_visit: fc.constant([[46296], [null], [46300]]),
  tier: fc.constant([["A"], ["b"], [""]]),
  intervals: fc.constantFrom(undefined, [[7, 14, 30]], [[1], [null], [90]]),
  total: amount,
  target: amount,
  weights: grid(amount),
  unit: fc.constantFrom(1, 0.01, 100, undefined, null),
  start: date,
  end: date,
  holidays: fc.oneof(
    fc.constant(undefined),
    grid(date),
    fc.constantFrom<unknown>("CN", "中国", " cn ", [["CN"]], [["中国"], [46296], [null]]),
    grid(fc.oneof(date, fc.constant("CN"))),
  ),
  workdays: fc.oneof(fc.constant(undefined), grid(date)),
  year: fc.oneof(fc.integer({ min: 1900, max: 9999 }), fc.integer({ min: 2000, max: 2030 })),
  workweek: fc.constantFrom<unknown>(undefined, null, "", "双休", "单休", "大小周:2026-11-07", "5day", "6-DAY", "alternate：2026/11/02", "大小周", "xyz", 6, [["单休"]]),
  month: fc.integer({ min: 1, max: 12 }),
  price: amount,
  discounts: grid(fc.constantFrom("9.8折", "85折", 0.9, "98%", 1)),
};

const isFiniteCell = (cell: unknown): boolean => typeof cell === "string" || (typeof cell === "number" && Number.isFinite(cell));

/** Why a result is malformed, or "" when it is fine; plain checks, as results can run to 10^5 cells. */
function problemWith(result: unknown, returnsRange: boolean, exportName: string): string {
  if (isExcelError(result)) return "";
  if (!returnsRange) return typeof result === "number" && Number.isFinite(result) ? "" : `not a finite number: ${String(result)}`;
  if (!Array.isArray(result) || result.length === 0 || !result.every(Array.isArray)) return "not a non-empty 2-D array";
  const rows = result as unknown[][];
  const width = rows[0].length;
  const expectedWidth = { weekSplit: 4, daySplit: 2 }[exportName] ?? width;
  if (width === 0 || width !== expectedWidth) return `rows of ${width} cells`;
  const badRow = rows.findIndex((cells) => cells.length !== width || !cells.every(isFiniteCell));
  return badRow < 0 ? "" : `row ${badRow + 1} is ${JSON.stringify(rows[badRow])}`;
}

function checkResult(result: unknown, returnsRange: boolean, exportName: string): void {
  expect(problemWith(result, returnsRange, exportName)).toBe("");
}

describe.each(CONTRACT.map((entry) => [entry.id, entry] as const))("%s with random Excel-like arguments", (_, entry) => {
  const call = (functions as unknown as Record<string, (...args: unknown[]) => unknown>)[entry.exportName];

  it("returns a well-formed result or a documented error, never throwing", () => {
    fc.assert(
      fc.property(fc.array(junk, { minLength: entry.parameters.length, maxLength: entry.parameters.length }), (args) => {
        checkResult(call(...args), entry.returnsRange, entry.exportName);
      }),
      { numRuns: 300 },
    );
  });

  it("returns a well-formed result or a documented error for mostly sensible arguments", () => {
    const args = entry.parameters.map((parameter) =>
      fc.oneof({ weight: 9, arbitrary: plausibleByName[parameter.name] }, { weight: 1, arbitrary: junk }),
    );
    fc.assert(
      fc.property(fc.tuple(...args), (values) => {
        checkResult(call(...values), entry.returnsRange, entry.exportName);
      }),
      { numRuns: 300 },
    );
  });
});
