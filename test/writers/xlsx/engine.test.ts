/**
 * The four templates, filled with realistic data, written by the xlsx writer and recalculated by
 * LibreOffice; every computed cell is compared with values computed here in TypeScript.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { apportion } from "../../../src/domain/apportion";
import { serialFromYmd, weekSplit } from "../../../src/domain/calendar";
import { abcClasses, DEFAULT_VISIT_INTERVALS } from "../../../src/domain/tiers";
import type { Locale } from "../../../src/contract/locale";
import { templateStrings } from "../../../src/templates/strings";
import { buildContractRegister } from "../../../src/templates/contractRegister";
import { buildCustomerRegister } from "../../../src/templates/customerRegister";
import { buildMonthlyPlan } from "../../../src/templates/monthlyPlan";
import { buildTemplates } from "../../../src/templates";
import { NO_NAMES, withSpecs } from "../../../src/spec/naming";
import type { ExistingNames, SheetSpec, TableRow } from "../../../src/spec/sheetSpec";
import { buildWeeklyPlan } from "../../../src/templates/weeklyPlan";
import { writeXlsx } from "../../../src/writers/xlsx";
import { contractFigures, contractRows } from "../../fixtures/contracts";
import { customerRows } from "../../fixtures/customers";
import { NATIONAL_DAY_2026, sampleMonthlyOptions, sampleWeeklyOptions } from "../../fixtures/plans";
import { todaySerial } from "../../fixtures/random";
import { errorCells, recalcXlsx, type ComputedWorkbook } from "../../support/libreoffice";
import { a1 } from "../../../src/spec/a1";
import { namedCell, read, readColumn, tableByRole, tableCell } from "../../support/specCells";

const STATS_YEAR = 2026;
const calendar = NATIONAL_DAY_2026;

interface Case {
  readonly locale: Locale;
  readonly customers: TableRow[];
  readonly contracts: TableRow[];
  readonly specs: {
    weekly: SheetSpec[];
    monthly: SheetSpec[];
    customers: SheetSpec[];
    contracts: SheetSpec[];
  };
  book?: ComputedWorkbook;
}

/** Builds all four templates into one workbook, threading the names so each picks free ones. */
function buildCase(locale: Locale, customerCount: number, contractCount: number): Case {
  const customers = customerRows(customerCount, locale);
  const contracts = contractRows(contractCount, STATS_YEAR);
  let existing: ExistingNames = NO_NAMES;
  const next = <T extends SheetSpec[]>(specs: T): T => {
    existing = withSpecs(existing, specs);
    return specs;
  };
  const weekly = next(
    buildWeeklyPlan(sampleWeeklyOptions(locale, "张三", "新代理商签约"), { locale, existing }),
  );
  const monthly = next(
    buildMonthlyPlan(sampleMonthlyOptions("张三"), { locale, existing }),
  );
  const customerSpecs = next(buildCustomerRegister({ rows: customers }, { locale, existing }));
  const contractSpecs = next(buildContractRegister({ rows: contracts, statsYear: STATS_YEAR }, { locale, existing }));
  return { locale, customers, contracts, specs: { weekly, monthly, customers: customerSpecs, contracts: contractSpecs } };
}

const cases: Case[] = [buildCase("zh-CN", 2000, 160), buildCase("en-US", 300, 40)];
let seconds = 0;

/**
 * Registers at the edges of DOMAIN §2.1, one workbook per language (keys C1…): ties exactly at both
 * thresholds, an all-zero total, a single row, only blanks, everything tied, and bad rows — a negative and
 * a text amount are #VALUE! on their own rows (SALES.ABC refuses the whole list) and the others are classed
 * without them.
 */
const edgeValues: (number | string | null)[][] = [
  [40, 20, 15, null, 0, 15, 10],
  [0, 0, null],
  [7],
  [null, null],
  [25, 25, 25, 25],
  [30, 10, 30, 20, 10],
  [500, -5, 300, "120", 100, 50, 50],
  // Exactly 40 % and 80 % in cents, which doubles miss by 1e-17 (12.6 / 31.5, 0.08 / 0.1), in both orders.
  [12.6, 9.45, 9.45],
  [9.45, 9.45, 12.6],
  [0.02, 0.08],
  [0.08, 0.02],
  // A cut-off of 17 significant digits: Excel would count it above itself through ">"&x ("12345.67"); this
  // checks the SUMPRODUCT comparison classes it as SALES.ABC does (LibreOffice keeps 17 digits either way).
  [30000, 12345.670000000002, 12345.670000000002],
];
/** A register whose A share (90 %) was typed above its B share (80 %): SALES.ABC's #NUM!, in the cut-offs and every row with a value. */
const swappedShares = buildTemplates([{ template: "customers", options: { rows: [100, null, 50].map((annualSales) => ({ annualSales })), blankRows: 0 } }], {
  locale: "zh-CN",
  existing: NO_NAMES,
}).map((sheet) => {
  const share = sheet.names.find((n) => n.name === "SP_C1_ABC_A")?.target.from;
  return share ? { ...sheet, cells: sheet.cells.map((cell) => (cell.at.row === share.row && cell.at.col === share.col ? { ...cell, value: 0.9 } : cell)) } : sheet;
});
let swappedBook: ComputedWorkbook;
const bad = (v: number | string | null): boolean => typeof v === "string" || (typeof v === "number" && v < 0);
const edgeBooks = (["zh-CN", "en-US"] as const).map((locale) => ({
  locale,
  specs: buildTemplates(
    edgeValues.map((values) => ({ template: "customers", options: { rows: values.map((annualSales) => ({ annualSales })), blankRows: 0 } }) as const),
    { locale, existing: NO_NAMES },
  ),
  book: undefined as ComputedWorkbook | undefined,
}));

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), "sp-engine-"));
  const files: string[] = [];
  for (const c of cases) {
    const specs = [...c.specs.weekly, ...c.specs.monthly, ...c.specs.customers, ...c.specs.contracts];
    const file = join(dir, `templates-${c.locale}.xlsx`);
    writeFileSync(file, await writeXlsx(specs));
    files.push(file);
  }
  for (const edge of edgeBooks) {
    const edgeFile = join(dir, `edge-${edge.locale}.xlsx`);
    writeFileSync(edgeFile, await writeXlsx(edge.specs));
    files.push(edgeFile);
  }
  const swappedFile = join(dir, "edge-swapped.xlsx");
  writeFileSync(swappedFile, await writeXlsx(swappedShares));
  files.push(swappedFile);
  const started = Date.now();
  const books = await recalcXlsx(files);
  seconds = (Date.now() - started) / 1000;
  cases.forEach((c, i) => (c.book = books[i]));
  edgeBooks.forEach((edge, i) => (edge.book = books[cases.length + i]));
  swappedBook = books[cases.length + edgeBooks.length];
}, 300_000);

const num = (v: unknown): number | null => (v === null || v === undefined ? null : (v as number));

describe.each(cases.map((c) => [c.locale, c] as const))("templates recalculated by LibreOffice (%s)", (_locale, c) => {
  const book = (): ComputedWorkbook => c.book as ComputedWorkbook;

  test("no error value anywhere (#NAME?, #VALUE!, #REF!, …)", () => {
    expect(errorCells(book())).toEqual([]);
    expect(seconds).toBeGreaterThan(0);
  });

  test("customer register: ABC equals SALES.ABC's rule, ties and blanks included", () => {
    const [main] = c.specs.customers;
    const table = tableByRole(main, "customers");
    const values = table.rows.map((r) => (typeof r.annualSales === "number" ? r.annualSales : null));
    const expected = abcClasses(values).map((t) => (t === "" ? null : t));
    expect(readColumn(book(), main, table, "abc")).toEqual(expected);
    expect(new Set(expected)).toEqual(new Set(["A", "B", "C", null]));
    // The settings sheet's cut-offs are the smallest value of each class and above.
    const [, settings] = c.specs.customers;
    const lowest = (tiers: string[]) => Math.min(...values.filter((v, i): v is number => v !== null && tiers.includes(expected[i] as string)));
    expect(read(book(), settings, namedCell(settings, "SP_C1_ABC_A_CUTOFF"))).toBe(lowest(["A"]));
    expect(read(book(), settings, namedCell(settings, "SP_C1_ABC_B_CUTOFF"))).toBe(lowest(["A", "B"]));
  });

  test("customer register: 建议等级 from the seed's three factors, 需求等级 the manager's where set, 下次拜访日期 from the settings", () => {
    const [main] = c.specs.customers;
    const s = templateStrings(c.locale).customers;
    const table = tableByRole(main, "customers");
    const abc = abcClasses(table.rows.map((r) => (typeof r.annualSales === "number" ? r.annualSales : null)));
    // The seed's three factors suggest a tier; the manager's, where set, is the customer's.
    const suggested = table.rows.map((r) =>
      !r.demandSize || !r.urgency
        ? null
        : r.urgency === s.urgencies[0] && (r.demandSize === s.sizes[0] || r.customerSize === s.sizes[0])
          ? "A"
          : r.urgency === s.urgencies[2]
            ? "C"
            : "B",
    );
    const demand = table.rows.map((r, i) => (typeof r.managerTier === "string" ? r.managerTier : suggested[i]));
    expect(readColumn(book(), main, table, "suggestedTier")).toEqual(suggested);
    expect(demand.filter((t, i) => t !== suggested[i]).length).toBeGreaterThan(0);
    // Without a visit log 最近拜访日期 is the typed date; the cadence is the ABC tier, else 需求等级, else C (seed 001's 2/3/14 days).
    const next = table.rows.map((r, i) => (typeof r.lastVisit === "number" ? r.lastVisit + DEFAULT_VISIT_INTERVALS[(abc[i] || demand[i] || "C") as "A" | "B" | "C"] : null));
    expect(readColumn(book(), main, table, "demandTier")).toEqual(demand);
    expect(readColumn(book(), main, table, "nextVisit")).toEqual(next);
  });

  test("customer summary: counts and shares per tier", () => {
    const [main, , summary] = c.specs.customers;
    const rows = tableByRole(main, "customers").rows;
    const values = rows.map((r) => (typeof r.annualSales === "number" ? r.annualSales : null));
    const abc = abcClasses(values);
    const total = values.reduce<number>((sum, v) => sum + (v ?? 0), 0);
    const table = tableByRole(summary, "tierSummary");
    ["A", "B", "C"].forEach((tier, i) => {
      const count = abc.filter((t) => t === tier).length;
      const amount = values.reduce<number>((sum, v, j) => sum + (abc[j] === tier ? (v ?? 0) : 0), 0);
      expect(read(book(), summary, tableCell(table, i, "count"))).toBe(count);
      expect(read(book(), summary, tableCell(table, i, "amount"))).toBe(amount);
      expect(num(read(book(), summary, tableCell(table, i, "amountShare")))).toBeCloseTo(amount / total, 12);
    });
  });

  test("weekly plan: 达成率, roll-up names and expense total", () => {
    const [weekly] = c.specs.weekly;
    const targets = tableByRole(weekly, "targets");
    expect(readColumn(book(), weekly, targets, "rate")).toEqual([0.75, 85000 / 80000]);
    expect(readColumn(book(), weekly, tableByRole(weekly, "countTargets"), "rate")).toEqual([null, 17 / 20, null]);
    expect(read(book(), weekly, namedCell(weekly, "SP_W1_SALES_TARGET"))).toBe(120000);
    expect(read(book(), weekly, namedCell(weekly, "SP_W1_VISITS_ACTUAL"))).toBe(17);
    expect(read(book(), weekly, namedCell(weekly, "SP_W1_CALLS_ACTUAL"))).toBeNull();
    expect(read(book(), weekly, namedCell(weekly, "SP_W1_EXPENSE_TOTAL"))).toBeCloseTo(2050.5, 9);
    expect(read(book(), weekly, namedCell(weekly, "SP_W1_FORECAST"))).toBe(130000);
    expect(read(book(), weekly, namedCell(weekly, "SP_W1_TEMPLATE"))).toBe("sales-planner:weekly:main:v2:W1");
  });

  test("monthly plan: week targets split by working days exactly like the domain (调休 included)", () => {
    const [monthly] = c.specs.monthly;
    const weeks = tableByRole(monthly, "weeks");
    const expected = weekSplit(1000003, 2026, 10, calendar);
    expect(readColumn(book(), monthly, weeks, "target")).toEqual(expected.map((w) => w.amount));
    expect(readColumn(book(), monthly, weeks, "workdays")).toEqual(expected.map((w) => w.workingDays));
    const products = tableByRole(monthly, "products");
    expect(readColumn(book(), monthly, products, "target")).toEqual(apportion(1000003, [2, 3, 1]));
    const rates = readColumn(book(), monthly, weeks, "rate");
    expect(rates[0]).toBeCloseTo(100000 / expected[0].amount, 12);
    expect(read(book(), monthly, namedCell(monthly, "SP_M1_SALES_TARGET"))).toBe(1000003);
    expect(read(book(), monthly, namedCell(monthly, "SP_M1_EXPENSE_TOTAL"))).toBe(0);
  });

  test("contract register used alone: the opening figures are its 已发货/已开票/已回款; 未回款, 应收余额, 履行进度, 回款率, 回款到期日, 逾期天数 and 状态 per row", () => {
    const [main] = c.specs.contracts;
    const table = tableByRole(main, "contracts");
    const data = c.contracts;
    const n = (v: unknown): number => (typeof v === "number" ? v : 0);
    const figures = data.map((r) => contractFigures(r, [], c.locale, todaySerial()));
    const rows = (key: string) => readColumn(book(), main, table, key).slice(0, data.length);
    for (const key of ["shippedTotal", "lastShipment", "invoicedTotal", "paidTotal", "unpaid", "receivable", "payDue", "overdueDays", "status"] as const) {
      expect([key, rows(key)]).toEqual([key, figures.map((f) => f[key])]);
    }
    expect([rows("progress").length, rows("paidRate").length]).toEqual([data.length, data.length]);
    rows("progress").forEach((v, i) => expect(num(v)).toBeCloseTo(n(data[i].shipped) / (data[i].amount as number), 12));
    rows("paidRate").forEach((v, i) => expect(num(v)).toBeCloseTo(n(data[i].paid) / (data[i].amount as number), 12));
    expect(new Set(figures.map((f) => f.status)).size).toBeGreaterThanOrEqual(5);
    expect(readColumn(book(), main, table, "status").slice(data.length)).toEqual(table.rows.slice(data.length).map(() => null));
  });

  test("contract statistics by month, quarter and year equal sums done in TypeScript", () => {
    const [, stats] = c.specs.contracts;
    const table = tableByRole(stats, "stats");
    const n = (v: unknown): number => (typeof v === "number" ? v : 0);
    const periods = [
      ...Array.from({ length: 12 }, (_, m) => [serialFromYmd(STATS_YEAR, m + 1, 1), serialFromYmd(STATS_YEAR, m + 1, 1) + new Date(Date.UTC(STATS_YEAR, m + 1, 0)).getUTCDate() - 1]),
      ...Array.from({ length: 4 }, (_, q) => [serialFromYmd(STATS_YEAR, 3 * q + 1, 1), serialFromYmd(STATS_YEAR, 3 * q + 3, new Date(Date.UTC(STATS_YEAR, 3 * q + 3, 0)).getUTCDate())]),
      [serialFromYmd(STATS_YEAR, 1, 1), serialFromYmd(STATS_YEAR, 12, 31)],
    ];
    periods.forEach(([from, to], i) => {
      const inside = c.contracts.filter((r) => (r.signed as number) >= from && (r.signed as number) <= to);
      const sum = (key: string) => inside.reduce((total, r) => total + n(r[key]), 0);
      expect([read(book(), stats, tableCell(table, i, "from")), read(book(), stats, tableCell(table, i, "to"))]).toEqual([from, to]);
      expect(read(book(), stats, tableCell(table, i, "count"))).toBe(inside.length);
      for (const key of ["amount", "shipped", "invoiced", "paid"]) expect(read(book(), stats, tableCell(table, i, key))).toBe(sum(key));
      // Without a ledger nothing moved by the ledger's dates.
      for (const key of ["shippedMoved", "invoicedMoved", "paidMoved"]) expect(read(book(), stats, tableCell(table, i, key))).toBe(0);
      const rate = num(read(book(), stats, tableCell(table, i, "paidRate")));
      if (sum("amount") === 0) expect(rate).toBeNull();
      else expect(rate).toBeCloseTo(sum("paid") / sum("amount"), 12);
    });
    expect(read(book(), stats, tableCell(table, 12, "period"))).toBe(c.locale === "zh-CN" ? "2026年第1季度" : "2026 Q1");
  });
});

test.each(edgeBooks.map((e) => [e.locale, e] as const))("ABC at exact thresholds, ties, blanks, a zero total, one row and bad rows (%s)", (_locale, edge) => {
  const book = edge.book as ComputedWorkbook;
  const mains = edge.specs.filter((s) => s.record.role === "main");
  expect(mains.map((s) => s.record.key)).toEqual(edgeValues.map((_, i) => `C${i + 1}`));
  const badCells: string[] = [];
  mains.forEach((spec, i) => {
    const table = tableByRole(spec, "customers");
    const values = edgeValues[i];
    const classes = abcClasses(values.map((v) => (typeof v === "number" && !bad(v) ? v : null)));
    const expected = values.map((v, j) => (bad(v) ? { error: "#VALUE!" } : classes[j] === "" ? null : classes[j]));
    expect([i, readColumn(book, spec, table, "abc")]).toEqual([i, expected]);
    // 拜访等级 follows ABC等级, so it shows the bad row's error too.
    values.forEach((v, j) => bad(v) && badCells.push(...["abc", "visitTier"].map((key) => `${spec.name}!${a1(tableCell(table, j, key))}: #VALUE!`)));
  });
  // Nothing else shows an error: not the cut-offs of a blank or all-zero register, not the search steps.
  expect(errorCells(book).sort()).toEqual(badCells.sort());
  // Total 100: 20 starts exactly at 40 % (B); the tied 15s cross 80 % together and stay B; 10 starts at 90 %.
  expect(abcClasses(edgeValues[0] as (number | null)[])).toEqual(["A", "B", "B", "", "C", "B", "C"]);
  // The tied 30s start at 0 % (A), 20 exactly at 60 % (B), the tied 10s exactly at 80 % (C).
  expect(abcClasses(edgeValues[5] as number[])).toEqual(["A", "C", "A", "B", "C"]);
  expect(abcClasses(edgeValues[7] as number[])).toEqual(["A", "B", "B"]);
  expect(abcClasses(edgeValues[9] as number[])).toEqual(["C", "A"]);
  expect(abcClasses(edgeValues[11] as number[])).toEqual(["A", "B", "B"]);
  console.info(`LibreOffice recalculation of ${cases.length + edgeBooks.length} workbooks: ${seconds.toFixed(1)} s`);
});

test("an A share above the B share is #NUM! in the cut-offs and every row with a value, as SALES.ABC refuses it", () => {
  const [main, settings] = swappedShares;
  expect(() => abcClasses([100, null, 50], 0.9, 0.8)).toThrow();
  expect(readColumn(swappedBook, main, tableByRole(main, "customers"), "abc")).toEqual([{ error: "#NUM!" }, null, { error: "#NUM!" }]);
  expect(read(swappedBook, settings, namedCell(settings, "SP_C1_ABC_A"))).toBe(0.9);
  expect(read(swappedBook, settings, namedCell(settings, "SP_C1_ABC_A_CUTOFF"))).toEqual({ error: "#NUM!" });
});
