import * as functions from "../../src/functions/functions";
import { exampleCallArgs, exampleFormula, exampleResultRows } from "../../src/taskpane/functionHelp/exampleFormula";
import { FUNCTION_EXAMPLES } from "../../src/taskpane/functionHelp/examples";
import { CONTRACT } from "../functions/contract.fixture";
import { INVARIANT_SYNTAX } from "../../src/host/formulaSyntax";

test("there is one example per contract function", () => {
  expect(FUNCTION_EXAMPLES.map((e) => e.id)).toEqual(CONTRACT.map((c) => c.id));
});

test.each(FUNCTION_EXAMPLES.map((e) => [e.id, e] as const))("%s's example computes without an error", (_id, example) => {
  const fn = (functions as Record<string, (...args: unknown[]) => unknown>)[example.exportName];
  const rows = exampleResultRows(example, fn(...exampleCallArgs(example)));
  expect(rows.flat().join(" ")).not.toMatch(/#(VALUE|NUM|DIV\/0)!/);
});

test("examples read as formulas in both languages, with the seed's discount result", () => {
  const discount = FUNCTION_EXAMPLES.find((e) => e.id === "DISCOUNT")!;
  expect(exampleFormula(discount, "销售.折后价")).toBe('=销售.折后价(442000,{"9.8折","9.8折"})');
  expect(exampleResultRows(discount, functions.discount(...(exampleCallArgs(discount) as [unknown, unknown[][]])))).toEqual([["424496.8"]]);
  const weeks = FUNCTION_EXAMPLES.find((e) => e.id === "WEEKSPLIT")!;
  expect(exampleFormula(weeks, "SALES.WEEKSPLIT")).toBe('=SALES.WEEKSPLIT(100000,2026,10,"CN")');
  const abc = FUNCTION_EXAMPLES.find((e) => e.id === "ABC")!;
  expect(exampleFormula(abc, "SALES.ABC")).toBe("=SALES.ABC({500;300;100;50;50})");
  expect(exampleResultRows(weeks, [[46328, 46334, 5, 23810]])).toEqual([["2026-11-02", "2026-11-08", "5", "23810"]]);
  expect(exampleResultRows(weeks, { code: "#NUM!", message: "no working day" })).toEqual([["#NUM! no working day"]]);
});

test('the calendar examples use the built-in China calendar ("CN") and a 单休 week, with an argument left out', () => {
  const workdays = FUNCTION_EXAMPLES.find((e) => e.id === "WORKDAYS")!;
  expect(exampleFormula(workdays, "SALES.WORKDAYS")).toBe('=SALES.WORKDAYS(DATE(2026,10,1),DATE(2026,10,31),"CN")');
  expect(exampleResultRows(workdays, functions.workdays(...(exampleCallArgs(workdays) as [unknown, unknown])))).toEqual([["18"]]);
  const weeks = FUNCTION_EXAMPLES.find((e) => e.id === "WEEKSPLIT")!;
  expect(exampleResultRows(weeks, functions.weekSplit(...(exampleCallArgs(weeks) as [unknown, unknown, unknown])))).toEqual([
    ["2026-10-05", "2026-10-11", "3", "16666"],
    ["2026-10-12", "2026-10-18", "5", "27778"],
    ["2026-10-19", "2026-10-25", "5", "27778"],
    ["2026-10-26", "2026-10-31", "5", "27778"],
  ]);
  const days = FUNCTION_EXAMPLES.find((e) => e.id === "DAYSPLIT")!;
  expect(exampleFormula(days, "销售.按日拆分", { ...INVARIANT_SYNTAX, list: ";" })).toBe('=销售.按日拆分(12000;DATE(2026;11;23);DATE(2026;11;29);"CN";;1;"单休")');
  // Monday 11-23 to Saturday 11-28 worked (单休), Sunday 11-29 not: six days of 2000.
  expect(exampleResultRows(days, functions.daySplit(...(exampleCallArgs(days) as [unknown, unknown, unknown])))).toEqual(
    [23, 24, 25, 26, 27, 28].map((day) => [`2026-11-${day}`, "2000"]),
  );
});
