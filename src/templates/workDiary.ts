import { daysInMonth, PLAIN_WEEKS, serialFromYmd, workingDates, type WorkCalendar } from "../domain/calendar";
import { a1FixedColumn } from "../spec/a1";
import { col, dateWindow, equalsCriterion, rowWindow, str, thisRow, type RowWindow } from "../spec/formula";
import { freeKey, freeSheetName, spName, spTable, templateRecord } from "../spec/naming";
import type { SheetSpec, TableRow } from "../spec/sheetSpec";
import { label, SUM } from "./columns";
import { kitFor, type BuildContext } from "./context";
import { printSetup, SheetDraft, type PlacedTable } from "./draft";
import { COLORS, FORMATS } from "./formats";
import { dayLabelFormula, holidayTables, workbookCalendar } from "./holidays";
import { section } from "./planBlocks";
import { TEMPLATES } from "./registry";
import { visitCounts } from "./visitLog";

/**
 * 工作日记 (issue 12 item 4, seed 003 L95–96: 营销代表实行工作日记制,每工作日必须完成拜访两户新客户,三户老客户,
 * 四个联络电话的二、三、四工作步骤;以月度营销任务完成情况及工作日记志综合考核): one row per rep and working day
 * of a month, its new visits, existing-customer visits and calls counted from the visit log, met or not
 * against the daily standard (named cells, editable), and per rep the month's days met and pass rate.
 */

export interface WorkDiaryOptions {
  /** The reps, one block of days each, in order; none gives one block whose 销售代表 the user types. */
  readonly reps: readonly string[];
  readonly year: number;
  readonly month: number;
  /** Holidays and 调休 make-up days; plain Mon–Fri weeks when absent. */
  readonly calendar?: WorkCalendar;
}

/** The 2-3-4 standard of seed 003 L95, in the order of `strings.diary.standards`. */
const STANDARD = { newVisits: 2, oldVisits: 3, calls: 4 } as const;
const STANDARD_NAMES = { newVisits: "STD_NEW", oldVisits: "STD_OLD", calls: "STD_CALLS" } as const;

/** Names typed as one text (the pane's box, `--rep`): split at commas, 、, semicolons and line breaks; blanks and repeats dropped. */
export const diaryReps = (text: string): string[] => [...new Set(text.split(/[,，、;；\n\r]+/).map((rep) => rep.trim()).filter((rep) => rep !== ""))];

export function buildWorkDiary(options: WorkDiaryOptions, ctx: BuildContext): SheetSpec[] {
  const kit = kitFor(ctx.locale);
  const { s, columns: c, v } = kit;
  const d = s.diary;
  const key = freeKey(TEMPLATES.diary, ctx.existing);
  const log = visitCounts(ctx.existing);
  const calendar = workbookCalendar(options.calendar ?? PLAIN_WEEKS, ctx.existing);
  const holidays = holidayTables(calendar, [options.year], ctx);
  const monthText = `${options.year}-${String(options.month).padStart(2, "0")}`;
  // Fixed when written, as the monthly plan's review date: a formula cannot add the rows a make-up day needs.
  const dates = workingDates(serialFromYmd(options.year, options.month, 1), serialFromYmd(options.year, options.month, daysInMonth(options.year, options.month)), calendar);
  const reps = options.reps.length > 0 ? options.reps : [""];
  const draft = new SheetDraft();

  draft.text({ row: 0, col: 0 }, d.title, "title");
  draft.text({ row: 2, col: 0 }, `${d.hint} ${log.present ? d.logHint(log.table) : d.noLogHint}`, "note");
  draft.field({ row: 3, col: 0 }, d.yearMonth, { value: monthText }, { style: "computed" });
  draft.field({ row: 3, col: 2 }, d.workdays, { value: dates.length }, { style: "computed", numberFormat: FORMATS.plain });
  draft.text({ row: 3, col: 4 }, d.workdaysNote, "note");
  draft.text({ row: 4, col: 0 }, d.standardsLabel, "label");
  const standard = Object.fromEntries(
    (Object.keys(STANDARD) as (keyof typeof STANDARD)[]).map((k, i) => {
      const at = draft.field({ row: 5, col: 2 * i }, d.standards[k], { value: STANDARD[k] }, { numberFormat: FORMATS.plain, validation: v.whole() });
      const name = spName(key, STANDARD_NAMES[k]);
      draft.name(name, at, d.standardNote);
      return [k, name];
    }),
  ) as Record<keyof typeof STANDARD, string>;

  let row = section(draft, 7, d.daysSection);
  const daysName = spTable(key, "Days");
  const h = d.columns;
  const date = thisRow(daysName, h.date);
  const rep = thisRow(daysName, h.rep);
  // The day's rows of the log, found once per row into two cells the counts read: the search written into
  // each of the six COUNTIFS made a row 4.4 KB of formulas, more than a 2 000-row diary may send Excel in one
  // request (5 MB), and ran it twelve times. Blank while the row has no rep or the workbook no log (ISREF of
  // a name not yet defined is FALSE), so the day is not judged on counts of nothing.
  const first = thisRow(daysName, h.logFirst);
  const last = thisRow(daysName, h.logLast);
  const day = dateWindow(log.dates, date, date);
  const logFirst = `IF(${rep}="","",IFERROR(IF(ISREF(${log.dates}),${day.first},""),""))`;
  const logLast = `IF(${first}="","",${day.last})`;
  const window = rowWindow(first, last);
  const counted = (count: (rep: string, window: RowWindow) => string): string => `IF(${first}="","",${count(rep, window)})`;
  const [met, notMet] = d.verdicts;
  const figures = [thisRow(daysName, h.newVisits), thisRow(daysName, h.oldVisits), thisRow(daysName, h.calls)];
  // Judged once the day is over — today's contacts are still being logged — and the log has been counted
  // (a blank count: no log yet, or no rep); a row whose date was cleared is not judged.
  const verdict =
    `IF(OR(${rep}="",${date}="",${date}>=TODAY(),${figures.map((f) => `${f}=""`).join(",")}),"",` +
    `IF(AND(${figures[0]}>=${standard.newVisits},${figures[1]}>=${standard.oldVisits},${figures[2]}>=${standard.calls}),${str(met)},${str(notMet)}))`;
  const days = draft.table({
    name: daysName,
    role: "days",
    origin: { row, col: 0 },
    showTotals: true,
    columns: [
      c.date("date", h.date, { totals: label(s.common.total) }),
      c.formula("weekday", h.weekday, "text", dayLabelFormula(date, calendar.week, [options.year].flatMap((year) => holidays.columnsOf(year) ?? []), s.weekly), { width: 12 }),
      c.text("rep", h.rep, { width: 10 }),
      c.formula("newVisits", h.newVisits, "integer", counted(log.newVisits), { totals: SUM }),
      c.formula("oldVisits", h.oldVisits, "integer", counted(log.oldVisits), { totals: SUM }),
      c.formula("calls", h.calls, "integer", counted(log.calls), { totals: SUM }),
      c.formula("verdict", h.verdict, "text", verdict, { width: 10 }),
      c.text("work", h.work, { width: 30 }),
      c.formula("logFirst", h.logFirst, "integer", logFirst, { width: 8 }),
      c.formula("logLast", h.logLast, "integer", logLast, { width: 8 }),
    ],
    rows: reps.flatMap((name): TableRow[] => dates.map((day) => ({ date: day, rep: name === "" ? null : name }))),
  });
  verdictFormats(draft, days, "verdict", met, notMet);

  row = section(draft, days.lastRow + 2, d.monthSection);
  const monthName = spTable(key, "Month");
  const m = d.monthColumns;
  const who = thisRow(monthName, m.rep);
  const ofRep = (header: string): string => `IF(${who}="","",SUMIFS(${col(daysName, header)},${col(daysName, h.rep)},${equalsCriterion(who)}))`;
  const daysWith = (word: string): string => `IF(${who}="","",COUNTIFS(${col(daysName, h.rep)},${equalsCriterion(who)},${col(daysName, h.verdict)},${str(word)}))`;
  const passed = thisRow(monthName, m.passed);
  const failed = thisRow(monthName, m.failed);
  const month = draft.table({
    name: monthName,
    role: "month",
    origin: { row, col: 0 },
    columns: [
      c.text("rep", m.rep, { width: 10 }),
      c.formula("newVisits", m.newVisits, "integer", ofRep(h.newVisits)),
      c.formula("oldVisits", m.oldVisits, "integer", ofRep(h.oldVisits)),
      c.formula("calls", m.calls, "integer", ofRep(h.calls)),
      c.formula("passed", m.passed, "integer", daysWith(met)),
      c.formula("failed", m.failed, "integer", daysWith(notMet)),
      // Over the days judged so far: a month under way is rated on its days gone by.
      c.formula("rate", m.rate, "percent", `IF(OR(${passed}="",${passed}+${failed}=0),"",${passed}/(${passed}+${failed}))`),
    ],
    rows: reps.map((name) => ({ rep: name === "" ? null : name })),
  });
  draft.format({
    target: { kind: "tableColumn", table: monthName, column: month.header("rate") },
    rule: { kind: "dataBar", color: COLORS.goodFont },
    style: {},
  });

  return [
    draft.finish({
      name: freeSheetName(`${d.sheetPrefix} ${monthText}`, [...ctx.existing.sheets, ...holidays.sheets.map((x) => x.name)]),
      record: templateRecord(TEMPLATES.diary, "main", key, { row: 1, col: 0 }),
      recordLabel: s.common.recordLabel,
      recordNote: s.common.recordNote,
      freeze: { rows: days.spec.origin.row + 1, cols: 3 },
      print: printSetup({ first: days.spec.origin.row, last: days.spec.origin.row }),
      tabColor: "70AD47",
    }),
    ...holidays.sheets,
  ];
}

/** 达标 green, 未达标 red, on the verdict column. */
function verdictFormats(draft: SheetDraft, table: PlacedTable, key: string, met: string, notMet: string): void {
  const at = a1FixedColumn(table.cell(0, key));
  const target = { kind: "tableColumn", table: table.spec.name, column: table.header(key) } as const;
  draft.format({ target, rule: { kind: "expression", formula: `${at}=${str(met)}` }, style: { fill: COLORS.goodFill, fontColor: COLORS.goodFont } });
  draft.format({ target, rule: { kind: "expression", formula: `${at}=${str(notMet)}` }, style: { fill: COLORS.badFill, fontColor: COLORS.badFont, bold: true } });
}
