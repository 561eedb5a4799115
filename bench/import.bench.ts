/**
 * Issue 13 item 6: `sales-planner import customers` of a 50 000-row CRM export (UTF-8 CSV with BOM) —
 * into a new workbook, and under a register of 2 000 customers already in one (every imported row then
 * also checked against those) — timed end to end in a child process, with its peak memory (the child's
 * own maxRSS, read at exit). Goal: under 10 s and under 1 GB on this machine.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main as cli } from "../src/cli/main";
import { buildTemplates } from "../src/templates";
import { NO_NAMES } from "../src/spec/naming";
import { writeXlsx } from "../src/writers/xlsx";
import { customerRows } from "../test/fixtures/customers";
import { largeCustomersCsv } from "../test/fixtures/messy";

const ROWS = 50_000;

/** Marks the child process: this file run again, as the command line, for one import. */
const CHILD = "--as-cli";

/** Runs the command line as a user would, in its own process: wall seconds, peak RSS in MB, exit code. */
function runCli(args: readonly string[]): { seconds: number; peakMb: number; status: number | null; stderr: string } {
  const started = performance.now();
  const run = spawnSync(process.execPath, [__filename, CHILD, ...args], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const seconds = (performance.now() - started) / 1000;
  const rss = /RSS_KB (\d+)/.exec(run.stderr);
  return { seconds, peakMb: rss ? Number(rss[1]) / 1024 : NaN, status: run.status, stderr: run.stderr };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "sp-bench-import-"));
  try {
    const source = join(dir, "customers.csv");
    writeFileSync(source, largeCustomersCsv(ROWS));
    const existing = join(dir, "existing.xlsx");
    writeFileSync(existing, await writeXlsx(buildTemplates([{ template: "customers", options: { rows: customerRows(2000, "zh-CN") } }], { locale: "zh-CN", existing: NO_NAMES })));
    console.log(`source: ${ROWS} rows, ${(statSync(source).size / 1e6).toFixed(1)} MB CSV`);
    console.log("| case | seconds | peak MB | output MB | exit |");
    console.log("|---|---|---|---|---|");
    for (const [label, out] of [
      ["new workbook", join(dir, "new.xlsx")],
      ["under 2 000 registered customers", existing],
    ] as const) {
      const run = runCli(["import", "customers", "--from", source, "--out", out]);
      if (run.status !== 0) console.log(run.stderr.slice(-2000));
      console.log(`| ${label} | ${run.seconds.toFixed(1)} | ${run.peakMb.toFixed(0)} | ${(statSync(out).size / 1e6).toFixed(1)} | ${run.status} |`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** In the child: the command line itself, then its peak memory on stderr for the parent. */
async function child(args: readonly string[]): Promise<void> {
  process.on("exit", () => process.stderr.write(`\nRSS_KB ${process.resourceUsage().maxRSS}\n`));
  process.exitCode = await cli(args);
}

if (process.argv[2] === CHILD) void child(process.argv.slice(3));
else void main();
