import { shareableFormula, shiftFormula } from "../../../src/writers/ooxml/workbook";

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
    ["\\X1+X1", 1, 0, "\\X1+X2"],
  ])("%s moved %i rows, %i columns: %s", (formula, rows, cols, expected) => {
    expect(shiftFormula(formula as string, rows as number, cols as number)).toBe(expected);
  });
});

/** What Excel can hold as one shared formula ([MS-XLS] 2.5.198.118), read from the text and erring towards "no". */
describe("shareableFormula", () => {
  test.each([
    ['IF($K60="","",IF($K60>=SP_C1_CUT_A,"A","B"))', true],
    ["SUM($B$2:B9)/COUNT(A:A)+SUM(3:4)", true],
    ['IF(A1="x:[y]!, {z}",1,(2))', true],
    ["ROUND(A2*B2,2)", true],
    ["IFERROR(A2,#N/A)", true],
    ['IF($K5<0,#VALUE!,IF(A5=0,#DIV/0!,#NUM!))', true],
    ["_xlfn.LAMBDA(_xlpm.x,_xlpm.x+1)(A2)", true],
    ["IFERROR(A2,#SPILL!)", true],
    ["ROWS(INDEX($C:$C,1):$C500)", false],
    ["SUM(XFE1:XFE2)", false],
    ["SUM(A1:A1048577)", false],
    ["SUM(ZZZ:ZZZ)", false],
    ["SUM(\\X1:Y2)", false],
    ["IF(A1 = 1, 2, 3)", false],
    ["SUM($C500:INDEX(SP_V1_ID,9))", false],
    ["SUM(SP_A:SP_B)", false],
    ["SP_T1[[#This Row],[年交易额]]*2", false],
    ["VLOOKUP(A2,Sheet2!A:B,2,0)", false],
    ["'Q 1'!$A$1+A2", false],
    ["#REF!+A2", false],
    ["SUM({1,2,3})+A2", false],
    ["SUM(A1:A3 A2:C2)", false],
    ["SUM((A1,B1))+A2", false],
    ["_xll.MYADDIN(A1)+A2", false],
    ["_xludf.MYFUNC(A2)", false],
  ])("%s: %s", (formula, expected) => {
    expect(shareableFormula(formula as string)).toBe(expected);
  });
});
