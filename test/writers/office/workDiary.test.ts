import { buildVisitLog } from "../../../src/templates/visitLog";
import { buildWeeklyPlan } from "../../../src/templates/weeklyPlan";
import { buildWorkDiary } from "../../../src/templates/workDiary";
import { a1 } from "../../../src/spec/a1";
import type { SheetSpec } from "../../../src/spec/sheetSpec";
import { writeSheets } from "../../../src/writers/office/officeWriter";
import { FakeExcel } from "../../fakes/fakeExcel";
import { visitRows } from "../../fixtures/visits";

/**
 * The work diary and the weekly plan's counted actuals through the Office writer: they read the visit log
 * by workbook names only, so a diary written before any log is accepted (Excel takes a formula naming an
 * undefined name, and the fake refuses only unknown tables) and the log written after defines the names it
 * reads; written after a log, they name that log's key.
 */

const diary = (existing: Parameters<typeof buildWorkDiary>[1]["existing"]) => buildWorkDiary({ reps: ["张三", "李四"], year: 2026, month: 11 }, { locale: "zh-CN", existing });
const cellFormula = (fake: FakeExcel, spec: SheetSpec, sheetName: string, role: string, key: string): string | undefined => {
  const table = spec.tables.find((t) => t.role === role)!;
  const col = table.columns.findIndex((c) => c.key === key);
  return fake.sheet(sheetName).formula(a1({ row: table.origin.row + 1, col: table.origin.col + col }));
};

test("a diary written before the log names the log the first write of it creates, in 2 syncs; the log then defines those names", async () => {
  const fake = new FakeExcel();
  const syncs = fake.syncCount;
  const written = await fake.run((context) => writeSheets(context, diary));
  expect(fake.syncCount - syncs).toBe(2);
  const [spec] = diary({ sheets: [], tables: [], names: [] });
  expect(cellFormula(fake, spec, written.sheets[0], "days", "logFirst")).toContain("SP_V1_COL_DATE");
  expect(cellFormula(fake, spec, written.sheets[0], "days", "newVisits")).toContain("SP_V1_COL_NEWOLD");
  expect(fake.state.names.some((n) => n.name.startsWith("SP_V1_"))).toBe(false);

  await fake.run((context) => writeSheets(context, (existing) => buildVisitLog({ rows: visitRows(20, 10, "zh-CN"), blankRows: 0 }, { locale: "zh-CN", existing })));
  const defined = new Set(fake.state.names.map((n) => n.name));
  const mentioned = ["logFirst", "newVisits", "calls"].flatMap((key) => [...(cellFormula(fake, spec, written.sheets[0], "days", key) ?? "").matchAll(/SP_V1_[A-Z_]+/g)].map((m) => m[0]));
  expect(mentioned.length).toBeGreaterThan(0);
  for (const name of mentioned) expect(defined).toContain(name);
});

test("written after a second log, the diary and the weekly plan count the newest log (V2), the weekly plan's counted actuals as one calculated column", async () => {
  const fake = new FakeExcel();
  for (let i = 0; i < 2; i++) await fake.run((context) => writeSheets(context, (existing) => buildVisitLog({ blankRows: 1 }, { locale: "en-US", existing })));
  const diaryWritten = await fake.run((context) => writeSheets(context, diary));
  const [diarySpec] = diary({ sheets: [], tables: ["SP_V1_Visits", "SP_V2_Visits"], names: [] });
  const formula = ["logFirst", "calls"].map((key) => cellFormula(fake, diarySpec, diaryWritten.sheets[0], "days", key)).join();
  expect(formula).toContain("SP_V2_COL_DATE");
  expect(formula).toContain("SP_V2_METHOD_WECHAT");
  expect(formula).not.toContain("SP_V1_");

  const weekly = (existing: Parameters<typeof buildWeeklyPlan>[1]["existing"]) => buildWeeklyPlan({ rep: "张三", year: 2026, week: 48 }, { locale: "zh-CN", existing });
  const weeklyWritten = await fake.run((context) => writeSheets(context, weekly));
  const [weeklySpec] = weekly({ sheets: [], tables: ["SP_V1_Visits", "SP_V2_Visits"], names: [] });
  const counts = weeklySpec.tables.find((t) => t.role === "countTargets")!;
  const actual = counts.columns.findIndex((c) => c.key === "actual");
  const column = counts.rows.map((_, i) => fake.sheet(weeklyWritten.sheets[0]).formula(a1({ row: counts.origin.row + 1 + i, col: counts.origin.col + actual })));
  expect(new Set(column).size).toBe(1);
  expect(column[0]).toContain("SP_W1_REP");
  expect(column[0]).toContain("SP_V2_METHOD_PHONE");
});
