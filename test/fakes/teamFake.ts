import ExcelJS from "exceljs";
import { quoteSheet } from "../../src/spec/a1";
import type { RangeRef } from "../../src/spec/sheetSpec";
import { parseAddress } from "../../src/spec/addresses";
import { unescapeXml } from "../../src/writers/ooxml";
import { loadablePackage, preservedParts } from "../support/exceljsPackage";
import { FakeExcel, FakeOfficeError, fillCalculatedColumns, type FakeCell, type FakeName, type FakeSheet, type FakeTable, type FakeWorkbookState } from "./fakeExcel";

/**
 * What the team features need from the fake Excel beyond what the template writer uses, added to
 * the fake's proxies here (that file is another engineer's; its proxy classes are private, so they
 * are reached through instances and extended on their prototypes, once, when this module loads):
 *
 * - `NamedItem.type` and `NamedItem.getRangeOrNullObject()` (a #REF! name gives a null range);
 * - `Range.rowCount` / `Range.columnCount` (loadable, but without getters in the fake);
 * - `TableCollection.getItem(name)`, `Table.worksheet` (loadable as `items/worksheet/name` and
 *   `items/worksheet/id`);
 * - `Table.rows.add(index, values)` (appends above the totals row) and
 *   `Table.rows.getItemAt(i).delete()`: like Excel, both shift ONLY the cells under the table's own
 *   columns (cells beside the table stay, cells below move with it); an added row takes each
 *   calculated column's formula where it is given "" or null, and formulas it is given make
 *   calculated columns as `fillCalculatedColumns` describes;
 * - `Workbook.insertWorksheetsFromBase64(base64, options)` for files registered with
 *   `registerWorkbookFile` (parsed beforehand, since a batch applies synchronously). It behaves as
 *   Excel is reported to (OfficeDev/office-js#3583): sheets and tables are copied (a taken sheet
 *   name becomes "Name (2)", a taken table name gets a number, and the copied formulas follow),
 *   but workbook names arrive broken (`=#REF!`) — or not at all when the name exists already.
 *   It resolves to the new worksheets' IDS, not their names — @types/office-js
 *   `Workbook.insertWorksheetsFromBase64`: "@returns An array of IDs corresponding to each newly
 *   inserted worksheet" — GUID-like strings (`FakeSheet.id`) that `worksheets.getItem` accepts.
 *
 * Simplifications: shifting rows moves cells, other tables and names below on the sheet, not
 * formats or conditional formats; sheet `values` of copied cells are literal values only.
 */

type Ctx = { readonly fake: FakeExcel; enqueue(path: string, action: string, args: unknown, apply: () => void): void };

interface Internals<T> {
  readonly ctx: Ctx;
  readonly path: string;
  find(): T | undefined;
  target(): T;
  act(action: string, args: unknown, apply: (target: T) => void): void;
  loaded(prop: string): unknown;
  read(target: T, prop: string): unknown;
}

type RangeCtor = new (ctx: Ctx, path: string, lookup: () => { sheet: FakeSheet; range: RangeRef } | undefined, nullable?: boolean) => object;
type SheetCtor = new (ctx: Ctx, path: string, lookup: () => FakeSheet | undefined, nullable?: boolean) => object;
type TableCtor = new (ctx: Ctx, path: string, lookup: () => FakeTable | undefined, nullable?: boolean) => object;

const cellKey = (row: number, col: number): string => `${row},${col}`;
const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** The area a name's formula refers to, or undefined for #REF!, constants and missing sheets. */
function nameArea(state: FakeWorkbookState, name: FakeName): { sheet: FakeSheet; range: RangeRef } | undefined {
  if (name.formula.includes("#REF!")) return undefined;
  try {
    const parsed = parseAddress(name.formula.replace(/^=/, "").replace(/\$/g, ""));
    const sheet = parsed.sheet !== undefined ? state.sheet(parsed.sheet) : undefined;
    return sheet && { sheet, range: parsed.range };
  } catch {
    return undefined;
  }
}

/** Moves every cell at or below `fromRow` within columns `cols` by `delta` rows (negative: up). */
function shiftRows(state: FakeWorkbookState, sheet: FakeSheet, cols: { from: number; to: number }, fromRow: number, delta: number, except?: FakeTable): void {
  const moved: [number, number, FakeCell][] = [];
  for (const [key, cell] of sheet.cells) {
    const [row, col] = key.split(",").map(Number);
    if (col >= cols.from && col <= cols.to && row >= fromRow) moved.push([row, col, cell]);
  }
  for (const [row, col] of moved) sheet.cells.delete(cellKey(row, col));
  for (const [row, col, cell] of moved) sheet.cells.set(cellKey(row + delta, col), cell);
  for (const table of state.tables) {
    if (table === except || table.sheet !== sheet || table.range.from.row < fromRow) continue;
    if (table.range.to.col < cols.from || table.range.from.col > cols.to) continue;
    table.range = { from: { ...table.range.from, row: table.range.from.row + delta }, to: { ...table.range.to, row: table.range.to.row + delta } };
  }
  for (const name of state.names) {
    const area = nameArea(state, name);
    if (!area || area.sheet !== sheet || area.range.from.row < fromRow || area.range.from.col < cols.from || area.range.from.col > cols.to) continue;
    const to = { from: { ...area.range.from, row: area.range.from.row + delta }, to: { ...area.range.to, row: area.range.to.row + delta } };
    name.formula = `=${quoteSheet(sheet.name)}!${absolute(to)}`;
  }
}

const letters = (col: number): string => {
  let text = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) text = String.fromCharCode(65 + ((n - 1) % 26)) + text;
  return text;
};

function absolute(range: RangeRef): string {
  const cell = (c: { row: number; col: number }) => `$${letters(c.col)}$${c.row + 1}`;
  const single = range.from.row === range.to.row && range.from.col === range.to.col;
  return single ? cell(range.from) : `${cell(range.from)}:${cell(range.to)}`;
}

/**
 * Each column's calculated-column formula: the formula every data row holds, if they all hold the
 * same one. Excel copies it into rows added to the table ("Resizing the table or inserting a row
 * automatically replicates" the formula — Microsoft's "Use calculated columns in an Excel table";
 * through the API as well, OfficeDev/office-js#1916, #6745).
 */
function calculatedColumns(table: FakeTable): (string | undefined)[] {
  const { from, to } = table.range;
  const last = to.row - (table.showTotals ? 1 : 0);
  return Array.from({ length: to.col - from.col + 1 }, (_, c) => {
    const formulas = new Set<string | undefined>();
    for (let row = from.row + 1; row <= last; row++) formulas.add(table.sheet.cells.get(cellKey(row, from.col + c))?.formula);
    const [only] = formulas;
    return formulas.size === 1 ? only : undefined;
  });
}

// ───────────────────────────── files to insert ─────────────────────────────

interface FileSheet {
  readonly name: string;
  readonly cells: Map<string, FakeCell>;
  readonly tables: { name: string; range: RangeRef; showTotals: boolean }[];
}

interface FileSnapshot {
  readonly sheets: FileSheet[];
  readonly names: string[];
}

const files = new Map<string, FileSnapshot>();

function scalar(value: ExcelJS.CellValue): FakeCell | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "object" && "formula" in value && value.formula) return { formula: `=${value.formula}` };
  if (typeof value === "object" && "sharedFormula" in value) return { formula: "=" };
  if (value instanceof Date) return { value: Math.round(value.getTime() / 86_400_000) + 25_569 };
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return { value };
  return undefined;
}

/** Parses an .xlsx for `insertWorksheetsFromBase64` and returns its base64 text. */
export async function registerWorkbookFile(data: Uint8Array): Promise<string> {
  const base64 = Buffer.from(data).toString("base64");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await loadablePackage(data)) as unknown as ArrayBuffer);
  const preserved = await preservedParts(data);
  const sheets = wb.worksheets.map((ws): FileSheet => {
    const cells = new Map<string, FakeCell>();
    ws.eachRow({ includeEmpty: false }, (row, r) =>
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const content = cell.formula ? { formula: `=${cell.formula}` } : scalar(cell.value);
        if (content) cells.set(cellKey(r - 1, c - 1), content);
      }),
    );
    const tables = Object.values((ws as unknown as { tables: Record<string, { model: { name: string; tableRef: string; totalsRow: boolean } }> }).tables).map(
      ({ model }) => ({ name: model.name, range: parseAddress(model.tableRef).range, showTotals: model.totalsRow }),
    );
    return { name: ws.name, cells, tables };
  });
  const names = preserved.definedNames.map((element) => unescapeXml(/\sname="([^"]*)"/.exec(element)?.[1] ?? "")).filter((n) => !n.startsWith("_xlnm."));
  files.set(base64, { sheets, names });
  return base64;
}

/** Excel's free name for an inserted sheet. */
function freeName(state: FakeWorkbookState, wanted: string): string {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? wanted : `${wanted.slice(0, 31 - ` (${n})`.length)} (${n})`;
    if (!state.sheet(candidate)) return candidate;
  }
}

function insertFile(state: FakeWorkbookState, snapshot: FileSnapshot, only?: readonly string[]): string[] {
  const inserted: string[] = [];
  for (const source of snapshot.sheets.filter((s) => !only || only.some((o) => same(o, s.name)))) {
    const sheet = state.addSheet(freeName(state, source.name));
    const renames = new Map<string, string>();
    for (const table of source.tables) {
      let name = table.name;
      for (let n = 2; state.tables.some((t) => same(t.name, name)) || state.names.some((t) => same(t.name, name)); n++) name = `${table.name}${n}`;
      if (name !== table.name) renames.set(table.name, name);
      state.tables.push({ name, sheet, range: table.range, showTotals: table.showTotals, style: "TableStyleMedium2", showBandedRows: true, showFilterButton: true });
    }
    for (const [key, cell] of source.cells) {
      const formula = cell.formula && [...renames].reduce((f, [from, to]) => f.split(`${from}[`).join(`${to}[`), cell.formula);
      sheet.cells.set(key, formula !== undefined ? { formula } : { ...cell });
    }
    inserted.push(sheet.id);
  }
  for (const name of snapshot.names) {
    if (!state.names.some((n) => same(n.name, name)) && !state.tables.some((t) => same(t.name, name))) state.names.push({ name, formula: "=#REF!", comment: "" });
  }
  return inserted;
}

// ───────────────────────────── prototype extensions ─────────────────────────────

/** The class of a proxy instance (through its prototype: a proxy's own properties are Office's). */
const classOf = <T>(instance: object): T => (Object.getPrototypeOf(instance) as { constructor: T }).constructor;

function install(): void {
  const probe = new FakeExcel(["Probe"]);
  let protos: { named: object; tables: object; table: object; workbook: object; Range: RangeCtor; Sheet: SheetCtor; Table: TableCtor } | undefined;
  void probe.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem("Probe");
    const table = sheet.tables.add("A1:B2", true);
    protos = {
      named: Object.getPrototypeOf(context.workbook.names.getItemOrNullObject("x")),
      tables: Object.getPrototypeOf(context.workbook.tables),
      table: Object.getPrototypeOf(table),
      workbook: Object.getPrototypeOf(context.workbook),
      Range: classOf<RangeCtor>(sheet.getRange("A1")),
      Sheet: classOf<SheetCtor>(sheet),
      Table: classOf<TableCtor>(table),
    };
  });
  if (!protos) throw new Error("could not reach the fake's proxy classes");
  const { named, tables, table, workbook, Range, Sheet, Table } = protos;

  const namedRead = (named as Internals<FakeName>).read;
  Object.assign(named, {
    read(this: Internals<FakeName>, name: FakeName, prop: string): unknown {
      if (prop === "type") return name.formula.includes("#REF!") ? "Error" : nameArea(this.ctx.fake.state, name) ? "Range" : "Formula";
      return namedRead.call(this, name, prop);
    },
    getRangeOrNullObject(this: Internals<FakeName>) {
      return new Range(this.ctx, `${this.path}.range?`, () => {
        const name = this.find();
        return name && nameArea(this.ctx.fake.state, name);
      }, true);
    },
  });
  Object.defineProperty(named, "type", { get(this: Internals<FakeName>) { return this.loaded("type"); } });

  for (const prop of ["rowCount", "columnCount"]) {
    Object.defineProperty(Range.prototype, prop, { get(this: Internals<unknown>) { return this.loaded(prop); } });
  }

  Object.assign(tables, {
    getItem(this: Internals<readonly FakeTable[]>, name: string) {
      return new Table(this.ctx, `${this.path}[${name}]`, () => this.ctx.fake.state.tables.find((t) => same(t.name, name)));
    },
  });

  const tableRead = (table as Internals<FakeTable>).read;
  Object.assign(table, {
    read(this: Internals<FakeTable>, target: FakeTable, prop: string): unknown {
      if (prop === "worksheet/name") return target.sheet.name;
      if (prop === "worksheet/id") return target.sheet.id;
      return tableRead.call(this, target, prop);
    },
  });
  Object.defineProperty(table, "worksheet", {
    get(this: Internals<FakeTable>) {
      const read = (prop: string): string => this.loaded(prop) as string;
      // Loaded through the collection (`items/worksheet/name`, `…/id`), the sheet's properties read from the table's load.
      const loaded = ["worksheet/name", "worksheet/id"].some((prop) => {
        try {
          read(prop);
          return true;
        } catch {
          return false;
        }
      });
      if (!loaded) return new Sheet(this.ctx, `${this.path}.worksheet`, () => this.target().sheet);
      return {
        get name() {
          return read("worksheet/name");
        },
        get id() {
          return read("worksheet/id");
        },
      };
    },
  });
  Object.defineProperty(table, "rows", {
    get(this: Internals<FakeTable>) {
      const state = this.ctx.fake.state;
      return {
        add: (_index: number | undefined, values: unknown[][]) =>
          this.act("rows.add", values, (t) => {
            const { from, to } = t.range;
            const at = to.row - (t.showTotals ? 1 : 0) + 1;
            if (values.some((row) => row.length !== to.col - from.col + 1)) throw new FakeOfficeError("InvalidArgument", "row width does not match the table");
            const columnFormulas = calculatedColumns(t);
            shiftRows(state, t.sheet, { from: from.col, to: to.col }, at, values.length, t);
            const written: { row: number; col: number }[] = [];
            values.forEach((row, r) =>
              row.forEach((value, c) => {
                const key = cellKey(at + r, from.col + c);
                // A new row gets the formula of each calculated column it leaves blank (#1916).
                const inherited = columnFormulas[c];
                if (value === "" || value === null) {
                  if (inherited !== undefined) t.sheet.cells.set(key, { formula: inherited });
                  return;
                }
                t.sheet.cells.set(key, typeof value === "string" && value.startsWith("=") ? { formula: value } : { value: value as string });
                written.push({ row: at + r, col: from.col + c });
              }),
            );
            t.range = { from, to: { ...to, row: to.row + values.length } };
            // Formulas given for the new rows make calculated columns as a write does (#6745).
            fillCalculatedColumns(state, t.sheet, written);
          }),
        getItemAt: (index: number) => ({
          delete: () =>
            this.act(`rows[${index}].delete`, null, (t) => {
              const { from, to } = t.range;
              const row = from.row + 1 + index;
              if (row > to.row - (t.showTotals ? 1 : 0)) throw new FakeOfficeError("ItemNotFound", `table row ${index}`);
              for (let col = from.col; col <= to.col; col++) t.sheet.cells.delete(cellKey(row, col));
              shiftRows(state, t.sheet, { from: from.col, to: to.col }, row + 1, -1, t);
              t.range = { from, to: { ...to, row: to.row - 1 } };
            }),
        }),
      };
    },
  });

  Object.assign(workbook, {
    insertWorksheetsFromBase64(this: Internals<FakeWorkbookState>, base64: string, options?: { sheetNamesToInsert?: string[] }) {
      let inserted: string[] | undefined;
      this.act("insertWorksheetsFromBase64", options ?? null, (state) => {
        const snapshot = files.get(base64);
        if (!snapshot) throw new FakeOfficeError("InvalidArgument", "not a workbook file");
        inserted = insertFile(state, snapshot, options?.sheetNamesToInsert);
      });
      return {
        get value(): string[] {
          if (!inserted) throw new FakeOfficeError("PropertyNotLoaded", "ClientResult read before sync");
          return inserted;
        },
      };
    },
  });
}

install();

export { FakeExcel };
