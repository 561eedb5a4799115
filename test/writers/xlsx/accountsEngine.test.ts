/**
 * 大客户开发计划 (issue 15 items 2 and 5) recalculated by LibreOffice with 50 generated units in each
 * language: every derived cell — the units list's 综合评估, 重点跟进, 关键人物奖励 and 下次联系 and its totals;
 * the plan's 已拓展, 达成率, 已签约 and 重点跟进 per unit type, 转化率 and 诚意客户目标; the budget's totals
 * (seed 004's 55 000), 差异 and 投入产出 — equals the value worked out here in TypeScript. A probe sheet reads
 * the list through the workbook names other templates use (`SP_A1_COL_UNIT`, `SP_A1_COL_KEYPERSON`).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Locale } from "../../../src/contract/locale";
import { NO_NAMES } from "../../../src/spec/naming";
import type { SheetSpec, TableRow } from "../../../src/spec/sheetSpec";
import { buildTemplates } from "../../../src/templates";
import { SheetDraft } from "../../../src/templates/draft";
import { keyAccountNames, SEED_DAYS, type KeyAccountsOptions } from "../../../src/templates/keyAccounts";
import { templateStrings } from "../../../src/templates/strings";
import { writeXlsx } from "../../../src/writers/xlsx";
import { accountRowModel, accountRows } from "../../fixtures/accounts";
import { todaySerial } from "../../fixtures/random";
import { errorCells, recalcXlsx, type Computed, type ComputedWorkbook } from "../../support/libreoffice";
import { finishProbe, ruleAt } from "../../support/probeSheet";
import { namedCell, read, readColumn, tableByRole, tableCell } from "../../support/specCells";

const UNITS = 50;
const BLANK_ROWS = 5;

/** Seed 004 L71–74, typed here rather than read from the builder: the budget must add up to 55 000. */
const SEED_BUDGET_TOTAL = 55000;

interface Case {
  readonly locale: Locale;
  readonly rows: TableRow[];
  readonly options: KeyAccountsOptions;
  readonly plan: SheetSpec;
  readonly list: SheetSpec;
  readonly probe: Probe;
  book?: ComputedWorkbook;
}

/**
 * Reads the units list as another template does — by the workbook names of its columns only — and evaluates
 * the conditional formats: each rule's expression (written for its target's first cell) copied into a probe
 * cell per row of the target, its references moved down as Excel moves them and qualified with the rule's
 * sheet, since an engine's saved file holds no format results.
 */
interface Probe {
  readonly spec: SheetSpec;
  /** The probe cells of the rule whose formula matches, one per row of its target. */
  readonly rule: (sheet: SheetSpec, pattern: RegExp) => { row: number; col: number }[];
}

function probeSheet(rows: readonly TableRow[], sheets: readonly SheetSpec[]): Probe {
  const draft = new SheetDraft();
  draft.put({ row: 0, col: 0 }, { formula: `ROWS(SP_A1_COL_UNIT)` });
  draft.put({ row: 1, col: 0 }, { formula: `COUNTA(SP_A1_COL_UNIT)` });
  draft.put({ row: 2, col: 0 }, { formula: `INDEX(SP_A1_COL_KEYPERSON,MATCH("${String(rows[7].unit)}",SP_A1_COL_UNIT,0))` });
  const placed = new Map<string, { row: number; col: number }[]>();
  let col = 1;
  for (const sheet of sheets) {
    for (const format of sheet.conditionalFormats) {
      if (format.rule.kind !== "expression") continue;
      const target = format.target;
      const height = target.kind === "range" ? target.range.to.row - target.range.from.row + 1 : sheet.tables.find((t) => t.name === target.table)!.rows.length;
      const formula = format.rule.formula;
      const cells = Array.from({ length: height }, (_, i) => {
        draft.put({ row: i, col }, { formula: ruleAt(formula, sheet.name, i) });
        return { row: i, col };
      });
      placed.set(`${sheet.name}|${format.rule.formula}|${JSON.stringify(format.target)}`, cells);
      col++;
    }
  }
  const spec = finishProbe(draft, 2100);
  const rule = (sheet: SheetSpec, pattern: RegExp) => {
    const found = [...placed].filter(([key]) => key.startsWith(`${sheet.name}|`) && pattern.test(key.split("|")[1]));
    if (found.length === 0) throw new Error(`${sheet.name} has no rule ${pattern}`);
    return found[0][1];
  };
  return { spec, rule };
}

function buildCase(locale: Locale, seed: number): Case {
  const rows = accountRows(UNITS, locale, seed);
  const today = todaySerial();
  const options: KeyAccountsOptions = {
    start: today - 40,
    end: today + 35,
    lead: locale === "zh-CN" ? "黄昭祥" : "Huang Zhaoxiang",
    registered: 412,
    sincere: 117,
    // One item over budget, one not yet spent, one in cents.
    actuals: [14250.5, 5600, 18000, null, 3200, 800],
    scheduleStates: [templateStrings(locale).accounts.scheduleStates[2], null, null, null, null, null, null],
    rows,
    blankRows: BLANK_ROWS,
  };
  const specs = buildTemplates([{ template: "accounts", options }], { locale, existing: NO_NAMES });
  const plan = specs.find((s) => s.record.role === "main")!;
  const list = specs.find((s) => s.record.role === "list")!;
  return { locale, rows, options, plan, list, probe: probeSheet(rows, [plan, list]) };
}

const cases: Case[] = [buildCase("zh-CN", 20261129), buildCase("en-US", 4417)];

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), "sp-accounts-"));
  const files = await Promise.all(
    cases.map(async (c, i) => {
      const file = join(dir, `accounts-${i}.xlsx`);
      writeFileSync(file, await writeXlsx([c.plan, c.list, c.probe.spec]));
      return file;
    }),
  );
  const books = await recalcXlsx(files);
  cases.forEach((c, i) => (c.book = books[i]));
}, 300_000);

const blankToNull = (v: unknown): unknown => (v === "" || v === undefined ? null : v);
const sum = (values: readonly unknown[]): number => values.reduce<number>((s, v) => s + (typeof v === "number" ? v : 0), 0);

describe.each(cases.map((c) => [c.locale, c] as const))("key-account plan recalculated by LibreOffice (%s)", (_locale, c) => {
  const book = (): ComputedWorkbook => c.book as ComputedWorkbook;
  const a = templateStrings(c.locale).accounts;
  const names = keyAccountNames("A1");
  const units = () => tableByRole(c.list, "accounts");
  const column = (key: string): Computed[] => readColumn(book(), c.list, units(), key).slice(0, UNITS);
  const named = (spec: SheetSpec, name: string): Computed => read(book(), spec, namedCell(spec, name));
  const settings = { reward: 1000, focusDays: 2, otherDays: 14 };
  const model = () => c.rows.map((r) => accountRowModel(r, c.locale, settings));

  test("no error value anywhere", () => {
    expect(errorCells(book())).toEqual([]);
  });

  test("the settings: 1 000 ¥ a unit sold, focus units every 2 days (three visits a week), others every 14", () => {
    expect(named(c.list, names.reward)).toBe(1000);
    expect(named(c.list, names.focusDays)).toBe(2);
    expect(named(c.list, names.otherDays)).toBe(14);
  });

  test("综合评估 and 重点跟进 per unit follow 购买力 and 意向度", () => {
    expect(column("rating").map(blankToNull)).toEqual(model().map((m) => blankToNull(m.rating)));
    expect(column("focus").map(blankToNull)).toEqual(model().map((m) => blankToNull(m.focus)));
    // The sample holds every outcome.
    for (const level of a.levels) expect(model().map((m) => m.rating)).toContain(level);
    expect(model().map((m) => m.rating)).toContain("");
  });

  test("关键人物奖励 = units sold × 1 000, and 下次联系 = last visit + the unit's interval", () => {
    expect(column("reward").map(blankToNull)).toEqual(model().map((m) => blankToNull(m.reward)));
    expect(column("nextContact").map(blankToNull)).toEqual(model().map((m) => blankToNull(m.nextContact)));
    expect(model().filter((m) => typeof m.reward === "number" && m.reward > 0).length).toBeGreaterThan(3);
  });

  test("the list's totals row", () => {
    const t = units();
    const total = (key: string) => read(book(), c.list, tableCell(t, t.rows.length, key));
    expect(total("staff")).toBe(sum(c.rows.map((r) => r.staff)));
    expect(total("targetUnits")).toBe(sum(c.rows.map((r) => r.targetUnits)));
    expect(total("soldUnits")).toBe(sum(c.rows.map((r) => r.soldUnits)));
    expect(total("dealAmount")).toBeCloseTo(sum(c.rows.map((r) => r.dealAmount)), 2);
    expect(total("reward")).toBe(sum(c.rows.map((r) => r.soldUnits)) * 1000);
  });

  test("已拓展, 达成率, 已签约 and 重点跟进 per unit type, and their totals", () => {
    const targets = tableByRole(c.plan, "targets");
    const cell = (i: number, key: string) => read(book(), c.plan, tableCell(targets, i, key));
    const signedWord = a.stages[a.stages.length - 1];
    const m = model();
    const goals = [2, 3, 5, null];
    a.types.forEach((type, i) => {
      const of = c.rows.map((r, j) => ({ r, m: m[j] })).filter((x) => x.r.type === type);
      const reached = of.filter((x) => x.r.stage != null).length;
      expect(cell(i, "target")).toBe(goals[i]);
      expect(cell(i, "reached")).toBe(reached);
      expect(cell(i, "signed")).toBe(of.filter((x) => x.r.stage === signedWord).length);
      expect(cell(i, "focus")).toBe(of.filter((x) => x.m.focus !== "").length);
      const goal = goals[i];
      if (goal === null) expect(cell(i, "rate")).toBeNull();
      else expect(cell(i, "rate")).toBeCloseTo(reached / goal, 12);
    });
    const typed = c.rows.filter((r) => a.types.includes(r.type as never));
    const reachedAll = typed.filter((r) => r.stage != null).length;
    // The rate in all counts the types with a target only.
    const reachedOfGoals = typed.filter((r) => r.stage != null && goals[a.types.indexOf(r.type as never)] !== null).length;
    const totals = (key: string) => read(book(), c.plan, tableCell(targets, targets.rows.length, key));
    expect(totals("target")).toBe(10);
    expect(totals("reached")).toBe(reachedAll);
    expect(totals("rate")).toBeCloseTo(reachedOfGoals / 10, 12);
    expect(reachedOfGoals).toBeLessThan(reachedAll);
    // Units without a type are in the list but in no row.
    expect(c.rows.some((r) => r.type == null && r.stage != null)).toBe(true);
  });

  test("转化率 = 诚意客户 / 登记客户 against 30 %; 诚意客户目标 = 400 × 30 %", () => {
    expect(named(c.plan, names.conversion)).toBeCloseTo(117 / 412, 12);
    expect(named(c.plan, names.conversionTarget)).toBe(0.3);
    expect(named(c.plan, names.registeredTarget)).toBe(400);
    expect(named(c.plan, names.sincereTarget)).toBe(120);
  });

  test("the budget adds up to seed 004's 55 000; 差异 per item and in all; 投入产出 = deals / spend", () => {
    const budget = tableByRole(c.plan, "budget");
    const actuals = c.options.actuals!;
    expect(named(c.plan, names.budgetTotal)).toBe(SEED_BUDGET_TOTAL);
    const cell = (i: number, key: string) => read(book(), c.plan, tableCell(budget, i, key));
    const budgets = budget.rows.map((_, i) => cell(i, "budget") as number);
    expect(sum(budgets)).toBe(SEED_BUDGET_TOTAL);
    budget.rows.forEach((_, i) => {
      const spent = actuals[i];
      if (spent === null) expect(cell(i, "variance")).toBeNull();
      else expect(cell(i, "variance")).toBeCloseTo(budgets[i] - spent, 2);
    });
    const spent = sum(actuals);
    expect(named(c.plan, names.actualTotal)).toBeCloseTo(spent, 2);
    // 合计 差异 adds up the items' 差异, like the rows: the items with an actual only.
    const variances = budget.rows.map((_, i) => (actuals[i] === null ? 0 : budgets[i] - actuals[i]!));
    expect(read(book(), c.plan, tableCell(budget, budget.rows.length, "variance"))).toBeCloseTo(sum(variances), 2);
    expect(sum(variances)).not.toBeCloseTo(SEED_BUDGET_TOTAL - spent, 2);
    const deals = sum(c.rows.map((r) => r.dealAmount));
    expect(named(c.plan, names.deals)).toBeCloseTo(deals, 2);
    expect(named(c.plan, names.returnOnSpend)).toBeCloseTo(deals / spent, 9);
    expect(deals).toBeGreaterThan(0);
  });

  test("the phases', schedule's and materials' dates are counted from the named start (seed 004's rhythm); the last ones end at the named end", () => {
    const { start, end } = { start: c.options.start!, end: c.options.end! };
    const dates = (role: string, key: string) => readColumn(book(), c.plan, tableByRole(c.plan, role), key);
    const at = (offset: number | null) => (offset === null ? end : start + offset);
    expect(dates("phases", "from")).toEqual(SEED_DAYS.phases.map(([from]) => at(from)));
    expect(dates("phases", "to")).toEqual(SEED_DAYS.phases.map(([, to]) => at(to)));
    expect(dates("schedule", "due")).toEqual(SEED_DAYS.schedule.map(at));
    expect(dates("materials", "due")).toEqual(SEED_DAYS.materials.map(at));
  });

  test("the names other templates read give the list's units and key people", () => {
    const probe = (row: number) => read(book(), c.probe.spec, { row, col: 0 });
    expect(probe(0)).toBe(UNITS + BLANK_ROWS);
    expect(probe(1)).toBe(UNITS);
    expect(probe(2)).toBe(c.rows[7].keyPerson);
  });
  test("the conditional formats: overdue next contacts and schedule items, focus units, over budget, conversion below target", () => {
    const today = todaySerial();
    const flags = (sheet: SheetSpec, pattern: RegExp) => c.probe.rule(sheet, pattern).map((at) => read(book(), c.probe.spec, at));
    const overdue = model().map((m) => (typeof m.nextContact === "number" && m.nextContact < today ? 1 : 0));
    expect(flags(c.list, /TODAY/).slice(0, UNITS)).toEqual(overdue);
    expect(overdue).toContain(1);
    expect(overdue).toContain(0);
    expect(flags(c.list, /=".+"$/).slice(0, UNITS)).toEqual(model().map((m) => (m.focus ? 1 : 0)));
    const schedule = tableByRole(c.plan, "schedule");
    const done = a.scheduleStates[2];
    const dues = SEED_DAYS.schedule.map((offset) => (offset === null ? c.options.end! : c.options.start! + offset));
    expect(flags(c.plan, /TODAY\(\),\$D/)).toEqual(schedule.rows.map((_, i) => (dues[i] < today && c.options.scheduleStates![i] !== done ? 1 : 0)));
    expect(flags(c.plan, /TODAY\(\),\$D/)).toEqual([0, 1, 1, 0, 0, 0, 0]);
    const budget = tableByRole(c.plan, "budget");
    const over = budget.rows.map((r, i) => (c.options.actuals![i] !== null && c.options.actuals![i]! > (r.budget as number) ? 1 : 0));
    expect(flags(c.plan, /<0\)$/)).toEqual([...over, 0]);
    expect(over).toEqual([0, 1, 0, 0, 0, 0]);
    const conversion = namedCell(c.plan, names.conversion);
    const onConversion = (pattern: RegExp) => flags(c.plan, new RegExp(`^AND\\(ISNUMBER\\(${String.fromCharCode(65 + conversion.col)}${conversion.row + 1}\\).*${pattern.source}`));
    expect(onConversion(/<[A-Z]+\d+\)$/)).toEqual([1]);
    expect(onConversion(/>=[A-Z]+\d+\)$/)).toEqual([0]);
  });
});

test("a fresh plan: 已拓展 and 达成率 blank until a unit has a 阶段, dates blank until the start is typed; text typed into numbers gives blank", async () => {
  const n = keyAccountNames("A1");
  const specs = buildTemplates([{ template: "accounts", options: { registered: 400, rows: [{ unit: "甲单位", soldUnits: "三套", lastVisit: "上周" }], blankRows: 2 } }], { locale: "zh-CN", existing: NO_NAMES });
  const list = specs.find((x) => x.record.role === "list")!;
  const built = specs.find((x) => x.record.role === "main")!;
  // 诚意客户 typed as text, as a user might.
  const sincereAt = namedCell(built, n.sincere);
  const plan: SheetSpec = { ...built, cells: built.cells.map((x) => (x.at.row === sincereAt.row && x.at.col === sincereAt.col ? { ...x, value: "约一百" } : x)) };
  const dir = mkdtempSync(join(tmpdir(), "sp-accounts-fresh-"));
  const file = join(dir, "fresh.xlsx");
  writeFileSync(file, await writeXlsx([plan, list]));
  const [book] = await recalcXlsx([file]);
  expect(errorCells(book)).toEqual([]);
  const targets = tableByRole(plan, "targets");
  expect(readColumn(book, plan, targets, "reached")).toEqual([null, null, null, null]);
  expect(readColumn(book, plan, targets, "rate")).toEqual([null, null, null, null]);
  expect(read(book, plan, tableCell(targets, targets.rows.length, "rate"))).toBeNull();
  for (const [role, key] of [["phases", "from"], ["phases", "to"], ["schedule", "due"], ["materials", "due"]]) expect(readColumn(book, plan, tableByRole(plan, role), key).every((v) => v === null)).toBe(true);
  const units = tableByRole(list, "accounts");
  expect(read(book, list, tableCell(units, 0, "reward"))).toBeNull();
  expect(read(book, list, tableCell(units, 0, "nextContact"))).toBeNull();
  expect(read(book, plan, namedCell(plan, n.conversion))).toBeNull();
}, 300_000);

test("a type typed with * ? ~ or an operator counts the units of exactly that type", async () => {
  const a = templateStrings("zh-CN").accounts;
  const [first, signed] = [a.stages[0], a.stages[a.stages.length - 1]];
  const rows: TableRow[] = [
    { unit: "甲单位", type: "商会", stage: first },
    { unit: "乙单位", type: "商会联合会", stage: first },
    { unit: "丙单位", type: "商*", stage: signed },
    { unit: "丁单位", type: "<>商会", stage: first },
  ];
  const specs = buildTemplates([{ template: "accounts", options: { rows, blankRows: 2 } }], { locale: "zh-CN", existing: NO_NAMES });
  const list = specs.find((x) => x.record.role === "list")!;
  const built = specs.find((x) => x.record.role === "main")!;
  // The plan's types as the user retyped them: as criteria, 商* would count 商会 and 商会联合会 too, ~商会 would be 商会, <>商会 every other type.
  const types = ["商*", "~商会", "<>商会", "商会"];
  const plan: SheetSpec = { ...built, tables: built.tables.map((t) => (t.role === "targets" ? { ...t, rows: t.rows.map((r, i) => ({ ...r, type: types[i] })) } : t)) };
  const dir = mkdtempSync(join(tmpdir(), "sp-accounts-types-"));
  const file = join(dir, "types.xlsx");
  writeFileSync(file, await writeXlsx([plan, list]));
  const [book] = await recalcXlsx([file]);
  const targets = tableByRole(plan, "targets");
  expect(readColumn(book, plan, targets, "reached")).toEqual([1, 0, 1, 1]);
  expect(readColumn(book, plan, targets, "signed")).toEqual([1, 0, 0, 0]);
}, 300_000);
