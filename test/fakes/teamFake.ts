import ExcelJS from "exceljs";
import type { RangeRef } from "../../src/spec/sheetSpec";
import { parseAddress } from "../../src/spec/addresses";
import { unescapeXml } from "../../src/writers/ooxml";
import { loadablePackage, preservedParts } from "../support/exceljsPackage";
import { FakeExcel, FakeOfficeError, nameArea, type FakeCell, type FakeName, type FakeSheet, type FakeTable, type FakeWorkbookState } from "./fakeExcel";

/**
 * What the team features need from the fake Excel beyond what the template writer uses, added to
 * the fake's proxies here (that file is another engineer's; its proxy classes are private, so they
 * are reached through instances and extended on their prototypes, once, when this module loads):
 *
 * - `NamedItem.type`, `NamedItem.getRangeOrNullObject()` (a #REF! name gives a null range) and `NamedItem.getRange()`
 *   (which throws for a name that is not a range);
 * - `Table.worksheet` (loadable as `items/worksheet/name` and `items/worksheet/id`);
 * - `Workbook.insertWorksheetsFromBase64(base64, options)` for files registered with
 *   `registerWorkbookFile` (parsed beforehand, since a batch applies synchronously). It behaves as
 *   Excel is reported to (OfficeDev/office-js#3583): sheets and tables are copied (a taken sheet
 *   name becomes "Name (2)", a taken table name gets a number, and the copied formulas follow),
 *   but workbook names arrive broken (`=#REF!`) — or not at all when the name exists already.
 *   It resolves to the new worksheets' IDS, not their names — @types/office-js
 *   `Workbook.insertWorksheetsFromBase64`: "@returns An array of IDs corresponding to each newly
 *   inserted worksheet" — GUID-like strings (`FakeSheet.id`) that `worksheets.getItem` accepts.
 *
 * (`Table.rows` and `TableCollection.getItem` are the fake's own, in fakeExcel.ts.) Simplification:
 * sheet `values` of copied cells are literal values only.
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

const cellKey = (row: number, col: number): string => `${row},${col}`;
const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

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
  let protos: { named: object; table: object; workbook: object; Range: RangeCtor; Sheet: SheetCtor } | undefined;
  void probe.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem("Probe");
    const table = sheet.tables.add("A1:B2", true);
    protos = {
      named: Object.getPrototypeOf(context.workbook.names.getItemOrNullObject("x")),
      table: Object.getPrototypeOf(table),
      workbook: Object.getPrototypeOf(context.workbook),
      Range: classOf<RangeCtor>(sheet.getRange("A1")),
      Sheet: classOf<SheetCtor>(sheet),
    };
  });
  if (!protos) throw new Error("could not reach the fake's proxy classes");
  const { named, table, workbook, Range, Sheet } = protos;

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
    // NamedItem.getRange (ExcelApi 1.3): "Returns the range object that is associated with the name. Throws an
    // error if the named item's type isn't a range" (learn.microsoft.com/javascript/api/excel/excel.nameditem#excel-excel-nameditem-getrange-member(1)).
    getRange(this: Internals<FakeName>) {
      return new Range(this.ctx, `${this.path}.range`, () => {
        const name = this.find();
        const area = name && nameArea(this.ctx.fake.state, name);
        if (!area) throw new FakeOfficeError("InvalidArgument", `name ${name?.name ?? "?"} is not a range`);
        return area;
      });
    },
  });
  Object.defineProperty(named, "type", { get(this: Internals<FakeName>) { return this.loaded("type"); } });

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
