import { checkSerial, FIVE_DAY_WEEK, type WorkWeek } from "../domain/calendar";
import { parseWorkWeekText } from "../domain/dateText";
import { halfWidth } from "../domain/typedText";
import type { Bilingual } from "../contract/locale";
import { cellText } from "../contract/excerpt";
import { type DomainError, numError, valueError } from "../domain/errors";

/**
 * Excel values → domain inputs. Excel hands a range over as a 2-D array, a blank cell as null or "",
 * an omitted optional argument as null or undefined. Every rejection names the argument (and the cell)
 * so the message in the cell tells the user what to fix. Names and labels are Bilingual — the argument
 * as the user sees it in English and in zh-CN (argNames) — so every message exists in both languages.
 */

/** A range's size, rows × columns. */
export interface Shape {
  readonly rows: number;
  readonly columns: number;
}

/** A rectangular range, rows × columns. */
export interface Range extends Shape {
  /** Row-major, as Excel numbers cells when it says "cell 3". */
  readonly cells: readonly unknown[];
}

export const isBlank = (value: unknown): boolean => value === null || value === undefined || value === "";

/**
 * "weights: cell 3" or, in a block of several rows and columns, "weights: cell 5 (row 2, column 1)";
 * in zh-CN "权重：第 3 个单元格", "权重：第 5 个单元格（第 2 行第 1 列）".
 */
export function cellLabel(name: Bilingual, range: Shape, index: number): Bilingual {
  if (range.rows > 1 && range.columns > 1) {
    const row = Math.floor(index / range.columns) + 1;
    const column = (index % range.columns) + 1;
    return {
      en: `${name.en}: cell ${index + 1} (row ${row}, column ${column})`,
      zh: `${name.zh}：第 ${index + 1} 个单元格（第 ${row} 行第 ${column} 列）`,
    };
  }
  return { en: `${name.en}: cell ${index + 1}`, zh: `${name.zh}：第 ${index + 1} 个单元格` };
}

const mixedRange = (name: Bilingual): DomainError =>
  valueError({ en: `${name.en} is not a range: it mixes rows and single values`, zh: `${name.zh}不是有效的区域：其中既有整行又有单个值` });

const unevenRange = (name: Bilingual, columns: number, other: number): DomainError =>
  valueError({
    en: `${name.en} is not a range: its rows have ${columns} and ${other} cells`,
    zh: `${name.zh}不是有效的区域：各行的单元格数不同（${columns} 个和 ${other} 个）`,
  });

const emptyRange = (name: Bilingual): DomainError => valueError({ en: `${name.en} is empty; select at least one cell`, zh: `${name.zh}为空，请至少选择一个单元格` });

/** How many cells a row of a range of rows has: its first row's (none when the first is a single value). */
const columnsOf = (rows: readonly unknown[]): number => (Array.isArray(rows[0]) ? rows[0].length : 0);

/**
 * Checks Excel's rows as one range and hands each cell to `visit` with its row-major index, in one pass: a
 * register column is a million one-cell rows, and each pass over them costs about as much as sorting their
 * values (bench/functions.bench.ts). A single value among the rows wins over a row of another length,
 * wherever each is; the cells of a row of another length are not visited.
 */
function eachRowCell(name: Bilingual, rows: readonly unknown[], visit: (cell: unknown, index: number) => void): Shape {
  const columns = columnsOf(rows);
  let uneven: number | undefined;
  for (let row = 0, index = 0; row < rows.length; row++) {
    const cells = rows[row];
    if (!Array.isArray(cells)) throw mixedRange(name);
    if (cells.length !== columns) {
      uneven ??= cells.length;
      continue;
    }
    for (let column = 0; column < columns; column++) visit(cells[column], index++);
  }
  if (uneven !== undefined) throw unevenRange(name, columns, uneven);
  return { rows: columns === 0 ? 0 : rows.length, columns };
}

/**
 * A range argument. A single value is a 1×1 range and a flat list one row, so Node callers and
 * single-cell references work as well as Excel's 2-D arrays.
 */
export function rangeArg(name: Bilingual, value: unknown): Range {
  if (!Array.isArray(value)) return { rows: 1, columns: 1, cells: [value] };
  if (!value.some(Array.isArray)) return { rows: value.length === 0 ? 0 : 1, columns: value.length, cells: value };
  // Filled in place, not pushed: a growing array is copied and left for the garbage collector at every doubling.
  const cells = new Array<unknown>(value.length * columnsOf(value));
  const shape = eachRowCell(name, value, (cell, index) => {
    cells[index] = cell;
  });
  return { ...shape, cells };
}

/** A range that defines the shape of the result, so it must have cells. */
export function filledRangeArg(name: Bilingual, value: unknown): Range {
  const range = rangeArg(name, value);
  if (range.cells.length === 0) throw emptyRange(name);
  return range;
}

/**
 * A range of amounts for a function over every cell of a large range (ABC): each cell's number, NaN for a
 * blank, row-major, in a typed array, read from Excel's rows in one pass with no flat list of cells between.
 * The same shapes, checks and messages as filledRangeArg and numberCells, in the same order: the range's
 * shape before any cell that is not a number.
 */
export function amountsArg(name: Bilingual, value: unknown): { readonly range: Shape; readonly amounts: Float64Array } {
  if (!Array.isArray(value) || !value.some(Array.isArray)) {
    const range = filledRangeArg(name, value);
    return { range, amounts: Float64Array.from(numberCells(name, range), (n) => n ?? NaN) };
  }
  const amounts = new Float64Array(value.length * columnsOf(value));
  let firstOther = -1;
  let other: unknown;
  const range = eachRowCell(name, value, (cell, index) => {
    if (typeof cell === "number" && Number.isFinite(cell)) amounts[index] = cell;
    else {
      amounts[index] = NaN;
      if (firstOther < 0 && !isBlank(cell)) {
        firstOther = index;
        other = cell;
      }
    }
  });
  if (amounts.length === 0) throw emptyRange(name);
  // numberOrBlank always throws for that cell, with its message (text, a logical, an error value, a number
  // that is not finite): it is neither a number nor blank.
  if (firstOther >= 0) numberOrBlank(cellLabel(name, range, firstOther), other);
  return { range, amounts };
}

export function checkSameShape(name: Bilingual, range: Range, otherName: Bilingual, other: Range): void {
  if (range.rows !== other.rows || range.columns !== other.columns) {
    throw valueError({
      en: `${name.en} (${range.rows}×${range.columns}) must have the same shape as ${otherName.en} (${other.rows}×${other.columns})`,
      zh:
        `${name.zh}（${range.rows} 行 × ${range.columns} 列）必须与${otherName.zh}` +
        `（${other.rows} 行 × ${other.columns} 列）的行数和列数相同`,
    });
  }
}

/** Lays row-major results back out in the range's shape. */
export function reshape<T>(range: Shape, results: readonly T[]): T[][] {
  const { columns } = range;
  const rows = new Array<T[]>(Math.ceil(results.length / columns));
  for (let row = 0, start = 0; start < results.length; row++, start += columns) {
    // A one-cell row as a literal: slice() per row costs a call and a copy, and most results are columns.
    rows[row] = columns === 1 ? [results[start]] : results.slice(start, start + columns);
  }
  return rows;
}

/**
 * reshape for results that take a few values (classes), `valueAt` giving each cell's value in row-major order: in a
 * one-column range all rows with the same value are one shared one-cell array. Excel only reads a result;
 * at a million rows, a million small arrays cost as much as the sort behind them, because the garbage
 * collector copies each of them while the result is being built (bench/functions.bench.ts).
 */
export function reshapeFew<T>(range: Shape, valueAt: (index: number) => T): T[][] {
  const count = range.rows * range.columns;
  if (range.columns !== 1) return reshape(range, Array.from({ length: count }, (_, index) => valueAt(index)));
  const shared = new Map<T, T[]>();
  const rows = new Array<T[]>(count);
  for (let index = 0; index < count; index++) {
    const value = valueAt(index);
    let row = shared.get(value);
    if (row === undefined) shared.set(value, (row = [value]));
    rows[index] = row;
  }
  return rows;
}

/**
 * The code of an Excel error value (#N/A, #REF! …) when one is handed over as an object, as the
 * custom-functions runtime does for error cells inside a range; undefined for anything else.
 */
export function excelErrorCode(value: unknown): string | undefined {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return undefined;
  const code: unknown = (value as { code?: unknown }).code;
  return typeof code === "string" && code.startsWith("#") ? code : undefined;
}

/** The message for a cell that holds an Excel error: the user fixes that cell, not this function. */
export function errorValueError(label: Bilingual, code: string): DomainError {
  return valueError({ en: `${label.en} holds the error ${code}; fix that cell first`, zh: `${label.zh}是错误值 ${code}，请先修正该单元格` });
}

/** One cell or scalar as a number; null for a blank. `label` names it in messages. */
export function numberOrBlank(label: Bilingual, value: unknown): number | null {
  if (isBlank(value)) return null;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) {
      throw numError({ en: `${label.en} is not a finite number (${value})`, zh: `${label.zh}不是有效的数字（${value}）` });
    }
    return value;
  }
  if (typeof value === "boolean") {
    const logical = value ? "TRUE" : "FALSE";
    throw valueError({ en: `${label.en} is ${logical}; enter a number`, zh: `${label.zh}是逻辑值 ${logical}，请输入数字` });
  }
  if (typeof value === "string") {
    const text = cellText(value);
    throw valueError({ en: `${label.en} is text (${text}); enter a number`, zh: `${label.zh}是文本（${text}），请输入数字` });
  }
  const error = excelErrorCode(value);
  if (error !== undefined) throw errorValueError(label, error);
  throw valueError({ en: `${label.en} is not a single value; enter a number`, zh: `${label.zh}不是单个值，请输入数字` });
}

/** Every cell of a range as a number or null, row-major. */
export function numberCells(name: Bilingual, range: Range): (number | null)[] {
  // The label is only built for a cell that is not plainly a number: ranges run to a million cells.
  return range.cells.map((cell, index) =>
    typeof cell === "number" && Number.isFinite(cell) ? cell : numberOrBlank(cellLabel(name, range, index), cell),
  );
}

/** A scalar argument; a one-cell range counts as its value. */
export function scalarArg(name: Bilingual, value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  const range = rangeArg(name, value);
  if (range.cells.length > 1) {
    throw valueError({
      en: `${name.en} must be a single value, not a range of ${range.cells.length} cells`,
      zh: `${name.zh}必须是单个值，而不是 ${range.cells.length} 个单元格的区域`,
    });
  }
  return range.cells[0];
}

export function numberArg(name: Bilingual, value: unknown): number {
  const number = numberOrBlank(name, scalarArg(name, value));
  if (number === null) throw valueError({ en: `${name.en} is required; enter a number`, zh: `${name.zh}为必填项，请输入数字` });
  return number;
}

export function optionalNumberArg(name: Bilingual, value: unknown, fallback: number): number {
  return numberOrBlank(name, scalarArg(name, value)) ?? fallback;
}

export function wholeNumberArg(name: Bilingual, value: unknown): number {
  const number = numberArg(name, value);
  if (!Number.isInteger(number)) {
    throw numError({ en: `${name.en} must be a whole number (got ${number})`, zh: `${name.zh}必须是整数（当前为 ${number}）` });
  }
  return number;
}

/** A date serial; a time of day is dropped, as NETWORKDAYS does. */
export function dateOrBlank(label: Bilingual, value: unknown): number | null {
  const number = numberOrBlank(label, value);
  return number === null ? null : checkSerial(Math.floor(number), label);
}

export function dateArg(name: Bilingual, value: unknown): number {
  const date = dateOrBlank(name, scalarArg(name, value));
  if (date === null) throw valueError({ en: `${name.en} is required; enter a date`, zh: `${name.zh}为必填项，请输入日期` });
  return date;
}

/** An optional range of dates (holiday lists); blanks are skipped. */
export function dateListArg(name: Bilingual, value: unknown): number[] {
  const range = rangeArg(name, value);
  return range.cells
    .map((cell, index) => dateOrBlank(cellLabel(name, range, index), cell))
    .filter((date): date is number => date !== null);
}

/** The words that stand for China's built-in calendar in a holidays argument, as typed on any keyboard (full-width ＣＮ too). */
const CHINA_CALENDAR_WORDS: ReadonlySet<string> = new Set(["cn", "中国"]);

const isChinaCalendarWord = (cell: unknown): boolean =>
  typeof cell === "string" && CHINA_CALENDAR_WORDS.has(halfWidth(cell).trim().toLowerCase());

/**
 * A holidays argument: dates, and `"CN"` or `"中国"` (any case, in any cell) for China's built-in
 * holidays and make-up days, which the dates are then added to. Blanks are skipped.
 */
export function holidayListArg(name: Bilingual, value: unknown): { readonly china: boolean; readonly dates: number[] } {
  const range = rangeArg(name, value);
  const china = range.cells.some(isChinaCalendarWord);
  const dates = range.cells
    .map((cell, index) => (isChinaCalendarWord(cell) ? null : dateOrBlank(cellLabel(name, range, index), cell)))
    .filter((date): date is number => date !== null);
  return { china, dates };
}

const WORK_WEEK_HELP: Bilingual = {
  en: "enter 双休 (or 5day, Monday–Friday), 单休 (or 6day, Monday–Saturday) or 大小周:2026-11-07 (or alternate:2026-11-07: Saturdays alternate, the date is in a long week)",
  zh: "请填写 双休（周一至周五）、单休（周一至周六）或 大小周:2026-11-07（隔周上周六，日期为某个大周中的一天，如其上班的周六）",
};

/** The optional work-week argument: 双休 when omitted or blank. */
export function workWeekArg(name: Bilingual, value: unknown): WorkWeek {
  const cell = scalarArg(name, value);
  if (isBlank(cell)) return FIVE_DAY_WEEK;
  const error = excelErrorCode(cell);
  if (error !== undefined) throw errorValueError(name, error);
  if (typeof cell === "string") {
    const week = parseWorkWeekText(cell);
    if (week) return week;
    const text = cellText(cell);
    throw valueError({ en: `${name.en} (${text}) is not a work week; ${WORK_WEEK_HELP.en}`, zh: `${name.zh}（${text}）无法识别，${WORK_WEEK_HELP.zh}` });
  }
  throw valueError({ en: `${name.en} is not text; ${WORK_WEEK_HELP.en}`, zh: `${name.zh}不是文本，${WORK_WEEK_HELP.zh}` });
}
