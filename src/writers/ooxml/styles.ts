import { attr, elements, insertBefore, renumber, setAttr } from "./xml";

/**
 * Merging one styles part into another by APPENDING: every number format, font, fill, border,
 * cell format and differential format of the incoming part is added after the existing ones, so
 * the existing part's entries (and every `s=` of the existing sheets) keep their indexes. The
 * result says how to renumber the incoming sheets' references.
 */

/** CT_Stylesheet's children in schema order. */
const ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"] as const;
type Section = (typeof ORDER)[number];
const ITEM: Partial<Record<Section, string>> = { numFmts: "numFmt", fonts: "font", fills: "fill", borders: "border", cellXfs: "xf", dxfs: "dxf" };

/** Where the incoming styles went: cell-format and differential-format index offsets, number format renumbering. */
export interface StyleMap {
  readonly xf: (index: number) => number;
  readonly dxf: (index: number) => number;
}

function section(xml: string, name: Section): { element: string; items: string[] } | undefined {
  const found = elements(xml, name)[0]?.[0];
  const item = ITEM[name];
  return found === undefined ? undefined : { element: found, items: item ? elements(found, item).map((m) => m[0]) : [] };
}

/**
 * `xml` with `items` appended to section `name` (created in schema order if missing) and its count
 * updated; `found` is that section as read before any section was appended to (they do not overlap).
 */
function append(xml: string, name: Section, found: ReturnType<typeof section>, items: readonly string[]): string {
  if (items.length === 0) return xml;
  if (!found) {
    const later = ORDER.slice(ORDER.indexOf(name) + 1);
    return insertBefore(xml, later, "</styleSheet>", `<${name} count="${items.length}">${items.join("")}</${name}>`);
  }
  const count = found.items.length + items.length;
  const open = setAttr(found.element, "count", String(count));
  const merged = open.endsWith("/>")
    ? `${open.slice(0, open.lastIndexOf("/>")).trimEnd()}>${items.join("")}</${name}>`
    : open.slice(0, open.lastIndexOf(`</${name}>`)) + items.join("") + `</${name}>`;
  return xml.replace(found.element, () => merged);
}


export function mergeStyles(target: string, incoming: string): { xml: string; map: StyleMap } {
  // Each section of the target read once: a roll-up's target grows with every rep (issue 17).
  const sections = new Map(ORDER.map((name) => [name, ITEM[name] ? section(target, name) : undefined] as const));
  const count = (name: Section) => sections.get(name)?.items.length ?? 0;
  const offsets = { font: count("fonts"), fill: count("fills"), border: count("borders"), xf: count("cellXfs"), dxf: count("dxfs") };
  const targetFormats = sections.get("numFmts")?.items ?? [];
  let nextFormat = Math.max(163, ...targetFormats.map((f) => Number(attr(f, "numFmtId") ?? 0))) + 1;
  const formatIds = new Map<number, number>();
  const formats = (section(incoming, "numFmts")?.items ?? []).map((f) => {
    const id = Number(attr(f, "numFmtId") ?? 0);
    // Built-in formats (below 164) mean the same in every workbook; custom ones get a free id.
    if (id < 164) return undefined;
    const to = nextFormat++;
    formatIds.set(id, to);
    return setAttr(f, "numFmtId", String(to));
  }).filter((f) => f !== undefined);
  const xfs = (section(incoming, "cellXfs")?.items ?? []).map((xf) => {
    let out = renumber(xf, "numFmtId", (n) => formatIds.get(n) ?? n);
    out = renumber(out, "fontId", (n) => n + offsets.font);
    out = renumber(out, "fillId", (n) => n + offsets.fill);
    out = renumber(out, "borderId", (n) => n + offsets.border);
    // Cell style 0 (Normal) exists in every styles part; the incoming cell formats are based on it.
    return renumber(out, "xfId", () => 0);
  });
  let xml = target;
  const add = (name: Section, items: readonly string[]) => (xml = append(xml, name, sections.get(name), items));
  add("numFmts", formats);
  add("fonts", section(incoming, "fonts")?.items ?? []);
  add("fills", section(incoming, "fills")?.items ?? []);
  add("borders", section(incoming, "borders")?.items ?? []);
  add("cellXfs", xfs);
  add("dxfs", section(incoming, "dxfs")?.items ?? []);
  return { xml, map: { xf: (n) => n + offsets.xf, dxf: (n) => n + offsets.dxf } };
}
