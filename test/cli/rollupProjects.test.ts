import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildTemplates } from "../../src/templates";
import { NO_NAMES } from "../../src/spec/naming";
import { inspectXlsx, writeXlsx } from "../../src/writers/xlsx";
import { projectRows } from "../fixtures/projects";
import { runCli as run } from "../support/cli";
import { typeCells } from "../support/xlsxEdit";
import { cellValue, tableParts, workbookCells, XlsxPackage } from "../../src/writers/ooxml";

/** `sales-planner rollup` with a project tracker in TEAM: the 项目进度 block is written, rebuilt once, and only with a tracker. */

const dir = mkdtempSync(join(tmpdir(), "sp-cli-rollup-projects-"));

async function repFile(name: string, rep: string): Promise<string> {
  const file = join(dir, name);
  const { code } = await run("write", "weekly", "--rep", rep, "--week", "2026-W48", "--out", file);
  expect(code).toBe(0);
  return file;
}

const tablesOf = async (file: string): Promise<readonly string[]> => (await inspectXlsx(new Uint8Array(readFileSync(file)))).tables;

describe("sales-planner rollup with a project tracker", () => {
  test("the summary gets its block; rolling up again rebuilds it once; a team without a tracker gets none", async () => {
    const team = join(dir, "team.xlsx");
    writeFileSync(team, await writeXlsx(buildTemplates([{ template: "projects", options: { rows: projectRows(30, "zh-CN") } }], { locale: "zh-CN", existing: NO_NAMES })));
    const zhang = await repFile("zhang.xlsx", "张伟");
    const first = await run("rollup", "--out", team, zhang);
    expect(first).toMatchObject({ code: 0, err: "" });
    expect(first.out).toContain("项目进度:按项目跟踪表 SP_P1_Projects 列出 1 名销售代表");
    expect((await tablesOf(team)).filter((t) => t.startsWith("SP_T"))).toEqual(["SP_T1_Summary", "SP_T1_MonthlySummary", "SP_T1_Stages", "SP_T1_Meetings"]);

    // A note under the block: the weekly table and the block each gain a row (a second rep), so it moves down two, as in Excel.
    const stagesAt = async () => (await tableParts(await XlsxPackage.load(new Uint8Array(readFileSync(team))), (name) => name === "SP_T1_Stages"))[0].range;
    const before = await stagesAt();
    writeFileSync(team, await typeCells(new Uint8Array(readFileSync(team)), "团队汇总", { [`A${before.to.row + 3}`]: "项目备注" }, true));

    const wang = await repFile("wang.xlsx", "王芳");
    const second = await run("rollup", "--out", team, wang);
    expect(second.out).toContain("列出 2 名销售代表");
    const after = await stagesAt();
    expect(after.from.row).toBe(before.from.row + 1);
    expect(after.to.row).toBe(before.to.row + 2);
    const cells = (await workbookCells(await XlsxPackage.load(new Uint8Array(readFileSync(team))), (name) => name === "团队汇总")).get("团队汇总")!;
    expect(cellValue(cells.get(`A${before.to.row + 5}`))).toBe("项目备注");
    expect([...(await tablesOf(team))].filter((t) => t.startsWith("SP_T")).sort()).toEqual(["SP_T1_Meetings", "SP_T1_MonthlySummary", "SP_T1_Stages", "SP_T1_Summary"]);

    const bare = join(dir, "bare.xlsx");
    const none = await run("rollup", "--lang", "en-US", "--out", bare, zhang);
    expect(none).toMatchObject({ code: 0, err: "" });
    expect(none.out).not.toContain("Projects by stage");
    expect((await tablesOf(bare)).filter((t) => t.startsWith("SP_T"))).toEqual(["SP_T1_Summary", "SP_T1_MonthlySummary", "SP_T1_Meetings"]);
  });

  test("a tracker whose names were deleted is not listed, and the roll-up says its names are missing", async () => {
    const team = join(dir, "team-broken.xlsx");
    const specs = buildTemplates([{ template: "projects", options: { rows: projectRows(30, "zh-CN") } }], { locale: "zh-CN", existing: NO_NAMES });
    const broken = specs.map((spec) => ({ ...spec, names: spec.names.filter((n) => n.name !== "SP_P1_STAGE_BID") }));
    expect(broken.flatMap((spec) => spec.names).length).toBe(specs.flatMap((spec) => spec.names).length - 1);
    writeFileSync(team, await writeXlsx(broken));
    const result = await run("rollup", "--out", team, await repFile("li.xlsx", "李娜"));
    expect(result).toMatchObject({ code: 0, err: "" });
    expect(result.out).toContain("项目进度未列出:项目跟踪表 SP_P1_Projects 的部分命名单元格已被删除");
    expect((await tablesOf(team)).filter((t) => t.startsWith("SP_T"))).toEqual(["SP_T1_Summary", "SP_T1_MonthlySummary", "SP_T1_Meetings"]);
  });
});
