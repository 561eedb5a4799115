import fc from "fast-check";
import { serialFromYmd } from "../../src/domain/calendar";
import { abcClasses, abcRatio, DEFAULT_VISIT_FREQUENCIES, intervalOf, nextVisitDate, readTier, thresholdTier, thresholdTiers, visitIntervalDays } from "../../src/domain/tiers";
import { verbatim } from "../../src/contract/locale";
import { expectDomainError } from "./expectDomainError";

describe("abcClasses — DOMAIN §2.1 at 40 % / 80 %", () => {
  it("keeps the item that crosses 40 % in A and the one that crosses 80 % in B", () => {
    // before/T: 30 → 0, 25 → .30 (crosses 40 %), 20 → .55, 15 → .75 (crosses 80 %), 10 → .90.
    expect(abcClasses([20, 10, 30, 15, 25])).toEqual(["B", "C", "A", "B", "A"]);
  });

  it("gives tied values one class, even when the tie spans a boundary", () => {
    // 30 → A; the three 20s all have before = 30 (30 %) → A; 10 has before = 90 % → C.
    expect(abcClasses([20, 30, 20, 10, 20])).toEqual(["A", "A", "A", "C", "A"]);
    // before(30) = 40 = exactly 40 %: not below a_share, so B for both.
    expect(abcClasses([30, 40, 30])).toEqual(["B", "A", "B"]);
  });

  it("treats a share equal to the boundary as not below it", () => {
    expect(abcClasses([60, 40], 0.4, 0.6)).toEqual(["A", "C"]);
    expect(abcClasses([60, 40])).toEqual(["A", "B"]);
  });

  it("keeps blanks blank and classes everything C when the total is 0", () => {
    expect(abcClasses([5, null, 0])).toEqual(["A", "", "C"]);
    expect(abcClasses([0, null, 0])).toEqual(["C", "", "C"]);
    expect(abcClasses([null])).toEqual([""]);
  });

  it("honours other shares", () => {
    expect(abcClasses([50, 30, 20], 0.5, 0.5)).toEqual(["A", "C", "C"]);
    expect(abcClasses([50, 30, 20], 1, 1)).toEqual(["A", "A", "A"]);
  });

  it.each<[string, () => unknown, RegExp]>([
    ["a negative value", () => abcClasses([1, -2]), /^values: item 2 is negative/],
    ["a_share above b_share", () => abcClasses([1], 0.9, 0.8), /^a_share \(0\.9\) must not be more than b_share \(0\.8\)/],
    ["a_share of 0", () => abcClasses([1], 0, 0.8), /^a_share must be more than 0/],
    ["b_share above 1", () => abcClasses([1], 0.4, 1.5), /^b_share must be more than 0 and at most 1/],
    ["a total beyond doubles", () => abcClasses([1e308, 1e308]), /^values add up to more than/],
    // NaN is a blank in the typed array abcCutoffs reads, so the list refuses it itself.
    ["NaN", () => abcClasses([1, Number.NaN]), /^values: item 2 is not a finite number \(NaN\)/],
    ["Infinity", () => abcClasses([1, Infinity]), /^values: item 2 is not a finite number \(Infinity\)/],
    ["-Infinity", () => abcClasses([1, -Infinity]), /^values: item 2 is not a finite number \(-Infinity\)/],
    ["the first bad value, in order", () => abcClasses([-1, Number.NaN]), /^values: item 1 is negative/],
    ["bad shares before bad values", () => abcClasses([Number.NaN], 0.9, 0.8), /^a_share \(0\.9\) must not be more than b_share/],
  ])("rejects %s with #NUM!", (_, run, message) => {
    expectDomainError(run, "#NUM!", message);
  });
});

describe("abcClasses — properties", () => {
  const amounts = fc.array(fc.option(fc.integer({ min: 0, max: 1000 }), { nil: null, freq: 8 }), { maxLength: 60 });
  const shares = fc
    .tuple(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 100 }))
    .map(([a, b]) => [Math.min(a, b) / 100, Math.max(a, b) / 100] as const);
  const sumOf = (values: readonly number[]): number => values.reduce((sum, value) => sum + value, 0);

  it("matches the rule computed naively for every item", () => {
    fc.assert(
      fc.property(amounts, shares, (values, [a, b]) => {
        const present = values.filter((value): value is number => value !== null);
        const total = sumOf(present);
        const expected = values.map((value) => {
          if (value === null) return "";
          if (total === 0) return "C";
          const before = sumOf(present.filter((other) => other > value)) / total;
          return before < a ? "A" : before < b ? "B" : "C";
        });
        expect(abcClasses(values, a, b)).toEqual(expected);
      }),
    );
  });

  it("does not depend on row order", () => {
    const shuffled = amounts.chain((values) => {
      const indices = values.map((_, index) => index);
      return fc.tuple(fc.constant(values), fc.shuffledSubarray(indices, { minLength: indices.length, maxLength: indices.length }));
    });
    fc.assert(
      fc.property(shuffled, shares, ([values, order], [a, b]) => {
        const classes = abcClasses(values, a, b);
        expect(abcClasses(order.map((index) => values[index]), a, b)).toEqual(order.map((index) => classes[index]));
      }),
    );
  });

  it("gives tied values the same class, and A covers ≥ a_share, A+B ≥ b_share of the total", () => {
    fc.assert(
      fc.property(amounts, shares, (values, [a, b]) => {
        const classes = abcClasses(values, a, b);
        const byValue = new Map<number, string>();
        values.forEach((value, index) => {
          if (value === null) return;
          expect(byValue.get(value) ?? classes[index]).toBe(classes[index]);
          byValue.set(value, classes[index]);
        });
        const total = sumOf(values.filter((value): value is number => value !== null));
        fc.pre(total > 0);
        const share = (keep: readonly string[]): number =>
          sumOf(values.filter((value, index): value is number => value !== null && keep.includes(classes[index]))) / total;
        expect(share(["A"])).toBeGreaterThanOrEqual(a);
        expect(share(["A", "B"])).toBeGreaterThanOrEqual(b);
      }),
    );
  });
});

describe("abcClasses — amounts in cents exactly on a threshold", () => {
  it("classes an amount whose before/T is exactly a share as the exact ratio does, whatever the row order", () => {
    // 12.6 / 31.5 is 0.39999999999999997 in doubles and 0.08 / 0.1 is 0.7999999999999999, but exactly 40 % and 80 %.
    expect(abcClasses([12.6, 9.45, 9.45])).toEqual(["A", "B", "B"]);
    expect(abcClasses([9.45, 9.45, 12.6])).toEqual(["B", "B", "A"]);
    expect(abcClasses([0.02, 0.08])).toEqual(["C", "A"]);
    expect(abcClasses([0.08, 0.02])).toEqual(["A", "C"]);
  });

  /** DOMAIN §2.1 in whole cents (BigInt): before/T < p % exactly when 100·before < p·T. */
  function exactAbc(cents: readonly bigint[], aPercent: bigint, bPercent: bigint): string[] {
    const total = cents.reduce((sum, c) => sum + c, 0n);
    return cents.map((c) => {
      if (total === 0n) return "C";
      const before = cents.reduce((sum, other) => (other > c ? sum + other : sum), 0n);
      return 100n * before < aPercent * total ? "A" : 100n * before < bPercent * total ? "B" : "C";
    });
  }

  // Small multiples of one cent amount and shares in steps of 5 %, so the ratios often land exactly on a share.
  const column = fc.record({
    unit: fc.integer({ min: 1, max: 99999 }),
    multiples: fc.array(fc.integer({ min: 0, max: 8 }), { minLength: 1, maxLength: 8 }),
    a: fc.integer({ min: 1, max: 20 }).map((n) => n * 5),
    b: fc.integer({ min: 1, max: 20 }).map((n) => n * 5),
  });

  it("matches the exact whole-cent rule on random cent amounts, in either row order", () => {
    let onThreshold = 0;
    fc.assert(
      fc.property(column, ({ unit, multiples, a, b }) => {
        const [aPercent, bPercent] = [Math.min(a, b), Math.max(a, b)];
        const cents = multiples.map((m) => BigInt(m * unit));
        const expected = exactAbc(cents, BigInt(aPercent), BigInt(bPercent));
        const amounts = cents.map((c) => Number(c) / 100);
        expect(abcClasses(amounts, aPercent / 100, bPercent / 100)).toEqual(expected);
        expect(abcClasses([...amounts].reverse(), aPercent / 100, bPercent / 100)).toEqual([...expected].reverse());
        const total = cents.reduce((sum, c) => sum + c, 0n);
        const on = (c: bigint) => [aPercent, bPercent].some((p) => 100n * cents.reduce((sum, o) => (o > c ? sum + o : sum), 0n) === BigInt(p) * total);
        if (total > 0n && cents.some(on)) onThreshold++;
      }),
      { numRuns: 2000 },
    );
    // The draw does hit the thresholds exactly, so the test exercises the tolerance.
    expect(onThreshold).toBeGreaterThan(50);
  });
});

describe("abcClasses — at register size, against a reference", () => {
  /**
   * DOMAIN §2.1 the plain way: sort a copy, class each distinct value from the top. It adds up in the
   * same order as abcClasses (the total from the smallest value up, before() one distinct value × its
   * count at a time from the largest down), so even with decimals the sums round alike and the classes
   * must be identical, whichever way abcClasses sorts.
   */
  function referenceAbc(values: readonly (number | null)[], aShare: number, bShare: number): string[] {
    const ascending = values.filter((value): value is number => value !== null).sort((x, y) => x - y);
    const total = ascending.reduce((sum, value) => sum + value, 0);
    const counts = new Map<number, number>();
    for (const value of ascending) counts.set(value, (counts.get(value) ?? 0) + 1);
    const classOf = new Map<number, string>();
    let before = 0;
    for (const value of [...counts.keys()].reverse()) {
      const share = abcRatio(before, total);
      classOf.set(value, total > 0 && share < aShare ? "A" : total > 0 && share < bShare ? "B" : "C");
      before += value * (counts.get(value) ?? 0);
    }
    return values.map((value) => (value === null ? "" : (classOf.get(value) ?? "?")));
  }

  /** A column drawn from a pool of `distinct` amounts (so values tie), with blanks, zeros and -0s mixed in. */
  const column = fc
    .record({
      // Both sides of the 65 536 values where abcClasses changes from the native sort to its radix sort.
      size: fc.oneof(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 65536, max: 90000 })),
      distinct: fc.integer({ min: 1, max: 20000 }),
      blanks: fc.integer({ min: 0, max: 50 }),
      zeros: fc.integer({ min: 0, max: 50 }),
      // Whole amounts, cents, and amounts over many orders of magnitude (every 16 bits of the doubles differ).
      kind: fc.constantFrom("whole", "cents", "magnitudes"),
      seed: fc.integer({ min: 1, max: 2147483646 }),
    })
    .map(({ size, distinct, blanks, zeros, kind, seed }) => {
      let state = seed;
      const random = (): number => (state = (state * 48271) % 2147483647) / 2147483647;
      const amount = (): number =>
        kind === "whole" ? Math.floor(random() * 100000) : kind === "cents" ? Math.floor(random() * 10000000) / 100 : 10 ** (random() * 24 - 6);
      const pool = Array.from({ length: distinct }, amount);
      return Array.from({ length: size }, (): number | null => {
        const percent = random() * 100;
        if (percent < blanks) return null;
        if (percent < blanks + zeros) return random() < 0.5 ? 0 : -0;
        return pool[Math.floor(random() * distinct)];
      });
    });
  const shares = fc
    .tuple(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 1000 }))
    .map(([a, b]) => [Math.min(a, b) / 1000, Math.max(a, b) / 1000] as const);

  it("gives exactly the reference's classes, on short columns and on ones long enough for the radix sort", () => {
    fc.assert(
      fc.property(column, shares, (values, [a, b]) => {
        expect(abcClasses(values, a, b)).toEqual(referenceAbc(values, a, b));
      }),
      { numRuns: 60 },
    );
  });
});

describe("thresholds and visits — DOMAIN §2.2", () => {
  it("tiers by a_min and b_min", () => {
    expect([100, 99, 50, 49, -1].map((value) => thresholdTier(value, 100, 50))).toEqual(["A", "B", "B", "C", "C"]);
    expect(thresholdTiers([null, 100], 100, 100)).toEqual(["", "A"]);
  });

  it("rejects a_min below b_min with #NUM!, even with nothing to tier", () => {
    expectDomainError(() => thresholdTier(1, 10, 20), "#NUM!", /^a_min \(10\) must not be less than b_min \(20\)/);
    expectDomainError(() => thresholdTiers([null], 10, 20), "#NUM!", /^a_min/);
  });

  it("visits A three times a week, B twice a week, C once a fortnight by default (seed 001), never less often", () => {
    expect(["A", "B", "C"].map((tier) => visitIntervalDays(tier as "A"))).toEqual([2, 3, 14]);
    expect(nextVisitDate(serialFromYmd(2026, 10, 8), "B")).toBe(serialFromYmd(2026, 10, 11));
    for (const tier of ["A", "B", "C"] as const) {
      const f = DEFAULT_VISIT_FREQUENCIES[tier];
      expect(Math.floor(f.days / intervalOf(f))).toBeGreaterThanOrEqual(f.times);
    }
    expect(nextVisitDate(serialFromYmd(2026, 10, 8), "C", { A: 3, B: 10, C: 60 })).toBe(serialFromYmd(2026, 12, 7));
  });

  it("rejects negative or fractional intervals and visits past 9999", () => {
    expectDomainError(() => visitIntervalDays("A", { A: -1, B: 14, C: 30 }), "#NUM!", /^intervals: the A interval/);
    expectDomainError(() => visitIntervalDays("C", { A: 7, B: 14, C: 1.5 }), "#NUM!", /^intervals: the C interval/);
    expectDomainError(() => nextVisitDate(2958460, "C"), "#NUM!", /after 9999-12-31/);
  });

  it("reads tier labels as typed, blank as ungraded, anything else as #VALUE!", () => {
    expect([" a", "B ", "Ｃ"].map((label) => readTier(label, verbatim("tier")))).toEqual(["A", "B", "C"]);
    expect(readTier("  ", verbatim("tier"))).toBeUndefined();
    expectDomainError(() => readTier("VIP", verbatim("tier: cell 4")), "#VALUE!", /^tier: cell 4 \("VIP"\) is not a tier/);
  });
});
