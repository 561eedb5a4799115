/**
 * Issue 12 item 9: a workbook of daily records at a sales office's real size — 2 000 customers, 20 000
 * visits, 500 contracts and 3 000 ledger events (1×), then 2× and 4× — written by the xlsx writer and
 * loaded and recalculated by LibreOffice. Prints seconds per size, net of LibreOffice's start-up (timed on
 * a one-cell workbook in the same way), and the growth per doubling. Goal: under 10 s at 1×, growth no
 * worse than ×2.5 per doubling.
 *
 * A team twice the size: twice the customers, contracts and events, and twice the contacts a day, so the
 * log spans the same months at every size (80 contacts a day at 1×: ten reps keeping seed 003's 2-3-4).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildContractLedger } from "../src/templates/contractLedger";
import { buildContractRegister } from "../src/templates/contractRegister";
import { buildCustomerRegister } from "../src/templates/customerRegister";
import { buildVisitLog } from "../src/templates/visitLog";
import { NO_NAMES, withSpecs } from "../src/spec/naming";
import type { SheetSpec } from "../src/spec/sheetSpec";
import { writeXlsx } from "../src/writers/xlsx";
import { contractRows } from "../test/fixtures/contracts";
import { customerRows } from "../test/fixtures/customers";
import { ledgerRows } from "../test/fixtures/ledger";
import { visitRowsUntilToday } from "../test/fixtures/visits";
import { convertWithLibreOffice } from "../test/support/libreoffice";

const YEAR = 2026;

/** Every records sheet at `scale` × the sizes, each reading the others through the workbook's names. */
export function recordsWorkbook(scale: number): SheetSpec[] {
  const locale = "zh-CN";
  const customers = buildCustomerRegister({ rows: customerRows(2000 * scale, locale), blankRows: 50 }, { locale, existing: NO_NAMES });
  const contracts = buildContractRegister({ rows: contractRows(500 * scale, YEAR), blankRows: 50, statsYear: YEAR }, { locale, existing: withSpecs(NO_NAMES, customers) });
  const ledger = buildContractLedger({ rows: ledgerRows(3000 * scale, 500 * scale, YEAR, locale), blankRows: 300 }, { locale, existing: withSpecs(NO_NAMES, [...customers, ...contracts]) });
  const visits = buildVisitLog(
    { rows: visitRowsUntilToday(20000 * scale, 2000 * scale, locale, 80 * scale), blankRows: 200 },
    { locale, existing: withSpecs(NO_NAMES, [...customers, ...contracts, ...ledger]) },
  );
  return [...customers, ...contracts, ...ledger, ...visits];
}

/** Wall seconds of one LibreOffice load, full recalculation and save of `file`. */
function recalcSeconds(file: string, dir: string): number {
  const started = performance.now();
  convertWithLibreOffice([file], "xlsx:Calc MS Excel 2007 XML", join(dir, "out"));
  return (performance.now() - started) / 1000;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "sp-bench-records-"));
  try {
    const empty = join(dir, "empty.xlsx");
    writeFileSync(empty, await writeXlsx([{ ...buildVisitLog({ blankRows: 1 }, { locale: "zh-CN", existing: NO_NAMES })[0] }]));
    const startup = recalcSeconds(empty, dir);
    console.log(`LibreOffice start-up, load and save of a one-row log: ${startup.toFixed(1)} s (subtracted below)`);
    console.log("| size | customers | visits | contracts | ledger events | file MB | load + recalculate (s) | growth |");
    console.log("|---|---|---|---|---|---|---|---|");
    let previous: number | undefined;
    for (const scale of [1, 2, 4]) {
      const file = join(dir, `records-${scale}x.xlsx`);
      const data = await writeXlsx(recordsWorkbook(scale));
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

if (require.main === module) void main();
