import { PLAIN_WEEKS } from "../../../src/domain/calendar";
import { rollUpTeam } from "../../../src/writers/office/team";
import { nextPlanInWorkbook } from "../../../src/writers/office/team/nextPlan";
import { FakeExcel } from "../../fakes/teamFake";
import { nameArea } from "../../fakes/fakeExcel";
import { carriedInto, doneIn, FIGURES, firstPlan, METRICS, period, REPS, totals, WEEKS } from "../../fixtures/teamCycle";
import { keyOn, linkedRows, table, tableRows, writePlans } from "./teamSupport";

/**
 * Issue 16 item 5 in Excel (the sync-counting fake): the twelve reps' week-1 plans written as the pane writes
 * them, then five times: 下周计划 from each rep's plan (its sheet active, as the pane's button runs), the week's
 * figures typed into the new plans (and Excel's results of their named target / actual cells given to the
 * fake), an item marked done, and 汇总团队计划 with 记录到团队历史. Each operation takes the same number of
 * syncs in week 6 as in week 2, for the twelfth rep as for the first; after six weeks the log holds the
 * typed figures of all 72 plans and the summary links each of its 72 rows to its own plan.
 */

const RECORDED = 46_351;
const LABELS = { SALES: "销售额", COLLECTION: "回款额", VISITS: "客户拜访数" } as const;
const TABLE_OF = { SALES: "Targets", COLLECTION: "Targets", VISITS: "CountTargets" } as const;

/** Types `value` into the cell of `tableName`'s data row `row` under `header`, as a rep would. */
function type(fake: FakeExcel, tableName: string, row: number, header: string, value: string | number | null): void {
  if (value === null) return;
  const t = table(fake, tableName);
  const col = Array.from({ length: t.range.to.col - t.range.from.col + 1 }, (_, c) => t.sheet.cells.get(`${t.range.from.row},${t.range.from.col + c}`)?.value).indexOf(header);
  expect(col).toBeGreaterThanOrEqual(0);
  const key = `${t.range.from.row + 1 + row},${t.range.from.col + col}`;
  t.sheet.cells.set(key, { ...t.sheet.cells.get(key), value });
}

/** Sets what Excel calculates for a formula cell named `name`. */
function compute(fake: FakeExcel, name: string, value: number | null): void {
  const found = fake.state.names.find((n) => n.name === name);
  const area = found && nameArea(fake.state, found);
  if (!area) throw new Error(`no name ${name}`);
  const key = `${area.range.from.row},${area.range.from.col}`;
  const cell = area.sheet.cells.get(key);
  expect(cell?.formula).toBeDefined();
  if (value !== null) area.sheet.cells.set(key, { ...cell, computed: value });
}

/** What the cell a name points at shows: Excel's result of its formula, else its value. */
function shown(fake: FakeExcel, name: string): unknown {
  const found = fake.state.names.find((n) => n.name === name);
  const area = found && nameArea(fake.state, found);
  const cell = area?.sheet.cells.get(`${area.range.from.row},${area.range.from.col}`);
  return cell?.formula !== undefined ? cell.computed : cell?.value;
}

/** Rep `r` types week `w`'s figures into the plan `key` (and, in its week, 已完成 on the 回款 item); Excel recalculates. */
function typeWeek(fake: FakeExcel, key: string, r: number, w: number): void {
  for (const metric of METRICS) {
    const name = `SP_${key}_${TABLE_OF[metric]}`;
    const row = tableRows(fake, name).findIndex((cells) => cells["指标"] === LABELS[metric]);
    const [target, actual] = FIGURES[r][w][metric];
    type(fake, name, row, "目标", target);
    type(fake, name, row, "实际", actual);
    compute(fake, `SP_${key}_${metric}_TARGET`, target);
    compute(fake, `SP_${key}_${metric}_ACTUAL`, actual);
  }
  if (doneIn(r) === w) {
    const name = `SP_${key}_KeyItems`;
    const rows = tableRows(fake, name);
    const row = rows.findIndex((cells) => cells["类别"] === "回款计划");
    expect(rows[row]["完成情况"]).toBeNull();
    type(fake, name, row, "完成情况", "已完成");
  }
}

async function syncsOf<T>(fake: FakeExcel, run: () => Promise<T>): Promise<{ result: T; syncs: number }> {
  const before = fake.syncCount;
  const result = await run();
  return { result, syncs: fake.syncCount - before };
}

test("12 reps × 6 weeks in one workbook: 下周计划, typed figures and the roll-up with history each week, in constant syncs; the log and the summary as summed here", async () => {
  const fake = new FakeExcel();
  const sheets = (await writePlans(fake, REPS.map((_, r) => firstPlan(r)))).slice(0, REPS.length);
  const keys = sheets.map((sheet) => keyOn(fake, sheet));
  keys.forEach((key, r) => typeWeek(fake, key, r, 0));
  const nextSyncs = new Set<number>();
  const rollupSyncs: number[] = [];
  const rollUp = async () => {
    const { result, syncs } = await syncsOf(fake, () => fake.run((context) => rollUpTeam(context, "zh-CN", { recorded: RECORDED })));
    rollupSyncs.push(syncs);
    return result;
  };
  expect((await rollUp()).history).toEqual({ sheet: "团队历史", recorded: 12, replaced: 0, created: true });

  for (let w = 1; w < WEEKS.length; w++) {
    for (let r = 0; r < REPS.length; r++) {
      fake.state.active = fake.sheet(sheets[r]);
      const { result, syncs } = await syncsOf(fake, () => fake.run((context) => nextPlanInWorkbook(context, "zh-CN", () => PLAIN_WEEKS)));
      nextSyncs.add(syncs);
      expect(result).toMatchObject({ kind: "written", period: period(w), template: "weekly", carried: { keyItems: carriedInto(r, w).length } });
      if (result.kind !== "written") throw new Error("expected a new plan");
      expect(fake.state.active?.name).toBe(result.sheet);
      sheets[r] = result.sheet;
      keys[r] = keyOn(fake, result.sheet);
      for (const metric of METRICS) {
        const row = tableRows(fake, `SP_${keys[r]}_${TABLE_OF[metric]}`).find((cells) => cells["指标"] === LABELS[metric]);
        expect({ sheet: result.sheet, metric, figures: [row?.["目标"], row?.["实际"], row?.["上周实际"]] }).toEqual({
          sheet: result.sheet,
          metric,
          figures: [null, null, FIGURES[r][w - 1][metric][1]],
        });
      }
      const items = tableRows(fake, `SP_${keys[r]}_KeyItems`).filter((cells) => cells["事项"] !== null);
      expect(items.map((cells) => ["类别", "事项", "原因", "目标", "方案", "完成情况"].map((h) => cells[h]))).toEqual(carriedInto(r, w));
      typeWeek(fake, keys[r], r, w);
    }
    // Only this week is recorded (new and the latest): the earlier weeks' rows stay as they were logged.
    expect((await rollUp()).history).toEqual({ sheet: "团队历史", recorded: 12, replaced: 0, created: false });
  }
  // Every next plan in the same syncs, and every roll-up with its recording: neither grows with the weeks or the reps.
  expect([...nextSyncs]).toEqual([5]);
  expect(rollupSyncs).toEqual(WEEKS.map(() => 5));

  // The log: one row per plan, the figures the reps typed.
  const log = tableRows(fake, "SP_S1_History");
  expect(log).toHaveLength(REPS.length * WEEKS.length);
  const logged = new Map(log.map((row) => [`${row["销售代表"]}|${row["期间"]}`, row]));
  expect(logged.size).toBe(REPS.length * WEEKS.length);
  REPS.forEach((rep, r) =>
    WEEKS.forEach((_, w) => {
      const row = logged.get(`${rep}|${period(w)}`);
      expect(row).toMatchObject({ 记录日期: RECORDED, 类型: "周计划" });
      for (const metric of METRICS) expect([row?.[`${LABELS[metric]}目标`], row?.[`${LABELS[metric]}实际`]]).toEqual([...FIGURES[r][w][metric]]);
    }),
  );
  // The summary: 72 rows, each linked to its own plan; what they show adds up to the test's sums.
  const summary = linkedRows(fake, "SP_T1_Summary");
  expect(summary).toHaveLength(REPS.length * WEEKS.length);
  const all = REPS.map((_, r) => r);
  const weeks = WEEKS.map((_, w) => w);
  for (const metric of METRICS) {
    const sumOf = (header: string) => summary.reduce((total, row) => total + Number(shown(fake, String(row[header])) ?? 0), 0);
    expect([sumOf(`${LABELS[metric]}目标`), sumOf(`${LABELS[metric]}实际`)]).toEqual([totals(metric, all, weeks).target, totals(metric, all, weeks).actual]);
  }
  const listed = summary.map((row) => `${String(shown(fake, String(row["销售代表"])))}|${String(shown(fake, String(row["期间"])))}`);
  expect(new Set(listed)).toEqual(new Set(REPS.flatMap((rep) => WEEKS.map((_, w) => `${rep}|${period(w)}`))));
});
