import { needsValue, type NameEntry } from "../../../team";
import { summaryTableName, type SummaryPlacement } from "../../../templates/team";
import type { SummaryTableState } from "./refresh";
import { readRecord } from "../../../templates/registry";
import type { CellValue, ExistingNames } from "../../../spec/sheetSpec";
import { referenceTarget } from "../../ooxml";

/**
 * Reads what the roll-up needs from the open workbook in TWO syncs, whatever the number of plan
 * sheets: (1) the defined names with their type and formula, the sheet and table names; (2) the
 * few cells whose values matter — template records, reps, periods — through each name's range,
 * plus the size and content (formulas, number formats) of an existing summary table, so a refresh
 * that Excel rejects halfway can be put back exactly. No per-sheet round trips: a name's sheet comes from
 * its formula (`='周计划-张三-2026W48'!$B$3`), which Excel keeps up to date when sheets are renamed.
 */

export interface WorkbookSnapshot {
  /** Every defined name, as the team layer classifies them. */
  readonly names: readonly NameEntry[];
  readonly existing: ExistingNames;
  /** The summary sheet already in the workbook (the lowest key if several). */
  readonly summary?: { readonly placement: SummaryPlacement; readonly table: SummaryTableState; readonly content: SummaryTableContent };
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
const sheetOf = (item: Excel.NamedItem): string | undefined => (item.type === "Range" ? referenceTarget(item.formula.replace(/^=/, ""))?.sheet : undefined);

const scalar = (value: unknown): CellValue =>
  typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? value : null;

export async function readPlans(context: Excel.RequestContext): Promise<WorkbookSnapshot> {
  const names = context.workbook.names.load("items/name,items/type,items/formula");
  const sheets = context.workbook.worksheets.load("items/name");
  const tables = context.workbook.tables.load("items/name");
  await context.sync();

  const tableNames = tables.items.map((t) => t.name);
  const located = names.items.map((item) => ({ item, sheet: sheetOf(item) }));
  const withValues = located.map(({ item, sheet }) => {
    const wanted = sheet !== undefined && needsValue(item.name);
    return { item, sheet, range: wanted ? item.getRangeOrNullObject().load("values") : undefined };
  });
  const summaryTables = located.flatMap(({ item, sheet }) => {
    const key = SUMMARY_RECORD.exec(item.name)?.[1]?.toUpperCase();
    const table = key && summaryTableName(key);
    if (!key || !table || sheet === undefined || !tableNames.some((t) => t.toLowerCase() === table.toLowerCase())) return [];
    const found = context.workbook.tables.getItem(table);
    return [
      {
        key,
        sheet,
        table: found.load("name,showTotals"),
        body: found.getDataBodyRange().load("rowCount,columnCount"),
        whole: found.getRange().load("formulas,numberFormat,rowCount"),
      },
    ];
  });
  await context.sync();

  const entries: NameEntry[] = withValues.map(({ item, sheet, range }) => {
    if (sheet === undefined) return { name: item.name };
    const value = range && !range.isNullObject ? scalar(range.values[0]?.[0]) : undefined;
    return { name: item.name, sheet, ...(value !== undefined ? { value } : {}) };
  });
  const summary = summaryTables
    .filter(({ key }) => readRecord(entries.find((e) => e.name.toUpperCase() === `SP_${key}_TEMPLATE`)?.value)?.template === "teamSummary")
    .sort((a, b) => Number(a.key.slice(1)) - Number(b.key.slice(1)))[0];
  return {
    names: entries,
    existing: { sheets: sheets.items.map((s) => s.name), tables: tableNames, names: names.items.map((n) => n.name) },
    ...(summary
      ? {
          summary: {
            placement: { key: summary.key, sheet: summary.sheet },
            table: { rows: summary.body.rowCount, columns: summary.body.columnCount },
            content: {
              name: summary.table.name,
              headerRows: summary.whole.rowCount - summary.body.rowCount - (summary.table.showTotals ? 1 : 0),
              showTotals: summary.table.showTotals,
              formulas: summary.whole.formulas,
              numberFormat: summary.whole.numberFormat,
            },
          },
        }
      : {}),
  };
}
