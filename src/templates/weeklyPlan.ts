import { formatSerial, isoWeekMonday, PLAIN_WEEKS, type WorkCalendar } from "../domain/calendar";
import { SUM, label, textWidth } from "./columns";
import { dayLabelFormula, holidayTables, workbookCalendar } from "./holidays";
import { dateWindow, str, thisRow, type RowWindow } from "../spec/formula";
import { kitFor, type BuildContext, type Kit } from "./context";
import { printSetup, SheetDraft } from "./draft";
import { COLORS, numberFormat } from "./formats";
import { a1FixedColumn } from "../spec/a1";
import { freeKey, freeSheetName, sheetTitle, spName, spTable, templateRecord } from "../spec/naming";
import { TEMPLATES, weekYears } from "./registry";
import { expenseTable, keyItemColumns, rollupReadout, section, targetsTable, type ExpenseRow, metricRows } from "./planBlocks";
import { ROLLUP_METRICS, type SheetSpec, type TableRow, type WeeklyMetric } from "../spec/sheetSpec";
import { visitCounts, type VisitCounts } from "./visitLog";

/** 周工作计划 (DOMAIN §1.1): one sheet per rep per ISO week. */

export interface MetricFigures {
  readonly target?: number | null;
  readonly actual?: number | null;
  readonly lastWeek?: number | null;
}

export interface DailyRow {
  readonly customers?: string | null;
  readonly work?: string | null;
  readonly expected?: number | null;
  readonly result?: string | null;
  readonly status?: string | null;
}

export interface WeeklyPlanOptions {
  readonly rep: string;
  readonly team?: string;
  readonly approver?: string;
  readonly year: number;
  readonly week: number;
  /** Marks holidays and 调休 days in the daily plan, through the workbook's 节假日 tables (written when missing); plain Mon–Fri weeks when absent. */
  readonly calendar?: WorkCalendar;
  readonly targets?: Partial<Record<WeeklyMetric, MetricFigures>>;
  /** One entry per day Monday..Sunday (missing days stay blank). */
  readonly daily?: readonly DailyRow[];
  /** Rows of the key-items table, by column key (category, item, reason, goal, approach, support, owner, due, status). */
  readonly keyItems?: readonly TableRow[];
  /** Blank rows added after `keyItems` for the rep to fill in (default: the registry's). */
  readonly blankRows?: number;
  readonly expenses?: readonly ExpenseRow[];
  readonly forecast?: number | null;
  readonly issues?: string | null;
}

const READOUT_COL = 9;

/**
 * The actuals the visit log gives (issue 12 item 4): the plan's rep's rows in the plan's week, by binary
 * search over the date-ordered log. Blank before the week starts, so a plan written ahead does not show
 * 0 and a red 达成率, as a typed actual left empty does not.
 */
function loggedActuals(log: VisitCounts, rep: string, monday: number): Partial<Record<WeeklyMetric, string>> {
  const week = dateWindow(log.dates, String(monday), String(monday + 6));
  // Blank, not 0, where the log's names are missing: a plan copied without its log (the team roll-up
  // copies plan sheets only), or a log since deleted (#REF!) — ISREF of either is FALSE. Blank too without
  // a rep: "=" as a criterion would count the log's rows without one.
  const started = (count: (rep: string, window: RowWindow) => string): string =>
    `IF(OR(TODAY()<${monday},${rep}=""),"",IFERROR(IF(ISREF(${log.dates}),${count(rep, week)},""),""))`;
  return { NEW_CUSTOMERS: started(log.newCustomers), VISITS: started(log.visits), CALLS: started(log.calls) };
}

/**
 * 提交截止 / 提交时间 / 按时提交 / 审批状态 / 审批日期 (issue 16 item 2), named so a roll-up can read them. Seed
 * 000 E.4: the plan is due by the Sunday before its week, 17:00; E.5: approved at the weekly meeting.
 */
function submissionBlock(draft: SheetDraft, kit: Kit, key: string, monday: number, ctx: BuildContext): void {
  const { s, v } = kit;
  const w = s.weekly;
  const datetime = numberFormat("datetime", ctx.locale);
  const deadlineAt = draft.field({ row: 3, col: 2 }, w.deadline, { value: monday - 1 + 17 / 24 }, { style: "computed", numberFormat: datetime });
  const submittedAt = draft.field({ row: 3, col: 4 }, w.submitted, { value: null }, { numberFormat: datetime, validation: v.date() });
  const names = { deadline: spName(key, "DEADLINE"), submitted: spName(key, "SUBMITTED") };
  const onTimeAt = draft.field({ row: 3, col: 6 }, w.onTime, { formula: onTimeFormula(names.submitted, names.deadline, w.onTimeStates) });
  draft.widen(onTimeAt.col, Math.max(...Object.values(w.onTimeStates).map(textWidth)) + 2);
  const approvalAt = draft.field({ row: 4, col: 2 }, w.approvalStatus, { value: w.approvalStates[0] }, { validation: v.list(w.approvalStates) });
  const approvedAt = draft.field({ row: 4, col: 4 }, w.approvalDate, { value: null }, { numberFormat: numberFormat("date", ctx.locale), validation: v.date() });
  draft.name(names.deadline, deadlineAt, w.deadline);
  draft.name(names.submitted, submittedAt, w.submitted);
  draft.name(spName(key, "ONTIME"), onTimeAt, w.onTime);
  draft.name(spName(key, "APPROVAL"), approvalAt, w.approvalStatus);
  draft.name(spName(key, "APPROVED"), approvedAt, w.approvalDate);
}

/**
 * Blank until 提交时间 is filled; compared in whole seconds (as the pane's 提交 reports it: team/submission.ts `isLate`), so a time typed as exactly 17:00 is on time
 * whatever rounding its parse left. A text pasted past the date validation (or a deadline overwritten
 * with one) shows `invalid` rather than comparing a text with a number (FALSE or TRUE by engine).
 */
export function onTimeFormula(submitted: string, deadline: string, words: { readonly onTime: string; readonly late: string; readonly invalid: string }): string {
  const late = `ROUND((${submitted}-${deadline})*86400,0)>0`;
  return `IF(${submitted}="","",IF(AND(ISNUMBER(${submitted}),ISNUMBER(${deadline})),IF(${late},${str(words.late)},${str(words.onTime)}),${str(words.invalid)}))`;
}

export function buildWeeklyPlan(options: WeeklyPlanOptions, ctx: BuildContext): SheetSpec[] {
  const kit = kitFor(ctx.locale);
  const { s, columns: c, v } = kit;
  const w = s.weekly;
  const key = freeKey(TEMPLATES.weekly, ctx.existing);
  const monday = isoWeekMonday(options.year, options.week);
  const weekText = `${options.year}-W${String(options.week).padStart(2, "0")}`;
  const draft = new SheetDraft();

  draft.text({ row: 0, col: 0 }, w.title, "title");
  const repAt = draft.field({ row: 2, col: 0 }, w.name, { value: options.rep });
  const teamAt = draft.field({ row: 2, col: 2 }, w.team, { value: options.team ?? null });
  const periodAt = draft.field({ row: 2, col: 4 }, w.week, { value: weekText }, { style: "computed" });
  draft.field({ row: 3, col: 0 }, w.dateRange, { value: `${formatSerial(monday)} ~ ${formatSerial(monday + 6)}` }, { style: "computed" });
  const approverAt = draft.field({ row: 4, col: 0 }, w.approver, { value: options.approver ?? null });
  draft.name(spName(key, "REP"), repAt, s.plan.rep);
  // Named so the next week's plan keeps them (templates/team/nextPlan.ts).
  draft.name(spName(key, "TEAM"), teamAt, w.team);
  draft.name(spName(key, "APPROVER"), approverAt, w.approver);
  draft.name(spName(key, "PERIOD"), periodAt, s.plan.period);
  submissionBlock(draft, kit, key, monday, ctx);

  const metrics = metricRows(ROLLUP_METRICS.weekly, w.metrics, s.common.units, options.targets);
  let row = section(draft, 6, w.targetsSection);
  const log = visitCounts(ctx.existing);
  const targets = targetsTable(draft, kit, key, { row, col: 0 }, metrics, true, log.present ? loggedActuals(log, spName(key, "REP"), monday) : {});
  rollupReadout(draft, kit, key, { row: 2, col: READOUT_COL }, targets, metrics);
  if (log.present) draft.text({ row: targets.lastRow + 1, col: 0 }, w.logActuals(log.table), "note");

  row = section(draft, targets.lastRow + 2, w.dailySection);
  const calendar = workbookCalendar(options.calendar ?? PLAIN_WEEKS, ctx.existing);
  const dc = w.dailyColumns;
  const dailyName = spTable(key, "Daily");
  const years = weekYears({ year: options.year, week: options.week });
  const holidays = holidayTables(calendar, years, ctx);
  const days = [...new Set(years)].flatMap((year) => holidays.columnsOf(year) ?? []);
  const daily = draft.table({
    name: dailyName,
    role: "daily",
    origin: { row, col: 0 },
    showTotals: true,
    columns: [
      c.date("date", dc.date, { totals: label(s.common.total) }),
      c.formula("weekday", dc.weekday, "text", dayLabelFormula(thisRow(dailyName, dc.date), calendar.week, days, w), { width: 12 }),
      c.text("customers", dc.customers, { width: 20 }),
      c.text("work", dc.work, { width: 28 }),
      c.money("expected", dc.expected, { totals: SUM }),
      c.text("result", dc.result, { width: 20 }),
      c.list("status", dc.status, w.dailyStates, { width: 10 }),
    ],
    rows: w.weekdays.map((_, i) => ({ date: monday + i, ...options.daily?.[i] })),
  });

  row = section(draft, daily.lastRow + 2, w.keySection);
  draft.text({ row, col: 0 }, w.keyHint, "note");
  const kc = w.keyColumns;
  const keyItems = draft.table({
    name: spTable(key, "KeyItems"),
    role: "keyItems",
    origin: { row: row + 1, col: 0 },
    columns: [
      c.list("category", kc.category, w.keyCategories),
      ...keyItemColumns(kit),
    ],
    rows: [...(options.keyItems ?? []), ...Array.from({ length: options.blankRows ?? TEMPLATES.weekly.blankRows.initial }, () => ({}))],
  });
  // A carried item keeps the date promised: past it and neither 已完成 nor 取消, it shows red.
  const due = a1FixedColumn(keyItems.cell(0, "due"));
  const status = a1FixedColumn(keyItems.cell(0, "status"));
  draft.format({
    target: { kind: "tableColumn", table: keyItems.spec.name, column: keyItems.header("due") },
    rule: { kind: "expression", formula: `AND(ISNUMBER(${due}),${due}<TODAY(),${status}<>${str(w.dailyStates[2])},${status}<>${str(w.dailyStates[3])})` },
    style: { fill: COLORS.badFill, fontColor: COLORS.badFont },
  });

  row = section(draft, keyItems.lastRow + 2, s.plan.expenseSection);
  const expenses = expenseTable(draft, kit, key, { row, col: 0 }, options.expenses);

  row = section(draft, expenses.lastRow + 2, w.summarySection);
  draft.field({ row, col: 0 }, w.achieved, { formula: spName(key, "SALES_ACTUAL") }, { numberFormat: numberFormat("money", ctx.locale) });
  const forecastAt = draft.field(
    { row: row + 1, col: 0 },
    w.forecast,
    { value: options.forecast ?? null },
    { numberFormat: numberFormat("money", ctx.locale), validation: v.nonNegative() },
  );
  draft.name(spName(key, "FORECAST"), forecastAt, s.plan.forecast);
  draft.field({ row: row + 2, col: 0 }, s.plan.issues, { value: options.issues ?? null }, { fullWidth: true });

  return [
    draft.finish({
      name: freeSheetName(sheetTitle(w.sheetPrefix, options.rep, `${options.year}W${options.week}`), [...ctx.existing.sheets, ...holidays.sheets.map((h) => h.name)]),
      record: templateRecord(TEMPLATES.weekly, "main", key, { row: 1, col: 0 }),
      recordLabel: s.common.recordLabel,
      recordNote: s.common.recordNote,
      freeze: { rows: 5, cols: 0 },
      print: printSetup({ first: 0, last: 4 }),
      tabColor: "4472C4",
    }),
    ...holidays.sheets,
  ];
}

