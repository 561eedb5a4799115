import type { Locale } from "../../../contract/locale";
import { addSheets, inspectPackage } from "..";
import { replaceCharts } from "../charts";
import { AppendError, appendTableRows, deleteTableRows, readTableContents, replaceBlock, type BlockCell } from "../../ooxml/appendRows";
import { parseCell } from "../../../spec/addresses";
import { cellValue, tableNames, workbookCells, workbookNames, type XlsxPackage } from "../../ooxml";
import { kitFor } from "../../../templates/context";
import {
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
  planMetricLabels,
  readHistoryRow,
  type HistoryPlacement,
} from "../../../templates/team/historySheet";
import { applyRecording, planRecording, plansToRecord, snapshotRows, type MetricFigures, type PeriodId, type PlanFigures } from "../../../team/history";
import { TeamError } from "../../../team/errors";
import { ROLLUP_METRICS, type CellSpec, type CellValue, type SheetSpec } from "../../../spec/sheetSpec";
import { spName, spTable } from "../../../spec/naming";
import type { PlanInstance } from "../../../team/plans";

/**
 * The 团队历史 recording of a roll-up as a file, without Excel (`sales-planner rollup --history`): the
 * figures of the plans of the periods recorded (`plansToRecord`) as a snapshot row each, added to the
 * history sheet's log — the sheet is made on the first recording, and afterwards only patched at the
 * package's part level, never rebuilt, so the manager's notes, formats and anything else on it stay
 * (see `templates/team/historySheet.ts`). Refused, before anything is written, when the pivot would
 * grow over the manager's cells (`historyNotesInTheWay`) or the log's new rows over cells below it
 * (`historyContentBelow`).
 *
 * The figures: each plan's named target and actual cells (`SP_<KEY>_<METRIC>_TARGET/_ACTUAL`) hold
 * INDEX/MATCH formulas whose results exist in the file only when Excel or LibreOffice saved it. A
 * cached result is taken as it is; a formula without one (a plan written by the command line and never
 * opened) is read where its formula reads: the plan's targets tables, the row whose 指标 is the metric's
 * label (either language), the 目标 / 实际 column. A count the plan calculates from the visit log is
 * then blank (its result is not in the file either): open and save the workbook to record it.
 */

export interface HistoryOutcome {
  readonly sheet: string;
  /** Rows written: one per plan with a rep and a period, of the periods recorded (`plansToRecord`). */
  readonly recorded: number;
  /** Rows deleted first: those of the periods recorded again. */
  readonly replaced: number;
  /** Whether this recording made the sheet. */
  readonly created: boolean;
}

type Logged = PeriodId & { readonly rep: string };

const number = (value: CellValue): number | null => (typeof value === "number" && Number.isFinite(value) ? value : null);

/**
 * Records the snapshot of `plans`' periods that this roll-up records (`plansToRecord`; `copied`: the
 * keys of the plans this run copied in) in the package's history sheet (made if it has none);
 * undefined when no plan has a rep and a period.
 */
export async function recordHistory(pkg: XlsxPackage, plans: readonly PlanInstance[], locale: Locale, recorded: number, copied?: ReadonlySet<string>): Promise<HistoryOutcome | undefined> {
  const snapshot = async (chosen: readonly PlanInstance[]) => {
    const figures = await planFigures(pkg, chosen);
    return snapshotRows(chosen, (plan) => figures.get(plan.key) ?? {}, recorded);
  };
  const found = findHistory(await workbookNames(pkg, (name) => /^SP_S\d+_TEMPLATE$/i.test(name)), await tableNames(pkg));
  if (found === undefined) {
    const fresh = await snapshot(plans);
    if (fresh.length === 0) return undefined;
    const placement = newHistoryPlacement(await inspectPackage(pkg), locale);
    await addSheets(pkg, [buildHistorySheet(fresh, fresh, placement, locale)]);
    return { sheet: placement.sheet, recorded: fresh.length, replaced: 0, created: true };
  }
  const table = historyTableName(found.key);
  const contents = await readTableContents(pkg, table);
  const columns = historyColumns(found.key, locale);
  const sheetLocale = logLocale(contents.headers);
  if (contents.headers.length !== columns.length || sheetLocale === undefined) throw new TeamError("historyChanged", { sheet: contents.sheet });
  // The sheet as the table's relationships name it now.
  const placement: HistoryPlacement = { key: found.key, sheet: contents.sheet };
  const ids = contents.rows.map(readHistoryRow);
  const fresh = await snapshot(plansToRecord(plans, ids, copied));
  if (fresh.length === 0) return undefined;
  const recording = planRecording(ids, fresh);
  const before = ids.filter((id): id is Logged => id !== undefined);
  const after = applyRecording<Logged | undefined>(ids, recording, (row) => row).filter((id): id is Logged => id !== undefined);

  const old = buildHistorySheet([], before, placement, sheetLocale);
  const next = buildHistorySheet([], after, placement, sheetLocale);
  // Refused before anything is written: the manager's cells where the pivot or its charts grow.
  const grows = pivotGrowth(old, next);
  const sheetCells = (await workbookCells(pkg, (sheet) => sheet === placement.sheet)).get(placement.sheet) ?? new Map();
  const inTheWay = [...sheetCells].filter(([address, cell]) => (cell.formula !== undefined || cell.text !== undefined) && grows(parseCell(address))).map(([address]) => address);
  if (inTheWay.length > 0) throw new TeamError("historyNotesInTheWay", { sheet: placement.sheet, detail: inTheWay.join(", ") });

  // By position: the log keeps the headers of the language it was made in.
  const keys = historyColumns(found.key, sheetLocale).map((column, i) => ({ key: column.key, header: contents.headers[i], calculated: column.formula !== undefined }));
  // Appended first, deleted after (the old rows keep their indexes): a table LibreOffice saved names no
  // calculated column, and `appendTableRows` tells one from its rows only while the log has two or more.
  await appendTableRows(pkg, {
    table,
    rows: recording.append.map((row) => {
      const values = historyTableRow(row, sheetLocale);
      return Object.fromEntries(keys.filter((k) => !k.calculated).map((k) => [k.header, values[k.key] ?? null]));
    }),
  }).catch((error: unknown) => {
    // The patcher's own words tell to import again: here it is the roll-up to run again.
    if (error instanceof AppendError && error.code === "contentBelow") throw new TeamError("historyContentBelow", { sheet: placement.sheet, detail: error.params.address }, error);
    throw error;
  });
  const replaced = await deleteTableRows(pkg, table, recording.remove);
  await rewritePivot(pkg, placement, old, next);
  return { sheet: placement.sheet, recorded: fresh.length, replaced, created: false };
}

/**
 * Rewrites the pivot block and its charts as `next` writes them (the add-in's own block: the cells of
 * the pivot `old` are cleared first), each new cell styled like the old pivot's cell of the same kind —
 * the styles the sheet was made with.
 */
async function rewritePivot(pkg: XlsxPackage, placement: HistoryPlacement, old: SheetSpec, next: SheetSpec): Promise<void> {
  const look = (cell: CellSpec): string => `${cell.style ?? ""}|${cell.numberFormat ?? ""}`;
  const likes = new Map<string, CellSpec["at"]>();
  for (const cell of pivotCells(old)) if (!likes.has(look(cell))) likes.set(look(cell), cell.at);
  const cells: BlockCell[] = pivotCells(next).map((cell) => {
    const like = likes.get(look(cell));
    return { at: cell.at, ...(cell.formula !== undefined ? { formula: cell.formula } : { value: cell.value ?? null }), ...(like ? { like } : {}) };
  });
  const [a, b] = [pivotArea(old), pivotArea(next)];
  const clear = { from: a.from, to: { row: Math.max(a.to.row, b.to.row), col: Math.max(a.to.col, b.to.col) } };
  await replaceBlock(pkg, placement.sheet, clear, cells);
  await replaceCharts(pkg, next, isPivotChart(placement.key));
}

/**
 * Each plan's figures (see the module comment): the named cells' cached results, else its targets
 * tables' cells by metric label. Reads only the plans' sheets and tables.
 */
async function planFigures(pkg: XlsxPackage, plans: readonly PlanInstance[]): Promise<Map<string, PlanFigures>> {
  const names = new Map((await workbookNames(pkg, () => false)).map((n) => [n.name.toUpperCase(), n]));
  const sheets = new Set(plans.map((plan) => plan.sheet));
  const book = await workbookCells(pkg, (sheet) => sheets.has(sheet));
  const tables = new Map<string, Awaited<ReturnType<typeof readTableContents>>>();
  const tableOf = async (name: string) => {
    if (!tables.has(name)) tables.set(name, await readTableContents(pkg, name).catch(() => ({ sheet: "", headers: [], calculated: [], rows: [] })));
    return tables.get(name)!;
  };
  const headersOf = (part: "target" | "actual"): string[] => (["zh-CN", "en-US"] as const).map((l) => kitFor(l).s.plan.targetColumns[part]);
  const fromTables = async (plan: PlanInstance, metric: string, part: "target" | "actual"): Promise<number | null> => {
    const labels = planMetricLabels(plan.template, metric);
    for (const role of ["Targets", "CountTargets"]) {
      const contents = await tableOf(spTable(plan.key, role));
      const column = contents.headers.findIndex((h) => headersOf(part).includes(h));
      const row = contents.rows.find((r) => typeof r[0] === "string" && labels.includes(r[0].trim()));
      if (column >= 0 && row) return number(row[column]);
    }
    return null;
  };
  const figure = async (plan: PlanInstance, metric: string, part: "target" | "actual"): Promise<number | null> => {
    const name = spName(plan.key, `${metric}_${part.toUpperCase()}`);
    if (!plan.usable.includes(name)) return null;
    const at = names.get(name);
    const cell = at?.sheet === undefined || at.address === undefined ? undefined : book.get(at.sheet)?.get(at.address.split(":")[0].replace(/\$/g, ""));
    if (cell?.formula !== undefined && cell.text === undefined) return fromTables(plan, metric, part);
    return number(cellValue(cell));
  };
  const result = new Map<string, PlanFigures>();
  for (const plan of plans) {
    const figures: Record<string, MetricFigures> = {};
    for (const metric of ROLLUP_METRICS[plan.template]) figures[metric] = { target: await figure(plan, metric, "target"), actual: await figure(plan, metric, "actual") };
    result.set(plan.key, figures);
  }
  return result;
}
