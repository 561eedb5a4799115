import fc from "fast-check";
import { apportion, apportionHeld } from "../../src/domain/apportion";
import { expectDomainError } from "./expectDomainError";

describe("apportion — worked examples", () => {
  it("splits 100 over twelve equal months in fen: 8.34 ×4 then 8.33 ×8", () => {
    expect(apportion(100, Array(12).fill(1), 0.01)).toEqual([...Array(4).fill(8.34), ...Array(8).fill(8.33)]);
  });

  it("splits by the 2:3:1 product ratio, the extra unit going to the largest remainder", () => {
    // quotas 33.33, 50, 16.67 → floors 33, 50, 16; the leftover unit goes to .67.
    expect(apportion(100, [2, 3, 1])).toEqual([33, 50, 17]);
  });

  it("breaks equal remainders towards the larger weight before the earlier position", () => {
    // total 3 over weights 1 and 5: quotas 0.5 and 2.5, equal remainders; weight 5 wins.
    expect(apportion(3, [1, 5])).toEqual([0, 3]);
    expect(apportion(3, [5, 1])).toEqual([3, 0]);
  });

  it("breaks full ties towards the earlier position", () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(2, [1, 1, 2])).toEqual([1, 0, 1]);
  });

  it("gives zero to zero weights and handles a zero total", () => {
    expect(apportion(7, [0, 1, 0])).toEqual([0, 7, 0]);
    expect(apportion(0, [1, 2])).toEqual([0, 0]);
  });

  it("reads decimal weights exactly (0.15 is fifteen hundredths)", () => {
    expect(apportion(100, [0.15, 0.85])).toEqual([15, 85]);
    expect(apportion(1, [0.1, 0.2, 0.7], 0.01)).toEqual([0.1, 0.2, 0.7]);
  });

  it("never shows binary noise such as 0.30000000000000004", () => {
    expect(apportion(0.3, [1, 2], 0.1)).toEqual([0.1, 0.2]);
    expect(apportion(0.6, [1, 1], 0.3)).toEqual([0.3, 0.3]);
    expect(apportion(0.9, [1, 2], 0.1)).toEqual([0.3, 0.6]);
  });

  it("supports units coarser than 1", () => {
    expect(apportion(10000, [1, 1, 1], 100)).toEqual([3400, 3300, 3300]);
  });

  it("is exact for totals of 10^12 fen with unit 0.01", () => {
    expect(apportion(9999999999.99, [1, 1, 1], 0.01)).toEqual([3333333333.33, 3333333333.33, 3333333333.33]);
    expect(apportion(10000000000, [1, 2], 0.01)).toEqual([3333333333.33, 6666666666.67]);
  });
});

describe("apportion — errors", () => {
  it.each<[string, () => unknown, "#NUM!" | "#DIV/0!", RegExp]>([
    ["a negative total", () => apportion(-1, [1]), "#NUM!", /^total must be ≥ 0/],
    ["a zero unit", () => apportion(1, [1], 0), "#NUM!", /^unit must be more than 0/],
    ["a negative unit", () => apportion(1, [1], -0.01), "#NUM!", /^unit/],
    ["a negative weight", () => apportion(1, [1, -2]), "#NUM!", /^weights: item 2 is negative/],
    ["a total that is not a whole multiple of unit", () => apportion(1.005, [1], 0.01), "#NUM!", /total must be a whole multiple of unit \(0\.01\)/],
    ["all weights 0", () => apportion(5, [0, 0]), "#DIV/0!", /weights are all 0/],
    ["no weights", () => apportion(5, []), "#DIV/0!", /weights are all 0/],
    ["NaN in the weights", () => apportion(5, [NaN]), "#NUM!", /^weights: item 1 must be a finite number/],
    ["an infinite total", () => apportion(Infinity, [1]), "#NUM!", /^total must be a finite number/],
    ["more units than Number.MAX_SAFE_INTEGER", () => apportion(1e14, [1], 0.01), "#NUM!", /too many units/],
    ["a total beyond safe integers", () => apportion(2 ** 53 + 2, [1, 1]), "#NUM!", /too many units/],
  ])("rejects %s", (_, run, code, message) => {
    expectDomainError(run, code, message);
  });

  it("accepts the largest safe number of units", () => {
    expect(apportion(Number.MAX_SAFE_INTEGER, [1, 1])).toEqual([4503599627370496, 4503599627370495]);
  });
});

describe("apportion — properties", () => {
  const units = fc.integer({ min: 0, max: 10 ** 12 });
  const weights = fc
    .array(fc.integer({ min: 0, max: 10 ** 6 }), { minLength: 1, maxLength: 40 })
    .filter((list) => list.some((weight) => weight > 0));
  const unitChoice = fc.constantFrom(1, 0.01, 0.1, 0.05, 100);
  const decimalsOf = (value: number): number => (String(value).split(".")[1] ?? "").length;
  /** value × 10^places as an exact integer, read from its shortest decimal text (plain below 1e21). */
  const shifted = (value: number, places: number): bigint => {
    const [whole, fraction = ""] = String(value).split(".");
    expect(fraction.length).toBeLessThanOrEqual(places);
    return BigInt(whole + fraction.padEnd(places, "0"));
  };

  it("parts are multiples of unit, sum exactly to total and are within one unit of their quota", () => {
    fc.assert(
      fc.property(units, weights, unitChoice, (count, list, unit) => {
        const places = decimalsOf(unit);
        const total = Number((count * unit).toFixed(places));
        expect(shifted(total, places)).toBe(BigInt(count) * shifted(unit, places));
        const parts = apportion(total, list, unit);
        const partUnits = parts.map((part) => {
          const exact = shifted(part, places);
          expect(exact % shifted(unit, places)).toBe(0n);
          return exact / shifted(unit, places);
        });
        expect(partUnits.reduce((sum, part) => sum + part, 0n)).toBe(BigInt(count));
        const weightSum = BigInt(list.reduce((sum, weight) => sum + weight, 0));
        partUnits.forEach((part, index) => {
          // |part − count·w/W| < 1  ⇔  |part·W − count·w| < W, checked exactly.
          const gap = part * weightSum - BigInt(count) * BigInt(list[index]);
          expect(gap < weightSum && -gap < weightSum).toBe(true);
        });
      }),
    );
  });

  it("reads weights with two decimals exactly like the same weights in hundredths", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 9 }), weights, (total, list) => {
        expect(apportion(total, list.map((weight) => weight / 100))).toEqual(apportion(total, list));
      }),
    );
  });

  it("gives every leftover unit to a larger remainder than any part that got none", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 6 }), weights, (total, list) => {
        const parts = apportion(total, list);
        const weightSum = list.reduce((sum, weight) => sum + weight, 0);
        const remainder = (index: number): number => (total * list[index]) % weightSum;
        const floor = (index: number): number => Math.floor((total * list[index]) / weightSum);
        const lucky = list.map((_, index) => index).filter((index) => parts[index] > floor(index));
        const unlucky = list.map((_, index) => index).filter((index) => parts[index] === floor(index));
        lucky.forEach((winner) =>
          unlucky.forEach((loser) => {
            const beats =
              remainder(winner) > remainder(loser) ||
              (remainder(winner) === remainder(loser) &&
                (list[winner] > list[loser] || (list[winner] === list[loser] && winner < loser)));
            expect(beats).toBe(true);
          }),
        );
      }),
    );
  });
});

describe("apportionHeld — some parts fixed by hand", () => {
  it("keeps the held parts and splits the rest by weight", () => {
    // 100 − 40 = 60 over 1:2 (the held part's weight 5 is ignored) → 20, 40.
    expect(apportionHeld(100, [5, 1, 2], [40, undefined, undefined])).toEqual([40, 20, 40]);
    // 10 − 1 = 9 over 1:1 → 4.5 each: floors 4, 4, the leftover unit to the earlier.
    expect(apportionHeld(10, [1, 1, 1], [undefined, 1, undefined])).toEqual([5, 1, 4]);
  });

  it("is exact in decimals: 1 − 0.3 held in fen leaves 0.7", () => {
    expect(apportionHeld(1, [1, 1], [0.3, undefined], 0.01)).toEqual([0.3, 0.7]);
  });

  it("gives the others 0 when the holds use up the total, whatever their weights", () => {
    expect(apportionHeld(100, [0, 0, 0], [60, 40, undefined])).toEqual([60, 40, 0]);
    expect(apportionHeld(100, [1, 1], [60, 40])).toEqual([60, 40]);
  });

  it("without holds it is apportion", () => {
    expect(apportionHeld(100, [2, 3, 1], [undefined, undefined, undefined])).toEqual(apportion(100, [2, 3, 1]));
  });

  it.each<[string, () => unknown, "#NUM!" | "#DIV/0!", RegExp]>([
    ["holds above the total", () => apportionHeld(100, [1, 1], [60, 50]), "#NUM!", /^the fixed parts \(110\) exceed total \(100\)/],
    ["a negative hold", () => apportionHeld(100, [1, 1], [-1, undefined]), "#NUM!", /^a fixed part is negative/],
    ["a rest with no weight to go to", () => apportionHeld(100, [1, 0], [60, undefined]), "#DIV/0!", /weights are all 0/],
  ])("refuses %s", (_name, run, code, fragment) => {
    expectDomainError(run, code, fragment);
  });

  it("property: held parts kept, the whole exact, the rest within one unit of its quota", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ weight: fc.integer({ min: 1, max: 100 }), hold: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: undefined }) }), { minLength: 1, maxLength: 20 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        (parts, extra) => {
          const held = parts.reduce((s, p) => s + (p.hold ?? 0), 0);
          const free = parts.filter((p) => p.hold === undefined);
          const total = held + (free.length > 0 ? extra : 0);
          const result = apportionHeld(total, parts.map((p) => p.weight), parts.map((p) => p.hold));
          expect(result.reduce((a, b) => a + b, 0)).toBe(total);
          const freeWeight = free.reduce((s, p) => s + p.weight, 0);
          parts.forEach((p, i) => {
            if (p.hold !== undefined) expect(result[i]).toBe(p.hold);
            else expect(Math.abs(result[i] - ((total - held) * p.weight) / freeWeight)).toBeLessThan(1);
          });
        },
      ),
    );
  });
});
