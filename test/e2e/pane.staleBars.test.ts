import type { Page } from "playwright-core";
import { paneHarness } from "../support/browser";
import { messyCustomersCsv } from "../fixtures/messy";

/*
 * Issue 18 item 2: a success or download bar describes what was written from the form's inputs as they
 * were; once any input of that form changes, the bar goes — in the preview (download bars) and in Excel
 * (written bars with Go to sheet). A failure stays: it says why the last attempt failed.
 */

const pane = paneHarness({ fakeHost: true });

const bars = (page: Page) => page.getByTestId("write-success").count();

/** Polls until the page shows `count` success bars (UI effects land a moment after the input). */
async function expectBars(page: Page, count: number): Promise<void> {
  for (let tries = 0; (await bars(page)) !== count; tries++) {
    if (tries > 40) expect(await bars(page)).toBe(count);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

test("the template form's download bar goes when a field, the sheet language or the holidays change", async () => {
  const { page, errors } = await pane.open();
  await page.getByTestId("template-weekly").getByRole("button").click();
  await page.getByRole("textbox", { name: "姓名" }).fill("张三");
  await page.getByRole("textbox", { name: "周次" }).fill("2026-W41");
  await page.getByTestId("write-button").click();
  await page.getByTestId("download-link").waitFor();
  expect(await page.getByTestId("download-link").textContent()).toContain("周计划-张三-2026W41");
  await page.getByRole("textbox", { name: "周次" }).fill("2026-W42");
  await expectBars(page, 0);

  await page.getByTestId("write-button").click();
  await expectBars(page, 1);
  await page.getByTestId("form-weekly").getByRole("radio", { name: "English" }).check();
  await expectBars(page, 0);

  await page.getByTestId("write-button").click();
  await expectBars(page, 1);
  await page.getByRole("textbox", { name: "节假日与调休" }).fill("2026-10-05");
  await expectBars(page, 0);
  expect(errors).toEqual([]);
  await page.context().close();
});

test("the breakdown's download bar goes when the target changes", async () => {
  const { page, errors } = await pane.open();
  await page.getByRole("tab", { name: "团队" }).click();
  const form = page.getByTestId("breakdown-form");
  await form.getByRole("textbox", { name: "团队目标（元）" }).fill("1000000");
  await form.getByRole("textbox", { name: "销售代表和权重" }).fill("张三, 3\n李四, 2");
  await page.getByTestId("breakdown-button").click();
  await page.getByTestId("download-link").waitFor();
  await form.getByRole("textbox", { name: "团队目标（元）" }).fill("1200000");
  await expectBars(page, 0);
  expect(errors).toEqual([]);
  await page.context().close();
});

test("the import's download bar goes when a column's mapping changes", async () => {
  const { page, errors } = await pane.open();
  await page.getByRole("tab", { name: "导入" }).click();
  await page.getByTestId("import-file-input").setInputFiles({ name: "客户导出.csv", mimeType: "text/csv", buffer: Buffer.from(messyCustomersCsv()) });
  await page.getByTestId("import-mapping").waitFor();
  await page.getByTestId("decide-all-keep").click();
  await page.getByTestId("import-button").click();
  await page.getByTestId("download-link").waitFor();
  await page.getByRole("combobox", { name: "地址" }).selectOption({ label: "不导入" });
  await expectBars(page, 0);
  expect(errors).toEqual([]);
  await page.context().close();
});

test("in Excel, the written bar and its Go to sheet go when the form changes", async () => {
  const { page, errors } = await pane.open("", { inExcel: true });
  await page.getByRole("heading", { level: 1 }).waitFor();
  await page.getByTestId("template-weekly").getByRole("button").click();
  await page.getByRole("textbox", { name: "姓名" }).fill("李四");
  await page.getByRole("textbox", { name: "周次" }).fill("2026-W48");
  await page.getByTestId("write-button").click();
  await page.getByTestId("go-to-sheet").waitFor();
  await page.getByTestId("into-active-sheet").check();
  await expectBars(page, 0);
  expect(await page.getByTestId("go-to-sheet").count()).toBe(0);

  await page.getByTestId("into-active-sheet").uncheck();
  await page.getByTestId("write-button").click();
  await expectBars(page, 1);
  await page.getByRole("textbox", { name: "姓名" }).fill("王五");
  await expectBars(page, 0);
  expect(errors).toEqual([]);
  await page.context().close();
});
