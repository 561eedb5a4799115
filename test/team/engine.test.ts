import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { runCli } from "../support/cli";
import { buildBreakdownSpecs } from "../../src/templates/team";
import { computeBreakdown } from "../../src/team";
import { columnLetters } from "../../src/spec/a1";
import { buildTemplates } from "../../src/templates";
import { NO_NAMES } from "../../src/spec/naming";
import { ROLLUP_METRICS, type SheetSpec } from "../../src/spec/sheetSpec";
import { writeXlsx } from "../../src/writers/xlsx";
import { attr, elements, workbookCells, XlsxPackage } from "../../src/writers/ooxml";
import { convertWithLibreOffice, errorCells, recalcXlsx, type Computed, type ComputedWorkbook } from "../support/libreoffice";
import { namedCell, read, readColumn, tableByRole, tableCell } from "../support/specCells";

/**
 * Issue 6, item 5: twelve reps' workbooks → `sales-planner rollup` → LibreOffice recalculates the
 * team workbook; every summary cell and total is checked against figures computed here. Then one
 * rep's actual is edited in the TEAM workbook, recalculated, and the summary must follow. The
 * 目标分解 sheet and the plans it pre-fills are recalculated in the same LibreOffice run.
 * Issue 16: every rep has a weekly plan and every fourth one a monthly plan too, in the same file:
 * the weekly and the monthly blocks each total their own kind, nobody counted twice.
 */

jest.setTimeout(300_000);

const dir = mkdtempSync(join(tmpdir(), "sp-team-engine-"));

interface Figures {
  readonly rep: string;
  readonly template: "weekly" | "monthly";
  readonly period: string;
  readonly targets: Record<string, { target: number; actual: number }>;
  readonly forecast: number;
  readonly expenses: number[];
}

/** Deterministic, distinct figures per rep and plan (no randomness: a failure must be reproducible). */
function figuresOf(index: number, template: "weekly" | "monthly"): Figures {
  const scale = template === "monthly" ? 4 : 1;
  const metrics = ROLLUP_METRICS[template];
  const targets = Object.fromEntries(metrics.map((m, k) => [m, { target: scale * (1000 * (index + 1) + 37 * k), actual: scale * (700 * (index + 2) + 11 * k * index) }]));
  return {
    rep: `代表${String(index + 1).padStart(2, "0")}`,
    template,
    period: template === "weekly" ? "2026-W48" : "2026-11",
    targets,
    forecast: 5000 + 123 * index,
    expenses: [100 + index, 250 + 2 * index, 80],
  };
}

const REPS = Array.from({ length: 12 }, (_, i) => figuresOf(i, "weekly"));
/** The reps who also have a monthly plan, in the same file as their weekly one. */
const MONTHLY = REPS.flatMap((_, i) => (i % 4 === 3 ? [figuresOf(i, "monthly")] : []));

async function repWorkbook(plans: readonly Figures[]): Promise<Uint8Array> {
  const specs = buildTemplates(
    plans.map((f) => {
      const expenses = f.expenses.map((amount, i) => ({ category: ["差旅", "招待", "交通"][i], amount }));
      return f.template === "weekly"
        ? { template: "weekly", options: { rep: f.rep, year: 2026, week: 48, targets: f.targets, forecast: f.forecast, expenses } }
        : { template: "monthly", options: { rep: f.rep, year: 2026, month: 11, targets: f.targets, forecast: f.forecast, expenses } };
    }),
    { locale: "zh-CN", existing: NO_NAMES },
  );
  return writeXlsx(specs);
}

/** One block's rows by rep, as LibreOffice computed them: column header → value (`block` 0: weekly, 1: monthly, side by side). */
function summaryRows(book: ComputedWorkbook, sheet: string, block: 0 | 1): { rows: Map<string, Map<string, Computed>>; totals: Map<string, Computed> } {
  const cells = book.get(sheet);
  if (!cells) throw new Error(`no sheet ${sheet}`);
  // A formula's blank ("") reads like an empty cell.
  const at = (row: number, col: number): Computed => {
    const value = cells.get(`${columnLetters(col)}${row}`) ?? null;
    return value === "" ? null : value;
  };
  const headerRow = 5;
  let first = 0;
  for (let b = 0; b < block; b++) {
    while (at(headerRow, first) !== null) first++;
    first++;
  }
  const headers: string[] = [];
  for (let col = first; at(headerRow, col) !== null; col++) headers.push(String(at(headerRow, col)));
  const rows = new Map<string, Map<string, Computed>>();
  let row = headerRow + 1;
  for (; at(row, first) !== "团队合计"; row++) {
    const values = new Map(headers.map((h, i) => [h, at(row, first + i)]));
    rows.set(String(values.get("销售代表")), values);
  }
  return { rows, totals: new Map(headers.map((h, i) => [h, at(row, first + i)])) };
}

const METRIC_LABEL: Record<string, string> = {
  SALES: "销售额",
  COLLECTION: "回款额",
  NEW_CUSTOMERS: "新客户开发数",
  VISITS: "客户拜访数",
  CALLS: "电话联系数",
  KEY_PRODUCTS: "重点产品",
};

function expectSummary(book: ComputedWorkbook, sheet: string, reps: readonly Figures[], block: 0 | 1): void {
  const { rows, totals } = summaryRows(book, sheet, block);
  const metrics = ROLLUP_METRICS[block === 0 ? "weekly" : "monthly"];
  expect([...rows.keys()].sort()).toEqual(reps.map((r) => r.rep).sort());
  for (const f of reps) {
    const row = rows.get(f.rep)!;
    expect(row.get("状态")).toBe("正常");
    expect(row.get("期间")).toBe(f.period);
    expect(row.get("计划")).toBe(`${f.rep} ${f.period}`);
    // The plans' submission block, linked: nothing submitted yet (0, shown blank by its format; the
    // on-time flag blank), the approval its first state.
    if (block === 0) expect([row.get("提交时间"), row.get("按时提交"), row.get("审批状态")]).toEqual([0, null, "待审批"]);
    for (const m of metrics) {
      const figures = f.targets[m];
      expect([m, row.get(`${METRIC_LABEL[m]}目标`)]).toEqual([m, figures ? figures.target : null]);
      expect([m, row.get(`${METRIC_LABEL[m]}实际`)]).toEqual([m, figures ? figures.actual : null]);
      const rate = row.get(`${METRIC_LABEL[m]}达成率`);
      if (figures) expect(rate).toBeCloseTo(figures.actual / figures.target, 12);
      else expect(rate).toBeNull();
    }
    expect(row.get("预估")).toBe(f.forecast);
    expect(row.get("费用")).toBe(f.expenses.reduce((a, b) => a + b, 0));
  }
  for (const m of metrics) {
    const target = reps.reduce((sum, f) => sum + (f.targets[m]?.target ?? 0), 0);
    const actual = reps.reduce((sum, f) => sum + (f.targets[m]?.actual ?? 0), 0);
    expect([m, totals.get(`${METRIC_LABEL[m]}目标`)]).toEqual([m, target]);
    expect([m, totals.get(`${METRIC_LABEL[m]}实际`)]).toEqual([m, actual]);
    expect(totals.get(`${METRIC_LABEL[m]}达成率`)).toBeCloseTo(actual / target, 12);
  }
  expect(totals.get("预估")).toBe(reps.reduce((sum, f) => sum + f.forecast, 0));
  expect(totals.get("费用")).toBe(reps.reduce((sum, f) => sum + f.expenses.reduce((a, b) => a + b, 0), 0));
}

/** The 目标分解 sheet's formulas (shares, totals) and the pre-filled plans' named targets, as computed. */
function expectBreakdown(book: ComputedWorkbook, specs: readonly SheetSpec[]): void {
  const [sheet, ...plans] = specs;
  expect(errorCells(book)).toEqual([]);
  const reps = tableByRole(sheet, "reps");
  const targets = readColumn(book, sheet, reps, "target") as number[];
  const shares = readColumn(book, sheet, reps, "share") as number[];
  shares.forEach((share, i) => expect(share).toBeCloseTo(targets[i] / 1_000_003, 12));
  expect(read(book, sheet, tableCell(reps, reps.rows.length, "target"))).toBe(1_000_003);
  expect(read(book, sheet, tableCell(reps, reps.rows.length, "share"))).toBeCloseTo(1, 12);
  const weeks = tableByRole(sheet, "weeks");
  expect(read(book, sheet, tableCell(weeks, weeks.rows.length, "target"))).toBe(1_000_003);
  plans.forEach((plan, i) => expect(read(book, plan, namedCell(plan, `SP_M${i + 1}_SALES_TARGET`))).toBe(targets[i]));
}

/**
 * Sets rep `rep`'s 销售额 actual in the team workbook's copy of their targets table, as a user's
 * edit of that one cell (the package is edited, nothing else is rewritten).
 */
async function editActual(data: Uint8Array, rep: string, value: number): Promise<Uint8Array> {
  const pkg = await XlsxPackage.load(data);
  const book = await workbookCells(pkg);
  const sheet = (await pkg.sheets()).find((s) => book.get(s.name)?.get("B3")?.text === rep);
  if (!sheet?.path) throw new Error(`no plan sheet of ${rep}`);
  const cells = book.get(sheet.name)!;
  const row = [...cells].find(([address, cell]) => /^A\d+$/.test(address) && cell.text === "销售额" && cells.get(`D${address.slice(1)}`)?.type === "n")?.[0].slice(1);
  if (row === undefined) throw new Error(`no 销售额 row on ${sheet.name}`);
  const xml = (await pkg.text(sheet.path))!;
  const [cell] = elements(xml, "c").find(([c]) => attr(c, "r") === `D${row}`)!;
  pkg.write(sheet.path, xml.replace(cell, `${cell.slice(0, cell.indexOf(">") + 1).replace(/\/>$/, ">")}<v>${value}</v></c>`));
  return pkg.save();
}

describe("team roll-up in a real engine (LibreOffice)", () => {
  test("12 reps' files → rollup → every summary cell and total; an edited actual flows through", async () => {
    const files = await Promise.all(
      REPS.map(async (f, i) => {
        const file = join(dir, `rep${i + 1}.xlsx`);
        writeFileSync(file, await repWorkbook([f, ...MONTHLY.filter((m) => m.rep === f.rep)]));
        return file;
      }),
    );
    const team = join(dir, "team.xlsx");
    const result = await runCli("rollup", "--out", team, ...files);
    expect(result).toMatchObject({ code: 0, err: "" });
    expect(result.out).toContain("汇总了 15 张计划表");
    expect(MONTHLY.map((f) => f.rep)).toEqual(["代表04", "代表08", "代表12"]);

    const breakdown = join(dir, "breakdown.xlsx");
    const specs = buildBreakdownSpecs(
      { target: 1_000_003, period: { kind: "month", year: 2026, month: 11 }, reps: REPS.map((f, i) => ({ rep: f.rep, weight: i + 1 })), productRatios: [2, 3, 1] },
      { template: "monthly" },
      { locale: "zh-CN", existing: NO_NAMES },
    );
    writeFileSync(breakdown, await writeXlsx(specs));

    const [book, split] = await recalcXlsx([team, breakdown]);
    expect(errorCells(book)).toEqual([]);
    expectSummary(book, "团队汇总", REPS, 0);
    expectSummary(book, "团队汇总", MONTHLY, 1);
    expectBreakdown(split, specs);

    // LibreOffice reads the achievement chart and writes it back with the same series.
    const [resaved] = convertWithLibreOffice([team], "xlsx", join(dir, "resaved"));
    const zip = await JSZip.loadAsync(readFileSync(resaved));
    const charts = await Promise.all(zip.file(/^xl\/charts\/chart\d+\.xml$/).map((f) => f.async("string")));
    expect(charts).toHaveLength(2);
    const refs = charts.map((chart) => [...chart.matchAll(/<c:f>([^<]*)<\/c:f>/g)].map((m) => m[1].replace(/&apos;|'/g, "")));
    // Categories: 计划 (rep and period); values: 销售额实际 and 销售额目标 — weekly E, G, F rows 6–17
    // (the 12 weekly plans), monthly AF, AH, AG rows 6–8 (the 3 monthly ones).
    expect(refs).toEqual(
      expect.arrayContaining([
        ["&quot;销售额实际&quot;", "团队汇总!$E$6:$E$17", "团队汇总!$G$6:$G$17", "&quot;销售额目标&quot;", "团队汇总!$E$6:$E$17", "团队汇总!$F$6:$F$17"],
        ["&quot;销售额实际&quot;", "团队汇总!$AF$6:$AF$8", "团队汇总!$AH$6:$AH$8", "&quot;销售额目标&quot;", "团队汇总!$AF$6:$AF$8", "团队汇总!$AG$6:$AG$8"],
      ]),
    );

    const edited = join(dir, "team-edited.xlsx");
    writeFileSync(edited, await editActual(new Uint8Array(readFileSync(team)), REPS[4].rep, 99_999));
    const [after] = await recalcXlsx([edited]);
    const changed = REPS.map((f, i) => (i === 4 ? { ...f, targets: { ...f.targets, SALES: { ...f.targets.SALES, actual: 99_999 } } } : f));
    expectSummary(after, "团队汇总", changed, 0);
    expectSummary(after, "团队汇总", MONTHLY, 1);
  });

  test("a year with a fixed rep and a late starter: the team's months and the reps × months grid add up both ways in LibreOffice", async () => {
    const input = {
      target: 1_200_007,
      period: { kind: "year", year: 2027 } as const,
      split: { kind: "lastYear", months: [60, 55, 90, 100, 100, 110, 95, 90, 105, 120, 130, 150] } as const,
      reps: [
        { rep: "张三", weight: 3, hold: 500_000 },
        { rep: "李四", weight: 2 },
        { rep: "王五", weight: 1, start: 7 },
      ],
    };
    const specs = buildBreakdownSpecs(input, undefined, { locale: "zh-CN", existing: NO_NAMES });
    const file = join(dir, "breakdown-year.xlsx");
    writeFileSync(file, await writeXlsx(specs));
    const [book] = await recalcXlsx([file]);
    expect(errorCells(book)).toEqual([]);
    const [sheet] = specs;
    const breakdown = computeBreakdown(input);
    const grid = tableByRole(sheet, "grid");
    const months = tableByRole(sheet, "months");
    expect(readColumn(book, sheet, months, "target")).toEqual(breakdown.months);
    expect(read(book, sheet, tableCell(months, 12, "target"))).toBe(1_200_007);
    const keys = ["target", ...Array.from({ length: 12 }, (_, i) => `m${i + 1}`), "total"];
    // The check row under the grid's totals: every month's reps less the month's target, and the targets less the team's: all 0.
    for (const key of keys) expect(read(book, sheet, tableCell(grid, grid.rows.length + 1, key))).toBe(0);
    expect(readColumn(book, sheet, grid, "total")).toEqual(breakdown.reps.map((r) => r.target));
    // 王五 starts in July: nothing before it.
    expect(Array.from({ length: 6 }, (_, i) => read(book, sheet, tableCell(grid, 2, `m${i + 1}`)))).toEqual([0, 0, 0, 0, 0, 0]);
    const reps = tableByRole(sheet, "reps");
    expect(readColumn(book, sheet, reps, "held")).toEqual(["是", null, null]);
    expect(readColumn(book, sheet, reps, "target")[0]).toBe(500_000);
  });
});
