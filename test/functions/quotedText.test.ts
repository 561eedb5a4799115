import { nextVisit as excelNextVisit } from "../../src/functions/functions";
import { discount, nextVisit } from "../../src/functions/operations";
import { serialFromYmd as ymd } from "../../src/domain/calendar";
import { expectDomainError } from "../domain/expectDomainError";
import { isExcelError } from "./expectExcelError";

/**
 * Issue 18 item 2: NEXTVISIT and DISCOUNT quote a cell's text the way every other function does — its first
 * 30 characters and "…", without control characters or terminal escapes — in both languages.
 */

const oct8 = ymd(2026, 10, 8);
/** 40 characters of text with a terminal escape (red), a bell and a line break in it. */
const LONG = "\x1b[31mVIP\x07客户\n" + "z".repeat(35);
const SHOWN = `VIP客户 ${"z".repeat(24)}…`;

describe.each([
  ["NEXTVISIT", "#VALUE!", () => nextVisit([[oct8]], [[LONG]], undefined)],
  ["DISCOUNT, text that is no discount", "#VALUE!", () => discount(100, [[LONG]])],
  ["DISCOUNT, a discount over 100%", "#NUM!", () => discount(100, [[`${"1".repeat(40)}%`]])],
] as const)("%s", (_name, code, run) => {
  it("quotes at most 30 characters and an ellipsis, without escapes or controls, in both languages", () => {
    const error = expectDomainError(run, code, /"/);
    for (const text of [error.localized("en-US"), error.localized("zh-CN")]) {
      const quoted = /"(.*)"/.exec(text)?.[1] ?? "";
      expect(quoted.length).toBeLessThanOrEqual(31);
      expect(quoted.endsWith("…")).toBe(true);
      expect(text).not.toMatch(/\p{Cc}|\\u00|\\n/u);
    }
  });
});

it("NEXTVISIT's cell message shows the cleaned text", () => {
  const result = excelNextVisit([[oct8]], [[LONG]]);
  expect(isExcelError(result) && result.message).toBe(`tier: cell 1 ("${SHOWN}") is not a tier; use A, B or C`);
});
