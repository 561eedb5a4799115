import { type Decimal, decimalFromNumber, decimalToNumber, multiply, parseDecimal, roundSignificant } from "./decimal";
import { argNames } from "../contract/functionNames";
import type { Bilingual } from "../contract/locale";
import { cellText } from "../contract/excerpt";
import { numError, valueError } from "./errors";

const DISCOUNT = argNames("DISCOUNT");

/**
 * Stacked discounts (DOMAIN §2.5). Factors are kept as exact decimals, so 442000 × 9.8折 × 9.8折 is
 * exactly 424496.8 and not 424496.80000000005 as chained doubles would give.
 */

const CHINESE_DIGITS: Readonly<Record<string, string>> = {
  零: "0", 〇: "0", 一: "1", 二: "2", 两: "2", 兩: "2", 三: "3", 四: "4",
  五: "5", 六: "6", 七: "7", 八: "8", 九: "9",
};
const ZHE = /^(\d*\.?\d*)折$/;
const CHINESE_ZHE = /^([零〇一二两兩三四五六七八九]{1,2})折$/;
const PERCENT = /^(.+)%$/;

/**
 * "N折" means N tenths when N ≤ 10 (9.8折, 8折) and N hundredths above that (85折, 95折): that is how
 * the numbers are spoken, 八五折 being 85 %. Anything left out of (0, 1] is caught by parseDiscount.
 */
function zheFactor(amount: Decimal): Decimal {
  const shift = decimalToNumber(amount) <= 10 ? 1 : 2;
  return { coefficient: amount.coefficient, exponent: amount.exponent - shift };
}

function readText(text: string): Decimal | undefined {
  // NFKC folds full-width digits, ％ and ideographic spaces into their ASCII forms.
  const compact = text.normalize("NFKC").replace(/\s+/g, "");
  const chinese = CHINESE_ZHE.exec(compact);
  if (chinese) {
    const digits = [...chinese[1]].map((character) => CHINESE_DIGITS[character]).join("");
    return zheFactor({ coefficient: BigInt(digits), exponent: 0 });
  }
  const zhe = ZHE.exec(compact);
  if (zhe) {
    const amount = parseDecimal(zhe[1]);
    return amount && zheFactor(amount);
  }
  const percent = PERCENT.exec(compact);
  if (percent) {
    const amount = parseDecimal(percent[1]);
    return amount && { coefficient: amount.coefficient, exponent: amount.exponent - 2 };
  }
  return parseDecimal(compact);
}

/**
 * One discount as an exact factor in (0, 1]. `what` names the cell for messages, e.g. "discounts: cell 2" / "折扣：第 2 个单元格".
 * Accepts 0.98, "0.98", "98%", "98％", "9.8折", "9.8 折", "85折", "8折", "九五折".
 */
export function parseDiscount(value: number | string, what: Bilingual): Decimal {
  const factor = typeof value === "number" ? decimalFromNumber(value) : readText(value);
  if (!factor) {
    throw valueError({
      en: `${what.en} (${cellText(value)}) is not a discount; write it as 0.98, 98% or 9.8折`,
      zh: `${what.zh}（${cellText(value)}）不是有效的折扣，请写成 0.98、98% 或 9.8折`,
    });
  }
  const asNumber = decimalToNumber(factor);
  if (!(asNumber > 0 && asNumber <= 1)) {
    throw numError({
      en: `${what.en} (${cellText(value)}) must be a factor above 0 and at most 1 (100%)`,
      zh: `${what.zh}（${cellText(value)}）必须大于 0 且不超过 1（即 100%）`,
    });
  }
  return factor;
}

/**
 * The exact product keeps growing with every factor; 34 significant digits (decimal128's precision)
 * is far more than the 17 a double can show, so the final rounding to a double is unaffected while
 * the BigInt stays small however many discounts are stacked.
 */
const WORKING_DIGITS = 34;

/** price × every factor, rounded once to the nearest double. */
export function applyDiscounts(price: number, factors: readonly Decimal[]): number {
  if (!Number.isFinite(price) || price < 0) {
    throw numError({ en: `price must be a number ≥ 0 (got ${price})`, zh: `${DISCOUNT.price.zh}必须是不小于 0 的数字（当前为 ${price}）` });
  }
  const product = factors.reduce(
    (running, factor) => roundSignificant(multiply(running, factor), WORKING_DIGITS),
    decimalFromNumber(price),
  );
  return decimalToNumber(product);
}
