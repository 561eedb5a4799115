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
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { NO_NAMES } from "../src/spec/naming";
import { buildCustomerRegister } from "../src/templates/customerRegister";
import { writeXlsx } from "../src/writers/xlsx";
import { customerRows } from "../test/fixtures/customers";
import { sideBySide, wallCpu, withoutFormulas, type Timing } from "./libreofficeTiming";

const SIZES = (process.env.SP_BENCH_REGISTER_ROWS ?? "10000,20000,50000").split(",").map(Number);
const ROUNDS = Number(process.env.SP_BENCH_REGISTER_ROUNDS ?? 3);

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
      const { bare, whole } = sideBySide(bareFile, wholeFile, dir, ROUNDS);
      const growth = previous ? `×${(whole.wall / previous.whole.wall).toFixed(2)} wall, ×${(whole.cpu / previous.whole.cpu).toFixed(2)} CPU for ×${(rows / previous.rows).toFixed(1)} rows` : "";
      console.log(`| ${rows} | ${wallCpu(bare)} | ${wallCpu(whole)} | ${(whole.wall / bare.wall).toFixed(2)} / ${(whole.cpu / bare.cpu).toFixed(2)} | ${growth} |`);
      previous = { rows, whole };
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
