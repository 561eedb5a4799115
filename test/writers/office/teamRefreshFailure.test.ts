import { columnLetters } from "../../../src/spec/a1";
import { OfficeWriteError } from "../../../src/writers/office/errors";
import { rollUpTeam } from "../../../src/writers/office/team";
import { FakeExcel } from "../../fakes/teamFake";
import { normal, table, weekly, writePlans } from "./teamSupport";

/**
 * An in-place refresh of the 团队汇总 table that Excel rejects partway must leave the workbook as it
 * was — table size and contents, the manager's notes below and beside it, names — and reach the
 * caller as a typed error, wherever in the refresh sync the failure falls.
 */

const SUMMARY = "SP_T1_Summary";
const SHEET = "团队汇总";
/** The refresh is the third sync of a roll-up: two to read, one to write. */
const REFRESH_SYNC = 3;

const reps = (count: number, from = 1) => Array.from({ length: count }, (_, i) => `代表${String(from + i).padStart(2, "0")}`);

/**
 * Everything the fake's document holds, as comparable plain data (cells by address, order aside;
 * a "" value is an empty cell, as in Excel — see `normal`).
 */
function snapshot(fake: FakeExcel): unknown {
  const { state } = fake;
  return JSON.parse(
    JSON.stringify({
      active: state.active.name,
      sheets: state.sheets.map((s) => ({ ...s, cells: Object.fromEntries([...s.cells].map(([key, cell]) => [key, normal(cell)])) })),
      tables: state.tables.map((t) => ({ ...t, sheet: t.sheet.name })),
      names: state.names,
    }),
  );
}

async function deleteSheet(fake: FakeExcel, name: string): Promise<void> {
  await fake.run(async (context) => {
    context.workbook.worksheets.getItem(name).delete();
    await context.sync();
  });
}

/**
 * Six reps rolled up, then the manager's notes: one below the table (a value and a name on it, both
 * move with the table), one beside it, one below it but right of its columns (both stay put).
 */
async function summarised(): Promise<FakeExcel> {
  const fake = new FakeExcel();
  await writePlans(fake, reps(6).map((rep) => weekly(rep)));
  await fake.run((context) => rollUpTeam(context, "zh-CN"));
  const t = table(fake, SUMMARY);
  const below = t.range.to.row + 3;
  // Right of the meeting table, the summary sheet's rightmost table: beside the weekly block is the monthly one.
  const right = table(fake, "SP_T1_Meetings").range.to.col + 2;
  fake.seed(SHEET, `A${below}`, [["经理备注：下周重点跟进华东区", 42]]);
  fake.state.names.push({ name: "经理备注", formula: `='${SHEET}'!$B$${below}`, comment: "" });
  fake.seed(SHEET, `${columnLetters(right)}${t.range.from.row + 2}`, [["旁注"]]);
  fake.seed(SHEET, `${columnLetters(right)}${below + 1}`, [["右下"]]);
  return fake;
}

/** What changes between the first roll-up and the refresh under test. */
const scenarios: [string, (fake: FakeExcel) => Promise<void>, number][] = [
  ["adds rows", (fake) => writePlans(fake, [weekly("代表07"), weekly("代表08"), weekly("代表09")]).then(() => undefined), 3],
  ["deletes rows", (fake) => deleteSheet(fake, "周计划-代表02-2026W48").then(() => deleteSheet(fake, "周计划-代表05-2026W48")), -2],
  [
    "only rewrites",
    async (fake) => {
      await deleteSheet(fake, "周计划-代表03-2026W48");
      await writePlans(fake, [weekly("代表09")]);
      fake.state.names.find((n) => n.name === "SP_W1_SALES_ACTUAL")!.formula = "=#REF!";
    },
    0,
  ],
];

async function prepared(change: (fake: FakeExcel) => Promise<void>): Promise<FakeExcel> {
  const fake = await summarised();
  await change(fake);
  return fake;
}

const dataRows = (fake: FakeExcel): number => {
  const t = table(fake, SUMMARY);
  return t.range.to.row - t.range.from.row - (t.showTotals ? 1 : 0);
};

async function failedRollUp(fake: FakeExcel): Promise<OfficeWriteError> {
  return fake.run((context) => rollUpTeam(context, "zh-CN")).then(
    () => Promise.reject(new Error("the roll-up should have failed")),
    (error: unknown) => {
      expect(error).toBeInstanceOf(OfficeWriteError);
      return error as OfficeWriteError;
    },
  );
}

describe.each(scenarios)("a refresh that %s, rejected by Excel partway", (_name, change, rowDelta) => {
  /** Operations in the refresh sync and the sync count of a successful refresh, on an identical workbook. */
  async function measured(): Promise<{ operations: number; syncs: number }> {
    const fake = await prepared(change);
    const rowsBefore = dataRows(fake);
    const before = fake.syncCount;
    await fake.run((context) => rollUpTeam(context, "zh-CN"));
    expect(dataRows(fake) - rowsBefore).toBe(rowDelta);
    return { operations: fake.operationCounts[before + REFRESH_SYNC - 1], syncs: fake.syncCount - before };
  }

  test("succeeds in 3 syncs when Excel does not fail", async () => {
    expect((await measured()).syncs).toBe(3);
  });

  test("leaves the workbook exactly as it was and throws writeFailed, after 0, 1, half, all but one and all of its operations", async () => {
    const { operations } = await measured();
    expect(operations).toBeGreaterThan(4);
    for (const after of [0, 1, Math.floor(operations / 2), operations - 1, operations]) {
      const fake = await prepared(change);
      const before = snapshot(fake);
      const syncsBefore = fake.syncCount;
      fake.failAtSync(REFRESH_SYNC, after);
      const error = await failedRollUp(fake);
      expect({ after, code: error.code, excelCode: error.params.excelCode }).toEqual({ after, code: "writeFailed", excelCode: "GeneralException" });
      expect(error.localized("zh-CN")).toContain("工作簿保持原样");
      expect(snapshot(fake)).toEqual(before);
      // Two reads, the failed refresh, and two to put the table back.
      expect(fake.syncCount - syncsBefore).toBe(REFRESH_SYNC + 2);
      // The workbook is whole again: re-running the roll-up refreshes it as if nothing had happened.
      const reference = await prepared(change);
      await reference.run((context) => rollUpTeam(context, "zh-CN"));
      await fake.run((context) => rollUpTeam(context, "zh-CN"));
      expect(snapshot(fake)).toEqual(snapshot(reference));
    }
  });

  test("reports restoreFailed, naming the summary sheet, when putting the table back fails too", async () => {
    const { operations } = await measured();
    for (const cleanupSync of [1, 2]) {
      const fake = await prepared(change);
      fake.failAtSync(REFRESH_SYNC, Math.floor(operations / 2));
      fake.failAtSync(REFRESH_SYNC + cleanupSync, 0);
      const error = await failedRollUp(fake);
      expect(error.code).toBe("restoreFailed");
      expect(error.params).toEqual({ excelCode: "GeneralException", leftovers: [SHEET] });
      expect(error.localized("zh-CN")).toContain(SHEET);
    }
  });
});
