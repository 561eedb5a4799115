import type { Page } from "playwright-core";
import { onFakeExcel, paneHarness, screenshotPath } from "../support/browser";

/*
 * 下周计划 / 下月计划 clicked through in Chromium against the fake Excel (issue 16 item 1): a weekly plan written
 * from the gallery, the card's button on it makes and shows next week's, a second click finds it, and a sheet
 * that is not a plan is refused with what to do.
 */

const pane = paneHarness({ fakeHost: true });

interface Fake {
  syncCount: number;
  sheetNames(): string[];
  sheet(name: string): unknown;
  state: { active: { name: string }; sheet(name: string): unknown };
}
const fake = <T, A = null>(page: Page, action: (f: Fake, arg: A) => T, arg?: A): Promise<T> => onFakeExcel(page, action, arg as A);

async function activate(page: Page, sheet: string): Promise<void> {
  await fake(page, (f, name: string) => void ((f.state as { active: unknown }).active = f.sheet(name)), sheet);
}

async function next(page: Page): Promise<{ text: string; syncs: number }> {
  const before = await fake(page, (f) => f.syncCount);
  await page.getByTestId("next-plan-button").click();
  const bar = page.getByTestId("next-plan-done").or(page.getByTestId("next-plan-error"));
  await bar.waitFor();
  await page.getByTestId("next-plan-button").and(page.locator(":not([disabled])")).waitFor();
  return { text: (await bar.textContent()) ?? "", syncs: (await fake(page, (f) => f.syncCount)) - before };
}

test("the card makes next week's plan from the open one, finds it the second time, and refuses a sheet that is no plan", async () => {
  const { page, errors } = await pane.open("", { inExcel: true });
  await page.getByTestId("template-weekly").getByRole("button").click();
  await page.getByRole("textbox", { name: "姓名" }).fill("张三");
  await page.getByRole("textbox", { name: "周次" }).fill("2026-W53");
  await page.getByTestId("write-button").click();
  await page.getByTestId("write-success").waitFor();
  await page.getByRole("button", { name: "返回模板列表" }).click();

  await activate(page, "周计划-张三-2026W53");
  const first = await next(page);
  expect(first.text).toContain("已生成下周计划“周计划-张三-2027W1”");
  // 2 reads, the names and the 节假日 tables the pane's plan wrote, one commit, one to show it.
  expect(first.syncs).toBe(6);
  expect(await fake(page, (f) => f.state.active.name)).toBe("周计划-张三-2027W1");
  await page.screenshot({ path: screenshotPath("pane-next-plan-zh-CN.png"), fullPage: true });

  await activate(page, "周计划-张三-2026W53");
  const again = await next(page);
  expect(again.text).toContain("下一期计划已存在");
  expect(again.syncs).toBe(3);
  expect((await fake(page, (f) => f.sheetNames())).filter((n) => n.startsWith("周计划-张三"))).toEqual(["周计划-张三-2026W53", "周计划-张三-2027W1"]);

  const holidays = (await fake(page, (f) => f.sheetNames())).find((n) => n.startsWith("节假日"));
  expect(holidays).toBeDefined();
  await activate(page, holidays!);
  const refused = await next(page);
  expect(refused.text).toContain("不是销售计划助手生成的周计划或月计划");
  expect(errors).toEqual([]);
});
