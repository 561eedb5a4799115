import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { alternateWeek, isoWeekday, serialFromYmd, SIX_DAY_WEEK } from "../../src/domain/calendar";
import { chinaWorkCalendar } from "../../src/domain/chinaCalendar";
import { parseDateText } from "../../src/domain/dateText";
import type { Locale } from "../../src/contract/locale";
import { NO_NAMES } from "../../src/spec/naming";
import { buildTemplates, type TemplateRequest } from "../../src/templates";
import { writeXlsx } from "../../src/writers/xlsx";
import { outsideRequestsOfOurs, paneHarness, saveDownload, screenshotPath } from "../support/browser";
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

const download = (page: Page, file: string): Promise<string> => saveDownload(page, "write-button", path.join(downloads, file));

test("every template can be filled in and downloaded in the preview: each download is the writer's workbook for what was typed", async () => {
  const { page, errors, blocked } = await pane.open();
  await page.getByTestId("preview-banner").waitFor();
  // `also`: the template the form writes beside its own (its box ticked, as it is at first).
  const downloads: { file: string; request: TemplateRequest; also?: TemplateRequest; locale: Locale }[] = [];
  // Typed into the weekly form, and remembered for the monthly one.
  // The typed lines laid over the built-in China calendar (the pane's default) for 2026 and the review month's year.
  const calendar = chinaWorkCalendar({ holidays: [5, 6, 7].map((day) => serialFromYmd(2026, 10, day)), makeUpDays: [serialFromYmd(2026, 10, 10)] }, 2026, 2026);

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

  // The register comes with its visit log unless the box is cleared.
  await openTemplate(page, "customers");
  await page.getByRole("textbox", { name: "空白行数" }).fill("300");
  expect(await page.getByTestId("with-companion").isChecked()).toBe(true);
  downloads.push({
    file: await download(page, "customers-with-log.xlsx"), request: { template: "customers", options: { blankRows: 300 } }, also: { template: "visits", options: {}, onlyIfAbsent: true }, locale: "zh-CN" });
  await page.getByTestId("with-companion").uncheck();
  downloads.push({ file: await download(page, "customers.xlsx"), request: { template: "customers", options: { blankRows: 300 } }, locale: "zh-CN" });
  await page.getByRole("button", { name: "返回模板列表" }).click();

  await openTemplate(page, "contracts");
  await page.getByRole("textbox", { name: "统计年度" }).fill("2026");
  await page.getByRole("textbox", { name: "空白行数" }).fill("40");
  downloads.push({ file: await download(page, "contracts.xlsx"), request: { template: "contracts", options: { blankRows: 40, statsYear: 2026 } }, locale: "zh-CN" });
  await page.getByRole("button", { name: "返回模板列表" }).click();

  await openTemplate(page, "visits");
  await page.getByRole("textbox", { name: "空白行数" }).fill("30");
  downloads.push({ file: await download(page, "visits.xlsx"), request: { template: "visits", options: { blankRows: 30 } }, locale: "zh-CN" });
  await page.getByRole("button", { name: "返回模板列表" }).click();

  // The project tracker asks for its blank rows and sheet language only.
  await openTemplate(page, "projects");
  await page.getByRole("textbox", { name: "空白行数" }).fill("25");
  await page.getByRole("radio", { name: "English" }).nth(1).check();
  downloads.push({ file: await download(page, "projects.xlsx"), request: { template: "projects", options: { blankRows: 25 } }, locale: "en-US" });
  expect(await page.getByTestId("download-link").textContent()).toContain("Projects");
  await page.getByRole("button", { name: "返回模板列表" }).click();

  // The key-account sheets (issue 15): blank rows only; the visit report in English.
  await openTemplate(page, "accountVisits");
  await page.getByRole("textbox", { name: "空白行数" }).fill("20");
  await page.getByRole("radio", { name: "English" }).nth(1).check();
  downloads.push({ file: await download(page, "accountVisits.xlsx"), request: { template: "accountVisits", options: { blankRows: 20 } }, locale: "en-US" });
  await page.getByRole("button", { name: "返回模板列表" }).click();
  await openTemplate(page, "groupDeals");
  await page.getByRole("textbox", { name: "空白行数" }).fill("12");
  downloads.push({ file: await download(page, "groupDeals.xlsx"), request: { template: "groupDeals", options: { blankRows: 12 } }, locale: "zh-CN" });
  await page.getByRole("button", { name: "返回模板列表" }).click();

  // The diary takes several reps in the name box; its month counts with the calendar typed above.
  await openTemplate(page, "diary");
  await page.getByRole("textbox", { name: "销售代表（多人用逗号或顿号分隔）" }).fill("张三、李四");
  await page.getByRole("textbox", { name: "月份" }).fill("2026-10");
  downloads.push({ file: await download(page, "diary.xlsx"), request: { template: "diary", options: { reps: ["张三", "李四"], year: 2026, month: 10, calendar } }, locale: "zh-CN" });
  await page.getByRole("button", { name: "返回模板列表" }).click();

  await openTemplate(page, "accounts");
  await page.getByRole("textbox", { name: "空白行数" }).fill("20");
  downloads.push({ file: await download(page, "accounts.xlsx"), request: { template: "accounts", options: { blankRows: 20 } }, locale: "zh-CN" });
  // …and leaves the name the plans start with as it was.
  await page.getByRole("button", { name: "返回模板列表" }).click();
  await openTemplate(page, "weekly");
  expect(await page.getByRole("textbox", { name: "姓名" }).inputValue()).toBe("张三");

  for (const { file, request, also, locale } of downloads) {
    await expectSameCells(readFileSync(file), await writeXlsx(buildTemplates(also ? [request, also] : [request], { locale, existing: NO_NAMES })));
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

test("untouched, the weekly and monthly forms plan with the built-in China calendar and say what it gives the period", async () => {
  const { page, errors } = await pane.open();
  await openTemplate(page, "weekly");
  expect(await page.getByRole("radio", { name: "中国（内置）" }).isChecked()).toBe(true);
  await page.getByRole("textbox", { name: "周次" }).fill("2026-W41");
  expect(await page.getByTestId("calendar-summary").textContent()).toBe("本周：10-05—10-07 放假；10-10（周六）调休上班");
  await page.getByRole("button", { name: "返回模板列表" }).click();
  await openTemplate(page, "monthly");
  await page.getByRole("textbox", { name: "月份" }).fill("2026-10");
  expect(await page.getByTestId("calendar-summary").textContent()).toBe("本月：10-01—10-07 放假；10-10（周六）调休上班");
  await page.getByRole("textbox", { name: "月份" }).fill("2026-11");
  expect(await page.getByTestId("calendar-summary").textContent()).toBe("本月没有法定节假日或调休");
  expect(errors).toEqual([]);
  await page.context().close();
});

test("a year without built-in data is named, and a pasted State Council notice fills the holiday box", async () => {
  const { page, errors } = await pane.open("", { locale: "en-US" });
  await page.getByRole("radio", { name: "English" }).first().check();
  await openTemplate(page, "weekly");
  await page.getByRole("textbox", { name: "Name" }).fill("Zhang San");
  await page.getByRole("textbox", { name: "Week" }).fill("2027-W40");
  expect(await page.getByTestId("calendar-uncovered").textContent()).toContain("The public holidays of 2027 are not built in yet");
  // The warning wraps inside the 360 px pane instead of widening the form.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  expect(await page.getByTestId("calendar-summary").count()).toBe(0);

  await page.getByTestId("notice-paste").click();
  expect(await page.getByRole("textbox", { name: "Year of the notice" }).inputValue()).toBe("2027");
  // 2027-10-01 is a Friday; the last sentence's date is in words the parser does not read.
  await page.getByTestId("notice-text").fill("十、国庆节：10月1日（周五）至7日（周四）放假调休，共7天。9月26日（周日）、10月9日（周六）上班。\n另：十月八日放假。");
  expect(await page.getByTestId("notice-read").textContent()).toBe("Read 7 days off and 2 make-up working days.");
  expect(await page.getByTestId("notice-problems").textContent()).toContain("另：十月八日放假");
  // The dialog fits the 360 px pane: long sentences wrap inside it rather than running out of it.
  expect(await page.getByRole("dialog").evaluate((dialog) => [...dialog.querySelectorAll("*")].filter((el) => el.getBoundingClientRect().right > dialog.getBoundingClientRect().right).length)).toBe(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.getByTestId("notice-add").click();
  await page.getByTestId("notice-add").waitFor({ state: "detached" });

  const box = page.getByRole("textbox", { name: "Your own holidays and make-up days" });
  expect((await box.inputValue()).split("\n")).toEqual(["+2027-09-26", ...[1, 2, 3, 4, 5, 6, 7].map((d) => `2027-10-0${d}`), "+2027-10-09"]);
  expect(await page.getByTestId("calendar-uncovered").count()).toBe(0);
  expect(await page.getByTestId("calendar-summary").textContent()).toBe("This week: 10-04–10-07 off; 10-09 (Sat) working day (make-up)");

  await page.getByRole("radio", { name: "None", exact: true }).check();
  expect(await page.getByTestId("calendar-summary").textContent()).toBe("This week: 10-04–10-07 off; 10-09 (Sat) working day (make-up)");
  await box.fill("");
  expect(await page.getByTestId("calendar-summary").textContent()).toBe("This week has no holidays or make-up days: Monday–Friday");

  // A written form remembers the choice, like the name and the box.
  await page.getByTestId("write-button").click();
  await page.getByTestId("download-link").waitFor();
  await page.getByRole("button", { name: "Back to templates" }).click();
  await openTemplate(page, "monthly");
  expect(await page.getByRole("radio", { name: "None", exact: true }).isChecked()).toBe(true);
  expect(errors).toEqual([]);
  await page.context().close();
});

test("the work week: 单休 and 大小周 are what the forms plan with and describe, the 大小周 date is checked, and the choice is remembered", async () => {
  const { page, errors } = await pane.open();
  await openTemplate(page, "monthly");
  expect(await page.getByRole("radio", { name: "双休（周一至周五）" }).isChecked()).toBe(true);
  await page.getByRole("textbox", { name: "姓名或团队" }).fill("张三");
  await page.getByRole("textbox", { name: "月份" }).fill("2026-10");
  const summary = page.getByTestId("calendar-summary");
  expect(await summary.textContent()).toBe("本月：10-01—10-07 放假；10-10（周六）调休上班");

  await page.getByRole("radio", { name: "大小周（隔周周六上班）" }).check();
  const longWeek = page.getByRole("textbox", { name: "大周（周六上班）的任一日期" });
  // Offered: the Saturday of next week, which the summary names.
  const offered = parseDateText(await longWeek.inputValue());
  expect(offered !== null && isoWeekday(offered)).toBe(6);
  expect(await summary.textContent()).toMatch(/^本月：大小周（10-(03|10) 所在周为大周）；/);
  await longWeek.fill("");
  expect(await page.getByText("必填。").count()).toBe(1);
  await longWeek.fill("10/10");
  expect(await page.getByText("请按 2026-10-10 的格式填写一个存在的日期。").count()).toBe(1);
  // A wrong date plans with nothing, so nothing is described and nothing is written.
  expect(await summary.count()).toBe(0);
  await page.getByTestId("write-button").click();
  await page.getByTestId("form-invalid").waitFor();
  expect(await page.getByTestId("download-link").count()).toBe(0);

  // 单休 needs no date.
  await page.getByRole("radio", { name: "单休（周一至周六）" }).check();
  expect(await longWeek.count()).toBe(0);
  expect(await summary.textContent()).toBe("本月：单休（周一至周六）；10-01—10-07 放假；10-10（周六）调休上班");
  const sixDay = await download(page, "monthly-6day.xlsx");
  const monthly = (week: Parameters<typeof chinaWorkCalendar>[3]): TemplateRequest => ({
    template: "monthly",
    options: { rep: "张三", year: 2026, month: 10, calendar: chinaWorkCalendar(undefined, 2026, 2026, week), blankRows: 10 },
  });
  await expectSameCells(readFileSync(sixDay), await writeXlsx(buildTemplates([monthly(SIX_DAY_WEEK)], { locale: "zh-CN", existing: NO_NAMES })));

  await page.getByRole("radio", { name: "大小周（隔周周六上班）" }).check();
  await longWeek.fill("2026-10-10");
  expect(await summary.textContent()).toBe("本月：大小周（10-10 所在周为大周）；10-01—10-07 放假；10-10（周六）调休上班");
  await page.screenshot({ path: screenshotPath("pane-workweek-zh-CN.png"), fullPage: true });
  const alternate = await download(page, "monthly-alternate.xlsx");
  await expectSameCells(readFileSync(alternate), await writeXlsx(buildTemplates([monthly(alternateWeek(serialFromYmd(2026, 10, 10)))], { locale: "zh-CN", existing: NO_NAMES })));
  // The work week shows in the workbook: it is not the 双休 one, nor the 单休 one.
  await expect(expectSameCells(readFileSync(alternate), await writeXlsx(buildTemplates([monthly(undefined)], { locale: "zh-CN", existing: NO_NAMES })))).rejects.toThrow();
  await expect(expectSameCells(readFileSync(alternate), readFileSync(sixDay))).rejects.toThrow();

  // Remembered by the weekly form and by the team page's breakdown, which say what a week and a month hold.
  await page.getByRole("button", { name: "返回模板列表" }).click();
  await openTemplate(page, "weekly");
  expect(await page.getByRole("radio", { name: "大小周（隔周周六上班）" }).isChecked()).toBe(true);
  expect(await page.getByRole("textbox", { name: "大周（周六上班）的任一日期" }).inputValue()).toBe("2026-10-10");
  await page.getByRole("textbox", { name: "周次" }).fill("2026-W42");
  expect(await summary.textContent()).toBe("本周没有法定节假日或调休；大小周（本周为小周，周六休息）");
  await page.getByRole("tab", { name: "团队" }).click();
  const breakdown = page.getByTestId("breakdown-form");
  await breakdown.waitFor();
  expect(await breakdown.getByRole("radio", { name: "大小周（隔周周六上班）" }).isChecked()).toBe(true);
  await breakdown.getByRole("textbox", { name: "月份" }).fill("2026-10");
  expect(await breakdown.getByTestId("calendar-summary").textContent()).toBe("本月：大小周（10-10 所在周为大周）；10-01—10-07 放假；10-10（周六）调休上班");
  await breakdown.getByRole("radio", { name: "单休（周一至周六）" }).check();
  expect(await breakdown.getByRole("textbox", { name: "大周（周六上班）的任一日期" }).count()).toBe(0);
  expect(await breakdown.getByTestId("calendar-summary").textContent()).toBe("本月：单休（周一至周六）；10-01—10-07 放假；10-10（周六）调休上班");
  expect(errors).toEqual([]);
  await page.context().close();
});
