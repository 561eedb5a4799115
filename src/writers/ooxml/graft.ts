import { CONTENT_TYPE, NS, REL, relativePath, relsPathOf, resolvePath, WORKBOOK, type Relationship, type XlsxPackage } from "./package";
import { StylesMerge, type StyleMap } from "./styles";
import { definedNames, type DefinedName } from "./workbook";
import { attr, elements, escapeXml, innerXml, insertBefore, openTags, prefixOf, removeAttr, renumber, replaceTags, setAttr } from "./xml";

/**
 * Grafting sheets from one package into another, so a user's workbook is never loaded into a
 * lossy model and saved again: the sheets we add are rendered in a fresh package (or come from a
 * rep's file) and their parts — sheet, tables, drawings, charts, images, comments and their
 * relationships — are copied under free part names. Every part of the target stays byte-identical
 * except those that must list what was added: workbook.xml (sheets, defined names, calcPr), its
 * relationships, [Content_Types].xml, docProps/app.xml and styles.xml (appended to, see `styles.ts`).
 * Strings are written inline in the copied sheets (`t="inlineStr"`) rather than appended to
 * sharedStrings.xml: the target's shared strings then stay untouched (a workbook need not have a
 * table at all, LibreOffice's often has none), no index has to be renumbered, and Excel turns
 * inline strings into shared ones on its next save.
 */

/** Workbook-level parts: a sheet's relationship to one of these cannot be copied on its own. */
const WORKBOOK_LEVEL = /\/(pivotTable|slicer|timeline)$/;

/** CT_Workbook's children after `<sheets>`, in schema order. */
const AFTER_SHEETS = ["functionGroups", "externalReferences", "definedNames", "calcPr", "oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst"];
const after = (tag: string): string[] => AFTER_SHEETS.slice(AFTER_SHEETS.indexOf(tag) + 1);

export interface GraftOptions {
  /** Sheets of the source to copy and their names in the target, appended in this order. */
  readonly sheets: readonly { readonly from: string; readonly to: string }[];
  /** Which of the source's workbook-scoped names come along (default: all); names scoped to a copied sheet always do. */
  readonly keepName?: (name: DefinedName) => boolean;
  /** Applied to the text of every XML part copied and every name element: re-keying, renamed sheets. */
  readonly rewrite?: (xml: string) => string;
}

interface Copying {
  readonly target: XlsxPackage;
  readonly source: XlsxPackage;
  readonly styles: StyleMap;
  /** Raw inner XML of each source shared string, for inlining. */
  readonly shared: readonly string[];
  readonly rewrite: (xml: string) => string;
  /** source path → target path, so a part related twice is copied once. */
  readonly copied: Map<string, string>;
  nextTableId: number;
}

/** A copied sheet: strings inlined, style indexes moved to the appended styles, never selected. */
function worksheetXml(xml: string, c: Copying): string {
  let out = xml.replace(/<c(?=[\s/>])(?:[^>"']|"[^"]*"|'[^']*')*?(?:\/>|>[\s\S]*?<\/c>)/g, (cell) => {
    if (cell.endsWith("/>") || attr(cell, "t") !== "s") return cell;
    const index = /<v(?:\s[^>]*)?>\s*(\d+)\s*<\/v>/.exec(cell)?.[1];
    const inner = index === undefined ? undefined : c.shared[Number(index)];
    if (inner === undefined) return cell;
    const open = setAttr(cell.slice(0, cell.indexOf(">") + 1), "t", "inlineStr");
    return `${open}<is>${inner}</is></c>`;
  });
  out = replaceTags(out, "c", (open) => renumber(open, "s", c.styles.xf));
  out = replaceTags(out, "row", (open) => renumber(open, "s", c.styles.xf));
  out = replaceTags(out, "col", (open) => renumber(open, "style", c.styles.xf));
  out = replaceTags(out, "cfRule", (open) => renumber(open, "dxfId", c.styles.dxf));
  // The user's selected sheet stays the only one: two selected tabs would open grouped.
  out = replaceTags(out, "sheetView", (open) => removeAttr(open, "tabSelected"));
  return c.rewrite(out);
}

const TABLE_DXF = ["headerRowDxfId", "dataDxfId", "totalsRowDxfId", "headerRowBorderDxfId", "tableBorderDxfId", "totalsRowBorderDxfId"];

function tableXml(xml: string, c: Copying): string {
  // Table ids are unique per workbook.
  let out = replaceTags(xml, "table", (open) => setAttr(open, "id", String(c.nextTableId++)));
  for (const tag of ["table", "tableColumn"]) out = replaceTags(out, tag, (open) => TABLE_DXF.reduce((o, name) => renumber(o, name, c.styles.dxf), open));
  return c.rewrite(out);
}

/** Copies `path` of the source (and what it relates to) under a free name; returns the target path. */
async function copyPart(path: string, c: Copying): Promise<string | undefined> {
  const done = c.copied.get(path);
  if (done !== undefined) return done;
  const data = await c.source.bytes(path);
  if (data === undefined) return undefined;
  const type = c.source.types.typeOf(path) ?? "application/octet-stream";
  const slash = path.lastIndexOf("/");
  const [, stem, ext] = /^(.*?)\d*\.([^.]+)$/.exec(path.slice(slash + 1)) ?? ["", path.slice(slash + 1), "bin"];
  const to = c.target.freePartName(path.slice(0, slash), stem, ext);
  c.copied.set(path, to);
  c.target.write(to, data); // reserves the name before related parts are named
  if (/xml$/.test(type) || /\.(xml|vml)$/i.test(path)) {
    const text = (await c.source.text(path)) ?? "";
    c.target.write(to, type === CONTENT_TYPE.worksheet ? worksheetXml(text, c) : /\.table\+xml$/.test(type) ? tableXml(text, c) : c.rewrite(text));
  }
  c.target.types.declare(to, type);
  const rels: Relationship[] = [];
  const dropped: string[] = [];
  for (const rel of await c.source.rels(path)) {
    if (rel.external) {
      rels.push(rel);
      continue;
    }
    const copied = WORKBOOK_LEVEL.test(rel.type) ? undefined : await copyPart(resolvePath(path, rel.target), c);
    // A relationship to a part the source does not have, or to a pivot/slicer/timeline, is not carried over.
    if (copied !== undefined) rels.push({ ...rel, target: relativePath(to, copied) });
    else dropped.push(rel.id);
  }
  if (rels.length > 0) c.target.writeRels(to, rels);
  if (dropped.length > 0 && type === CONTENT_TYPE.worksheet) c.target.write(to, withoutReferences((await c.target.text(to)) ?? "", dropped));
  return to;
}

/**
 * A copied sheet without what points at relationships that were not carried over: an `r:id` with no
 * relationship behind it (a slicer list in the sheet's extLst, a drawing whose part is missing) is
 * a broken package to Excel, which offers to repair it.
 */
export function withoutReferences(xml: string, ids: readonly string[]): string {
  const refers = (element: string): boolean => ids.some((id) => new RegExp(`\\sr:id="${id}"`).test(element));
  let out = xml;
  for (const [ext] of elements(out, "ext")) if (refers(ext)) out = out.replace(ext, "");
  return out.replace(/<[\w:]+\b[^<>]*\/>/g, (element) => (refers(element) ? "" : element));
}

/** `<definedName>`s added to workbook.xml, in schema position when the workbook had none. */
function withNames(xml: string, added: readonly string[]): string {
  if (added.length === 0) return xml;
  const list = elements(xml, "definedNames")[0]?.[0];
  if (list === undefined) return insertBefore(xml, after("definedNames"), "</workbook>", `<definedNames>${added.join("")}</definedNames>`);
  const merged = list.endsWith("/>") && !list.includes("</definedNames>") ? `<definedNames>${added.join("")}</definedNames>` : list.replace(/<\/definedNames>$/, () => `${added.join("")}</definedNames>`);
  return xml.replace(list, () => merged);
}

/**
 * New formulas carry no cached values. `fullCalcOnLoad` makes Excel (and LibreOffice, WPS)
 * calculate the whole workbook when it opens the file, so our sheets never show blanks or stale
 * zeros; the user's other calculation settings (mode, iterate, calcId …) are kept as they are.
 */
export function withFullCalc(xml: string): string {
  const calc = openTags(xml, "calcPr")[0];
  if (calc !== undefined) return xml.replace(calc, () => setAttr(calc, "fullCalcOnLoad", "1"));
  return insertBefore(xml, after("calcPr"), "</workbook>", `<calcPr fullCalcOnLoad="1"/>`);
}

/**
 * docProps/app.xml lists the sheet names under the first heading pair (Excel's "Worksheets",
 * localized). Left as it is when it has no such list (LibreOffice writes none).
 */
export function appSheetList(xml: string, edit: (titles: string[]) => string[]): string {
  const pairs = /<(\w+:)?vector\b[^>]*>([\s\S]*?)<\/\1vector>/.exec(/<HeadingPairs>([\s\S]*?)<\/HeadingPairs>/.exec(xml)?.[1] ?? "");
  const titles = /<TitlesOfParts>\s*(<(\w+:)?vector\b[^>]*?)(?:\/>|>([\s\S]*?)<\/\2vector>)\s*<\/TitlesOfParts>/.exec(xml);
  const count = /<(\w+:)?i4>(\d+)<\/\1i4>/.exec(pairs?.[2] ?? "");
  if (!pairs || !titles || !count) return xml;
  const vt = titles[2] ?? "";
  const items = [...(titles[3] ?? "").matchAll(new RegExp(`<${vt}lpstr>([\\s\\S]*?)</${vt}lpstr>`, "g"))].map((m) => m[1]);
  const n = Number(count[2]);
  if (n > items.length) return xml;
  const sheets = edit(items.slice(0, n));
  const all = [...sheets, ...items.slice(n)];
  const list = `<TitlesOfParts>${setAttr(`${titles[1]}>`, "size", String(all.length))}${all.map((t) => `<${vt}lpstr>${t}</${vt}lpstr>`).join("")}</${vt}vector></TitlesOfParts>`;
  const heading = pairs[0].replace(count[0], `<${count[1] ?? ""}i4>${sheets.length}</${count[1] ?? ""}i4>`);
  return xml.replace(titles[0], () => list).replace(pairs[0], () => heading);
}

async function editApp(target: XlsxPackage, edit: (titles: string[]) => string[]): Promise<void> {
  const app = (await target.targets("")).find((r) => /\/extended-properties$/.test(r.type))?.path ?? "docProps/app.xml";
  const xml = await target.text(app);
  if (xml === undefined) return;
  const edited = appSheetList(xml, edit);
  if (edited !== xml) target.write(app, edited);
}

/**
 * Refuses `wanted` sheet names that repeat each other or one of `existing` (case-insensitively, as
 * Excel does): callers build names free of the workbook's, so a clash is a programming error.
 */
export function assertNewSheets(existing: readonly string[], wanted: readonly string[]): void {
  claimSheetNames(new Set(existing.map((name) => name.toLowerCase())), wanted);
}

/** `assertNewSheets` against `taken` (lower case), which the wanted names join. */
function claimSheetNames(taken: Set<string>, wanted: readonly string[]): void {
  for (const name of wanted) {
    if (taken.has(name.toLowerCase())) throw new Error(`sheet "${name}" already exists; build the specs with the workbook's existing names`);
    taken.add(name.toLowerCase());
  }
}

/** The highest table id of the package (ids are unique per workbook). */
async function maxTableId(pkg: XlsxPackage): Promise<number> {
  let max = 0;
  for (const path of pkg.paths().filter((p) => pkg.types.typeOf(p)?.endsWith(".table+xml"))) {
    const id = Number(attr(openTags((await pkg.text(path)) ?? "", "table")[0] ?? "", "id") ?? 0);
    if (id > max) max = id;
  }
  return max;
}

/**
 * A target package that the sheets of several sources are grafted into (`add`), one after another,
 * then `finish`ed. The parts every graft lists into — workbook.xml, its relationships, the styles and
 * docProps/app.xml — are read once and written once at `finish`, with what each graft adds kept in
 * between: a roll-up grafts every rep's file into one team workbook, and reading and writing those
 * growing parts again for each rep made 300 reps quadratic (issue 17). Until `finish` the target's
 * workbook.xml does not list the grafted sheets yet: `sheetNames` does.
 */
export class Graft {
  /** What the grafts added to workbook.xml and its relationships, written by `finish`. */
  private readonly added = { sheets: [] as string[], titles: [] as string[], names: [] as string[], rels: [] as Relationship[] };
  /** Lower-case sheet names, for `assertNewSheets`'s rule without building a list per graft. */
  private readonly taken: Set<string>;
  private readonly relIds: Set<string>;
  private relCount: number;
  private grafted = false;

  private constructor(
    private readonly target: XlsxPackage,
    private readonly workbook: string,
    private readonly sheets: string[],
    private sheetId: number,
    rels: readonly Relationship[],
    private nextTableId: number,
    /** The target's styles part and what is merged into it, written by `finish`. */
    private styles: { readonly path: string; readonly merge: StylesMerge } | undefined,
  ) {
    this.taken = new Set(sheets.map((name) => name.toLowerCase()));
    this.relIds = new Set(rels.map((rel) => rel.id));
    this.relCount = rels.length;
  }

  static async open(target: XlsxPackage): Promise<Graft> {
    const sheets = await target.sheets();
    const stylesPath = await target.workbookPart(REL.styles);
    const styles = stylesPath && (await target.text(stylesPath));
    return new Graft(
      target,
      await target.workbookXml(),
      sheets.map((s) => s.name),
      Math.max(0, ...sheets.map((s) => s.sheetId)),
      await target.rels(WORKBOOK),
      (await maxTableId(target)) + 1,
      stylesPath && styles ? { path: stylesPath, merge: new StylesMerge(styles) } : undefined,
    );
  }

  /** The target's sheet names with those grafted so far, in workbook order. */
  get sheetNames(): readonly string[] {
    return this.sheets;
  }

  /** `rId<n>` as `freeRelId` would give it for the relationships the workbook has by now. */
  private relId(): string {
    let n = ++this.relCount;
    while (this.relIds.has(`rId${n}`)) n++;
    this.relIds.add(`rId${n}`);
    return `rId${n}`;
  }

  /** The styles of `source` merged into the target's (or copied when the target has none). */
  private async graftStyles(source: XlsxPackage): Promise<StyleMap> {
    const identity: StyleMap = { xf: (n) => n, dxf: (n) => n };
    const from = await source.workbookPart(REL.styles);
    const incoming = from && (await source.text(from));
    if (!incoming) return identity;
    if (this.styles) return this.styles.merge.merge(incoming);
    const path = this.target.freePartName("xl", "styles", "xml");
    this.target.write(path, incoming);
    this.target.types.declare(path, CONTENT_TYPE.styles);
    this.added.rels.push({ id: this.relId(), type: REL.styles, target: relativePath(WORKBOOK, path), external: false });
    this.styles = { path, merge: new StylesMerge(incoming) };
    return identity;
  }

  /** Copies `options.sheets` of `source` into the target (see the module comment). */
  async add(source: XlsxPackage, options: GraftOptions): Promise<void> {
    this.grafted = true;
    const sourceSheets = await source.sheets();
    claimSheetNames(this.taken, options.sheets.map((s) => s.to));
    const sharedPath = await source.workbookPart(REL.sharedStrings);
    const c: Copying = {
      target: this.target,
      source,
      styles: await this.graftStyles(source),
      shared: elements((sharedPath && (await source.text(sharedPath))) ?? "", "si").map(([si]) => innerXml(si)),
      rewrite: options.rewrite ?? ((xml) => xml),
      copied: new Map(),
      nextTableId: this.nextTableId,
    };
    const r = prefixOf(this.workbook, NS.r) ?? "r";
    const newIndex = new Map<number, number>();
    for (const { from, to } of options.sheets) {
      const index = sourceSheets.findIndex((s) => s.name === from);
      const path = sourceSheets[index]?.path;
      if (path === undefined) throw new Error(`no worksheet "${from}" in the package to copy`);
      const copied = await copyPart(path, c);
      if (copied === undefined) throw new Error(`the part of worksheet "${from}" is missing`);
      const id = this.relId();
      this.added.rels.push({ id, type: REL.worksheet, target: relativePath(WORKBOOK, copied), external: false });
      this.added.sheets.push(`<sheet name="${escapeXml(to)}" sheetId="${++this.sheetId}" ${r}:id="${id}"/>`);
      this.added.titles.push(escapeXml(to));
      newIndex.set(index, this.sheets.length);
      this.sheets.push(to);
    }
    this.nextTableId = c.nextTableId;
    const keep = options.keepName ?? (() => true);
    for (const name of definedNames(await source.workbookXml())) {
      if (name.localSheetId === undefined) {
        if (keep(name)) this.added.names.push(c.rewrite(name.element));
        continue;
      }
      const to = newIndex.get(name.localSheetId);
      if (to !== undefined) this.added.names.push(setAttr(c.rewrite(name.element), "localSheetId", String(to)));
    }
  }

  /** Writes the listing parts once, with everything `add` grafted. Nothing is written when nothing was grafted. */
  async finish(): Promise<void> {
    if (!this.grafted) return;
    let workbook = this.workbook;
    if (prefixOf(workbook, NS.r) === undefined) workbook = workbook.replace(/<workbook\b/, `<workbook xmlns:r="${NS.r}"`);
    const sheets = this.added.sheets.join("");
    workbook = /<sheets[\s/>]/.test(workbook)
      ? workbook.replace(/<sheets>([\s\S]*?)<\/sheets>|<sheets\s*\/>/, (_whole, inner: string | undefined) => `<sheets>${inner ?? ""}${sheets}</sheets>`)
      : insertBefore(workbook, AFTER_SHEETS, "</workbook>", `<sheets>${sheets}</sheets>`);
    this.target.write(WORKBOOK, withFullCalc(withNames(workbook, this.added.names)));
    await this.target.addRels(WORKBOOK, this.added.rels);
    if (this.styles) this.target.write(this.styles.path, this.styles.merge.xml);
    await editApp(this.target, (titles) => [...titles, ...this.added.titles]);
  }
}

/** Copies `options.sheets` of `source` into `target` (see the module comment). */
export async function graftSheets(target: XlsxPackage, source: XlsxPackage, options: GraftOptions): Promise<void> {
  const graft = await Graft.open(target);
  await graft.add(source, options);
  await graft.finish();
}

/**
 * Removes a sheet the add-in made (the roll-up's old summary) with the parts only it uses, and the
 * names `dropName` selects; later sheets' scoped names move down one index.
 */
export async function removeSheet(pkg: XlsxPackage, name: string, dropName: (name: DefinedName) => boolean): Promise<void> {
  const sheets = await pkg.sheets();
  const index = sheets.findIndex((s) => s.name === name);
  if (index < 0) return;
  const sheet = sheets[index];
  let workbook = (await pkg.workbookXml()).replace(sheet.element, "");
  for (const n of definedNames(workbook)) {
    if (n.localSheetId === index || (n.localSheetId === undefined && dropName(n))) workbook = workbook.replace(n.element, "");
    else if (n.localSheetId !== undefined && n.localSheetId > index) workbook = workbook.replace(n.element, () => setAttr(n.element, "localSheetId", String(n.localSheetId! - 1)));
  }
  workbook = workbook.replace(/<definedNames>\s*<\/definedNames>/, "");
  for (const view of openTags(workbook, "workbookView")) {
    const active = Number(attr(view, "activeTab") ?? 0);
    const first = Number(attr(view, "firstSheet") ?? 0);
    let edited = active >= index && active > 0 ? setAttr(view, "activeTab", String(active - 1)) : view;
    if (first >= index && first > 0) edited = setAttr(edited, "firstSheet", String(first - 1));
    workbook = workbook.replace(view, () => edited);
  }
  pkg.write(WORKBOOK, workbook);
  await pkg.removeRel(WORKBOOK, sheet.relId);
  if (sheet.path !== undefined) await removeOwned(pkg, sheet.path);
  // Excel's calculation chain lists formula cells by sheet; entries of the removed sheet would make
  // Excel repair the file. The chain is only a cache (Excel rebuilds it), so it goes.
  for (const chain of (await pkg.targets(WORKBOOK)).filter((r) => r.type === REL.calcChain)) {
    pkg.remove(chain.path);
    await pkg.removeRel(WORKBOOK, chain.id);
  }
  await editApp(pkg, (titles) => titles.filter((_t, i) => i !== titles.findIndex((x) => x === escapeXml(name))));
}

/** Deletes `root` and every part reachable from it that no other part relates to. */
async function removeOwned(pkg: XlsxPackage, root: string): Promise<void> {
  const owned = new Set<string>();
  const visit = async (path: string): Promise<void> => {
    if (owned.has(path) || !pkg.has(path)) return;
    owned.add(path);
    for (const rel of await pkg.targets(path)) if (!WORKBOOK_LEVEL.test(rel.type)) await visit(rel.path);
  };
  await visit(root);
  const usedElsewhere = new Set<string>();
  for (const rels of pkg.paths().filter((p) => /(^|\/)_rels\/[^/]*\.rels$/.test(p))) {
    const part = rels.replace(/(^|\/)_rels\/([^/]*)\.rels$/, "$1$2");
    if (owned.has(part)) continue;
    for (const rel of await pkg.targets(part)) usedElsewhere.add(rel.path);
  }
  for (const path of owned) {
    if (path !== root && usedElsewhere.has(path)) continue;
    pkg.remove(path);
    // Through `remove`, so an Override of the .rels part (LibreOffice declares one for each) goes too.
    if (pkg.has(relsPathOf(path))) pkg.remove(relsPathOf(path));
  }
}
