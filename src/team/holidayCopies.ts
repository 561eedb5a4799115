import { escapeColumn } from "../spec/formula";
import { holidayTableYear } from "../spec/naming";

/**
 * The 节假日 tables (issue 11) a rep's plan sheets need in the team workbook (both writers). The
 * plans' working-day formulas name `SP_H<year>_Days[[放假日]]`; a copy without that table shows
 * #N/A. H keys are per year, not per instance, so a table is never re-keyed: a year the team
 * workbook lacks comes with the first file of the run that has it (its whole sheet, unchanged), and
 * a year it has stays the team's — the copies then read the team's table, and where its first two
 * columns are named otherwise (renamed by the user, or written in the other language) the copies'
 * references follow those names.
 */

/** A 节假日 table as a workbook has it: its name and its columns' names, in order. */
export interface HolidayTableColumns {
  readonly table: string;
  readonly columns: readonly string[];
}

/** Upper-cased table name → upper-cased column name → the column name to use instead. */
export type ColumnRenames = ReadonlyMap<string, ReadonlyMap<string, string>>;

export interface HolidayCarry {
  /** The rep's 节假日 tables to copy along, with their sheets. */
  readonly copy: readonly string[];
  /** How the rep's formulas' references to the team's tables must be renamed. */
  readonly renames: ColumnRenames;
}

/**
 * What of `rep`'s 节假日 tables goes into the team workbook, whose tables by year are `team`; `team`
 * is extended with each table handed out, so a later file of the same run does not bring that year
 * again (as `assignKeys` extends `taken`). A team table with fewer than two columns is no 节假日
 * table a formula can read, so nothing is renamed toward it.
 */
export function carryHolidays(rep: readonly HolidayTableColumns[], team: Map<number, readonly string[]>): HolidayCarry {
  const copy: string[] = [];
  const renames = new Map<string, Map<string, string>>();
  for (const { table, columns } of rep) {
    const year = holidayTableYear(table);
    if (year === undefined) continue;
    const theirs = team.get(year);
    if (theirs === undefined) {
      copy.push(table);
      team.set(year, columns);
      continue;
    }
    const byName = new Map<string, string>();
    for (const i of [0, 1]) {
      const from = columns[i];
      const to = theirs[i];
      if (from !== undefined && to !== undefined && from !== to) byName.set(from.toUpperCase(), to);
    }
    if (byName.size > 0) renames.set(table.toUpperCase(), byName);
  }
  return { copy, renames };
}

/** The end (index after the closing "]") of the bracketed part of a structured reference opening at `open`. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'") i++; // "'" makes the next character literal: '[ '] '# ''
    else if (ch === "[") depth++;
    else if (ch === "]" && --depth === 0) return i + 1;
  }
  return text.length;
}

/** One column specifier's text (without brackets), renamed when `byName` lists it; `#This Row` and the like stay. */
function renameItem(raw: string, byName: ReadonlyMap<string, string>): string {
  if (raw.trimStart().startsWith("#")) return raw;
  const to = byName.get(raw.replace(/'(.)/g, "$1").toUpperCase());
  return to === undefined ? raw : escapeColumn(to);
}

/**
 * `formula` (without "=") with the column names of its structured references to tables in
 * `renames` replaced: both spellings Excel writes, `T[[col]]` / `T[[#This Row],[col]]` and `T[col]`;
 * names are compared as Excel does, ignoring case. Text in string literals is left alone.
 */
export function renameColumns(formula: string, renames: ColumnRenames): string {
  if (renames.size === 0) return formula;
  let out = "";
  let i = 0;
  const reference = /"(?:[^"]|"")*"|(?<![\p{L}\p{N}_.\\])([\p{L}_\\][\p{L}\p{N}_.]*)\[/gu;
  for (let match = reference.exec(formula); match; match = reference.exec(formula)) {
    const byName = match[1] === undefined ? undefined : renames.get(match[1].toUpperCase());
    if (!byName) continue;
    const open = match.index + match[0].length - 1;
    const end = closing(formula, open);
    const inner = formula.slice(open + 1, end - 1);
    // The short form `T[col]` allows little besides letters and spaces inside, so a renamed column is
    // written in the long form `T[[col]]`, which takes any name escaped.
    const short = renameItem(inner, byName);
    const renamed = inner.startsWith("[")
      ? inner.replace(/\[((?:[^'\]]|'.)*)\]/g, (_, item: string) => `[${renameItem(item, byName)}]`)
      : short === inner ? inner : `[${short}]`;
    out += `${formula.slice(i, open)}[${renamed}]`;
    i = end;
    reference.lastIndex = end;
  }
  return out + formula.slice(i);
}
