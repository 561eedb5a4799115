/**
 * Issue 11: the roll-up (`sales-planner rollup`, the preview) copies reps' plans into the team
 * workbook, and their working-day formulas read the rep's 节假日 table (`SP_H2026_Days`). A year the
 * team workbook lacks comes along once, with its sheet, whatever the number of reps; a year it has
 * stays the team's, and the copies read it under its own column names. LibreOffice recalculates
 * the result: no error cell, and each copy counts the working days of the table it reads.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { makeWorkCalendar, serialFromYmd, workingDates, type WorkCalendar } from "../../../src/domain/calendar";
import { chinaWorkCalendar } from "../../../src/domain/chinaCalendar";
import { holidayTableName, NO_NAMES } from "../../../src/spec/naming";
import type { SheetSpec } from "../../../src/spec/sheetSpec";
import type { Locale } from "../../../src/contract/locale";
import { buildMonthlyPlan } from "../../../src/templates/monthlyPlan";
import { col } from "../../../src/spec/formula";
import { definedNames, tableNames, unescapeXml, XlsxPackage } from "../../../src/writers/ooxml";
import { writeXlsx } from "../../../src/writers/xlsx";
import { mergeRepWorkbooks, type MergeResult } from "../../../src/writers/xlsx/mergeWorkbooks";
import { errorCells, recalcXlsx } from "../../support/libreoffice";
import { read, tableByRole, tableCell } from "../../support/specCells";
import { repoRoot } from "../../support/paths";

jest.setTimeout(300_000);

const TABLE = holidayTableName(2026);
const china = chinaWorkCalendar();
const dir = mkdtempSync(join(tmpdir(), "sp-rollup-holidays-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const october = (rep: string, locale: Locale, calendar: WorkCalendar = china): SheetSpec[] =>
  buildMonthlyPlan({ rep, year: 2026, month: 10, calendar, blankRows: 0 }, { locale, existing: NO_NAMES });

const workdaysIn = (calendar: WorkCalendar): number => workingDates(serialFromYmd(2026, 10, 1), serialFromYmd(2026, 10, 31), calendar).length;

async function contents(data: Uint8Array) {
  const pkg = await XlsxPackage.load(data);
  const sheets = await pkg.sheets();
  const formulas = (await Promise.all(sheets.map(async (s) => (s.path ? ((await pkg.text(s.path)) ?? "") : "")))).join("\n");
  return { sheets: sheets.map((s) => s.name), tables: await tableNames(pkg), names: definedNames(await pkg.workbookXml()).map((n) => n.name), formulas: unescapeXml(formulas) };
}

/** Each copy's working days as LibreOffice computed them (the weeks table's totals row), with the errors of the whole workbook. */
async function recalculated(result: MergeResult, spec: SheetSpec, name: string) {
  const file = join(dir, `${name}.xlsx`);
  writeFileSync(file, result.data);
  const [book] = await recalcXlsx([file]);
  const weeks = tableByRole(spec, "weeks");
  const totals = result.copied.map((c) => read(book, { ...spec, name: c.toSheet }, tableCell(weeks, weeks.rows.length, "workdays")));
  return { errors: errorCells(book), totals };
}

test("a team workbook without the year's table gets it once from two reps, and the copies count with it", async () => {
  const zhang = october("张三", "zh-CN");
  const li = october("李四", "zh-CN");
  const result = await mergeRepWorkbooks(undefined, [
    { file: "张三.xlsx", data: await writeXlsx(zhang) },
    { file: "李四.xlsx", data: await writeXlsx(li) },
  ]);
  const team = await contents(result.data);

  expect(result.copied.map((c) => c.toSheet)).toEqual(["月计划-张三-2026-10", "月计划-李四-2026-10"]);
  expect(team.sheets.filter((s) => s.startsWith("节假日"))).toEqual(["节假日 2026"]);
  expect(team.tables.filter((t) => t.toUpperCase().startsWith("SP_H"))).toEqual([TABLE]);
  expect(team.names.filter((n) => n.startsWith("SP_H"))).toEqual(["SP_H2026_TEMPLATE"]);

  const { errors, totals } = await recalculated(result, zhang[0], "without");
  expect(errors).toEqual([]);
  expect(workdaysIn(china)).toBe(18);
  expect(totals).toEqual([18, 18]);
});

test("a team workbook with the year's table keeps it: the reps' is not copied and the copies read the team's under its column names", async () => {
  // The team's table lists 10-07 as a working day, so a copy counting 19 reads the team's table, not a rep's.
  const teamCalendar = makeWorkCalendar(china.listed.holidays.filter((d) => d !== serialFromYmd(2026, 10, 7)), china.listed.makeUpDays);
  const teamPlan = october("Wang", "en-US", teamCalendar);
  const zhang = october("张三", "zh-CN");
  const result = await mergeRepWorkbooks(await writeXlsx(teamPlan), [
    { file: "张三.xlsx", data: await writeXlsx(zhang) },
    { file: "李四.xlsx", data: await writeXlsx(october("李四", "zh-CN")) },
  ]);
  const team = await contents(result.data);

  expect(team.sheets.filter((s) => /^(节假日|Holidays)/.test(s))).toEqual(["Holidays 2026"]);
  expect(team.tables.filter((t) => t.toUpperCase().startsWith("SP_H"))).toEqual([TABLE]);
  expect(team.names.filter((n) => n.startsWith("SP_H"))).toEqual(["SP_H2026_TEMPLATE"]);
  expect(team.formulas).toContain(`${TABLE}[[Day off]]`);
  expect(team.formulas).toContain(`${TABLE}[[Make-up working day]]`);
  expect(team.formulas).not.toContain("放假日");
  expect(team.formulas).not.toContain("调休上班日");

  const { errors, totals } = await recalculated(result, zhang[0], "with");
  expect(errors).toEqual([]);
  expect(workdaysIn(teamCalendar)).toBe(19);
  expect(totals).toEqual([19, 19]);
});

test("a team table whose column the user renamed with characters structured references and XML escape: the copies name it so", async () => {
  const teamPlan = october("Wang", "en-US");
  const header = teamPlan.flatMap((s) => s.tables).find((t) => t.name === TABLE)!.origin;
  const renamed = "Off [A&B] #1 'x' <y>";
  // Typed over the header cell in LibreOffice, which renames the table's column and saves the workbook.
  const file = join(dir, "team-renamed.xlsx");
  writeFileSync(file, await writeXlsx(teamPlan));
  const saved = join(dir, "team-renamed-saved.xlsx");
  const plan = { workbooks: [{ file, ops: [{ op: "set", sheet: "Holidays 2026", cells: [[header.row, header.col, renamed]] }, { op: "save", path: saved }] }] };
  writeFileSync(join(dir, "rename.json"), JSON.stringify(plan));
  execFileSync("/usr/bin/python3", [join(repoRoot, "test/support/libreofficeEdit.py"), join(dir, "rename.json"), join(dir, "rename-result.json")], { stdio: "pipe", timeout: 240_000 });

  const zhang = october("张三", "zh-CN");
  const result = await mergeRepWorkbooks(new Uint8Array(readFileSync(saved)), [{ file: "张三.xlsx", data: await writeXlsx(zhang) }]);
  const team = await contents(result.data);
  expect(team.sheets.filter((s) => /^(节假日|Holidays)/.test(s))).toEqual(["Holidays 2026"]);
  expect(team.formulas).toContain(col(TABLE, renamed));
  expect(team.formulas).toContain(col(TABLE, "Make-up working day"));

  const { errors, totals } = await recalculated(result, zhang[0], "renamed");
  expect(errors).toEqual([]);
  expect(totals).toEqual([18]);
});
