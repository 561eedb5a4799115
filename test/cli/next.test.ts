import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { discoverPlans } from "../../src/team";
import { serialFromYmd } from "../../src/domain/calendar";
import { buildTemplates } from "../../src/templates";
import { buildBreakdownSpecs } from "../../src/templates/team";
import { NO_NAMES, withSpecs } from "../../src/spec/naming";
import { writeXlsx } from "../../src/writers/xlsx";
import { workbookNames, XlsxPackage } from "../../src/writers/ooxml";
import { readTableContents } from "../../src/writers/ooxml/appendRows";
import { xlsxNameEntries } from "../../src/writers/xlsx/mergeWorkbooks";
import { runCli as run } from "../support/cli";
import { zhangsDecember, zhangsWeek } from "../fixtures/nextPlan";

/** `sales-planner next` end to end on the file system. */

const dir = mkdtempSync(join(tmpdir(), "sp-cli-next-"));

/** A workbook with 张三's plan for 2026-W52 (typed actuals, key items in every state) and a customer register. */
async function planFile(name: string, withBreakdown = false): Promise<string> {
  const ctx = { locale: "zh-CN" as const, existing: NO_NAMES };
  const breakdown = withBreakdown
    ? buildBreakdownSpecs({ target: 1_000_000, period: { kind: "month", year: 2026, month: 12 }, reps: [{ rep: "张三", weight: 3 }, { rep: "李四", weight: 1 }] }, undefined, ctx)
    : [];
  const plan = buildTemplates(
    [
      zhangsWeek(52, {
        targets: { SALES: { target: 50_000, actual: 61_000 }, COLLECTION: { actual: 20_000 }, VISITS: { actual: 14 } },
        keyItems: [...zhangsWeek(52).options.keyItems!, { category: "新增", item: "展会", status: "取消" }, { category: "新增", item: "新客户名单", goal: "20 家" }],
      }),
      { template: "customers", options: {} },
    ],
    { ...ctx, existing: withSpecs(NO_NAMES, breakdown) },
  );
  const file = join(dir, name);
  writeFileSync(file, await writeXlsx([...breakdown, ...plan]));
  return file;
}

const PLAN_SHEET = "周计划-张三-2026W52";

async function table(file: string, name: string) {
  return readTableContents(await XlsxPackage.load(readFileSync(file)), name);
}

describe("sales-planner next", () => {
  test.each([
    [["next", "--sheet", "x"], "--in"],
    [["next", "--in", "a.xlsx"], "--sheet"],
    [["next", "--in", "a.csv", "--sheet", "x"], "a.csv"],
    [["next", "--in", "a.xlsx", "--sheet", "x", "extra"], "extra"],
    [["next", "--in", "a.xlsx", "--sheet", "x", "--rep", "张三"], "--rep"],
    [["next", "--in", "a.xlsx", "--sheet", "x", "--workweek", "三休"], "三休"],
  ])("%j is a usage error (exit 2)", async (argv, message) => {
    const { code, err } = await run(...argv);
    expect(code).toBe(2);
    expect(err).toContain(message);
  });

  test("adds next week's plan to the workbook: 上周实际, open key items, rep, team and approver carried; a second run finds it", async () => {
    const file = await planFile("zhang.xlsx");
    const first = await run("next", "--in", file, "--sheet", PLAN_SHEET);
    // Week 53 reaches into 2027, a year past the built-in holiday data: said as `write` says it.
    expect(first.err).toContain("2027 年的日期未含法定节假日和调休");
    expect(first.code).toBe(0);
    expect(first.out).toContain("2026-W53");
    expect(first.out).toContain("带入 2 项未完成的重点工作");
    expect(first.out).toContain("销售额目标留空");

    const plans = discoverPlans(await xlsxNameEntries(readFileSync(file)));
    const next = plans.find((p) => p.period === "2026-W53");
    expect(next).toMatchObject({ template: "weekly", rep: "张三", issues: [] });
    const targets = await table(file, `SP_${next!.key}_Targets`);
    const counts = await table(file, `SP_${next!.key}_CountTargets`);
    const at = (t: typeof targets, header: string) => t.headers.indexOf(header);
    expect(targets.rows.map((r) => [r[at(targets, "指标")], r[at(targets, "目标")], r[at(targets, "实际")], r[at(targets, "上周实际")]])).toEqual([
      ["销售额", null, null, 61_000],
      ["回款额", null, null, 20_000],
    ]);
    expect(counts.rows.map((r) => r[at(counts, "上周实际")])).toEqual([null, 14, null]);
    const items = await table(file, `SP_${next!.key}_KeyItems`);
    const filled = items.rows.filter((r) => r.some((v) => v !== null));
    expect(filled).toEqual([
      ["重点工作", "华联签约", "年底前定", "签 30 万", "总经理拜访", "报价支持", "张三", 46_375, "进行中"],
      ["新增", "新客户名单", null, "20 家", null, null, null, null, null],
    ]);
    const header = new Map((await workbookNames(await XlsxPackage.load(readFileSync(file)), () => true)).map((n) => [n.name, n.value]));
    expect([header.get(`SP_${next!.key}_TEAM`), header.get(`SP_${next!.key}_APPROVER`)]).toEqual(["华东一组", "王经理"]);

    const before = readFileSync(file);
    const second = await run("next", "--in", file, "--sheet", PLAN_SHEET);
    expect(second.code).toBe(0);
    expect(second.out).toContain("下期计划已存在");
    expect(second.out).toContain(next!.sheet);
    expect(readFileSync(file).equals(before)).toBe(true);

    // Week 53 of 2026 is followed by week 1 of 2027.
    const third = await run("next", "--in", file, "--sheet", next!.sheet, "--lang", "en-US");
    expect(third.code).toBe(0);
    expect(third.out).toContain("2027-W01");
    expect(discoverPlans(await xlsxNameEntries(readFileSync(file))).map((p) => p.period)).toEqual(["2026-W52", "2026-W53", "2027-W01"]);
  });

  test("adds next month's plan: key customers without their 生意回顾, open 重点工作 and VIP rows, collections still owed", async () => {
    const file = join(dir, "december.xlsx");
    writeFileSync(file, await writeXlsx(buildTemplates([zhangsDecember()], { locale: "zh-CN", existing: NO_NAMES })));
    const { code, out } = await run("next", "--in", file, "--sheet", "月计划-张三-2026-12");
    expect(code).toBe(0);
    expect(out).toContain("带入 1 个重点客户、1 项未完成的重点工作、1 笔未收齐的回款、1 项未完成的VIP培养计划");
    const next = discoverPlans(await xlsxNameEntries(readFileSync(file))).find((p) => p.period === "2027-01");
    expect(next).toMatchObject({ template: "monthly", rep: "张三", issues: [] });
    const filled = async (part: string) => (await table(file, `SP_${next!.key}_${part}`)).rows.filter((r) => r.some((v) => v !== null && v !== ""));
    expect(await filled("KeyCustomers")).toEqual([["华联超市", "A", null, "年货节陈列", "张三", null, null]]);
    expect(await filled("KeyWork")).toEqual([["华联年度合同", "年底到期", "续签 200 万", "总经理拜访", "价格政策", "张三", serialFromYmd(2026, 12, 25), "进行中"]]);
    // 应收余额 100 000 less the 30 000 collected; the date, amounts and 达成率 are January's to plan.
    expect((await filled("Collections")).map((r) => r.filter((v) => v !== null && v !== ""))).toEqual([["华联超市", "HT-001", 70_000, "张三"]]);
    expect(await filled("Vip")).toEqual([["华联超市", "B", "A", "季度联合促销", "张三", serialFromYmd(2026, 12, 25), "进行中"]]);
  });

  test("the sales target comes from the workbook's target breakdown when it holds the rep and the next week", async () => {
    const file = await planFile("breakdown.xlsx", true);
    const { code, out } = await run("next", "--in", file, "--sheet", PLAN_SHEET);
    expect(code).toBe(0);
    expect(out).toContain("取自目标分解 SP_B1_Weeks");
    const weeks = await table(file, "SP_B1_Weeks");
    const expected = weeks.rows.filter((r) => r[0] === "张三" && typeof r[3] === "number" && r[3] >= 46_384 && r[3] <= 46_390).reduce((sum, r) => sum + Number(r[6]), 0);
    expect(expected).toBeGreaterThan(0);
    const next = discoverPlans(await xlsxNameEntries(readFileSync(file))).find((p) => p.period === "2026-W53");
    const targets = await table(file, `SP_${next!.key}_Targets`);
    expect(targets.rows[0][2]).toBe(expected);
  });

  test("plans with --calendar and --holidays as write does: a year the workbook has no 节假日 table for gets the user's dates", async () => {
    const file = await planFile("holidays.xlsx");
    const lines = join(dir, "holidays.txt");
    writeFileSync(lines, "2027-01-04\n");
    const { code } = await run("next", "--in", file, "--sheet", PLAN_SHEET, "--calendar", "none", "--holidays", lines);
    expect(code).toBe(0);
    // Week 53 of 2026 ends on Sunday 2027-01-03: its plan counts 2027's working days too.
    const days = await table(file, "SP_H2027_Days");
    expect(days.rows.filter((r) => r[0] !== null).map((r) => r[0])).toEqual([serialFromYmd(2027, 1, 4)]);
  });

  test("--out writes a new file and leaves --in as it was; an existing other file is not replaced", async () => {
    const file = await planFile("keep.xlsx");
    const before = readFileSync(file);
    const out = join(dir, "keep-next.xlsx");
    expect((await run("next", "--in", file, "--sheet", PLAN_SHEET, "--out", out)).code).toBe(0);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(discoverPlans(await xlsxNameEntries(readFileSync(out))).map((p) => p.period)).toEqual(["2026-W52", "2026-W53"]);
    const other = join(dir, "other.xlsx");
    writeFileSync(other, before);
    const refused = await run("next", "--in", file, "--sheet", PLAN_SHEET, "--out", other);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain("已存在");
    expect(readFileSync(other).equals(before)).toBe(true);
  });

  test("a sheet that is not a plan, or not there, is refused with what to do; nothing written", async () => {
    const file = await planFile("refuse.xlsx");
    const before = readFileSync(file);
    const register = await run("next", "--in", file, "--sheet", "客户资源登记表");
    expect(register.code).toBe(2);
    expect(register.err).toContain("不是销售计划助手生成的周计划或月计划");
    expect(register.err).toContain("is not a weekly or monthly plan");
    const missing = await run("next", "--in", file, "--sheet", "没有这张表");
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("没有名为“没有这张表”的工作表");
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(existsSync(join(dir, ".refuse.xlsx.lock"))).toBe(false);
  });
});
