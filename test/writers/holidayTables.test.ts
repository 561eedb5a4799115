import { holidayTableName, holidayTableYear } from "../../src/spec/naming";
import { holidayTableOf, isHolidayTable } from "../../src/writers/holidayTables";

/** How both front doors read a 节假日 table's cells back (writers/holidayTables.ts). */

const cells = (headers: unknown[], body: unknown[][]) => ({ table: "SP_H2026_Days", sheet: "节假日 2026", bodyAt: { row: 5, col: 0 }, headers, body });

describe("the 节假日 table's name", () => {
  test("names one table per year and reads its year back, in any case, and no other table's", () => {
    expect(holidayTableName(2026)).toBe("SP_H2026_Days");
    expect(holidayTableYear("SP_H2026_Days")).toBe(2026);
    expect(holidayTableYear("sp_h2027_days")).toBe(2027);
    for (const other of ["SP_H1_Days", "SP_M2026_Days", "SP_H2026_Weeks", "SP_H2026_Days2", "X_SP_H2026_Days"]) expect(isHolidayTable(other)).toBe(false);
  });
});

describe("holidayTableOf", () => {
  test("numbers are dates (a time of day dropped), blanks are skipped, each column sorted without repeats", () => {
    const read = holidayTableOf(cells(["放假日", "调休上班日", "说明"], [[46300.75, "", "x"], [null, 46200, ""], [46100, 46200, "y"], ["  ", null, null]]));
    expect(read).toEqual({ table: "SP_H2026_Days", headers: ["放假日", "调休上班日"], holidays: [46100, 46300], makeUpDays: [46200] });
  });

  test("text, booleans and error values are no dates: left out and named by their cell", () => {
    const read = holidayTableOf(cells(["Day off", "Make-up working day"], [[46300, "2026-10-10"], ["#REF!", true]]));
    expect(read?.holidays).toEqual([46300]);
    expect(read?.makeUpDays).toEqual([]);
    expect(read?.notDates).toEqual([
      { address: "'节假日 2026'!B6", text: "2026-10-10" },
      { address: "'节假日 2026'!A7", text: "#REF!" },
      { address: "'节假日 2026'!B7", text: "TRUE" },
    ]);
  });

  test("a table left with one column has no make-up column to read: not returned", () => {
    expect(holidayTableOf(cells(["放假日"], [[46300]]))).toBeUndefined();
  });
});
