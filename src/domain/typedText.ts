/**
 * What people type, as the parsers expect it. Chinese input methods in full-width mode produce
 * `２０２６－１１`, `３．５`, `１，２００`, `２：３：１`, `＋２０２６－１０－１０` and the ideographic space:
 * the same text a half-width keyboard gives, in the Unicode "fullwidth forms" block. Every place that
 * reads a typed number, date, week, month or ratio passes the text through `halfWidth` first, so a
 * Chinese IME is never the reason an input is refused.
 */

/** U+FF01..U+FF5E are U+0021..U+007E shifted by 0xFEE0; U+3000 is the ideographic (full-width) space. */
const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/g;

export function halfWidth(text: string): string {
  return text.replace(FULL_WIDTH, (c) => (c === "\u3000" ? " " : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

/**
 * What a person types for a number: digits with an optional point, or thousands grouped by commas in
 * threes. Nothing a programming language would also read — no exponent (`1e2`), no hex (`0x10`), no
 * `Infinity` — and no commas elsewhere: `12,00` is a decimal comma in much of Europe, not twelve hundred.
 */
const PLAIN = /^[+-]?(\d+\.?\d*|\.\d+)$/;
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;

/**
 * A typed number as plain decimal text ("1,200" → "1200", "３．５" → "3.5", " 3 " → "3"), or undefined
 * when it is not one. The one rule every typed number, rate, ratio and weight is read by.
 */
export function typedDecimalText(text: string): string | undefined {
  const typed = halfWidth(text).trim();
  return PLAIN.test(typed) || GROUPED.test(typed) ? typed.replace(/,/g, "") : undefined;
}

/**
 * A typed or pasted number: "1,200", " 3 ", "30%" (a percentage counts as its number), full-width
 * forms included ("１，２００", "３．５"); a number cell passes through. Undefined when it is not a number
 * as `typedDecimalText` reads one, or has too many digits to be a finite double.
 */
export function readTypedNumber(input: unknown): number | undefined {
  if (typeof input === "number") return Number.isFinite(input) ? input : undefined;
  if (typeof input !== "string") return undefined;
  const text = typedDecimalText(halfWidth(input).trim().replace(/%$/, ""));
  const value = text === undefined ? NaN : Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/**
 * Whether a list typed with commas between its entries holds what could be a number with its thousands
 * grouped (`1,500`, `300,000.5`): one to three digits not after a digit or a point, then groups of exactly
 * three. Read as two entries it would be a wrong number in silence. `80000,500` or `1.5,500` cannot be a
 * grouping, so there the commas can only separate.
 */
export const hasThousandsComma = (text: string): boolean => /(?<![\d.])\d{1,3}(?:,\d{3})+(?!\d)/.test(halfWidth(text));

/**
 * Whether a list that must hold `expected` entries (twelve months) cannot be read for sure, given its
 * `entries` split at every comma: it holds what could be a thousands group, and the entries are not
 * `expected` plain numbers — too many or too few, or one with a leading zero (`000`, `050`), which nobody
 * types but a group's tail is. Split into exactly `expected` plain numbers, nothing else fits: reading any
 * comma as a thousands group would leave too few.
 */
export const commasAmbiguous = (text: string, entries: readonly string[], expected: number): boolean =>
  hasThousandsComma(text) && (entries.length !== expected || entries.some((entry) => /^[+-]?0\d/.test(halfWidth(entry).trim())));

/** A typed whole number within [min, max] ("２０２６" too), or undefined. */
export function readWholeNumber(text: string, min: number, max: number): number | undefined {
  const cleaned = halfWidth(text).trim();
  if (!/^[+-]?\d+$/.test(cleaned)) return undefined;
  const value = Number(cleaned);
  return value >= min && value <= max ? value : undefined;
}
