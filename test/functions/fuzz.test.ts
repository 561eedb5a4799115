import fc from "fast-check";
import * as functions from "../../src/functions/functions";
import { CONTRACT } from "./contract.fixture";
import { isExcelError } from "./expectExcelError";

/**
 * Throws Excel-like junk at every exported function. The only promise checked: a well-formed result
 * (the right shape, no NaN/Infinity) or an error value with a documented code and a message — never a throw.
 */

const scalar = fc.oneof(
  fc.double(),
  fc.constantFrom(NaN, Infinity, -Infinity, 1e308, -1e308, 5e-324, 0, -0, 0.01, 61, 46296, 2958465, 2026, 10),
  fc.integer({ min: 40000, max: 50000 }),
  fc.integer({ min: -5, max: 100 }),
  fc.string({ maxLength: 6 }),
  fc.constantFrom("", " ", "A", "b", "C", "9.8折", "85折", "98%", "abc", "1", "-"),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
);
const row = fc.array(scalar, { maxLength: 4 });
const junk = fc.oneof(
  { weight: 4, arbitrary: scalar },
  { weight: 4, arbitrary: fc.array(row, { maxLength: 4 }) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 4 }).chain((width) => fc.array(fc.array(scalar, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 5 })) },
  { weight: 1, arbitrary: row },
  { weight: 1, arbitrary: fc.array(fc.oneof(scalar, row, fc.array(row, { maxLength: 2 })), { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom({}, [[{}]], [[[[1]]]], Symbol("s"), 10n) },
);

const isFiniteCell = (cell: unknown): boolean => typeof cell === "string" || (typeof cell === "number" && Number.isFinite(cell));

function checkResult(result: unknown, returnsRange: boolean, exportName: string): void {
  if (isExcelError(result)) return;
  if (!returnsRange) {
    expect(typeof result === "number" && Number.isFinite(result)).toBe(true);
    return;
  }
  expect(Array.isArray(result)).toBe(true);
  const rows = result as unknown[][];
  expect(rows.length).toBeGreaterThan(0);
  const width = rows[0].length;
  expect(width).toBeGreaterThan(0);
  if (exportName === "weekSplit") expect(width).toBe(4);
  if (exportName === "daySplit") expect(width).toBe(2);
  rows.forEach((cells) => {
    expect(cells.length).toBe(width);
    cells.forEach((cell) => expect(isFiniteCell(cell)).toBe(true));
  });
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
});
