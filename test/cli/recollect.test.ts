import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli as run } from "../support/cli";
import { NO_NAMES } from "../../src/spec/naming";
import { buildTemplates } from "../../src/templates";
import { discoverPlans } from "../../src/team";
import { writeXlsx } from "../../src/writers/xlsx";
import { xlsxNameEntries } from "../../src/writers/xlsx/mergeWorkbooks";
import { XlsxPackage } from "../../src/writers/ooxml";
import { readTableContents } from "../../src/writers/ooxml/appendRows";
import { firstPlan } from "../fixtures/teamCycle";

/**
 * The weekly cycle (issue 16): a rep keeps one workbook, `next` adds each week's plan to it, and the
 * manager collects that workbook every week. A plan the team workbook already holds (same template, rep
 * and period) is skipped, not copied again nor replaced — the team's copy may hold the manager's 审批 —
 * and the output names it with what to do to update it. Without the skip, last week's plan came in a
 * second time as "周计划-张三-2026W46 (2)", flagged duplicate, and `--history` recorded both copies.
 */
test("collecting a rep's workbook again copies only the plans the team workbook does not hold yet", async () => {
  const dir = mkdtempSync(join(tmpdir(), "sp-recollect-"));
  const rep = join(dir, "rep.xlsx");
  const team = join(dir, "team.xlsx");
  writeFileSync(rep, await writeXlsx(buildTemplates([firstPlan(0)], { locale: "zh-CN", existing: NO_NAMES })));
  expect((await run("rollup", "--out", team, "--history", rep)).code).toBe(0);
  expect((await run("next", "--in", rep, "--sheet", "周计划-张三-2026W46")).code).toBe(0);
  const again = await run("rollup", "--out", team, "--history", rep);
  expect(again.code).toBe(0);
  expect(again.out).toMatch(/已汇总过,未再复制:.*rep\.xlsx:"周计划-张三-2026W46"/);
  expect(again.out).toContain("删除该计划的工作表");
  expect(again.out).not.toContain("没有销售计划助手生成的");
  // A third collect with nothing new names both plans as already collected, and the file not as "without plans".
  const third = await run("rollup", "--out", team, rep);
  expect(third.out.split("\n").filter((line) => line.startsWith("已汇总过"))).toHaveLength(2);
  expect(third.out).not.toContain("没有销售计划助手生成的");
  const plans = discoverPlans(await xlsxNameEntries(new Uint8Array(readFileSync(team))));
  expect(plans.map((p) => [p.period, p.duplicateOf])).toEqual([
    ["2026-W46", []],
    ["2026-W47", []],
  ]);
  const log = await readTableContents(await XlsxPackage.load(new Uint8Array(readFileSync(team))), "SP_S1_History");
  expect(log.rows.map((row) => row[3])).toEqual(["2026-W46", "2026-W47"]);
});
