/**
 * The 节假日 table read back after a real spreadsheet program edited it (issue 11): LibreOffice,
 * driven through Python-UNO (test/support/libreofficeEdit.py), deletes a date and renames a column
 * of the table a monthly plan wrote, and saves the workbook as .xlsx; `inspectXlsx` reads that file,
 * the next plan is written into it, and LibreOffice recalculates the result — the formulas of both
 * plans count with the edited table and agree with the value fixed at write time.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { makeWorkCalendar, serialFromYmd, workingDates } from "../../../src/domain/calendar";
import { chinaWorkCalendar } from "../../../src/domain/chinaCalendar";
import { holidayTableName, NO_NAMES } from "../../../src/spec/naming";
import type { ExistingNames, SheetSpec } from "../../../src/spec/sheetSpec";
import { buildMonthlyPlan } from "../../../src/templates/monthlyPlan";
import { inspectXlsx, writeXlsx } from "../../../src/writers/xlsx";
import { errorCells, recalcXlsx, type ComputedWorkbook } from "../../support/libreoffice";
import { read, tableByRole, tableCell } from "../../support/specCells";
import { repoRoot } from "../../support/paths";

const PYTHON = "/usr/bin/python3"; // the system Python, which has Debian's python3-uno
const SCRIPT = join(repoRoot, "test/support/libreofficeEdit.py");
const TABLE = holidayTableName(2026);
const SHEET = "节假日 2026";
const calendar = chinaWorkCalendar();
const oct = (day: number): number => serialFromYmd(2026, 10, day);

const monthly = (month: number, existing: ExistingNames): SheetSpec[] =>
  buildMonthlyPlan({ rep: "张三", year: 2026, month, calendar, blankRows: 0 }, { locale: "zh-CN", existing });

/** Working days of a month in `days`' calendar. */
const workdaysIn = (month: number, days: typeof calendar): number => workingDates(serialFromYmd(2026, month, 1), serialFromYmd(2026, month + 1, 1) - 1, days).length;

/** A monthly plan's working days as its formulas computed them: the weeks table's totals row. */
function workdaysTotal(book: ComputedWorkbook, spec: SheetSpec): unknown {
  const weeks = tableByRole(spec, "weeks");
  return read(book, spec, tableCell(weeks, weeks.rows.length, "workdays"));
}

const dir = mkdtempSync(join(tmpdir(), "sp-holiday-edit-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Has LibreOffice type `cells` ([row, col, value]) into the 节假日 sheet of `data` and save it; returns the saved file's bytes. */
function editInLibreOffice(data: Uint8Array, name: string, cells: [number, number, string | number | null][]): Uint8Array {
  const file = join(dir, `${name}.xlsx`);
  const saved = join(dir, `${name}-edited.xlsx`);
  writeFileSync(file, data);
  const plan = { workbooks: [{ file, ops: [{ op: "set", sheet: SHEET, cells }, { op: "save", path: saved }] }] };
  writeFileSync(join(dir, `${name}.json`), JSON.stringify(plan));
  execFileSync(PYTHON, [SCRIPT, join(dir, `${name}.json`), join(dir, `${name}-result.json`)], { stdio: "pipe", timeout: 240_000 });
  return new Uint8Array(readFileSync(saved));
}

/** The row of the 节假日 table's days-off cell holding `date` (0-based), in the specs that wrote it. */
function dayOffRow(specs: readonly SheetSpec[], date: number): number {
  const days = specs.flatMap((s) => s.tables).find((t) => t.name === TABLE);
  const index = days?.rows.findIndex((r) => r.off === date) ?? -1;
  if (!days || index < 0) throw new Error(`no ${date}`);
  return days.origin.row + 1 + index;
}

test("a table LibreOffice edited is read back, and both plans' formulas count with it", async () => {
  const october = monthly(10, NO_NAMES);
  const header = october.flatMap((s) => s.tables).find((t) => t.name === TABLE)!.origin;
  const edited = editInLibreOffice(await writeXlsx(october), "deleted", [
    [header.row, header.col, "假日"],
    [dayOffRow(october, oct(7)), 0, null],
  ]);

  const names = await inspectXlsx(edited);
  const worked = makeWorkCalendar(calendar.listed.holidays.filter((d) => d !== oct(7)), calendar.listed.makeUpDays);
  expect(names.holidayTables).toEqual([
    expect.objectContaining({ table: TABLE, headers: ["假日", "调休上班日"], holidays: worked.listed.holidays.filter((d) => d >= serialFromYmd(2026, 1, 1) && d < serialFromYmd(2027, 1, 1)) }),
  ]);

  const september = monthly(9, names);
  expect(september.map((s) => s.name)).toEqual(["月计划-张三-2026-09"]);
  const file = join(dir, "both.xlsx");
  writeFileSync(file, await writeXlsx(september, edited));
  const [book] = await recalcXlsx([file]);

  expect(errorCells(book)).toEqual([]);
  expect(workdaysIn(10, worked)).toBe(workdaysIn(10, calendar) + 1);
  expect(workdaysTotal(book, october[0])).toBe(workdaysIn(10, worked));
  expect(workdaysTotal(book, september[0])).toBe(workdaysIn(9, worked));
  // The review date, fixed at write time: October's 3rd working day with the edited table (10-09, not 10-10).
  const septemberValues = [...(book.get(september[0].name)?.values() ?? [])];
  expect(septemberValues).toContain(oct(9));
  expect(septemberValues).not.toContain(oct(10));
}, 300_000);

test("text typed over a date is no holiday to LibreOffice's formulas either: the reader leaves it out and names it", async () => {
  const october = monthly(10, NO_NAMES);
  const row = dayOffRow(october, oct(7));
  const edited = editInLibreOffice(await writeXlsx(october), "text", [[row, 0, "10月7日"]]);
  const file = join(dir, "text.xlsx");
  writeFileSync(file, edited);
  const [book] = await recalcXlsx([file]);
  const [read] = (await inspectXlsx(edited)).holidayTables ?? [];

  const worked = makeWorkCalendar(calendar.listed.holidays.filter((d) => d !== oct(7)), calendar.listed.makeUpDays);
  expect(errorCells(book)).toEqual([]);
  expect(workdaysTotal(book, october[0])).toBe(workdaysIn(10, worked));
  expect(read.holidays).not.toContain(oct(7));
  expect(read.notDates).toEqual([{ address: `'${SHEET}'!A${row + 1}`, text: "10月7日" }]);
}, 300_000);
