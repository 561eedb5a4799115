import fc from "fast-check";
import { formatSerial, serialFromYmd } from "../../src/domain/calendar";
import { formatDateList, parseDateList } from "../../src/domain/dateText";

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
