import { NO_NAMES } from "../../../src/templates/naming";
import { sheetExtent } from "../../../src/writers/layout";
import { qualifiedAddress } from "../../../src/writers/office/addresses";
import { OfficeWriteError, officeWriteMessage } from "../../../src/writers/office/errors";
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

const refusal = (fake: FakeExcel): Promise<OfficeWriteError> =>
  fake.run((context) => insertIntoActiveSheet(context, build)).then(
    () => Promise.reject(new Error("insert should have been refused")),
    (error: OfficeWriteError) => error,
  );

describe("inserting into the active sheet", () => {
  test("an empty sheet gets the main sheet's content in 2 syncs; companions go to new sheets", async () => {
    const fake = fakeWithActive();
    const result = await fake.run((context) => insertIntoActiveSheet(context, build));
    expect(fake.syncCount).toBe(2);
    expect(result).toEqual({ sheets: ["Mine", ...companions.map((s) => s.name)], firstCell: "'Mine'!A1" });
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

  test("data wholly outside the target area needs no check and stays as it was", async () => {
    const fake = fakeWithActive();
    fake.seed("Mine", "AZ500", [["keep me"]]);
    await fake.run((context) => insertIntoActiveSheet(context, build));
    expect(fake.syncCount).toBe(2);
    expect(fake.sheet("Mine").value("AZ500")).toBe("keep me");
    expectWritten(fake, main, { sheetName: "Mine", ownsSheet: false });
  });

  test("a used range reaching into the area, but no value in it, costs one check sync", async () => {
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
    expect(error.params).toEqual({ target: areaAddress("我的表"), occupied: "'我的表'!C3" });
    expect(officeWriteMessage(error, "zh-CN")).toBe(
      `模板将写入 ${areaAddress("我的表")}，但 '我的表'!C3 已有内容。请选择空白工作表，或改为新建工作表。`,
    );
    expect(officeWriteMessage(error, "en-US")).toContain(`${areaAddress("我的表")}, but '我的表'!C3 is not empty`);
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
});
