import type { CellSpec, SheetSpec, TableSpec } from "../../../src/spec/sheetSpec";
import { entry, looseCellBlocks, styleRuns, tableBlocks } from "../../../src/writers/office/blocks";

describe("cell entries", () => {
  test("formulas get their '=', text Excel would parse keeps its meaning with an apostrophe", () => {
    expect(entry({ formula: "SUM(A1:A3)" })).toBe("=SUM(A1:A3)");
    expect(entry({ value: 12 })).toBe(12);
    expect(entry({ value: null })).toBeNull();
    expect(entry({ value: "客户" })).toBe("客户");
    for (const text of ["13800138000", "2026-01-05", "=not a formula", "-3", "TRUE", "'quoted", ".5"]) {
      expect(entry({ value: text })).toBe(`'${text}`);
    }
  });
});

describe("loose cells", () => {
  const cell = (row: number, col: number, extra: Partial<CellSpec> = {}): CellSpec => ({ at: { row, col }, value: `r${row}c${col}`, ...extra });

  test("nearby rows share one block with nulls for untouched cells; distant rows start a new block", () => {
    const { content, formats } = looseCellBlocks([cell(0, 0), cell(2, 3, { numberFormat: "0%" }), cell(40, 1)]);
    expect(content).toEqual([
      { at: { row: 0, col: 0 }, rows: [["r0c0", null, null, null], [null, null, null, null], [null, null, null, "r2c3"]] },
      { at: { row: 40, col: 1 }, rows: [["r40c1"]] },
    ]);
    expect(formats).toEqual([{ at: { row: 0, col: 0 }, rows: [[null, null, null, null], [null, null, null, null], [null, null, null, "0%"]] }]);
  });
});

describe("tables", () => {
  const table: TableSpec = {
    name: "SP_T1_Items",
    role: "items",
    origin: { row: 3, col: 1 },
    style: "TableStyleMedium2",
    showTotals: true,
    rows: [{ name: "甲", amount: 5 }, {}],
    columns: [
      { key: "name", header: "名称", kind: "text", numberFormat: "@", width: 10, totals: { kind: "label", text: "合计" } },
      { key: "amount", header: "金额", kind: "money", numberFormat: "0.00", width: 10, totals: { kind: "function", fn: "sum" } },
      { key: "double", header: "双倍", kind: "money", numberFormat: "0.00", width: 10, formula: "SP_T1_Items[[#This Row],[金额]]*2" },
    ],
  };

  test("header, body with calculated columns, an explicit totals row, formats over body and totals", () => {
    const blocks = tableBlocks(table);
    expect(blocks.header).toEqual({ at: { row: 3, col: 1 }, rows: [["名称", "金额", "双倍"]] });
    expect(blocks.body).toEqual({
      at: { row: 4, col: 1 },
      rows: [
        ["甲", 5, "=SP_T1_Items[[#This Row],[金额]]*2"],
        [null, null, "=SP_T1_Items[[#This Row],[金额]]*2"],
      ],
    });
    expect(blocks.formats).toEqual({ at: { row: 4, col: 1 }, rows: [["@", "0.00", "0.00"], ["@", "0.00", "0.00"], ["@", "0.00", "0.00"]] });
    expect(blocks.totals).toEqual({ at: { row: 6, col: 1 }, rows: [["合计", "=SUBTOTAL(109,SP_T1_Items[[金额]])", ""]] });
  });

  test("no totals row unless the table shows totals", () => {
    const blocks = tableBlocks({ ...table, showTotals: false });
    expect(blocks.totals).toBeUndefined();
    expect(blocks.formats.rows).toHaveLength(2);
  });
});

test("style runs join horizontally adjacent cells of one style", () => {
  const sheet = {
    cells: [
      { at: { row: 0, col: 0 }, value: "a", style: "label" },
      { at: { row: 0, col: 1 }, value: "b", style: "label" },
      { at: { row: 0, col: 2 }, value: "c", style: "input" },
      { at: { row: 0, col: 4 }, value: "d", style: "input" },
      { at: { row: 1, col: 0 }, value: "e" },
    ],
  } as unknown as SheetSpec;
  expect(styleRuns(sheet)).toEqual([
    { style: "label", row: 0, col: 0, width: 2 },
    { style: "input", row: 0, col: 2, width: 1 },
    { style: "input", row: 0, col: 4, width: 1 },
  ]);
});
