import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { serialFromYmd } from "../../src/domain/calendar";
import { loadablePackage } from "../support/exceljsPackage";
import { outsideRequestsOfOurs, paneHarness, saveDownload, screenshotPath } from "../support/browser";
import { messyCustomersCsv } from "../fixtures/messy";

/*
 * The import page in a plain browser (issue 13): a CRM export as Chinese Excel saves it (GB18030 CSV) is
 * mapped, checked and its duplicates decided by clicking, and the download — a new workbook holding the
 * customer register — is read back cell by cell.
 */

const pane = paneHarness();
const downloads = mkdtempSync(path.join(tmpdir(), "pane-import-"));

/** The register column a source column is mapped onto, as its drop-down shows it. */
const mappedTo = (page: Page, header: string) => page.getByRole("combobox", { name: header }).locator("option:checked").textContent();

/** The register's data rows from the downloaded workbook, each by its header, values as exceljs reads them (dates as serials). */
async function registerRows(file: string, sheetName: string, nameHeader = "客户名称"): Promise<Record<string, unknown>[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await loadablePackage(readFileSync(file))) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(sheetName);
  if (!ws) throw new Error(`no sheet ${sheetName}`);
  // A date is compared as its serial, a formula as its formula.
  const plain = (value: ExcelJS.CellValue): unknown =>
    value instanceof Date ? Math.round(value.getTime() / 86_400_000) + 25_569 : value !== null && typeof value === "object" && "formula" in value ? { formula: value.formula } : value;
  let headerRow = 1;
  while (!(ws.getRow(headerRow).values as unknown[]).includes(nameHeader)) headerRow++;
  const headers = (ws.getRow(headerRow).values as unknown[]).map((v) => (typeof v === "string" ? v : ""));
  const nameColumn = headers.indexOf(nameHeader);
  const rows: Record<string, unknown>[] = [];
  for (let r = headerRow + 1; ![null, undefined, ""].includes(ws.getCell(r, nameColumn).value as null); r++) {
    rows.push(Object.fromEntries(headers.flatMap((header, col) => (header === "" ? [] : [[header, plain(ws.getCell(r, col).value)]]))));
  }
  return rows;
}

test("a GB18030 CSV export is mapped, checked, its duplicates decided, and downloaded as a customer register", async () => {
  const { page, errors, blocked } = await pane.open();
  await page.getByRole("tab", { name: "导入" }).click();
  await page.getByTestId("import-page").waitFor();
  expect(await page.getByTestId("import-register").textContent()).toContain("预览模式");
  // Not a workbook: refused by name before anything reads it.
  await page.getByTestId("import-file-input").setInputFiles({ name: "客户.xlsx", mimeType: "application/octet-stream", buffer: Buffer.from("not a zip") });
  await page.getByTestId("import-read-error").waitFor();
  expect(await page.getByTestId("import-read-error").textContent()).toBe("“客户.xlsx”不是 Excel 工作簿（.xlsx），或文件已损坏。");
  await page.getByTestId("import-file-input").setInputFiles({ name: "客户导出.csv", mimeType: "text/csv", buffer: Buffer.from(messyCustomersCsv()) });
  await page.getByTestId("import-mapping").waitFor();
  expect(await page.getByTestId("import-source-read").textContent()).toBe("已读取 客户导出.csv：共 9 行（含表头）。 文件编码：GB18030 (GBK)。");
  expect(await page.getByTestId("header-row").textContent()).toContain("表头在第 1 行");

  // The export's own headers, matched by synonym.
  expect(await mappedTo(page, "单位名称")).toBe("客户名称");
  expect(await mappedTo(page, "手机")).toBe("电话");
  expect(await mappedTo(page, "年销售额（万元）")).toBe("年交易额");
  expect(await mappedTo(page, "紧急程度")).toBe("需求迫切度");
  expect(await mappedTo(page, "业务员")).toBe("负责人");
  // The user leaves the address out: it is listed, and the register's 地址 stays blank.
  expect(await page.getByTestId("unmapped-columns").textContent()).toBe("所有列都会导入。");
  await page.getByRole("combobox", { name: "地址" }).selectOption({ label: "不导入" });
  expect(await mappedTo(page, "地址")).toBe("不导入");
  expect(await page.getByTestId("unmapped-columns").textContent()).toBe("不导入的列：地址");
  // Without the column the register finds its rows by, nothing can go in.
  await page.getByRole("combobox", { name: "单位名称" }).selectOption({ label: "不导入" });
  expect(await page.getByTestId("import-waiting").textContent()).toBe("没有列对应到“客户名称”，登记表靠它识别每一行。请在上面为它选择一列。");
  expect(await page.getByTestId("import-button").isDisabled()).toBe(true);
  await page.getByRole("combobox", { name: "单位名称" }).selectOption({ label: "客户名称" });

  // The last row's unreadable cells, each with its row, column, value and reason.
  const problems = await page.getByTestId("import-problems").locator("li").allTextContents();
  const lastRow = problems.filter((line) => line.startsWith("第 9 行"));
  expect(lastRow.map((line) => line.replace(/：.*/, ""))).toEqual(["第 9 行「手机」的“电话待补”", "第 9 行「年销售额（万元）」的“一百万”", "第 9 行「紧急程度」的“马上”", "第 9 行「首次接触」的“下周”"]);
  // Each with its reason.
  expect(lastRow.every((line) => /：\S/.test(line))).toBe(true);

  // The duplicates: nothing goes in until each group is decided.
  const groups = page.getByTestId(/^group-\d+$/);
  expect(await groups.count()).toBeGreaterThanOrEqual(2);
  expect(await page.getByTestId("import-button").isDisabled()).toBe(true);
  expect(await page.getByTestId("import-waiting").textContent()).toMatch(/^还有 \d+ 组未选择处理方式。$/);
  const huaxin = groups.filter({ hasText: "华信科技股份有限公司" });
  expect(await huaxin.locator("li").allTextContents()).toEqual([
    expect.stringMatching(/^导入 · 来源第 2 行：北京华信科技有限公司/),
    expect.stringMatching(/^导入 · 来源第 3 行：华信科技（北京）有限公司/),
    expect.stringMatching(/^导入 · 来源第 4 行：华信科技股份有限公司/),
  ]);
  // Every group kept, then the company merged: with no register row to merge into (a new workbook), its
  // rows merge into the first.
  await page.getByTestId("decide-all-keep").click();
  expect(await huaxin.getByRole("radio").count()).toBe(3);
  await huaxin.getByRole("radio", { name: /^合并为一行/ }).check();
  expect(await page.getByTestId("import-waiting").count()).toBe(0);
  expect(await page.getByTestId("import-button").isDisabled()).toBe(false);
  await page.screenshot({ path: screenshotPath("pane-import-zh-CN.png"), fullPage: true });

  const file = await saveDownload(page, "import-button", path.join(downloads, "customers.xlsx"));
  expect(await page.getByTestId("write-success").textContent()).toContain("新工作簿的“客户资源登记表”中有 6 行导入的数据。");

  const rows = await registerRows(file, "客户资源登记表");
  const pick = (row: Record<string, unknown>) => ({
    name: row["客户名称"],
    contact: row["联系人"],
    phone: row["电话"],
    sales: row["年交易额"],
    urgency: row["需求迫切度"],
    first: row["首次接触日期"],
    address: row["地址"],
    owner: row["负责人"],
  });
  const date = serialFromYmd(2026, 11, 28);
  expect(rows.map(pick)).toEqual([
    // Rows 2–4, one company three ways, merged into row 2 (its blank cells filled from the others).
    { name: "北京华信科技有限公司", contact: "王敏", phone: "13800138000", sales: 1_200_000, urgency: "迫切", first: date, address: null, owner: "张三" },
    { name: "上海申达物流有限责任公司", contact: "赵六", phone: "13600136000", sales: 82_500, urgency: "迫切", first: date, address: null, owner: "李四" },
    { name: "杭州新禾贸易有限公司", contact: "钱七", phone: "13600136000", sales: 5_000, urgency: "一般", first: date, address: null, owner: "王五" },
    { name: "成都蓉新建材有限公司", contact: "孙八", phone: "13600136000", sales: 200_000, urgency: "一般", first: date, address: null, owner: "王五" },
    // Formula-like text stays text: never a formula in the register.
    { name: '=HYPERLINK("http://evil.example","点我")', contact: "@SUM(A1)", phone: "13500135000", sales: 30_000, urgency: "一般", first: serialFromYmd(2026, 10, 1), address: null, owner: "张三" },
    // The unreadable cells are left blank; the row is imported.
    { name: "深圳宏图电子有限公司", contact: "周九", phone: null, sales: null, urgency: null, first: null, address: null, owner: "赵六" },
  ]);
  expect(rows[4]["备注"]).toBe("=1+1");
  // The credit code has no column of its own: it goes into 备注, not lost.
  expect(String(rows[0]["备注"])).toContain("91110108MA01ABCD2X");
  expect(errors).toEqual([]);
  expect(outsideRequestsOfOurs(blocked)).toEqual([]);
  await page.context().close();
});

test("in English the page, the register's columns and the drop-down words are English, and the source's words are mapped onto its own", async () => {
  const { page, errors } = await pane.open("?lang=en-US&page=import", { locale: "en-US" });
  await page.getByTestId("import-page").waitFor();
  expect(await page.getByRole("radio", { name: "Customer register" }).isChecked()).toBe(true);
  await page.getByTestId("import-file-input").setInputFiles({ name: "export.csv", mimeType: "text/csv", buffer: Buffer.from(messyCustomersCsv()) });
  await page.getByTestId("import-mapping").waitFor();
  expect(await mappedTo(page, "单位名称")).toBe("Customer");
  expect(await mappedTo(page, "紧急程度")).toBe("Urgency");
  // A register column takes one source column: mapping another onto it leaves the first out, listed.
  await page.getByRole("combobox", { name: "联系人" }).selectOption({ label: "Customer" });
  expect(await mappedTo(page, "单位名称")).toBe("Do not import");
  expect(await page.getByTestId("unmapped-columns").textContent()).toBe("Not imported: 单位名称");
  await page.getByRole("combobox", { name: "单位名称" }).selectOption({ label: "Customer" });
  await page.getByRole("combobox", { name: "联系人" }).selectOption({ label: "Contact" });
  expect(await page.getByTestId("unmapped-columns").textContent()).toBe("Every column is imported.");
  expect(await page.getByTestId("import-counts").textContent()).toBe("8 rows to import; 4 cells could not be read; 2 groups of possible duplicates.");
  const group = page.getByTestId("group-0");
  expect(await group.locator("label").allTextContents()).toEqual([
    "Keep both (import them all)",
    "Merge into one row (the first, its blanks filled from the others)",
    "Skip (import none of this group's rows)",
  ]);
  await page.getByTestId("decide-all-skip").click();
  const file = await saveDownload(page, "import-button", path.join(downloads, "customers-en.xlsx"));
  // Rows 8 and 9, in no group; 一般 in the source is the English register's word.
  const rows = await registerRows(file, "Customer Register", "Customer");
  expect(rows.map((row) => [row["Customer"], row["Urgency"], row["Annual sales"]])).toEqual([
    ['=HYPERLINK("http://evil.example","点我")', "Normal", 30_000],
    ["深圳宏图电子有限公司", null, null],
  ]);
  expect(errors).toEqual([]);
  await page.context().close();
});
