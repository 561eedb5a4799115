/**
 * Issue 17 item 4: `sales-planner rollup` at team size — 50, 100, 200 and 300 reps' weekly plans (one
 * file each, written by the command line's own writer) collected into a new team workbook. Prints per
 * size the seconds to collect them (`mergeRepWorkbooks`, then the plans found by their names, as
 * `rollupWorkbooks` does) with the ratio to 50 plans, measured in one run (goal: 300 within 6× of 50),
 * and the whole roll-up with its 团队汇总 sheet — which links at most about 165 plans (one formula per
 * column names every plan, `templates/team/rollupSheet.ts`), so beyond that the command refuses.
 */
import { readFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main as cli, nodeIo } from "../src/cli/main";
import { discoverPlans } from "../src/team/plans";
import { TeamError } from "../src/team/errors";
import { rollupWorkbooks } from "../src/writers/xlsx/team/rollupFiles";
import { mergeRepWorkbooks, xlsxNameEntries, type RepFile } from "../src/writers/xlsx/mergeWorkbooks";

const SIZES = (process.env.SP_BENCH_PLANS ?? "50,100,200,300").split(",").map(Number);

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "sp-bench-rollup-"));
  try {
    const reps: RepFile[] = [];
    for (let i = 1; i <= Math.max(...SIZES); i++) {
      const file = join(dir, `rep${i}.xlsx`);
      const code = await cli(["write", "weekly", "--rep", `销售${i}`, "--week", "2026-W48", "--out", file], { ...nodeIo, stdout: () => undefined });
      if (code !== 0) throw new Error(`writing ${file} failed (${code})`);
      reps.push({ file, data: new Uint8Array(readFileSync(file)) });
    }
    console.log("| plans | collect (s) | ratio to 50 | whole roll-up (s) | output MB |");
    console.log("|---|---|---|---|---|");
    let base: number | undefined;
    for (const n of SIZES) {
      const started = performance.now();
      const merged = await mergeRepWorkbooks(undefined, reps.slice(0, n));
      const plans = discoverPlans(await xlsxNameEntries(merged.data));
      const collect = (performance.now() - started) / 1000;
      if (plans.length !== n) throw new Error(`${n} files gave ${plans.length} plans`);
      base ??= collect;
      const whole = await timedRollup(reps.slice(0, n));
      console.log(`| ${n} | ${collect.toFixed(1)} | ${(collect / base).toFixed(1)} | ${whole.seconds ?? "refused: too many plans for one summary"} | ${whole.mb ?? "—"} |`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The whole roll-up as the command runs it, or no figures where the summary refuses that many plans. */
async function timedRollup(reps: readonly RepFile[]): Promise<{ seconds?: string; mb?: string }> {
  const started = performance.now();
  try {
    const report = await rollupWorkbooks(undefined, reps, "zh-CN");
    return { seconds: ((performance.now() - started) / 1000).toFixed(1), mb: (report.data.length / 1e6).toFixed(1) };
  } catch (error) {
    if (error instanceof TeamError && error.code === "tooManyPlans") return {};
    throw error;
  }
}

void main();
