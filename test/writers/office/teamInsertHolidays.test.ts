import { chinaWorkCalendar } from "../../../src/domain/chinaCalendar";
import { holidayTableName, NO_NAMES } from "../../../src/spec/naming";
import type { Locale } from "../../../src/contract/locale";
import { buildTemplates, type TemplateRequest } from "../../../src/templates";
import { insertRepWorkbooks } from "../../../src/writers/office/team";
import { writeSheets } from "../../../src/writers/office/officeWriter";
import { writeXlsx } from "../../../src/writers/xlsx";
import { FakeExcel, registerWorkbookFile } from "../../fakes/teamFake";

/**
 * Issue 11 in the pane's 汇总团队计划 with reps' files: the plans' working-day formulas name the
 * 节假日 table of their year (`SP_H2026_Days`). Against the fake, whose `insertWorksheetsFromBase64`
 * copies sheets and tables but brings names broken, and which refuses a formula naming a table
 * that does not exist (as Excel does): a year the team workbook lacks comes once with its sheet, a
 * year it has stays the team's and the copies use its column names — in the same four syncs.
 */

const TABLE = holidayTableName(2026);
const october = (rep: string): TemplateRequest => ({ template: "monthly", options: { rep, year: 2026, month: 10, calendar: chinaWorkCalendar() } });

const build = (requests: readonly TemplateRequest[], locale: Locale) => (existing: typeof NO_NAMES) => buildTemplates(requests, { locale, existing });

async function repFile(file: string, rep: string) {
  return { file, base64: await registerWorkbookFile(await writeXlsx(build([october(rep)], "zh-CN")(NO_NAMES))) };
}

const formulasOf = (fake: FakeExcel, sheet: string): string[] => [...fake.sheet(sheet).cells.values()].flatMap((c) => (c.formula ? [c.formula] : []));

test("a team workbook without the year's table gets it once, with its record, from two reps' files, in 4 syncs", async () => {
  const fake = new FakeExcel();
  const files = [await repFile("zhang.xlsx", "张三"), await repFile("li.xlsx", "李四")];
  const before = fake.syncCount;
  const report = await fake.run((context) => insertRepWorkbooks(context, files));

  expect(fake.syncCount - before).toBe(4);
  expect(report.inserted.map((p) => [p.file, p.toSheet])).toEqual([
    ["zhang.xlsx", "月计划-张三-2026-10"],
    ["li.xlsx", "月计划-李四-2026-10"],
  ]);
  expect(fake.sheetNames().filter((s) => s.startsWith("节假日"))).toEqual(["节假日 2026"]);
  expect(fake.state.tables.filter((t) => t.name.startsWith("SP_H")).map((t) => [t.name, t.sheet.name])).toEqual([[TABLE, "节假日 2026"]]);
  expect(fake.state.names.filter((n) => n.name.startsWith("SP_H")).map((n) => [n.name, n.formula])).toEqual([["SP_H2026_TEMPLATE", "='节假日 2026'!$B$2"]]);
  expect(fake.sheet("节假日 2026").cells.get("1,1")?.value).toBe("sales-planner:holidays:main:v1:H2026");
  for (const sheet of ["月计划-张三-2026-10", "月计划-李四-2026-10"]) expect(formulasOf(fake, sheet).some((f) => f.includes(`${TABLE}[[放假日]]`))).toBe(true);
});

test("a team workbook with the year's table keeps it: the rep's 节假日 sheet is not inserted and the copies name the team's columns", async () => {
  const fake = new FakeExcel();
  await fake.run((context) => writeSheets(context, build([{ template: "monthly", options: { rep: "Wang", year: 2026, month: 11, calendar: chinaWorkCalendar() } }], "en-US")));
  expect(fake.sheetNames()).toContain("Holidays 2026");
  const files = [await repFile("zhang.xlsx", "张三")];
  const before = fake.syncCount;
  await fake.run((context) => insertRepWorkbooks(context, files));

  expect(fake.syncCount - before).toBe(4);
  expect(fake.sheetNames().filter((s) => /^(节假日|Holidays)/.test(s))).toEqual(["Holidays 2026"]);
  expect(fake.state.tables.filter((t) => t.name.startsWith("SP_H")).map((t) => t.name)).toEqual([TABLE]);
  const copied = formulasOf(fake, "月计划-张三-2026-10").filter((f) => f.includes(TABLE));
  expect(copied.length).toBeGreaterThan(0);
  expect(copied.every((f) => f.includes(`${TABLE}[[Day off]]`) && f.includes(`${TABLE}[[Make-up working day]]`))).toBe(true);
  expect(copied.some((f) => /放假日|调休上班日/.test(f))).toBe(false);
});
