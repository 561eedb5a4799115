import { formatSerial, serialFromYmd } from "../../domain/calendar";
import { type FormulaSyntax, INVARIANT_SYNTAX } from "../../host/formulaSyntax";
import type { ExampleArg, FunctionExample } from "./examples";

const literal = (v: number | string, syntax: FormulaSyntax) =>
  typeof v === "number" ? String(v).replace(".", syntax.decimal) : `"${v.replace(/"/g, '""')}"`;

function argText(arg: ExampleArg, syntax: FormulaSyntax): string {
  if (arg === null) return "";
  if (typeof arg === "number" || typeof arg === "string") return literal(arg, syntax);
  if ("date" in arg) return `${syntax.dateFunction}(${arg.date.join(syntax.list)})`;
  if ("row" in arg) return `{${arg.row.map((v) => literal(v, syntax)).join(syntax.arrayColumn)}}`;
  return `{${arg.column.map((v) => literal(v, syntax)).join(syntax.arrayRow)}}`;
}

/**
 * The formula as typed in a cell, e.g. `=销售.折后价(442000,{"9.8折","9.8折"})` for the zh-CN name, in
 * the given syntax: the invariant one to show it, the user's (`formulasLocal`) to insert it.
 */
export function exampleFormula(example: FunctionExample, qualifiedName: string, syntax: FormulaSyntax = INVARIANT_SYNTAX): string {
  return `=${qualifiedName}(${example.args.map((arg) => argText(arg, syntax)).join(syntax.list)})`;
}

/** The same arguments as Excel hands them to the function: dates as serials, arrays as 2-D arrays. */
export function exampleCallArgs(example: FunctionExample): unknown[] {
  return example.args.map((arg) => {
    if (arg === null || typeof arg === "number" || typeof arg === "string") return arg;
    if ("date" in arg) return serialFromYmd(...arg.date);
    if ("row" in arg) return [[...arg.row]];
    return arg.column.map((v) => [v]);
  });
}

/** The example's result as rows of display text; an error result becomes its code and message. */
export function exampleResultRows(example: FunctionExample, result: unknown): string[][] {
  if (result !== null && typeof result === "object" && !Array.isArray(result)) {
    const error = result as { code?: string; message?: string };
    return [[`${error.code ?? "#VALUE!"} ${error.message ?? ""}`.trim()]];
  }
  const rows = Array.isArray(result) ? (result as unknown[][]) : [[result]];
  return rows.map((row) =>
    row.map((cell, col) =>
      typeof cell === "number" && example.dateColumns.includes(col) ? formatSerial(cell) : String(cell),
    ),
  );
}
