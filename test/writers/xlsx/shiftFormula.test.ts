import { shiftFormula } from "../../../src/writers/ooxml/workbook";

/** A shared formula's text as each cell pointing at it reads it (sheetCells): Excel's own translation rules. */
describe("shiftFormula", () => {
  test.each([
    ["A60*2", 1, 0, "A61*2"],
    ["A60*2", 0, 2, "C60*2"],
    ["$A60+A$60+$A$60+A60", 3, 1, "$A63+B$60+$A$60+B63"],
    ["SUM(B2:B9)/COUNT($C$2:C9)", 2, 0, "SUM(B4:B11)/COUNT($C$2:C11)"],
    ['IF(A1="B2",B2&"A1","")', 1, 1, 'IF(B2="B2",C3&"A1","")'],
    ['"say ""A1"" "&A1', 1, 0, '"say ""A1"" "&A2'],
    ["Sheet1!B2+'Q 1 A1'!B2+'it''s'!$B2", 1, 0, "Sheet1!B3+'Q 1 A1'!B3+'it''s'!$B3"],
    ["SUM(A:A)+SUM($B:C)+SUM(3:4)+SUM($5:$6)", 1, 1, "SUM(B:B)+SUM($B:D)+SUM(4:5)+SUM($5:$6)"],
    ["SP_T1_Weekly[[#This Row],[A1]]+LOG10(A1)+SP_W1_TARGET+ZZZ9+1.5E+10", 1, 0, "SP_T1_Weekly[[#This Row],[A1]]+LOG10(A2)+SP_W1_TARGET+ZZZ9+1.5E+10"],
    ["XFD1+A1048576", 1, 1, "#REF!+#REF!"],
    ["销售A1+团队汇总!A1", 1, 0, "销售A1+团队汇总!A2"],
    ["A1", 0, 0, "A1"],
  ])("%s moved %i rows, %i columns: %s", (formula, rows, cols, expected) => {
    expect(shiftFormula(formula as string, rows as number, cols as number)).toBe(expected);
  });
});
