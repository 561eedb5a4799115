/**
 * How the file writer spells a calculated column's formula per row (`rowFormulas.ts`, issue 17 item 1):
 * the table's own this-row references as the row's cells, names the workbook lacks in lower case, and
 * nothing else changed; every cell is the first row's text moved to its row, as Excel checks a
 * calculated column and as rows Excel adds get it.
 */
import { columnLetters } from "../../../src/spec/a1";
import { NO_NAMES } from "../../../src/spec/naming";
import { buildCustomerRegister } from "../../../src/templates/customerRegister";
import { XlsxPackage, sheetCells, sharedStrings, tableParts, unescapeXml } from "../../../src/writers/ooxml";
import { shiftFormula } from "../../../src/writers/ooxml/workbook";
import { writeXlsx } from "../../../src/writers/xlsx";
import { atRow, rowTemplate } from "../../../src/writers/xlsx/rowFormulas";
import { customerRows } from "../../fixtures/customers";

const own = new Map([
  ["T[[#This Row],[金额]]", "K"],
  ["T[[#This Row],[a'#b]]", "AB"],
]);
const spell = (formula: string, row: number, defined: readonly string[] = []) => atRow(rowTemplate(formula, own, new Set(defined)), row);

describe("rowTemplate", () => {
  test("the table's own this-row references become the row's cells, column fixed", () => {
    expect(spell("IF(T[[#This Row],[金额]]>0,T[[#This Row],[a'#b]]*2,\"\")", 5)).toBe('IF($K5>0,$AB5*2,"")');
    expect(spell("T[[#This Row],[金额]]+T[[#This Row],[金额]]", 1048576)).toBe("$K1048576+$K1048576");
  });

  test("whole columns, other tables' rows, text and quoted sheet names stay as written", () => {
    const kept = "SUM(T[[金额]])+U[[#This Row],[金额]]+LEN(\"T[[#This Row],[金额]] abc\")+'My Sheet'!A1+Sheet2!B$3";
    expect(spell(kept, 9)).toBe(kept);
  });

  test("names the workbook does not define are lower case; defined ones, functions, values and references are not", () => {
    expect(spell("IFERROR(ROWS(SP_V1_COL_DATE),SP_C1_X)+N(SP_C1_Y)*1E-9+TRUE+FALSE+$K2+AB:AB+#N/A+#DIV/0!+#NAME?", 3, ["SP_C1_X", "SP_C1_Y"])).toBe(
      "IFERROR(ROWS(sp_v1_col_date),SP_C1_X)+N(SP_C1_Y)*1E-9+TRUE+FALSE+$K2+AB:AB+#N/A+#DIV/0!+#NAME?",
    );
    expect(spell("Sheet1!SP_W1_LOCAL+'a b'!SP_W1_OTHER+_xlfn.IFS(1,2)", 3)).toBe("Sheet1!SP_W1_LOCAL+'a b'!SP_W1_OTHER+_xlfn.IFS(1,2)");
  });

  test("moving the first row's text gives every other row's: a consistent calculated column", () => {
    const formula = "IF(T[[#This Row],[金额]]=\"\",\"\",T[[#This Row],[金额]]/SUM(T[[金额]])+SP_C1_X)";
    for (const row of [6, 7, 100, 50_004]) expect(spell(formula, row, ["SP_C1_X"])).toBe(shiftFormula(spell(formula, 5, ["SP_C1_X"]), row - 5, 0));
  });
});

test("a written register: each calculated cell is the table part's formula moved to its row, reading its own row", async () => {
  const specs = buildCustomerRegister({ rows: customerRows(40, "zh-CN"), blankRows: 3 }, { locale: "zh-CN", existing: NO_NAMES });
  const pkg = await XlsxPackage.load(await writeXlsx(specs));
  const [register] = await tableParts(pkg, (name) => name.endsWith("_Customers"));
  const part = (await pkg.text(register.path)) ?? "";
  const calculated = [...part.matchAll(/<tableColumn [^>]*name="([^"]+)"[^>]*><calculatedColumnFormula>([^<]*)</g)].map((m) => [m[1], unescapeXml(m[2])] as const);
  expect(calculated.length).toBe(7);
  const cells = sheetCells((await pkg.text(register.sheetPath)) ?? "", await sharedStrings(pkg));
  const first = register.range.from.row + 2;
  const last = register.range.to.row + 1 - register.totalsRows;
  expect(last - first + 1).toBe(43);
  for (const [header, formula] of calculated) {
    const letters = columnLetters(register.range.from.col + register.columns.indexOf(header));
    expect(formula).not.toContain("#This Row");
    for (let r = first; r <= last; r++) expect([header, r, cells.get(`${letters}${r}`)?.formula]).toEqual([header, r, shiftFormula(formula, r - first, 0)]);
  }
  const abc = calculated.find(([header]) => header === "ABC等级")![1];
  expect(abc).toContain(`$K${first}>=SP_C1_ABC_A_CUTOFF`);
});
