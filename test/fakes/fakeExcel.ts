import type { CellRef, RangeRef } from "../../src/spec/sheetSpec";
import { a1, quoteSheet } from "../../src/spec/a1";
import { intersects, parseAddress, qualifiedAddress } from "../../src/spec/addresses";
import { boundingBox } from "../../src/writers/layout";
import { structuredReferences } from "../support/structuredRefs";
import { formulaShifter } from "../../src/writers/ooxml/workbook";

/**
 * A fake of the part of the Excel JavaScript API the Office writer uses, strict where real Excel
 * is strict and office-addin-mock is not:
 *
 * - operations are only queued; they apply, in order, at `context.sync()`;
 * - reading a property throws PropertyNotLoaded unless it was `load()`ed and a sync has run since;
 *   `isNullObject` is readable only after a sync;
 * - a batch whose serialised size exceeds 5 MB is rejected whole, like Excel on the web;
 * - an operation that fails (duplicate or invalid sheet/table/name, unknown table in a formula, a formula over 8 192 characters,
 *   array size mismatch, action on a null object …) stops the batch: what ran before it stays
 *   applied, the rest is dropped — Excel batches are not transactions;
 * - a failure can be injected at the N-th sync, after K of its operations applied;
 * - arguments Excel checks are checked (validation rules, page zoom, print titles, conditional
 *   formats), `charts.add` guesses series from its source as Excel does, and a range reports its
 *   merged areas, validation type and conditional formats — see the sections at the end.
 *
 * Simplifications: formulas are stored, never calculated (a formula cell's `values` read as "", or as
 * the `computed` result a test gave it);
 * setting `dataValidation.rule` replaces the range's whole validation (so a prompt or error alert
 * set before the rule is lost — set them after it, as on real Excel); write-only formatting objects
 * (font, fill, borders, conditional-format details, page zoom) are recorded as `path = value`.
 * Free of Node APIs so it can be bundled into a browser page.
 */

export const REQUEST_LIMIT_BYTES = 5 * 1024 * 1024;

/** Shaped like OfficeExtension.Error: a `code` the caller can branch on. */
export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    detail: string,
  ) {
    super(`${code}: ${detail}`);
    this.name = "RichApi.Error";
  }
}

// ───────────────────────────── document state ─────────────────────────────

export type FakeScalar = string | number | boolean;

export interface FakeCell {
  value?: FakeScalar;
  formula?: string;
  numberFormat?: string;
  /**
   * What Excel calculated for `formula`, which the fake cannot: a test sets it where code reads a
   * formula's result (`values`); writing the cell drops it.
   */
  computed?: FakeScalar;
}

export interface FakeFormat {
  readonly range: RangeRef;
  readonly path: string;
  readonly value: unknown;
}

export interface FakeValidation {
  readonly range: RangeRef;
  rule?: unknown;
  prompt?: unknown;
  errorAlert?: unknown;
  ignoreBlanks?: boolean;
}

export interface FakeConditionalFormat {
  readonly range: RangeRef;
  readonly type: string;
  readonly settings: Record<string, unknown>;
}

export interface FakeChart {
  name: string;
  readonly type: string;
  readonly settings: Record<string, unknown>;
  position?: readonly [string, string];
  readonly series: { name?: string; values?: string; categories?: string }[];
}

export interface FakeTable {
  name: string;
  readonly sheet: FakeSheet;
  range: RangeRef;
  showTotals: boolean;
  style: string;
  showBandedRows: boolean;
  showFilterButton: boolean;
}

export interface FakeName {
  readonly name: string;
  formula: string;
  readonly comment: string;
}

const cellKey = (row: number, col: number): string => `${row},${col}`;

function cellsOf(range: RangeRef): CellRef[] {
  const cells: CellRef[] = [];
  for (let row = range.from.row; row <= range.to.row; row++)
    for (let col = range.from.col; col <= range.to.col; col++) cells.push({ row, col });
  return cells;
}

const contains = (range: RangeRef, cell: CellRef): boolean =>
  intersects(range, { from: cell, to: cell });

const sameRange = (a: RangeRef, b: RangeRef): boolean =>
  a.from.row === b.from.row && a.from.col === b.from.col && a.to.row === b.to.row && a.to.col === b.to.col;

/**
 * Excel gives every worksheet a GUID-like id, distinct from its name ("{00000000-0001-0000-0000-
 * 000000000000}" style, @types/office-js `Worksheet.id`: "Returns a value that uniquely identifies
 * the worksheet in a given workbook. The value of the identifier remains the same even when the
 * worksheet is renamed or moved"). `WorksheetCollection.getItem(key)` takes "name or ID".
 */
const sheetId = (n: number): string => `{${n.toString(16).toUpperCase().padStart(8, "0")}-0001-0000-0000-000000000000}`;

export class FakeSheet {
  readonly cells = new Map<string, FakeCell>();
  readonly formats: FakeFormat[] = [];
  readonly merges: RangeRef[] = [];
  readonly validations: FakeValidation[] = [];
  readonly conditionalFormats: FakeConditionalFormat[] = [];
  readonly charts: FakeChart[] = [];
  readonly pageLayout: Record<string, unknown> = {};
  freeze = { rows: 0, cols: 0 };
  tabColor = "";

  constructor(
    public name: string,
    readonly id: string,
  ) {}

  private at(address: string): FakeCell | undefined {
    const { from } = parseAddress(address).range;
    return this.cells.get(cellKey(from.row, from.col));
  }

  value(address: string): FakeScalar | undefined {
    return this.at(address)?.value;
  }

  /** The formula with its leading "=", or undefined for a literal or empty cell. */
  formula(address: string): string | undefined {
    return this.at(address)?.formula;
  }

  numberFormat(address: string): string | undefined {
    return this.at(address)?.numberFormat;
  }

  /** The last value written to a formatting path (e.g. "font.bold", "columnWidth") covering a cell. */
  format(address: string, path: string): unknown {
    const { from } = parseAddress(address).range;
    return this.formats.filter((f) => f.path === path && contains(f.range, from)).at(-1)?.value;
  }

  /** Bounding box of cells with content (and, unless `valuesOnly`, number formats or formatting). */
  usedRange(valuesOnly: boolean, within?: RangeRef): RangeRef | undefined {
    const boxes: RangeRef[] = [];
    for (const [key, cell] of this.cells) {
      const [row, col] = key.split(",").map(Number);
      const hasContent = cell.value !== undefined || cell.formula !== undefined;
      if (hasContent || (!valuesOnly && cell.numberFormat !== undefined)) boxes.push({ from: { row, col }, to: { row, col } });
    }
    // Column widths and row heights are not cell formats: they do not make a cell "used".
    if (!valuesOnly) boxes.push(...this.formats.filter((f) => f.path !== "columnWidth" && f.path !== "rowHeight").map((f) => f.range));
    const inside = within ? boxes.flatMap((b) => clip(b, within)) : boxes;
    // Folded pairwise: spreading a big sheet's cells into Math.min would overflow the stack.
    return inside.length === 0 ? undefined : inside.reduce((box, b) => boundingBox([box, b]));
  }
}

function clip(range: RangeRef, within: RangeRef): RangeRef[] {
  if (!intersects(range, within)) return [];
  return [
    {
      from: { row: Math.max(range.from.row, within.from.row), col: Math.max(range.from.col, within.from.col) },
      to: { row: Math.min(range.to.row, within.to.row), col: Math.min(range.to.col, within.to.col) },
    },
  ];
}

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

const INVALID_SHEET_CHARS = /[[\]:*?/\\]/;
/** Excel's rules for defined and table names: a letter/underscore/backslash first, not a cell reference. */
const NAME_SHAPE = /^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u;
const LOOKS_LIKE_CELL = /^([A-Za-z]{1,3}\d+|[Rr]\d*[Cc]\d*|[RrCc])$/;

export class FakeWorkbookState {
  readonly sheets: FakeSheet[] = [];
  readonly tables: FakeTable[] = [];
  readonly names: FakeName[] = [];
  private sheetsCreated = 0;
  active!: FakeSheet;
  /**
   * Excel's AutoCorrect option "Fill formulas in tables to create calculated columns" (File › Options ›
   * Proofing › AutoCorrect Options › AutoFormat As You Type), on by default: false models a user who
   * turned it off — no calculated column is made or extended (`fillCalculatedColumns`, `rows.add`).
   */
  fillsCalculatedColumns = true;
  /** The selected cell(s) of the active sheet, as Excel's Name Box would show them. */
  selection: RangeRef = { from: { row: 0, col: 0 }, to: { row: 0, col: 0 } };

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => same(s.name, name));
  }

  /** A sheet by name or id, as `WorksheetCollection.getItem(key)` finds it. */
  sheetByKey(key: string): FakeSheet | undefined {
    return this.sheet(key) ?? this.sheets.find((s) => s.id === key);
  }

  addSheet(name: string): FakeSheet {
    if (name.length === 0 || name.length > 31 || INVALID_SHEET_CHARS.test(name) || /^'|'$/.test(name) || same(name, "History"))
      throw new FakeOfficeError("InvalidArgument", `invalid sheet name "${name}"`);
    if (this.sheet(name)) throw new FakeOfficeError("ItemAlreadyExists", `sheet "${name}" exists`);
    // Numbered per workbook, never reused, so a deleted sheet's id does not come back.
    const sheet = new FakeSheet(name, sheetId(++this.sheetsCreated));
    this.sheets.push(sheet);
    this.active ??= sheet;
    return sheet;
  }

  /** Tables and defined names share one namespace in Excel. */
  checkNewName(name: string): void {
    if (name.length > 255 || !NAME_SHAPE.test(name) || LOOKS_LIKE_CELL.test(name))
      throw new FakeOfficeError("InvalidArgument", `invalid name "${name}"`);
    if (this.tables.some((t) => same(t.name, name)) || this.names.some((n) => same(n.name, name)))
      throw new FakeOfficeError("ItemAlreadyExists", `name "${name}" exists`);
  }

  deleteSheet(sheet: FakeSheet): void {
    if (this.sheets.length === 1) throw new FakeOfficeError("InvalidOperation", "cannot delete the last sheet");
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    const gone = this.tables.filter((t) => t.sheet === sheet).map((t) => t.name);
    this.tables.splice(0, this.tables.length, ...this.tables.filter((t) => t.sheet !== sheet));
    // Excel keeps names whose sheet or table is gone, pointing at #REF!: deleting them is the caller's job.
    for (const n of this.names) if (n.formula.startsWith(`=${quoteSheet(sheet.name)}!`)) n.formula = "=#REF!";
    this.tablesGone(gone);
    if (this.active === sheet) this.active = this.sheets[0];
  }

  /** Names over the columns of deleted tables point at #REF!, as Excel leaves them. */
  tablesGone(gone: readonly string[]): void {
    for (const n of this.names) if ([...tablesIn(n.formula).keys()].some((t) => gone.some((g) => same(g, t)))) n.formula = "=#REF!";
  }

  /**
   * Excel rewrites the names over a renamed table's columns (Microsoft Support, "Using structured references
   * with Excel tables": the names in structured references adjust, and the page's "rename a table" steps);
   * references in cell formulas are not modelled.
   */
  tableRenamed(from: string, to: string): void {
    for (const n of this.names) {
      if ([...tablesIn(n.formula).keys()].some((t) => same(t, from))) n.formula = n.formula.replace(new RegExp(`(?<![\\p{L}\\p{N}_.\\\\])${from.replace(/[.\\]/g, "\\$&")}(?=\\[)`, "giu"), to);
    }
  }

  tableHeaders(table: FakeTable): string[] {
    const { from, to } = table.range;
    const headers: string[] = [];
    for (let col = from.col; col <= to.col; col++) headers.push(String(table.sheet.cells.get(cellKey(from.row, col))?.value ?? ""));
    return headers;
  }
}

/**
 * Excel's AutoCorrect option "Fill formulas in tables to create calculated columns" (on by default)
 * acts on API writes too: when formulas written into a table column leave it without one common
 * formula — a different formula per row, or formulas beside cells set to "" or null — Excel turns
 * the column into a calculated column and puts ONE of the written formulas in every data row, the
 * rows written blank included. Which one depends on the row count ("formula set in the first or
 * last row is used for every cell in the column", OfficeDev/office-js#5909; "set to the bottom
 * most formula", #6745; formulas copied into rows set to "", null or undefined, #1916; "by design",
 * #2093). The fake always takes the bottom-most formula written, moved to each row as Excel fills
 * in R1C1 form (`formulaShifter`: the same text for structured references and names, `$K7` → `$K8`
 * for the row's own cells as the file writer spells them). Literal values already in the column stay
 * (Excel keeps them as exceptions to the calculated column).
 */
export function fillCalculatedColumns(state: FakeWorkbookState, sheet: FakeSheet, written: readonly CellRef[]): void {
  if (!state.fillsCalculatedColumns) return;
  for (const table of state.tables) {
    if (table.sheet !== sheet) continue;
    const first = table.range.from.row + 1;
    const last = table.range.to.row - (table.showTotals ? 1 : 0);
    for (let col = table.range.from.col; col <= table.range.to.col; col++) {
      const source = written
        .filter((cell) => cell.col === col && cell.row >= first && cell.row <= last)
        .sort((a, b) => a.row - b.row)
        .map((cell) => ({ row: cell.row, formula: sheet.cells.get(cellKey(cell.row, cell.col))?.formula }))
        .filter((cell): cell is { row: number; formula: string } => cell.formula !== undefined)
        .at(-1);
      if (source === undefined) continue;
      const shift = formulaShifter(source.formula);
      for (let row = first; row <= last; row++) {
        const cell = sheet.cells.get(cellKey(row, col)) ?? {};
        if (cell.formula === undefined && cell.value !== undefined && cell.value !== "") continue;
        delete cell.value;
        cell.formula = row === source.row ? source.formula : shift(row - source.row, 0);
        sheet.cells.set(cellKey(row, col), cell);
      }
    }
  }
}

/** The area a name's formula refers to, or undefined for #REF!, constants and missing sheets. */
export function nameArea(state: FakeWorkbookState, name: FakeName): { sheet: FakeSheet; range: RangeRef } | undefined {
  if (name.formula.includes("#REF!")) return undefined;
  try {
    const parsed = parseAddress(name.formula.replace(/^=/, "").replace(/\$/g, ""));
    const sheet = parsed.sheet !== undefined ? state.sheet(parsed.sheet) : undefined;
    return sheet && { sheet, range: parsed.range };
  } catch {
    return undefined;
  }
}

/**
 * Moves every cell at or below `fromRow` within columns `cols` by `delta` rows (negative: up), with
 * the tables and names there — what inserting or deleting table rows does to the cells under a table.
 * Formats and conditional formats are not moved (a simplification). Excel refuses to move PART of
 * another table ("Table addRows: This won't work because it would move cells in a table on your
 * worksheet", OfficeDev/office-scripts-docs#654; Graph's error code InsertDeleteConflict,
 * microsoftgraph/microsoft-graph-docs#4392) or of a merged area (Excel's "We can't do that to a merged
 * cell"; merged cells "make it impossible to insert rows or columns", perfectxl.com "Do not merge
 * cells"): a table or merge reaching into the moved cells but not wholly inside them fails the call.
 */
function shiftRows(state: FakeWorkbookState, sheet: FakeSheet, cols: { from: number; to: number }, fromRow: number, delta: number, except?: FakeTable): void {
  const split = (r: RangeRef): boolean =>
    r.to.row >= fromRow && r.to.col >= cols.from && r.from.col <= cols.to && (r.from.col < cols.from || r.to.col > cols.to || r.from.row < fromRow);
  if (state.tables.some((t) => t !== except && t.sheet === sheet && split(t.range)))
    throw new FakeOfficeError("InvalidOperation", "This won't work because it would move cells in a table on your worksheet.");
  if (sheet.merges.some(split)) throw new FakeOfficeError("InvalidOperation", "We can't do that to a merged cell.");
  const moved: [number, number, FakeCell][] = [];
  for (const [key, cell] of sheet.cells) {
    const comma = key.indexOf(",");
    const row = Number(key.slice(0, comma));
    if (row < fromRow) continue;
    const col = Number(key.slice(comma + 1));
    if (col >= cols.from && col <= cols.to) moved.push([row, col, cell]);
  }
  for (const [row, col] of moved) sheet.cells.delete(cellKey(row, col));
  for (const [row, col, cell] of moved) sheet.cells.set(cellKey(row + delta, col), cell);
  for (const table of state.tables) {
    if (table === except || table.sheet !== sheet || table.range.from.row < fromRow) continue;
    if (table.range.to.col < cols.from || table.range.from.col > cols.to) continue;
    table.range = { from: { ...table.range.from, row: table.range.from.row + delta }, to: { ...table.range.to, row: table.range.to.row + delta } };
  }
  sheet.merges.forEach((m, i) => {
    if (m.from.row >= fromRow && m.from.col >= cols.from && m.to.col <= cols.to)
      sheet.merges[i] = { from: { ...m.from, row: m.from.row + delta }, to: { ...m.to, row: m.to.row + delta } };
  });
  for (const name of state.names) {
    const area = nameArea(state, name);
    if (!area || area.sheet !== sheet || area.range.from.row < fromRow || area.range.from.col < cols.from || area.range.from.col > cols.to) continue;
    const to = { from: { ...area.range.from, row: area.range.from.row + delta }, to: { ...area.range.to, row: area.range.to.row + delta } };
    name.formula = `=${absolute({ sheet, range: to })}`;
  }
}

/**
 * Each column's calculated-column formula, as the first data row holds it: when every data row holds
 * it moved to its row (Excel compares in R1C1 form; stricter than Excel, which keeps a calculated column
 * with exceptions typed into it).
 */
function calculatedColumns(table: FakeTable): (string | undefined)[] {
  const { from, to } = table.range;
  const last = to.row - (table.showTotals ? 1 : 0);
  return Array.from({ length: to.col - from.col + 1 }, (_, c) => {
    const only = table.sheet.cells.get(cellKey(from.row + 1, from.col + c))?.formula;
    if (only === undefined) return undefined;
    const shift = formulaShifter(only);
    for (let row = from.row + 2; row <= last; row++) if (table.sheet.cells.get(cellKey(row, from.col + c))?.formula !== shift(row - from.row - 1, 0)) return undefined;
    return only;
  });
}

// ───────────────────────────── the request context ─────────────────────────────

interface Operation {
  readonly bytes: number;
  readonly apply: () => void;
}

const encoder = new TextEncoder();

export class FakeExcel {
  readonly state = new FakeWorkbookState();
  /** Syncs run so far over every context this fake created. */
  syncCount = 0;
  /** Serialised request size of each sync, in bytes. */
  readonly requestBytes: number[] = [];
  /** Number of queued operations (loads included) of each sync. */
  readonly operationCounts: number[] = [];
  /** Sync numbers whose batch called `suspendApiCalculationUntilNextSync()`. */
  readonly calculationSuspendedAt: number[] = [];
  /** Sync number → how many of its operations apply before it fails. */
  private readonly failures = new Map<number, number>();
  /** The user's regional formula syntax, which `formulasLocal` uses (see the locale section below). */
  culture: FakeCulture = INVARIANT_CULTURE;

  /** Whether the host has ExcelApi 1.13 (false models Excel 2002–2101 builds, which load the add-in). */
  excelApi113 = true;

  constructor(sheetNames: readonly string[] = ["Sheet1"]) {
    for (const name of sheetNames) this.state.addSheet(name);
  }

  /** Like `Excel.run`: hands a fresh request context to the batch. */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    return batch(new FakeRequestContext(this) as unknown as Excel.RequestContext);
  }

  /** Makes the `n`-th sync from now fail after applying `afterOperations` of its queued operations. */
  failAtSync(n: number, afterOperations = 0): void {
    this.failures.set(this.syncCount + n, afterOperations);
  }

  sheet(name: string): FakeSheet {
    const sheet = this.state.sheet(name);
    if (!sheet) throw new Error(`no sheet "${name}"`);
    return sheet;
  }

  sheetNames(): string[] {
    return this.state.sheets.map((s) => s.name);
  }

  /** Test setup: writes literal values straight into the document, bypassing the API. */
  seed(sheetName: string, address: string, values: FakeScalar[][]): void {
    const sheet = this.state.sheet(sheetName) ?? this.state.addSheet(sheetName);
    const { from } = parseAddress(address).range;
    values.forEach((row, r) => row.forEach((value, c) => sheet.cells.set(cellKey(from.row + r, from.col + c), { value })));
  }

  /** Runs a batch's operations the way Excel does; called by the context's `sync()`. */
  execute(operations: readonly Operation[]): void {
    this.syncCount += 1;
    const bytes = operations.reduce((sum, op) => sum + op.bytes, 0);
    this.requestBytes.push(bytes);
    this.operationCounts.push(operations.length);
    if (bytes > REQUEST_LIMIT_BYTES)
      throw new FakeOfficeError("RequestPayloadSizeLimitExceeded", `request of ${bytes} bytes exceeds 5 MB`);
    const failAfter = this.failures.get(this.syncCount);
    operations.forEach((op, index) => {
      if (index === failAfter) throw new FakeOfficeError("GeneralException", "injected failure");
      op.apply();
    });
    if (failAfter !== undefined) throw new FakeOfficeError("GeneralException", "injected failure");
  }
}

class FakeRequestContext {
  private queue: Operation[] = [];
  readonly workbook: WorkbookProxy;
  readonly application: ApplicationProxy;

  constructor(readonly fake: FakeExcel) {
    this.workbook = new WorkbookProxy(this);
    this.application = this.workbook.application;
  }

  enqueue(path: string, action: string, args: unknown, apply: () => void): void {
    this.queue.push({ bytes: encoder.encode(JSON.stringify([path, action, args])).length, apply });
  }

  async sync(): Promise<void> {
    const operations = this.queue;
    this.queue = [];
    this.fake.execute(operations);
  }
}

// ───────────────────────────── proxies ─────────────────────────────

type Props = string | readonly string[] | undefined;

function propList(props: Props, fallback: readonly string[]): string[] {
  const list = props === undefined ? fallback : typeof props === "string" ? props.split(",") : props;
  return list.map((p) => p.trim().replace(/^items\//, ""));
}

/**
 * Base of every proxy: resolves its document object lazily (at sync, once), records loads, and
 * refuses reads of properties that were not loaded and synced.
 */
abstract class ClientObject<T> {
  private readonly loadedValues = new Map<string, unknown>();
  /** Undefined until a sync has probed a `…OrNullObject` proxy. */
  private nullState?: boolean;
  private resolved?: T;

  constructor(
    protected readonly ctx: FakeRequestContext,
    readonly path: string,
    protected readonly lookup: () => T | undefined,
    nullable = false,
  ) {
    if (nullable) ctx.enqueue(path, "probe", null, () => (this.nullState = this.find() === undefined));
    else this.nullState = false;
  }

  protected abstract readonly readable: readonly string[];
  protected abstract read(target: T, prop: string): unknown;

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw notLoaded(this.path, "isNullObject");
    return this.nullState;
  }

  protected find(): T | undefined {
    this.resolved ??= this.lookup();
    return this.resolved;
  }

  protected target(): T {
    const found = this.find();
    if (found === undefined) throw new FakeOfficeError("ItemNotFound", `${this.path} does not exist`);
    return found;
  }

  load(props?: Props): this {
    const list = propList(props, this.readable);
    this.ctx.enqueue(this.path, "load", list, () => this.fill(list));
    return this;
  }

  /** Takes the current document values of `props`; runs while a batch applies. */
  fill(props: readonly string[]): void {
    const found = this.find();
    for (const prop of props) this.loadedValues.set(prop, found === undefined ? null : this.read(found, prop));
  }

  protected loaded(prop: string): unknown {
    if (!this.loadedValues.has(prop)) throw notLoaded(this.path, prop);
    return this.loadedValues.get(prop);
  }

  protected act(action: string, args: unknown, apply: (target: T) => void): void {
    this.ctx.enqueue(this.path, action, args, () => apply(this.target()));
  }

  toJSON(): string {
    return this.path;
  }
}

function notLoaded(path: string, prop: string): FakeOfficeError {
  return new FakeOfficeError("PropertyNotLoaded", `${path}.${prop} was not loaded and synced`);
}

/**
 * A write-only settings object (font, fill, borders, conditional-format details …): every
 * assignment is queued and recorded as `path = value`; `getItem(key)` descends like a property.
 */
function recorder(ctx: FakeRequestContext, owner: string, path: string, write: (path: string, value: unknown) => void): object {
  return new Proxy(
    {},
    {
      get: (_target, prop) => {
        if (typeof prop !== "string" || prop === "toJSON" || prop === "then") return undefined;
        if (prop === "getItem") return (key: string) => recorder(ctx, owner, `${path}${key}.`, write);
        return recorder(ctx, owner, `${path}${prop}.`, write);
      },
      set: (_target, prop, value) => {
        const full = `${path}${String(prop)}`;
        ctx.enqueue(owner, `set ${full}`, value, () => write(full, value));
        return true;
      },
    },
  );
}

class ApplicationProxy extends ClientObject<FakeExcel> {
  protected readonly readable = [] as const;
  constructor(ctx: FakeRequestContext) {
    super(ctx, "application", () => ctx.fake);
  }
  protected read(): unknown {
    return undefined;
  }
  suspendApiCalculationUntilNextSync(): void {
    this.act("suspendApiCalculationUntilNextSync", null, (fake) => fake.calculationSuspendedAt.push(fake.syncCount));
  }
}

class WorkbookProxy extends ClientObject<FakeWorkbookState> {
  protected readonly readable = [] as const;
  readonly application: ApplicationProxy;
  readonly worksheets: WorksheetCollectionProxy;
  readonly tables: TableCollectionProxy;
  readonly names: NameCollectionProxy;

  constructor(ctx: FakeRequestContext) {
    super(ctx, "workbook", () => ctx.fake.state);
    this.application = new ApplicationProxy(ctx);
    this.worksheets = new WorksheetCollectionProxy(ctx);
    this.tables = new TableCollectionProxy(ctx, "workbook.tables");
    this.names = new NameCollectionProxy(ctx);
  }
  protected read(): unknown {
    return undefined;
  }

  getSelectedRange(): RangeProxy {
    return new RangeProxy(this.ctx, "workbook.selection", () => ({ sheet: this.ctx.fake.state.active, range: this.ctx.fake.state.selection }));
  }
}

/** A collection whose `items` become readable after `load("items/…")` and a sync. */
abstract class CollectionProxy<T, P extends ClientObject<unknown>> extends ClientObject<readonly T[]> {
  protected abstract item(element: T, index: number): P;
  protected abstract readonly itemReadable: readonly string[];
  private loadedItems?: P[];

  protected read(): unknown {
    return undefined;
  }

  /** A collection's members are looked up afresh every time, unlike a single object's identity. */
  protected override find(): readonly T[] | undefined {
    return this.lookup();
  }

  override load(props?: Props): this {
    const list = propList(props, this.itemReadable);
    this.ctx.enqueue(this.path, "load", list, () => this.fill(list));
    return this;
  }

  /** Takes the current members with `props` each; runs while a batch applies (or as a parent's navigation path is loaded). */
  override fill(props: readonly string[]): void {
    this.loadedItems = this.target().map((element, index) => {
      const proxy = this.item(element, index);
      proxy.fill(props);
      return proxy;
    });
  }

  get items(): P[] {
    if (!this.loadedItems) throw notLoaded(this.path, "items");
    return this.loadedItems;
  }
}

class WorksheetCollectionProxy extends CollectionProxy<FakeSheet, WorksheetProxy> {
  protected readonly readable = [] as const;
  protected readonly itemReadable = ["id", "name", "position", "tabColor"] as const;

  constructor(ctx: FakeRequestContext) {
    super(ctx, "worksheets", () => ctx.fake.state.sheets);
  }

  protected item(sheet: FakeSheet, index: number): WorksheetProxy {
    return new WorksheetProxy(this.ctx, `worksheets[${index}]`, () => sheet);
  }

  add(name?: string): WorksheetProxy {
    let created: FakeSheet | undefined;
    this.ctx.enqueue(this.path, "add", name ?? null, () => {
      const state = this.ctx.fake.state;
      let fallback = state.sheets.length + 1;
      while (!name && state.sheet(`Sheet${fallback}`)) fallback++;
      created = state.addSheet(name ?? `Sheet${fallback}`);
    });
    return new WorksheetProxy(this.ctx, `worksheets.add(${name})`, () => created);
  }

  /** By name or id, like Excel ("Gets a worksheet object using its name or ID"). */
  getItem(key: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, `worksheets[${key}]`, () => this.ctx.fake.state.sheetByKey(key));
  }

  getItemOrNullObject(key: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, `worksheets[${key}]?`, () => this.ctx.fake.state.sheetByKey(key), true);
  }

  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.ctx, "worksheets.active", () => this.ctx.fake.state.active);
  }
}

class WorksheetProxy extends ClientObject<FakeSheet> {
  protected readonly readable = ["id", "name", "position", "tabColor"] as const;
  readonly tables: TableCollectionProxy;
  readonly charts: ChartCollectionProxy;
  readonly freezePanes: FreezePanesProxy;
  readonly pageLayout: object;

  constructor(ctx: FakeRequestContext, path: string, lookup: () => FakeSheet | undefined, nullable = false) {
    super(ctx, path, lookup, nullable);
    this.tables = new TableCollectionProxy(ctx, `${path}.tables`, () => this.target());
    this.charts = new ChartCollectionProxy(ctx, `${path}.charts`, () => this.target());
    this.freezePanes = new FreezePanesProxy(ctx, `${path}.freezePanes`, () => this.find());
    this.pageLayout = this.pageLayoutRecorder();
  }

  protected read(sheet: FakeSheet, prop: string): unknown {
    if (prop === "position") return this.ctx.fake.state.sheets.indexOf(sheet);
    if (prop === "name") return sheet.name;
    if (prop === "id") return sheet.id;
    if (prop === "tabColor") return sheet.tabColor;
    throw new FakeOfficeError("InvalidArgument", `Worksheet has no property ${prop}`);
  }

  get id(): string {
    return this.loaded("id") as string;
  }
  get name(): string {
    return this.loaded("name") as string;
  }
  set name(value: string) {
    this.act("set name", value, (sheet) => {
      const clash = this.ctx.fake.state.sheet(value);
      if (clash && clash !== sheet) throw new FakeOfficeError("ItemAlreadyExists", `sheet "${value}" exists`);
      // Excel rewrites every reference to a renamed sheet, defined names included (Name Manager shows the
      // new name; readPlans.ts relies on it); references in cell formulas are not modelled.
      const prefix = `=${quoteSheet(sheet.name)}!`;
      for (const n of this.ctx.fake.state.names) if (n.formula.startsWith(prefix)) n.formula = `=${quoteSheet(value)}!${n.formula.slice(prefix.length)}`;
      sheet.name = value;
    });
  }
  get tabColor(): string {
    return this.loaded("tabColor") as string;
  }
  set tabColor(value: string) {
    this.act("set tabColor", value, (sheet) => (sheet.tabColor = value));
  }

  delete(): void {
    this.act("delete", null, (sheet) => this.ctx.fake.state.deleteSheet(sheet));
  }

  activate(): void {
    this.act("activate", null, (sheet) => (this.ctx.fake.state.active = sheet));
  }

  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.ctx, `${this.path}.range(${address ?? ""})`, () => {
      const sheet = this.target();
      if (address === undefined) return { sheet, range: { from: { row: 0, col: 0 }, to: { row: 1048575, col: 16383 } } };
      const parsed = parseAddress(address);
      if (parsed.sheet !== undefined && !same(parsed.sheet, sheet.name))
        throw new FakeOfficeError("InvalidArgument", `${address} is not on ${sheet.name}`);
      return { sheet, range: parsed.range };
    });
  }

  getRangeByIndexes(row: number, col: number, rowCount: number, columnCount: number): RangeProxy {
    return new RangeProxy(this.ctx, `${this.path}.range(${row},${col},${rowCount},${columnCount})`, () => {
      if (rowCount < 1 || columnCount < 1) throw new FakeOfficeError("InvalidArgument", "empty range");
      return { sheet: this.target(), range: { from: { row, col }, to: { row: row + rowCount - 1, col: col + columnCount - 1 } } };
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return new RangeProxy(
      this.ctx,
      `${this.path}.usedRange?`,
      () => {
        const sheet = this.target();
        const range = sheet.usedRange(valuesOnly);
        return range && { sheet, range };
      },
      true,
    );
  }

  private pageLayoutRecorder(): object {
    const layout = recorder(this.ctx, `${this.path}.pageLayout`, "", (path, value) => {
      if (path === "zoom") checkZoom(value);
      this.target().pageLayout[path] = value;
    });
    const method = (name: string) => (arg: unknown) =>
      this.act(`pageLayout.${name}`, arg, (sheet) => {
        if (name === "setPrintTitleRows") checkPrintTitleRows(arg);
        sheet.pageLayout[name] = arg instanceof RangeProxy ? arg.addressNow() : arg;
      });
    return new Proxy(layout, {
      get: (target, prop) =>
        prop === "setPrintTitleRows" || prop === "setPrintArea" || prop === "setPrintTitleColumns"
          ? method(prop)
          : Reflect.get(target, prop),
    });
  }
}

class FreezePanesProxy extends ClientObject<FakeSheet> {
  protected readonly readable = [] as const;
  protected read(): unknown {
    return undefined;
  }
  freezeRows(count: number): void {
    this.act("freezeRows", count, (sheet) => (sheet.freeze = { rows: count, cols: 0 }));
  }
  freezeColumns(count: number): void {
    this.act("freezeColumns", count, (sheet) => (sheet.freeze = { rows: 0, cols: count }));
  }
  freezeAt(frozen: RangeProxy): void {
    this.act("freezeAt", frozen, (sheet) => {
      const { range } = frozen.resolveNow();
      sheet.freeze = { rows: range.to.row + 1, cols: range.to.col + 1 };
    });
  }
}

interface Area {
  readonly sheet: FakeSheet;
  readonly range: RangeRef;
}

/**
 * The tables a formula refers to, each with the columns it names, once per distinct formula: a calculated
 * column repeats one formula on every row.
 */
const tablesReferred = new Map<string, ReadonlyMap<string, readonly string[]>>();
function tablesIn(formula: string): ReadonlyMap<string, readonly string[]> {
  let tables = tablesReferred.get(formula);
  if (tables === undefined) {
    tables = structuredReferences(formula);
    if (tablesReferred.size > 50_000) tablesReferred.clear();
    tablesReferred.set(formula, tables);
  }
  return tables;
}

/**
 * Excel refuses a formula longer than 8 192 characters, "=" included ([MS-OI29500] 2.1.1085: Excel restricts
 * ST_Formula to 8 192; the same limit when one is typed or set), and one that names a table which does not
 * exist (yet), or a column its table lacks (typed, Excel says "There's a problem with this formula"; a
 * structured reference resolves to the named column only — Microsoft Support, "Using structured
 * references with Excel tables": column names are not case-sensitive).
 */
function checkFormula(state: FakeWorkbookState, formula: string): void {
  if (formula.length > 8192) throw new FakeOfficeError("InvalidArgument", `formula of ${formula.length} characters, over 8192`);
  for (const [name, columns] of tablesIn(formula)) {
    // Builders spell table names as created; the case-insensitive look-up only runs when that misses.
    const table = state.tables.find((t) => t.name === name) ?? state.tables.find((t) => same(t.name, name));
    if (table === undefined) throw new FakeOfficeError("InvalidArgument", `formula refers to unknown table ${name}: ${formula}`);
    if (columns.length === 0) continue;
    const headers = state.tableHeaders(table);
    const missing = columns.find((c) => !headers.some((h) => same(h.trim(), c)));
    if (missing !== undefined) throw new FakeOfficeError("InvalidArgument", `formula refers to column "${missing}", which table ${name} lacks: ${formula}`);
  }
}

type Grid = readonly (readonly unknown[])[];

/** The last row and column index of a sheet (1 048 576 rows, 16 384 columns). */
const MAX_ROW = 1_048_575;
const MAX_COL = 16_383;

/**
 * `values`, `formulas` and `rows.add` parse strings as if typed: "" clears, a number or TRUE/FALSE
 * becomes one, and a string that starts with "=", "+" or "-" (and is not a number) is a formula —
 * "If the returned value starts with a plus ("+"), minus ("-"), or equal sign ("="), Excel interprets
 * this value as a formula" (Range.values and TableRowData.values, office-js-docs-reference
 * excel.interfaces.tablerowdata.yml; the same rule as typing, learn.microsoft.com/office/client-developer/
 * excel/excel-worksheet-and-expression-evaluation: "If the input begins with =, +, or -, Excel tries
 * to interpret the input as a formula"). "@" starts one too: Excel takes it for "=" as Lotus 1-2-3 did,
 * the reason OWASP's CSV-injection page lists it beside = + - (owasp.org/www-community/attacks/
 * CSV_Injection). A leading apostrophe is the string prefix: "Excel places all input characters into
 * the cell without change" and the apostrophe is not part of the value (same page; `formulas` reads
 * such a cell without it, OfficeDev/office-js#6687). A Text ("@") cell keeps whatever string it is given,
 * a leading apostrophe or "=" included (a number format of "@" "treats the content as text, even when a
 * number or formula is entered", Microsoft's "Format numbers as text").
 */
function writeTyped(state: FakeWorkbookState, cell: FakeCell, value: unknown): void {
  delete cell.formula;
  delete cell.value;
  delete cell.computed;
  if (typeof value !== "string") cell.value = value as FakeScalar;
  else if (value === "") return;
  else if (cell.numberFormat === "@") cell.value = value;
  else if (value.startsWith("'")) cell.value = value.slice(1);
  else if (/^[-+]?(\d+\.?\d*|\.\d+)(E[-+]?\d+)?$/i.test(value.trim())) cell.value = Number(value);
  else if (/^(true|false)$/i.test(value)) cell.value = value.toLowerCase() === "true";
  else if (/^[=+@-]/.test(value)) {
    const formula = value.startsWith("=") ? value : value.startsWith("@") ? `=${value.slice(1)}` : `=${value}`;
    checkFormula(state, formula);
    cell.formula = formula;
  } else if (value !== "") cell.value = value;
}

class RangeProxy extends ClientObject<Area> {
  protected readonly readable = ["address", "values", "formulas", "formulasLocal", "numberFormat", "rowCount", "columnCount", "rowIndex", "columnIndex"] as const;
  readonly format: object;
  readonly dataValidation: DataValidationProxy;
  readonly conditionalFormats: ConditionalFormatCollectionProxy;

  constructor(ctx: FakeRequestContext, path: string, lookup: () => Area | undefined, nullable = false) {
    super(ctx, path, lookup, nullable);
    this.format = recorder(ctx, path, "", (formatPath, value) => {
      const { sheet, range } = this.target();
      sheet.formats.push({ range, path: formatPath, value });
    });
    this.dataValidation = new DataValidationProxy(ctx, `${path}.dataValidation`, () => this.find());
    this.conditionalFormats = new ConditionalFormatCollectionProxy(ctx, `${path}.conditionalFormats`, () => this.find());
  }

  /** For operations of other proxies that take this range as an argument, at apply time. */
  resolveNow(): Area {
    return this.target();
  }

  addressNow(): string {
    const { sheet, range } = this.target();
    return qualifiedAddress(sheet.name, range);
  }

  protected read(area: Area, prop: string): unknown {
    const { sheet, range } = area;
    const grid = (cell: (c: FakeCell | undefined) => unknown) =>
      Array.from({ length: range.to.row - range.from.row + 1 }, (_, r) =>
        Array.from({ length: range.to.col - range.from.col + 1 }, (_, c) => cell(sheet.cells.get(cellKey(range.from.row + r, range.from.col + c)))),
      );
    switch (prop) {
      case "address":
        return qualifiedAddress(sheet.name, range);
      case "values":
        return grid((c) => (c?.formula !== undefined ? (c.computed ?? "") : (c?.value ?? "")));
      case "formulas":
        return grid((c) => c?.formula ?? c?.value ?? "");
      case "formulasLocal":
        return grid((c) => (c?.formula !== undefined ? localFormula(this.ctx.fake.culture, c.formula) : (c?.value ?? "")));
      case "numberFormat":
        return grid((c) => c?.numberFormat ?? "General");
      case "rowCount":
        return range.to.row - range.from.row + 1;
      case "columnCount":
        return range.to.col - range.from.col + 1;
      case "rowIndex":
        return range.from.row;
      case "columnIndex":
        return range.from.col;
    }
    throw new FakeOfficeError("InvalidArgument", `Range has no property ${prop}`);
  }

  get address(): string {
    return this.loaded("address") as string;
  }
  get values(): unknown[][] {
    return this.loaded("values") as unknown[][];
  }
  set values(grid: unknown[][]) {
    this.setGrid("values", grid, (cell, v) => this.writeContent(cell, v));
  }
  get formulas(): unknown[][] {
    return this.loaded("formulas") as unknown[][];
  }
  set formulas(grid: unknown[][]) {
    this.setGrid("formulas", grid, (cell, v) => this.writeContent(cell, v));
  }
  get formulasLocal(): unknown[][] {
    return this.loaded("formulasLocal") as unknown[][];
  }
  /** The user's-language form: read in the fake's culture and stored as the invariant formula. */
  set formulasLocal(grid: unknown[][]) {
    this.setGrid("formulasLocal", grid, (cell, v) => this.writeContent(cell, typeof v === "string" ? invariantFormula(this.ctx.fake.culture, v) : v));
  }
  get numberFormat(): unknown[][] {
    return this.loaded("numberFormat") as unknown[][];
  }
  set numberFormat(grid: unknown[][]) {
    this.setGrid("numberFormat", grid, (cell, v) => (cell.numberFormat = String(v)));
  }

  /** Excel: a null entry leaves its cell unchanged; the array must match the range exactly. */
  private setGrid(prop: string, grid: Grid, write: (cell: FakeCell, value: unknown) => void): void {
    this.act(`set ${prop}`, grid, ({ sheet, range }) => {
      const rows = range.to.row - range.from.row + 1;
      const cols = range.to.col - range.from.col + 1;
      if (grid.length !== rows || grid.some((row) => row.length !== cols))
        throw new FakeOfficeError("InvalidArgument", `${prop} array does not match ${rows}x${cols}`);
      const written: CellRef[] = [];
      grid.forEach((row, r) =>
        row.forEach((value, c) => {
          if (value === null || value === undefined) return;
          const at = { row: range.from.row + r, col: range.from.col + c };
          const key = cellKey(at.row, at.col);
          const cell = sheet.cells.get(key) ?? {};
          write(cell, value);
          sheet.cells.set(key, cell);
          written.push(at);
        }),
      );
      if (prop !== "numberFormat") fillCalculatedColumns(this.ctx.fake.state, sheet, written);
    });
  }

  private writeContent(cell: FakeCell, value: unknown): void {
    writeTyped(this.ctx.fake.state, cell, value);
  }

  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return new RangeProxy(
      this.ctx,
      `${this.path}.usedRange?`,
      () => {
        const { sheet, range } = this.target();
        const used = sheet.usedRange(valuesOnly, range);
        return used && { sheet, range: used };
      },
      true,
    );
  }

  getMergedAreasOrNullObject(): MergedAreasProxy {
    // ExcelApi 1.13 (excel-api-requirement-sets): a host without it fails the request.
    if (!this.ctx.fake.excelApi113) throw new FakeOfficeError("ApiNotFound", "Range.getMergedAreasOrNullObject needs ExcelApi 1.13");
    return new MergedAreasProxy(this.ctx, `${this.path}.mergedAreas?`, () => {
      const { sheet, range } = this.target();
      const merges = intersecting(sheet.merges.map((m) => ({ range: m })), range).map((m) => m.range);
      return merges.length > 0 ? { sheet, ranges: merges } : undefined;
    });
  }

  getCell(row: number, column: number): RangeProxy {
    return new RangeProxy(this.ctx, `${this.path}.cell(${row},${column})`, () => {
      const { sheet, range } = this.target();
      const at = { row: range.from.row + row, col: range.from.col + column };
      return { sheet, range: { from: at, to: at } };
    });
  }

  /** ExcelApi 1.1: "the smallest range object that encompasses the given ranges" (same sheet). */
  getBoundingRect(other: RangeProxy): RangeProxy {
    return new RangeProxy(this.ctx, `${this.path}.boundingRect(${other.path})`, () => {
      const a = this.target();
      const b = other.resolveNow();
      if (a.sheet !== b.sheet) throw new FakeOfficeError("InvalidArgument", "ranges on different sheets");
      return { sheet: a.sheet, range: boundingBox([a.range, b.range]) };
    });
  }

  /**
   * ExcelApi 1.7, excel.range#getresizedrange: "the range object similar to the current range object,
   * but with its bottom-right corner expanded (or contracted) by some number of rows and columns"; a
   * range past the sheet's edge or emptied by the contraction is an error.
   */
  getResizedRange(deltaRows: number, deltaColumns: number): RangeProxy {
    return new RangeProxy(this.ctx, `${this.path}.resized(${deltaRows},${deltaColumns})`, () => {
      const { sheet, range } = this.target();
      const to = { row: range.to.row + deltaRows, col: range.to.col + deltaColumns };
      if (to.row < range.from.row || to.col < range.from.col || to.row > MAX_ROW || to.col > MAX_COL)
        throw new FakeOfficeError("InvalidArgument", "resized range is empty or off the sheet");
      return { sheet, range: { from: range.from, to } };
    });
  }

  /**
   * ExcelApi 1.1, excel.range#getoffsetrange: "a range that's offset from the specified range. The
   * dimension of the returned range will match this range. If the resulting range is forced outside the
   * bounds of the worksheet grid, an error will be thrown."
   */
  getOffsetRange(rowOffset: number, columnOffset: number): RangeProxy {
    return new RangeProxy(this.ctx, `${this.path}.offset(${rowOffset},${columnOffset})`, () => {
      const { sheet, range } = this.target();
      const from = { row: range.from.row + rowOffset, col: range.from.col + columnOffset };
      const to = { row: range.to.row + rowOffset, col: range.to.col + columnOffset };
      if (from.row < 0 || from.col < 0 || to.row > MAX_ROW || to.col > MAX_COL) throw new FakeOfficeError("InvalidArgument", "offset range is off the sheet");
      return { sheet, range: { from, to } };
    });
  }

  /** ExcelApi 1.2, excel.range#getintersection: the rectangular intersection; none is an error (ItemNotFound). */
  getIntersection(other: RangeProxy): RangeProxy {
    return new RangeProxy(this.ctx, `${this.path}.intersection(${other.path})`, () => {
      const a = this.target();
      const b = other.resolveNow();
      const [inside] = a.sheet === b.sheet ? clip(a.range, b.range) : [];
      if (!inside) throw new FakeOfficeError("ItemNotFound", "the ranges do not intersect");
      return { sheet: a.sheet, range: inside };
    });
  }

  /** ExcelApi 1.1, excel.range#getrow: row `index` of the range, its whole width. */
  getRow(index: number): RangeProxy {
    return new RangeProxy(this.ctx, `${this.path}.row(${index})`, () => {
      const { sheet, range } = this.target();
      const row = range.from.row + index;
      if (index < 0 || row > range.to.row) throw new FakeOfficeError("InvalidArgument", `row ${index} is outside the range`);
      return { sheet, range: { from: { row, col: range.from.col }, to: { row, col: range.to.col } } };
    });
  }

  /** ExcelApi 1.2, excel.range#getlastrow: the last row of the range, its whole width. */
  getLastRow(): RangeProxy {
    return new RangeProxy(this.ctx, `${this.path}.lastRow`, () => {
      const { sheet, range } = this.target();
      return { sheet, range: { from: { row: range.to.row, col: range.from.col }, to: range.to } };
    });
  }

  /** ExcelApi 1.2, excel.range#getrowsbelow: `count` whole rows of the range's width right under it. */
  getRowsBelow(count = 1): RangeProxy {
    return new RangeProxy(this.ctx, `${this.path}.rowsBelow(${count})`, () => {
      const { sheet, range } = this.target();
      if (count < 1 || range.to.row + count > MAX_ROW) throw new FakeOfficeError("InvalidArgument", "rows below are empty or off the sheet");
      return { sheet, range: { from: { row: range.to.row + 1, col: range.from.col }, to: { row: range.to.row + count, col: range.to.col } } };
    });
  }

  get rowCount(): number {
    return this.loaded("rowCount") as number;
  }
  get columnCount(): number {
    return this.loaded("columnCount") as number;
  }
  // Range.rowIndex / columnIndex, zero-based (ExcelApi 1.1): https://learn.microsoft.com/en-us/javascript/api/excel/excel.range#excel-excel-range-rowindex-member
  get rowIndex(): number {
    return this.loaded("rowIndex") as number;
  }
  get columnIndex(): number {
    return this.loaded("columnIndex") as number;
  }

  select(): void {
    this.act("select", null, ({ sheet, range }) => {
      this.ctx.fake.state.active = sheet;
      this.ctx.fake.state.selection = range;
    });
  }

  merge(across = false): void {
    this.act("merge", across, ({ sheet, range }) => {
      if (sheet.merges.some((m) => intersects(m, range))) throw new FakeOfficeError("InvalidOperation", "overlapping merge");
      sheet.merges.push(range);
    });
  }

  /**
   * `Range.delete("Up")` (ExcelApi 1.1, excel.range#delete: "Deletes the cells associated with the
   * range"; excel.deleteshiftdirection). Rows of a table's data body that span its whole width are
   * deleted as table rows — the table shrinks and the cells below it, under its columns, move up, as
   * Excel's Delete Table Rows does; deleting part of a table's width or its header shifts cells inside
   * the table and is refused ("This operation is not allowed. The operation is attempting to shift
   * cells in a table on your worksheet."). Only "Up" is modelled.
   */
  delete(shift: string): void {
    this.act("delete", shift, ({ sheet, range }) => {
      if (shift !== "Up") throw new FakeOfficeError("InvalidArgument", "the fake deletes with shift Up only");
      const state = this.ctx.fake.state;
      const count = range.to.row - range.from.row + 1;
      const table = state.tables.find((t) => t.sheet === sheet && intersects(t.range, range));
      if (table) {
        const last = table.range.to.row - (table.showTotals ? 1 : 0);
        const wholeRows = range.from.col === table.range.from.col && range.to.col === table.range.to.col;
        if (!wholeRows || range.from.row <= table.range.from.row || range.to.row > last)
          throw new FakeOfficeError("InvalidOperation", "the operation is attempting to shift cells in a table");
        table.range = { from: table.range.from, to: { ...table.range.to, row: table.range.to.row - count } };
      }
      for (const cell of cellsOf(range)) sheet.cells.delete(cellKey(cell.row, cell.col));
      shiftRows(state, sheet, { from: range.from.col, to: range.to.col }, range.to.row + 1, -count, table);
    });
  }

  /** Clears contents and formatting (Excel's "Clear All"); conditional formats go with the formats. */
  clear(): void {
    this.act("clear", null, ({ sheet, range }) => {
      for (const cell of cellsOf(range)) sheet.cells.delete(cellKey(cell.row, cell.col));
      const keep = <T extends { range: RangeRef }>(list: T[]) => list.splice(0, list.length, ...list.filter((x) => !intersects(x.range, range)));
      keep(sheet.formats);
      keep(sheet.conditionalFormats);
    });
  }

  unmerge(): void {
    this.act("unmerge", null, ({ sheet, range }) =>
      sheet.merges.splice(0, sheet.merges.length, ...sheet.merges.filter((m) => !intersects(m, range))),
    );
  }
}

class DataValidationProxy extends ClientObject<Area> {
  protected readonly readable = ["type"] as const;
  protected read({ sheet, range }: Area, prop: string): unknown {
    if (prop === "type") return validationType(sheet, range);
    throw new FakeOfficeError("InvalidArgument", `DataValidation has no property ${prop}`);
  }
  get type(): string {
    return this.loaded("type") as string;
  }

  /** Setting the rule replaces the range's validation; a mixed range (partly validated) is refused. */
  set rule(rule: unknown) {
    this.act("set rule", rule, ({ sheet, range }) => {
      checkValidationRule(rule, this.ctx.fake.state.names);
      const overlapping = sheet.validations.filter((v) => intersects(v.range, range));
      if (overlapping.some((v) => !sameRange(v.range, range)))
        throw new FakeOfficeError("InvalidArgument", "range has mixed data validation");
      this.remove(sheet, range);
      sheet.validations.push({ range, rule, ignoreBlanks: true });
    });
  }
  set prompt(prompt: unknown) {
    this.update("prompt", prompt, (v) => (v.prompt = prompt));
  }
  set errorAlert(alert: unknown) {
    this.update("errorAlert", alert, (v) => (v.errorAlert = alert));
  }
  set ignoreBlanks(ignore: boolean) {
    this.update("ignoreBlanks", ignore, (v) => (v.ignoreBlanks = ignore));
  }

  clear(): void {
    this.act("clear", null, ({ sheet, range }) => this.remove(sheet, range));
  }

  private update(prop: string, value: unknown, apply: (v: FakeValidation) => void): void {
    this.act(`set ${prop}`, value, ({ sheet, range }) => {
      let validation = sheet.validations.find((v) => sameRange(v.range, range));
      if (!validation) {
        if (sheet.validations.some((v) => intersects(v.range, range)))
          throw new FakeOfficeError("InvalidArgument", "range has mixed data validation");
        validation = { range };
        sheet.validations.push(validation);
      }
      apply(validation);
    });
  }

  private remove(sheet: FakeSheet, range: RangeRef): void {
    sheet.validations.splice(0, sheet.validations.length, ...sheet.validations.filter((v) => !intersects(v.range, range)));
  }
}

class ConditionalFormatCollectionProxy extends ClientObject<Area> {
  protected readonly readable = [] as const;
  protected read(): unknown {
    return undefined;
  }

  add(type: string): object {
    let created: FakeConditionalFormat | undefined;
    this.act("add", type, ({ sheet, range }) => {
      checkConditionalFormatType(type);
      created = { range, type, settings: {} };
      // "Adds a new conditional format to the collection at the first/top priority" (ExcelApi 1.6,
      // excel.conditionalformatcollection#add): the sheet's list is kept in priority order, top first.
      sheet.conditionalFormats.unshift(created);
    });
    return recorder(this.ctx, `${this.path}.add(${type})`, "", (path, value) => {
      if (!created) throw new FakeOfficeError("ItemNotFound", "conditional format was not created");
      checkConditionalFormatSetting(created.type, path, value);
      created.settings[path] = value;
    });
  }

  /** How many conditional formats intersect the range (ExcelApi 1.6, excel.conditionalformatcollection#getcount). */
  getCount(): { readonly value: number } {
    return clientResult(this.ctx, this.path, "getCount", () => intersecting(this.target().sheet.conditionalFormats, this.target().range).length);
  }

  clearAll(): void {
    this.act("clearAll", null, ({ sheet, range }) =>
      sheet.conditionalFormats.splice(0, sheet.conditionalFormats.length, ...sheet.conditionalFormats.filter((f) => !intersects(f.range, range))),
    );
  }
}

// ───────────────────────────── tables ─────────────────────────────

class TableCollectionProxy extends CollectionProxy<FakeTable, TableProxy> {
  protected readonly readable = [] as const;
  protected readonly itemReadable = ["name", "showTotals", "style"] as const;

  constructor(
    ctx: FakeRequestContext,
    path: string,
    private readonly sheet?: () => FakeSheet,
  ) {
    super(ctx, path, () => ctx.fake.state.tables.filter((t) => !sheet || t.sheet === sheet()));
  }

  protected item(table: FakeTable, index: number): TableProxy {
    return new TableProxy(this.ctx, `${this.path}[${index}]`, () => table);
  }

  add(address: string | RangeProxy, hasHeaders: boolean): TableProxy {
    let created: FakeTable | undefined;
    this.ctx.enqueue(this.path, "add", [address, hasHeaders], () => {
      const state = this.ctx.fake.state;
      const { sheet, range } = this.area(address);
      if (state.tables.some((t) => t.sheet === sheet && intersects(t.range, range)))
        throw new FakeOfficeError("InvalidOperation", "tables cannot overlap");
      if (!hasHeaders) throw new FakeOfficeError("InvalidArgument", "the fake supports only tables with headers");
      let n = state.tables.length + 1;
      while (state.tables.some((t) => same(t.name, `Table${n}`))) n++;
      // Excel makes headers unique non-empty strings and gives a header-only table one data row.
      const to = range.to.row === range.from.row ? { row: range.to.row + 1, col: range.to.col } : range.to;
      created = { name: `Table${n}`, sheet, range: { from: range.from, to }, showTotals: false, style: "TableStyleMedium2", showBandedRows: true, showFilterButton: true };
      const seen = new Set<string>();
      state.tableHeaders(created).forEach((header, i) => {
        let name = header || `Column${i + 1}`;
        for (let k = 2; seen.has(name.toLowerCase()); k++) name = `${header || "Column"}${k}`;
        seen.add(name.toLowerCase());
        sheet.cells.set(cellKey(range.from.row, range.from.col + i), { ...sheet.cells.get(cellKey(range.from.row, range.from.col + i)), value: name });
      });
      state.tables.push(created);
    });
    return new TableProxy(this.ctx, `${this.path}.add(${String(address)})`, () => created);
  }

  /** By name, case-insensitive as Excel's names are; `getItem` of a missing table fails the sync (ItemNotFound). */
  getItem(name: string): TableProxy {
    return new TableProxy(this.ctx, `${this.path}[${name}]`, () => this.target().find((t) => same(t.name, name)));
  }

  getItemOrNullObject(name: string): TableProxy {
    return new TableProxy(this.ctx, `${this.path}[${name}]?`, () => this.target().find((t) => same(t.name, name)), true);
  }

  private area(address: string | RangeProxy): Area {
    if (address instanceof RangeProxy) return address.resolveNow();
    const parsed = parseAddress(address);
    const sheet = this.sheet?.() ?? (parsed.sheet !== undefined ? this.ctx.fake.state.sheet(parsed.sheet) : undefined);
    if (!sheet) throw new FakeOfficeError("ItemNotFound", `no sheet for ${address}`);
    return { sheet, range: parsed.range };
  }

}

class TableProxy extends ClientObject<FakeTable> {
  protected readonly readable = ["name", "showTotals", "style", "showBandedRows", "showFilterButton"] as const;

  private columnsProxy?: TableColumnCollectionProxy;

  protected read(table: FakeTable, prop: string): unknown {
    if (prop in table && prop !== "sheet" && prop !== "range") return table[prop as keyof FakeTable];
    throw new FakeOfficeError("InvalidArgument", `Table has no property ${prop}`);
  }

  /**
   * A navigation path loads the related object in the same sync: `tables.load("items/columns/items/name")`
   * fills each table's `columns` with their names (OfficeExtension.LoadOption: "context.load(paragraphs,
   * 'text, font/size')", learn.microsoft.com/javascript/api/office/officeextension.loadoption). The same
   * `columns` object is returned each time, so what the path loaded is there to read.
   */
  override fill(props: readonly string[]): void {
    const columns = props.filter((p) => p.startsWith("columns/")).map((p) => p.slice("columns/".length).replace(/^items\//, ""));
    super.fill(props.filter((p) => !p.startsWith("columns/")));
    if (columns.length > 0) this.columns.fill(columns);
  }

  get name(): string {
    return this.loaded("name") as string;
  }
  set name(value: string) {
    this.act("set name", value, (table) => {
      if (!same(table.name, value)) this.ctx.fake.state.checkNewName(value);
      this.ctx.fake.state.tableRenamed(table.name, value);
      table.name = value;
    });
  }
  set style(value: string) {
    this.act("set style", value, (table) => (table.style = value));
  }
  set showBandedRows(value: boolean) {
    this.act("set showBandedRows", value, (table) => (table.showBandedRows = value));
  }
  set showFilterButton(value: boolean) {
    this.act("set showFilterButton", value, (table) => (table.showFilterButton = value));
  }
  get showTotals(): boolean {
    return this.loaded("showTotals") as boolean;
  }
  /** Like Excel, turning totals on adds a row with "Total" first and a SUBTOTAL of the last column. */
  set showTotals(value: boolean) {
    this.act("set showTotals", value, (table) => {
      if (table.showTotals === value) return;
      const { from, to } = table.range;
      table.showTotals = value;
      table.range = { from, to: { row: to.row + (value ? 1 : -1), col: to.col } };
      const row = value ? to.row + 1 : to.row;
      for (let col = from.col; col <= to.col; col++) table.sheet.cells.delete(cellKey(row, col));
      if (!value) return;
      const headers = this.ctx.fake.state.tableHeaders(table);
      table.sheet.cells.set(cellKey(row, from.col), { value: "Total" });
      table.sheet.cells.set(cellKey(row, to.col), { formula: `=SUBTOTAL(109,[${headers.at(-1)}])` });
    });
  }

  private part(name: string, pick: (table: FakeTable) => RangeRef | undefined): RangeProxy {
    return new RangeProxy(this.ctx, `${this.path}.${name}`, () => {
      const table = this.target();
      const range = pick(table);
      if (!range) throw new FakeOfficeError("InvalidOperation", `table ${table.name} has no ${name}`);
      return { sheet: table.sheet, range };
    });
  }

  /** Its columns, each with its `name`: the header cell's text, as Excel keeps them (the fake's tables always show their headers). */
  get columns(): TableColumnCollectionProxy {
    this.columnsProxy ??= new TableColumnCollectionProxy(this.ctx, `${this.path}.columns`, () => {
      const table = this.find();
      return table && this.ctx.fake.state.tableHeaders(table);
    });
    return this.columnsProxy;
  }

  getRange(): RangeProxy {
    return this.part("range", (t) => t.range);
  }
  getHeaderRowRange(): RangeProxy {
    return this.part("headerRow", (t) => ({ from: t.range.from, to: { row: t.range.from.row, col: t.range.to.col } }));
  }
  getDataBodyRange(): RangeProxy {
    return this.part("dataBody", (t) => ({
      from: { row: t.range.from.row + 1, col: t.range.from.col },
      to: { row: t.range.to.row - (t.showTotals ? 1 : 0), col: t.range.to.col },
    }));
  }
  getTotalRowRange(): RangeProxy {
    return this.part("totalRow", (t) => (t.showTotals ? { from: { row: t.range.to.row, col: t.range.from.col }, to: t.range.to } : undefined));
  }

  /**
   * `Table.rows` (ExcelApi 1.1, excel.tablerowcollection): `add(index, values)` appends rows above the
   * totals row when `index` is null or undefined — and, like ListRows.Add's default (learn.microsoft.com/
   * office/vba/api/excel.listrows.add: "If AlwaysInsert is not specified, the cells below the table will
   * be shifted down one row"), INSERTS them: cells under the table's own columns move down, cells beside
   * it stay. A new row takes the number formats of the last data row (Excel extends a table's formats to
   * the rows added to it — Microsoft's "Resize a table by adding or removing rows and columns"), so a
   * Text column stays Text. `values` are parsed as typed (`writeTyped`); a new row gets each calculated column's formula
   * where it is given "" or null (OfficeDev/office-js#1916, "Resizing the table or inserting a row
   * automatically replicates" — Microsoft's "Use calculated columns in an Excel table"), and formulas
   * it is given make calculated columns as `fillCalculatedColumns` describes (#6745).
   * `getItemAt(i).delete()` removes a data row, moving the cells below up the same way.
   */
  get rows(): {
    add(index: number | null | undefined, values: unknown[][]): void;
    getItemAt(index: number): { delete(): void };
  } {
    const state = this.ctx.fake.state;
    return {
      add: (index, values) =>
        this.act("rows.add", [index ?? null, values], (t) => {
          const { from, to } = t.range;
          const last = to.row - (t.showTotals ? 1 : 0);
          if (index !== null && index !== undefined) throw new FakeOfficeError("InvalidArgument", "the fake appends rows only (index null)");
          if (values.length === 0 || values.some((row) => row.length !== to.col - from.col + 1))
            throw new FakeOfficeError("InvalidArgument", "row width does not match the table");
          const at = last + 1;
          if (at + values.length - 1 > MAX_ROW) throw new FakeOfficeError("InvalidOperation", "the table would run off the sheet");
          const columnFormulas = (state.fillsCalculatedColumns ? calculatedColumns(t) : []).map((f) => (f === undefined ? undefined : formulaShifter(f)));
          const formats = Array.from({ length: to.col - from.col + 1 }, (_, c) => t.sheet.cells.get(cellKey(last, from.col + c))?.numberFormat);
          shiftRows(state, t.sheet, { from: from.col, to: to.col }, at, values.length, t);
          const written: CellRef[] = [];
          values.forEach((row, r) =>
            row.forEach((value, c) => {
              const key = cellKey(at + r, from.col + c);
              const cell: FakeCell = formats[c] === undefined ? {} : { numberFormat: formats[c] };
              const inherited = columnFormulas[c];
              const blank = value === "" || value === null || value === undefined;
              if (blank && inherited !== undefined) cell.formula = inherited(at + r - from.row - 1, 0);
              else writeTyped(state, cell, value ?? "");
              if (cell.value !== undefined || cell.formula !== undefined || cell.numberFormat !== undefined) t.sheet.cells.set(key, cell);
              if (!blank) written.push({ row: at + r, col: from.col + c });
            }),
          );
          t.range = { from, to: { ...to, row: to.row + values.length } };
          fillCalculatedColumns(state, t.sheet, written);
        }),
      getItemAt: (index) => ({
        delete: () =>
          this.act(`rows[${index}].delete`, null, (t) => {
            const { from, to } = t.range;
            const row = from.row + 1 + index;
            if (index < 0 || row > to.row - (t.showTotals ? 1 : 0)) throw new FakeOfficeError("ItemNotFound", `table row ${index}`);
            for (let col = from.col; col <= to.col; col++) t.sheet.cells.delete(cellKey(row, col));
            shiftRows(state, t.sheet, { from: from.col, to: to.col }, row + 1, -1, t);
            t.range = { from, to: { ...to, row: to.row - 1 } };
          }),
      }),
    };
  }

  /** Deletes the table together with its cells, as Excel's `Table.delete()` does. */
  delete(): void {
    this.act("delete", null, (table) => {
      const state = this.ctx.fake.state;
      for (const cell of cellsOf(table.range)) table.sheet.cells.delete(cellKey(cell.row, cell.col));
      state.tables.splice(state.tables.indexOf(table), 1);
      state.tablesGone([table.name]);
    });
  }
}

/**
 * `Table.columns` and `TableColumn.name` ("Specifies the name of the table column", [Api set: ExcelApi
 * 1.1 for getting the name]: learn.microsoft.com/javascript/api/excel/excel.tablecolumn, the same text
 * in @types/office-js), read-only here: the name a structured reference uses, whether or not the
 * header row is shown.
 */
class TableColumnCollectionProxy extends CollectionProxy<string, TableColumnProxy> {
  protected readonly readable = [] as const;
  protected readonly itemReadable = ["name"] as const;

  protected item(name: string, index: number): TableColumnProxy {
    return new TableColumnProxy(this.ctx, `${this.path}[${index}]`, () => name);
  }
}

class TableColumnProxy extends ClientObject<string> {
  protected readonly readable = ["name"] as const;

  protected read(name: string, prop: string): unknown {
    if (prop === "name") return name;
    throw new FakeOfficeError("InvalidArgument", `TableColumn has no property ${prop}`);
  }

  get name(): string {
    return this.loaded("name") as string;
  }
}

// ───────────────────────────── names ─────────────────────────────

class NameCollectionProxy extends CollectionProxy<FakeName, NamedItemProxy> {
  protected readonly readable = [] as const;
  protected readonly itemReadable = ["name", "formula", "comment"] as const;

  constructor(ctx: FakeRequestContext) {
    super(ctx, "workbook.names", () => ctx.fake.state.names);
  }

  protected item(name: FakeName, index: number): NamedItemProxy {
    return new NamedItemProxy(this.ctx, `${this.path}[${index}]`, () => name);
  }

  add(name: string, reference: RangeProxy | string, comment = ""): NamedItemProxy {
    let created: FakeName | undefined;
    this.ctx.enqueue(this.path, "add", [name, reference, comment], () => {
      const state = this.ctx.fake.state;
      state.checkNewName(name);
      const formula = reference instanceof RangeProxy ? `=${absolute(reference.resolveNow())}` : reference;
      if (!formula.startsWith("=")) throw new FakeOfficeError("InvalidArgument", `reference must start with "=": ${formula}`);
      // A name's formula is a formula: Excel's New Name dialog refuses one naming a table that does not exist.
      // No doc page says what names.add does then; refusing is the strict side, which orders the writer's
      // steps (tables, then the names of their columns) as Excel needs at worst.
      checkFormula(state, formula);
      created = { name, formula, comment };
      state.names.push(created);
    });
    return new NamedItemProxy(this.ctx, `${this.path}.add(${name})`, () => created);
  }

  getItemOrNullObject(name: string): NamedItemProxy {
    return new NamedItemProxy(this.ctx, `${this.path}[${name}]?`, () => this.target().find((n) => same(n.name, name)), true);
  }
}

function absolute({ sheet, range }: Area): string {
  const single = range.from.row === range.to.row && range.from.col === range.to.col;
  return `${quoteSheet(sheet.name)}!${a1(range.from, true)}${single ? "" : `:${a1(range.to, true)}`}`;
}

class NamedItemProxy extends ClientObject<FakeName> {
  protected readonly readable = ["name", "formula", "comment"] as const;

  protected read(name: FakeName, prop: string): unknown {
    if (prop === "name" || prop === "formula" || prop === "comment") return name[prop];
    throw new FakeOfficeError("InvalidArgument", `NamedItem has no property ${prop}`);
  }

  get name(): string {
    return this.loaded("name") as string;
  }
  get formula(): string {
    return this.loaded("formula") as string;
  }

  delete(): void {
    this.act("delete", null, (name) => {
      const names = this.ctx.fake.state.names;
      names.splice(names.indexOf(name), 1);
    });
  }
}

// ───────────────────────────── charts ─────────────────────────────

class ChartCollectionProxy extends CollectionProxy<FakeChart, ChartProxy> {
  protected readonly readable = [] as const;
  protected readonly itemReadable = ["name"] as const;

  constructor(
    ctx: FakeRequestContext,
    path: string,
    private readonly sheet: () => FakeSheet,
  ) {
    super(ctx, path, () => sheet().charts);
  }

  protected item(chart: FakeChart, index: number): ChartProxy {
    return new ChartProxy(this.ctx, `${this.path}[${index}]`, () => chart);
  }

  add(type: string, source: RangeProxy, seriesBy = "Auto"): ChartProxy {
    let created: FakeChart | undefined;
    this.ctx.enqueue(this.path, "add", [type, source, seriesBy], () => {
      const sheet = this.sheet();
      // Types Excel.ChartType lists (https://learn.microsoft.com/javascript/api/excel/excel.charttype); those the add-in uses.
      if (!["ColumnClustered", "Pie", "BarClustered", "Line", "LineMarkers"].includes(type)) throw new FakeOfficeError("InvalidArgument", `chart type ${type}`);
      const from = source.resolveNow();
      if (from.sheet !== sheet) throw new FakeOfficeError("InvalidArgument", "chart source is on another sheet");
      created = { name: `Chart ${sheet.charts.length + 1}`, type, settings: {}, series: guessedSeries(sheet, from.range) };
      sheet.charts.push(created);
    });
    return new ChartProxy(this.ctx, `${this.path}.add(${type})`, () => created);
  }
}

/** `Excel.ChartAxisPosition` (https://learn.microsoft.com/javascript/api/excel/excel.chartaxisposition). */
const AXIS_POSITIONS: readonly string[] = ["Automatic", "Maximum", "Minimum", "Custom"];

class ChartProxy extends ClientObject<FakeChart> {
  protected readonly readable = ["name"] as const;
  readonly title: object;
  /**
   * `chart.axes.categoryAxis` (ExcelApi 1.7); what is set on it, e.g. `reversePlotOrder`, is kept in
   * `settings` as `axes.categoryAxis.reversePlotOrder`
   * (https://learn.microsoft.com/javascript/api/excel/excel.chartaxis#excel-excel-chartaxis-reverseplotorder-member).
   * `reversePlotOrder` is a boolean, and `position` (ExcelApi 1.8, where the value axis crosses:
   * https://learn.microsoft.com/javascript/api/excel/excel.chartaxis#excel-excel-chartaxis-position-member) one of
   * `Excel.ChartAxisPosition`'s "Automatic" | "Maximum" | "Minimum" | "Custom"
   * (https://learn.microsoft.com/javascript/api/excel/excel.chartaxisposition): anything else fails the sync.
   */
  readonly axes: { readonly categoryAxis: object };
  readonly series: { getItemAt(index: number): SeriesProxy; add(name?: string): SeriesProxy };

  constructor(ctx: FakeRequestContext, path: string, lookup: () => FakeChart | undefined, nullable = false) {
    super(ctx, path, lookup, nullable);
    this.title = recorder(ctx, path, "title.", (p, value) => (this.target().settings[p] = value));
    this.axes = {
      categoryAxis: recorder(ctx, path, "axes.categoryAxis.", (p, value) => {
        if (p === "axes.categoryAxis.reversePlotOrder" && typeof value !== "boolean") throw new FakeOfficeError("InvalidArgument", `reversePlotOrder ${String(value)}`);
        if (p === "axes.categoryAxis.position" && !AXIS_POSITIONS.includes(value as string)) throw new FakeOfficeError("InvalidArgument", `axis position ${String(value)}`);
        this.target().settings[p] = value;
      }),
    };
    this.series = {
      getItemAt: (index) => new SeriesProxy(ctx, `${path}.series[${index}]`, () => this.target().series[index]),
      add: (name) => {
        let created: FakeChart["series"][number] | undefined;
        this.act("series.add", name ?? null, (chart) => chart.series.push((created = { name })));
        return new SeriesProxy(ctx, `${path}.series.add(${name})`, () => created);
      },
    };
  }

  protected read(chart: FakeChart, prop: string): unknown {
    if (prop === "name") return chart.name;
    throw new FakeOfficeError("InvalidArgument", `Chart has no property ${prop}`);
  }

  get name(): string {
    return this.loaded("name") as string;
  }
  set name(value: string) {
    this.act("set name", value, (chart) => (chart.name = value));
  }

  setPosition(start: string | RangeProxy, end: string | RangeProxy): void {
    const text = (r: string | RangeProxy) => (typeof r === "string" ? r : r.addressNow());
    this.act("setPosition", [start, end], (chart) => (chart.position = [text(start), text(end)]));
  }

  delete(): void {
    this.act("delete", null, (chart) => {
      const sheet = this.ctx.fake.state.sheets.find((s) => s.charts.includes(chart));
      sheet?.charts.splice(sheet.charts.indexOf(chart), 1);
    });
  }
}

class SeriesProxy extends ClientObject<FakeChart["series"][number]> {
  protected readonly readable = ["name"] as const;
  protected read(series: FakeChart["series"][number], prop: string): unknown {
    if (prop === "name") return series.name;
    throw new FakeOfficeError("InvalidArgument", `ChartSeries has no property ${prop}`);
  }
  set name(value: string) {
    this.act("set name", value, (series) => (series.name = value));
  }
  setValues(source: RangeProxy): void {
    this.act("setValues", source, (series) => (series.values = source.addressNow()));
  }
  setXAxisValues(source: RangeProxy): void {
    this.act("setXAxisValues", source, (series) => (series.categories = source.addressNow()));
  }
}

// ───────────────────────────── argument checks Excel makes (issue 9) ─────────────────────────────
// Each rule is Excel's documented contract for an argument the writers pass; the fake refuses what
// Excel refuses (or does not document), so a writer test fails where Excel would.

const invalid = (detail: string): FakeOfficeError => new FakeOfficeError("InvalidArgument", detail);

/** An ISO 8601 date or date-time, as DateTimeDataValidation accepts in a string. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;
const VALIDATION_OPERATORS = ["Between", "NotBetween", "EqualTo", "NotEqualTo", "GreaterThan", "LessThan", "GreaterThanOrEqualTo", "LessThanOrEqualTo"];

/**
 * `Range.dataValidation.rule` (ExcelApi 1.8), per the interfaces' docs
 * (learn.microsoft.com/javascript/api/excel/excel.datavalidationrule and the pages it links):
 * - exactly one criterion per rule ("You can only use one of them at a time");
 * - BasicDataValidation (wholeNumber, decimal, textLength) formula1/2: "a number, a range object, or
 *   a string formula (where the string is either a stringified number, a cell reference like "=A1",
 *   or a formula …)"; formula2 is required by Between/NotBetween and "not used" otherwise;
 * - DateTimeDataValidation (date, time) formula1/2: "a Date, a Range object, or a string formula
 *   (where the string is either a stringified date/time in ISO8601 format, a cell reference like
 *   "=A1", or a formula …)" — and the data-validation article (office/dev/add-ins/excel/
 *   excel-add-ins-data-validation): "you cannot use a number in the formula properties", so "61" is
 *   refused;
 * - ListDataValidation.source: "a Range object, or a string that contains a comma-separated number,
 *   Boolean, or date" — not empty; Excel's list formula is limited to 255 characters (its Data
 *   Validation dialog refuses a longer source). A formula source may not hold a structured reference
 *   (`=T[Col]`): MS-XLSX 2.6.4 CT_DataValidationFormula, "MUST NOT use … structure-reference"
 *   (learn.microsoft.com/openspecs/office_standards/ms-xlsx/20ed0abd-113f-4b8a-8de3-c68e733a300a); the
 *   reference as text inside INDIRECT is taken and followed as the table grows (OfficeDev/office-js#873),
 *   and so is a defined name standing for it; a source naming a name the workbook does not have is
 *   refused, as Excel's dialog refuses it ("A named range you specified cannot be found"; no doc page
 *   says what `dataValidation.rule` does then, so the fake takes the strict side).
 */
export function checkValidationRule(rule: unknown, names: readonly { readonly name: string }[]): void {
  if (typeof rule !== "object" || rule === null) throw invalid("validation rule must be an object");
  const kinds = Object.entries(rule).filter(([, v]) => v !== undefined);
  if (kinds.length !== 1) throw invalid(`validation rule must have exactly one criterion, got ${kinds.map(([k]) => k).join(",")}`);
  const [kind, criteria] = kinds[0] as [string, Record<string, unknown>];
  if (kind === "list") {
    const source = criteria.source;
    if (typeof source !== "string") return;
    if (source.length === 0 || source.length > 255) throw invalid(`list source must hold 1–255 characters, got ${source.length}`);
    if (source.startsWith("=") && source.replace(/"(?:[^"]|"")*"/g, "").includes("[")) throw invalid(`list source ${source} holds a structured reference`);
    const name = /^=([A-Za-z_\\][\w.]*)$/.exec(source)?.[1];
    if (name !== undefined && !/^[A-Z]{1,3}\d+$/i.test(name) && !names.some((n) => same(n.name, name))) throw invalid(`list source names ${name}, which the workbook does not have`);
    return;
  }
  if (kind === "custom") {
    if (typeof criteria.formula !== "string" || !criteria.formula.startsWith("=")) throw invalid("custom validation needs a formula");
    return;
  }
  const dated = kind === "date" || kind === "time";
  if (!dated && !["wholeNumber", "decimal", "textLength"].includes(kind)) throw invalid(`unknown validation criterion ${kind}`);
  const operator = String(criteria.operator);
  if (!VALIDATION_OPERATORS.includes(operator)) throw invalid(`validation operator ${operator}`);
  const ternary = operator === "Between" || operator === "NotBetween";
  const operands = ternary ? [criteria.formula1, criteria.formula2] : [criteria.formula1];
  if (!ternary && criteria.formula2 !== undefined) throw invalid(`formula2 is not used with ${operator}`);
  for (const operand of operands) {
    if (operand instanceof RangeProxy || (dated && operand instanceof Date)) continue;
    if (!dated && typeof operand === "number" && Number.isFinite(operand)) continue;
    if (typeof operand !== "string" || operand.length === 0) throw invalid(`${kind} validation needs formula1${ternary ? " and formula2" : ""}`);
    if (operand.startsWith("=")) continue;
    if (dated ? !ISO_DATE.test(operand) : !Number.isFinite(Number(operand)) || operand.trim() === "")
      throw invalid(`${kind} validation operand "${operand}" is neither ${dated ? "an ISO 8601 date" : "a number"} nor a formula`);
    if (kind === "wholeNumber" && !Number.isInteger(Number(operand))) throw invalid(`whole-number operand "${operand}" is not whole`);
  }
}

/**
 * `pageLayout.zoom` (ExcelApi 1.9, learn.microsoft.com/javascript/api/excel/excel.pagelayoutzoomoptions):
 * `scale` "can be between 10 and 400", or `horizontalFitToPages` / `verticalFitToPages` "Number of
 * pages to fit" — a count of pages, so a positive whole number; 0 ("as many as needed" in VBA's
 * FitToPagesTall = False and in the file format) is not documented for the JavaScript API and is
 * refused so the writer never depends on it. Scale and fit-to-pages exclude each other ("This value
 * can be null if …").
 */
export function checkZoom(zoom: unknown): void {
  if (typeof zoom !== "object" || zoom === null) throw invalid("zoom must be an object");
  const { scale, horizontalFitToPages, verticalFitToPages, ...rest } = zoom as Record<string, unknown>;
  if (Object.keys(rest).length > 0) throw invalid(`unknown zoom options ${Object.keys(rest).join(",")}`);
  const fits = [horizontalFitToPages, verticalFitToPages].filter((v) => v !== undefined && v !== null);
  if (scale !== undefined && scale !== null) {
    if (typeof scale !== "number" || scale < 10 || scale > 400) throw invalid(`zoom scale ${String(scale)} is outside 10–400`);
    if (fits.length > 0) throw invalid("zoom takes a scale or pages to fit, not both");
    return;
  }
  if (fits.length === 0) throw invalid("zoom needs a scale or pages to fit");
  for (const pages of fits) if (typeof pages !== "number" || !Number.isInteger(pages) || pages < 1) throw invalid(`pages to fit ${String(pages)} is not a page count`);
}

/** `pageLayout.setPrintTitleRows(rows)` takes a row range such as "$1:$5" (ExcelApi 1.9, excel.pagelayout). */
export function checkPrintTitleRows(rows: unknown): void {
  if (rows instanceof RangeProxy) return;
  if (typeof rows !== "string" || !/^\$?\d+:\$?\d+$/.test(rows)) throw invalid(`print title rows "${String(rows)}" is not a row range`);
}

/** Excel.ConditionalFormatType (ExcelApi 1.6) and the one property object each type has. */
const CONDITIONAL_FORMAT_PART: Readonly<Record<string, string>> = {
  Custom: "custom",
  DataBar: "dataBar",
  ColorScale: "colorScale",
  IconSet: "iconSet",
  TopBottom: "topBottom",
  PresetCriteria: "preset",
  ContainsText: "textComparison",
  CellValue: "cellValue",
};
const CELL_VALUE_OPERATORS = ["Between", "NotBetween", "EqualTo", "NotEqualTo", "GreaterThan", "LessThan", "GreaterThanOrEqual", "LessThanOrEqual"];
const PRESET_CRITERIA = [
  "Blanks", "NonBlanks", "Errors", "NonErrors", "Yesterday", "Today", "Tomorrow", "LastSevenDays", "LastWeek", "ThisWeek", "NextWeek",
  "LastMonth", "ThisMonth", "NextMonth", "AboveAverage", "BelowAverage", "EqualOrAboveAverage", "EqualOrBelowAverage",
  "OneStdDevAboveAverage", "OneStdDevBelowAverage", "TwoStdDevAboveAverage", "TwoStdDevBelowAverage", "ThreeStdDevAboveAverage",
  "ThreeStdDevBelowAverage", "UniqueValues", "DuplicateValues",
];
/** Colours are "#RRGGBB" or an HTML colour name (e.g. RangeFill.color, ConditionalDataBarPositiveFormat.fillColor). */
const COLOR = /^(#[0-9A-Fa-f]{6}|[A-Za-z]+)$/;

export function checkConditionalFormatType(type: string): void {
  if (!(type in CONDITIONAL_FORMAT_PART)) throw invalid(`conditional format type ${type}`);
}

/**
 * One setting of a conditional format created as `type` (docs: excel.conditionalformat and the rule
 * interfaces): only the type's own object is there ("Returns the custom conditional format
 * properties if the current conditional format is a custom type"; the `…OrNullObject` twins are
 * null otherwise); `custom.rule.formula` is a formula; ConditionalCellValueRule has an operator of
 * ConditionalCellValueOperator and `formula2` exactly for Between/NotBetween; ConditionalPresetCriteriaRule's
 * criterion is a ConditionalFormatPresetCriterion; colours are HTML colours.
 */
export function checkConditionalFormatSetting(type: string, path: string, value: unknown): void {
  const part = CONDITIONAL_FORMAT_PART[type];
  if (!path.startsWith(`${part}.`)) throw new FakeOfficeError("InvalidOperation", `a ${type} conditional format has no ${path.split(".")[0]}`);
  const setting = path.slice(part.length + 1);
  if (setting.endsWith("color") || setting.endsWith("Color")) {
    if (typeof value !== "string" || !COLOR.test(value)) throw invalid(`colour ${String(value)}`);
  } else if (type === "Custom" && setting === "rule.formula") {
    if (typeof value !== "string" || !value.startsWith("=")) throw invalid(`custom rule formula ${String(value)}`);
  } else if (type === "CellValue" && setting === "rule") {
    const rule = value as { operator?: string; formula1?: unknown; formula2?: unknown };
    if (!CELL_VALUE_OPERATORS.includes(String(rule.operator))) throw invalid(`cell-value operator ${String(rule.operator)}`);
    const ternary = rule.operator === "Between" || rule.operator === "NotBetween";
    if (typeof rule.formula1 !== "string" || rule.formula1 === "") throw invalid("cell-value rule needs formula1");
    if (ternary !== (rule.formula2 !== undefined)) throw invalid(`formula2 is ${ternary ? "required" : "not used"} with ${String(rule.operator)}`);
  } else if (type === "PresetCriteria" && setting === "rule") {
    const criterion = (value as { criterion?: string }).criterion;
    if (!PRESET_CRITERIA.includes(String(criterion))) throw invalid(`preset criterion ${String(criterion)}`);
  }
}

/**
 * What `charts.add(type, source, seriesBy)` makes of its source, as Excel guesses it (ExcelApi 1.1,
 * excel.chartcollection#add: "seriesBy … Auto", and Excel's own rule for a source it has to
 * interpret): with series in columns, each column is a series; when a column's top cell is not a
 * number — text, blank, or a formula whose value is not known while calculation is suspended —
 * Excel takes it as the series name and plots only the cells below it. The fake takes the
 * conservative reading, so a writer that leaves names or values to this guess is caught (audit D11).
 */
export function guessedSeries(sheet: FakeSheet, range: RangeRef): FakeChart["series"] {
  const series: FakeChart["series"] = [];
  for (let col = range.from.col; col <= range.to.col; col++) {
    const top = sheet.cells.get(cellKey(range.from.row, col));
    const header = range.to.row > range.from.row && (top?.formula !== undefined || typeof top?.value !== "number");
    const values = { from: { row: range.from.row + (header ? 1 : 0), col }, to: { row: range.to.row, col } };
    series.push({
      ...(header ? { name: `=${qualifiedAddress(sheet.name, { from: { row: range.from.row, col }, to: { row: range.from.row, col } })}` } : {}),
      values: qualifiedAddress(sheet.name, values),
    });
  }
  return series;
}

// ───────────────────────────── what is in a range (issue 9: writing into the active sheet) ─────────────────────────────

const intersecting = <T extends { readonly range: RangeRef }>(items: readonly T[], range: RangeRef): T[] => items.filter((i) => intersects(i.range, range));

/**
 * `DataValidation.type` of a range (ExcelApi 1.8, excel.datavalidationtype): "None" when no cell
 * has validation, the rule's type when one rule covers the whole range, "MixedCriteria" when only
 * some cells have validation ("present on some but not all cells"), "Inconsistent" for different rules.
 */
function validationType(sheet: FakeSheet, range: RangeRef): string {
  const found = intersecting(sheet.validations, range);
  if (found.length === 0) return "None";
  const covered = cellsOf(range).every((cell) => found.some((v) => contains(v.range, cell)));
  if (!covered) return "MixedCriteria";
  const kinds = new Set(found.map((v) => Object.keys((v.rule as object | undefined) ?? {})[0] ?? "None"));
  const TYPE: Record<string, string> = { wholeNumber: "WholeNumber", decimal: "Decimal", list: "List", date: "Date", time: "Time", textLength: "TextLength", custom: "Custom" };
  return kinds.size === 1 ? (TYPE[[...kinds][0]] ?? "None") : "Inconsistent";
}

/** A `ClientResult`: `value` is readable after the sync that computed it. */
function clientResult<T>(ctx: FakeRequestContext, path: string, action: string, compute: () => T): { readonly value: T } {
  let result: { value: T } | undefined;
  ctx.enqueue(path, action, null, () => (result = { value: compute() }));
  return {
    get value(): T {
      if (!result) throw notLoaded(path, action);
      return result.value;
    },
  };
}

/**
 * `Range.getMergedAreasOrNullObject()` (ExcelApi 1.13, excel.range): the merged areas that reach
 * into the range, as a RangeAreas whose `address` lists each ("Sheet1!A1:B4, Sheet1!D1:D4"); a
 * null object when there are none.
 */
class MergedAreasProxy extends ClientObject<{ readonly sheet: FakeSheet; readonly ranges: readonly RangeRef[] }> {
  protected readonly readable = ["address", "areaCount"] as const;

  constructor(ctx: FakeRequestContext, path: string, lookup: () => { sheet: FakeSheet; ranges: RangeRef[] } | undefined) {
    super(ctx, path, lookup, true);
  }

  protected read({ sheet, ranges }: { sheet: FakeSheet; ranges: readonly RangeRef[] }, prop: string): unknown {
    if (prop === "address") return ranges.map((r) => qualifiedAddress(sheet.name, r)).join(", ");
    if (prop === "areaCount") return ranges.length;
    throw new FakeOfficeError("InvalidArgument", `RangeAreas has no property ${prop}`);
  }

  get address(): string {
    return this.loaded("address") as string;
  }
}

// ───────────────────────────── locale: formulasLocal in the user's regional syntax ─────────────────────────────
//
// Range.formulasLocal is "the formula in A1-style notation, in the user's language and number-formatting
// locale. For example, the English "=SUM(A1, 1.5)" formula would become "=SUMME(A1; 1,5)" in German"
// (learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-formulaslocal-member); a formula
// Excel cannot parse is refused with InvalidArgument. The argument separator is Windows' regional "list
// separator", independent of the decimal separator (de-CH: "." and ";"), and the array separators change
// with the decimal separator (dev@sc.openoffice.org 2008, "formula separators in MS Excel", tested on
// Excel 3.0–2007 with German, English, French and Japanese system locales). Office.js exposes none of the
// separators except the decimal one (Application.decimalSeparator / cultureInfo.numberFormat, ExcelApi
// 1.11): there is no list separator in the API. The fake translates number decimals, argument separators,
// array separators and the built-in function names listed in the culture, outside string literals; any
// other use of the culture's decimal separator (e.g. "," between arguments under ";"/",") is refused.

export interface FakeCulture {
  readonly list: string;
  readonly decimal: string;
  readonly arrayColumn: string;
  readonly arrayRow: string;
  /** Built-in function names in the display language (invariant → local), e.g. DATE → DATUM. */
  readonly functionNames: Readonly<Record<string, string>>;
}

/** What `formulas` uses, and what en-US regional settings give. */
export const INVARIANT_CULTURE: FakeCulture = { list: ",", decimal: ".", arrayColumn: ",", arrayRow: ";", functionNames: {} };

/** Regional settings with the semicolon list separator and the decimal comma (de-DE, fr-FR, ru-RU …). */
export const SEMICOLON_CULTURE: FakeCulture = { list: ";", decimal: ",", arrayColumn: ".", arrayRow: ";", functionNames: {} };

/** The same with a German display language: built-in names are translated too. */
export const GERMAN_CULTURE: FakeCulture = { ...SEMICOLON_CULTURE, functionNames: { DATE: "DATUM", IF: "WENN", SUM: "SUMME" } };

type Syntax = Pick<FakeCulture, "list" | "decimal" | "arrayColumn" | "arrayRow">;

/**
 * Re-spells a formula from one syntax to the other: numbers' decimal separator, argument and array
 * separators, and function names (`names` maps the source spelling to the target's). Throws
 * InvalidArgument where the source syntax's own decimal separator stands outside a number.
 */
function respell(formula: string, from: Syntax, to: Syntax, names: Readonly<Record<string, string>>): string {
  if (!formula.startsWith("=")) return formula;
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const number = new RegExp(`^\\d+(?:${escape(from.decimal)}\\d+)?(?:E[-+]?\\d+)?`, "i");
  let out = "=";
  let inArray = false;
  let i = 1;
  while (i < formula.length) {
    const rest = formula.slice(i);
    const previous = formula[i - 1];
    if (rest[0] === '"' || rest[0] === "'") {
      // A text literal, or a quoted sheet name ('周计划, 张三'!A1): copied as it stands.
      const literal = (rest[0] === '"' ? /^"(?:[^"]|"")*"/ : /^'(?:[^']|'')*'/).exec(rest)?.[0] ?? rest;
      out += literal;
      i += literal.length;
      continue;
    }
    const name = /^[\p{L}_][\p{L}\p{N}_.]*(?=\()/u.exec(rest)?.[0];
    if (name !== undefined && !/[\p{L}\p{N}_.]/u.test(previous)) {
      out += names[name.toUpperCase()] ?? name;
      i += name.length;
      continue;
    }
    const digits = /[\p{L}\p{N}_.]/u.test(previous) ? undefined : number.exec(rest)?.[0];
    if (digits !== undefined) {
      out += digits.replace(from.decimal, to.decimal);
      i += digits.length;
      continue;
    }
    if (rest[0] === "{") inArray = true;
    if (rest[0] === "}") inArray = false;
    const separators: [string, string][] = inArray
      ? [
          [from.arrayColumn, to.arrayColumn],
          [from.arrayRow, to.arrayRow],
        ]
      : [[from.list, to.list]];
    const separator = separators.find(([source]) => rest.startsWith(source));
    if (separator) {
      out += separator[1];
      i += separator[0].length;
      continue;
    }
    if (rest.startsWith(from.decimal) && from.decimal !== ".")
      throw new FakeOfficeError("InvalidArgument", `"${from.decimal}" is the decimal separator here and cannot stand outside a number: ${formula}`);
    out += rest[0];
    i += 1;
  }
  return out;
}

const invert = (names: Readonly<Record<string, string>>): Record<string, string> =>
  Object.fromEntries(Object.entries(names).map(([invariant, local]) => [local.toUpperCase(), invariant]));

/** A stored (invariant) formula as `formulasLocal` reads it in `culture`. */
export function localFormula(culture: FakeCulture, formula: string): string {
  return respell(formula, INVARIANT_CULTURE, culture, culture.functionNames);
}

/** A formula written through `formulasLocal` in `culture`, as Excel stores it (refused if it does not parse there). */
export function invariantFormula(culture: FakeCulture, local: string): string {
  return respell(local, culture, INVARIANT_CULTURE, invert(culture.functionNames));
}
