/**
 * Timing LibreOffice's load, full recalculation and save of a workbook, side by side with the same
 * workbook without its formulas: what the register and records benches share; and (`phases`, for the records
 * bench's detail) each of the three phases, in one LibreOffice started once.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { SheetSpec } from "../src/spec/sheetSpec";
import { convertWithLibreOffice } from "../test/support/libreoffice";

/** CPU seconds of this process's waited-for children (Linux: fields cutime and cstime of /proc/self/stat). */
function childCpuSeconds(): number {
  const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1].split(" ");
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

const noFormula = <T extends { readonly formula?: string }>({ formula: _formula, ...rest }: T): Omit<T, "formula"> => rest;

/**
 * The same sheets with every formula removed — the table columns' and the loose cells' (a settings sheet's
 * searches belong to the columns that read them): the cells, styles and rules without their calculations.
 */
export function withoutFormulas(specs: readonly SheetSpec[]): SheetSpec[] {
  return specs.map((sheet) => ({
    ...sheet,
    cells: sheet.cells.map(noFormula),
    tables: sheet.tables.map((table) => ({ ...table, columns: table.columns.map(noFormula) })),
  }));
}

/**
 * The same sheets without the formulas of some table columns (`columns`: table role → column keys), every
 * other formula kept: what those columns cost is the whole workbook's time less this one's.
 */
export function withoutColumns(specs: readonly SheetSpec[], columns: Readonly<Record<string, readonly string[]>>): SheetSpec[] {
  return specs.map((sheet) => ({
    ...sheet,
    tables: sheet.tables.map((table) => ({
      ...table,
      columns: table.columns.map((column) => (columns[table.role]?.includes(column.key) ? noFormula(column) : column)),
    })),
  }));
}

/** Wall seconds, and LibreOffice's own CPU seconds, which other work on a shared machine disturbs less. */
export interface Timing {
  readonly wall: number;
  readonly cpu: number;
}

function mid(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const m = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
}

/** Wall and CPU medians, each of its own (the middle run of one need not be the middle of the other). */
function median(runs: readonly Timing[]): Timing {
  return { wall: mid(runs.map((r) => r.wall)), cpu: mid(runs.map((r) => r.cpu)) };
}

/** One LibreOffice load, full recalculation and save of `file`, start-up included. */
function timed(file: string, dir: string): Timing {
  const started = performance.now();
  const cpu = childCpuSeconds();
  // A workbook whose formulas scan their columns takes minutes: the benches are there to show it.
  convertWithLibreOffice([file], "xlsx:Calc MS Excel 2007 XML", join(dir, "out"), 60 * 60_000);
  return { wall: (performance.now() - started) / 1000, cpu: childCpuSeconds() - cpu };
}

/** `rounds` runs of each file, which runs first alternating so neither always meets a warmer machine; the medians. */
export function sideBySide(bareFile: string, wholeFile: string, dir: string, rounds: number): { bare: Timing; whole: Timing } {
  const bares: Timing[] = [];
  const wholes: Timing[] = [];
  for (let round = 0; round < rounds; round++) {
    const pair = [() => bares.push(timed(bareFile, dir)), () => wholes.push(timed(wholeFile, dir))];
    for (const run of round % 2 === 0 ? pair : pair.reverse()) run();
  }
  return { bare: median(bares), whole: median(wholes) };
}

/** "12.3 / 11.9": wall and CPU seconds. */
export const wallCpu = (t: Timing): string => `${t.wall.toFixed(1)} / ${t.cpu.toFixed(1)}`;

/** Median wall seconds of LibreOffice's three phases on one workbook, start-up left out. */
export interface Phases {
  /** Loading, with the recalculation on load the benches' profile asks for. */
  readonly load: number;
  /** calculateAll() once more: the calculation alone. */
  readonly calc: number;
  /** Storing as .xlsx, every formula printed back as text. */
  readonly save: number;
}

/**
 * `rounds` runs of each file's phases in one LibreOffice started once (`libreofficePhases.py`): start-up,
 * the same for every file and drifting by seconds on a shared machine, is out of the figures, and the
 * phases show where a formula costs — on load, in the calculation, or when saving prints it back.
 */
export function phases(files: readonly string[], dir: string, rounds: number): Phases[] {
  const out = join(dir, "phases.json");
  // The benches run from the repository's root (scripts/bench.mjs), compiled elsewhere: the script is found from there.
  execFileSync("/usr/bin/python3", [join(process.cwd(), "bench", "libreofficePhases.py"), String(rounds), out, ...files], { stdio: "pipe", timeout: 60 * 60_000 });
  const times = JSON.parse(readFileSync(out, "utf8")) as Record<string, Record<keyof Phases, number[]>>;
  return files.map((file) => ({ load: mid(times[file].load), calc: mid(times[file].calc), save: mid(times[file].save) }));
}
