import { columnFactory } from "../../src/templates/columns";
import { templateRecord } from "../../src/spec/naming";
import { printSetup, SheetDraft } from "../../src/templates/draft";
import { FORMATS } from "../../src/templates/formats";
import { TEMPLATES } from "../../src/templates/registry";

/**
 * The spec's one rule against a formula in a Text ("@") cell (Excel would keep it as text): whatever
 * a builder hands the draft, a cell or calculated column with a formula comes out General, and
 * literal text keeps its Text format.
 */
describe("SheetDraft keeps formulas out of Text cells", () => {
  const c = columnFactory("zh-CN");

  test("a text column given a formula is General; a literal text column stays Text", () => {
    const draft = new SheetDraft();
    const table = draft.table({
      name: "SP_X1_T",
      role: "t",
      origin: { row: 0, col: 0 },
      columns: [c.text("name", "名称"), { ...c.text("code", "编码"), formula: `"K"&ROW()` }],
      rows: [],
    });
    expect(table.spec.columns.map((col) => col.numberFormat)).toEqual([FORMATS.text, FORMATS.general]);
  });

  test("a loose cell with a formula and a Text format is General; a literal keeps Text", () => {
    const draft = new SheetDraft();
    draft.put({ row: 0, col: 0 }, { formula: `"a"&"b"` }, undefined, FORMATS.text);
    draft.put({ row: 1, col: 0 }, { value: "001" }, undefined, FORMATS.text);
    draft.field({ row: 2, col: 0 }, "标签", { formula: "1+1" }, { numberFormat: FORMATS.text });
    const spec = draft.finish({
      name: "S",
      record: templateRecord(TEMPLATES.weekly, "main", "W1", { row: 9, col: 0 }),
      recordLabel: "记录",
      recordNote: "说明",
      freeze: { rows: 0, cols: 0 },
      print: printSetup(),
    });
    expect(spec.cells.filter((cell) => cell.formula !== undefined || cell.value === "001").map((cell) => cell.numberFormat)).toEqual([FORMATS.general, FORMATS.text, FORMATS.general]);
  });

  test("a Text column with a calculated total is refused: the total would be kept as text", () => {
    const table = (totals: { kind: "function"; fn: "count" } | { kind: "label"; text: string }) =>
      new SheetDraft().table({ name: "SP_X1_T", role: "t", origin: { row: 0, col: 0 }, columns: [{ ...c.text("name", "名称"), totals }], rows: [] });
    expect(() => table({ kind: "function", fn: "count" })).toThrow(/Text but has a calculated total/);
    expect(table({ kind: "label", text: "合计" }).spec.columns[0].numberFormat).toBe(FORMATS.text);
  });
});
