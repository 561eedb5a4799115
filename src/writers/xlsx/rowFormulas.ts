import { columnLetters } from "../../spec/a1";
import { thisRow } from "../../spec/formula";
import type { ColumnSpec, SheetSpec, TableSpec } from "../../spec/sheetSpec";
import { definedNamesOf } from "../../spec/naming";
import { tableLayout } from "../layout";

/**
 * How the file writer spells a calculated column's formula in each row of its table: the table's own
 * `T[[#This Row],[Col]]` references as that row's cell (`$K5`), and names the workbook does not define
 * in lower case. Both are for LibreOffice, which otherwise compiles every formula cell of a register
 * from its text (issue 17: three quarters of the time it takes to open a 20 000-row register).
 *
 * LibreOffice's .xlsx import reuses the previous row's compiled formula when the cell's text equals what
 * that formula prints at the new row (oox `FormulaBuffer`, `CachedTokenArray::get`, which compares with
 * `ScTokenArray::CreateString`). It prints no structured reference back as written, so a column of
 * `T[[#This Row],[Col]]` never matches; `$K6` does. A name it does not know it keeps in lower case (the
 * compiler's `ocBad`): a register written before its visit log names the log's columns, and matches only
 * if they are written as LibreOffice prints them. Excel reads names without regard to case.
 *
 * Excel keeps a calculated column of cell references (Microsoft Support, "Use calculated columns in an
 * Excel table": typing `=C2*D2` in a table column fills the column with it, without structured
 * references); the table part's `calculatedColumnFormula` is the text of the first data row, which every
 * row holds moved by its offset, as a shared formula applies to the cells it covers (ECMA-376 Part 1,
 * §18.3.1.40) — so each cell is consistent with the column, and rows Excel adds get the formula. The
 * pane writes through Excel itself and keeps the structured references: Excel compiles once per column.
 */

/** A formula cut where the row number goes: `pieces[i]`, then the letters `columns[i]` and the row, …, the last piece. */
export interface RowTemplate {
  readonly pieces: readonly string[];
  readonly columns: readonly string[];
}

// One token at a time: a string, a quoted sheet name, an error value, a number, a bracketed part, a word
// with its structured reference if any, or any other single character.
const TOKEN =
  /"(?:[^"]|"")*"|'(?:[^']|'')*'|#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA)|\d+(?:\.\d*)?(?:[Ee][+-]?\d+)?|\[(?:[^[\]']|'.|\[(?:[^[\]']|'.)*\])*\]|([\p{L}_\\][\p{L}\p{N}_.]*)(\[(?:[^[\]']|'.|\[(?:[^[\]']|'.)*\])*\])?|[\s\S]/gsu;

/** Words that are not names: a cell or whole-column reference (`K5`, `A`) and the two logical values. */
const NOT_A_NAME = /^(?:[A-Za-z]{1,3}\d*|TRUE|FALSE)$/i;

/**
 * `formula` as a template over rows: `ownColumns` maps the table's this-row references to column letters;
 * `defined` holds the workbook's names in upper case.
 */
export function rowTemplate(formula: string, ownColumns: ReadonlyMap<string, string>, defined: ReadonlySet<string>): RowTemplate {
  const pieces: string[] = [];
  const columns: string[] = [];
  let piece = "";
  let previous = "";
  for (const m of formula.matchAll(TOKEN)) {
    const [text, word, brackets] = m;
    const next = formula[m.index + text.length];
    let out = text;
    if (word !== undefined && brackets !== undefined) {
      const letters = ownColumns.get(text);
      if (letters !== undefined) {
        pieces.push(`${piece}$`);
        columns.push(letters);
        piece = "";
        previous = text;
        continue;
      }
    } else if (word !== undefined && next !== "(" && next !== "!" && !previous.endsWith("!") && !NOT_A_NAME.test(word) && !defined.has(word.toUpperCase())) {
      out = word.toLowerCase();
    }
    piece += out;
    previous = text;
  }
  pieces.push(piece);
  return { pieces, columns };
}

/** The template's formula in sheet row `row` (1-based). */
export function atRow({ pieces, columns }: RowTemplate, row: number): string {
  let text = pieces[0];
  for (let i = 0; i < columns.length; i++) text += columns[i] + row + pieces[i + 1];
  return text;
}

/** The names of `specs` and the `known` ones of the workbook they join, in upper case: those `rowTemplate` leaves as written. */
const namesOf = (specs: readonly SheetSpec[], known: readonly string[]): Set<string> =>
  new Set([...known, ...specs.flatMap(definedNamesOf)].map((n) => n.toUpperCase()));

/** table name → formula column's key → its template over rows. */
export type RowFormulas = ReadonlyMap<string, ReadonlyMap<string, RowTemplate>>;

/** The templates of every formula column of the tables of `specs`, written into a workbook that has the names `known`. */
export function rowFormulas(specs: readonly SheetSpec[], known: readonly string[]): RowFormulas {
  const defined = namesOf(specs, known);
  return new Map(specs.flatMap((spec) => spec.tables.map((table) => [table.name, tableTemplates(table, defined)] as const)));
}

function tableTemplates(table: TableSpec, defined: ReadonlySet<string>): Map<string, RowTemplate> {
  const first = tableLayout(table).header.from.col;
  const own = new Map(table.columns.map((c, i) => [thisRow(table.name, c.header), columnLetters(first + i)]));
  return new Map(table.columns.flatMap((c) => (c.formula === undefined ? [] : [[c.key, rowTemplate(c.formula, own, defined)] as const])));
}

/** A formula column's template, which `rowFormulas` made for every one. */
export function templateOf(formulas: RowFormulas, table: TableSpec, column: ColumnSpec): RowTemplate {
  const template = formulas.get(table.name)?.get(column.key);
  if (template === undefined) throw new Error(`no row formula for column "${column.header}" of table ${table.name}`);
  return template;
}

/** A formula column's text in the table's first data row: the table part's `calculatedColumnFormula`. */
export const firstRowFormula = (formulas: RowFormulas, table: TableSpec, column: ColumnSpec): string =>
  atRow(templateOf(formulas, table, column), tableLayout(table).body.from.row + 1);
