/**
 * Helpers that write references in the canonical structured-reference syntax the SheetSpec
 * promises (`Table[[#This Row],[Col]]`, `Table[Col]`): Excel accepts it in `range.formulas` and it
 * is the only form the .xlsx file format — and so LibreOffice and WPS — understands.
 */

/** Escapes a column header for use inside a structured reference ([, ], # and ' need a leading '). */
export function escapeColumn(header: string): string {
  return header.replace(/['#[\]]/g, (ch) => `'${ch}`);
}

/** `Table[Col]` — the whole data body of a column. */
export const col = (table: string, header: string): string => `${table}[[${escapeColumn(header)}]]`;

/** `Table[[#This Row],[Col]]` — the same row's cell of a column. */
export const thisRow = (table: string, header: string): string =>
  `${table}[[#This Row],[${escapeColumn(header)}]]`;

/** A hair below midnight, written as LibreOffice prints it (not 1E-9), so a log's column of these compiles once (xlsx/rowFormulas.ts). */
const HAIR = "0.000000001";

/**
 * The rows of a date-ordered table whose dates fall on days `from` to `to` (serials, both included), by
 * binary search: `MATCH(x, dates, 1)` is the last row dated on or before x, and skips the blank rows
 * left at the table's end. So a count over a period reads that period's rows only, instead of the whole
 * table once per count. `first`/`last` are row numbers within the column; `last < first` when none.
 */
export function dateWindow(dates: string, from: string, to: string): RowWindow {
  // A hair below midnight: the last row dated before `from`, and the last row of day `to` even with a time of day.
  return rowWindow(`(IFERROR(MATCH(${from}-${HAIR},${dates},1),0)+1)`, `IFERROR(MATCH(${to}+1-${HAIR},${dates},1),0)`);
}

/** Rows `first` to `last` of a table's columns (formulas of row numbers within a column): `dateWindow`'s, or cells holding them. */
export interface RowWindow {
  readonly first: string;
  readonly last: string;
  readonly rows: (column: string) => string;
  readonly when: (some: string, none: string) => string;
}

export function rowWindow(first: string, last: string): RowWindow {
  return {
    first,
    last,
    rows: (column) => `INDEX(${column},${first}):INDEX(${column},${last})`,
    // INDEX(c,5):INDEX(c,3) is rows 3 to 5, not an empty range: an empty period must not reach the count.
    when: (some, none) => `IF(${last}<${first},${none},${some})`,
  };
}

/**
 * The position of `value` in `keys`, fast when `keys` is in ascending order — as IDs given out in
 * sequence are — and right when it is not: a binary search (`MATCH(…,1)`), taken only when the key it
 * lands on is `value`, else the exact MATCH, which scans. #N/A when `keys` does not hold `value`.
 * A lookup per row of a 20 000-row log into a 2 000-row register scans ~20 M cells otherwise.
 */
export const matchSorted = (value: string, keys: string): string =>
  `IFERROR(IF(INDEX(${keys},MATCH(${value},${keys},1))=${value},MATCH(${value},${keys},1),NA()),MATCH(${exactKey(value)},${keys},0))`;

/** Excel's limit on a formula's contents, "=" included ([MS-OI29500] 2.1.1085; Excel's specifications and limits). */
export const MAX_FORMULA_LENGTH = 8192;

/** A formula's length as Excel counts it: written without its "=", which counts. */
export const formulaLength = (formula: string): number => formula.length + 1;

/** Whether Excel takes `formula` (written without its "=") for its length. */
export const formulaFits = (formula: string): boolean => formulaLength(formula) <= MAX_FORMULA_LENGTH;

/** What cell `x` holds, blank while it is blank: a formula reading an empty cell would show 0 (a date of 1900-01-00). */
export const cellOrBlank = (x: string): string => `IF(${x}="","",${x})`;

/** A string literal for a formula ("" doubled). */
export const str = (text: string): string => `"${text.replace(/"/g, '""')}"`;

/**
 * Decimal places a remainder keeps: weights typed with up to 4 decimals (yuan and fen, 万元 with one) have
 * remainders that are exact multiples of 10⁻⁴, so rounding there keeps their order and their ties.
 */
const REMAINDER_PLACES = 4;

/**
 * Largest-remainder (Hamilton) share of `total` for this row's `weight`, as a native formula
 * (DOMAIN §2.3, unit 1): floor of the quota, plus one unit when this row is among the
 * `total − Σ floors` rows with the largest remainders; ties go to the larger weight, then to the
 * earlier row. Remainders are computed as t·w − S·INT(t·w/S) rather than with MOD, whose argument range is
 * limited in older Excel. Blank when the total is blank or the weights sum
 * to 0; #NUM! when the total is not a whole number (the split works in whole yuan).
 */
export function largestRemainderShare(total: string, table: string, weightHeader: string): string {
  const w = thisRow(table, weightHeader);
  const all = col(table, weightHeader);
  const sum = `SUM(${all})`;
  // Rounded to 4 places: remainders that tie exactly in decimals (weights typed with a decimal, 11.6 and 19.6) can
  // differ in the last bits of a double, and the domain, exact, would then break the tie otherwise.
  const remainderOf = (x: string): string => `ROUND(${total}*${x}-${sum}*INT(${total}*${x}/${sum}),${REMAINDER_PLACES})`;
  const rAll = remainderOf(all);
  const rThis = remainderOf(w);
  const rank =
    `SUMPRODUCT((${rAll}>${rThis})+(${rAll}=${rThis})*(${all}>${w})` +
    `+(${rAll}=${rThis})*(${all}=${w})*(ROW(${all})<ROW(${w})))`;
  const leftover = `(${total}-SUMPRODUCT(INT(${total}*${all}/${sum})))`;
  return (
    `IF(OR(${total}="",${sum}=0),"",IF(${total}<>INT(${total}),#NUM!,` +
    `INT(${total}*${w}/${sum})+IF(${rank}<${leftover},1,0)))`
  );
}

/**
 * `x` as a criterion that matches itself only: MATCH(…,0), COUNTIF(S), SUMIF(S) take * ? as wildcards and ~ as
 * their escape in Excel, WPS and LibreOffice (which turns wildcards on for .xlsx files), so a name typed as
 * 泉州* would also count 泉州商会. ~ is escaped first, or the ~ put before * and ? would be doubled.
 */
export const literalCriterion = (x: string): string => `SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${x},"~","~~"),"*","~*"),"?","~?")`;

/**
 * A COUNTIF(S)/SUMIF(S) criterion for cells equal to `x`: "=" first, or a leading < > = in `x` would make it a
 * comparison, and `x` escaped (`literalCriterion`). Like the criteria they replace, they match a number and the
 * text of it alike (1001 and "1001"); Excel also compares text that reads as a number as that number ("0012"
 * is 12) and digit strings of 16 or more on their first 15 digits, where LibreOffice compares text.
 */
export const equalsCriterion = (x: string): string => `"="&${literalCriterion(x)}`;

/**
 * MATCH(…,0)'s lookup value for `x` itself: text escaped (`literalCriterion`), a number as it is — Excel's MATCH
 * does not find a number by its text, and SUBSTITUTE makes text of anything.
 */
export const exactKey = (x: string): string => `IF(ISNUMBER(${x}),${x},${literalCriterion(x)})`;

/**
 * A table upside down, for finding a key's last row with a MATCH that stops at its first hit — after the rows
 * entered since, not the whole column (a LOOKUP or an array MAX reads every row, per lookup). `newestFirstRow`
 * is the position, counted from the column's end, of the row holding `thisCell` (a this-row reference into
 * `column`, a whole-column name): its row k holds what the k-th row from the end holds.
 */
export const newestFirstRow = (thisCell: string, column: string): string => `ROWS(${thisCell}:INDEX(${column},ROWS(${column})))`;

/** The row, counted from the top of `column`, of the first row holding `key` (matched as MATCH(…,0) compares, literally: `exactKey`); #N/A without one. */
export const firstRowOf = (column: string, key: string): string => `MATCH(${exactKey(key)},${column},0)`;

/** The row, counted from the top of `column`, of the last row whose newest-first key is `key` (matched literally); #N/A without one. */
export const lastRowOf = (column: string, newestFirst: string, key: string): string => `ROWS(${column})+1-MATCH(${literalCriterion(key)},${newestFirst},0)`;
