/**
 * Issue 17 item 4: collecting reps' files at team size. The team workbook's styles part no longer
 * grows with every rep — an incoming style equal to one the team workbook has is shared, not appended
 * again — yet every copied cell, row, column and conditional format still shows exactly the format it
 * has in the rep's file; and the parts every rep is listed in (workbook.xml, its relationships,
 * [Content_Types].xml, docProps/app.xml, the styles) are written once per collection, not once per
 * rep, which made 300 reps quadratic.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { NO_NAMES } from "../../../src/spec/naming";
import { buildMonthlyPlan } from "../../../src/templates/monthlyPlan";
import { buildWeeklyPlan } from "../../../src/templates/weeklyPlan";
import { attr, elements, openTags, REL, removeAttr, XlsxPackage } from "../../../src/writers/ooxml";
import { writeXlsx } from "../../../src/writers/xlsx";
import { mergeRepWorkbooks, type MergeResult, type RepFile } from "../../../src/writers/xlsx/mergeWorkbooks";
import { expectValidXlsx } from "../../support/ooxmlGate";
import { repoRoot } from "../../support/paths";

jest.setTimeout(120_000);

const STYLE_LISTS = { numFmts: "numFmt", fonts: "font", fills: "fill", borders: "border", cellXfs: "xf", dxfs: "dxf" } as const;

async function stylesXml(pkg: XlsxPackage): Promise<string> {
  const path = await pkg.workbookPart(REL.styles);
  return (path && (await pkg.text(path))) ?? "";
}

const list = (xml: string, name: keyof typeof STYLE_LISTS): string[] => elements(elements(xml, name)[0]?.[0] ?? "", STYLE_LISTS[name]).map((m) => m[0]);

/** How many entries each list of the workbook's styles part has. */
async function styleCounts(data: Uint8Array): Promise<Record<string, number>> {
  const xml = await stylesXml(await XlsxPackage.load(data));
  return Object.fromEntries(Object.keys(STYLE_LISTS).map((name) => [name, list(xml, name as keyof typeof STYLE_LISTS).length]));
}

/**
 * What each styled cell, row and column of every sheet shows, by sheet name: its cell format with the
 * number format's code, font, fill and border it points at written out (indexes differ between
 * workbooks, what they show must not), and each conditional format's differential format.
 */
async function shownFormats(data: Uint8Array): Promise<Map<string, string[]>> {
  const pkg = await XlsxPackage.load(data);
  const xml = await stylesXml(pkg);
  const [fonts, fills, borders, xfs, dxfs] = (["fonts", "fills", "borders", "cellXfs", "dxfs"] as const).map((name) => list(xml, name));
  const codes = new Map(list(xml, "numFmts").map((f) => [attr(f, "numFmtId"), attr(f, "formatCode")]));
  const shown = (index: string | undefined): string => {
    const xf = xfs[Number(index ?? 0)];
    if (xf === undefined) return `missing cell format ${index}`;
    const own = ["numFmtId", "fontId", "fillId", "borderId", "xfId"].reduce(removeAttr, xf);
    const format = attr(xf, "numFmtId") ?? "0";
    return [codes.get(format) ?? `built-in ${format}`, fonts[Number(attr(xf, "fontId") ?? 0)], fills[Number(attr(xf, "fillId") ?? 0)], borders[Number(attr(xf, "borderId") ?? 0)], own].join(" | ");
  };
  const bySheet = new Map<string, string[]>();
  for (const sheet of await pkg.sheets()) {
    const part = (sheet.path && (await pkg.text(sheet.path))) ?? "";
    bySheet.set(sheet.name, [
      // A cell without a style shows the workbook's default format, the team's once copied (as before issue 17).
      ...openTags(part, "c").filter((c) => attr(c, "s") !== undefined).map((c) => `${attr(c, "r")}: ${shown(attr(c, "s"))}`),
      ...openTags(part, "row").filter((r) => attr(r, "s") !== undefined).map((r) => `row ${attr(r, "r")}: ${shown(attr(r, "s"))}`),
      ...openTags(part, "col").filter((c) => attr(c, "style") !== undefined).map((c) => `col ${attr(c, "min")}: ${shown(attr(c, "style"))}`),
      ...openTags(part, "cfRule").map((rule) => `rule ${attr(rule, "priority")}: ${dxfs[Number(attr(rule, "dxfId"))] ?? "no dxf"}`),
    ]);
  }
  return bySheet;
}

const weekly = (rep: string): Promise<Uint8Array> => writeXlsx(buildWeeklyPlan({ rep, year: 2026, week: 48 }, { locale: "zh-CN", existing: NO_NAMES }));
const monthly = (rep: string): Promise<Uint8Array> => writeXlsx(buildMonthlyPlan({ rep, year: 2026, month: 10 }, { locale: "en-US", existing: NO_NAMES }));

let reps: RepFile[];
/** A team workbook LibreOffice saved: its own fonts, and a custom number format with the id (164) our writer's first one has. */
const foreign = new Uint8Array(readFileSync(join(repoRoot, "test/fixtures/foreign/libreoffice.xlsx")));
beforeAll(async () => {
  reps = [
    { file: "张三.xlsx", data: await weekly("张三") },
    { file: "李四.xlsx", data: await weekly("李四") },
    { file: "王五.xlsx", data: await monthly("王五") },
    { file: "赵六.xlsx", data: await weekly("赵六") },
    { file: "钱七.xlsx", data: await monthly("钱七") },
  ];
});

describe("collecting reps' files shares equal styles", () => {
  test.each([
    ["a new team workbook", undefined],
    ["a team workbook LibreOffice saved", foreign],
  ])("into %s, the styles part holds each rep's styles once however many reps' files come in", async (_label, base) => {
    const one = await mergeRepWorkbooks(base, reps.slice(0, 2));
    const all = await mergeRepWorkbooks(base, reps);
    // Two weekly plans and one monthly plan bring every style the five files have.
    const three = await mergeRepWorkbooks(base, reps.slice(0, 3));
    expect(await styleCounts(all.data)).toEqual(await styleCounts(three.data));
    const counts = await styleCounts(one.data);
    const single = await styleCounts((await mergeRepWorkbooks(base, reps.slice(0, 1))).data);
    expect(counts).toEqual(single);
  });

  test.each([
    ["a new team workbook", undefined],
    ["a team workbook LibreOffice saved", foreign],
  ])("into %s, every copied cell, row, column and conditional format shows the format it has in the rep's file", async (_label, base) => {
    const result: MergeResult = await mergeRepWorkbooks(base, reps);
    const team = await shownFormats(result.data);
    expect(result.copied).toHaveLength(reps.length);
    for (const rep of reps) {
      const own = await shownFormats(rep.data);
      for (const plan of result.copied.filter((c) => c.file === rep.file)) {
        expect(team.get(plan.toSheet)).toEqual(own.get(plan.fromSheet));
        expect(own.get(plan.fromSheet)?.length).toBeGreaterThan(20);
      }
    }
  });

  test("the team workbook's own styles keep their places, so its own cells show what they showed", async () => {
    const result = await mergeRepWorkbooks(foreign, reps);
    const before = await shownFormats(foreign);
    const after = await shownFormats(result.data);
    for (const [sheet, formats] of before) expect(after.get(sheet)).toEqual(formats);
    const was = await stylesXml(await XlsxPackage.load(foreign));
    const now = await stylesXml(await XlsxPackage.load(result.data));
    for (const name of Object.keys(STYLE_LISTS) as (keyof typeof STYLE_LISTS)[]) expect(list(now, name).slice(0, list(was, name).length)).toEqual(list(was, name));
  });

  test("the result passes the OOXML gate", async () => {
    await expectValidXlsx((await mergeRepWorkbooks(foreign, reps)).data, "five reps into a LibreOffice workbook");
  });
});

describe("collecting reps' files writes the team workbook's listing parts once", () => {
  test("workbook.xml, its relationships, the content types, app.xml and the styles are each written once for five reps", async () => {
    const write = jest.spyOn(XlsxPackage.prototype, "write");
    try {
      expect((await mergeRepWorkbooks(undefined, reps)).copied).toHaveLength(reps.length);
      const writes = (part: string) => write.mock.calls.filter(([path]) => path === part).length;
      for (const part of ["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "docProps/app.xml", "xl/styles.xml"]) expect([part, writes(part)]).toEqual([part, 1]);
    } finally {
      write.mockRestore();
    }
  });
});
