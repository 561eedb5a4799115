import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { discoverPlans } from "../../src/team";
import { inspectXlsx } from "../../src/writers/xlsx";
import { xlsxNameEntries } from "../../src/writers/xlsx/mergeWorkbooks";
import { runCli as run } from "../support/cli";

/** `sales-planner rollup` end to end on the file system (the engine test checks the numbers). */

const dir = mkdtempSync(join(tmpdir(), "sp-cli-rollup-"));

async function repFile(name: string, ...args: string[]): Promise<string> {
  const file = join(dir, name);
  const { code } = await run("write", ...args, "--out", file, "--week", "2026-W48", "--month", "2026-11");
  expect(code).toBe(0);
  return file;
}

/** The rep's file with one defined name removed, as if the user had deleted its cell. */
async function withoutName(file: string, name: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  zip.file("xl/workbook.xml", workbook.replace(new RegExp(`<definedName[^>]*name="${name}"[^>]*>[^<]*</definedName>`), ""));
  const damaged = file.replace(/\.xlsx$/, "-damaged.xlsx");
  writeFileSync(damaged, await zip.generateAsync({ type: "uint8array" }));
  return damaged;
}

describe("sales-planner rollup", () => {
  test.each([
    [["rollup", "--out", "team.xlsx"], "至少指定一个销售代表的工作簿"],
    [["rollup", "--out", "team.xlsx", "a.csv"], "a.csv"],
    [["rollup", "--out", "team.xlsx", "a.xlsx", "--rep", "张三"], "--rep"],
    [["rollup", "--out", "team.xlsx", "team.xlsx"], "输出文件不能同时是输入文件"],
    [["merge", "--out", "team.xlsx", "a.xlsx"], "write、rollup"],
  ])("%j is a usage error (exit 2, both languages)", async (argv, message) => {
    const { code, err } = await run(...argv);
    expect(code).toBe(2);
    expect(err).toContain(message);
    expect(err).toContain("sales-planner --help");
  });

  test("a missing rep file is a runtime failure (exit 1) and writes nothing", async () => {
    const out = join(dir, "never.xlsx");
    const { code, err } = await run("rollup", "--out", out, join(dir, "missing.xlsx"));
    expect(code).toBe(1);
    expect(err).toContain("无法读取");
    expect(existsSync(out)).toBe(false);
  });

  test("builds a team workbook, then adds to it: clashing keys and sheet names renamed, the summary rebuilt in place of the old", async () => {
    const zhang = await repFile("zhang.xlsx", "weekly", "--rep", "张三");
    const li = await repFile("li.xlsx", "weekly", "monthly", "--rep", "李四");
    const customers = await repFile("customers.xlsx", "customers");
    const team = join(dir, "team.xlsx");

    const first = await run("rollup", "--out", team, zhang, li, customers);
    expect(first.code).toBe(0);
    expect(first.out).toContain("汇总了 3 张计划表");
    expect(first.out).toContain(`${customers} 中没有销售计划助手生成的周计划或月计划`);
    const once = await inspectXlsx(new Uint8Array(readFileSync(team)));
    expect(once.sheets).toEqual(["周计划-张三-2026W48", "周计划-李四-2026W48", "月计划-李四-2026-11", "团队汇总"]);
    expect(once.tables).toContain("SP_W2_Targets");

    const second = await run("rollup", "--out", team, await withoutName(zhang, "SP_W1_FORECAST"));
    expect(second.code).toBe(0);
    expect(second.out).toContain("汇总了 4 张计划表");
    expect(second.out).toContain('需处理:"周计划-张三-2026W48 (2)":命名单元格 SP_W3_FORECAST 已被删除');
    expect(second.out).toContain('需处理:"周计划-张三-2026W48":与 W3 的销售代表和期间相同');
    const data = new Uint8Array(readFileSync(team));
    const twice = await inspectXlsx(data);
    expect(twice.sheets).toEqual(["周计划-张三-2026W48", "周计划-李四-2026W48", "月计划-李四-2026-11", "周计划-张三-2026W48 (2)", "团队汇总"]);
    expect(twice.names.filter((n) => n.startsWith("SP_T"))).toEqual(["SP_T1_TEMPLATE"]);
    const plans = discoverPlans(await xlsxNameEntries(data));
    expect(plans.map((p) => [p.key, p.sheet])).toEqual([
      ["M1", "月计划-李四-2026-11"],
      ["W2", "周计划-李四-2026W48"],
      ["W1", "周计划-张三-2026W48"],
      ["W3", "周计划-张三-2026W48 (2)"],
    ]);
  });

  test("--lang en-US writes the English summary", async () => {
    const zhang = await repFile("zhang-en.xlsx", "weekly", "--rep", "Zhang", "--lang", "en-US");
    const team = join(dir, "team-en.xlsx");
    const { code, out } = await run("rollup", "--out", team, zhang, "--lang", "en-US");
    expect(code).toBe(0);
    expect(out).toContain('rolled up 1 plan sheets, see sheet "Team summary"');
    expect((await inspectXlsx(new Uint8Array(readFileSync(team)))).sheets).toContain("Team summary");
  });
});
