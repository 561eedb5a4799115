import { isLate, submissionTarget, type SubmissionTarget } from "../../team/submission";
import type { NameEntry } from "../../team";
import { sheetOf } from "./team/readPlans";

/**
 * 提交 / Submit: stamps a date-time into the 提交时间 cell of the weekly plan on the active sheet, which
 * its 按时提交 formula compares with the deadline. Three syncs when it stamps (the names and the active
 * sheet; the cell; the write), two when the cell already holds something, one when there is no plan.
 *
 * A cell that is not empty is the rep's — typed, or stamped earlier — and is not overwritten unless the
 * caller passes, as `replacing`, what the pane showed the rep it holds: the rep confirmed replacing that.
 * If the cell changed since (someone typed in between), nothing is written and the new content returned.
 */

/** What a 提交时间 cell holds: the date-time serial, or the text or formula someone typed. */
export type SubmittedContent = number | string;

export type StampOutcome = { readonly sheet: string } & (
  | {
      readonly kind: "stamped";
      readonly at: number;
      /** The deadline as the plan states it, when it is a date-time, and whether the stamp is past it. */
      readonly deadline?: number;
      readonly late?: boolean;
      /** What the cell held before, when the rep asked to replace it. */
      readonly replaced?: SubmittedContent;
    }
  | { readonly kind: "alreadyStamped"; readonly held: SubmittedContent }
  | Exclude<SubmissionTarget, { readonly kind: "found" }>
);

/** A cell's content as the rep sees it in the formula bar: its formula, else its value; "" when empty. */
const contentOf = (formula: unknown, value: unknown): SubmittedContent | "" =>
  typeof formula === "string" && formula.startsWith("=") ? formula : typeof value === "number" ? value : String(value ?? "");

/** The date-time format a cell stamped with a serial gets when nothing formats it (a bare serial reads 46355.6). */
export async function stampSubmission(context: Excel.RequestContext, at: number, format: string, replacing?: SubmittedContent): Promise<StampOutcome> {
  const names = context.workbook.names.load("items/name,items/type,items/formula");
  const active = context.workbook.worksheets.getActiveWorksheet().load("name");
  await context.sync();

  const sheet = active.name;
  const entries: NameEntry[] = names.items.map((item) => {
    const on = sheetOf(item);
    return on === undefined ? { name: item.name } : { name: item.name, sheet: on };
  });
  const target = submissionTarget(entries, sheet);
  if (target.kind !== "found") return { sheet, ...target };
  // A name listed in the first sync: its range is loaded through it (NamedItem.getRangeOrNullObject, ExcelApi 1.4).
  const rangeOf = (name: string): Excel.Range | undefined => names.items.find((n) => n.name === name)?.getRangeOrNullObject();
  const cell = rangeOf(target.submitted)?.load("values,formulas,numberFormat");
  const deadline = target.deadline === undefined ? undefined : rangeOf(target.deadline)?.load("values");
  await context.sync();

  if (!cell || cell.isNullObject) return { sheet, kind: "broken", key: target.key, name: target.submitted, missing: false };
  const held = contentOf(cell.formulas[0]?.[0], cell.values[0]?.[0]);
  if (held !== "" && held !== replacing) return { sheet, kind: "alreadyStamped", held };
  cell.values = [[at]];
  if (cell.numberFormat[0]?.[0] === "General") cell.numberFormat = [[format]];
  await context.sync();
  const due = deadline && !deadline.isNullObject ? deadline.values[0]?.[0] : undefined;
  return {
    sheet,
    kind: "stamped",
    at,
    ...(typeof due === "number" ? { deadline: due, late: isLate(at, due) } : {}),
    ...(held !== "" ? { replaced: held } : {}),
  };
}
