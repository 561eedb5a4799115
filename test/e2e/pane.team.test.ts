import { mkdtempSync, readFileSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { chinaWorkCalendar } from "../../src/domain/chinaCalendar";
import { computeBreakdown, type BreakdownInput } from "../../src/team";
import { buildTemplates } from "../../src/templates";
import { buildBreakdownSpecs } from "../../src/templates/team";
import { NO_NAMES } from "../../src/spec/naming";
import { writeXlsx } from "../../src/writers/xlsx";
import { rollupWorkbooks } from "../../src/writers/xlsx/team/rollupFiles";
import { onFakeExcel, paneHarness, screenshotPath } from "../support/browser";
import { compoundFile, declaresTenGigabytes } from "../support/hostileFiles";
import { expectSameCells } from "../support/sameCells";

/*
 * The manager's page, clicked through in Chromium: against the fake Excel (breakdown, roll-up,
 * re-run, a deleted plan sheet, a broken one) and in the preview (reps' files → a team workbook; a yearly
 * breakdown with a fixed target, a late starter, a month fixed by hand and last year's shape).
 */

const pane = paneHarness({ fakeHost: true });

interface FakeState {
  syncCount: number;
  sheetNames(): string[];
  sheet(name: string): { cells: Map<string, { formula?: string; value?: unknown }> };
  state: { names: { name: string; formula: string }[]; sheet(name: string): unknown; deleteSheet(sheet: unknown): void };
}
const onFake = <T, A>(page: Page, action: (fake: FakeState, arg: A) => T, arg: A): Promise<T> => onFakeExcel(page, action, arg);

/** A sheet's cells as a user sees them: formula, value (an empty string is a blank cell) and format. */
const cellsOf = (page: Page, sheets: readonly string[]) =>
  onFake(
    page,
    (f, names: readonly string[]) =>
      names.map((name) =>
        JSON.stringify(
          [...f.sheet(name).cells.entries()]
            .map(([key, c]) => [key, c.formula ?? null, c.value === "" ? null : (c.value ?? null), (c as { numberFormat?: string }).numberFormat ?? null])
            .sort(),
        ),
      ),
    sheets,
  );
const summaryCells = async (page: Page) => (await cellsOf(page, ["团队汇总"]))[0];

async function rollUp(page: Page): Promise<{ text: string; syncs: number }> {
  const before = await onFake(page, (f) => f.syncCount, null);
  const previous = (await page.getByTestId("rollup-result").count()) > 0 ? await page.getByTestId("rollup-result").textContent() : null;
  await page.getByTestId("rollup-button").click();
  for (;;) {
    const text = (await page.getByTestId("rollup-result").count()) > 0 ? await page.getByTestId("rollup-result").textContent() : null;
    const failed = await page.getByTestId("write-error").count();
    if (failed > 0) throw new Error(await page.getByTestId("write-error").innerText());
    if (text && text !== previous && !(await page.getByTestId("rollup-button").isDisabled())) {
      return { text, syncs: (await onFake(page, (f) => f.syncCount, null)) - before };
    }
    await page.waitForTimeout(50);
  }
}

test("breakdown, roll-up, re-run, a deleted and a broken plan sheet, against the fake Excel", async () => {
  const { page, errors } = await pane.open("", { inExcel: true });
  await page.getByTestId("template-team").getByRole("button").click();
  await page.getByRole("textbox", { name: "团队目标（元）" }).fill("1000000");
  await page.getByRole("textbox", { name: "销售代表和权重" }).fill("张三, 3\n李四, 2\n王五, 0");
  await page.getByRole("radio", { name: "每人一张周计划" }).check();
  await page.getByRole("textbox", { name: "周次" }).fill("2026-W49");
  const before = await onFake(page, (f) => f.syncCount, null);
  await page.getByTestId("breakdown-button").click();
  await page.getByTestId("write-success").waitFor();
  expect((await onFake(page, (f) => f.syncCount, null)) - before).toBeLessThanOrEqual(3);
  const plans = ["周计划-张三-2026W49", "周计划-李四-2026W49", "周计划-王五-2026W49"];
  expect(await onFake(page, (f) => f.sheetNames(), null)).toEqual(expect.arrayContaining(plans));
  await page.screenshot({ path: screenshotPath("pane-team-zh-CN.png"), fullPage: true });

  const first = await rollUp(page);
  expect(first.syncs).toBeLessThanOrEqual(3);
  expect(first.text).toContain("创建：共 3 张计划表");
  const created = await summaryCells(page);
  const planSheetsBefore = await cellsOf(page, plans);

  const again = await rollUp(page);
  expect(again.syncs).toBeLessThanOrEqual(3);
  expect(again.text).toContain("刷新：共 3 张计划表");
  expect(await summaryCells(page)).toBe(created);
  expect(await cellsOf(page, plans)).toEqual(planSheetsBefore);

  await onFake(page, (f, name: string) => f.state.deleteSheet(f.state.sheet(name)), plans[2]);
  expect((await rollUp(page)).text).toContain("刷新：共 2 张计划表");

  const broken = await onFake(
    page,
    (f) => {
      const name = f.state.names.find((n) => /^SP_W\d+_SALES_ACTUAL$/.test(n.name) && n.formula.includes("李四"));
      if (!name) throw new Error("no actual-sales name on 李四's plan");
      name.formula = "=#REF!";
      return name.name;
    },
    null,
  );
  const flagged = await rollUp(page);
  expect(flagged.text).toContain("需要处理");
  expect(flagged.text).toContain(plans[1]);
  expect(flagged.text).toContain(broken);
  expect(errors).toEqual([]);
  await page.context().close();
});

test("in the preview, reps' files become the team workbook the roll-up of files writes, hostile ones refused", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "pane-team-"));
  const files = await Promise.all(
    ["赵一", "钱二"].map(async (rep) => {
      const specs = buildTemplates([{ template: "weekly", options: { rep, year: 2026, week: 49, targets: { SALES: { target: 100000, actual: 80000 } } } }], {
        locale: "zh-CN",
        existing: NO_NAMES,
      });
      const file = path.join(dir, `${rep}.xlsx`);
      writeFileSync(file, await writeXlsx(specs));
      return file;
    }),
  );
  // Hostile files among them are refused by name; the others are still collected.
  const encrypted = path.join(dir, "加密.xlsx");
  writeFileSync(encrypted, compoundFile());
  const bomb = path.join(dir, "bomb.xlsx");
  writeFileSync(bomb, declaresTenGigabytes());
  // 101 MB, sparse on disk: refused on its size, never read into the pane.
  const huge = path.join(dir, "huge.xlsx");
  writeFileSync(huge, "");
  truncateSync(huge, 101 * 1024 * 1024);
  const { page, errors } = await pane.open("?lang=zh-CN");
  await page.getByRole("tab", { name: "团队" }).click();
  expect(await page.getByTestId("rollup-button").count()).toBe(0);
  await page.getByTestId("collect-input").setInputFiles([files[0], encrypted, bomb, huge, files[1]]);
  await page.getByTestId("collect-result").waitFor();
  const result = await page.getByTestId("collect-result").textContent();
  expect(result).toContain("已复制 2 张计划表");
  expect(result).toContain("“加密.xlsx”已加密");
  expect(result).toContain("“bomb.xlsx”解压后约 4096 MB，超过 100 MB 的上限");
  expect(result).toContain("“huge.xlsx”解压后约 101 MB");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-link").click()]);
  const team = path.join(dir, "team.xlsx");
  await download.saveAs(team);
  // The pane refuses huge.xlsx on its size before reading it; the others go to the roll-up as chosen.
  const chosen = [files[0], encrypted, bomb, files[1]].map((file) => ({ file: path.basename(file), data: readFileSync(file) }));
  const expected = await rollupWorkbooks(undefined, chosen, "zh-CN");
  expect(expected.summarySheet).toBe("团队汇总");
  expect(expected.plans.map((p) => p.sheet).sort()).toEqual(["周计划-赵一-2026W49", "周计划-钱二-2026W49"].sort());
  await expectSameCells(readFileSync(team), expected.data);
  expect(errors).toEqual([]);
  await page.context().close();
});

const LAST_YEAR = [80000, 90000, 120000, 110000, 100000, 95000, 85000, 88000, 105000, 130000, 125000, 150000];
// As Excel pastes a row: tabs, thousands separators and a line break at the end.
const PASTED_ROW = `${LAST_YEAR.map((n) => n.toLocaleString("en-US")).join("\t")}\r\n`;
// As Excel pastes four columns with their header: a fixed target for 张三, 李四 starting in July.
const REPS = "姓名\t权重\t固定目标\t到岗月份\n张三\t3\t300000\n李四\t1\t\t7\n王五\t2";

test("the team page's yearly breakdown: a fixed target, a rep starting in July, a month fixed by hand, last year's shape", async () => {
  const { page, errors } = await pane.open();
  await page.getByRole("tab", { name: "团队" }).click();
  const form = page.getByTestId("breakdown-form");
  await form.getByRole("radio", { name: "按年" }).check();
  await form.getByRole("textbox", { name: "年份" }).fill("2026");
  await form.getByRole("textbox", { name: "团队目标（元）" }).fill("1200000");
  await form.getByRole("textbox", { name: "销售代表和权重" }).fill(REPS);
  await form.getByRole("radio", { name: "按上年销售" }).check();
  await form.getByRole("textbox", { name: "上年实际（1—12 月）" }).fill(PASTED_ROW);
  await form.getByRole("textbox", { name: "固定月目标" }).fill("3, 150000");
  await form.getByRole("combobox", { name: "取整单位" }).selectOption("100");
  // Holds beyond the target are named on the reps box as the user types.
  await form.getByRole("textbox", { name: "团队目标（元）" }).fill("200000");
  await form.getByText(/^固定目标合计 300,000 元，超过了团队目标 200,000 元/).waitFor();
  await form.getByRole("textbox", { name: "团队目标（元）" }).fill("1200000");

  const input: BreakdownInput = {
    target: 1200000,
    period: { kind: "year", year: 2026 },
    reps: [{ rep: "张三", weight: 3, hold: 300000 }, { rep: "李四", weight: 1, start: 7 }, { rep: "王五", weight: 2 }],
    calendar: chinaWorkCalendar(undefined, 2026, 2026),
    split: { kind: "lastYear", months: LAST_YEAR },
    monthHolds: [undefined, undefined, 150000, ...Array.from({ length: 9 }, () => undefined)],
    unit: 100,
  };
  const breakdown = computeBreakdown(input);
  expect(breakdown.reps.map((r) => [r.rep, r.held, r.start])).toEqual([["张三", true, 1], ["李四", false, 7], ["王五", false, 1]]);
  expect(breakdown.reps[0].target).toBe(300000);
  expect(breakdown.reps[1].months.slice(0, 6)).toEqual([0, 0, 0, 0, 0, 0]);
  expect(breakdown.months[2]).toBe(150000);
  await page.getByTestId("breakdown-button").click();
  const link = page.getByTestId("download-link");
  await link.waitFor();
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  const file = path.join(mkdtempSync(path.join(tmpdir(), "pane-breakdown-")), "breakdown-year.xlsx");
  await download.saveAs(file);
  await page.screenshot({ path: screenshotPath("pane-breakdown-year-zh-CN.png"), fullPage: true });
  await expectSameCells(readFileSync(file), await writeXlsx(buildBreakdownSpecs(input, undefined, { locale: "zh-CN", existing: NO_NAMES }, {})));
  expect(errors).toEqual([]);
  await page.context().close();
});
