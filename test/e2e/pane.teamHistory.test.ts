import type { Page } from "playwright-core";
import { onFakeExcel, paneHarness } from "../support/browser";

/*
 * 记录到团队历史 / Record in team history, clicked through in Chromium against the fake Excel: unticked,
 * a roll-up writes no history; ticked, the 团队历史 sheet is made and a second roll-up of the same week
 * replaces its rows — in both languages.
 */

const pane = paneHarness({ fakeHost: true });

interface FakeState {
  sheetNames(): string[];
  state: { tables: { name: string; range: { from: { row: number }; to: { row: number } } }[] };
}

const historyRows = (page: Page) =>
  onFakeExcel(
    page,
    (f: FakeState) => {
      const t = f.state.tables.find((table) => table.name === "SP_S1_History");
      return t ? t.range.to.row - t.range.from.row : -1;
    },
    null,
  );

async function rollUp(page: Page): Promise<string> {
  const previous = (await page.getByTestId("rollup-result").count()) > 0 ? await page.getByTestId("rollup-result").textContent() : null;
  await page.getByTestId("rollup-button").click();
  for (;;) {
    const text = (await page.getByTestId("rollup-result").count()) > 0 ? await page.getByTestId("rollup-result").textContent() : null;
    if ((await page.getByTestId("write-error").count()) > 0) throw new Error(await page.getByTestId("write-error").innerText());
    if (text && text !== previous && !(await page.getByTestId("rollup-button").isDisabled())) return text;
    await page.waitForTimeout(50);
  }
}

test.each([
  ["zh-CN", "团队目标（元）", "销售代表和权重", "每人一张周计划", "周次", "记录到团队历史", "团队历史", ["记录了 3 行", "替换了同期间的 3 行"]],
  ["en-US", "Team target (¥)", "Reps and weights", "A weekly plan per rep", "Week", "Record in team history", "Team history", ["recorded 3 rows", "replacing 3 rows of the same periods"]],
] as const)("%s: the roll-up records in team history only when ticked", async (locale, targetLabel, repsLabel, weeklyLabel, weekLabel, checkbox, sheet, [recorded, replaced]) => {
  const { page, errors } = await pane.open(`?lang=${locale}&fakeLanguage=${locale}`, { inExcel: true, locale });
  await page.getByTestId("template-team").getByRole("button").click();
  await page.getByRole("textbox", { name: targetLabel }).fill("1000000");
  await page.getByRole("textbox", { name: repsLabel }).fill("张三, 3\n李四, 2\n王五, 1");
  await page.getByRole("radio", { name: weeklyLabel }).check();
  await page.getByRole("textbox", { name: weekLabel }).fill("2026-W49");
  await page.getByTestId("breakdown-button").click();
  await page.getByTestId("write-success").waitFor();

  const plain = await rollUp(page);
  expect(plain).not.toContain(sheet);
  expect(await historyRows(page)).toBe(-1);

  await page.getByRole("checkbox", { name: checkbox }).check();
  const first = await rollUp(page);
  expect(first).toContain(recorded);
  expect(await onFakeExcel(page, (f: FakeState) => f.sheetNames(), null)).toContain(sheet);
  expect(await historyRows(page)).toBe(3);

  const second = await rollUp(page);
  expect(second).toContain(replaced);
  expect(await historyRows(page)).toBe(3);
  expect(errors).toEqual([]);
  await page.context().close();
});
