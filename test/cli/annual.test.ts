import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XlsxPackage } from "../../src/writers/ooxml";
import { readTableContents } from "../../src/writers/ooxml/appendRows";
import type { TableContents } from "../../src/writers/append";
import { inspectXlsx } from "../../src/writers/xlsx";
import { BreakdownError, breakdownMessages, computeAnnualPlan, type AnnualPlanInput } from "../../src/team";
import { PLAIN_WEEKS } from "../../src/domain/calendar";
import { LOCALES } from "../../src/contract/locale";
import { runCli as run } from "../support/cli";
import { expectSameCells } from "../support/sameCells";
import { buildTemplates } from "../../src/templates";
import { writeXlsx } from "../../src/writers/xlsx";
import { NO_NAMES } from "../../src/spec/naming";
import { ANNUAL_INPUT_EN, ANNUAL_INPUT_ZH, gbkCsv, LAST_YEAR_2026, utf8Csv } from "../fixtures/annualInput";

/** `sales-planner write annual`: the 年度销售计划 from options and from an input file (issue 14). */

const dir = mkdtempSync(join(tmpdir(), "sp-cli-annual-"));
const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** The fixture's plan as options: +20 %, 2:3:1, 2 % cap; 李四 starts in July, 王五 holds 300 000, March is held at 150 000. */
const PLAN_OPTIONS = [
  "--year", "2027", "--last-year", LAST_YEAR_2026.join(","), "--growth", "20%", "--split", "lastyear", "--reps", "张三=2,李四=1,王五=1",
  "--start", "李四=7", "--hold", "王五=300000", "--month-hold", "3=150000", "--products", "2:3:1", "--cap", "2%", "--calendar", "none",
];

/** PLAN_OPTIONS with the options given here in place of its own (each option is given once: issue 18) or added. */
function planOptions(...changes: string[]): string[] {
  const argv = [...PLAN_OPTIONS];
  for (let i = 0; i < changes.length; i += 2) {
    const at = argv.indexOf(changes[i]);
    if (at >= 0) argv[at + 1] = changes[i + 1];
    else argv.push(changes[i], changes[i + 1]);
  }
  return argv;
}

/** A grid table (reps or products × months) as written, by its headers: each row's name, 年度目标 and twelve months. */
function gridRows(table: TableContents): { name: string; target: number; months: number[] }[] {
  const at = (header: string): number => table.headers.indexOf(header);
  const target = at("年度目标");
  const january = at("1月");
  return table.rows.map((row) => ({ name: String(row[0]), target: Number(row[target]), months: row.slice(january, january + 12).map(Number) }));
}

async function written(file: string) {
  const pkg = await XlsxPackage.load(new Uint8Array(readFileSync(file)));
  return {
    months: await readTableContents(pkg, "SP_Y1_Months"),
    reps: gridRows(await readTableContents(pkg, "SP_Y1_Reps")),
    products: gridRows(await readTableContents(pkg, "SP_Y1_Products")),
  };
}

/** The plan the fixture's options describe, computed by the domain: what the sheet's grids must hold. */
const PLAN_INPUT: AnnualPlanInput = {
  year: 2027,
  lastYear: [...LAST_YEAR_2026],
  growth: "20%",
  split: "lastYear",
  reps: [{ rep: "张三", weight: 2 }, { rep: "李四", weight: 1, start: 7 }, { rep: "王五", weight: 1, hold: 300_000 }],
  monthHolds: [null, null, 150_000, ...Array.from({ length: 9 }, () => null)],
  productRatios: [2, 3, 1],
  calendar: PLAIN_WEEKS,
};

describe("write annual", () => {
  test("from options: last year × 1.2 = 1 560 000, every grid exact both ways, the late starter and the holds kept", async () => {
    const out = join(dir, "options.xlsx");
    const { code, out: printed, err } = await run("write", "annual", "--out", out, ...PLAN_OPTIONS);
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(printed).toContain("年度计划-2027");
    const { months, reps, products } = await written(out);
    // Seed 003: 上一年度 1 300 000 × (1 + 20 %) = 1 560 000; A:B:C 2:3:1 = 520 000 : 780 000 : 260 000.
    expect(sum(reps.map((r) => r.target))).toBe(1_560_000);
    expect(products.map((p) => p.target)).toEqual([520_000, 780_000, 260_000]);
    expect(reps.find((r) => r.name === "王五")?.target).toBe(300_000);
    expect(reps.find((r) => r.name === "李四")?.months.slice(0, 6)).toEqual([0, 0, 0, 0, 0, 0]);
    const plan = computeAnnualPlan(PLAN_INPUT);
    expect(plan.target).toBe(1_560_000);
    for (const grid of [reps, products]) {
      for (const row of grid) expect(sum(row.months)).toBe(row.target);
      expect(Array.from({ length: 12 }, (_, m) => sum(grid.map((row) => row.months[m])))).toEqual(plan.months);
    }
    expect(plan.months[2]).toBe(150_000);
    // The months table holds last year and the held March as typed (its targets are formulas over them).
    const at = (header: string) => months.headers.indexOf(header);
    expect(months.rows.map((row) => row[at("上年实际")])).toEqual([...LAST_YEAR_2026]);
    expect(months.rows.map((row) => row[at("固定目标")])).toEqual(PLAN_INPUT.monthHolds);
    const names = await inspectXlsx(new Uint8Array(readFileSync(out)));
    expect(names.names).toEqual(expect.arrayContaining(["SP_Y1_TARGET", "SP_Y1_GROWTH", "SP_Y1_EXPENSE_RATIO"]));
  });

  test("every option reaches the sheet: the workbook is the writer's for the same options, cell by cell", async () => {
    const out = join(dir, "same.xlsx");
    const { code } = await run("write", "annual", "--out", out, ...planOptions("--cap", "3%", "--unit", "100", "--target", "1600000"), "--lang", "en-US");
    expect(code).toBe(0);
    const options = { ...PLAN_INPUT, expenseCap: 0.03, unit: 100, target: "1600000" };
    await expectSameCells(readFileSync(out), await writeXlsx(buildTemplates([{ template: "annual", options }], { locale: "en-US", existing: NO_NAMES })));
    // …and the options are not the defaults: without them the workbook differs.
    const plain = await writeXlsx(buildTemplates([{ template: "annual", options: PLAN_INPUT }], { locale: "en-US", existing: NO_NAMES }));
    await expect(expectSameCells(readFileSync(out), plain)).rejects.toThrow();
  });

  test.each([
    ["UTF-8", "plan-utf8.csv", () => utf8Csv(ANNUAL_INPUT_ZH)],
    ["GB18030", "plan-gbk.csv", () => gbkCsv(ANNUAL_INPUT_ZH)],
    ["English item names", "plan-en.csv", () => utf8Csv(ANNUAL_INPUT_EN.map((row) => row.map((cell) => ({ Zhang: "张三", Li: "李四", Wang: "王五" })[cell] ?? cell)))],
  ])("from an --input file (%s): the same plan as from the options", async (_name, fileName, bytes) => {
    const file = join(dir, fileName);
    writeFileSync(file, bytes());
    const out = join(dir, `${fileName}.xlsx`);
    const { code, err } = await run("write", "annual", "--out", out, "--year", "2027", "--input", file, "--calendar", "none");
    expect(err).toBe("");
    expect(code).toBe(0);
    const fromOptions = join(dir, "options-again.xlsx");
    expect((await run("write", "annual", "--out", fromOptions, ...PLAN_OPTIONS)).code).toBe(0);
    const [a, b] = [await written(out), await written(fromOptions)];
    // 张三's own last year shapes his months in the file's plan only; the totals both ways are the same.
    expect(a.reps.map((r) => [r.name, r.target])).toEqual(b.reps.map((r) => [r.name, r.target]));
    expect(a.products).toEqual(b.products);
    for (const row of a.reps) expect(sum(row.months)).toBe(row.target);
    expect(Array.from({ length: 12 }, (_, m) => sum(a.reps.map((row) => row.months[m])))).toEqual(Array.from({ length: 12 }, (_, m) => sum(b.reps.map((row) => row.months[m]))));
  });

  test("options win over the file: --growth 30% and --reps", async () => {
    const file = join(dir, "plan-win.csv");
    writeFileSync(file, utf8Csv(ANNUAL_INPUT_ZH));
    const out = join(dir, "win.xlsx");
    const { code, err } = await run("write", "annual", "--out", out, "--year", "2027", "--input", file, "--growth", "30%", "--reps", "张三=1,王五=1", "--calendar", "none");
    expect(err).toBe("");
    expect(code).toBe(0);
    const { reps } = await written(out);
    // 1 300 000 × 1.3 = 1 690 000; 王五 keeps the file's hold.
    expect(reps.map((r) => [r.name, r.target])).toEqual([["张三", 1_390_000], ["王五", 300_000]]);
  });

  test("into an existing workbook, beside what it holds", async () => {
    const out = join(dir, "existing.xlsx");
    expect((await run("write", "weekly", "--out", out, "--rep", "张三", "--week", "2026-W48")).code).toBe(0);
    const { code, err } = await run("write", "annual", "--out", out, ...PLAN_OPTIONS, "--lang", "en-US");
    expect(err).toBe("");
    expect(code).toBe(0);
    const names = await inspectXlsx(new Uint8Array(readFileSync(out)));
    expect(names.sheets).toEqual(["周计划-张三-2026W48", "节假日 2026", "Annual plan-2027"]);
    expect(names.tables).toEqual(expect.arrayContaining(["SP_W1_Targets", "SP_Y1_Months", "SP_Y1_Reps", "SP_Y1_Products"]));
  });
});

describe("write annual refuses, exit 2, both languages, nothing written", () => {
  /** The plan's own refusal of `input`, in both languages. */
  function refusal(input: Partial<AnnualPlanInput>): string[] {
    try {
      computeAnnualPlan({ ...PLAN_INPUT, ...input });
    } catch (error) {
      if (error instanceof BreakdownError) return LOCALES.flatMap((locale) => breakdownMessages(error.issues, locale));
      throw error;
    }
    throw new Error("expected the plan to refuse");
  }
  const refused = async (argv: string[], messages: readonly string[]) => {
    const out = join(dir, `refused-${Math.random().toString(36).slice(2)}.xlsx`);
    const { code, err } = await run("write", "annual", "--out", out, ...argv);
    expect(code).toBe(2);
    expect(messages.length).toBeGreaterThan(0);
    for (const message of messages) expect(err).toContain(message);
    expect(existsSync(out)).toBe(false);
  };

  test("holds over the target", async () => {
    await refused(planOptions("--hold", "王五=2000000"), refusal({ reps: [PLAN_INPUT.reps[0], PLAN_INPUT.reps[1], { rep: "王五", weight: 1, hold: "2000000" }] }));
  });

  test("a late starter who cannot fit", async () => {
    const reps = [PLAN_INPUT.reps[0], { rep: "李四", weight: 1, start: "12", hold: "500000" }, PLAN_INPUT.reps[2]];
    const monthHolds = [null, null, 150_000, ...Array.from({ length: 8 }, () => null), "100000"];
    await refused(planOptions("--start", "李四=12", "--hold", "李四=500000", "--month-hold", "3=150000,12=100000"), refusal({ reps, monthHolds }));
  });

  test("a bad growth rate and eleven months", async () => {
    const eleven = LAST_YEAR_2026.slice(0, 11).map(String);
    await refused(["--year", "2027", "--last-year", eleven.join(","), "--growth", "三成"], refusal({ lastYear: eleven, growth: "三成", reps: [], monthHolds: undefined }));
    await refused(["--year", "2027", "--last-year", eleven.join(",")], ["上年销售额需要 12 个月的数字（现在是 11 个）", "Last year's sales need 12 months (there are 11)."]);
  });

  test("an input file with an unknown item", async () => {
    const file = join(dir, "unknown.csv");
    writeFileSync(file, gbkCsv([...ANNUAL_INPUT_ZH, ["市场", "华东", "3"]]));
    await refused(["--year", "2027", "--input", file], [`${file} 中有无法识别的内容,未做任何修改:`, "第 12 行：不认识的项目“市场”。", "Row 12: Unknown item “市场”."]);
  });

  test.each([
    [["--cap", "很多"], '费用上限"很多"不是 0 到 100% 之间的比率'],
    [["--cap", "-5%"], '费用上限"-5%"不是 0 到 100% 之间的比率'],
    [["--hold", "赵六=1"], '"赵六" in --hold is not among the reps'],
  ])("%j", async (extra, message) => {
    await refused(planOptions(...extra), [message]);
  });

  test("the annual plan's options are refused for the other templates", async () => {
    const { code, err } = await run("write", "weekly", "--out", join(dir, "weekly.xlsx"), "--growth", "20%");
    expect(code).toBe(2);
    expect(err).toContain("--growth 只用于年度销售计划(write annual)。");
    expect(err).toContain("--growth is for the annual sales plan (write annual) only.");
  });
});
