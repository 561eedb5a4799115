import { formatSerial, serialFromYmd } from "../../domain/calendar";
import type { ExampleArg, FunctionExample } from "./examples";

const literal = (v: number | string) => (typeof v === "number" ? String(v) : `"${v.replace(/"/g, '""')}"`);

function argText(arg: ExampleArg): string {
  if (typeof arg === "number" || typeof arg === "string") return literal(arg);
  if ("date" in arg) return `DATE(${arg.date.join(",")})`;
  if ("row" in arg) return `{${arg.row.map(literal).join(",")}}`;
  return `{${arg.column.map(literal).join(";")}}`;
}

/** The formula as typed in a cell, e.g. `=销售.折后价(442000,{"9.8折","9.8折"})` for the zh-CN name. */
export function exampleFormula(example: FunctionExample, qualifiedName: string): string {
  return `=${qualifiedName}(${example.args.map(argText).join(",")})`;
}

/** The same arguments as Excel hands them to the function: dates as serials, arrays as 2-D arrays. */
export function exampleCallArgs(example: FunctionExample): unknown[] {
  return example.args.map((arg) => {
    if (typeof arg === "number" || typeof arg === "string") return arg;
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
