import { a1 } from "../../../spec/a1";
import { parseAddress } from "../../../spec/addresses";
import type { CellRef, CellSpec, CellValue, RangeRef, SheetSpec, TableRow } from "../../../spec/sheetSpec";
import { TeamError, type SummaryExtra } from "../../../team/errors";
import { blockTableName, buildSummarySheet, meetingsTableName, SUMMARY_ORIGIN } from "../../../templates/team/rollupSheet";
import { teamStrings } from "../../../templates/team/strings";
import { LOCALES } from "../../../contract/locale";
import { BLOCK_GAP, CAPTION_ROWS, isBlockCaption, stagesTableName } from "../../../templates/team/projectsBlock";
import { tableLayout } from "../../layout";
import { attr, cellFormatCodes, cellValue, elements, escapeXml, openTags, REL, sharedStrings, sheetCells, tableParts, type TablePart, type XlsxPackage } from "../../ooxml";
import { readTableContents } from "../../ooxml/appendRows";

/**
 * What the offline roll-up keeps of the summary sheet it rebuilds (`sales-planner rollup` into a team
 * workbook that already has one): the rows of its 周工作会记录 table, and every other cell the manager
 * typed on the sheet — value, or formula as typed, with its number format — where Excel would have it after an in-place
 * refresh: a cell under a block's columns and below it moves by the rows that block gained or lost (as
 * table rows inserted or deleted move only the cells under the table), any other cell stays where it is.
 * Not kept: the cells' other formatting (fonts, fills, borders, alignment) and the column widths — the roll-up says so
 * (`RollupReport.rebuilt`); a formula's A1 references are not adjusted. Comments, merges, tables, drawings, validations
 * and conditional formats the add-in did not make stop the roll-up (`TeamError("summaryExtras")`) before anything is written. A formula filled
 * down (Excel saves it shared) is kept in each cell as that cell reads it (`sheetCells`). A formula in the meeting
 * table stops the roll-up with `TeamError("meetingFormulas")`, naming the cells.
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
  const onSheet = (await tableParts(pkg, () => true)).filter((t) => t.sheet === sheet);
  const tables = onSheet.filter((t) => own.has(t.name.toLowerCase()));
  const path = (await pkg.sheets()).find((s) => s.name === sheet)?.path;
  const xml = path === undefined ? undefined : await pkg.text(path);
  if (path !== undefined && xml !== undefined) {
    const extras = await notTheAddIns(pkg, { key, sheet, path, xml, tables, foreignTables: onSheet.filter((t) => !own.has(t.name.toLowerCase())) });
    if (extras.length > 0) throw new TeamError("summaryExtras", { sheet, extras });
  }
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

/**
 * What the rebuild would drop of the old summary sheet that the add-in did not put there: the rebuild
 * writes the sheet anew from its spec, so anything else on it would be lost. The add-in's own are its
 * tables, the merge of its record cells (as `buildSummarySheet` writes them), conditional formats and
 * validations over its tables only, and its two charts (recognised by their titles, in either language,
 * which LibreOffice keeps in the chart part when it saves).
 */
async function notTheAddIns(
  pkg: XlsxPackage,
  old: { key: string; sheet: string; path: string; xml: string; tables: readonly TablePart[]; foreignTables: readonly TablePart[] },
): Promise<SummaryExtra[]> {
  const extras: SummaryExtra[] = [];
  const rels = await pkg.targets(old.path);
  if (rels.some((r) => /\/(comments|threadedComment|vmlDrawing)$/.test(r.type)) || /<legacyDrawing\b/.test(old.xml)) extras.push("comments");
  const spec = buildSummarySheet([], { key: old.key, sheet: old.sheet }, "zh-CN");
  // The record's value is merged across as many columns as their widths need (which the 项目进度 block
  // changes): one row from the same cell.
  const ownMerges = new Set(spec.merges.map((m) => a1(m.from)));
  const ownMerge = (ref: string): boolean => {
    const { range } = parseAddress(ref);
    return ownMerges.has(a1(range.from)) && range.to.row === range.from.row;
  };
  if (openTags(old.xml, "mergeCell").some((m) => !ownMerge(attr(m, "ref") ?? ""))) extras.push("merges");
  if (old.foreignTables.length > 0) extras.push("tables");
  const drawing = rels.find((r) => r.type === REL.drawing);
  if (drawing !== undefined) {
    const titles = LOCALES.flatMap((l) => Object.values(teamStrings(l).summary.chartTitle)).map(escapeXml);
    const charts = await pkg.targets(drawing.path);
    const drawingXml = (await pkg.text(drawing.path)) ?? "";
    const anchors = ["xdr:twoCellAnchor", "xdr:oneCellAnchor", "xdr:absoluteAnchor"].flatMap((tag) => elements(drawingXml, tag).map(([a]) => a));
    for (const anchor of anchors) {
      const chart = charts.find((r) => r.id === /<c:chart\b[^>]*\br:id="([^"]+)"/.exec(anchor)?.[1] && r.type === REL.chart);
      const text = chart && ((await pkg.text(chart.path)) ?? "");
      if (text === undefined || !titles.some((t) => text.includes(t))) {
        extras.push("drawings");
        break;
      }
    }
  }
  // A range the add-in formats or validates lies within one of its tables, or, for a table of its own
  // converted to a range (its validations stay on the cells), under the columns where the rebuild puts it again.
  const present = new Set(old.tables.map((t) => t.name.toLowerCase()));
  const bands = spec.tables.filter((t) => !present.has(t.name.toLowerCase())).map((t) => tableLayout(t).whole).map((w) => ({ from: w.from, to: { row: Number.MAX_SAFE_INTEGER, col: w.to.col } }));
  const ours = (sqref: string | undefined): boolean =>
    (sqref ?? "").split(/\s+/).every((ref) => {
      const { range } = parseAddress(ref);
      return [...old.tables.map((t) => t.range), ...bands].some((area) => inside(range.from, area) && inside(range.to, area));
    });
  if (openTags(old.xml, "dataValidation").some((v) => !ours(attr(v, "sqref")))) extras.push("validations");
  if (openTags(old.xml, "conditionalFormatting").some((f) => !ours(attr(f, "sqref"))) || /<x14:conditionalFormattings?\b/.test(old.xml)) extras.push("conditionalFormats");
  return extras;
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
  const minutes = oldTable(meetingsTableName(old.key));
  // The rows are written again as values (a table row holds none of its own formulas: sheetSpec.ts
  // TableRow), so a formula typed in the table would come back as its last result: refused instead.
  const meetingFormulas = minutes ? old.cells.filter((c) => c.formula !== undefined && c.at.row > minutes.range.from.row && inside(c.at, ownRanges[old.tables.indexOf(minutes)])) : [];
  if (meetingFormulas.length > 0) throw new TeamError("meetingFormulas", { sheet: old.sheet, detail: meetingFormulas.map((cell) => a1(cell.at)).join(", ") });
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
