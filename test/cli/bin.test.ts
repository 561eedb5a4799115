import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chinaWorkCalendar } from "../../src/domain/chinaCalendar";
import { NO_NAMES } from "../../src/spec/naming";
import { buildTemplates } from "../../src/templates";
import { writeXlsx } from "../../src/writers/xlsx";
import { distFile, repoRoot } from "../support/paths";
import { expectSameCells } from "../support/sameCells";

/* The command as a user runs it: `npx sales-planner`, the built bin of package.json. */

const dir = mkdtempSync(join(tmpdir(), "sp-bin-"));
const npx = (...args: string[]) => spawnSync("npx", ["--no-install", "sales-planner", ...args], { cwd: repoRoot, encoding: "utf8" });

test("npx sales-planner writes every template: the writer's workbook for the options given, in either language", async () => {
  distFile("cli/sales-planner.js");
  const out = join(dir, "all.xlsx");
  const result = npx("write", "weekly", "monthly", "customers", "contracts", "--out", out, "--rep", "王五", "--week", "2026-W40", "--month", "2026-10");
  expect(result.stderr.replace(/npm warn.*\n?/g, "")).toBe("");
  expect(result.status).toBe(0);
  const english = join(dir, "en.xlsx");
  execFileSync("npx", ["--no-install", "sales-planner", "write", "weekly", "customers", "--out", english, "--lang", "en-US", "--rep", "Wang", "--week", "2026-W40"], { cwd: repoRoot });

  // The command line's default calendar: China's built-in days of the years the plans count in (2026 here).
  const calendar = chinaWorkCalendar(undefined, 2026, 2026);
  const weekly = (rep: string) => ({ template: "weekly", options: { rep, year: 2026, week: 40, calendar } }) as const;
  const zh = buildTemplates(
    [
      weekly("王五"),
      { template: "monthly", options: { rep: "王五", year: 2026, month: 10, calendar } },
      { template: "customers", options: {} },
      { template: "contracts", options: { statsYear: 2026 } },
    ],
    { locale: "zh-CN", existing: NO_NAMES },
  );
  expect(zh.map((spec) => spec.name)).toEqual(["周计划-王五-2026W40", "月计划-王五-2026-10", "客户资源登记表", "客户分级设置", "客户分级汇总", "合同履行一览表", "合同履行统计", "应收账龄", "节假日 2026"]);
  await expectSameCells(readFileSync(out), await writeXlsx(zh));
  const en = buildTemplates([weekly("Wang"), { template: "customers", options: {} }], { locale: "en-US", existing: NO_NAMES });
  await expectSameCells(readFileSync(english), await writeXlsx(en));
});

test("npx sales-planner reports bad usage with exit code 2", () => {
  const result = npx("write", "weekly", "--out", join(dir, "x.xlsx"), "--week", "W99");
  expect(result.status).toBe(2);
  expect(result.stderr).toContain("W99");
});
