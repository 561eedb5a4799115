/**
 * Issue 12 item 9: a workbook of daily records at a sales office's real size — 2 000 customers, 20 000
 * visits, 500 contracts and 3 000 ledger events (1×), then 2× and 4× — written by the xlsx writer and
 * loaded and recalculated by LibreOffice. Prints seconds per size, net of LibreOffice's start-up (timed on
 * a one-cell workbook in the same way), and the growth per doubling. Goal: under 10 s at 1×, growth no
 * worse than ×2.5 per doubling.
 *
 * The workbook is `recordsWorkbook` (test/fixtures/records.ts), the one the real-size engine test checks.
 * Scales: `SP_BENCH_RECORDS_SCALES` (default 1× and 2×: 4× alone takes about seven minutes, more than the
 * whole bench's ten-minute budget).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildVisitLog } from "../src/templates/visitLog";
import { NO_NAMES } from "../src/spec/naming";
import { writeXlsx } from "../src/writers/xlsx";
import { recordsWorkbook } from "../test/fixtures/records";
import { convertWithLibreOffice } from "../test/support/libreoffice";

const SCALES = (process.env.SP_BENCH_RECORDS_SCALES ?? "1,2").split(",").map(Number);

/** Wall seconds of one LibreOffice load, full recalculation and save of `file`. */
function recalcSeconds(file: string, dir: string): number {
  const started = performance.now();
  // The 4× workbook takes minutes: the growth the bench is there to show.
  convertWithLibreOffice([file], "xlsx:Calc MS Excel 2007 XML", join(dir, "out"), 60 * 60_000);
  return (performance.now() - started) / 1000;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "sp-bench-records-"));
  try {
    const empty = join(dir, "empty.xlsx");
    writeFileSync(empty, await writeXlsx(buildVisitLog({ blankRows: 1 }, { locale: "zh-CN", existing: NO_NAMES })));
    const startup = recalcSeconds(empty, dir);
    console.log(`LibreOffice start-up, load and save of a one-row log: ${startup.toFixed(1)} s (subtracted below)`);
    console.log("| size | customers | visits | contracts | ledger events | file MB | load + recalculate (s) | growth |");
    console.log("|---|---|---|---|---|---|---|---|");
    let previous: number | undefined;
    for (const scale of SCALES) {
      const file = join(dir, `records-${scale}x.xlsx`);
      const data = await writeXlsx(recordsWorkbook(scale).specs);
      writeFileSync(file, data);
      const seconds = Math.max(0, recalcSeconds(file, dir) - startup);
      const growth = previous === undefined ? "" : `×${(seconds / previous).toFixed(2)}`;
      console.log(`| ${scale}× | ${2000 * scale} | ${20000 * scale} | ${500 * scale} | ${3000 * scale} | ${(data.length / 1e6).toFixed(1)} | ${seconds.toFixed(1)} | ${growth} |`);
      previous = seconds;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
