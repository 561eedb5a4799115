import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { outsideRequestsOfOurs, paneHarness } from "../support/browser";
import { errorCells, recalcXlsx } from "../support/libreoffice";
import { repoRoot } from "../support/paths";

/*
 * The pane in a plain browser (no Office host): every template is written by the xlsx writer and
 * offered as a download; LibreOffice then opens each download and recalculates it.
 */

const pane = paneHarness();
const downloads = mkdtempSync(path.join(tmpdir(), "pane-downloads-"));

async function openTemplate(page: Page, template: string) {
  await page.getByTestId(`template-${template}`).getByRole("button").click();
  await page.getByTestId(`form-${template}`).waitFor();
}

async function download(page: Page, file: string): Promise<string> {
  await page.getByTestId("write-button").click();
  const link = page.getByTestId("download-link");
  await link.waitFor();
  const [event] = await Promise.all([page.waitForEvent("download"), link.click()]);
  const target = path.join(downloads, file);
  await event.saveAs(target);
  return target;
}

test("every template can be filled in and downloaded in the preview, and opens in LibreOffice without formula errors", async () => {
  const { page, errors, blocked } = await pane.open();
  await page.getByTestId("preview-banner").waitFor();
  const files: string[] = [];

  await openTemplate(page, "weekly");
  expect(await page.getByRole("textbox", { name: "周次" }).inputValue()).toMatch(/^\d{4}-W\d{2}$/);
  await page.getByRole("textbox", { name: "姓名" }).fill("张三");
  await page.getByRole("textbox", { name: "部门/团队" }).fill("华东一组");
  await page.getByRole("textbox", { name: "周次" }).fill("2026-W41");
  await page.getByRole("textbox", { name: "节假日与调休" }).fill("2026-10-05\n2026-10-06\n2026-10-07\n+2026-10-10");
  files.push(await download(page, "weekly.xlsx"));
  expect(await page.getByTestId("download-link").textContent()).toContain("周计划-张三-2026W41");
  await page.screenshot({ path: path.join(repoRoot, "docs/screens/pane-form-zh-CN.png"), fullPage: true });
  await page.getByRole("button", { name: "返回模板列表" }).click();

  await openTemplate(page, "monthly");
  expect(await page.getByRole("textbox", { name: "姓名或团队" }).inputValue()).toBe("张三");
  await page.getByRole("textbox", { name: "月份" }).fill("2026-10");
  await page.getByRole("radio", { name: "English" }).nth(1).check();
  files.push(await download(page, "monthly.xlsx"));
  await page.getByRole("button", { name: "返回模板列表" }).click();

  await openTemplate(page, "customers");
  await page.getByRole("textbox", { name: "空白行数" }).fill("300");
  files.push(await download(page, "customers.xlsx"));
  await page.getByRole("button", { name: "返回模板列表" }).click();

  await openTemplate(page, "contracts");
  files.push(await download(page, "contracts.xlsx"));

  const books = await recalcXlsx(files);
  const sheets = books.map((book) => [...book.keys()]);
  expect(sheets[0]).toContain("周计划-张三-2026W41");
  expect(sheets[1].some((name) => /2026-10/.test(name))).toBe(true);
  expect(sheets[2]).toEqual(expect.arrayContaining(["客户资源登记表"]));
  expect(sheets[3]).toEqual(expect.arrayContaining(["合同履行一览表"]));
  for (const book of books) expect(errorCells(book)).toEqual([]);
  expect(errors).toEqual([]);
  expect(outsideRequestsOfOurs(blocked)).toEqual([]);
  await page.context().close();
});

test("bad input shows the validation message and writes nothing", async () => {
  const { page, errors } = await pane.open("", { locale: "en-US" });
  await page.getByRole("radio", { name: "English" }).first().check();
  await openTemplate(page, "weekly");
  await page.getByRole("textbox", { name: "Name" }).fill("");
  await page.getByRole("textbox", { name: "Week" }).fill("2026-48");
  expect(await page.getByText("Enter an existing ISO week as 2026-W48.").count()).toBe(1);
  await page.getByRole("textbox", { name: "Week" }).fill("2026-W54");
  expect(await page.getByText("Enter an existing ISO week as 2026-W48.").count()).toBe(1);
  await page.getByTestId("write-button").click();
  await page.getByTestId("form-invalid").waitFor();
  expect(await page.getByText("Required.").count()).toBe(1);
  await page.getByRole("textbox", { name: "Holidays and make-up days" }).fill("2026-10-01\n10/02/2026");
  expect(await page.getByText(/Line 2 \("10\/02\/2026"\) is not a date/).count()).toBe(1);
  await page.screenshot({ path: path.join(repoRoot, "docs/screens/pane-form-en-US.png"), fullPage: true });
  expect(await page.getByTestId("download-link").count()).toBe(0);
  expect(await page.getByTestId("write-success").count()).toBe(0);
  expect(errors).toEqual([]);
  await page.context().close();
});
