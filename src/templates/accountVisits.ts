import { a1FixedColumn } from "../spec/a1";
import { col, dateWindow, equalsCriterion, thisRow } from "../spec/formula";
import { definesName, freeKey, freeSheetName, spName, spTable, templateRecord } from "../spec/naming";
import type { ColumnSpec, ExistingNames, SheetSpec, TableRow } from "../spec/sheetSpec";
import { kitFor, type BuildContext, type Kit } from "./context";
import { printSetup, SheetDraft } from "./draft";
import { COLORS, ordinalFormat } from "./formats";
import { accountUnits, linkedTable, unitColumn } from "./linkedTables";
import { TEMPLATES } from "./registry";
import { TEMPLATE_STRINGS } from "./strings";
import { VISIT_COLUMN_NAMES, visitCounts, visitLogKey, VISITS_ROLE } from "./visitLog";

/**
 * 大客户拜访报告 (issue 15 item 3, seed 004 L88–91 大客户拜访报告: 单位名称, 第一次/第二次拜访, 拜访人, 时间, the unit's
 * 基本情况, 需求信息 and 推广建议): one row per visit to a key-account unit. 拜访次序 numbers the unit's rows of this
 * sheet; 日志记录 counts the visit log's rows of the visit's day for the unit, so a visit reported here but never
 * logged (or logged under another name) shows 0.
 */

export interface AccountVisitsOptions {
  /** Data rows by column key; dates as serials. */
  readonly rows?: readonly TableRow[];
  /** Blank rows appended for data entry (default: the registry's). */
  readonly blankRows?: number;
}

/** The report's table is `SP_<KEY>_Reports`. */
export const ACCOUNT_VISITS_ROLE = "Reports";

/** Where the visit log writes its 客户名称 column (after 日期, 负责人, 客户编号), to find it under a renamed header. */
export const VISIT_LOG_CUSTOMER_NAME_POSITION = 3;

/**
 * The visit log's 客户名称 column as the report reads it: the log's workbook name, else — a log written before it
 * named that column — a structured reference to the column found by header (either language) or position, so
 * such a log is counted rather than shown blank. The name is taken whenever the workbook does not list the log.
 */
function logCustomerNames(existing: ExistingNames, locale: BuildContext["locale"], logKey: string): string {
  const name = spName(logKey, VISIT_COLUMN_NAMES.customerName);
  if (definesName(existing, name)) return name;
  const headers = Object.values(TEMPLATE_STRINGS).map((s) => s.visits.columns.customerName);
  const wanted = { customerName: { headers, position: VISIT_LOG_CUSTOMER_NAME_POSITION } };
  const found = linkedTable(existing, TEMPLATES.visits, VISITS_ROLE, wanted, { customerName: TEMPLATE_STRINGS[locale].visits.columns.customerName });
  return found ? col(found.table, found.columns.customerName) : name;
}

function reportColumns(kit: Kit, table: string, ctx: BuildContext): ColumnSpec[] {
  const { s, columns: c } = kit;
  const a = s.accountVisits;
  const h = a.columns;
  const unit = thisRow(table, h.unit);
  const date = thisRow(table, h.date);
  // The unit's rows from the table's top to this one: 第N次 follows the rows above, as the report is kept.
  // The criterion escaped (literalCriterion): a unit named 泉州* must not count 泉州商会's rows.
  const order = `IF(${unit}="","",COUNTIF(INDEX(${col(table, h.unit)},1):${unit},${equalsCriterion(unit)}))`;
  // The day's rows of the date-ordered log, by binary search (dateWindow), then the unit among those rows only:
  // a COUNTIFS over the whole log on every row would read the log once per report. Blank while the workbook has
  // no log (ISREF of a name not yet defined is FALSE), so a report written first starts counting once a log is added.
  const logKey = visitLogKey(ctx.existing);
  const dates = spName(logKey, VISIT_COLUMN_NAMES.date);
  // INT(): the whole day of a date typed with a time of day, not just its rows from that time on.
  const day = dateWindow(dates, `INT(${date})`, `INT(${date})`);
  const names = logCustomerNames(ctx.existing, ctx.locale, logKey);
  const logged = `IF(OR(${unit}="",NOT(ISNUMBER(${date}))),"",IFERROR(IF(ISREF(${dates}),${day.when(`COUNTIFS(${day.rows(names)},${equalsCriterion(unit)})`, "0")},""),""))`;
  const ordinal = c.formula("order", h.order, "integer", order, { width: 10 });
  return [
    unitColumn(kit, ctx.existing, ctx.locale, h.unit, { title: a.unitErrorTitle, message: a.unitErrorMessage }),
    c.date("date", h.date),
    { ...ordinal, numberFormat: ordinalFormat(ctx.locale) },
    c.text("visitor", h.visitor, { width: 10 }),
    c.count("staff", h.staff),
    c.money("income", h.income),
    c.text("business", h.business, { width: 18 }),
    c.text("industry", h.industry, { width: 12 }),
    c.text("office", h.office, { width: 14 }),
    c.text("housing", h.housing, { width: 14 }),
    c.list("building", h.building, a.yesNo, { width: 8 }),
    c.text("cars", h.cars, { width: 10 }),
    c.text("needs", h.needs, { width: 18 }),
    c.list("intent", h.intent, a.levels, { width: 8 }),
    c.list("power", h.power, a.levels, { width: 8 }),
    c.text("area", h.area, { width: 14 }),
    c.text("price", h.price, { width: 14 }),
    c.text("focus", h.focus, { width: 16 }),
    c.text("venue", h.venue, { width: 14 }),
    c.text("channel", h.channel, { width: 14 }),
    c.text("internal", h.internal, { width: 14 }),
    c.text("events", h.events, { width: 18 }),
    c.text("nextStep", h.nextStep, { width: 18 }),
    c.text("note", h.note, { width: 18 }),
    c.formula("logged", h.logged, "integer", logged, { width: 10 }),
  ];
}

export function buildAccountVisits(options: AccountVisitsOptions, ctx: BuildContext): SheetSpec[] {
  const kit = kitFor(ctx.locale);
  const { s } = kit;
  const a = s.accountVisits;
  const key = freeKey(TEMPLATES.accountVisits, ctx.existing);
  const name = spTable(key, ACCOUNT_VISITS_ROLE);
  const accounts = accountUnits(ctx.existing, ctx.locale);
  const log = visitCounts(ctx.existing);
  const draft = new SheetDraft();
  draft.text({ row: 0, col: 0 }, a.title, "title");
  draft.text({ row: 2, col: 0 }, [a.hint, ...(accounts ? [a.accountsHint(accounts.table)] : [])].join(" "), "note");
  draft.text({ row: 3, col: 0 }, log.present ? a.logHint(log.table) : a.noLogHint, "note");
  const origin = { row: 5, col: 0 };
  const reports = draft.table({
    name,
    role: "reports",
    origin,
    columns: reportColumns(kit, name, ctx),
    rows: [...(options.rows ?? []), ...Array.from({ length: options.blankRows ?? TEMPLATES.accountVisits.blankRows.initial }, () => ({}))],
  });
  // A visit reported here that the log does not hold on its day: seed 004 L76 has each day's visits written up
  // (填写大客户跟进表), and the log is where the reps' daily counts come from.
  const logged = a1FixedColumn(reports.cell(0, "logged"));
  draft.format({
    target: { kind: "tableColumn", table: name, column: reports.header("logged") },
    rule: { kind: "expression", formula: `AND(ISNUMBER(${logged}),${logged}=0)` },
    style: { fill: COLORS.warnFill, fontColor: COLORS.warnFont },
  });
  // 拜访次序 counts the rows above, so a visit entered below a later one is numbered after it.
  const date = a1FixedColumn(reports.cell(0, "date"));
  const above = a1FixedColumn(reports.cell(-1, "date"));
  draft.format({
    target: { kind: "tableColumn", table: name, column: reports.header("date") },
    rule: { kind: "expression", formula: `AND(ISNUMBER(${date}),ISNUMBER(${above}),${date}<${above})` },
    style: { fill: COLORS.warnFill, fontColor: COLORS.warnFont },
  });
  return [
    draft.finish({
      name: freeSheetName(a.sheetName, ctx.existing.sheets),
      record: templateRecord(TEMPLATES.accountVisits, "main", key, { row: 1, col: 0 }),
      recordLabel: s.common.recordLabel,
      recordNote: s.common.recordNote,
      freeze: { rows: origin.row + 1, cols: 3 },
      print: printSetup({ first: origin.row, last: origin.row }),
      tabColor: "ED7D31",
    }),
  ];
}
