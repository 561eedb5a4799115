import type { RangeRef } from "./sheetSpec";
import { a1, quoteSheet, rangeA1 } from "./a1";

/**
 * Reading the addresses Excel hands back (`Sheet1!B2:D9`, `'My sheet'!A1`) — the writers only
 * ever produce A1 text (a1.ts); the Office writer also has to understand Excel's.
 */

/** A sheet-qualified address split into its sheet name (unquoted) and rectangle. */
export interface SheetAddress {
  readonly sheet?: string;
  readonly range: RangeRef;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function parseCell(text: string): { row: number; col: number } {
  const match = CELL.exec(text);
  if (!match) throw new Error(`Not an A1 cell address: "${text}"`);
  return { row: Number(match[2]) - 1, col: columnIndex(match[1]) };
}

/** Parses `A1`, `A1:C3`, `$A$1`, optionally prefixed by `Sheet!` or `'Quoted sheet'!`. */
export function parseAddress(address: string): SheetAddress {
  const bang = address.lastIndexOf("!");
  const local = bang < 0 ? address : address.slice(bang + 1);
  const rawSheet = bang < 0 ? undefined : address.slice(0, bang);
  const sheet = rawSheet?.startsWith("'") ? rawSheet.slice(1, -1).replace(/''/g, "'") : rawSheet;
  const [first, second = first] = local.split(":");
  const a = parseCell(first);
  const b = parseCell(second);
  const range = {
    from: { row: Math.min(a.row, b.row), col: Math.min(a.col, b.col) },
    to: { row: Math.max(a.row, b.row), col: Math.max(a.col, b.col) },
  };
  return { sheet, range };
}

/** `'Sheet'!A1:B2` — the form error messages show the user, so it can be typed into the Name Box. */
export function qualifiedAddress(sheet: string, range: RangeRef): string {
  const single = range.from.row === range.to.row && range.from.col === range.to.col;
  const local = single ? a1(range.from) : rangeA1(range);
  return `${quoteSheet(sheet)}!${local}`;
}

export function intersects(a: RangeRef, b: RangeRef): boolean {
  return a.from.row <= b.to.row && b.from.row <= a.to.row && a.from.col <= b.to.col && b.from.col <= a.to.col;
}
