/**
 * `matchSorted` with `keysMissedBySearch` (spec/formula.ts) recalculated by LibreOffice over key columns
 * in and out of order: the count is 0 exactly where the binary search finds every key at its own row, and
 * whatever it is, every lookup finds what the scanning exact MATCH finds — a listed key is never missed
 * because the scan was skipped. The count is the search itself over the keys (MATCH with an array of
 * lookup values in SUMPRODUCT), so this is the engine evaluating it as it evaluates one MATCH per row.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { a1, rangeA1 } from "../../../src/spec/a1";
import { exactKey, keysMissedBySearch, matchSorted, str } from "../../../src/spec/formula";
import type { CellRef } from "../../../src/spec/sheetSpec";
import { SheetDraft } from "../../../src/templates/draft";
import { writeXlsx } from "../../../src/writers/xlsx";
import { recalcXlsx, type Computed, type ComputedWorkbook } from "../../support/libreoffice";
import { finishProbe } from "../../support/probeSheet";
import { read } from "../../support/specCells";

jest.setTimeout(120_000);

/** A key cell: a value, a blank (null) or an error value (`{ formula }`). */
type Key = string | number | null | { readonly formula: string };

interface Case {
  readonly label: string;
  readonly keys: readonly Key[];
  /** What the count must be: a number, or "some" for more than 0. Undefined: any count, the lookups decide. */
  readonly misses?: number | "some";
  /** The count's cell left empty, as a user clearing it would: the scan must run. */
  readonly emptied?: true;
}

const ids = (n: number) => Array.from({ length: n }, (_, i) => `KH${String(i + 1).padStart(5, "0")}`);

const CASES: readonly Case[] = [
  { label: "IDs in order, blank rows at the end", keys: [...ids(12), null, null, null], misses: 0 },
  { label: "IDs given out in reverse", keys: ids(12).reverse(), misses: "some" },
  { label: "IDs given out in reverse, the count's cell emptied", keys: ids(12).reverse(), emptied: true },
  { label: "one ID twice", keys: [...ids(5), "KH00005", ...ids(12).slice(5)], misses: "some" },
  { label: "one ID out of place", keys: [...ids(4), "KH00011", ...ids(12).slice(4, 10), "KH00012"], misses: "some" },
  { label: "a blank row among the IDs", keys: [...ids(6), null, ...ids(12).slice(6)] },
  { label: "case differs, in order as the spreadsheet compares", keys: ["kh00001", "KH00002", "kh00003", "Kh00004"], misses: 0 },
  { label: "the same ID in two cases", keys: ["KH00001", "kh00001", "KH00002"], misses: "some" },
  { label: "numbers before text", keys: [3, 17, 250, "A-1", "B", "KH00001"] },
  { label: "numbers only", keys: [101, 102, 205, 990, null], misses: 0 },
  { label: "hyphens and wildcards", keys: ["A-1", "A*", "A?B", "A~1", "A1", "AB"] },
  { label: "an error value among the IDs", keys: [...ids(3), { formula: "NA()" }, ...ids(6).slice(3)], misses: 7 },
];

/** Every key as a lookup, and values that are no key: in the middle, before the first, after the last, and a key in other case. */
const lookupsOf = (keys: readonly Key[]): (string | number)[] => [
  ...new Set([
    ...keys.filter((k): k is string | number => typeof k === "string" || typeof k === "number"),
    ...keys.filter((k): k is string => typeof k === "string").map((k) => k.toLowerCase()),
    "KH00000",
    "KH000055",
    "ZZ",
    "A",
    "A*",
    0,
    150,
    99999,
  ]),
];

const ROWS = Math.max(...CASES.map((c) => lookupsOf(c.keys).length)) + 2;
const FOUND = "#none";
const cellsOf = (i: number) => ({ keys: 4 * i, lookup: 4 * i + 1, sorted: 4 * i + 2, exact: 4 * i + 3 });
const countAt = (i: number): CellRef => ({ row: 0, col: cellsOf(i).lookup });

const probe = (() => {
  const draft = new SheetDraft();
  CASES.forEach((c, i) => {
    const at = cellsOf(i);
    c.keys.forEach((key, k) => {
      if (key !== null) draft.put({ row: 1 + k, col: at.keys }, typeof key === "object" ? key : { value: key });
    });
    const keys = rangeA1({ from: { row: 1, col: at.keys }, to: { row: c.keys.length, col: at.keys } }, true);
    if (!c.emptied) draft.put(countAt(i), { formula: keysMissedBySearch(keys) });
    const misses = a1(countAt(i), true);
    lookupsOf(c.keys).forEach((value, k) => {
      const lookup = { row: 1 + k, col: at.lookup };
      draft.put(lookup, { value });
      const v = a1(lookup);
      // What each search finds, as the key it lands on; both say "#none" for no key.
      draft.put({ row: 1 + k, col: at.sorted }, { formula: `IFERROR(INDEX(${keys},${matchSorted(v, keys, misses)}),${str(FOUND)})` });
      draft.put({ row: 1 + k, col: at.exact }, { formula: `IFERROR(INDEX(${keys},MATCH(${exactKey(v)},${keys},0)),${str(FOUND)})` });
    });
  });
  return finishProbe(draft, ROWS + 1);
})();

let book: ComputedWorkbook;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), "sp-match-sorted-"));
  const file = join(dir, "probe.xlsx");
  writeFileSync(file, await writeXlsx([probe]));
  [book] = await recalcXlsx([file]);
}, 120_000);

/** Text compared as the spreadsheet's = compares it: without case. */
const same = (v: Computed) => (typeof v === "string" ? v.toLowerCase() : v);

describe.each(CASES.map((c, i) => [c.label, c, i] as const))("%s", (_label, c, i) => {
  test("every lookup finds a key equal to the one the exact MATCH finds, or none when it finds none", () => {
    const at = cellsOf(i);
    const lookups = lookupsOf(c.keys);
    const found = lookups.map((_, k) => same(read(book, probe, { row: 1 + k, col: at.sorted })));
    const exact = lookups.map((_, k) => same(read(book, probe, { row: 1 + k, col: at.exact })));
    expect(found).toEqual(exact);
    // The lookups hold both: keys found, and values no key equals.
    expect(exact).toContain(FOUND.toLowerCase());
    expect(exact.some((v) => v !== FOUND.toLowerCase())).toBe(true);
  });

  if (c.misses !== undefined) {
    test(`the binary search misses ${c.misses === "some" ? "some keys" : `${c.misses} keys`}`, () => {
      const misses = read(book, probe, countAt(i));
      if (c.misses === "some") expect(misses).toBeGreaterThan(0);
      else expect(misses).toBe(c.misses);
    });
  }
});
