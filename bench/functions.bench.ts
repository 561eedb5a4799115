/**
 * Timings of the SALES.* functions on large inputs, called as Excel calls them (2-D arrays in, 2-D
 * arrays out), so argument checking is included. Prints two tables: the functions (goal: ABC on
 * 100 000 values < 100 ms), and ABC against a bare sort of the same values (goal: at most 2× at 1 000 000).
 */
import { abc, split, weekSplit } from "../src/functions/functions";

interface Row {
  readonly name: string;
  readonly medianMs: number;
  readonly note: string;
}

const middle = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Median wall time of `runs` calls after `warmups` untimed ones (to let the JIT settle). */
function median(work: () => unknown, runs: number, warmups = 2): number {
  for (let index = 0; index < warmups; index++) work();
  return middle(
    Array.from({ length: runs }, () => {
      const started = performance.now();
      work();
      return performance.now() - started;
    }),
  );
}

/**
 * ABC and a bare Float64Array sort of the same values, timed alternately in each run so that a load
 * from other processes falls on both; the ratio is the median of each run's own ratio.
 */
function againstSort(column: number[][], runs: number): { abcMs: number; sortMs: number; ratio: number } {
  const values = Float64Array.from(column, (row) => row[0]);
  const sortCopy = (): Float64Array => new Float64Array(values).sort();
  for (let index = 0; index < 2; index++) {
    abc(column);
    sortCopy();
  }
  const abcTimes: number[] = [];
  const sortTimes: number[] = [];
  const timed = (work: () => unknown, times: number[]): void => {
    const started = performance.now();
    work();
    times.push(performance.now() - started);
  };
  for (let run = 0; run < runs; run++) {
    // Alternate which goes first, so neither always runs right after the other's garbage.
    if (run % 2 === 0) {
      timed(() => abc(column), abcTimes);
      timed(sortCopy, sortTimes);
    } else {
      timed(sortCopy, sortTimes);
      timed(() => abc(column), abcTimes);
    }
  }
  return { abcMs: middle(abcTimes), sortMs: middle(sortTimes), ratio: middle(abcTimes.map((ms, run) => ms / sortTimes[run])) };
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


const sorts = [
  { values: "100 000", ...againstSort(amounts(100000), 15), goal: "ABC < 100 ms" },
  { values: "1 000 000", ...againstSort(amounts(1000000), 9), goal: "≤ 2" },
];
console.log("\nSALES.ABC against a bare Float64Array sort of the same values (alternating runs; ratio = median of per-run ratios)");
console.log(`${"values".padEnd(9)}  ${"ABC ms".padStart(8)}  ${"sort ms".padStart(8)}  ${"ratio".padStart(5)}  goal`);
for (const row of sorts) {
  console.log(`${row.values.padEnd(9)}  ${row.abcMs.toFixed(1).padStart(8)}  ${row.sortMs.toFixed(1).padStart(8)}  ${row.ratio.toFixed(2).padStart(5)}  ${row.goal}`);
}
