import { checkSerial } from "../domain/calendar";
import { numError, valueError } from "../domain/errors";

/**
 * Excel values → domain inputs. Excel hands a range over as a 2-D array, a blank cell as null or "",
 * an omitted optional argument as null or undefined. Every rejection names the argument (and the cell)
 * so the message in the cell tells the user what to fix.
 */

/** A rectangular range, rows × columns. */
export interface Range {
  readonly rows: number;
  readonly columns: number;
  /** Row-major, as Excel numbers cells when it says "cell 3". */
  readonly cells: readonly unknown[];
}

export const isBlank = (value: unknown): boolean => value === null || value === undefined || value === "";

function describe(value: unknown): string {
  const text = String(value);
  return JSON.stringify(text.length > 30 ? `${text.slice(0, 30)}…` : text);
}

/** "weights: cell 3" or, in a block of several rows and columns, "weights: cell 5 (row 2, column 1)". */
export function cellLabel(name: string, range: Range, index: number): string {
  const position =
    range.rows > 1 && range.columns > 1
      ? ` (row ${Math.floor(index / range.columns) + 1}, column ${(index % range.columns) + 1})`
      : "";
  return `${name}: cell ${index + 1}${position}`;
}

/**
 * A range argument. A single value is a 1×1 range and a flat list one row, so Node callers and
 * single-cell references work as well as Excel's 2-D arrays.
 */
export function rangeArg(name: string, value: unknown): Range {
  if (!Array.isArray(value)) return { rows: 1, columns: 1, cells: [value] };
  if (!value.some(Array.isArray)) return { rows: value.length === 0 ? 0 : 1, columns: value.length, cells: value };
  if (!value.every(Array.isArray)) throw valueError(`${name} is not a range: it mixes rows and single values`);
  const rows = value as unknown[][];
  const columns = rows[0].length;
  const uneven = rows.find((row) => row.length !== columns);
  if (uneven) throw valueError(`${name} is not a range: its rows have ${columns} and ${uneven.length} cells`);
  const cells: unknown[] = [];
  for (const row of rows) for (const cell of row) cells.push(cell);
  return { rows: columns === 0 ? 0 : rows.length, columns, cells };
}

/** A range that defines the shape of the result, so it must have cells. */
export function filledRangeArg(name: string, value: unknown): Range {
  const range = rangeArg(name, value);
  if (range.cells.length === 0) throw valueError(`${name} is empty; select at least one cell`);
  return range;
}

export function checkSameShape(name: string, range: Range, otherName: string, other: Range): void {
  if (range.rows !== other.rows || range.columns !== other.columns) {
    throw valueError(
      `${name} (${range.rows}×${range.columns}) must have the same shape as ${otherName} (${other.rows}×${other.columns})`,
    );
  }
}

/** Lays row-major results back out in the range's shape. */
export function reshape<T>(range: Range, results: readonly T[]): T[][] {
  const rows: T[][] = [];
  for (let start = 0; start < results.length; start += range.columns) rows.push(results.slice(start, start + range.columns));
  return rows;
}

/** One cell or scalar as a number; null for a blank. `label` names it in messages. */
export function numberOrBlank(label: string, value: unknown): number | null {
  if (isBlank(value)) return null;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw numError(`${label} is not a finite number (${value})`);
    return value;
  }
  if (typeof value === "boolean") throw valueError(`${label} is ${value ? "TRUE" : "FALSE"}; enter a number`);
  if (typeof value === "string") throw valueError(`${label} is text (${describe(value)}); enter a number`);
  throw valueError(`${label} is not a single value; enter a number`);
}

/** Every cell of a range as a number or null, row-major. */
export function numberCells(name: string, range: Range): (number | null)[] {
  // The label is only built for a cell that is not plainly a number: ranges run to a million cells.
  return range.cells.map((cell, index) =>
    typeof cell === "number" && Number.isFinite(cell) ? cell : numberOrBlank(cellLabel(name, range, index), cell),
  );
}

/** A scalar argument; a one-cell range counts as its value. */
export function scalarArg(name: string, value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  const range = rangeArg(name, value);
  if (range.cells.length > 1) throw valueError(`${name} must be a single value, not a range of ${range.cells.length} cells`);
  return range.cells[0];
}

export function numberArg(name: string, value: unknown): number {
  const number = numberOrBlank(name, scalarArg(name, value));
  if (number === null) throw valueError(`${name} is required; enter a number`);
  return number;
}

export function optionalNumberArg(name: string, value: unknown, fallback: number): number {
  return numberOrBlank(name, scalarArg(name, value)) ?? fallback;
}

export function wholeNumberArg(name: string, value: unknown): number {
  const number = numberArg(name, value);
  if (!Number.isInteger(number)) throw numError(`${name} must be a whole number (got ${number})`);
  return number;
}

/** A date serial; a time of day is dropped, as NETWORKDAYS does. */
export function dateOrBlank(label: string, value: unknown): number | null {
  const number = numberOrBlank(label, value);
  return number === null ? null : checkSerial(Math.floor(number), label);
}

export function dateArg(name: string, value: unknown): number {
  const date = dateOrBlank(name, scalarArg(name, value));
  if (date === null) throw valueError(`${name} is required; enter a date`);
  return date;
}

/** An optional range of dates (holiday lists); blanks are skipped. */
export function dateListArg(name: string, value: unknown): number[] {
  const range = rangeArg(name, value);
  return range.cells
    .map((cell, index) => dateOrBlank(cellLabel(name, range, index), cell))
    .filter((date): date is number => date !== null);
}
