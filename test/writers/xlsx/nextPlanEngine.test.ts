/**
 * 下周计划 from this one (issue 16 item 1) through LibreOffice. A rep's week 2026-W47 — 销售额 typed, new customers,
 * visits and calls counted from the visit log, key items in every state — beside a November target breakdown:
 * 1. straight from the writer (no formula has a saved value) the counted actuals cannot carry and are named;
 * 2. after LibreOffice opened and saved the file (as a user's Excel would), `next` carries them as the engine
 *    computed them, and the next plan, recalculated, shows 上周实际, the breakdown's target and the open items.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isoWeekMonday, PLAIN_WEEKS } from "../../../src/domain/calendar";
import { NO_NAMES, withSpecs } from "../../../src/spec/naming";
import type { SheetSpec } from "../../../src/spec/sheetSpec";
import { buildTemplates } from "../../../src/templates";
import { buildBreakdownSpecs } from "../../../src/templates/team";
import { writeXlsx } from "../../../src/writers/xlsx";
import { nextPlanInFile } from "../../../src/writers/xlsx/team/nextPlanFile";
import { tableParts, workbookNames, XlsxPackage } from "../../../src/writers/ooxml";
import { a1 } from "../../../src/spec/a1";
import { readTableContents } from "../../../src/writers/ooxml/appendRows";
import { zhangsWeek } from "../../fixtures/nextPlan";
import { convertWithLibreOffice, errorCells, recalcXlsx, type ComputedWorkbook } from "../../support/libreoffice";

jest.setTimeout(300_000);

const MONDAY = isoWeekMonday(2026, 47);
const PLAN = "周计划-张三-2026W47";

function workbook(): SheetSpec[] {
  const ctx = { locale: "zh-CN" as const, existing: NO_NAMES };
  const breakdown = buildBreakdownSpecs({ target: 400_000, period: { kind: "month", year: 2026, month: 11 }, reps: [{ rep: "张三", weight: 3 }, { rep: "李四", weight: 1 }], calendar: PLAIN_WEEKS }, undefined, ctx);
  const customers = [1, 2, 3].map((i) => ({ id: `KH0000${i}`, name: `客户${i}` }));
  const visit = (day: number, customerId: string, method: string) => ({ date: MONDAY + day, rep: "张三", customerId, method });
  const rest = buildTemplates(
    [
      { template: "customers", options: { rows: customers, blankRows: 2 } },
      {
        template: "visits",
        options: {
          rows: [visit(0, "KH00001", "上门"), visit(1, "KH00002", "上门"), visit(2, "KH00001", "电话"), visit(3, "KH00003", "微信"), { ...visit(3, "KH00002", "上门"), rep: "李四" }],
          blankRows: 2,
        },
      },
      zhangsWeek(47, { calendar: PLAIN_WEEKS }),
    ],
    { ...ctx, existing: withSpecs(NO_NAMES, breakdown) },
  );
  return [...breakdown, ...rest];
}

const dir = mkdtempSync(join(tmpdir(), "sp-next-engine-"));
let raw: Uint8Array;
let saved: Uint8Array;
let computedBefore: ComputedWorkbook;

beforeAll(async () => {
  raw = await writeXlsx(workbook());
  const rawFile = join(dir, "raw.xlsx");
  writeFileSync(rawFile, raw);
  const [savedFile] = convertWithLibreOffice([rawFile], "xlsx:Calc MS Excel 2007 XML", join(dir, "saved"));
  saved = new Uint8Array(readFileSync(savedFile));
  [computedBefore] = await recalcXlsx([rawFile]);
});

/** The computed value of the cell a workbook name points at. */
async function named(data: Uint8Array, book: ComputedWorkbook, name: string) {
  const found = (await workbookNames(await XlsxPackage.load(data), () => false)).find((n) => n.name === name);
  if (!found?.sheet || !found.address) throw new Error(`no name ${name}`);
  return book.get(found.sheet)?.get(found.address.split(":")[0]);
}

const plainPlanning = () => PLAIN_WEEKS;

test("straight from the writer: the counted actuals have no saved value, so they are named and left blank", async () => {
  const result = await nextPlanInFile(raw, PLAN, "zh-CN", plainPlanning);
  if (!("data" in result)) throw new Error("expected a new plan");
  expect(result.next.unsaved).toEqual(["新客户开发数", "客户拜访数", "电话联系数"]);
  const options = result.next.request.template === "weekly" ? result.next.request.options : undefined;
  expect(options?.targets).toMatchObject({ SALES: { lastWeek: 61_000 }, NEW_CUSTOMERS: { lastWeek: null }, VISITS: { lastWeek: null }, CALLS: { lastWeek: null } });
});

test("saved by the engine: the next plan carries what the engine counted, and recalculated shows it with the breakdown's target", async () => {
  const counted = await Promise.all(["NEW_CUSTOMERS", "VISITS", "CALLS"].map((m) => named(raw, computedBefore, `SP_W1_${m}_ACTUAL`)));
  // The log's rows for 张三 that week: KH00001 and KH00002 visited, KH00001 called, KH00003 on WeChat (李四's visit is not his).
  expect(counted).toEqual([3, 2, 2]);

  const result = await nextPlanInFile(saved, PLAN, "en-US", plainPlanning);
  if (!("data" in result)) throw new Error("expected a new plan");
  expect(result.next).toMatchObject({ period: "2026-W48", carried: { keyItems: 1 }, unsaved: [], targetFrom: "SP_B1_Weeks" });
  const file = join(dir, "next.xlsx");
  writeFileSync(file, result.data);
  const [book] = await recalcXlsx([file]);
  expect(errorCells(book)).toEqual([]);

  const pkg = await XlsxPackage.load(result.data);
  const key = (await workbookNames(pkg, () => true)).find((n) => n.name.endsWith("_PERIOD") && n.value === "2026-W48")?.name.split("_")[1];
  expect(key).toBeDefined();
  const weeks = await readTableContents(pkg, "SP_B1_Weeks");
  const monday = isoWeekMonday(2026, 48);
  const fromBreakdown = weeks.rows.filter((r) => r[0] === "张三" && Number(r[3]) >= monday && Number(r[3]) <= monday + 6).reduce((sum, r) => sum + Number(r[6]), 0);
  expect(fromBreakdown).toBeGreaterThan(0);
  expect(await named(result.data, book, `SP_${key}_SALES_TARGET`)).toBe(fromBreakdown);
  expect(await named(result.data, book, `SP_${key}_REP`)).toBe("张三");
  expect(await named(result.data, book, `SP_${key}_TEAM`)).toBe("华东一组");
  expect(await named(result.data, book, `SP_${key}_APPROVER`)).toBe("王经理");

  // 上周实际 as the recalculated sheet shows it, row by row of the targets tables.
  const sheet = result.sheets[0];
  const shown = async (table: string) => {
    const part = await readTableContents(pkg, table);
    const metricAt = part.headers.indexOf("指标");
    const lastAt = part.headers.indexOf("上周实际");
    const [where] = await tableParts(pkg, (n) => n === table);
    const cell = (r: number, c: number) => book.get(sheet)?.get(a1({ row: where.range.from.row + 1 + r, col: where.range.from.col + c }));
    return part.rows.map((_, r) => [cell(r, metricAt), cell(r, lastAt)]);
  };
  expect(await shown(`SP_${key}_Targets`)).toEqual([
    ["销售额", 61_000],
    ["回款额", null],
  ]);
  expect(await shown(`SP_${key}_CountTargets`)).toEqual([
    ["新客户开发数", 3],
    ["客户拜访数", 2],
    ["电话联系数", 2],
  ]);
  const items = await readTableContents(pkg, `SP_${key}_KeyItems`);
  expect(items.rows.filter((r) => r[1] !== null).map((r) => [r[1], r[8]])).toEqual([["华联签约", "进行中"]]);
});
