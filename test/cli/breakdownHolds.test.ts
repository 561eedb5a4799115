import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XlsxPackage } from "../../src/writers/ooxml";
import { readTableContents } from "../../src/writers/ooxml/appendRows";
import { BreakdownError, breakdownMessages, computeBreakdown, type BreakdownInput } from "../../src/team";
import { PLAIN_WEEKS } from "../../src/domain/calendar";
import { LOCALES } from "../../src/contract/locale";
import { runCli as run } from "../support/cli";
import { ANNUAL_INPUT_ZH, gbkCsv, LAST_YEAR_2026, utf8Csv } from "../fixtures/annualInput";

/** `sales-planner breakdown` with holds, late starters, month holds, last year's split and --input (issue 14). */

const dir = mkdtempSync(join(tmpdir(), "sp-cli-holds-"));

/** The written 目标分解's rep targets, and its weeks summed by rep × month: the grid as the sheet holds it. */
async function writtenGrid(file: string): Promise<{ targets: Map<string, number>; grid: Map<string, number[]>; months: number[]; total: number }> {
  const pkg = await XlsxPackage.load(new Uint8Array(readFileSync(file)));
  const reps = await readTableContents(pkg, "SP_B1_Reps");
  const weeks = await readTableContents(pkg, "SP_B1_Weeks");
  const column = (headers: readonly string[], name: string) => headers.indexOf(name);
  const [repAt, targetAt] = [column(reps.headers, "销售代表"), column(reps.headers, "目标")];
  const targets = new Map(reps.rows.map((row) => [String(row[repAt]), Number(row[targetAt])]));
  const [wRep, wMonth, wTarget] = [column(weeks.headers, "销售代表"), column(weeks.headers, "月份"), column(weeks.headers, "目标")];
  const grid = new Map([...targets.keys()].map((rep) => [rep, Array.from({ length: 12 }, () => 0)]));
  for (const row of weeks.rows) grid.get(String(row[wRep]))![Number(String(row[wMonth]).slice(5)) - 1] += Number(row[wTarget]);
  const months = Array.from({ length: 12 }, (_, m) => [...grid.values()].reduce((sum, cells) => sum + cells[m], 0));
  return { targets, grid, months, total: [...targets.values()].reduce((a, b) => a + b, 0) };
}

/** The plan's own refusal of `input`, in both languages: what the command line must print. */
function refusal(input: BreakdownInput): string[] {
  try {
    computeBreakdown(input);
  } catch (error) {
    if (error instanceof BreakdownError) return LOCALES.flatMap((locale) => breakdownMessages(error.issues, locale));
    throw error;
  }
  throw new Error("expected the plan to refuse");
}

const YEAR = { kind: "year", year: 2027 } as const;
const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

describe("breakdown --year with holds and starts", () => {
  test("a held rep keeps the hold, a late starter has nothing before the start month, and the written grid sums both ways", async () => {
    const out = join(dir, "holds.xlsx");
    const { code, err } = await run(
      "breakdown", "--out", out, "--year", "2027", "--target", "1200000", "--reps", "张三=2,李四=1,王五=1", "--hold", "王五=300000", "--start", "李四=7",
      "--month-hold", "3=150000", "--last-year", LAST_YEAR_2026.join(","), "--calendar", "none",
    );
    expect(err).toBe("");
    expect(code).toBe(0);
    const { targets, grid, months, total } = await writtenGrid(out);
    expect(total).toBe(1_200_000);
    expect(targets.get("王五")).toBe(300_000);
    // Rows: each rep's months sum to the rep's target; columns: each month's reps to the team's month.
    for (const [rep, cells] of grid) expect(sum(cells)).toBe(targets.get(rep));
    expect(grid.get("李四")!.slice(0, 6)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(grid.get("李四")!.slice(6).every((amount) => amount > 0)).toBe(true);
    expect(months[2]).toBe(150_000);
    expect(sum(months)).toBe(1_200_000);
    const plan = computeBreakdown({
      target: 1_200_000, period: YEAR, calendar: PLAIN_WEEKS,
      reps: [{ rep: "张三", weight: 2 }, { rep: "李四", weight: 1, start: 7 }, { rep: "王五", weight: 1, hold: 300_000 }],
      split: { kind: "lastYear", months: [...LAST_YEAR_2026] }, monthHolds: [null, null, 150_000, ...Array.from({ length: 9 }, () => null)],
    });
    expect(months).toEqual(plan.months);
  });

  test("the same plan from a GB18030 --input file, with a rep's own last year; --unit rounds every part", async () => {
    const file = join(dir, "plan-gbk.csv");
    // The file's 增长率 and 费用上限 are the annual plan's: a breakdown file holds the target instead.
    const rows = ANNUAL_INPUT_ZH.filter((row) => row[0] !== "增长率" && row[0] !== "费用上限").map((row) => (row[0] === "年度目标" ? ["年度目标", "1560000"] : row));
    writeFileSync(file, gbkCsv([...rows, ["取整单位", "100"]]));
    const out = join(dir, "from-file.xlsx");
    const { code, err } = await run("breakdown", "--out", out, "--year", "2027", "--input", file, "--calendar", "none");
    expect(err).toBe("");
    expect(code).toBe(0);
    const { targets, grid, months, total } = await writtenGrid(out);
    expect(total).toBe(1_560_000);
    expect(targets.get("王五")).toBe(300_000);
    for (const [rep, cells] of grid) {
      expect(sum(cells)).toBe(targets.get(rep));
      for (const amount of cells) expect(amount % 100).toBe(0);
    }
    expect(grid.get("李四")!.slice(0, 6)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(months[2]).toBe(150_000);
  });

  test("options win over the file: --reps names the team, --hold replaces the file's hold", async () => {
    const file = join(dir, "plan-utf8.csv");
    writeFileSync(file, utf8Csv(ANNUAL_INPUT_ZH.filter((row) => row[0] !== "增长率" && row[0] !== "费用上限")));
    const out = join(dir, "override.xlsx");
    const { code, err } = await run("breakdown", "--out", out, "--year", "2027", "--input", file, "--target", "1000000", "--reps", "张三=1,王五=1", "--hold", "王五=100000", "--calendar", "none");
    expect(err).toBe("");
    expect(code).toBe(0);
    const { targets } = await writtenGrid(out);
    expect(Object.fromEntries(targets)).toEqual({ 张三: 900_000, 王五: 100_000 });
  });
});

describe("breakdown --month with a hold and a unit", () => {
  test("the held rep keeps the hold, the others share the rest by weight, in whole hundreds", async () => {
    const out = join(dir, "month.xlsx");
    const { code, err } = await run("breakdown", "--out", out, "--month", "2026-11", "--target", "1000000", "--reps", "张三=3,李四=2,王五=1", "--hold", "王五=100000", "--unit", "100");
    expect(err).toBe("");
    expect(code).toBe(0);
    const pkg = await XlsxPackage.load(new Uint8Array(readFileSync(out)));
    const reps = await readTableContents(pkg, "SP_B1_Reps");
    expect(reps.rows.map((row) => [row[0], row[3]])).toEqual([["张三", 540_000], ["李四", 360_000], ["王五", 100_000]]);
  });
});

describe("refusals: exit 2, both languages, nothing written", () => {
  const refused = async (argv: string[], messages: readonly string[]) => {
    const out = join(dir, `refused-${Math.random().toString(36).slice(2)}.xlsx`);
    const { code, err } = await run(...argv.map((arg) => (arg === "OUT" ? out : arg)));
    expect(code).toBe(2);
    for (const message of messages) expect(err).toContain(message);
    expect(existsSync(out)).toBe(false);
  };

  test("holds over the target", async () => {
    const reps = [{ rep: "张三", weight: 1, hold: "800000" }, { rep: "李四", weight: 1, hold: "500000" }, { rep: "王五", weight: 1 }];
    await refused(
      ["breakdown", "--out", "OUT", "--year", "2027", "--target", "1200000", "--reps", "张三=1,李四=1,王五=1", "--hold", "张三=800000,李四=500000", "--calendar", "none"],
      refusal({ target: "1200000", period: YEAR, reps, calendar: PLAIN_WEEKS, split: { kind: "workdays" } }),
    );
  });

  test("a late starter whose hold cannot fit in the months left", async () => {
    // 李四 starts in December holding 500 000, but December is held at 100 000 for the whole team.
    const reps = [{ rep: "张三", weight: 1 }, { rep: "李四", weight: 1, hold: "500000", start: "12" }];
    const monthHolds = [...Array.from({ length: 11 }, () => undefined), "100000"];
    await refused(
      ["breakdown", "--out", "OUT", "--year", "2027", "--target", "1200000", "--reps", "张三=1,李四=1", "--hold", "李四=500000", "--start", "李四=12", "--month-hold", "12=100000", "--calendar", "none"],
      refusal({ target: "1200000", period: YEAR, reps, calendar: PLAIN_WEEKS, split: { kind: "workdays" }, monthHolds }),
    );
  });

  test.each([
    [["--month", "2026-11", "--split", "lastyear"], ["--split 只用于按年分解(--year)", "--split is for a year's breakdown (--year)"]],
    [["--month", "2026-11", "--start", "李四=7"], ["--start 只用于按年分解"]],
    [["--year", "2027", "--split", "monthly"], ["--split 只能是 lastyear", 'not "monthly"']],
    [["--year", "2027", "--split", "lastyear"], ["按上年拆分需要上年各月的销售额", "Splitting by last year needs"]],
    [["--year", "2027", "--split", "workdays", "--last-year", "1,2,3,4,5,6,7,8,9,10,11,12"], ["按工作日拆分时不用上年各月的销售额", "does not use last year's months"]],
    [["--year", "2027", "--hold", "赵六=100"], ["--hold 中的\"赵六\"不在销售代表名单中", '"赵六" in --hold is not among the reps']],
    [["--year", "2027", "--hold", "张三"], ["--hold \"张三\" 无效"]],
    [["--year", "2027", "--month-hold", "13=100"], ["--month-hold \"13=100\" 无效"]],
    [["--year", "2027", "--unit", "百"], ["取整单位\"百\"不是数字"]],
    [["--year", "2027", "--input", "plan.xlsx"], ["--input 只能是 .csv 文件"]],
  ])("%j", async (extra, messages) => {
    await refused(["breakdown", "--out", "OUT", "--target", "100000", "--reps", "张三=1,李四=1", ...extra], messages);
  });

  test("an input file with an unknown item and a bad value: every row named, in both languages", async () => {
    const file = join(dir, "bad.csv");
    writeFileSync(file, utf8Csv([["销售代表", "张三", "2"], ["市场", "华东"], ["固定月目标", "3", "十五万"]]));
    await refused(["breakdown", "--out", "OUT", "--year", "2027", "--target", "100000", "--input", file], [
      `${file} 中有无法识别的内容,未做任何修改:`,
      "第 2 行：不认识的项目“市场”。",
      "Row 3: The amount “十五万” of “Month hold (month 3)” is not a number.",
    ]);
  });

  test("an annual plan's growth in a breakdown's file is refused, as is a file without target or reps", async () => {
    const file = join(dir, "annual.csv");
    writeFileSync(file, utf8Csv(ANNUAL_INPUT_ZH));
    await refused(["breakdown", "--out", "OUT", "--year", "2027", "--input", file], [`${file} 中的"增长率、费用上限"只用于年度销售计划`]);
    const bare = join(dir, "bare.csv");
    writeFileSync(bare, utf8Csv([["销售代表", "张三", "2"]]));
    await refused(["breakdown", "--out", "OUT", "--year", "2027", "--input", bare], [`缺少 --target,${bare} 中也没有"年度目标"行。`, `Missing --target; ${bare} has no "Target" row either.`]);
  });
});
