import { mkdtempSync, readFileSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { buildTemplates } from "../../src/templates";
import { NO_NAMES } from "../../src/spec/naming";
import { writeXlsx } from "../../src/writers/xlsx";
import { rollupWorkbooks } from "../../src/writers/xlsx/team/rollupFiles";
import { onFakeExcel, paneHarness, screenshotPath } from "../support/browser";
import { compoundFile, declaresTenGigabytes } from "../support/hostileFiles";
import { expectSameCells } from "../support/sameCells";

/*
 * The manager's page, clicked through in Chromium: against the fake Excel (breakdown, roll-up,
 * re-run, a deleted plan sheet, a broken one) and in the preview (reps' files → a team workbook).
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
