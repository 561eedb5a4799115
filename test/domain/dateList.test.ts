import fc from "fast-check";
import { alternateWeek, FIVE_DAY_WEEK, formatSerial, serialFromYmd, SIX_DAY_WEEK } from "../../src/domain/calendar";
import { formatDateList, parseDateList, parseDateText, parseWorkWeekText } from "../../src/domain/dateText";

const dates = fc.uniqueArray(fc.integer({ min: serialFromYmd(1900, 3, 1), max: serialFromYmd(9999, 12, 31) }), { maxLength: 40 });

describe("formatDateList", () => {
  it("writes one line per date, sorted, + before a make-up day", () => {
    const holidays = [serialFromYmd(2026, 10, 2), serialFromYmd(2026, 10, 1)];
    const makeUpDays = [serialFromYmd(2026, 10, 10), serialFromYmd(2026, 9, 20)];
    expect(formatDateList({ holidays, makeUpDays })).toBe("+2026-09-20\n2026-10-01\n2026-10-02\n+2026-10-10");
  });

  it("is read back by parseDateList to the same dates (property)", () => {
    fc.assert(
      fc.property(dates, dates, (a, b) => {
        const makeUpDays = b.filter((d) => !a.includes(d));
        const parsed = parseDateList(formatDateList({ holidays: a, makeUpDays }));
        expect(parsed).toEqual({ ok: true, holidays: [...a].sort((x, y) => x - y), makeUpDays: [...makeUpDays].sort((x, y) => x - y) });
      }),
    );
  });

  it("lists each date once", () => {
    const day = serialFromYmd(2026, 1, 1);
    expect(formatDateList({ holidays: [day, day], makeUpDays: [] })).toBe(formatSerial(day));
  });
});

describe("parseWorkWeekText", () => {
  const longWeek = alternateWeek(serialFromYmd(2026, 11, 7));
  it.each<[string, unknown]>([
    ["双休", FIVE_DAY_WEEK],
    [" 5day ", FIVE_DAY_WEEK],
    ["5-Day", FIVE_DAY_WEEK],
    ["单休", SIX_DAY_WEEK],
    ["6DAY", SIX_DAY_WEEK],
    ["6 day", SIX_DAY_WEEK],
    ["大小周:2026-11-07", longWeek],
    ["大小周：２０２６－１１－０７", longWeek],
    ["大小周 2026/11/2", longWeek],
    ["大小周2026.11.08", longWeek],
    ["Alternate: 2026-11-07", longWeek],
  ])("reads %p", (text, expected) => {
    expect(parseWorkWeekText(text)).toEqual(expected);
  });

  it.each(["", "大小周", "alternate", "大小周:2026-02-30", "大小周:1900-02-28", "大小周:11-07", "双休日", "5", "7day", "constructor", "__proto__"])(
    "refuses %p",
    (text) => {
      expect(parseWorkWeekText(text)).toBeNull();
    },
  );
});

describe("parseDateText", () => {
  it.each<[string, number]>([
    ["2026-10-10", serialFromYmd(2026, 10, 10)],
    [" 2026/10/1 ", serialFromYmd(2026, 10, 1)],
    ["２０２６．１０．１０", serialFromYmd(2026, 10, 10)],
  ])("reads %p", (text, expected) => {
    expect(parseDateText(text)).toBe(expected);
  });

  it.each(["", "2026-10", "10-10", "2026-02-29", "1900-02-28", "2026-10-10 周六", "2026年10月10日"])("refuses %p", (text) => {
    expect(parseDateText(text)).toBeNull();
  });
});
