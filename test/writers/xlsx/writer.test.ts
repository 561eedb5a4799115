import ExcelJS from "exceljs";
import JSZip from "jszip";
import { buildTemplates } from "../../../src/templates";
import { NO_NAMES } from "../../../src/spec/naming";
import { quoteSheet } from "../../../src/spec/a1";
import { inspectXlsx, writeXlsx } from "../../../src/writers/xlsx";
import { unescapeXml } from "../../../src/writers/ooxml";
import { quoteBuiltInNames } from "../../../src/writers/xlsx/printTitles";

const weekly = { template: "weekly", options: { rep: "张三", year: 2026, week: 48 } } as const;
const customers = { template: "customers", options: { blankRows: 3 } } as const;

/** A workbook a user already has: data, a table with a calculated column, a constant name. */
async function userWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("周计划-张三-2026W48");
  ws.getCell("A1").value = "我的数据";
  ws.getCell("B1").value = 42;
  wb.addWorksheet("Other").getCell("C3").value = { formula: "1+1" };
  const first = await wb.xlsx.writeBuffer();
  const zip = await JSZip.loadAsync(first);
  const book = await zip.file("xl/workbook.xml")!.async("string");
  zip.file("xl/workbook.xml", book.replace("</sheets>", '</sheets><definedNames><definedName name="Rate">0.13</definedName></definedNames>'));
  return zip.generateAsync({ type: "uint8array" });
}

const partText = async (bytes: Uint8Array, pattern: RegExp): Promise<string> => {
  const zip = await JSZip.loadAsync(bytes);
  const texts = await Promise.all(zip.file(pattern).map((f) => f.async("string")));
  return texts.join("\n");
};

describe("xlsx writer", () => {
  test("adds sheets to an existing workbook without touching its sheets or names", async () => {
    const existing = await userWorkbook();
    const names = await inspectXlsx(existing);
    expect(names).toEqual({ sheets: ["周计划-张三-2026W48", "Other"], tables: [], names: ["Rate"] });
    const specs = buildTemplates([weekly], { locale: "zh-CN", existing: names });
    expect(specs[0].name).toBe("周计划-张三-2026W48 (2)");
    const out = await writeXlsx(specs, existing);
    expect((await inspectXlsx(out)).sheets).toEqual(["周计划-张三-2026W48", "Other", "周计划-张三-2026W48 (2)"]);
    expect(await partText(out, /^xl\/worksheets\/sheet1\.xml$/)).toMatch(/<c r="B1"[^>]*><v>42<\/v><\/c>/);
    expect(await partText(out, /^xl\/workbook\.xml$/)).toContain('<definedName name="Rate">0.13</definedName>');
    expect((await inspectXlsx(out)).names).toEqual(expect.arrayContaining(["Rate", "SP_W1_TEMPLATE", "SP_W1_SALES_TARGET"]));
  });

  test("refuses a sheet name the workbook already has instead of overwriting it", async () => {
    const existing = await userWorkbook();
    const specs = buildTemplates([weekly], { locale: "zh-CN", existing: NO_NAMES });
    await expect(writeXlsx(specs, existing)).rejects.toThrow(/already exists/);
  });

  test("writes calculated-column and totals formulas into the table parts", async () => {
    const specs = buildTemplates([customers, weekly], { locale: "zh-CN", existing: NO_NAMES });
    const tables = await partText(await writeXlsx(specs), /^xl\/tables\/.+\.xml$/);
    // The first data row's text, its own cells as addresses (rowFormulas.ts).
    expect(tables).toContain("<calculatedColumnFormula>IF($K5=&quot;&quot;");
    expect(tables).toContain("<totalsRowFormula>SUBTOTAL(109,SP_W1_Expenses[[金额]])</totalsRowFormula>");
  });

  test("keeps calculated columns of existing tables through a round trip", async () => {
    const first = await writeXlsx(buildTemplates([customers], { locale: "zh-CN", existing: NO_NAMES }));
    const second = await writeXlsx(buildTemplates([weekly], { locale: "zh-CN", existing: await inspectXlsx(first) }), first);
    const count = async (bytes: Uint8Array) => (await partText(bytes, /^xl\/tables\/.+\.xml$/)).split("<calculatedColumnFormula>").length - 1;
    // customers: 7 register (ABC, 建议等级, 需求等级, 拜访等级, 最近拜访, 近14天, 下次拜访) + 5 summary columns; the
    // weekly plan adds the 达成率 columns of its two targets tables (¥ metrics and counts) and its daily plan's 星期.
    expect(await count(first)).toBe(12);
    expect(await count(second)).toBe(15);
  });

  test("native duplicate rule, name comments, frozen panes and print setup", async () => {
    const bytes = await writeXlsx(buildTemplates([customers], { locale: "en-US", existing: NO_NAMES }));
    const sheets = await partText(bytes, /^xl\/worksheets\/sheet1\.xml$/);
    expect(sheets.match(/<cfRule type="duplicateValues"/g)?.length).toBe(2);
    expect(sheets).toMatch(/<pane [^>]*state="frozen"/);
    expect(sheets).toMatch(/<pageSetup [^>]*orientation="landscape"/);
    expect(sheets).toMatch(/<dataValidation [^>]*type="list"/);
    const workbook = await partText(bytes, /^xl\/workbook\.xml$/);
    expect(workbook).toMatch(/<definedName comment="Class A cumulative share up to" name="SP_C1_ABC_A">/);
    expect(workbook).toContain("_xlnm.Print_Titles");
  });

  test("print titles of a sheet named with an apostrophe are quoted as Excel reads them, new sheets and kept ones alike", async () => {
    const obrien = { template: "weekly", options: { rep: "O'Brien", year: 2026, week: 48 } } as const;
    const [spec] = buildTemplates([obrien], { locale: "en-US", existing: NO_NAMES });
    expect(spec.name).toContain("O'Brien");
    expect(spec.print.repeatRows).toBeDefined();
    const titles = async (bytes: Uint8Array) =>
      [...(await partText(bytes, /^xl\/workbook\.xml$/)).matchAll(/<definedName name="_xlnm\.Print_Titles"[^>]*>([^<]*)</g)].map((m) => unescapeXml(m[1]));
    const bytes = await writeXlsx([spec]);
    const rows = `$${spec.print.repeatRows!.first + 1}:$${spec.print.repeatRows!.last + 1}`;
    expect(await titles(bytes)).toEqual([`${quoteSheet(spec.name)}!${rows}`]);
    expect(quoteSheet(spec.name)).toContain("O''Brien");
    // exceljs reads the file back and writes the kept sheet's titles again when sheets are added.
    const more = await writeXlsx(buildTemplates([customers], { locale: "en-US", existing: { sheets: [spec.name], tables: [], names: [] } }), bytes);
    expect((await titles(more)).filter((t) => t.includes("Brien"))).toEqual([`${quoteSheet(spec.name)}!${rows}`]);
  });

  test("quoteBuiltInNames re-quotes only print titles and areas of sheets whose names hold an apostrophe", () => {
    const xml =
      '<sheets><sheet name="Plain" sheetId="1"/><sheet name="O&apos;Brien" sheetId="2"/></sheets><definedNames>' +
      '<definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;Plain&apos;!$1:$2</definedName>' +
      '<definedName name="_xlnm.Print_Titles" localSheetId="1">&apos;O&apos;Brien&apos;!$1:$5</definedName>' +
      '<definedName localSheetId="1" name="_xlnm.Print_Area">&apos;O&apos;Brien&apos;!$A$1:$C$9</definedName>' +
      '<definedName name="Other">&apos;O&apos;Brien&apos;!$A$1</definedName></definedNames>';
    const fixed = quoteBuiltInNames(xml);
    expect(fixed).toContain('<definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;Plain&apos;!$1:$2</definedName>');
    expect(fixed).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="1">'O''Brien'!$1:$5</definedName>`);
    expect(fixed).toContain(`<definedName localSheetId="1" name="_xlnm.Print_Area">'O''Brien'!$A$1:$C$9</definedName>`);
    expect(fixed).toContain('<definedName name="Other">&apos;O&apos;Brien&apos;!$A$1</definedName>');
    expect(quoteBuiltInNames(fixed)).toBe(fixed);
  });

  test("every conditional-format rule of a sheet has its own priority, in the order the rules are written", async () => {
    const bytes = await writeXlsx(buildTemplates([customers, { template: "contracts", options: { statsYear: 2026 } }, weekly], { locale: "zh-CN", existing: NO_NAMES }));
    const zip = await JSZip.loadAsync(bytes);
    let checked = 0;
    for (const part of zip.file(/^xl\/worksheets\/sheet\d+\.xml$/)) {
      const priorities = [...(await part.async("string")).matchAll(/<cfRule\b[^>]*\bpriority="(\d+)"/g)].map((m) => Number(m[1]));
      expect(priorities).toEqual(priorities.map((_, i) => i + 1));
      if (priorities.length > 1) checked++;
    }
    expect(checked).toBeGreaterThan(1);
  });
});
