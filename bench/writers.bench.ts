/**
 * Issue 17 item 3: the writers at a register's real size, with realistic rows (`customerRows`).
 *
 * The xlsx writer (`writeXlsx`) writes a customer register of 10 000, 50 000 and 100 000 rows (goal: 100 000
 * in under 30 s, peak memory under 2 GB). Each size runs in a child process of its own (this file run with
 * `xlsx <rows>`), so one size's peak RSS (`process.resourceUsage().maxRSS`) is not another's left-over heap.
 * Prints the seconds to build the specs and to write the file, the child's CPU seconds (the wall clock
 * depends on what else the machine runs), its peak RSS and the file's size.
 *
 * The Office writer (`writeSheets`) writes 10 000 and 50 000 rows of the register into the fake Excel, which
 * measures each sync's request as the JSON of its operations and rejects one over 5 MB as Excel on the web
 * does. Prints the syncs, the largest request and the seconds (the fake's own bookkeeping included, its
 * model of Excel filling calculated columns turned off: see `officeRun`).
 *
 * Sizes: `SP_BENCH_XLSX_ROWS` and `SP_BENCH_OFFICE_ROWS` (comma-separated) run a subset.
 */
import { spawnSync } from "node:child_process";
import { NO_NAMES } from "../src/spec/naming";
import { buildCustomerRegister } from "../src/templates/customerRegister";
import { writeSheets } from "../src/writers/office/officeWriter";
import { writeXlsx } from "../src/writers/xlsx";
import { customerRows } from "../test/fixtures/customers";
import { FakeExcel } from "../test/fakes/fakeExcel";

const sizes = (variable: string, fallback: string): number[] => (process.env[variable] ?? fallback).split(",").map(Number);
const XLSX_ROWS = sizes("SP_BENCH_XLSX_ROWS", "10000,50000,100000");
const OFFICE_ROWS = sizes("SP_BENCH_OFFICE_ROWS", "10000,50000");
const LOCALE = "zh-CN";

const seconds = (from: number): number => (performance.now() - from) / 1000;
const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);

interface XlsxFigures {
  readonly build: number;
  readonly write: number;
  /** CPU seconds of the whole child (user and system): the wall-clock figures depend on what else runs. */
  readonly cpu: number;
  /** Peak resident set of the child, in bytes. */
  readonly peakRss: number;
  readonly fileBytes: number;
}

/** In the child: one register of `rows` rows built and written; its figures on stdout as JSON. */
async function xlsxChild(rows: number): Promise<void> {
  const started = performance.now();
  const specs = buildCustomerRegister({ rows: customerRows(rows, LOCALE), blankRows: 0 }, { locale: LOCALE, existing: NO_NAMES });
  const build = seconds(started);
  const writing = performance.now();
  const data = await writeXlsx(specs);
  const write = seconds(writing);
  const { user, system } = process.cpuUsage();
  const figures: XlsxFigures = { build, write, cpu: (user + system) / 1e6, peakRss: process.resourceUsage().maxRSS * 1024, fileBytes: data.length };
  process.stdout.write(JSON.stringify(figures));
}

function xlsxInChild(rows: number): XlsxFigures {
  const child = spawnSync(process.execPath, [__filename, "xlsx", String(rows)], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  if (child.status !== 0) throw new Error(`the ${rows}-row xlsx child failed (${child.status ?? child.signal})`);
  return JSON.parse(child.stdout) as XlsxFigures;
}

async function officeRun(rows: number): Promise<{ syncs: number; largest: number; seconds: number }> {
  const register = customerRows(rows, LOCALE);
  const fake = new FakeExcel();
  // Excel's own filling of calculated columns, which the fake models by refilling the whole column on every
  // block written (O(rows) per block): the fake's cost, not the writer's, and no part of a request's size.
  fake.state.fillsCalculatedColumns = false;
  const started = performance.now();
  await fake.run((context) => writeSheets(context, (existing) => buildCustomerRegister({ rows: register, blankRows: 0 }, { locale: LOCALE, existing })));
  return { syncs: fake.syncCount, largest: Math.max(...fake.requestBytes), seconds: seconds(started) };
}

async function main(): Promise<void> {
  console.log("xlsx writer, customer register (each size in a fresh process)\n");
  console.log("| rows | build (s) | write (s) | CPU, whole process (s) | peak RSS (MB) | file MB |");
  console.log("|---|---|---|---|---|---|");
  for (const rows of XLSX_ROWS) {
    const f = xlsxInChild(rows);
    console.log(`| ${rows} | ${f.build.toFixed(1)} | ${f.write.toFixed(1)} | ${f.cpu.toFixed(1)} | ${mb(f.peakRss).replace(/\.\d$/, "")} | ${mb(f.fileBytes)} |`);
  }
  console.log("\nOffice writer, customer register into the fake Excel (5 MB request limit)\n");
  console.log("| rows | syncs | largest request (MB) | seconds |");
  console.log("|---|---|---|---|");
  for (const rows of OFFICE_ROWS) {
    const f = await officeRun(rows);
    console.log(`| ${rows} | ${f.syncs} | ${mb(f.largest)} | ${f.seconds.toFixed(1)} |`);
  }
}

if (process.argv[2] === "xlsx") void xlsxChild(Number(process.argv[3]));
else void main();
