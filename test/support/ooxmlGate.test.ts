import JSZip from "jszip";
import { formatProblem, formulaError, nameError, sheetReferences, validateXlsx, type GateRule } from "./ooxmlGate";

/**
 * The gate itself: a small hand-written package that Excel opens without a repair prompt passes,
 * and each deliberately broken copy is caught by the rule meant for it — so a gate that silently
 * passes everything fails here.
 */

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

type Parts = Record<string, string>;

function basePackage(): Parts {
  return {
    "[Content_Types].xml": `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/tables/table1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/></Types>`,
    "_rels/.rels": `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": `${DECL}<workbook xmlns="${MAIN}" xmlns:r="${R}"><sheets><sheet name="O'Brien Plan" sheetId="1" r:id="rId1"/></sheets><definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">'O''Brien Plan'!$1:$1</definedName><definedName name="SP_W1_REP">'O''Brien Plan'!$A$2</definedName><definedName name="SP_W1_COLS">SP_W1_Targets[[Rep &amp; Co]:[amount]]</definedName></definedNames></workbook>`,
    "xl/_rels/workbook.xml.rels": `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${R}/styles" Target="styles.xml"/><Relationship Id="rId3" Type="${R}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    "xl/worksheets/sheet1.xml": `${DECL}<worksheet xmlns="${MAIN}" xmlns:r="${R}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" mc:Ignorable="x14ac"><sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/><sheetData><row r="1" x14ac:dyDescent="0.25"><c r="A1" t="s" s="1"><v>0</v></c><c r="B1" t="inlineStr"><is><t>Amount</t></is></c></row><row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2"><v>5</v></c></row></sheetData><conditionalFormatting sqref="B2"><cfRule type="cellIs" dxfId="0" priority="1" operator="greaterThan"><formula>3</formula></cfRule></conditionalFormatting><conditionalFormatting sqref="A2"><cfRule type="expression" dxfId="0" priority="2"><formula>TRUE</formula></cfRule></conditionalFormatting><tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>`,
    "xl/worksheets/_rels/sheet1.xml.rels": `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/table" Target="../tables/table1.xml"/></Relationships>`,
    "xl/tables/table1.xml": `${DECL}<table xmlns="${MAIN}" id="1" name="SP_W1_Targets" displayName="SP_W1_Targets" ref="A1:B2"><autoFilter ref="A1:B2"/><tableColumns count="2"><tableColumn id="1" name="Rep &amp; Co"/><tableColumn id="2" name="Amount"/></tableColumns><tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`,
    "xl/sharedStrings.xml": `${DECL}<sst xmlns="${MAIN}" count="2" uniqueCount="2"><si><r><t>Rep</t></r><r><t xml:space="preserve"> &amp; Co</t></r><rPh sb="0" eb="1"><t>X</t></rPh></si><si><t>O'Brien</t></si></sst>`,
    "xl/styles.xml": `${DECL}<styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><dxfs count="1"><dxf><font><b/></font></dxf></dxfs></styleSheet>`,
  };
}

async function zipOf(parts: Parts): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, text] of Object.entries(parts)) zip.file(name, text);
  return zip.generateAsync({ type: "uint8array" });
}

/** The base package with one part edited (`edit` gets and returns the part's text; null deletes it). */
async function broken(part: string, edit: (xml: string) => string | null, extra: Parts = {}): Promise<Uint8Array> {
  const parts = { ...basePackage(), ...extra };
  const before = parts[part] ?? "";
  const after = edit(before);
  if (after === before) throw new Error(`the edit of ${part} changed nothing`);
  if (after === null) delete parts[part];
  else parts[part] = after;
  return zipOf(parts);
}

const replace = (from: string | RegExp, to: string) => (xml: string) => xml.replace(from, to);

test("the base package passes every rule (and Markup Compatibility drops x14ac:dyDescent)", async () => {
  expect((await validateXlsx(await zipOf(basePackage()), "base")).map(formatProblem)).toEqual([]);
});

const SHEET = "xl/worksheets/sheet1.xml";
const WORKBOOK = "xl/workbook.xml";
const TABLE = "xl/tables/table1.xml";

const cases: [string, () => Promise<Uint8Array>, [part: string, element: string, rule: GateRule]][] = [
  ["an element the schema does not allow", () => broken(SHEET, replace("<sheetData>", "<sheetData><bogus/>")), [SHEET, "bogus", "schema"]],
  ["an attribute of a namespace not listed in mc:Ignorable", () => broken(SHEET, replace(' mc:Ignorable="x14ac"', "")), [SHEET, "sheetFormatPr", "schema"]],
  ["a part that is not well-formed", () => broken(SHEET, replace("</sheetData>", "</sheetdata>")), [SHEET, "?", "well-formed"]],
  [
    "a VML part that is not well-formed",
    () => broken("[Content_Types].xml", replace("<Default Extension=\"xml\"", '<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/><Default Extension="xml"'), { "xl/drawings/vmlDrawing1.vml": "<xml><v:shape></xml>" }),
    ["xl/drawings/vmlDrawing1.vml", "?", "well-formed"],
  ],
  ["an mc:MustUnderstand namespace the schemas do not know", () => broken(SHEET, replace(' mc:Ignorable="x14ac"', ' mc:MustUnderstand="x14ac"')), [SHEET, "worksheet", "markup-compatibility"]],
  ["a relationship to a missing part", () => broken("xl/_rels/workbook.xml.rels", replace('Target="styles.xml"', 'Target="styles2.xml"')), ["xl/_rels/workbook.xml.rels", "Relationship", "relationship-target"]],
  ["a part without a content type", () => broken("xl/media/image1.png", () => "PNG"), ["[Content_Types].xml", "Types", "content-type"]],
  ["a table part with the generic XML content type", () => broken("[Content_Types].xml", replace(/<Override PartName="\/xl\/tables\/table1.xml"[^>]*\/>/, "")), ["[Content_Types].xml", "Types", "content-type"]],
  ["a sheet name over 31 characters", () => broken(WORKBOOK, replace(/O'Brien Plan/g, "O'Brien Plan with a name over 31 chars")), [WORKBOOK, "sheet", "sheet-name"]],
  ["a sheet name with [ ]", () => broken(WORKBOOK, replace(/O'Brien Plan/g, "Plan [1]")), [WORKBOOK, "sheet", "sheet-name"]],
  ["a defined name that is a cell reference", () => broken(WORKBOOK, replace('name="SP_W1_REP"', 'name="AB12"')), [WORKBOOK, "definedName", "defined-name"]],
  ["a defined name that is an R1C1 reference", () => broken(WORKBOOK, replace('name="SP_W1_REP"', 'name="r2c3"')), [WORKBOOK, "definedName", "defined-name"]],
  ["a defined name with a space", () => broken(WORKBOOK, replace('name="SP_W1_REP"', 'name="SP W1"')), [WORKBOOK, "definedName", "defined-name"]],
  ["a defined name twice in one scope", () => broken(WORKBOOK, replace("</definedNames>", "<definedName name=\"sp_w1_rep\">'O''Brien Plan'!$A$1</definedName></definedNames>")), [WORKBOOK, "definedName", "defined-name"]],
  ["print titles with an undoubled apostrophe (exceljs PR #3071)", () => broken(WORKBOOK, replace("'O''Brien Plan'!$1:$1", "'O'Brien Plan'!$1:$1")), [WORKBOOK, "definedName", "defined-name"]],
  ["an unknown _xlnm. name", () => broken(WORKBOOK, replace("_xlnm.Print_Titles", "_xlnm.Print_Rows")), [WORKBOOK, "definedName", "defined-name"]],
  ["a defined name over a column its table lacks", () => broken(WORKBOOK, replace("</definedNames>", '<definedName name="SP_W1_COL">SP_W1_Targets[[Amounts]]</definedName></definedNames>')), [WORKBOOK, "definedName", "defined-name"]],
  ["a defined name over a table the workbook lacks", () => broken(WORKBOOK, replace("</definedNames>", '<definedName name="SP_W1_COL">SP_W9_Targets[[Amount]]</definedName></definedNames>')), [WORKBOOK, "definedName", "defined-name"]],
  ["a header cell that differs from its tableColumn", () => broken(TABLE, replace('name="Amount"', 'name="Amount2"')), [TABLE, "tableColumn", "table-header"]],
  ["a header cell that is a number", () => broken(SHEET, replace('<c r="B1" t="inlineStr"><is><t>Amount</t></is></c>', '<c r="B1"><v>7</v></c>')), [TABLE, "tableColumn", "table-header"]],
  ["a table name that is also a defined name", () => broken(WORKBOOK, replace('name="SP_W1_REP"', 'name="sp_w1_targets"')), [TABLE, "table", "table-unique"]],
  [
    "two tables with one id",
    () =>
      broken(SHEET, replace('<tableParts count="1"><tablePart r:id="rId1"/>', '<tableParts count="2"><tablePart r:id="rId1"/><tablePart r:id="rId2"/>'), {
        "xl/worksheets/_rels/sheet1.xml.rels": basePackage()["xl/worksheets/_rels/sheet1.xml.rels"].replace("</Relationships>", `<Relationship Id="rId2" Type="${R}/table" Target="../tables/table2.xml"/></Relationships>`),
        "xl/tables/table2.xml": basePackage()[TABLE].replace(/SP_W1_Targets/g, "SP_W1_Other"),
        "[Content_Types].xml": basePackage()["[Content_Types].xml"].replace("</Types>", '<Override PartName="/xl/tables/table2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/></Types>'),
      }),
    ["xl/tables/table2.xml", "table", "table-unique"],
  ],
  [
    "two tables over the same cells",
    () =>
      broken(SHEET, replace('<tableParts count="1"><tablePart r:id="rId1"/>', '<tableParts count="2"><tablePart r:id="rId1"/><tablePart r:id="rId2"/>'), {
        "xl/worksheets/_rels/sheet1.xml.rels": basePackage()["xl/worksheets/_rels/sheet1.xml.rels"].replace("</Relationships>", `<Relationship Id="rId2" Type="${R}/table" Target="../tables/table2.xml"/></Relationships>`),
        "xl/tables/table2.xml": basePackage()[TABLE].replace(/SP_W1_Targets/g, "SP_W1_Other").replace('id="1"', 'id="2"'),
        "[Content_Types].xml": basePackage()["[Content_Types].xml"].replace("</Types>", '<Override PartName="/xl/tables/table2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/></Types>'),
      }),
    ["xl/tables/table2.xml", "table", "range-overlap"],
  ],
  ["a table ref narrower than its columns", () => broken(TABLE, replace('ref="A1:B2"><autoFilter ref="A1:B2"/>', 'ref="A1:A2"><autoFilter ref="A1:A2"/>')), [TABLE, "tableColumns", "table-range"]],
  ["a table of a header row only (rust_xlsxwriter#110)", () => broken(TABLE, replace('ref="A1:B2"><autoFilter ref="A1:B2"/>', 'ref="A1:B1"><autoFilter ref="A1:B1"/>')), [TABLE, "table", "table-range"]],
  ["two table columns with one name", () => broken(TABLE, replace('name="Amount"', 'name="REP &amp; CO"')), [TABLE, "tableColumn", "table-header"]],
  ["cells out of order in a row", () => broken(SHEET, replace('<c r="A2" t="s"><v>1</v></c><c r="B2"><v>5</v></c>', '<c r="B2"><v>5</v></c><c r="A2" t="s"><v>1</v></c>')), [SHEET, "c", "cell-order"]],
  ["rows out of order", () => broken(SHEET, replace(/<row r="1"(.*?)<\/row><row r="2">(.*?)<\/row>/, '<row r="2">$2</row><row r="1"$1</row>')), [SHEET, "row", "cell-order"]],
  ["overlapping merged ranges", () => broken(SHEET, replace("</sheetData>", '</sheetData><mergeCells count="2"><mergeCell ref="C1:D2"/><mergeCell ref="D2:E3"/></mergeCells>')), [SHEET, "mergeCell", "range-overlap"]],
  [
    "a typed drop-down list over 255 characters",
    () => broken(SHEET, replace("<tableParts", `<dataValidations count="1"><dataValidation type="list" sqref="C2"><formula1>"${Array.from({ length: 60 }, (_, i) => `item${i}`).join(",")}"</formula1></dataValidation></dataValidations><tableParts`)),
    [SHEET, "dataValidation", "data-validation"],
  ],
  ["a formula over 8 192 characters", () => broken(SHEET, replace("<v>5</v>", `<f>${Array.from({ length: 4200 }, () => "1").join("+")}</f><v>5</v>`)), [SHEET, "f", "formula"]],
  [
    "a shared formula over a range operator ([MS-XLS] 2.5.198.118)",
    () => broken(SHEET, replace("<v>5</v>", '<f t="shared" ref="B2:B3" si="0">ROWS(INDEX(A:A,1):A2)</f><v>5</v>')),
    [SHEET, "f", "shared-formula"],
  ],
  ["NETWORKDAYS.INTL stored without _xlfn.", () => broken(SHEET, replace("<v>5</v>", "<f>NETWORKDAYS.INTL(1,30,11)</f><v>5</v>")), [SHEET, "f", "formula"]],
  ["an empty conditionalFormatting (exceljs #2178)", () => broken(SHEET, replace(/<conditionalFormatting sqref="A2">.*?<\/conditionalFormatting>/, '<conditionalFormatting sqref="A2"></conditionalFormatting>')), [SHEET, "conditionalFormatting", "cf-empty"]],
  ["two rules with one priority", () => broken(SHEET, replace('priority="2"', 'priority="1"')), [SHEET, "cfRule", "cf-priority"]],
  [
    "an Excel 2010 rule with a priority already taken",
    () =>
      broken(
        SHEET,
        replace(
          "</tableParts>",
          `</tableParts><extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:conditionalFormattings><x14:conditionalFormatting xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:cfRule type="iconSet" priority="2" id="{00000000-0000-0000-0000-000000000001}"><x14:iconSet iconSet="3Triangles"><x14:cfvo type="percent"><xm:f>0</xm:f></x14:cfvo><x14:cfvo type="percent"><xm:f>33</xm:f></x14:cfvo><x14:cfvo type="percent"><xm:f>67</xm:f></x14:cfvo></x14:iconSet></x14:cfRule><xm:sqref>B2</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings></ext></extLst>`,
        ),
      ),
    [SHEET, "x14:cfRule", "cf-priority"],
  ],
  ["a shared-string index out of range", () => broken(SHEET, replace('<c r="A2" t="s"><v>1</v>', '<c r="A2" t="s"><v>2</v>')), [SHEET, "c", "shared-string"]],
  ["a style index beyond cellXfs", () => broken(SHEET, replace('s="1"', 's="2"')), [SHEET, "c", "style-index"]],
  ["a dxfId beyond dxfs", () => broken(SHEET, replace('dxfId="0" priority="2"', 'dxfId="1" priority="2"')), [SHEET, "cfRule", "dxf-index"]],
];

test.each(cases)("catches %s", async (_, make, expected) => {
  const problems = await validateXlsx(await make(), "broken.xlsx");
  expect(problems.map((p) => [p.part, p.element, p.rule])).toContainEqual(expected);
  expect(problems.every((p) => p.workbook === "broken.xlsx")).toBe(true);
});

test("parts outside the schemas are checked for well-formedness only, unless their content type is a schema part's", async () => {
  const customXml = { "customXml/item1.xml": '<b:Sources xmlns:b="http://schemas.openxmlformats.org/officeDocument/2006/bibliography"><b:Other/></b:Sources>' };
  expect(await validateXlsx(await zipOf({ ...basePackage(), ...customXml }), "custom XML")).toEqual([]);
  const malformed = await validateXlsx(await zipOf({ ...basePackage(), "customXml/item1.xml": "<a><b></a>" }), "custom XML");
  expect(malformed.map((p) => [p.part, p.rule])).toContainEqual(["customXml/item1.xml", "well-formed"]);
  const strayNamespace = await validateXlsx(await broken(SHEET, replace(`<worksheet xmlns="${MAIN}"`, '<worksheet xmlns="urn:not-spreadsheetml"')), "wrong namespace");
  expect(strayNamespace.map((p) => [p.part, p.rule])).toContainEqual([SHEET, "schema"]);
});

test("mc:AlternateContent: the first understood mc:Choice is validated, else mc:Fallback", async () => {
  const alternate = (choice: string, fallback: string) =>
    broken(SHEET, (xml) =>
      xml
        .replace("<worksheet ", '<worksheet xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" ')
        .replace("<sheetData>", `<mc:AlternateContent><mc:Choice Requires="x14">${choice}</mc:Choice><mc:Fallback>${fallback}</mc:Fallback></mc:AlternateContent><sheetData>`),
    );
  // x14 is not understood: the Fallback is taken (valid here, invalid there).
  expect(await validateXlsx(await alternate("<x14:anything/>", '<cols><col min="1" max="1" width="9"/></cols>'), "fallback")).toEqual([]);
  const bad = await validateXlsx(await alternate("<x14:anything/>", "<bogus/>"), "fallback");
  expect(bad.map((p) => [p.element, p.rule])).toEqual([["bogus", "schema"]]);
  // A Choice that requires the main namespace is understood and wins over the Fallback.
  const understood = await validateXlsx(await broken(SHEET, replace("<sheetData>", `<mc:AlternateContent><mc:Choice Requires="r"><bogus/></mc:Choice><mc:Fallback><cols><col min="1" max="1" width="9"/></cols></mc:Fallback></mc:AlternateContent><sheetData>`)), "choice");
  expect(understood.map((p) => [p.element, p.rule])).toEqual([["bogus", "schema"]]);
});

test("sheet references in formulas: quoting as Excel writes it", () => {
  expect(sheetReferences("'O''Brien'!$1:$3,'O''Brien'!$A:$B")).toEqual({ sheets: ["O'Brien", "O'Brien"], errors: [] });
  expect(sheetReferences("'O'Brien'!$1:$3").errors).not.toEqual([]);
  expect(sheetReferences("2026W48!$A$1").errors).toEqual(["sheet name 2026W48 must be quoted in 2026W48!$A$1"]);
  // Unquoted, "-" is an operator: this is 周计划 minus a cell of sheet 张三 (the workbook check then finds no such sheet).
  expect(sheetReferences("周计划-张三!$A$1")).toEqual({ sheets: ["张三"], errors: [] });
  expect(sheetReferences("Sheet1!$A$1+\"x!'y\"")).toEqual({ sheets: ["Sheet1"], errors: [] });
  expect(sheetReferences("A1!B2").errors).toHaveLength(1);
  expect(sheetReferences("[1]Budget!$A$1")).toEqual({ sheets: ["[1]Budget"], errors: [] });
});

test("formulas: Excel's length limit, and functions newer than Excel 2007 only with their _xlfn. prefix", () => {
  expect(formulaError("_xlfn.NETWORKDAYS.INTL(A1,B1,11)+_xlfn.AGGREGATE(14,6,A1:A9,1)")).toBeUndefined();
  expect(formulaError('NETWORKDAYS(A1,B1)&"IFNA(x)"&SUM(A1)')).toBeUndefined();
  expect(formulaError("SP_IFS(1)+MY.SORT(2)")).toBeUndefined();
  expect(formulaError("IF(A1,ifna(B1,0))")).toMatch(/^IFNA without/);
  expect(formulaError(`${"1+".repeat(4096)}1`)).toMatch(/8193 characters/);
});

test("Excel's rules for names", () => {
  for (const ok of ["SP_W1_SALES_TARGET", "_x", "\\a", "销售目标", "A1B", "XFE1", "RC_1", "Rx"]) expect([ok, nameError(ok)]).toEqual([ok, undefined]);
  for (const bad of ["", "A1", "xfd1048576", "R", "c", "R1C1", "RC", "R[1]C[-1]", "1abc", "a-b", "a b", "x".repeat(256)]) expect(nameError(bad)).toBeDefined();
});
