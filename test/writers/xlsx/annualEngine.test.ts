/**
 * Issue 14, item 5: the 年度销售计划 written by the xlsx writer and recalculated by LibreOffice. The months
 * sum exactly to the annual target and equal `computeAnnualPlan`'s (by last year's shape, by working days,
 * with a fixed month, in a unit of 1 000), the quarters sum the months, both grids' margins are exact (their
 * check rows 0), 同比 and 费用占比 equal TypeScript's; seed 003's figures (上年 × 1.2 = 5 亿, 费用 1000 万 = 2 %)
 * as a hand-worked example; and when the manager types another 上年实际 in LibreOffice (Python-UNO), the
 * months follow, still exact and equal to the domain's for the new figures, while the grid's check row
 * shows the grid is now out of date; switching the split to 按工作日 and fixing a month in the sheet gives the
 * domain's months for those inputs too.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Locale } from "../../../src/contract/locale";
import { alternateWeek, daysInMonth, makeWorkCalendar, serialFromYmd, SIX_DAY_WEEK, workdays } from "../../../src/domain/calendar";
import { chinaWorkCalendar } from "../../../src/domain/chinaCalendar";
import { a1 } from "../../../src/spec/a1";
import { NO_NAMES } from "../../../src/spec/naming";
import type { SheetSpec, TableSpec } from "../../../src/spec/sheetSpec";
import { buildTemplates } from "../../../src/templates";
import { blankAnnualOptions, type AnnualPlanOptions } from "../../../src/templates/annualPlan";
import { templateStrings } from "../../../src/templates/strings";
import { annualTarget, computeAnnualPlan, type AnnualPlan } from "../../../src/team/annualPlan";
import { writeXlsx } from "../../../src/writers/xlsx";
import { LAST_YEAR_MONTHS, sampleAnnualOptions } from "../../fixtures/plans";
import { errorCells, recalcXlsx, type ComputedWorkbook } from "../../support/libreoffice";
import { repoRoot } from "../../support/paths";
import { namedCell, read, readColumn, tableByRole, tableCell } from "../../support/specCells";

jest.setTimeout(300_000);

const china2026 = chinaWorkCalendar(undefined, 2026, 2026);
/** 大小周 whose long Saturdays fall on 国庆's make-up Saturday's fortnight: the months' working days are summed week by week. */
const alternating2026 = chinaWorkCalendar(undefined, 2026, 2026, alternateWeek(serialFromYmd(2026, 10, 10)));

/** Seed 003 L232–237: last year 416 666 667 yuan × (1 + 20 %) = 5 亿 (500 000 000.4, rounded); 工资 500 万, 差旅 300 万, 管理 100 万, 培训·招待·其他 100 万 → 1000 万, 2 %. */
const SEED_LAST_YEAR = [31_000_000, 26_000_000, 33_500_000, 34_000_000, 35_000_000, 34_500_000, 33_000_000, 32_500_000, 36_000_000, 37_500_000, 40_000_000, 43_666_667];
const SEED_EXPENSES = [
  { item: "工资", budget: 5_000_000 },
  { item: "差旅", budget: 3_000_000 },
  { item: "管理", budget: 1_000_000 },
  { item: "培训", budget: 400_000 },
  { item: "招待", budget: 400_000 },
  { item: "其他", budget: 200_000 },
];

interface Case {
  readonly label: string;
  readonly locale: Locale;
  readonly options: AnnualPlanOptions;
}

const cases: Case[] = [
  { label: "by last year's shape, a fixed March, a held rep and one starting in July", locale: "zh-CN", options: sampleAnnualOptions("张三") },
  {
    label: "by working days (China 2026, 大小周), in units of 1 000, en-US",
    locale: "en-US",
    options: { ...sampleAnnualOptions("Zhang"), split: "workdays", unit: 1000, calendar: alternating2026, monthHolds: [], reps: [{ rep: "Zhang", weight: 2 }, { rep: "Li", weight: 1, start: 4 }, { rep: "Wang", weight: 1.5 }] },
  },
  { label: "seed 003: 5 亿 and 2 %", locale: "zh-CN", options: { year: 2026, lastYear: SEED_LAST_YEAR, growth: "20%", reps: [{ rep: "华东", weight: 5 }, { rep: "华南", weight: 3 }, { rep: "华北", weight: 2 }], calendar: china2026, expenses: SEED_EXPENSES } },
  {
    label: "no reps, a typed target, months last year did not sell in",
    locale: "zh-CN",
    options: { year: 2026, lastYear: [0, 0, 50_000, 80_000, 90_000, 120_000, 110_000, 100_000, 95_000, 130_000, 150_000, 175_000], target: "1,500,000", reps: [], calendar: china2026 },
  },
  {
    label: "by working days (China 2026, 单休) with a fixed December, in units of 10, expenses over a 1 % cap",
    locale: "zh-CN",
    options: { ...sampleAnnualOptions("张三"), split: "workdays", unit: 10, calendar: chinaWorkCalendar(undefined, 2026, 2026, SIX_DAY_WEEK), monthHolds: [...Array(11).fill(null), 2_000_000], expenseCap: 0.01 },
  },
  { label: "blank, for the manager to fill in (the front doors' default)", locale: "zh-CN", options: blankAnnualOptions(2026, china2026) },
  {
    label: "by working days, 大小周 without a 节假日 table",
    locale: "en-US",
    options: { year: 2026, lastYear: [...LAST_YEAR_MONTHS], split: "workdays", reps: [], calendar: makeWorkCalendar([], [], alternateWeek(serialFromYmd(2026, 1, 3))) },
  },
];

const built = cases.map((c) => {
  const specs = buildTemplates([{ template: "annual", options: c.options }], { locale: c.locale, existing: NO_NAMES });
  // The domain's plan with the calendar the sheet counts with (the builder passes the workbook's, the same here).
  return { specs, sheet: specs[0], plan: computeAnnualPlan(c.options) };
});

/**
 * Targets exactly half a unit over a whole one, which binary floating point may put a hair below (10 × 1.15 =
 * 11.499999999999998): the sheet's ROUND must still round them up, as the domain's exact annualTarget does.
 */
const HALVES: readonly [number, number, number][] = [[10, 0.15, 1], [30, 0.05, 1], [105, 0.1, 1], [45, 0.1, 1], [1_234_565, 0.2, 10], [2_250_000, 0.07, 1000], [15, 0.7, 1]];
const halfSpecs = HALVES.map(([total, growth, unit]) =>
  buildTemplates([{ template: "annual", options: { year: 2026, lastYear: [total, ...Array<number>(11).fill(0)], growth, unit, reps: [] } }], { locale: "zh-CN", existing: NO_NAMES }),
);

/** The manager's edit in LibreOffice: case 0's May last year becomes 1 500 000 and the growth 25 %. */
const EDIT = { month: 5, lastYear: 1_500_000, growth: 0.25 };

let books: ComputedWorkbook[];
let halfBooks: ComputedWorkbook[];
type Snapshot = { sheets: Record<string, Record<string, { v: number | string | null }>> };
let edited: Snapshot;
/** Case 3 after the manager picks 按工作日 in the drop-down and fixes June at 200 000 in the sheet. */
let resplit: Snapshot;
const RESPLIT = { month: 6, hold: 200_000 };

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), "sp-annual-"));
  const files = await Promise.all(
    [...built.map((b) => b.specs), ...halfSpecs].map(async (specs, i) => {
      const file = join(dir, `annual-${i}.xlsx`);
      writeFileSync(file, await writeXlsx(specs));
      return file;
    }),
  );
  const all = await recalcXlsx(files);
  books = all.slice(0, built.length);
  halfBooks = all.slice(built.length);

  const { sheet } = built[0];
  const months = tableByRole(sheet, "months");
  const lastYearAt = tableCell(months, EDIT.month - 1, "lastYear");
  const growthAt = namedCell(sheet, "SP_Y1_GROWTH");
  const plan = {
    workbooks: [
      {
        file: files[0],
        ops: [
          { op: "set", sheet: sheet.name, cells: [[lastYearAt.row, lastYearAt.col, EDIT.lastYear], [growthAt.row, growthAt.col, EDIT.growth]] },
          { op: "recalc" },
          { op: "export", label: "edited" },
        ],
      },
      {
        file: files[3],
        ops: [
          {
            op: "set",
            sheet: built[3].sheet.name,
            cells: [
              [namedCell(built[3].sheet, "SP_Y1_SPLIT").row, namedCell(built[3].sheet, "SP_Y1_SPLIT").col, templateStrings("zh-CN").annual.splits[1]],
              [tableCell(tableByRole(built[3].sheet, "months"), RESPLIT.month - 1, "hold").row, tableCell(tableByRole(built[3].sheet, "months"), RESPLIT.month - 1, "hold").col, RESPLIT.hold],
            ],
          },
          { op: "recalc" },
          { op: "export", label: "resplit" },
        ],
      },
    ],
  };
  writeFileSync(join(dir, "plan.json"), JSON.stringify(plan));
  execFileSync("/usr/bin/python3", [join(repoRoot, "test/support/libreofficeEdit.py"), join(dir, "plan.json"), join(dir, "result.json")], { stdio: "pipe", timeout: 240_000 });
  const result = JSON.parse(readFileSync(join(dir, "result.json"), "utf8")) as { workbooks: { exports: Record<string, Snapshot> }[] };
  edited = result.workbooks[0].exports.edited;
  resplit = result.workbooks[1].exports.resplit;
}, 300_000);

const sum = (xs: readonly unknown[]): number => xs.reduce<number>((total, x) => total + (x as number), 0);
/** The check row under a grid: 年度目标, the twelve months and 合计, each its total less its target. */
const checkRow = (book: ComputedWorkbook, sheet: SheetSpec, t: TableSpec): unknown[] =>
  ["target", ...Array.from({ length: 12 }, (_, i) => `m${i + 1}`), "total"].map((key) => read(book, sheet, { row: t.origin.row + t.rows.length + 2, col: tableCell(t, 0, key).col }));
const monthsOfRow = (book: ComputedWorkbook, sheet: SheetSpec, t: TableSpec, row: number): unknown[] =>
  Array.from({ length: 12 }, (_, i) => read(book, sheet, tableCell(t, row, `m${i + 1}`)));
const closeTo = (actual: readonly unknown[], expected: readonly (number | null)[]): void => {
  expect(actual.map((x) => x === null)).toEqual(expected.map((x) => x === null));
  expected.forEach((x, i) => x !== null && expect(actual[i] as number).toBeCloseTo(x, 12));
};

describe.each(cases.map((c, i) => [c.label, i] as const))("%s", (_, i) => {
  const { sheet, plan, specs } = built[i];
  const book = (): ComputedWorkbook => books[i];
  const months = tableByRole(sheet, "months");

  test("no error value anywhere", () => {
    expect(errorCells(book())).toEqual([]);
  });

  test("the annual target and the months equal computeAnnualPlan's, and the months sum exactly to the target", () => {
    expect(read(book(), sheet, namedCell(sheet, "SP_Y1_TARGET"))).toBe(plan.target);
    const targets = readColumn(book(), sheet, months, "target");
    expect(targets).toEqual(plan.months);
    expect(sum(targets)).toBe(plan.target);
    expect(read(book(), sheet, tableCell(months, 12, "target"))).toBe(plan.target);
    expect(targets.every((t) => (t as number) % plan.unit === 0)).toBe(true);
  });

  test("working days equal the domain's count on the plan's calendar", () => {
    const calendar = cases[i].options.calendar!;
    expect(readColumn(book(), sheet, months, "workdays")).toEqual(Array.from({ length: 12 }, (_, m) => workdays(serialFromYmd(2026, m + 1, 1), serialFromYmd(2026, m + 1, daysInMonth(2026, m + 1)), calendar)));
    expect(specs.some((s) => s.record.template === "holidays")).toBe(calendar.listed.holidays.length > 0);
  });

  test("quarters sum the months; 同比 equals TypeScript's", () => {
    const quarters = tableByRole(sheet, "quarters");
    expect(readColumn(book(), sheet, quarters, "target")).toEqual(plan.quarters);
    expect(readColumn(book(), sheet, quarters, "lastYear")).toEqual(plan.lastYearQuarters);
    expect(sum(plan.quarters)).toBe(plan.target);
    closeTo(readColumn(book(), sheet, months, "yoy"), plan.yoy);
    closeTo(readColumn(book(), sheet, quarters, "yoy"), plan.quarters.map((q, k) => (plan.lastYearQuarters[k] === 0 ? null : q / plan.lastYearQuarters[k] - 1)));
  });

  test("both grids' margins are exact: each row's 合计 is its 年度目标, each month's total its month target (check rows 0)", () => {
    const grids: [string, readonly { target: number; months: readonly number[] }[]][] = [
      ...(plan.breakdown ? [["reps", plan.breakdown.reps] as [string, typeof plan.breakdown.reps]] : []),
      ["products", plan.products.targets.map((target, k) => ({ target, months: plan.products.months[k] }))],
    ];
    expect(sheet.tables.some((t) => t.role === "reps")).toBe(plan.breakdown !== undefined && plan.breakdown.reps.length > 0);
    for (const [role, rows] of grids) {
      const t = tableByRole(sheet, role);
      expect([role, readColumn(book(), sheet, t, "total")]).toEqual([role, rows.map((r) => r.target)]);
      rows.forEach((r, k) => expect(monthsOfRow(book(), sheet, t, k)).toEqual(r.months));
      expect([role, checkRow(book(), sheet, t)]).toEqual([role, Array(14).fill(0)]);
    }
  });

  test("费用占比 = 费用合计 / 年度目标, against the cap", () => {
    const budgets = (cases[i].options.expenses ?? []).reduce((total, e) => total + (e.budget ?? 0), 0);
    const ratio = read(book(), sheet, namedCell(sheet, "SP_Y1_EXPENSE_RATIO"));
    const [within, over] = templateStrings(cases[i].locale).annual.expenseStates;
    const status = sheet.cells.find((c) => c.formula?.includes(">SP_Y1_EXPENSE_CAP"))!;
    // No target yet: no ratio and no verdict.
    if (plan.target === 0) return expect([ratio, read(book(), sheet, status.at)]).toEqual([null, null]);
    expect(ratio as number).toBeCloseTo(budgets / plan.target, 15);
    expect(read(book(), sheet, status.at)).toBe(budgets / plan.target > (cases[i].options.expenseCap ?? 0.02) ? over : within);
  });
});

test("seed 003, worked by hand: 416 666 667 × 1.2 = 5 亿; 1000 万 of expenses is 2 %, within the 2 % cap", () => {
  const { sheet, plan } = built[2];
  expect(plan.target).toBe(500_000_000);
  expect(read(books[2], sheet, namedCell(sheet, "SP_Y1_LAST_YEAR_TOTAL"))).toBe(416_666_667);
  expect(read(books[2], sheet, namedCell(sheet, "SP_Y1_EXPENSE_RATIO"))).toBe(0.02);
  const status = sheet.cells.find((c) => c.formula?.includes(">SP_Y1_EXPENSE_CAP"))!;
  expect(read(books[2], sheet, status.at)).toBe(templateStrings("zh-CN").annual.expenseStates[0]);
});

test("the annual target rounds an exact half up, as the domain's annualTarget does, where floating point falls a hair short", () => {
  const targets = halfSpecs.map((specs, i) => read(halfBooks[i], specs[0], namedCell(specs[0], "SP_Y1_TARGET")));
  expect(targets).toEqual(HALVES.map(([total, growth, unit]) => annualTarget(total, growth, unit)));
  expect(targets.slice(0, 2)).toEqual([12, 32]);
});

describe("the manager types another 上年实际 and growth in LibreOffice", () => {
  const { sheet } = built[0];
  const months = tableByRole(sheet, "months");
  const value = (at: { row: number; col: number }): unknown => edited.sheets[sheet.name][a1(at)]?.v ?? null;
  const lastYear = sampleAnnualOptions("张三").lastYear.map((x, m) => (m === EDIT.month - 1 ? EDIT.lastYear : x));
  const replanned: AnnualPlan = computeAnnualPlan({ ...sampleAnnualOptions("张三"), lastYear, growth: EDIT.growth });

  test("the target and the months follow: equal to the domain's for the new figures, still summing exactly", () => {
    expect(value(namedCell(sheet, "SP_Y1_TARGET"))).toBe(replanned.target);
    const targets = months.rows.map((_, m) => value(tableCell(months, m, "target")));
    expect(targets).toEqual(replanned.months);
    expect(sum(targets)).toBe(replanned.target);
    expect(targets).not.toEqual(built[0].plan.months);
  });

  test("the rep grid, fixed when written, now shows in its check row that it is out of date", () => {
    const t = tableByRole(sheet, "reps");
    const check = ["target", "m1", "m5"].map((key) => value({ row: t.origin.row + t.rows.length + 2, col: tableCell(t, 0, key).col }));
    expect(check.every((x) => x !== 0)).toBe(true);
  });
});

test("the manager switches 拆分方式 to 按工作日 and fixes June in the sheet: the months are the domain's for those inputs, still exact", () => {
  const { sheet } = built[3];
  const months = tableByRole(sheet, "months");
  const replanned = computeAnnualPlan({ ...cases[3].options, split: "workdays", monthHolds: Array.from({ length: 12 }, (_, m) => (m === RESPLIT.month - 1 ? RESPLIT.hold : null)) });
  const targets = months.rows.map((_, m) => resplit.sheets[sheet.name][a1(tableCell(months, m, "target"))]?.v ?? null);
  expect(targets).toEqual(replanned.months);
  expect(targets[RESPLIT.month - 1]).toBe(RESPLIT.hold);
  expect(sum(targets)).toBe(1_500_000);
});
