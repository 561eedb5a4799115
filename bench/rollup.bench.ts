/**
 * Issue 17 item 4: `sales-planner rollup` at team size — 50, 100, 200 and 300 reps' weekly plans (one
 * file each, written by the command line's own writer) collected into a new team workbook. Prints per
 * size the seconds to collect them (`mergeRepWorkbooks`, then the plans found by their names, as
 * `rollupWorkbooks` does) with the ratio to the first size (goal: 300 within 6× of 50); then the whole
 * roll-up with its 团队汇总 sheet at 50, 100 and 158 plans — one summary links at most about 158 plans
 * (one formula per column names every plan, `templates/team/rollupSheet.ts`), beyond that the command
 * refuses. Every size is timed once per round, the sizes alternating; the tables give the medians of
 * the rounds. Each collection is timed in a process of its own, as each `sales-planner rollup` runs in
 * one, after an untimed collection of the smallest size's plans there (`WARM_UP`), the same for every
 * size: timed one after another in one process, a size paid for the garbage its predecessors left, and
 * the 50-plan figure swung from 0.46 to 0.67 s with what ran before it. The command itself starts cold.
 * A process that has collected 50 plans still compiles and grows its heap during the next 50, a cost
 * every size pays once; the table's last column shows it apart: the time per plan of the plans beyond
 * the smallest size, against the smallest size's time per plan.
 * SP_BENCH_PLANS, SP_BENCH_ROLLUP_PLANS and SP_BENCH_ROUNDS choose other sizes and rounds.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main as cli, nodeIo } from "../src/cli/main";
import { discoverPlans } from "../src/team/plans";
import { TeamError } from "../src/team/errors";
import { rollupWorkbooks } from "../src/writers/xlsx/team/rollupFiles";
import { mergeRepWorkbooks, xlsxNameEntries, type RepFile } from "../src/writers/xlsx/mergeWorkbooks";

const sizes = (text: string): number[] => text.split(",").filter(Boolean).map(Number);
const COLLECT = sizes(process.env.SP_BENCH_PLANS ?? "50,100,200,300");
const ROLLUP = sizes(process.env.SP_BENCH_ROLLUP_PLANS ?? "50,100,158");
const ROUNDS = Number(process.env.SP_BENCH_ROUNDS ?? 3);
/** The plans each timing process collects, untimed, before the timed collection. */
const WARM_UP = Math.min(...COLLECT);

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

interface Timing {
  readonly seconds: number;
  /** Processor seconds of this process (all its threads): less moved by other work on a shared machine. */
  readonly cpu: number;
}

/** The time to collect `reps` into a new team workbook and find their plans, as the roll-up does. */
async function collectHere(reps: readonly RepFile[]): Promise<Timing> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const merged = await mergeRepWorkbooks(undefined, reps);
  const plans = discoverPlans(await xlsxNameEntries(merged.data));
  const used = process.cpuUsage(cpu);
  const seconds = (performance.now() - started) / 1000;
  if (plans.length !== reps.length) throw new Error(`${reps.length} files gave ${plans.length} plans`);
  return { seconds, cpu: (used.user + used.system) / 1e6 };
}

const repFile = (dir: string, i: number): string => join(dir, `rep${i}.xlsx`);
const CHILD = "--collect";

/** `collectHere` of the first `n` files of `dir`, in a new process of this bench (see `child`). */
function collect(dir: string, n: number): Timing {
  return JSON.parse(execFileSync(process.execPath, [__filename, CHILD, dir, String(n)], { encoding: "utf8" })) as Timing;
}

/** The child's side of `collect`: reads the files, collects the first `WARM_UP` of them untimed, then times the collection of all `n`. */
async function child(dir: string, n: number): Promise<void> {
  const reps = Array.from({ length: n }, (_, k) => ({ file: repFile(dir, k + 1), data: new Uint8Array(readFileSync(repFile(dir, k + 1))) }));
  await collectHere(reps.slice(0, WARM_UP));
  process.stdout.write(JSON.stringify(await collectHere(reps)));
}

/** The whole roll-up as the command runs it, or undefined where the summary refuses that many plans. */
async function rollup(reps: readonly RepFile[]): Promise<{ seconds: number; bytes: number } | undefined> {
  const started = performance.now();
  try {
    const report = await rollupWorkbooks(undefined, reps, "zh-CN");
    return { seconds: (performance.now() - started) / 1000, bytes: report.data.length };
  } catch (error) {
    if (error instanceof TeamError && error.code === "tooManyPlans") return undefined;
    throw error;
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "sp-bench-rollup-"));
  try {
    const reps: RepFile[] = [];
    for (let i = 1; i <= Math.max(...COLLECT, ...ROLLUP); i++) {
      const file = repFile(dir, i);
      const code = await cli(["write", "weekly", "--rep", `销售${i}`, "--week", "2026-W48", "--out", file], { ...nodeIo, stdout: () => undefined });
      if (code !== 0) throw new Error(`writing ${file} failed (${code})`);
      reps.push({ file, data: new Uint8Array(readFileSync(file)) });
    }
    await rollup(reps.slice(0, 10));
    const collected = new Map<number, Timing[]>(COLLECT.map((n) => [n, []]));
    const rolled = new Map<number, ({ seconds: number; bytes: number } | undefined)[]>(ROLLUP.map((n) => [n, []]));
    for (let round = 0; round < ROUNDS; round++) {
      for (const n of COLLECT) collected.get(n)!.push(collect(dir, n));
      for (const n of ROLLUP) rolled.get(n)!.push(await rollup(reps.slice(0, n)));
    }
    console.log(`Collecting reps' files (medians of ${ROUNDS} rounds)\n`);
    const base = COLLECT[0];
    console.log(`| plans | collect (s) | ratio to ${base} | processor (s) | ratio to ${base} | ms per plan beyond ${base} / per plan of ${base} |`);
    console.log("|---|---|---|---|---|---|");
    const seconds = (n: number) => median(collected.get(n)!.map((t) => t.seconds));
    const cpu = (n: number) => median(collected.get(n)!.map((t) => t.cpu));
    const perPlan = (n: number) => (1000 * seconds(n)) / n;
    for (const n of COLLECT) {
      const beyond = n === base ? "" : `${((1000 * (seconds(n) - seconds(base))) / (n - base)).toFixed(1)} / ${perPlan(base).toFixed(1)}`;
      console.log(`| ${n} | ${seconds(n).toFixed(2)} | ${(seconds(n) / seconds(base)).toFixed(1)} | ${cpu(n).toFixed(2)} | ${(cpu(n) / cpu(base)).toFixed(1)} | ${beyond} |`);
    }
    console.log(`\nThe whole roll-up with its 团队汇总 sheet (medians of ${ROUNDS} rounds)\n`);
    console.log(`| plans | roll-up (s) | ratio to ${ROLLUP[0]} | output MB |`);
    console.log("|---|---|---|---|");
    const first = rolled.get(ROLLUP[0])!.every((r) => r !== undefined) ? median(rolled.get(ROLLUP[0])!.map((r) => r!.seconds)) : undefined;
    for (const [n, runs] of rolled) {
      if (runs.some((r) => r === undefined)) {
        console.log(`| ${n} | refused: too many plans for one summary | — | — |`);
        continue;
      }
      const seconds = median(runs.map((r) => r!.seconds));
      console.log(`| ${n} | ${seconds.toFixed(2)} | ${first === undefined ? "—" : (seconds / first).toFixed(1)} | ${(runs[0]!.bytes / 1e6).toFixed(1)} |`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === CHILD) void child(process.argv[3], Number(process.argv[4]));
else void main();
