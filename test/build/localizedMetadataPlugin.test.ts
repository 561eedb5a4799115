const { localize } = require("../../scripts/webpack/localizedFunctionsMetadataPlugin");

const metadata = {
  functions: [
    {
      id: "DISCOUNT",
      name: "DISCOUNT",
      description: "Price after discounts",
      parameters: [
        { name: "price", description: "List price", type: "number" },
        { name: "discounts", description: "Factors", type: "any", dimensionality: "matrix" },
      ],
      result: { type: "number" },
    },
  ],
};
const table = {
  DISCOUNT: {
    name: "折后价",
    description: "折扣后的价格",
    parameters: { price: { name: "价格", description: "原价" }, discounts: { name: "折扣", description: "折扣" } },
  },
};

test("copies ids, types and shapes, and takes only names and descriptions from the locale's table", () => {
  const { metadata: zh, problems } = localize(metadata, table, "zh-CN");
  expect(problems).toEqual([]);
  expect(zh.functions[0]).toEqual({
    id: "DISCOUNT",
    name: "折后价",
    description: "折扣后的价格",
    parameters: [
      { name: "价格", description: "原价", type: "number" },
      { name: "折扣", description: "折扣", type: "any", dimensionality: "matrix" },
    ],
    result: { type: "number" },
  });
});

test("reports a function or parameter missing from the table, and entries that match nothing", () => {
  const withExtra = { ...table, NOPE: { name: "x", description: "x", parameters: {} } };
  const partial = { DISCOUNT: { ...table.DISCOUNT, parameters: { price: table.DISCOUNT.parameters.price, rate: { name: "r", description: "r" } } } };
  expect(localize(metadata, {}, "zh-CN").problems).toEqual(["zh-CN: no entry for function DISCOUNT"]);
  expect(localize(metadata, withExtra, "zh-CN").problems).toEqual(['zh-CN: "NOPE" is not a custom function id']);
  expect(localize(metadata, partial, "zh-CN").problems).toEqual([
    'zh-CN: DISCOUNT has no parameter "rate"',
    "zh-CN: no entry for parameter DISCOUNT.discounts",
  ]);
});
