import { NO_NAMES } from "../../../src/spec/naming";
import { sheetExtent } from "../../../src/writers/layout";
import { qualifiedAddress } from "../../../src/spec/addresses";
import { OfficeWriteError } from "../../../src/writers/office/errors";
import { insertIntoActiveSheet } from "../../../src/writers/office/officeWriter";
import { FakeExcel } from "../../fakes/fakeExcel";
import { expectWritten } from "./expectWritten";
import { templateBuild } from "./templates";

const build = templateBuild("customers", 10);
const [main, ...companions] = build(NO_NAMES);
const area = sheetExtent(main);
const areaAddress = (sheet: string): string => qualifiedAddress(sheet, area);

function fakeWithActive(name = "Mine"): FakeExcel {
  const fake = new FakeExcel(["Sheet1", name]);
  fake.state.active = fake.sheet(name);
  return fake;
}

/** A change the user made through Excel before the insert (counts one sync). */
const userEdit = (fake: FakeExcel, edit: (sheet: Excel.Worksheet) => void): Promise<void> =>
  fake.run(async (context) => {
    edit(context.workbook.worksheets.getItem("Mine"));
    await context.sync();
  });

/** Everything the fake's document holds, as comparable plain data. */
const snapshot = (fake: FakeExcel): unknown =>
  JSON.parse(JSON.stringify({ sheets: fake.state.sheets.map((s) => ({ ...s, cells: [...s.cells] })), tables: fake.state.tables.map((t) => ({ ...t, sheet: t.sheet.name })), names: fake.state.names }));

const refusal = (fake: FakeExcel): Promise<OfficeWriteError> =>
  fake.run((context) => insertIntoActiveSheet(context, build)).then(
    () => Promise.reject(new Error("insert should have been refused")),
    (error: OfficeWriteError) => error,
  );

describe("inserting into the active sheet", () => {
  test("an empty sheet gets the main sheet's content in 3 syncs (names, check, commit); companions go to new sheets", async () => {
    const fake = fakeWithActive();
    const result = await fake.run((context) => insertIntoActiveSheet(context, build));
    expect(fake.syncCount).toBe(3);
    expect(result).toEqual({ sheets: ["Mine", ...companions.map((s) => s.name)], firstCell: "'Mine'!A1", notDates: [] });
    expectWritten(fake, main, { sheetName: "Mine", ownsSheet: false });
    for (const spec of companions) expectWritten(fake, spec);
  });

  test("leaves the user's sheet-wide settings alone", async () => {
    const fake = fakeWithActive();
    await fake.run((context) => insertIntoActiveSheet(context, build));
    const sheet = fake.sheet("Mine");
    expect(sheet.freeze).toEqual({ rows: 0, cols: 0 });
    expect(sheet.pageLayout).toEqual({});
    expect(sheet.tabColor).toBe("");
    expect(sheet.formats.filter((f) => f.path === "columnWidth")).toEqual([]);
  });

  test("data and formats wholly outside the target area stay as they were", async () => {
    const fake = fakeWithActive();
    fake.seed("Mine", "AZ500", [["keep me"]]);
    await userEdit(fake, (sheet) => (sheet.getRange("AZ1:BA2").format.fill.color = "#FFFF00"));
    await fake.run((context) => insertIntoActiveSheet(context, build));
    expect(fake.syncCount).toBe(4);
    expect(fake.sheet("Mine").format("AZ1", "fill.color")).toBe("#FFFF00");
    expect(fake.sheet("Mine").value("AZ500")).toBe("keep me");
    expectWritten(fake, main, { sheetName: "Mine", ownsSheet: false });
  });

  test("a used range reaching into the area, but nothing in it, costs the same one check sync", async () => {
    const fake = fakeWithActive();
    fake.seed("Mine", "AZ1", [["right of it"]]);
    fake.seed("Mine", "A5000", [["below it"]]);
    await fake.run((context) => insertIntoActiveSheet(context, build));
    expect(fake.syncCount).toBe(3);
    expect([fake.sheet("Mine").value("AZ1"), fake.sheet("Mine").value("A5000")]).toEqual(["right of it", "below it"]);
    expectWritten(fake, main, { sheetName: "Mine", ownsSheet: false });
  });

  test("a value inside the target area is refused with both addresses, and nothing is written", async () => {
    const fake = fakeWithActive("我的表");
    fake.seed("我的表", "C3", [[42]]);
    const error = await refusal(fake);
    expect(error).toBeInstanceOf(OfficeWriteError);
    expect(error.code).toBe("targetNotEmpty");
    expect(error.params).toEqual({ target: areaAddress("我的表"), occupied: "'我的表'!C3", occupiedBy: "values" });
    expect(error.localized("zh-CN")).toBe(
      `模板将写入 ${areaAddress("我的表")}，但 '我的表'!C3 已有内容。请选择空白工作表，或改为新建工作表。`,
    );
    expect(error.localized("en-US")).toContain(`${areaAddress("我的表")}, but '我的表'!C3 is not empty`);
    expect(fake.sheetNames()).toEqual(["Sheet1", "我的表"]);
    expect(fake.sheet("我的表").cells.size).toBe(1);
    expect(fake.state.tables).toEqual([]);
    expect(fake.state.names).toEqual([]);
    expect(fake.syncCount).toBe(2);
  });

  test("an existing table reaching into the area is refused even when its cells are blank", async () => {
    const fake = fakeWithActive();
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("Mine").tables.add("B4:C6", true).name = "Theirs";
      await context.sync();
    });
    fake.sheet("Mine").cells.clear();
    const error = await refusal(fake);
    expect(error.code).toBe("targetNotEmpty");
    expect(error.params.occupied).toBe("'Mine'!B4:C6");
    expect(fake.state.tables.map((t) => t.name)).toEqual(["Theirs"]);
  });

  const inTheWay: [string, (sheet: Excel.Worksheet) => void, string, string, string][] = [
    ["a fill", (sheet) => (sheet.getRange("C3").format.fill.color = "#FFFF00"), "'Mine'!C3", "已设置格式（填充、字体、边框或数字格式）", "is formatted (fill, font, borders or number format)"],
    ["a bold font", (sheet) => (sheet.getRange("D4:E4").format.font.bold = true), "'Mine'!D4:E4", "已设置格式（填充、字体、边框或数字格式）", "is formatted"],
    ["a border", (sheet) => (sheet.getRange("B2").format.borders.getItem("EdgeBottom").style = "Continuous"), "'Mine'!B2", "已设置格式", "is formatted"],
    ["a number format", (sheet) => (sheet.getRange("F6").numberFormat = [["0.00%"]]), "'Mine'!F6", "已设置格式", "is formatted"],
    ["merged cells", (sheet) => sheet.getRange("B3:C3").merge(false), "'Mine'!B3:C3", "有合并单元格", "has merged cells"],
    ["data validation", (sheet) => (sheet.getRange("E5:E9").dataValidation.rule = { wholeNumber: { formula1: "0", operator: "GreaterThan" } }), areaAddress("Mine"), "设有数据验证", "has data validation"],
    ["a conditional format", (sheet) => (sheet.getRange("G2:G9").conditionalFormats.add("Custom").custom.rule.formula = "=G2>1"), areaAddress("Mine"), "设有条件格式", "has conditional formatting"],
  ];

  test.each(inTheWay)("%s in the area is refused up front, naming where and what in both languages, and nothing changes", async (_what, edit, occupied, zh, en) => {
    const fake = fakeWithActive();
    await userEdit(fake, edit);
    const before = snapshot(fake);
    const error = await refusal(fake);
    expect(error.code).toBe("targetNotEmpty");
    expect(error.params.occupied).toBe(occupied);
    expect(error.localized("zh-CN")).toContain(`但 ${occupied} ${zh}`);
    expect(error.localized("en-US")).toContain(`but ${occupied} ${en}`);
    expect(snapshot(fake)).toEqual(before);
  });

  test("a write Excel rejects never clears formatting the user had in the area", async () => {
    const fake = fakeWithActive();
    await userEdit(fake, (sheet) => {
      sheet.getRange("C3").format.fill.color = "#FFFF00";
      sheet.getRange("H8").conditionalFormats.add("Custom").custom.rule.formula = "=H8>1";
    });
    const before = snapshot(fake);
    fake.failAtSync(3, 5);
    await refusal(fake);
    expect(snapshot(fake)).toEqual(before);
    expect(fake.sheet("Mine").format("C3", "fill.color")).toBe("#FFFF00");
  });
});

describe("on a host without ExcelApi 1.13 (Excel 2002–2101 builds load the add-in)", () => {
  const office = globalThis as { Office?: unknown };
  beforeEach(() => {
    office.Office = { context: { requirements: { isSetSupported: (set: string, version: string) => set !== "ExcelApi" || Number(version) < 1.13 } } };
  });
  afterEach(() => delete office.Office);

  test("inserting into the active sheet is refused before anything is written, in both languages", async () => {
    const fake = fakeWithActive();
    fake.excelApi113 = false;
    await userEdit(fake, (sheet) => sheet.getRange("B3:C3").merge(false));
    const before = snapshot(fake);
    const error = await refusal(fake);
    expect(error.code).toBe("targetUncheckable");
    expect(error.localized("zh-CN")).toContain("ExcelApi 1.13");
    expect(error.localized("en-US")).toContain("Write to a new sheet instead");
    expect(snapshot(fake)).toEqual(before);
  });
});
