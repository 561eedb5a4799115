import { fortnightPhase, makeWorkCalendar, ymdFromSerial, type WorkCalendar, type WorkWeek } from "../domain/calendar";
import { chinaYearDays } from "../domain/chinaCalendar";
import { localize } from "../contract/locale";
import { kitFor, type BuildContext } from "./context";
import { printSetup, SheetDraft } from "./draft";
import { col, str } from "../spec/formula";
import { freeSheetName, holidayTableName, holidayTableYear, recordName, templateRecord } from "../spec/naming";
import { SHARED_TEMPLATES } from "./registry";
import type { ExistingNames, SheetSpec, TableRow, WorkbookHolidayTable } from "../spec/sheetSpec";

/**
 * 节假日 (issue 11): the holidays and make-up working days a workbook plans with, one sheet and table
 * per year, written the first time a template needs that year and reused by every later one. The
 * templates' working-day formulas read it, so editing the table updates their counts.
 *
 * Why one table per year, keyed `H<year>`: a template finds the table it needs by its name alone
 * (`SP_H2026_Days`), so a later write never extends or rewrites one the user may have edited (the
 * front doors only read it, see `workbookCalendar`); a new year simply gets its own sheet. Every
 * count a template makes lies within one year.
 */

const key = (year: number): string => `${SHARED_TEMPLATES.holidays.keyLetter}${year}`;

/** Where a formula reads a year's dates: the table and the headers of its day-off and make-up columns. */
export interface HolidayColumns {
  readonly table: string;
  readonly off: string;
  readonly work: string;
}

const byYear = (existing: ExistingNames): Map<number, WorkbookHolidayTable> =>
  new Map((existing.holidayTables ?? []).flatMap((t) => { const year = holidayTableYear(t.table); return year === undefined ? [] : [[year, t] as const]; }));

/**
 * The calendar a write plans with: `calendar` with the dates of every year the workbook has a 节假日
 * table for replaced by that table's, so values fixed at write time agree with the workbook's own
 * formulas, and writing again recomputes them from the table as the user edited it.
 */
export function workbookCalendar(calendar: WorkCalendar, existing: ExistingNames): WorkCalendar {
  const tables = byYear(existing);
  if (tables.size === 0) return calendar;
  const outside = (dates: readonly number[]): number[] => dates.filter((date) => !tables.has(ymdFromSerial(date).year));
  // A date typed into another year's table is not read by the formulas (they ask the table of the row's year), so not here either.
  const inside = (pick: (t: WorkbookHolidayTable) => readonly number[]): number[] =>
    [...tables].flatMap(([year, t]) => pick(t).filter((date) => ymdFromSerial(date).year === year));
  return makeWorkCalendar(
    [...outside(calendar.listed.holidays), ...inside((t) => t.holidays)],
    [...outside(calendar.listed.makeUpDays), ...inside((t) => t.makeUpDays)],
    calendar.week,
  );
}

/** `specs` with the 节假日 sheets moved after the others: the plans the user asked for come first. */
export const holidaysLast = (specs: readonly SheetSpec[]): SheetSpec[] => [
  ...specs.filter((s) => s.record.template !== SHARED_TEMPLATES.holidays.id),
  ...specs.filter((s) => s.record.template === SHARED_TEMPLATES.holidays.id),
];

/** What a builder needs for the years it counts working days in. */
export interface HolidayTables {
  /** The columns formulas of `year` read; undefined when there is no table for it (a plain calendar). */
  readonly columnsOf: (year: number) => HolidayColumns | undefined;
  /** The sheets to write with the template: one per year the workbook lacks and the calendar lists dates in. */
  readonly sheets: SheetSpec[];
}

/**
 * The 节假日 tables for `years`: the workbook's own where it has one (whatever it holds), a new one for
 * a year in which `calendar` lists dates, none for a year without dates (a plain Monday–Friday choice,
 * or a year past the built-in data that the front door has already warned about).
 */
export function holidayTables(calendar: WorkCalendar, years: readonly number[], ctx: BuildContext): HolidayTables {
  const read = byYear(ctx.existing);
  const tables = new Set(ctx.existing.tables);
  const h = kitFor(ctx.locale).s.holidays.columns;
  const columns = new Map<number, HolidayColumns>();
  const sheets: SheetSpec[] = [];
  let sheetNames = ctx.existing.sheets;
  for (const year of new Set(years)) {
    const table = holidayTableName(year);
    const found = read.get(year);
    if (found) {
      columns.set(year, { table, off: found.headers[0], work: found.headers[1] });
    } else if (tables.has(table)) {
      // Listed but not read back. Unread (a caller that only lists names): it was written with these
      // headers. Read but unusable (a column deleted): no formula may name it, so the year counts plain.
      if (ctx.existing.holidayTables === undefined) columns.set(year, { table, off: h.off, work: h.work });
    } else if (listedIn(calendar, year)) {
      const sheet = buildHolidaySheet(year, calendar, { ...ctx, existing: { ...ctx.existing, sheets: sheetNames } });
      sheetNames = [...sheetNames, sheet.name];
      sheets.push(sheet);
      columns.set(year, { table, off: h.off, work: h.work });
    }
  }
  return { columnsOf: (year) => columns.get(year), sheets };
}

const listedIn = (calendar: WorkCalendar, year: number): boolean =>
  [...calendar.listed.holidays, ...calendar.listed.makeUpDays].some((date) => ymdFromSerial(date).year === year);

function buildHolidaySheet(year: number, calendar: WorkCalendar, ctx: BuildContext): SheetSpec {
  const kit = kitFor(ctx.locale);
  const { s, columns: c } = kit;
  const h = s.holidays;
  const draft = new SheetDraft();
  draft.text({ row: 0, col: 0 }, h.title(year), "title");
  draft.text({ row: 2, col: 0 }, h.note, "note");
  const festivals = new Map((chinaYearDays(year) ?? []).map((day) => [`${day.workday}:${day.date}`, localize(day.festival, ctx.locale)]));
  const inYear = (dates: readonly number[]): number[] => dates.filter((date) => ymdFromSerial(date).year === year);
  const rows: TableRow[] = [
    ...inYear(calendar.listed.holidays).map((date) => ({ date, workday: false })),
    ...inYear(calendar.listed.makeUpDays).map((date) => ({ date, workday: true })),
  ]
    .sort((a, b) => a.date - b.date)
    .map(({ date, workday }) => ({ [workday ? "work" : "off"]: date, note: festivals.get(`${workday}:${date}`) ?? h.ownLine }));
  draft.table({
    name: holidayTableName(year),
    role: "days",
    origin: { row: 4, col: 0 },
    columns: [c.date("off", h.columns.off, { width: 14 }), c.date("work", h.columns.work, { width: 16 }), c.text("note", h.columns.note, { width: 24 })],
    rows: rows.length > 0 ? rows : [{}],
  });
  // The key is the year's, not a free counter: a name of it left behind (Excel keeps a deleted sheet's
  // names, pointing at #REF!) would clash, so the record then goes without its name; the table,
  // which is how every template finds the year, went with the sheet and is free.
  const recordFree = !ctx.existing.names.some((name) => name.toUpperCase() === recordName(key(year), "main"));
  return draft.finish({
    name: freeSheetName(`${h.sheetPrefix} ${year}`, ctx.existing.sheets),
    record: templateRecord(SHARED_TEMPLATES.holidays, "main", key(year), { row: 1, col: 0 }),
    recordLabel: s.common.recordLabel,
    recordNote: s.common.recordNote,
    nameRecord: recordFree,
    freeze: { rows: 5, cols: 0 },
    print: printSetup({ first: 4, last: 4 }),
    tabColor: "C00000",
  });
}

/*
 * The working-day formulas below use no function newer than Excel 2007. NETWORKDAYS.INTL, which counted
 * under any work week in one call, came with Excel 2010: a file stores it as `_xlfn.NETWORKDAYS.INTL`,
 * and Excel reads the bare name as an unknown one, #NAME? until each cell is typed again (Microsoft
 * Support, "Issue: An _xlfn. prefix is displayed in front of a formula"; dfinke/ImportExcel#1742,
 * awalker89/openxlsx#459) — while LibreOffice 7.4 reads the prefixed name as unknown instead (tried:
 * every weekday label blank). NETWORKDAYS (Saturday–Sunday weekends, a list of days off) is stored
 * bare and read alike by Excel, WPS and LibreOffice, and skips text in the list as COUNTIFS does; the
 * weekend days are then taken one by one.
 */

/** Whether the work week works on a Saturday: always (单休), never (双休), or when a formula of it holds (大小周's long weeks). */
type SaturdayRule = boolean | ((saturday: string) => string);

function saturdayRule(week: WorkWeek): SaturdayRule {
  if (week.kind !== "alternate") return week.kind === "sixDay";
  // Only the long Saturdays' place in the fortnight matters: one way to write each 大小周, whichever date named it.
  const phase = fortnightPhase(week.longSaturday);
  return (saturday) => `(MOD(${saturday}${phase === 0 ? "" : `-${phase}`},14)=0)`;
}

/**
 * 1 when `column` lists the day `day` (a formula), else 0: any time of that day, however often listed. A
 * number, not a comparison's TRUE/FALSE: Excel ranks a logical value above every number, so FALSE>0 is TRUE.
 */
const lists = (column: string, day: string): string => `MIN(1,COUNTIFS(${column},">="&${day},${column},"<"&${day}+1))`;

/**
 * The weekday of `date` as the daily plan shows it, marked when the workbook's tables change it: a day
 * the work week works that a table lists as a day off, or a rest day it lists as a make-up day. A week
 * may run into the next year, so every table of its years is asked (a date is in its own year's only).
 */
export function dayLabelFormula(date: string, week: WorkWeek, days: readonly HolidayColumns[], words: { readonly weekdays: readonly string[]; readonly holidayMark: string; readonly makeUpMark: string }): string {
  const weekday = `CHOOSE(WEEKDAY(${date},2),${words.weekdays.map(str).join(",")})`;
  if (days.length === 0) return weekday;
  const listed = (column: (d: HolidayColumns) => string): string => days.map((d) => lists(col(d.table, column(d)), date)).join("+");
  // Monday–Friday work; Saturday (6) too when the work week works the Saturday of the date's week.
  const rule = saturdayRule(week);
  const limit = typeof rule === "boolean" ? (rule ? "7" : "6") : `6+${rule(`(${date}-WEEKDAY(${date},2)+6)`)}`;
  const works = `WEEKDAY(${date},2)<${limit}`;
  const mark = `IF(${works},IF(${listed((d) => d.off)}>0,${str(words.holidayMark)},""),IF(${listed((d) => d.work)}>0,${str(words.makeUpMark)},""))`;
  return `${weekday}&${mark}`;
}

/** The weeks a span may run over: a month holds five Saturdays and five Sundays at most. */
const SPAN_WEEKS = 5;

/**
 * Working days from `from` to `to`, formulas of two dates up to five Monday–Sunday weeks apart — a plan's week,
 * as a row is written or as the user stretches it, or a month: the Monday–Friday days not off (NETWORKDAYS,
 * which counts a day listed twice or with a time once, and skips a listed day on a weekend), then each of the
 * span's five Saturdays and five Sundays at most — the first on or after `from`, then every 7 days while not
 * past `to` — that the work week works and the table does not list as off, or that it rests and the table
 * lists as a make-up day. Sunday is a rest day in every work week. A span ending before it starts counts
 * its Monday–Friday days only, negative, as NETWORKDAYS does.
 */
export function workdaysFormula(from: string, to: string, week: WorkWeek, days: HolidayColumns | undefined): string {
  const terms = [days ? `NETWORKDAYS(${from},${to},${col(days.table, days.off)})` : `NETWORKDAYS(${from},${to})`];
  /** Each of the span's five days from `first` on, 7 days apart, counted by `value` (undefined: it never counts). */
  const weekend = (first: string, value: (day: string) => string | undefined) => {
    for (let k = 0; k < SPAN_WEEKS; k++) {
      const day = k === 0 ? first : `(${first}+${7 * k})`;
      const counted = value(day);
      if (counted !== undefined) terms.push(`IF(${day}>${to},0,${counted})`);
    }
  };
  const madeUp = (day: string): string | undefined => (days ? lists(col(days.table, days.work), day) : undefined);
  const notOff = (day: string): string => (days ? `1-${lists(col(days.table, days.off), day)}` : "1");
  const rule = saturdayRule(week);
  weekend(`(${from}+MOD(6-WEEKDAY(${from},2),7))`, (day) => {
    if (typeof rule === "boolean") return rule ? notOff(day) : madeUp(day);
    return days ? `IF(${rule(day)},${notOff(day)},${madeUp(day)})` : `${rule(day)}*1`;
  });
  weekend(`(${from}+7-WEEKDAY(${from},2))`, madeUp);
  return terms.join("+");
}
