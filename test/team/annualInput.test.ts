import { annualInputMessages, readAnnualInput, readMonth, readSplit } from "../../src/team";
import { decodeText, parseCsv } from "../../src/import";
import { ANNUAL_INPUT_EN, ANNUAL_INPUT_ZH, gbkCsv, LAST_YEAR_2026, padded, utf8Csv } from "../fixtures/annualInput";

/** The annual plan's input file: one item per row, in either language, as Excel saves it. */

const ZHANG_LAST_YEAR = ["40000", "30000", "55000", "50000", "52000", "60000", "47000", "45000", "57000", "62000", "70000", "80000"];
const MARCH_HELD = [undefined, undefined, "150000", ...Array.from({ length: 9 }, () => undefined)];

describe("readAnnualInput", () => {
  test("the seed's plan in Chinese: every item read, blank target left to the plan", () => {
    const { input, problems } = readAnnualInput(ANNUAL_INPUT_ZH);
    expect(problems).toEqual([]);
    expect(input).toEqual({
      lastYear: LAST_YEAR_2026.map(String),
      growth: "20%",
      split: "lastYear",
      productRatios: [2, 3, 1],
      expenseCap: 0.02,
      monthHolds: MARCH_HELD,
      reps: [
        { rep: "张三", weight: "2", lastYear: ZHANG_LAST_YEAR },
        { rep: "李四", weight: "1", start: 7 },
        { rep: "王五", weight: "1", hold: "300000" },
      ],
    });
    expect("target" in input).toBe(false);
  });

  test("the English names read the same plan (products in three cells, a fraction for growth)", () => {
    const { input, problems } = readAnnualInput(ANNUAL_INPUT_EN);
    expect(problems).toEqual([]);
    expect(input).toMatchObject({ growth: "0.2", split: "lastYear", productRatios: [2, 3, 1], expenseCap: 0.02, monthHolds: MARCH_HELD });
    expect(input.reps.map((r) => r.rep)).toEqual(["Zhang", "Li", "Wang"]);
    expect(input.reps[0].lastYear).toEqual(ZHANG_LAST_YEAR);
  });

  test.each([
    ["UTF-8 with a BOM", utf8Csv(ANNUAL_INPUT_ZH)],
    ["GB18030 (Chinese Excel's CSV)", gbkCsv(ANNUAL_INPUT_ZH)],
  ])("a CSV in %s, padded with empty cells as Excel saves it, reads as the grid", (_name, bytes) => {
    const grid = parseCsv(decodeText(bytes).text);
    expect(grid[1]).toHaveLength(14);
    expect(readAnnualInput(grid)).toEqual(readAnnualInput(ANNUAL_INPUT_ZH));
  });

  test("names in any case, full-width or with a colon; typed numbers with separators and full-width digits", () => {
    const { input, problems } = readAnnualInput([
      ["LAST YEAR：", ...LAST_YEAR_2026.map((n) => n.toLocaleString("en-US"))],
      ["ｇｒｏｗｔｈ", "３０％"],
      ["年度目标", "1,800,000"],
      ["split", "Work days".replace(" ", "")],
      ["取整单位", "1000"],
      ["rep", "张三", "２", "３月"],
    ]);
    expect(problems).toEqual([]);
    expect(input).toMatchObject({ growth: "３０％", target: "1,800,000", split: "workdays", unit: 1000, reps: [{ rep: "张三", weight: "２", start: 3 }] });
    expect(input.lastYear?.[0]).toBe("80,000");
  });

  test("blank rows are skipped and row numbers are the file's", () => {
    const { problems } = readAnnualInput([[""], ["增长率", "20%"], ["", "", ""], ["市场", "华东"]]);
    expect(problems).toEqual([{ code: "unknownItem", row: 4, params: { value: "市场" } }]);
  });

  test("every row that cannot be read is a problem with its row, in both languages", () => {
    const { problems } = readAnnualInput(
      padded([
        ["上年实际", ...LAST_YEAR_2026.slice(0, 11).map(String)],
        ["增长率", "二成"],
        ["增长率", "20%"],
        ["拆分方式", "按季度"],
        ["产品比例", "2:3"],
        ["费用上限", ""],
        ["销售代表", "张三", "两"],
        ["销售代表", "李四", "1", "13"],
        ["销售代表", "张三", "1"],
        ["销售代表", "", "1"],
        ["固定月目标", "13", "100"],
        ["固定月目标", "3", "十万"],
        ["代表上年", "赵六", ...ZHANG_LAST_YEAR],
        ["年度目标", "1000000", "2000000"],
        ["预算", "100"],
      ]),
    );
    expect(problems.map((p) => [p.row, p.code])).toEqual([
      [1, "notTwelveMonths"],
      [2, "notRate"],
      [3, "itemRepeated"],
      [4, "notSplit"],
      [5, "notRatio"],
      [6, "valueMissing"],
      [7, "notNumber"],
      [8, "notMonth"],
      [9, "itemRepeated"],
      [10, "valueMissing"],
      [11, "notMonth"],
      [12, "notNumber"],
      [13, "repUnknown"],
      [14, "tooManyValues"],
      [15, "unknownItem"],
    ]);
    const zh = annualInputMessages(problems, "zh-CN");
    const en = annualInputMessages(problems, "en-US");
    expect(zh[0]).toBe("第 1 行：“上年实际”应填 12 个月的数值，这一行有 11 个：没有销售的月份请填 0。");
    expect(en[0]).toBe("Row 1: “Last year” takes 12 monthly values; this row has 11: write 0 for a month without sales.");
    expect(zh[2]).toBe("第 3 行：“增长率”已在第 2 行填写过，同一项只能填一行。");
    expect(en[6]).toBe("Row 7: The weight “两” of “Rep (张三)” is not a number.");
    expect(zh[7]).toBe("第 8 行：“销售代表（李四）”的到岗月份“13”不是 1 到 12 的月份。");
    expect(en[11]).toBe("Row 12: The amount “十万” of “Month hold (month 3)” is not a number.");
    expect(zh[12]).toBe("第 13 行：“代表上年（赵六）”中的“赵六”没有对应的“销售代表”行：请先加一行 销售代表,赵六,权重。");
    expect(en[13]).toBe("Row 14: “Target” takes at most 1 values; the extra “2000000” cannot be read.");
    expect(zh[14]).toBe("第 15 行：不认识的项目“预算”。每行第一格应为以下项目之一：上年实际、增长率、年度目标、拆分方式、产品比例、费用上限、销售代表、固定月目标、代表上年、取整单位。");
    for (const text of [...zh, ...en]) expect(text).not.toMatch(/undefined|NaN|\{\w+\}|\[object/);
  });

  test("a rep's own last year may come before the rep's row", () => {
    const { input, problems } = readAnnualInput([
      ["代表上年", "张三", ...ZHANG_LAST_YEAR],
      ["销售代表", "张三", "1"],
    ]);
    expect(problems).toEqual([]);
    expect(input.reps).toEqual([{ rep: "张三", weight: "1", lastYear: ZHANG_LAST_YEAR }]);
  });
});

describe("the split and month words", () => {
  test.each([
    ["上年", "lastYear"],
    ["Last Year", "lastYear"],
    ["lastyear", "lastYear"],
    ["工作日", "workdays"],
    ["WORKDAYS", "workdays"],
    ["按季度", undefined],
  ])("%s → %s", (text, split) => expect(readSplit(text)).toBe(split));

  test.each([
    ["3", 3],
    ["03", 3],
    ["３", 3],
    ["12月", 12],
    ["0", undefined],
    ["13", undefined],
    ["3.5", undefined],
  ])("month %s → %s", (text, month) => expect(readMonth(text)).toBe(month));
});
