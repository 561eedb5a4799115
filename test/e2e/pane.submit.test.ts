import type { Page } from "playwright-core";
import { formatSerialTime, serialFromYmd, serialOfLocalTime } from "../../src/domain/calendar";
import { isLate } from "../../src/team/submission";
import { onFakeExcel, paneHarness, screenshotPath } from "../support/browser";

/*
 * 提交 on the gallery page, clicked through in Chromium against the fake Excel (issue 16 item 2): the weekly
 * plan on the active sheet gets the time now in its 提交时间 (three syncs); a second click shows that time and
 * changes nothing until 重新提交; on a sheet that is no weekly plan it says so.
 */

const pane = paneHarness({ fakeHost: true });

type Fake = {
  syncCount: number;
  state: { active: unknown; names: { name: string; formula: string }[] };
  sheet(name: string): { cells: Map<string, { value?: unknown; formula?: string }> };
};
const fake = <T, A = null>(page: Page, read: (f: Fake, arg: A) => T, arg?: A): Promise<T> => onFakeExcel(page, read, arg as A);

/** The value of the weekly plan's 提交时间, found by its name as the add-in finds it. */
const submitted = (page: Page) =>
  fake(page, (f) => {
    const name = f.state.names.find((n) => n.name === "SP_W1_SUBMITTED");
    const match = /^='?(.+?)'?!\$([A-Z]+)\$(\d+)$/.exec(name?.formula ?? "");
    if (!match) return "no name";
    const col = [...match[2]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    return f.sheet(match[1]).cells.get(`${Number(match[3]) - 1},${col}`)?.value ?? null;
  });

async function submit(page: Page): Promise<{ text: string; syncs: number }> {
  const before = await fake(page, (f) => f.syncCount);
  const previous = (await page.getByTestId("submit-result").count()) > 0 ? await page.getByTestId("submit-result").textContent() : null;
  await page.getByTestId("submit-button").click();
  for (;;) {
    const text = (await page.getByTestId("submit-result").count()) > 0 ? await page.getByTestId("submit-result").textContent() : null;
    if (text && text !== previous && !(await page.getByTestId("submit-button").isDisabled()))
      return { text, syncs: (await fake(page, (f) => f.syncCount)) - before };
    await page.waitForTimeout(50);
  }
}

test("提交 stamps the active weekly plan, keeps an earlier time until 重新提交, and refuses another sheet", async () => {
  const { page, errors } = await pane.open("", { inExcel: true });
  await page.getByTestId("template-weekly").getByRole("button").click();
  await page.getByRole("textbox", { name: "姓名" }).fill("李四");
  await page.getByRole("textbox", { name: "周次" }).fill("2026-W48");
  await page.getByTestId("write-button").click();
  await page.getByTestId("go-to-sheet").click();
  await page.getByRole("button", { name: "返回模板列表" }).click();

  const first = await submit(page);
  expect(first.syncs).toBe(3);
  const stamped = await submitted(page);
  if (typeof stamped !== "number") throw new Error(`提交时间 holds ${String(stamped)}`);
  // The browser's clock, read back from the cell: the pane says what the sheet's 按时提交 will.
  const deadline = serialFromYmd(2026, 11, 22) + 17 / 24;
  expect(first.text).toBe(`已在“周计划-李四-2026W48”记录提交时间 ${formatSerialTime(stamped)}（提交截止 2026-11-22 17:00，${isLate(stamped, deadline) ? "已逾期" : "按时"}）。`);
  expect(Math.abs(stamped - serialOfLocalTime(new Date()))).toBeLessThan(60 / 86400);
  await page.screenshot({ path: screenshotPath("pane-submitted-zh-CN.png"), fullPage: true });

  const again = await submit(page);
  expect(again.syncs).toBe(2);
  expect(again.text).toContain("已记录提交时间");
  expect(await submitted(page)).toBe(stamped);

  const before = await fake(page, (f) => f.syncCount);
  await page.getByTestId("submit-replace").click();
  await page.getByText(/原提交时间“.+”已被替换/).waitFor();
  expect((await fake(page, (f) => f.syncCount)) - before).toBe(3);
  expect(typeof (await submitted(page))).toBe("number");

  await fake(page, (f) => {
    const sheet = (f.state as unknown as { sheets: { name: string }[] }).sheets.find((s) => s.name === "Sheet1");
    f.state.active = sheet;
  });
  const elsewhere = await submit(page);
  expect(elsewhere.syncs).toBe(1);
  expect(elsewhere.text).toBe("当前工作表“Sheet1”不是周计划。请切换到要提交的周计划工作表，再点击“提交”。");
  expect(errors).toEqual([]);
  await page.context().close();
});
