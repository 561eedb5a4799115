import type { Locale } from "../contract/locale";
import { type BreakdownInput, type PlanInstance } from "../team";
import { buildBreakdownSpecs, type PlanChoice } from "../templates/team";
import { NO_NAMES } from "../spec/naming";
import { writeSheets } from "../writers/office/officeWriter";
import { collectRepWorkbooks, rollUpTeam, type HeldPlan, type HistoryResult, type InsertedPlan, type ProjectsOutcome, type RepWorkbookFile } from "../writers/office/team";
import { serialFromYmd } from "../domain/calendar";
import type { SkippedFile } from "../writers/ooxml/fileCheck";
import { blobUrl, downloadOf, type WriteOutcome } from "./templateWriter";

/** What the pane asks the team layer to write. */
export interface BreakdownRequest {
  readonly input: BreakdownInput;
  readonly plans?: PlanChoice;
  readonly team?: string;
}

export interface RollupOutcome {
  readonly sheet: string;
  readonly refreshed: boolean;
  readonly plans: readonly PlanInstance[];
  readonly projects?: ProjectsOutcome;
  /** What was recorded in the 团队历史 sheet when asked (null: no plan to record). */
  readonly history?: HistoryResult | null;
  /** A summary in the older one-table layout, left as it is (`RollupResult.outdated`). */
  readonly outdated?: string;
}

/** `history`: record the roll-up's snapshot in the 团队历史 sheet, dated `on` (the pane's today). */
export interface RollupOptions {
  readonly history?: { readonly on: Date };
}

export type CollectOutcome =
  | { readonly kind: "unsupported" }
  | {
      readonly kind: "collected";
      readonly inserted: readonly InsertedPlan[];
      /** Plans the workbook already held, not inserted again. */
      readonly alreadyHeld: readonly HeldPlan[];
      readonly skipped: readonly SkippedFile[];
      readonly rollup: RollupOutcome;
    }
  | {
      readonly kind: "download";
      readonly download: WriteOutcome;
      readonly plans: readonly PlanInstance[];
      readonly copied: number;
      readonly withoutPlans: readonly string[];
      /** Files refused before reading (writers/ooxml/fileCheck.ts). */
      readonly refused: readonly SkippedFile[];
    };

const extras = (request: BreakdownRequest) => (request.team ? { team: request.team } : {});

export async function writeBreakdownToWorkbook(request: BreakdownRequest, locale: Locale): Promise<WriteOutcome> {
  const result = await Excel.run((context) =>
    writeSheets(context, (existing) => buildBreakdownSpecs(request.input, request.plans, { locale, existing }, extras(request))),
  );
  return { kind: "written", ...result };
}

export async function writeBreakdownToDownload(request: BreakdownRequest, locale: Locale): Promise<WriteOutcome> {
  return downloadOf(buildBreakdownSpecs(request.input, request.plans, { locale, existing: NO_NAMES }, extras(request)));
}

/** The values of the user's selection, for pasting reps and weights: one sync. */
export async function readSelection(): Promise<unknown[][]> {
  return Excel.run(async (context) => {
    const range = context.workbook.getSelectedRange().load("values");
    await context.sync();
    return range.values;
  });
}

export async function rollUpInWorkbook(locale: Locale, options: RollupOptions = {}): Promise<RollupOutcome> {
  const on = options.history?.on;
  const history = on ? { recorded: serialFromYmd(on.getFullYear(), on.getMonth() + 1, on.getDate()) } : undefined;
  return Excel.run((context) => rollUpTeam(context, locale, history));
}

/** Inside Excel: copies the reps' plan sheets in, then refreshes the roll-up so they are counted. */
export async function collectIntoWorkbook(files: readonly RepWorkbookFile[], locale: Locale): Promise<CollectOutcome> {
  const collected = await Excel.run((context) => collectRepWorkbooks(context, files));
  if (collected.kind === "unsupported") return collected;
  return { kind: "collected", inserted: collected.inserted, alreadyHeld: collected.alreadyHeld, skipped: collected.skipped, rollup: await rollUpInWorkbook(locale) };
}

/** In the preview: the same team workbook the command line builds, offered as a download. */
export async function collectIntoDownload(files: readonly RepWorkbookFile[], locale: Locale): Promise<CollectOutcome> {
  const { rollupWorkbooks } = await import(/* webpackChunkName: "xlsx" */ "../writers/xlsx/team/rollupFiles");
  const reps = files.map((f) => ({ file: f.file, data: Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0)) }));
  const report = await rollupWorkbooks(undefined, reps, locale);
  const fileName = `${report.summarySheet}.xlsx`;
  return {
    kind: "download",
    download: { kind: "download", fileName, url: blobUrl(report.data) },
    plans: report.plans,
    copied: report.copied.length,
    withoutPlans: report.withoutPlans,
    refused: report.refused,
  };
}
