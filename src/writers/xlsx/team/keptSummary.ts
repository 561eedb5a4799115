import { a1 } from "../../../spec/a1";
import { parseAddress } from "../../../spec/addresses";
import type { CellRef, CellSpec, CellValue, RangeRef, SheetSpec, TableRow } from "../../../spec/sheetSpec";
import { TeamError } from "../../../team/errors";
import { blockTableName, meetingsTableName, SUMMARY_ORIGIN } from "../../../templates/team/rollupSheet";
import { BLOCK_GAP, CAPTION_ROWS, isBlockCaption, stagesTableName } from "../../../templates/team/projectsBlock";
import { tableLayout } from "../../layout";
import { cellFormatCodes, cellValue, sharedStrings, sheetCells, tableParts, type TablePart, type XlsxPackage } from "../../ooxml";
import { readTableContents } from "../../ooxml/appendRows";

/**
 * What the offline roll-up keeps of the summary sheet it rebuilds (`sales-planner rollup` into a team
 * workbook that already has one): the rows of its 周工作会记录 table, and every other cell the manager
 * typed on the sheet — value, or formula as typed, with its number format — where Excel would have it after an in-place
 * refresh: a cell under a block's columns and below it moves by the rows that block gained or lost (as
 * table rows inserted or deleted move only the cells under the table), any other cell stays where it is.
 * Not kept: the cells' other formatting (fonts, fills, borders, alignment), column widths, merges, comments, validations and
 * conditional formats the manager added on that sheet; a formula's A1 references are not adjusted.
 * A kept cell that would land in a table or caption of the rebuilt summary stops the roll-up with
 * `TeamError("summaryNotesInTheWay")`, naming the cells, before anything is written.
 */

/** The old summary sheet as read from the team workbook, before it is removed. */
export interface OldSummary {
  readonly key: string;
  readonly sheet: string;
  /** The add-in's tables on it (blocks, 项目进度, meetings), as their parts state them. */
  readonly tables: readonly TablePart[];
  /** Every cell holding a value or a formula, with its number format unless General. */
  readonly cells: readonly { readonly at: CellRef; readonly value: CellValue; readonly formula?: string; readonly numberFormat?: string }[];
  /** The meeting table's data rows, in column order; undefined when the table is gone. */
  readonly meetings?: readonly (readonly CellValue[])[];
}

/** The meeting table's columns, in the order `buildSummarySheet` writes them. */
const MEETING_KEYS = ["date", "attendees", "decisions", "owner", "due"] as const;

export async function readOldSummary(pkg: XlsxPackage, key: string, sheet: string): Promise<OldSummary> {
  const own = new Set([blockTableName(key, "weekly"), blockTableName(key, "monthly"), stagesTableName(key), meetingsTableName(key)].map((n) => n.toLowerCase()));
  const tables = (await tableParts(pkg, (name) => own.has(name.toLowerCase()))).filter((t) => t.sheet === sheet);
  const path = (await pkg.sheets()).find((s) => s.name === sheet)?.path;
  const xml = path === undefined ? undefined : await pkg.text(path);
  const formats = await cellFormatCodes(pkg);
  const cells = xml === undefined ? [] : [...sheetCells(xml, await sharedStrings(pkg))].flatMap(([address, cell]) => {
    const value = cellValue(cell);
    if (cell.formula === undefined && value === null) return [];
    const numberFormat = formats[cell.style ?? 0] ?? "General";
    return [{ at: parseAddress(address).range.from, value, ...(cell.formula !== undefined ? { formula: cell.formula } : {}), ...(numberFormat !== "General" ? { numberFormat } : {}) }];
  });
  const meetings = tables.some((t) => t.name.toLowerCase() === meetingsTableName(key).toLowerCase()) ? (await readTableContents(pkg, meetingsTableName(key))).rows : undefined;
  return { key, sheet, tables, cells, ...(meetings ? { meetings } : {}) };
}

/** The meeting rows to write again: each row's values by column (blank cells left out), every row kept, blank ones too. */
export const keptMeetings = (old: OldSummary): TableRow[] | undefined =>
  old.meetings?.map((row) => Object.fromEntries(MEETING_KEYS.flatMap((key, i) => (row[i] === null || row[i] === undefined ? [] : [[key, row[i]]]))));

const inside = (at: CellRef, range: RangeRef): boolean => at.row >= range.from.row && at.row <= range.to.row && at.col >= range.from.col && at.col <= range.to.col;
const spans = (at: CellRef, range: RangeRef): boolean => at.col >= range.from.col && at.col <= range.to.col;

/**
 * The rebuilt summary with what `old` kept: `build(origin)` is the summary as rolled up now, with its
 * 项目进度 block (if any) at `origin` (omitted: the default place). The block stays where it was
 * relative to the weekly table; a block added now goes below the manager's cells under the weekly table.
 */
export function withKept(old: OldSummary, build: (blockOrigin?: CellRef) => SheetSpec): SheetSpec {
  const oldTable = (name: string): TablePart | undefined => old.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
  const weeklyName = blockTableName(old.key, "weekly");
  const first = build();
  const newTable = (spec: SheetSpec, name: string) => {
    const table = spec.tables.find((t) => t.name === name);
    return table && tableLayout(table).whole;
  };
  const growth = (spec: SheetSpec, name: string): number => {
    const before = oldTable(name)?.range;
    const after = newTable(spec, name);
    return before && after ? after.to.row - after.from.row - (before.to.row - before.from.row) : 0;
  };
  // The add-in's own cells of the old sheet: its tables (the meeting table's five columns), its
  // title, record and captions above the tables, and the 项目进度 block's caption.
  const stages = oldTable(stagesTableName(old.key));
  const ownRanges = old.tables.map((t) =>
    t.name.toLowerCase() === meetingsTableName(old.key).toLowerCase() ? { from: t.range.from, to: { row: t.range.to.row, col: t.range.from.col + MEETING_KEYS.length - 1 } } : t.range,
  );
  const fixed = new Set(first.cells.filter((c) => c.at.row < SUMMARY_ORIGIN.row).map((c) => a1(c.at)));
  // The block's caption is rewritten where the block stays; where it goes (no tracker now), only the
  // add-in's own words go with it, as in Excel (refresh.ts `planBlock`).
  const blockStays = first.tables.some((t) => t.name === stagesTableName(old.key));
  const captionPart = (at: CellRef): "title" | "note" | undefined =>
    stages && at.col === stages.range.from.col && at.row >= stages.range.from.row - CAPTION_ROWS && at.row < stages.range.from.row
      ? at.row === stages.range.from.row - CAPTION_ROWS ? "title" : "note"
      : undefined;
  const ownCaption = (cell: OldSummary["cells"][number]): boolean => {
    const part = captionPart(cell.at);
    return part !== undefined && (blockStays || isBlockCaption(part, cell.value));
  };
  const manager = old.cells.filter((cell) => !ownRanges.some((range) => inside(cell.at, range)) && !fixed.has(a1(cell.at)) && !ownCaption(cell));

  const weekly = oldTable(weeklyName);
  const weeklyGrowth = growth(first, weeklyName);
  // The block where the refresh in Excel keeps it, or — new — under what the manager typed below the weekly table.
  const lowest = weekly ? Math.max(weekly.range.to.row + weeklyGrowth, ...manager.filter((c) => spans(c.at, weekly.range) && c.at.row > weekly.range.to.row).map((c) => c.at.row + weeklyGrowth)) : undefined;
  const origin = stages ? { row: stages.range.from.row - CAPTION_ROWS + weeklyGrowth, col: stages.range.from.col } : lowest !== undefined ? { row: lowest + BLOCK_GAP, col: SUMMARY_ORIGIN.col } : undefined;
  const spec = build(origin);
  const moved = (at: CellRef): CellRef => ({
    row: at.row + [weeklyName, blockTableName(old.key, "monthly"), stagesTableName(old.key)].reduce((sum, name) => {
      const range = oldTable(name)?.range;
      return range && spans(at, range) && at.row > range.to.row ? sum + growth(spec, name) : sum;
    }, 0),
    col: at.col,
  });
  const kept: CellSpec[] = manager.map((cell) => ({
    at: moved(cell.at),
    ...(cell.formula !== undefined ? { formula: cell.formula } : { value: cell.value }),
    ...(cell.numberFormat !== undefined ? { numberFormat: cell.numberFormat } : {}),
  }));
  const taken = new Set(spec.cells.map((c) => a1(c.at)));
  const ranges = spec.tables.map((t) => tableLayout(t).whole);
  // Named where the manager sees them now.
  const blocked = manager.filter((_, i) => taken.has(a1(kept[i].at)) || ranges.some((range) => inside(kept[i].at, range)));
  if (blocked.length > 0) throw new TeamError("summaryNotesInTheWay", { sheet: old.sheet, detail: blocked.map((cell) => a1(cell.at)).join(", ") });
  return { ...spec, cells: [...spec.cells, ...kept] };
}
