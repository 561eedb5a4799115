import { discount } from "../../src/functions/functions";
import { expectExcelError } from "./expectExcelError";

describe("DISCOUNT", () => {
  it("gives the seed's 424496.8 for 442000 after 9.8折 and 9.8折", () => {
    expect(discount(442000, [["9.8折", "9.8折"]])).toBe(424496.8);
  });

  it("takes a single value as well as a range, in a column or a row", () => {
    expect(discount(100, "8折" as never)).toBe(80);
    expect(discount(100, [["85折"], [0.9]])).toBe(76.5);
    expect(discount([[100]] as never, [["98%"]])).toBe(98);
  });

  it("skips blank cells", () => {
    expect(discount(200, [[null, "", "9折", undefined]])).toBe(180);
  });

  it("returns the price when every discount cell is blank", () => {
    expect(discount(200, [[null]])).toBe(200);
  });

  it("reports unreadable text as #VALUE! naming the cell", () => {
    expectExcelError("discount", [100, [["9折", "cheap"]]], "#VALUE!", /discounts: cell 2 \("cheap"\) is not a discount/);
  });

  it("reports a TRUE/FALSE discount as #VALUE!", () => {
    expectExcelError("discount", [100, [[true]]], "#VALUE!", /discounts: cell 1 is TRUE/);
  });

  it("reports a factor outside (0, 1] as #NUM!", () => {
    expectExcelError("discount", [100, [["120%"]]], "#NUM!", /discounts: cell 1/);
    expectExcelError("discount", [100, [[0]]], "#NUM!", /discounts: cell 1/);
  });

  it("reports a text, blank or negative price", () => {
    expectExcelError("discount", ["abc", [["9折"]]], "#VALUE!", /^price is text \("abc"\)/);
    expectExcelError("discount", [null, [["9折"]]], "#VALUE!", /^price is required/);
    expectExcelError("discount", [-5, [["9折"]]], "#NUM!", /^price/);
  });

  it("reports NaN and Infinity as #NUM!, never returning them", () => {
    expectExcelError("discount", [NaN, [["9折"]]], "#NUM!", /^price is not a finite number/);
    expectExcelError("discount", [100, [[Infinity]]], "#NUM!", /discounts: cell 1 is not a finite number/);
  });

  it("reports a range of rows of different lengths as #VALUE!", () => {
    expectExcelError("discount", [100, [["9折", "9折"], ["9折"]]], "#VALUE!", /^discounts is not a range/);
  });
});
