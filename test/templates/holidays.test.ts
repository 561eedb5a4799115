import { alternateWeek, makeWorkCalendar, PLAIN_WEEKS, serialFromYmd, SIX_DAY_WEEK } from "../../src/domain/calendar";
import { chinaWorkCalendar } from "../../src/domain/chinaCalendar";
import { buildTemplates, type TemplateRequest } from "../../src/templates";
import { holidayTables, workbookCalendar, workdaysFormula } from "../../src/templates/holidays";
import { TemplateError } from "../../src/templates/errors";
import { refusal } from "../support/refusal";
import { holidayTableName, NO_NAMES, withSpecs } from "../../src/spec/naming";
import type { ExistingNames, SheetSpec, WorkbookHolidayTable } from "../../src/spec/sheetSpec";

const d = (month: number, day: number, year = 2026): number => serialFromYmd(year, month, day);
const china2026 = chinaWorkCalendar(undefined, 2026, 2026);
const monthly = (month: number, calendar = china2026, year = 2026): TemplateRequest => ({ template: "monthly", options: { rep: "李四", year, month, calendar } });
const holidaySheets = (specs: readonly SheetSpec[]): SheetSpec[] => specs.filter((s) => s.record.template === "holidays");
const workdaysColumn = (specs: readonly SheetSpec[]): string | undefined =>
  specs.find((s) => s.record.template === "monthly")?.tables.find((t) => t.role === "weeks")?.columns.find((c) => c.key === "workdays")?.formula;

describe("the 节假日 sheet", () => {
  const specs = buildTemplates([monthly(10)], { locale: "zh-CN", existing: NO_NAMES });
  const [sheet] = holidaySheets(specs);

  test("is written after the plan, keyed by its year, with every date of the year the calendar lists", () => {
    expect(specs.map((s) => s.name)).toEqual(["月计划-李四-2026-10", "节假日 2026"]);
    expect(sheet.record.value).toBe("sales-planner:holidays:main:v1:H2026");
    const table = sheet.tables[0];
    expect(table.name).toBe("SP_H2026_Days");
    expect(table.columns.map((c) => c.header)).toEqual(["放假日", "调休上班日", "说明"]);
    expect(table.rows.filter((r) => r.off !== undefined).map((r) => r.off)).toEqual(china2026.listed.holidays);
    expect(table.rows.filter((r) => r.work !== undefined).map((r) => r.work)).toEqual(china2026.listed.makeUpDays);
    // Sorted by date across both columns; built-in days carry their festival.
    expect(table.rows.find((r) => r.off === d(10, 1))?.note).toBe("国庆节");
    expect(table.rows.find((r) => r.work === d(10, 10))?.note).toBe("国庆节");
  });

  test("says where a date came from: the festival, or the user's own line", () => {
    const own = makeWorkCalendar([...china2026.listed.holidays, d(12, 31)], china2026.listed.makeUpDays);
    const [mine] = holidaySheets(buildTemplates([monthly(12, own)], { locale: "en-US", existing: NO_NAMES }));
    expect(mine.name).toBe("Holidays 2026");
    expect(mine.tables[0].columns.map((c) => c.header)).toEqual(["Day off", "Make-up working day", "Note"]);
    expect(mine.tables[0].rows.find((r) => r.off === d(12, 31))?.note).toBe("Added by you");
    expect(mine.tables[0].rows.find((r) => r.off === d(1, 1))?.note).toBe("New Year's Day");
  });

  test("is written once: the second plan of the year reads the first one's table", () => {
    const both = buildTemplates([monthly(10), monthly(11)], { locale: "zh-CN", existing: NO_NAMES });
    expect(holidaySheets(both)).toHaveLength(1);
    const plans = both.filter((s) => s.record.template === "monthly");
    for (const plan of plans) expect(workdaysColumn([plan])).toContain("SP_H2026_Days[[放假日]]");
  });

  test("a workbook that has the table gets no second one, and a user's sheet of the same name is left alone", () => {
    const existing: ExistingNames = { ...NO_NAMES, sheets: ["节假日 2026"], tables: [holidayTableName(2026)] };
    expect(holidaySheets(buildTemplates([monthly(10)], { locale: "zh-CN", existing }))).toEqual([]);
    const clash = buildTemplates([monthly(10)], { locale: "zh-CN", existing: { ...NO_NAMES, sheets: ["节假日 2026"] } });
    expect(holidaySheets(clash).map((s) => s.name)).toEqual(["节假日 2026 (2)"]);
  });

  test("formulas name the headers the workbook's table has, whatever the language it was written in", () => {
    const existing: ExistingNames = {
      ...NO_NAMES,
      tables: [holidayTableName(2026)],
      holidayTables: [{ table: holidayTableName(2026), headers: ["公司放假", "补班"], holidays: [], makeUpDays: [] }],
    };
    const formula = workdaysColumn(buildTemplates([monthly(10)], { locale: "en-US", existing }));
    expect(formula).toContain("SP_H2026_Days[[公司放假]]");
    expect(formula).toContain("SP_H2026_Days[[补班]]");
  });

  test("a table the front door read but could not use (a column deleted) is not named by any formula", () => {
    const existing: ExistingNames = { ...NO_NAMES, tables: [holidayTableName(2026)], holidayTables: [] };
    const specs = buildTemplates([monthly(10)], { locale: "zh-CN", existing });
    expect(holidaySheets(specs)).toEqual([]);
    expect(workdaysColumn(specs)).toBe("NETWORKDAYS(SP_M1_Weeks[[#This Row],[起]],SP_M1_Weeks[[#This Row],[止]])");
  });

  test("a record name left behind by a deleted 节假日 sheet does not stop the year's new sheet", () => {
    const existing: ExistingNames = { ...NO_NAMES, names: ["SP_H2026_TEMPLATE"] };
    const [sheet] = holidaySheets(buildTemplates([monthly(10)], { locale: "zh-CN", existing }));
    expect(sheet.tables[0].name).toBe("SP_H2026_Days");
    expect(sheet.names.map((n) => n.name)).toEqual([]);
    expect(sheet.record.value).toBe("sales-planner:holidays:main:v1:H2026");
  });

  test("none for a year the calendar lists no date in: plain weeks stay plain, with the work week still in the formula", () => {
    const plain = buildTemplates([monthly(10, PLAIN_WEEKS)], { locale: "zh-CN", existing: NO_NAMES });
    expect(holidaySheets(plain)).toEqual([]);
    expect(workdaysColumn(plain)).toBe("NETWORKDAYS(SP_M1_Weeks[[#This Row],[起]],SP_M1_Weeks[[#This Row],[止]])");
    const sixDays = buildTemplates([monthly(10, makeWorkCalendar([], [], SIX_DAY_WEEK))], { locale: "zh-CN", existing: NO_NAMES });
    expect(workdaysColumn(sixDays)).toMatch(/^NETWORKDAYS\(SP_M1_Weeks.*\)\+IF\(.*,0,1\)$/);
  });

  test("one per year: a breakdown of 2027 after a plan of 2026 adds 2027's sheet only", () => {
    const calendar = makeWorkCalendar([d(1, 1, 2027), ...china2026.listed.holidays], china2026.listed.makeUpDays);
    const tables = holidayTables(calendar, [2026, 2027, 2026], { locale: "zh-CN", existing: { ...NO_NAMES, tables: [holidayTableName(2026)] } });
    expect(tables.sheets.map((s) => s.tables[0].name)).toEqual(["SP_H2027_Days"]);
    expect(tables.sheets[0].tables[0].rows).toEqual([{ off: d(1, 1, 2027), note: "自行添加" }]);
    expect(tables.columnsOf(2026)?.table).toBe("SP_H2026_Days");
    expect(tables.columnsOf(2028)).toBeUndefined();
  });
});

describe("workbookCalendar: the workbook's table is the calendar of its year", () => {
  const edited = {
    table: holidayTableName(2026),
    headers: ["放假日", "调休上班日"] as const,
    // The user works 10-07 and takes 12-31 off; the make-up Saturday 10-10 is gone.
    holidays: [d(10, 1), d(10, 2), d(10, 5), d(10, 6), d(12, 31)],
    makeUpDays: [d(9, 20)],
  };
  const existing = (tables: readonly WorkbookHolidayTable[] = [edited]): ExistingNames => ({ ...NO_NAMES, tables: tables.map((t) => t.table), holidayTables: tables });

  test("replaces that year's dates, keeps other years' and the work week", () => {
    const calendar = workbookCalendar(chinaWorkCalendar(undefined, 2025, 2026, SIX_DAY_WEEK), existing());
    expect(calendar.week).toBe(SIX_DAY_WEEK);
    expect(calendar.listed.holidays.filter((date) => date >= d(1, 1))).toEqual(edited.holidays);
    expect(calendar.listed.makeUpDays.filter((date) => date >= d(1, 1))).toEqual(edited.makeUpDays);
    expect(calendar.listed.holidays).toContain(d(10, 1, 2025));
  });

  test("takes from a year's table only the dates of that year, as the formulas do", () => {
    const stray = { ...edited, holidays: [...edited.holidays, d(1, 4, 2027)] };
    expect(workbookCalendar(china2026, existing([stray])).listed.holidays).not.toContain(d(1, 4, 2027));
  });

  test("is the same calendar when the workbook has no table", () => {
    expect(workbookCalendar(china2026, NO_NAMES)).toBe(china2026);
  });

  test("values fixed at write time follow it: a September plan's review date, the 3rd working day of October", () => {
    const reviewDue = (existing: ExistingNames): unknown => {
      const plan = buildTemplates([monthly(9)], { locale: "zh-CN", existing })[0];
      const label = plan.cells.find((c) => c.value === "客户生意回顾报主管截止")!;
      return plan.cells.find((c) => c.at.row === label.at.row && c.at.col === label.at.col + 1)?.value;
    };
    // Built in: 10-08, 10-09 and the make-up Saturday 10-10. The edited table: 10-07, 10-08, 10-09.
    expect(reviewDue(NO_NAMES)).toBe(d(10, 10));
    expect(reviewDue(existing())).toBe(d(10, 9));
  });

  test("the weekly plan's 休/班 marks are formulas over the tables of the week's years", () => {
    const [weekly] = buildTemplates([{ template: "weekly", options: { rep: "李四", year: 2026, week: 53, calendar: chinaWorkCalendar(undefined, 2026, 2027) } }], {
      locale: "zh-CN",
      existing: existing(),
    });
    const label = weekly.tables.find((t) => t.role === "daily")!.columns.find((c) => c.key === "weekday")!.formula!;
    // 2026-W53 runs 12-28 … 2027-01-03: 2026's table is the workbook's; 2027 has no built-in dates, so no table.
    expect(label).toContain('COUNTIFS(SP_H2026_Days[[放假日]],">="&SP_W1_Daily[[#This Row],[日期]],');
    expect(label).not.toContain("SP_H2027");
  });

  test("headers renamed past what Excel's formulas can quote: refused before anything is written, saying what to shorten", () => {
    // A week's working days quote the make-up column twice for each of the span's ten weekend days.
    const long = { ...edited, headers: ["放假日".repeat(100), "调休上班日".repeat(60)] as const };
    const error = refusal(TemplateError, () => buildTemplates([monthly(10)], { locale: "zh-CN", existing: existing([long]) }));
    expect(error.code).toBe("formulaTooLong");
    expect(error.params.sheet).toBe("月计划-李四-2026-10");
    expect(error.params.place).toEqual({ column: "工作日" });
    expect(error.params.length).toBeGreaterThan(8192);
    expect(error.localized("zh-CN")).toContain("“工作日”列的公式最长可达");
    expect(error.localized("zh-CN")).toContain("请把过长的列标题改短后再试");
    expect(error.localized("en-US")).toContain(`The formula of column "工作日" on sheet "月计划-李四-2026-10" would be up to ${error.params.length} characters long, over Excel's limit of 8192.`);
    // Headers half as long fit, and the plan is built.
    const shorter = { ...edited, headers: ["放假日".repeat(50), "调休上班日".repeat(30)] as const };
    expect(buildTemplates([monthly(10)], { locale: "zh-CN", existing: existing([shorter]) })[0].name).toBe("月计划-李四-2026-10");
  });
});

describe("workdaysFormula", () => {
  const days = { table: "SP_H2026_Days", off: "放假日", work: "调休上班日" };

  const saturday = "(F+MOD(6-WEEKDAY(F,2),7))";
  const sunday = "(F+7-WEEKDAY(F,2))";
  // The span's five Saturdays or Sundays at most: the first on or after F, then every 7 days.
  const five = (first: string, term: (day: string) => string) =>
    [0, 1, 2, 3, 4].map((k) => (k === 0 ? first : `(${first}+${7 * k})`)).map((day) => `+IF(${day}>T,0,${term(day)})`).join("");
  const lists = (column: string, day: string) => `MIN(1,COUNTIFS(SP_H2026_Days[[${column}]],">="&${day},SP_H2026_Days[[${column}]],"<"&${day}+1))`;

  test("Monday–Friday by NETWORKDAYS, Excel 2007's, then the span's Saturdays as the work week works them", () => {
    expect(workdaysFormula("F", "T", PLAIN_WEEKS.week, undefined)).toBe("NETWORKDAYS(F,T)");
    expect(workdaysFormula("F", "T", SIX_DAY_WEEK, undefined)).toBe(`NETWORKDAYS(F,T)${five(saturday, () => "1")}`);
    // Saturdays are 0 mod 7; 10-10 is 7 mod 14, 10-17 is 0: any date of a long week gives the same formula.
    const long = (phase: string) => `NETWORKDAYS(F,T)${five(saturday, (day) => `(MOD(${day}${phase},14)=0)*1`)}`;
    expect(workdaysFormula("F", "T", alternateWeek(d(10, 10)), undefined)).toBe(long("-7"));
    expect(workdaysFormula("F", "T", alternateWeek(d(12, 2)), undefined)).toBe(long("-7"));
    expect(workdaysFormula("F", "T", alternateWeek(d(10, 17)), undefined)).toBe(long(""));
  });

  test("reads both columns of the table: days off out, make-up days on rest days in", () => {
    const madeUp = (day: string) => lists("调休上班日", day);
    const notOff = (day: string) => `1-${lists("放假日", day)}`;
    expect(workdaysFormula("F", "T", PLAIN_WEEKS.week, days)).toBe(`NETWORKDAYS(F,T,SP_H2026_Days[[放假日]])${five(saturday, madeUp)}${five(sunday, madeUp)}`);
    expect(workdaysFormula("F", "T", SIX_DAY_WEEK, days)).toBe(`NETWORKDAYS(F,T,SP_H2026_Days[[放假日]])${five(saturday, notOff)}${five(sunday, madeUp)}`);
    expect(workdaysFormula("F", "T", alternateWeek(d(10, 10)), days)).toBe(
      `NETWORKDAYS(F,T,SP_H2026_Days[[放假日]])${five(saturday, (day) => `IF((MOD(${day}-7,14)=0),${notOff(day)},${madeUp(day)})`)}${five(sunday, madeUp)}`,
    );
  });

  test("no function newer than Excel 2007: NETWORKDAYS.INTL is #NAME? in Excel unless stored as _xlfn., which LibreOffice 7.4 cannot read", () => {
    for (const week of [PLAIN_WEEKS.week, SIX_DAY_WEEK, alternateWeek(d(10, 10))]) expect(workdaysFormula("F", "T", week, days)).not.toContain(".INTL");
  });
});

test("withSpecs keeps what the front door read of the workbook's tables", () => {
  const existing: ExistingNames = { ...NO_NAMES, holidayTables: [{ table: holidayTableName(2026), headers: ["a", "b"], holidays: [], makeUpDays: [] }] };
  expect(withSpecs(existing, []).holidayTables).toBe(existing.holidayTables);
});
