import type { Locale } from "../contract/locale";
import type { CellValue, TableRow } from "../spec/sheetSpec";
import { headerScale, readAmount } from "./amounts";
import { readDate } from "./dates";
import { fieldOf, importFields, type ImportField, type ImportKind } from "./fields";
import { sourceHeaders, type ColumnMapping, type SourceGrid } from "./mapping";
import { normalizePhone, phoneParts } from "./phones";
import type { CellProblem, ProblemCode } from "./problems";
import { VOCABULARY } from "./vocabulary";
import { fold } from "./fold";

/** One imported row: its 1-based row number in the source and its values by ImportField key. */
export interface CleanRow {
  readonly sourceRow: number;
  /** Dates as Excel serials, amounts as numbers, drop-down values in the register's language. */
  readonly values: TableRow;
}

/** A cell read for a field: its value, or why it could not be read. */
type Reading = { readonly value: CellValue } | { readonly problem: ProblemCode };

/** Spaces around a value are dropped; a leading TAB or line break is kept (the writers write such text as text). */
const EDGE_SPACES = /^[ \u00a0\u3000]+|[ \u00a0\u3000]+$/g;
const EDGE = /[ \u00a0\u3000]/;
const trimSpaces = (text: string): string => (EDGE.test(text[0] ?? "") || EDGE.test(text[text.length - 1] ?? "") ? text.replace(EDGE_SPACES, "") : text);

/** How a drop-down's value is compared: NFKC-folded, lower case, without spaces. */
const choiceKey = (text: string): string => fold(text).toLowerCase().replace(/\s+/g, "");

/** Per field with a drop-down: every word that means a value → the value's position. */
function choices(kind: ImportKind, field: ImportField): ReadonlyMap<string, number> {
  const map = new Map<string, number>();
  const synonyms = VOCABULARY[kind][field.key] ?? [];
  for (const locale of ["zh-CN", "en-US"] as const) fieldOf(kind, field.key, locale)?.values?.forEach((value, i) => map.set(choiceKey(value), i));
  synonyms.forEach((words, i) => words.forEach((word) => map.has(choiceKey(word)) || map.set(choiceKey(word), i)));
  return map;
}

/** Reads one non-blank cell for `field`: its value for the row, or why it cannot be read. */
function reader(kind: ImportKind, field: ImportField, header: string): (cell: CellValue) => Reading {
  const scale = headerScale(header);
  if (field.values) {
    const words = choices(kind, field);
    const values = field.values;
    return (cell) => {
      const i = words.get(choiceKey(String(cell)));
      return i === undefined ? { problem: "notInList" } : { value: values[i] };
    };
  }
  switch (field.kind) {
    case "date":
    case "datetime":
      return (cell) => {
        const serial = readDate(cell, typeof cell === "string" ? fold(cell).trim() : "");
        return serial === undefined ? { problem: "notDate" } : { value: serial };
      };
    case "money":
    case "moneyCents":
    case "number":
    case "integer":
    case "percent":
      return (cell) => {
        const amount = readAmount(cell, typeof cell === "string" ? fold(cell).toLowerCase().trim() : "", field.kind === "money" || field.kind === "moneyCents" ? scale : 1n);
        if (amount === undefined) return { problem: "notNumber" };
        if (field.min !== undefined && amount < field.min) return { problem: "negative" };
        if (field.whole && !Number.isInteger(amount)) return { problem: "notWhole" };
        return { value: amount };
      };
    case "text":
      if (field.key === "phone") {
        return (cell) => {
          const parts = phoneParts(String(cell)).map(normalizePhone);
          return parts.length === 0 || parts.some((part) => part === undefined) ? { problem: "notPhone" } : { value: [...new Set(parts)].join("/") };
        };
      }
      return (cell) => ({ value: typeof cell === "string" ? trimSpaces(cell) : String(cell) });
  }
}

/**
 * A column's reader that reads each distinct text once: lists repeat their words, dates and amounts
 * recur, and folding and matching them is most of the cost of reading a cell (50 000 rows, issue 13 item 6).
 */
function remembered(read: (cell: CellValue) => Reading): (cell: CellValue) => Reading {
  const seen = new Map<string, Reading>();
  return (cell) => {
    if (typeof cell !== "string") return read(cell);
    let reading = seen.get(cell);
    if (reading === undefined) {
      reading = read(cell);
      seen.set(cell, reading);
    }
    return reading;
  };
}

/** Blank: nothing, or only spaces (checked only when the text starts with one: most cells do not). */
const isBlank = (cell: CellValue): boolean => cell === null || (typeof cell === "string" && (cell === "" || (SPACE.test(cell[0]) && cell.trim() === "")));
const SPACE = /\s/;

/** A value of a field the register has no column for, as it is added to another column: 统一社会信用代码：91110000…. */
export const intoText = (field: ImportField, value: string, locale: Locale): string => (locale === "zh-CN" ? `${field.header}：${value}` : `${field.header}: ${value}`);

/** The words a totals row of an export starts with (合计, 总计, 小计, Total, Subtotal, Grand total), colons and spaces aside. */
const TOTALS = /^(合计|总计|小计|总合计|共计|(grand\s*|sub\s*)?totals?)[:：]?$/i;

/** The column of a row's first filled cell when it says 合计 or Total: an export's totals row, not a record. */
function totalsCell(row: readonly CellValue[]): number | undefined {
  const first = row.findIndex((cell) => !isBlank(cell));
  const cell = row[first];
  return typeof cell === "string" && TOTALS.test(fold(cell).replace(/\s+/g, "")) ? first : undefined;
}

/**
 * The rows under the header, read for the mapped fields in the register's language `locale`. A cell
 * that cannot be read is left blank and listed (its row, column, text and why); nothing is guessed.
 * Rows blank in every mapped column are skipped. Formula-like text (=, +, -, @ first) stays text.
 * A field with `into` (统一社会信用代码) keeps its value under its key for the duplicate review and is
 * also added to the column it goes into (备注), so nothing read is lost.
 */
export function cleanRows(
  kind: ImportKind,
  grid: SourceGrid,
  mapping: ColumnMapping,
  locale: Locale,
): { readonly rows: readonly CleanRow[]; readonly problems: readonly CellProblem[] } {
  const headers = sourceHeaders(grid, mapping);
  const fields = importFields(kind, locale);
  const columns = mapping.targets.flatMap((key, column) => {
    const field = fields.find((f) => f.key === key);
    if (!field) return [];
    const read = reader(kind, field, headers[column]);
    // Names, phones and notes hardly repeat: remembering them would only hold 50 000 texts.
    return [{ column, field, read: field.kind === "text" && !field.values ? read : remembered(read) }];
  });
  const extras = columns.filter(({ field }) => field.into !== undefined).map(({ field }) => field);
  const rows: CleanRow[] = [];
  const problems: CellProblem[] = [];
  for (let r = mapping.headerRow + 1; r < grid.length; r++) {
    const source = grid[r];
    const total = totalsCell(source);
    if (total !== undefined) {
      problems.push({ row: r + 1, column: headers[total], value: String(source[total]), code: "totalsRow" });
      continue;
    }
    const values: Record<string, CellValue> = {};
    let blank = true;
    for (const { column, field, read } of columns) {
      const cell = source[column];
      if (cell === undefined || isBlank(cell)) continue;
      blank = false;
      const reading = read(cell);
      if ("problem" in reading) problems.push({ row: r + 1, column: headers[column], value: String(cell), code: reading.problem });
      else values[field.key] = reading.value;
    }
    if (blank) continue;
    for (const field of extras) {
      const value = values[field.key];
      if (field.into === undefined || typeof value !== "string" || value === "") continue;
      const note = intoText(field, value, locale);
      const before = values[field.into];
      values[field.into] = typeof before === "string" && before !== "" ? `${before}；${note}` : note;
    }
    rows.push({ sourceRow: r + 1, values });
  }
  return { rows, problems };
}
