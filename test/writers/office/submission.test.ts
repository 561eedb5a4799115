import { formatSerialTime, isoWeekMonday, serialFromYmd, serialOfLocalTime } from "../../../src/domain/calendar";
import { numberFormat } from "../../../src/templates/formats";
import { isLate } from "../../../src/team/submission";
import { stampSubmission, type SubmittedContent } from "../../../src/writers/office/submission";
import { nameArea, type FakeCell } from "../../fakes/fakeExcel";
import { FakeExcel } from "../../fakes/teamFake";
import { cellsOf, monthly, weekly, writePlans } from "./teamSupport";

/**
 * The pane's 提交 button against the sync-counting fake: the plan on the ACTIVE sheet is found through
 * its names, the stamp is a date-time serial in its 提交时间 cell, in three syncs; a cell that holds
 * something is never overwritten unless the rep confirmed replacing exactly that; no weekly plan, or a
 * broken name, writes nothing.
 */

const DATETIME = numberFormat("datetime", "zh-CN");
// 2026-W48 runs from Monday 2026-11-23; due the Sunday before, 17:00.
const DEADLINE = isoWeekMonday(2026, 48) - 1 + 17 / 24;
const AT = serialFromYmd(2026, 11, 22) + (16 * 3600 + 5 * 60 + 30) / 86400;

function activate(fake: FakeExcel, sheet: string): void {
  fake.state.active = fake.sheet(sheet);
}

function cellOf(fake: FakeExcel, name: string): FakeCell | undefined {
  const found = fake.state.names.find((n) => n.name === name);
  const area = found && nameArea(fake.state, found);
  if (!area) throw new Error(`no cell for ${name}`);
  return area.sheet.cells.get(`${area.range.from.row},${area.range.from.col}`);
}

async function stamp(fake: FakeExcel, at = AT, replacing?: SubmittedContent) {
  const before = fake.syncCount;
  const outcome = await fake.run((context) => stampSubmission(context, at, DATETIME, replacing));
  return { outcome, syncs: fake.syncCount - before };
}

async function oneWeekly(): Promise<{ fake: FakeExcel; sheet: string }> {
  const fake = new FakeExcel();
  const [sheet] = await writePlans(fake, [weekly("张三")]);
  activate(fake, sheet);
  return { fake, sheet };
}

/** What a rep types into the plan's 提交时间 cell. */
async function typeInto(fake: FakeExcel, typed: string): Promise<void> {
  await fake.run(async (context) => {
    context.workbook.names.getItemOrNullObject("SP_W1_SUBMITTED").getRangeOrNullObject().formulas = [[typed]];
    await context.sync();
  });
}

const everyCell = (fake: FakeExcel) => fake.sheetNames().map((name) => cellsOf(fake.sheet(name)));

describe("serialOfLocalTime", () => {
  test("the wall-clock date-time as an Excel serial, to the second", () => {
    expect(serialOfLocalTime(new Date(2026, 10, 22, 16, 5, 30, 900))).toBe(AT);
    expect(serialOfLocalTime(new Date(2026, 10, 22, 0, 0, 0))).toBe(serialFromYmd(2026, 11, 22));
    expect(formatSerialTime(AT)).toBe("2026-11-22 16:06");
    expect(formatSerialTime(DEADLINE)).toBe("2026-11-22 17:00");
  });
});

describe("isLate", () => {
  test("by whole seconds, as the plan's 按时提交 formula: exactly at the deadline (or a parse's hair past it) is on time", () => {
    expect(isLate(DEADLINE - 60 / 86400, DEADLINE)).toBe(false);
    expect(isLate(DEADLINE, DEADLINE)).toBe(false);
    expect(isLate(DEADLINE + 1e-9, DEADLINE)).toBe(false);
    expect(isLate(DEADLINE + 1 / 86400, DEADLINE)).toBe(true);
  });
});

describe("stampSubmission (Office)", () => {
  test("stamps the date-time serial into SP_W1_SUBMITTED in three syncs, keeping the template's format", async () => {
    const { fake, sheet } = await oneWeekly();
    expect(cellOf(fake, "SP_W1_SUBMITTED")?.value ?? null).toBeNull();
    const { outcome, syncs } = await stamp(fake);
    expect(syncs).toBe(3);
    expect(outcome).toEqual({ sheet, kind: "stamped", at: AT, deadline: DEADLINE, late: false });
    expect(cellOf(fake, "SP_W1_SUBMITTED")).toEqual({ value: AT, numberFormat: DATETIME });
  });

  test("finds the plan of the active sheet by its names, whatever the sheet is called or holds beside it", async () => {
    const fake = new FakeExcel();
    const [first, second] = await writePlans(fake, [weekly("张三"), weekly("李四")]);
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem(second).name = "我的计划";
      await context.sync();
    });
    activate(fake, "我的计划");
    const { outcome } = await stamp(fake);
    expect(outcome).toMatchObject({ sheet: "我的计划", kind: "stamped" });
    expect(cellOf(fake, "SP_W2_SUBMITTED")?.value).toBe(AT);
    expect(cellOf(fake, "SP_W1_SUBMITTED")?.value ?? null).toBeNull();
    activate(fake, first);
    expect((await stamp(fake, AT + 1)).outcome).toMatchObject({ sheet: first, kind: "stamped", at: AT + 1 });
    expect(cellOf(fake, "SP_W1_SUBMITTED")?.value).toBe(AT + 1);
  });

  test("a cell stamped or typed before is the rep's: shown, not overwritten, in two syncs", async () => {
    const { fake, sheet } = await oneWeekly();
    await stamp(fake);
    const before = everyCell(fake);
    const { outcome, syncs } = await stamp(fake, AT + 0.5);
    expect(syncs).toBe(2);
    expect(outcome).toEqual({ sheet, kind: "alreadyStamped", held: AT });
    expect(everyCell(fake)).toEqual(before);

    await typeInto(fake, "周日下午交");
    expect((await stamp(fake, AT + 0.5)).outcome).toEqual({ sheet, kind: "alreadyStamped", held: "周日下午交" });
    await typeInto(fake, "=NOW()");
    expect((await stamp(fake, AT + 0.5)).outcome).toEqual({ sheet, kind: "alreadyStamped", held: "=NOW()" });
    expect(cellOf(fake, "SP_W1_SUBMITTED")?.formula).toBe("=NOW()");
  });

  test("re-stamps only what the rep confirmed replacing; a cell changed meanwhile is kept and shown", async () => {
    const { fake, sheet } = await oneWeekly();
    await stamp(fake);
    const later = AT + 1 / 24;
    const { outcome, syncs } = await stamp(fake, later, AT);
    expect(syncs).toBe(3);
    expect(outcome).toEqual({ sheet, kind: "stamped", at: later, deadline: DEADLINE, late: true, replaced: AT });
    expect(cellOf(fake, "SP_W1_SUBMITTED")?.value).toBe(later);

    const stale = await stamp(fake, later + 1, AT);
    expect(stale.outcome).toEqual({ sheet, kind: "alreadyStamped", held: later });
    expect(cellOf(fake, "SP_W1_SUBMITTED")?.value).toBe(later);
  });

  test("a write Excel refuses (a protected sheet) throws for the pane to word, and leaves the cell empty", async () => {
    const { fake } = await oneWeekly();
    fake.failAtSync(3);
    await expect(stamp(fake)).rejects.toMatchObject({ code: "GeneralException" });
    expect(cellOf(fake, "SP_W1_SUBMITTED")?.value ?? null).toBeNull();
  });

  test("a 提交时间 cell left in General format gets the date-time format with the stamp", async () => {
    const { fake } = await oneWeekly();
    const cell = cellOf(fake, "SP_W1_SUBMITTED");
    if (cell) delete cell.numberFormat;
    await stamp(fake);
    expect(cellOf(fake, "SP_W1_SUBMITTED")).toEqual({ value: AT, numberFormat: DATETIME });
  });

  test("no weekly plan on the active sheet: says so in one sync and writes nothing", async () => {
    const fake = new FakeExcel(["Sheet1"]);
    const [weeklySheet, monthlySheet] = await writePlans(fake, [weekly("张三"), monthly("张三")]);
    expect(weeklySheet).toBeDefined();
    const before = everyCell(fake);
    activate(fake, "Sheet1");
    expect(await stamp(fake)).toEqual({ outcome: { sheet: "Sheet1", kind: "notWeekly", monthly: false }, syncs: 1 });
    activate(fake, monthlySheet);
    expect((await stamp(fake)).outcome).toEqual({ sheet: monthlySheet, kind: "notWeekly", monthly: true });
    expect(everyCell(fake)).toEqual(before);
  });

  test("a 提交时间 name deleted, broken (#REF!) or moved to another sheet: refused, nothing written", async () => {
    const { fake, sheet } = await oneWeekly();
    const name = fake.state.names.find((n) => n.name === "SP_W1_SUBMITTED");
    if (!name) throw new Error("no SP_W1_SUBMITTED");
    const original = name.formula;
    const before = everyCell(fake);

    name.formula = "=#REF!";
    expect(await stamp(fake)).toEqual({ outcome: { sheet, kind: "broken", key: "W1", name: "SP_W1_SUBMITTED", missing: false }, syncs: 1 });
    name.formula = "=Sheet1!$A$1";
    expect((await stamp(fake)).outcome).toMatchObject({ kind: "broken", missing: false });
    fake.state.names.splice(fake.state.names.indexOf(name), 1);
    expect((await stamp(fake)).outcome).toEqual({ sheet, kind: "broken", key: "W1", name: "SP_W1_SUBMITTED", missing: true });
    expect(everyCell(fake)).toEqual(before);
    expect(original).toMatch(/!\$[A-Z]+\$\d+$/);
  });

  test("two weekly plans written onto one sheet: refused rather than guessing which is the rep's", async () => {
    const { fake, sheet } = await oneWeekly();
    fake.state.names.push({ name: "SP_W9_TEMPLATE", formula: `='${sheet}'!$Z$1`, comment: "" }, { name: "SP_W9_SUBMITTED", formula: `='${sheet}'!$Z$2`, comment: "" });
    expect((await stamp(fake)).outcome).toEqual({ sheet, kind: "several", keys: ["W1", "W9"] });
  });
});
