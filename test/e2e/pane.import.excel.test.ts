import type { Page } from "playwright-core";
import { serialFromYmd } from "../../src/domain/calendar";
import { messyCustomersXlsx } from "../fixtures/messy";
import { onFakeExcel, paneHarness } from "../support/browser";

/*
 * The import page "inside Excel" (the fake host, test/e2e/fakeHost): the selection as the source, a new
 * register written when the workbook has none, a second import appended under it with a duplicate merged
 * into the register's row — only its blank cells filled — and an .xlsx with a title row and merged
 * header cells picked as a file. Syncs are counted per import.
 */

const pane = paneHarness({ fakeHost: true });

interface Fake {
  syncCount: number;
  sheetNames(): string[];
  seed(sheet: string, address: string, values: (string | number)[][]): void;
  sheet(name: string): { value(address: string): unknown; formula(address: string): string | undefined };
  state: {
    selection: { from: { row: number; col: number }; to: { row: number; col: number } };
    tables: { name: string; sheet: { name: string }; range: { from: { row: number; col: number }; to: { row: number; col: number } } }[];
    active: { name: string };
    sheet(name: string): { name: string };
  };
}
const onFake = <T, A = null>(page: Page, action: (fake: Fake, arg: A) => T, arg?: A): Promise<T> => onFakeExcel(page, action, arg as A);

/** Puts `rows` on Sheet1 from A1 and selects them, as a user pasting a list and selecting it. */
async function selectList(page: Page, rows: (string | number)[][]) {
  await onFake(
    page,
    (f, grid) => {
      const width = Math.max(...grid.map((r) => r.length));
      f.seed("Sheet1", "A1", grid.map((r) => [...r, ...Array<string>(width - r.length).fill("")]));
      f.state.selection = { from: { row: 0, col: 0 }, to: { row: grid.length - 1, col: width - 1 } };
    },
    rows,
  );
}

/** A register's first data rows as the fake holds them (values; "(formula)" for a formula), by header. */
const tableRows = (page: Page, count: number, pattern: string) =>
  onFake(
    page,
    (f, { n, pattern }) => {
      const table = f.state.tables.find((t) => new RegExp(pattern).test(t.name));
      if (!table) return null;
      const letters = (col: number) => {
        let out = "";
        for (let c = col + 1; c > 0; c = Math.floor((c - 1) / 26)) out = String.fromCharCode(65 + ((c - 1) % 26)) + out;
        return out;
      };
      const sheet = f.sheet(table.sheet.name);
      const { from, to } = table.range;
      const headers: string[] = [];
      for (let col = from.col; col <= to.col; col++) headers.push(String(sheet.value(`${letters(col)}${from.row + 1}`)));
      const rows: Record<string, unknown>[] = [];
      for (let r = 1; r <= n; r++) {
        const row: Record<string, unknown> = {};
        headers.forEach((header, i) => {
          const address = `${letters(from.col + i)}${from.row + 1 + r}`;
          const value = sheet.value(address);
          row[header] = sheet.formula(address) !== undefined ? "(formula)" : value === undefined || value === "" ? null : value;
        });
        rows.push(row);
      }
      return { table: table.name, sheet: table.sheet.name, rows };
    },
    { n: count, pattern },
  );
const registerRows = (page: Page, count: number) => tableRows(page, count, "^SP_C\\d+_Customers$");

async function readSelection(page: Page) {
  await page.getByTestId("import-read").click();
  await page.getByTestId("import-mapping").waitFor();
}

/** The fake's sync count once nothing has synced for half a second (the pane reads the register again after a write). */
async function settledSyncs(page: Page): Promise<number> {
  let count = await onFake(page, (f) => f.syncCount);
  for (;;) {
    await page.waitForTimeout(500);
    const now = await onFake(page, (f) => f.syncCount);
    if (now === count) return now;
    count = now;
  }
}

/** Imports, and counts every sync the import made, the register read again for the next import included. */
async function runImport(page: Page): Promise<{ text: string; syncs: number }> {
  const before = await onFake(page, (f) => f.syncCount);
  await page.getByTestId("import-button").click();
  await page.getByTestId("write-success").or(page.getByTestId("import-error")).waitFor();
  const syncs = (await settledSyncs(page)) - before;
  return { text: (await page.getByTestId("write-success").or(page.getByTestId("import-error")).textContent()) ?? "", syncs };
}

const pick = (row: Record<string, unknown>) => ({ name: row["客户名称"], contact: row["联系人"], phone: row["电话"], sales: row["年交易额"], address: row["地址"] });

test("the selection is imported into a new register, then a second list appended with a duplicate merged into its row", async () => {
  const { page, errors } = await pane.open("?page=import", { inExcel: true });
  await page.getByTestId("import-page").waitFor();
  await page.getByTestId("import-register").waitFor();
  expect(await page.getByTestId("import-register").textContent()).toContain("还没有这个登记表");

  await selectList(page, [
    ["单位名称", "手机", "年销售额（万元）", "地址"],
    ["北京华信科技有限公司", "", "120", ""],
    ["上海申达物流有限责任公司", "136-0013-6000", "8.25", "上海市浦东新区"],
  ]);
  await readSelection(page);
  expect(await page.getByTestId("import-source-read").textContent()).toMatch(/^已读取 '?Sheet1'?!A1:D3：共 3 行（含表头）。$/);
  expect(await page.getByTestId("import-counts").textContent()).toBe("可导入 2 行；0 个单元格无法识别；0 组疑似重复。");
  const first = await runImport(page);
  expect(first.text).toContain("已新建登记表“客户资源登记表”，写入 2 行。");
  // The empty register written (names, commit), as the workbook had none, the rows appended (its read, one
  // write batch), then the register read back (tables, contents).
  expect(first.syncs).toBe(6);
  const created = await registerRows(page, 2);
  expect(created?.rows.map(pick)).toEqual([
    { name: "北京华信科技有限公司", contact: null, phone: null, sales: 1_200_000, address: null },
    { name: "上海申达物流有限责任公司", contact: null, phone: "13600136000", sales: 82_500, address: "上海市浦东新区" },
  ]);
  await page.getByTestId("import-register").filter({ hasText: "客户资源登记表" }).waitFor();

  // A second list: the same company spelled another way, with the phone and contact the register lacks and
  // another 年交易额; and a new company.
  await selectList(page, [
    ["公司名称", "联系电话", "联系人", "年销售额（万元）"],
    ["华信科技（北京）有限公司", "138 0013 8000", "王敏", "99"],
    ["杭州新禾贸易有限公司", "13500135000", "钱七", "0.5"],
  ]);
  await readSelection(page);
  const group = page.getByTestId(/^group-\d+$/);
  expect(await group.count()).toBe(1);
  expect(await group.locator("li").allTextContents()).toEqual([
    expect.stringMatching(/^已有 · 登记表第 \d+ 行：北京华信科技有限公司/),
    expect.stringMatching(/^导入 · 来源第 2 行：华信科技（北京）有限公司/),
  ]);
  expect(await page.getByTestId("import-button").isDisabled()).toBe(true);
  await group.getByRole("radio", { name: /^合并到已有行/ }).check();
  const second = await runImport(page);
  expect(second.text).toMatch(/1 行已追加到“客户资源登记表”，补全了 1 个已有行，从 '?客户资源登记表'?!A\d+ 开始。/);
  // The register checked again (tables, contents: a merge writes into its rows by position), the append (the
  // table read, the writes), one to show the rows, the register read back.
  expect(second.syncs).toBe(7);
  const after = await registerRows(page, 3);
  expect(after?.rows.map(pick)).toEqual([
    // Only the blank cells were filled: the name and 年交易额 the register had are kept.
    { name: "北京华信科技有限公司", contact: "王敏", phone: "13800138000", sales: 1_200_000, address: null },
    { name: "上海申达物流有限责任公司", contact: null, phone: "13600136000", sales: 82_500, address: "上海市浦东新区" },
    { name: "杭州新禾贸易有限公司", contact: "钱七", phone: "13500135000", sales: 5_000, address: null },
  ]);
  // The register's calculated columns reached the appended row.
  expect(Object.values(after?.rows[2] ?? {})).toContain("(formula)");
  // The source list is left as it was.
  expect(await onFake(page, (f) => f.sheet("Sheet1").value("A2"))).toBe("华信科技（北京）有限公司");
  // The import showed the rows it wrote; Go to sheet shows them again after the user moved on.
  expect(await onFake(page, (f) => f.state.active.name)).toBe("客户资源登记表");
  await onFake(page, (f) => {
    f.state.active = f.state.sheet("Sheet1");
  });
  await page.getByTestId("go-to-sheet").click();
  for (let tries = 0; (await onFake(page, (f) => f.state.active.name)) !== "客户资源登记表"; tries++) {
    if (tries > 100) throw new Error("Go to sheet did not activate the register");
    await page.waitForTimeout(50);
  }
  expect(errors).toEqual([]);
  await page.context().close();
});

test("an .xlsx with a title row and merged header cells is read as a file inside Excel", async () => {
  const { page, errors } = await pane.open("?page=import", { inExcel: true });
  await page.getByTestId("import-register").waitFor();
  await page.getByRole("radio", { name: "文件（.xlsx 或 .csv）" }).check();
  await page.getByTestId("import-file-input").setInputFiles({
    name: "客户名单.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: Buffer.from(await messyCustomersXlsx()),
  });
  await page.getByTestId("import-mapping").waitFor();
  expect(await page.getByTestId("import-source-read").textContent()).toBe("已读取 客户名单.xlsx 的工作表“客户名单”：共 11 行（含表头）。");
  // The title and the merged group headers above the real header are passed over.
  expect(await page.getByTestId("header-row").textContent()).toContain("表头在第 3 行");
  expect(await page.getByRole("combobox", { name: "单位名称" }).locator("option:checked").textContent()).toBe("客户名称");
  expect(await page.getByRole("combobox", { name: "年销售额（万元）" }).locator("option:checked").textContent()).toBe("年交易额");
  await page.getByTestId("decide-all-skip").click();
  const { syncs } = await runImport(page);
  expect(syncs).toBe(6);
  const rows = (await registerRows(page, 2))?.rows.map((row) => ({ name: row["客户名称"], sales: row["年交易额"], first: row["首次接触日期"] }));
  // The first rows not in a duplicate group: the typed date and number cells read as they are.
  expect(rows?.[0]).toEqual({ name: '=HYPERLINK("http://evil.example","点我")', sales: 30_000, first: serialFromYmd(2026, 10, 1) });
  expect(errors).toEqual([]);
  await page.context().close();
});

test("an empty selection, and an append Excel rejects, are said in plain language; the register stays as it was", async () => {
  const { page, errors } = await pane.open("?page=import", { inExcel: true });
  await page.getByTestId("import-register").waitFor();
  await page.getByTestId("import-read").click();
  await page.getByTestId("import-read-error").waitFor();
  expect(await page.getByTestId("import-read-error").textContent()).toBe("'Sheet1'!A1 没有任何数据，无法导入。请选择有数据的区域、工作表或表格。");
  await selectList(page, [
    ["单位名称", "手机"],
    ["北京华信科技有限公司", ""],
  ]);
  await readSelection(page);
  // Into a new register: written empty (names, commit), then the rows' write batch (sync 4) fails — the new
  // register, its sheets and names go again.
  // What the workbook holds, as the fake's state (the page's typed view of the fake lists only what other tests read).
  const holds = () =>
    onFake(page, (f) => {
      const state = (f as unknown as { state: { sheets: { name: string }[]; names: unknown[]; tables: unknown[] } }).state;
      return { sheets: state.sheets.map((sheet) => sheet.name), names: state.names.length, tables: state.tables.length };
    });
  const untouched = await holds();
  await onFake(page, (f) => (f as unknown as { failAtSync(n: number, after: number): void }).failAtSync(4, 1));
  expect((await runImport(page)).text).toContain("工作簿保持原样");
  expect(await holds()).toEqual(untouched);
  expect((await runImport(page)).text).toContain("已新建登记表");
  const before = await registerRows(page, 3);
  await selectList(page, [
    ["单位名称", "手机", "联系人"],
    ["华信科技（北京）有限公司", "13800138000", "王敏"],
    ["杭州新禾贸易有限公司", "13500135000", "钱七"],
  ]);
  await readSelection(page);
  await page.getByTestId(/^group-\d+$/).getByRole("radio", { name: /^合并到已有行/ }).check();
  // The register checked again (2 syncs) and the append's table read pass; its write batch fails after some of
  // its operations applied.
  await onFake(page, (f) => (f as unknown as { failAtSync(n: number, after: number): void }).failAtSync(4, 3));
  const failed = await runImport(page);
  expect(failed.text).toBe("Excel 拒绝了写入（GeneralException）。本次创建的内容已全部撤销，工作簿保持原样。");
  expect(await page.getByTestId("import-error").count()).toBe(1);
  expect(await registerRows(page, 3)).toEqual(before);
  expect(errors).toEqual([]);
  await page.context().close();
});

test("visits are imported by customer name into a new log that takes the customer register's IDs", async () => {
  const { page, errors } = await pane.open("?page=import", { inExcel: true });
  await page.getByTestId("import-register").waitFor();
  await selectList(page, [
    ["客户编码", "单位名称"],
    ["C001", "北京华信科技有限公司"],
    ["C002", "上海申达物流有限责任公司"],
  ]);
  await readSelection(page);
  expect((await runImport(page)).text).toContain("写入 2 行");

  await page.getByRole("radio", { name: "客户拜访记录" }).check();
  await page.getByTestId("import-register").filter({ hasText: "还没有这个登记表" }).waitFor();
  await selectList(page, [
    ["拜访日期", "业务员", "客户", "拜访方式", "拜访结果"],
    ["2026-11-02", "张三", "华信科技（北京）有限公司", "上门", "报价"],
    ["2026/11/05", "李四", "上海申达物流", "电话", "约下周面谈"],
    ["2026-11-06", "张三", "杭州新禾贸易有限公司", "微信", ""],
  ]);
  await readSelection(page);
  // A name the register does not hold is listed and its visit held back (it would count for nobody), never guessed.
  const problems = await page.getByTestId("import-problems").locator("li").allTextContents();
  expect(problems).toEqual([expect.stringContaining("杭州新禾贸易有限公司")]);
  expect(await page.getByTestId("import-counts").textContent()).toBe("可导入 2 行；1 个单元格无法识别；0 组疑似重复。");
  await page.getByTestId("import-button").click();
  await page.getByTestId("write-success").waitFor();
  expect(await page.getByTestId("write-success").textContent()).toContain("写入 2 行");
  const log = await tableRows(page, 3, "^SP_V\\d+_Visits$");
  expect(log?.sheet).toBe("客户拜访记录");
  expect(log?.rows.map((row) => [row["日期"], row["销售代表"], row["客户编号"], row["客户名称"], row["方式"]])).toEqual([
    // The log is linked to the register: 客户名称 follows the ID by formula.
    [serialFromYmd(2026, 11, 2), "张三", "C001", "(formula)", "上门"],
    [serialFromYmd(2026, 11, 5), "李四", "C002", "(formula)", "电话"],
    [null, null, null, "(formula)", null],
  ]);
  expect(errors).toEqual([]);
  await page.context().close();
});

test("a sheet picked from the workbook's list is read from its used cells", async () => {
  const { page, errors } = await pane.open("?page=import", { inExcel: true });
  await page.getByTestId("import-register").waitFor();
  await onFake(page, (f) => {
    (f.state as unknown as { addSheet(name: string): unknown }).addSheet("CRM导出");
    f.seed("CRM导出", "B3", [
      ["公司名称", "手机"],
      ["北京华信科技有限公司", "13800138000"],
    ]);
  });
  await page.getByRole("radio", { name: "工作表" }).check();
  const picker = page.getByTestId("source-sheet");
  await picker.locator("option", { hasText: "CRM导出" }).waitFor({ state: "attached" });
  expect(await picker.locator("option").allTextContents()).toEqual(["请选择", "Sheet1", "CRM导出"]);
  expect(await page.getByTestId("import-read").isDisabled()).toBe(true);
  await picker.selectOption("CRM导出");
  await readSelection(page);
  expect(await page.getByTestId("import-source-read").textContent()).toBe("已读取 'CRM导出'!B3:C4：共 2 行（含表头）。");
  expect(await page.getByTestId("import-counts").textContent()).toBe("可导入 1 行；0 个单元格无法识别；0 组疑似重复。");
  expect(errors).toEqual([]);
  await page.context().close();
});

test("a register sorted after the check is not merged into by the old positions: the check is made again", async () => {
  const { page, errors } = await pane.open("?page=import", { inExcel: true });
  await page.getByTestId("import-register").waitFor();
  await selectList(page, [
    ["单位名称", "手机"],
    ["北京华信科技有限公司", ""],
    ["上海申达物流有限责任公司", "13600136000"],
  ]);
  await readSelection(page);
  expect((await runImport(page)).text).toContain("已新建登记表");
  await selectList(page, [
    ["公司名称", "联系电话", "联系人"],
    ["华信科技（北京）有限公司", "13800138000", "王敏"],
  ]);
  await readSelection(page);
  await page.getByTestId("group-0").getByRole("radio", { name: /^合并到已有行/ }).check();
  // Meanwhile the user sorts the register: 华信 is no longer its first row.
  await onFake(page, (f) => {
    const table = f.state.tables.find((t) => /^SP_C\d+_Customers$/.test(t.name));
    if (!table) throw new Error("no register");
    const sheet = f.sheet(table.sheet.name);
    const { from, to } = table.range;
    const letter = (col: number) => {
      let out = "";
      for (let c = col + 1; c > 0; c = Math.floor((c - 1) / 26)) out = String.fromCharCode(65 + ((c - 1) % 26)) + out;
      return out;
    };
    for (let col = from.col; col <= to.col; col++) {
      const header = sheet.value(`${letter(col)}${from.row + 1}`);
      const sorted = header === "客户名称" ? ["上海申达物流有限责任公司", "北京华信科技有限公司"] : header === "电话" ? ["13600136000", ""] : undefined;
      if (sorted) f.seed(table.sheet.name, `${letter(col)}${from.row + 2}`, sorted.map((v) => [v]));
    }
  });
  const refused = await runImport(page);
  expect(refused.text).toBe("检查之后登记表中要合并的行有了改动（排序、编辑或删除），未写入任何内容。已按登记表现在的内容重新检查，请重新确认各组的处理方式。");
  const sortedRows = [
    { name: "上海申达物流有限责任公司", contact: null, phone: "13600136000", sales: null, address: null },
    { name: "北京华信科技有限公司", contact: null, phone: null, sales: null, address: null },
  ];
  expect((await registerRows(page, 2))?.rows.map(pick)).toEqual(sortedRows);
  // Checked again on the register as it is: the group waits for a decision, and now names 华信's new row.
  expect(await page.getByTestId("import-button").isDisabled()).toBe(true);
  expect(await page.getByTestId("group-0").locator("li").first().textContent()).toMatch(/^已有 · 登记表第 \d+ 行：北京华信科技有限公司/);
  await page.getByTestId("group-0").getByRole("radio", { name: /^合并到已有行/ }).check();
  expect((await runImport(page)).text).toMatch(/0 行已追加到“客户资源登记表”，补全了 1 个已有行/);
  expect((await registerRows(page, 2))?.rows.map(pick)).toEqual([sortedRows[0], { ...sortedRows[1], contact: "王敏", phone: "13800138000" }]);
  expect(errors).toEqual([]);
  await page.context().close();
});
