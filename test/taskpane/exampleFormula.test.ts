import * as functions from "../../src/functions/functions";
import { exampleCallArgs, exampleFormula, exampleResultRows } from "../../src/taskpane/functionHelp/exampleFormula";
import { FUNCTION_EXAMPLES } from "../../src/taskpane/functionHelp/examples";
import { CONTRACT } from "../functions/contract.fixture";

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
  expect(exampleFormula(weeks, "SALES.WEEKSPLIT")).toBe("=SALES.WEEKSPLIT(100000,2026,11)");
  const abc = FUNCTION_EXAMPLES.find((e) => e.id === "ABC")!;
  expect(exampleFormula(abc, "SALES.ABC")).toBe("=SALES.ABC({500;300;100;50;50})");
  expect(exampleResultRows(weeks, [[46328, 46334, 5, 23810]])).toEqual([["2026-11-02", "2026-11-08", "5", "23810"]]);
  expect(exampleResultRows(weeks, { code: "#NUM!", message: "no working day" })).toEqual([["#NUM! no working day"]]);
});
