/**
 * The work diary and the weekly plan's counted actuals (issue 12 item 4) over a visit log, written by the
 * xlsx writer and recalculated by LibreOffice: every count, verdict and pass rate equals what TypeScript
 * computes from the log's rows — with the log written before the diary, in the other language, and
 * added to a workbook that already had the diary.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Locale } from "../../../src/contract/locale";
import { serialFromYmd, workingDates } from "../../../src/domain/calendar";
import { planningCalendar } from "../../../src/domain/chinaCalendar";
import { buildTemplates } from "../../../src/templates";
import { buildVisitLog } from "../../../src/templates/visitLog";
import { buildWorkDiary } from "../../../src/templates/workDiary";
import { templateStrings } from "../../../src/templates/strings";
import { NO_NAMES, withSpecs } from "../../../src/spec/naming";
import type { SheetSpec, TableRow } from "../../../src/spec/sheetSpec";
import { inspectXlsx, writeXlsx } from "../../../src/writers/xlsx";
import { rollupWorkbooks } from "../../../src/writers/xlsx/team/rollupFiles";
import { countedVisits, visitRows, type CountedVisits } from "../../fixtures/visits";
import { errorCells, recalcXlsx, type ComputedWorkbook } from "../../support/libreoffice";
import { namedCell, read, readColumn, tableByRole, tableCell } from "../../support/specCells";
import { typeCells } from "../../support/xlsxEdit";
import { a1 } from "../../../src/spec/a1";

jest.setTimeout(300_000);

// 张* is a rep's name, not a pattern: a criterion would also count 张三's rows as 张*'s.
const REPS = ["张三", "李四", "王五", "张*"];
const calendar = planningCalendar({ holidays: [], makeUpDays: [] }, true, [2026]).calendar;
const PASS_DAY = serialFromYmd(2026, 10, 9);
/** 2026-W41: Monday 10-05 to Sunday 10-11, National Day's end and the make-up Saturday 10-10. */
const WEEK = { year: 2026, week: 41, monday: serialFromYmd(2026, 10, 5) };

/**
 * `visitRows` from 10-08 (about 3 contacts per rep a day: every day fails), and on 10-09 张三's 2-3-4 day
 * besides: 2 first contacts visited, 3 customers of 10-08 visited again (one at a meeting), 4 calls (two by WeChat);
 * and two calls that day of the rep 张*, and one without a rep.
 */
function logRows(locale: Locale): TableRow[] {
  // 200 rows: 10-08 to 10-30, the log ends in the diary's month.
  const base = visitRows(200, 60, locale, 7);
  const [visit, phone, wechat, meeting] = templateStrings(locale).visits.methods;
  const known = base.filter((r) => r.date === PASS_DAY - 1 && typeof r.customerId === "string").map((r) => r.customerId as string);
  const day = (customerId: string, method: string): TableRow => ({ date: PASS_DAY, rep: "张三", customerId, method });
  const block = [
    day("NEW00001", visit),
    day("NEW00002", visit),
    day(known[0], visit),
    day(known[1], meeting),
    day(known[2], visit),
    day(known[3], phone),
    day(known[4], phone),
    day(known[5], wechat),
    day("NEW00003", wechat),
    { ...day(known[0], phone), rep: "张*" },
    { ...day(known[1], phone), rep: "张*" },
    // A call logged without a rep: no rep's, and no plan without a rep counts it.
    { ...day(known[2], phone), rep: null },
  ];
  const at = base.findIndex((r) => (r.date as number) > PASS_DAY);
  return [...base.slice(0, at), ...block, ...base.slice(at)];
}

interface Case {
  readonly label: string;
  readonly logLocale: Locale;
  readonly diaryLocale: Locale;
  readonly rows: readonly TableRow[];
  readonly diary: SheetSpec;
  readonly weekly?: SheetSpec;
  readonly log?: SheetSpec;
  readonly file: Promise<Uint8Array>;
  book?: ComputedWorkbook;
}

const diaryOptions = { reps: REPS, year: 2026, month: 10, calendar };
const weeklyOptions = { rep: "张三", year: WEEK.year, week: WEEK.week, calendar };

function afterCase(label: string, logLocale: Locale, diaryLocale: Locale = "zh-CN"): Case {
  const rows = logRows(logLocale);
  const log = buildVisitLog({ rows, blankRows: 5 }, { locale: logLocale, existing: NO_NAMES });
  const plans = buildTemplates([{ template: "diary", options: diaryOptions }, { template: "weekly", options: weeklyOptions }], { locale: diaryLocale, existing: withSpecs(NO_NAMES, log) });
  const specs = [...log, ...plans];
  const find = (template: string) => specs.find((s) => s.record.template === template) as SheetSpec;
  return { label, logLocale, diaryLocale, rows, diary: find("diary"), weekly: find("weekly"), log: log[0], file: writeXlsx(specs) };
}

/** The diary written into a workbook first; the log added to that workbook later, as a second write does. */
function beforeCase(): Case {
  const rows = logRows("zh-CN");
  const diary = buildWorkDiary(diaryOptions, { locale: "zh-CN", existing: NO_NAMES });
  const file = (async () => {
    const first = await writeXlsx(diary);
    const log = buildVisitLog({ rows, blankRows: 5 }, { locale: "zh-CN", existing: await inspectXlsx(first) });
    return writeXlsx(log, first);
  })();
  return { label: "diary written before the log", logLocale: "zh-CN", diaryLocale: "zh-CN", rows, diary: diary[0], file };
}

/** The diary alone: the file as the first write leaves it, before any log. */
const aloneSpecs = buildWorkDiary(diaryOptions, { locale: "zh-CN", existing: NO_NAMES });
const alone = aloneSpecs[0];
let aloneBook: ComputedWorkbook;
/** A team workbook that rolled up case 0's file (its log and its weekly plan). */
let teamBook: ComputedWorkbook;
/** Case 0's file after a call of 李四's on the log's last day was typed into the log's first blank row. */
let addedBook: ComputedWorkbook;
/** Case 0's file with the weekly plan's 姓名 cleared. */
let namelessBook: ComputedWorkbook;
const ADDED = { date: serialFromYmd(2026, 10, 30), rep: "李四", customerId: "KH00001", method: "电话" };

const cases: Case[] = [
  afterCase("zh-CN log, then diary and weekly plan", "zh-CN"),
  afterCase("en-US log, zh-CN diary and weekly plan", "en-US"),
  afterCase("zh-CN log, en-US diary and weekly plan", "zh-CN", "en-US"),
  beforeCase(),
];

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), "sp-diary-"));
  const files = await Promise.all(
    cases.map(async (c, i) => {
      const file = join(dir, `diary-${i}.xlsx`);
      writeFileSync(file, await c.file);
      return file;
    }),
  );
  const aloneFile = join(dir, "diary-alone.xlsx");
  writeFileSync(aloneFile, await writeXlsx(aloneSpecs));
  const teamFile = join(dir, "team.xlsx");
  writeFileSync(teamFile, (await rollupWorkbooks(undefined, [{ file: "张三.xlsx", data: await cases[0].file }], "zh-CN")).data);
  const addedFile = join(dir, "diary-added.xlsx");
  const log = cases[0].log as SheetSpec;
  const logTable = tableByRole(log, "visits");
  const typed = Object.fromEntries(Object.entries(ADDED).map(([key, value]) => [a1(tableCell(logTable, cases[0].rows.length, key)), value]));
  writeFileSync(addedFile, await typeCells(await cases[0].file, log.name, typed));
  const namelessFile = join(dir, "weekly-nameless.xlsx");
  const weekly = cases[0].weekly as SheetSpec;
  writeFileSync(namelessFile, await typeCells(await cases[0].file, weekly.name, { [a1(namedCell(weekly, "SP_W1_REP"))]: null }));
  const books = await recalcXlsx([...files, aloneFile, teamFile, addedFile, namelessFile]);
  cases.forEach((c, i) => (c.book = books[i]));
  aloneBook = books[cases.length];
  teamBook = books[cases.length + 1];
  addedBook = books[cases.length + 2];
  namelessBook = books[cases.length + 3];
});

test("a weekly plan whose 姓名 is cleared shows its counted actuals blank, not the log's rows without a rep", () => {
  const weekly = cases[0].weekly as SheetSpec;
  expect(cases[0].rows.some((r) => r.rep == null && (r.date as number) >= WEEK.monday && (r.date as number) <= WEEK.monday + 6)).toBe(true);
  for (const metric of ["NEW_CUSTOMERS", "VISITS", "CALLS"]) expect(read(namelessBook, weekly, namedCell(weekly, `SP_W1_${metric}_ACTUAL`))).toBeNull();
});

test("a call typed into the log's first blank row is counted on its day after recalculation", () => {
  const c = cases[0];
  const table = tableByRole(c.diary, "days");
  const at = REPS.indexOf(ADDED.rep) * DATES.length + DATES.indexOf(ADDED.date);
  const calls = (book: ComputedWorkbook) => read(book, c.diary, tableCell(table, at, "calls"));
  expect(errorCells(addedBook)).toEqual([]);
  expect(calls(addedBook)).toBe(countedVisits([...c.rows, ADDED], "zh-CN", ADDED.rep, ADDED.date, ADDED.date).calls);
  expect(calls(addedBook)).toBe((calls(c.book as ComputedWorkbook) as number) + 1);
});

test("a weekly plan rolled up without its log shows its counted actuals blank (not reported), not 0: the roll-up copies plan sheets only", () => {
  const weekly = cases[0].weekly as SheetSpec;
  expect(errorCells(teamBook)).toEqual([]);
  const actual = (book: ComputedWorkbook) => read(book, weekly, namedCell(weekly, "SP_W1_VISITS_ACTUAL"));
  expect(actual(cases[0].book as ComputedWorkbook)).toBe(countedVisits(cases[0].rows, "zh-CN", "张三", WEEK.monday, WEEK.monday + 6).visits);
  expect(actual(teamBook)).toBeNull();
});

test("without a log the diary shows no count, verdict or rate, and no error: it names the log not written yet", () => {
  expect(errorCells(aloneBook)).toEqual([]);
  const days = tableByRole(alone, "days");
  for (const key of ["logFirst", "logLast", "newVisits", "oldVisits", "calls", "verdict"]) expect(new Set(readColumn(aloneBook, alone, days, key))).toEqual(new Set([null]));
  const month = tableByRole(alone, "month");
  expect(readColumn(aloneBook, alone, month, "passed")).toEqual(REPS.map(() => 0));
  expect(readColumn(aloneBook, alone, month, "rate")).toEqual(REPS.map(() => null));
});

const DATES = workingDates(serialFromYmd(2026, 10, 1), serialFromYmd(2026, 10, 31), calendar);

test("the diary's days are October 2026's working days as China's calendar has them: 国庆 10-01–10-07 off, Saturday 10-10 worked", () => {
  expect(DATES).toHaveLength(18);
  expect(DATES[0]).toBe(serialFromYmd(2026, 10, 8));
  expect(DATES).toContain(serialFromYmd(2026, 10, 10));
  const table = tableByRole(cases[0].diary, "days");
  expect(table.rows.map((r) => [r.rep, r.date])).toEqual(REPS.flatMap((rep) => DATES.map((date) => [rep, date])));
});

describe.each(cases.map((c) => [c.label, c] as const))("work diary recalculated by LibreOffice (%s)", (_label, c) => {
  const book = () => c.book as ComputedWorkbook;
  const s = templateStrings(c.diaryLocale).diary;
  const want = REPS.flatMap((rep) => DATES.map((date) => ({ rep, date, ...countedVisits(c.rows, c.logLocale, rep, date, date) })));
  const verdict = (e: CountedVisits) => (e.newVisits >= 2 && e.oldVisits >= 3 && e.calls >= 4 ? s.verdicts[0] : s.verdicts[1]);

  test("no error value anywhere", () => {
    expect(errorCells(book())).toEqual([]);
  });

  test("new visits, existing-customer visits and calls per rep and day equal the log's rows counted in TypeScript", () => {
    const table = tableByRole(c.diary, "days");
    expect(readColumn(book(), c.diary, table, "newVisits")).toEqual(want.map((w) => w.newVisits));
    expect(readColumn(book(), c.diary, table, "oldVisits")).toEqual(want.map((w) => w.oldVisits));
    expect(readColumn(book(), c.diary, table, "calls")).toEqual(want.map((w) => w.calls));
    // The log reaches every day of the month: no day is counted as empty by a wrong window.
    expect(want.filter((w) => w.calls > 0).length).toBeGreaterThan(DATES.length);
  });

  test("a day meets the 2-3-4 standard only with all three counts: 张三's 10-09 does, the others do not", () => {
    const table = tableByRole(c.diary, "days");
    const verdicts = want.map(verdict);
    expect(readColumn(book(), c.diary, table, "verdict")).toEqual(verdicts);
    expect(verdicts[want.findIndex((w) => w.rep === "张三" && w.date === PASS_DAY)]).toBe(s.verdicts[0]);
    expect(verdicts.filter((v) => v === s.verdicts[0])).toHaveLength(1);
  });

  test("each rep's month: the counts summed, days met and not met, pass rate", () => {
    const table = tableByRole(c.diary, "month");
    const of = (rep: string) => want.filter((w) => w.rep === rep);
    const sum = (rep: string, key: "newVisits" | "oldVisits" | "calls") => of(rep).reduce((total, w) => total + w[key], 0);
    const met = (rep: string) => of(rep).filter((w) => verdict(w) === s.verdicts[0]).length;
    expect(readColumn(book(), c.diary, table, "newVisits")).toEqual(REPS.map((rep) => sum(rep, "newVisits")));
    expect(readColumn(book(), c.diary, table, "oldVisits")).toEqual(REPS.map((rep) => sum(rep, "oldVisits")));
    expect(readColumn(book(), c.diary, table, "calls")).toEqual(REPS.map((rep) => sum(rep, "calls")));
    expect(readColumn(book(), c.diary, table, "passed")).toEqual(REPS.map(met));
    expect(readColumn(book(), c.diary, table, "failed")).toEqual(REPS.map((rep) => DATES.length - met(rep)));
    const rates = readColumn(book(), c.diary, table, "rate") as number[];
    REPS.forEach((rep, i) => expect(rates[i]).toBeCloseTo(met(rep) / DATES.length, 12));
    expect(rates[0]).toBeGreaterThan(0);
  });

  if (c.weekly) {
    const weekly = c.weekly;
    test("the weekly plan's 新客户开发数, 客户拜访数 and 电话联系数 actuals count its rep's rows in its week", () => {
      const e = countedVisits(c.rows, c.logLocale, "张三", WEEK.monday, WEEK.monday + 6);
      const actual = (metric: string) => read(book(), weekly, namedCell(weekly, `SP_W1_${metric}_ACTUAL`));
      expect([actual("NEW_CUSTOMERS"), actual("VISITS"), actual("CALLS")]).toEqual([e.newCustomers, e.visits, e.calls]);
      expect(e.newCustomers).toBeGreaterThan(0);
      // The typed ¥ actuals stay inputs: blank.
      expect(actual("SALES")).toBeNull();
    });
  }
});
