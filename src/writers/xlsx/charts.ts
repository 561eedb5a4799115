import JSZip from "jszip";
import { quoteSheet, rangeA1 } from "../../templates/a1";
import type { ChartSpec, SheetSpec } from "../../templates/sheetSpec";
import { resolveTarget } from "../layout";
import { escapeXml, unescapeXml } from "./packagePatch";

/**
 * Adds the charts of SheetSpecs to a saved .xlsx package as DrawingML parts (exceljs cannot write
 * charts): one drawing per sheet, one chart part per ChartSpec, series pointing at the cells the
 * spec's targets resolve to, so the chart follows the data when it is recalculated.
 * Used for the team summary's achievement chart in files (the Office writer adds it through the API).
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

const text = (value: string): string => `<c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${escapeXml(value)}</a:t></a:r></a:p></c:rich></c:tx>`;

function chartXml(sheet: SheetSpec, chart: ChartSpec): string {
  const ref = (target: ChartSpec["categories"]): string => escapeXml(`${quoteSheet(sheet.name)}!${rangeA1(resolveTarget(sheet, target), true)}`);
  const series = chart.series
    .map(
      (s, i) =>
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${escapeXml(s.name)}</c:v></c:tx>` +
        `<c:cat><c:strRef><c:f>${ref(chart.categories)}</c:f></c:strRef></c:cat>` +
        `<c:val><c:numRef><c:f>${ref(s.values)}</c:f></c:numRef></c:val></c:ser>`,
    )
    .join("");
  const plot =
    chart.kind === "pie"
      ? `<c:pieChart><c:varyColors val="1"/>${series}</c:pieChart>`
      : `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}<c:axId val="1"/><c:axId val="2"/></c:barChart>` +
        `<c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx>` +
        `<c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/><c:crossAx val="1"/></c:valAx>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}"><c:chart>` +
    `<c:title>${text(chart.title)}<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>${plot}</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/>` +
    `</c:chart></c:chartSpace>`
  );
}

function anchorXml(chart: ChartSpec, relId: string, index: number): string {
  const corner = (tag: string, cell: { row: number; col: number }) =>
    `<xdr:${tag}><xdr:col>${cell.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${cell.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    `<xdr:twoCellAnchor>${corner("from", chart.anchor.from)}${corner("to", chart.anchor.to)}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${index + 2}" name="Chart ${index + 1}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" r:id="${relId}"/></a:graphicData></a:graphic>` +
    `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

const relsXml = (rels: readonly { id: string; type: string; target: string }[]): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${NS.rels}">` +
  rels.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${r.target}"/>`).join("") +
  `</Relationships>`;

const nextNumber = (zip: JSZip, pattern: RegExp): number =>
  zip.file(pattern).reduce((max, f) => Math.max(max, Number(/(\d+)\.xml$/.exec(f.name)?.[1] ?? 0)), 0) + 1;

/** The package path of the worksheet named `name`. */
async function sheetPath(zip: JSZip, name: string): Promise<string> {
  const workbook = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
  const sheet = [...workbook.matchAll(/<sheet\b[^>]*>/g)].find((m) => unescapeXml(/\sname="([^"]*)"/.exec(m[0])?.[1] ?? "") === name);
  const id = sheet && /\sr:id="([^"]*)"/.exec(sheet[0])?.[1];
  const rels = (await zip.file("xl/_rels/workbook.xml.rels")?.async("string")) ?? "";
  const target = id && new RegExp(`<Relationship\\b[^>]*Id="${id}"[^>]*>`).exec(rels)?.[0].match(/Target="([^"]*)"/)?.[1];
  if (!target) throw new Error(`no worksheet "${name}" in the package`);
  return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
}

/** Inserts `<drawing r:id=…/>` where the worksheet schema wants it: before legacy drawings, table parts and extensions. */
function withDrawing(sheetXml: string, relId: string): string {
  const element = `<drawing r:id="${relId}"/>`;
  const before = ["<legacyDrawing", "<legacyDrawingHF", "<picture", "<oleObjects", "<controls", "<webPublishItems", "<tableParts", "<extLst"]
    .map((tag) => sheetXml.indexOf(tag))
    .filter((i) => i >= 0);
  const at = before.length > 0 ? Math.min(...before) : sheetXml.lastIndexOf("</worksheet>");
  const xml = sheetXml.slice(0, at) + element + sheetXml.slice(at);
  return /<worksheet\b[^>]*xmlns:r=/.test(xml) ? xml : xml.replace(/<worksheet\b/, `<worksheet xmlns:r="${NS.r}"`);
}

export async function addCharts(data: Uint8Array, specs: readonly SheetSpec[]): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(data);
  let types = (await zip.file("[Content_Types].xml")?.async("string")) ?? "";
  for (const spec of specs.filter((s) => s.charts.length > 0)) {
    const path = await sheetPath(zip, spec.name);
    const dir = path.slice(0, path.lastIndexOf("/") + 1);
    const relsPath = `${dir}_rels/${path.slice(dir.length)}.rels`;
    const sheetRels = (await zip.file(relsPath)?.async("string")) ?? relsXml([]);
    const drawingId = `rIdSpDrawing${nextNumber(zip, /^xl\/drawings\/drawing\d+\.xml$/)}`;
    const drawing = `drawing${drawingId.replace(/\D/g, "")}.xml`;
    const charts = spec.charts.map((chart, i) => ({ chart, file: `chart${nextNumber(zip, /^xl\/charts\/chart\d+\.xml$/) + i}.xml`, relId: `rId${i + 1}` }));
    for (const { chart, file } of charts) {
      zip.file(`xl/charts/${file}`, chartXml(spec, chart));
      types = types.replace("</Types>", `<Override PartName="/xl/charts/${file}" ContentType="${TYPE.chart}"/></Types>`);
    }
    zip.file(
      `xl/drawings/${drawing}`,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">` +
        charts.map(({ chart, relId }, i) => anchorXml(chart, relId, i)).join("") +
        `</xdr:wsDr>`,
    );
    zip.file(`xl/drawings/_rels/${drawing}.rels`, relsXml(charts.map(({ file, relId }) => ({ id: relId, type: REL.chart, target: `../charts/${file}` }))));
    types = types.replace("</Types>", `<Override PartName="/xl/drawings/${drawing}" ContentType="${TYPE.drawing}"/></Types>`);
    zip.file(relsPath, sheetRels.replace("</Relationships>", `<Relationship Id="${drawingId}" Type="${REL.drawing}" Target="../drawings/${drawing}"/></Relationships>`));
    zip.file(path, withDrawing((await zip.file(path)?.async("string")) ?? "", drawingId));
  }
  zip.file("[Content_Types].xml", types);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
