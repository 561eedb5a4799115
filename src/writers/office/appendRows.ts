import type { CellValue } from "../../spec/sheetSpec";
import type { SourceGrid } from "../../import";
import type { AppendRequest, AppendResult, TableContents } from "../append";
import { parseAddress, qualifiedAddress } from "../../spec/addresses";
import { entry, type Entry } from "./blocks";
import { call, runBatches, sliceBlock, type Step } from "./chunking";
import { excelCode, OfficeWriteError } from "./errors";
import { formulaShifter, shiftFormula } from "../ooxml/workbook";

/**
 * What an import needs from the open workbook through the Excel JavaScript API: reading a source
 * (the selection, a sheet, a table), reading a register's table, and appending rows to it.
 *
 * Reads: a response is kept as bounded as a request (Excel on the web refuses requests over 5 MB,
 * chunking.ts; whether the same holds for responses we could not confirm, and a 50 000-row register
 * read whole would be tens of MB), so a range is read in one sync when it fits the first window
 * (WINDOW_ROWS × WINDOW_COLUMNS, loaded together with the range's geometry), else in row slices of
 * at most READ_CELLS cells, one sync each: 100 000 cells stay under 4 MB while a cell averages under
 * 40 bytes (a 13-character Chinese name is 41 bytes in JSON).
 *
 * Appending: one read (more only past the window, see above), then the writes in size-limited
 * batches (`runBatches`, calculation suspended in each). Rows are appended after the last data row
 * holding any input value; the table's trailing blank rows (a template leaves 50) are written first
 * and only then does the table grow, by `rows.add` — ExcelApi 1.1, so every Excel that loads the
 * add-in has it, whereas `Table.resize` needs ExcelApi 1.13, which the Excel 2002–2101 builds with the
 * shared runtime lack. Excel copies each calculated column's formula into the rows it adds (see
 * `growSteps`; where Excel does not, they are written after all, `formulaSteps`), so the formulas do
 * not travel with every row. If a batch fails, the rows added are deleted and the cells written are
 * blanked again, so the table is as it was (`undo`).
 */

export type GridSource = { readonly kind: "selection" } | { readonly kind: "sheet"; readonly name: string } | { readonly kind: "table"; readonly name: string };

export interface SourceRead {
  readonly grid: SourceGrid;
  /** Where the grid was read, e.g. `'Sheet1'!B2:F40`: the source's used cells (values only). */
  readonly address: string;
}

/** Cells per read sync past the first window (see the module comment). */
export const READ_CELLS = 100_000;
/** The first window, read in the same sync as the geometry: enough for a register of 500 rows. */
export const WINDOW_ROWS = 500;
export const WINDOW_COLUMNS = 64;

interface Shape {
  readonly rows: number;
  readonly columns: number;
}

/** The top-left window of `range`, loaded with `prop` in the caller's next sync. */
const windowOf = (range: Excel.Range, prop: "values" | "formulas"): Excel.Range =>
  range.getIntersection(range.getCell(0, 0).getResizedRange(WINDOW_ROWS - 1, WINDOW_COLUMNS - 1)).load(prop);

/** Contiguous runs of column indexes, so a slice loads one range per run. */
function runsOf(columns: readonly number[]): { from: number; count: number }[] {
  const runs: { from: number; count: number }[] = [];
  for (const col of columns) {
    const last = runs.at(-1);
    if (last && last.from + last.count === col) last.count++;
    else runs.push({ from: col, count: 1 });
  }
  return runs;
}

/**
 * `prop` of every row of `range` (shape known): the window's rows when the window covers the whole
 * width, then row slices of at most READ_CELLS cells of `columns` (all by default; the others read
 * as ""), one sync each.
 */
async function readRows(
  context: Excel.RequestContext,
  range: Excel.Range,
  shape: Shape,
  window: readonly (readonly unknown[])[],
  prop: "values" | "formulas",
  columns: readonly number[] = Array.from({ length: shape.columns }, (_, c) => c),
): Promise<unknown[][]> {
  const rows: unknown[][] = shape.columns <= WINDOW_COLUMNS ? window.map((row) => [...row]) : [];
  const runs = runsOf(columns);
  const perSync = Math.max(1, Math.floor(READ_CELLS / Math.max(1, columns.length)));
  for (let first = rows.length; first < shape.rows; first += perSync) {
    const count = Math.min(perSync, shape.rows - first);
    const slices = runs.map((run) => ({ run, range: range.getCell(first, run.from).getResizedRange(count - 1, run.count - 1).load(prop) }));
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per slice of READ_CELLS cells, so each response stays bounded
    await context.sync();
    for (let r = 0; r < count; r++) {
      const row = new Array<unknown>(shape.columns).fill("");
      for (const { run, range: slice } of slices) slice[prop][r].forEach((value, c) => (row[run.from + c] = value));
      rows.push(row);
    }
  }
  return rows;
}

const asCell = (value: unknown): CellValue => (typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? value : null);
const grid = (rows: readonly (readonly unknown[])[]): CellValue[][] => rows.map((row) => row.map(asCell));

/** Runs the read; a sheet or table that is not there (ItemNotFound) is refused by name. */
async function syncRead(context: Excel.RequestContext, name: string): Promise<void> {
  try {
    await context.sync();
  } catch (error) {
    if (excelCode(error) === "ItemNotFound") throw new OfficeWriteError("sourceNotFound", { name }, error);
    throw error;
  }
}

/**
 * The values of a source: the selection, a sheet's used range, or a table's header and body — in one
 * sync when its used cells lie within the first WINDOW_ROWS × WINDOW_COLUMNS of it, else one more
 * sync per READ_CELLS cells. An empty source is refused (`sourceEmpty`), naming it.
 */
export async function readSourceGrid(context: Excel.RequestContext, source: GridSource): Promise<SourceRead> {
  const base = baseRange(context, source).load("address");
  const used = base.getUsedRangeOrNullObject(true).load("address,rowCount,columnCount");
  const window = windowOf(base, "values");
  await syncRead(context, source.kind === "selection" ? "" : source.name);
  if (used.isNullObject) throw new OfficeWriteError("sourceEmpty", { target: base.address });
  const at = parseAddress(used.address).range;
  const origin = parseAddress(base.address).range.from;
  const top = at.from.row - origin.row;
  const left = at.from.col - origin.col;
  const shape = { rows: used.rowCount, columns: used.columnCount };
  const inWindow = top + shape.rows <= WINDOW_ROWS && left + shape.columns <= WINDOW_COLUMNS;
  const values = inWindow
    ? window.values.slice(top, top + shape.rows).map((row) => row.slice(left, left + shape.columns))
    : await readRows(context, used, shape, [], "values");
  return { grid: grid(values), address: used.address };
}

function baseRange(context: Excel.RequestContext, source: GridSource): Excel.Range {
  switch (source.kind) {
    case "selection":
      return context.workbook.getSelectedRange();
    case "sheet":
      return context.workbook.worksheets.getItem(source.name).getRange();
    case "table": {
      const table = context.workbook.tables.getItem(source.name);
      return table.getHeaderRowRange().getBoundingRect(table.getDataBodyRange());
    }
  }
}

/** The table's headers and every data row's values (formulas' cached values), for the duplicate review. */
export async function readTableContents(context: Excel.RequestContext, table: string): Promise<TableContents> {
  const found = context.workbook.tables.getItem(table);
  // The address names the sheet as the workbook has it now (a user may have renamed it).
  const header = found.getHeaderRowRange().load("values,address");
  const body = found.getDataBodyRange().load("rowCount,columnCount");
  // A table always has a data row; its formulas say which columns are calculated.
  const first = body.getRow(0).load("formulas");
  const window = windowOf(body, "values");
  await syncRead(context, table);
  const rows = await readRows(context, body, { rows: body.rowCount, columns: body.columnCount }, window.values, "values");
  const calculated = (first.formulas[0] as unknown[]).map((f) => typeof f === "string" && f.startsWith("="));
  return { sheet: parseAddress(header.address).sheet ?? "", headers: header.values[0].map(String), calculated, rows: grid(rows) };
}

// ───────────────────────────── appending ─────────────────────────────

/** What the read sync learns about the table. */
interface TableState {
  readonly name: string;
  readonly sheet: string;
  readonly headers: readonly string[];
  /** Absolute position of the first data row and column. */
  readonly body: { readonly row: number; readonly col: number };
  readonly rowCount: number;
  /** Per column: a calculated column (its first data row holds a formula)? */
  readonly calculated: readonly boolean[];
  /** The first data row's formulas, which rows added must show in the calculated columns. */
  readonly firstFormulas: readonly unknown[];
  /** Per column: formatted as Text ("@") in the first data row, where Excel keeps any string verbatim? */
  readonly text: readonly boolean[];
  /** The body's `formulas` in the input columns ("" = blank; calculated columns read as ""). */
  readonly formulas: readonly (readonly unknown[])[];
  /** Last row of the whole table (header, body, totals). */
  readonly lastRow: number;
  /** Used cells (values) in the rows under the table, if any. */
  readonly below?: { readonly address: string; readonly firstRow: number };
}

/**
 * Appends `request.rows` to the table and merges `request.fill` into existing rows; see the module
 * comment for the syncs. Refuses, before writing anything: an unknown table (`sourceNotFound`), a
 * column the table does not have (`unknownColumn`), a fill row that is not an existing data row
 * (`rowNotFound`), and growing over cells below the table that hold anything (`belowNotEmpty`).
 * A fill reads the cells once and writes in a later sync: a value the user types into one of those
 * cells in between (Excel has no compare-and-set) would be overwritten — the window is the few
 * seconds between the read and the last batch.
 */
export async function appendTableRows(context: Excel.RequestContext, request: AppendRequest): Promise<AppendResult> {
  const table = await readTable(context, request.table, request.rows.length);
  const column = columnIndex(table, request);
  const isBlank = (row: readonly unknown[]) => row.every((value, c) => table.calculated[c] || value === "" || value === null);
  let used = table.rowCount;
  while (used > 0 && isBlank(table.formulas[used - 1])) used--;
  const intoBlanks = Math.min(request.rows.length, table.rowCount - used);
  const grown = request.rows.length - intoBlanks;
  if (grown > 0 && table.below && table.below.firstRow <= table.lastRow + grown) {
    const needed = { from: { row: table.lastRow + 1, col: table.body.col }, to: { row: table.lastRow + grown, col: table.body.col + table.headers.length - 1 } };
    throw new OfficeWriteError("belowNotEmpty", { table: table.name, target: qualifiedAddress(table.sheet, needed), occupied: table.below.address });
  }

  const fills = fillBlocks(table, request, column, used);
  const placed = request.rows.slice(0, intoBlanks).map((row) => rowEntries(table, row, column, null));
  const written: Block[] = [...fills, ...(placed.length > 0 ? [{ row: table.body.row + used, rows: placed }] : [])];
  const sheet = context.workbook.worksheets.getItem(table.sheet);
  const target = context.workbook.tables.getItem(table.name);
  const lastRow = grown > 0 ? target.getDataBodyRange().getLastRow() : undefined;
  const steps: Step[] = [
    ...written.flatMap((block) => writeSteps(sheet, table, block)),
    ...growSteps(sheet, target, table, request.rows.slice(intoBlanks).map((row) => rowEntries(table, row, column, ""))),
    // Read back with the last batch, at no extra sync: did Excel fill the calculated columns?
    ...(lastRow ? [call(() => lastRow.load("formulas"))] : []),
  ];
  try {
    if (steps.length > 0) await runBatches(context, steps);
    if (lastRow && table.calculated.some((calc, c) => calc && lastRow.formulas[0][c] !== formulaInRow(table, c, table.rowCount + grown - 1))) {
      await runBatches(context, formulaSteps(sheet, table, grown));
    }
  } catch (error) {
    try {
      await undo(context, table, written);
    } catch (cleanupError) {
      throw new OfficeWriteError("cleanupFailed", { excelCode: excelCode(error), leftovers: [table.name] }, cleanupError);
    }
    throw new OfficeWriteError("writeFailed", { excelCode: excelCode(error) }, error);
  }
  return { firstRow: used, appended: request.rows.length, filled: fills.length };
}

/**
 * One sync (more only for a table past the first window): the table's place, headers, its first
 * data row's formulas, values and number formats (a calculated column holds a formula whose value differs from its
 * text; a text cell "=x" reads "=x" in both, OfficeDev/office-js#6687), the body's formulas, and the
 * used cells in the `grow` rows under it. Only the input columns are read past the window: the
 * calculated columns' formulas are long and repeat in every row.
 */
async function readTable(context: Excel.RequestContext, name: string, grow: number): Promise<TableState> {
  const found = context.workbook.tables.getItem(name);
  const whole = found.getRange().load("address");
  const header = found.getHeaderRowRange().load("values");
  const body = found.getDataBodyRange().load("address,rowCount,columnCount");
  const first = body.getRow(0).load("formulas,values,numberFormat");
  const window = windowOf(body, "formulas");
  const below = grow > 0 ? whole.getRowsBelow(grow).getUsedRangeOrNullObject(true).load("address") : undefined;
  await syncRead(context, name);
  const headers = header.values[0].map(String);
  const calculated = first.formulas[0].map((f, c) => typeof f === "string" && f.startsWith("=") && first.values[0][c] !== f);
  const inputs = calculated.flatMap((calc, c) => (calc ? [] : [c]));
  const shape = { rows: body.rowCount, columns: body.columnCount };
  const formulas = (await readRows(context, body, shape, window.formulas, "formulas", inputs)).map((row) => row.map((f, c) => (calculated[c] ? "" : f)));
  const { sheet = "", range } = parseAddress(body.address);
  return {
    name,
    sheet,
    headers,
    body: range.from,
    rowCount: shape.rows,
    calculated,
    firstFormulas: first.formulas[0],
    text: first.numberFormat[0].map((format) => format === "@"),
    formulas,
    lastRow: parseAddress(whole.address).range.to.row,
    ...(below && !below.isNullObject ? { below: { address: below.address, firstRow: parseAddress(below.address).range.from.row } } : {}),
  };
}

function columnIndex(table: TableState, request: AppendRequest): ReadonlyMap<string, number> {
  const index = new Map(table.headers.map((h, c) => [h, c]));
  for (const row of [...request.rows, ...(request.fill ?? []).map((f) => f.values)])
    for (const key of Object.keys(row)) if (!index.has(key)) throw new OfficeWriteError("unknownColumn", { table: table.name, name: key });
  return index;
}

const given = (value: CellValue | undefined): value is Exclude<CellValue, null> => value !== null && value !== undefined && value !== "";

/**
 * A row as table entries: the given values, `blank` elsewhere — null (leave the cell alone) over
 * existing rows, "" in rows added, where Excel puts each calculated column's formula. Text Excel
 * would parse ("=…", "+…", "0012", "TRUE") gets `entry`'s apostrophe, except in a Text ("@") column:
 * there Excel keeps the string as given and an apostrophe would become part of it (in rows added,
 * `growSteps` makes sure the cell is Text).
 */
function rowEntries(table: TableState, row: Readonly<Record<string, CellValue>>, column: ReadonlyMap<string, number>, blank: "" | null): Entry[] {
  const entries = new Array<Entry>(table.headers.length).fill(blank);
  for (const [key, value] of Object.entries(row)) {
    const c = column.get(key) ?? -1;
    if (given(value) && !table.calculated[c]) entries[c] = table.text[c] ? value : entry({ value });
  }
  return entries;
}

/** Rows written over existing cells, from sheet row `row`: null leaves a cell alone. */
interface Block {
  readonly row: number;
  readonly rows: Entry[][];
}

/** One block per fill row, holding only the cells that are blank now (and not calculated). */
function fillBlocks(table: TableState, request: AppendRequest, column: ReadonlyMap<string, number>, used: number): Block[] {
  return (request.fill ?? []).flatMap(({ index, values }) => {
    if (!Number.isInteger(index) || index < 0 || index >= used) throw new OfficeWriteError("rowNotFound", { table: table.name, row: index + 1 });
    const current = table.formulas[index];
    const entries = rowEntries(table, values, column, null).map((e, c) => (current[c] === "" ? e : null));
    return entries.some((e) => e !== null) ? [{ row: table.body.row + index, rows: [entries] }] : [];
  });
}

function writeSteps(sheet: Excel.Worksheet, table: TableState, block: Block): Step[] {
  return sliceBlock({ at: { row: block.row, col: table.body.col }, rows: block.rows }).map(({ block: slice, bytes }) => ({
    bytes,
    queue: () => {
      sheet.getRangeByIndexes(slice.at.row, slice.at.col, slice.rows.length, table.headers.length).values = slice.rows;
    },
  }));
}

/**
 * Adds rows at the end of the table (above a totals row), in slices of about 1 MB. A calculated
 * column's cells are given "": Excel fills them with the column's formula ("Resizing the table or
 * inserting a row automatically replicates the formula" — Microsoft's "Use calculated columns in an
 * Excel table"; through the API, OfficeDev/office-js#1916), which spares sending a register's
 * formulas (2.7 KB a row for the customer register) with every row.
 *
 * Text Excel would parse, bound for a Text column, is not trusted to `rows.add`: the added row is
 * Text only if Excel extends the column's format to it, which the docs say of tables but not of this
 * call. Such cells are added blank, then their column's added rows are set to Text (the column's own
 * format) and the cells written — a no-op format where Excel did extend it, and never a formula
 * where it did not. One range per such column (null leaves the other cells alone).
 */
function growSteps(sheet: Excel.Worksheet, target: Excel.Table, table: TableState, rows: Entry[][]): Step[] {
  if (rows.length === 0) return [];
  const pinned = new Map<number, Entry[][]>();
  const added = rows.map((row, r) =>
    row.map((e, c) => {
      if (!table.text[c] || typeof e !== "string" || entry({ value: e }) === e) return e ?? "";
      if (!pinned.has(c)) pinned.set(c, rows.map(() => [null]));
      pinned.get(c)![r] = [e];
      return "";
    }),
  );
  const first = table.body.row + table.rowCount;
  return [
    ...sliceBlock({ at: { row: 0, col: 0 }, rows: added }).map(({ block, bytes }) => ({
      bytes,
      queue: () => target.rows.add(undefined, block.rows.map((row) => row.map((e) => e ?? ""))),
    })),
    ...[...pinned].flatMap(([c, cells]) =>
      sliceBlock({ at: { row: first, col: table.body.col + c }, rows: cells }).map(({ block, bytes }) => ({
        bytes: bytes * 2,
        queue: () => {
          const range = sheet.getRangeByIndexes(block.at.row, block.at.col, block.rows.length, 1);
          range.numberFormat = block.rows.map(() => ["@"]);
          range.values = block.rows;
        },
      })),
    ),
  ];
}

/**
 * The calculated columns' formulas written into the `count` rows added last, for an Excel that did
 * not fill them: with AutoCorrect's "Fill formulas in tables to create calculated columns" turned off
 * (File › Options › Proofing), Excel neither makes nor extends calculated columns. This costs what
 * the formulas weigh (2.7 KB a row for the customer register: about one more sync per 1 500 rows), so
 * it is done only when the read-back shows it is needed. Each row gets the first data row's formula as
 * Excel fills a calculated column.
 */
function formulaSteps(sheet: Excel.Worksheet, table: TableState, count: number): Step[] {
  // One shifter per column: the formula's text is read once, not once per row.
  const shifters = table.firstFormulas.map((formula, c) => (table.calculated[c] ? formulaShifter(formula as string) : undefined));
  const rows = Array.from({ length: count }, (_, i) => shifters.map((shift) => (shift ? shift(table.rowCount + i, 0) : null)));
  return writeSteps(sheet, table, { row: table.body.row + table.rowCount, rows });
}

/**
 * Column `c`'s calculated formula in data row `index`: the first data row's moved down, as Excel fills a
 * calculated column (it compares formulas in R1C1 form). The same text in every row where the formula uses
 * structured references (`[@列]`, the pane's templates); a workbook the file writer made spells the row's
 * own cells as addresses (`$K5`, xlsx/rowFormulas.ts), which move with the row.
 */
const formulaInRow = (table: TableState, c: number, index: number): string => shiftFormula(table.firstFormulas[c] as string, index, 0);

/**
 * Puts the table back as the read found it, in two syncs (more only when the blanked cells exceed a
 * batch): how many data rows it has now; then the rows it gained deleted in one `Range.delete("Up")`
 * over their whole width (table rows go as Excel's Delete Table Rows, and the cells below move back
 * up with the table), and every cell this append wrote blanked again — they were blank before.
 */
async function undo(context: Excel.RequestContext, table: TableState, written: readonly Block[]): Promise<void> {
  const body = context.workbook.tables.getItem(table.name).getDataBodyRange().load("rowCount");
  await context.sync();
  const sheet = context.workbook.worksheets.getItem(table.sheet);
  const added = body.rowCount - table.rowCount;
  const width = table.headers.length;
  await runBatches(context, [
    ...(added > 0 ? [call(() => sheet.getRangeByIndexes(table.body.row + table.rowCount, table.body.col, added, width).delete("Up"))] : []),
    ...written.flatMap((block) => writeSteps(sheet, table, { row: block.row, rows: block.rows.map((row) => row.map((e) => (e === null ? null : ""))) })),
  ]);
}
