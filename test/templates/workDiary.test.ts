import { serialFromYmd } from "../../src/domain/calendar";
import { planningCalendar } from "../../src/domain/chinaCalendar";
import { buildTemplates } from "../../src/templates";
import { buildWeeklyPlan } from "../../src/templates/weeklyPlan";
import { buildWorkDiary, diaryReps } from "../../src/templates/workDiary";
import { templateStrings } from "../../src/templates/strings";
import { NO_NAMES } from "../../src/spec/naming";
import type { ExistingNames, SheetSpec } from "../../src/spec/sheetSpec";

const calendar = planningCalendar({ holidays: [], makeUpDays: [] }, true, [2026]).calendar;
const withLog: ExistingNames = { sheets: ["客户拜访记录"], tables: ["SP_V1_Visits", "SP_V3_Visits"], names: [] };
const diary = (existing: ExistingNames = NO_NAMES, reps = ["张三", "李四"]): SheetSpec => buildWorkDiary({ reps, year: 2026, month: 10, calendar }, { locale: "zh-CN", existing })[0];
const formulasOf = (spec: SheetSpec): string[] => spec.tables.flatMap((t) => t.columns.flatMap((c) => (c.formula ? [c.formula] : [])));

test("reps typed as one text are split at commas, 、, semicolons and line breaks, blanks and repeats dropped", () => {
  expect(diaryReps(" 张三,李四，王五、赵六;钱七；孙八\n张三\r\n, ")).toEqual(["张三", "李四", "王五", "赵六", "钱七", "孙八"]);
  expect(diaryReps("  ")).toEqual([]);
});

test("one row per rep and working day, the reps in order; the daily standard 2-3-4 in named cells", () => {
  const spec = diary();
  const days = spec.tables.find((t) => t.role === "days")!;
  expect(days.rows).toHaveLength(2 * 18);
  expect(days.rows[0]).toEqual({ date: serialFromYmd(2026, 10, 8), rep: "张三" });
  expect(days.rows[18]).toEqual({ date: serialFromYmd(2026, 10, 8), rep: "李四" });
  expect(days.rows.some((r) => r.date === serialFromYmd(2026, 10, 10))).toBe(true);
  const standard = (name: string) => {
    const at = spec.names.find((n) => n.name === name)!.target.from;
    return spec.cells.find((c) => c.at.row === at.row && c.at.col === at.col)?.value;
  };
  expect(["SP_D1_STD_NEW", "SP_D1_STD_OLD", "SP_D1_STD_CALLS"].map(standard)).toEqual([2, 3, 4]);
  expect(spec.tables.find((t) => t.role === "month")!.rows).toEqual([{ rep: "张三" }, { rep: "李四" }]);
});

test("without reps, one block of days whose 销售代表 the user types, and one blank month row", () => {
  const spec = diary(NO_NAMES, []);
  expect(spec.tables.find((t) => t.role === "days")!.rows.every((r) => r.rep === null)).toBe(true);
  expect(spec.tables.find((t) => t.role === "month")!.rows).toEqual([{ rep: null }]);
});

test("counts read the log's columns only between the day's rows, never the whole column (COUNTIFS scans all it is given)", () => {
  const all = formulasOf(diary()).join("\n");
  const uses = [...all.matchAll(/(.{6})SP_V1_COL_(REP|NEWOLD|METHOD)/g)];
  expect(uses.length).toBeGreaterThan(10);
  for (const use of uses) expect(use[1]).toBe("INDEX(");
  // The date column is searched (MATCH, binary) only in the two window cells of the row.
  expect(formulasOf(diary()).filter((f) => f.includes("SP_V1_COL_DATE"))).toHaveLength(2);
});

test("written before any log it names the key the first log takes (V1); after logs, the last one listed", () => {
  expect(formulasOf(diary()).join()).toContain("SP_V1_METHOD_VISIT");
  const after = formulasOf(diary(withLog)).join();
  expect(after).toContain("SP_V3_METHOD_MEETING");
  expect(after).not.toContain("SP_V1_");
  expect(diary(withLog).cells.some((c) => typeof c.value === "string" && c.value.includes("SP_V3_Visits"))).toBe(true);
});

describe("the weekly plan's counted actuals", () => {
  const weekly = (existing: ExistingNames) => buildWeeklyPlan({ rep: "张三", year: 2026, week: 41, calendar }, { locale: "zh-CN", existing })[0];
  const actualColumn = (spec: SheetSpec, role: string) => spec.tables.find((t) => t.role === role)!.columns.find((c) => c.key === "actual")!;

  test("stay typed inputs without a log", () => {
    const spec = weekly(NO_NAMES);
    expect(actualColumn(spec, "countTargets").formula).toBeUndefined();
    expect(formulasOf(spec).join()).not.toContain("SP_V");
  });

  test("with a log, count the plan's rep (SP_W1_REP) in its week, Monday to Sunday, each row by its metric; ¥ actuals stay typed", () => {
    const spec = weekly(withLog);
    const formula = actualColumn(spec, "countTargets").formula ?? "";
    const m = templateStrings("zh-CN").weekly.metrics;
    for (const label of [m.NEW_CUSTOMERS, m.VISITS, m.CALLS]) expect(formula).toContain(`="${label}"`);
    expect(formula).toContain("SP_W1_REP");
    expect(formula).toContain(`MATCH(${serialFromYmd(2026, 10, 5)}-0.000000001,SP_V3_COL_DATE,1)`);
    expect(formula).toContain(`MATCH(${serialFromYmd(2026, 10, 11)}+1-0.000000001,SP_V3_COL_DATE,1)`);
    expect(actualColumn(spec, "targets").formula).toBeUndefined();
    expect(spec.cells.some((c) => typeof c.value === "string" && c.value.includes("SP_V3_Visits"))).toBe(true);
  });

  test("a log asked in the same request is built first, so the plan counts it; without one the order asked is kept", () => {
    const both = buildTemplates([{ template: "weekly", options: { rep: "张三", year: 2026, week: 41 } }, { template: "visits", options: {} }], { locale: "zh-CN", existing: NO_NAMES });
    expect(both.map((s) => s.record.template)).toEqual(["visits", "weekly"]);
    expect(actualColumn(both[1], "countTargets").formula).toContain("SP_V1_COL_REP");
    const plain = buildTemplates([{ template: "weekly", options: { rep: "张三", year: 2026, week: 41 } }, { template: "customers", options: {} }], { locale: "zh-CN", existing: NO_NAMES });
    expect(plain.map((s) => s.record.template)).toEqual(["weekly", "customers", "customers", "customers"]);
  });
});
