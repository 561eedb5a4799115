import { type Decimal, decimalFromNumber, decimalToNumber, scaledInteger } from "./decimal";
import { argNames } from "../contract/functionNames";
import type { Bilingual } from "../contract/locale";
import { divError, numError } from "./errors";

const SPLIT = argNames("SPLIT");

/**
 * Largest-remainder (Hamilton) apportionment, DOMAIN §2.3.
 *
 * Everything is done on exact integers: total and unit are scaled to a common decimal exponent and
 * divided into a count of units N, the weights are scaled to integers w_i by their decimal digits, and
 * each quota N·w_i / W is split into an integer part and a remainder N·w_i mod W. All remainders share
 * the denominator W, so comparing them as BigInts is exact — no 0.1+0.2 can decide who gets a unit.
 */

function commonExponent(values: readonly Decimal[]): number {
  return values.reduce((lowest, value) => Math.min(lowest, value.exponent), 0);
}

function checkFinite(value: number, name: Bilingual): void {
  if (!Number.isFinite(value)) {
    throw numError({ en: `${name.en} must be a finite number (got ${value})`, zh: `${name.zh}不是有效的数字（当前为 ${value}）` });
  }
}

/** How many units make up total; total must be a whole multiple of unit. */
function unitCount(total: number, unit: number): bigint {
  checkFinite(total, SPLIT.total);
  checkFinite(unit, SPLIT.unit);
  if (total < 0) throw numError({ en: `total must be ≥ 0 (got ${total})`, zh: `${SPLIT.total.zh}不能为负数（当前为 ${total}）` });
  if (unit <= 0) throw numError({ en: `unit must be more than 0 (got ${unit})`, zh: `${SPLIT.unit.zh}必须大于 0（当前为 ${unit}）` });
  const totalDecimal = decimalFromNumber(total);
  const unitDecimal = decimalFromNumber(unit);
  const exponent = commonExponent([totalDecimal, unitDecimal]);
  const scaledTotal = scaledInteger(totalDecimal, exponent);
  const scaledUnit = scaledInteger(unitDecimal, exponent);
  if (scaledTotal % scaledUnit !== 0n) {
    throw numError({
      en: `total must be a whole multiple of unit (${unit}); got ${total}`,
      zh: `${SPLIT.total.zh}必须是${SPLIT.unit.zh}（${unit}）的整数倍，当前为 ${total}`,
    });
  }
  const count = scaledTotal / scaledUnit;
  if (count > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw numError({
      en: `total is too many units of ${unit} (more than ${Number.MAX_SAFE_INTEGER}); use a larger unit`,
      zh: `${SPLIT.total.zh}按${SPLIT.unit.zh} ${unit} 计超过 ${Number.MAX_SAFE_INTEGER} 份，请使用更大的${SPLIT.unit.zh}`,
    });
  }
  return count;
}

function scaledWeights(weights: readonly number[]): bigint[] {
  const decimals = weights.map((weight, index) => {
    if (!Number.isFinite(weight) || weight < 0) {
      // The label is only built for a bad weight: ranges run to a million cells.
      const item: Bilingual = { en: `weights: item ${index + 1}`, zh: `${SPLIT.weights.zh}：第 ${index + 1} 项` };
      checkFinite(weight, item);
      throw numError({
        en: `${item.en} is negative (${weight}); weights must be ≥ 0`,
        zh: `${item.zh}是负数（${weight}），${SPLIT.weights.zh}不能为负数`,
      });
    }
    return decimalFromNumber(weight);
  });
  const exponent = commonExponent(decimals);
  return decimals.map((decimal) => scaledInteger(decimal, exponent));
}

/**
 * Splits total into parts proportional to weights, each a multiple of unit, summing exactly to total.
 * Leftover units go to the largest remainders; ties to the larger weight, then the earlier index.
 */
export function apportion(total: number, weights: readonly number[], unit = 1): number[] {
  const count = unitCount(total, unit);
  const scaled = scaledWeights(weights);
  const weightSum = scaled.reduce((sum, weight) => sum + weight, 0n);
  if (weightSum === 0n) {
    throw divError({
      en: "weights are all 0 (or empty); there is nothing to split total by",
      zh: `${SPLIT.weights.zh}全部为 0（或为空），无法按${SPLIT.weights.zh}拆分${SPLIT.total.zh}`,
    });
  }

  const shares = scaled.map((weight, index) => {
    const numerator = count * weight;
    return { index, weight, units: numerator / weightSum, remainder: numerator % weightSum };
  });
  const leftover = Number(count - shares.reduce((sum, share) => sum + share.units, 0n));
  const order = [...shares].sort(
    (a, b) =>
      a.remainder !== b.remainder ? (a.remainder > b.remainder ? -1 : 1)
      : a.weight !== b.weight ? (a.weight > b.weight ? -1 : 1)
      : a.index - b.index,
  );
  for (const share of order.slice(0, leftover)) share.units += 1n;

  const unitDecimal = decimalFromNumber(unit);
  return shares.map((share) =>
    decimalToNumber({ coefficient: share.units * unitDecimal.coefficient, exponent: unitDecimal.exponent }),
  );
}

/**
 * `apportion` with some parts fixed: held parts keep their value, total − Σ holds is split over the
 * rest by weight (a hold's weight is ignored). Throws when the holds exceed the total, or when a rest
 * above 0 has no part with weight to go to; a rest of 0 gives the others 0 whatever their weights.
 */
export function apportionHeld(total: number, weights: readonly number[], holds: readonly (number | undefined)[], unit = 1): number[] {
  checkFinite(total, SPLIT.total);
  const given = holds.filter((hold): hold is number => hold !== undefined);
  for (const hold of given) checkFinite(hold, SPLIT.total);
  // Decimal so that 1 − 0.3 held in fen leaves exactly 0.7, not 0.7000000000000001.
  const decimals = [total, ...given].map(decimalFromNumber);
  const exponent = commonExponent(decimals);
  const [scaledTotal, ...scaledHolds] = decimals.map((d) => scaledInteger(d, exponent));
  const negative = given.find((hold) => hold < 0);
  if (negative !== undefined) throw numError({ en: `a fixed part is negative (${negative})`, zh: `固定部分不能为负数（当前为 ${negative}）` });
  const rest = scaledTotal - scaledHolds.reduce((sum, hold) => sum + hold, 0n);
  if (rest < 0n) {
    const held = decimalToNumber({ coefficient: scaledTotal - rest, exponent });
    throw numError({ en: `the fixed parts (${held}) exceed total (${total})`, zh: `固定部分合计（${held}）超过了${SPLIT.total.zh}（${total}）` });
  }
  const free = weights.map((weight, i) => (holds[i] === undefined ? weight : 0));
  const spread = rest === 0n ? free.map(() => 0) : apportion(decimalToNumber({ coefficient: rest, exponent }), free, unit);
  return weights.map((_, i) => holds[i] ?? spread[i]);
}
