import type { Locale } from "../../../contract/locale";
import type { WorkCalendar } from "../../../domain/calendar";
import { a1 } from "../../../spec/a1";
import { parseCell } from "../../../spec/addresses";
import type { CellValue, ExistingNames } from "../../../spec/sheetSpec";
import { discoverPlans, needsValue, type NameEntry, type PlanInstance } from "../../../team/plans";
import { buildTemplates } from "../../../templates";
import {
  breakdownWeekTables,
  HEADER_OFFSETS,
  headerNames,
  isHeaderName,
  nextPlan,
  NextPlanError,
  planOnSheet,
  planTables,
  type NextPlan,
  type TableRead,
} from "../../../templates/team/nextPlan";
import { cellValue, tableNames, workbookCells, workbookNames, XlsxPackage, type NamedValue } from "../../ooxml";
import { readTableContents } from "../../ooxml/appendRows";
import { addSheets } from "..";
import { inspectPackage } from "../inspect";

/**
 * `sales-planner next`: the plan on `sheet` read from the package, and the next period's plan grafted into
 * it (`addSheets`: nothing else of the workbook is rewritten) — or, when the workbook already holds that
 * plan, nothing written. A formula's value is the one the file saved (Excel, WPS and LibreOffice save them);
 * a file written by the command line and never opened has none, and those 实际 are reported, not guessed.
 */
export type NextPlanFile =
  | { readonly next: Extract<NextPlan, { kind: "exists" }> }
  /** The sheets written, the plan first, the workbook with them, and its names before (its 节假日 tables among them). */
  | { readonly next: Extract<NextPlan, { kind: "new" }>; readonly sheets: readonly string[]; readonly data: Uint8Array; readonly names: ExistingNames };

/** A table as the pure core reads it: a calculated column's empty cell is a formula whose value was not saved. */
async function readTable(pkg: XlsxPackage, name: string): Promise<TableRead> {
  const contents = await readTableContents(pkg, name);
  return { name, headers: contents.headers, rows: contents.rows.map((row) => row.map((value, i) => (value === null && contents.calculated[i] ? undefined : value))) };
}

export async function nextPlanInFile(data: Uint8Array, sheet: string, locale: Locale, calendar: (years: readonly number[]) => WorkCalendar): Promise<NextPlanFile> {
  const pkg = await XlsxPackage.load(data);
  if (!(await pkg.sheets()).some((s) => s.name.toLowerCase() === sheet.toLowerCase())) throw new NextPlanError("noSheet", { sheet });
  const located = await workbookNames(pkg, (name) => needsValue(name) || isHeaderName(name));
  const entries: NameEntry[] = located.map(({ name, sheet: at, value }) => (at !== undefined ? { name, sheet: at, ...(value !== undefined ? { value } : {}) } : { name }));
  const plans = discoverPlans(entries);
  const plan = planOnSheet(plans, sheet);
  const tables = await tableNames(pkg);
  const has = new Set(tables.map((t) => t.toLowerCase()));
  const read = async (names: readonly string[]): Promise<TableRead[]> => Promise.all(names.filter((t) => has.has(t.toLowerCase())).map((t) => readTable(pkg, t)));
  const header = plan.template === "weekly" ? await headerValues(pkg, located, plan) : {};
  const next = nextPlan({ plan, ...header, tables: await read(planTables(plan)) }, plans, await read(breakdownWeekTables(tables)), locale, calendar);
  if (next.kind === "exists") return { next };
  const names = await inspectPackage(pkg);
  const specs = buildTemplates([next.request], { locale: next.locale, existing: names });
  await addSheets(pkg, specs);
  return { next, sheets: specs.map((s) => s.name), data: await pkg.save(), names };
}

/** A weekly plan's 部门/团队 and 审批人: by their names, or — a plan written before they were named — beside its 姓名. */
async function headerValues(pkg: XlsxPackage, located: readonly NamedValue[], plan: PlanInstance): Promise<{ team?: CellValue; approver?: CellValue }> {
  const byName = new Map(located.map((n) => [n.name.toUpperCase(), n]));
  const names = headerNames(plan);
  const rep = byName.get(`SP_${plan.key}_REP`);
  const team = byName.get(names.team);
  const approver = byName.get(names.approver);
  if (team?.sheet !== undefined && approver?.sheet !== undefined) return { team: team.value ?? null, approver: approver.value ?? null };
  if (rep?.sheet === undefined || rep.address === undefined) return {};
  const cells = (await workbookCells(pkg, (s) => s === rep.sheet)).get(rep.sheet);
  const at = parseCell(rep.address.split(":")[0]);
  const offset = ([rows, cols]: readonly [number, number]): CellValue => cellValue(cells?.get(a1({ row: at.row + rows, col: at.col + cols })));
  return { team: offset(HEADER_OFFSETS.team), approver: offset(HEADER_OFFSETS.approver) };
}
