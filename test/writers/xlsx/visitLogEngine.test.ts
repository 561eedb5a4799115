/**
 * The visit log (issue 12, item 1) written by the xlsx writer beside a customer register and
 * recalculated by LibreOffice: every 客户名称 and 新/老客户 equals what TypeScript computes from the rows, and a
 * late entry and a visit without a date are counted and highlighted (the date rule's expression copied, row
 * by row, into a probe sheet). The register lists each customer's first row in the log, which 新/老客户 reads
 * through the log's 在客户资源登记表中的行; LibreOffice (Python-UNO) then sorts the register, pastes a stale first
 * row over one customer's and logs a visit above all others, and every name and 新/老 still equals TypeScript's.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Locale } from "../../../src/contract/locale";
import { buildCustomerRegister } from "../../../src/templates/customerRegister";
import { buildVisitLog } from "../../../src/templates/visitLog";
import { templateStrings } from "../../../src/templates/strings";
import { NO_NAMES, withSpecs } from "../../../src/spec/naming";
import type { SheetSpec, TableRow } from "../../../src/spec/sheetSpec";
import { writeXlsx } from "../../../src/writers/xlsx";
import { customerRows } from "../../fixtures/customers";
import { visitLogModel, visitRows } from "../../fixtures/visits";
import { listedColumns } from "../../support/dropDowns";
import { errorCells, recalcXlsx, type ComputedWorkbook } from "../../support/libreoffice";
import { namedCell, read, readColumn, tableByRole, tableCell } from "../../support/specCells";
import { typeCells } from "../../support/xlsxEdit";
import { a1 } from "../../../src/spec/a1";
import { SheetDraft } from "../../../src/templates/draft";
import { finishProbe, ruleAt } from "../../support/probeSheet";
import { repoRoot } from "../../support/paths";

jest.setTimeout(300_000);

interface Case {
  readonly label: string;
  readonly logLocale: Locale;
  readonly customers: readonly TableRow[];
  readonly visits: readonly TableRow[];
  readonly specs: readonly SheetSpec[];
  readonly log: SheetSpec;
  book?: ComputedWorkbook;
}

/** A register in `registerLocale`, then a log in `logLocale` that finds it through the names the register's table has. */
function buildCase(label: string, registerLocale: Locale, logLocale: Locale, customers: number, visits: number, order: "sorted" | "reversed" = "sorted"): Case {
  const rows = customerRows(customers, registerLocale);
  // IDs out of order: the name lookup's binary search misses and its exact MATCH must find them.
  const customerData = order === "sorted" ? rows : [...rows].reverse();
  const visitData = visitRows(visits, customers + 5, logLocale);
  // Written with the log (as one request would), so the register lists each customer's first row in it.
  const register = buildCustomerRegister({ rows: customerData, blankRows: 2 }, { locale: registerLocale, existing: NO_NAMES, requested: ["customers", "visits"] });
  const [log] = buildVisitLog({ rows: visitData, blankRows: 3 }, { locale: logLocale, existing: withSpecs(NO_NAMES, register) });
  return { label, logLocale, customers: customerData, visits: visitData, specs: [...register, log], log };
}

const cases: Case[] = [
  buildCase("zh-CN register and log", "zh-CN", "zh-CN", 300, 3000),
  buildCase("en-US log over a zh-CN register", "zh-CN", "en-US", 40, 400),
  buildCase("a register whose IDs are not in order", "zh-CN", "zh-CN", 60, 500, "reversed"),
];
const files: string[] = [];
/** Case 0 after the user registered a customer in the register's first blank row and logged a contact with it. */
let added: ComputedWorkbook;
const NEW_ID = "KH99999";
const NEW_NAME = "新登记客户有限公司";

/**
 * In column A, the log's date rule for its last two written rows, its three blank rows (typed into below) and the
 * row under the table (`PROBED[i]` is body row `first + i`); in column B, its rule marking an ID the register
 * does not list, for its first `idRows` rows.
 */
const PROBED = { first: cases[0].visits.length - 2, rows: 6, idRows: 80 };
const probe = ((): SheetSpec => {
  const draft = new SheetDraft();
  const ruleOf = (key: string) => {
    const header = tableByRole(cases[0].log, "visits").columns.find((c) => c.key === key)?.header;
    const [rule] = cases[0].log.conditionalFormats
      .filter((f) => f.target.kind === "tableColumn" && f.target.column === header && f.rule.kind === "expression")
      .map((f) => (f.rule.kind === "expression" ? f.rule.formula : ""));
    return rule;
  };
  const [dateRule, idRule] = [ruleOf("date"), ruleOf("customerId")];
  for (let i = 0; i < PROBED.rows; i++) draft.put({ row: i, col: 0 }, { formula: ruleAt(dateRule, cases[0].log.name, PROBED.first + i) });
  for (let i = 0; i < PROBED.idRows; i++) draft.put({ row: i, col: 1 }, { formula: ruleAt(idRule, cases[0].log.name, i) });
  return finishProbe(draft, PROBED.idRows + 2);
})();

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), "sp-visits-"));
  for (const [i, c] of cases.entries()) {
    const file = join(dir, `visits-${i}.xlsx`);
    writeFileSync(file, await writeXlsx(c.specs));
    files.push(file);
  }
  const [register] = cases[0].specs;
  const registerTable = tableByRole(register, "customers");
  const logTable = tableByRole(cases[0].log, "visits");
  let edited = await typeCells(await writeXlsx([...cases[0].specs, probe]), register.name, {
    [a1(tableCell(registerTable, cases[0].customers.length, "id"))]: NEW_ID,
    [a1(tableCell(registerTable, cases[0].customers.length, "name"))]: NEW_NAME,
  });
  // Logged late: dated on the log's first day, below rows of later days.
  edited = await typeCells(edited, cases[0].log.name, {
    [a1(tableCell(logTable, cases[0].visits.length, "customerId"))]: NEW_ID,
    [a1(tableCell(logTable, cases[0].visits.length, "date"))]: cases[0].visits[0].date as number,
    // A visit typed without its date.
    [a1(tableCell(logTable, cases[0].visits.length + 1, "customerId"))]: NEW_ID,
    // And one whose date is text (typed into a cell formatted as text): no date to the log's formulas either.
    [a1(tableCell(logTable, cases[0].visits.length + 2, "customerId"))]: NEW_ID,
    [a1(tableCell(logTable, cases[0].visits.length + 2, "date"))]: "10月9日",
  });
  const addedFile = join(dir, "visits-added.xlsx");
  writeFileSync(addedFile, edited);
  const fastFile = join(dir, "visits-register-only.xlsx");
  writeFileSync(fastFile, await writeXlsx(withoutSearch(cases[0])));
  const books = await recalcXlsx([...files, addedFile, fastFile]);
  cases.forEach((c, i) => (c.book = books[i]));
  added = books[cases.length];
  registerOnly = books[cases.length + 1];
  userEdited = editInLibreOffice(dir, files[0]);
}, 300_000);

/** Case 0 with the search of the log's register rows (新/老客户's fallback) replaced by "X" (`withoutSearch`). */
let registerOnly: ComputedWorkbook;

/**
 * Case 0's sheets with 新/老客户 deciding by the register's first rows alone: where the formula would search the
 * log's register rows, it says "X". So the register's way is seen to decide every listed customer's rows, not the search.
 */
function withoutSearch(c: Case): SheetSpec[] {
  const log = tableByRole(c.log, "visits");
  const cell = (key: string) => `${log.name}[[#This Row],[${log.columns.find((col) => col.key === key)?.header}]]`;
  const search = `IF(MATCH(${cell("registerRow")},SP_V1_COL_REGISTER_ROW,0)=ROWS(INDEX(SP_V1_COL_CUSTOMER,1):${cell("customerId")}),"新","老")`;
  return c.specs.map((sheet) =>
    sheet !== c.log
      ? sheet
      : {
          ...sheet,
          tables: sheet.tables.map((t) => ({
            ...t,
            columns: t.columns.map((col) => {
              if (col.key !== "newOld") return col;
              if (!col.formula?.includes(search)) throw new Error("新/老客户 no longer searches the log as this test expects");
              return { ...col, formula: col.formula.replace(search, '"X"') };
            }),
          })),
        },
  );
}

/** Case 0 after the edits of `EDITS`, as LibreOffice shows it: each sheet's cells by A1 address. */
let userEdited: { register: Record<string, { v: unknown }>; log: Record<string, { v: unknown }> };

/**
 * The user's edits of case 0, in LibreOffice: first a value pasted over the first-row cell of `stale`'s register
 * row — the position of `other`'s first row, a customer logged before it — and `cleared`'s first-row cell emptied
 * (as a register row LibreOffice inserts, without the column's formula); then the register sorted by name, last
 * first (its IDs no longer in order); and last a visit of `early` logged on the log's first day, in a row inserted
 * above all others, so that its first row moves up and every position in the log moves down by one (the pasted
 * value then names the row above `other`'s first, still not a row of `stale`).
 */
const EDITS = (() => {
  const c = cases[0];
  const firstIndex = (id: unknown) => c.visits.findIndex((v) => v.customerId === id);
  const listed = c.customers.map((r) => r.id).filter((id) => firstIndex(id) >= 0);
  const byFirst = [...listed].sort((a, b) => firstIndex(a) - firstIndex(b));
  return {
    stale: byFirst.at(-1) as string,
    other: byFirst[1] as string,
    otherFirst: firstIndex(byFirst[1]) + 1,
    cleared: byFirst[Math.floor(byFirst.length / 3)] as string,
    early: byFirst[Math.floor(byFirst.length / 2)] as string,
  };
})();

function editInLibreOffice(dir: string, file: string): typeof userEdited {
  const c = cases[0];
  const [register] = c.specs;
  const registerTable = tableByRole(register, "customers");
  const logTable = tableByRole(c.log, "visits");
  const staleAt = tableCell(registerTable, c.customers.findIndex((r) => r.id === EDITS.stale), "firstVisitRow");
  const clearedAt = tableCell(registerTable, c.customers.findIndex((r) => r.id === EDITS.cleared), "firstVisitRow");
  const top = tableCell(logTable, 0, "date").row;
  const last = logTable.origin.col + logTable.columns.length - 1;
  const at = (key: string) => tableCell(logTable, 0, key).col;
  const ops = [
    { op: "set", sheet: register.name, cells: [[staleAt.row, staleAt.col, EDITS.otherFirst], [clearedAt.row, clearedAt.col, null]] },
    {
      op: "sort",
      sheet: register.name,
      range: [registerTable.origin.row, registerTable.origin.col, registerTable.origin.row + registerTable.rows.length, registerTable.origin.col + registerTable.columns.length - 1],
      column: registerTable.columns.findIndex((col) => col.key === "name"),
      descending: true,
    },
    { op: "insertRows", sheet: c.log.name, at: top, count: 1 },
    { op: "fillDown", sheet: c.log.name, from: top + 1, rows: [top], cols: [logTable.origin.col, last] },
    {
      op: "set",
      sheet: c.log.name,
      cells: [
        ...logTable.columns.flatMap((col, i): [number, number, number | string | null][] => (col.formula === undefined ? [[top, logTable.origin.col + i, null]] : [])),
        [top, at("date"), c.visits[0].date as number],
        [top, at("customerId"), EDITS.early],
      ],
    },
    { op: "recalc" },
    { op: "export", label: "after" },
  ];
  writeFileSync(join(dir, "plan.json"), JSON.stringify({ workbooks: [{ file, ops }] }));
  execFileSync("/usr/bin/python3", [join(repoRoot, "test/support/libreofficeEdit.py"), join(dir, "plan.json"), join(dir, "result.json")], { stdio: "pipe", timeout: 240_000 });
  const result = JSON.parse(readFileSync(join(dir, "result.json"), "utf8")) as { workbooks: { exports: Record<string, { sheets: Record<string, Record<string, { v: unknown }>> }> }[] };
  const { sheets } = result.workbooks[0].exports.after;
  return { register: sheets[register.name], log: sheets[c.log.name] };
}

/** What the log's formulas must give (`visitLogModel`), over its rows and the 3 blank rows after them. */
const expected = (c: Case) => visitLogModel(c.customers, [...c.visits, {}, {}, {}], c.logLocale);

describe.each(cases.map((c) => [c.label, c] as const))("visit log recalculated by LibreOffice (%s)", (_label, c) => {
  test("no error value anywhere", () => {
    expect(errorCells(c.book as ComputedWorkbook)).toEqual([]);
  });

  test("客户名称 is the register's name for the ID, blank for a blank or unlisted ID", () => {
    const table = tableByRole(c.log, "visits");
    const want = expected(c);
    expect(readColumn(c.book as ComputedWorkbook, c.log, table, "customerName")).toEqual(want.name);
    expect(want.name.filter((n) => n === null).length).toBeGreaterThan(0);
  });

  test("新/老客户 is new on the first row of each ID, blank without an ID or for an ID the register does not list", () => {
    const table = tableByRole(c.log, "visits");
    const want = expected(c);
    expect(readColumn(c.book as ComputedWorkbook, c.log, table, "newOld")).toEqual(want.newOld);
    expect(new Set(want.newOld)).toEqual(new Set([...templateStrings(c.logLocale).visits.newOld, null]));
    expect(c.visits.filter((v, i) => typeof v.customerId === "string" && want.newOld[i] === null).length).toBe(unlistedVisits(c).length);
  });

  test("the cell named SP_V1_UNLISTED_IDS counts the rows whose ID the register does not list", () => {
    expect(unlistedVisits(c).length).toBeGreaterThan(0);
    expect(read(c.book as ComputedWorkbook, c.log, namedCell(c.log, "SP_V1_UNLISTED_IDS"))).toBe(unlistedVisits(c).length);
    // Case 0 after a customer was registered and logged three times: those rows are listed, the count stays.
    if (c === cases[0]) expect(read(added, c.log, namedCell(c.log, "SP_V1_UNLISTED_IDS"))).toBe(unlistedVisits(c).length);
  });
});

/** The visits of `c` whose ID its register does not list. */
const unlistedVisits = (c: Case) => c.visits.filter((v) => typeof v.customerId === "string" && !c.customers.some((r) => r.id === v.customerId));

test("an ID the register does not list is highlighted, and a blank ID or a listed one is not", () => {
  const want = cases[0].visits.slice(0, PROBED.idRows).map((v) => (unlistedVisits(cases[0]).includes(v) ? 1 : 0));
  expect(Array.from({ length: PROBED.idRows }, (_, i) => read(added, probe, { row: i, col: 1 }))).toEqual(want);
  expect(want).toContain(1);
  expect(cases[0].visits.slice(0, PROBED.idRows).some((v) => v.customerId === null)).toBe(true);
});

test("a customer registered in the register's table is looked up and new on its first logged contact", () => {
  const c = cases[0];
  const table = tableByRole(c.log, "visits");
  expect(errorCells(added)).toEqual([]);
  expect(read(added, c.log, tableCell(table, c.visits.length, "customerName"))).toBe(NEW_NAME);
  expect(read(added, c.log, tableCell(table, c.visits.length, "newOld"))).toBe("新");
});

test("the register lists each customer's first row in the log, blank in a blank row; the log each visit's register row", () => {
  const c = cases[0];
  const register = tableByRole(c.specs[0], "customers");
  const log = tableByRole(c.log, "visits");
  const book = c.book as ComputedWorkbook;
  const first = [...c.customers, {}, {}].map((r) => {
    const i = r.id === undefined ? -1 : c.visits.findIndex((v) => v.customerId === r.id);
    return i < 0 ? null : i + 1;
  });
  expect(readColumn(book, c.specs[0], register, "firstVisitRow")).toEqual(first);
  expect(first.at(-1)).toBeNull();
  const row = [...c.visits, {}, {}, {}].map((v) => {
    const i = c.customers.findIndex((r) => r.id === v.customerId);
    return i < 0 ? null : i + 1;
  });
  expect(readColumn(book, c.log, log, "registerRow")).toEqual(row);
});

test("the register's first rows decide 新/老客户 for every customer it lists, without the search of the log's register rows", () => {
  const c = cases[0];
  const want = expected(c).newOld;
  expect(readColumn(registerOnly, c.log, tableByRole(c.log, "visits"), "newOld")).toEqual(want);
  expect(want.filter((v) => v === "新").length).toBeGreaterThan(100);
});

test("after the register is sorted, first rows are pasted over and emptied, and a visit is logged above all others, every name and 新/老 follows", () => {
  const c = cases[0];
  const logTable = tableByRole(c.log, "visits");
  const rows = [{ date: c.visits[0].date, customerId: EDITS.early }, ...c.visits, {}, {}, {}];
  const cell = (sheet: Record<string, { v: unknown }>, row: number, col: number) => {
    const v = sheet[a1({ row, col })]?.v;
    return v === "" || v === undefined ? null : v;
  };
  const column = (key: string) => rows.map((_, i) => cell(userEdited.log, tableCell(logTable, i, key).row, tableCell(logTable, i, key).col));
  const want = visitLogModel(c.customers, rows, c.logLocale);
  expect(column("customerName")).toEqual(want.name);
  expect(column("newOld")).toEqual(want.newOld);
  // The edits did what they are for: the early customer's old first row is now existing; the stale value
  // names a row of another customer; and each register row read holds the visit's ID.
  const oldFirst = rows.findIndex((r, i) => i > 0 && r.customerId === EDITS.early);
  expect(want.newOld[0]).toBe("新");
  expect(want.newOld[oldFirst]).toBe("老");
  expect(rows[EDITS.otherFirst - 1]?.customerId).not.toBe(EDITS.stale);
  expect(want.newOld[rows.findIndex((r) => r.customerId === EDITS.cleared)]).toBe("新");
  const register = tableByRole(c.specs[0], "customers");
  const idAt = (registerRow: number) => cell(userEdited.register, register.origin.row + registerRow, register.origin.col);
  const registerRows = column("registerRow");
  rows.forEach((r, i) => expect(registerRows[i] === null ? null : idAt(registerRows[i] as number)).toBe(typeof r.customerId === "string" && c.customers.some((x) => x.id === r.customerId) ? r.customerId : null));
  expect(idAt(1)).not.toBe(c.customers[0].id);
  const staleRow = Object.entries(userEdited.register).find(([, v]) => v.v === EDITS.stale)?.[0];
  expect(staleRow).toBeDefined();
});

test("rows dated before the row above and visits without a date are counted in the cell named SP_V1_OUT_OF_ORDER and highlighted: none in a day-by-day log", () => {
  const c = cases[0];
  const at = namedCell(c.log, "SP_V1_OUT_OF_ORDER");
  expect(read(c.book as ComputedWorkbook, c.log, at)).toBe(0);
  // The late entry, the visit without a date and the one dated by text; the row under the table is none of them.
  expect(read(added, c.log, at)).toBe(3);
  expect(Array.from({ length: PROBED.rows }, (_, i) => read(added, probe, { row: i, col: 0 }))).toEqual([0, 0, 1, 1, 1, 0]);
});

test("the ID drop-down lists the register's ID column through a name, named as the register has it", async () => {
  expect(await listedColumns(await writeXlsx(cases[1].specs), cases[1].log.name)).toContain("SP_C1_Customers[[客户编号]]");
});
