import JSZip from "jszip";
import { quoteSheet, rangeA1 } from "../../templates/a1";
import type { ChartSpec, SheetSpec, TargetRef } from "../../templates/sheetSpec";
import { resolveTarget } from "../layout";
import { escapeXml, unescapeXml } from "./packagePatch";

/**
 * Charts in .xlsx packages, which exceljs can neither write nor keep: it saves no drawing parts and
 * drops every chart of a workbook it loads. Two jobs, one mechanism:
 * - every `ChartSpec` of every sheet the xlsx writer renders becomes a DrawingML chart part,
 *   anchored on its sheet, series pointing at the cells the spec's targets resolve to (so the chart
 *   follows the data when it is recalculated);
 * - the charts of an existing workbook (`captureCharts`, before exceljs loads it) are put back on
 *   their sheets after exceljs saved it (`attachCharts`), so charts of sheets written earlier, or
 *   drawn by the user, survive adding sheets.
 * Both go through `placeCharts`: it appends to the sheet's drawing if it has one, else creates one,
 * and gives every drawing, chart and chart-related part a package name not yet taken.
 */

const NS = {
  c: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  rels: "http://schemas.openxmlformats.org/package/2006/relationships",
};
const REL = {
  drawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing",
  chart: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart",
};
const TYPE = {
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
};
/** Stands for the drawing's relationship id of a chart until the chart gets its part name. */
const REL_ID = "__SP_CHART_REL__";
const DRAWING_ROOT = `<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">`;
const XML_DECLARATION = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`;

/** A part a chart relates to (style, colours, embedded data …), carried over with the chart. */
interface RelatedPart {
  readonly id: string;
  readonly type: string;
  /** Package path in the source package. */
  readonly path: string;
  readonly data: Uint8Array;
  readonly contentType?: string;
}

/** A chart detached from any package: its anchor in a drawing, its chart part and related parts. */
export interface PortableChart {
  /** `<xdr:twoCellAnchor>`… with `r:id="${REL_ID}"` on the chart reference. */
  readonly anchor: string;
  readonly xml: string;
  readonly related: readonly RelatedPart[];
  readonly external: readonly { readonly id: string; readonly type: string; readonly target: string }[];
}

/** The charts of one sheet with the drawing root tag whose namespace declarations their anchors use. */
interface SheetCharts {
  readonly root: string;
  readonly charts: readonly PortableChart[];
}

/** sheet name → charts found on it, from `captureCharts`. */
export type PreservedCharts = ReadonlyMap<string, SheetCharts>;

// ---------------------------------------------------------------------------------------------
// Package plumbing

interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
}

const attr = (element: string, name: string): string | undefined => {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(element);
  return match ? unescapeXml(match[1]) : undefined;
};

const relsPathOf = (path: string): string => {
  const dir = path.slice(0, path.lastIndexOf("/") + 1);
  return `${dir}_rels/${path.slice(dir.length)}.rels`;
};

/** Package path of a relationship target, relative to the part `from`. */
function resolvePath(from: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = from.split("/").slice(0, -1);
  for (const segment of target.split("/")) {
    if (segment === "..") parts.pop();
    else if (segment !== ".") parts.push(segment);
  }
  return parts.join("/");
}

/** Target of `to` relative to the part `from` (both package paths). */
function relativePath(from: string, to: string): string {
  const a = from.split("/").slice(0, -1);
  const b = to.split("/");
  let common = 0;
  while (common < a.length && common < b.length - 1 && a[common] === b[common]) common++;
  return [...a.slice(common).map(() => ".."), ...b.slice(common)].join("/");
}

async function readRels(zip: JSZip, part: string): Promise<Relationship[]> {
  const xml = (await zip.file(relsPathOf(part))?.async("string")) ?? "";
  return [...xml.matchAll(/<Relationship\b[^>]*>/g)].map((m) => ({
    id: attr(m[0], "Id") ?? "",
    type: attr(m[0], "Type") ?? "",
    target: attr(m[0], "Target") ?? "",
    external: attr(m[0], "TargetMode") === "External",
  }));
}

function writeRels(zip: JSZip, part: string, rels: readonly Relationship[]): void {
  zip.file(
    relsPathOf(part),
    `${XML_DECLARATION}<Relationships xmlns="${NS.rels}">` +
      rels
        .map((r) => `<Relationship Id="${escapeXml(r.id)}" Type="${escapeXml(r.type)}" Target="${escapeXml(r.target)}"${r.external ? ' TargetMode="External"' : ""}/>`)
        .join("") +
      `</Relationships>`,
  );
}

const freeRelId = (rels: readonly Relationship[]): string => {
  const taken = new Set(rels.map((r) => r.id));
  let n = rels.length + 1;
  while (taken.has(`rId${n}`)) n++;
  return `rId${n}`;
};

/** `dir/stem<n>.ext` with the lowest n above every number that name pattern already uses. */
function freePartName(zip: JSZip, dir: string, stem: string, ext: string): string {
  const pattern = new RegExp(`^${dir.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/${stem}(\\d+)\\.${ext}$`);
  const used = Object.keys(zip.files).map((name) => Number(pattern.exec(name)?.[1] ?? 0));
  return `${dir}/${stem}${Math.max(0, ...used) + 1}.${ext}`;
}

/** [Content_Types].xml, edited in memory while parts are added and written back once. */
class ContentTypes {
  constructor(private xml: string) {}

  static async of(zip: JSZip): Promise<ContentTypes> {
    return new ContentTypes((await zip.file("[Content_Types].xml")?.async("string")) ?? "");
  }

  typeOf(path: string): string | undefined {
    const override = [...this.xml.matchAll(/<Override\b[^>]*>/g)].find((m) => attr(m[0], "PartName") === `/${path}`);
    if (override) return attr(override[0], "ContentType");
    const ext = path.slice(path.lastIndexOf(".") + 1).toLowerCase();
    const byDefault = [...this.xml.matchAll(/<Default\b[^>]*>/g)].find((m) => attr(m[0], "Extension")?.toLowerCase() === ext);
    return byDefault ? attr(byDefault[0], "ContentType") : undefined;
  }

  /** Declares `path`'s type unless the package's default for its extension already says so. */
  declare(path: string, contentType: string): void {
    if (this.typeOf(path) === contentType) return;
    this.xml = this.xml.replace("</Types>", () => `<Override PartName="/${escapeXml(path)}" ContentType="${escapeXml(contentType)}"/></Types>`);
  }

  save(zip: JSZip): void {
    zip.file("[Content_Types].xml", this.xml);
  }
}

/** sheet name → worksheet part path. */
async function sheetPaths(zip: JSZip): Promise<Map<string, string>> {
  const workbook = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
  const rels = await readRels(zip, "xl/workbook.xml");
  const paths = new Map<string, string>();
  for (const match of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = attr(match[0], "name");
    const id = /\sr:id="([^"]*)"/.exec(match[0])?.[1];
    const rel = rels.find((r) => r.id === id);
    if (name !== undefined && rel) paths.set(name, resolvePath("xl/workbook.xml", rel.target));
  }
  return paths;
}

/**
 * Inserts `<drawing r:id=…/>` where the worksheet schema wants it: before legacy drawings, table
 * parts and the sheet's extensions — looked for only after the sheet data, conditional formats and
 * validations, whose rules carry `<extLst>`s of their own (a data bar does).
 */
function withDrawing(sheetXml: string, relId: string): string {
  const element = `<drawing r:id="${relId}"/>`;
  const from = Math.max(0, ...["</sheetData>", "</conditionalFormatting>", "</dataValidations>"].map((tag) => sheetXml.lastIndexOf(tag)));
  const next = /<(?:legacyDrawing|legacyDrawingHF|drawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)[\s/>]|<\/worksheet>/g;
  next.lastIndex = from;
  const at = next.exec(sheetXml)?.index ?? sheetXml.lastIndexOf("</worksheet>");
  const xml = sheetXml.slice(0, at) + element + sheetXml.slice(at);
  return /<worksheet\b[^>]*xmlns:r=/.test(xml) ? xml : xml.replace(/<worksheet\b/, `<worksheet xmlns:r="${NS.r}"`);
}

/** Adds to `root` (an opening tag) the namespace declarations of `from` it lacks. */
function withNamespaces(root: string, from: string): string {
  const declared = new Set([...root.matchAll(/\sxmlns(?::(\w+))?="/g)].map((m) => m[1] ?? ""));
  const missing = [...from.matchAll(/\sxmlns(?::(\w+))?="[^"]*"/g)].filter((m) => !declared.has(m[1] ?? "")).map((m) => m[0]);
  return missing.length === 0 ? root : root.replace(/\s*(\/?>)$/, `${missing.join("")}$1`);
}

const ANCHOR = /<((?:\w+:)?(?:twoCellAnchor|oneCellAnchor|absoluteAnchor))\b[\s\S]*?<\/\1>/g;
/** The chart reference inside an anchor: `<c:chart … r:id="rId1"/>`. */
const CHART_REF = /(<(?:\w+:)?chart\b[^>]*?\s(?:\w+:)?id=")([^"]*)(")/;

/**
 * Places `charts` on the sheet at `sheetPath`: into its existing drawing (exceljs writes one for
 * images) or a new drawing part, each chart under a free part name with its related parts.
 */
async function placeCharts(zip: JSZip, types: ContentTypes, sheetPath: string, group: SheetCharts): Promise<void> {
  if (group.charts.length === 0) return;
  const sheetRels = await readRels(zip, sheetPath);
  const existing = sheetRels.find((r) => r.type === REL.drawing && !r.external);
  let drawingPath: string;
  let drawingXml: string;
  if (existing) {
    drawingPath = resolvePath(sheetPath, existing.target);
    drawingXml = (await zip.file(drawingPath)?.async("string")) ?? `${XML_DECLARATION}${DRAWING_ROOT}</xdr:wsDr>`;
  } else {
    drawingPath = freePartName(zip, "xl/drawings", "drawing", "xml");
    drawingXml = `${XML_DECLARATION}${group.root}</${/^<([\w:]+)/.exec(group.root)?.[1] ?? "xdr:wsDr"}>`;
    const id = freeRelId(sheetRels);
    writeRels(zip, sheetPath, [...sheetRels, { id, type: REL.drawing, target: relativePath(sheetPath, drawingPath), external: false }]);
    zip.file(sheetPath, withDrawing((await zip.file(sheetPath)?.async("string")) ?? "", id));
    types.declare(drawingPath, TYPE.drawing);
  }
  const rootMatch = /<((?:\w+:)?wsDr)\b[^>]*>/.exec(drawingXml);
  if (!rootMatch) throw new Error(`${drawingPath} is not a spreadsheet drawing`);
  const drawingRels = await readRels(zip, drawingPath);
  let shapeId = Math.max(1, ...[...drawingXml.matchAll(/<(?:\w+:)?cNvPr\b[^>]*\sid="(\d+)"/g)].map((m) => Number(m[1])));
  const anchors: string[] = [];
  for (const chart of group.charts) {
    const chartPath = freePartName(zip, "xl/charts", "chart", "xml");
    zip.file(chartPath, chart.xml);
    types.declare(chartPath, TYPE.chart);
    const chartRels: Relationship[] = chart.external.map((r) => ({ ...r, external: true }));
    for (const part of chart.related) {
      const dir = part.path.slice(0, part.path.lastIndexOf("/"));
      const file = part.path.slice(dir.length + 1);
      const [, stem, ext] = /^(.*?)\d*\.([^.]+)$/.exec(file) ?? [file, file, "bin"];
      const path = freePartName(zip, dir, stem, ext);
      zip.file(path, part.data);
      if (part.contentType) types.declare(path, part.contentType);
      chartRels.push({ id: part.id, type: part.type, target: relativePath(chartPath, path), external: false });
    }
    if (chartRels.length > 0) writeRels(zip, chartPath, chartRels);
    const relId = freeRelId(drawingRels);
    drawingRels.push({ id: relId, type: REL.chart, target: relativePath(drawingPath, chartPath), external: false });
    anchors.push(
      chart.anchor
        .replace(CHART_REF, (_, head: string, _id: string, tail: string) => `${head}${relId}${tail}`)
        .replace(/(<(?:\w+:)?cNvPr\b[^>]*\sid=")\d+(")/g, (_, head: string, tail: string) => `${head}${++shapeId}${tail}`),
    );
  }
  const root = withNamespaces(rootMatch[0], group.root);
  const close = `</${rootMatch[1]}>`;
  const xml = root.endsWith("/>")
    ? drawingXml.replace(rootMatch[0], () => `${root.slice(0, -2)}>${anchors.join("")}${close}`)
    : drawingXml.replace(rootMatch[0], () => root).replace(new RegExp(`${close}\\s*$`), () => `${anchors.join("")}${close}`);
  zip.file(drawingPath, xml);
  writeRels(zip, drawingPath, drawingRels);
}

// ---------------------------------------------------------------------------------------------
// Charts from specs

const richText = (value: string): string => `<c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${escapeXml(value)}</a:t></a:r></a:p></c:rich></c:tx>`;

/** The chart part of a ChartSpec; kinds: clustered column, pie. */
export function chartXml(sheet: SheetSpec, chart: ChartSpec): string {
  const ref = (target: TargetRef): string => escapeXml(`${quoteSheet(sheet.name)}!${rangeA1(resolveTarget(sheet, target), true)}`);
  const series = chart.series
    .map(
      (s, i) =>
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${escapeXml(s.name)}</c:v></c:tx>` +
        `<c:cat><c:strRef><c:f>${ref(chart.categories)}</c:f></c:strRef></c:cat>` +
        `<c:val><c:numRef><c:f>${ref(s.values)}</c:f></c:numRef></c:val></c:ser>`,
    )
    .join("");
  let plot: string;
  switch (chart.kind) {
    case "pie":
      plot = `<c:pieChart><c:varyColors val="1"/>${series}</c:pieChart>`;
      break;
    case "column":
      plot =
        `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}<c:axId val="1"/><c:axId val="2"/></c:barChart>` +
        `<c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx>` +
        `<c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/><c:crossAx val="1"/></c:valAx>`;
      break;
    default: {
      const unknown: never = chart.kind;
      throw new Error(`chart kind ${String(unknown)} is not supported by the xlsx writer`);
    }
  }
  return (
    XML_DECLARATION +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}"><c:chart>` +
    `<c:title>${richText(chart.title)}<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>${plot}</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/>` +
    `</c:chart></c:chartSpace>`
  );
}

function anchorXml(chart: ChartSpec, index: number): string {
  const corner = (tag: string, cell: { row: number; col: number }) =>
    `<xdr:${tag}><xdr:col>${cell.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${cell.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    `<xdr:twoCellAnchor>${corner("from", chart.anchor.from)}${corner("to", chart.anchor.to)}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${index + 2}" name="Chart ${index + 1}" descr="${escapeXml(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" r:id="${REL_ID}"/></a:graphicData></a:graphic>` +
    `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

const specCharts = (spec: SheetSpec): SheetCharts => ({
  root: DRAWING_ROOT,
  charts: spec.charts.map((chart, i) => ({ anchor: anchorXml(chart, i), xml: chartXml(spec, chart), related: [], external: [] })),
});

// ---------------------------------------------------------------------------------------------
// Charts of an existing package

/** Every chart on every worksheet of `data`, detached so it can be put back after exceljs saved the workbook. */
export async function captureCharts(data: Uint8Array): Promise<PreservedCharts> {
  const zip = await JSZip.loadAsync(data);
  const types = await ContentTypes.of(zip);
  const found = new Map<string, SheetCharts>();
  for (const [name, sheetPath] of await sheetPaths(zip)) {
    const drawingRel = (await readRels(zip, sheetPath)).find((r) => r.type === REL.drawing && !r.external);
    if (!drawingRel) continue;
    const drawingPath = resolvePath(sheetPath, drawingRel.target);
    const drawingXml = (await zip.file(drawingPath)?.async("string")) ?? "";
    const root = /<(?:\w+:)?wsDr\b[^>]*>/.exec(drawingXml)?.[0];
    if (!root) continue;
    const drawingRels = await readRels(zip, drawingPath);
    const charts: PortableChart[] = [];
    for (const [anchor] of drawingXml.matchAll(ANCHOR)) {
      const rel = drawingRels.find((r) => r.id === CHART_REF.exec(anchor)?.[2] && r.type === REL.chart && !r.external);
      if (!rel) continue;
      const chartPath = resolvePath(drawingPath, rel.target);
      const xml = await zip.file(chartPath)?.async("string");
      if (xml === undefined) continue;
      const related: RelatedPart[] = [];
      const external: PortableChart["external"][number][] = [];
      for (const r of await readRels(zip, chartPath)) {
        if (r.external) {
          external.push({ id: r.id, type: r.type, target: r.target });
          continue;
        }
        const path = resolvePath(chartPath, r.target);
        const part = zip.file(path);
        if (part) related.push({ id: r.id, type: r.type, path, data: await part.async("uint8array"), contentType: types.typeOf(path) });
      }
      charts.push({ anchor: anchor.replace(CHART_REF, (_, head: string, _id: string, tail: string) => `${head}${REL_ID}${tail}`), xml, related, external });
    }
    if (charts.length > 0) found.set(name, { root, charts });
  }
  return found;
}

/** Whether the sheet's drawing already holds a chart. */
async function hasCharts(zip: JSZip, sheetPath: string): Promise<boolean> {
  const drawing = (await readRels(zip, sheetPath)).find((r) => r.type === REL.drawing && !r.external);
  if (!drawing) return false;
  const drawingPath = resolvePath(sheetPath, drawing.target);
  return (await readRels(zip, drawingPath)).some((r) => r.type === REL.chart);
}

/**
 * Puts charts into an open package: `preserved` (from `captureCharts` of the package exceljs
 * loaded) back onto the sheets that still exist, and every ChartSpec of `specs` onto its sheet.
 * A spec sheet that already carries charts is left as it is, so calling this twice adds nothing.
 */
export async function attachCharts(zip: JSZip, specs: readonly SheetSpec[], preserved: PreservedCharts = new Map()): Promise<void> {
  if (preserved.size === 0 && specs.every((s) => s.charts.length === 0)) return;
  const types = await ContentTypes.of(zip);
  const paths = await sheetPaths(zip);
  const pathOf = (name: string): string => {
    const path = paths.get(name);
    if (!path) throw new Error(`no worksheet "${name}" in the package`);
    return path;
  };
  for (const [name, group] of preserved) {
    const path = paths.get(name);
    // A sheet removed meanwhile (the roll-up rebuilds its summary) takes its charts with it.
    if (path && !specs.some((s) => s.name === name)) await placeCharts(zip, types, path, group);
  }
  for (const spec of specs.filter((s) => s.charts.length > 0)) {
    const path = pathOf(spec.name);
    if (!(await hasCharts(zip, path))) await placeCharts(zip, types, path, specCharts(spec));
  }
  types.save(zip);
}
