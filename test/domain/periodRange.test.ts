import { daysInMonth, isoWeekMonday, serialFromYmd, ymdFromSerial } from "../../src/domain/calendar";
import { monthAfter } from "../../src/domain/dateText";
import { MONTH_RANGE, monthBefore, WEEK_RANGE, YEAR_RANGE } from "../../src/domain/periodRange";

/** The ranges the command line checks periods against: each end wholly inside the calendar's dates, one step further not. */

const monthDays = ({ year, month }: { year: number; month: number }) => () => [serialFromYmd(year, month, 1), serialFromYmd(year, month, daysInMonth(year, month))];
const weekDays = ({ year, week }: { year: number; week: number }) => () => [ymdFromSerial(isoWeekMonday(year, week)), ymdFromSerial(isoWeekMonday(year, week) + 6)];

test("years 1901–9999: 1900 starts before 1900-03-01", () => {
  expect(YEAR_RANGE).toEqual({ first: 1901, last: 9999 });
  expect(monthDays({ year: 1900, month: 1 })).toThrow(/1900-03-01/);
});

test("months 1900-03 to 9999-12", () => {
  expect(MONTH_RANGE).toEqual({ first: { year: 1900, month: 3 }, last: { year: 9999, month: 12 } });
  expect(monthDays(MONTH_RANGE.first)).not.toThrow();
  expect(monthDays(MONTH_RANGE.last)).not.toThrow();
  expect(monthDays(monthBefore(MONTH_RANGE.first))).toThrow();
  expect(monthDays(monthAfter(MONTH_RANGE.last))).toThrow();
});

test("ISO weeks 1900-W10 to 9999-W51, Monday to Sunday inside the dates", () => {
  expect(WEEK_RANGE).toEqual({ first: { year: 1900, week: 10 }, last: { year: 9999, week: 51 } });
  expect(weekDays(WEEK_RANGE.first)).not.toThrow();
  expect(weekDays(WEEK_RANGE.last)).not.toThrow();
  // 1900-W09 starts on 1900-02-26; 9999-W52 ends on 10000-01-02.
  expect(weekDays({ year: 1900, week: 9 })).toThrow(/1900-03-01/);
  expect(weekDays({ year: 9999, week: 52 })).toThrow(/9999-12-31/);
});
