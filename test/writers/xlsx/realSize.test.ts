/**
 * Issue 12 item 9: the daily-records workbook at its real size — 2 000 customers, 20 000 visits, 500
 * contracts, 3 000 ledger events and a month's work diary (`recordsWorkbook(1)`) — recalculated by
 * LibreOffice. Every derived cell of the visit log, the customer register, the diary, the contract register
 * and its aging equals what the TypeScript models compute from the rows; then a visit and a payment typed
 * into the first blank rows, recalculated, move the customer's 最近拜访日期 and 14-day count, the rep's day in
 * the diary, the contract's 状态 and the customer's aging.
 * `npm run bench` times the same workbook at 1×, 2× and 4×.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { a1 } from "../../../src/spec/a1";
import { ymdFromSerial } from "../../../src/domain/calendar";
import type { SheetSpec, TableRow } from "../../../src/spec/sheetSpec";
import { templateStrings } from "../../../src/templates/strings";
import { writeXlsx } from "../../../src/writers/xlsx";
import { contractFigures, type ContractFigures } from "../../fixtures/contracts";
import { registerVisitModel } from "../../fixtures/customers";
import { todaySerial } from "../../fixtures/random";
import { recordsWorkbook } from "../../fixtures/records";
import { countedVisits, DIARY_REPS, visitLogModel } from "../../fixtures/visits";
import { errorCells, recalcXlsx, type Computed, type ComputedWorkbook } from "../../support/libreoffice";
import { namedCell, read, readColumn, tableByRole, tableCell } from "../../support/specCells";
import { typeCells } from "../../support/xlsxEdit";

jest.setTimeout(900_000);

const LOCALE = "zh-CN";
const today = todaySerial();
const w = recordsWorkbook(1, LOCALE);
const s = templateStrings(LOCALE);
const sheet = (role: string): SheetSpec => {
  const found = w.specs.find((spec) => spec.tables.some((t) => t.role === role));
  if (!found) throw new Error(`no sheet with a ${role} table`);
  return found;
};
const register = sheet("customers");
const log = sheet("visits");
const contracts = sheet("contracts");
const ledger = sheet("ledger");
const aging = sheet("aging");
const diary = sheet("days");
const blank = (n: number): TableRow[] => Array.from({ length: n }, () => ({}));
const rowsOf = (spec: SheetSpec, role: string, data: readonly TableRow[]) => [...data, ...blank(tableByRole(spec, role).rows.length - data.length)];

const FIGURES = ["shippedTotal", "lastShipment", "invoicedTotal", "lastInvoice", "paidTotal", "unpaid", "receivable", "payDue", "overdueDays", "status"] as const;

/** The contract model for every register row (blank rows: the model's blank). */
const figuresOf = (events: readonly TableRow[]): ContractFigures[] => rowsOf(contracts, "contracts", w.contracts).map((row) => contractFigures(row, events, LOCALE, today));

/** Per customer: 未到期, 1–30, 31–60, 61–90, over 90 days overdue, total — the aging's buckets of 应收余额 by 回款到期日. */
function agingModel(figures: readonly ContractFigures[]): Map<string, number[]> {
  const byCustomer = new Map<string, number[]>();
  figures.forEach((f, i) => {
    const customer = w.contracts[i]?.customer;
    if (typeof customer !== "string" || typeof f.receivable !== "number") return;
    const late = typeof f.payDue === "number" ? today - f.payDue : 0;
    const bucket = late <= 0 ? 0 : late <= 30 ? 1 : late <= 60 ? 2 : late <= 90 ? 3 : 4;
    const sums = byCustomer.get(customer) ?? [0, 0, 0, 0, 0, 0];
    sums[bucket] += f.receivable;
    sums[5] += f.receivable;
    byCustomer.set(customer, sums);
  });
  return byCustomer;
}

/** The aging sheet's listed customers and their six figures, as LibreOffice computed them. */
function agingRows(book: ComputedWorkbook): Map<string, Computed[]> {
  const table = tableByRole(aging, "aging");
  const keys = ["notDue", "days30", "days60", "days90", "over90", "total"];
  return new Map(
    table.rows.flatMap((_, i) => {
      const customer = read(book, aging, tableCell(table, i, "customer"));
      return typeof customer === "string" && customer !== s.contracts.agingOther ? [[customer, keys.map((key) => read(book, aging, tableCell(table, i, key)))]] : [];
    }),
  );
}

const cents = (values: readonly Computed[]) => values.map((v) => (typeof v === "number" ? Math.round(v * 100) / 100 : v));

let book: ComputedWorkbook;
let after: ComputedWorkbook;
/** The visit and the payment typed in: the visit on the log's last day, the last working day up to today. */
const VISITED = w.customers[7].id as string;
const VISIT_DAY = w.visits.at(-1)?.date as number;
const visit: TableRow = { date: VISIT_DAY, rep: DIARY_REPS[0], customerId: VISITED, method: s.visits.methods[0] };
const figures = figuresOf(w.ledger);
const PAID = figures.findIndex((f) => f.status === s.contracts.status.delivered || f.status === s.contracts.status.payOverdue);
const payment: TableRow = { date: today, contract: w.contracts[PAID]?.id, type: s.ledger.types[3], amount: (w.contracts[PAID]?.amount as number) - (figures[PAID]?.paidTotal as number) };

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), "sp-real-size-"));
  const data = await writeXlsx(w.specs);
  const logTable = tableByRole(log, "visits");
  const ledgerTable = tableByRole(ledger, "ledger");
  let edited = await typeCells(data, log.name, Object.fromEntries(Object.entries(visit).map(([key, value]) => [a1(tableCell(logTable, w.visits.length, key)), value as string | number])));
  edited = await typeCells(edited, ledger.name, Object.fromEntries(Object.entries(payment).map(([key, value]) => [a1(tableCell(ledgerTable, w.ledger.length, key)), value as string | number])));
  writeFileSync(join(dir, "records.xlsx"), data);
  writeFileSync(join(dir, "records-after.xlsx"), edited);
  const started = performance.now();
  [book, after] = await recalcXlsx([join(dir, "records.xlsx"), join(dir, "records-after.xlsx")]);
  console.info(`LibreOffice load, recalculation and save of two 1× records workbooks: ${((performance.now() - started) / 1000).toFixed(1)} s`);
});

test("the examples are real: a contract to pay off, a customer to visit, and every status and aging bucket present", () => {
  expect(PAID).toBeGreaterThanOrEqual(0);
  expect(payment.amount).toBeGreaterThan(0);
  expect(new Set(figures.map((f) => f.status))).toEqual(new Set([...Object.values(s.contracts.status), null]));
  const totals = [...agingModel(figures).values()].reduce((sum, row) => sum.map((v, i) => v + row[i]));
  expect(totals.every((v) => v > 0)).toBe(true);
});

test("no error value anywhere, before and after the edits", () => {
  expect(errorCells(book)).toEqual([]);
  expect(errorCells(after)).toEqual([]);
});

test("visit log: every 客户名称 and 新/老客户 equals the model, and the log is in date order", () => {
  const table = tableByRole(log, "visits");
  const want = visitLogModel(w.customers, rowsOf(log, "visits", w.visits), LOCALE);
  expect(readColumn(book, log, table, "customerName")).toEqual(want.name);
  expect(readColumn(book, log, table, "newOld")).toEqual(want.newOld);
  expect(read(book, log, namedCell(log, "SP_V1_OUT_OF_ORDER"))).toBe(0);
});

test("customer register: every 最近拜访日期, 近14天拜访次数 and 下次拜访日期 equals the model", () => {
  const table = tableByRole(register, "customers");
  const tiers = { abc: readColumn(book, register, table, "abc"), demand: readColumn(book, register, table, "demandTier") };
  const want = registerVisitModel(rowsOf(register, "customers", w.customers), w.visits, tiers, today);
  expect(readColumn(book, register, table, "latestVisit")).toEqual(want.latest);
  expect(readColumn(book, register, table, "recentVisits")).toEqual(want.recent);
  expect(readColumn(book, register, table, "nextVisit")).toEqual(want.next);
});

/** The diary's days as the model counts them from `visits`, a log that reads the register's first rows. */
function diaryModel(visits: readonly TableRow[]) {
  const table = tableByRole(diary, "days");
  const listed = new Set(w.customers.map((r) => r.id as string));
  const counts = table.rows.map((r) => countedVisits(visits, LOCALE, r.rep as string, r.date as number, r.date as number, listed));
  return { newVisits: counts.map((c) => c.newVisits), oldVisits: counts.map((c) => c.oldVisits), calls: counts.map((c) => c.calls) };
}

test("work diary: every rep's new visits, existing-customer visits and calls per day equal the log counted in TypeScript", () => {
  const table = tableByRole(diary, "days");
  expect(new Set(table.rows.map((r) => r.rep))).toEqual(new Set(DIARY_REPS));
  const want = diaryModel(w.visits);
  for (const key of ["newVisits", "oldVisits", "calls"] as const) expect([key, readColumn(book, diary, table, key)]).toEqual([key, want[key]]);
  expect(want.calls.filter((n) => n > 0).length).toBeGreaterThan(10);
});

test("contract register: every figure the ledger moves, 回款到期日, 逾期天数 and 状态 equal the model", () => {
  const table = tableByRole(contracts, "contracts");
  for (const key of FIGURES) expect([key, cents(readColumn(book, contracts, table, key))]).toEqual([key, cents(figures.map((f) => f[key]))]);
});

test("应收账龄: every listed customer's buckets equal the model, and the total equals the register's 应收余额", () => {
  const model = agingModel(figures);
  const rows = agingRows(book);
  expect(rows.size).toBeGreaterThan(100);
  for (const [customer, values] of rows) expect([customer, cents(values)]).toEqual([customer, cents(model.get(customer) ?? [0, 0, 0, 0, 0, 0])]);
  const table = tableByRole(aging, "aging");
  const receivable = figures.reduce((sum, f) => sum + (f.receivable ?? 0), 0);
  expect(read(book, aging, tableCell(table, table.rows.length, "total"))).toBeCloseTo(receivable, 2);
});

test("a visit logged and a payment recorded today move the register, the diary, the contract's 状态 and the aging", () => {
  const customers = tableByRole(register, "customers");
  const row = w.customers.findIndex((r) => r.id === VISITED);
  const tiers = { abc: readColumn(after, register, customers, "abc"), demand: readColumn(after, register, customers, "demandTier") };
  const want = registerVisitModel(rowsOf(register, "customers", w.customers), [...w.visits, visit], tiers, today);
  expect(read(after, register, tableCell(customers, row, "recentVisits"))).toBe((read(book, register, tableCell(customers, row, "recentVisits")) as number) + 1);
  expect(readColumn(after, register, customers, "latestVisit")).toEqual(want.latest);
  expect(readColumn(after, register, customers, "recentVisits")).toEqual(want.recent);
  expect(read(after, log, tableCell(tableByRole(log, "visits"), w.visits.length, "newOld"))).toBe(s.visits.newOld[1]);
  const days = tableByRole(diary, "days");
  // The diary lists the log's last day unless that day falls in the month after the diary's (a month's first working days).
  const day = days.rows.findIndex((r) => r.rep === DIARY_REPS[0] && r.date === VISIT_DAY);
  expect(day >= 0).toBe(ymdFromSerial(VISIT_DAY).month === w.diary.month);
  if (day >= 0) expect(read(after, diary, tableCell(days, day, "oldVisits"))).toBe((read(book, diary, tableCell(days, day, "oldVisits")) as number) + 1);
  expect(readColumn(after, diary, days, "oldVisits")).toEqual(diaryModel([...w.visits, visit]).oldVisits);

  const table = tableByRole(contracts, "contracts");
  const paidOff = figuresOf([...w.ledger, payment]);
  expect(paidOff[PAID].status).toBe(s.contracts.status.settled);
  expect(read(after, contracts, tableCell(table, PAID, "status"))).toBe(s.contracts.status.settled);
  for (const key of FIGURES) expect([key, cents(readColumn(after, contracts, table, key))]).toEqual([key, cents(paidOff.map((f) => f[key]))]);
  const customer = w.contracts[PAID].customer as string;
  expect(cents(agingRows(after).get(customer) ?? [])).toEqual(cents(agingModel(paidOff).get(customer) ?? []));
  expect(agingModel(paidOff).get(customer)?.[5]).toBeLessThan(agingModel(figures).get(customer)?.[5] as number);
});
