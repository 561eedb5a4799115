import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli as run } from "../support/cli";
import { columnLetters } from "../../src/spec/a1";
import { NO_NAMES } from "../../src/spec/naming";
import { buildTemplates } from "../../src/templates";
import { discoverPlans, type PlanInstance } from "../../src/team";
import { writeXlsx } from "../../src/writers/xlsx";
import { xlsxNameEntries } from "../../src/writers/xlsx/mergeWorkbooks";
import { tableParts, XlsxPackage } from "../../src/writers/ooxml";
import { appendTableRows, readTableContents } from "../../src/writers/ooxml/appendRows";
import { PIVOT_COL, HISTORY_ORIGIN } from "../../src/templates/team/historySheet";
import { recalcXlsx, type Computed, type ComputedWorkbook } from "../support/libreoffice";
import { expectValidXlsx } from "../support/ooxmlGate";
import { carriedInto, doneIn, FIGURES, firstPlan, METRICS, period, REPS, totals, WEEKS, type Pair } from "../fixtures/teamCycle";

/**
 * Issue 16 item 5 on the command line and in LibreOffice: twelve reps' week-1 plans (the template builder,
 * figures and key items typed) collected into the team workbook with `rollup --history`; then five times:
 * `sales-planner next` makes each rep's next week from the last (checked: 上周实际 is last week's 实际, the
 * open key items carried with their 原因/目标/方案, the done ones not), the reps type the week's figures into
 * the new plans (and mark an item done), and the manager rolls up with `--history` again. After six weeks
 * the 团队历史 log holds one row per plan — 12 × 6 — with the typed figures; LibreOffice, recalculating
 * once at the end, computes each 达成率, each pivot cell (the rep's week, actual ÷ target), each of the
 * summary's 72 rows (past the 30 values LibreOffice's CHOOSE takes) and its totals as this test sums them.
 */

jest.setTimeout(300_000);

const dir = mkdtempSync(join(tmpdir(), "sp-cycle-engine-"));
const team = join(dir, "team.xlsx");

type Table = Awaited<ReturnType<typeof readTableContents>>;
const column = (table: Table, header: string): number => {
  const at = table.headers.indexOf(header);
  if (at < 0) throw new Error(`${header} is not a column of ${JSON.stringify(table.headers)}`);
  return at;
};
const rowOf = (table: Table, label: string): number => table.rows.findIndex((row) => row[0] === label);

const LABELS = { SALES: "销售额", COLLECTION: "回款额", VISITS: "客户拜访数" } as const;
const TABLE_OF = { SALES: "Targets", COLLECTION: "Targets", VISITS: "CountTargets" } as const;

async function plansIn(file: string): Promise<PlanInstance[]> {
  return discoverPlans(await xlsxNameEntries(new Uint8Array(readFileSync(file))));
}

const planOf = (plans: readonly PlanInstance[], r: number, w: number): PlanInstance => {
  const found = plans.filter((p) => p.rep === REPS[r] && p.period === period(w));
  expect(found).toHaveLength(1);
  return found[0];
};

/** What `next` put in rep r's plan for week w: 上周实际 per metric and the filled key item rows. */
async function checkNext(pkg: XlsxPackage, plan: PlanInstance, r: number, w: number): Promise<void> {
  for (const metric of METRICS) {
    const table = await readTableContents(pkg, `SP_${plan.key}_${TABLE_OF[metric]}`);
    const row = table.rows[rowOf(table, LABELS[metric])];
    // Last week's 实际; this week's 目标 and 实际 blank (no breakdown in the workbook), for the rep to type.
    expect({ plan: plan.sheet, metric, figures: [row[column(table, "目标")], row[column(table, "实际")], row[column(table, "上周实际")]] }).toEqual({
      plan: plan.sheet,
      metric,
      figures: [null, null, FIGURES[r][w - 1][metric][1]],
    });
  }
  const items = await readTableContents(pkg, `SP_${plan.key}_KeyItems`);
  const picked = ["类别", "事项", "原因", "目标", "方案", "完成情况"].map((h) => column(items, h));
  expect({ plan: plan.sheet, items: items.rows.filter((row) => row.some((v) => v !== null)).map((row) => picked.map((c) => row[c])) }).toEqual({ plan: plan.sheet, items: carriedInto(r, w) });
}

/** The rep typing week w's figures into its new plan, and — in the week it is done — 已完成 on its 回款 item. */
async function typeWeek(pkg: XlsxPackage, plan: PlanInstance, r: number, w: number): Promise<void> {
  for (const role of ["Targets", "CountTargets"] as const) {
    const name = `SP_${plan.key}_${role}`;
    const table = await readTableContents(pkg, name);
    const fill = METRICS.filter((m) => TABLE_OF[m] === role).map((m) => {
      const [target, actual]: Pair = FIGURES[r][w][m];
      return { index: rowOf(table, LABELS[m]), values: { 目标: target, 实际: actual } };
    });
    await appendTableRows(pkg, { table: name, rows: [], fill });
  }
  if (doneIn(r) === w) {
    const name = `SP_${plan.key}_KeyItems`;
    const items = await readTableContents(pkg, name);
    const index = items.rows.findIndex((row) => row[0] === "回款计划");
    expect(items.rows[index][column(items, "完成情况")]).toBeNull();
    expect((await appendTableRows(pkg, { table: name, rows: [], fill: [{ index, values: { 完成情况: "已完成" } }] })).filled).toBe(1);
  }
}

/** The summary of `file` lists one row per plan of `weeks`: in `book`, each row its plan's figures and the totals row their sums. */
async function expectSummaryTotals(file: string, book: ComputedWorkbook, weeks: readonly number[]): Promise<void> {
  const pkg = await XlsxPackage.load(new Uint8Array(readFileSync(file)));
  const [summary] = await tableParts(pkg, (n) => /^SP_T\d+_Summary$/.test(n));
  const listed = await readTableContents(pkg, summary.name);
  expect(listed.rows).toHaveLength(REPS.length * weeks.length);
  const shown = book.get(summary.sheet)!;
  const totalsAt = (header: string): Computed => shown.get(`${columnLetters(summary.range.from.col + column(listed, header))}${summary.range.to.row + 1}`) ?? null;
  // Each row shows its own plan's figures…
  listed.rows.forEach((_, i) => {
    const cell = (header: string): Computed => shown.get(`${columnLetters(summary.range.from.col + column(listed, header))}${summary.range.from.row + 2 + i}`) ?? null;
    const r = REPS.indexOf(cell("销售代表") as (typeof REPS)[number]);
    const w = WEEKS.findIndex((_, k) => period(k) === cell("期间"));
    expect(weeks).toContain(w);
    for (const metric of METRICS) expect([cell(`${LABELS[metric]}目标`), cell(`${LABELS[metric]}实际`)]).toEqual(FIGURES[r][w][metric].map((v) => v ?? ""));
  });
  // …and the totals row their sums.
  const all = REPS.map((_, r) => r);
  for (const metric of METRICS) {
    const { target, actual } = totals(metric, all, weeks);
    expect([metric, totalsAt(`${LABELS[metric]}目标`), totalsAt(`${LABELS[metric]}实际`)]).toEqual([metric, target, actual]);
    expect(totalsAt(`${LABELS[metric]}达成率`)).toBeCloseTo(actual / target, 10);
  }
}

test("12 reps × 6 weeks: next, typed figures, rollup --history each week; the log, the pivot and the summary's totals as summed here", async () => {
  const repFiles = await Promise.all(
    REPS.map(async (_, r) => {
      const file = join(dir, `rep${r}.xlsx`);
      writeFileSync(file, await writeXlsx(buildTemplates([firstPlan(r)], { locale: "zh-CN", existing: NO_NAMES })));
      return file;
    }),
  );
  const first = await run("rollup", "--out", team, "--history", ...repFiles);
  expect([first.code, first.err]).toEqual([0, ""]);
  expect(first.out).toContain("记录了 12 行");
  // A file holding no plan: the roll-up of the team workbook itself, when no rep file is new.
  const noPlans = join(dir, "no-plans.xlsx");
  expect((await run("write", "customers", "--out", noPlans)).code).toBe(0);

  for (let w = 1; w < WEEKS.length; w++) {
    const before = await plansIn(team);
    for (let r = 0; r < REPS.length; r++) {
      const made = await run("next", "--in", team, "--sheet", planOf(before, r, w - 1).sheet);
      expect({ rep: REPS[r], week: w, code: made.code, err: made.err }).toEqual({ rep: REPS[r], week: w, code: 0, err: "" });
      expect(made.out).toContain(period(w));
    }
    const pkg = await XlsxPackage.load(new Uint8Array(readFileSync(team)));
    const plans = await plansIn(team);
    expect(plans).toHaveLength(REPS.length * (w + 1));
    for (let r = 0; r < REPS.length; r++) {
      const plan = planOf(plans, r, w);
      await checkNext(pkg, plan, r, w);
      await typeWeek(pkg, plan, r, w);
    }
    writeFileSync(team, await pkg.save());
    const rolled = await run("rollup", "--out", team, "--history", noPlans);
    expect(rolled.code).toBe(0);
    // Only this week is recorded (new and the latest): the earlier weeks' rows stay as they were logged.
    expect(rolled.out).toContain("团队历史：工作表\"团队历史\"记录了 12 行。");
  }

  const data = new Uint8Array(readFileSync(team));
  await expectValidXlsx(data, "the team workbook after six weeks");
  const pkg = await XlsxPackage.load(data);
  const [historyTable] = await tableParts(pkg, (n) => /^SP_S\d+_History$/.test(n));
  const log = await readTableContents(pkg, historyTable.name);
  expect(log.rows).toHaveLength(REPS.length * WEEKS.length);
  const where = (row: readonly unknown[]) => ({ r: REPS.indexOf(row[column(log, "销售代表")] as (typeof REPS)[number]), w: WEEKS.findIndex((_, i) => period(i) === row[column(log, "期间")]) });
  const seen = new Set<string>();
  for (const row of log.rows) {
    const { r, w } = where(row);
    expect(r >= 0 && w >= 0).toBe(true);
    seen.add(`${r}|${w}`);
    for (const metric of METRICS) {
      expect([row[column(log, `${LABELS[metric]}目标`)], row[column(log, `${LABELS[metric]}实际`)]]).toEqual([...FIGURES[r][w][metric]]);
    }
  }
  expect(seen.size).toBe(REPS.length * WEEKS.length);

  // LibreOffice recalculates once, at the end.
  const [book] = await recalcXlsx([team]);
  const cells = book.get(historyTable.sheet)!;
  const at = (row: number, col: number): Computed => cells.get(`${columnLetters(col)}${row + 1}`) ?? null;
  const close = (value: Computed, want: number): void => {
    expect(typeof value).toBe("number");
    expect(value as number).toBeCloseTo(want, 10);
  };
  // The log's 达成率, row by row.
  log.rows.forEach((row, i) => {
    const { r, w } = where(row);
    for (const metric of METRICS) {
      const [target, actual] = FIGURES[r][w][metric];
      const value = at(historyTable.range.from.row + 1 + i, historyTable.range.from.col + column(log, `${LABELS[metric]}达成率`));
      if (target === null) expect(value).toBe("");
      else close(value, (actual ?? 0) / target);
    }
  });

  // The pivot: per metric a block "周计划 · <metric>达成率", 期间 down, reps across.
  const captionRow = (title: string): number => {
    for (let row = HISTORY_ORIGIN.row; row < HISTORY_ORIGIN.row + 400; row++) if (at(row, PIVOT_COL) === title) return row;
    throw new Error(`no block ${title}`);
  };
  const reps = [...REPS].sort((a, b) => a.localeCompare(b, "zh-CN"));
  for (const metric of METRICS) {
    const header = captionRow(`周计划 · ${LABELS[metric]}达成率`) + 1;
    expect(reps.map((_, i) => at(header, PIVOT_COL + 1 + i))).toEqual(reps);
    WEEKS.forEach((_, w) => {
      expect(at(header + 1 + w, PIVOT_COL)).toBe(period(w));
      reps.forEach((rep, i) => {
        const { target, actual } = totals(metric, [REPS.indexOf(rep as (typeof REPS)[number])], [w]);
        const value = at(header + 1 + w, PIVOT_COL + 1 + i);
        if (target === 0) expect(value).toEqual({ error: "#N/A" });
        else close(value, actual / target);
      });
    });
  }

  // The summary: 72 rows (past LibreOffice's 30 values of one CHOOSE), its totals the sums of every plan's typed figures.
  await expectSummaryTotals(team, book, WEEKS.map((_, w) => w));
});
