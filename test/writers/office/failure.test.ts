import { OfficeWriteError } from "../../../src/writers/office/errors";
import { insertIntoActiveSheet, writeSheets, type BuildSheets } from "../../../src/writers/office/officeWriter";
import { FakeExcel } from "../../fakes/fakeExcel";
import { TEMPLATE_NAMES, templateBuild } from "./templates";

/** A failed write must leave the workbook exactly as it was, wherever in the commit Excel gave up. */

/** Everything the fake's document holds, as comparable plain data. */
function snapshot(fake: FakeExcel): unknown {
  const { state } = fake;
  return JSON.parse(
    JSON.stringify({
      active: state.active.name,
      sheets: state.sheets.map((s) => ({ ...s, cells: [...s.cells] })),
      tables: state.tables.map((t) => ({ ...t, sheet: t.sheet.name })),
      names: state.names,
    }),
  );
}

/**
 * A workbook that already holds user data and an earlier template, so there is something to lose;
 * the active sheet's used range spans the insert area (without anything in it).
 */
async function busyWorkbook(): Promise<FakeExcel> {
  const fake = new FakeExcel(["Sheet1", "Mine"]);
  fake.seed("Sheet1", "A1", [["客户", 100]]);
  fake.seed("Mine", "AZ1", [["keep me"]]);
  fake.seed("Mine", "A5000", [["and me"]]);
  // The user's own formats, merges, validation and conditional formats beside the insert area.
  await fake.run(async (context) => {
    const mine = context.workbook.worksheets.getItem("Mine");
    mine.getRange("AZ2:BA2").format.fill.color = "#FFFF00";
    mine.getRange("AZ3:BA3").merge(false);
    mine.getRange("AZ4:AZ9").dataValidation.rule = { wholeNumber: { formula1: "0", operator: "GreaterThan" } };
    mine.getRange("BA4:BA9").conditionalFormats.add("Custom").custom.rule.formula = "=BA4>1";
    await context.sync();
  });
  await fake.run((context) => writeSheets(context, templateBuild("weekly", 3)));
  fake.state.active = fake.sheet("Mine");
  return fake;
}

type Write = (context: Excel.RequestContext, build: BuildSheets) => Promise<unknown>;

/** Operations in the commit sync (`commitSync`-th sync of the write), measured on an identical workbook. */
async function commitOperations(write: Write, build: BuildSheets, commitSync: number): Promise<number> {
  const fake = await busyWorkbook();
  const before = fake.syncCount;
  await fake.run((context) => write(context, build));
  return fake.operationCounts[before + commitSync - 1];
}

async function failedWrite(fake: FakeExcel, write: Write, build: BuildSheets): Promise<OfficeWriteError> {
  return fake.run((context) => write(context, build)).then(
    () => Promise.reject(new Error("the write should have failed")),
    (error: OfficeWriteError) => error,
  );
}

const modes: [string, Write, number][] = [
  ["new sheets", writeSheets, 2],
  ["active sheet", insertIntoActiveSheet, 3],
];

describe.each(modes)("a commit that fails (%s)", (_mode, write, commitSync) => {
  test.each(TEMPLATE_NAMES)("%s: removes everything it created, at any point of the batch", async (name) => {
    const build = templateBuild(name, 20);
    const total = await commitOperations(write, build, commitSync);
    for (const applied of [0, 1, Math.floor(total / 2), total - 1]) {
      const fake = await busyWorkbook();
      const before = snapshot(fake);
      fake.failAtSync(commitSync, applied);
      const error = await failedWrite(fake, write, build);
      expect(error).toBeInstanceOf(OfficeWriteError);
      expect([applied, error.code, error.params.excelCode]).toEqual([applied, "writeFailed", "GeneralException"]);
      expect(snapshot(fake)).toEqual(before);
    }
  });
});

test("a failure in a later batch of a chunked write also removes the earlier batches' work", async () => {
  const fake = await busyWorkbook();
  const before = snapshot(fake);
  fake.failAtSync(3);
  const error = await failedWrite(fake, writeSheets, templateBuild("contracts", 9000));
  expect(error.code).toBe("writeFailed");
  expect(snapshot(fake)).toEqual(before);
});

test("when the cleanup fails too, the error lists what may be left behind, in both languages", async () => {
  const fake = await busyWorkbook();
  fake.failAtSync(2, 5);
  fake.failAtSync(4);
  const error = await failedWrite(fake, writeSheets, templateBuild("customers", 5));
  expect(error.code).toBe("cleanupFailed");
  expect(error.params.leftovers).toEqual(expect.arrayContaining(["客户资源登记表", "客户分级设置", "SP_C1_TEMPLATE"]));
  expect(error.localized("zh-CN")).toContain("请手动删除");
  expect(error.localized("en-US")).toContain("客户资源登记表");
});
