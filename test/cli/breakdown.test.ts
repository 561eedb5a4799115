import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { inspectXlsx } from "../../src/writers/xlsx";
import { loadablePackage } from "../support/exceljsPackage";
import { runCli as run } from "../support/cli";

/** `sales-planner breakdown`: the 目标分解 sheet (and pre-filled plans) from the command line. */

const dir = mkdtempSync(join(tmpdir(), "sp-cli-breakdown-"));

/** Rep → target in the 目标分解 sheet's first table, as written. */
async function repTargets(file: string, sheet: string): Promise<Record<string, number>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await loadablePackage(new Uint8Array(readFileSync(file)))) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(sheet)!;
  const targets: Record<string, number> = {};
  for (let row = 8; typeof ws.getCell(row, 4).value === "number"; row++) targets[String(ws.getCell(row, 1).value)] = ws.getCell(row, 4).value as number;
  return targets;
}

describe("sales-planner breakdown", () => {
  test.each([
    [["breakdown", "--out", "b.xlsx", "--month", "2026-11", "--reps", "张三=1"], "缺少 --target"],
    [["breakdown", "--out", "b.xlsx", "--target", "100", "--reps", "张三=1"], "--month 2026-11 或 --year 2026"],
    [["breakdown", "--out", "b.xlsx", "--target", "100", "--month", "2026-11", "--year", "2026", "--reps", "a=1"], "按年分解(--year)时,--month 只用于指定月计划的月份(--plans monthly)。"],
    [["breakdown", "--out", "b.xlsx", "--target", "100", "--year", "26", "--reps", "a=1"], "年份\"26\"无效"],
    [["breakdown", "--out", "b.xlsx", "--target", "100", "--month", "2026-11", "--reps", "a=1", "--products", "2:3"], "2:3"],
    [["breakdown", "--out", "b.xlsx", "--target", "100", "--month", "2026-11", "--reps", "a=1", "--plans", "daily"], "daily"],
    [["breakdown", "--out", "b.xlsx", "--target", "100", "--month", "2026-11", "--reps", "a=1", "--rep", "x"], "--rep"],
    [["write", "weekly", "--out", "w.xlsx", "--target", "100"], "--target"],
  ])("%j is a usage error (exit 2)", async (argv, message) => {
    const { code, err } = await run(...argv);
    expect(code).toBe(2);
    expect(err).toContain(message);
  });

  test("bad weights get the breakdown's own messages, in both languages, and nothing is written", async () => {
    const out = join(dir, "bad.xlsx");
    const { code, err } = await run("breakdown", "--out", out, "--target", "100000", "--month", "2026-11", "--reps", "张三=-1,李四,王五=abc");
    expect(code).toBe(2);
    expect(err).toContain("“张三”（第 1 行）的权重不能为负数（-1）");
    expect(err).toContain("请填写“李四”（第 2 行）的权重");
    expect(err).toContain("The weight “abc” of “王五” (row 3) is not a number.");
    expect(existsSync(out)).toBe(false);
    const zero = await run("breakdown", "--out", out, "--target", "100000", "--month", "2026-11", "--reps", "张三=0，李四=0");
    expect(zero.err).toContain("所有权重都是 0");
  });

  test("full-width numbers from a Chinese input method are read in every option", async () => {
    const out = join(dir, "fullwidth.xlsx");
    const { code, err } = await run("breakdown", "--out", out, "--target", "１，０００，０００", "--year", "２０２６", "--reps", "张三＝３，李四＝２．５", "--products", "２：３：１");
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(await repTargets(out, "目标分解-2026年")).toEqual({ 张三: 545_455, 李四: 454_545 });
  });

  test("writes the breakdown and a pre-filled monthly plan per rep; targets sum exactly", async () => {
    const out = join(dir, "team.xlsx");
    const holidays = join(dir, "holidays.txt");
    writeFileSync(holidays, "2026-11-02\n");
    const { code, out: printed } = await run(
      "breakdown", "--out", out, "--target", "1,000,000", "--month", "2026-11", "--reps", "张三=3,李四=2,王五=1", "--products", "2:3:1", "--plans", "monthly", "--holidays", holidays,
    );
    expect(code).toBe(0);
    expect(printed).toContain("目标分解-2026年11月");
    const names = await inspectXlsx(new Uint8Array(readFileSync(out)));
    expect(names.sheets).toEqual(["目标分解-2026年11月", "月计划-张三-2026-11", "月计划-李四-2026-11", "月计划-王五-2026-11", "节假日 2026"]);
    expect(names.tables).toEqual(expect.arrayContaining(["SP_B1_Reps", "SP_B1_Weeks", "SP_B1_Products", "SP_M1_Targets"]));
    expect(await repTargets(out, "目标分解-2026年11月")).toEqual({ 张三: 500_000, 李四: 333_333, 王五: 166_667 });
  });

  test("weekly plans for a given week, in English", async () => {
    const out = join(dir, "weekly.xlsx");
    const { code } = await run("breakdown", "--out", out, "--target", "90000", "--year", "2026", "--reps", "Zhang=1,Li=2", "--plans", "weekly", "--week", "2026-W48", "--lang", "en-US");
    expect(code).toBe(0);
    expect((await inspectXlsx(new Uint8Array(readFileSync(out)))).sheets).toEqual(["Target breakdown-2026", "Weekly-Zhang-2026W48", "Weekly-Li-2026W48", "Holidays 2026"]);
  });

  test("a month's weekly plans are for the week named, which may start in the month before; a yearly breakdown's monthly plans are for the month named", async () => {
    // 2026-W49 runs from Monday 2026-11-30: its plan holds the rep's part of December 1–6.
    const weekly = join(dir, "weekly-default.xlsx");
    expect((await run("breakdown", "--out", weekly, "--target", "90000", "--month", "2026-12", "--reps", "Zhang=1", "--plans", "weekly", "--week", "2026-W49", "--lang", "en-US")).code).toBe(0);
    expect((await inspectXlsx(new Uint8Array(readFileSync(weekly)))).sheets).toEqual(["Target breakdown-2026-12", "Weekly-Zhang-2026W49", "Holidays 2026"]);
    const monthly = join(dir, "monthly-default.xlsx");
    expect((await run("breakdown", "--out", monthly, "--target", "90000", "--year", "2026", "--reps", "Zhang=1", "--plans", "monthly", "--month", "2026-12", "--lang", "en-US")).code).toBe(0);
    expect((await inspectXlsx(new Uint8Array(readFileSync(monthly)))).sheets).toEqual(["Target breakdown-2026", "Monthly-Zhang-2026-12", "Holidays 2026"]);
  });
});
