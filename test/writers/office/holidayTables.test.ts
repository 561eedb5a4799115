import { makeWorkCalendar, serialFromYmd, ymdFromSerial } from "../../../src/domain/calendar";
import { computeBreakdown } from "../../../src/team/breakdown";
import { buildBreakdownSpecs } from "../../../src/templates/team";
import { chinaWorkCalendar } from "../../../src/domain/chinaCalendar";
import { a1 } from "../../../src/spec/a1";
import { holidayTableName } from "../../../src/spec/naming";
import type { ExistingNames } from "../../../src/spec/sheetSpec";
import { buildMonthlyPlan } from "../../../src/templates/monthlyPlan";
import { buildTemplates } from "../../../src/templates";
import { TemplateError } from "../../../src/templates/errors";
import { OfficeWriteError } from "../../../src/writers/office/errors";
import { insertIntoActiveSheet, writeSheets, type BuildSheets } from "../../../src/writers/office/officeWriter";
import { FakeExcel } from "../../fakes/fakeExcel";
import { table, tableRows } from "./teamSupport";

/**
 * The Office front door reads the workbook's 节假日 tables back (issue 11): a later template plans with
 * the dates as the user edited them and its formulas name the headers as the workbook has them.
 */

const TABLE = holidayTableName(2026);
const calendar = chinaWorkCalendar();

/** A monthly plan of 2026 with the built-in calendar; `seen` gets the names the writer read. */
const monthly = (month: number, seen: ExistingNames[] = []): BuildSheets => (existing) => {
  seen.push(existing);
  return buildMonthlyPlan({ rep: "张三", year: 2026, month, calendar, blankRows: 0 }, { locale: "zh-CN", existing });
};

/** The A1 address, on the 节假日 sheet, of the cell of `column` (0: 放假日, 1: 调休上班日) holding `date`. */
function cellOf(fake: FakeExcel, column: number, date: number): string {
  const { range, sheet } = table(fake, TABLE);
  for (let row = range.from.row + 1; row <= range.to.row; row++)
    if (sheet.cells.get(`${row},${range.from.col + column}`)?.value === date) return a1({ row, col: range.from.col + column });
  throw new Error(`no ${date} in column ${column}`);
}

/** What the user does in Excel: types into the 节假日 sheet's cells (one sync, not the writer's). */
const userTypes = (fake: FakeExcel, cells: Record<string, string | number>): Promise<void> =>
  fake.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(table(fake, TABLE).sheet.name);
    for (const [address, value] of Object.entries(cells)) sheet.getRange(address).values = [[value]];
    await context.sync();
  });

/** A workbook with October 2026's monthly plan, so with the 2026 节假日 table, as the pane writes it. */
async function workbookWithTable(): Promise<FakeExcel> {
  const fake = new FakeExcel();
  await fake.run((context) => writeSheets(context, monthly(10)));
  return fake;
}

const oct = (day: number): number => serialFromYmd(2026, 10, day);
const in2026 = (dates: readonly number[]): number[] => dates.filter((d) => ymdFromSerial(d).year === 2026);

describe("the Office writer reads the workbook's 节假日 tables", () => {
  test("a workbook without them is read in the one sync that lists names, and the first plan writes the table", async () => {
    const seen: ExistingNames[] = [];
    const fake = new FakeExcel();
    await fake.run((context) => writeSheets(context, monthly(10, seen)));
    expect(fake.syncCount).toBe(2);
    expect(seen[0].holidayTables).toBeUndefined();
    expect(fake.sheetNames()).toEqual(["Sheet1", "月计划-张三-2026-10", "节假日 2026"]);
  });

  test("one more sync reads each table's headers and dates as the user left them; a non-date cell is named, not counted", async () => {
    const fake = await workbookWithTable();
    const { range, sheet } = table(fake, TABLE);
    const typo = cellOf(fake, 0, oct(7));
    // The user renames 放假日, types text over 10-07 and drops the 10-10 make-up day.
    await userTypes(fake, { [a1(range.from)]: "假日", [typo]: "10月7日", [cellOf(fake, 1, oct(10))]: "" });
    const before = fake.syncCount;
    const seen: ExistingNames[] = [];
    await fake.run((context) => writeSheets(context, monthly(9, seen)));

    expect(fake.syncCount - before).toBe(3);
    const [read] = seen[0].holidayTables ?? [];
    expect(read).toEqual({
      table: TABLE,
      headers: ["假日", "调休上班日"],
      holidays: in2026(calendar.listed.holidays).filter((d) => d !== oct(7)),
      makeUpDays: in2026(calendar.listed.makeUpDays).filter((d) => d !== oct(10)),
      notDates: [{ address: `'${sheet.name}'!${typo}`, text: "10月7日" }],
    });
  });

  test("the next plan plans with the edited table, names its renamed column and writes no second 节假日 sheet", async () => {
    const fake = await workbookWithTable();
    await userTypes(fake, { [a1(table(fake, TABLE).range.from)]: "假日", [cellOf(fake, 0, oct(7))]: "" });
    await fake.run((context) => writeSheets(context, monthly(9)));

    expect(fake.sheetNames()).toEqual(["Sheet1", "月计划-张三-2026-10", "节假日 2026", "月计划-张三-2026-09"]);
    const september = fake.sheet("月计划-张三-2026-09");
    const formulas = [...september.cells.values()].map((c) => c.formula ?? "").filter((f) => f.includes(TABLE));
    expect(formulas.length).toBeGreaterThan(0);
    for (const formula of formulas) {
      expect(formula).toContain(`${TABLE}[[假日]]`);
      expect(formula).not.toContain("放假日");
    }
    // The review falls due on October's 3rd working day: 10-07, 10-08, 10-09 once 10-07 is worked (10-10 with the built-in dates).
    const values = [...september.cells.values()].map((c) => c.value);
    expect(values).toContain(oct(9));
    expect(values).not.toContain(oct(10));
  });

  test("inserting into the active sheet reads them too: 4 syncs (names, the tables, the check, the commit)", async () => {
    const fake = await workbookWithTable();
    await userTypes(fake, { [cellOf(fake, 0, oct(7))]: "" });
    fake.state.active = fake.sheet("Sheet1");
    const before = fake.syncCount;
    const seen: ExistingNames[] = [];
    await fake.run((context) => insertIntoActiveSheet(context, monthly(9, seen)));
    expect(fake.syncCount - before).toBe(4);
    expect(seen[0].holidayTables?.[0].holidays).not.toContain(oct(7));
    expect(fake.sheetNames()).toEqual(["Sheet1", "月计划-张三-2026-10", "节假日 2026"]);
  });

  test("headers renamed past what a formula can quote: the pane's write is refused before any sheet is added; Excel (the fake) would have refused the formula", async () => {
    const fake = await workbookWithTable();
    const { range } = table(fake, TABLE);
    await userTypes(fake, { [a1({ row: range.from.row, col: range.from.col + 1 })]: "调休上班日".repeat(90) });
    const sheets = fake.sheetNames();
    const viaTemplates: BuildSheets = (existing) => buildTemplates([{ template: "monthly", options: { rep: "张三", year: 2026, month: 11, calendar, blankRows: 0 } }], { locale: "zh-CN", existing });
    await expect(fake.run((context) => writeSheets(context, viaTemplates))).rejects.toBeInstanceOf(TemplateError);
    expect(fake.sheetNames()).toEqual(sheets);
    // Built without the check, the plan reaches Excel, which refuses its 工作日 formula; the writer takes back what it added.
    const refused = await fake.run((context) => writeSheets(context, monthly(11))).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(OfficeWriteError);
    expect((refused as OfficeWriteError).params.excelCode).toBe("InvalidArgument");
    expect(fake.sheetNames()).toEqual(sheets);
  });
});

describe("the team's breakdown (teamActions' writeBreakdownToWorkbook) goes through the same read", () => {
  test("its week targets are split with the edited table and its formulas name the renamed column", async () => {
    const fake = await workbookWithTable();
    await userTypes(fake, { [a1(table(fake, TABLE).range.from)]: "假日", [cellOf(fake, 0, oct(7))]: "" });
    const input = { target: 190000, period: { kind: "month", year: 2026, month: 10 } as const, reps: [{ rep: "张三", weight: 1 }], calendar };
    await fake.run((context) => writeSheets(context, (existing) => buildBreakdownSpecs(input, undefined, { locale: "zh-CN", existing })));

    const worked = makeWorkCalendar(calendar.listed.holidays.filter((d) => d !== oct(7)), calendar.listed.makeUpDays);
    const expected = computeBreakdown({ ...input, calendar: worked }).weeks.map((w) => w.amount);
    expect(expected).not.toEqual(computeBreakdown(input).weeks.map((w) => w.amount));
    const rows = tableRows(fake, "SP_B1_Weeks");
    expect(rows.map((r) => r["目标"])).toEqual(expected);
    for (const row of rows) expect(row["工作日"]).toContain(`${TABLE}[[假日]]`);
    expect(fake.sheetNames().filter((s) => s.startsWith("节假日"))).toEqual(["节假日 2026"]);
  });
});
