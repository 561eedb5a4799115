import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { makeWorkCalendar, serialFromYmd } from "../../src/domain/calendar";
import { chinaWorkCalendar } from "../../src/domain/chinaCalendar";
import { computeBreakdown } from "../../src/team/breakdown";
import { a1 } from "../../src/spec/a1";
import { holidayTableName } from "../../src/spec/naming";
import { cellValue, sharedStrings, sheetCells, tableNames, tableParts, XlsxPackage } from "../../src/writers/ooxml";
import { renameColumn, typeCells } from "../support/xlsxEdit";
import { runCli as run } from "../support/cli";

/**
 * The command line's second write into a workbook reads its 节假日 table (issue 11): the user edits
 * the table `write monthly` put there, and `breakdown --out` the same file splits its week targets
 * with the edited dates, names the renamed column in its formulas, writes no second table, and
 * names on stderr a cell that holds no date.
 */

const dir = mkdtempSync(join(tmpdir(), "sp-cli-holidays-"));
const TABLE = holidayTableName(2026);
const SHEET = "节假日 2026";
const oct = (day: number): number => serialFromYmd(2026, 10, day);

/** The address in the 节假日 table's days-off column of the cell holding `date`. */
async function dayOffCell(data: Uint8Array, date: number): Promise<string> {
  const pkg = await XlsxPackage.load(data);
  const [part] = await tableParts(pkg, (name) => name === TABLE);
  const cells = sheetCells((await pkg.text(part.sheetPath)) ?? "", await sharedStrings(pkg));
  for (let row = part.range.from.row + 1; row <= part.range.to.row; row++) {
    const address = a1({ row, col: part.range.from.col });
    if (cellValue(cells.get(address)) === date) return address;
  }
  throw new Error(`no ${date}`);
}

/** A table's column as written: values, or formulas when `formulas`. */
async function column(data: Uint8Array, table: string, index: (columns: readonly string[]) => number, formulas = false): Promise<unknown[]> {
  const pkg = await XlsxPackage.load(data);
  const [part] = await tableParts(pkg, (name) => name === table);
  const cells = sheetCells((await pkg.text(part.sheetPath)) ?? "", await sharedStrings(pkg));
  const col = part.range.from.col + index(part.columns);
  return Array.from({ length: part.range.to.row - part.totalsRows - part.range.from.row }, (_, r) => {
    const cell = cells.get(a1({ row: part.range.from.row + 1 + r, col }));
    return formulas ? cell?.formula : cellValue(cell);
  });
}

test.each([
  ["zh-CN", "注意:工作簿的节假日表 SP_H2026_Days 中以下单元格不是日期"],
  ["en-US", "Note: these cells of the workbook's holidays table SP_H2026_Days hold no date"],
])("a breakdown written into a workbook whose 节假日 table was edited follows the table (%s)", async (lang, warning) => {
  const out = join(dir, `plan-${lang}.xlsx`);
  expect((await run("write", "monthly", "--rep", "张三", "--month", "2026-10", "--out", out)).code).toBe(0);
  const written = new Uint8Array(readFileSync(out));
  // The user works on 10-07 after all (typing a note over the date) and renames the column.
  const typo = await dayOffCell(written, oct(7));
  writeFileSync(out, await renameColumn(await typeCells(written, SHEET, { [typo]: "上班" }), TABLE, "放假日", "假日"));

  const { code, err } = await run("breakdown", "--lang", lang, "--out", out, "--target", "190000", "--month", "2026-10", "--reps", "张三=1");
  expect(code).toBe(0);
  expect(err).toContain(warning);
  expect(err).toContain(`'${SHEET}'!${typo}`);

  const result = new Uint8Array(readFileSync(out));
  const pkg = await XlsxPackage.load(result);
  expect((await tableNames(pkg)).filter((t) => t.toUpperCase().startsWith("SP_H"))).toEqual([TABLE]);
  expect((await pkg.sheets()).filter((s) => s.name.startsWith("节假日") || s.name.startsWith("Holidays"))).toHaveLength(1);

  // The week targets are split as with the edited dates from scratch: 19 working days, 10-07 one of them.
  const builtIn = chinaWorkCalendar();
  const edited = makeWorkCalendar(builtIn.listed.holidays.filter((d) => d !== oct(7)), builtIn.listed.makeUpDays);
  const expected = computeBreakdown({ target: 190000, period: { kind: "month", year: 2026, month: 10 }, reps: [{ rep: "张三", weight: 1 }], calendar: edited });
  const asPublished = computeBreakdown({ target: 190000, period: { kind: "month", year: 2026, month: 10 }, reps: [{ rep: "张三", weight: 1 }], calendar: builtIn });
  expect(expected.weeks.map((w) => w.amount)).not.toEqual(asPublished.weeks.map((w) => w.amount));
  expect(await column(result, "SP_B1_Weeks", (columns) => columns.length - 1)).toEqual(expected.weeks.map((w) => w.amount));
  const formulas = await column(result, "SP_B1_Weeks", (columns) => columns.length - 2, true);
  for (const formula of formulas) expect(formula).toContain(`${TABLE}[[假日]]`);
});

test("a year past the built-in data is not warned about when the workbook's own 节假日 table for it plans the write", async () => {
  const out = join(dir, "2027.xlsx");
  const holidays = join(dir, "2027.txt");
  writeFileSync(holidays, "2027-05-03\n+2027-05-08\n");
  expect(await run("write", "monthly", "--month", "2027-04", "--holidays", holidays, "--out", out)).toMatchObject({ code: 0, err: "" });
  const again = await run("write", "monthly", "--month", "2027-05", "--out", out);
  expect(again).toMatchObject({ code: 0, err: "" });
  const pkg = await XlsxPackage.load(new Uint8Array(readFileSync(out)));
  expect((await tableNames(pkg)).filter((t) => t.startsWith("SP_H"))).toEqual([holidayTableName(2027)]);
  const may = await column(new Uint8Array(readFileSync(out)), "SP_M2_Weeks", (columns) => columns.indexOf("工作日"), true);
  for (const formula of may) expect(formula).toContain(`${holidayTableName(2027)}[[放假日]]`);
  // A workbook without it is still told.
  expect((await run("write", "monthly", "--month", "2027-05", "--out", join(dir, "2027-fresh.xlsx"))).err).toContain("2027 年");
});

test("headers of the 节假日 table renamed past what a formula can quote: the plan and the breakdown are refused with exit 2, in the user's language, and the file is left as it was", async () => {
  const out = join(dir, "long-headers.xlsx");
  expect((await run("write", "monthly", "--rep", "张三", "--month", "2026-10", "--out", out)).code).toBe(0);
  writeFileSync(out, await renameColumn(new Uint8Array(readFileSync(out)), holidayTableName(2026), "调休上班日", "调休上班日".repeat(90)));
  const before = readFileSync(out);
  const plan = await run("write", "monthly", "--rep", "李四", "--month", "2026-10", "--out", out);
  expect(plan.code).toBe(2);
  expect(plan.err).toContain("“工作日”列的公式最长可达");
  expect(plan.err).toContain("请把过长的列标题改短后再试");
  const breakdown = await run("breakdown", "--out", out, "--target", "190000", "--month", "2026-10", "--reps", "张三=1", "--lang", "en-US");
  expect(breakdown.code).toBe(2);
  expect(breakdown.err).toMatch(/The formula of column "Working days" on sheet ".+" would be up to \d+ characters long, over Excel's limit of 8192\./);
  expect(readFileSync(out).equals(before)).toBe(true);
});
