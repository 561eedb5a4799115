import type { ExistingNames, NotADate, RangeRef, SheetSpec } from "../../spec/sheetSpec";
import { sheetExtent } from "../layout";
import { intersects, parseAddress, qualifiedAddress } from "../../spec/addresses";
import { runBatches, type Step } from "./chunking";
import { excelCode, OfficeWriteError, type OccupiedBy } from "./errors";
import { sheetSteps, type SheetSteps } from "./sheetSteps";
import { holidayTableOf, isHolidayTable } from "../holidayTables";
import { definedNamesOf, isTemplateTable } from "../../spec/naming";

/**
 * Writes template SheetSpecs into the open workbook through the Excel JavaScript API.
 *
 * Round trips, whatever the row count: one sync reads the workbook's sheet, table and name lists
 * (the builder picks free names from them, so nothing is ever overwritten), one more reads the
 * workbook's 节假日 tables when it has any (their dates are the calendar a template plans with), one
 * sync commits everything; inserting into the active sheet always adds one sync to check the target area.
 * Only data beyond ~4 MB costs extra commit syncs (Excel on the web rejects requests over 5 MB).
 * Calculation is suspended for every commit batch. If a commit fails, everything this write
 * created is removed again and an OfficeWriteError is thrown.
 *
 * The caller owns `Excel.run`, so these functions take a RequestContext (and tests pass a fake).
 */

export type BuildSheets = (existing: ExistingNames) => readonly SheetSpec[];

export interface WriteResult {
  /** Names of the sheets written, the template's main sheet first. */
  readonly sheets: readonly string[];
  /** Where the main sheet's content starts, e.g. `'周计划-张三-2026W48'!A1`, for the task pane to select. */
  readonly firstCell: string;
  /** Cells of the workbook's 节假日 tables that hold no date and so were not counted, for the pane to name. */
  readonly notDates: readonly NotADate[];
}

const notDatesOf = (existing: ExistingNames): NotADate[] => (existing.holidayTables ?? []).flatMap((t) => t.notDates ?? []);

/** Writes every spec to a new sheet. */
export async function writeSheets(context: Excel.RequestContext, build: BuildSheets): Promise<WriteResult> {
  const existing = await loadExisting(context);
  const specs = build(existing);
  assertFree(specs, specs, existing);
  await addSheets(context, specs);
  return { sheets: specs.map((s) => s.name), firstCell: firstCell(specs[0].name, specs[0]), notDates: notDatesOf(existing) };
}

/**
 * Adds each spec as a new sheet and commits them, without reading the workbook first: the caller
 * has made sure the names are free. If a commit fails, the sheets and names are removed again.
 */
export async function addSheets(context: Excel.RequestContext, specs: readonly SheetSpec[]): Promise<void> {
  const targets = specs.map((spec) => ({ spec, sheet: context.workbook.worksheets.add(spec.name), ownsSheet: true }));
  const sheets = specs.map((s) => s.name);
  await commit(context, targets, () => removeSheets(context, specs, sheets));
}

/**
 * Removes the sheets and names `specs` created — when a commit fails, or a later step of the same
 * operation does (an import whose rows could not go into the register it has just written).
 */
export async function removeSheets(context: Excel.RequestContext, specs: readonly SheetSpec[], sheets: readonly string[] = specs.map((s) => s.name)): Promise<void> {
  await undo(context, () => {
    const items = createdItems(context, specs, sheets);
    return () => items;
  });
}

/**
 * Writes the main spec into the active sheet at the spec's own positions (and any companion
 * specs, e.g. a settings sheet, to new sheets), in 3 syncs: names, the check, the commit (4 when the
 * workbook has 节假日 tables to read). Refuses
 * with `targetNotEmpty` unless the area is wholly empty — no value or formula, table, merged cell,
 * cell format, data validation or conditional format — so that undoing a failed write, which
 * clears the area, can only remove what this write put there. Sheet-wide settings of the user's
 * sheet (widths, freeze panes, print setup, tab colour) are left alone.
 */
export async function insertIntoActiveSheet(context: Excel.RequestContext, build: BuildSheets): Promise<WriteResult> {
  const active = context.workbook.worksheets.getActiveWorksheet().load("name");
  const tablesBefore = active.tables.load("items/name");
  const chartsBefore = active.charts.load("items/name");
  const existing = await loadExisting(context);
  const specs = build(existing);
  const [main, ...companions] = specs;
  assertFree(companions, specs, existing);
  const area = sheetExtent(main);
  await assertEmpty(context, active, area, tablesBefore.items);

  const targets = [
    { spec: main, sheet: active, ownsSheet: false },
    ...companions.map((spec) => ({ spec, sheet: context.workbook.worksheets.add(spec.name), ownsSheet: true })),
  ];
  const sheets = companions.map((s) => s.name);
  const before = { tables: names(tablesBefore.items), charts: names(chartsBefore.items) };
  await commit(context, targets, () => undoInsert(context, { specs, sheets, active, area, before }));
  return { sheets: [active.name, ...sheets], firstCell: firstCell(active.name, main), notDates: notDatesOf(existing) };
}

const names = (items: readonly { readonly name: string }[]): Set<string> => new Set(items.map((i) => i.name));

/**
 * Undoes an insert: new names and sheets as for a new-sheet write; tables and charts that are new
 * on the active sheet (they get their names in a second call after being added, so a batch that
 * failed in between leaves them with default names); and the area's contents, formats, merges,
 * validation and conditional formats — `assertEmpty` found none of these there before the write,
 * so clearing the area removes only what this write put there.
 */
async function undoInsert(
  context: Excel.RequestContext,
  write: {
    readonly specs: readonly SheetSpec[];
    readonly sheets: readonly string[];
    readonly active: Excel.Worksheet;
    readonly area: RangeRef;
    readonly before: { readonly tables: Set<string>; readonly charts: Set<string> };
  },
): Promise<void> {
  const { active, before } = write;
  await undo(context, () => {
    const items = createdItems(context, write.specs, write.sheets);
    const tables = active.tables.load("items/name");
    const charts = active.charts.load("items/name");
    return () => [
      ...items,
      ...tables.items.filter((t) => !before.tables.has(t.name)),
      ...charts.items.filter((c) => !before.charts.has(c.name)),
    ];
  });
  const range = rangeOf(active, write.area);
  range.clear();
  range.unmerge();
  range.conditionalFormats.clearAll();
  range.dataValidation.clear();
  await context.sync();
}

/**
 * The workbook's sheet, table and name lists and its template tables' column names in one sync, and —
 * in one more, only when the workbook has any — its 节假日 tables' dates, which the templates plan with
 * (holidayTables.ts). The column names come with the table list (a navigation path in the same load),
 * because a template's formulas over another template's table name its columns as the workbook has them.
 */
async function loadExisting(context: Excel.RequestContext): Promise<ExistingNames> {
  const sheets = context.workbook.worksheets.load("items/name");
  const tables = context.workbook.tables.load("items/name,items/columns/items/name");
  const names = context.workbook.names.load("items/name");
  await context.sync();
  const tableColumns = tables.items.filter((t) => isTemplateTable(t.name)).map((t) => ({ table: t.name, columns: t.columns.items.map((c) => c.name) }));
  const listed = {
    sheets: sheets.items.map((s) => s.name),
    tables: tables.items.map((t) => t.name),
    names: names.items.map((n) => n.name),
    ...(tableColumns.length > 0 ? { tableColumns } : {}),
  };
  const holidays = tables.items.filter((t) => isHolidayTable(t.name));
  if (holidays.length === 0) return listed;
  // The columns' names rather than the header row's cells: the names are what a formula's structured
  // reference must use, and they are there even when the user hides the header row.
  const read = holidays.map((table) => ({
    table: table.name,
    columns: table.columns.items.map((c) => c.name),
    body: table.getDataBodyRange().load("values,address"),
  }));
  await context.sync();
  const holidayTables = read.flatMap(({ table, columns, body }) => {
    const { sheet = "", range } = parseAddress(body.address);
    const found = holidayTableOf({ table, sheet, bodyAt: range.from, headers: columns, body: body.values });
    return found ? [found] : [];
  });
  return { ...listed, holidayTables };
}

/**
 * Guards against a builder that did not pick free names, before anything is written (Excel would
 * fail half-way instead). Sheets have their own namespace; tables and defined names share one.
 */
function assertFree(newSheets: readonly SheetSpec[], specs: readonly SheetSpec[], existing: ExistingNames): void {
  const clash =
    firstTaken(newSheets.map((s) => s.name), existing.sheets) ??
    firstTaken(specs.flatMap(ownNames), [...existing.tables, ...existing.names]);
  if (clash !== undefined) throw new OfficeWriteError("nameTaken", { name: clash });
}

/** The first of `wanted` that is in `taken` or repeats an earlier one, ignoring case like Excel. */
function firstTaken(wanted: readonly string[], taken: readonly string[]): string | undefined {
  const seen = new Set(taken.map((n) => n.toLowerCase()));
  for (const name of wanted) {
    if (seen.has(name.toLowerCase())) return name;
    seen.add(name.toLowerCase());
  }
  return undefined;
}

/** Table and defined names a spec creates (they share one namespace in Excel). */
const ownNames = (spec: SheetSpec): string[] => [...spec.tables.map((t) => t.name), ...definedNamesOf(spec)];

const rangeOf = (sheet: Excel.Worksheet, area: RangeRef): Excel.Range =>
  sheet.getRangeByIndexes(area.from.row, area.from.col, area.to.row - area.from.row + 1, area.to.col - area.from.col + 1);

function firstCell(sheet: string, spec: SheetSpec): string {
  const { from } = sheetExtent(spec);
  return qualifiedAddress(sheet, { from, to: from });
}

/**
 * One sync: refuses with `targetNotEmpty`, naming where and what, unless `area` holds nothing at
 * all. Values and formulas are reported first, then tables, merged cells, cell formats (fill, font,
 * borders, number format: what makes a cell "used" besides a value, Range.getUsedRange), then
 * data validation and conditional formats — for these two Excel reports only that the area has
 * some (DataValidation.type, ConditionalFormatCollection.getCount), so the area is named.
 * `getMergedAreasOrNullObject` needs ExcelApi 1.13, which Excel 2002–2101 builds with the shared
 * runtime lack (excel-api-requirement-sets): there the write is refused (`targetUncheckable`) rather
 * than risk merging over — and on a failed write unmerging — the user's merged cells.
 */
async function assertEmpty(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  area: RangeRef,
  tables: readonly Excel.Table[],
): Promise<void> {
  if (!canReadMergedAreas()) throw new OfficeWriteError("targetUncheckable", { target: qualifiedAddress(sheet.name, area) });
  const range = rangeOf(sheet, area);
  const values = range.getUsedRangeOrNullObject(true).load("address");
  const formatted = range.getUsedRangeOrNullObject(false).load("address");
  const merged = range.getMergedAreasOrNullObject().load("address");
  const validation = range.dataValidation.load("type");
  const conditionalFormats = range.conditionalFormats.getCount();
  const tableRanges = tables.map((t) => t.getRange().load("address"));
  await context.sync();
  // eslint-disable-next-line office-addins/load-object-before-read -- a ClientResult (getCount), read after the sync above
  const conditionalFormatCount = conditionalFormats.value;
  const target = qualifiedAddress(sheet.name, area);
  const found: [OccupiedBy, string | undefined][] = [
    ["values", values.isNullObject ? undefined : values.address],
    ["table", tableRanges.find((r) => intersects(parseAddress(r.address).range, area))?.address],
    ["mergedCells", merged.isNullObject ? undefined : merged.address],
    ["formats", formatted.isNullObject ? undefined : formatted.address],
    ["validation", validation.type === "None" ? undefined : target],
    ["conditionalFormats", conditionalFormatCount === 0 ? undefined : target],
  ];
  const clash = found.find(([, where]) => where !== undefined);
  if (clash) throw new OfficeWriteError("targetNotEmpty", { target, occupied: clash[1], occupiedBy: clash[0] });
}

/** Outside Office (the fake in tests) the API is whatever the fake models. */
export const canReadMergedAreas = (): boolean =>
  typeof Office === "undefined" || Office.context?.requirements?.isSetSupported("ExcelApi", "1.13") !== false;

interface Target {
  readonly spec: SheetSpec;
  readonly sheet: Excel.Worksheet;
  readonly ownsSheet: boolean;
}

/** Queues all sheets' structure, then their columns' names, then all content, in as few size-limited batches as possible. */
async function commit(context: Excel.RequestContext, targets: readonly Target[], cleanup: () => Promise<void>): Promise<void> {
  const perSheet: SheetSteps[] = targets.map(({ spec, sheet, ownsSheet }) => sheetSteps({ context, sheet, ownsSheet }, spec));
  const steps: Step[] = [...perSheet.flatMap((s) => s.structure), ...perSheet.flatMap((s) => s.columnNames), ...perSheet.flatMap((s) => s.content)];
  try {
    await runBatches(context, steps);
  } catch (error) {
    try {
      await cleanup();
    } catch (cleanupError) {
      throw new OfficeWriteError("cleanupFailed", { excelCode: excelCode(error), leftovers: leftovers(targets) }, cleanupError);
    }
    throw new OfficeWriteError("writeFailed", { excelCode: excelCode(error) }, error);
  }
}

const leftovers = (targets: readonly Target[]): string[] =>
  targets.flatMap(({ spec, ownsSheet }) => [...(ownsSheet ? [spec.name] : []), ...ownNames(spec)]);

interface Deletable {
  readonly isNullObject: boolean;
  delete(): void;
}

/**
 * The defined names and new sheets a write creates, looked up by name. Names are deleted
 * explicitly because Excel keeps a deleted sheet's names, pointing at #REF!; tables and charts
 * on a new sheet go with it.
 */
const createdItems = (context: Excel.RequestContext, specs: readonly SheetSpec[], sheets: readonly string[]): Deletable[] => [
  ...specs.flatMap((s) => definedNamesOf(s).map((n) => context.workbook.names.getItemOrNullObject(n))),
  ...sheets.map((s) => context.workbook.worksheets.getItemOrNullObject(s)),
];

/**
 * Removes exactly what this write created. `find` queues the lookups and returns what to delete
 * once they are synced: the failed batch may have stopped before creating an item, and deleting a
 * missing item would fail again.
 */
async function undo(context: Excel.RequestContext, find: () => () => Deletable[]): Promise<void> {
  const deletables = find();
  await context.sync();
  for (const item of deletables()) if (!item.isNullObject) item.delete();
  await context.sync();
}
