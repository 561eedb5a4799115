import type { CellRef, WorkbookHolidayTable } from "../spec/sheetSpec";
import { holidayTableYear } from "../spec/naming";
import { qualifiedAddress } from "../spec/addresses";

/**
 * A 节假日 table (issue 11) as both front doors read it back from a workbook, so the Office and the
 * .xlsx writer agree on what a cell the user typed means: the dates of its first two columns (days
 * off, make-up working days) are the workbook's calendar for that year.
 */

/** What a front door read of one table: where its body starts, its columns' names and its body's values. */
export interface HolidayTableCells {
  readonly table: string;
  readonly sheet: string;
  /** The body's first cell, to name a cell that holds no date. */
  readonly bodyAt: CellRef;
  readonly headers: readonly unknown[];
  /** The data body, row by row, as the host gives values: numbers for dates, "" (Office) or null (.xlsx) for blanks. */
  readonly body: readonly (readonly unknown[])[];
}

/** Whether `table` is a 节假日 table a front door reads back. */
export const isHolidayTable = (table: string): boolean => holidayTableYear(table) !== undefined;

const blank = (value: unknown): boolean => value === null || value === undefined || (typeof value === "string" && value.trim() === "");

/**
 * The table's dates and headers. A cell holding a number is a date (Excel's serial; a time of day
 * typed with it dropped, as NETWORKDAYS drops it); a blank cell is skipped. Anything else —
 * text such as `10月7日` typed into a cell formatted as text, TRUE, an error value — is left out of
 * the dates, as the templates' formulas leave it out (COUNTIFS skips text; LibreOffice's
 * NETWORKDAYS too, test/writers/xlsx/holidayTablesEngine.test.ts), and named in `notDates` for
 * the front door to tell the user: a typo is not silently taken for "no holiday there". A table
 * with fewer than two columns has no make-up column a formula could read, so it is not returned (a
 * template then treats the year as it would a table it only knows by name).
 */
export function holidayTableOf(cells: HolidayTableCells): WorkbookHolidayTable | undefined {
  if (cells.headers.length < 2) return undefined;
  const dates: [number[], number[]] = [[], []];
  const notDates: { address: string; text: string }[] = [];
  cells.body.forEach((row, r) =>
    [0, 1].forEach((c) => {
      const value = row[c];
      if (typeof value === "number" && Number.isFinite(value)) dates[c].push(Math.floor(value));
      else if (!blank(value)) {
        const at = { row: cells.bodyAt.row + r, col: cells.bodyAt.col + c };
        notDates.push({ address: qualifiedAddress(cells.sheet, { from: at, to: at }), text: typeof value === "boolean" ? String(value).toUpperCase() : String(value) });
      }
    }),
  );
  const sorted = (list: number[]): number[] => [...new Set(list)].sort((a, b) => a - b);
  return {
    table: cells.table,
    headers: [String(cells.headers[0]), String(cells.headers[1])],
    holidays: sorted(dates[0]),
    makeUpDays: sorted(dates[1]),
    ...(notDates.length > 0 ? { notDates } : {}),
  };
}
