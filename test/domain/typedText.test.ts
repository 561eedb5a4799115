import fc from "fast-check";
import { commasAmbiguous, hasThousandsComma, readTypedNumber, readWholeNumber, typedDecimalText } from "../../src/domain/typedText";
import { parseDateList, parseDateText } from "../../src/domain/dateText";
import { parseRatios, ratioCommasAmbiguous } from "../../src/team";
import { parseRate } from "../../src/team/annualPlan";

/**
 * Issue 18: what a person types is read as a person means it. A number is digits with an optional point,
 * or thousands grouped by commas in threes; nothing a programming language also reads (exponent, hex,
 * Infinity) and no comma that could be a decimal comma.
 */

describe("typed numbers — worked examples", () => {
  test.each([
    ["1,200", 1200],
    ["１，２００", 1200],
    ["1,234,567.5", 1234567.5],
    [" 3 ", 3],
    ["３．５", 3.5],
    [".5", 0.5],
    ["5.", 5],
    ["+2", 2],
    ["-1", -1],
    ["30%", 30],
  ])("%j reads as %d", (text, value) => {
    expect(readTypedNumber(text)).toBe(value);
  });

  test.each(["1e2", "1E5", "1e308", "2.5e-3", "0x10", "0x7EA", "0b1", "0o7", "Infinity", "-Infinity", "NaN", "1_000", "12,00", "1,2", "1,2345", ",123", "1,,000", "", " ", "."])(
    "%j is not a number",
    (text) => {
      expect(readTypedNumber(text)).toBeUndefined();
    },
  );

  test("digits beyond a double's range are not a number, not Infinity", () => {
    expect(readTypedNumber(`1${"0".repeat(309)}`)).toBeUndefined();
    expect(readTypedNumber(`1${"0".repeat(308)}`)).toBe(1e308);
  });

  test("a number cell passes through, a non-finite one does not", () => {
    expect(readTypedNumber(1e-7)).toBe(1e-7);
    expect(readTypedNumber(Infinity)).toBeUndefined();
  });

  test("whole numbers: 1e2, 0x10 and 0x7EA are refused as blank rows and as a year", () => {
    for (const text of ["1e2", "0x10", "0x7EA", "1.0", "2,026"]) {
      expect(readWholeNumber(text, 0, 250)).toBeUndefined();
      expect(readWholeNumber(text, 1900, 9999)).toBeUndefined();
    }
    expect(readWholeNumber("２０２６", 1900, 9999)).toBe(2026);
  });

  test("ratios: 2:3:, 2::1, 0x2:3:1 and 1e2:3:1 are refused, not read as 2:3:0, 2:0:1, hex or 100:3:1", () => {
    for (const text of ["2:3:", "2::1", "0x2:3:1", "1e2:3:1", ":2:3:1", "2:3:1:"]) expect(parseRatios(text)).toBeUndefined();
    expect(parseRatios("２：３．５：１")).toEqual([2, 3.5, 1]);
  });

  test("rates: an exponent or a misgrouped comma is refused, a number cell's own exponent is read", () => {
    for (const text of ["1e1%", "2e-1", "1,5%", "0x14%"]) expect(parseRate(text)).toBeUndefined();
    expect(parseRate("20%")).toBe(0.2);
    expect(parseRate("１５％")).toBe(0.15);
    expect(parseRate(0.2)).toBe(0.2);
  });
});

describe("typed numbers — properties", () => {
  test("every whole or decimal number, written plainly or grouped in thousands, reads back as itself", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 4 }), fc.boolean(), (n, places, grouped) => {
        const value = n / 10 ** places;
        const text = value.toLocaleString("en-US", { useGrouping: grouped, minimumFractionDigits: places, maximumFractionDigits: places });
        expect(readTypedNumber(text)).toBe(Number(value.toFixed(places)));
      }),
    );
  });

  test("no text with a letter in it is a number (no exponent, hex, binary, octal or Infinity)", () => {
    const letters = fc.constantFrom(..."eExXbBoOIinfNa_");
    const digits = fc.stringMatching(/^[0-9.,]{0,6}$/);
    fc.assert(
      fc.property(digits, letters, digits, (before, letter, after) => {
        expect(readTypedNumber(`${before}${letter}${after}`)).toBeUndefined();
        expect(typedDecimalText(`${before}${letter}${after}`)).toBeUndefined();
      }),
    );
  });

  test("a comma is only ever a thousands separator: the text without its commas is grouped in threes", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{1,7}(,[0-9]{1,4}){1,3}$/), (text) => {
        const read = typedDecimalText(text);
        const groups = text.split(",");
        const wellGrouped = groups[0].length <= 3 && groups.slice(1).every((g) => g.length === 3);
        expect(read).toBe(wellGrouped ? groups.join("") : undefined);
      }),
    );
  });
});

describe("holiday dates — read strictly", () => {
  test.each(["2026-02-30", "2026-02-29", "2025-13-01", "2026-00-10", "2026-01-32", "0x7EA-01-01", "2.026e3-01-01", "1e3-01-01", "1900-02-28"])("%j is not a date", (text) => {
    expect(parseDateText(text)).toBeNull();
    expect(parseDateList(text)).toEqual({ ok: false, line: 1, text });
    expect(parseDateList(`+${text}`)).toEqual({ ok: false, line: 1, text: `+${text}` });
  });

  test("every real day from 1900-03-01 on reads as itself, an out-of-range day never moves to the next month", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (year, month, day) => {
        const real = new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day && (year > 1900 || month >= 3);
        const text = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
        const serial = parseDateText(text);
        if (!real) expect(serial).toBeNull();
        else expect(serial).toBe(Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000));
      }),
    );
  });
});

describe("commas that could group thousands (review of issue 18)", () => {
  test.each([
    ["1,500", true],
    ["张三=1,500,李四=2", true],
    ["300,000", true],
    ["1,500.5", true],
    ["１，５００", true],
    ["80000,500", false],
    ["80000,500,90000,1,1", false],
    ["张三,1000,500", false],
    ["张三,1.5,500", false],
    ["0.5,500", false],
    ["1,5000", false],
    ["张三, 2, 500", false],
  ])("%j could hold a thousands group: %j", (text, expected) => {
    // Before: any digit, comma and three digits counted, so 80000,500 (which no grouping writes) was refused.
    expect(hasThousandsComma(text)).toBe(expected);
  });

  test("a list of a fixed length is ambiguous only when split at every comma it is not that many plain numbers", () => {
    const ambiguous = (text: string) => commasAmbiguous(text, text.split(","), 12);
    expect(ambiguous("80,60,120,110,100,95,85,88,105,130,125,150")).toBe(false);
    expect(ambiguous("80,1,500,90,95,85,88,105,130,125,150,160,170")).toBe(true);
    // Twelve at the commas, but 000 is a group's tail, not a month anybody types: six grouped months.
    expect(ambiguous("80,000,90,000,70,000,60,000,50,000,40,000")).toBe(true);
    expect(ambiguous("1,2,3")).toBe(false);
  });

  test("product ratios written with commas that could group thousands are refused, not read as 1:0:2", () => {
    for (const text of ["1,000,2", "2,300,1", "１，０００，２", "1,000:2:3"]) {
      expect([text, parseRatios(text), ratioCommasAmbiguous(text)]).toEqual([text, undefined, true]);
    }
    for (const text of ["2,3,1", "2:300:1", "2 300 1", "2, 300, 1", "1000,2,3"]) expect([text, ratioCommasAmbiguous(text)]).toEqual([text, false]);
    expect(parseRatios("2,3,1")).toEqual([2, 3, 1]);
    expect(parseRatios("1000,2,3")).toEqual([1000, 2, 3]);
  });
});
