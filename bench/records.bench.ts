/**
 * Issue 12 item 9 and issue 17 item 1: a workbook of daily records at a sales office's real size — 2 000
 * customers, 20 000 visits, 500 contracts and 3 000 ledger events (1×), then 2× (a team twice the size) —
 * written by the xlsx writer and loaded, recalculated and saved by LibreOffice, side by side with the same
 * workbook without its formulas (`SP_BENCH_RECORDS_ROUNDS` runs of each, 1 by default: the 2× workbook alone
 * takes half a minute). Prints per size both times, start-up included, their ratio (issue 17's goal for the
 * registers' and logs' formulas: at most 2) and the growth of the whole workbook per doubling (issue 12's:
 * at most ×2.5).
 *
 * The workbook is `recordsWorkbook` (test/fixtures/records.ts), the one the real-size engine test checks.
 * Scales: `SP_BENCH_RECORDS_SCALES` (default 1 and 2; 4 takes minutes). With `SP_BENCH_RECORDS_DETAIL=1`,
 * then, at the last size, what each group of per-row lookups costs (`GROUPS`) and the least they can cost,
 * phase by phase — load, calculation, save — in one LibreOffice started once (`phases`): nine workbooks of
 * the largest size, three rounds (more with `SP_BENCH_RECORDS_ROUNDS`), some ten minutes — too long for the
 * whole bench's ten, and diagnostics, not a goal.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { SheetSpec } from "../src/spec/sheetSpec";
import { writeXlsx } from "../src/writers/xlsx";
import { recordsWorkbook } from "../test/fixtures/records";
import { phases, sideBySide, wallCpu, withoutColumns, withoutFormulas, type Phases, type Timing } from "./libreofficeTiming";

const SCALES = (process.env.SP_BENCH_RECORDS_SCALES ?? "1,2").split(",").map(Number);
const ROUNDS = Number(process.env.SP_BENCH_RECORDS_ROUNDS ?? 1);
const DETAIL = process.env.SP_BENCH_RECORDS_DETAIL === "1";

/**
 * Where the formulas' time goes: the last size again without one group's formulas at a time (table role →
 * column keys; a column left empty sends the formulas that read it to their fallbacks, so a group takes its
 * readers with it), each group's cost the whole workbook's load and save less that one's. The rest are O(1)
 * per row, read a few settings cells, or (the diary, the statistics, the aging) a few hundred rows each over a
 * period or a table.
 */
const GROUPS: readonly { readonly label: string; readonly columns: Readonly<Record<string, readonly string[]>> }[] = [
  // Together: without the register rows or the first rows as formulas, 新/老客户 would search the log from its
  // top for every visit (its fallback), and the group's cost would come out below nothing.
  {
    label: "log 在客户资源登记表中的行, 客户名称 and 新/老客户 (binary search of the register, per visit) and register 首次拜访在拜访记录中的行 (MATCH for the first row, per customer)",
    columns: { visits: ["registerRow", "customerName", "newOld"], customers: ["firstVisitRow"] },
  },
  {
    label: "log 新/老客户 alone (the customer's first row, read from the register and checked; for an ID the register does not list, MATCH from the log's top)",
    columns: { visits: ["newOld"] },
  },
  { label: "log 客户编号倒序 and register 最近拜访日期 (MATCH from the log's end, per customer)", columns: { visits: ["newestFirst"], customers: ["latestVisit"] } },
  { label: "register 近14天拜访次数 (COUNTIF over the 14 days' rows, per customer)", columns: { customers: ["recentVisits"] } },
  {
    label: "ledger figures to date (合同编号倒序, 本合同上一行 and the five running columns) and the contract register's reads of a contract's last row",
    columns: {
      ledger: ["shippedToDate", "invoicedToDate", "paidToDate", "lastShipment", "lastInvoice", "newestFirst", "previous"],
      contracts: ["shippedTotal", "lastShipment", "invoicedTotal", "lastInvoice", "paidTotal", "ledgerRow"],
    },
  },
];

/** Every group's columns at once. */
const ALL_GROUPS: Record<string, string[]> = {};
for (const group of GROUPS) for (const [role, keys] of Object.entries(group.columns)) (ALL_GROUPS[role] ??= []).push(...keys.filter((k) => !ALL_GROUPS[role].includes(k)));

/**
 * The ranges a formula searches: whole table columns (`T[[h]]`, not `[#This Row]`) and the names of
 * whole columns (`SP_V1_COL_DATE`, `SP_V1_REGISTER_ID`).
 */
const rangesOf = (formula: string): string[] => [...new Set(formula.match(/SP_\w+\[\[[^\]#]+\]\]|SP_\w+_(?:COL|REGISTER)_\w+/g) ?? [])];

/**
 * The same sheets with each column of `columns` reading only the first cell of every range its formula
 * searches: what a formula that reads those ranges costs LibreOffice before it searches anything — the
 * least any design that looks up in them per row can cost.
 */
function readingOnly(specs: readonly SheetSpec[], columns: Readonly<Record<string, readonly string[]>>): SheetSpec[] {
  return specs.map((sheet) => ({
    ...sheet,
    tables: sheet.tables.map((table) => ({
      ...table,
      columns: table.columns.map((column) =>
        column.formula !== undefined && columns[table.role]?.includes(column.key)
          ? { ...column, formula: `IFERROR(COUNTA(${rangesOf(column.formula).map((range) => `INDEX(${range},1)`).join(",")}),"")` }
          : column,
      ),
    })),
  }));
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "sp-bench-records-"));
  try {
    console.log(`Medians of ${ROUNDS} run(s) each.`);
    console.log("| size | customers | visits | contracts | ledger events | file MB | without formulas: wall / CPU (s) | whole workbook: wall / CPU (s) | ratio, wall / CPU | growth of the whole |");
    console.log("|---|---|---|---|---|---|---|---|---|---|");
    let previous: Timing | undefined;
    let last: { readonly specs: SheetSpec[]; readonly wholeFile: string; readonly bareFile: string } | undefined;
    for (const scale of SCALES) {
      const { specs } = recordsWorkbook(scale);
      const bareFile = join(dir, `bare-${scale}x.xlsx`);
      const wholeFile = join(dir, `records-${scale}x.xlsx`);
      const data = await writeXlsx(specs);
      writeFileSync(wholeFile, data);
      writeFileSync(bareFile, await writeXlsx(withoutFormulas(specs)));
      const { bare, whole } = sideBySide(bareFile, wholeFile, dir, ROUNDS);
      const growth = previous ? `×${(whole.wall / previous.wall).toFixed(2)} wall, ×${(whole.cpu / previous.cpu).toFixed(2)} CPU` : "";
      const counts = [2000, 20000, 500, 3000].map((n) => n * scale).join(" | ");
      console.log(`| ${scale}× | ${counts} | ${(data.length / 1e6).toFixed(1)} | ${wallCpu(bare)} | ${wallCpu(whole)} | ${(whole.wall / bare.wall).toFixed(2)} / ${(whole.cpu / bare.cpu).toFixed(2)} | ${growth} |`);
      previous = whole;
      last = { specs, wholeFile, bareFile };
    }
    if (last === undefined) return;
    if (!DETAIL) {
      console.log("\nWhere the formulas' time goes, group by group and phase by phase: SP_BENCH_RECORDS_DETAIL=1 npm run bench.");
      return;
    }
    const scale = SCALES[SCALES.length - 1];
    // The whole workbook and the one without formulas are the files the table above timed.
    const variants: readonly { readonly label: string; readonly specs: SheetSpec[] }[] = [
      ...GROUPS.map((group) => ({ label: `without ${group.label}`, specs: withoutColumns(last.specs, group.columns) })),
      { label: "every group left out", specs: withoutColumns(last.specs, ALL_GROUPS) },
      { label: "every group reading one cell of each range it searches, searching nothing", specs: readingOnly(last.specs, ALL_GROUPS) },
    ];
    const files = [last.wholeFile];
    for (const [i, variant] of variants.entries()) {
      const file = join(dir, `phases-${i}.xlsx`);
      writeFileSync(file, await writeXlsx(variant.specs));
      files.push(file);
    }
    files.push(last.bareFile);
    const labels = ["whole workbook", ...variants.map((v) => v.label), "without formulas"];
    const rounds = Math.max(ROUNDS, 3);
    const times = phases(files, dir, rounds);
    const whole = times[0];
    const bare = times[files.length - 1];
    const total = (t: Phases) => t.load + t.save;
    const f = (n: number) => n.toFixed(1);
    console.log(`\nWhere the formulas' time goes at ${scale}×, phase by phase (one LibreOffice started once; medians of ${rounds} rounds; wall seconds):`);
    console.log("| workbook | load, recalculated (s) | calculateAll again (s) | save (s) | load + save (s) | over the workbook without formulas | the whole workbook's load + save less this one's (s) |");
    console.log("|---|---|---|---|---|---|---|");
    for (const [i, label] of labels.entries()) {
      const t = times[i];
      console.log(`| ${label} | ${f(t.load)} | ${f(t.calc)} | ${f(t.save)} | ${f(total(t))} | ${(total(t) / total(bare)).toFixed(2)} | ${f(total(whole) - total(t))} |`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
