/**
 * Issue 17 item 1: the customer register at real size in LibreOffice — load, full recalculation and save —
 * against the same register with its formula columns left blank, measured side by side (the runs of a size
 * alternate, `SP_BENCH_REGISTER_ROUNDS` pairs, 3 by default). Prints per size the medians of both times,
 * their ratio (goal: at most 2) and the growth of the whole register from the size before. Wall seconds include LibreOffice's start-up, as the issue's figures
 * did; CPU seconds are LibreOffice's own (this process's reaped children), which the other work on a shared
 * machine disturbs less than the wall clock.
 *
 * "Without formulas" leaves out every formula, the table columns' and the settings sheet's. The register is
 * `buildCustomerRegister` with `customerRows` (ties, blanks, duplicates), written by
 * `writeXlsx`, without a visit log, as a register is first written. Sizes: `SP_BENCH_REGISTER_ROWS`.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { NO_NAMES } from "../src/spec/naming";
import type { SheetSpec } from "../src/spec/sheetSpec";
import { buildCustomerRegister } from "../src/templates/customerRegister";
import { writeXlsx } from "../src/writers/xlsx";
import { customerRows } from "../test/fixtures/customers";
import { convertWithLibreOffice } from "../test/support/libreoffice";

const SIZES = (process.env.SP_BENCH_REGISTER_ROWS ?? "10000,20000,50000").split(",").map(Number);
const ROUNDS = Number(process.env.SP_BENCH_REGISTER_ROUNDS ?? 3);

/** CPU seconds of this process's waited-for children (Linux: fields cutime and cstime of /proc/self/stat). */
function childCpuSeconds(): number {
  const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1].split(" ");
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

/**
 * The same sheets with every formula removed — the table columns' and the loose cells' (the settings sheet's
 * ABC cut-off search belongs to the ABC column's cost): the register's cells, styles and rules without its calculations.
 */
function withoutFormulas(specs: readonly SheetSpec[]): SheetSpec[] {
  return specs.map((sheet) => ({
    ...sheet,
    cells: sheet.cells.map(({ formula: _formula, ...cell }) => cell),
    tables: sheet.tables.map((table) => ({ ...table, columns: table.columns.map(({ formula: _formula, ...column }) => column) })),
  }));
}

interface Timing {
  readonly wall: number;
  readonly cpu: number;
}

/** Wall and CPU medians, each of its own (the middle run of one need not be the middle of the other). */
function median(runs: readonly Timing[]): Timing {
  const mid = (values: number[]) => {
    const sorted = values.sort((a, b) => a - b);
    const m = sorted.length >> 1;
    return sorted.length % 2 === 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
  };
  return { wall: mid(runs.map((r) => r.wall)), cpu: mid(runs.map((r) => r.cpu)) };
}

async function timed(file: string, dir: string): Promise<Timing> {
  const started = performance.now();
  const cpu = childCpuSeconds();
  // 50 000 rows take minutes when a formula scans its column: the bench is there to show it.
  convertWithLibreOffice([file], "xlsx:Calc MS Excel 2007 XML", join(dir, "out"), 30 * 60_000);
  return { wall: (performance.now() - started) / 1000, cpu: childCpuSeconds() - cpu };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "sp-bench-register-"));
  try {
    console.log(`Medians of ${ROUNDS} runs each.`);
    console.log("| rows | without formulas: wall / CPU (s) | whole register: wall / CPU (s) | ratio, wall / CPU | growth of the whole register |");
    console.log("|---|---|---|---|---|");
    let previous: { rows: number; whole: Timing } | undefined;
    for (const rows of SIZES) {
      const specs = buildCustomerRegister({ rows: customerRows(rows, "zh-CN") }, { locale: "zh-CN", existing: NO_NAMES });
      const bareFile = join(dir, `bare-${rows}.xlsx`);
      const wholeFile = join(dir, `whole-${rows}.xlsx`);
      writeFileSync(bareFile, await writeXlsx(withoutFormulas(specs)));
      writeFileSync(wholeFile, await writeXlsx(specs));
      const bares: Timing[] = [];
      const wholes: Timing[] = [];
      // Which of a pair runs first alternates, so neither always meets a warmer machine.
      for (let round = 0; round < ROUNDS; round++) {
        const pair = [() => timed(bareFile, dir).then((t) => bares.push(t)), () => timed(wholeFile, dir).then((t) => wholes.push(t))];
        for (const run of round % 2 === 0 ? pair : pair.reverse()) await run();
      }
      const bare = median(bares);
      const whole = median(wholes);
      const growth = previous ? `×${(whole.wall / previous.whole.wall).toFixed(2)} wall, ×${(whole.cpu / previous.whole.cpu).toFixed(2)} CPU for ×${(rows / previous.rows).toFixed(1)} rows` : "";
      const pair = (t: Timing) => `${t.wall.toFixed(1)} / ${t.cpu.toFixed(1)}`;
      console.log(`| ${rows} | ${pair(bare)} | ${pair(whole)} | ${(whole.wall / bare.wall).toFixed(2)} / ${(whole.cpu / bare.cpu).toFixed(2)} | ${growth} |`);
      previous = { rows, whole };
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
