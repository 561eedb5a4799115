import { FIVE_DAY_WEEK, type WorkCalendar } from "../../domain/calendar";
import { planningCalendar } from "../../domain/chinaCalendar";
import type { RememberedFields } from "../../host/preferences";
import { calendarInUse, workWeekInUse, yearPeriod } from "./periodCalendar";
import { isProblem } from "./validate";

/**
 * The calendar of a plan written without a form (下周/下月计划): the choices the forms last planned with —
 * China's holidays or none, the user's own lines, the work week — for the years the plan needs. Lines that
 * no longer read (the forms save only what they wrote with, so only a hand-edited store) are left out
 * rather than refusing the plan; the workbook's 节假日 tables win for their years either way.
 */
export function rememberedPlanning(remembered: RememberedFields): (years: readonly number[]) => WorkCalendar {
  return (years) => {
    const read = workWeekInUse(remembered.workWeek, remembered.longWeek);
    const week = isProblem(read) ? FIVE_DAY_WEEK : read;
    const use = calendarInUse(remembered.holidays, remembered.chinaCalendar, years.map(yearPeriod), week);
    return isProblem(use) ? planningCalendar({ holidays: [], makeUpDays: [] }, remembered.chinaCalendar, years, week).calendar : use.calendar;
  };
}
