// The operations behind the custom functions, not functions.ts itself: the build appends
// CustomFunctions.associate calls to functions.ts, which must run once, in the functions chunk only.
import * as operations from "../../functions/operations";
import type { FunctionId } from "../../contract/functionNames";

/**
 * A literal argument of an example formula: a number, a text, a date, a one-row / one-column array, or
 * null for an optional argument left out before a later one (`…,"CN",,1,"单休")`).
 */
export type ExampleArg =
  | null
  | number
  | string
  | { readonly date: readonly [number, number, number] }
  | { readonly row: readonly (number | string)[] }
  | { readonly column: readonly (number | string)[] };

export interface FunctionExample {
  readonly id: FunctionId;
  readonly exportName: keyof typeof operations;
  readonly args: readonly ExampleArg[];
  /** Result columns that hold date serials, shown as dates. */
  readonly dateColumns: readonly number[];
}

/**
 * One self-contained example per function (literal arguments only, so inserting it never depends on
 * what the user's sheet holds). The pane computes each result with the same code Excel runs.
 */
export const FUNCTION_EXAMPLES: readonly FunctionExample[] = [
  { id: "ABC", exportName: "abc", args: [{ column: [500, 300, 100, 50, 50] }], dateColumns: [] },
  { id: "TIER", exportName: "tier", args: [120000, 100000, 50000], dateColumns: [] },
  { id: "NEXTVISIT", exportName: "nextVisit", args: [{ date: [2026, 11, 20] }, "B"], dateColumns: [0] },
  { id: "SPLIT", exportName: "split", args: [100, { row: [1, 1, 1] }, 0.01], dateColumns: [] },
  { id: "WORKDAYS", exportName: "workdays", args: [{ date: [2026, 10, 1] }, { date: [2026, 10, 31] }, "CN"], dateColumns: [] },
  { id: "WEEKSPLIT", exportName: "weekSplit", args: [100000, 2026, 10, "CN"], dateColumns: [0, 1] },
  {
    id: "DAYSPLIT",
    exportName: "daySplit",
    args: [12000, { date: [2026, 11, 23] }, { date: [2026, 11, 29] }, "CN", null, 1, "单休"],
    dateColumns: [0],
  },
  { id: "DISCOUNT", exportName: "discount", args: [442000, { row: ["9.8折", "9.8折"] }], dateColumns: [] },
];
