/**
 * The contract register following the contract ledger (issue 12 items 6 and 7), recalculated by
 * LibreOffice: worked examples — a return, a partial payment (4.7 % collected, seed 000's case), a contract
 * fully paid, terms from delivery and from the invoice, a late delivery, opening figures typed beside a
 * ledger, a contract without a customer — and the aging sheet's buckets, compared with the register's rules
 * done in TypeScript (`contractFigures`). The register is written before the ledger (in one request, and in
 * an earlier write into the same file, naming the ledger's names before they exist) and after it (naming
 * the workbook's ledger, not the next free key).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Locale } from "../../../src/contract/locale";
import { serialFromYmd, ymdFromSerial } from "../../../src/domain/calendar";
import { NO_NAMES, withSpecs } from "../../../src/spec/naming";
import type { SheetSpec, TableRow } from "../../../src/spec/sheetSpec";
import { buildTemplates, type TemplateRequest } from "../../../src/templates";
import { templateStrings } from "../../../src/templates/strings";
import { inspectXlsx, writeXlsx } from "../../../src/writers/xlsx";
import { contractFigures } from "../../fixtures/contracts";
import { todaySerial } from "../../fixtures/random";
import { errorCells, recalcXlsx, type ComputedWorkbook } from "../../support/libreoffice";
import { read, readColumn, tableByRole, tableCell } from "../../support/specCells";

const today = todaySerial();
// The year of K-A's payment 20 days back, so the statistics year holds a payment whatever the day, 1–10 January too.
const STATS_YEAR = ymdFromSerial(today - 20).year;

/** Ten contracts of four customers (one contract without one), and what the ledger records for them. */
function workedExample(locale: Locale): { contracts: TableRow[]; ledger: TableRow[] } {
  const s = templateStrings(locale);
  // The third customer's name a criterion would read as a pattern matching the first's: the aging sheet sums it alone.
  const [customerA, customerB, customerC] = locale === "zh-CN" ? ["甲公司", "乙公司", "甲*"] : ["Alpha Ltd", "Beta Ltd", "Alpha*"];
  const [delivery, invoice] = s.contracts.termBases;
  const contract = (id: string | number, customer: string | null, amount: number, due: number, more: TableRow = {}): TableRow => ({
    id,
    customer,
    signed: today - 220,
    amount,
    due,
    ...more,
  });
  const contracts = [
    // Delivered in two shipments less a return, 4.7 % paid, 30 days from delivery: 10 days overdue.
    contract("K-A", customerA, 100000, today + 30, { termDays: 30, termBasis: delivery }),
    // Delivered, invoiced and fully paid: settled.
    contract("K-B", customerB, 50000, today - 60, { termDays: 60, termBasis: invoice }),
    // Partly shipped past its delivery date, due 15 days after the invoice: late, and its receivable over 90 days.
    contract("K-C", customerB, 80000, today - 5, { termDays: 15, termBasis: invoice }),
    // Kept before the ledger: opening figures typed, no terms (due on delivery): 45 days overdue.
    contract("K-D", customerC, 20000, today - 50, { shipped: 20000, lastShipped: today - 45, paid: 5000 }),
    // No customer: the aging sheet's 其他客户, 70 days overdue.
    contract("K-E", null, 40000, today - 80, { termDays: 0 }),
    // Nothing shipped yet; a 0 typed as its opening shipment date is no date to count from.
    contract("K-F", customerA, 10000, today + 60, { lastShipped: 0 }),
    // Partly shipped five days ago on 30 days' terms: not yet due.
    contract("K-G", customerA, 30000, today + 20, { termDays: 30, termBasis: delivery }),
    // An ID a criterion would read as a pattern (K-A to K-G): its own shipment alone.
    contract("K-?", customerC, 5000, today + 40, { termDays: 30, termBasis: delivery }),
    // A number in the register, its text in the ledger (picked from the drop-down into a text column): one contract.
    contract(2026001, customerA, 8000, today + 50, { termDays: 30, termBasis: delivery }),
    // Its text in the register, a number in the ledger (typed into a column formatted as a number): one contract.
    contract("2026002", customerA, 3000, today + 10, { termDays: 30, termBasis: delivery }),
  ];
  const [ship, ret, inv, pay] = s.ledger.types;
  const event = (date: number, id: string | number, type: string, amount: number): TableRow => ({ date: today - date, contract: id, type, amount, handler: "王内勤", reviewer: "钱主管" });
  const ledger = [
    event(50, "K-A", ship, 60000),
    event(40, "K-A", ship, 50000),
    event(35, "K-A", ret, 10000),
    event(38, "K-A", inv, 100000),
    event(20, "K-A", pay, 4700),
    event(100, "K-B", ship, 50000),
    event(90, "K-B", inv, 50000),
    event(10, "K-B", pay, 50000),
    event(200, "K-C", ship, 30000),
    event(120, "K-C", inv, 30000),
    event(70, "K-E", ship, 40000),
    event(5, "K-G", ship, 10000),
    event(3, "K-?", ship, 1000),
    event(2, "2026001", ship, 2000),
    event(4, 2026002, ship, 3000),
  ];
  return { contracts, ledger };
}

interface Case {
  readonly name: string;
  readonly locale: Locale;
  readonly contracts: TableRow[];
  readonly ledger: TableRow[];
  /** The register's three sheets: main, statistics, aging. */
  readonly register: SheetSpec[];
  readonly file: Uint8Array;
  book?: ComputedWorkbook;
}

const contractsRequest = (rows: TableRow[]): TemplateRequest => ({ template: "contracts", options: { rows, statsYear: STATS_YEAR, blankRows: 3 } });
const ledgerRequest = (rows: TableRow[]): TemplateRequest => ({ template: "ledger", options: { rows, blankRows: 3 } });
const registerOf = (specs: readonly SheetSpec[]) => specs.filter((s) => s.record.template === "contracts");

/** Register and ledger asked in one request: the register is built first and names the ledger's key ahead. */
async function oneRequest(locale: Locale): Promise<Case> {
  const { contracts, ledger } = workedExample(locale);
  const specs = buildTemplates([ledgerRequest(ledger), contractsRequest(contracts)], { locale, existing: NO_NAMES });
  return { name: "one request", locale, contracts, ledger, register: registerOf(specs), file: await writeXlsx(specs) };
}

/** The register written into a file first, the ledger added to that file by a later write. */
async function registerFirst(locale: Locale): Promise<Case> {
  const { contracts, ledger } = workedExample(locale);
  const register = buildTemplates([contractsRequest(contracts)], { locale, existing: NO_NAMES });
  const first = await writeXlsx(register);
  const ledgerSpecs = buildTemplates([ledgerRequest(ledger)], { locale, existing: await inspectXlsx(first) });
  return { name: "register first", locale, contracts, ledger, register, file: await writeXlsx(ledgerSpecs, first) };
}

/** The ledger there first: the register names that ledger (L1), although the next free key is L2. */
async function ledgerFirst(locale: Locale): Promise<Case> {
  const { contracts, ledger } = workedExample(locale);
  const ledgerSpecs = buildTemplates([ledgerRequest(ledger)], { locale, existing: NO_NAMES });
  const register = buildTemplates([contractsRequest(contracts)], { locale, existing: withSpecs(NO_NAMES, ledgerSpecs) });
  return { name: "ledger first", locale, contracts, ledger, register, file: await writeXlsx([...ledgerSpecs, ...register]) };
}

/**
 * The ledger upside down, as if every event had been entered late: a contract's newest row is then not its
 * latest shipment or invoice (K-A's shipments of 50 and 40 days ago), which its latest dates to date still hold.
 */
async function lateEntries(locale: Locale): Promise<Case> {
  const { contracts, ledger } = workedExample(locale);
  const reversed = [...ledger].reverse();
  const specs = buildTemplates([ledgerRequest(reversed), contractsRequest(contracts)], { locale, existing: NO_NAMES });
  return { name: "late entries", locale, contracts, ledger: reversed, register: registerOf(specs), file: await writeXlsx(specs) };
}

/** The columns a ledger written before it kept figures to date lacks, and their names' ends. */
const TO_DATE = ["shippedToDate", "invoicedToDate", "paidToDate", "lastShipment", "lastInvoice", "newestFirst", "previous"];
const TO_DATE_NAMES = /_(SHIPPED_TO_DATE|INVOICED_TO_DATE|PAID_TO_DATE|LAST_SHIPMENT|LAST_INVOICE|CONTRACTS_NEWEST_FIRST)$/;

/** A ledger written before it kept figures to date: the register scans it, as it did then. */
async function olderLedger(locale: Locale): Promise<Case> {
  const { contracts, ledger } = workedExample(locale);
  const [written] = buildTemplates([ledgerRequest(ledger)], { locale, existing: NO_NAMES });
  const older: SheetSpec = {
    ...written,
    tables: written.tables.map((t) => ({ ...t, columns: t.columns.filter((c) => !TO_DATE.includes(c.key)) })),
    columnNames: (written.columnNames ?? []).filter((n) => !TO_DATE_NAMES.test(n.name)),
  };
  const register = buildTemplates([contractsRequest(contracts)], { locale, existing: withSpecs(NO_NAMES, [older]) });
  return { name: "older ledger", locale, contracts, ledger, register, file: await writeXlsx([older, ...register]) };
}

let cases: Case[] = [];
let seconds = 0;

beforeAll(async () => {
  cases = [await oneRequest("zh-CN"), await registerFirst("zh-CN"), await ledgerFirst("en-US"), await lateEntries("zh-CN"), await olderLedger("en-US")];
  const dir = mkdtempSync(join(tmpdir(), "sp-contracts-"));
  const files = cases.map((c, i) => {
    const file = join(dir, `contracts-${i}.xlsx`);
    writeFileSync(file, c.file);
    return file;
  });
  const started = Date.now();
  const books = await recalcXlsx(files);
  seconds = (Date.now() - started) / 1000;
  cases.forEach((c, i) => (c.book = books[i]));
}, 300_000);

test("the register names the first ledger's key ahead, or the workbook's ledger", () => {
  const formulaOf = (c: Case) => tableByRole(c.register[0], "contracts").columns.find((col) => col.key === "shippedTotal")!.formula!;
  expect(cases.map((c) => /SP_L(\d+)_COL_/.exec(formulaOf(c))?.[1])).toEqual(["1", "1", "1", "1", "1"]);
  // The register reads the figures to date where the ledger has them, and scans the ledger only where it has none.
  const columnsOf = (c: Case) => tableByRole(c.register[0], "contracts").columns;
  expect(cases.map((c) => columnsOf(c).find((col) => col.key === "lastShipment")!.formula!.includes("SP_L1_COL_LAST_SHIPMENT"))).toEqual([true, true, true, true, false]);
  expect(cases.map((c) => columnsOf(c).some((col) => col.key === "ledgerRow"))).toEqual([true, true, true, true, false]);
  expect(cases.map((c) => formulaOf(c).includes("SUMIFS"))).toEqual([false, false, false, false, true]);
  // Without the ledger's names the register would show the typed figures only: the worked examples below fail then.
  expect(buildTemplates([ledgerRequest([])], { locale: "en-US", existing: withSpecs(NO_NAMES, buildTemplates([ledgerRequest([])], { locale: "en-US", existing: NO_NAMES })) })[0].record.key).toBe("L2");
  expect(seconds).toBeGreaterThan(0);
});

describe.each([0, 1, 2, 3, 4])("case %i", (index) => {
  const c = (): Case => cases[index];
  const book = (): ComputedWorkbook => c().book as ComputedWorkbook;

  test("no error value anywhere", () => {
    expect([c().name, errorCells(book())]).toEqual([c().name, []]);
  });

  test("已发货/已开票/已回款, latest dates, 应收余额, 回款到期日, 逾期天数 and 状态 per contract equal the rules done in TypeScript", () => {
    const [main] = c().register;
    const table = tableByRole(main, "contracts");
    const expected = c().contracts.map((r) => contractFigures(r, c().ledger, c().locale, today));
    const rows = (key: string) => readColumn(book(), main, table, key).slice(0, expected.length);
    for (const key of ["shippedTotal", "lastShipment", "invoicedTotal", "lastInvoice", "paidTotal", "unpaid", "receivable", "payDue", "overdueDays", "status"] as const) {
      expect([key, rows(key)]).toEqual([key, expected.map((f) => f[key])]);
    }
    const st = templateStrings(c().locale).contracts.status;
    // Spelled out, so the TypeScript rules cannot share a mistake with the formulas unnoticed.
    expect(rows("status")).toEqual([st.payOverdue, st.settled, st.late, st.payOverdue, st.payOverdue, st.notStarted, st.inProgress, st.inProgress, st.inProgress, st.delivered]);
    expect(rows("shippedTotal")[0]).toBe(100000); // 60000 + 50000 − the 10000 returned
    expect(rows("lastShipment")[0]).toBe(today - 40); // the return's date is not a shipment
    expect(rows("payDue")[0]).toBe(today - 10);
    expect([rows("lastShipment")[5], rows("payDue")[5]]).toEqual([0, null]); // not due 1900-01-00 + terms
    expect(rows("overdueDays")).toEqual([10, null, 105, 45, 70, null, null, null, null, null]);
    expect(rows("receivable")).toEqual([95300, 0, 30000, 15000, 40000, 0, 10000, 1000, 2000, 3000]);
    expect(rows("shippedTotal")[7]).toBe(1000); // K-? alone, not K-A to K-G
    expect([rows("shippedTotal")[8], rows("lastShipment")[8]]).toEqual([2000, today - 2]); // 2026001 is "2026001"
    expect([rows("shippedTotal")[9], rows("lastShipment")[9], rows("payDue")[9]]).toEqual([3000, today - 4, today + 26]); // and "2026002" is 2026002
  });

  test("the statistics add what moved in each period by the ledger's dates, returns subtracted", () => {
    const [ship, ret, inv, pay] = templateStrings(c().locale).ledger.types;
    const stats = tableByRole(c().register[1], "stats");
    // The day before the first of month `m + 1` (1-based, 13 = next January) ends month `m`.
    const firstOf = (m: number) => (m === 13 ? serialFromYmd(STATS_YEAR + 1, 1, 1) : serialFromYmd(STATS_YEAR, m, 1));
    const periods = [
      ...Array.from({ length: 12 }, (_, m) => [firstOf(m + 1), firstOf(m + 2) - 1]),
      ...Array.from({ length: 4 }, (_, q) => [firstOf(3 * q + 1), firstOf(3 * q + 4) - 1]),
      [serialFromYmd(STATS_YEAR, 1, 1), serialFromYmd(STATS_YEAR, 12, 31)],
    ];
    const moved = (type: string, from: number, to: number) =>
      c().ledger.filter((e) => e.type === type && (e.date as number) >= from && (e.date as number) <= to).reduce((sum, e) => sum + (e.amount as number), 0);
    periods.forEach(([from, to], i) => {
      const cell = (key: string) => read(book(), c().register[1], tableCell(stats, i, key));
      expect([i, cell("shippedMoved"), cell("invoicedMoved"), cell("paidMoved")]).toEqual([i, moved(ship, from, to) - moved(ret, from, to), moved(inv, from, to), moved(pay, from, to)]);
    });
    // The whole year: something moved in it whatever day the test runs (K-A's payment 20 days back is in it).
    expect(read(book(), c().register[1], tableCell(stats, 16, "paidMoved"))).toBeGreaterThan(0);
  });

  test("应收账龄: per customer by days overdue, 其他客户 for the rest, totals equal the register's receivables", () => {
    const aging = c().register[2];
    const table = tableByRole(aging, "aging");
    const at = (i: number) => ["customer", "notDue", "days30", "days60", "days90", "over90", "total"].map((key) => read(book(), aging, tableCell(table, i, key)));
    const s = templateStrings(c().locale).contracts;
    const names = table.rows.map((r) => r.customer ?? null);
    const [customerA, customerB, customerC] = [0, 1, 3].map((i) => c().contracts[i].customer);
    expect(names.filter((n) => n !== null)).toEqual([customerA, customerB, customerC, s.agingOther]);
    expect(at(0)).toEqual([customerA, 15000, 95300, 0, 0, 0, 110300]);
    expect(at(1)).toEqual([customerB, 0, 0, 0, 0, 30000, 30000]);
    expect(at(2)).toEqual([customerC, 1000, 0, 15000, 0, 0, 16000]);
    expect(at(3)).toEqual([null, null, null, null, null, null, null]); // a blank row for a customer the user adds
    expect(at(table.rows.length - 1)).toEqual([s.agingOther, 0, 0, 0, 40000, 0, 40000]);
    expect(at(table.rows.length).slice(1)).toEqual([16000, 95300, 15000, 40000, 30000, 196300]);
    const register = tableByRole(c().register[0], "contracts");
    expect(read(book(), c().register[0], tableCell(register, register.rows.length, "receivable"))).toBe(196300);
    const buckets = tableByRole(aging, "agingBuckets");
    expect(readColumn(book(), aging, buckets, "amount")).toEqual([16000, 95300, 15000, 40000, 30000]);
    expect(read(book(), aging, tableCell(buckets, buckets.rows.length, "amount"))).toBe(196300);
    expect(aging.charts).toHaveLength(1);
  });
});
