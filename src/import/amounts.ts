import { decimalFromNumber, decimalToNumber, multiply, parseDecimal, type Decimal } from "../domain/decimal";
import type { CellValue } from "../spec/sheetSpec";

/**
 * Amounts as lists write them: ¥ / ￥ / RMB before, 元 after, 万 / 万元 (× 10 000) or 亿 (× 100 000 000),
 * thousands separators (, and the full-width ，), full-width digits, (1,234) or −1234 for a negative.
 * Computed on the decimal the text says and rounded once at the end, so 1.1万 is 11000 exactly (not
 * 11000.000000000002, as 1.1 × 10000 is in binary).
 */

const UNITS: readonly (readonly [string, bigint])[] = [
  ["万元", 10_000n],
  ["万", 10_000n],
  ["亿元", 100_000_000n],
  ["亿", 100_000_000n],
  ["元", 1n],
];
const CURRENCY = /^(?:¥|rmb|cny)/;
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;

/** 10 000 when a header says its amounts are in 万 (年销售额(万元), 金额/万), else 1. */
export const headerScale = (header: string): bigint => (/万/.test(header) ? 10_000n : 1n);

const scaled = (value: Decimal, scale: bigint): number => decimalToNumber(multiply(value, { coefficient: scale, exponent: 0 }));

/**
 * The number `cell` holds, scaled by the column's unit unless the cell names its own; undefined when it
 * is not a number. `text` is NFKC-folded (full-width → half-width, ￥ → ¥), lower-cased and trimmed.
 */
export function readAmount(cell: CellValue, text: string, scale: bigint): number | undefined {
  if (typeof cell === "number") return Number.isFinite(cell) ? scaled(decimalFromNumber(cell), scale) : undefined;
  if (typeof cell !== "string") return undefined;
  let t = text.replace(/\s+/g, "");
  let negative = false;
  if (/^\(.*\)$/.test(t)) {
    negative = true;
    t = t.slice(1, -1);
  }
  if (t.startsWith("-") && CURRENCY.test(t.slice(1))) {
    negative = true;
    t = t.slice(1);
  }
  t = t.replace(CURRENCY, "");
  let unit = scale;
  const named = UNITS.find(([word]) => t.endsWith(word));
  if (named) {
    t = t.slice(0, -named[0].length);
    unit = named[1];
  }
  if (t.includes(",")) {
    if (!GROUPED.test(t)) return undefined;
    t = t.replace(/,/g, "");
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(t)) return undefined;
  // Unscaled, the double nearest the text is what the exact path would round to: parse it directly.
  if (unit === 1n) return negative ? 0 - Number(t) : Number(t);
  const value = parseDecimal(t);
  if (!value) return undefined;
  return scaled(negative ? { ...value, coefficient: -value.coefficient } : value, unit);
}
