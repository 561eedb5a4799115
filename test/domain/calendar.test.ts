import fc from "fast-check";
import {
  alternateWeek,
  daySplit,
  FIVE_DAY_WEEK,
  isoWeek,
  isoWeekday,
  isoWeekMonday,
  makeWorkCalendar,
  monthWeeks,
  PLAIN_WEEKS,
  serialFromYmd,
  SIX_DAY_WEEK,
  type WorkWeek,
  weekSplit,
  workdays,
  workWeekKey,
  ymdFromSerial,
} from "../../src/domain/calendar";
import { expectDomainError } from "./expectDomainError";

/** Reference conversion through JavaScript's own calendar: serial 25569 is 1970-01-01. */
const referenceSerial = (year: number, month: number, day: number): number => Date.UTC(year, month - 1, day) / 86400000 + 25569;
const referenceWeekday = (serial: number): number => new Date((serial - 25569) * 86400000).getUTCDay() || 7;
const ymd = serialFromYmd;

/**
 * China's official 2026 schedule (国务院办公厅, published November 2025), National Day and Mid-Autumn:
 * 10-01 (Thu) to 10-07 (Wed) off; Sunday 09-20 and Saturday 10-10 are make-up working days (调休);
 * 中秋 09-25 (Fri) to 09-27 off. 10-08 and 10-09 are ordinary working days.
 */
const AUTUMN_2026 = makeWorkCalendar(
  [...[25, 26, 27].map((day) => ymd(2026, 9, day)), ...[1, 2, 3, 4, 5, 6, 7].map((day) => ymd(2026, 10, day))],
  [ymd(2026, 9, 20), ymd(2026, 10, 10)],
);

const serials = fc.integer({ min: 61, max: 2958465 });
const recentSerials = fc.integer({ min: ymd(2015, 1, 1), max: ymd(2035, 12, 31) });

describe("Excel 1900 serials", () => {
  it.each<[number, number, number, number]>([
    [1900, 3, 1, 61],
    [2025, 1, 1, 45658],
    [2026, 1, 1, 46023],
    [2026, 10, 10, 46305],
    [9999, 12, 31, 2958465],
  ])("%i-%i-%i is serial %i", (year, month, day, serial) => {
    expect(serialFromYmd(year, month, day)).toBe(serial);
    expect(ymdFromSerial(serial)).toEqual({ year, month, day });
  });

  it("agrees with JavaScript's calendar from 1900-03-01 to 9999-12-31 (property)", () => {
    fc.assert(
      fc.property(serials, (serial) => {
        const { year, month, day } = ymdFromSerial(serial);
        expect(referenceSerial(year, month, day)).toBe(serial);
        expect(serialFromYmd(year, month, day)).toBe(serial);
        expect(isoWeekday(serial)).toBe(referenceWeekday(serial));
      }),
    );
  });

  it("rejects dates before 1900-03-01 (Excel's fake 1900-02-29 is serial 60) with #NUM!", () => {
    expectDomainError(() => serialFromYmd(1900, 2, 28), "#NUM!", /dates before 1900-03-01 are not supported/);
    expectDomainError(() => ymdFromSerial(60), "#NUM!", /dates before 1900-03-01 are not supported/);
    expectDomainError(() => serialFromYmd(1899, 12, 31), "#NUM!", /^year/);
  });

  it("rejects impossible dates and serials past 9999-12-31", () => {
    expectDomainError(() => serialFromYmd(2026, 2, 29), "#NUM!", /^day must be a day of 2026-02/);
    expectDomainError(() => serialFromYmd(2026, 13, 1), "#NUM!", /^month/);
    expectDomainError(() => ymdFromSerial(2958466), "#NUM!", /after 9999-12-31/);
    expectDomainError(() => ymdFromSerial(45000.5), "#NUM!", /whole date serial/);
  });
});

describe("ISO weeks", () => {
  it.each<[number, number, number, number, number]>([
    [2026, 1, 1, 2026, 1],
    [2021, 1, 1, 2020, 53],
    [2024, 12, 30, 2025, 1],
    [2026, 10, 10, 2026, 41],
  ])("%i-%i-%i is in ISO week %i-W%i", (year, month, day, weekYear, week) => {
    expect(isoWeek(ymd(year, month, day))).toEqual({ year: weekYear, week });
  });

  it("finds the Monday of a week, rejecting week 53 of a 52-week year", () => {
    expect(isoWeekMonday(2026, 1)).toBe(ymd(2025, 12, 29));
    expect(isoWeekMonday(2020, 53)).toBe(ymd(2020, 12, 28));
    expectDomainError(() => isoWeekMonday(2021, 53), "#NUM!", /^week must be a whole number from 1 to 52 for 2021/);
  });

  it("every date lies in the Monday-to-Sunday week isoWeekMonday gives for its ISO week (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 70, max: 2958460 }), (serial) => {
        const { year, week } = isoWeek(serial);
        const monday = isoWeekMonday(year, week);
        expect(isoWeekday(monday)).toBe(1);
        expect(serial - monday).toBeGreaterThanOrEqual(0);
        expect(serial - monday).toBeLessThan(7);
      }),
    );
  });
});

describe("work calendar", () => {
  it("counts 2026-10 (国庆) as 18 working days: 22 weekdays − 5 holidays + Saturday 10-10", () => {
    expect(workdays(ymd(2026, 10, 1), ymd(2026, 10, 31), AUTUMN_2026)).toBe(18);
    expect(workdays(ymd(2026, 10, 1), ymd(2026, 10, 31), PLAIN_WEEKS)).toBe(22);
    expect(AUTUMN_2026.isWorkingDay(ymd(2026, 10, 10))).toBe(true);
    expect(AUTUMN_2026.isWorkingDay(ymd(2026, 10, 1))).toBe(false);
    expect(AUTUMN_2026.isWorkingDay(ymd(2026, 10, 8))).toBe(true);
    expect(AUTUMN_2026.isWorkingDay(ymd(2026, 10, 11))).toBe(false);
  });

  it("counts September 2026 with Sunday 09-20 worked and 中秋 Friday 09-25 off", () => {
    // 22 weekdays − Friday 25th + Sunday 20th.
    expect(workdays(ymd(2026, 9, 1), ymd(2026, 9, 30), AUTUMN_2026)).toBe(22);
    expect(workdays(ymd(2026, 9, 20), ymd(2026, 9, 20), AUTUMN_2026)).toBe(1);
  });

  it("lists the weeks of 2026-10 that have working days, skipping the holiday week of 10-01..10-04", () => {
    expect(monthWeeks(2026, 10, AUTUMN_2026)).toEqual([
      { from: ymd(2026, 10, 5), to: ymd(2026, 10, 11), workingDays: 3 },
      { from: ymd(2026, 10, 12), to: ymd(2026, 10, 18), workingDays: 5 },
      { from: ymd(2026, 10, 19), to: ymd(2026, 10, 25), workingDays: 5 },
      { from: ymd(2026, 10, 26), to: ymd(2026, 10, 31), workingDays: 5 },
    ]);
  });

  it("clips the first and last weeks to the month", () => {
    const weeks = monthWeeks(2026, 9, AUTUMN_2026);
    expect(weeks[0]).toEqual({ from: ymd(2026, 9, 1), to: ymd(2026, 9, 6), workingDays: 4 });
    expect(weeks[weeks.length - 1]).toEqual({ from: ymd(2026, 9, 28), to: ymd(2026, 9, 30), workingDays: 3 });
  });

  it("splits a 2026-10 target of 100000 by working days 3:5:5:5", () => {
    // quotas 16666.67 and 27777.78 ×3: the three .78 remainders take the three leftover units.
    expect(weekSplit(100000, 2026, 10, AUTUMN_2026).map((week) => week.amount)).toEqual([16666, 27778, 27778, 27778]);
  });

  it("splits a target over the working days of 2026-10-08..10-12, earlier days first", () => {
    expect(daySplit(100, ymd(2026, 10, 8), ymd(2026, 10, 12), AUTUMN_2026, 1)).toEqual([
      { date: ymd(2026, 10, 8), amount: 25 },
      { date: ymd(2026, 10, 9), amount: 25 },
      { date: ymd(2026, 10, 10), amount: 25 },
      { date: ymd(2026, 10, 12), amount: 25 },
    ]);
    expect(daySplit(10, ymd(2026, 10, 8), ymd(2026, 10, 10), AUTUMN_2026, 1).map((day) => day.amount)).toEqual([4, 3, 3]);
  });

  it("rejects a date listed both as a holiday and as a make-up day with #VALUE! naming it", () => {
    expectDomainError(() => makeWorkCalendar([ymd(2026, 10, 10)], [ymd(2026, 10, 10)]), "#VALUE!", /^2026-10-10 is both a holiday and a make-up/);
  });

  it("rejects a month without working days, and an empty or reversed day range", () => {
    const allOff = makeWorkCalendar(
      Array.from({ length: 28 }, (_, day) => ymd(2026, 2, day + 1)),
      [],
    );
    expectDomainError(() => weekSplit(100, 2026, 2, allOff), "#NUM!", /^2026-02 has no working day/);
    expectDomainError(() => daySplit(100, ymd(2026, 10, 3), ymd(2026, 10, 4), PLAIN_WEEKS), "#NUM!", /no working day from 2026-10-03 to 2026-10-04/);
    expectDomainError(() => daySplit(100, ymd(2026, 10, 9), ymd(2026, 10, 8), PLAIN_WEEKS), "#NUM!", /^start \(2026-10-09\) must not be after end/);
  });

  it("counts the whole 1900-03-01..9999-12-31 span (checked day by day in Python: 2113147)", () => {
    expect(workdays(61, 2958465, PLAIN_WEEKS)).toBe(2113147);
  });
});

describe("work calendar — properties", () => {
  const dateLists = fc.uniqueArray(recentSerials, { maxLength: 30 });
  /** Naive NETWORKDAYS: walk every day. */
  const naive = (start: number, end: number, holidays: readonly number[], makeUps: readonly number[]): number => {
    const [from, to, sign] = start <= end ? [start, end, 1] : [end, start, -1];
    let count = 0;
    for (let serial = from; serial <= to; serial++) {
      const weekday = referenceWeekday(serial) <= 5;
      if (makeUps.includes(serial) || (weekday && !holidays.includes(serial))) count++;
    }
    return sign * count;
  };
  const calendars = fc
    .tuple(dateLists, dateLists)
    .map(([holidays, makeUps]) => [holidays, makeUps.filter((serial) => !holidays.includes(serial))] as const);

  it("WORKDAYS equals a naive NETWORKDAYS when there are no make-up days", () => {
    fc.assert(
      fc.property(recentSerials, recentSerials, dateLists, (start, end, holidays) => {
        expect(workdays(start, end, makeWorkCalendar(holidays, []))).toBe(naive(start, end, holidays, []));
      }),
    );
  });

  it("WORKDAYS equals the day-by-day count with make-up days too", () => {
    fc.assert(
      fc.property(recentSerials, recentSerials, calendars, (start, end, [holidays, makeUps]) => {
        expect(workdays(start, end, makeWorkCalendar(holidays, makeUps))).toBe(naive(start, end, holidays, makeUps));
      }),
    );
  });

  it("WORKDAYS(a, b) = −WORKDAYS(b, a) for a ≠ b", () => {
    fc.assert(
      fc.property(serials, serials, calendars, (a, b, [holidays, makeUps]) => {
        fc.pre(a !== b);
        const calendar = makeWorkCalendar(holidays, makeUps);
        expect(workdays(a, b, calendar)).toBe(-workdays(b, a, calendar));
      }),
    );
  });

  it("WEEKSPLIT amounts sum exactly to the target and the weeks cover the month's working days", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 9 }),
        fc.integer({ min: 2015, max: 2035 }),
        fc.integer({ min: 1, max: 12 }),
        calendars,
        (target, year, month, [holidays, makeUps]) => {
          const calendar = makeWorkCalendar(holidays, makeUps);
          const monthEnd = ymd(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - 1;
          const working = workdays(ymd(year, month, 1), monthEnd, calendar);
          fc.pre(working > 0);
          const weeks = weekSplit(target / 100, year, month, calendar, 0.01);
          expect(weeks.reduce((sum, week) => sum + Math.round(week.amount * 100), 0)).toBe(target);
          expect(weeks.reduce((sum, week) => sum + week.workingDays, 0)).toBe(working);
          weeks.forEach((week) => {
            expect(week.workingDays).toBeGreaterThan(0);
            expect(week.to - week.from).toBeLessThan(7);
            expect(isoWeekday(week.from) === 1 || week.from === ymd(year, month, 1)).toBe(true);
          });
        },
      ),
    );
  });

  it("DAYSPLIT amounts sum exactly to the target over exactly the working days", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 9 }), recentSerials, fc.integer({ min: 0, max: 400 }), calendars, (target, start, span, [holidays, makeUps]) => {
        const calendar = makeWorkCalendar(holidays, makeUps);
        const end = Math.min(start + span, 2958465);
        fc.pre(workdays(start, end, calendar) > 0);
        const days = daySplit(target, start, end, calendar, 1);
        expect(days.reduce((sum, day) => sum + day.amount, 0)).toBe(target);
        expect(days.length).toBe(workdays(start, end, calendar));
        days.forEach((day) => expect(calendar.isWorkingDay(day.date)).toBe(true));
        const amounts = days.map((day) => day.amount);
        expect(Math.max(...amounts) - Math.min(...amounts)).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe("work weeks: 双休, 单休, 大小周", () => {
  const november = [ymd(2026, 11, 1), ymd(2026, 11, 30)] as const;
  const october = [ymd(2026, 10, 1), ymd(2026, 10, 31)] as const;
  const on = (week: WorkWeek, holidays: number[] = [], makeUps: number[] = []) => makeWorkCalendar(holidays, makeUps, week);
  const autumn = (week: WorkWeek) =>
    on(
      week,
      [...[25, 26, 27].map((day) => ymd(2026, 9, day)), ...[1, 2, 3, 4, 5, 6, 7].map((day) => ymd(2026, 10, day))],
      [ymd(2026, 9, 20), ymd(2026, 10, 10)],
    );

  it("counts November 2026 by hand: 双休 21, 单休 25, 大小周 23 whichever Saturday is long", () => {
    // 2026-11-01 is a Sunday. Mon–Fri: 11-02..06, 09..13, 16..20, 23..27 and Monday 30 = 4×5 + 1 = 21.
    // Saturdays 7, 14, 21, 28: 单休 works all four (25); 大小周 long on the 7th works 7 and 21 (23),
    // long on the 14th works 14 and 28 (23).
    expect(workdays(...november, on(FIVE_DAY_WEEK))).toBe(21);
    expect(workdays(...november, on(SIX_DAY_WEEK))).toBe(25);
    expect(workdays(...november, on(alternateWeek(ymd(2026, 11, 7))))).toBe(23);
    expect(workdays(...november, on(alternateWeek(ymd(2026, 11, 14))))).toBe(23);
    const longOn7th = on(alternateWeek(ymd(2026, 11, 7)));
    expect([7, 14, 21, 28].map((day) => longOn7th.isWorkingDay(ymd(2026, 11, day)))).toEqual([true, false, true, false]);
  });

  it("counts October 2026 (国庆, Saturday 10-10 worked) by hand under every work week", () => {
    // 22 weekdays; Saturdays 3, 10, 17, 24, 31; holidays 10-01 (Thu) … 10-07 (Wed); make-up Saturday 10-10.
    // 双休: 22 − 5 weekday holidays (1, 2, 5, 6, 7) + Saturday 10 = 18.
    expect(workdays(...october, autumn(FIVE_DAY_WEEK))).toBe(18);
    // 单休: 22 + 5 Saturdays = 27 − 6 holidays on worked days (Saturday 3 too); Saturday 10 is worked anyway = 21.
    expect(workdays(...october, autumn(SIX_DAY_WEEK))).toBe(21);
    // 大小周 long on 10-10: Saturdays 10 and 24 worked → 24 − 5 holidays (Saturday 3 was a rest day) = 19.
    expect(workdays(...october, autumn(alternateWeek(ymd(2026, 10, 10))))).toBe(19);
    // 大小周 long on 10-03: Saturdays 3, 17, 31 → 25 − 6 holidays + make-up Saturday 10 (a short week's rest day) = 20.
    expect(workdays(...october, autumn(alternateWeek(ymd(2026, 10, 3))))).toBe(20);
    // Sunday 09-20 is worked whatever the week: September (from Tuesday 1st) 单休 = 22 weekdays + Saturdays
    // 5, 12, 19, 26 − 中秋 Friday 25 and Saturday 26 + Sunday 20 = 22 + 4 − 2 + 1 = 25.
    expect(workdays(ymd(2026, 9, 1), ymd(2026, 9, 30), autumn(SIX_DAY_WEEK))).toBe(25);
  });

  it("keeps, per work week, only the holidays that remove a working day and the make-up days that add one", () => {
    expect(autumn(FIVE_DAY_WEEK).holidays).not.toContain(ymd(2026, 10, 3));
    expect(autumn(SIX_DAY_WEEK).holidays).toContain(ymd(2026, 10, 3));
    expect(autumn(SIX_DAY_WEEK).makeUpDays).toEqual([ymd(2026, 9, 20)]);
    expect(autumn(alternateWeek(ymd(2026, 10, 3))).makeUpDays).toEqual([ymd(2026, 9, 20), ymd(2026, 10, 10)]);
  });

  it("splits October 2026 单休 by weeks of 3, 6, 6, 6 working days", () => {
    // Weeks inside October: 10-01..04 (Thu–Sun, all off), 05..11 (Mon–Wed off; Thu, Fri, Sat worked = 3),
    // 12..18, 19..25 (Mon–Sat = 6 each), 26..31 (Mon–Sat = 6).
    expect(monthWeeks(2026, 10, autumn(SIX_DAY_WEEK)).map((week) => week.workingDays)).toEqual([3, 6, 6, 6]);
    expect(weekSplit(21000, 2026, 10, autumn(SIX_DAY_WEEK)).map((week) => week.amount)).toEqual([3000, 6000, 6000, 6000]);
  });

  it("names a 大小周 by any day of a long week; weeks a fortnight apart are the same", () => {
    const saturday = ymd(2026, 11, 7);
    for (const day of [ymd(2026, 11, 2), ymd(2026, 11, 5), saturday, ymd(2026, 11, 8), saturday + 14, saturday - 28]) {
      expect(workWeekKey(alternateWeek(day))).toBe(workWeekKey(alternateWeek(saturday)));
    }
    expect(workWeekKey(alternateWeek(saturday + 7))).not.toBe(workWeekKey(alternateWeek(saturday)));
    expect(alternateWeek(ymd(2026, 11, 2))).toEqual({ kind: "alternate", longSaturday: saturday });
    expect(new Set([FIVE_DAY_WEEK, SIX_DAY_WEEK, alternateWeek(saturday)].map(workWeekKey)).size).toBe(3);
  });
});

describe("work weeks — properties", () => {
  const dateLists = fc.uniqueArray(recentSerials, { maxLength: 30 });
  const calendars = fc
    .tuple(dateLists, dateLists)
    .map(([holidays, makeUps]) => [holidays, makeUps.filter((serial) => !holidays.includes(serial))] as const);
  const weeks = fc.oneof(
    fc.constant(FIVE_DAY_WEEK),
    fc.constant(SIX_DAY_WEEK),
    recentSerials.map((serial) => alternateWeek(serial)),
  );
  /** Reference: which days the week works, from JavaScript's weekday and whole weeks since the long week's Monday. */
  const worksOn = (week: WorkWeek, serial: number): boolean => {
    const weekday = referenceWeekday(serial);
    if (weekday <= 5) return true;
    if (weekday === 7 || week.kind === "fiveDay") return false;
    return week.kind === "sixDay" || Math.floor((serial - (week.longSaturday - 5)) / 7) % 2 === 0;
  };
  const naive = (start: number, end: number, week: WorkWeek, holidays: readonly number[], makeUps: readonly number[]): number => {
    let count = 0;
    for (let serial = start; serial <= end; serial++) {
      if (makeUps.includes(serial) || (worksOn(week, serial) && !holidays.includes(serial))) count++;
    }
    return count;
  };

  it("WORKDAYS equals the day-by-day count for every work week, holidays and 调休 on top", () => {
    fc.assert(
      fc.property(recentSerials, fc.integer({ min: 0, max: 800 }), weeks, calendars, (start, length, week, [holidays, makeUps]) => {
        const calendar = makeWorkCalendar(holidays, makeUps, week);
        expect(workdays(start, start + length, calendar)).toBe(naive(start, start + length, week, holidays, makeUps));
        if (length > 0) expect(workdays(start + length, start, calendar)).toBe(-naive(start, start + length, week, holidays, makeUps));
      }),
    );
  });

  it("单休 ≥ 大小周 ≥ 双休 over any period, with the same holidays and make-up days", () => {
    fc.assert(
      fc.property(recentSerials, fc.integer({ min: 0, max: 800 }), recentSerials, calendars, (start, length, long, [holidays, makeUps]) => {
        const count = (week: WorkWeek) => workdays(start, start + length, makeWorkCalendar(holidays, makeUps, week));
        const alternate = count(alternateWeek(long));
        expect(count(SIX_DAY_WEEK)).toBeGreaterThanOrEqual(alternate);
        expect(alternate).toBeGreaterThanOrEqual(count(FIVE_DAY_WEEK));
      }),
    );
  });

  it("a 大小周 works every other Saturday: 13 or 14 of the 27 Saturdays in 26 weeks plus one, and two long weeks never touch", () => {
    fc.assert(
      fc.property(recentSerials, recentSerials, (long, start) => {
        const calendar = makeWorkCalendar([], [], alternateWeek(long));
        const saturdays = Array.from({ length: 27 }, (_, i) => start - referenceWeekday(start) + 6 + 7 * i);
        const worked = saturdays.map((saturday) => calendar.isWorkingDay(saturday));
        expect(worked.filter(Boolean).length).toBeGreaterThanOrEqual(13);
        worked.slice(1).forEach((isWorked, i) => expect(isWorked).toBe(!worked[i]));
      }),
    );
  });
});
