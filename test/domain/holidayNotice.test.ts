import { formatSerial, isoWeekday } from "../../src/domain/calendar";
import { chinaYearDays } from "../../src/domain/chinaCalendar";
import { formatDateList, parseDateList } from "../../src/domain/dateText";
import { parseHolidayNotice, type NoticeParse } from "../../src/domain/holidayNotice";
import { expand, PUBLISHED } from "../fixtures/chinaSchedules";
import { NOTICE_2024, NOTICE_2025, NOTICE_2026, OLDER_WORDINGS } from "../fixtures/holidayNotices";

const lines = (parse: NoticeParse): string => formatDateList(parse).split("\n").join(" ");
const published = (year: number): string =>
  [...expand(PUBLISHED[year].off), ...expand(PUBLISHED[year].work).map((d) => `+${d}`)].sort((a, b) => a.replace("+", "").localeCompare(b.replace("+", ""))).join(" ");
const weekday = (date: number): boolean => isoWeekday(date) <= 5;

/**
 * chinese-days, an independent source, agrees on every date that changes a count: the weekday days off
 * and the make-up days within each break the parser found (dates less than a week apart; weekend days
 * off are left out: the notices and the package differ on whether "与周末连休" lists the weekend).
 */
function expectAgreesWithChineseDays(parse: NoticeParse): void {
  const all = [...parse.holidays, ...parse.makeUpDays].sort((a, b) => a - b);
  const breaks = all.reduce<[number, number][]>((spans, date) => {
    const last = spans[spans.length - 1];
    if (last && date - last[1] < 7) last[1] = date;
    else spans.push([date, date]);
    return spans;
  }, []);
  const years = [...new Set(all.map((d) => Number(formatSerial(d).slice(0, 4))))];
  const data = years.flatMap((year) => chinaYearDays(year) ?? []).filter((d) => breaks.some(([first, last]) => d.date >= first && d.date <= last));
  const text = (dates: number[]) => dates.sort((a, b) => a - b).map(formatSerial);
  expect(text(parse.holidays.filter(weekday))).toEqual(text(data.filter((d) => !d.workday && weekday(d.date)).map((d) => d.date)));
  expect(text([...parse.makeUpDays])).toEqual(text(data.filter((d) => d.workday).map((d) => d.date)));
}

describe("parseHolidayNotice on the full notices", () => {
  it.each<[number, string]>([
    [2024, NOTICE_2024],
    [2025, NOTICE_2025],
    [2026, NOTICE_2026],
  ])("reads the %i notice into its published schedule, with nothing left unread", (year, notice) => {
    const parse = parseHolidayNotice(notice, year);
    expect(parse.problems).toEqual([]);
    expect(lines(parse)).toBe(published(year));
    expectAgreesWithChineseDays(parse);
  });

  it("names the day the 2024 notice only encourages (除夕, 2024-02-09) and does not count it", () => {
    const parse = parseHolidayNotice(NOTICE_2024, 2024);
    expect(parse.advisories).toHaveLength(1);
    expect(parse.advisories[0].dates.map(formatSerial)).toEqual(["2024-02-09"]);
    expect(parse.advisories[0].message.zh).toContain("2024-02-09");
    expect(parse.advisories[0].message.en).toContain("only encourages");
    expect(parse.holidays.map(formatSerial)).not.toContain("2024-02-09");
  });

  it("gives lines parseDateList reads back to the same dates", () => {
    for (const [year, notice] of [[2024, NOTICE_2024], [2025, NOTICE_2025], [2026, NOTICE_2026]] as const) {
      const parse = parseHolidayNotice(notice, year);
      expect(parseDateList(formatDateList(parse))).toEqual({ ok: true, holidays: parse.holidays, makeUpDays: parse.makeUpDays });
    }
  });
});

describe("parseHolidayNotice on older wordings", () => {
  it.each(OLDER_WORDINGS.map((w) => [w.name, w] as const))("%s", (_, { year, text, lines: expected }) => {
    const parse = parseHolidayNotice(text, year);
    expect(parse.problems).toEqual([]);
    expect(lines(parse)).toBe(expected);
    expectAgreesWithChineseDays(parse);
  });

  it("reads the issue's National Day sentence (2014)", () => {
    const parse = parseHolidayNotice("10月1日至7日放假调休，共7天。9月28日（星期日）、10月11日（星期六）上班。", 2014);
    expect(parse.problems).toEqual([]);
    expect(lines(parse)).toBe("+2014-09-28 2014-10-01 2014-10-02 2014-10-03 2014-10-04 2014-10-05 2014-10-06 2014-10-07 +2014-10-11");
  });

  it("reads the issue's elided 2008 Spring Festival sentence", () => {
    const parse = parseHolidayNotice("2月6日—12日（农历除夕至正月初六）放假，共7天。……2月2日（星期六）、2月3日（星期日）上班。", 2008);
    expect(parse.problems).toEqual([]);
    expect(lines(parse)).toBe("+2008-02-02 +2008-02-03 2008-02-06 2008-02-07 2008-02-08 2008-02-09 2008-02-10 2008-02-11 2008-02-12");
  });

  it("reads items numbered 1. 2. as a reformatted copy has them, and a date wrapped inside", () => {
    const parse = parseHolidayNotice("具体安排如下：1. 元旦：1月1日（周三）放假1天，不调休。\n2. 春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2\n月8日（周六）上班。", 2025);
    expect(parse.problems).toEqual([]);
    expect(lines(parse)).toBe("2025-01-01 +2025-01-26 2025-01-28 2025-01-29 2025-01-30 2025-01-31 2025-02-01 2025-02-02 2025-02-03 2025-02-04 +2025-02-08");
  });

  it("reads a range over the year end that names only the second year", () => {
    const parse = parseHolidayNotice("元旦：12月30日至2019年1月1日放假调休，共3天。12月29日（星期六）上班。", 2019);
    expect(parse.problems).toEqual([]);
    expect(lines(parse)).toBe("+2018-12-29 2018-12-30 2018-12-31 2019-01-01");
  });

  it("reads full-width digits, spaces, ～ and a sentence wrapped over two lines", () => {
    const parse = parseHolidayNotice("１０月１日 ～ ７日放假调休，共７天。9月28日（星\n期日）、\n10月11日（星期六）上班。", 2014);
    expect(parse.problems).toEqual([]);
    expect(parse.holidays).toHaveLength(7);
    expect(parse.makeUpDays.map(formatSerial)).toEqual(["2014-09-28", "2014-10-11"]);
  });
});

describe("parseHolidayNotice never skips a sentence silently", () => {
  it("names a sentence it cannot read, in both languages, and still reads the others", () => {
    const text = "一、元旦：1月1日放假，与周末连休。\n二、春节：十月一日至七日放假。\n延长2020年春节假期至2月2日（农历正月初九，星期日），2月3日（星期一）起正常上班。";
    const parse = parseHolidayNotice(text, 2020);
    expect(parse.problems.map((p) => [p.kind, p.sentence])).toEqual([
      ["unread", "二、春节：十月一日至七日放假"],
      ["unread", "延长2020年春节假期至2月2日（农历正月初九，星期日），2月3日（星期一）起正常上班"],
    ]);
    expect(parse.problems[0].message.en).toContain("Could not read this sentence of the notice; add its dates by hand: “二、春节：十月一日至七日放假”");
    expect(parse.problems[0].message.zh).toContain("无法识别通知中的这句话，请手动补充其中的日期：“二、春节：十月一日至七日放假”");
    expect(lines(parse)).toBe("2020-01-01");
  });

  it("takes no range longer than a month for a break", () => {
    expect(parseHolidayNotice("1月1日至3月5日放假。", 2027).problems.map((p) => p.kind)).toEqual(["unread"]);
  });

  it("drops a sentence read only in part", () => {
    const parse = parseHolidayNotice("10月1日至7日放假调休，10月8日另行通知。", 2014);
    expect(parse.problems.map((p) => p.kind)).toEqual(["unread"]);
    expect(parse.holidays).toEqual([]);
  });

  it("refuses weekdays that do not match the year: the issue's sentence pasted for 2027", () => {
    const parse = parseHolidayNotice("10月1日至7日放假调休，共7天。9月28日（星期日）、10月11日（星期六）上班。", 2027);
    expect(parse.problems.map((p) => p.kind)).toEqual(["weekday"]);
    expect(parse.problems[0].message.en).toBe(
      "2027-09-28 is a Tuesday, not a Sunday as the notice says; is it the notice for 2027? “9月28日（星期日）、10月11日（星期六）上班”",
    );
    expect(parse.problems[0].message.zh).toContain("2027-09-28 是星期二，不是通知所写的星期日");
    expect(parse.makeUpDays).toEqual([]);
  });

  it("refuses a day count the dates do not give", () => {
    const parse = parseHolidayNotice("10月1日至7日放假调休，共8天。", 2014);
    expect(parse.problems.map((p) => [p.kind, p.message.en])).toEqual([["dayCount", "The notice says 8 days but the dates give 7: “10月1日至7日放假调休，共8天”"]]);
    expect(parse.holidays).toEqual([]);
  });

  it("names a date given both off and worked, and keeps it out of both lists", () => {
    const parse = parseHolidayNotice("10月1日至7日放假调休，共7天。10月4日（星期六）上班。", 2014);
    expect(parse.problems.map((p) => [p.kind, p.message.zh])).toEqual([["conflict", "2014-10-04 在通知中既是放假日又是上班日，请手动补充：“10月4日（星期六）上班”"]]);
    expect(parse.holidays.map(formatSerial)).not.toContain("2014-10-04");
    expect(parse.makeUpDays).toEqual([]);
  });

  it("says when the notice is for another year than asked", () => {
    const parse = parseHolidayNotice(NOTICE_2026, 2027);
    expect(parse.problems[0]).toEqual({
      kind: "wrongYear",
      sentence: "国务院办公厅关于2026年部分节假日安排的通知",
      message: { en: "This is the notice for 2026, not for 2027: “国务院办公厅关于2026年部分节假日安排的通知”", zh: "这是 2026 年的通知，不是 2027 年的：“国务院办公厅关于2026年部分节假日安排的通知”" },
    });
  });

  it("says when the text holds no date at all", () => {
    expect(parseHolidayNotice("经国务院批准，现将放假安排通知如下。", 2027).problems).toEqual([
      { kind: "empty", sentence: "", message: { en: "The text holds no day off and no make-up working day", zh: "文本中没有找到放假日或调休上班日" } },
    ]);
  });

  it("does not take a date that is not in the calendar", () => {
    expect(parseHolidayNotice("2月30日放假。", 2027).problems.map((p) => p.kind)).toEqual(["unread"]);
    expect(parseHolidayNotice("鼓励各单位安排职工在2月30日休息。", 2027).problems.map((p) => p.kind)).toEqual(["unread"]);
  });
});
