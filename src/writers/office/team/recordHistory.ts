import type { Locale } from "../../../contract/locale";
import { ROLLUP_METRICS, type CellValue, type SheetSpec } from "../../../spec/sheetSpec";
import { spName } from "../../../spec/naming";
import { a1, rangeA1 } from "../../../spec/a1";
import {
  BESIDE_LOG,
  buildHistorySheet,
  findHistory,
  historyColumns,
  historyTableName,
  historyTableRow,
  isPivotChart,
  logLocale,
  newHistoryPlacement,
  pivotArea,
  pivotCells,
  pivotGrowth,
  readHistoryRow,
  type HistoryPlacement,
} from "../../../templates/team/historySheet";
import { applyRecording, planRecording, plansToRecord, snapshotRows, type MetricFigures, type PeriodId, type PlanFigures } from "../../../team/history";
import { TeamError } from "../../../team/errors";
import type { PlanInstance } from "../../../team/plans";
import { call, runBatches, type Step } from "../chunking";
import { excelCode, OfficeWriteError } from "../errors";
import { addSheets } from "../officeWriter";
import { sheetSteps } from "../sheetSteps";
import { restore } from "./writeRollup";
import type { SummaryTableContent, WorkbookSnapshot } from "./readPlans";

/**
 * 记录到团队历史 in Excel: the roll-up's snapshot added to the 团队历史 sheet (templates/team/historySheet.ts),
 * called after the summary is written. Two syncs, whatever the number of plans: (1) the plans' figures —
 * the values Excel computed for their named target and actual cells — and, when the sheet exists, its
 * log table, its charts and what lies beside the log (refused with `historyNotesInTheWay` when the
 * pivot would grow over the manager's cells); (2) one batch: the new rows added to the log as table rows,
 * the rows of the periods recorded again deleted (from the bottom up, so indexes hold), the pivot's area
 * cleared and written again with its charts. The first recording makes the sheet through the Office
 * writer's `addSheets` instead (which removes it again if Excel rejects it).
 *
 * Excel batches are not transactions: when the batch fails, the log is put back as it was read (rows
 * and cells, `refresh.ts`'s `restore`), the pivot and its charts as they were written from it, and
 * `OfficeWriteError("writeFailed")` is thrown (`"restoreFailed"` when putting back failed too).
 */

export interface HistoryResult {
  readonly sheet: string;
  /** Rows added: one per plan with a rep and a period, of the periods recorded (`plansToRecord`). */
  readonly recorded: number;
  /** Rows deleted first: those of the periods recorded again. */
  readonly replaced: number;
  readonly created: boolean;
}

type Logged = PeriodId & { readonly rep: string };

const figure = (range: Excel.Range | undefined): number | null => {
  const value: unknown = range === undefined || range.isNullObject ? undefined : range.values[0]?.[0];
  return typeof value === "number" && Number.isFinite(value) ? value : null;
};

/** The plans of the periods this roll-up records (`plansToRecord`, of `plans` as the roll-up listed them) recorded on `recorded` (an Excel date serial); undefined when none has a rep and a period. */
export async function recordHistory(
  context: Excel.RequestContext,
  snapshot: WorkbookSnapshot,
  plans: readonly PlanInstance[],
  locale: Locale,
  recorded: number,
): Promise<HistoryResult | undefined> {
  const found = findHistory(snapshot.names, snapshot.existing.tables);
  const reads = plans.map((plan) => ({
    plan,
    metrics: ROLLUP_METRICS[plan.template].map((metric) => ({
      metric,
      ...Object.fromEntries(
        (["target", "actual"] as const).map((part) => {
          const name = spName(plan.key, `${metric}_${part.toUpperCase()}`);
          // Or-null: a name deleted since `readPlans` read them reads as blank rather than failing the roll-up.
          return [part, plan.usable.includes(name) ? context.workbook.names.getItemOrNullObject(name).getRangeOrNullObject().load("values") : undefined];
        }),
      ),
    })) as { metric: string; target?: Excel.Range; actual?: Excel.Range }[],
  }));
  const log = found ? logReads(context, found) : undefined;
  await context.sync();

  const headers = log ? (log.header.values[0] ?? []).map(String) : [];
  const rows = log ? log.body.values.map((row) => readHistoryRow(row.map(cell))) : [];
  const figures = new Map<string, PlanFigures>(
    reads.map(({ plan, metrics }) => [
      plan.key,
      Object.fromEntries(metrics.map(({ metric, target, actual }): [string, MetricFigures] => [metric, { target: figure(target), actual: figure(actual) }])),
    ]),
  );
  // Excel's collect records no history (`collectIntoWorkbook` rolls up without it): nothing copied in to add.
  const fresh = snapshotRows(plansToRecord(plans, rows), (plan) => figures.get(plan.key) ?? {}, recorded);
  if (fresh.length === 0) return undefined;
  if (!found || !log) {
    const placement = newHistoryPlacement(snapshot.existing, locale);
    await addSheets(context, [buildHistorySheet(fresh, fresh, placement, locale)]);
    return { sheet: placement.sheet, recorded: fresh.length, replaced: 0, created: true };
  }

  const sheetLocale = logLocale(headers);
  if (headers.length !== historyColumns(found.key, locale).length || sheetLocale === undefined) throw new TeamError("historyChanged", { sheet: found.sheet });
  const recording = planRecording(rows, fresh);
  const before = rows.filter((id): id is Logged => id !== undefined);
  const after = applyRecording<Logged | undefined>(rows, recording, (row) => row).filter((id): id is Logged => id !== undefined);
  const oldSpec = buildHistorySheet([], before, found, sheetLocale);
  const newSpec = buildHistorySheet([], after, found, sheetLocale);
  // Refused before anything is written: the manager's cells where the pivot or its charts grow.
  const grows = pivotGrowth(oldSpec, newSpec);
  const { beside } = log;
  const inTheWay = beside.isNullObject
    ? []
    : beside.formulas.flatMap((line, i) =>
        line.flatMap((formula, j) => {
          const at = { row: beside.rowIndex + i, col: beside.columnIndex + j };
          return formula !== "" && formula !== null && grows(at) ? [a1(at)] : [];
        }),
      );
  if (inTheWay.length > 0) throw new TeamError("historyNotesInTheWay", { sheet: found.sheet, detail: inTheWay.join(", ") });
  const columns = historyColumns(found.key, sheetLocale);
  // "" in a calculated column: Excel gives the new row the column's formula.
  const added = recording.append.map((row) => {
    const values = historyTableRow(row, sheetLocale);
    return columns.map((column) => (column.formula !== undefined ? "" : (values[column.key] ?? "")));
  });
  const sheet = context.workbook.worksheets.getItem(found.sheet);
  const table = context.workbook.tables.getItem(historyTableName(found.key));
  const ours = isPivotChart(found.key);
  const clear = union(pivotArea(oldSpec), pivotArea(newSpec));
  try {
    await runBatches(context, [
      call(() => {
        table.rows.add(undefined, added);
        for (const index of [...recording.remove].reverse()) table.rows.getItemAt(index).delete();
        for (const chart of log.charts.items) if (ours(chart.name)) chart.delete();
        sheet.getRange(rangeA1(clear)).clear();
      }),
      ...pivotSteps(context, sheet, newSpec),
    ]);
  } catch (error) {
    try {
      await putBack(context, sheet, { content: log.content, spec: oldSpec, clear, ours });
    } catch {
      throw new OfficeWriteError("restoreFailed", { excelCode: excelCode(error), leftovers: [found.sheet] }, error);
    }
    throw new OfficeWriteError("writeFailed", { excelCode: excelCode(error) }, error);
  }
  return { sheet: found.sheet, recorded: fresh.length, replaced: recording.remove.length, created: false };
}

const cell = (value: unknown): CellValue => (typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? value : null);

const union = (a: ReturnType<typeof pivotArea>, b: ReturnType<typeof pivotArea>) => ({
  from: { row: Math.min(a.from.row, b.from.row), col: Math.min(a.from.col, b.from.col) },
  to: { row: Math.max(a.to.row, b.to.row), col: Math.max(a.to.col, b.to.col) },
});

/** Queues the loads of the log table (header, body, the whole as `restore` puts it back) and of the sheet's charts. */
function logReads(context: Excel.RequestContext, found: HistoryPlacement) {
  const table = context.workbook.tables.getItem(historyTableName(found.key)).load("name,showTotals");
  const body = table.getDataBodyRange().load("values,rowCount");
  const whole = table.getRange().load("formulas,numberFormat,rowCount");
  const header = table.getHeaderRowRange().load("values");
  const sheet = context.workbook.worksheets.getItem(found.sheet);
  const charts = sheet.charts.load("items/name");
  // What lies beside the log (the pivot, the charts' cells, the manager's): read now, checked against where the pivot grows.
  const { from, to } = BESIDE_LOG;
  const beside = sheet.getRangeByIndexes(from.row, from.col, to.row - from.row + 1, to.col - from.col + 1).getUsedRangeOrNullObject(true).load("formulas,rowIndex,columnIndex");
  return {
    header,
    body,
    charts,
    beside,
    get content(): SummaryTableContent {
      return { name: table.name, headerRows: whole.rowCount - body.rowCount - (table.showTotals ? 1 : 0), showTotals: table.showTotals, formulas: whole.formulas, numberFormat: whole.numberFormat };
    },
  };
}

/** The Office writer's own steps for the pivot's cells and charts only: no table, no names, no sheet settings. */
function pivotSteps(context: Excel.RequestContext, sheet: Excel.Worksheet, spec: SheetSpec): Step[] {
  const only: SheetSpec = { ...spec, cells: pivotCells(spec), tables: [], names: [], columnNames: [], merges: [], validations: [], conditionalFormats: [], columnWidths: [] };
  const steps = sheetSteps({ context, sheet, ownsSheet: false }, only);
  return [...steps.structure, ...steps.columnNames, ...steps.content];
}

/** After a failed batch: the log as read, the pivot and its charts as `spec` (the log as read) writes them. */
async function putBack(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  work: { readonly content: SummaryTableContent; readonly spec: SheetSpec; readonly clear: ReturnType<typeof pivotArea>; readonly ours: (name: string) => boolean },
): Promise<void> {
  await restore(context, [work.content]);
  const charts = sheet.charts.load("items/name");
  await context.sync();
  await runBatches(context, [
    call(() => {
      for (const chart of charts.items) if (work.ours(chart.name)) chart.delete();
      sheet.getRange(rangeA1(work.clear)).clear();
    }),
    ...pivotSteps(context, sheet, work.spec),
  ]);
}
