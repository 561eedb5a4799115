/**
 * The monthly plan's 回款计划, 重点工作 and VIP培养计划 (issue 16 item 2) recalculated by LibreOffice in both
 * languages: the 回款计划 totals are the sums worked out here from the rows written, each 达成率 is 实际 / 计划
 * (blank without a plan or before anything is collected) and the total one all collected over all planned; no
 * cell of the plan computes to an error.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LOCALES, type Locale } from "../../../src/contract/locale";
import { serialFromYmd } from "../../../src/domain/calendar";
import { NO_NAMES } from "../../../src/spec/naming";
import type { CellRef, SheetSpec, TableRow } from "../../../src/spec/sheetSpec";
import { buildTemplates } from "../../../src/templates";
import { writeXlsx } from "../../../src/writers/xlsx";
import { errorCells, recalcXlsx, type ComputedWorkbook } from "../../support/libreoffice";
import { read, readColumn, tableByRole } from "../../support/specCells";

const COLLECTIONS: readonly TableRow[] = [
  { customer: "甲公司", contract: "HT2026001", receivable: 120_000, date: serialFromYmd(2026, 11, 10), planned: 50_000, actual: 40_000, owner: "张三" },
  { customer: "乙公司", contract: "HT2026002", receivable: 80_000, date: serialFromYmd(2026, 11, 20), planned: 30_000, actual: 36_000, owner: "张三" },
  // Planned, nothing collected yet: no 达成率 (not 0 %).
  { customer: "丙公司", contract: "HT2026003", receivable: 45_500, date: serialFromYmd(2026, 11, 25), planned: 20_000, owner: "李四" },
  // Collected without a plan: no 达成率 (not #DIV/0!).
  { customer: "丁公司", contract: "HT2026004", receivable: 9_000, actual: 9_000 },
];

const sum = (key: string): number => COLLECTIONS.reduce((total, row) => total + (typeof row[key] === "number" ? row[key] : 0), 0);

interface Case {
  readonly locale: Locale;
  readonly specs: SheetSpec[];
  book?: ComputedWorkbook;
}

const cases: Case[] = LOCALES.map((locale) => ({
  locale,
  specs: buildTemplates(
    [
      {
        template: "monthly",
        options: {
          rep: "张三",
          year: 2026,
          month: 11,
          collections: COLLECTIONS,
          keyWork: [{ item: "新品进店", goal: "20 家门店", owner: "张三", due: serialFromYmd(2026, 11, 30), status: undefined }],
          vip: [{ customer: "甲公司", current: "B", target: "A", measures: "季度生意回顾", owner: "张三", due: serialFromYmd(2026, 12, 31) }],
          blankRows: 3,
        },
      },
    ],
    { locale, existing: NO_NAMES },
  ),
}));

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), "sp-monthly-sections-"));
  const files = await Promise.all(
    cases.map(async (c, i) => {
      const file = join(dir, `monthly-${i}.xlsx`);
      writeFileSync(file, await writeXlsx(c.specs));
      return file;
    }),
  );
  const books = await recalcXlsx(files);
  cases.forEach((c, i) => (c.book = books[i]));
}, 300_000);

describe.each(cases.map((c) => [c.locale, c] as const))("monthly plan sections recalculated by LibreOffice (%s)", (_locale, c) => {
  const book = (): ComputedWorkbook => c.book as ComputedWorkbook;
  const plan = c.specs[0];
  const collections = tableByRole(plan, "collections");
  const totalsCell = (key: string): CellRef => ({
    row: collections.origin.row + 1 + collections.rows.length,
    col: collections.origin.col + collections.columns.findIndex((col) => col.key === key),
  });

  test("回款计划 totals: 应收余额, 计划回款额 and 实际回款额 summed", () => {
    expect(collections.rows).toHaveLength(COLLECTIONS.length + 3);
    for (const key of ["receivable", "planned", "actual"]) expect(read(book(), plan, totalsCell(key))).toBe(sum(key));
    expect(sum("planned")).toBe(100_000);
  });

  test("the totals row's 达成率 is all collected over all planned", () => {
    expect(read(book(), plan, totalsCell("rate"))).toBeCloseTo(sum("actual") / sum("planned"), 12);
    expect(sum("actual") / sum("planned")).toBe(0.85);
  });

  test("each 达成率 = 实际 / 计划, blank without a plan, before any collection and on blank rows", () => {
    expect(readColumn(book(), plan, collections, "rate")).toEqual([0.8, 1.2, null, null, null, null, null]);
  });

  test("the rows the rep was given read back as written", () => {
    expect(readColumn(book(), plan, collections, "customer").slice(0, 4)).toEqual(COLLECTIONS.map((r) => r.customer));
    expect(readColumn(book(), plan, tableByRole(plan, "keyWork"), "item")).toEqual(["新品进店", null, null, null]);
    expect(readColumn(book(), plan, tableByRole(plan, "vip"), "target")).toEqual(["A", null, null, null]);
  });

  test("no cell of the workbook computes to an error", () => {
    expect(errorCells(book())).toEqual([]);
  });
});
