/**
 * `matchSorted` (spec/formula.ts) recalculated by LibreOffice over key columns in and out of order — the
 * visit log's search of the register: every lookup finds a key equal to the one the scanning exact MATCH
 * finds, or none where it finds none, whatever the order, repeats, case, blanks, wildcard characters,
 * numbers or error values among the keys.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { a1, rangeA1 } from "../../../src/spec/a1";
import { exactKey, matchSorted, str } from "../../../src/spec/formula";
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
}

const ids = (n: number) => Array.from({ length: n }, (_, i) => `KH${String(i + 1).padStart(5, "0")}`);

const CASES: readonly Case[] = [
  { label: "IDs in order, blank rows at the end", keys: [...ids(12), null, null, null] },
  { label: "IDs given out in reverse", keys: ids(12).reverse() },
  { label: "one ID twice", keys: [...ids(5), "KH00005", ...ids(12).slice(5)] },
  { label: "one ID out of place", keys: [...ids(4), "KH00011", ...ids(12).slice(4, 10), "KH00012"] },
  { label: "a blank row among the IDs", keys: [...ids(6), null, ...ids(12).slice(6)] },
  { label: "an empty text among the IDs", keys: [...ids(3), { formula: '""' }, ...ids(6).slice(3)] },
  { label: "case differs, in order as the spreadsheet compares", keys: ["kh00001", "KH00002", "kh00003", "Kh00004"] },
  { label: "the same ID in two cases", keys: ["KH00001", "kh00001", "KH00002"] },
  { label: "numbers before text", keys: [3, 17, 250, "A-1", "B", "KH00001"] },
  { label: "numbers only", keys: [101, 102, 205, 990, null] },
  { label: "hyphens and wildcards", keys: ["A-1", "A*", "A?B", "A~1", "A1", "AB"] },
  { label: "an error value among the IDs", keys: [...ids(3), { formula: "NA()" }, ...ids(6).slice(3)] },
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
const cellsOf = (i: number) => ({ keys: 5 * i, lookup: 5 * i + 1, sorted: 5 * i + 2, exact: 5 * i + 3, binary: 5 * i + 4 });

const probe = (() => {
  const draft = new SheetDraft();
  CASES.forEach((c, i) => {
    const at = cellsOf(i);
    c.keys.forEach((key, k) => {
      if (key !== null) draft.put({ row: 1 + k, col: at.keys }, typeof key === "object" ? key : { value: key });
    });
    const keys = rangeA1({ from: { row: 1, col: at.keys }, to: { row: c.keys.length, col: at.keys } }, true);
    lookupsOf(c.keys).forEach((value, k) => {
      const lookup = { row: 1 + k, col: at.lookup };
      draft.put(lookup, { value });
      const v = a1(lookup);
      // What each search finds, as the key it lands on; both say "#none" for no key.
      draft.put({ row: 1 + k, col: at.sorted }, { formula: `IFERROR(INDEX(${keys},${matchSorted(v, keys)}),${str(FOUND)})` });
      draft.put({ row: 1 + k, col: at.exact }, { formula: `IFERROR(INDEX(${keys},MATCH(${exactKey(v)},${keys},0)),${str(FOUND)})` });
      draft.put({ row: 1 + k, col: at.binary }, { formula: `IFERROR(INDEX(${keys},IF(INDEX(${keys},MATCH(${v},${keys},1))=${v},MATCH(${v},${keys},1),NA())),${str(FOUND)})` });
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
});

test("the keys out of order are ones the binary search alone misses: the scan is what finds them", () => {
  const misses = CASES.map((c, i) => {
    const at = cellsOf(i);
    return lookupsOf(c.keys).filter((_, k) => read(book, probe, { row: 1 + k, col: at.binary }) !== read(book, probe, { row: 1 + k, col: at.exact })).length;
  });
  expect(misses[0]).toBe(0);
  expect(misses[1]).toBeGreaterThan(5);
  expect(misses[3]).toBeGreaterThan(0);
});
