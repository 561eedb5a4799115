import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import ts from "typescript";
import { alternateWeek, daysInMonth, formatSerial, serialFromYmd, SIX_DAY_WEEK, workdays } from "../../src/domain/calendar";
import { CHINA_CALENDAR, chinaDates, chinaWorkCalendar, chinaYearDays, isChinaYearCovered, mergeDateLists, uncoveredYears } from "../../src/domain/chinaCalendar";
import { formatDateList, parseDateList } from "../../src/domain/dateText";
import { expand, PUBLISHED, serial } from "../fixtures/chinaSchedules";

const builtInBetween = (from: string, to: string) => {
  const { holidays, makeUpDays } = chinaDates(Number(from.slice(0, 4)), Number(to.slice(0, 4)));
  const within = (dates: readonly number[]) => dates.filter((d) => d >= serial(from) && d <= serial(to)).map(formatSerial);
  return { off: within(holidays), work: within(makeUpDays) };
};

describe("the built-in China calendar", () => {
  it("covers chinese-days' years, 2004–2026, and says which years it does not", () => {
    expect(CHINA_CALENDAR).toEqual({ source: "chinese-days 1.5.7", firstYear: 2004, lastYear: 2026 });
    expect(isChinaYearCovered(2026)).toBe(true);
    expect(isChinaYearCovered(2027)).toBe(false);
    expect(isChinaYearCovered(2003)).toBe(false);
    expect(chinaYearDays(2027)).toBeUndefined();
    expect(uncoveredYears(2025, 2028)).toEqual([2027, 2028]);
    expect(uncoveredYears(2024, 2026)).toEqual([]);
  });

  it("holds the published schedules of 2020–2026, day by day", () => {
    const expected = { off: Object.values(PUBLISHED).flatMap((y) => expand(y.off)).sort(), work: Object.values(PUBLISHED).flatMap((y) => expand(y.work)).sort() };
    expect(builtInBetween("2020-01-01", "2026-12-31")).toEqual(expected);
  });

  it("gives one year's days with their festival, sorted (calendar show)", () => {
    const days = chinaYearDays(2026)!;
    expect(days.map((d) => d.date)).toEqual([...days.map((d) => d.date)].sort((a, b) => a - b));
    const october = days.filter((d) => formatSerial(d.date).startsWith("2026-10"));
    expect(october.map((d) => `${d.workday ? "+" : ""}${formatSerial(d.date)} ${d.festival.zh}/${d.festival.en}`)).toEqual([
      ...expand("2026-10-01..2026-10-07").map((date) => `${date} 国庆节/National Day`),
      "+2026-10-10 国庆节/National Day",
    ]);
    // A break across the new year is filed under the year of each date: 2023's 元旦 starts in 2022.
    expect(chinaYearDays(2022)!.map((d) => formatSerial(d.date))).toContain("2022-12-31");
  });

  /**
   * Hand counts: Monday–Friday days of the month, minus the weekday holidays, plus the make-up weekend
   * days. E.g. 2026-10 starts on a Thursday: 22 weekdays − 5 (10-01, 02, 05, 06, 07) + 1 (Sat 10-10) = 18.
   */
  it.each<[string, number, string]>([
    ["2024-02", 18, "21 − 5 (02-12…16) + 2 (Sun 02-04, Sun 02-18)"],
    ["2024-05", 21, "23 − 3 (05-01…03) + 1 (Sat 05-11)"],
    ["2024-09", 21, "21 − 2 (09-16, 17) + 2 (Sat 09-14, Sun 09-29)"],
    ["2024-10", 19, "23 − 5 (10-01…04, 07) + 1 (Sat 10-12)"],
    ["2025-01", 19, "23 − 5 (01-01, 28…31) + 1 (Sun 01-26)"],
    ["2025-02", 19, "20 − 2 (02-03, 04) + 1 (Sat 02-08)"],
    ["2025-10", 18, "23 − 6 (10-01…03, 06…08) + 1 (Sat 10-11)"],
    ["2026-01", 21, "22 − 2 (01-01, 02) + 1 (Sun 01-04)"],
    ["2026-02", 16, "20 − 6 (02-16…20, 23) + 2 (Sat 02-14, Sat 02-28)"],
    ["2026-05", 19, "21 − 3 (05-01, 04, 05) + 1 (Sat 05-09)"],
    ["2026-09", 22, "22 − 1 (09-25) + 1 (Sun 09-20)"],
    ["2026-10", 18, "22 − 5 (10-01, 02, 05…07) + 1 (Sat 10-10)"],
  ])("%s has %i working days: %s", (yearMonth, expected) => {
    const year = Number(yearMonth.slice(0, 4));
    const month = Number(yearMonth.slice(5));
    const calendar = chinaWorkCalendar();
    expect(workdays(serialFromYmd(year, month, 1), serialFromYmd(year, month, daysInMonth(year, month)), calendar)).toBe(expected);
    expect(workdays(serialFromYmd(year, month, 1), serialFromYmd(year, month, daysInMonth(year, month)), chinaWorkCalendar(undefined, year, year))).toBe(expected);
  });

  it("gives the same built-in calendar again without rebuilding it, and a fresh one for user lines", () => {
    expect(chinaWorkCalendar()).toBe(chinaWorkCalendar());
    expect(chinaWorkCalendar(undefined, 2026, 2026)).toBe(chinaWorkCalendar({ holidays: [], makeUpDays: [] }, 2026, 2026));
    expect(chinaWorkCalendar({ holidays: [serial("2026-10-09")], makeUpDays: [] }, 2026, 2026)).not.toBe(chinaWorkCalendar(undefined, 2026, 2026));
  });

  it("lays the built-in days over a 单休 or 大小周 week, and caches each work week apart", () => {
    const october = [serial("2026-10-01"), serial("2026-10-31")] as const;
    const fiveDay = chinaWorkCalendar(undefined, 2026, 2026);
    const sixDay = chinaWorkCalendar(undefined, 2026, 2026, SIX_DAY_WEEK);
    // Hand-worked in test/domain/calendar.test.ts: 18 双休, 21 单休, 19 and 20 大小周 long on 10-10 / 10-03.
    expect(workdays(...october, fiveDay)).toBe(18);
    expect(workdays(...october, sixDay)).toBe(21);
    expect(workdays(...october, chinaWorkCalendar(undefined, 2026, 2026, alternateWeek(serial("2026-10-10"))))).toBe(19);
    expect(workdays(...october, chinaWorkCalendar(undefined, 2026, 2026, alternateWeek(serial("2026-10-03"))))).toBe(20);
    expect(sixDay).not.toBe(fiveDay);
    expect(chinaWorkCalendar(undefined, 2026, 2026, SIX_DAY_WEEK)).toBe(sixDay);
    // 10-05 (in the week of Saturday 10-10) and 10-24 name long weeks a fortnight apart: the same Saturdays.
    expect(chinaWorkCalendar(undefined, 2026, 2026, alternateWeek(serial("2026-10-05")))).toBe(
      chinaWorkCalendar(undefined, 2026, 2026, alternateWeek(serial("2026-10-24"))),
    );
  });

  it("prints a year as the lines calendar show gives", () => {
    const lines = formatDateList(chinaDates(2026, 2026)).split("\n");
    expect(lines.slice(0, 4)).toEqual(["2026-01-01", "2026-01-02", "2026-01-03", "+2026-01-04"]);
    expect(lines).toHaveLength(33 + 6);
  });

  it("limits the calendar to the years asked for", () => {
    expect(workdays(serial("2026-10-01"), serial("2026-10-31"), chinaWorkCalendar(undefined, 2025, 2025))).toBe(22);
  });
});

describe("the user's lines over the built-in ones", () => {
  const user = (lines: string) => {
    const parsed = parseDateList(lines);
    if (!parsed.ok) throw new Error(`bad line ${parsed.line}`);
    return parsed;
  };
  const october2026 = (lines: string) => workdays(serial("2026-10-01"), serial("2026-10-31"), chinaWorkCalendar(user(lines)));

  it("a user's +date makes a built-in holiday a working day", () => {
    expect(october2026("+2026-10-01")).toBe(19);
    expect(chinaWorkCalendar(user("+2026-10-01")).isWorkingDay(serial("2026-10-01"))).toBe(true);
  });

  it("a user's date gives a built-in make-up day off", () => {
    expect(october2026("2026-10-10")).toBe(17);
    expect(chinaWorkCalendar(user("2026-10-10")).isWorkingDay(serial("2026-10-10"))).toBe(false);
  });

  it("a user's own extra days add to the built-in ones", () => {
    expect(october2026("2026-10-09\n+2026-10-11")).toBe(18);
    expect(october2026("")).toBe(18);
  });

  it("merges lists date by date, the user's meaning winning", () => {
    const builtIn = { holidays: [1000, 1001, 1002], makeUpDays: [1005] };
    expect(mergeDateLists(builtIn, { holidays: [1005, 1010], makeUpDays: [1001] })).toEqual({ holidays: [1000, 1002, 1005, 1010], makeUpDays: [1001] });
  });

  it("leaves a date the user lists both ways for the calendar to refuse", () => {
    expect(() => chinaWorkCalendar(user("2026-10-12\n+2026-10-12"))).toThrow(/2026-10-12 is both a holiday and a make-up working day/);
  });
});

describe("the generated data module", () => {
  const file = path.join(__dirname, "../../src/domain/chinaHolidays.data.ts");

  it("says it is generated, from which package, and how to regenerate it", () => {
    const header = readFileSync(file, "utf8").split("\n").slice(0, 3).join("\n");
    expect(header).toMatch(/GENERATED by scripts\/calendar-update\.mjs from chinese-days 1\.5\.7/);
    expect(header).toMatch(/npm run calendar:update/);
  });

  it("is what npm run calendar:update makes of the installed chinese-days", () => {
    const check = spawnSync(process.execPath, [path.join(__dirname, "../../scripts/calendar-update.mjs"), "--check"], { encoding: "utf8" });
    expect(check.stderr).toBe("");
    expect(check.status).toBe(0);
  });

  it("compiles to well under 10 KB gzip", () => {
    const js = ts.transpileModule(readFileSync(file, "utf8"), { compilerOptions: { target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.ESNext } }).outputText;
    const gzip = gzipSync(js, { level: 9 }).length;
    expect(gzip).toBeLessThan(5 * 1024);
  });
});
