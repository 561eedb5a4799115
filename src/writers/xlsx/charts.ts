import { quoteSheet, rangeA1 } from "../../spec/a1";
import type { ChartSpec, SheetSpec, TargetRef } from "../../spec/sheetSpec";
import { resolveTarget } from "../layout";
import { CONTENT_TYPE, elements, escapeXml, freeRelId, NS, REL, relativePath, unescapeXml, XML_DECLARATION, type XlsxPackage } from "../ooxml";

/**
 * Charts in the packages the xlsx writer renders, which exceljs cannot write: every `ChartSpec` of
 * every sheet becomes a DrawingML chart part, anchored on its sheet in a drawing of its own, series
 * pointing at the cells the spec's targets resolve to (so the chart follows the data when it is
 * recalculated). Charts already in a user's workbook are never touched: new sheets are grafted in
 * (`ooxml/graft.ts`) with their drawings and charts.
 */

const DRAWING_ROOT = `<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">`;

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

// ---------------------------------------------------------------------------------------------
// Charts from specs

const richText = (value: string): string => `<c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${escapeXml(value)}</a:t></a:r></a:p></c:rich></c:tx>`;

/** The chart part of a ChartSpec; kinds: clustered column, horizontal bar, pie, line with markers. */
export function chartXml(sheet: SheetSpec, chart: ChartSpec): string {
  const ref = (target: TargetRef): string => escapeXml(`${quoteSheet(sheet.name)}!${rangeA1(resolveTarget(sheet, target), true)}`);
  const series = chart.series
    .map(
      (s, i) =>
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${escapeXml(s.name)}</c:v></c:tx>` +
        `<c:cat><c:strRef><c:f>${ref(chart.categories)}</c:f></c:strRef></c:cat>` +
        // A line is drawn straight from point to point: LibreOffice smooths a series that does not say.
        `<c:val><c:numRef><c:f>${ref(s.values)}</c:f></c:numRef></c:val>${chart.kind === "line" ? '<c:smooth val="0"/>' : ""}</c:ser>`,
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
    case "line":
      // #N/A (a period without a target) is a gap in the line in Excel and LibreOffice alike.
      plot =
        `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/><c:axId val="1"/><c:axId val="2"/></c:lineChart>` +
        `<c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx>` +
        `<c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/><c:crossAx val="1"/></c:valAx>`;
      break;
    case "bar":
      // A bar chart draws its first category at the bottom; maxMin puts it on top, and the value axis,
      // which crosses at the category axis's start, then runs along the top (crosses="max" keeps it below).
      plot =
        `<c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}<c:axId val="1"/><c:axId val="2"/></c:barChart>` +
        `<c:catAx><c:axId val="1"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="2"/></c:catAx>` +
        `<c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:majorGridlines/><c:crossAx val="1"/><c:crosses val="max"/></c:valAx>`;
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
    // A period without a figure is a gap in a line, not a fall to zero.
    (chart.kind === "line" ? `<c:dispBlanksAs val="gap"/>` : "") +
    `</c:chart></c:chartSpace>`
  );
}

/** `index`: the chart's place among the drawing's objects (its shape id is `index + 2`, unique in the drawing). */
function anchorXml(chart: ChartSpec, index: number, relId: string): string {
  const corner = (tag: string, cell: { row: number; col: number }) =>
    `<xdr:${tag}><xdr:col>${cell.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${cell.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    `<xdr:twoCellAnchor>${corner("from", chart.anchor.from)}${corner("to", chart.anchor.to)}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${index + 2}" name="${escapeXml(chart.name ?? `Chart ${index + 1}`)}" descr="${escapeXml(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" r:id="${relId}"/></a:graphicData></a:graphic>` +
    `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

/** Draws every ChartSpec of `specs` on its sheet of the open package (one drawing per sheet). */
export async function attachCharts(pkg: XlsxPackage, specs: readonly SheetSpec[]): Promise<void> {
  const paths = new Map((await pkg.sheets()).map((s) => [s.name, s.path]));
  for (const spec of specs.filter((s) => s.charts.length > 0)) {
    const sheetPath = paths.get(spec.name);
    if (sheetPath === undefined) throw new Error(`no worksheet "${spec.name}" in the package`);
    const drawingPath = pkg.freePartName("xl/drawings", "drawing", "xml");
    const anchors: string[] = [];
    const drawingRels = spec.charts.map((chart, i) => {
      const chartPath = pkg.freePartName("xl/charts", "chart", "xml");
      pkg.write(chartPath, chartXml(spec, chart));
      pkg.types.declare(chartPath, CONTENT_TYPE.chart);
      const id = `rId${i + 1}`;
      anchors.push(anchorXml(chart, i, id));
      return { id, type: REL.chart, target: relativePath(drawingPath, chartPath), external: false };
    });
    pkg.write(drawingPath, `${XML_DECLARATION}${DRAWING_ROOT}${anchors.join("")}</xdr:wsDr>`);
    pkg.types.declare(drawingPath, CONTENT_TYPE.drawing);
    pkg.writeRels(drawingPath, drawingRels);
    const id = freeRelId(await pkg.rels(sheetPath));
    await pkg.addRels(sheetPath, [{ id, type: REL.drawing, target: relativePath(sheetPath, drawingPath), external: false }]);
    pkg.write(sheetPath, withDrawing((await pkg.text(sheetPath)) ?? "", id));
  }
}

/**
 * Replaces the charts `ours` recognises (by the name `ChartSpec.name` gave them) on sheet `spec.name` with the charts of `spec`, in a
 * workbook that already holds the sheet: the add-in's own charts over a block it rewrites (the team
 * history's pivot). Anything else in the sheet's drawing — a picture, a shape, a chart the user made —
 * keeps its anchor and parts; a sheet without a drawing gets one.
 */
export async function replaceCharts(pkg: XlsxPackage, spec: SheetSpec, ours: (name: string) => boolean): Promise<void> {
  const sheetPath = (await pkg.sheets()).find((s) => s.name === spec.name)?.path;
  if (sheetPath === undefined) throw new Error(`no worksheet "${spec.name}" in the package`);
  const drawing = (await pkg.targets(sheetPath)).find((r) => r.type === REL.drawing);
  if (drawing === undefined) {
    await attachCharts(pkg, [spec]);
    return;
  }
  const drawingPath = drawing.path;
  let xml = (await pkg.text(drawingPath)) ?? `${XML_DECLARATION}${DRAWING_ROOT}</xdr:wsDr>`;
  const rels = await pkg.targets(drawingPath);
  const dropped = new Set<string>();
  for (const [anchor] of elements(xml, "xdr:twoCellAnchor")) {
    const id = /<c:chart\b[^>]*\br:id="([^"]+)"/.exec(anchor)?.[1];
    const rel = rels.find((r) => r.id === id);
    const name = /<xdr:cNvPr\b[^>]*\bname="([^"]*)"/.exec(anchor)?.[1];
    if (id === undefined || rel === undefined || rel.type !== REL.chart || name === undefined || !ours(unescapeXml(name))) continue;
    xml = xml.replace(anchor, "");
    for (const part of await pkg.targets(rel.path)) pkg.remove(part.path);
    pkg.writeRels(rel.path, []);
    pkg.remove(rel.path);
    dropped.add(id);
  }
  const kept = rels.filter((r) => !dropped.has(r.id)).map(({ id, type, target, external }) => ({ id, type, target, external }));
  const shapeIds = [...xml.matchAll(/<xdr:cNvPr\b[^>]*\bid="(\d+)"/g)].map((m) => Number(m[1]));
  const first = Math.max(0, ...shapeIds);
  const anchors = spec.charts.map((chart, i) => {
    const chartPath = pkg.freePartName("xl/charts", "chart", "xml");
    pkg.write(chartPath, chartXml(spec, chart));
    pkg.types.declare(chartPath, CONTENT_TYPE.chart);
    const id = freeRelId(kept);
    kept.push({ id, type: REL.chart, target: relativePath(drawingPath, chartPath), external: false });
    return anchorXml(chart, first + i - 1, id);
  });
  pkg.write(drawingPath, xml.replace("</xdr:wsDr>", `${anchors.join("")}</xdr:wsDr>`));
  pkg.writeRels(drawingPath, kept);
}
