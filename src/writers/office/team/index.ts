import type { Locale } from "../../../contract/locale";
import { insertRepWorkbooks, type InsertReport, type RepWorkbookFile } from "./insertRepWorkbooks";
import { readPlans } from "./readPlans";
import { writeRollup, type RollupResult } from "./writeRollup";
import { recordHistory, type HistoryResult } from "./recordHistory";
import type { HistoryRequest } from "../../../team/history";

/**
 * The team features' Office edge, for the task pane. Every function takes the RequestContext of
 * the caller's `Excel.run`; failures are `TeamError` / `OfficeWriteError` (codes, and both languages
 * through `localized(locale)`).
 */

export type { ProjectsOutcome, RollupResult } from "./writeRollup";
export type { HistoryResult } from "./recordHistory";
export type { HeldPlan, InsertedPlan, InsertReport, RepWorkbookFile } from "./insertRepWorkbooks";
export type { WorkbookSnapshot } from "./readPlans";
export { readPlans } from "./readPlans";
export { writeRollup } from "./writeRollup";

/**
 * 汇总团队计划 / Roll up team plans: finds every plan sheet by its names and template record and
 * creates or refreshes the 团队汇总 sheet — three syncs in all, whatever the number of sheets.
 * Throws `TeamError("summaryChanged")` when the existing summary table's columns were altered.
 * With `history`, the snapshot is recorded in the 团队历史 sheet afterwards (two more syncs, recordHistory.ts;
 * `history` in the result: null when no plan had a rep and a period to record).
 */
export async function rollUpTeam(context: Excel.RequestContext, locale: Locale, history?: HistoryRequest): Promise<RollupResult & { readonly history?: HistoryResult | null }> {
  const snapshot = await readPlans(context);
  const result = await writeRollup(context, snapshot, locale);
  if (!history) return result;
  // The summary's sheet may be new: the history's free sheet name must not take it.
  const after = { ...snapshot, existing: { ...snapshot.existing, sheets: [...snapshot.existing.sheets, result.sheet] } };
  return { ...result, history: (await recordHistory(context, after, result.plans, locale, history.recorded)) ?? null };
}

/**
 * Whether this Excel can insert sheets from another workbook (ExcelApi 1.13). The pane asks before
 * offering the file picker, and shows its own `collectUnsupported` otherwise.
 */
export function isInsertSupported(): boolean {
  return typeof Office !== "undefined" && Office.context?.requirements?.isSetSupported("ExcelApi", "1.13") === true;
}

/** What collecting reps' files came to: inserted (with a report), or not possible on this host. */
export type CollectResult = { readonly kind: "unsupported" } | ({ readonly kind: "inserted" } & InsertReport);

/**
 * Copies the plan sheets of reps' .xlsx files into this workbook (renaming taken sheet names and
 * re-keying clashing plans; plans it already holds are left out, `alreadyHeld`), then the caller typically runs `rollUpTeam`. Four syncs for any
 * number of files; files without plans or unreadable ones are reported in `skipped`.
 */
export async function collectRepWorkbooks(context: Excel.RequestContext, files: readonly RepWorkbookFile[]): Promise<CollectResult> {
  if (!isInsertSupported()) return { kind: "unsupported" };
  return { kind: "inserted", ...(await insertRepWorkbooks(context, files)) };
}

export { insertRepWorkbooks };
