import { OfficeWriteError } from "../../../src/writers/office/errors";
import { TeamError } from "../../../src/team/errors";
import { PIVOT_COL } from "../../../src/templates/team/historySheet";
import { columnLetters } from "../../../src/spec/a1";
import { rollUpTeam } from "../../../src/writers/office/team";
import { FakeExcel } from "../../fakes/teamFake";
import { nameArea, type FakeSheet } from "../../fakes/fakeExcel";
import { normal, table, tableRows, weekly, writePlans } from "./teamSupport";

/**
 * 记录到团队历史 in Excel (recordHistory.ts) against the sync-counting fake: the figures are the named
 * cells' calculated results (given to the fake as `computed`, what Excel would show), the log gets one
 * row per plan, a period recorded again replaces its rows, a new one is appended, the manager's note
 * stays, the pivot's charts are replaced — and a failed write leaves the workbook as it was.
 */

const HISTORY = "SP_S1_History";
const SHEET = "团队历史";
const RECORDED = 46351;
const reps = ["张三", "李四", "王五"];

/** Excel's results for each plan's 销售额 target and actual names: rep i, week w → (1000·(i+1)+w, 900·(i+1)+w). */
function compute(fake: FakeExcel): void {
  for (const name of fake.state.names) {
    const m = /^SP_(W\d+)_SALES_(TARGET|ACTUAL)$/.exec(name.name);
    const area = m && nameArea(fake.state, name);
    if (!m || !area) continue;
    const sheet = area.sheet.name;
    const rep = reps.findIndex((r) => sheet.includes(r));
    const week = Number(/W(\d+)$/.exec(sheet)?.[1] ?? 0);
    const key = `${area.range.from.row},${area.range.from.col}`;
    const cell = area.sheet.cells.get(key) ?? {};
    cell.computed = (m[2] === "TARGET" ? 1000 : 900) * (rep + 1) + week;
    area.sheet.cells.set(key, cell);
  }
}

async function team(weeks: readonly number[]): Promise<FakeExcel> {
  const fake = new FakeExcel();
  await writePlans(fake, weeks.flatMap((week) => reps.map((rep) => weekly(rep, week))));
  compute(fake);
  return fake;
}

async function rollUp(fake: FakeExcel) {
  const before = fake.syncCount;
  const result = await fake.run((context) => rollUpTeam(context, "zh-CN", { recorded: RECORDED }));
  return { result, syncs: fake.syncCount - before };
}

/** 记录日期, 销售代表, 类型, 期间, 销售额目标, 销售额实际 of each log row. */
const logged = (fake: FakeExcel) => tableRows(fake, HISTORY).map((row) => [row["记录日期"], row["销售代表"], row["类型"], row["期间"], row["销售额目标"], row["销售额实际"]]);

const expectedRows = (week: number) =>
  [...reps].sort((a, b) => a.localeCompare(b, "zh-CN")).map((rep) => [RECORDED, rep, "周计划", `2026-W${week}`, 1000 * (reps.indexOf(rep) + 1) + week, 900 * (reps.indexOf(rep) + 1) + week]);

/**
 * The document as comparable data. The fake keeps formatting as a log of what was set, which putting a
 * block back writes again: compared as its effect, the last value set per property and range.
 */
function state(fake: FakeExcel): unknown {
  const { state: s } = fake;
  const formats = (sheet: FakeSheet) => Object.fromEntries([...new Map(sheet.formats.map((f) => [`${f.path}@${JSON.stringify(f.range)}`, f.value]))].sort(([a], [b]) => (a < b ? -1 : 1)));
  return JSON.parse(
    JSON.stringify({
      sheets: s.sheets.map((sheet) => ({ ...sheet, formats: formats(sheet), cells: Object.fromEntries([...sheet.cells].map(([key, cell]) => [key, normal(cell)])) })),
      tables: s.tables.map((t) => ({ ...t, sheet: t.sheet.name })),
      names: s.names,
    }),
  );
}

describe("recording the roll-up in 团队历史 (Office)", () => {
  test("first recording makes the sheet: one row per plan, Excel's figures, 达成率 a calculated column, one chart per weekly metric", async () => {
    const fake = await team([48]);
    const { result, syncs } = await rollUp(fake);
    // Two reads and the summary, then one read and the new sheet.
    expect(syncs).toBe(5);
    expect(result.history).toEqual({ sheet: SHEET, recorded: 3, replaced: 0, created: true });
    expect(logged(fake)).toEqual(expectedRows(48));
    expect(String(tableRows(fake, HISTORY)[0]["销售额达成率"])).toMatch(/^=IF\(OR\(SP_S1_History\[\[#This Row\],\[销售额目标\]\]=""/);
    expect(fake.sheet(SHEET).charts.map((c) => c.name)).toEqual(["SP_S1_Chart1", "SP_S1_Chart2", "SP_S1_Chart3", "SP_S1_Chart4", "SP_S1_Chart5"]);
  });

  test("the same week again replaces its rows in 5 syncs; a new week is appended, the older week left as corrected; the manager's note and own chart stay", async () => {
    const fake = await team([48]);
    await rollUp(fake);
    fake.seed(SHEET, "F1", [["经理备注：第48周"]]);
    const again = await rollUp(fake);
    expect(again.syncs).toBe(5);
    expect(again.result.history).toEqual({ sheet: SHEET, recorded: 3, replaced: 3, created: false });
    expect(logged(fake)).toEqual(expectedRows(48));

    // The manager corrects 李四's W48 actual and its date in the log: W48 is no longer the latest week, so it stays.
    const log = table(fake, HISTORY).range;
    fake.seed(SHEET, `A${log.from.row + 2}`, [[RECORDED - 7]]);
    fake.seed(SHEET, `F${log.from.row + 2}`, [[1234]]);
    const w48 = expectedRows(48).map((row, i) => (i === 0 ? [RECORDED - 7, ...row.slice(1, 5), 1234] : row));
    expect(logged(fake)).toEqual(w48);
    await writePlans(fake, reps.map((rep) => weekly(rep, 49)));
    compute(fake);
    const next = await rollUp(fake);
    expect(next.syncs).toBe(5);
    expect(next.result.history).toEqual({ sheet: SHEET, recorded: 3, replaced: 0, created: false });
    expect(logged(fake)).toEqual([...w48, ...expectedRows(49)]);
    expect(fake.sheet(SHEET).cells.get("0,5")?.value).toBe("经理备注：第48周");
    // The pivot's five charts replaced (each a line per rep over the two weeks), not added to.
    const charts = fake.sheet(SHEET).charts;
    expect(charts).toHaveLength(5);
    for (const chart of charts) expect(chart.series.map((s) => s.name)).toEqual(["李四", "王五", "张三"]);
    expect(table(fake, HISTORY).range.to.row - table(fake, HISTORY).range.from.row).toBe(6);
  });

  test("a note where the pivot grows refuses the recording before anything is written to the history, in the same syncs; a note clear of it stays", async () => {
    const fake = await team([48]);
    await rollUp(fake);
    const pivotRows = [...fake.sheet(SHEET).cells.keys()].map((key) => key.split(",").map(Number)).filter(([, col]) => col >= PIVOT_COL);
    const end = Math.max(...pivotRows.map(([row]) => row));
    // Below the pivot (two rows under its last), and right of it beyond its widest block (3 reps: AI..AK).
    const below = `${columnLetters(PIVOT_COL)}${end + 3}`;
    fake.seed(SHEET, below, [["经理备注：下方"]]);
    fake.seed(SHEET, "AM8", [["经理备注：右侧"]]);
    const history = () => JSON.stringify([...fake.sheet(SHEET).cells].sort(), (_, v: unknown) => v);
    const before = { log: logged(fake), cells: history(), charts: fake.sheet(SHEET).charts.length };

    // W49: each block one period longer, the pivot reaches the note below it.
    await writePlans(fake, reps.map((rep) => weekly(rep, 49)));
    compute(fake);
    const syncs = fake.syncCount;
    const error = await fake.run((context) => rollUpTeam(context, "zh-CN", { recorded: RECORDED })).then(
      () => Promise.reject(new Error("the recording should have been refused")),
      (e: unknown) => e as TeamError,
    );
    expect(error).toBeInstanceOf(TeamError);
    expect(error.code).toBe("historyNotesInTheWay");
    expect(error.params.detail).toBe(below);
    expect(error.localized("zh-CN")).toContain(`单元格 ${below} 有内容`);
    expect(error.localized("en-US")).toContain(`The cells ${below} on the team history sheet "${SHEET}"`);
    // The summary's three syncs and the history's read: no write.
    expect(fake.syncCount - syncs).toBe(4);
    expect({ log: logged(fake), cells: history(), charts: fake.sheet(SHEET).charts.length }).toEqual(before);

    // Moved away: recorded, in 5 syncs, the note right of the pivot untouched.
    fake.sheet(SHEET).cells.delete(`${end + 2},${PIVOT_COL}`);
    const moved = await rollUp(fake);
    expect(moved.syncs).toBe(5);
    expect(moved.result.history).toEqual({ sheet: SHEET, recorded: 3, replaced: 0, created: false });
    expect(fake.sheet(SHEET).cells.get("7,38")?.value).toBe("经理备注：右侧");
  });

  test("a recording Excel rejects partway leaves the workbook as it was and throws writeFailed", async () => {
    const measured = await team([48]);
    await rollUp(measured);
    const writeSync = measured.syncCount + 5;
    await rollUp(measured);
    const operations = measured.operationCounts[writeSync - 1];
    expect(operations).toBeGreaterThan(4);
    for (const after of [0, 1, Math.floor(operations / 2), operations - 1]) {
      const fake = await team([48]);
      await rollUp(fake);
      fake.seed(SHEET, "F1", [["经理备注"]]);
      await fake.run((context) => rollUpTeam(context, "zh-CN"));
      const before = state(fake);
      fake.failAtSync(5, after);
      const error = await fake.run((context) => rollUpTeam(context, "zh-CN", { recorded: RECORDED })).then(
        () => Promise.reject(new Error("the recording should have failed")),
        (e: unknown) => e as OfficeWriteError,
      );
      expect(error).toBeInstanceOf(OfficeWriteError);
      expect({ after, code: error.code }).toEqual({ after, code: "writeFailed" });
      expect(state(fake)).toEqual(before);
    }
  });
});
