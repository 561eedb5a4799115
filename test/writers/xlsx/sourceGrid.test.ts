import ExcelJS from "exceljs";
import { serialFromYmd } from "../../../src/domain/calendar";
import { readSourceGrid, SourceGridError } from "../../../src/writers/xlsx/sourceGrid";

/**
 * Issue 13 item 1/7: an .xlsx a user gives as the source of an import, as exceljs writes one with a
 * title merged over the columns, a two-level merged header, dates, rich text, a formula, a hyperlink
 * and an error — read back as the plain grid the mapping and clean-up work on.
 */

const utc = (y: number, m: number, d: number, h = 0, min = 0): Date => new Date(Date.UTC(y, m - 1, d, h, min));

async function messyWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const hidden = wb.addWorksheet("说明");
  hidden.state = "hidden";
  hidden.getCell("A1").value = "不是数据";
  const ws = wb.addWorksheet("客户导出");
  ws.getCell("A1").value = "客户清单（2026 年 11 月导出）";
  ws.mergeCells("A1:G1");
  ws.getCell("A2").value = "基本信息";
  ws.mergeCells("A2:C2");
  ws.getCell("D2").value = "联系方式";
  ws.mergeCells("D2:E2");
  ws.getCell("F2").value = "年销售额(万元)";
  ws.mergeCells("F2:F3");
  ws.getCell("G2").value = "备注";
  ws.mergeCells("G2:G3");
  ["公司名称", "区域", "首次接触日期", "联系人", "电话"].forEach((h, i) => (ws.getCell(3, i + 1).value = h));
  ws.getCell("A4").value = { richText: [{ text: "上海", font: { bold: true } }, { text: "某某（中国）有限公司" }] };
  ws.getCell("B4").value = "华东";
  ws.getCell("C4").value = utc(2026, 11, 28);
  ws.getCell("C4").numFmt = "yyyy-mm-dd";
  ws.getCell("D4").value = { text: "王经理", hyperlink: "mailto:wang@example.com" };
  ws.getCell("E4").value = 13812345678;
  ws.getCell("F4").value = { formula: "12.5*2", result: 25 };
  ws.getCell("G4").value = { formula: "NA()", result: { error: "#N/A" } };
  ws.getCell("A5").value = '=HYPERLINK("http://x","y")';
  ws.getCell("C5").value = utc(2026, 3, 1, 12, 0);
  ws.getCell("C5").numFmt = "yyyy-mm-dd hh:mm";
  ws.getCell("F5").value = { formula: "F4+1", result: 26 };
  ws.getCell("B7").value = true;
  const other = wb.addWorksheet("Sheet2");
  other.getCell("B2").value = 1;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

let bytes: Uint8Array;
beforeAll(async () => {
  bytes = await messyWorkbook();
});

test("the first visible sheet, cell by cell: title and header merges once, dates as serials, rich text, hyperlink, cached results, errors as text", async () => {
  const { grid, sheet, sheets } = await readSourceGrid(bytes);
  expect(sheet).toBe("客户导出");
  expect(sheets).toEqual(["说明", "客户导出", "Sheet2"]);
  const N = null;
  expect(grid).toEqual([
    ["客户清单（2026 年 11 月导出）", N, N, N, N, N, N],
    ["基本信息", N, N, "联系方式", N, "年销售额(万元)", "备注"],
    ["公司名称", "区域", "首次接触日期", "联系人", "电话", N, N],
    ["上海某某（中国）有限公司", "华东", serialFromYmd(2026, 11, 28), "王经理", 13812345678, 25, "#N/A"],
    ['=HYPERLINK("http://x","y")', N, serialFromYmd(2026, 3, 1) + 0.5, N, N, 26, N],
    [N, N, N, N, N, N, N],
    [N, true, N, N, N, N, N],
  ]);
});

test("a sheet by name; an unknown name is refused naming the sheets there are, in both languages", async () => {
  expect((await readSourceGrid(bytes, "Sheet2")).grid).toEqual([[null, null], [null, 1]]);
  expect((await readSourceGrid(bytes, "sheet2")).sheet).toBe("Sheet2");
  const error = await readSourceGrid(bytes, "客户", "export.xlsx").catch((e: unknown) => e);
  expect(error).toBeInstanceOf(SourceGridError);
  expect((error as SourceGridError).code).toBe("unknownSheet");
  expect((error as SourceGridError).localized("zh-CN")).toBe("“export.xlsx”中没有名为“客户”的工作表。现有的工作表：“说明”、“客户导出”、“Sheet2”。");
  expect((error as SourceGridError).localized("en-US")).toBe('"export.xlsx" has no sheet named "客户". Its sheets: "说明", "客户导出", "Sheet2".');
});

test("bytes that are not an .xlsx (a CSV renamed, a truncated file) are refused with the workbook refusal's words", async () => {
  const csv = new TextEncoder().encode("公司名称,电话\n甲公司,138\n");
  for (const [data, file] of [[csv, "客户.xlsx"], [bytes.subarray(0, bytes.length - 200), undefined]] as const) {
    const error = await readSourceGrid(data, undefined, file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceGridError);
    expect((error as SourceGridError).code).toBe("notWorkbook");
    expect((error as SourceGridError).localized("zh-CN")).toBe(`“${file ?? "源文件"}”不是 Excel 工作簿（.xlsx），或文件已损坏。`);
    expect((error as SourceGridError).localized("en-US")).toBe(`"${file ?? "the source file"}" is not an Excel workbook (.xlsx), or the file is damaged.`);
  }
});

test("a sheet holding a table with a calculated column (what exceljs's reader throws on, exceljs#1240) reads as its cells", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("登记表");
  ws.addTable({
    name: "Customers",
    ref: "A1",
    headerRow: true,
    columns: [{ name: "客户名称", filterButton: true }, { name: "年交易额", filterButton: true }, { name: "万元", filterButton: true }],
    rows: [
      ["甲公司", 120000, { formula: "B2/10000", result: 12 }],
      ["乙公司", 50000, { formula: "B3/10000", result: 5 }],
    ],
  });
  const { grid } = await readSourceGrid(new Uint8Array(await wb.xlsx.writeBuffer()));
  expect(grid).toEqual([
    ["客户名称", "年交易额", "万元"],
    ["甲公司", 120000, 12],
    ["乙公司", 50000, 5],
  ]);
});

test("formulas without a stored result are refused, naming the cells, in both languages — never read as blanks", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("名单");
  ws.addRow(["客户名称", "年交易额"]);
  ws.addRow(["甲公司", { formula: "1+1" }]);
  try {
    await readSourceGrid(new Uint8Array(await wb.xlsx.writeBuffer()), undefined, "名单.xlsx");
    throw new Error("read");
  } catch (error) {
    expect(error).toBeInstanceOf(SourceGridError);
    expect((error as SourceGridError).localized("zh-CN")).toContain("B2");
    expect((error as SourceGridError).localized("zh-CN")).toContain("保存后再导入");
    expect((error as SourceGridError).localized("en-US")).toContain("“名单.xlsx”".replace(/[“”]/g, '"'));
  }
});

test("a 1904-based workbook's dates read as the 1900-based serials the register holds; plain numbers are not shifted", async () => {
  const wb = new ExcelJS.Workbook();
  wb.properties.date1904 = true;
  const ws = wb.addWorksheet("旧表");
  ws.addRow(["首次接触", "年交易额"]);
  ws.addRow([utc(2026, 11, 28), 30000]);
  ws.getCell("A2").numFmt = "yyyy/m/d";
  const { grid } = await readSourceGrid(new Uint8Array(await wb.xlsx.writeBuffer()));
  expect(grid[1]).toEqual([serialFromYmd(2026, 11, 28), 30000]);
});
