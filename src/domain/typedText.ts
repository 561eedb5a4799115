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
 * A typed or pasted number: "1,200", " 3 ", "30%" (a percentage counts as its number), full-width
 * forms included ("１，２００", "３．５"); a number cell passes through. Undefined when it is not a number.
 */
export function readTypedNumber(input: unknown): number | undefined {
  if (typeof input === "number") return Number.isFinite(input) ? input : undefined;
  if (typeof input !== "string") return undefined;
  const cleaned = halfWidth(input).trim().replace(/,/g, "").replace(/%$/, "");
  if (cleaned === "" || !/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(cleaned)) return undefined;
  return Number(cleaned);
}

/** A typed whole number within [min, max] ("２０２６" too), or undefined. */
export function readWholeNumber(text: string, min: number, max: number): number | undefined {
  const cleaned = halfWidth(text).trim();
  if (!/^[+-]?\d+$/.test(cleaned)) return undefined;
  const value = Number(cleaned);
  return value >= min && value <= max ? value : undefined;
}
