import { customFunctionsAvailable, insertIntoSelectedCell } from "../../src/host/formulaInsert";
import { INVARIANT_SYNTAX, syntaxFromProbe, SYNTAX_PROBE } from "../../src/host/formulaSyntax";
import { exampleFormula } from "../../src/taskpane/functionHelp/exampleFormula";
import { FUNCTION_EXAMPLES } from "../../src/taskpane/functionHelp/examples";
import { FakeExcel, GERMAN_CULTURE, INVARIANT_CULTURE, localFormula, SEMICOLON_CULTURE, type FakeCulture } from "../fakes/fakeExcel";

const globals = globalThis as Record<string, unknown>;
const example = (id: string) => FUNCTION_EXAMPLES.find((e) => e.id === id)!;

function excelWith(culture: FakeCulture): FakeExcel {
  const fake = new FakeExcel();
  fake.culture = culture;
  globals.Excel = { run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => fake.run(batch) };
  return fake;
}

afterEach(() => {
  delete globals.Excel;
  delete globals.Office;
});

describe("the probe reads Excel's own spelling of formulas", () => {
  test.each([
    ["en-US", INVARIANT_CULTURE, INVARIANT_SYNTAX],
    ["; and decimal comma", SEMICOLON_CULTURE, { list: ";", decimal: ",", arrayColumn: ".", arrayRow: ";", dateFunction: "DATE" }],
    ["German display language", GERMAN_CULTURE, { list: ";", decimal: ",", arrayColumn: ".", arrayRow: ";", dateFunction: "DATUM" }],
  ])("%s", (_name, culture, syntax) => {
    expect(syntaxFromProbe(localFormula(culture, SYNTAX_PROBE))).toEqual(syntax);
  });

  test("an unexpected spelling is not guessed at", () => {
    expect(syntaxFromProbe("=IF(0;DATE({1,5.2;3.4},5;6))")).toBeUndefined();
    expect(syntaxFromProbe("#NAME?")).toBeUndefined();
  });

  test("examples are spelt in the probed syntax: separators, decimals, arrays and DATE", () => {
    const german = syntaxFromProbe(localFormula(GERMAN_CULTURE, SYNTAX_PROBE))!;
    expect(exampleFormula(example("SPLIT"), "SALES.SPLIT", german)).toBe("=SALES.SPLIT(100;{1.1.1};0,01)");
    expect(exampleFormula(example("ABC"), "SALES.ABC", german)).toBe("=SALES.ABC({500;300;100;50;50})");
    expect(exampleFormula(example("NEXTVISIT"), "SALES.NEXTVISIT", german)).toBe('=SALES.NEXTVISIT(DATUM(2026;11;20);"B")');
  });
});

describe("insertIntoSelectedCell", () => {
  const discount = (syntax = INVARIANT_SYNTAX) => exampleFormula(example("DISCOUNT"), "销售.折后价", syntax);

  test("writes through formulasLocal in the user's separators: a ;/, culture gets a formula Excel accepts", async () => {
    const fake = excelWith(SEMICOLON_CULTURE);
    const before = fake.syncCount;
    const outcome = await insertIntoSelectedCell((syntax) => exampleFormula(example("SPLIT"), "SALES.SPLIT", syntax));
    expect(outcome).toEqual({ kind: "inserted", address: "'Sheet1'!A1" });
    expect(fake.sheet("Sheet1").formula("A1")).toBe("=SALES.SPLIT(100,{1,1,1},0.01)");
    expect(fake.syncCount - before).toBe(3);
  });

  test("the formula spelt with fixed commas, as before, is what Excel refuses in that culture", async () => {
    excelWith(SEMICOLON_CULTURE);
    await expect(insertIntoSelectedCell(() => discount())).rejects.toThrow(/InvalidArgument/);
  });

  test("a refused insert leaves the cell empty, without the probe", async () => {
    const fake = excelWith(SEMICOLON_CULTURE);
    fake.failAtSync(3);
    await expect(insertIntoSelectedCell(discount)).rejects.toThrow();
    expect(fake.sheet("Sheet1").formula("A1")).toBeUndefined();
    expect(fake.sheet("Sheet1").value("A1")).toBeUndefined();
  });

  test("the cell keeps the number format the user gave it, whatever the probe's DATE might have set", async () => {
    const fake = excelWith(INVARIANT_CULTURE);
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").numberFormat = [["0.00%"]];
      await context.sync();
    });
    await insertIntoSelectedCell(discount);
    expect(fake.sheet("Sheet1").numberFormat("A1")).toBe("0.00%");
  });

  test("never writes over a filled cell", async () => {
    const fake = excelWith(INVARIANT_CULTURE);
    fake.seed("Sheet1", "A1", [["mine"]]);
    expect(await insertIntoSelectedCell(discount)).toEqual({ kind: "occupied", address: "'Sheet1'!A1" });
    expect(fake.sheet("Sheet1").value("A1")).toBe("mine");
  });
});

test("custom functions count as available only where Excel reports CustomFunctionsRuntime 1.3", () => {
  const asked: unknown[][] = [];
  globals.Office = { context: { requirements: { isSetSupported: (...args: unknown[]) => (asked.push(args), false) } } };
  expect(customFunctionsAvailable()).toBe(false);
  expect(asked).toEqual([["CustomFunctionsRuntime", "1.3"]]);
  globals.Office = { context: { requirements: { isSetSupported: () => true } } };
  expect(customFunctionsAvailable()).toBe(true);
  globals.Office = {};
  expect(customFunctionsAvailable()).toBe(false);
});
