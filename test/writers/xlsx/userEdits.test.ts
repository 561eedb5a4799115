/**
 * The templates' promise, checked in a real engine: formulas keep working and the `SP_*` names keep
 * pointing at the same logical cells when the user renames every sheet, inserts rows inside the
 * registers and the plans' tables, inserts rows above the plans' named cells, sorts tables and
 * changes a setting. The xlsx writer writes the workbooks; LibreOffice, driven through Python-UNO
 * (test/support/libreofficeEdit.py), opens them, makes the edits like a user, recalculates and
 * reports every cell, name and table; every figure is checked against values computed here.
 *
 * Excel fills a table's calculated columns into a row inserted inside the table; LibreOffice does
 * not, so the script copies the row above onto the new rows (as "fill down" would) and then types
 * the new row's inputs over it. The edited workbook is also saved as .xlsx, opened again and
 * recalculated, so the round trip through LibreOffice's own file is checked too.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { makeWorkCalendar, serialFromYmd, weekSplit } from "../../../src/domain/calendar";
import { abcClasses, DEFAULT_VISIT_INTERVALS } from "../../../src/domain/tiers";
import type { Locale } from "../../../src/contract/locale";
import { templateStrings } from "../../../src/templates/strings";
import { buildTemplates } from "../../../src/templates";
import { a1 } from "../../../src/spec/a1";
import { NO_NAMES } from "../../../src/spec/naming";
import type { CellValue, SheetSpec, TableRow, TableSpec } from "../../../src/spec/sheetSpec";
import { writeXlsx } from "../../../src/writers/xlsx";
import { shiftFormula } from "../../../src/writers/ooxml/workbook";
import { contractFigures, contractRows } from "../../fixtures/contracts";
import { customerRows } from "../../fixtures/customers";
import { todaySerial } from "../../fixtures/random";
import { repoRoot } from "../../support/paths";

const PYTHON = "/usr/bin/python3"; // the system Python, which has Debian's python3-uno
const SCRIPT = join(repoRoot, "test/support/libreofficeEdit.py");
const SUFFIX = " 改";
const STATS_YEAR = 2026;
const calendar = makeWorkCalendar(
  [1, 2, 3, 4, 5, 6, 7, 8].map((d) => serialFromYmd(2026, 10, d)),
  [serialFromYmd(2026, 9, 27), serialFromYmd(2026, 10, 10)],
);
const NEW_A_SHARE = 0.5; // typed into the renamed, shifted settings cell SP_C1_ABC_A after the edits
/**
 * After the round trip, on the register sorted by 年交易额 descending (0-based data rows): 年交易额 typed
 * over two customers' (a top one's to 0, another's to a new top figure), two top rows deleted, and the
 * register then sorted ascending — each a change of the value set the ABC cut-offs are found in.
 */
const CHANGES = { typed: [[1, 0], [20, 6_000_000]] as const, deleted: 3, deletedCount: 2 };

// ---- what LibreOffice reports (see the script's docstring) ----

interface CellOut {
  readonly v: number | string | null;
  readonly e?: string;
  readonly f?: string;
}
interface Snapshot {
  readonly sheets: Record<string, Record<string, CellOut>>;
  readonly names: Record<string, { content: string; sheet: string | null; cells: [number, number, unknown][] }>;
  readonly tables: Record<string, { sheet: string; range: [number, number, number, number] }>;
}
type Op = Record<string, unknown> & { op: string };

// ---- the workbooks and the edits ----

interface Case {
  readonly locale: Locale;
  readonly specs: SheetSpec[];
  readonly customers: TableRow[];
  readonly newCustomers: TableRow[];
  readonly contracts: TableRow[];
  readonly newContracts: TableRow[];
  readonly expense: number;
  /** Row insertions per ORIGINAL sheet name, in the order made: [at (0-based, at that moment), count]. */
  readonly inserts: Map<string, [number, number][]>;
  readonly ops: Op[];
  /** Edits made after the round trip, on the reloaded workbook (see `CHANGES`). */
  readonly later: Op[];
  snapshots?: Record<string, Snapshot>;
}

const spec = (c: { specs: SheetSpec[] }, template: string, role: string): SheetSpec => {
  const found = c.specs.find((s) => s.record.template === template && s.record.role === role);
  if (!found) throw new Error(`no ${template}/${role} sheet`);
  return found;
};
const table = (s: SheetSpec, role: string): TableSpec => {
  const found = s.tables.find((t) => t.role === role);
  if (!found) throw new Error(`${s.name} has no table ${role}`);
  return found;
};
const colOf = (t: TableSpec, key: string): number => {
  const i = t.columns.findIndex((c) => c.key === key);
  if (i < 0) throw new Error(`${t.name} has no column ${key}`);
  return t.origin.col + i;
};
/** Where an original row is after the insertions made on its sheet. */
const shifted = (row: number, inserts: readonly [number, number][] = []): number =>
  inserts.reduce((r, [at, count]) => (r >= at ? r + count : r), row);

/** The ops that insert `rows` inside table `t` (after its data row `index`), fill its formulas and type the inputs. */
function insertIntoTable(sheet: string, t: TableSpec, index: number, rows: readonly TableRow[], inserts: [number, number][]): Op[] {
  const at = t.origin.row + 1 + index;
  inserts.push([at, rows.length]);
  const lastCol = t.origin.col + t.columns.length - 1;
  const cells: [number, number, CellValue][] = [];
  rows.forEach((row, i) =>
    t.columns.forEach((column, j) => {
      if (column.formula) return;
      const v = row[column.key];
      cells.push([at + i, t.origin.col + j, v === undefined || (v !== null && typeof v === "object") ? null : v]);
    }),
  );
  return [
    { op: "insertRows", sheet, at, count: rows.length },
    { op: "fillDown", sheet, from: at - 1, rows: rows.map((_, i) => at + i), cols: [t.origin.col, lastCol] },
    { op: "set", sheet, cells },
  ];
}

function buildCase(locale: Locale, customerCount: number, contractCount: number): Case {
  const s = templateStrings(locale);
  const customers = customerRows(customerCount, locale);
  const contracts = contractRows(contractCount, STATS_YEAR);
  const expense = 321.5;
  const specs = buildTemplates(
    [
      {
        template: "weekly",
        options: {
          rep: "张三",
          year: 2026,
          week: 40,
          calendar,
          targets: { SALES: { target: 120000, actual: 90000, lastWeek: 110000 }, COLLECTION: { target: 80000, actual: 85000 }, VISITS: { target: 20, actual: 17 } },
          expenses: [
            { category: s.plan.expenseCategories[0], amount: 1250.5 },
            { category: s.plan.expenseCategories[1], amount: 800 },
          ],
          forecast: 130000,
        },
      },
      {
        template: "monthly",
        options: {
          rep: "张三",
          year: 2026,
          month: 10,
          calendar,
          targets: { SALES: { target: 1000003, actual: 420000 }, COLLECTION: { target: 600000 } },
          weekActuals: [100000, 0, 150000],
          expenses: [{ category: s.plan.expenseCategories[0], amount: 500 }],
          forecast: 1100000,
        },
      },
      { template: "customers", options: { rows: customers } },
      { template: "contracts", options: { rows: contracts, statsYear: STATS_YEAR } },
    ],
    { locale, existing: NO_NAMES },
  );
  const c = { specs };
  // New rows: a new top customer, one tied with an existing amount, one without an amount.
  const tieWith = customers.find((r) => typeof r.annualSales === "number" && (r.annualSales as number) > 0)?.annualSales as number;
  const newCustomers = customerRows(3, locale, 777).map((r, i) => ({
    ...r,
    id: `NEW${i + 1}`,
    name: `新增客户${i + 1}`,
    annualSales: [5_000_000, tieWith, null][i],
    lastVisit: todaySerial() - 3 - i,
  }));
  const newContracts = contractRows(3, STATS_YEAR, 99).map((r, i) => ({ ...r, id: `NEWHT${i + 1}` }));

  const inserts = new Map<string, [number, number][]>();
  const insertsOf = (sheet: SheetSpec): [number, number][] => {
    const list = inserts.get(sheet.name) ?? [];
    inserts.set(sheet.name, list);
    return list;
  };
  const renamed = (sheet: SheetSpec): string => sheet.name + SUFFIX;
  const ops: Op[] = [{ op: "recalc" }, { op: "export", label: "original" }];
  for (const sheet of specs) ops.push({ op: "rename", sheet: sheet.name, to: renamed(sheet) });

  // Plans: two rows above the named read-outs and the targets table, one expense row inside the table.
  for (const template of ["weekly", "monthly"]) {
    const plan = spec(c, template, "main");
    insertsOf(plan).push([4, 2]);
    ops.push({ op: "insertRows", sheet: renamed(plan), at: 4, count: 2 });
    const expenses = table(plan, "expenses");
    const moved = { ...expenses, origin: { ...expenses.origin, row: shifted(expenses.origin.row, insertsOf(plan)) } };
    ops.push(...insertIntoTable(renamed(plan), moved, 0, [{ category: s.plan.expenseCategories[2], amount: expense }], insertsOf(plan)));
  }
  // The weekly targets table sorted by 指标 (ascending reverses it in both languages): the read-outs look metrics up by label.
  const weekly = spec(c, "weekly", "main");
  const targets = table(weekly, "targets");
  const tr = shifted(targets.origin.row, insertsOf(weekly));
  ops.push({ op: "sort", sheet: renamed(weekly), range: [tr, targets.origin.col, tr + targets.rows.length, targets.origin.col + targets.columns.length - 1], column: 0, descending: false });

  // Customer register: three rows inserted in the middle of the data.
  const customersMain = spec(c, "customers", "main");
  const register = table(customersMain, "customers");
  ops.push(...insertIntoTable(renamed(customersMain), register, Math.floor(customerCount / 2), newCustomers, insertsOf(customersMain)));
  // Settings: two rows above the thresholds, then the A share changed in the cell SP_C1_ABC_A should now be.
  const settings = spec(c, "customers", "settings");
  insertsOf(settings).push([2, 2]);
  ops.push({ op: "insertRows", sheet: renamed(settings), at: 2, count: 2 });
  const aShareCell = settings.names.find((n) => n.name.endsWith("_ABC_A"))?.target.from;
  if (!aShareCell) throw new Error("no ABC_A name");
  ops.push({ op: "set", sheet: renamed(settings), cells: [[shifted(aShareCell.row, insertsOf(settings)), aShareCell.col, NEW_A_SHARE]] });
  // Contract register: three contracts inserted in the middle.
  const contractsMain = spec(c, "contracts", "main");
  const contractTable = table(contractsMain, "contracts");
  ops.push(...insertIntoTable(renamed(contractsMain), contractTable, Math.floor(contractCount / 2), newContracts, insertsOf(contractsMain)));

  ops.push({ op: "recalc" }, { op: "export", label: "inserted" });
  // Sort the customer register by 年交易额 descending and the contracts by 合同金额 descending (totals row excluded).
  const rr = register.origin.row;
  ops.push({ op: "sort", sheet: renamed(customersMain), range: [rr, register.origin.col, rr + register.rows.length + newCustomers.length, colOf(register, "note")], column: colOf(register, "annualSales") - register.origin.col, descending: true });
  const cr = contractTable.origin.row;
  ops.push({ op: "sort", sheet: renamed(contractsMain), range: [cr, contractTable.origin.col, cr + contractTable.rows.length + newContracts.length, colOf(contractTable, "note")], column: colOf(contractTable, "amount") - contractTable.origin.col, descending: true });
  ops.push({ op: "recalc" }, { op: "export", label: "sorted" });

  const registerSheet = renamed(customersMain);
  const dataRow = (i: number) => rr + 1 + i;
  const sales = colOf(register, "annualSales");
  const later: Op[] = [
    { op: "set", sheet: registerSheet, cells: CHANGES.typed.map(([i, v]) => [dataRow(i), sales, v]) },
    { op: "deleteRows", sheet: registerSheet, at: dataRow(CHANGES.deleted), count: CHANGES.deletedCount },
    // No recalc: what LibreOffice shows after the edits by itself, as on screen.
    { op: "export", label: "changed" },
    { op: "sort", sheet: registerSheet, range: [rr, register.origin.col, rr + register.rows.length + newCustomers.length - CHANGES.deletedCount, colOf(register, "note")], column: sales - register.origin.col, descending: false },
    { op: "recalc" },
    { op: "export", label: "resorted" },
  ];
  return { locale, specs, customers, newCustomers, contracts, newContracts, expense, inserts, ops, later };
}

const cases: Case[] = [buildCase("zh-CN", 400, 60), buildCase("en-US", 60, 24)];
let seconds = 0;

beforeAll(async () => {
  if (!existsSync(PYTHON)) throw new Error(`${PYTHON} is missing: these tests need the system Python with python3-uno (apt-get install python3-uno)`);
  const dir = mkdtempSync(join(tmpdir(), "sp-user-edits-"));
  try {
    const workbooks = [];
    for (const c of cases) {
      const file = join(dir, `templates-${c.locale}.xlsx`);
      const saved = join(dir, `edited-${c.locale}.xlsx`);
      writeFileSync(file, await writeXlsx(c.specs));
      workbooks.push({ file, ops: [...c.ops, { op: "save", path: saved }, { op: "reload", path: saved }, { op: "recalc" }, { op: "export", label: "reloaded" }, ...c.later] });
    }
    writeFileSync(join(dir, "plan.json"), JSON.stringify({ workbooks }));
    const started = Date.now();
    execFileSync(PYTHON, [SCRIPT, join(dir, "plan.json"), join(dir, "result.json")], { stdio: "pipe", timeout: 240_000 });
    seconds = (Date.now() - started) / 1000;
    const result = JSON.parse(readFileSync(join(dir, "result.json"), "utf8")) as { workbooks: { exports: Record<string, Snapshot> }[] };
    cases.forEach((c, i) => (c.snapshots = result.workbooks[i].exports));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 300_000);

afterAll(() => console.info(`LibreOffice (Python-UNO) edits, recalculations and round trip of ${cases.length} workbooks: ${seconds.toFixed(1)} s`));

// ---- reading a snapshot ----

const value = (snap: Snapshot, sheet: string, row: number, col: number): CellOut["v"] | { error: string } => {
  const cells = snap.sheets[sheet];
  if (!cells) throw new Error(`no sheet ${sheet} in LibreOffice's output (sheets: ${Object.keys(snap.sheets).join(", ")})`);
  const cell = cells[a1({ row, col })];
  if (!cell) return null;
  if (cell.e) return { error: cell.e };
  return cell.v === "" ? null : cell.v;
};
/** Every error shown anywhere, as "Sheet!A1: error (formula)". */
const errors = (snap: Snapshot): string[] =>
  Object.entries(snap.sheets).flatMap(([sheet, cells]) =>
    Object.entries(cells)
      .filter(([, c]) => c.e !== undefined || (typeof c.v === "string" && /^(#(NAME\?|VALUE!|REF!|DIV\/0!|N\/A|NUM!|NULL!)|Err:\d+)$/.test(c.v)))
      .map(([addr, c]) => `${sheet}!${addr}: ${c.e ?? c.v} (${c.f ?? "value"})`),
  );
/** A table's data rows as LibreOffice sees them now (its database range), column key → value. */
function tableRows(snap: Snapshot, t: TableSpec): Record<string, unknown>[] {
  const range = snap.tables[t.name];
  if (!range) throw new Error(`LibreOffice lost table ${t.name}`);
  const [r0, c0, r1] = range.range;
  const last = t.showTotals ? r1 - 1 : r1;
  const rows: Record<string, unknown>[] = [];
  for (let r = r0 + 1; r <= last; r++) {
    rows.push(Object.fromEntries(t.columns.map((col, j) => [col.key, value(snap, range.sheet, r, c0 + j)])));
  }
  return rows;
}
const num = (v: unknown): number => (typeof v === "number" ? v : 0);
const amounts = (rows: readonly TableRow[]): (number | null)[] => rows.map((r) => (typeof r.annualSales === "number" ? r.annualSales : null));
const originalValues = (c: Case) => amounts(c.customers);
const editedValues = (c: Case) => amounts([...c.customers, ...c.newCustomers]);
/** The settings sheet's ABC cut-offs by name: the smallest value in class A, and in A or B. */
function cutoffs(values: readonly (number | null)[], aShare?: number): Record<string, number> {
  const classes = abcClasses(values, aShare);
  const lowest = (tiers: string[]) => Math.min(...values.filter((v, i): v is number => v !== null && tiers.includes(classes[i])));
  return { SP_C1_ABC_A_CUTOFF: lowest(["A"]), SP_C1_ABC_B_CUTOFF: lowest(["A", "B"]) };
}

describe.each(cases.map((c) => [c.locale, c] as const))("user edits in LibreOffice (%s)", (_locale, c) => {
  const snap = (label: string): Snapshot => {
    const found = c.snapshots?.[label];
    if (!found) throw new Error(`no ${label} snapshot`);
    return found;
  };
  const renamed = (s: SheetSpec): string => s.name + SUFFIX;
  const edited = ["inserted", "sorted", "reloaded"];

  test("the original workbook recalculates without errors", () => {
    expect(errors(snap("original"))).toEqual([]);
  });

  test.each(edited)("no error value anywhere after the edits (%s)", (label) => {
    expect(errors(snap(label))).toEqual([]);
  });

  test.each(edited)("each ABC等级 cell still reads its own row's 年交易额 after the edits (%s)", (label) => {
    const main = spec(c, "customers", "main");
    const register = table(main, "customers");
    const { range } = snap(label).tables[register.name];
    const [r0, c0] = range;
    const at = (key: string, row: number) => a1({ row, col: c0 + register.columns.findIndex((k) => k.key === key) });
    const cells = snap(label).sheets[renamed(main)];
    const first = cells[at("abc", r0 + 1)].f ?? "";
    // The file spells the row's own cells as addresses (rowFormulas.ts); each row holds the first row's text moved to it.
    expect(first).toContain(`$${at("annualSales", r0 + 1)}`);
    const last = range[2] - (register.showTotals ? 1 : 0);
    for (let row = r0 + 2; row <= last; row++) expect([row, cells[at("abc", row)].f]).toEqual([row, shiftFormula(first, row - r0 - 1, 0)]);
  });

  test.each(edited)("every table still covers its rows, the inserted ones included (%s)", (label) => {
    for (const s of c.specs) {
      for (const t of s.tables) {
        const now = snap(label).tables[t.name];
        // Follow the header and last data row through the insertions; rows inserted inside grow the table.
        let header = t.origin.row;
        let last = header + t.rows.length;
        for (const [at, k] of c.inserts.get(s.name) ?? []) {
          if (at <= header) header += k;
          if (at <= last) last += k;
        }
        expect([t.name, now.sheet, now.range[0], now.range[2]]).toEqual([t.name, renamed(s), header, last + (t.showTotals ? 1 : 0)]);
      }
    }
  });

  test.each(edited)("every SP_ name follows its renamed sheet and shifted rows and shows the same figure (%s)", (label) => {
    const before = snap("original").names;
    const after = snap(label).names;
    const names = c.specs.flatMap((s) => s.names.map((n) => [s, n] as const));
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    expect(names.length).toBeGreaterThan(30);
    for (const [s, n] of names) {
      const expectedRow = shifted(n.target.from.row, c.inserts.get(s.name));
      const got = after[n.name];
      expect([n.name, got.sheet, got.cells.map(([r, col]) => [r, col])]).toEqual([n.name, renamed(s), [[expectedRow, n.target.from.col]]]);
      const old = before[n.name].cells[0][2];
      const now = got.cells[0][2];
      if (n.name.endsWith("_EXPENSE_TOTAL")) expect([n.name, now]).toEqual([n.name, num(old) + c.expense]);
      else if (n.name.endsWith("_ABC_A")) expect([n.name, old, now]).toEqual([n.name, 0.4, NEW_A_SHARE]);
      else if (n.name.endsWith("_CUTOFF")) expect([n.name, old, now]).toEqual([n.name, cutoffs(originalValues(c))[n.name], cutoffs(editedValues(c), NEW_A_SHARE)[n.name]]);
      // LibreOffice saves 15 significant digits: the deadline, 17:00 (17/24 of a day, not exact in binary), comes back 3.6e-11 of a day earlier.
      else if (n.name.endsWith("_DEADLINE")) expect([n.name, num(now) - num(old)]).toEqual([n.name, expect.closeTo(0, 9)]);
      else expect([n.name, now]).toEqual([n.name, old]);
    }
    // The figures the roll-up reads, by name, against the options the plans were built with.
    const readName = (name: string): unknown => after[name].cells[0][2];
    expect([readName("SP_W1_SALES_TARGET"), readName("SP_W1_SALES_ACTUAL"), readName("SP_W1_COLLECTION_TARGET"), readName("SP_W1_VISITS_ACTUAL")]).toEqual([120000, 90000, 80000, 17]);
    expect(readName("SP_W1_EXPENSE_TOTAL")).toBeCloseTo(1250.5 + 800 + c.expense, 9);
    expect([readName("SP_M1_SALES_TARGET"), readName("SP_M1_SALES_ACTUAL"), readName("SP_M1_EXPENSE_TOTAL")]).toEqual([1000003, 420000, 500 + c.expense]);
    expect(readName("SP_W1_TEMPLATE")).toBe("sales-planner:weekly:main:v2:W1");
  });

  test.each(edited)("monthly plan: week targets still split SP_M1_SALES_TARGET by working days (%s)", (label) => {
    const monthly = spec(c, "monthly", "main");
    const weeks = tableRows(snap(label), table(monthly, "weeks"));
    const expected = weekSplit(1000003, 2026, 10, calendar);
    expect(weeks.map((w) => w.target)).toEqual(expected.map((w) => w.amount));
    expect(weeks.map((w) => w.workdays)).toEqual(expected.map((w) => w.workingDays));
  });

  /** Every register row now: its 年交易额, ABC and the rest, checked against the new value set. */
  test.each(edited)("customer register: ABC of every row, inserted ones included, equals abcClasses over the new values (%s)", (label) => {
    const main = spec(c, "customers", "main");
    const rows = tableRows(snap(label), table(main, "customers"));
    const all = [...c.customers, ...c.newCustomers];
    const values = all.map((r) => (typeof r.annualSales === "number" ? r.annualSales : null));
    const blankRows = table(main, "customers").rows.length - c.customers.length;
    expect(rows.length).toBe(all.length + blankRows);
    // The same customers, each with its own amount (so the rows moved whole).
    const byId = new Map(all.map((r, i) => [r.id as string, values[i]]));
    const seen = rows.filter((r) => r.id !== null);
    expect(seen.map((r) => [r.id, r.annualSales]).sort()).toEqual([...byId].sort());
    // Each row's class is the one its own value has in the new value set (A share changed to 0.5 by name).
    const classes = abcClasses(values, NEW_A_SHARE);
    const classOf = new Map(values.map((v, i) => [v, classes[i] === "" ? null : classes[i]]));
    expect(rows.map((r) => [r.id, r.abc])).toEqual(rows.map((r) => [r.id, r.annualSales === null ? null : classOf.get(r.annualSales as number)]));
    expect(classOf.get(5_000_000)).toBe("A");
    // The rule really changed with the setting: 0.4 would class some rows differently.
    const old = abcClasses(values);
    expect(classes.some((t, i) => t !== old[i])).toBe(true);
    // 下次拜访日期 of the inserted rows follows their class (else 需求等级, else C) and seed 001's intervals.
    for (const r of rows.filter((x) => String(x.id).startsWith("NEW"))) {
      const tier = ((r.abc as string | null) ?? (r.demandTier as string | null) ?? "C") as "A" | "B" | "C";
      expect(r.nextVisit).toBe((r.lastVisit as number) + DEFAULT_VISIT_INTERVALS[tier]);
    }
  });

  test("customer register: sorting by 年交易额 moved the rows and kept every customer's class", () => {
    const main = spec(c, "customers", "main");
    const register = table(main, "customers");
    const inserted = tableRows(snap("inserted"), register);
    const sorted = tableRows(snap("sorted"), register);
    // Before sorting the new rows sit where they were inserted, in the middle.
    const at = Math.floor(c.customers.length / 2);
    expect(inserted.slice(at, at + 3).map((r) => r.id)).toEqual(["NEW1", "NEW2", "NEW3"]);
    const amounts = sorted.map((r) => r.annualSales).filter((v): v is number => typeof v === "number");
    expect(amounts).toEqual([...amounts].sort((x, y) => y - x));
    expect(sorted[0].id).toBe("NEW1");
    const classBefore = new Map(inserted.filter((r) => r.id !== null).map((r) => [r.id, r.abc]));
    for (const r of sorted.filter((x) => x.id !== null)) expect([r.id, r.abc]).toEqual([r.id, classBefore.get(r.id)]);
  });

  test.each(edited)("customer summary counts and sums include the inserted rows (%s)", (label) => {
    const summary = spec(c, "customers", "summary");
    const tiers = tableRows(snap(label), table(summary, "tierSummary"));
    const values = [...c.customers, ...c.newCustomers].map((r) => (typeof r.annualSales === "number" ? r.annualSales : null));
    const abc = abcClasses(values, NEW_A_SHARE);
    const total = values.reduce<number>((sum, v) => sum + (v ?? 0), 0);
    ["A", "B", "C"].forEach((tier, i) => {
      const amount = values.reduce<number>((sum, v, j) => sum + (abc[j] === tier ? (v ?? 0) : 0), 0);
      expect([tier, tiers[i].count, tiers[i].amount]).toEqual([tier, abc.filter((t) => t === tier).length, amount]);
      expect(tiers[i].amountShare as number).toBeCloseTo(amount / total, 12);
    });
  });

  test.each(["changed", "resorted"])("customer register: after 年交易额 typed over, rows deleted and sorted again, ABC of every row and the summary follow (%s)", (label) => {
    const main = spec(c, "customers", "main");
    const register = table(main, "customers");
    // Which customers the edits hit: the rows at those positions before them (the reloaded, sorted register).
    const before = tableRows(snap("reloaded"), register);
    const model = new Map(before.filter((r) => r.id !== null).map((r) => [r.id, r.annualSales as number | null]));
    for (const [i, v] of CHANGES.typed) model.set(before[i].id, v);
    const deleted = before.slice(CHANGES.deleted, CHANGES.deleted + CHANGES.deletedCount).map((r) => r.id);
    for (const id of deleted) model.delete(id);
    expect(deleted.every((id) => id !== null)).toBe(true);

    const rows = tableRows(snap(label), register);
    expect(rows.length).toBe(before.length - CHANGES.deletedCount);
    expect(rows.filter((r) => r.id !== null).map((r) => [r.id, r.annualSales]).sort()).toEqual([...model].sort());
    const values = rows.map((r) => (typeof r.annualSales === "number" ? r.annualSales : null));
    const classes = abcClasses(values, NEW_A_SHARE);
    expect(rows.map((r) => [r.id, r.abc])).toEqual(rows.map((r, i) => [r.id, classes[i] === "" ? null : classes[i]]));
    expect(classes[rows.findIndex((r) => r.annualSales === 6_000_000)]).toBe("A");
    const now = snap(label).names;
    for (const [name, expected] of Object.entries(cutoffs(values, NEW_A_SHARE))) expect([name, now[name].cells[0][2]]).toEqual([name, expected]);
    // The edits moved a cut-off: the classes differ from those before them.
    const old = cutoffs(editedValues(c), NEW_A_SHARE);
    expect(Object.keys(old).some((name) => now[name].cells[0][2] !== old[name])).toBe(true);
    const tiers = tableRows(snap(label), table(spec(c, "customers", "summary"), "tierSummary"));
    ["A", "B", "C"].forEach((tier, i) => {
      const amount = values.reduce<number>((sum, v, j) => sum + (classes[j] === tier ? (v ?? 0) : 0), 0);
      expect([tier, tiers[i].count, tiers[i].amount]).toEqual([tier, classes.filter((t) => t === tier).length, amount]);
    });
    expect(errors(snap(label))).toEqual([]);
  });

  test.each(edited)("contract register: status per row and the statistics include the inserted contracts (%s)", (label) => {
    const main = spec(c, "contracts", "main");
    const contracts = table(main, "contracts");
    const rows = tableRows(snap(label), contracts);
    const all = [...c.contracts, ...c.newContracts];
    const today = todaySerial();
    const status = (r: TableRow): string | null => contractFigures(r, [], c.locale, today).status;
    const byId = new Map(all.map((r) => [r.id as string, r]));
    const filled = rows.filter((r) => r.id !== null);
    expect(filled.map((r) => r.id).sort()).toEqual([...byId.keys()].sort());
    for (const r of filled) {
      const data = byId.get(r.id as string) as TableRow;
      expect([r.id, r.amount, r.status, r.unpaid]).toEqual([r.id, data.amount, status(data), (data.amount as number) - num(data.paid)]);
    }
    // Totals row (SUBTOTAL) and the statistics sheet (SUMIFS/COUNTIFS over the table's columns).
    const range = snap(label).tables[contracts.name];
    const totalAmount = value(snap(label), range.sheet, range.range[2], colOf(contracts, "amount"));
    expect(totalAmount).toBe(all.reduce((sum, r) => sum + (r.amount as number), 0));
    const stats = tableRows(snap(label), table(spec(c, "contracts", "stats"), "stats"));
    const year = stats[16];
    const inYear = all.filter((r) => (r.signed as number) >= serialFromYmd(STATS_YEAR, 1, 1) && (r.signed as number) <= serialFromYmd(STATS_YEAR, 12, 31));
    expect([year.count, year.amount, year.paid]).toEqual([inYear.length, inYear.reduce((t, r) => t + num(r.amount), 0), inYear.reduce((t, r) => t + num(r.paid), 0)]);
    stats.slice(0, 12).forEach((m, i) => {
      const from = serialFromYmd(STATS_YEAR, i + 1, 1);
      const to = i === 11 ? serialFromYmd(STATS_YEAR, 12, 31) : serialFromYmd(STATS_YEAR, i + 2, 1) - 1;
      const inside = all.filter((r) => (r.signed as number) >= from && (r.signed as number) <= to);
      expect([i, m.count, m.amount]).toEqual([i, inside.length, inside.reduce((t, r) => t + num(r.amount), 0)]);
    });
    expect(c.newContracts.some((r) => (r.signed as number) >= serialFromYmd(STATS_YEAR, 1, 1))).toBe(true);
  });

  test("weekly plan: sorting the targets table keeps every 达成率 with its own metric", () => {
    const weekly = spec(c, "weekly", "main");
    const rows = tableRows(snap("sorted"), table(weekly, "targets"));
    const metrics = table(weekly, "targets").rows.map((r) => r.metric);
    expect(rows.map((r) => r.metric)).toEqual([...metrics].reverse());
    const rateOf = new Map(rows.map((r) => [r.metric, r.rate]));
    expect(rateOf.get(metrics[0])).toBe(0.75);
    expect(rateOf.get(metrics[1])).toBe(85000 / 80000);
  });
});
