/**
 * Issue 13 on the command line: `sales-planner import` of the messy lists sales offices have (a CSV saved
 * by Chinese Excel in GBK, an .xlsx with a title row and merged group headers) into a new workbook and
 * into one that already holds a register — outcomes asserted cell by cell, the held duplicates and
 * unreadable cells on the 导入复核 sheet, the register's formulas recalculated by LibreOffice, the source
 * untouched, and a failed import leaving the workbook byte for byte as it was.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { serialFromYmd } from "../../src/domain/calendar";
import { NO_NAMES } from "../../src/spec/naming";
import { buildTemplates } from "../../src/templates";
import { tableParts, XlsxPackage } from "../../src/writers/ooxml";
import { readTableContents } from "../../src/writers/ooxml/appendRows";
import { inspectXlsx, writeXlsx } from "../../src/writers/xlsx";
import { customerRows } from "../fixtures/customers";
import { csvText, gb18030Bytes, messyCustomersCsv, messyCustomersXlsx } from "../fixtures/messy";
import { errorCells, recalcXlsx } from "../support/libreoffice";
import { expectValidXlsxAll } from "../support/ooxmlGate";
import { runCli } from "../support/cli";

jest.setTimeout(300_000);

const dir = mkdtempSync(join(tmpdir(), "sp-import-"));
const file = (name: string, data?: Uint8Array | string): string => {
  const path = join(dir, name);
  if (data !== undefined) writeFileSync(path, data);
  return path;
};
const bytes = (path: string) => new Uint8Array(readFileSync(path));

/** The register's rows as objects by header, without the trailing blank rows. */
async function registerRows(path: string, table: string): Promise<Record<string, unknown>[]> {
  const contents = await readTableContents(await XlsxPackage.load(bytes(path)), table);
  return contents.rows
    .filter((row) => row.some((v, i) => v !== null && v !== "" && contents.headers[i] !== "ABC等级"))
    .map((row) => Object.fromEntries(contents.headers.map((h, i) => [h, row[i]])));
}

/** The raw XML of the sheet holding `table`'s rows, to see how a cell is stored (text or formula). */
async function sheetXmlOf(path: string, sheet: string): Promise<string> {
  const pkg = await XlsxPackage.load(bytes(path));
  const entry = (await pkg.sheets()).find((s) => s.name === sheet)!;
  return (await pkg.text(entry.path!))!;
}

const d = (y: number, m: number, day: number) => serialFromYmd(y, m, day);

test("a GB18030 CSV into a new workbook: mapping printed, rows cleaned, duplicates held on 导入复核, hostile text stays text", async () => {
  const source = file("crm.csv", messyCustomersCsv());
  const out = file("new.xlsx");
  const run = await runCli("import", "customers", "--from", source, "--out", out);
  expect(run.code).toBe(0);
  // The mapping it used, onto the register's headers, on stderr with the problems.
  expect(run.err).toContain("单位名称 → 客户名称");
  expect(run.err).toContain("手机 → 电话");
  expect(run.err).toContain("年销售额（万元） → 年交易额");
  expect(run.err).toContain("紧急程度 → 需求迫切度");
  expect(run.err).toContain("4 处内容无法识别");
  expect(run.err).toMatch(/第 9 行「年销售额（万元）」的“一百万”/);
  expect(run.out).toContain('已新建"客户资源登记表"');
  expect(run.out).toContain("已导入 2 行");
  expect(run.out).toContain("2 组疑似重复(共 6 个导入行)未导入");
  expect(bytes(source)).toEqual(messyCustomersCsv());

  const rows = await registerRows(out, "SP_C1_Customers");
  expect(rows).toHaveLength(2);
  expect(rows[0]).toMatchObject({
    客户名称: '=HYPERLINK("http://evil.example","点我")',
    联系人: "@SUM(A1)",
    电话: "13500135000",
    年交易额: 30000,
    需求迫切度: "一般",
    首次接触日期: d(2026, 10, 1),
    地址: "-1+2",
    负责人: "张三",
    备注: "=1+1",
  });
  // The unreadable cells are blank, the rest of the row is there.
  expect(rows[1]).toMatchObject({ 客户名称: "深圳宏图电子有限公司", 联系人: "周九", 地址: "深圳市南山区", 负责人: "赵六" });
  for (const header of ["电话", "年交易额", "需求迫切度", "首次接触日期"]) expect(rows[1][header] ?? null).toBeNull();
  // Stored as inline text, never as a formula.
  const xml = await sheetXmlOf(out, "客户资源登记表");
  expect(xml).not.toMatch(/<f[^>]*>[^<]*HYPERLINK/);
  expect(xml).toContain("=HYPERLINK(&quot;http://evil.example&quot;,&quot;点我&quot;)");

  // The held rows, cleaned, in the register's columns, each with where it came from.
  const review = await readTableContents(await XlsxPackage.load(bytes(out)), "SP_R1_Review");
  const held = review.rows.map((row) => Object.fromEntries(review.headers.map((h, i) => [h, row[i]])));
  expect(held.map((r) => [r["组"], r["疑似原因"], r["来源"], r["客户名称"]])).toEqual([
    [1, "公司名称相同", "本次导入 第 2 行", "北京华信科技有限公司"],
    [1, "公司名称相同", "本次导入 第 3 行", "华信科技（北京）有限公司"],
    [1, "公司名称相同", "本次导入 第 4 行", "华信科技股份有限公司"],
    [2, "电话相同", "本次导入 第 5 行", "上海申达物流有限责任公司"],
    [2, "电话相同", "本次导入 第 6 行", "杭州新禾贸易有限公司"],
    [2, "电话相同", "本次导入 第 7 行", "成都蓉新建材有限公司"],
  ]);
  expect(held.map((r) => [r["电话"], r["年交易额"], r["首次接触日期"], r["需求迫切度"]])).toEqual([
    ["13800138000", 1_200_000, d(2026, 11, 28), "迫切"],
    ["13900139000", 15_000, d(2026, 11, 2), "一般"],
    ["13700137000", null, d(2026, 3, 9), "潜在"],
    ["13600136000", 82_500, d(2026, 11, 28), "迫切"],
    ["13600136000", 5_000, d(2026, 11, 28), "一般"],
    ["13600136000", 200_000, d(2026, 11, 28), "一般"],
  ]);
  const problems = await readTableContents(await XlsxPackage.load(bytes(out)), "SP_R1_Problems");
  expect(problems.rows.map((r) => [r[0], r[1], r[2]])).toEqual([
    [9, "手机", "电话待补"],
    [9, "年销售额（万元）", "一百万"],
    [9, "紧急程度", "马上"],
    [9, "首次接触", "下周"],
  ]);

  // The register works: LibreOffice recalculates it without an error, the imported rows get their ABC tier.
  const [book] = await recalcXlsx([out]);
  expect(errorCells(book)).toEqual([]);
  await expectValidXlsxAll([{ label: "import into a new workbook", bytes: bytes(out) }]);
});

test("an .xlsx with a title row and merged headers, into a workbook with a register: appended under its rows, checked against them, other parts unchanged", async () => {
  const existing = customerRows(30, "zh-CN").map((row, i) => (i === 4 ? { ...row, name: "华信科技有限公司", phone: null } : row));
  const before = await writeXlsx(buildTemplates([{ template: "customers", options: { rows: existing, blankRows: 5 } }, { template: "weekly", options: { rep: "张三", year: 2026, week: 48 } }], { locale: "zh-CN", existing: NO_NAMES }));
  const out = file("existing.xlsx", before);
  const source = file("list.xlsx", await messyCustomersXlsx());
  const sourceBytes = bytes(source);
  const run = await runCli("import", "customers", "--from", source, "--out", out, "--map", "业务员=", "--lang", "en-US");
  expect(run.code).toBe(0);
  expect(run.err).toContain("Columns not imported: 业务员");
  expect(run.err).toContain("单位名称 → 客户名称");
  expect(run.out).toContain("Imported 2 rows");
  expect(bytes(source)).toEqual(sourceBytes);

  const rows = await registerRows(out, "SP_C1_Customers");
  expect(rows).toHaveLength(32);
  expect(rows.slice(0, 30).map((r) => r["客户编号"])).toEqual(existing.map((r) => r.id));
  // Typed as the hand-kept sheet has them: a real date, a number in 万元.
  expect(rows[30]).toMatchObject({ 客户名称: '=HYPERLINK("http://evil.example","点我")', 年交易额: 30000, 首次接触日期: d(2026, 10, 1) });
  expect(rows[30]["负责人"] ?? null).toBeNull();

  // 华信科技 is held with the register's row it resembles; the review names that row.
  const review = await readTableContents(await XlsxPackage.load(bytes(out)), "SP_R1_Review");
  const origins = review.rows.map((r) => [r[0], r[3]]);
  expect(origins.filter(([group]) => group === 1)).toEqual([
    [1, "register, record 5"],
    [1, "import, row 4"],
    [1, "import, row 5"],
    [1, "import, row 6"],
  ]);
  // In the register's columns as the register heads them, so the rows can be copied under it.
  expect(review.headers.slice(4, 6)).toEqual(["客户编号", "客户名称"]);

  // Everything but the register's sheet and table, workbook.xml and what a new sheet adds is as it was.
  const beforeZip = await JSZip.loadAsync(before);
  const afterZip = await JSZip.loadAsync(bytes(out));
  const weekly = (await inspectXlsx(before)).sheets.indexOf("周计划-张三-2026W48") + 1;
  for (const path of Object.keys(beforeZip.files).filter((p) => p.startsWith(`xl/worksheets/sheet${weekly}.`) || p.startsWith("xl/theme/"))) {
    expect(await afterZip.file(path)?.async("string")).toBe(await beforeZip.file(path)?.async("string"));
  }
  const [book] = await recalcXlsx([out]);
  expect(errorCells(book)).toEqual([]);
});

test("a register whose 电话 column was renamed: the phones would have nowhere to go, so nothing is written and the message says what to do", async () => {
  const written = await writeXlsx(buildTemplates([{ template: "customers", options: { rows: customerRows(3, "zh-CN") } }], { locale: "zh-CN", existing: NO_NAMES }));
  const pkg = await XlsxPackage.load(written);
  const [part] = await tableParts(pkg, (name) => name === "SP_C1_Customers");
  pkg.write(part.path, (await pkg.text(part.path))!.replace('name="电话"', 'name="手机号"'));
  pkg.write(part.sheetPath, (await pkg.text(part.sheetPath))!.replace("<t>电话</t>", "<t>手机号</t>"));
  const out = file("renamed.xlsx", await pkg.save());
  const before = bytes(out);
  const run = await runCli("import", "customers", "--from", file("crm3.csv", messyCustomersCsv()), "--out", out);
  expect(run.code).toBe(2);
  expect(run.err).toContain("手机 → 电话");
  expect(run.err).toContain("--map 源列=");
  expect(bytes(out)).toEqual(before);
  // Left out as the message says, the rest goes in.
  const without = await runCli("import", "customers", "--from", file("crm3.csv"), "--out", out, "--map", "手机=");
  expect(without.code).toBe(0);
});

test("visits by customer name get the register's IDs; an unknown name is listed and its row held back", async () => {
  const out = file("visits.xlsx", await writeXlsx(buildTemplates([{ template: "customers", options: { rows: customerRows(10, "zh-CN") } }, { template: "visits", options: { blankRows: 5 } }], { locale: "zh-CN", existing: NO_NAMES })));
  const source = file("visits.csv", gb18030Bytes(csvText([["拜访日期", "业务员", "客户", "拜访方式", "拜访目的"], ["2026/11/20", "张三", "客户3有限公司", "面访", "送样"], ["2026-11-21", "李四", "（上海）客户5股份有限公司", "电话", "回访"], ["2026-11-22", "李四", "不存在的公司", "微信", ""]])));
  const run = await runCli("import", "visits", "--from", source, "--out", out);
  expect(run.code).toBe(0);
  expect(run.err).toContain("不存在的公司");
  const rows = await registerRows(out, "SP_V1_Visits");
  expect(rows.map((r) => [r["日期"], r["销售代表"], r["客户编号"], r["方式"]])).toEqual([
    [d(2026, 11, 20), "张三", "KH00003", "上门"],
    [d(2026, 11, 21), "李四", "KH00005", "电话"],
  ]);
  expect(run.err).toContain("这一行未导入");
});

test("visits take their IDs from the register the log reads, not from a register written after it", async () => {
  const first = await writeXlsx(buildTemplates([{ template: "customers", options: { rows: customerRows(10, "zh-CN") } }, { template: "visits", options: { blankRows: 5 } }], { locale: "zh-CN", existing: NO_NAMES }));
  // A second register listing the same customers under other IDs, written later: the workbook's newest.
  const others = customerRows(10, "zh-CN").map((row) => ({ ...row, id: String(row.id).replace("KH", "ZZ") }));
  const out = file("two-registers.xlsx", await writeXlsx(buildTemplates([{ template: "customers", options: { rows: others } }], { locale: "zh-CN", existing: await inspectXlsx(first) }), first));
  expect((await inspectXlsx(readFileSync(out))).tables).toEqual(expect.arrayContaining(["SP_C1_Customers", "SP_C2_Customers", "SP_V1_Visits"]));
  const source = file("visits2.csv", gb18030Bytes(csvText([["拜访日期", "业务员", "客户", "拜访方式"], ["2026/11/20", "张三", "客户3有限公司", "面访"]])));
  const run = await runCli("import", "visits", "--from", source, "--out", out);
  expect(run.code).toBe(0);
  // The log's 客户名称 looks the ID up in SP_C1_Customers (its SP_V1_REGISTER_ID): an ID from SP_C2 would show no name.
  expect((await registerRows(out, "SP_V1_Visits")).map((r) => r["客户编号"])).toEqual(["KH00003"]);
});

test("bad usage exits 2 in both languages; a failed import leaves the workbook byte for byte as it was", async () => {
  const source = file("crm2.csv", messyCustomersCsv());
  for (const [argv, mention] of [
    [["import", "clients", "--from", source, "--out", file("x.xlsx")], "clients"],
    [["import", "customers", "--out", file("x.xlsx")], "--from"],
    [["import", "customers", "--from", file("list.txt"), "--out", file("x.xlsx")], "list.txt"],
    [["import", "customers", "--from", source, "--out", file("x.xlsx"), "--map", "无此列=电话"], "无此列"],
    [["import", "customers", "--from", source, "--out", file("x.xlsx"), "--map", "手机=无此列"], "无此列"],
    [["import", "customers", "--from", source, "--out", file("x.xlsx"), "--map", "手机"], "手机"],
    [["import", "customers", "--from", source, "--out", file("x.xlsx"), "--sheet", "Sheet1"], "--sheet"],
  ] as const) {
    const run = await runCli(...argv);
    expect(run.code).toBe(2);
    expect(run.err).toContain(mention);
    expect(run.err).toMatch(/[\u4e00-\u9fff]/);
    expect(run.err).toMatch(/[A-Za-z]{4,} /);
  }
  // The mapping leaves the key out, or matches nothing: refused before anything is written.
  const phonesOnly = file("phones.csv", "手机,备注\r\n13800138000,老客户\r\n");
  const keyless = await runCli("import", "customers", "--from", phonesOnly, "--out", file("never.xlsx"));
  expect([keyless.code, keyless.err.includes("客户名称"), existsSync(file("never.xlsx"))]).toEqual([2, true, false]);
  const strange = await runCli("import", "customers", "--from", file("strange.csv", "foo,bar\r\n1,2\r\n"), "--out", file("never.xlsx"));
  expect([strange.code, strange.err.includes("foo、bar"), existsSync(file("never.xlsx"))]).toEqual([2, true, false]);
  // A workbook is never its own source: the source is not changed.
  const self = file("self.xlsx", await messyCustomersXlsx());
  const selfBytes = bytes(self);
  expect((await runCli("import", "customers", "--from", self, "--out", self)).code).toBe(2);
  expect(bytes(self)).toEqual(selfBytes);

  const sheetRun = await runCli("import", "customers", "--from", file("list2.xlsx", await messyCustomersXlsx()), "--sheet", "没有这张表", "--out", file("x.xlsx"));
  expect(sheetRun.code).not.toBe(0);
  expect(sheetRun.err).toContain("客户名单");

  // Content right under the register's table: growing it would overwrite the user's cell, so nothing is written.
  const written = await writeXlsx(buildTemplates([{ template: "customers", options: { rows: customerRows(3, "zh-CN"), blankRows: 1 } }], { locale: "zh-CN", existing: NO_NAMES }));
  const pkg = await XlsxPackage.load(written);
  const [part] = await tableParts(pkg, (name) => name === "SP_C1_Customers");
  const xml = (await pkg.text(part.sheetPath))!;
  // A user's note in the first row under the table (1-based row = last 0-based row + 2).
  const below = part.range.to.row + 2;
  expect(xml).not.toContain(`<row r="${below}"`);
  pkg.write(part.sheetPath, xml.replace("</sheetData>", `<row r="${below}"><c r="A${below}" t="inlineStr"><is><t>用户的备注</t></is></c></row></sheetData>`));
  const blocked = file("blocked.xlsx", await pkg.save());
  const original = bytes(blocked);
  const run = await runCli("import", "customers", "--from", source, "--out", blocked);
  expect(run.code).toBe(1);
  expect(run.err).toContain(`A${below}`);
  expect(bytes(blocked)).toEqual(original);
});
