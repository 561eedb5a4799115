import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { chinaWorkCalendar } from "../../src/domain/chinaCalendar";
import { NO_NAMES } from "../../src/spec/naming";
import { computeAnnualPlan, type AnnualPlanInput } from "../../src/team";
import { buildTemplates } from "../../src/templates";
import { writeXlsx } from "../../src/writers/xlsx";
import { onFakeExcel, outsideRequestsOfOurs, paneHarness, saveDownload, screenshotPath } from "../support/browser";
import { expectSameCells } from "../support/sameCells";

/*
 * Issue 14 in the pane: the 年度销售计划 from the gallery (its live preview, then the download the xlsx writer
 * makes of the same options, and the write into the fake Excel). The team page's yearly breakdown is in
 * pane.team.test.ts.
 */

const pane = paneHarness({ fakeHost: true });
const downloads = mkdtempSync(path.join(tmpdir(), "pane-annual-"));

const LAST_YEAR = [80000, 90000, 120000, 110000, 100000, 95000, 85000, 88000, 105000, 130000, 125000, 150000];
// As Excel pastes a row: tabs, thousands separators and a line break at the end.
const PASTED_ROW = `${LAST_YEAR.map((n) => n.toLocaleString("en-US")).join("\t")}\r\n`;
const REPS = "姓名\t权重\t固定目标\t到岗月份\n张三\t3\t300000\n李四\t1\t\t7\n王五\t2";
const REP_INPUTS = [
  { rep: "张三", weight: 3, hold: 300000 },
  { rep: "李四", weight: 1, start: 7 },
  { rep: "王五", weight: 2 },
];
const calendar2026 = chinaWorkCalendar(undefined, 2026, 2026);

async function fillAnnual(page: Page) {
  const form = page.getByTestId("form-annual");
  await form.waitFor();
  const box = (name: string) => form.getByRole("textbox", { name, exact: true });
  await box("年度").fill("2026");
  await box("上年实际（1—12 月）").fill(PASTED_ROW);
  await box("销售代表和权重").fill(REPS);
  await box("固定月目标").fill("3, 150000");
  return form;
}

const annualOptions: AnnualPlanInput & { expenseCap: number } = {
  year: 2026,
  lastYear: LAST_YEAR,
  growth: "20%",
  split: "lastYear",
  monthHolds: [undefined, undefined, 150000, ...Array.from({ length: 9 }, () => undefined)],
  reps: REP_INPUTS,
  productRatios: [2, 3, 1],
  calendar: calendar2026,
  unit: 1,
  expenseCap: 0.02,
};

test("the 年度销售计划 from the gallery: the preview shows the exact split as typed, and the download is the writer's workbook for it", async () => {
  const { page, errors, blocked } = await pane.open();
  await page.getByTestId("template-annual").getByRole("button").click();
  const form = await fillAnnual(page);
  const plan = computeAnnualPlan(annualOptions);
  // Last year grown by 20 %, in the target box's placeholder until one is typed.
  expect(await form.getByRole("textbox", { name: "年度目标（元）", exact: true }).getAttribute("placeholder")).toBe(plan.target.toLocaleString("en-US"));
  expect(plan.target).toBe(1_533_600);
  const shown = page.getByTestId("annual-preview");
  // The form checks a deferred copy of what is typed: the preview follows a moment after the keystroke.
  const target = shown.getByTestId("annual-preview-target");
  await target.filter({ hasText: "年度目标 1,533,600 元 = 上年合计 1,278,000 元 ×（1 + 20%）" }).waitFor();
  expect(await shown.getByTestId("annual-preview-quarters").textContent()).toBe(
    ["一季度", "二季度", "三季度", "四季度"].map((q, i) => `${q}${plan.quarters[i].toLocaleString("en-US")}`).join(""),
  );
  const rows = await shown.getByTestId("annual-preview-months").locator("tbody tr").allInnerTexts();
  expect(rows.map((r) => r.split("\t").map((c) => c.trim()))).toEqual(
    plan.months.map((m, i) => [`${i + 1} 月`, LAST_YEAR[i].toLocaleString("en-US"), m.toLocaleString("en-US"), `${Number((plan.yoy[i]! * 100).toFixed(1))}%`]),
  );
  expect(plan.months[2]).toBe(150000);
  expect(plan.months.reduce((a, b) => a + b, 0)).toBe(plan.target);
  await page.screenshot({ path: screenshotPath("pane-annual-zh-CN.png"), fullPage: true });

  const file = await saveDownload(page, "write-button", path.join(downloads, "annual.xlsx"));
  await expectSameCells(readFileSync(file), await writeXlsx(buildTemplates([{ template: "annual", options: annualOptions }], { locale: "zh-CN", existing: NO_NAMES })));

  // A typed target replaces the computed one, and the preview says so; a bad rate is named on its field.
  await form.getByRole("textbox", { name: "年度目标（元）", exact: true }).fill("1800000");
  await target.filter({ hasText: /^年度目标 1,800,000 元（手动填写；上年合计 1,278,000 元，相当于增长 40.8%）$/ }).waitFor();
  await form.getByRole("textbox", { name: "费用上限（占年度目标）", exact: true }).fill("两个点");
  await page.getByText("请填写 0% 到 100% 之间的百分比，如 2%。").waitFor();
  await shown.waitFor({ state: "detached" });
  expect(errors).toEqual([]);
  expect(outsideRequestsOfOurs(blocked)).toEqual([]);
  await page.context().close();
});

test("inside Excel, the 年度销售计划 is written from the gallery in a few syncs, with its preview on screen", async () => {
  const { page, errors } = await pane.open("", { inExcel: true });
  await page.getByTestId("template-annual").getByRole("button").click();
  await fillAnnual(page);
  await page.getByTestId("annual-preview").waitFor();
  const before = await onFakeExcel(page, (f: { syncCount: number }) => f.syncCount);
  await page.getByTestId("write-button").click();
  await page.getByTestId("write-success").or(page.getByTestId("write-error")).waitFor();
  expect(await page.getByTestId("write-error").count()).toBe(0);
  expect((await onFakeExcel(page, (f: { syncCount: number }) => f.syncCount)) - before).toBeLessThanOrEqual(3);
  const specs = buildTemplates([{ template: "annual", options: annualOptions }], { locale: "zh-CN", existing: NO_NAMES });
  const sheets = await onFakeExcel(page, (f: { sheetNames(): string[] }) => f.sheetNames());
  expect(sheets).toEqual(expect.arrayContaining(specs.map((s) => s.name)));
  expect(errors).toEqual([]);
  await page.context().close();
});
