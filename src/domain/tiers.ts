import { checkSerial } from "./calendar";
import { argNames } from "../contract/functionNames";
import type { Bilingual } from "../contract/locale";
import { cellText } from "../contract/excerpt";
import { numError, valueError } from "./errors";

const ABC = argNames("ABC");
const TIER = argNames("TIER");
const NEXTVISIT = argNames("NEXTVISIT");

export type Tier = "A" | "B" | "C";

export const DEFAULT_A_SHARE = 0.4;
export const DEFAULT_B_SHARE = 0.8;

/**
 * Decimals before(v)/T is rounded to before it is compared with a share — the one tolerance rule of
 * SALES.ABC and the register's formula (customerRegister.ts, as ROUND(…,ABC_RATIO_DIGITS)). Decimal
 * amounts are not exact doubles: 12.6 / 31.5 is 0.39999999999999997, 0.08 / 0.1 is 0.7999999999999999,
 * and a sum rounds by the order it is added in (31.5 or 31.499999999999996), so an amount exactly on a
 * threshold would fall a class too low, or change class when the rows are sorted. At 12 decimals that
 * noise (a few 1e-16) is gone, while a cent ratio that is not exactly a whole-percent share differs
 * from it by at least 1/(100·T in cents) — more than 1e-12 for any total below 100 000 000.00.
 */
export const ABC_RATIO_DIGITS = 12;
const RATIO_SCALE = 10 ** ABC_RATIO_DIGITS;

/** before/T as SALES.ABC and the register compare it with a share (`ABC_RATIO_DIGITS`). */
export function abcRatio(before: number, total: number): number {
  return Math.round((before / total) * RATIO_SCALE) / RATIO_SCALE;
}

function checkShares(aShare: number, bShare: number): void {
  if (!(aShare > 0 && aShare <= 1)) {
    throw numError({
      en: `a_share must be more than 0 and at most 1 (got ${aShare})`,
      zh: `${ABC.a_share.zh}必须大于 0 且不超过 1（当前为 ${aShare}）`,
    });
  }
  if (!(bShare > 0 && bShare <= 1)) {
    throw numError({
      en: `b_share must be more than 0 and at most 1 (got ${bShare})`,
      zh: `${ABC.b_share.zh}必须大于 0 且不超过 1（当前为 ${bShare}）`,
    });
  }
  if (aShare > bShare) {
    throw numError({
      en: `a_share (${aShare}) must not be more than b_share (${bShare})`,
      zh: `${ABC.a_share.zh}（${aShare}）不能大于${ABC.b_share.zh}（${bShare}）`,
    });
  }
}

/** Which 32-bit half of a Float64Array element holds a double's low bits on this platform. */
const LOW_WORD = new Uint32Array(new Float64Array([1]).buffer)[0] === 0 ? 0 : 1;

/** Below this many values the 65 536-entry counts cost more than the native sort saves. */
const RADIX_FROM = 65536;

/**
 * Sorts amounts ascending, the same order as Float64Array.prototype.sort. The amounts are finite and
 * ≥ 0 (a -0 is stored as 0), and such doubles order as their bit patterns read as unsigned integers,
 * so a least-significant-digit radix sort over four 16-bit digits does it in four linear passes: at a
 * million values that is about half the time of the native comparison sort (bench/functions.bench.ts).
 * Sorts in place or into a new array; use the returned one.
 */
function sortAmounts(amounts: Float64Array): Float64Array {
  const size = amounts.length;
  if (size < RADIX_FROM) return amounts.sort();
  let from = amounts;
  let to: Float64Array = new Float64Array(size);
  let fromWords: Uint32Array = new Uint32Array(from.buffer, from.byteOffset, 2 * size);
  let toWords: Uint32Array = new Uint32Array(to.buffer);
  const starts = new Uint32Array(65536);
  for (let digit = 0; digit < 4; digit++) {
    const word = digit < 2 ? LOW_WORD : 1 - LOW_WORD;
    const shift = (digit & 1) * 16;
    starts.fill(0);
    for (let index = 0; index < size; index++) starts[(fromWords[2 * index + word] >>> shift) & 0xffff]++;
    // A digit every value shares (the low bits of whole amounts) moves nothing.
    if (starts[(fromWords[word] >>> shift) & 0xffff] === size) continue;
    for (let bucket = 0, start = 0; bucket < 65536; bucket++) {
      const count = starts[bucket];
      starts[bucket] = start;
      start += count;
    }
    for (let index = 0; index < size; index++) to[starts[(fromWords[2 * index + word] >>> shift) & 0xffff]++] = from[index];
    [from, to] = [to, from];
    [fromWords, toWords] = [toWords, fromWords];
  }
  return from;
}

/** The smallest amounts still in class A and in class B (Infinity when none is): see `abcCutoffs`. */
export interface AbcCutoffs {
  readonly a: number;
  readonly b: number;
}

/**
 * Pareto classes, DOMAIN §2.1: with before(v) the sum of the values strictly greater than v and T the
 * total, v is A if before/T < a_share, else B if before/T < b_share, else C.
 *
 * Because before(v) only grows as v falls, each class is "v ≥ some cut-off": one descending pass over
 * the sorted distinct values finds the two cut-offs, and every value is then classed in O(1)
 * (`abcClassOf`). Tied values get the same before(), so they share a class, and nothing depends on row
 * order. before/T is rounded to ABC_RATIO_DIGITS decimals first, so a ratio that is exactly a share in
 * cents (60/100, 12.6/31.5 vs 0.4) compares equal to the typed share whatever order the sums were added in.
 * `amounts` is a typed array, NaN for a blank: a register column can be a million values, and the
 * custom function reads them straight into it (functions/excelArgs.ts, `amountsArg`).
 */
export function abcCutoffs(amounts: Float64Array, aShare = DEFAULT_A_SHARE, bShare = DEFAULT_B_SHARE): AbcCutoffs {
  checkShares(aShare, bShare);
  // Plain loops into a typed array, not forEach/map/reduce: each runs once per value (bench/functions.bench.ts).
  const count = amounts.length;
  const present = new Float64Array(count);
  let size = 0;
  for (let index = 0; index < count; index++) {
    const value = amounts[index];
    if (value !== value) continue;
    checkAmount(value, index);
    present[size++] = value + 0; // -0 + 0 is 0: the radix sort orders bit patterns
  }
  const sorted = sortAmounts(present.subarray(0, size));
  let total = 0;
  for (let index = 0; index < size; index++) total += sorted[index];
  if (!Number.isFinite(total)) {
    throw numError({
      en: "values add up to more than the largest number Excel can hold",
      zh: `${ABC.values.zh}合计超过了 Excel 能容纳的最大数字`,
    });
  }

  let a = Infinity;
  let b = Infinity;
  if (total > 0) {
    let before = 0;
    for (let end = size; end > 0; ) {
      const value = sorted[end - 1];
      let start = end - 1;
      while (start > 0 && sorted[start - 1] === value) start--;
      const share = abcRatio(before, total);
      if (share < aShare) a = value;
      if (share < bShare) b = value;
      before += value * (end - start);
      end = start;
    }
  }
  return { a, b };
}

/** An amount ABC classes: finite and ≥ 0; `index` numbers it (from 0) in the message. */
function checkAmount(value: number, index: number): void {
  if (!Number.isFinite(value)) {
    throw numError({
      en: `values: item ${index + 1} is not a finite number (${value})`,
      zh: `${ABC.values.zh}：第 ${index + 1} 项不是有效的数字（${value}）`,
    });
  }
  if (value < 0) {
    throw numError({
      en: `values: item ${index + 1} is negative (${value}); amounts must be ≥ 0`,
      zh: `${ABC.values.zh}：第 ${index + 1} 项是负数（${value}），金额不能为负数`,
    });
  }
}

/** The class of an amount, given the cut-offs of its column. */
export const abcClassOf = (value: number, cutoffs: AbcCutoffs): Tier => (value >= cutoffs.a ? "A" : value >= cutoffs.b ? "B" : "C");

/** `abcCutoffs` over a list, null for a blank: each value's class, "" for a blank. */
export function abcClasses(values: readonly (number | null)[], aShare = DEFAULT_A_SHARE, bShare = DEFAULT_B_SHARE): (Tier | "")[] {
  // The shares first, then the values in order, as abcCutoffs checks them; here because NaN stands for a
  // blank in the typed array, so a NaN value must be refused before it gets there.
  checkShares(aShare, bShare);
  const amounts = new Float64Array(values.length);
  for (let index = 0; index < values.length; index++) {
    const value = values[index];
    if (value === null) amounts[index] = NaN;
    else {
      checkAmount(value, index);
      amounts[index] = value;
    }
  }
  const cutoffs = abcCutoffs(amounts, aShare, bShare);
  return values.map((value) => (value === null ? "" : abcClassOf(value, cutoffs)));
}

function checkThresholds(aMin: number, bMin: number): void {
  if (!Number.isFinite(aMin)) {
    throw numError({ en: `a_min must be a finite number (got ${aMin})`, zh: `${TIER.a_min.zh}不是有效的数字（当前为 ${aMin}）` });
  }
  if (!Number.isFinite(bMin)) {
    throw numError({ en: `b_min must be a finite number (got ${bMin})`, zh: `${TIER.b_min.zh}不是有效的数字（当前为 ${bMin}）` });
  }
  if (aMin < bMin) {
    throw numError({
      en: `a_min (${aMin}) must not be less than b_min (${bMin})`,
      zh: `${TIER.a_min.zh}（${aMin}）不能小于${TIER.b_min.zh}（${bMin}）`,
    });
  }
}

const tierAbove = (value: number, aMin: number, bMin: number): Tier => (value >= aMin ? "A" : value >= bMin ? "B" : "C");

/** DOMAIN §2.2: A if value ≥ a_min, B if ≥ b_min, else C. */
export function thresholdTier(value: number, aMin: number, bMin: number): Tier {
  checkThresholds(aMin, bMin);
  return tierAbove(value, aMin, bMin);
}

/** thresholdTier over a list; the thresholds are checked even when every value is blank. */
export function thresholdTiers(values: readonly (number | null)[], aMin: number, bMin: number): (Tier | "")[] {
  checkThresholds(aMin, bMin);
  return values.map((value) => (value === null ? "" : tierAbove(value, aMin, bMin)));
}

export interface VisitIntervals {
  readonly A: number;
  readonly B: number;
  readonly C: number;
}

/** How often a tier is visited: `times` visits every `days` days. */
export interface VisitFrequency {
  readonly times: number;
  readonly days: number;
}

/** Seed 001's 拜访标准: A-每周三次, B-每周两次, C-两周一次 (it replaced DOMAIN §2.2's 7/14/30 days, which no seed gives). */
export const DEFAULT_VISIT_FREQUENCIES: Readonly<Record<Tier, VisitFrequency>> = {
  A: { times: 3, days: 7 },
  B: { times: 2, days: 7 },
  C: { times: 1, days: 14 },
};

/**
 * The whole days between visits that keep up a frequency: rounded down, so never fewer visits than it
 * asks (three a week is every 2 days, twice a week every 3), and at least a day. The register's formula
 * is `MAX(1,INT(days/times))`.
 */
export const intervalOf = (f: VisitFrequency): number => Math.max(1, Math.floor(f.days / f.times));

export const DEFAULT_VISIT_INTERVALS: VisitIntervals = {
  A: intervalOf(DEFAULT_VISIT_FREQUENCIES.A),
  B: intervalOf(DEFAULT_VISIT_FREQUENCIES.B),
  C: intervalOf(DEFAULT_VISIT_FREQUENCIES.C),
};

export function checkVisitIntervals(intervals: VisitIntervals): VisitIntervals {
  for (const tier of ["A", "B", "C"] as const) {
    const days = intervals[tier];
    if (!Number.isInteger(days) || days < 0) {
      throw numError({
        en: `intervals: the ${tier} interval must be a whole number of days ≥ 0 (got ${days})`,
        zh: `${NEXTVISIT.intervals.zh}：${tier} 类的间隔天数必须是不小于 0 的整数（当前为 ${days}）`,
      });
    }
  }
  return intervals;
}

/**
 * Reads a tier label as people type it: "A", " b ", full-width "Ａ". Blank means "not graded yet"
 * and gives undefined, so a register row without a grade gets no next visit instead of an error.
 */
export function readTier(label: string, what: Bilingual): Tier | undefined {
  const tier = label.normalize("NFKC").trim().toUpperCase();
  if (tier === "") return undefined;
  if (tier === "A" || tier === "B" || tier === "C") return tier;
  throw valueError({
    en: `${what.en} (${cellText(label)}) is not a tier; use A, B or C`,
    zh: `${what.zh}（${cellText(label)}）不是有效的等级，请填写 A、B 或 C`,
  });
}

export function visitIntervalDays(tier: Tier, intervals: VisitIntervals = DEFAULT_VISIT_INTERVALS): number {
  return checkVisitIntervals(intervals)[tier];
}

/** The date of the next visit: the last visit plus the tier's interval. */
export function nextVisitDate(lastVisit: number, tier: Tier, intervals: VisitIntervals = DEFAULT_VISIT_INTERVALS): number {
  checkSerial(lastVisit, NEXTVISIT.last_visit);
  return checkSerial(lastVisit + visitIntervalDays(tier, intervals), { en: "the next visit", zh: "下次拜访日期" });
}
