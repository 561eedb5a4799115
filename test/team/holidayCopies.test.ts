import { col, thisRow } from "../../src/spec/formula";
import { carryHolidays, renameColumns } from "../../src/team/holidayCopies";

const ZH = ["放假日", "调休上班日", "说明"];
const EN = ["Day off", "Make-up working day", "Note"];

describe("carryHolidays: which of a rep's 节假日 tables go into the team workbook", () => {
  test("a year the team lacks is copied once per run, a year it has is not; the team's column names are followed", () => {
    const team = new Map<number, readonly string[]>([[2025, EN]]);
    const first = carryHolidays([{ table: "SP_H2025_Days", columns: ZH }, { table: "SP_H2026_Days", columns: ZH }], team);
    expect(first.copy).toEqual(["SP_H2026_Days"]);
    expect([...first.renames]).toEqual([["SP_H2025_DAYS", new Map([["放假日", "Day off"], ["调休上班日", "Make-up working day"]])]]);
    // The second rep of the run finds 2026 brought by the first, under the first's names.
    const second = carryHolidays([{ table: "SP_H2026_Days", columns: ["假日", "调休上班日", "说明"] }], team);
    expect(second.copy).toEqual([]);
    expect([...second.renames]).toEqual([["SP_H2026_DAYS", new Map([["假日", "放假日"]])]]);
  });

  test("same names rename nothing; a table of another name is no 节假日 table", () => {
    const team = new Map<number, readonly string[]>([[2026, ZH]]);
    expect(carryHolidays([{ table: "SP_H2026_Days", columns: ZH }, { table: "表1", columns: ZH }], team)).toEqual({ copy: [], renames: new Map() });
  });
});

describe("renameColumns: the copies' references follow the team's column names", () => {
  const renames = new Map([["SP_H2026_DAYS", new Map([["放假日", "Day off"], ["A[1]#'X", "B'[2]"]])]]);

  test("both of Excel's spellings, any case, and the escaped characters of a structured reference", () => {
    expect(renameColumns(`NETWORKDAYS(A1,B1,${col("SP_H2026_Days", "放假日")})`, renames)).toBe(`NETWORKDAYS(A1,B1,${col("SP_H2026_Days", "Day off")})`);
    // Excel saves the short form; a renamed column goes in the long one, where "-" and the like are allowed.
    expect(renameColumns("COUNTIF(sp_h2026_days[放假日],A1)", renames)).toBe("COUNTIF(sp_h2026_days[[Day off]],A1)");
    const workRename = new Map([["SP_H2026_DAYS", new Map([["调休上班日", "Make-up working day"]])]]);
    expect(renameColumns("COUNTIF(SP_H2026_Days[调休上班日],A1)", workRename)).toBe("COUNTIF(SP_H2026_Days[[Make-up working day]],A1)");
    expect(renameColumns("COUNTIF(SP_H2026_Days[备注],A1)", workRename)).toBe("COUNTIF(SP_H2026_Days[备注],A1)");
    expect(renameColumns(`COUNTIF(${col("SP_H2026_Days", "a[1]#'x")},A1)`, renames)).toBe(`COUNTIF(${col("SP_H2026_Days", "B'[2]")},A1)`);
    expect(renameColumns(thisRow("SP_H2026_Days", "放假日"), renames)).toBe(thisRow("SP_H2026_Days", "Day off"));
  });

  test("other tables, other columns and string literals are left alone", () => {
    const formula = `COUNTIF(SP_H2025_Days[[放假日]],A1)+COUNTIF(SP_H2026_Days[[说明]],"SP_H2026_Days[放假日]")+X_SP_H2026_Days[放假日]`;
    expect(renameColumns(formula, renames)).toBe(formula);
  });
});
