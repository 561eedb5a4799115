import type { Locale } from "../../../contract/locale";
import { inspectXlsx, writeXlsx } from "..";
import { mergeRepWorkbooks, xlsxNameEntries, type CopiedPlan, type HeldPlan, type RepFile } from "../mergeWorkbooks";
import { TeamError } from "../../../team/errors";
import { refusedFile, type SkippedFile } from "../../ooxml/fileCheck";
import { discoverPlans, type PlanInstance } from "../../../team/plans";
import { buildSummarySheet, newSummaryPlacement } from "../../../templates/team/rollupSheet";
import { blockReps, findTracker, incompleteTracker } from "../../../templates/team/projectsBlock";
import { PROJECTS_ROLE } from "../../../templates/linkedTables";
import { spTable } from "../../../spec/naming";
import { XlsxPackage } from "../../ooxml";
import { recordHistory, type HistoryOutcome } from "./historyFile";
import type { HistoryRequest } from "../../../team/history";
import type { CellRef } from "../../../spec/sheetSpec";
import { keptMeetings, withKept } from "./keptSummary";

/**
 * The team workbook as a file, without Excel: `base` (or a new workbook) with the reps' plan sheets
 * copied in (re-keyed and renamed where taken) and the 团队汇总 sheet (re)built over every plan
 * sheet it then holds. Bytes in, bytes out — used by `sales-planner rollup` and by the pane's
 * preview download. A summary already in `base` is rebuilt (same sheet name and key) keeping its
 * meeting table's rows and the manager's cells (`keptSummary.ts`); in Excel the pane refreshes it in
 * place instead (`writers/office/team`). A summary in the older one-table layout is left as it is.
 */
export interface RollupReport {
  readonly data: Uint8Array;
  readonly summarySheet: string;
  /** The project tracker the summary lists by stage (its table), when the workbook holds one. */
  readonly projects?: { readonly table: string; readonly reps: number };
  /** A tracker table not listed because names the block reads were deleted (`incompleteTracker`). */
  readonly unlistedTracker?: string;
  /** The summary was already in `base` and rebuilt (its cells' number formats kept, their other formatting and the column widths not). */
  readonly rebuilt: boolean;
  /** The sheet of a summary in the older one-table layout, left as it is; the new summary is `summarySheet`. */
  readonly outdated?: string;
  readonly plans: readonly PlanInstance[];
  readonly copied: readonly CopiedPlan[];
  /** Reps' plans the team workbook already held, not copied again (`MergeResult.alreadyHeld`). */
  readonly alreadyHeld: readonly HeldPlan[];
  /** Files without a plan sheet made by the add-in. */
  readonly withoutPlans: readonly string[];
  /** Files refused by the file check (fileCheck.ts) or unreadable as workbooks: the others are rolled up without them. */
  readonly refused: readonly SkippedFile[];
  /** What `history` recorded in the 团队历史 sheet (historyFile.ts); null: asked, but no plan to record. */
  readonly history?: HistoryOutcome | null;
}


/**
 * Each rep file is checked before it is read (fileCheck.ts): a refused one is left out and reported,
 * the others are rolled up. `base` is the caller's to check (the command line refuses the whole run).
 */
export async function rollupWorkbooks(base: Uint8Array | undefined, reps: readonly RepFile[], locale: Locale, history?: HistoryRequest): Promise<RollupReport> {
  const refused: SkippedFile[] = [];
  const accepted: RepFile[] = [];
  for (const rep of reps) {
    const refusal = await refusedFile(rep.file, rep.data);
    if (refusal) refused.push(refusal);
    else accepted.push(rep);
  }
  const merged = await mergeRepWorkbooks(base, accepted);
  refused.push(...merged.unreadable.map((u) => new TeamError("unreadableFile", { file: u.file, detail: u.detail })));
  const plans = discoverPlans(await xlsxNameEntries(merged.data));
  const existing = await inspectXlsx(merged.data);
  const old = merged.removedSummary;
  const placement = old ? { key: old.key, sheet: old.sheet } : newSummaryPlacement(existing, locale);
  const tracker = findTracker(existing);
  const unlisted = incompleteTracker(existing);
  const build = (origin?: CellRef) =>
    buildSummarySheet(plans, placement, locale, tracker === undefined ? undefined : { tracker, ...(origin ? { origin } : {}) }, old && keptMeetings(old));
  const summary = old ? withKept(old, build) : build();
  const recorded = await withHistory(await writeXlsx([summary], merged.data), plans, new Set(merged.copied.map((c) => c.toKey)), locale, history);
  return {
    data: recorded.data,
    ...(history ? { history: recorded.outcome ?? null } : {}),
    summarySheet: summary.name,
    rebuilt: old !== undefined,
    ...(tracker === undefined ? {} : { projects: { table: spTable(tracker, PROJECTS_ROLE), reps: blockReps(plans.map((p) => p.rep)).length } }),
    ...(unlisted === undefined ? {} : { unlistedTracker: unlisted }),
    ...(merged.outdatedSummary !== undefined ? { outdated: merged.outdatedSummary } : {}),
    plans,
    copied: merged.copied,
    alreadyHeld: merged.alreadyHeld,
    withoutPlans: merged.withoutPlans,
    refused,
  };
}

/** `data` with the roll-up's snapshot (`copied`: the keys of the plans this run copied in) recorded in its 团队历史 sheet, when asked. */
async function withHistory(
  data: Uint8Array,
  plans: readonly PlanInstance[],
  copied: ReadonlySet<string>,
  locale: Locale,
  history: HistoryRequest | undefined,
): Promise<{ data: Uint8Array; outcome?: HistoryOutcome }> {
  if (!history) return { data };
  const pkg = await XlsxPackage.load(data);
  const outcome = await recordHistory(pkg, plans, locale, history.recorded, copied);
  return outcome ? { data: await pkg.save(), outcome } : { data };
}
