/**
 * 合同收发票款明细 (issue 12 item 5) recalculated by LibreOffice: a contract register and a ledger written
 * together. The ledger's own formulas — the totals row, the drop-down's list source and the two
 * conditional-format rules — are evaluated by the engine (the rules' expressions are copied, row by
 * row, into cells of a probe sheet, since an engine's saved file holds no format results) and compared
 * with the same rules computed here; the saved file keeps the drop-down LibreOffice parsed. Then
 * LibreOffice, driven through Python-UNO, inserts a row in the register, types a new contract there and
 * its shipment in the ledger: the drop-down's list and the named columns follow.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Locale } from "../../../src/contract/locale";
import { a1 } from "../../../src/spec/a1";
import { NO_NAMES } from "../../../src/spec/naming";
import type { SheetSpec, TableRow } from "../../../src/spec/sheetSpec";
import { buildTemplates } from "../../../src/templates";
import { SheetDraft } from "../../../src/templates/draft";
import { TEMPLATES } from "../../../src/templates/registry";
import { templateStrings } from "../../../src/templates/strings";
import { listSource } from "../../../src/writers/layout";
import { writeXlsx } from "../../../src/writers/xlsx";
import { XlsxPackage } from "../../../src/writers/ooxml";
import { contractFigures, contractRows } from "../../fixtures/contracts";
import { todaySerial } from "../../fixtures/random";
import { ledgerRows } from "../../fixtures/ledger";
import { convertWithLibreOffice, errorCells, recalcXlsx, type ComputedWorkbook } from "../../support/libreoffice";
import { read, tableByRole, tableCell } from "../../support/specCells";
import { repoRoot } from "../../support/paths";
import { finishProbe, ruleAt } from "../../support/probeSheet";

const CONTRACTS = 80;
const NEW_CONTRACT = "HT2026NEW";
const PYTHON = "/usr/bin/python3"; // the system Python, which has Debian's python3-uno
const SCRIPT = join(repoRoot, "test/support/libreofficeEdit.py");

interface Case {
  readonly locale: Locale;
  readonly rows: TableRow[];
  readonly specs: SheetSpec[];
  readonly ledger: SheetSpec;
  readonly probe: SheetSpec;
  book?: ComputedWorkbook;
}

/** The rules' expressions (written for the body's first row) for data row `i`, on the ledger's sheet: relative rows shifted as Excel shifts them over the target. */
function probeSheet(ledger: SheetSpec, rows: number, source: string | undefined): SheetSpec {
  const draft = new SheetDraft();
  const [reviewer, amount] = ledger.conditionalFormats.map((f) => (f.rule.kind === "expression" ? f.rule.formula : ""));
  for (let i = 0; i < rows; i++) {
    draft.put({ row: i, col: 0 }, { formula: ruleAt(reviewer, ledger.name, i) });
    draft.put({ row: i, col: 1 }, { formula: ruleAt(amount, ledger.name, i) });
  }
  // What the contract register will read (item 6): by the ledger's names only, in either language.
  const [ship, ret] = ["SP_L1_TYPE_SHIPMENT", "SP_L1_TYPE_RETURN"];
  draft.put({ row: 0, col: 4 }, { formula: `SUMIFS(SP_L1_COL_AMOUNT,SP_L1_COL_CONTRACT,"HT20260007",SP_L1_COL_TYPE,${ship})-SUMIFS(SP_L1_COL_AMOUNT,SP_L1_COL_CONTRACT,"HT20260007",SP_L1_COL_TYPE,${ret})` });
  draft.put({ row: 1, col: 4 }, { formula: `SUMPRODUCT(MAX((SP_L1_COL_CONTRACT="HT20260007")*(SP_L1_COL_TYPE=${ship})*SP_L1_COL_DATE))` });
  if (source) {
    draft.put({ row: 0, col: 3 }, { formula: `ROWS(${source})` });
    draft.put({ row: 1, col: 3 }, { formula: `COUNTIF(${source},"HT20260007")` });
    // Zero until the user's edits below add a contract and its shipment.
    draft.put({ row: 2, col: 3 }, { formula: `COUNTIF(${source},"${NEW_CONTRACT}")` });
    draft.put({ row: 2, col: 4 }, { formula: `SUMIFS(SP_L1_COL_AMOUNT,SP_L1_COL_CONTRACT,"${NEW_CONTRACT}",SP_L1_COL_TYPE,${ship})` });
  }
  return finishProbe(draft, rows + 2);
}

function buildCase(locale: Locale, withRegister: boolean): Case {
  const rows = ledgerRows(400, CONTRACTS, 2026, locale);
  const specs = buildTemplates(
    [
      // Asked before the register: the ledger is built after it all the same.
      { template: "ledger", options: { rows, blankRows: 5 } },
      ...(withRegister ? [{ template: "contracts", options: { rows: contractRows(CONTRACTS, 2026), statsYear: 2026 } } as const] : []),
    ],
    { locale, existing: NO_NAMES },
  );
  const ledger = specs.find((s) => s.record.template === "ledger")!;
  const column = tableByRole(ledger, "ledger").columns.find((c) => c.key === "contract")!;
  const rule = column.validation?.rule;
  const source = rule?.kind === "tableColumn" ? listSource(ledger, rule) : undefined;
  return { locale, rows, specs, ledger, probe: probeSheet(ledger, rows.length, source) };
}

const cases: Case[] = [buildCase("zh-CN", true), buildCase("en-US", false)];
let savedSheets: string[] = [];
let savedWorkbook = "";
/** The probe sheet's values after LibreOffice inserted a register row, typed a contract there and its shipment in the ledger. */
let afterEdits: Record<string, { v: unknown }> = {};
/** The register's sheet after the same edits. */
let registerAfterEdits: Record<string, { v: unknown }> = {};
/** The ledger's and the register's sheets after the user then sorted the ledger, deleted rows and inserted one. */
let reordered: { ledger: Record<string, { v: unknown }>; register: Record<string, { v: unknown }> } = { ledger: {}, register: {} };
/** The event typed into the row inserted in the sorted ledger. */
const INSERTED = { contract: "HT20260007", type: "发货", amount: 77 };

/**
 * Typed into the ledger's blank rows after the edits above: a shipment of HT20260007 entered late (dated
 * before its latest, which must stay the latest) and an invoice of HT20260008 dated after all of its events.
 */
const [SHIP, , INVOICE] = templateStrings("zh-CN").ledger.types;
const FIRST_ROWS = ledgerRows(400, CONTRACTS, 2026, "zh-CN");
const latestOf = (contract: string, type: string) => Math.max(...FIRST_ROWS.filter((r) => r.contract === contract && r.type === type).map((r) => Number(r.date)));
const LATE_EVENTS = [
  { date: latestOf("HT20260007", SHIP) - 1, contract: "HT20260007", type: SHIP, amount: 10 },
  { date: latestOf("HT20260008", INVOICE) + 1, contract: "HT20260008", type: INVOICE, amount: 20 },
];
/** A contract the first rows ship nothing for: a shipment dated 0 (pasted past the date check) is none either. */
const UNSHIPPED = contractRows(CONTRACTS, 2026).map((r) => String(r.id)).find((id) => !FIRST_ROWS.some((r) => r.contract === id && r.type === SHIP))!;
/**
 * In the ledger's last row, an invoice of HT20260012 dated after every event; over its 合同编号倒序 cell — the
 * column's first, that row upside down — a value pasted from elsewhere naming HT20260011.
 */
const PASTED = { date: latestOf("HT20260011", INVOICE) + 30, contract: "HT20260012", type: INVOICE, amount: 30, stale: "HT20260011" };

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), "sp-ledger-"));
  const files = await Promise.all(
    cases.map(async (c, i) => {
      const file = join(dir, `ledger-${i}.xlsx`);
      writeFileSync(file, await writeXlsx([...c.specs, c.probe]));
      return file;
    }),
  );
  const books = await recalcXlsx(files);
  cases.forEach((c, i) => (c.book = books[i]));
  // The same file saved by LibreOffice, to see the drop-down it read.
  const [saved] = convertWithLibreOffice([files[0]], "xlsx:Calc MS Excel 2007 XML", join(dir, "saved"));
  const pkg = await XlsxPackage.load(readFileSync(saved));
  savedSheets = await Promise.all((await pkg.sheets()).map(async (s) => (s.path ? ((await pkg.text(s.path)) ?? "") : "")));
  savedWorkbook = await pkg.workbookXml();

  const [withRegister] = cases;
  const register = withRegister.specs.find((s) => s.record.template === "contracts" && s.record.role === "main")!;
  const contracts = tableByRole(register, "contracts");
  const ledger = tableByRole(withRegister.ledger, "ledger");
  const blankRow = tableCell(ledger, withRegister.rows.length, "contract").row;
  const lastRow = tableCell(ledger, ledger.rows.length - 1, "contract").row;
  const mirrorTop = tableCell(ledger, 0, "newestFirst");
  const inserted = contracts.origin.row + 2; // inside the register's body, as a user inserts a row
  const ops = [
    { op: "insertRows", sheet: register.name, at: inserted, count: 1 },
    { op: "set", sheet: register.name, cells: [[inserted, 0, NEW_CONTRACT]] },
    { op: "set", sheet: withRegister.ledger.name, cells: [[blankRow, 1, NEW_CONTRACT], [blankRow, 2, templateStrings("zh-CN").ledger.types[0]], [blankRow, 6, 1234.5]] },
    { op: "set", sheet: withRegister.ledger.name, cells: LATE_EVENTS.flatMap((e, i) => [[blankRow + 1 + i, 0, e.date], [blankRow + 1 + i, 1, e.contract], [blankRow + 1 + i, 2, e.type], [blankRow + 1 + i, 6, e.amount]]) },
    { op: "set", sheet: withRegister.ledger.name, cells: [[blankRow + 3, 0, 0], [blankRow + 3, 1, UNSHIPPED], [blankRow + 3, 2, SHIP], [blankRow + 3, 6, 40]] },
    {
      op: "set",
      sheet: withRegister.ledger.name,
      cells: [[lastRow, 0, PASTED.date], [lastRow, 1, PASTED.contract], [lastRow, 2, PASTED.type], [lastRow, 6, PASTED.amount], [mirrorTop.row, mirrorTop.col, PASTED.stale]],
    },
    { op: "recalc" },
    { op: "export", label: "after" },
    // Then the pasted value is undone (its formula filled back, as Excel's calculated column restores it), and the
    // ledger reordered as a user does: sorted by 金额 (its typed columns), two rows deleted, one inserted and typed.
    { op: "fillDown", sheet: withRegister.ledger.name, from: mirrorTop.row + 1, rows: [mirrorTop.row], cols: [mirrorTop.col, mirrorTop.col] },
    { op: "sort", sheet: withRegister.ledger.name, range: [ledger.origin.row, ledger.origin.col, lastRow, ledger.origin.col + 11], column: 6, descending: true },
    { op: "deleteRows", sheet: withRegister.ledger.name, at: ledger.origin.row + 5, count: 2 },
    { op: "insertRows", sheet: withRegister.ledger.name, at: ledger.origin.row + 20, count: 1 },
    { op: "fillDown", sheet: withRegister.ledger.name, from: ledger.origin.row + 19, rows: [ledger.origin.row + 20], cols: [ledger.origin.col, ledger.origin.col + ledger.columns.length - 1] },
    {
      op: "set",
      sheet: withRegister.ledger.name,
      cells: [
        ...[[0, todaySerial() - 1], [1, INSERTED.contract], [2, INSERTED.type], [6, INSERTED.amount]].map(([col, value]) => [ledger.origin.row + 20, col, value]),
        ...[3, 4, 5, 7, 8, 9, 10, 11].map((col) => [ledger.origin.row + 20, col, null]),
      ],
    },
    { op: "recalc" },
    { op: "export", label: "reordered" },
  ];
  writeFileSync(join(dir, "plan.json"), JSON.stringify({ workbooks: [{ file: files[0], ops }] }));
  execFileSync(PYTHON, [SCRIPT, join(dir, "plan.json"), join(dir, "result.json")], { stdio: "pipe", timeout: 240_000 });
  const result = JSON.parse(readFileSync(join(dir, "result.json"), "utf8")) as { workbooks: { exports: Record<string, { sheets: Record<string, Record<string, { v: unknown }>> }> }[] };
  afterEdits = result.workbooks[0].exports.after.sheets.probe;
  registerAfterEdits = result.workbooks[0].exports.after.sheets[register.name];
  const sheets = result.workbooks[0].exports.reordered.sheets;
  reordered = { ledger: sheets[withRegister.ledger.name], register: sheets[register.name] };
}, 300_000);

const TO_DATE_KEYS = ["shippedToDate", "invoicedToDate", "paidToDate", "lastShipment", "lastInvoice", "previous"] as const;

/** Row `k`'s figures to date, done here: its contract's rows down to it, in the ledger's order, and the one before it (1-based, 0 for none). */
function toDateRow(rows: readonly TableRow[], k: number, locale: Locale): (number | null)[] {
  const [ship, ret, invoice, payment] = templateStrings(locale).ledger.types;
  const contract = String(rows[k].contract);
  const own = rows.slice(0, k + 1).flatMap((r, i): (TableRow & { i: number })[] => (String(r.contract) === contract ? [{ ...r, i }] : []));
  const sum = (type: string) => Math.round(own.filter((r) => r.type === type).reduce((total, r) => total + Number(r.amount ?? 0), 0) * 100) / 100;
  const latest = (type: string) => Math.max(0, ...own.filter((r) => r.type === type && typeof r.date === "number").map((r) => r.date as number)) || null;
  const previous = own.length > 1 ? own[own.length - 2].i + 1 : 0;
  return [Math.round((sum(ship) - sum(ret)) * 100) / 100, sum(invoice), sum(payment), latest(ship), latest(invoice), previous];
}

const blank = (v: unknown): boolean => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** The reviewer rule, here: a recorded event (date, contract, type or amount) without a second person. */
const needsReview = (r: TableRow): boolean =>
  [r.date, r.contract, r.type, r.amount].some((v) => !blank(v)) && (blank(r.reviewer) || String(r.reviewer).trim() === String(r.handler ?? "").trim());

/** The amount rule, here: an event without an amount, or one that differs from quantity × unit price. */
const amountOff = (r: TableRow): boolean =>
  !blank(r.type) &&
  (blank(r.amount) || (typeof r.quantity === "number" && typeof r.price === "number" && Math.round((r.quantity * r.price - Number(r.amount)) * 100) !== 0));

describe.each(cases.map((c) => [c.locale, c] as const))("contract ledger recalculated by LibreOffice (%s)", (_locale, c) => {
  const book = (): ComputedWorkbook => c.book as ComputedWorkbook;
  const probe = (row: number, col: number) => read(book(), c.probe, { row, col });

  test("no error value anywhere", () => {
    expect(errorCells(book())).toEqual([]);
  });

  test("the reviewer rule flags exactly the events without a second person", () => {
    const expected = c.rows.map((r) => (needsReview(r) ? 1 : 0));
    expect(c.rows.map((_, i) => probe(i, 0))).toEqual(expected);
    expect(expected).toContain(1);
    expect(expected).toContain(0);
  });

  test("the amount rule flags exactly the amounts that differ from quantity × unit price", () => {
    const expected = c.rows.map((r) => (amountOff(r) ? 1 : 0));
    expect(c.rows.map((_, i) => probe(i, 1))).toEqual(expected);
    expect(expected).toContain(1);
    expect(expected).toContain(0);
  });

  test("the named columns and type words give what the register will read: net shipped and the last shipment of a contract", () => {
    const [ship, ret] = templateStrings(c.locale).ledger.types;
    const of = c.rows.filter((r) => r.contract === "HT20260007");
    const sum = (type: string) => of.filter((r) => r.type === type).reduce((s, r) => s + Number(r.amount ?? 0), 0);
    expect(probe(0, 4)).toBeCloseTo(sum(ship) - sum(ret), 2);
    expect(sum(ship)).toBeGreaterThan(0);
    expect(probe(1, 4)).toBe(Math.max(...of.filter((r) => r.type === ship).map((r) => Number(r.date))));
  });

  test("合同编号倒序 holds the ledger upside down: row k the contract of the k-th row from the end", () => {
    const table = tableByRole(c.ledger, "ledger");
    const all = [...c.rows, ...Array.from({ length: table.rows.length - c.rows.length }, (): TableRow => ({}))];
    const expected = all.map((_, k) => all[all.length - 1 - k].contract ?? null);
    expect(all.map((_, k) => read(book(), c.ledger, tableCell(table, k, "newestFirst")))).toEqual(expected);
    expect(expected[0]).toBeNull(); // the blank rows for new events come last
  });

  test("each row holds its contract's figures down to it: net shipped, invoiced, paid, the latest shipment and invoice, and its previous row", () => {
    const table = tableByRole(c.ledger, "ledger");
    const at = (k: number, key: string) => read(book(), c.ledger, tableCell(table, k, key));
    expect(c.rows.map((_, k) => TO_DATE_KEYS.map((key) => at(k, key)))).toEqual(c.rows.map((_, k) => toDateRow(c.rows, k, c.locale)));
    expect(TO_DATE_KEYS.map((key) => at(c.rows.length, key))).toEqual(TO_DATE_KEYS.map(() => null)); // a blank row holds nothing
  });

  test("the totals row sums every amount", () => {
    const table = tableByRole(c.ledger, "ledger");
    const total = read(book(), c.ledger, tableCell(table, table.rows.length, "amount"));
    const expected = c.rows.reduce((sum, r) => sum + Number(r.amount ?? 0), 0);
    expect(total).toBeCloseTo(expected, 2);
  });
});

test("with a register, the drop-down lists its 合同编号 column and LibreOffice resolves it", () => {
  const [withRegister] = cases;
  const probe = (row: number) => read(withRegister.book as ComputedWorkbook, withRegister.probe, { row, col: 3 });
  // The register's whole body: its filled rows and the blank rows left for new contracts.
  expect(probe(0)).toBe(CONTRACTS + TEMPLATES.contracts.blankRows.initial);
  expect(probe(1)).toBe(1);
  const ledgerAt = withRegister.specs.indexOf(withRegister.ledger);
  // The drop-down lists a name of the register's column, which LibreOffice kept as it read it.
  expect(savedSheets[ledgerAt]).toMatch(/<dataValidation [^>]*type="list"[^>]*>\s*<formula1>SP_L1_LIST_1<\/formula1>/);
  expect(savedWorkbook).toMatch(/<definedName [^>]*name="SP_L1_LIST_1"[^>]*>SP_K1_Contracts\[\[合同编号\]\]<\/definedName>/);
});

test("the drop-down and the named columns follow a contract typed into a row inserted in the register, and its shipment", () => {
  expect(afterEdits.D1?.v).toBe(CONTRACTS + TEMPLATES.contracts.blankRows.initial + 1);
  expect(afterEdits.D3?.v).toBe(1);
  expect(afterEdits.E3?.v).toBe(1234.5);
});

test("the register's latest dates follow events typed into the ledger — a late entry, one dated 0, a key pasted over 合同编号倒序 — as the rules done in TypeScript", () => {
  const [withRegister] = cases;
  const register = withRegister.specs.find((s) => s.record.template === "contracts" && s.record.role === "main")!;
  const contracts = tableByRole(register, "contracts");
  const pasted = { date: PASTED.date, contract: PASTED.contract, type: PASTED.type, amount: PASTED.amount };
  const ledger = [...withRegister.rows, { contract: NEW_CONTRACT, type: SHIP, amount: 1234.5 }, ...LATE_EVENTS, { date: 0, contract: UNSHIPPED, type: SHIP, amount: 40 }, pasted];
  // The row LibreOffice inserted moved every contract after the first down by one.
  const at = (i: number, key: string) => {
    const v = registerAfterEdits[a1({ ...tableCell(contracts, i, key), row: tableCell(contracts, i, key).row + (i >= 1 ? 1 : 0) })]?.v;
    return v === undefined || v === "" ? null : v;
  };
  const unshipped = contracts.rows.findIndex((r) => r.id === UNSHIPPED);
  for (const [i, id] of [[6, "HT20260007"], [7, "HT20260008"], [10, "HT20260011"], [11, "HT20260012"], [unshipped, UNSHIPPED]] as const) {
    expect(at(i, "id")).toBe(id);
    const expected = contractFigures(contracts.rows[i], ledger, "zh-CN", todaySerial());
    expect([id, at(i, "lastShipment"), at(i, "lastInvoice")]).toEqual([id, expected.lastShipment, expected.lastInvoice]);
  }
  expect(at(6, "lastShipment")).toBe(latestOf("HT20260007", SHIP));
  expect(at(7, "lastInvoice")).toBe(LATE_EVENTS[1].date);
  expect(at(10, "lastInvoice")).not.toBe(PASTED.date); // not the date of the row the pasted key points at
  expect(at(unshipped, "lastShipment")).toBe(contracts.rows[unshipped].lastShipped ?? null); // the 0 is no shipment
});

test("the register's figures follow the ledger sorted by 金额, rows deleted and a row inserted, as the rules done in TypeScript over the rows left", () => {
  const [withRegister] = cases;
  const register = withRegister.specs.find((s) => s.record.template === "contracts" && s.record.role === "main")!;
  const contracts = tableByRole(register, "contracts");
  const table = tableByRole(withRegister.ledger, "ledger");
  // The ledger as LibreOffice holds it now: one row fewer than written (two deleted, one inserted).
  const cell = (k: number, key: string): TableRow[string] => {
    const v = reordered.ledger[a1(tableCell(table, k, key))]?.v as TableRow[string];
    return v === undefined || v === "" ? null : v;
  };
  const rows = Array.from({ length: table.rows.length - 1 }, (_, k): TableRow => ({ date: cell(k, "date"), contract: cell(k, "contract"), type: cell(k, "type"), amount: cell(k, "amount") }));
  expect(rows.filter((r) => r.contract === INSERTED.contract && r.amount === INSERTED.amount)).toHaveLength(1);
  const events = rows.filter((r) => r.contract !== null);
  expect(events.length).toBeGreaterThan(400);
  rows.forEach((r, k) => {
    const cents = (v: TableRow[string]) => (typeof v === "number" ? Math.round(v * 100) / 100 : v);
    if (r.contract !== null) expect([k, ...TO_DATE_KEYS.map((key) => cents(cell(k, key)))]).toEqual([k, ...toDateRow(rows, k, "zh-CN")]);
  });
  const at = (i: number, key: string) => {
    const v = reordered.register[a1({ ...tableCell(contracts, i, key), row: tableCell(contracts, i, key).row + (i >= 1 ? 1 : 0) })]?.v;
    return typeof v === "number" ? Math.round(v * 100) / 100 : v === undefined || v === "" ? null : v;
  };
  const keys = ["shippedTotal", "lastShipment", "invoicedTotal", "lastInvoice", "paidTotal"] as const;
  for (let i = 0; i < CONTRACTS; i++) {
    const expected = contractFigures(contracts.rows[i], events, "zh-CN", todaySerial());
    const round = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);
    expect([at(i, "id"), ...keys.map((key) => at(i, key))]).toEqual([contracts.rows[i].id, ...keys.map((key) => round(expected[key] as number | null))]);
  }
});

test("without a register, 合同编号 is plain text", () => {
  const column = tableByRole(cases[1].ledger, "ledger").columns.find((c) => c.key === "contract")!;
  expect(column.validation).toBeUndefined();
  expect(a1(tableCell(tableByRole(cases[1].ledger, "ledger"), 0, "contract"))).toBe("B7");
});
