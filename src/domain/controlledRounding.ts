/**
 * Controlled rounding of a two-way table (issue 14): a non-negative seed, whole row totals and whole
 * column totals → whole cells such that every row and every column sums exactly to its total, each
 * cell the floor or the ceiling of its exact value, the exact values proportional to the seed.
 *
 * 1. Feasibility, exactly, in integers: a max flow source → row i (capacity rowTotal_i) → column j
 *    (only where seed_ij > 0, unbounded) → sink (capacity colTotal_j). A table exists iff the flow
 *    carries every total; otherwise the rows reached from the source in the residual graph form a
 *    min cut whose totals exceed what the columns they may use hold (Hall's condition), and
 *    `TableInfeasible` names them.
 * 2. Fit (`fitTable`): iterative proportional fitting (RAS) on the seed, restricted to the cells some
 *    table with these margins can make positive — a cell that carries flow, or whose column reaches
 *    its row in the residual graph (then flow can be pushed round a cycle through it). On that
 *    support a strictly positive solution exists, so RAS converges geometrically; on the whole seed
 *    it would crawl like 1/k towards zeros in the tight cases (a new rep whose target fills December
 *    exactly). It stops when every margin is within `tolerance(total)` of its total; after MAX_SWEEPS
 *    sweeps without that (geometric, but slowly, when margins sharing a column differ by orders of
 *    magnitude) `settle` moves the rows' remaining error along the support by a max flow.
 * 3. Round (`roundTable`): floor every cell, then give +1 to cells until every row and column reaches
 *    its total — first greedily by largest fraction (ties: larger exact value, then row, then column),
 *    then by augmenting paths that may move a +1 from one cell to another. Only cells with a fraction
 *    may get +1, so each cell stays the floor or the ceiling of its exact value (within one unit).
 *
 * Why step 3 always succeeds: with f_ij = exact_ij − floor_ij ∈ [0, 1), the deficits
 * r_i = rowTotal_i − Σ_j floor_ij and c_j = colTotal_j − Σ_i floor_ij are whole, and f is a
 * fractional flow source → row i (r_i) → cell (≤ 1) → column j (c_j) → sink carrying Σ r_i. Capacities
 * are whole, so the transportation polytope is integral and a whole flow of the same value exists;
 * the augmenting-path max flow finds it whatever the greedy start. Floating point leaves the fitted
 * margins within `tolerance` of the totals: the fractional flow scaled down by that slack still
 * carries more than Σ r_i − 1, so the whole max flow is still Σ r_i.
 */

/** Why no table fits: these rows' totals exceed what the columns they may use hold (a min cut). */
export class TableInfeasible extends Error {
  constructor(
    /** Zero-based rows of the cut: every one of them needs more than the columns below can give. */
    readonly rows: number[],
    /** Zero-based columns those rows have seed in. */
    readonly cols: number[],
    /** Σ of the rows' totals. */
    readonly need: number,
    /** Σ of the columns' totals; less than `need`. */
    readonly room: number,
  ) {
    super(`rows ${rows.join(",")} need ${need} but columns ${cols.join(",")} hold ${room}`);
    this.name = "TableInfeasible";
  }
}

/**
 * RAS sweeps before giving up on the tolerance (a sweep: scale rows, then columns). Real plans take a few
 * dozen; a table whose margins differ by five orders of magnitude in one column (totals 259 770 and 1) can
 * need millions, and is then finished by `settle`.
 */
export const MAX_SWEEPS = 1000;

/**
 * How close the fitted margins must come to the totals: 1e-9 of a unit, or — for totals so large that
 * a double cannot resolve that — 1e-13 of the total (a sum of 30 doubles errs by ~3e-15 of it).
 * Rounding needs the errors of all margins together below one unit: that holds up to ~2e11 units.
 */
export const tolerance = (total: number): number => Math.max(1e-9, 1e-13 * total);

/** Values within this of a whole number are that whole number (the float noise of a fit). */
const WHOLE = 1e-9;

type Table = readonly (readonly number[])[];

function checkShape(table: Table, rowTotals: readonly number[], colTotals: readonly number[], what: string): number {
  if (table.length !== rowTotals.length || table.some((row) => row.length !== colTotals.length)) {
    throw new RangeError(`${what}: a ${rowTotals.length} × ${colTotals.length} table is needed`);
  }
  for (const row of table) for (const v of row) if (!Number.isFinite(v) || v < 0) throw new RangeError(`${what}: cells must be finite and ≥ 0 (got ${v})`);
  for (const t of [...rowTotals, ...colTotals]) if (!Number.isSafeInteger(t) || t < 0) throw new RangeError(`${what}: totals must be whole and ≥ 0 (got ${t})`);
  const total = rowTotals.reduce((a, b) => a + b, 0);
  const cols = colTotals.reduce((a, b) => a + b, 0);
  if (total !== cols) throw new RangeError(`${what}: the row totals sum to ${total}, the column totals to ${cols}`);
  return total;
}

/** A small flow network (adjacency lists, paired reverse edges e and e^1), max flow by shortest augmenting paths. */
class Network {
  readonly to: number[] = [];
  readonly cap: number[] = [];
  readonly flow: number[] = [];
  readonly out: number[][];

  constructor(nodes: number) {
    this.out = Array.from({ length: nodes }, () => []);
  }

  add(from: number, to: number, cap: number): number {
    const edge = this.to.length;
    this.to.push(to, from);
    this.cap.push(cap, 0);
    this.flow.push(0, 0);
    this.out[from].push(edge);
    this.out[to].push(edge + 1);
    return edge;
  }

  residual = (edge: number): number => this.cap[edge] - this.flow[edge];

  push(edge: number, amount: number): void {
    this.flow[edge] += amount;
    this.flow[edge ^ 1] -= amount;
  }

  /** Nodes reachable from `from` through edges with residual capacity above `slack`; `via[n]` is the edge that reached n. */
  reach(from: number, slack = 0): { seen: boolean[]; via: number[] } {
    const seen = this.out.map(() => false);
    const via = this.out.map(() => -1);
    const queue = [from];
    seen[from] = true;
    for (let head = 0; head < queue.length; head++) {
      for (const edge of this.out[queue[head]]) {
        const next = this.to[edge];
        if (!seen[next] && this.residual(edge) > slack) {
          seen[next] = true;
          via[next] = edge;
          queue.push(next);
        }
      }
    }
    return { seen, via };
  }

  /** Augments along shortest paths (breadth first, so the result is deterministic) until none is left (above `slack`). */
  maxFlow(source: number, sink: number, slack = 0): void {
    for (;;) {
      const { seen, via } = this.reach(source, slack);
      if (!seen[sink]) return;
      let amount = Infinity;
      for (let node = sink; node !== source; node = this.to[via[node] ^ 1]) amount = Math.min(amount, this.residual(via[node]));
      for (let node = sink; node !== source; node = this.to[via[node] ^ 1]) this.push(via[node], amount);
    }
  }
}

/** Rows are nodes 0..n−1, columns n..n+m−1, then the source and the sink. */
function transport(
  rowTotals: readonly number[],
  colTotals: readonly number[],
  cell: (i: number, j: number) => number,
): { net: Network; source: number; sink: number; cells: Map<number, number>; rowEdges: number[]; colEdges: number[] } {
  const n = rowTotals.length;
  const m = colTotals.length;
  const source = n + m;
  const sink = source + 1;
  const net = new Network(n + m + 2);
  const rowEdges = rowTotals.map((t, i) => net.add(source, i, t));
  const cells = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      const cap = cell(i, j);
      if (cap > 0) cells.set(i * m + j, net.add(i, n + j, cap));
    }
  }
  const colEdges = colTotals.map((t, j) => net.add(n + j, sink, t));
  return { net, source, sink, cells, rowEdges, colEdges };
}

/** Checks that a table with these margins exists on the seed's positive cells; returns the cells some such table makes positive. */
function supportOf(seed: Table, rowTotals: readonly number[], colTotals: readonly number[], total: number): boolean[][] {
  const n = rowTotals.length;
  const m = colTotals.length;
  const { net, source, sink, cells, rowEdges } = transport(rowTotals, colTotals, (i, j) => (seed[i][j] > 0 ? Infinity : 0));
  net.maxFlow(source, sink);
  const carried = rowEdges.reduce((sum, edge) => sum + net.flow[edge], 0);
  if (carried < total) {
    const { seen } = net.reach(source);
    const rows = rowTotals.map((_, i) => i).filter((i) => seen[i]);
    const cols = colTotals.map((_, j) => j).filter((j) => seen[n + j]);
    const sum = (list: number[], totals: readonly number[]): number => list.reduce((s, k) => s + totals[k], 0);
    throw new TableInfeasible(rows, cols, sum(rows, rowTotals), sum(cols, colTotals));
  }
  // At a max flow every source and sink edge is saturated, so residual paths run among rows and columns only.
  const reachFromCol = colTotals.map((_, j) => net.reach(n + j).seen);
  return seed.map((row, i) =>
    row.map((_, j) => {
      const edge = cells.get(i * m + j);
      return edge !== undefined && (net.flow[edge] > 0 || reachFromCol[j][i]);
    }),
  );
}

/**
 * Non-negative seed → the matrix with exactly these margins that stays proportional to the seed
 * (iterative proportional fitting on the cells some solution can make positive). Throws TableInfeasible.
 */
export function fitTable(seed: Table, rowTotals: readonly number[], colTotals: readonly number[]): number[][] {
  const total = checkShape(seed, rowTotals, colTotals, "fitTable");
  const support = supportOf(seed, rowTotals, colTotals, total);
  const x = seed.map((row, i) => row.map((v, j) => (support[i][j] ? v : 0)));
  const m = colTotals.length;
  const within = tolerance(total);
  const scaleRows = (): number => {
    let error = 0;
    x.forEach((row, i) => {
      const sum = row.reduce((a, b) => a + b, 0);
      error = Math.max(error, Math.abs(sum - rowTotals[i]));
      if (sum > 0) for (let j = 0; j < m; j++) row[j] *= rowTotals[i] / sum;
    });
    return error;
  };
  const scaleCols = (): number => {
    let error = 0;
    for (let j = 0; j < m; j++) {
      const sum = x.reduce((a, row) => a + row[j], 0);
      error = Math.max(error, Math.abs(sum - colTotals[j]));
      if (sum > 0) for (const row of x) row[j] *= colTotals[j] / sum;
    }
    return error;
  };
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    // Errors measured before each scaling: both sides within tolerance means the table already fits.
    const rowError = scaleRows();
    const colError = scaleCols();
    if (Math.max(rowError, colError) <= within) return x;
  }
  return settle(x, support, rowTotals);
}

/**
 * Finishes a fit RAS left short: the columns fit (the last scaling), the rows miss by e_i (Σ e_i = 0).
 * A max flow moves the excess of rows above their totals to rows below them within columns — row i →
 * column j takes up to x_ij off cell (i,j), column j → row k adds to cell (k,j) on the support — so the
 * columns keep their sums, every cell stays ≥ 0 and on the support, and the rows reach their totals. Such
 * a flow exists because some table on the support has these margins: the difference is one.
 */
function settle(x: number[][], support: readonly (readonly boolean[])[], rowTotals: readonly number[]): number[][] {
  const n = rowTotals.length;
  const m = x[0]?.length ?? 0;
  const source = n + m;
  const sink = source + 1;
  const net = new Network(n + m + 2);
  const excess = x.map((row, i) => row.reduce((a, b) => a + b, 0) - rowTotals[i]);
  excess.forEach((e, i) => (e > 0 ? net.add(source, i, e) : e < 0 ? net.add(i, sink, -e) : undefined));
  const take = new Map<number, number>();
  const give = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      if (!support[i][j]) continue;
      take.set(i * m + j, net.add(i, n + j, x[i][j]));
      give.set(i * m + j, net.add(n + j, i, Infinity));
    }
  }
  const total = rowTotals.reduce((a, b) => a + b, 0);
  net.maxFlow(source, sink, tolerance(total) / (n + m + 1));
  return x.map((row, i) =>
    row.map((v, j) => {
      const key = i * m + j;
      return take.has(key) ? Math.max(0, v - net.flow[take.get(key)!] + net.flow[give.get(key)!]) : v;
    }),
  );
}

/**
 * The exact (fitted) values rounded to whole numbers: each cell floor or ceil of its exact value,
 * every row and every column summing exactly to its (whole) total; deterministic.
 */
export function roundTable(exact: Table, rowTotals: readonly number[], colTotals: readonly number[]): number[][] {
  checkShape(exact, rowTotals, colTotals, "roundTable");
  const m = colTotals.length;
  // A value within WHOLE of a whole number is that number and has no fraction to round.
  const floors = exact.map((row) => row.map((v) => (Math.abs(v - Math.round(v)) <= WHOLE ? Math.round(v) : Math.floor(v))));
  const fractions = exact.map((row, i) => row.map((v, j) => Math.max(0, v - floors[i][j])));
  const rowNeed = rowTotals.map((t, i) => t - floors[i].reduce((a, b) => a + b, 0));
  const colNeed = colTotals.map((t, j) => t - floors.reduce((a, row) => a + row[j], 0));
  if ([...rowNeed, ...colNeed].some((d) => d < 0)) throw new RangeError("roundTable: the exact table exceeds its totals");

  // Cells are keyed i·m + j, so comparing keys is comparing row, then column.
  const { net, source, sink, cells, rowEdges, colEdges } = transport(rowNeed, colNeed, (i, j) => (fractions[i][j] > 0 ? 1 : 0));
  const at = (key: number): [number, number] => [Math.floor(key / m), key % m];
  const order = [...cells.keys()].sort((a, b) => {
    const [[ia, ja], [ib, jb]] = [at(a), at(b)];
    return fractions[ib][jb] - fractions[ia][ja] || exact[ib][jb] - exact[ia][ja] || a - b;
  });
  for (const key of order) {
    const [i, j] = at(key);
    if (net.residual(rowEdges[i]) > 0 && net.residual(colEdges[j]) > 0) {
      net.push(rowEdges[i], 1);
      net.push(cells.get(key)!, 1);
      net.push(colEdges[j], 1);
    }
  }
  net.maxFlow(source, sink);
  const parts = floors.map((row, i) => row.map((f, j) => f + (cells.has(i * m + j) ? net.flow[cells.get(i * m + j)!] : 0)));
  const short = rowEdges.some((edge) => net.residual(edge) > 0);
  // Only a fit whose margins miss their totals by a unit or more can get here (see the comment at the top).
  if (short) throw new RangeError(`roundTable: the exact table's margins are too far from the totals to round`);
  return parts;
}

/** Both: the fitted table and its rounding. */
export function splitTable(seed: Table, rowTotals: readonly number[], colTotals: readonly number[]): { exact: number[][]; parts: number[][] } {
  const exact = fitTable(seed, rowTotals, colTotals);
  return { exact, parts: roundTable(exact, rowTotals, colTotals) };
}
