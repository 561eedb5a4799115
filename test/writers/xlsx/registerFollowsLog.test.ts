/**
 * The customer register follows the visit log (issue 12, item 2), recalculated by LibreOffice: 最近拜访日期
 * is the later of the typed date and the customer's last logged visit, 近14天拜访次数 counts the log's
 * rows of the last 14 days, and 下次拜访日期 adds the interval of seed 001's frequency for the customer's
 * tier (ABC, else 需求等级, else C) — in a workbook where the log came with the register, one where it
 * was added later (the register written before any log existed), a register used alone, a log with
 * numeric IDs and rows without a date, and a register added next to a log written before the log had its
 * newest-first column (read with LOOKUP, as then).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { a1 } from "../../../src/spec/a1";
import type { Locale } from "../../../src/contract/locale";
import { buildCustomerRegister } from "../../../src/templates/customerRegister";
import { buildVisitLog } from "../../../src/templates/visitLog";
import { NO_NAMES, withSpecs } from "../../../src/spec/naming";
import type { SheetSpec, TableRow } from "../../../src/spec/sheetSpec";
import { inspectXlsx, writeXlsx } from "../../../src/writers/xlsx";
import { customerRows, registerVisitModel } from "../../fixtures/customers";
import { todaySerial } from "../../fixtures/random";
import { visitRowsUntilToday } from "../../fixtures/visits";
import { errorCells, recalcXlsx, type ComputedWorkbook } from "../../support/libreoffice";
import { read, readColumn, tableByRole, tableCell } from "../../support/specCells";
import { typeCells } from "../../support/xlsxEdit";

jest.setTimeout(300_000);

const CUSTOMERS = 300;
const today = todaySerial();

/** A log kept day by day whose last rows are today's, so the last 14 days hold 126 contacts. */
const recentVisits = (count: number, locale: Locale): TableRow[] => visitRowsUntilToday(count, CUSTOMERS + 5, locale);

interface Case {
  readonly label: string;
  readonly customers: readonly TableRow[];
  /** Undefined for a register used alone. */
  readonly visits?: readonly TableRow[];
  readonly register: SheetSpec;
  readonly log?: SheetSpec;
  book?: ComputedWorkbook;
}

const customers = customerRows(CUSTOMERS, "zh-CN");
const register = buildCustomerRegister({ rows: customers, blankRows: 2 }, { locale: "zh-CN", existing: NO_NAMES });
const visits = recentVisits(3000, "zh-CN");
const enVisits = recentVisits(600, "en-US");

/** IDs a COUNTIF criterion would read as comparisons (">5" is "greater than 5"), each visited in the last 14 days. */
const oddCustomers = customerRows(4, "zh-CN").map((r, i) => ({ ...r, id: [">5", "=KH00001", "<A", "KH00001"][i] }));
const oddVisits: TableRow[] = [">5", "=KH00001", ">5", "<A", "KH00001", "<A", ">5"].map((customerId, i) => ({ date: today - 6 + i, customerId, rep: "张三" }));
const oddRegister = buildCustomerRegister({ rows: oddCustomers, blankRows: 2 }, { locale: "zh-CN", existing: NO_NAMES });

/**
 * Numeric and text IDs, IDs holding wildcards (KH* is not KH9, whose visit is later; A~B is itself), customers
 * whose last row has no date (the dated row before it counts), a dated row without an ID. The dateless rows
 * come last: the 14-day window is found by binary search over the dates. KH*, KH9 and A~B are each visited once
 * in the last 14 days: read as patterns, KH* would count KH9's visit and A~B would count none.
 */
const mixedCustomers = customerRows(6, "zh-CN").map((r, i) => ({ ...r, id: [1001, "1002", 1003, "KH9", "KH*", "A~B"][i], lastVisit: null }));
const mixedVisits: TableRow[] = [
  { date: today - 30, customerId: "KH*" },
  { date: today - 29, customerId: "A~B" },
  { date: today - 25, customerId: 1001 },
  { date: today - 24, customerId: 1003 },
  { date: today - 23, customerId: 1001 },
  { date: today - 22, customerId: "1002" },
  { date: today - 21, customerId: "KH9" },
  { date: today - 5, customerId: "KH*" },
  { date: today - 4, customerId: "KH9" },
  { date: today - 3, customerId: "A~B" },
  { date: today - 1 },
  { customerId: 1001 },
  { customerId: "KH9" },
].map((r) => ({ ...r, rep: "张三" }));
const mixedRegister = buildCustomerRegister({ rows: mixedCustomers, blankRows: 2 }, { locale: "zh-CN", existing: NO_NAMES });

/** A log as written before it had the newest-first column (and the workbook name of that column). */
function olderLog(spec: SheetSpec): SheetSpec {
  const table = tableByRole(spec, "visits");
  const header = table.columns.find((c) => c.key === "newestFirst")?.header;
  return {
    ...spec,
    tables: spec.tables.map((t) => (t === table ? { ...t, columns: t.columns.filter((c) => c.key !== "newestFirst") } : t)),
    columnNames: spec.columnNames?.filter((n) => n.column !== header),
  };
}
const olderVisits = visits.slice(0, 1500);
const older: Case = { label: "a register added next to a log written before the newest-first column", customers, visits: olderVisits, register: register[0] };

const cases: Case[] = [
  { label: "the log written with the register", customers, visits, register: register[0], log: buildVisitLog({ rows: visits, blankRows: 3 }, { locale: "zh-CN", existing: withSpecs(NO_NAMES, register) })[0] },
  { label: "a register used alone", customers, register: register[0] },
  {
    label: "IDs that read as comparisons",
    customers: oddCustomers,
    visits: oddVisits,
    register: oddRegister[0],
    log: buildVisitLog({ rows: oddVisits }, { locale: "zh-CN", existing: withSpecs(NO_NAMES, oddRegister) })[0],
  },
  {
    label: "numeric IDs and rows without a date",
    customers: mixedCustomers,
    visits: mixedVisits,
    register: mixedRegister[0],
    log: buildVisitLog({ rows: mixedVisits }, { locale: "zh-CN", existing: withSpecs(NO_NAMES, mixedRegister) })[0],
  },
];
/** The register written alone, then an en-US log added to that workbook (the register's names were not defined when it was written). */
const later: Case = { label: "an en-US log added to a workbook whose register was written before it", customers, visits: enVisits, register: register[0] };
let added: ComputedWorkbook;
const NEW_VISIT_ID = customers[4].id as string;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), "sp-follows-"));
  const files = ["with-log", "alone", "later", "added", "odd", "mixed", "older"].map((name) => join(dir, `${name}.xlsx`));
  const withLog = await writeXlsx([...register, cases[0].log as SheetSpec]);
  const alone = await writeXlsx(register);
  const [laterLog] = buildVisitLog({ rows: enVisits, blankRows: 3 }, { locale: "en-US", existing: await inspectXlsx(alone) });
  (later as { log?: SheetSpec }).log = laterLog;
  // The user logs a visit today to a customer, in the log's first blank row.
  const logTable = tableByRole(cases[0].log as SheetSpec, "visits");
  const edited = await typeCells(withLog, (cases[0].log as SheetSpec).name, {
    [a1(tableCell(logTable, visits.length, "date"))]: today,
    [a1(tableCell(logTable, visits.length, "customerId"))]: NEW_VISIT_ID,
  });
  writeFileSync(files[0], withLog);
  writeFileSync(files[1], alone);
  writeFileSync(files[2], await writeXlsx([laterLog], alone));
  writeFileSync(files[3], edited);
  writeFileSync(files[4], await writeXlsx([...oddRegister, cases[2].log as SheetSpec]));
  writeFileSync(files[5], await writeXlsx([...mixedRegister, cases[3].log as SheetSpec]));
  const olderBook = await writeXlsx([olderLog(buildVisitLog({ rows: olderVisits, blankRows: 3 }, { locale: "zh-CN", existing: NO_NAMES })[0])]);
  const olderRegister = buildCustomerRegister({ rows: customers, blankRows: 2 }, { locale: "zh-CN", existing: await inspectXlsx(olderBook) });
  (older as { register: SheetSpec }).register = olderRegister[0];
  writeFileSync(files[6], await writeXlsx(olderRegister, olderBook));
  const books = await recalcXlsx(files);
  cases[3].book = books[5];
  older.book = books[6];
  cases[2].book = books[4];
  cases[0].book = books[0];
  cases[1].book = books[1];
  later.book = books[2];
  added = books[3];
});

/** What the register's log-derived columns must show (`registerVisitModel`), its tiers as LibreOffice computed them. */
function expected(c: Case, book: ComputedWorkbook, extra: readonly TableRow[] = []) {
  const table = tableByRole(c.register, "customers");
  const tiers = { abc: readColumn(book, c.register, table, "abc"), demand: readColumn(book, c.register, table, "demandTier") };
  return registerVisitModel([...c.customers, {}, {}], c.visits && [...c.visits, ...extra], tiers, today);
}

describe.each([...cases, later, older].map((c) => [c.label, c] as const))("customer register recalculated by LibreOffice: %s", (_label, c) => {
  const book = () => c.book as ComputedWorkbook;
  test("no error value anywhere", () => {
    expect(errorCells(book())).toEqual([]);
  });

  test("最近拜访日期, 近14天拜访次数 and 下次拜访日期 equal what the rows say", () => {
    const table = tableByRole(c.register, "customers");
    const want = expected(c, book());
    expect(readColumn(book(), c.register, table, "latestVisit")).toEqual(want.latest);
    expect(readColumn(book(), c.register, table, "recentVisits")).toEqual(want.recent);
    expect(readColumn(book(), c.register, table, "nextVisit")).toEqual(want.next);
  });
});

test("the examples exercise every branch: logged dates later and earlier than typed ones, recent visits, every cadence tier", () => {
  const c = cases[0];
  const book = c.book as ComputedWorkbook;
  const table = tableByRole(c.register, "customers");
  const want = expected(c, book);
  const typed = c.customers.map((r) => r.lastVisit);
  expect(want.latest.some((d, i) => typeof typed[i] === "number" && d !== typed[i])).toBe(true);
  expect(want.latest.some((d, i) => typeof typed[i] === "number" && d === typed[i])).toBe(true);
  expect(want.recent.filter((n) => typeof n === "number" && n > 0).length).toBeGreaterThan(20);
  // Customers last seen within 90 days and before: the search from the log's end stops early and late.
  const lastLogged = (id: unknown) => Math.max(0, ...(c.visits ?? []).filter((v) => v.customerId === id).map((v) => v.date as number));
  const ages = c.customers.map((r) => today - lastLogged(r.id)).filter((age) => age < today);
  expect(ages.some((age) => age < 90) && ages.some((age) => age >= 90)).toBe(true);
  const abc = readColumn(book, c.register, table, "abc");
  const demand = readColumn(book, c.register, table, "demandTier");
  // A customer without 年交易额 visited by its 需求等级, not C.
  expect(abc.some((t, i) => t === null && (demand[i] === "A" || demand[i] === "B") && want.next[i] !== null)).toBe(true);
});

test("a visit logged today moves the customer's 最近拜访日期 to today and adds one to its 14-day count", () => {
  const c = cases[0];
  const table = tableByRole(c.register, "customers");
  const row = c.customers.findIndex((r) => r.id === NEW_VISIT_ID);
  const before = expected(c, c.book as ComputedWorkbook);
  const after = expected(c, added, [{ date: today, customerId: NEW_VISIT_ID }]);
  expect(errorCells(added)).toEqual([]);
  expect(read(added, c.register, tableCell(table, row, "latestVisit"))).toBe(today);
  expect(read(added, c.register, tableCell(table, row, "recentVisits"))).toBe((before.recent[row] as number) + 1);
  expect(readColumn(added, c.register, table, "recentVisits")).toEqual(after.recent);
});

test("the register reads a log through its newest-first column, and a log without it with LOOKUP", () => {
  const formula = (spec: SheetSpec) => tableByRole(spec, "customers").columns.find((c) => c.key === "latestVisit")?.formula ?? "";
  expect(formula(register[0])).toContain("MATCH(");
  expect(formula(register[0])).not.toContain("LOOKUP(");
  expect(formula(older.register)).toContain("LOOKUP(");
  expect(formula(older.register)).not.toContain("NEWEST_FIRST");
});
