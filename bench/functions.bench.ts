/**
 * Timings of the SALES.* functions on large inputs, called as Excel calls them (2-D arrays in, 2-D
 * arrays out), so argument checking is included. Prints one table; goal: ABC on 100 000 values < 100 ms.
 */
import { abc, split, weekSplit } from "../src/functions/functions";

interface Row {
  readonly name: string;
  readonly medianMs: number;
  readonly note: string;
}

/** Median wall time of `runs` calls after `warmups` untimed ones (to let the JIT settle). */
function median(work: () => unknown, runs: number, warmups = 2): number {
  for (let index = 0; index < warmups; index++) work();
  const times = Array.from({ length: runs }, () => {
    const started = performance.now();
    work();
    return performance.now() - started;
  }).sort((a, b) => a - b);
  return times[Math.floor(runs / 2)];
}

/** Deterministic sales-like amounts (a skewed distribution with ties), so runs are comparable. */
function amounts(count: number): number[][] {
  let seed = 12345;
  return Array.from({ length: count }, () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return [Math.floor((seed / 2147483648) ** 3 * 1000000) / 100];
  });
}

/** The spreadsheet way: each row sums the values above it (a SUMIF per row), O(n²). */
function naiveAbc(column: readonly (readonly number[])[], aShare = 0.4, bShare = 0.8): string[][] {
  const values = column.map((row) => row[0]);
  const total = values.reduce((sum, value) => sum + value, 0);
  return values.map((value) => {
    let before = 0;
    for (const other of values) if (other > value) before += other;
    const share = before / total;
    return [share < aShare ? "A" : share < bShare ? "B" : "C"];
  });
}

const rows: Row[] = [];
const time = (name: string, work: () => unknown, runs: number, note = ""): number => {
  const medianMs = median(work, runs);
  rows.push({ name, medianMs, note });
  return medianMs;
};

const column100k = amounts(100000);
time("ABC, 100 000 values", () => abc(column100k), 7, "goal < 100 ms");
const column1m = amounts(1000000);
time("ABC, 1 000 000 values", () => abc(column1m), 3);

const weights = amounts(10000);
time("SPLIT, 10 000 weights, unit 0.01", () => split(123456789.01, weights, 0.01), 7);

// China's 2026 National Day, so the working-day lists are not empty.
const holidays = [[46296, 46297, 46300, 46301, 46302]];
const makeUp = [[46285, 46305]];
time(
  "WEEKSPLIT, every month of 2021–2030",
  () => {
    for (let year = 2021; year <= 2030; year++) {
      for (let month = 1; month <= 12; month++) weekSplit(1000000, year, month, holidays, makeUp, 0.01);
    }
  },
  7,
  "120 calls",
);

const column20k = amounts(20000);
const fast = time("ABC, 20 000 values", () => abc(column20k), 7);
const naive = time("naive per-row SUMIF ABC, 20 000 values", () => naiveAbc(column20k), 3);
rows[rows.length - 1] = { ...rows[rows.length - 1], note: `${(naive / fast).toFixed(0)}× slower than ABC` };

const width = Math.max(...rows.map((row) => row.name.length));
console.log(`${"case".padEnd(width)}  ${"median ms".padStart(10)}  note`);
for (const row of rows) console.log(`${row.name.padEnd(width)}  ${row.medianMs.toFixed(1).padStart(10)}  ${row.note}`);
