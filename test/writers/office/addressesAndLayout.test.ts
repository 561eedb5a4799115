import type { SheetSpec, TableSpec } from "../../../src/spec/sheetSpec";
import { intersects, parseAddress, qualifiedAddress } from "../../../src/spec/addresses";
import { resolveTarget, sheetExtent, tableLayout, validationCriteria } from "../../../src/writers/layout";

describe("addresses Excel hands back", () => {
  test.each([
    ["A1", undefined, [0, 0, 0, 0]],
    ["Sheet1!B2:D9", "Sheet1", [1, 1, 8, 3]],
    ["'我的 表'!$AA$10", "我的 表", [9, 26, 9, 26]],
    ["'It''s'!C3:A1", "It's", [0, 0, 2, 2]],
  ] as const)("%s", (address, sheet, [r0, c0, r1, c1]) => {
    expect(parseAddress(address)).toEqual({ sheet, range: { from: { row: r0, col: c0 }, to: { row: r1, col: c1 } } });
  });

  test("rejects what is not an A1 address", () => {
    expect(() => parseAddress("Sheet1!R1C1")).toThrow(/Not an A1/);
  });

  test("round trip through the qualified form shown to users", () => {
    const range = { from: { row: 2, col: 1 }, to: { row: 40, col: 21 } };
    expect(qualifiedAddress("周计划", range)).toBe("'周计划'!B3:V41");
    expect(parseAddress(qualifiedAddress("周计划", range))).toEqual({ sheet: "周计划", range });
    expect(qualifiedAddress("S", { from: range.from, to: range.from })).toBe("'S'!B3");
  });

  test("intersection includes touching edges only when cells are shared", () => {
    const a = { from: { row: 0, col: 0 }, to: { row: 4, col: 4 } };
    expect(intersects(a, { from: { row: 4, col: 4 }, to: { row: 9, col: 9 } })).toBe(true);
    expect(intersects(a, { from: { row: 5, col: 0 }, to: { row: 9, col: 4 } })).toBe(false);
  });
});

describe("shared layout rules", () => {
  const table: TableSpec = {
    name: "SP_T1_Items",
    role: "items",
    origin: { row: 5, col: 2 },
    style: "TableStyleMedium2",
    showTotals: true,
    rows: [{}, {}, {}],
    columns: [
      { key: "a", header: "甲", kind: "text", numberFormat: "@", width: 8 },
      { key: "b", header: "乙", kind: "money", numberFormat: "0.00", width: 8 },
    ],
  };

  test("a table's header, body and totals rows", () => {
    expect(tableLayout(table)).toEqual({
      header: { from: { row: 5, col: 2 }, to: { row: 5, col: 3 } },
      body: { from: { row: 6, col: 2 }, to: { row: 8, col: 3 } },
      totals: { from: { row: 9, col: 2 }, to: { row: 9, col: 3 } },
      whole: { from: { row: 5, col: 2 }, to: { row: 9, col: 3 } },
    });
  });

  const sheet = {
    name: "S",
    cells: [{ at: { row: 0, col: 0 }, value: "title" }],
    tables: [table],
    merges: [],
    validations: [],
    conditionalFormats: [{ target: { kind: "tableColumn", table: "SP_T1_Items", column: "乙" }, rule: { kind: "duplicates" }, style: {} }],
    charts: [{ kind: "pie", title: "t", categories: { kind: "range", range: { from: { row: 0, col: 0 }, to: { row: 0, col: 0 } } }, series: [], anchor: { from: { row: 1, col: 6 }, to: { row: 12, col: 10 } } }],
  } as unknown as SheetSpec;

  test("a table-column target is that column's data body, found by header", () => {
    expect(resolveTarget(sheet, { kind: "tableColumn", table: "SP_T1_Items", column: "乙" })).toEqual({
      from: { row: 6, col: 3 },
      to: { row: 8, col: 3 },
    });
    expect(() => resolveTarget(sheet, { kind: "tableColumn", table: "SP_T1_Items", column: "b" })).toThrow(/no table column/);
  });

  test("a sheet's extent covers cells, tables with totals and chart anchors", () => {
    expect(sheetExtent(sheet)).toEqual({ from: { row: 0, col: 0 }, to: { row: 12, col: 10 } });
  });

  test("validation rules as Excel criteria", () => {
    expect(validationCriteria({ kind: "list", values: ["是", "否"] }, sheet)).toEqual({ type: "list", operator: "between", formulae: ['"是,否"'] });
    expect(validationCriteria({ kind: "decimal", min: 0, max: 1 }, sheet)).toEqual({ type: "decimal", operator: "between", formulae: ["0", "1"] });
    expect(validationCriteria({ kind: "whole", min: 0 }, sheet)).toEqual({ type: "whole", operator: "greaterThanOrEqual", formulae: ["0"] });
    expect(validationCriteria({ kind: "decimal", max: 5 }, sheet)).toEqual({ type: "decimal", operator: "lessThanOrEqual", formulae: ["5"] });
    expect(validationCriteria({ kind: "whole" }, sheet)).toEqual({ type: "whole", operator: "greaterThanOrEqual", formulae: ["-2147483648"] });
    expect(validationCriteria({ kind: "date" }, sheet)).toEqual({ type: "date", operator: "greaterThanOrEqual", formulae: ["61"] });
  });
});
