import type { Locale } from "../contract/locale";
import { byHeaders, decodeText, emptyRegisterRequest, parseCsv, registerTable, logRegisterTable, type ExistingRegister, type ImportKind, type ImportWrite, type SourceGrid, type TextEncoding } from "../import";
import { parseAddress } from "../spec/addresses";
import { NO_NAMES } from "../spec/naming";
import type { SheetSpec } from "../spec/sheetSpec";
import { buildTemplates } from "../templates";
import { appendTableRows, readSourceGrid, readTableContents } from "../writers/office/appendRows";
import { removeSheets, writeSheets } from "../writers/office/officeWriter";
import { blobUrl } from "./templateWriter";

/**
 * The pane's import (issue 13) at the host's edge: reading a source — a part of the open workbook, or a
 * file the user picked — and the register it goes into, and writing what the user decided. Inside Excel
 * rows are appended under the workbook's register (or a new register is written with them); in the
 * preview the register is a new workbook offered as a download. exceljs and the package patch are
 * fetched only when a file is read or a download made, so the pane's first load does not grow.
 */

/** A part of the open workbook to import from. */
export type WorkbookSource = { readonly kind: "selection" } | { readonly kind: "sheet"; readonly name: string } | { readonly kind: "table"; readonly name: string };

/** What the user can point at in the open workbook. */
export interface WorkbookSources {
  readonly sheets: readonly string[];
  readonly tables: readonly string[];
}

/** A file read as a grid: an .xlsx's chosen sheet (and the sheets it has), or a CSV in the encoding found. */
export interface FileGrid {
  readonly grid: SourceGrid;
  readonly sheet?: string;
  readonly sheets: readonly string[];
  readonly encoding?: TextEncoding;
}

/** The register an import appends to, with the worksheet row (1-based) of its first data row, to name its rows as Excel does. */
export interface RegisterRead {
  readonly register: ExistingRegister;
  readonly firstRow: number;
}

/**
 * What an import into the open workbook goes into: the register of its kind (none: a new one is written)
 * and, for visits, the customer register whose IDs the log takes for the customers' names.
 */
export interface WorkbookRegisters {
  readonly target?: RegisterRead;
  readonly customers?: ExistingRegister;
}

export type ImportOutcome =
  | {
      readonly kind: "written";
      /** A new register was written (the workbook had none of this kind). */
      readonly created: boolean;
      readonly sheet: string;
      readonly table: string;
      readonly appended: number;
      readonly filled: number;
      /** The first row written, e.g. `'客户资源登记表'!A305` (the register's first cell when it was created). */
      readonly firstCell: string;
    }
  | { readonly kind: "download"; readonly fileName: string; readonly url: string; readonly sheet: string; readonly table: string; readonly appended: number };

/** The sheets and tables of the open workbook, in one sync. */
export async function listWorkbookSources(): Promise<WorkbookSources> {
  return Excel.run(async (context) => {
    const sheets = context.workbook.worksheets.load("items/name");
    const tables = context.workbook.tables.load("items/name");
    await context.sync();
    return { sheets: sheets.items.map((s) => s.name), tables: tables.items.map((t) => t.name) };
  });
}

/** The grid of a part of the open workbook, and where it was read (`'Sheet1'!A1:J9`: the used cells). */
export async function readWorkbookSource(source: WorkbookSource): Promise<{ readonly grid: SourceGrid; readonly address: string }> {
  return Excel.run((context) => readSourceGrid(context, source));
}

/**
 * The workbook's register of `kind` as it stands (the newest, as the templates find theirs), and for visits
 * the customer register that log reads (`logRegisterTable`): one sync lists the tables and names, one
 * reads each register.
 */
export async function readRegistersInWorkbook(kind: ImportKind): Promise<WorkbookRegisters> {
  return Excel.run(async (context) => {
    const tables = context.workbook.tables.load("items/name");
    const workbookNames = kind === "visits" ? context.workbook.names.load("items/name,items/formula") : undefined;
    await context.sync();
    const names = { ...NO_NAMES, tables: tables.items.map((t) => t.name) };
    const read = async (table: string): Promise<RegisterRead> => {
      // Loaded with the contents, in their sync.
      const body = context.workbook.tables.getItem(table).getDataBodyRange().load("address");
      const contents = await readTableContents(context, table);
      return { register: { table, ...contents }, firstRow: parseAddress(body.address).range.from.row + 1 };
    };
    const table = registerTable(kind, names);
    const customers =
      kind !== "visits" ? undefined : table === undefined ? registerTable("customers", names) : logRegisterTable(table, (workbookNames?.items ?? []).map((n) => ({ name: n.name, formula: String(n.formula) })), names);
    return {
      ...(table === undefined ? {} : { target: await read(table) }),
      ...(customers === undefined ? {} : { customers: (await read(customers)).register }),
    };
  });
}

/**
 * Writes what the user decided into the open workbook and shows it: appended under `target`'s rows (and
 * the blank cells of merged rows filled), or — when the workbook has no register of this kind — a new
 * register holding the rows. Either way a failure leaves the workbook as it was (the writers undo).
 */
export async function importIntoWorkbook(kind: ImportKind, write: ImportWrite, registers: WorkbookRegisters, locale: Locale, year: number): Promise<ImportOutcome> {
  const { target } = registers;
  if (target === undefined) {
    // The register written empty, then the rows appended as into any register: Excel fills the calculated
    // columns of the rows it adds, so 50 000 rows take a handful of requests instead of one per 4 MB of
    // formulas. If the rows fail to go in, the new register goes again: nothing is left half-written.
    return Excel.run(async (context) => {
      let specs: readonly SheetSpec[] = [];
      const result = await writeSheets(context, (existing) => (specs = buildTemplates([emptyRegisterRequest(kind, year)], { locale, existing })));
      const tables = specs.flatMap((s) => s.tables);
      const table = registerTable(kind, { ...NO_NAMES, tables: tables.map((t) => t.name) }) ?? "";
      const headers = tables.find((t) => t.name === table)?.columns.map((c) => c.header) ?? [];
      try {
        const appended = await appendTableRows(context, { table, ...byHeaders(kind, headers, write) });
        return { kind: "written", created: true, sheet: result.sheets[0], table, appended: appended.appended, filled: 0, firstCell: result.firstCell };
      } catch (error) {
        await removeSheets(context, specs);
        throw error;
      }
    });
  }
  const { table, sheet, headers } = target.register;
  return Excel.run(async (context) => {
    const result = await appendTableRows(context, { table, ...byHeaders(kind, headers, write) });
    // The first appended row (or the first filled one), activated and selected, with its address for the message.
    const shown = result.appended > 0 ? result.firstRow : (write.fill[0]?.index ?? 0);
    const cell = context.workbook.tables.getItem(table).getDataBodyRange().getCell(shown, 0).load("address");
    context.workbook.worksheets.getItem(sheet).activate();
    cell.select();
    await context.sync();
    return { kind: "written", created: false, sheet, table, appended: result.appended, filled: result.filled, firstCell: cell.address };
  });
}

/**
 * The preview's import: a new workbook holding the register with the rows, as a download. The register is
 * written empty by the xlsx writer and the rows appended by the package patch (ooxml/appendRows.ts):
 * exceljs takes about a minute for 50 000 rows, the patch seconds.
 */
export async function importToDownload(kind: ImportKind, write: ImportWrite, locale: Locale, year: number): Promise<ImportOutcome> {
  const [{ writeXlsx }, { XlsxPackage }, append] = await Promise.all([
    import(/* webpackChunkName: "xlsx" */ "../writers/xlsx"),
    import(/* webpackChunkName: "xlsx" */ "../writers/ooxml/package"),
    import(/* webpackChunkName: "xlsx" */ "../writers/ooxml/appendRows"),
  ]);
  const specs = buildTemplates([emptyRegisterRequest(kind, year)], { locale, existing: NO_NAMES });
  const table = registerTable(kind, { ...NO_NAMES, tables: specs.flatMap((s) => s.tables.map((t) => t.name)) });
  if (table === undefined) throw new Error(`the ${kind} template wrote no register table`);
  const pkg = await XlsxPackage.load(await writeXlsx(specs));
  const { rows } = byHeaders(kind, (await append.readTableContents(pkg, table)).headers, write);
  const result = await append.appendTableRows(pkg, { table, rows });
  const sheet = specs[0].name;
  return { kind: "download", fileName: `${sheet}.xlsx`, url: blobUrl(await pkg.save()), sheet, table, appended: result.appended };
}

/** A file the user picked: a CSV (UTF-8 or GB18030, found from its bytes) or a sheet of an .xlsx (the first unless named). */
export async function readSourceFile(name: string, bytes: Uint8Array, sheet?: string): Promise<FileGrid> {
  if (name.toLowerCase().endsWith(".csv")) {
    const { text, encoding } = decodeText(bytes);
    return { grid: parseCsv(text), sheets: [], encoding };
  }
  const { readSourceGrid: readXlsx } = await import(/* webpackChunkName: "xlsx" */ "../writers/xlsx/sourceGrid");
  return readXlsx(bytes, sheet, name);
}

