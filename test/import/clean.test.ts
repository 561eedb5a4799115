import fc from "fast-check";
import { cleanRows, normalizePhone, problemText, proposeMapping, type CellProblem, type SourceGrid } from "../../src/import";
import type { CellValue } from "../../src/spec/sheetSpec";
import { serialFromYmd } from "../../src/domain/calendar";

/** Issue 13 item 3: every form the issue lists read cell by cell; what cannot be read is listed, never guessed. */

const NOV_28 = serialFromYmd(2026, 11, 28);

/** One column of `kind` under `header`, each cell read alone: its value, or its problem's code. */
function read(kind: "customers" | "contracts" | "visits" | "ledger", header: string, cells: readonly CellValue[], locale: "zh-CN" | "en-US" = "zh-CN") {
  const grid: SourceGrid = [[header, "x"], ...cells.map((cell) => [cell, "row"])];
  const { rows, problems } = cleanRows(kind, grid, proposeMapping(kind, grid), locale);
  const key = proposeMapping(kind, grid).targets[0];
  return cells.map((_, i) => problems.find((p) => p.row === i + 2)?.code ?? rows.find((r) => r.sourceRow === i + 2)?.values[key!]);
}

describe("dates", () => {
  test("every form the issue lists, with times and full-width digits, and Excel serials", () => {
    const forms = ["2026-11-28", "2026/11/28", "2026.11.28", "2026年11月28日", "2026年11月28", "11/28/2026", "20261128", "２０２６－１１－２８", "2026-11-28 14:30", "2026/11/28 下午2:30:00", "2026-11-28T00:00:00Z", String(NOV_28), NOV_28, NOV_28 + 0.5];
    expect(read("visits", "拜访日期", forms)).toEqual(forms.map(() => NOV_28));
  });

  test("a/b/yyyy is month first (en-US); day first only where the first part cannot be a month", () => {
    expect(read("visits", "日期", ["3/4/2026", "28/11/2026", "13/13/2026"])).toEqual([serialFromYmd(2026, 3, 4), NOV_28, "notDate"]);
  });

  test("what is not a date is listed: impossible days, two-digit years, words, serials before 1900-03-01, booleans", () => {
    expect(read("visits", "日期", ["2026-02-30", "26/11/28", "下周一", "60", 60, true, "2026-13-01"])).toEqual(Array(7).fill("notDate"));
  });

  test("a bare number is a serial only from 1980-01-01 to 2100-12-31: a year or a count is no date; yyyymmdd is, as a number too", () => {
    const [first, last] = [serialFromYmd(1980, 1, 1), serialFromYmd(2100, 12, 31)];
    expect([first, last]).toEqual([29221, 73415]);
    expect(read("visits", "日期", ["2026", 2026, "100", 100, first - 1, String(last + 1), last + 1])).toEqual(Array(7).fill("notDate"));
    expect(read("visits", "日期", [first, String(first), last, last + 0.99, "20261128", 20261128, "１９７９-12-31"])).toEqual([first, first, last, last, NOV_28, NOV_28, first - 1]);
  });
});

describe("amounts", () => {
  test("¥ ￥ 元, 万 / 万元, thousands separators (, ，), full-width digits, exact decimals", () => {
    const forms = ["12000", "¥12,000", "￥12,000.00", "12000元", "1.2万", "1.2万元", "１２，０００", "RMB 12,000", " 12 000 ", 12000];
    expect(read("customers", "年销售额", forms)).toEqual(forms.map(() => 12000));
    expect(read("customers", "年销售额", ["1.1万", "0.3万", "2亿"])).toEqual([11000, 3000, 200_000_000]);
  });

  test("a column headed in 万 / 万元 scales its numbers by 10 000, unless a cell names its own unit", () => {
    expect(read("customers", "年销售额（万元）", [1.1, "12.5", "3000元", "2万"])).toEqual([11000, 125000, 3000, 20000]);
    // Only amounts scale: a quantity's header is not an amount.
    expect(read("ledger", "数量（万）", [2])).toEqual([2]);
  });

  test("negative amounts are refused where the column forbids them; bad separators and words are not numbers", () => {
    expect(read("contracts", "合同金额", ["-500", "(1,200)", "-¥5", "1,20,0", "一万", "12abc", true])).toEqual(["negative", "negative", "negative", "notNumber", "notNumber", "notNumber", "notNumber"]);
    expect(read("contracts", "账期(天)", ["30", "30.5"])).toEqual([30, "notWhole"]);
  });

  test("any amount in 万 reads as its exact decimal × 10 000 (no binary drift)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 4 }), (units, places) => {
        const text = (units / 10 ** places).toFixed(places);
        const [expected] = read("customers", "年交易额", [`${text}万`]);
        expect(expected).toBe(Number(`${text}e4`));
      }),
      { numRuns: 300 },
    );
  });
});

describe("phones", () => {
  test("one mobile written three ways is one number", () => {
    expect(read("customers", "手机", ["138 1234 5678", "+86-138-1234-5678", "0086 13812345678", "(+86) 138.1234.5678", 13812345678])).toEqual(Array(5).fill("13812345678"));
  });

  test("landlines keep their area code as 010-12345678, extensions kept; several numbers in a cell", () => {
    expect(read("customers", "电话", ["(010) 1234 5678", "+86 10 1234 5678", "0571-88888888", "010-12345678-123", "010 12345678 转 123", "400 800 1234", "13812345678 / 010-12345678"])).toEqual([
      "010-12345678",
      "010-12345678",
      "0571-88888888",
      "010-12345678-123",
      "010-12345678-123",
      "400-800-1234",
      "13812345678/010-12345678",
    ]);
    expect(["010-12345678", "010-12345678-123", "13812345678"].map(normalizePhone)).toEqual(["010-12345678", "010-12345678-123", "13812345678"]);
  });

  test("what is not a phone number is listed", () => {
    expect(read("customers", "电话", ["12345", "王经理", "=HYPERLINK(\"tel:1\")", "1381234567"])).toEqual(Array(4).fill("notPhone"));
  });
});

describe("drop-downs", () => {
  test("words mapped onto each drop-down's values, in the register's language", () => {
    expect(read("customers", "需求迫切度", ["急", "紧急", "很急", "一般", "普通", "潜在", "不急", "Urgent", " 迫切 "])).toEqual(["迫切", "迫切", "迫切", "一般", "一般", "潜在", "潜在", "迫切", "迫切"]);
    expect(read("customers", "客户规模", ["大", "中型", "small", "L"])).toEqual(["大", "中", "小", "大"]);
    expect(read("customers", "信用等级", ["A", "b", "一般", "差", "Poor"])).toEqual(["优", "良", "中", "差", "差"]);
    expect(read("visits", "拜访方式", ["上门", "拜访", "面访", "电话", "微信", "会议", "WeChat"])).toEqual(["上门", "上门", "上门", "电话", "微信", "会议", "微信"]);
    expect(read("ledger", "类型", ["发货", "出库", "退货", "发票", "收款"])).toEqual(["发货", "发货", "退货", "开票", "回款"]);
    expect(read("customers", "经理认定", ["a", "B类", "C级"])).toEqual(["A", "B", "C"]);
  });

  test("an en-US register gets its own words, whatever language the source wrote", () => {
    expect(read("customers", "Urgency", ["急", "一般", "latent"], "en-US")).toEqual(["Urgent", "Normal", "Latent"]);
    expect(read("visits", "方式", ["上门", "电话"], "en-US")).toEqual(["Visit", "Phone"]);
  });

  test("a word outside the list is listed, not guessed", () => {
    expect(read("customers", "客户来源", ["朋友圈", "展会"])).toEqual(["notInList", "展会"]);
  });
});

describe("cleanRows", () => {
  const grid: SourceGrid = [
    ["客户资料表"],
    ["公司名称", "联系电话", "年销售额（万元）", "需求迫切度", "首次接触", "统一社会信用代码", "备注"],
    ["=HYPERLINK(\"http://evil\",\"点我\")", "138 1234 5678", "1.5", "急", "2026/11/28", "91110000600037341L", "老客户"],
    [null, "", "  ", null, null, null, null],
    ["+SUM(A1)", "王经理", "很多", "急急", "昨天", null, "\t@cmd"],
    ["中兴", null, null, null, null, "91440300279583285T", null],
  ];
  const result = cleanRows("customers", grid, proposeMapping("customers", grid), "zh-CN");

  test("outcomes cell by cell: values read, hostile text kept as text, blank rows skipped, 统一社会信用代码 kept in 备注", () => {
    expect(result.rows).toEqual([
      {
        sourceRow: 3,
        values: {
          name: "=HYPERLINK(\"http://evil\",\"点我\")",
          phone: "13812345678",
          annualSales: 15000,
          urgency: "迫切",
          firstContact: NOV_28,
          creditCode: "91110000600037341L",
          note: "老客户；统一社会信用代码：91110000600037341L",
        },
      },
      { sourceRow: 5, values: { name: "+SUM(A1)", note: "\t@cmd" } },
      { sourceRow: 6, values: { name: "中兴", creditCode: "91440300279583285T", note: "统一社会信用代码：91440300279583285T" } },
    ]);
  });

  test("each unreadable cell listed with its source row, header, text and reason; its row still imported", () => {
    expect(result.problems).toEqual<CellProblem[]>([
      { row: 5, column: "联系电话", value: "王经理", code: "notPhone" },
      { row: 5, column: "年销售额（万元）", value: "很多", code: "notNumber" },
      { row: 5, column: "需求迫切度", value: "急急", code: "notInList" },
      { row: 5, column: "首次接触", value: "昨天", code: "notDate" },
    ]);
  });

  test("the reasons in both languages say what to do", () => {
    expect(problemText(result.problems[3], "zh-CN")).toBe("第 5 行「首次接触」的“昨天”：不是可识别的日期,请写成 2026-11-28 或 2026年11月28日。");
    expect(problemText(result.problems[0], "en-US")).toBe('Row 5, "联系电话", "王经理": not a phone number it can read; write it as 13812345678 or 010-12345678 (several separated by /).');
  });

  test("an export's totals row (合计, 总 计：, Total) is listed, not imported as a customer named 合计", () => {
    const totals: SourceGrid = [["公司名称", "年交易额"], ["华为", 100], ["合计", 100], [" 总 计：", 100], [null, "Grand Total"], ["合计科技有限公司", 5]];
    const read = cleanRows("customers", totals, proposeMapping("customers", totals), "zh-CN");
    expect(read.rows.map((r) => r.values.name)).toEqual(["华为", "合计科技有限公司"]);
    expect(read.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [3, "公司名称", "totalsRow"],
      [4, "公司名称", "totalsRow"],
      [5, "年交易额", "totalsRow"],
    ]);
  });

  test("rows with data only in columns not imported are skipped; a mapping without columns imports nothing", () => {
    const only: SourceGrid = [["公司名称", "其他"], [null, "x"], ["华为", null]];
    expect(cleanRows("customers", only, proposeMapping("customers", only), "zh-CN").rows).toEqual([{ sourceRow: 3, values: { name: "华为" } }]);
    expect(cleanRows("customers", only, { headerRow: 0, targets: [] }, "zh-CN").rows).toEqual([]);
  });
});
