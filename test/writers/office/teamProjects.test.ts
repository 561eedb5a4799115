import { rollUpTeam } from "../../../src/writers/office/team";
import { writeSheets } from "../../../src/writers/office/officeWriter";
import { OfficeWriteError } from "../../../src/writers/office/errors";
import { FakeExcel } from "../../fakes/teamFake";
import { generateProjects, trackerSheet } from "../../team/trackerOfNames";
import { cellsOf, table, tableRows, totalsRow, weekly, writePlans } from "./teamSupport";
import { buildTemplates } from "../../../src/templates";
import { blockHeight } from "../../../src/templates/team";
import { projectRows } from "../../fixtures/projects";

/**
 * The pane's roll-up with a project tracker in the workbook (sync-counting fake): the 项目进度 block is
 * written with a new summary, refreshed in place, added to a summary written before the tracker (only
 * where nothing is in the way), removed with the tracker, and put back when Excel rejects the refresh.
 * The formulas' values are checked in LibreOffice (test/team/projectsRollup.engine.test.ts).
 */

const REPS = ["张三", "李四", "王五"];
const WORDS = { stages: ["前期设计", "投标", "深化设计", "备货执行", "验收", "已收款", "丢单"], results: ["未开标", "中标", "未中标"] };
const SUMMARY = "SP_T1_Summary";
const BLOCK = "SP_T1_Stages";

async function writeTracker(fake: FakeExcel, key = "P1"): Promise<void> {
  await fake.run((context) => writeSheets(context, () => [trackerSheet(key, generateProjects(40, REPS, ["周九"]), WORDS)]));
}

async function deleteSheet(fake: FakeExcel, name: string): Promise<void> {
  await fake.run(async (context) => {
    context.workbook.worksheets.getItem(name).delete();
    await context.sync();
  });
}

/** Test setup: the manager deletes a defined name (Name Manager). */
function dropName(fake: FakeExcel, name: string): void {
  const index = fake.state.names.findIndex((n) => n.name === name);
  if (index < 0) throw new Error(`no name ${name}`);
  fake.state.names.splice(index, 1);
}

/** The summary table as written: data rows and totals row. */
const summaryOf = (fake: FakeExcel) => ({ rows: tableRows(fake, SUMMARY).length, totals: totalsRow(fake, SUMMARY) });

async function team(withTracker: boolean, reps = REPS): Promise<FakeExcel> {
  const fake = new FakeExcel();
  if (withTracker) await writeTracker(fake);
  await writePlans(fake, reps.map((rep) => weekly(rep)));
  return fake;
}

async function rollUp(fake: FakeExcel) {
  const before = fake.syncCount;
  const result = await fake.run((context) => rollUpTeam(context, "zh-CN"));
  return { result, syncs: fake.syncCount - before };
}

const hasTable = (fake: FakeExcel, name: string): boolean => fake.state.tables.some((t) => t.name === name);
/** Row (0-based) of the cell holding `text` in column A of the summary sheet. */
const rowOf = (fake: FakeExcel, text: string): number | undefined =>
  [...fake.sheet("团队汇总").cells].find(([key, cell]) => key.endsWith(",0") && cell.value === text)?.[0].split(",").map(Number)[0];

describe("rollUpTeam with a project tracker (Office)", () => {
  test("a new summary lists the tracker by stage per rep under its table, in the same 3 syncs; without a tracker, no block", async () => {
    const fake = await team(true);
    const { result, syncs } = await rollUp(fake);
    expect(syncs).toBe(3);
    expect(result.projects).toEqual({ kind: "listed", table: "SP_P1_Projects" });
    const rows = tableRows(fake, BLOCK);
    expect(rows.map((r) => r["销售代表"])).toEqual(["李四", "王五", "张三", "其他"]);
    // One formula per column: Excel would make per-row formulas one calculated column.
    for (const header of Object.keys(rows[0]).slice(1)) expect(new Set(rows.map((r) => r[header])).size).toBe(1);
    expect(String(rows[0]["投标数量"])).toContain("SP_P1_COL_STAGE,SP_P1_STAGE_BID");
    const summary = table(fake, SUMMARY);
    const block = table(fake, BLOCK);
    expect(rowOf(fake, "项目进度")).toBe(summary.range.to.row + 2);
    expect(block.range.from).toEqual({ row: summary.range.to.row + 4, col: 0 });
    expect(totalsRow(fake, BLOCK)[0]?.value).toBe("合计");

    const bare = await team(false);
    const plain = await rollUp(bare);
    expect(plain.syncs).toBe(3);
    expect(plain.result.projects).toBeUndefined();
    expect(hasTable(bare, BLOCK)).toBe(false);
    expect(rowOf(bare, "项目进度")).toBeUndefined();
  });

  test("re-running is idempotent, and a new rep's plan adds a block row: the notes below the block move down with it", async () => {
    const fake = await team(true);
    await rollUp(fake);
    const before = cellsOf(fake.sheet("团队汇总"));
    expect((await rollUp(fake)).syncs).toBe(3);
    expect(cellsOf(fake.sheet("团队汇总"))).toEqual(before);

    const below = table(fake, BLOCK).range.to.row + 2;
    fake.seed("团队汇总", `A${below + 1}`, [["经理备注：项目周会周一"]]);
    await writePlans(fake, [weekly("赵六")]);
    const { result, syncs } = await rollUp(fake);
    expect(syncs).toBe(3);
    expect(result.projects).toEqual({ kind: "listed", table: "SP_P1_Projects" });
    expect(tableRows(fake, BLOCK).map((r) => r["销售代表"])).toEqual(["李四", "王五", "张三", "赵六", "其他"]);
    // The summary gained a row and so did the block: the note is two rows further down.
    expect(fake.sheet("团队汇总").cells.get(`${below + 2},0`)?.value).toBe("经理备注：项目周会周一");
    expect(String(tableRows(fake, BLOCK)[4]["投标数量"])).toContain('{"李四","王五","张三","赵六"}');

    const fresh = await team(true, [...REPS, "赵六"]);
    await rollUp(fresh);
    expect(tableRows(fake, BLOCK)).toEqual(tableRows(fresh, BLOCK));
    expect(totalsRow(fake, BLOCK)).toEqual(totalsRow(fresh, BLOCK));
  });

  test("a summary written before the tracker gets the block on the next roll-up, where a new summary has it", async () => {
    const fake = await team(false);
    await rollUp(fake);
    await writeTracker(fake);
    const { result, syncs } = await rollUp(fake);
    expect(syncs).toBe(3);
    expect(result.projects).toEqual({ kind: "listed", table: "SP_P1_Projects" });

    const fresh = await team(true);
    await rollUp(fresh);
    expect(table(fake, BLOCK).range).toEqual(table(fresh, BLOCK).range);
    expect(tableRows(fake, BLOCK)).toEqual(tableRows(fresh, BLOCK));
    expect(totalsRow(fake, BLOCK)).toEqual(totalsRow(fresh, BLOCK));
    expect(rowOf(fake, "项目进度")).toBe(rowOf(fresh, "项目进度"));
  });

  test("…but never over the manager's cells: the block is left out and the roll-up says where", async () => {
    const fake = await team(false);
    await rollUp(fake);
    const note = table(fake, SUMMARY).range.to.row + 3;
    fake.seed("团队汇总", `C${note + 1}`, [["经理备注"]]);
    await writeTracker(fake);
    const { result, syncs } = await rollUp(fake);
    expect(syncs).toBe(3);
    expect(result.projects).toEqual({ kind: "blocked", table: "SP_P1_Projects", occupied: `'团队汇总'!C${note + 1}` });
    expect(hasTable(fake, BLOCK)).toBe(false);
    expect(fake.sheet("团队汇总").cells.get(`${note},2`)?.value).toBe("经理备注");
  });

  test("the tracker deleted: the block goes with its caption; the manager's cells stay", async () => {
    const fake = await team(true);
    await rollUp(fake);
    const block = table(fake, BLOCK);
    const beside = { row: block.range.from.row, col: block.range.to.col + 2 };
    fake.seed("团队汇总", `A${block.range.to.row + 3}`, [["经理备注"]]);
    fake.sheet("团队汇总").cells.set(`${beside.row},${beside.col}`, { value: "旁注" });
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("项目跟踪表").delete();
      await context.sync();
    });
    const { result, syncs } = await rollUp(fake);
    expect(syncs).toBe(3);
    expect(result.projects).toEqual({ kind: "removed" });
    expect(hasTable(fake, BLOCK)).toBe(false);
    expect(rowOf(fake, "项目进度")).toBeUndefined();
    const cells = [...fake.sheet("团队汇总").cells.values()].map((c) => c.value);
    expect(cells.filter((v) => typeof v === "string" && v.includes("SP_P1_Projects"))).toEqual([]);
    expect(cells).toEqual(expect.arrayContaining(["经理备注", "旁注"]));
  });

  test("a refresh Excel rejects is undone: summary and block as before; a block being added is removed again", async () => {
    const fake = await team(true);
    await rollUp(fake);
    await writePlans(fake, [weekly("赵六")]);
    const before = { cells: cellsOf(fake.sheet("团队汇总")), summary: table(fake, SUMMARY).range, block: table(fake, BLOCK).range };
    // Sync 3 is the refresh's one batch: fail after the summary's steps, inside the block's.
    fake.failAtSync(3, 8);
    const error = await fake.run((context) => rollUpTeam(context, "zh-CN")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OfficeWriteError);
    expect((error as OfficeWriteError).code).toBe("writeFailed");
    expect({ cells: cellsOf(fake.sheet("团队汇总")), summary: table(fake, SUMMARY).range, block: table(fake, BLOCK).range }).toEqual(before);

    const late = await team(false);
    await rollUp(late);
    await writeTracker(late);
    const sheetBefore = cellsOf(late.sheet("团队汇总"));
    const tablesBefore = late.state.tables.map((t) => t.name);
    late.failAtSync(3, 12);
    const failed = await late.run((context) => rollUpTeam(context, "zh-CN")).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(OfficeWriteError);
    expect(cellsOf(late.sheet("团队汇总"))).toEqual(sheetBefore);
    expect(late.state.tables.map((t) => t.name)).toEqual(tablesBefore);
  });

  test("the tracker as the pane writes it (its builder, in English, next to a Chinese summary) is found by its names and listed", async () => {
    const fake = new FakeExcel();
    const rows = projectRows(60, "en-US");
    await fake.run((context) => writeSheets(context, (existing) => buildTemplates([{ template: "projects", options: { rows } }], { locale: "en-US", existing })));
    const reps = [...new Set(rows.flatMap((row) => (row.rep ? [String(row.rep)] : [])))].slice(0, 3);
    await writePlans(fake, reps.map((rep) => weekly(rep)));
    const { result, syncs } = await rollUp(fake);
    expect(syncs).toBe(3);
    expect(result.projects).toEqual({ kind: "listed", table: "SP_P1_Projects" });
    const listed = tableRows(fake, BLOCK);
    expect(listed.map((r) => r["销售代表"])).toEqual([...[...reps].sort((a, b) => a.localeCompare(b, "zh-CN")), "其他"]);
    expect(String(listed[0]["丢单金额"])).toContain('SUMIFS(SP_P1_COL_AMOUNT,SP_P1_COL_REP,"="&SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(SP_T1_Stages[[#This Row],[销售代表]],');
    // Every name the block reads is one the tracker defined.
    const defined = new Set(fake.state.names.map((n) => n.name.toUpperCase()));
    const mentioned = Object.values(listed[0]).flatMap((f) => String(f).match(/SP_P1_[A-Z_]+/g) ?? []);
    expect(mentioned.length).toBeGreaterThan(40);
    for (const name of mentioned) expect(defined).toContain(name);
  });
  test.each<[string, number, string[], string[]]>([
    ["fewer plans (rows deleted)", -2, ["张三", "李四"], []],
    ["more plans (rows added)", 2, [], ["赵六", "孙七"]],
  ])("the tracker deleted with %s: the caption goes from where it is now; the summary and the notes below stay", async (_, delta, dropped, added) => {
    const fake = await team(true);
    await rollUp(fake);
    const below = table(fake, BLOCK).range.to.row + 1;
    fake.seed("团队汇总", `A${below + 1}`, [["经理备注一"], ["经理备注二"], ["经理备注三"]]);
    for (const rep of dropped) await deleteSheet(fake, `周计划-${rep}-2026W48`);
    if (added.length > 0) await writePlans(fake, added.map((rep) => weekly(rep)));
    await deleteSheet(fake, "项目跟踪表");
    const { result, syncs } = await rollUp(fake);
    expect(syncs).toBe(3);
    expect(result.projects).toEqual({ kind: "removed" });
    const values = [...fake.sheet("团队汇总").cells.values()].map((c) => c.value);
    expect(values).not.toContain("项目进度");
    expect(values.filter((v) => typeof v === "string" && v.includes("SP_P1_Projects"))).toEqual([]);
    // The notes moved with the summary's rows, as the table rows Excel shifts them with.
    const notes = ["经理备注一", "经理备注二", "经理备注三"].map((note) => rowOf(fake, note));
    expect(notes).toEqual([0, 1, 2].map((i) => below + delta + i));

    const fresh = await team(false, [...REPS.filter((rep) => !dropped.includes(rep)), ...added]);
    await rollUp(fresh);
    // Same rows and totals as a summary never holding a block (the keys differ: plans were renumbered).
    expect(summaryOf(fake)).toEqual(summaryOf(fresh));
  });

  test.each([
    // The batch has 42 operations; the block's table is made within its first 10.
    ["before the block's table is made", 2],
    ["once the block's table is made", 20],
    ["once every operation has applied", 60],
  ])("an added block Excel rejects (%s) is taken out where it is now: the summary grew, the notes under the block area stay", async (_, failAfter) => {
    const fake = await team(false);
    await rollUp(fake);
    await writePlans(fake, [weekly("赵六"), weekly("孙七")]);
    await writeTracker(fake);
    // Right under the cells the new block needs: the gap row and the block's rows under the summary.
    const free = table(fake, SUMMARY).range.to.row + 1 + 1 + blockHeight([...REPS, "赵六", "孙七"]);
    fake.seed("团队汇总", `A${free + 1}`, [["经理备注一"], ["经理备注二"], ["经理备注三"]]);
    const before = { cells: cellsOf(fake.sheet("团队汇总")), tables: fake.state.tables.map((t) => [t.name, t.range]) };
    fake.failAtSync(3, failAfter);
    const error = await fake.run((context) => rollUpTeam(context, "zh-CN")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OfficeWriteError);
    expect((error as OfficeWriteError).code).toBe("writeFailed");
    expect({ cells: cellsOf(fake.sheet("团队汇总")), tables: fake.state.tables.map((t) => [t.name, t.range]) }).toEqual(before);
    // The notes were out of the block's way: without the failure, the block is added above them.
    expect((await rollUp(fake)).result.projects).toEqual({ kind: "listed", table: "SP_P1_Projects" });
    expect(rowOf(fake, "经理备注一")).toBe(free + 2);
  });

  test("the block's cells are free only without formulas, merged cells or data validation; a host that cannot tell adds no block", async () => {
    const occupy: [string, (fake: FakeExcel, at: { row: number; col: number }) => void, (at: { row: number; col: number }) => string][] = [
      // A formula returning "" has the value "": it must still count.
      ["formula", (fake, at) => fake.sheet("团队汇总").cells.set(`${at.row},${at.col}`, { formula: '=""' }), (at) => `'团队汇总'!C${at.row + 1}`],
      ["merge", (fake, at) => fake.sheet("团队汇总").merges.push({ from: at, to: { row: at.row + 1, col: at.col + 1 } }), (at) => `'团队汇总'!C${at.row + 1}:D${at.row + 2}`],
      ["validation", (fake, at) => fake.sheet("团队汇总").validations.push({ range: { from: at, to: at }, rule: { wholeNumber: { formula1: 0, operator: "GreaterThan" } } }), () => "whole"],
      ["no ExcelApi 1.13", (fake) => (fake.excelApi113 = false), () => "whole"],
    ];
    const office = globalThis as { Office?: unknown };
    for (const [what, put, where] of occupy) {
      // Excel 2002–2101 builds (no ExcelApi 1.13), as insertIntoActiveSheet.test.ts models them.
      if (what === "no ExcelApi 1.13") office.Office = { context: { requirements: { isSetSupported: (set: string, v: string) => set !== "ExcelApi" || Number(v) < 1.13 } } };
      const fake = await team(false);
      await rollUp(fake);
      const summary = table(fake, SUMMARY).range;
      const at = { row: summary.to.row + 3, col: 2 };
      put(fake, at);
      await writeTracker(fake);
      const before = cellsOf(fake.sheet("团队汇总"));
      const { result, syncs } = await rollUp(fake);
      expect(syncs).toBe(3);
      const whole = `'团队汇总'!A${summary.to.row + 2}:${"Z"}${summary.to.row + 1 + 1 + 8}`;
      expect([what, result.projects]).toEqual([what, { kind: "blocked", table: "SP_P1_Projects", occupied: where(at) === "whole" ? whole : where(at) }]);
      expect(hasTable(fake, BLOCK)).toBe(false);
      expect(cellsOf(fake.sheet("团队汇总"))).toEqual(before);
      delete office.Office;
    }
  });

  test("a column typed beside the block joins its table: the summary is refreshed, the block left alone and named", async () => {
    const fake = await team(true);
    await rollUp(fake);
    const block = table(fake, BLOCK);
    // What Excel's table AutoExpansion does with a value typed right of the header row.
    fake.sheet("团队汇总").cells.set(`${block.range.from.row},${block.range.to.col + 1}`, { value: "备注" });
    block.range = { from: block.range.from, to: { ...block.range.to, col: block.range.to.col + 1 } };
    const blockBefore = { cells: cellsOf(fake.sheet("团队汇总")), range: block.range };
    const blockCells = (cells: Record<string, unknown>) => Object.entries(cells).filter(([key]) => Number(key.split(",")[0]) >= blockBefore.range.from.row - 2);
    await writePlans(fake, [weekly("赵六")]);
    const { result, syncs } = await rollUp(fake);
    expect(syncs).toBe(3);
    expect(result.projects).toEqual({ kind: "changed", table: BLOCK });
    expect(tableRows(fake, SUMMARY)).toHaveLength(4);
    // The block moved down with the summary's new row, untouched.
    const shifted = Object.fromEntries(blockCells(blockBefore.cells).map(([key, cell]) => [`${Number(key.split(",")[0]) + 1},${key.split(",")[1]}`, cell]));
    expect(Object.fromEntries(blockCells(cellsOf(fake.sheet("团队汇总"))))).toEqual(shifted);
  });

  test("a refresh that lists another tracker rewrites the note naming it; a note the manager changed stays", async () => {
    const fake = await team(true);
    await rollUp(fake);
    await deleteSheet(fake, "项目跟踪表");
    await writeTracker(fake, "P2");
    const { result } = await rollUp(fake);
    expect(result.projects).toEqual({ kind: "listed", table: "SP_P2_Projects" });
    const noteRow = table(fake, BLOCK).range.from.row - 1;
    expect(String(fake.sheet("团队汇总").cells.get(`${noteRow},0`)?.value)).toContain("SP_P2_Projects");
    expect(String(tableRows(fake, BLOCK)[0]["投标数量"])).toContain("SP_P2_COL_STAGE");

    // A refresh Excel rejects puts the note back with the table.
    await deleteSheet(fake, "项目跟踪表");
    await writeTracker(fake, "P4");
    const before = cellsOf(fake.sheet("团队汇总"));
    fake.failAtSync(3, 1000);
    expect(await fake.run((context) => rollUpTeam(context, "zh-CN")).catch((e: unknown) => e)).toBeInstanceOf(OfficeWriteError);
    expect(cellsOf(fake.sheet("团队汇总"))).toEqual(before);
    expect(String(fake.sheet("团队汇总").cells.get(`${noteRow},0`)?.value)).toContain("SP_P2_Projects");

    fake.sheet("团队汇总").cells.set(`${noteRow},0`, { value: "经理的说明" });
    await deleteSheet(fake, "项目跟踪表");
    await writeTracker(fake, "P3");
    await rollUp(fake);
    expect(fake.sheet("团队汇总").cells.get(`${noteRow},0`)?.value).toBe("经理的说明");
  });
  test("a tracker whose names were deleted is not listed, and the roll-up says so rather than that the tracker is gone", async () => {
    const fake = await team(true);
    await rollUp(fake);
    dropName(fake, "SP_P1_STAGE_BID");
    const { result, syncs } = await rollUp(fake);
    expect(syncs).toBe(3);
    expect(result.projects).toEqual({ kind: "unlisted", table: "SP_P1_Projects", removed: true });
    expect(hasTable(fake, BLOCK)).toBe(false);
    expect((await rollUp(fake)).result.projects).toEqual({ kind: "unlisted", table: "SP_P1_Projects", removed: false });
    const fresh = await team(true);
    dropName(fresh, "SP_P1_COL_REP");
    expect((await rollUp(fresh)).result.projects).toEqual({ kind: "unlisted", table: "SP_P1_Projects", removed: false });
  });
});
