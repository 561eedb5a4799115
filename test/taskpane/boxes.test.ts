import { monthHoldsFromText, monthsFromText, repsFromRows, repsFromText, repsTextOf, twelveMonths } from "../../src/taskpane/teamForms/boxes";

const LAST_YEAR = [80000, 90000, 120000, 110000, 100000, 95000, 85000, 88000, 105000, 130000, 125000, 150000];

describe("the reps box", () => {
  test("two columns, typed or pasted, read as before: name and weight only", () => {
    expect(repsFromText("张三, 3\n李四，2\n王五\t1\n赵六　４")).toEqual([
      { rep: "张三", weight: "3" },
      { rep: "李四", weight: "2" },
      { rep: "王五", weight: "1" },
      { rep: "赵六", weight: "４" },
    ]);
    expect(repsFromText("Zhang San 1.5\nLi Si\t2")).toEqual([
      { rep: "Zhang San", weight: "1.5" },
      { rep: "Li Si", weight: "2" },
    ]);
    // A weight mistyped stays the rep's weight, to be reported, never part of the name.
    expect(repsFromText("张三 2o")).toEqual([{ rep: "张三", weight: "2o" }]);
  });

  test("a fixed target and a start month in the third and fourth columns; a blank cell keeps its place", () => {
    // As Excel pastes four columns: tabs, and a blank hold between them.
    expect(repsFromText("姓名\t权重\t固定目标\t到岗月份\n张三\t3\t300000\n李四\t1\t\t7\n王五\t2\r\n")).toEqual([
      { rep: "张三", weight: "3", hold: "300000" },
      { rep: "李四", weight: "1", start: "7" },
      { rep: "王五", weight: "2" },
    ]);
    expect(repsFromText("张三, 3, 300000\n李四，1，，7\nZhang San 2 150000 4")).toEqual([
      { rep: "张三", weight: "3", hold: "300000" },
      { rep: "李四", weight: "1", start: "7" },
      { rep: "Zhang San", weight: "2", hold: "150000", start: "4" },
    ]);
  });

  test("a header row may name the last two columns in the other order", () => {
    expect(repsFromText("Rep\tWeight\tStart month\tFixed target\n张三\t1\t4\t\n李四\t2\t\t500000")).toEqual([
      { rep: "张三", weight: "1", start: "4" },
      { rep: "李四", weight: "2", hold: "500000" },
    ]);
  });

  test("a selected range becomes the box's text (four columns at most) and reads back the same", () => {
    const selection = [
      ["张三", 3, 300000, "", "备注"],
      ["", "", "", "", ""],
      ["李四", 1, "", 7, ""],
    ];
    const text = repsTextOf(selection);
    expect(text).toBe("张三\t3\t300000\n李四\t1\t\t7");
    expect(repsFromText(text)).toEqual(repsFromRows([["张三", "3", "300000"], ["李四", "1", "", "7"]]));
    // Cells straight from Excel: numbers stay numbers.
    expect(repsFromRows([["张三", 3, null, 7]])).toEqual([{ rep: "张三", weight: 3, start: 7 }]);
  });
});

describe("the twelve-month box", () => {
  test("an Excel row, an Excel column and a typed list give the same twelve cells", () => {
    const cells = LAST_YEAR.map(String);
    expect(monthsFromText(`${cells.join("\t")}\r\n`)).toEqual(cells);
    expect(monthsFromText(`${cells.join("\r\n")}\r\n`)).toEqual(cells);
    expect(monthsFromText(cells.join(" "))).toEqual(cells);
    expect(monthsFromText(cells.join(","))).toEqual(cells);
    expect(monthsFromText(cells.join("、"))).toEqual(cells);
    expect(monthsFromText(cells.join(", "))).toEqual(cells);
  });

  test("thousands separators stay inside a number when spaces or tabs separate the months", () => {
    const formatted = LAST_YEAR.map((n) => n.toLocaleString("en-US"));
    expect(monthsFromText(formatted.join("\t"))).toEqual(formatted);
    expect(monthsFromText(formatted.join(" "))).toEqual(formatted);
  });

  test("a blank cell pasted from Excel is a month of its own; a wrong count is named", () => {
    const withBlank = ["80000", "", ...LAST_YEAR.slice(2).map(String)];
    expect(twelveMonths(withBlank.join("\t"))).toEqual(withBlank);
    expect(twelveMonths(withBlank.join("\n"))).toEqual(withBlank);
    expect(twelveMonths("1 2 3")).toEqual({ code: "monthCount", count: 3 });
    // Empty is twelve blank months, for the team layer to judge (blank months give no shape to split by).
    expect(twelveMonths(" \n")).toEqual(Array.from({ length: 12 }, () => ""));
  });
});

describe("the month-holds box", () => {
  test("month and amount per line, in the usual spellings, become twelve entries", () => {
    const holds = monthHoldsFromText("3, 150000\n6月 200,000\n１２：９００００\n\n9=120000");
    expect(holds).toEqual([undefined, undefined, "150000", undefined, undefined, "200,000", undefined, undefined, "120000", undefined, undefined, "90000"]);
    expect(monthHoldsFromText("  \n")).toBeUndefined();
  });

  test("a line it cannot read, a month outside 1–12 and a month given twice are named", () => {
    expect(monthHoldsFromText("3, 1\nMarch 5")).toEqual({ code: "monthHoldLine", line: 2, text: "March 5" });
    expect(monthHoldsFromText("13, 5")).toEqual({ code: "monthHoldLine", line: 1, text: "13, 5" });
    expect(monthHoldsFromText("3, 1\n3月 2")).toEqual({ code: "monthHoldDuplicate", month: 3 });
  });
});
