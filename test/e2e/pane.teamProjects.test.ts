import type { Page } from "playwright-core";
import { onFakeExcel, paneHarness } from "../support/browser";

/*
 * The manager's page in Chromium against the fake Excel, with a 项目跟踪表 in the workbook: the roll-up says
 * that the summary lists the tracker by stage, and that the block went with the tracker once it is deleted.
 */

const pane = paneHarness({ fakeHost: true });

interface FakeState {
  syncCount: number;
  sheetNames(): string[];
  state: { sheet(name: string): unknown; deleteSheet(sheet: unknown): void; tables: { name: string }[] };
}
const onFake = <T, A>(page: Page, action: (fake: FakeState, arg: A) => T, arg: A): Promise<T> => onFakeExcel(page, action, arg);

async function rollUp(page: Page, previous: string | null): Promise<string> {
  await page.getByTestId("rollup-button").click();
  for (;;) {
    const text = (await page.getByTestId("rollup-result").count()) > 0 ? await page.getByTestId("rollup-result").textContent() : null;
    if ((await page.getByTestId("write-error").count()) > 0) throw new Error(await page.getByTestId("write-error").innerText());
    if (text && text !== previous && !(await page.getByTestId("rollup-button").isDisabled())) return text;
    await page.waitForTimeout(50);
  }
}

test("a tracker written from the gallery is listed by the roll-up; deleting it removes the block", async () => {
  const { page, errors } = await pane.open("", { inExcel: true });
  await page.getByTestId("template-projects").getByRole("button").click();
  await page.getByTestId("write-button").click();
  await page.getByTestId("write-success").or(page.getByTestId("write-error")).waitFor();
  expect(await page.getByTestId("write-error").count()).toBe(0);
  await page.getByRole("button", { name: "返回模板列表" }).click();

  await page.getByTestId("template-team").getByRole("button").click();
  await page.getByRole("textbox", { name: "团队目标（元）" }).fill("1000000");
  await page.getByRole("textbox", { name: "销售代表和权重" }).fill("张三, 3\n李四, 2");
  await page.getByRole("radio", { name: "每人一张周计划" }).check();
  await page.getByRole("textbox", { name: "周次" }).fill("2026-W49");
  await page.getByTestId("breakdown-button").click();
  await page.getByTestId("write-success").waitFor();

  const listed = await rollUp(page, null);
  expect(listed).toContain("创建：共 2 张计划表");
  expect(await page.getByTestId("rollup-projects").textContent()).toBe("项目进度：按项目跟踪表 SP_P1_Projects 列出各销售代表各阶段的项目数、金额和中标率。");
  expect(await onFake(page, (f) => f.state.tables.map((t) => t.name), null)).toContain("SP_T1_Stages");

  const tracker = (await onFake(page, (f) => f.sheetNames(), null)).find((name) => name.startsWith("项目跟踪表"))!;
  await onFake(page, (f, name: string) => f.state.deleteSheet(f.state.sheet(name)), tracker);
  await rollUp(page, listed);
  expect(await page.getByTestId("rollup-projects").textContent()).toBe("项目跟踪表已不在本工作簿中，项目进度已从“团队汇总”中删除。");
  expect(await onFake(page, (f) => f.state.tables.map((t) => t.name), null)).not.toContain("SP_T1_Stages");
  expect(errors).toEqual([]);
  await page.context().close();
});
