import { readFileSync } from "node:fs";
import path from "node:path";
import { formatSerial, isoWeekday } from "../../src/domain/calendar";
import { chinaYearDays } from "../../src/domain/chinaCalendar";
import { parseHolidayNotice } from "../../src/domain/holidayNotice";

/**
 * chinese-days keeps, above each year's data, the notice's items as its maintainers transcribed them
 * (src/holidays/generate.ts, with their line wraps and numbering). Twenty years of wordings, read by the
 * parser and compared with the package's own data: a second, independent check of the parser.
 */
const source = readFileSync(path.join(__dirname, "../../node_modules/chinese-days/src/holidays/generate.ts"), "utf8");
const notices = [...source.matchAll(/\/\*\*([\s\S]*?)\*\//g)]
  .map(([, block]) => block.split("\n").map((line) => line.replace(/^\s*\*\s?/, "")).join("\n"))
  .map((text) => ({ year: Number(/^\s*(\d{4})\s*$/m.exec(text)?.[1]), text }))
  .filter(({ year }) => year >= 2007)
  // Links and the maintainers' own notes (注意…, 额外的放假安排如下) are not the notice's words.
  .map(({ year, text }) => ({ year, text: text.replace(/^\s*\d{4}\s*$/m, "").replace(/^\s*(https?:\/\/\S+|注意.*|额外.*)$/gm, "") }));

/** Dates of a year that a notice of another year gives (元旦 breaks starting in December), and the 2020 COVID extension, a separate notice. */
const NOT_IN_THIS_NOTICE: Readonly<Record<number, string>> = {
  2007: "+2007-12-29 2007-12-31",
  2011: "+2011-12-31",
  2018: "+2018-12-29 2018-12-31",
  2020: "2020-01-31",
};
const weekday = (date: number): boolean => isoWeekday(date) <= 5;

describe("parseHolidayNotice on chinese-days' transcriptions of the notices, 2007–2026", () => {
  it("finds all twenty years", () => {
    expect(notices.map((n) => n.year).sort()).toEqual(Array.from({ length: 20 }, (_, i) => 2007 + i));
  });

  it.each(notices.map((n) => [n.year, n.text] as const))("%i: every weekday off and make-up day agrees with the data", (year, text) => {
    const parse = parseHolidayNotice(text, year);
    // The extension of 2020's 春节 (its own notice, transcribed below the yearly one) is named, not guessed.
    expect(parse.problems.map((p) => p.kind)).toEqual(year === 2020 ? ["unread"] : []);
    const data = [year - 1, year].flatMap((y) => chinaYearDays(y) ?? []);
    const line = (date: number, work: boolean) => `${work ? "+" : ""}${formatSerial(date)}`;
    const parsed = [...parse.holidays.filter(weekday).map((d) => line(d, false)), ...parse.makeUpDays.map((d) => line(d, true))];
    const known = new Set(data.filter((d) => d.workday || weekday(d.date)).map((d) => line(d.date, d.workday)));
    // 2020-02-01 was a make-up Saturday until the extension made it a day off.
    expect(parsed.filter((l) => !known.has(l))).toEqual(year === 2020 ? ["+2020-02-01"] : []);
    const ofThisYear = (chinaYearDays(year) ?? []).filter((d) => d.workday || weekday(d.date)).map((d) => line(d.date, d.workday));
    expect(ofThisYear.filter((l) => !parsed.includes(l))).toEqual(NOT_IN_THIS_NOTICE[year]?.split(" ") ?? []);
  });
});
