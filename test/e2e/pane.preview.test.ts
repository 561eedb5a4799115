import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { makeWorkCalendar, serialFromYmd } from "../../src/domain/calendar";
import type { Locale } from "../../src/contract/locale";
import { NO_NAMES } from "../../src/spec/naming";
import { buildTemplates, type TemplateRequest } from "../../src/templates";
import { writeXlsx } from "../../src/writers/xlsx";
import { outsideRequestsOfOurs, paneHarness, screenshotPath } from "../support/browser";
import { expectSameCells } from "../support/sameCells";

/*
 * The pane in a plain browser (no Office host): every template is written by the xlsx writer and
 * offered as a download, which must hold what the writer makes of the request the form describes.
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

test("every template can be filled in and downloaded in the preview: each download is the writer's workbook for what was typed", async () => {
  const { page, errors, blocked } = await pane.open();
  await page.getByTestId("preview-banner").waitFor();
  const downloads: { file: string; request: TemplateRequest; locale: Locale }[] = [];
  // Typed into the weekly form, and remembered for the monthly one.
  const calendar = makeWorkCalendar([5, 6, 7].map((day) => serialFromYmd(2026, 10, day)), [serialFromYmd(2026, 10, 10)]);

  await openTemplate(page, "weekly");
  expect(await page.getByRole("textbox", { name: "周次" }).inputValue()).toMatch(/^\d{4}-W\d{2}$/);
  await page.getByRole("textbox", { name: "姓名" }).fill("张三");
  await page.getByRole("textbox", { name: "部门/团队" }).fill("华东一组");
  await page.getByRole("textbox", { name: "周次" }).fill("2026-W41");
  await page.getByRole("textbox", { name: "节假日与调休" }).fill("2026-10-05\n2026-10-06\n2026-10-07\n+2026-10-10");
  await page.getByRole("textbox", { name: "空白行数" }).fill("7");
  downloads.push({
    file: await download(page, "weekly.xlsx"),
    request: { template: "weekly", options: { rep: "张三", team: "华东一组", year: 2026, week: 41, calendar, blankRows: 7 } },
    locale: "zh-CN",
  });
  expect(await page.getByTestId("download-link").textContent()).toContain("周计划-张三-2026W41");
  await page.screenshot({ path: screenshotPath("pane-form-zh-CN.png"), fullPage: true });
  await page.getByRole("button", { name: "返回模板列表" }).click();

  await openTemplate(page, "monthly");
  expect(await page.getByRole("textbox", { name: "姓名或团队" }).inputValue()).toBe("张三");
  await page.getByRole("textbox", { name: "月份" }).fill("2026-10");
  await page.getByRole("textbox", { name: "空白行数" }).fill("12");
  await page.getByRole("radio", { name: "English" }).nth(1).check();
  downloads.push({
    file: await download(page, "monthly.xlsx"),
    request: { template: "monthly", options: { rep: "张三", year: 2026, month: 10, calendar, blankRows: 12 } },
    locale: "en-US",
  });
  await page.getByRole("button", { name: "返回模板列表" }).click();

  await openTemplate(page, "customers");
  await page.getByRole("textbox", { name: "空白行数" }).fill("300");
  downloads.push({ file: await download(page, "customers.xlsx"), request: { template: "customers", options: { blankRows: 300 } }, locale: "zh-CN" });
  await page.getByRole("button", { name: "返回模板列表" }).click();

  await openTemplate(page, "contracts");
  await page.getByRole("textbox", { name: "统计年度" }).fill("2026");
  await page.getByRole("textbox", { name: "空白行数" }).fill("40");
  downloads.push({ file: await download(page, "contracts.xlsx"), request: { template: "contracts", options: { blankRows: 40, statsYear: 2026 } }, locale: "zh-CN" });

  for (const { file, request, locale } of downloads) {
    await expectSameCells(readFileSync(file), await writeXlsx(buildTemplates([request], { locale, existing: NO_NAMES })));
  }
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
  await page.screenshot({ path: screenshotPath("pane-form-en-US.png"), fullPage: true });
  expect(await page.getByTestId("download-link").count()).toBe(0);
  expect(await page.getByTestId("write-success").count()).toBe(0);
  expect(errors).toEqual([]);
  await page.context().close();
});
