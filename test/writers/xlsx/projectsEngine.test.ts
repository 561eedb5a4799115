/**
 * 项目跟踪表 (issue 15 items 1 and 5) recalculated by LibreOffice with 200 realistic projects per language: every
 * derived cell — 商务文件截止, 预付款金额, 尾款金额, 下次回访 per row; the summary's counts and amounts per stage, per
 * rep × stage (the reps listed by formula), 其他 and 合计; 中标率; the bids of the next 14 days; and the four
 * highlight rules, evaluated row by row on a probe sheet — equals what this test computes from the rows.
 * TODAY() cannot be fixed in LibreOffice, so the rows are made around the run's date (`todaySerial`, the
 * engine's TODAY()) and the expectations computed from it. Then LibreOffice, through Python-UNO, types a
 * project for a new rep in a blank row and shortens the design call-back to 5 days: the rep grid lists the new
 * rep and the call-backs follow the setting.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Locale } from "../../../src/contract/locale";
import { a1 } from "../../../src/spec/a1";
import { NO_NAMES } from "../../../src/spec/naming";
import type { CellRef, SheetSpec, TableRow } from "../../../src/spec/sheetSpec";
import { buildTemplates } from "../../../src/templates";
import { SheetDraft } from "../../../src/templates/draft";
import { PROJECT_DEFAULTS, REP_SLOTS } from "../../../src/templates/projectTracker";
import { templateStrings } from "../../../src/templates/strings";
import { writeXlsx } from "../../../src/writers/xlsx";
import { projectRows } from "../../fixtures/projects";
import { todaySerial } from "../../fixtures/random";
import { errorCells, recalcXlsx, type ComputedWorkbook } from "../../support/libreoffice";
import { repoRoot } from "../../support/paths";
import { finishProbe, ruleAt } from "../../support/probeSheet";
import { namedCell, read, readColumn, tableByRole, tableCell } from "../../support/specCells";

jest.setTimeout(300_000);

const PROJECTS = 200;
const BLANK_ROWS = 5;
const PYTHON = "/usr/bin/python3"; // the system Python, which has Debian's python3-uno
const SCRIPT = join(repoRoot, "test/support/libreofficeEdit.py");
const NEW_REP = "新来的";
const today = todaySerial();

interface Case {
  readonly locale: Locale;
  readonly rows: TableRow[];
  readonly main: SheetSpec;
  readonly summary: SheetSpec;
  readonly probe: SheetSpec;
  book?: ComputedWorkbook;
}

/** The highlight rules' expressions for each data row, on a probe sheet (a column per rule). */
function probeSheet(main: SheetSpec, rows: number): SheetSpec {
  const draft = new SheetDraft();
  const rules = main.conditionalFormats.map((f) => (f.rule.kind === "expression" ? f.rule.formula : ""));
  for (let i = 0; i < rows; i++) rules.forEach((rule, j) => draft.put({ row: i, col: j }, { formula: ruleAt(rule, main.name, i) }));
  return finishProbe(draft, rows + 2);
}

/**
 * Closed projects with a bid in the coming days and documents not ready (a project lost before its bid, one paid
 * and its bid date never cleared): no highlight and not among the bids to come.
 */
function closedWithBids(locale: Locale): TableRow[] {
  const p = templateStrings(locale).projects;
  const [, , , , , paid, lost] = p.stages;
  return [
    { name: "closed-1", rep: null, stage: lost, amount: 500000, bidDate: today + 1, docs: p.docStates[0], lastCallback: today - 3 },
    { name: "closed-2", rep: null, stage: paid, amount: 800000, bidDate: today + 5, docs: null, result: p.results[0], lastCallback: today - 20 },
    { name: "closed-3", rep: null, stage: lost, amount: 300000, bidDate: today - 4, result: null, lastCallback: today - 10 },
  ];
}

function buildCase(locale: Locale): Case {
  const rows = [...projectRows(PROJECTS - 3, locale, today), ...closedWithBids(locale)];
  const specs = buildTemplates([{ template: "projects", options: { rows, blankRows: BLANK_ROWS } }], { locale, existing: NO_NAMES });
  const [main, summary] = specs;
  return { locale, rows, main, summary, probe: probeSheet(main, rows.length) };
}

const cases: Case[] = [buildCase("zh-CN"), buildCase("en-US")];
/** The zh-CN workbook after LibreOffice typed a new rep's project and set the design call-back to 5 days; then sorted. */
let edited: Record<string, Record<string, { v: unknown }>> = {};
let sorted: Record<string, Record<string, { v: unknown }>> = {};

const num = (v: unknown): number | null => (typeof v === "number" ? v : null);
const round2 = (x: number): number => Math.round(x * 100) / 100;

/** What the tracker derives for one row, computed here from the seed's rules and the default settings. */
function derived(row: TableRow, locale: Locale, settings: { readonly [K in keyof typeof PROJECT_DEFAULTS]: number } = PROJECT_DEFAULTS) {
  const { stages, results } = templateStrings(locale).projects;
  const [design, bidding, , , , paid, lost] = stages;
  const bid = num(row.bidDate);
  const amount = num(row.amount);
  const ratio = num(row.prepayRatio);
  const last = num(row.lastCallback);
  const prepay = amount !== null && ratio !== null ? round2(amount * ratio) : null;
  // Seed 003 L61: a bid without a result is called back the day after the bid, if that comes before the cadence.
  const awaiting = row.stage === bidding && (row.result == null || row.result === results[0]) && bid !== null && last !== null && bid >= last;
  return {
    docDeadline: bid === null ? null : bid - settings.docLead,
    prepayAmount: prepay,
    finalAmount: prepay === null ? null : amount! - prepay,
    nextCallback:
      last === null || row.stage === paid || row.stage === lost
        ? null
        : awaiting
          ? Math.min(last + settings.callbackOther, bid! + 1)
          : last + (row.stage === design ? settings.callbackDesign : settings.callbackOther),
  };
}

/** The five highlight rules, here, in the order the sheet lists them (下次回访, 商务文件截止, 商务文件, 投标日期, 投标结果, 尾款金额, 尾款到账日期). */
function highlights(row: TableRow, locale: Locale): number[] {
  const p = templateStrings(locale).projects;
  const open = row.stage !== p.stages[5] && row.stage !== p.stages[6];
  const d = derived(row, locale);
  const bid = num(row.bidDate);
  const acceptance = num(row.acceptance);
  const overdue = d.nextCallback !== null && d.nextCallback < today;
  const docsLate = open && d.docDeadline !== null && today >= d.docDeadline && bid !== null && today <= bid && row.docs !== p.docStates[1] && row.docs !== p.docStates[2];
  const soon = open && bid !== null && bid >= today && bid <= today + 7;
  const noResult = open && bid !== null && bid < today && (row.result == null || row.result === p.results[0]);
  const finalLate = acceptance !== null && num(row.finalDate) === null && today - acceptance > PROJECT_DEFAULTS.finalDays;
  return [overdue, docsLate, docsLate, soon, noResult, finalLate, finalLate].map((x) => (x ? 1 : 0));
}

/** Reps in the order they first appear, as the summary's formulas list them. */
const repsOf = (rows: readonly TableRow[]): string[] => [...new Set(rows.map((r) => r.rep).filter((r): r is string => typeof r === "string" && r !== ""))];

function byStage(rows: readonly TableRow[], stage: string, rep?: string) {
  const of = rows.filter((r) => r.stage === stage && (rep === undefined || r.rep === rep));
  return { count: of.length, amount: of.reduce((s, r) => s + (num(r.amount) ?? 0), 0) };
}

/** The rep grid's header cell (the label 负责人 in column A) and the cell of grid row `row`, column `col`. */
function grid(summary: SheetSpec, locale: Locale) {
  const header = summary.cells.find((c) => c.at.col === 0 && c.value === templateStrings(locale).projects.rep && c.style === "label")!.at;
  return {
    header,
    at: (row: number, col: number): CellRef => ({ row: header.row + 1 + row, col }),
    other: REP_SLOTS,
    team: REP_SLOTS + 1,
    totalCount: 1 + 2 * 7,
    totalAmount: 2 + 2 * 7,
  };
}

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), "sp-projects-"));
  const files = await Promise.all(
    cases.map(async (c, i) => {
      const file = join(dir, `projects-${i}.xlsx`);
      writeFileSync(file, await writeXlsx([c.main, c.summary, c.probe]));
      return file;
    }),
  );
  const books = await recalcXlsx(files);
  cases.forEach((c, i) => (c.book = books[i]));

  const [zh] = cases;
  const table = tableByRole(zh.main, "projects");
  const at = (key: string) => tableCell(table, PROJECTS, key);
  const design = templateStrings("zh-CN").projects.stages[0];
  const setting = namedCell(zh.main, "SP_P1_CALLBACK_DESIGN");
  const ops = [
    {
      op: "set",
      sheet: zh.main.name,
      cells: [
        [at("rep").row, at("rep").col, NEW_REP],
        [at("stage").row, at("stage").col, design],
        [at("amount").row, at("amount").col, 12345],
        [at("lastCallback").row, at("lastCallback").col, today],
        [setting.row, setting.col, 5],
      ],
    },
    { op: "recalc" },
    { op: "export", label: "after" },
    // Then sorted by 预计金额, largest first, as a manager looks at the pipeline: the reps come in another order.
    { op: "sort", sheet: zh.main.name, range: [table.origin.row, table.origin.col, table.origin.row + table.rows.length, table.origin.col + table.columns.length - 1], column: table.columns.findIndex((col) => col.key === "amount"), descending: true },
    { op: "recalc" },
    { op: "export", label: "sorted" },
  ];
  writeFileSync(join(dir, "plan.json"), JSON.stringify({ workbooks: [{ file: files[0], ops }] }));
  execFileSync(PYTHON, [SCRIPT, join(dir, "plan.json"), join(dir, "result.json")], { stdio: "pipe", timeout: 240_000 });
  const result = JSON.parse(readFileSync(join(dir, "result.json"), "utf8")) as { workbooks: { exports: Record<string, { sheets: Record<string, Record<string, { v: unknown }>> }> }[] };
  edited = result.workbooks[0].exports.after.sheets;
  sorted = result.workbooks[0].exports.sorted.sheets;
}, 300_000);

describe.each(cases.map((c) => [c.locale, c] as const))("project tracker recalculated by LibreOffice (%s)", (_locale, c) => {
  const book = (): ComputedWorkbook => c.book as ComputedWorkbook;
  const table = () => tableByRole(c.main, "projects");
  const p = templateStrings(c.locale).projects;

  test("the data are realistic: every stage, results, reps without end, blank reps and stages among them", () => {
    for (const stage of p.stages) expect(byStage(c.rows, stage).count).toBeGreaterThan(2);
    expect(c.rows.filter((r) => r.result === p.results[1]).length).toBeGreaterThan(10);
    expect(c.rows.filter((r) => r.result === p.results[2]).length).toBeGreaterThan(3);
    expect(c.rows.some((r) => r.rep === null)).toBe(true);
    expect(c.rows.some((r) => r.stage === null)).toBe(true);
    expect(repsOf(c.rows)).toHaveLength(8);
  });

  test("no error value anywhere", () => {
    expect(errorCells(book())).toEqual([]);
  });

  test.each(["docDeadline", "prepayAmount", "finalAmount", "nextCallback"] as const)("every row's %s equals the value computed here", (key) => {
    const expected = [...c.rows.map((r) => derived(r, c.locale)[key]), ...Array.from({ length: BLANK_ROWS }, () => null)];
    const actual = readColumn(book(), c.main, table(), key);
    expect(actual.map((v) => (typeof v === "number" ? round2(v) : v))).toEqual(expected);
    expect(expected.filter((v) => v !== null).length).toBeGreaterThan(20);
  });

  test("a bid without a result is called back the day after the bid when that comes before the cadence (seed 003 L61)", () => {
    const sooner = c.rows.filter((r) => {
      const d = derived(r, c.locale);
      return d.nextCallback !== null && num(r.lastCallback) !== null && d.nextCallback < num(r.lastCallback)! + PROJECT_DEFAULTS.callbackOther && r.stage === p.stages[1];
    });
    expect(sooner.length).toBeGreaterThan(2);
    const table = tableByRole(c.main, "projects");
    for (const r of sooner) expect(read(book(), c.main, tableCell(table, c.rows.indexOf(r), "nextCallback"))).toBe(num(r.bidDate)! + 1);
  });

  test("every highlight rule marks exactly the rows computed here, and each marks some", () => {
    const expected = c.rows.map((r) => highlights(r, c.locale));
    const actual = c.rows.map((_, i) => expected[0].map((__, j) => read(book(), c.probe, { row: i, col: j })));
    expect(actual).toEqual(expected);
    for (let j = 0; j < expected[0].length; j++) expect(expected.some((e) => e[j] === 1)).toBe(true);
  });

  test("count and amount per stage, and their totals", () => {
    const stages = tableByRole(c.summary, "stages");
    p.stages.forEach((stage, i) => {
      const { count, amount } = byStage(c.rows, stage);
      expect([stage, read(book(), c.summary, tableCell(stages, i, "count")), read(book(), c.summary, tableCell(stages, i, "amount"))]).toEqual([stage, count, amount]);
    });
    const staged = c.rows.filter((r) => r.stage !== null);
    expect(read(book(), c.summary, tableCell(stages, p.stages.length, "count"))).toBe(staged.length);
    expect(read(book(), c.summary, tableCell(stages, p.stages.length, "amount"))).toBe(staged.reduce((s, r) => s + (num(r.amount) ?? 0), 0));
  });

  test("per rep × stage: the reps in the order they first appear, then 其他 (blank reps) and 合计, rows and totals", () => {
    const g = grid(c.summary, c.locale);
    const reps = repsOf(c.rows);
    const cell = (row: number, col: number) => read(book(), c.summary, g.at(row, col));
    expect(Array.from({ length: REP_SLOTS }, (_, i) => cell(i, 0))).toEqual([...reps, ...Array.from({ length: REP_SLOTS - reps.length }, () => null)]);
    const expectRow = (row: number, of: (stage: string) => { count: number; amount: number }) => {
      const figures = p.stages.map(of);
      expect(p.stages.flatMap((_, i) => [cell(row, 1 + 2 * i), cell(row, 2 + 2 * i)])).toEqual(figures.flatMap((f) => [f.count, f.amount]));
      expect([cell(row, g.totalCount), cell(row, g.totalAmount)]).toEqual([figures.reduce((s, f) => s + f.count, 0), figures.reduce((s, f) => s + f.amount, 0)]);
    };
    reps.forEach((rep, i) => expectRow(i, (stage) => byStage(c.rows, stage, rep)));
    expectRow(g.other, (stage) => byStage(c.rows.filter((r) => r.rep === null), stage));
    expect(byStage(c.rows.filter((r) => r.rep === null), p.stages[0]).count + byStage(c.rows.filter((r) => r.rep === null), p.stages[1]).count).toBeGreaterThan(0);
    expectRow(g.team, (stage) => byStage(c.rows, stage));
    // A slot without a rep shows nothing, not zeros.
    expect([cell(reps.length, 1), cell(reps.length, 2), cell(reps.length, g.totalCount), cell(reps.length, g.totalAmount)]).toEqual([null, null, null, null]);
  });

  test("中标率 = 中标 / (中标 + 未中标), and the bids of the next 14 days", () => {
    const won = c.rows.filter((r) => r.result === p.results[1]).length;
    const lost = c.rows.filter((r) => r.result === p.results[2]).length;
    expect(read(book(), c.summary, namedCell(c.summary, "SP_P1_WIN_RATE"))).toBeCloseTo(won / (won + lost), 12);
    const closed = [p.stages[5], p.stages[6]];
    const soon = c.rows.filter((r) => num(r.bidDate) !== null && num(r.bidDate)! >= today && num(r.bidDate)! <= today + 14 && !closed.includes(r.stage as string)).length;
    expect(c.rows.some((r) => num(r.bidDate)! >= today && closed.includes(r.stage as string))).toBe(true);
    expect(soon).toBeGreaterThan(0);
    expect(read(book(), c.summary, namedCell(c.summary, "SP_P1_BIDS_SOON"))).toBe(soon);
  });
});

test("中标率 is blank, not #DIV/0!, while no bid has a result", async () => {
  const rows = projectRows(30, "zh-CN", today).map((r) => ({ ...r, result: null }));
  const [main, summary] = buildTemplates([{ template: "projects", options: { rows, blankRows: 1 } }], { locale: "zh-CN", existing: NO_NAMES });
  const dir = mkdtempSync(join(tmpdir(), "sp-projects-none-"));
  const file = join(dir, "none.xlsx");
  writeFileSync(file, await writeXlsx([main, summary]));
  const [book] = await recalcXlsx([file]);
  expect(errorCells(book)).toEqual([]);
  expect(read(book, summary, namedCell(summary, "SP_P1_WIN_RATE"))).toBeNull();
});

test("a project typed for a new rep adds the rep to the grid; a shorter design call-back moves the design rows' next call-back", () => {
  const [zh] = cases;
  const g = grid(zh.summary, "zh-CN");
  const reps = repsOf(zh.rows);
  const cellOf = (sheet: string, at: CellRef) => edited[sheet]?.[a1(at)]?.v ?? null;
  expect(cellOf(zh.summary.name, g.at(reps.length, 0))).toBe(NEW_REP);
  expect(cellOf(zh.summary.name, g.at(reps.length, 1))).toBe(1);
  expect(cellOf(zh.summary.name, g.at(reps.length, 2))).toBe(12345);
  expect(cellOf(zh.summary.name, g.at(g.team, 1))).toBe(byStage(zh.rows, templateStrings("zh-CN").projects.stages[0]).count + 1);
  const table = tableByRole(zh.main, "projects");
  const settings = { ...PROJECT_DEFAULTS, callbackDesign: 5 };
  const expected = [...zh.rows.map((r) => derived(r, "zh-CN", settings).nextCallback), today + 5];
  const actual = expected.map((_, i) => cellOf(zh.main.name, tableCell(table, i, "nextCallback")));
  expect(actual.map((v) => (v === "" ? null : v))).toEqual(expected);
});

test("sorted by amount, the rep grid lists the same reps in their new order of appearance, each with the same figures", () => {
  const [zh] = cases;
  const g = grid(zh.summary, "zh-CN");
  const stages = templateStrings("zh-CN").projects.stages;
  const rows: TableRow[] = [...zh.rows, { rep: NEW_REP, stage: stages[0], amount: 12345 }];
  const cellOf = (row: number, col: number) => {
    const v = sorted[zh.summary.name]?.[a1(g.at(row, col))]?.v ?? null;
    return v === "" ? null : v;
  };
  const figures = (row: number) => Array.from({ length: 2 * stages.length + 2 }, (_, i) => cellOf(row, 1 + i));
  const expectedOf = (of: readonly TableRow[]) => {
    const each = stages.map((stage) => byStage(of, stage));
    return [...each.flatMap((f) => [f.count, f.amount]), each.reduce((s, f) => s + f.count, 0), each.reduce((s, f) => s + f.amount, 0)];
  };
  const listed = Array.from({ length: REP_SLOTS }, (_, i) => cellOf(i, 0)).filter((v): v is string => typeof v === "string");
  const order = (reps: readonly string[]) => [...reps].sort();
  expect(order(listed)).toEqual(order(repsOf(rows)));
  // The largest project's rep comes first now.
  const largest = [...rows].sort((a, b) => (num(b.amount) ?? -1) - (num(a.amount) ?? -1)).find((r) => typeof r.rep === "string")!.rep;
  expect(listed[0]).toBe(largest);
  listed.forEach((rep, i) => expect([rep, ...figures(i)]).toEqual([rep, ...expectedOf(rows.filter((r) => r.rep === rep))]));
  expect(figures(g.other)).toEqual(expectedOf(rows.filter((r) => r.rep === null)));
  expect(figures(g.team)).toEqual(expectedOf(rows));
});
