import type { Page } from "playwright-core";
import { onFakeExcel, outsideRequestsOfOurs, paneHarness, screenshotPath } from "../support/browser";

/*
 * The built pane "inside Excel": office.js is replaced by a stand-in whose Excel.run drives the
 * sync-counting fake (test/fakes/fakeExcel.ts), so every click reaches a workbook we can inspect.
 */

const pane = paneHarness({ fakeHost: true });

type Fake = {
  sheetNames(): string[];
  syncCount: number;
  failAtSync(n: number, after?: number): void;
  seed(sheet: string, address: string, values: unknown[][]): void;
  state: { active: { name: string }; names: { name: string; formula: string }[] };
  sheet(name: string): { validations: { rule: unknown }[] };
};
/** Polls until `read` gives `expected` (or the test times out): UI effects land a moment after the click. */
async function eventually<T>(read: () => Promise<T>, expected: (value: T) => boolean): Promise<T> {
  for (;;) {
    const value = await read();
    if (expected(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const fake = <T>(page: Page, read: (f: Fake) => T): Promise<T> => onFakeExcel(page, read);

async function openInExcel(query = "", options: { width?: number } = {}) {
  const session = await pane.open(query, { ...options, inExcel: true });
  await session.page.getByRole("heading", { level: 1 }).waitFor();
  return session;
}

async function writeTemplate(page: Page, template: string, fill: (page: Page) => Promise<void> = async () => undefined) {
  await page.getByTestId(`template-${template}`).getByRole("button").click();
  await fill(page);
  const before = await fake(page, (f) => f.syncCount);
  await page.getByTestId("write-button").click();
  await page.getByTestId("write-success").or(page.getByTestId("write-error")).waitFor();
  const syncs = (await fake(page, (f) => f.syncCount)) - before;
  return syncs;
}

test("writes every template into the workbook in at most 3 syncs, never over an existing sheet, and goes to it", async () => {
  const { page, errors, blocked } = await openInExcel();
  await page.getByTestId("gallery").waitFor();
  expect(await page.getByTestId("preview-banner").count()).toBe(0);
  const associated = await page.evaluate(() => (window as unknown as { __associated: string[] }).__associated);
  expect([...associated].sort()).toEqual(["ABC", "DAYSPLIT", "DISCOUNT", "NEXTVISIT", "SPLIT", "TIER", "WEEKSPLIT", "WORKDAYS"]);
  expect(await page.getByText("运行环境: EXCEL · PC").count()).toBe(1);

  const weeklySyncs = await writeTemplate(page, "weekly", async (p) => {
    await p.getByRole("textbox", { name: "姓名" }).fill("李四");
    await p.getByRole("textbox", { name: "周次" }).fill("2026-W48");
  });
  expect(weeklySyncs).toBeLessThanOrEqual(3);
  expect(await page.getByTestId("write-success").textContent()).toContain("周计划-李四-2026W48");
  await page.getByTestId("go-to-sheet").click();
  await eventually(() => fake(page, (f) => f.state.active.name), (name) => name === "周计划-李四-2026W48");
  await page.screenshot({ path: screenshotPath("pane-written-zh-CN.png"), fullPage: true });

  await page.getByRole("button", { name: "返回模板列表" }).click();
  const again = await writeTemplate(page, "weekly", (p) => p.getByRole("textbox", { name: "周次" }).fill("2026-W48"));
  expect(again).toBeLessThanOrEqual(3);
  expect(await page.getByTestId("write-success").textContent()).toContain("周计划-李四-2026W48 (2)");

  // The ledger and the visit log after the registers: each finds the register the pane wrote and picks its IDs
  // from it; the diary after the log counts it. The register's box cleared, so the log comes on its own.
  for (const template of ["monthly", "customers", "contracts", "ledger", "visits", "diary", "accounts"]) {
    await page.getByRole("button", { name: "返回模板列表" }).click();
    const alone = async (p: Page) => (template === "customers" ? p.getByTestId("with-companion").uncheck() : undefined);
    expect(await writeTemplate(page, template, alone)).toBeLessThanOrEqual(3);
    await page.getByTestId("write-success").waitFor();
  }
  const sheets = await fake(page, (f) => f.sheetNames());
  expect(sheets).toEqual(
    expect.arrayContaining(["Sheet1", "周计划-李四-2026W48", "周计划-李四-2026W48 (2)", "客户资源登记表", "合同履行一览表", "客户拜访记录", "大客户开发计划", "大客户名单"]),
  );
  expect(sheets.filter((s) => s.startsWith("客户拜访记录"))).toEqual(["客户拜访记录"]);
  expect(sheets.some((s) => s.startsWith("月计划-李四-"))).toBe(true);
  expect(sheets.some((s) => s.startsWith("工作日记 "))).toBe(true);
  // The ledger written after the register lists its 合同编号 column (read in the write's first sync).
  const sources = await fake(page, (f) => f.sheet("合同收发票款明细").validations.map((v) => JSON.stringify(v.rule)));
  expect(sources.some((s) => s.includes('"source":"=SP_L1_LIST_1"'))).toBe(true);
  expect(await fake(page, (f) => f.state.names.find((n) => n.name === "SP_L1_LIST_1")?.formula)).toBe("=SP_K1_Contracts[[合同编号]]");
  expect(errors).toEqual([]);
  expect(outsideRequestsOfOurs(blocked)).toEqual([]);
  await page.context().close();
});

test("the customer register comes with its visit log while the workbook has none: the log's 新/老客户 reads the register's first visits", async () => {
  const { page, errors } = await openInExcel();
  await page.getByTestId("template-customers").getByRole("button").click();
  expect(await page.getByTestId("with-companion").isChecked()).toBe(true);
  expect(await page.getByText("同时新建客户拜访记录（工作簿中已有则不建）").count()).toBe(1);
  await page.getByRole("button", { name: "返回模板列表" }).click();
  expect(await writeTemplate(page, "customers")).toBeLessThanOrEqual(3);
  expect(await page.getByTestId("write-success").textContent()).toContain("客户拜访记录");
  expect(await fake(page, (f) => f.sheetNames())).toEqual(["Sheet1", "客户资源登记表", "客户分级设置", "客户分级汇总", "客户拜访记录"]);
  expect(await fake(page, (f) => f.state.names.find((n) => n.name === "SP_C1_COL_FIRST_ROW_IN_V1")?.formula)).toBe("=SP_C1_Customers[[首次拜访在拜访记录中的行(自动)]]");
  // A second register, box ticked: the workbook has its log, and keeps the one.
  await page.getByRole("button", { name: "返回模板列表" }).click();
  expect(await writeTemplate(page, "customers")).toBeLessThanOrEqual(3);
  expect(await fake(page, (f) => f.sheetNames().filter((s) => s.startsWith("客户拜访记录")))).toEqual(["客户拜访记录"]);
  expect(await fake(page, (f) => f.state.names.some((n) => n.name.startsWith("SP_C2_COL_FIRST_ROW_IN_")))).toBe(false);
  expect(errors).toEqual([]);
  await page.context().close();
});

test("the register's box cleared, the register is written alone", async () => {
  const { page, errors } = await openInExcel();
  expect(
    await writeTemplate(page, "customers", async (p) => {
      await p.getByTestId("with-companion").uncheck();
    }),
  ).toBeLessThanOrEqual(3);
  expect(await fake(page, (f) => f.sheetNames())).toEqual(["Sheet1", "客户资源登记表", "客户分级设置", "客户分级汇总"]);
  expect(await fake(page, (f) => f.state.names.some((n) => n.name.startsWith("SP_C1_COL_FIRST_ROW_IN_")))).toBe(false);
  expect(errors).toEqual([]);
  await page.context().close();
});

test("a cell of the workbook's 节假日 table that holds no date is named after the next write", async () => {
  const { page, errors } = await openInExcel();
  // A month of a year the built-in calendar lists, whatever the date the test runs on.
  const november2026 = (p: Page) => p.getByRole("textbox", { name: "月份" }).fill("2026-11");
  expect(
    await writeTemplate(page, "monthly", async (p) => {
      await p.getByRole("textbox", { name: "姓名或团队" }).fill("李四");
      await november2026(p);
    }),
  ).toBeLessThanOrEqual(3);
  expect(await fake(page, (f) => f.sheetNames())).toContain("节假日 2026");
  expect(await page.getByTestId("holiday-not-dates").count()).toBe(0);
  // The user types the first day off (A6, under the table's header in row 5) as text.
  await fake(page, (f) => f.seed("节假日 2026", "A6", [["元旦"]]));
  await page.getByRole("button", { name: "返回模板列表" }).click();
  expect(await writeTemplate(page, "monthly", november2026)).toBeLessThanOrEqual(4);
  const warning = await page.getByTestId("holiday-not-dates").textContent();
  expect(warning).toContain("'节假日 2026'!A6“元旦”");
  expect(await fake(page, (f) => f.sheetNames().filter((s) => s.startsWith("节假日")))).toEqual(["节假日 2026"]);
  expect(errors).toEqual([]);
  await page.context().close();
});

test("a write Excel rejects leaves the workbook as it was and says so in plain language", async () => {
  const { page, errors } = await openInExcel();
  await page.getByTestId("template-customers").getByRole("button").click();
  await fake(page, (f) => f.failAtSync(2, 5));
  await page.getByTestId("write-button").click();
  await page.getByTestId("write-error").waitFor();
  expect(await page.getByTestId("write-error").textContent()).toContain("工作簿保持原样");
  expect(await fake(page, (f) => f.sheetNames())).toEqual(["Sheet1"]);
  expect(errors).toEqual([]);
  await page.context().close();
});

test("Go to sheet says so in plain language when Excel cannot show the sheet", async () => {
  const { page, errors } = await openInExcel();
  expect(await writeTemplate(page, "customers")).toBeLessThanOrEqual(3);
  await page.getByTestId("write-success").waitFor();
  await fake(page, (f) => f.failAtSync(1));
  await page.getByTestId("go-to-sheet").click();
  await page.getByTestId("go-to-error").waitFor();
  expect(await page.getByTestId("go-to-error").textContent()).toContain("无法转到工作表");
  await page.getByTestId("go-to-sheet").click();
  await eventually(() => fake(page, (f) => f.state.active.name), (name) => name === "客户资源登记表");
  expect(await page.getByTestId("go-to-error").count()).toBe(0);
  expect(errors).toEqual([]);
  await page.context().close();
});

test("reading reps from the selection says so in plain language when Excel refuses", async () => {
  const { page, errors } = await openInExcel();
  await page.getByTestId("template-team").getByRole("button").click();
  await fake(page, (f) => f.failAtSync(1));
  await page.getByTestId("paste-selection").click();
  await page.getByTestId("write-error").waitFor();
  expect(await page.getByTestId("write-error").textContent()).toMatch(/^无法读取所选单元格：.+请重新选择后再试/);
  expect(errors).toEqual([]);
  await page.context().close();
});

test("the functions page inserts an example in Excel's display language, and never over a filled cell", async () => {
  const { page } = await openInExcel("?page=help");
  await page.getByTestId("function-DISCOUNT").waitFor();
  expect(await page.getByTestId("function-DISCOUNT").textContent()).toContain("424496.8");
  await page.getByTestId("function-DISCOUNT").getByRole("button").click();
  await page.getByTestId("insert-feedback").waitFor();
  expect(await page.getByTestId("insert-feedback").textContent()).toMatch(/Sheet1'?!A1/);
  const formula = await page.evaluate(() => {
    const f = (window as unknown as { __fakeExcel: { sheet(n: string): { cells: Map<string, { formula?: string }> } } }).__fakeExcel;
    return [...f.sheet("Sheet1").cells.values()].map((c) => c.formula);
  });
  expect(formula).toEqual(['=销售.折后价(442000,{"9.8折","9.8折"})']);
  await page.getByTestId("function-SPLIT").getByRole("button").click();
  await eventually(() => page.getByTestId("insert-feedback").textContent(), (text) => Boolean(text?.includes("不是空单元格")));

  const english = await openInExcel("?page=help&fakeLanguage=en-US&lang=en-US");
  await english.page.getByTestId("function-TIER").getByRole("button").click();
  await english.page.getByTestId("insert-feedback").waitFor();
  const typed = await english.page.evaluate(() => {
    const f = (window as unknown as { __fakeExcel: { sheet(n: string): { cells: Map<string, { formula?: string }> } } }).__fakeExcel;
    return [...f.sheet("Sheet1").cells.values()].map((c) => c.formula);
  });
  expect(typed).toEqual(["=SALES.TIER(120000,100000,50000)"]);
  await page.context().close();
  await english.page.context().close();
});

/** The formulas the fake workbook holds on Sheet1, as stored (Excel's invariant form). */
const storedFormulas = (page: Page) =>
  page.evaluate(() => {
    const f = (window as unknown as { __fakeExcel: { sheet(n: string): { cells: Map<string, { formula?: string }> } } }).__fakeExcel;
    return [...f.sheet("Sheet1").cells.values()].map((c) => c.formula);
  });

test("zh-TW Excel gets the SALES names it registers, in the user's ; and decimal-comma syntax, with a Chinese pane", async () => {
  // The manifest overrides the functions' names for zh-CN only: zh-TW Excel knows SALES.*, not 销售.*.
  const { page } = await openInExcel("?page=help&fakeLanguage=zh-TW&fakeCulture=semicolon");
  await page.getByTestId("function-SPLIT").waitFor();
  expect(await page.getByRole("tab", { name: "函数" }).count()).toBe(1);
  // The page shows the name this Excel knows, not the zh-CN one.
  expect(await page.getByTestId("function-SPLIT").textContent()).toContain("=SALES.SPLIT(100,{1,1,1},0.01)");
  await page.getByTestId("function-SPLIT").getByRole("button").click();
  await page.getByTestId("insert-feedback").waitFor();
  expect(await page.getByTestId("insert-feedback").textContent()).toMatch(/^已将示例公式插入/);
  expect(await storedFormulas(page)).toEqual(["=SALES.SPLIT(100,{1,1,1},0.01)"]);
  await page.context().close();
});

test("an Excel without custom functions is told why, in both languages, and offers no Insert", async () => {
  for (const [lang, text] of [
    ["zh-CN", "不支持加载项的自定义函数"],
    ["en-US", "does not run add-in custom functions"],
  ] as const) {
    const { page } = await openInExcel(`?page=help&fakeNoCustomFunctions=1&lang=${lang}&fakeLanguage=${lang}`);
    await page.getByTestId("function-SPLIT").waitFor();
    expect(await page.getByTestId("functions-unavailable").textContent()).toContain(text);
    expect(await page.getByTestId("function-SPLIT").getByRole("button").count()).toBe(0);
    await page.context().close();
  }
});

test("follows Office's dark theme and forced colours, fits 320 px, and works from the keyboard", async () => {
  const { page } = await openInExcel("?fakeTheme=dark", { width: 320 });
  expect(await page.locator("[data-theme]").first().getAttribute("data-theme")).toBe("dark");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await page.screenshot({ path: screenshotPath("pane-gallery-dark-320.png"), fullPage: true });

  await page.keyboard.press("Tab");
  let guard = 0;
  while (!(await page.evaluate(() => document.activeElement?.textContent === "使用此模板")) && guard++ < 20) await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await page.getByTestId("form-weekly").waitFor();
  const focusedControls = await page.$$eval("input, textarea, button", (nodes) =>
    nodes.filter((n) => !(n as HTMLElement).closest("[aria-hidden=true]")).map((n) => {
      const el = n as HTMLInputElement;
      return Boolean(el.labels?.length || el.getAttribute("aria-label") || el.getAttribute("aria-labelledby") || el.textContent?.trim());
    }),
  );
  expect(focusedControls.length).toBeGreaterThan(0);
  expect(focusedControls.every(Boolean)).toBe(true);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await page.context().close();

  const contrast = await pane.open("", { inExcel: true });
  await contrast.page.emulateMedia({ forcedColors: "active" });
  await contrast.page.reload();
  await contrast.page.getByTestId("gallery").waitFor();
  expect(await contrast.page.locator("[data-theme]").first().getAttribute("data-theme")).toBe("highContrast");
  await contrast.page.context().close();
});

test("writing into the current sheet refuses an area that holds data, says where, and changes nothing", async () => {
  const { page, errors } = await openInExcel();
  await page.evaluate(() => (window as unknown as { __fakeExcel: { seed(s: string, a: string, v: unknown[][]): void } }).__fakeExcel.seed("Sheet1", "B3", [["客户名单"]]));
  await page.getByTestId("template-weekly").getByRole("button").click();
  await page.getByRole("textbox", { name: "姓名" }).fill("赵六");
  await page.getByTestId("into-active-sheet").check();
  await page.getByTestId("write-button").click();
  await page.getByTestId("write-error").waitFor();
  const message = await page.getByTestId("write-error").textContent();
  expect(message).toMatch(/Sheet1'?!A1:/);
  expect(message).toContain("B3");
  const sheet1 = await page.evaluate(() => {
    const f = (window as unknown as { __fakeExcel: { sheetNames(): string[]; sheet(n: string): { cells: Map<string, unknown> } } }).__fakeExcel;
    return { sheets: f.sheetNames(), cells: [...f.sheet("Sheet1").cells.entries()] };
  });
  expect(sheet1).toEqual({ sheets: ["Sheet1"], cells: [["2,1", { value: "客户名单" }]] });

  await page.evaluate(() => {
    const f = (window as unknown as { __fakeExcel: { sheet(n: string): { cells: Map<string, unknown> } } }).__fakeExcel;
    f.sheet("Sheet1").cells.clear();
  });
  await page.getByTestId("write-button").click();
  await page.getByTestId("write-success").waitFor();
  const written = await page.evaluate(() => {
    const f = (window as unknown as { __fakeExcel: { sheet(n: string): { cells: Map<string, { value?: unknown }> } } }).__fakeExcel;
    return [...f.sheet("Sheet1").cells.values()].map((c) => c.value);
  });
  expect(written).toContain("赵六");
  expect(errors).toEqual([]);
  await page.context().close();
});
