import type { Locale } from "../../../contract/locale";
import type { WorkCalendar } from "../../../domain/calendar";
import type { CellValue } from "../../../spec/sheetSpec";
import { discoverPlans, needsValue, type NameEntry } from "../../../team/plans";
import { buildTemplates } from "../../../templates";
import { breakdownWeekTables, HEADER_OFFSETS, headerNames, isHeaderName, nextPlan, planOnSheet, planTables, type Carried, type TableRead } from "../../../templates/team/nextPlan";
import { referenceTarget } from "../../ooxml";
import { writeSheets } from "../officeWriter";

/**
 * 下周计划 / 下月计划 inside Excel: the plan on the active sheet read in TWO syncs — (1) the names, tables and
 * the active sheet; (2) the values of the few named cells plans are told apart by (records, reps,
 * periods), of this plan's 部门/团队 and 审批人, and of its targets and key-item tables (a monthly plan's
 * 重点客户, 重点工作, 回款计划 and VIP培养计划) and the breakdowns' week tables — then the next plan written by `writeSheets` (names, and the 节假日 tables when there
 * are any, then one commit) and activated in one more sync. A next plan already there is activated
 * instead, nothing written: 3 syncs. Refused (`NextPlanError`) on a sheet that is not a plan.
 */

export type NextPlanOutcome =
  | { readonly kind: "exists"; readonly sheet: string; readonly period: string }
  | { readonly kind: "written"; readonly sheet: string; readonly period: string; readonly template: "weekly" | "monthly"; readonly carried: Carried; readonly targetFrom?: string };

const sheetOf = (item: Excel.NamedItem): string | undefined => (item.type === "Range" ? referenceTarget(item.formula.replace(/^=/, ""))?.sheet : undefined);

const scalar = (value: unknown): CellValue => (typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? value : null);

export async function nextPlanInWorkbook(context: Excel.RequestContext, locale: Locale, calendar: (years: readonly number[]) => WorkCalendar): Promise<NextPlanOutcome> {
  const names = context.workbook.names.load("items/name,items/type,items/formula");
  const tables = context.workbook.tables.load("items/name");
  const active = context.workbook.worksheets.getActiveWorksheet().load("name");
  await context.sync();

  const located = names.items.map((item) => ({ item, sheet: sheetOf(item) }));
  // Which plan is on the sheet needs no value: a plan's sheet is where its names point.
  const plan = planOnSheet(discoverPlans(located.map(({ item, sheet }) => (sheet !== undefined ? { name: item.name, sheet } : { name: item.name }))), active.name);
  const valued = located.map(({ item, sheet }) => ({
    item,
    sheet,
    range: sheet !== undefined && (needsValue(item.name) || isHeaderName(item.name)) ? item.getRangeOrNullObject().load("values") : undefined,
  }));
  const header = headerNames(plan);
  const has = (name: string): boolean => valued.some((v) => v.item.name.toUpperCase() === name && v.range !== undefined);
  // A plan written before weekly v2 has no names for them: they are beside its 姓名, as every v1 plan laid them out.
  const rep = plan.template === "weekly" && !(has(header.team) && has(header.approver)) ? located.find(({ item }) => item.name.toUpperCase() === `SP_${plan.key}_REP`) : undefined;
  const offsets = rep?.sheet !== undefined
    ? {
        team: rep.item.getRange().getOffsetRange(...HEADER_OFFSETS.team).load("values"),
        approver: rep.item.getRange().getOffsetRange(...HEADER_OFFSETS.approver).load("values"),
      }
    : undefined;
  const tableNames = tables.items.map((t) => t.name);
  const reads = (wanted: readonly string[]) =>
    wanted.flatMap((name) => {
      const found = tableNames.find((t) => t.toLowerCase() === name.toLowerCase());
      if (found === undefined) return [];
      const table = context.workbook.tables.getItem(found);
      return [{ name: found, headers: table.getHeaderRowRange().load("values"), body: table.getDataBodyRange().load("values") }];
    });
  const planReads = reads(planTables(plan));
  const breakdownReads = reads(breakdownWeekTables(tableNames));
  await context.sync();

  const entries: NameEntry[] = valued.map(({ item, sheet, range }) => {
    if (sheet === undefined) return { name: item.name };
    const value = range && !range.isNullObject ? scalar(range.values[0]?.[0]) : undefined;
    return { name: item.name, sheet, ...(value !== undefined ? { value } : {}) };
  });
  const valueOf = (name: string): CellValue | undefined => entries.find((e) => e.name.toUpperCase() === name)?.value;
  const tableRead = (read: (typeof planReads)[number]): TableRead => ({ name: read.name, headers: (read.headers.values[0] ?? []).map((h) => String(h)), rows: read.body.values.map((row) => row.map(scalar)) });
  const plans = discoverPlans(entries);
  const team = offsets ? scalar(offsets.team.values[0]?.[0]) : valueOf(header.team);
  const approver = offsets ? scalar(offsets.approver.values[0]?.[0]) : valueOf(header.approver);
  const next = nextPlan(
    { plan: plans.find((p) => p.key === plan.key) ?? plan, ...(plan.template === "weekly" ? { team, approver } : {}), tables: planReads.map(tableRead) },
    plans,
    breakdownReads.map(tableRead),
    locale,
    calendar,
  );
  if (next.kind === "exists") {
    context.workbook.worksheets.getItem(next.sheet).activate();
    await context.sync();
    return next;
  }
  const written = await writeSheets(context, (existing) => buildTemplates([next.request], { locale: next.locale, existing }));
  const sheet = written.sheets[0];
  context.workbook.worksheets.getItem(sheet).activate();
  await context.sync();
  return { kind: "written", sheet, period: next.period, template: next.request.template, carried: next.carried, ...(next.targetFrom !== undefined ? { targetFrom: next.targetFrom } : {}) };
}
