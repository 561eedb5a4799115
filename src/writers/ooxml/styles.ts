import { attr, elements, insertBefore, renumber, setAttr } from "./xml";

/**
 * Merging styles parts into another by APPENDING: every number format, font, fill, border, cell
 * format and differential format of an incoming part that the target does not have yet is added
 * after the existing ones, so the existing part's entries (and every `s=` of the existing sheets)
 * keep their indexes; one it has already, the same text, is shared. The result says how to
 * renumber the incoming sheets' references.
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


/** A section's items as read once, and where each item's exact text first is. */
interface Items {
  readonly found: ReturnType<typeof section>;
  readonly added: string[];
  readonly at: Map<string, number>;
}

const itemsOf = (xml: string, name: Section): Items => {
  const found = section(xml, name);
  const at = new Map<string, number>();
  found?.items.forEach((item, i) => {
    if (!at.has(item)) at.set(item, i);
  });
  return { found, added: [], at };
};

/** Index of `item` in `items`: an equal one's, or a new one appended. */
function indexOf(items: Items, item: string): number {
  let index = items.at.get(item);
  if (index === undefined) {
    index = (items.found?.items.length ?? 0) + items.added.length;
    items.added.push(item);
    items.at.set(item, index);
  }
  return index;
}

/**
 * A styles part that the styles of several incoming parts are merged into, each section read once
 * and the part written once (`xml`): a roll-up merges every rep's styles into the team's, and reading
 * and writing the growing part again for each rep made 300 reps quadratic (issue 17). An incoming
 * entry equal to one the part has already — the same text once its references are renumbered — is
 * not appended again but shared: reps' files come from the same writer, so their styles are mostly
 * equal, and the part stays the size of one rep's instead of growing with every rep.
 */
export class StylesMerge {
  private readonly sections: ReadonlyMap<Section, Items>;
  /** Custom number formats by their code, and the next free id (below 164 they are built in). */
  private readonly formats = new Map<string, number>();
  private nextFormat: number;

  constructor(private readonly target: string) {
    this.sections = new Map(ORDER.filter((name) => ITEM[name] !== undefined).map((name) => [name, itemsOf(target, name)]));
    const ids = (this.items("numFmts").found?.items ?? []).map((f) => ({ id: Number(attr(f, "numFmtId") ?? 0), code: attr(f, "formatCode") }));
    for (const { id, code } of ids) if (id >= 164 && code !== undefined && !this.formats.has(code)) this.formats.set(code, id);
    this.nextFormat = Math.max(163, ...ids.map((f) => f.id)) + 1;
  }

  private items(name: Section): Items {
    return this.sections.get(name)!;
  }

  /** Merges `incoming`; says where its cell formats and differential formats now are. */
  merge(incoming: string): StyleMap {
    const formatIds = new Map<number, number>();
    for (const f of section(incoming, "numFmts")?.items ?? []) {
      const id = Number(attr(f, "numFmtId") ?? 0);
      const code = attr(f, "formatCode");
      // Built-in formats (below 164) mean the same in every workbook; a custom one takes the id of the same code, or a free one.
      if (id < 164 || code === undefined) continue;
      let to = this.formats.get(code);
      if (to === undefined) {
        to = this.nextFormat++;
        this.formats.set(code, to);
        this.items("numFmts").added.push(setAttr(f, "numFmtId", String(to)));
      }
      formatIds.set(id, to);
    }
    const place = (name: Section, items: readonly string[]): number[] => items.map((item) => indexOf(this.items(name), item));
    const moved = (name: Section, edit: (item: string) => string = (item) => item): ((index: number) => number) => {
      const items = section(incoming, name)?.items ?? [];
      // An index the incoming part does not have (a broken reference) stays as far past the end as it was.
      const end = (this.items(name).found?.items.length ?? 0) + this.items(name).added.length;
      const to = place(name, items.map(edit));
      return (n) => to[n] ?? end + n;
    };
    const font = moved("fonts");
    const fill = moved("fills");
    const border = moved("borders");
    const xf = moved("cellXfs", (item) => {
      let out = renumber(item, "numFmtId", (n) => formatIds.get(n) ?? n);
      out = renumber(out, "fontId", font);
      out = renumber(out, "fillId", fill);
      out = renumber(out, "borderId", border);
      // Cell style 0 (Normal) exists in every styles part; the incoming cell formats are based on it.
      return renumber(out, "xfId", () => 0);
    });
    return { xf, dxf: moved("dxfs") };
  }

  /** The merged part: the target's text with the new entries appended to their sections. */
  get xml(): string {
    let xml = this.target;
    for (const [name, items] of this.sections) xml = append(xml, name, items.found, items.added);
    return xml;
  }
}
