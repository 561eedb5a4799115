import fc from "fast-check";
import { decimalToNumber } from "../../src/domain/decimal";
import { applyDiscounts, parseDiscount } from "../../src/domain/discount";
import { verbatim } from "../../src/contract/locale";
import { expectDomainError } from "./expectDomainError";

const factor = (value: number | string): number => decimalToNumber(parseDiscount(value, verbatim("discounts: cell 1")));

describe("parseDiscount", () => {
  it.each<[number | string, number]>([
    [0.98, 0.98],
    ["0.98", 0.98],
    ["98%", 0.98],
    ["98％", 0.98],
    [" 98 % ", 0.98],
    ["9.8折", 0.98],
    ["9.8 折", 0.98],
    ["９.８折", 0.98],
    ["85折", 0.85],
    ["8折", 0.8],
    ["10折", 1],
    ["八折", 0.8],
    ["九五折", 0.95],
    ["100%", 1],
    [1, 1],
  ])("reads %p as %p", (written, expected) => {
    expect(factor(written)).toBe(expected);
  });

  it.each(["abc", "折", "9.8.1折", "%", "", "八十折"])("rejects unreadable text %p with #VALUE! naming the cell", (text) => {
    expectDomainError(() => parseDiscount(text, verbatim("discounts: cell 2")), "#VALUE!", /^discounts: cell 2 .*not a discount/);
  });

  it.each<number | string>([0, 98, -0.5, 1.01, "0折", "120%", "0%", "-5%", "150折"])(
    "rejects %p, outside (0, 1], with #NUM!",
    (value) => {
      expectDomainError(() => parseDiscount(value, verbatim("discounts: cell 1")), "#NUM!", /discounts: cell 1 .*above 0 and at most 1/);
    },
  );
});

describe("applyDiscounts — seed 004, 大客户团购优惠", () => {
  // 130 m² × 3400 ¥/m² = 442000; one-off 9.8折 → 433160; group 9.8折 on top → 424496.8; saving 17503.2.
  const price = 130 * 3400;

  it("reproduces the seed's table exactly", () => {
    expect(price).toBe(442000);
    expect(applyDiscounts(price, [parseDiscount("9.8折", verbatim("d"))])).toBe(433160);
    const final = applyDiscounts(price, [parseDiscount("9.8折", verbatim("d")), parseDiscount("9.8折", verbatim("d"))]);
    expect(final).toBe(424496.8);
    // The saving is price − final; 424496.8 itself is not a binary fraction, so compare to 1e-8.
    expect(price - final).toBeCloseTo(17503.2, 8);
  });

  it("does not leak the binary noise chained doubles would give", () => {
    expect(19.99 * 0.9 * 0.85).toBe(15.292349999999999);
    expect(applyDiscounts(19.99, [parseDiscount("9折", verbatim("d")), parseDiscount("85折", verbatim("d"))])).toBe(15.29235);
  });

  it("returns the price when there is no discount", () => {
    expect(applyDiscounts(1234.56, [])).toBe(1234.56);
  });

  it("rejects a negative price with #NUM! naming price", () => {
    expectDomainError(() => applyDiscounts(-1, []), "#NUM!", /^price/);
  });

  it("equals the exactly rounded product for prices in fen and whole-percent factors (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), fc.array(fc.integer({ min: 1, max: 100 }), { maxLength: 6 }), (fen, percents) => {
        const exact = percents.reduce((product, percent) => product * BigInt(percent), BigInt(fen));
        const expected = Number(`${exact}e-${2 + 2 * percents.length}`);
        const factors = percents.map((percent) => parseDiscount(`${percent}%`, verbatim("d")));
        expect(applyDiscounts(fen / 100, factors)).toBe(expected);
      }),
    );
  });

  it("does not depend on the order of the discounts (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e9, noNaN: true }), fc.array(fc.integer({ min: 1, max: 99 }), { maxLength: 5 }), (price, zhe) => {
        const factors = zhe.map((value) => parseDiscount(`${value}折`, verbatim("d")));
        expect(applyDiscounts(price, [...factors].reverse())).toBe(applyDiscounts(price, factors));
      }),
    );
  });
});
