import { TeamError } from "../../../src/team";
import { columnLetters } from "../../../src/spec/a1";
import { OfficeWriteError } from "../../../src/writers/office/errors";
import { rollUpTeam } from "../../../src/writers/office/team";
import { FakeExcel } from "../../fakes/teamFake";
import { cellsOf, linkedRows, monthly, table, tableRows, totalsRow, weekly, writePlans } from "./teamSupport";

/**
 * The roll-up against the sync-counting fake, which throws on any read of an unloaded property:
 * sync bounds at 50 reps, in-place idempotent refresh, deleted, broken and duplicate plans.
 */

const reps = (count: number, from = 1) => Array.from({ length: count }, (_, i) => `代表${String(from + i).padStart(2, "0")}`);

async function teamOf(count: number): Promise<FakeExcel> {
  const fake = new FakeExcel();
  await writePlans(fake, reps(count).map((rep) => weekly(rep)));
  return fake;
}

async function rollUp(fake: FakeExcel) {
  const before = fake.syncCount;
  const result = await fake.run((context) => rollUpTeam(context, "zh-CN"));
  return { result, syncs: fake.syncCount - before };
}

const SUMMARY = "SP_T1_Summary";

describe("rollUpTeam (Office)", () => {
  test("50 reps: reads in 2 syncs and creates the summary in 1 — live links to each plan's names", async () => {
    const fake = await teamOf(50);
    const { result, syncs } = await rollUp(fake);
    expect(syncs).toBe(3);
    expect(result).toMatchObject({ sheet: "团队汇总", refreshed: false });
    expect(result.plans).toHaveLength(50);
    const rows = tableRows(fake, SUMMARY);
    expect(rows).toHaveLength(50);
    // Excel would turn a column with a different formula per row into ONE calculated column (the
    // fake does too): each linked column holds one formula, the row's 标识 picks its plan.
    const formulaColumns = Object.keys(rows[0]).filter((h) => String(rows[0][h]).startsWith("="));
    // 销售代表, 期间, 计划; target, actual, 达成率 of the 5 weekly metrics; 预估, 费用, 提交时间, 按时提交, 审批状态.
    expect(formulaColumns).toHaveLength(3 + 3 * 5 + 5);
    for (const header of formulaColumns) expect(new Set(rows.map((r) => r[header])).size).toBe(1);
    // 50 plans: two CHOOSEs of at most 30 (LibreOffice's limit), the part picked by its first key in text order.
    expect(rows[0]["销售代表"]).toMatch(
      /^=IF\(SP_T1_Summary\[\[#This Row\],\[标识\]\]="","",CHOOSE\(MATCH\(SP_T1_Summary\[\[#This Row\],\[标识\]\],\{"W1","W37"\},1\),CHOOSE\(MATCH\(SP_T1_Summary\[\[#This Row\],\[标识\]\],\{"W1","W10",.*\},0\),SP_W1_REP,.*\)&""\)$/,
    );
    const linked = linkedRows(fake, SUMMARY);
    for (const row of linked) {
      const key = String(row["标识"]);
      expect(row).toMatchObject({ 销售代表: `SP_${key}_REP`, 销售额目标: `SP_${key}_SALES_TARGET`, 费用: `SP_${key}_EXPENSE_TOTAL` });
    }
    expect(linked.find((r) => r["标识"] === "W1")).toMatchObject({
      状态: "正常",
      期间: "SP_W1_PERIOD",
      销售额实际: "SP_W1_SALES_ACTUAL",
      审批状态: "SP_W1_APPROVAL",
      预估: 'IF(SP_W1_FORECAST="","",SP_W1_FORECAST)',
    });
    expect(String(rows[0]["销售额达成率"])).toMatch(/^=IF\(OR\(SP_T1_Summary\[\[#This Row\],\[销售额目标\]\]=""/);
    const t = table(fake, SUMMARY);
    expect(t.sheet.cells.get(`${t.range.to.row},0`)?.value).toBe("团队合计");
    expect(t.sheet.cells.get(`${t.range.to.row},5`)?.formula).toBe("=SUBTOTAL(109,SP_T1_Summary[[销售额目标]])");
    expect(fake.sheet("团队汇总").charts).toHaveLength(2);
  });

  test("re-running is idempotent: same cells, 3 syncs, same sheet and table", async () => {
    const fake = await teamOf(50);
    await rollUp(fake);
    const before = cellsOf(fake.sheet("团队汇总"));
    const { result, syncs } = await rollUp(fake);
    expect(syncs).toBe(3);
    expect(result).toMatchObject({ sheet: "团队汇总", refreshed: true });
    expect(cellsOf(fake.sheet("团队汇总"))).toEqual(before);
    expect(fake.sheetNames().filter((n) => n.startsWith("团队汇总"))).toEqual(["团队汇总"]);
  });

  test("a deleted sheet is dropped, new ones added, the manager's notes kept, plan sheets never written — same table as a fresh roll-up", async () => {
    const change = async (fake: FakeExcel) => {
      await fake.run(async (context) => {
        context.workbook.worksheets.getItem("周计划-代表07-2026W48").delete();
        await context.sync();
      });
      await writePlans(fake, [weekly("代表51"), weekly("代表53"), monthly("代表52"), monthly("代表54")]);
    };
    const refreshed = await teamOf(50);
    await rollUp(refreshed);
    const t = table(refreshed, SUMMARY);
    const below = t.range.to.row + 2;
    const minutes = table(refreshed, "SP_T1_Meetings").range;
    const monthlyAt = table(refreshed, "SP_T1_MonthlySummary").range;
    // Under the monthly block (its one blank row): moves with that block only.
    refreshed.seed("团队汇总", `${columnLetters(monthlyAt.from.col)}${monthlyAt.to.row + 3}`, [["月度备注"]]);
    const beside = minutes.to.col + 2;
    refreshed.seed("团队汇总", `A${below + 1}`, [["经理备注：下周重点跟进华东区"]]);
    refreshed.seed("团队汇总", `${columnLetters(beside)}6`, [["旁注"]]);
    // The manager's minutes of the weekly meeting, in the meeting table's second row.
    const meeting = [46000, "张三、李四", "华东区重点跟进", "张三", 46007];
    refreshed.seed("团队汇总", `${columnLetters(minutes.from.col)}${minutes.from.row + 3}`, [meeting]);
    const minutesBefore = tableRows(refreshed, "SP_T1_Meetings");
    expect(minutesBefore[1]).toEqual({ 日期: 46000, 参会人: "张三、李四", 决议事项: "华东区重点跟进", 负责人: "张三", 完成期限: 46007 });
    await change(refreshed);
    const plansBefore = refreshed.state.sheets.filter((s) => s.name !== "团队汇总").map((s) => ({ name: s.name, cells: cellsOf(s) }));

    const { result, syncs } = await rollUp(refreshed);
    expect(syncs).toBe(3);
    expect(result.plans).toHaveLength(53);
    expect(refreshed.state.sheets.filter((s) => s.name !== "团队汇总").map((s) => ({ name: s.name, cells: cellsOf(s) }))).toEqual(plansBefore);
    const rows = tableRows(refreshed, SUMMARY);
    expect(rows.map((r) => r["标识"])).not.toContain("W7");
    expect(rows.map((r) => r["标识"])).toEqual(expect.arrayContaining(["W51"]));
    expect(rows.map((r) => r["标识"])).not.toContain("M1");
    expect(tableRows(refreshed, "SP_T1_MonthlySummary").map((r) => r["标识"])).toEqual(["M1", "M2"]);
    // The monthly block went from its blank row to two plans: the note under it moved down one row.
    expect(refreshed.sheet("团队汇总").cells.get(`${monthlyAt.to.row + 3},${monthlyAt.from.col}`)?.value).toBe("月度备注");
    // The meeting table is the manager's: kept as typed, where it was.
    expect(table(refreshed, "SP_T1_Meetings").range).toEqual(minutes);
    expect(tableRows(refreshed, "SP_T1_Meetings")).toEqual(minutesBefore);
    // The table grew by one row: the note below moved down with it, the note beside stayed put.
    expect(refreshed.sheet("团队汇总").cells.get(`${below + 1},0`)?.value).toBe("经理备注：下周重点跟进华东区");
    expect(refreshed.sheet("团队汇总").cells.get(`5,${beside}`)?.value).toBe("旁注");

    const fresh = await teamOf(50);
    await change(fresh);
    await rollUp(fresh);
    expect(tableRows(refreshed, SUMMARY)).toEqual(tableRows(fresh, SUMMARY));
    expect(totalsRow(refreshed, SUMMARY)).toEqual(totalsRow(fresh, SUMMARY));
    expect(tableRows(refreshed, "SP_T1_MonthlySummary")).toEqual(tableRows(fresh, "SP_T1_MonthlySummary"));
    expect(totalsRow(refreshed, "SP_T1_MonthlySummary")).toEqual(totalsRow(fresh, "SP_T1_MonthlySummary"));
  });

  test("a summary in the older one-table layout is left as the manager has it; the new one goes on a sheet of its own, and is the one refreshed next", async () => {
    const fake = await teamOf(3);
    await rollUp(fake);
    // The record of a version-1 summary (one table summing weekly and monthly plans), and a note on it.
    const sheet = fake.sheet("团队汇总");
    const record = [...sheet.cells.values()].find((cell) => cell.value === "sales-planner:teamSummary:main:v2:T1")!;
    record.value = "sales-planner:teamSummary:main:v1:T1";
    fake.seed("团队汇总", "A30", [["经理备注"]]);
    const old = cellsOf(sheet);
    const { result, syncs } = await rollUp(fake);
    expect(syncs).toBe(3);
    expect(result).toMatchObject({ sheet: "团队汇总 (2)", refreshed: false, outdated: "团队汇总" });
    expect(cellsOf(fake.sheet("团队汇总"))).toEqual(old);
    expect(tableRows(fake, "SP_T2_Summary").map((r) => r["标识"])).toEqual(["W1", "W2", "W3"]);
    const again = await rollUp(fake);
    expect(again.result).toMatchObject({ sheet: "团队汇总 (2)", refreshed: true });
    expect(again.result.outdated).toBeUndefined();
    expect(cellsOf(fake.sheet("团队汇总"))).toEqual(old);
  });

  test("a broken plan is listed as needing attention with the reason, its broken figures unlinked", async () => {
    const fake = await teamOf(5);
    fake.state.names.find((n) => n.name === "SP_W3_SALES_ACTUAL")!.formula = "=#REF!";
    fake.state.names.splice(fake.state.names.findIndex((n) => n.name === "SP_W4_FORECAST"), 1);
    const { result } = await rollUp(fake);
    expect(result.plans.map((p) => p.issues.length)).toEqual([0, 0, 1, 1, 0]);
    const rows = linkedRows(fake, SUMMARY);
    const w3 = rows.find((r) => r["标识"] === "W3")!;
    const w4 = rows.find((r) => r["标识"] === "W4")!;
    expect(w3).toMatchObject({ 状态: "需处理", 销售额目标: "SP_W3_SALES_TARGET", 销售额实际: '""', 说明: "命名单元格 SP_W3_SALES_ACTUAL 已损坏（#REF!）" });
    expect(w4).toMatchObject({ 状态: "需处理", 预估: '""', 说明: "命名单元格 SP_W4_FORECAST 已被删除" });
    // The broken names appear in no formula at all.
    const formulas = tableRows(fake, SUMMARY).flatMap((r) => Object.values(r).map(String)).filter((f) => f.startsWith("="));
    expect(formulas.filter((f) => f.includes("SP_W3_SALES_ACTUAL") || f.includes("SP_W4_FORECAST"))).toEqual([]);
  });

  test("two plans for the same rep and week are both shown and flagged", async () => {
    const fake = new FakeExcel();
    await writePlans(fake, [weekly("张三"), weekly("李四"), weekly("张三")]);
    await rollUp(fake);
    const rows = tableRows(fake, SUMMARY);
    expect(rows.map((r) => [r["标识"], r["状态"], r["说明"]])).toEqual([
      ["W2", "正常", null],
      ["W1", "重复", "与 W3 的销售代表和期间相同"],
      ["W3", "重复", "与 W1 的销售代表和期间相同"],
    ]);
  });

  test("a summary table whose columns were changed is refused with a clear message, not overwritten", async () => {
    const fake = await teamOf(3);
    await rollUp(fake);
    const t = table(fake, SUMMARY);
    t.range = { from: t.range.from, to: { ...t.range.to, col: t.range.to.col - 1 } };
    const error = await fake.run((context) => rollUpTeam(context, "zh-CN")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TeamError);
    expect((error as TeamError).localized("zh-CN")).toContain("团队汇总");
  });

  test("a summary whose monthly block's table was deleted (or whose monthly columns changed) is refused the same way, nothing written", async () => {
    const fake = await teamOf(3);
    await rollUp(fake);
    const monthlyTable = table(fake, "SP_T1_MonthlySummary");
    monthlyTable.range = { from: monthlyTable.range.from, to: { ...monthlyTable.range.to, col: monthlyTable.range.to.col + 1 } };
    const before = cellsOf(fake.sheet("团队汇总"));
    const widened = await fake.run((context) => rollUpTeam(context, "zh-CN")).catch((e: unknown) => e);
    expect(widened).toBeInstanceOf(TeamError);
    expect((widened as TeamError).code).toBe("summaryChanged");
    fake.state.tables.splice(fake.state.tables.indexOf(monthlyTable), 1);
    const deleted = await fake.run((context) => rollUpTeam(context, "zh-CN")).catch((e: unknown) => e);
    expect(deleted).toBeInstanceOf(TeamError);
    expect((deleted as TeamError).code).toBe("summaryChanged");
    expect(cellsOf(fake.sheet("团队汇总"))).toEqual(before);
  });

  test("a summary of 110 plans refreshes in batches under Excel on the web's 5 MB; a failure in a later batch is undone", async () => {
    const fake = await teamOf(100);
    await rollUp(fake);
    await writePlans(fake, reps(10, 101).map((rep) => weekly(rep)));
    const before = { cells: cellsOf(fake.sheet("团队汇总")), range: table(fake, SUMMARY).range };
    // Sync 3 is the refresh's first batch (rows added, first slices); sync 4 its second.
    fake.failAtSync(4, 1);
    const error = await fake.run((context) => rollUpTeam(context, "zh-CN")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OfficeWriteError);
    expect((error as OfficeWriteError).code).toBe("writeFailed");
    expect({ cells: cellsOf(fake.sheet("团队汇总")), range: table(fake, SUMMARY).range }).toEqual(before);

    const started = fake.syncCount;
    const { syncs } = await rollUp(fake);
    expect(syncs).toBeGreaterThan(3);
    expect(Math.max(...fake.requestBytes.slice(started))).toBeLessThan(5 * 1024 * 1024);
    const rows = linkedRows(fake, SUMMARY);
    expect(rows).toHaveLength(110);
    for (const row of rows) expect(row["销售额目标"]).toBe(`SP_${String(row["标识"])}_SALES_TARGET`);
  }, 60_000); // 110 plan sheets written and refreshed twice through the fake: longer than the unit tier's usual limit

  test("more plans than one summary's formulas can link: refused after reading, in both languages, nothing written", async () => {
    const fake = await teamOf(166);
    const before = fake.sheetNames();
    const started = fake.syncCount;
    const error = await fake.run((context) => rollUpTeam(context, "zh-CN")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TeamError);
    expect((error as TeamError).code).toBe("tooManyPlans");
    expect((error as TeamError).localized("zh-CN")).toContain("166 份计划");
    expect(fake.syncCount - started).toBe(2);
    expect(fake.sheetNames()).toEqual(before);
  });

  test("when Excel rejects the new summary, the half-written sheet and its names are removed", async () => {
    const fake = await teamOf(3);
    const sheetsBefore = fake.sheetNames();
    fake.failAtSync(3, 5);
    const error = await fake.run((context) => rollUpTeam(context, "zh-CN")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OfficeWriteError);
    expect(fake.sheetNames()).toEqual(sheetsBefore);
    expect(fake.state.names.filter((n) => n.name.startsWith("SP_T1_"))).toEqual([]);
  });
});
