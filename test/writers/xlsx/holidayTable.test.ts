/**
 * The 节假日 table drives the workbook (issue 11, items 3 and 7): monthly plans for every month of
 * 2024–2026 on the built-in China calendar, written by the xlsx writer and recalculated in LibreOffice,
 * count the working days the domain counts; 单休 and 大小周 months give hand-worked counts; and when the
 * user edits the table in LibreOffice (Python-UNO, test/support/libreofficeEdit.py) the counts and the
 * week targets follow, still adding up to the month's target.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { alternateWeek, daysInMonth, serialFromYmd, SIX_DAY_WEEK, workdays, type WorkCalendar } from "../../../src/domain/calendar";
import { chinaWorkCalendar } from "../../../src/domain/chinaCalendar";
import { buildTemplates, type TemplateRequest } from "../../../src/templates";

import { a1 } from "../../../src/spec/a1";
import { holidayTableName, NO_NAMES } from "../../../src/spec/naming";
import type { SheetSpec, TableSpec } from "../../../src/spec/sheetSpec";
import { writeXlsx } from "../../../src/writers/xlsx";
import { publishedWorkdays } from "../../fixtures/chinaSchedules";
import { errorCells, recalcXlsx, type ComputedWorkbook } from "../../support/libreoffice";
import { repoRoot } from "../../support/paths";
import { read } from "../../support/specCells";

const YEARS = [2024, 2025, 2026];
const TARGET = 1_000_003;

const monthly = (year: number, month: number, calendar: WorkCalendar): TemplateRequest => ({
  template: "monthly",
  options: { rep: "张三", year, month, calendar, targets: { SALES: { target: TARGET } } },
});

const plans = (specs: readonly SheetSpec[]): SheetSpec[] => specs.filter((s) => s.record.template === "monthly");
const holidaySheets = (specs: readonly SheetSpec[]): SheetSpec[] => specs.filter((s) => s.record.template === "holidays");
const weeksOf = (spec: SheetSpec): TableSpec => spec.tables.find((t) => t.role === "weeks")!;
const columnOf = (t: TableSpec, key: string): number => t.origin.col + t.columns.findIndex((c) => c.key === key);

/** The plan's 工作日数 cell: the sum of its weeks' working days. */
function monthDays(book: ComputedWorkbook, spec: SheetSpec): unknown {
  const cell = spec.cells.find((c) => c.formula?.startsWith("SUM(") && c.formula.includes(weeksOf(spec).name));
  if (!cell) throw new Error(`${spec.name} has no working-days total`);
  return read(book, spec, cell.at);
}

function weekColumn(book: ComputedWorkbook, spec: SheetSpec, key: string): unknown[] {
  const t = weeksOf(spec);
  return t.rows.map((_, i) => read(book, spec, { row: t.origin.row + 1 + i, col: columnOf(t, key) }));
}

const byYear = YEARS.map((year) => {
  const calendar = chinaWorkCalendar(undefined, year, year + 1);
  // 2026 also has the weekly plan of 国庆's week, whose 休/班 marks are formulas over the same table.
  const weeklies: TemplateRequest[] = year === 2026 ? [{ template: "weekly", options: { rep: "张三", year, week: 41, calendar } }] : [];
  const specs = buildTemplates(
    [...Array.from({ length: 12 }, (_, i) => monthly(year, i + 1, calendar)), ...weeklies],
    { locale: year === 2025 ? "en-US" : "zh-CN", existing: NO_NAMES },
  );
  return { year, calendar, specs };
});

/** Hand-worked (see test/domain/calendar.test.ts): November 2026 has no holiday; October has 国庆 and two make-up days. */
const weekCases = [
  { label: "单休 2026-10", week: SIX_DAY_WEEK, month: 10, days: 21 },
  { label: "单休 2026-11", week: SIX_DAY_WEEK, month: 11, days: 25 },
  { label: "大小周 2026-10 (long week of 10-10)", week: alternateWeek(serialFromYmd(2026, 10, 10)), month: 10, days: 19 },
  { label: "大小周 2026-11 (long week of 10-10)", week: alternateWeek(serialFromYmd(2026, 10, 10)), month: 11, days: 23 },
];
// With the weekly plan of 2026-W41 (10-05 … 10-11: 国庆's last days off, and the make-up Saturday 10-10) on the same work week.
const weekSpecs = weekCases.map((c) => {
  const calendar = chinaWorkCalendar(undefined, 2026, 2027, c.week);
  return buildTemplates([monthly(2026, c.month, calendar), { template: "weekly", options: { rep: "张三", year: 2026, week: 41, calendar } }], { locale: "zh-CN", existing: NO_NAMES });
});

/** The same plans with the first week's row stretched by the user to three weeks (止 typed 20 days after 起). */
const stretchedSpecs = weekSpecs.map((specs) =>
  specs.map((spec) =>
    spec.record.template !== "monthly"
      ? spec
      : { ...spec, tables: spec.tables.map((t) => (t.role !== "weeks" ? t : { ...t, rows: t.rows.map((r, i) => (i === 0 ? { ...r, to: (r.from as number) + 20 } : r)) })) },
  ),
);

// ---- the user's edit: 2026-10-07 (Wednesday) deleted from 放假日, so October gains a working day ----
const editCase = byYear[2];
const october = plans(editCase.specs)[9];
const table = holidaySheets(editCase.specs)[0].tables[0];
const offCol = columnOf(table, "off");
const editedRow = table.rows.findIndex((r) => r.off === serialFromYmd(2026, 10, 7));

interface Snapshot {
  readonly sheets: Record<string, Record<string, { v: number | string | null; e?: string }>>;
}

let books: ComputedWorkbook[];
let weekBooks: ComputedWorkbook[];
let stretchedBooks: ComputedWorkbook[];
let edited: Snapshot;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), "sp-holidays-"));
  const write = async (name: string, specs: readonly SheetSpec[]): Promise<string> => {
    const file = join(dir, `${name}.xlsx`);
    writeFileSync(file, await writeXlsx(specs));
    return file;
  };
  const yearFiles = await Promise.all(byYear.map((c) => write(`months-${c.year}`, c.specs)));
  const weekFiles = await Promise.all(weekSpecs.map((specs, i) => write(`week-${i}`, specs)));
  const stretchedFiles = await Promise.all(stretchedSpecs.map((specs, i) => write(`stretched-${i}`, specs)));
  const all = await recalcXlsx([...yearFiles, ...weekFiles, ...stretchedFiles]);
  books = all.slice(0, yearFiles.length);
  weekBooks = all.slice(yearFiles.length, yearFiles.length + weekFiles.length);
  stretchedBooks = all.slice(yearFiles.length + weekFiles.length);

  const sheet = holidaySheets(editCase.specs)[0].name;
  const plan = {
    workbooks: [
      {
        file: yearFiles[2],
        ops: [
          { op: "set", sheet, cells: [[table.origin.row + 1 + editedRow, offCol, null]] },
          { op: "recalc" },
          { op: "export", label: "edited" },
        ],
      },
    ],
  };
  writeFileSync(join(dir, "plan.json"), JSON.stringify(plan));
  execFileSync("/usr/bin/python3", [join(repoRoot, "test/support/libreofficeEdit.py"), join(dir, "plan.json"), join(dir, "result.json")], {
    stdio: "pipe",
    timeout: 240_000,
  });
  edited = (JSON.parse(readFileSync(join(dir, "result.json"), "utf8")) as { workbooks: { exports: Record<string, Snapshot> }[] }).workbooks[0].exports.edited;
}, 300_000);

describe.each(byYear.map((c, i) => [c.year, i] as const))("%i: twelve monthly plans in one workbook", (year, i) => {
  const { calendar, specs } = byYear[i];

  test("one 节假日 sheet for the year, written with the first plan and read by all twelve", () => {
    expect(holidaySheets(specs).map((s) => s.tables[0].name)).toEqual([holidayTableName(year)]);
    for (const spec of plans(specs)) expect(weeksOf(spec).columns.find((c) => c.key === "workdays")?.formula).toContain(holidayTableName(year));
  });

  test("LibreOffice counts each month's working days as the domain and the published notices do, and the weeks add up to the target", () => {
    expect(errorCells(books[i])).toEqual([]);
    plans(specs).forEach((spec, m) => {
      const month = m + 1;
      const expected = workdays(serialFromYmd(year, month, 1), serialFromYmd(year, month, daysInMonth(year, month)), calendar);
      expect([month, monthDays(books[i], spec)]).toEqual([month, expected]);
      expect(expected).toBe(publishedWorkdays(year, month));
      const targets = weekColumn(books[i], spec, "target") as number[];
      expect(targets.reduce((a, b) => a + b, 0)).toBe(TARGET);
    });
  });
});

test("October 2026 on the built-in calendar: 18 working days (issue 11's 'done when')", () => {
  expect(monthDays(books[2], plans(byYear[2].specs)[9])).toBe(18);
});

test.each(weekCases.map((c, i) => [c.label, i] as const))("%s: the work week is in the formula", (_, i) => {
  const spec = plans(weekSpecs[i])[0];
  expect(errorCells(weekBooks[i])).toEqual([]);
  expect(monthDays(weekBooks[i], spec)).toBe(weekCases[i].days);
  const weekly = weekColumn(weekBooks[i], spec, "workdays") as number[];
  const t = weeksOf(spec);
  const { week } = weekCases[i];
  const calendar = chinaWorkCalendar(undefined, 2026, 2027, week);
  expect(weekly).toEqual(t.rows.map((r) => workdays(r.from as number, r.to as number, calendar)));
});

test.each(weekCases.map((c, i) => [c.label, i] as const))("%s: a week row the user stretches to three weeks counts all their Saturdays and Sundays", (_, i) => {
  const spec = plans(stretchedSpecs[i])[0];
  const row = weeksOf(spec).rows[0];
  const calendar = chinaWorkCalendar(undefined, 2026, 2027, weekCases[i].week);
  expect(weekColumn(stretchedBooks[i], spec, "workdays")[0]).toBe(workdays(row.from as number, row.to as number, calendar));
});

const weekly = editCase.specs.find((s) => s.record.template === "weekly")!;
const dayLabels = (get: (row: number, col: number) => unknown, plan = weekly): unknown[] => {
  const t = plan.tables.find((x) => x.role === "daily")!;
  return t.rows.map((_, i) => get(t.origin.row + 1 + i, columnOf(t, "weekday")));
};

test.each(weekCases.map((c, i) => [c.label, i] as const))("%s: the weekly plan marks the days the table changes in this work week", (_, i) => {
  const plan = weekSpecs[i].find((s) => s.record.template === "weekly")!;
  const { week } = weekCases[i];
  const { holidays, makeUpDays } = chinaWorkCalendar(undefined, 2026, 2027, week).listed;
  const monday = serialFromYmd(2026, 10, 5);
  const expected = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"].map((name, k) => {
    const day = monday + k;
    const works = k < 5 || (k === 5 && (week.kind === "sixDay" || (week.kind === "alternate" && (day - week.longSaturday) % 14 === 0)));
    return name + (works ? (holidays.includes(day) ? "(休)" : "") : makeUpDays.includes(day) ? "(班)" : "");
  });
  expect(dayLabels((row, col) => read(weekBooks[i], plan, { row, col }), plan)).toEqual(expected);
});

test("the weekly plan marks 国庆's days off and the make-up Saturday from the table", () => {
  expect(dayLabels((row, col) => read(books[2], weekly, { row, col }))).toEqual(["周一(休)", "周二(休)", "周三(休)", "周四", "周五", "周六(班)", "周日"]);
});

describe("the user edits the table in LibreOffice", () => {
  const value = (row: number, col: number, sheet = october.name): unknown => edited.sheets[sheet][a1({ row, col })]?.v;

  test("the weekly plan no longer marks 10-07 as a day off", () => {
    expect(dayLabels((row, col) => value(row, col, weekly.name))).toEqual(["周一(休)", "周二(休)", "周三", "周四", "周五", "周六(班)", "周日"]);
  });

  test("deleting 10-07 from 放假日 gives October 19 working days", () => {
    expect(editedRow).toBeGreaterThanOrEqual(0);
    const total = october.cells.find((c) => c.formula?.startsWith("SUM(") && c.formula.includes(weeksOf(october).name))!;
    expect(value(total.at.row, total.at.col)).toBe(19);
  });

  test("the week holding 10-07 gains the day, and the week targets still add up to the month", () => {
    const t = weeksOf(october);
    const days = t.rows.map((_, i) => value(t.origin.row + 1 + i, columnOf(t, "workdays")));
    const before = t.rows.map((r) => workdays(r.from as number, r.to as number, editCase.calendar));
    const at = t.rows.findIndex((r) => (r.from as number) <= serialFromYmd(2026, 10, 7) && serialFromYmd(2026, 10, 7) <= (r.to as number));
    expect(days).toEqual(before.map((d, i) => (i === at ? d + 1 : d)));
    const targets = t.rows.map((_, i) => value(t.origin.row + 1 + i, columnOf(t, "target")) as number);
    expect(targets.reduce((a, b) => a + b, 0)).toBe(TARGET);
  });
});
