import { FakeExcel, FakeOfficeError, GERMAN_CULTURE, invariantFormula, localFormula, SEMICOLON_CULTURE } from "./fakeExcel";

/**
 * The fake's locale rule (fakeExcel.ts, "locale" section): `formulasLocal` speaks the user's regional
 * syntax — learn.microsoft.com Excel.Range.formulasLocal: "=SUM(A1, 1.5)" becomes "=SUMME(A1; 1,5)" in German.
 */

const code = async (promise: Promise<unknown>): Promise<string | undefined> =>
  promise.then(
    () => undefined,
    (error: unknown) => (error instanceof FakeOfficeError ? error.code : `not an Office error: ${String(error)}`),
  );

async function writeLocal(fake: FakeExcel, formula: string): Promise<void> {
  await fake.run(async (context) => {
    context.workbook.worksheets.getItem("Sheet1").getRange("A1").formulasLocal = [[formula]];
    await context.sync();
  });
}

describe("formulasLocal in a culture with the semicolon list separator and the decimal comma", () => {
  test("is stored as the invariant formula", async () => {
    const fake = new FakeExcel();
    fake.culture = SEMICOLON_CULTURE;
    await writeLocal(fake, '=SALES.SPLIT(100;{1.1.1};0,01)&"a,b;c"');
    expect(fake.sheet("Sheet1").formula("A1")).toBe('=SALES.SPLIT(100,{1,1,1},0.01)&"a,b;c"');
  });

  test.each([
    ["commas between arguments", "=SALES.TIER(120000,100000,50000)"],
    ["a comma before an array", "=SALES.SPLIT(100,{1,1,1},0.01)"],
  ])("refuses %s with InvalidArgument, as Excel refuses a formula it cannot parse", async (_what, formula) => {
    const fake = new FakeExcel();
    fake.culture = SEMICOLON_CULTURE;
    expect(await code(writeLocal(fake, formula))).toBe("InvalidArgument");
    expect(fake.sheet("Sheet1").formula("A1")).toBeUndefined();
  });

  test("reads a formula written through `formulas` back in the local syntax, with the display language's built-in names", async () => {
    const fake = new FakeExcel();
    fake.culture = GERMAN_CULTURE;
    const local = await fake.run(async (context) => {
      const cell = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      cell.formulas = [["=IF(0,DATE({1.5,2;3,4},5,6))"]];
      cell.load("formulasLocal");
      await context.sync();
      return cell.formulasLocal[0][0];
    });
    expect(local).toBe("=WENN(0;DATUM({1,5.2;3.4};5;6))");
    expect(invariantFormula(GERMAN_CULTURE, String(local))).toBe("=IF(0,DATE({1.5,2;3,4},5,6))");
  });

  test("en-US settings spell formulasLocal like formulas; cell references and names are never respelt", () => {
    const fake = new FakeExcel();
    expect(localFormula(fake.culture, "=SUM(A1,1.5,SP_W1_SALES_TARGET)")).toBe("=SUM(A1,1.5,SP_W1_SALES_TARGET)");
    expect(localFormula(SEMICOLON_CULTURE, "=SUM(A1,1.5,SP_W1_SALES_TARGET)")).toBe("=SUM(A1;1,5;SP_W1_SALES_TARGET)");
    expect(localFormula(SEMICOLON_CULTURE, "=SUM('周计划, 张三'!A1,2)")).toBe("=SUM('周计划, 张三'!A1;2)");
  });
});
