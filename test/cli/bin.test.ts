import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { errorCells, recalcXlsx } from "../support/libreoffice";
import { distFile, repoRoot } from "../support/paths";

/* The command as a user runs it: `npx sales-planner`, the built bin of package.json. */

const dir = mkdtempSync(join(tmpdir(), "sp-bin-"));
const npx = (...args: string[]) => spawnSync("npx", ["--no-install", "sales-planner", ...args], { cwd: repoRoot, encoding: "utf8" });

test("npx sales-planner writes every template into a workbook LibreOffice opens and recalculates without errors", async () => {
  distFile("cli/sales-planner.js");
  const out = join(dir, "all.xlsx");
  const result = npx("write", "weekly", "monthly", "customers", "contracts", "--out", out, "--rep", "王五", "--week", "2026-W40", "--month", "2026-10");
  expect(result.stderr.replace(/npm warn.*\n?/g, "")).toBe("");
  expect(result.status).toBe(0);
  const english = join(dir, "en.xlsx");
  execFileSync("npx", ["--no-install", "sales-planner", "write", "weekly", "customers", "--out", english, "--lang", "en-US", "--rep", "Wang"], { cwd: repoRoot });
  const [zh, en] = await recalcXlsx([out, english]);
  expect([...zh.keys()]).toEqual(["周计划-王五-2026W40", "月计划-王五-2026-10", "客户资源登记表", "客户分级设置", "客户分级汇总", "合同履行一览表", "合同履行统计"]);
  expect([...en.keys()].length).toBe(4);
  expect(errorCells(zh)).toEqual([]);
  expect(errorCells(en)).toEqual([]);
});

test("npx sales-planner reports bad usage with exit code 2", () => {
  const result = npx("write", "weekly", "--out", join(dir, "x.xlsx"), "--week", "W99");
  expect(result.status).toBe(2);
  expect(result.stderr).toContain("W99");
});
