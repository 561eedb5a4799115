import JSZip from "jszip";
import { attr, escapeXml, openTags, prefixOf } from "./xml";

/**
 * An .xlsx package open for reading and patching: parts by path, relationships, content types
 * and free part names. Every reader and patcher of the writers goes through this class, so the
 * package rules (relative targets, `_rels` paths, Default vs Override types) live in one place.
 */

export const NS = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  rels: "http://schemas.openxmlformats.org/package/2006/relationships",
  c: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
} as const;

const REL_BASE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
export const REL = {
  worksheet: `${REL_BASE}worksheet`,
  drawing: `${REL_BASE}drawing`,
  chart: `${REL_BASE}chart`,
  table: `${REL_BASE}table`,
  styles: `${REL_BASE}styles`,
  sharedStrings: `${REL_BASE}sharedStrings`,
  pivotTable: `${REL_BASE}pivotTable`,
  calcChain: `${REL_BASE}calcChain`,
} as const;

export const CONTENT_TYPE = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
} as const;

export const XML_DECLARATION = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`;
export const WORKBOOK = "xl/workbook.xml";

export interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
}

/** A `<sheet>` of workbook.xml with the package path of its part. */
export interface SheetEntry {
  readonly name: string;
  readonly sheetId: number;
  readonly relId: string;
  /** Package path of the sheet part; undefined when its relationship is missing. */
  readonly path?: string;
  /** The raw `<sheet …/>` element. */
  readonly element: string;
}

export const relsPathOf = (path: string): string => {
  const dir = path.slice(0, path.lastIndexOf("/") + 1);
  return `${dir}_rels/${path.slice(dir.length)}.rels`;
};

/** Package path of a relationship target, relative to the part `from`. */
export function resolvePath(from: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = from.split("/").slice(0, -1);
  for (const segment of target.split("/")) {
    if (segment === "..") parts.pop();
    else if (segment !== "." && segment !== "") parts.push(segment);
  }
  return parts.join("/");
}

/** Target of `to` relative to the part `from` (both package paths). */
export function relativePath(from: string, to: string): string {
  const a = from.split("/").slice(0, -1);
  const b = to.split("/");
  let common = 0;
  while (common < a.length && common < b.length - 1 && a[common] === b[common]) common++;
  return [...a.slice(common).map(() => ".."), ...b.slice(common)].join("/");
}

export const freeRelId = (rels: readonly Relationship[]): string => {
  const taken = new Set(rels.map((r) => r.id));
  let n = rels.length + 1;
  while (taken.has(`rId${n}`)) n++;
  return `rId${n}`;
};

export const relsXml = (rels: readonly Relationship[]): string =>
  `${XML_DECLARATION}<Relationships xmlns="${NS.rels}">` +
  rels
    .map((r) => `<Relationship Id="${escapeXml(r.id)}" Type="${escapeXml(r.type)}" Target="${escapeXml(r.target)}"${r.external ? ' TargetMode="External"' : ""}/>`)
    .join("") +
  `</Relationships>`;

export const relationshipsOf = (xml: string): Relationship[] =>
  openTags(xml, "Relationship").map((element) => ({
    id: attr(element, "Id") ?? "",
    type: attr(element, "Type") ?? "",
    target: attr(element, "Target") ?? "",
    external: attr(element, "TargetMode") === "External",
  }));

/** [Content_Types].xml as text, edited in memory and written back by `XlsxPackage.save`. */
export class ContentTypes {
  /**
   * The declarations by lower-case part name and extension, the first of each kept as `typeOf` reads
   * them, for the text `indexed` (and the declarations pending on it). Kept beside the text because a
   * roll-up asks for the type of every part of a growing package once per rep (issue 17: re-reading
   * the whole list on each question made 300 reps cubic).
   */
  private index?: { readonly overrides: Map<string, string | undefined>; readonly defaults: Map<string, string | undefined> };
  private indexed?: string;
  /**
   * Overrides declared since the text was last read, put before `</Types>` when it is: copying the
   * whole growing list for each declared part made a roll-up of 300 reps quadratic (issue 17).
   */
  private pending: string[] = [];
  private text = "";
  private closed = false;

  constructor(xml: string) {
    this.xml = xml;
  }

  get xml(): string {
    if (this.pending.length > 0) {
      const indexed = this.indexed === this.text;
      this.text = this.text.replace("</Types>", () => `${this.pending.join("")}</Types>`);
      this.pending = [];
      if (indexed) this.indexed = this.text;
    }
    return this.text;
  }

  set xml(xml: string) {
    this.text = xml;
    this.pending = [];
    this.index = this.indexed = undefined;
    this.closed = xml.includes("</Types>");
  }

  private declarations(): NonNullable<ContentTypes["index"]> {
    if (this.index === undefined || this.indexed !== this.text) {
      const xml = this.xml;
      const byKey = (tag: string, key: string): Map<string, string | undefined> => {
        const map = new Map<string, string | undefined>();
        for (const element of openTags(xml, tag)) {
          const name = attr(element, key)?.toLowerCase();
          if (name !== undefined && !map.has(name)) map.set(name, attr(element, "ContentType"));
        }
        return map;
      };
      this.index = { overrides: byKey("Override", "PartName"), defaults: byKey("Default", "Extension") };
      this.indexed = xml;
    }
    return this.index;
  }

  typeOf(path: string): string | undefined {
    const { overrides, defaults } = this.declarations();
    const key = `/${path}`.toLowerCase();
    return overrides.has(key) ? overrides.get(key) : defaults.get(path.slice(path.lastIndexOf(".") + 1).toLowerCase());
  }

  /** Declares `path`'s type unless the package's default for its extension already says so. */
  declare(path: string, contentType: string): void {
    if (!this.closed || this.typeOf(path) === contentType) return;
    this.pending.push(`<Override PartName="/${escapeXml(path)}" ContentType="${escapeXml(contentType)}"/>`);
    const { overrides } = this.declarations();
    const key = `/${path}`.toLowerCase();
    if (!overrides.has(key)) overrides.set(key, contentType);
  }

  /** Removes the Override of a part that is deleted. */
  forget(path: string): void {
    for (const element of openTags(this.xml, "Override")) {
      if (attr(element, "PartName")?.toLowerCase() === `/${path}`.toLowerCase()) this.xml = this.xml.replace(element, "");
    }
  }
}

/** Records `path` (`dir/stem<n>.ext`, n absent meaning 1) in `numbered`, the index `freePartName` reads. */
function numberPart(numbered: Map<string, number>, path: string): void {
  const m = /^(.*?)(\d*)\.([^./]+)$/.exec(path);
  if (m === null) return;
  const key = `${m[1]}.${m[3]}`.toLowerCase();
  numbered.set(key, Math.max(numbered.get(key) ?? 0, Number(m[2] || 1)));
}

/**
 * Relationships as read, by the part's zip entry: writing a part makes a new entry, so an entry's
 * relationships never go stale. A roll-up reads the workbook's growing list several times per rep
 * (issue 17: parsing it again each time was a third of the time at 300 reps).
 */
const parsedRels = new WeakMap<JSZip.JSZipObject, readonly Relationship[]>();

export class XlsxPackage {
  private constructor(
    readonly zip: JSZip,
    readonly types: ContentTypes,
    private readonly original: string,
  ) {}

  /**
   * The highest number each numbered part name uses (`xl/worksheets/sheet.xml` → 12 for sheet12.xml),
   * kept from the first `freePartName` on: scanning every path for each copied part made a roll-up
   * of 300 reps quadratic (issue 17). Forgotten when a part is removed, so numbers are reused as before.
   */
  private numbered?: Map<string, number>;

  static async load(data: Uint8Array): Promise<XlsxPackage> {
    const zip = await JSZip.loadAsync(data);
    const types = (await zip.file("[Content_Types].xml")?.async("string")) ?? "";
    return new XlsxPackage(zip, new ContentTypes(types), types);
  }

  has(path: string): boolean {
    return this.zip.file(path) !== null;
  }

  /** Paths of every part (no folders). */
  paths(): string[] {
    return Object.values(this.zip.files).filter((f) => !f.dir).map((f) => f.name);
  }

  async text(path: string): Promise<string | undefined> {
    return this.zip.file(path)?.async("string");
  }

  async bytes(path: string): Promise<Uint8Array | undefined> {
    return this.zip.file(path)?.async("uint8array");
  }

  write(path: string, content: string | Uint8Array): void {
    if (this.numbered !== undefined && !this.has(path)) numberPart(this.numbered, path);
    this.zip.file(path, content);
  }

  remove(path: string): void {
    this.zip.remove(path);
    this.types.forget(path);
    this.numbered = undefined;
  }

  async rels(part: string): Promise<Relationship[]> {
    const file = this.zip.file(relsPathOf(part));
    if (file === null) return [];
    let rels = parsedRels.get(file);
    if (rels === undefined) {
      rels = relationshipsOf(await file.async("string"));
      parsedRels.set(file, rels);
    }
    return [...rels];
  }

  writeRels(part: string, rels: readonly Relationship[]): void {
    if (rels.length === 0) this.remove(relsPathOf(part));
    else this.write(relsPathOf(part), relsXml(rels));
  }

  /**
   * Adds relationships to `part`'s existing list as new elements, leaving the elements already
   * there exactly as their producer wrote them.
   */
  async addRels(part: string, rels: readonly Relationship[]): Promise<void> {
    const xml = await this.text(relsPathOf(part));
    if (xml === undefined || !xml.includes("</Relationships>")) return this.writeRels(part, [...relationshipsOf(xml ?? ""), ...rels]);
    this.write(relsPathOf(part), xml.replace(/<\/Relationships>\s*$/, () => `${relsXml(rels).replace(/^[\s\S]*?<Relationships\b[^>]*>/, "").replace(/<\/Relationships>$/, "")}</Relationships>`));
  }

  /** Removes the relationship `id` of `part`, leaving the others as they were. */
  async removeRel(part: string, id: string): Promise<void> {
    const xml = (await this.text(relsPathOf(part))) ?? "";
    const element = openTags(xml, "Relationship").find((e) => attr(e, "Id") === id);
    if (element !== undefined) this.write(relsPathOf(part), xml.replace(element, ""));
  }

  /** The internal relationships of `part` with their resolved package paths. */
  async targets(part: string): Promise<(Relationship & { readonly path: string })[]> {
    return (await this.rels(part)).filter((r) => !r.external).map((r) => ({ ...r, path: resolvePath(part, r.target) }));
  }

  /** `dir/stem<n>.ext` with the lowest n above every number that name pattern already uses. */
  freePartName(dir: string, stem: string, ext: string): string {
    if (this.numbered === undefined) {
      this.numbered = new Map();
      for (const path of this.paths()) numberPart(this.numbered, path);
    }
    return `${dir}/${stem}${(this.numbered.get(`${dir}/${stem}.${ext}`.toLowerCase()) ?? 0) + 1}.${ext}`;
  }

  async workbookXml(): Promise<string> {
    const xml = await this.text(WORKBOOK);
    if (xml === undefined) throw new Error("not a workbook: the package has no xl/workbook.xml");
    return xml;
  }

  /** The sheets in workbook order with their parts. */
  async sheets(): Promise<SheetEntry[]> {
    const xml = await this.workbookXml();
    // By id, the first internal one as a lookup per sheet would find it: a roll-up's workbook has a
    // relationship per sheet, and a search per sheet made reading 300 reps' sheets cubic (issue 17).
    const rels = new Map<string, Relationship>();
    for (const rel of await this.rels(WORKBOOK)) if (!rel.external && !rels.has(rel.id)) rels.set(rel.id, rel);
    const r = prefixOf(xml, NS.r) ?? "r";
    return openTags(xml, "sheet").map((element) => {
      const relId = attr(element, `${r}:id`) ?? "";
      const rel = rels.get(relId);
      return {
        name: attr(element, "name") ?? "",
        sheetId: Number(attr(element, "sheetId") ?? 0),
        relId,
        ...(rel ? { path: resolvePath(WORKBOOK, rel.target) } : {}),
        element,
      };
    });
  }

  /** The part the workbook relates to with `type` (styles, shared strings), if there is one. */
  async workbookPart(type: string): Promise<string | undefined> {
    return (await this.targets(WORKBOOK)).find((r) => r.type === type && this.has(r.path))?.path;
  }

  async save(): Promise<Uint8Array> {
    if (this.types.xml !== this.original) this.write("[Content_Types].xml", this.types.xml);
    return this.zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  }
}
