import { serialFromYmd } from "../../src/domain/calendar";
import type { RememberedFields } from "../../src/host/preferences";
import { rememberedPlanning } from "../../src/taskpane/templateForms/rememberedPlanning";

/** The calendar 下周/下月计划 plans with in the pane: the forms' last choices (templateForms/rememberedPlanning.ts). */

const remembered = (over: Partial<RememberedFields> = {}): RememberedFields => ({ rep: "", team: "", holidays: "", chinaCalendar: true, workWeek: "fiveDay", longWeek: "", ...over });
const working = (fields: RememberedFields, y: number, m: number, d: number): boolean => rememberedPlanning(fields)([y]).isWorkingDay(serialFromYmd(y, m, d));

test("China's holidays, the user's own lines and the work week the forms last used", () => {
  // 2026-10-01 is a Thursday of the 国庆 break; 2026-11-28 a Saturday; 2026-11-30 a Monday.
  expect(working(remembered(), 2026, 10, 1)).toBe(false);
  expect(working(remembered({ chinaCalendar: false }), 2026, 10, 1)).toBe(true);
  expect(working(remembered(), 2026, 11, 28)).toBe(false);
  expect(working(remembered({ workWeek: "sixDay" }), 2026, 11, 28)).toBe(true);
  expect(working(remembered({ holidays: "2026-11-30" }), 2026, 11, 30)).toBe(false);
});

test("lines that no longer read, or a 大小周 without its date, are left out rather than refusing the plan", () => {
  expect(working(remembered({ holidays: "第一行不是日期\n2026-11-30" }), 2026, 11, 30)).toBe(true);
  expect(working(remembered({ holidays: "第一行不是日期" }), 2026, 10, 1)).toBe(false);
  expect(working(remembered({ workWeek: "alternate", longWeek: "" }), 2026, 11, 28)).toBe(false);
});
