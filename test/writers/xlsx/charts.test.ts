/**
 * Charts in files the xlsx writer makes: every ChartSpec of every sheet is rendered as a DrawingML
 * chart (the customer register's tier summary, the team summary), charts of sheets written earlier
 * survive adding sheets to the file, and part names never clash. Checked in the package XML and in
 * LibreOffice, which reads the charts and writes them back (a chart it cannot resolve is not written).
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { quoteSheet, rangeA1 } from "../../../src/spec/a1";
import { buildTemplates } from "../../../src/templates";
import { NO_NAMES, withSpecs } from "../../../src/spec/naming";
import type { SheetSpec } from "../../../src/spec/sheetSpec";
import { discoverPlans, type NameEntry } from "../../../src/team";
import { buildSummarySheet } from "../../../src/templates/team";
import { resolveTarget } from "../../../src/writers/layout";
import { inspectXlsx, writeXlsx } from "../../../src/writers/xlsx";
import { mergeRepWorkbooks } from "../../../src/writers/xlsx/mergeWorkbooks";
import { customerRows } from "../../fixtures/customers";
import { projectRows } from "../../fixtures/projects";
import { convertWithLibreOffice } from "../../support/libreoffice";

jest.setTimeout(300_000);

/** What a sheet's chart should show: series count and the category/value references, unquoted. */
interface ExpectedChart {
  readonly series: number;
  readonly refs: string[];
}
type Expected = Map<string, ExpectedChart[]>;

const unquote = (ref: string): string => ref.replace(/&apos;|'/g, "");
const refOf = (spec: SheetSpec, target: SheetSpec["charts"][number]["categories"]): string =>
  unquote(`${quoteSheet(spec.name)}!${rangeA1(resolveTarget(spec, target), true)}`);

const expectedOf = (specs: readonly SheetSpec[]): Expected =>
  new Map(
    specs
      .filter((s) => s.charts.length > 0)
      .map((s) => [s.name, s.charts.map((c) => ({ series: c.series.length, refs: c.series.flatMap((ser) => [refOf(s, c.categories), refOf(s, ser.values)]) }))]),
  );

const attr = (element: string, name: string): string | undefined => new RegExp(`\\s${name}="([^"]*)"`).exec(element)?.[1];
const unescape = (text: string): string => text.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

function resolve(from: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = from.split("/").slice(0, -1);
  for (const s of target.split("/")) {
    if (s === "..") parts.pop();
    else if (s !== ".") parts.push(s);
  }
  return parts.join("/");
}

async function rels(zip: JSZip, part: string): Promise<{ id: string; type: string; target: string }[]> {
  const dir = part.slice(0, part.lastIndexOf("/") + 1);
  const xml = (await zip.file(`${dir}_rels/${part.slice(dir.length)}.rels`)?.async("string")) ?? "";
  return [...xml.matchAll(/<Relationship\b[^>]*>/g)].map((m) => ({
    id: attr(m[0], "Id") ?? "",
    type: attr(m[0], "Type") ?? "",
    target: unescape(attr(m[0], "Target") ?? ""),
  }));
}

interface FoundChart {
  readonly part: string;
  readonly series: number;
  /** Category and value references of each series in order (series names left out). */
  readonly refs: string[];
  readonly xml: string;
}

interface FoundSheet {
  readonly drawing: string;
  readonly charts: FoundChart[];
}

/**
 * Every chart of the package, by sheet, following the relationships the way a reader does:
 * workbook → sheet → `<drawing r:id>` → drawing → anchors' `<c:chart r:id>` → chart part. Fails on
 * any dangling relationship, missing content type or part used twice.
 */
async function chartsIn(data: Uint8Array): Promise<Map<string, FoundSheet>> {
  const zip = await JSZip.loadAsync(data);
  const types = (await zip.file("[Content_Types].xml")!.async("string")) ?? "";
  const typeOf = (path: string): string | undefined => {
    const override = [...types.matchAll(/<Override\b[^>]*>/g)].find((m) => attr(m[0], "PartName") === `/${path}`);
    return override ? attr(override[0], "ContentType") : undefined;
  };
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const workbookRels = await rels(zip, "xl/workbook.xml");
  const used = new Set<string>();
  const claim = (part: string): void => {
    expect(used.has(part) ? `${part} used twice` : part).toBe(part);
    used.add(part);
  };
  const found = new Map<string, FoundSheet>();
  for (const sheet of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = unescape(attr(sheet[0], "name") ?? "");
    const sheetPath = resolve("xl/workbook.xml", workbookRels.find((r) => r.id === attr(sheet[0], "r:id"))!.target);
    const sheetXml = await zip.file(sheetPath)!.async("string");
    const drawingRef = /<drawing\s+r:id="([^"]*)"/.exec(sheetXml)?.[1];
    const sheetRels = await rels(zip, sheetPath);
    const drawingRels = sheetRels.filter((r) => r.type.endsWith("/drawing"));
    if (drawingRef === undefined) {
      expect(drawingRels).toEqual([]);
      continue;
    }
    // A top-level element in schema order: after the data and the conditional formats (a data bar's
    // rule has an <extLst> of its own), before the table parts.
    const at = sheetXml.indexOf("<drawing ");
    expect(at).toBeGreaterThan(Math.max(sheetXml.lastIndexOf("</sheetData>"), sheetXml.lastIndexOf("</conditionalFormatting>")));
    if (sheetXml.includes("<tableParts")) expect(at).toBeLessThan(sheetXml.indexOf("<tableParts"));
    const drawingRel = sheetRels.find((r) => r.id === drawingRef)!;
    expect(drawingRel.type).toBe("http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing");
    const drawing = resolve(sheetPath, drawingRel.target);
    claim(drawing);
    expect(typeOf(drawing)).toBe("application/vnd.openxmlformats-officedocument.drawing+xml");
    const drawingXml = await zip.file(drawing)!.async("string");
    const chartRels = await rels(zip, drawing);
    const shapeIds = [...drawingXml.matchAll(/<(?:\w+:)?cNvPr\b[^>]*\sid="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(shapeIds).size).toBe(shapeIds.length);
    const charts: FoundChart[] = [];
    for (const ref of drawingXml.matchAll(/<(?:\w+:)?chart\b[^>]*\sr:id="([^"]*)"/g)) {
      const rel = chartRels.find((r) => r.id === ref[1]);
      expect(rel?.type).toBe("http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart");
      const part = resolve(drawing, rel!.target);
      claim(part);
      expect(typeOf(part)).toBe("application/vnd.openxmlformats-officedocument.drawingml.chart+xml");
      const xml = await zip.file(part)!.async("string");
      for (const r of await rels(zip, part)) expect(zip.file(resolve(part, r.target)) ? r.target : `missing ${r.target}`).toBe(r.target);
      const refs = [...xml.matchAll(/<c:(?:cat|val)>[\s\S]*?<c:f>([^<]*)<\/c:f>/g)].map((m) => unquote(unescape(m[1])));
      charts.push({ part, series: (xml.match(/<c:ser>/g) ?? []).length, refs, xml });
    }
    found.set(name, { drawing, charts });
  }
  return found;
}

/** The charts of `data` equal `expected`: same sheets, charts per sheet, series and references. */
async function expectCharts(data: Uint8Array, expected: Expected): Promise<Map<string, FoundSheet>> {
  const found = await chartsIn(data);
  const shape = (m: Map<string, { series: number; refs: string[] }[]>) => Object.fromEntries([...m].sort(([a], [b]) => a.localeCompare(b)));
  expect(shape(new Map([...found].map(([sheet, f]) => [sheet, f.charts.map((c) => ({ series: c.series, refs: c.refs }))])))).toEqual(shape(expected));
  return found;
}

// ---------------------------------------------------------------------------------------------

const dir = mkdtempSync(join(tmpdir(), "sp-charts-"));
const ctx = { locale: "zh-CN" as const, existing: NO_NAMES };

const register = buildTemplates([{ template: "customers", options: { rows: customerRows(40, "zh-CN") } }], ctx);
const plans = buildTemplates(
  [
    { template: "weekly", options: { rep: "张三", year: 2026, week: 48 } },
    { template: "monthly", options: { rep: "李四", year: 2026, month: 11 } },
  ],
  { locale: "zh-CN", existing: withSpecs(NO_NAMES, register) },
);
const names: NameEntry[] = plans.flatMap((spec) =>
  spec.names.map((n) => ({
    name: n.name,
    sheet: spec.name,
    value: spec.cells.find((c) => c.at.row === n.target.from.row && c.at.col === n.target.from.col)?.value ?? null,
  })),
);
const summary = buildSummarySheet(discoverPlans(names), { key: "T1", sheet: "团队汇总" }, "zh-CN");
const projects = buildTemplates([{ template: "projects", options: { rows: projectRows(40, "zh-CN", 46350) } }], ctx);
const funnel = projects.find((s) => s.charts.length > 0)!;

const files: Record<string, Uint8Array> = {};
let secondRegister: SheetSpec[] = [];

beforeAll(async () => {
  files.register = await writeXlsx(register);
  files.summary = await writeXlsx([...plans, summary]);
  files.both = await writeXlsx([...register, ...plans, summary]);
  files.projects = await writeXlsx(projects);
  secondRegister = buildTemplates([{ template: "customers", options: { rows: customerRows(25, "zh-CN", 7) } }], { locale: "zh-CN", existing: await inspectXlsx(files.both) });
  files.added = await writeXlsx(secondRegister, files.both);
  for (const [name, data] of Object.entries(files)) writeFileSync(join(dir, `${name}.xlsx`), data);
});

const tierSummary = register.find((s) => s.charts.length > 0)!;

describe("the xlsx writer renders every ChartSpec", () => {
  test("the specs in play have charts where the templates promise them", () => {
    expect(tierSummary.name).toBe("客户分级汇总");
    expect(register.filter((s) => s.charts.length > 0)).toHaveLength(1);
    // One per block: weekly and monthly.
    expect(summary.charts).toHaveLength(2);
    expect(secondRegister.find((s) => s.charts.length > 0)?.name).toBe("客户分级汇总 (2)");
  });

  test("(a) customer register: the tier summary's chart, on its sheet, over the tier table", async () => {
    const found = await expectCharts(files.register, expectedOf(register));
    const chart = found.get(tierSummary.name)!.charts[0];
    // 等级 A–C and their 交易额占比, rows 5–7 of the tier table (header on row 4).
    expect(chart.refs).toEqual(["客户分级汇总!$A$5:$A$7", "客户分级汇总!$E$5:$E$7"]);
    expect(chart.xml).toContain("<c:barChart>");
    expect(chart.xml).toContain(tierSummary.charts[0].title);
    const zip = await JSZip.loadAsync(files.register);
    const drawing = await zip.file(found.get(tierSummary.name)!.drawing)!.async("string");
    const { from, to } = tierSummary.charts[0].anchor;
    expect(drawing).toContain(`<xdr:from><xdr:col>${from.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${from.row}</xdr:row>`);
    expect(drawing).toContain(`<xdr:to><xdr:col>${to.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${to.row}</xdr:row>`);
  });

  test("(b) team summary: sales actual vs target per rep, two series", async () => {
    const found = await expectCharts(files.summary, expectedOf([summary]));
    expect(found.get("团队汇总")!.charts[0].series).toBe(2);
  });

  test("(c) both in one workbook, then another register added: every chart kept, no part name clashes", async () => {
    await expectCharts(files.both, expectedOf([...register, summary]));
    const found = await expectCharts(files.added, expectedOf([...register, summary, ...secondRegister]));
    expect(new Set([...found.values()].map((f) => f.drawing)).size).toBe(3);
    // Adding once more: still every chart, once.
    const third = buildTemplates([{ template: "customers", options: {} }], { locale: "zh-CN", existing: await inspectXlsx(files.added) });
    await expectCharts(await writeXlsx(third, files.added), expectedOf([...register, summary, ...secondRegister, ...third]));
  });

  test("(d) project summary: the stage funnel is a horizontal bar chart read top to bottom, its value axis below", async () => {
    const found = await expectCharts(files.projects, expectedOf(projects));
    const chart = found.get(funnel.name)!.charts[0];
    // The open pipeline, 前期设计 on row 8 to 验收 on row 12, and their counts (已收款 and 丢单 are not bars).
    expect(chart.refs).toEqual(["项目汇总!$A$8:$A$12", "项目汇总!$B$8:$B$12"]);
    expect(chart.xml).toContain('<c:barDir val="bar"/>');
    expect(chart.xml).toMatch(/<c:catAx>.*<c:orientation val="maxMin"\/>.*<\/c:catAx>/);
    expect(chart.xml).toMatch(/<c:valAx>.*<c:crosses val="max"\/><\/c:valAx>/);
  });

  test("the roll-up's merge keeps the team workbook's charts except the summary's, which it rebuilds", async () => {
    const merged = await mergeRepWorkbooks(files.added, []);
    expect(merged.removedSummary?.sheet).toBe("团队汇总");
    await expectCharts(merged.data, expectedOf([...register, ...secondRegister]));
  });
});

describe("LibreOffice reads every chart", () => {
  test("after a round trip through LibreOffice each chart exists with its series and references", async () => {
    const names = Object.keys(files);
    const outputs = convertWithLibreOffice(
      names.map((n) => join(dir, `${n}.xlsx`)),
      "xlsx",
      join(dir, "resaved"),
    );
    const expected: Record<string, Expected> = {
      register: expectedOf(register),
      summary: expectedOf([summary]),
      both: expectedOf([...register, summary]),
      added: expectedOf([...register, summary, ...secondRegister]),
      projects: expectedOf(projects),
    };
    for (const [i, name] of names.entries()) {
      const found = await expectCharts(new Uint8Array(readFileSync(outputs[i])), expected[name]);
      // LibreOffice read the funnel as what it is: horizontal bars, categories top to bottom.
      if (name === "projects") {
        const xml = found.get(funnel.name)!.charts[0].xml;
        expect(xml).toContain('<c:barDir val="bar"/>');
        expect(xml).toMatch(/<c:catAx>.*<c:orientation val="maxMin"\/>.*<\/c:catAx>/);
      }
    }
  });
});
