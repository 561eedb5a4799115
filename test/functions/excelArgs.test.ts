import { DomainError } from "../../src/domain/errors";
import { verbatim } from "../../src/contract/locale";
import {
  checkSameShape,
  dateArg,
  dateListArg,
  numberArg,
  numberCells,
  optionalNumberArg,
  rangeArg,
  reshape,
  scalarArg,
  wholeNumberArg,
} from "../../src/functions/excelArgs";
import { expectDomainError } from "../domain/expectDomainError";

describe("rangeArg", () => {
  it("reads Excel's 2-D arrays, single values and flat lists", () => {
    expect(rangeArg(verbatim("r"), [[1, 2], [3, 4]])).toEqual({ rows: 2, columns: 2, cells: [1, 2, 3, 4] });
    expect(rangeArg(verbatim("r"), 5)).toEqual({ rows: 1, columns: 1, cells: [5] });
    expect(rangeArg(verbatim("r"), null)).toEqual({ rows: 1, columns: 1, cells: [null] });
    expect(rangeArg(verbatim("r"), [1, 2])).toEqual({ rows: 1, columns: 2, cells: [1, 2] });
  });

  it("reads empty arrays as ranges without cells", () => {
    expect(rangeArg(verbatim("r"), []).cells).toEqual([]);
    expect(rangeArg(verbatim("r"), [[], []])).toEqual({ rows: 0, columns: 0, cells: [] });
  });

  it("rejects uneven rows and mixtures of rows and values with #VALUE! naming the argument", () => {
    expectDomainError(() => rangeArg(verbatim("weights"), [[1, 2], [3]]), "#VALUE!", /^weights is not a range: its rows have 2 and 1 cells/);
    expectDomainError(() => rangeArg(verbatim("weights"), [[1], 2]), "#VALUE!", /^weights is not a range: it mixes rows/);
  });

  it("lays results back out in the range's shape", () => {
    const range = rangeArg(verbatim("r"), [[1, 2, 3], [4, 5, 6]]);
    expect(reshape(range, ["a", "b", "c", "d", "e", "f"])).toEqual([["a", "b", "c"], ["d", "e", "f"]]);
  });

  it("checks that two ranges have the same shape", () => {
    expect(() => checkSameShape(verbatim("a"), rangeArg(verbatim("a"), [[1, 2]]), verbatim("b"), rangeArg(verbatim("b"), [[3, 4]]))).not.toThrow();
    expectDomainError(() => checkSameShape(verbatim("a"), rangeArg(verbatim("a"), [[1, 2]]), verbatim("b"), rangeArg(verbatim("b"), [[3], [4]])), "#VALUE!", /^a \(1×2\) must have the same shape as b \(2×1\)/);
  });
});

describe("numbers", () => {
  it("reads numbers and blanks, naming the cell of anything else", () => {
    const range = rangeArg(verbatim("weights"), [[1, null, "", undefined]]);
    expect(numberCells(verbatim("weights"), range)).toEqual([1, null, null, null]);
    expectDomainError(() => numberCells(verbatim("weights"), rangeArg(verbatim("weights"), [[1, 2, "abc"]])), "#VALUE!", 'weights: cell 3 is text ("abc"); enter a number');
    expectDomainError(() => numberCells(verbatim("w"), rangeArg(verbatim("w"), [[NaN]])), "#NUM!", /^w: cell 1 is not a finite number \(NaN\)/);
    expectDomainError(() => numberCells(verbatim("w"), rangeArg(verbatim("w"), [[-Infinity]])), "#NUM!", /^w: cell 1 is not a finite number \(-Infinity\)/);
    expectDomainError(() => numberCells(verbatim("w"), rangeArg(verbatim("w"), [[[1]]])), "#VALUE!", /^w: cell 1 is not a single value/);
    expectDomainError(() => numberCells(verbatim("w"), rangeArg(verbatim("w"), [[{}]])), "#VALUE!", /^w: cell 1 is not a single value/);
  });

  it("names an Excel error value handed over as an object, in both languages", () => {
    // The custom-functions runtime passes an error cell inside a range as { code: "#N/A", … }.
    const weights = { en: "weights", zh: "权重" };
    const range = rangeArg(weights, [[1, { code: "#N/A", message: "" }]]);
    const error = expectDomainError(() => numberCells(weights, range), "#VALUE!", "weights: cell 2 holds the error #N/A; fix that cell first");
    expect(error.localized("zh-CN")).toBe("权重：第 2 个单元格是错误值 #N/A，请先修正该单元格");
    expectDomainError(() => numberArg(verbatim("total"), [[{ code: "#REF!" }]]), "#VALUE!", "total holds the error #REF!; fix that cell first");
    expectDomainError(() => numberArg(verbatim("total"), new Date(2026, 0, 1)), "#VALUE!", /^total is not a single value/);
  });

  it("shortens long text in messages", () => {
    expectDomainError(() => numberArg(verbatim("total"), "x".repeat(100)), "#VALUE!", /^total is text \("x{30}…"\)/);
  });

  it("reads scalars, unwrapping a one-cell range", () => {
    expect(scalarArg(verbatim("x"), [[7]])).toBe(7);
    expect(scalarArg(verbatim("x"), [[]])).toBeUndefined();
    expect(numberArg(verbatim("x"), 1e308)).toBe(1e308);
    expect(numberArg(verbatim("x"), 5e-324)).toBe(5e-324);
    expectDomainError(() => scalarArg(verbatim("total"), [[1, 2]]), "#VALUE!", /^total must be a single value, not a range of 2 cells/);
  });

  it("uses the default for omitted optional numbers, and requires required ones", () => {
    expect(optionalNumberArg(verbatim("unit"), undefined, 1)).toBe(1);
    expect(optionalNumberArg(verbatim("unit"), null, 1)).toBe(1);
    expect(optionalNumberArg(verbatim("unit"), "", 1)).toBe(1);
    expect(optionalNumberArg(verbatim("unit"), 0.01, 1)).toBe(0.01);
    expectDomainError(() => numberArg(verbatim("total"), undefined), "#VALUE!", /^total is required/);
  });

  it("requires whole numbers where the argument counts", () => {
    expect(wholeNumberArg(verbatim("year"), 2026)).toBe(2026);
    expectDomainError(() => wholeNumberArg(verbatim("year"), 2026.5), "#NUM!", /^year must be a whole number/);
  });
});

describe("dates", () => {
  it("reads serials, dropping the time of day", () => {
    expect(dateArg(verbatim("start"), 46296.75)).toBe(46296);
    expect(dateListArg(verbatim("holidays"), [[46296, null], ["", 46297]])).toEqual([46296, 46297]);
    expect(dateListArg(verbatim("holidays"), undefined)).toEqual([]);
  });

  it("rejects early dates and text, naming the argument and cell", () => {
    expectDomainError(() => dateArg(verbatim("start"), 59), "#NUM!", /^start: dates before 1900-03-01 are not supported/);
    expectDomainError(() => dateListArg(verbatim("holidays"), [[46296, "十一"]]), "#VALUE!", /^holidays: cell 2 is text/);
  });

  it("throws only DomainError", () => {
    expect(() => dateArg(verbatim("start"), Symbol("x"))).toThrow(DomainError);
  });
});
