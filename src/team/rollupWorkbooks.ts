import type { Locale } from "../i18n/locale";
import { inspectXlsx, writeXlsx } from "../writers/xlsx";
import { mergeRepWorkbooks, xlsxNameEntries, type CopiedPlan, type RepFile } from "../writers/xlsx/mergeWorkbooks";
import { discoverPlans, type PlanInstance } from "./plans";
import { buildSummarySheet, newSummaryPlacement } from "./rollupSheet";

/**
 * The team workbook as a file, without Excel: `base` (or a new workbook) with the reps' plan sheets
 * copied in (re-keyed and renamed where taken) and the 团队汇总 sheet (re)built over every plan
 * sheet it then holds. Bytes in, bytes out — used by `sales-planner rollup` and by the pane's
 * preview download. A summary already in `base` is rebuilt (same sheet name and key); in Excel the
 * pane refreshes it in place instead (`writers/office/team`).
 */
export interface RollupReport {
  readonly data: Uint8Array;
  readonly summarySheet: string;
  readonly plans: readonly PlanInstance[];
  readonly copied: readonly CopiedPlan[];
  /** Files without a plan sheet made by the add-in. */
  readonly withoutPlans: readonly string[];
}

export async function rollupWorkbooks(base: Uint8Array | undefined, reps: readonly RepFile[], locale: Locale): Promise<RollupReport> {
  const merged = await mergeRepWorkbooks(base, reps);
  const plans = discoverPlans(await xlsxNameEntries(merged.data));
  const placement = merged.removedSummary ?? newSummaryPlacement(await inspectXlsx(merged.data), locale);
  const summary = buildSummarySheet(plans, placement, locale);
  return {
    // The xlsx writer renders no charts; the achievement chart is added to the package here.
    data: await writeXlsx([summary], merged.data),
    summarySheet: summary.name,
    plans,
    copied: merged.copied,
    withoutPlans: merged.withoutPlans,
  };
}
