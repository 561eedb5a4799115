import { buildTemplates } from "../../src/templates";
import { assertFormulasFit, TemplateError } from "../../src/templates/errors";
import { NO_NAMES } from "../../src/spec/naming";
import { refusal } from "../support/refusal";

describe("assertFormulasFit: Excel's 8 192 characters, '=' included", () => {
  const [sheet] = buildTemplates([{ template: "customers", options: {} }], { locale: "en-US", existing: NO_NAMES });
  // 8 191 characters without the "=": the longest formula Excel takes.
  const formula = (length: number): string => `1${"+1".repeat((length - 1) / 2)}`;
  const withCell = (text: string) => ({ ...sheet, cells: [...sheet.cells, { at: { row: 11, col: 1 }, formula: text }] });

  test("a loose cell at the limit fits (every template's own formulas are checked wherever a test builds it: `buildTemplates` runs this)", () => {
    expect(formula(8191)).toHaveLength(8191);
    expect(() => assertFormulasFit(withCell(formula(8191)))).not.toThrow();
  });

  test("one character more is refused, naming the cell and its length", () => {
    const error = refusal(TemplateError, () => assertFormulasFit(withCell(`${formula(8191)}1`)));
    expect(error.params).toEqual({ sheet: sheet.name, place: { cell: "B12" }, length: 8193 });
    expect(error.localized("en-US")).toContain(`The formula of cell B12 on sheet "${sheet.name}" would be up to 8193 characters long`);
    expect(error.localized("zh-CN")).toContain("单元格 B12 的公式最长可达 8193 个字符");
  });

  test("a column's totals-row formula counts too", () => {
    const [table] = sheet.tables;
    const long = { ...sheet, tables: [{ ...table, columns: table.columns.map((c, i) => (i === 0 ? { ...c, totals: { kind: "formula" as const, formula: `${formula(8191)}1` } } : c)) }] };
    expect(refusal(TemplateError, () => assertFormulasFit(long)).params.place).toEqual({ column: table.columns[0].header });
  });
});
