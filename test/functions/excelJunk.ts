import fc from "fast-check";

/**
 * What Excel (or a careless Node caller) may hand a custom function: numbers at the edges, text (the
 * words the calendar arguments take, CN, 双休 …, among it), logical values, blanks, error cells as the
 * runtime passes them ({ code: "#N/A" }), Date objects, and ranges of these — ragged, nested and one-row
 * ones included. Shared by the fuzz and the bilingual-message tests.
 */
export const excelScalar = fc.oneof(
  fc.double(),
  fc.constantFrom(NaN, Infinity, -Infinity, 1e308, -1e308, 5e-324, 0, -0, 0.01, 0.5, 61, 46296, 2958465, 2958466, 2026, 10, 13),
  fc.integer({ min: 40000, max: 50000 }),
  fc.integer({ min: -5, max: 100 }),
  fc.string({ maxLength: 6 }),
  fc.constantFrom("", " ", "A", "b", "C", "VIP", "9.8折", "85折", "98%", "120%", "abc", "1", "-", "国庆", "CN", "中国", "双休", "单休", "大小周:2026-11-07"),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.constantFrom<unknown>({ code: "#N/A", message: "" }, { code: "#REF!" }, { code: "#DIV/0!" }, new Date(2026, 10, 23)),
);

const row = fc.array(excelScalar, { maxLength: 4 });

export const excelJunk = fc.oneof(
  { weight: 4, arbitrary: excelScalar },
  { weight: 4, arbitrary: fc.array(row, { maxLength: 4 }) },
  {
    weight: 2,
    arbitrary: fc
      .integer({ min: 1, max: 4 })
      .chain((width) => fc.array(fc.array(excelScalar, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 5 })),
  },
  { weight: 1, arbitrary: row },
  { weight: 1, arbitrary: fc.array(fc.oneof(excelScalar, row, fc.array(row, { maxLength: 2 })), { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>({}, [[{}]], [[[[1]]]], Symbol("s"), 10n) },
);
