import { serialFromYmd, ymdFromSerial } from "../../../src/domain/calendar";
import { chinaWorkCalendar } from "../../../src/domain/chinaCalendar";
import type { Locale } from "../../../src/contract/locale";
import { a1 } from "../../../src/spec/a1";
import { holidayTableName } from "../../../src/spec/naming";
import type { ExistingNames, SheetSpec } from "../../../src/spec/sheetSpec";
import { buildMonthlyPlan } from "../../../src/templates/monthlyPlan";
import { buildCustomerRegister } from "../../../src/templates/customerRegister";
import { sharedStrings, sheetCells, tableNames, tableParts, XlsxPackage } from "../../../src/writers/ooxml";
import { inspectXlsx, writeXlsx } from "../../../src/writers/xlsx";
import { renameColumn, typeCells } from "../../support/xlsxEdit";

/**
 * `inspectXlsx` reads the workbook's 节假日 tables back from the package (issue 11), so the command
 * line's second write into a workbook plans with the table as the user edited it, names its headers
 * as the workbook has them, and writes no second table for the year.
 */

const TABLE = holidayTableName(2026);
const SHEET = "节假日 2026";
const calendar = chinaWorkCalendar();
const oct = (day: number): number => serialFromYmd(2026, 10, day);
const in2026 = (dates: readonly number[]): number[] => dates.filter((d) => ymdFromSerial(d).year === 2026);

const monthly = (month: number, existing: ExistingNames, locale: Locale = "zh-CN"): SheetSpec[] =>
  buildMonthlyPlan({ rep: "张三", year: 2026, month, calendar, blankRows: 0 }, { locale, existing });

/** A workbook holding October 2026's monthly plan, so the 2026 节假日 table. */
const october = (locale: Locale = "zh-CN"): Promise<Uint8Array> => writeXlsx(monthly(10, { sheets: [], tables: [], names: [] }, locale));

/** The A1 address of the 节假日 table's cell in `column` (0: days off, 1: make-up days) holding `date`. */
async function cellOf(data: Uint8Array, column: number, date: number): Promise<string> {
  const pkg = await XlsxPackage.load(data);
  const [part] = await tableParts(pkg, (name) => name === TABLE);
  const cells = sheetCells((await pkg.text(part.sheetPath)) ?? "", await sharedStrings(pkg));
  for (let row = part.range.from.row + 1; row <= part.range.to.row; row++) {
    const address = a1({ row, col: part.range.from.col + column });
    if (cells.get(address)?.text === String(date)) return address;
  }
  throw new Error(`no ${date} in column ${column}`);
}

/** The cells of a sheet of `data`, as the package has them. */
async function cellsOfSheet(data: Uint8Array, sheet: string) {
  const pkg = await XlsxPackage.load(data);
  const path = (await pkg.sheets()).find((s) => s.name === sheet)?.path;
  return sheetCells((await pkg.text(path ?? "")) ?? "", await sharedStrings(pkg));
}

describe("inspectXlsx reads the 节假日 tables", () => {
  test("a workbook without one has no holidayTables", async () => {
    const names = await inspectXlsx(await writeXlsx(buildCustomerRegister({ rows: [], blankRows: 1 }, { locale: "zh-CN", existing: { sheets: [], tables: [], names: [] } })));
    expect(names.holidayTables).toBeUndefined();
  });

  test("as written: its headers and the year's dates", async () => {
    const names = await inspectXlsx(await october());
    expect(names.tables).toContain(TABLE);
    expect(names.holidayTables).toEqual([{ table: TABLE, headers: ["放假日", "调休上班日"], holidays: in2026(calendar.listed.holidays), makeUpDays: in2026(calendar.listed.makeUpDays) }]);
  });

  test("as the user edited it: a renamed header, a date deleted, text typed over a date (named, not counted)", async () => {
    const written = await october();
    const typo = await cellOf(written, 0, oct(7));
    const edited = await typeCells(await renameColumn(written, TABLE, "放假日", "假日"), SHEET, { [typo]: "10月7日", [await cellOf(written, 1, oct(10))]: null });
    const [read] = (await inspectXlsx(edited)).holidayTables ?? [];
    expect(read).toEqual({
      table: TABLE,
      headers: ["假日", "调休上班日"],
      holidays: in2026(calendar.listed.holidays).filter((d) => d !== oct(7)),
      makeUpDays: in2026(calendar.listed.makeUpDays).filter((d) => d !== oct(10)),
      notDates: [{ address: `'${SHEET}'!${typo}`, text: "10月7日" }],
    });
  });
});

describe("writing into a workbook that has the table", () => {
  test("the next plan plans with the edited table and names its renamed column; no second 节假日 sheet", async () => {
    const written = await october();
    const edited = await renameColumn(await typeCells(written, SHEET, { [await cellOf(written, 0, oct(7))]: null }), TABLE, "放假日", "假日");
    const specs = monthly(9, await inspectXlsx(edited));
    const result = await writeXlsx(specs, edited);

    const pkg = await XlsxPackage.load(result);
    expect((await pkg.sheets()).map((s) => s.name)).toEqual(["月计划-张三-2026-10", SHEET, "月计划-张三-2026-09"]);
    expect((await tableNames(pkg)).filter((t) => t.startsWith("SP_H"))).toEqual([TABLE]);
    const september = [...(await cellsOfSheet(result, "月计划-张三-2026-09")).values()];
    const counts = september.map((c) => c.formula ?? "").filter((f) => f.includes(TABLE));
    expect(counts.length).toBeGreaterThan(0);
    for (const formula of counts) {
      expect(formula).toContain(`${TABLE}[[假日]]`);
      expect(formula).not.toContain("放假日");
    }
    // The review falls due on October's 3rd working day: 10-09 once 10-07 is worked, 10-10 (a make-up Saturday) as published.
    const dates = september.map((c) => c.text);
    expect(dates).toContain(String(oct(9)));
    expect(dates).not.toContain(String(oct(10)));
  });

  test("a table written in English is named in English by a Chinese plan written after it", async () => {
    const english = await october("en-US");
    const specs = monthly(9, await inspectXlsx(english), "zh-CN");
    expect(specs.map((s) => s.name)).toEqual(["月计划-张三-2026-09"]);
    const formulas = specs[0].tables.flatMap((t) => t.columns.map((c) => c.formula ?? "")).filter((f) => f.includes(TABLE));
    expect(formulas.length).toBeGreaterThan(0);
    for (const formula of formulas) expect(formula).toContain(`${TABLE}[[Day off]]`);
  });
});
