/**
 * Exact decimal numbers (coefficient × 10^exponent) for the rules that must not leak binary noise:
 * a number typed as 0.15 means fifteen hundredths, and money splits and discounts are computed on
 * that meaning, then rounded once to the nearest double at the end.
 */
export interface Decimal {
  readonly coefficient: bigint;
  readonly exponent: number;
}

const DECIMAL_TEXT = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

/** Reads plain decimal text such as "9.8", "-.5" or "1e-7"; anything else gives undefined. */
export function parseDecimal(text: string): Decimal | undefined {
  const match = DECIMAL_TEXT.exec(text);
  if (!match) return undefined;
  const [, sign, whole, fraction = "", exponent = "0"] = match;
  if (whole === "" && fraction === "") return undefined;
  const magnitude = BigInt(whole + fraction || "0");
  return {
    coefficient: sign === "-" ? -magnitude : magnitude,
    exponent: Number(exponent) - fraction.length,
  };
}

/**
 * The decimal the user meant by a finite double: String() gives the shortest text that reads back
 * as the same double, so 0.15 becomes 15e-2 rather than 0.1499999999999999944….
 */
export function decimalFromNumber(value: number): Decimal {
  // Whole numbers are the common case (weights, day counts, amounts in yuan); skip the text round trip.
  if (Number.isSafeInteger(value)) return { coefficient: BigInt(value), exponent: 0 };
  const parsed = parseDecimal(String(value));
  if (!parsed || !Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  return parsed;
}

/** The double nearest to the exact decimal value (string parsing rounds correctly). */
export function decimalToNumber(value: Decimal): number {
  // Number(bigint) rounds to nearest just as parsing does, without building a string.
  if (value.exponent === 0) return Number(value.coefficient);
  return Number(`${value.coefficient}e${value.exponent}`);
}

export function multiply(a: Decimal, b: Decimal): Decimal {
  return { coefficient: a.coefficient * b.coefficient, exponent: a.exponent + b.exponent };
}

/** The integer value × 10^-exponent; `exponent` must not exceed value.exponent, so it is exact. */
export function scaledInteger(value: Decimal, exponent: number): bigint {
  return value.exponent === exponent ? value.coefficient : value.coefficient * 10n ** BigInt(value.exponent - exponent);
}

/** Rounds half-even to at most `digits` significant digits. */
export function roundSignificant(value: Decimal, digits: number): Decimal {
  const magnitude = value.coefficient < 0n ? -value.coefficient : value.coefficient;
  const excess = magnitude.toString().length - digits;
  if (excess <= 0) return value;
  const divisor = 10n ** BigInt(excess);
  let quotient = magnitude / divisor;
  const twiceRemainder = (magnitude % divisor) * 2n;
  if (twiceRemainder > divisor || (twiceRemainder === divisor && quotient % 2n === 1n)) quotient += 1n;
  return {
    coefficient: value.coefficient < 0n ? -quotient : quotient,
    exponent: value.exponent + excess,
  };
}
