import { needsValue, type NameEntry } from "../../../team";
import { blockHeightFor, BLOCK_GAP, findTracker, incompleteTracker, stagesTableName, summaryTableName, type SummaryPlacement } from "../../../templates/team";
import { isCurrentSummary, monthlySummaryTableName } from "../../../templates/team/rollupSheet";
import { CAPTION_ROWS } from "../../../templates/team/projectsBlock";
import type { BelowSummary, SummarySurroundings, SummaryTableState } from "./refresh";
import { canReadMergedAreas } from "../officeWriter";
import { parseAddress } from "../../../spec/addresses";
import { readRecord } from "../../../templates/registry";
import type { CellValue, ExistingNames } from "../../../spec/sheetSpec";
import { referenceTarget } from "../../ooxml";

/**
 * Reads what the roll-up needs from the open workbook in TWO syncs, whatever the number of plan
 * sheets: (1) the defined names with their type and formula, the sheet and table names; (2) the
 * few cells whose values matter — template records, reps, periods — through each name's range,
 * plus the size and content (formulas, number formats) of an existing summary's weekly and monthly tables, so a refresh
 * that Excel rejects halfway can be put back exactly, and of its 项目进度 block: the block's caption,
 * or — with a tracker and no block yet — the rows a new block would take (`belowReads`). No per-sheet round trips: a name's sheet comes from
 * its formula (`='周计划-张三-2026W48'!$B$3`), which Excel keeps up to date when sheets are renamed.
 */

export interface WorkbookSnapshot {
  /** Every defined name, as the team layer classifies them. */
  readonly names: readonly NameEntry[];
  readonly existing: ExistingNames;
  /** The project tracker the summary lists by stage (`findTracker`), when the workbook holds one. */
  readonly tracker?: string;
  /** A tracker table the summary cannot list because names it reads were deleted (`incompleteTracker`). */
  readonly incompleteTracker?: string;
  /** The summary sheet already in the workbook with the current layout (the lowest key if several). */
  readonly summary?: {
    readonly placement: SummaryPlacement;
    /** The weekly block's table (`SP_T<n>_Summary`). */
    readonly table: SummaryTableState;
    readonly content: SummaryTableContent;
    /** The monthly block's table, when it is still there. */
    readonly monthly?: { readonly table: SummaryTableState; readonly content: SummaryTableContent };
    /** Its 项目进度 block's table as read, to restore it from (projectsBlock.ts). */
    readonly blockContent?: SummaryTableContent;
    readonly around: SummarySurroundings;
  };
  /** The sheet of a summary written in an older layout (one table), when there is no current one: left as it is. */
  readonly outdated?: string;
}

/** The existing summary table as it was read, whole (header, data body, totals row), to restore it from. */
export interface SummaryTableContent {
  /** The table's name as Excel has it. */
  readonly name: string;
  /** 1 when the table shows its header row (it should), else 0. */
  readonly headerRows: number;
  readonly showTotals: boolean;
  /** `Range.formulas` of the whole table: header row, data rows, totals row. */
  readonly formulas: readonly (readonly unknown[])[];
  /** `Range.numberFormat` of the whole table, same shape. */
  readonly numberFormat: readonly (readonly unknown[])[];
}

const SUMMARY_RECORD = /^SP_(T\d+)_TEMPLATE$/i;

/** The sheet a Range-type name refers to, or undefined when it is broken (#REF!) or not a plain range. */
export const sheetOf = (item: Excel.NamedItem): string | undefined => (item.type === "Range" ? referenceTarget(item.formula.replace(/^=/, ""))?.sheet : undefined);

const scalar = (value: unknown): CellValue =>
  typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? value : null;

export async function readPlans(context: Excel.RequestContext): Promise<WorkbookSnapshot> {
  const names = context.workbook.names.load("items/name,items/type,items/formula");
  const sheets = context.workbook.worksheets.load("items/name");
  const tables = context.workbook.tables.load("items/name");
  await context.sync();

  const tableNames = tables.items.map((t) => t.name);
  const existing: ExistingNames = { sheets: sheets.items.map((s) => s.name), tables: tableNames, names: names.items.map((n) => n.name) };
  const tracker = findTracker(existing);
  const incomplete = incompleteTracker(existing);
  const hasTable = (name: string): boolean => tableNames.some((t) => t.toLowerCase() === name.toLowerCase());
  const repNames = names.items.filter((item) => /_REP$/i.test(item.name) && needsValue(item.name)).length;
  const located = names.items.map((item) => ({ item, sheet: sheetOf(item) }));
  const withValues = located.map(({ item, sheet }) => {
    const wanted = sheet !== undefined && needsValue(item.name);
    return { item, sheet, range: wanted ? item.getRangeOrNullObject().load("values") : undefined };
  });
  const summaryTables = located.flatMap(({ item, sheet }) => {
    const key = SUMMARY_RECORD.exec(item.name)?.[1]?.toUpperCase();
    const table = key && summaryTableName(key);
    if (!key || !table || sheet === undefined || !hasTable(table)) return [];
    const block = hasTable(stagesTableName(key)) ? blockReads(context.workbook.tables.getItem(stagesTableName(key))) : undefined;
    const reads = tableReads(context.workbook.tables.getItem(table));
    const monthly = hasTable(monthlySummaryTableName(key)) ? tableReads(context.workbook.tables.getItem(monthlySummaryTableName(key))) : undefined;
    // Where a new block would go: rows enough for a block listing every plan's rep (at most one row per REP name).
    const below = !block && tracker !== undefined ? belowReads(reads.whole, BLOCK_GAP - 1 + blockHeightFor(repNames)) : undefined;
    return [{ key, sheet, ...reads, monthly, block, below }];
  });
  await context.sync();

  const entries: NameEntry[] = withValues.map(({ item, sheet, range }) => {
    if (sheet === undefined) return { name: item.name };
    const value = range && !range.isNullObject ? scalar(range.values[0]?.[0]) : undefined;
    return { name: item.name, sheet, ...(value !== undefined ? { value } : {}) };
  });
  const summaries = summaryTables
    .flatMap((found) => {
      const record = readRecord(entries.find((e) => e.name.toUpperCase() === `SP_${found.key}_TEMPLATE`)?.value);
      return record?.template === "teamSummary" ? [{ ...found, current: isCurrentSummary(record.version) }] : [];
    })
    .sort((a, b) => Number(a.key.slice(1)) - Number(b.key.slice(1)));
  const summary = summaries.find((found) => found.current);
  const outdated = summary ? undefined : summaries[0]?.sheet;
  return {
    names: entries,
    existing,
    ...(tracker !== undefined ? { tracker } : {}),
    ...(incomplete !== undefined ? { incompleteTracker: incomplete } : {}),
    ...(summary
      ? {
          summary: {
            placement: { key: summary.key, sheet: summary.sheet },
            table: stateOf(summary),
            content: contentOf(summary),
            ...(summary.monthly ? { monthly: { table: stateOf(summary.monthly), content: contentOf(summary.monthly) } } : {}),
            ...(summary.block ? { blockContent: contentOf(summary.block) } : {}),
            around: {
              summaryAt: parseAddress(summary.whole.address).range,
              ...(summary.block
                ? { block: { at: parseAddress(summary.block.whole.address).range, state: stateOf(summary.block), caption: summary.block.caption.formulas.map((row) => row[0]) } }
                : {}),
              ...(summary.below ? { below: belowOf(summary.below) } : {}),
            },
          },
        }
      : {}),
    ...(outdated !== undefined ? { outdated } : {}),
  };
}

interface TableReads {
  readonly table: Excel.Table;
  readonly body: Excel.Range;
  readonly whole: Excel.Range;
}

/** Queues the loads of a table's size and whole content (header, body, totals), to refresh and restore it. */
const tableReads = (found: Excel.Table): TableReads => ({
  table: found.load("name,showTotals"),
  body: found.getDataBodyRange().load("rowCount,columnCount"),
  whole: found.getRange().load("formulas,numberFormat,rowCount,address"),
});

const stateOf = (read: TableReads): SummaryTableState => ({ rows: read.body.rowCount, columns: read.body.columnCount });

const contentOf = (read: TableReads): SummaryTableContent => ({
  name: read.table.name,
  headerRows: read.whole.rowCount - read.body.rowCount - (read.table.showTotals ? 1 : 0),
  showTotals: read.table.showTotals,
  formulas: read.whole.formulas,
  numberFormat: read.whole.numberFormat,
});

/** Queues the loads of a block's table and of its caption: the cells right above its first cell. */
const blockReads = (found: Excel.Table): TableReads & { readonly caption: Excel.Range } => ({
  ...tableReads(found),
  caption: found.getRange().getCell(0, 0).getOffsetRange(-CAPTION_ROWS, 0).getResizedRange(CAPTION_ROWS - 1, 0).load("formulas"),
});

interface BelowReads {
  readonly range: Excel.Range;
  readonly merged: Excel.RangeAreas | undefined;
  readonly validation: Excel.DataValidation;
}

/**
 * Queues what the insert into the active sheet checks (officeWriter's `assertEmpty`) that a block could
 * overwrite, for the `rows` under `summary` only: formulas (a formula returning "" has the value ""),
 * merged areas (ExcelApi 1.13, else left unread: the block is then not added) and data validation.
 */
function belowReads(summary: Excel.Range, rows: number): BelowReads {
  const range = summary.getRowsBelow(rows).load("address,formulas");
  return { range, merged: canReadMergedAreas() ? range.getMergedAreasOrNullObject().load("address") : undefined, validation: range.dataValidation.load("type") };
}

const belowOf = ({ range, merged, validation }: BelowReads): BelowSummary => ({
  at: parseAddress(range.address).range,
  formulas: range.formulas,
  merged: merged === undefined ? undefined : merged.isNullObject ? [] : merged.address.split(",").map((area) => parseAddress(area.trim()).range),
  validated: validation.type !== "None",
});
