import { type Decimal, decimalFromNumber, decimalToNumber, scaledInteger } from "./decimal";
import { divError, numError } from "./errors";

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

function checkFinite(value: number, name: string): void {
  if (!Number.isFinite(value)) throw numError(`${name} must be a finite number (got ${value})`);
}

/** How many units make up total; total must be a whole multiple of unit. */
function unitCount(total: number, unit: number): bigint {
  checkFinite(total, "total");
  checkFinite(unit, "unit");
  if (total < 0) throw numError(`total must be ≥ 0 (got ${total})`);
  if (unit <= 0) throw numError(`unit must be more than 0 (got ${unit})`);
  const totalDecimal = decimalFromNumber(total);
  const unitDecimal = decimalFromNumber(unit);
  const exponent = commonExponent([totalDecimal, unitDecimal]);
  const scaledTotal = scaledInteger(totalDecimal, exponent);
  const scaledUnit = scaledInteger(unitDecimal, exponent);
  if (scaledTotal % scaledUnit !== 0n) throw numError(`total must be a whole multiple of unit (${unit}); got ${total}`);
  const count = scaledTotal / scaledUnit;
  if (count > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw numError(`total is too many units of ${unit} (more than ${Number.MAX_SAFE_INTEGER}); use a larger unit`);
  }
  return count;
}

function scaledWeights(weights: readonly number[]): bigint[] {
  const decimals = weights.map((weight, index) => {
    checkFinite(weight, `weights: item ${index + 1}`);
    if (weight < 0) throw numError(`weights: item ${index + 1} is negative (${weight}); weights must be ≥ 0`);
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
  if (weightSum === 0n) throw divError("weights are all 0 (or empty); there is nothing to split total by");

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
