import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { discoverPlans } from "../../../src/team";
import { buildSummarySheet } from "../../../src/templates/team";
import { attr, definedNames, elements, NS, openTags, REL, tableNames, unescapeXml, WORKBOOK, XML_DECLARATION, XlsxPackage } from "../../../src/writers/ooxml";
import { inspectXlsx, writeXlsx } from "../../../src/writers/xlsx";
import { mergeRepWorkbooks, xlsxNameEntries } from "../../../src/writers/xlsx/mergeWorkbooks";
import { runCli } from "../../support/cli";
import { convertWithLibreOffice, errorCells, recalcXlsx } from "../../support/libreoffice";
import { expectValidXlsx, expectValidXlsxAll } from "../../support/ooxmlGate";
import { repoRoot } from "../../support/paths";

/**
 * Issue 9, item 2: adding sheets to a workbook made by another program keeps every part it had.
 * For each foreign workbook (test/fixtures/foreign: LibreOffice with a pivot table, openpyxl,
 * exceljs) and each path that adds to an existing file — `write --out`, `breakdown --out`,
 * `rollup --out TEAM` and `rollup` with it as a rep's file — every pre-existing part must be byte
 * for byte what it was, except the parts that list what was added, whose previous entries must
 * all still be there unchanged; LibreOffice must then open and recalculate the result with no
 * error in our sheets. Before the graft every one of these loaded the workbook into exceljs.
 */

jest.setTimeout(300_000);

const dir = mkdtempSync(join(tmpdir(), "sp-graft-"));
const FOREIGN = ["libreoffice", "openpyxl", "exceljs"] as const;
type Foreign = (typeof FOREIGN)[number];
const fixture = (name: Foreign): string => join(repoRoot, "test/fixtures/foreign", `${name}.xlsx`);
const bytes = (file: string): Uint8Array => new Uint8Array(readFileSync(file));

async function cli(...argv: string[]): Promise<void> {
  const run = await runCli(...argv);
  if (run.code !== 0) throw new Error(`sales-planner ${argv.join(" ")} failed (${run.code}): ${run.err}`);
}

const writePlan = (out: string, rep: string): Promise<void> => cli("write", "weekly", "--out", out, "--rep", rep, "--week", "2026-W48");

/** Each path, adding to the workbook at `file` (the team workbook for the rollups). */
const PATHS = {
  write: (file: string) => cli("write", "weekly", "customers", "--out", file, "--rep", "张三", "--week", "2026-W48"),
  breakdown: (file: string) =>
    cli("breakdown", "--out", file, "--target", "100000", "--month", "2026-11", "--reps", "张三=2,李四=1", "--plans", "weekly", "--week", "2026-W48"),
  rollupIntoIt: async (file: string) => {
    const rep = join(dir, `rep-of-${file.split("/").pop()}`);
    await writePlan(rep, "王五");
    await cli("rollup", "--out", file, rep);
  },
} as const;
type PathName = keyof typeof PATHS | "rollupFromIt";

interface Case {
  readonly foreign: Foreign;
  readonly path: PathName;
  /** The workbook whose parts must survive, and the file after the path ran. */
  readonly before: Uint8Array;
  readonly after: string;
  /** Why the path failed, if it did (kept per case so each test names its own failure). */
  readonly error?: string;
}
const cases: Case[] = [];

/** Parts that must list what was added; every other part stays byte-identical. */
async function listingParts(data: Uint8Array): Promise<Set<string>> {
  const pkg = await XlsxPackage.load(data);
  const styles = await pkg.workbookPart(REL.styles);
  return new Set(["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "docProps/app.xml", ...(styles ? [styles] : [])]);
}

const STYLE_LISTS = ["numFmts", "fonts", "fills", "borders", "cellXfs", "dxfs"] as const;
const STYLE_ITEM: Record<(typeof STYLE_LISTS)[number], string> = { numFmts: "numFmt", fonts: "font", fills: "fill", borders: "border", cellXfs: "xf", dxfs: "dxf" };

/** The roll-up's summary sheet, which a roll-up rebuilds: its parts and entries may go. */
interface Rebuilt {
  readonly sheet: string;
  readonly index: number;
  readonly parts: ReadonlySet<string>;
}

async function rebuiltSummary(data: Uint8Array): Promise<Rebuilt | undefined> {
  const pkg = await XlsxPackage.load(data);
  const sheets = await pkg.sheets();
  const index = sheets.findIndex((s) => s.name === "团队汇总");
  if (index < 0) return undefined;
  const parts = new Set<string>();
  const visit = async (path: string): Promise<void> => {
    if (parts.has(path)) return;
    parts.add(path);
    parts.add(path.replace(/([^/]*)$/, "_rels/$1.rels"));
    for (const rel of await pkg.targets(path)) await visit(rel.path);
  };
  await visit(sheets[index].path!);
  return { sheet: "团队汇总", index, parts };
}

/** Every way a listing part may have lost or changed one of its previous entries. */
function changedEntries(part: string, before: string, after: string, rebuilt?: Rebuilt): string[] {
  const problems: string[] = [];
  const keep = (what: string, items: readonly string[], into: string) => {
    for (const item of items) if (!into.includes(item)) problems.push(`${part}: ${what} ${item.slice(0, 120)} changed or lost`);
  };
  const ofRebuilt = (element: string) =>
    rebuilt !== undefined &&
    (attr(element, "name") === rebuilt.sheet || /^SP_T\d+_/.test(attr(element, "name") ?? "") || attr(element, "localSheetId") === String(rebuilt.index) ||
      rebuilt.parts.has((attr(element, "PartName") ?? "").slice(1)));
  if (part === "xl/workbook.xml") {
    keep("sheet", openTags(before, "sheet").filter((e) => !ofRebuilt(e)), after);
    keep("definedName", definedNames(before).map((n) => n.element).filter((e) => !ofRebuilt(e)), after);
    const calcBefore = openTags(before, "calcPr")[0];
    const calcAfter = openTags(after, "calcPr")[0] ?? "";
    if (attr(calcAfter, "fullCalcOnLoad") !== "1") problems.push(`${part}: calcPr has no fullCalcOnLoad="1"`);
    for (const m of calcBefore?.matchAll(/\s([\w:]+)="([^"]*)"/g) ?? []) {
      if (m[1] !== "fullCalcOnLoad" && attr(calcAfter, m[1]) !== m[2]) problems.push(`${part}: calcPr ${m[1]} changed`);
    }
    const rest = (xml: string) =>
      xml.replace(/<sheets>[\s\S]*?<\/sheets>|<sheets\/>|<definedNames>[\s\S]*?<\/definedNames>|<calcPr\b[^>]*\/>/g, "").replace(/ xmlns:r="[^"]*"(?=[^<]*>)/, "");
    if (rest(before) !== rest(after)) problems.push(`${part}: elements other than sheets, definedNames and calcPr changed`);
  } else if (part.endsWith(".rels")) {
    keep("relationship", openTags(before, "Relationship").filter((e) => !rebuilt?.parts.has(`xl/${attr(e, "Target")}`)), after);
  } else if (part === "[Content_Types].xml") {
    keep("content type", [...openTags(before, "Default"), ...openTags(before, "Override").filter((e) => !ofRebuilt(e))], after);
  } else if (part === "docProps/app.xml") {
    const titles = (xml: string) => [...(/<TitlesOfParts>([\s\S]*?)<\/TitlesOfParts>/.exec(xml)?.[1] ?? "").matchAll(/<vt:lpstr>([^<]*)<\/vt:lpstr>/g)].map((m) => m[1]);
    const was = titles(before).filter((t) => t !== rebuilt?.sheet);
    if (titles(after).slice(0, was.length).join("|") !== was.join("|")) problems.push(`${part}: sheet titles changed`);
    const rest = (xml: string) => xml.replace(/<HeadingPairs>[\s\S]*?<\/TitlesOfParts>/, "");
    if (rest(before) !== rest(after)) problems.push(`${part}: properties other than the sheet list changed`);
  } else {
    for (const list of STYLE_LISTS) {
      const items = (xml: string) => elements(elements(xml, list)[0]?.[0] ?? "", STYLE_ITEM[list]).map((m) => m[0]);
      const was = items(before);
      if (items(after).slice(0, was.length).join("") !== was.join("")) problems.push(`${part}: ${list} entries changed`);
    }
    for (const fixed of ["cellStyleXfs", "cellStyles", "tableStyles", "colors", "extLst"]) {
      if (elements(before, fixed)[0]?.[0] !== elements(after, fixed)[0]?.[0]) problems.push(`${part}: ${fixed} changed`);
    }
  }
  return problems;
}

/** Parts of `before` not byte-identical in `after`, and listing parts whose previous entries changed. */
async function damage(before: Uint8Array, after: Uint8Array): Promise<string[]> {
  const [a, b] = await Promise.all([JSZip.loadAsync(before), JSZip.loadAsync(after)]);
  const listing = await listingParts(before);
  const rebuilt = await rebuiltSummary(before);
  const problems: string[] = [];
  for (const part of Object.values(a.files).filter((f) => !f.dir && !rebuilt?.parts.has(f.name))) {
    const now = b.file(part.name);
    if (!now) {
      problems.push(`${part.name}: missing`);
      continue;
    }
    const [was, is] = await Promise.all([part.async("uint8array"), now.async("uint8array")]);
    if (Buffer.from(was).equals(Buffer.from(is))) continue;
    if (listing.has(part.name)) problems.push(...changedEntries(part.name, Buffer.from(was).toString("utf8"), Buffer.from(is).toString("utf8"), rebuilt));
    else problems.push(`${part.name}: changed`);
  }
  return problems;
}

/** Cells pointing past the end of the shared-string table (a copied sheet must not keep another package's indexes). */
async function strayStringIndexes(data: Uint8Array): Promise<string[]> {
  const pkg = await XlsxPackage.load(data);
  const path = await pkg.workbookPart(REL.sharedStrings);
  const count = elements((path && (await pkg.text(path))) ?? "", "si").length;
  const stray: string[] = [];
  for (const sheet of await pkg.sheets()) {
    for (const [cell] of elements((await pkg.text(sheet.path!)) ?? "", "c")) {
      const index = attr(cell, "t") === "s" ? Number(/<v>(\d+)<\/v>/.exec(cell)?.[1]) : undefined;
      if (index !== undefined && !(index < count)) stray.push(`${sheet.name}!${attr(cell, "r")}`);
    }
  }
  return stray;
}

/** The sheet names docProps/app.xml lists (the first heading pair), if it lists any. */
async function sheetTitles(data: Uint8Array): Promise<string[] | undefined> {
  const app = (await (await XlsxPackage.load(data)).text("docProps/app.xml")) ?? "";
  const count = /<HeadingPairs>[\s\S]*?<vt:i4>(\d+)<\/vt:i4>/.exec(app)?.[1];
  const titles = /<TitlesOfParts>([\s\S]*?)<\/TitlesOfParts>/.exec(app)?.[1];
  if (count === undefined || titles === undefined) return undefined;
  return [...titles.matchAll(/<vt:lpstr>([^<]*)<\/vt:lpstr>/g)].map((m) => unescapeXml(m[1])).slice(0, Number(count));
}

/** Every relationship target in the package exists. */
async function danglingRelationships(data: Uint8Array): Promise<string[]> {
  const pkg = await XlsxPackage.load(data);
  const missing: string[] = [];
  for (const rels of pkg.paths().filter((p) => p.endsWith(".rels"))) {
    const part = rels.replace(/(^|\/)_rels\/([^/]*)\.rels$/, "$1$2");
    for (const rel of await pkg.targets(part)) if (!pkg.has(rel.path)) missing.push(`${rels} → ${rel.path}`);
  }
  return missing;
}

beforeAll(async () => {
  const teamBase = join(dir, "team-base.xlsx");
  const zhao = join(dir, "zhao.xlsx");
  await writePlan(zhao, "赵六");
  await cli("rollup", "--out", teamBase, zhao);
  const attempt = async (run: () => Promise<void>): Promise<string | undefined> => run().then(() => undefined, (e: unknown) => String(e));
  for (const foreign of FOREIGN) {
    for (const [path, run] of Object.entries(PATHS)) {
      const file = join(dir, `${foreign}-${path}.xlsx`);
      copyFileSync(fixture(foreign), file);
      const error = await attempt(() => run(file));
      cases.push({ foreign, path: path as PathName, before: bytes(fixture(foreign)), after: file, ...(error ? { error } : {}) });
    }
    // The foreign workbook as a rep's file: a plan written into it, then collected into a team workbook.
    const rep = join(dir, `${foreign}-rep.xlsx`);
    copyFileSync(fixture(foreign), rep);
    const team = join(dir, `${foreign}-rollupFromIt.xlsx`);
    copyFileSync(teamBase, team);
    const error = await attempt(async () => {
      await writePlan(rep, "孙七");
      await cli("rollup", "--out", team, rep);
    });
    cases.push({ foreign, path: "rollupFromIt", before: bytes(teamBase), after: team, ...(error ? { error } : {}) });
  }
});

describe("adding sheets keeps every part of a foreign workbook", () => {
  test.each(FOREIGN.flatMap((f) => (["write", "breakdown", "rollupIntoIt", "rollupFromIt"] as const).map((p) => [f, p] as const)))(
    "%s, %s: every previous part byte-identical or, where it lists the new sheets, with every previous entry unchanged",
    async (foreign, path) => {
      const c = cases.find((x) => x.foreign === foreign && x.path === path)!;
      expect(c.error).toBeUndefined();
      const after = bytes(c.after);
      expect(await damage(c.before, after)).toEqual([]);
      expect(await danglingRelationships(after)).toEqual([]);
      expect(await strayStringIndexes(after)).toEqual([]);
      const sheets = (await inspectXlsx(after)).sheets;
      const previous = (await inspectXlsx(c.before)).sheets.filter((sheet) => c.path !== "rollupFromIt" || sheet !== "团队汇总");
      expect(sheets.slice(0, previous.length)).toEqual(previous);
      // Where the producer lists the sheets in docProps/app.xml, the list names every sheet after the change too.
      const listed = await sheetTitles(c.before);
      if (listed !== undefined) expect(await sheetTitles(after)).toEqual(sheets);
    },
  );

  test("every result passes the OOXML gate (schemas and Excel's repair rules), foreign parts included", async () => {
    expect(cases.filter((c) => c.error)).toEqual([]);
    await expectValidXlsxAll(cases.map((c) => ({ label: `${c.foreign}, ${c.path}`, bytes: bytes(c.after) })));
  });

  test("the rollups find every plan, the foreign rep's included, and one summary", async () => {
    for (const foreign of FOREIGN) {
      const into = discoverPlans(await xlsxNameEntries(bytes(join(dir, `${foreign}-rollupIntoIt.xlsx`))));
      expect(into.map((p) => p.rep)).toEqual(["王五"]);
      const from = bytes(join(dir, `${foreign}-rollupFromIt.xlsx`));
      expect(discoverPlans(await xlsxNameEntries(from)).map((p) => p.rep).sort()).toEqual(["孙七", "赵六"]);
      expect((await inspectXlsx(from)).sheets.filter((s) => s === "团队汇总")).toHaveLength(1);
    }
  });

  test("LibreOffice opens and recalculates every result: no error in our sheets, the foreign formulas still compute", async () => {
    expect(cases.filter((c) => c.error)).toEqual([]);
    const books = await recalcXlsx(cases.map((c) => c.after));
    for (const [i, book] of books.entries()) {
      const { before } = cases[i];
      const previous = new Set((await inspectXlsx(before)).sheets);
      const ours = new Map([...book].filter(([sheet]) => !previous.has(sheet)));
      expect({ file: cases[i].after, errors: errorCells(ours) }).toEqual({ file: cases[i].after, errors: [] });
      expect(ours.size).toBeGreaterThan(0);
      if (cases[i].path !== "rollupFromIt" && cases[i].foreign !== "exceljs") expect(book.get("Sales")?.get("D2")).toBe(365);
      if (cases[i].path !== "rollupFromIt" && cases[i].foreign === "exceljs") expect(book.get("Data")?.get("D2")).toBe(13);
    }
  });
});

describe("a workbook saved by LibreOffice (tables without a style element)", () => {
  test("rolls up as a rep's file and as the team workbook, and accepts writes", async () => {
    const plan = join(dir, "lo-plan-src.xlsx");
    await writePlan(plan, "周八");
    const [saved] = convertWithLibreOffice([plan], "xlsx:Calc MS Excel 2007 XML", join(dir, "lo"));
    const team = join(dir, "lo-team.xlsx");
    await cli("rollup", "--out", team, saved);
    expect(discoverPlans(await xlsxNameEntries(bytes(team))).map((p) => p.rep)).toEqual(["周八"]);

    // A team workbook LibreOffice saved, summary and all, rolled up again and written into.
    const [teamSaved] = convertWithLibreOffice([team], "xlsx:Calc MS Excel 2007 XML", join(dir, "lo2"));
    const other = join(dir, "lo-other.xlsx");
    await writePlan(other, "吴九");
    const before = bytes(teamSaved);
    await cli("rollup", "--out", teamSaved, other);
    await cli("write", "customers", "--out", teamSaved);
    const after = bytes(teamSaved);
    expect(discoverPlans(await xlsxNameEntries(after)).map((p) => p.rep).sort()).toEqual(["吴九", "周八"]);
    expect((await inspectXlsx(after)).sheets.filter((s) => s.startsWith("团队汇总"))).toEqual(["团队汇总"]);
    expect(await danglingRelationships(after)).toEqual([]);
    // The plan sheet LibreOffice saved is kept byte for byte; only the summary was rebuilt.
    const planPart = (await (await XlsxPackage.load(before)).sheets()).find((s) => s.name.startsWith("周计划-周八"))!.path!;
    expect(await (await JSZip.loadAsync(after)).file(planPart)!.async("string")).toBe(await (await JSZip.loadAsync(before)).file(planPart)!.async("string"));
    await expectValidXlsx(after, "LibreOffice-saved team workbook, rolled up again and written into");
    const [book] = await recalcXlsx([teamSaved]);
    expect(errorCells(book)).toEqual([]);
  });
});

describe("rebuilding the summary of a team workbook Excel saved", () => {
  test("drops Excel's calculation chain, which lists the old summary's cells, and every reference to it", async () => {
    const team = join(dir, "team-calcchain.xlsx");
    copyFileSync(join(dir, "team-base.xlsx"), team);
    const pkg = await XlsxPackage.load(bytes(team));
    const summary = (await pkg.sheets()).find((s) => s.name === "团队汇总")!;
    pkg.write("xl/calcChain.xml", `${XML_DECLARATION}<calcChain xmlns="${NS.main}"><c r="F6" i="${summary.sheetId}"/></calcChain>`);
    pkg.types.declare("xl/calcChain.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml");
    await pkg.addRels(WORKBOOK, [{ id: "rId999", type: REL.calcChain, target: "calcChain.xml", external: false }]);
    writeFileSync(team, await pkg.save());
    const rep = join(dir, "calcchain-rep.xlsx");
    await writePlan(rep, "郑十");
    await cli("rollup", "--out", team, rep);
    const after = await XlsxPackage.load(bytes(team));
    expect(after.has("xl/calcChain.xml")).toBe(false);
    expect((await after.rels(WORKBOOK)).filter((r) => r.type === REL.calcChain)).toEqual([]);
    expect(after.types.xml).not.toContain("calcChain");
    expect(await danglingRelationships(bytes(team))).toEqual([]);
  });

  test("with two summaries in the workbook, the one with the lowest key is rebuilt, as the pane's readPlans picks", async () => {
    const second = buildSummarySheet([], { key: "T2", sheet: "汇总-二" }, "zh-CN");
    const first = buildSummarySheet([], { key: "T1", sheet: "汇总-一" }, "zh-CN");
    const merged = await mergeRepWorkbooks(await writeXlsx([second, first]), []);
    expect(merged.removedSummary).toMatchObject({ key: "T1", sheet: "汇总-一" });
    expect((await inspectXlsx(merged.data)).sheets).toEqual(["汇总-二"]);
  });
});

describe("a rep's plan sheet with a slicer (not carried into the team workbook)", () => {
  test("the copied sheet keeps no reference to the dropped slicer relationship, and the result passes the gate", async () => {
    const plan = join(dir, "slicer-plan.xlsx");
    await writePlan(plan, "郑十");
    const zip = await JSZip.loadAsync(readFileSync(plan));
    const sheetPath = (await (await XlsxPackage.load(bytes(plan))).sheets())[0].path!;
    const relsPath = sheetPath.replace(/([^/]+)$/, "_rels/$1.rels");
    const rels = (await zip.file(relsPath)?.async("string")) ?? `${XML_DECLARATION}<Relationships xmlns="${NS.rels}"></Relationships>`;
    zip.file(relsPath, rels.replace("</Relationships>", `<Relationship Id="rIdSlicer9" Type="http://schemas.microsoft.com/office/2007/relationships/slicer" Target="../slicers/slicer1.xml"/></Relationships>`));
    zip.file("xl/slicers/slicer1.xml", `${XML_DECLARATION}<slicers xmlns="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"/>`);
    const ext = `<ext uri="{A8765BA9-456A-4dab-B4F3-ACF838C121DE}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:slicerList><x14:slicer r:id="rIdSlicer9"/></x14:slicerList></ext>`;
    const sheet = await zip.file(sheetPath)!.async("string");
    zip.file(sheetPath, sheet.includes("</extLst>") ? sheet.replace("</extLst>", `${ext}</extLst>`) : sheet.replace("</worksheet>", `<extLst>${ext}</extLst></worksheet>`));
    writeFileSync(plan, await zip.generateAsync({ type: "uint8array" }));

    const team = join(dir, "slicer-team.xlsx");
    await cli("rollup", "--out", team, plan);
    const pkg = await XlsxPackage.load(bytes(team));
    const copied = (await pkg.sheets()).find((s) => s.name.includes("郑十"))!;
    const xml = (await pkg.text(copied.path!))!;
    expect(xml).not.toContain("rIdSlicer9");
    expect(xml).not.toContain("slicerList");
    await expectValidXlsx(bytes(team), "rollup of a plan sheet with a slicer");
  });
});

/** `plan` with a table of the rep's own, 表1 at AZ1:AZ2, and a formula reading it (BA3). */
async function withOwnTable(plan: string): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(plan));
  const sheetPath = (await (await XlsxPackage.load(bytes(plan))).sheets())[0].path!;
  const relsPath = sheetPath.replace(/([^/]+)$/, "_rels/$1.rels");
  const addCell = (xml: string, row: number, cell: string): string =>
    xml.replace(new RegExp(`(<row r="${row}"[^>]*>[\\s\\S]*?)</row>`), (_, open: string) => `${open}${cell}</row>`);
  let sheet = await zip.file(sheetPath)!.async("string");
  sheet = addCell(sheet, 1, `<c r="AZ1" t="inlineStr"><is><t>列1</t></is></c>`);
  sheet = addCell(sheet, 2, `<c r="AZ2"><v>5</v></c>`);
  sheet = addCell(sheet, 3, `<c r="BA3"><f>SUM(表1[列1])</f></c>`);
  sheet = sheet.replace(/<tableParts count="(\d+)">/, (_, n: string) => `<tableParts count="${Number(n) + 1}"><tablePart r:id="rIdOwn9"/>`);
  zip.file(sheetPath, sheet);
  zip.file(relsPath, (await zip.file(relsPath)!.async("string")).replace("</Relationships>", `<Relationship Id="rIdOwn9" Type="${REL.table}" Target="../tables/ownTable.xml"/></Relationships>`));
  zip.file(
    "xl/tables/ownTable.xml",
    `${XML_DECLARATION}<table xmlns="${NS.main}" id="99" name="表1" displayName="表1" ref="AZ1:AZ2" totalsRowShown="0"><autoFilter ref="AZ1:AZ2"/><tableColumns count="1"><tableColumn id="1" name="列1"/></tableColumns><tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`,
  );
  const types = await zip.file("[Content_Types].xml")!.async("string");
  zip.file("[Content_Types].xml", types.replace("</Types>", `<Override PartName="/xl/tables/ownTable.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/></Types>`));
  writeFileSync(plan, await zip.generateAsync({ type: "uint8array" }));
}

describe("two reps' plan sheets each holding a table of their own called 表1", () => {
  test("the second copy's table is renamed (表1_2) with its formulas, so table names stay unique", async () => {
    const plans = [join(dir, "own-a.xlsx"), join(dir, "own-b.xlsx")];
    await writePlan(plans[0], "甲");
    await writePlan(plans[1], "乙");
    for (const plan of plans) await withOwnTable(plan);
    expect(await tableNames(await XlsxPackage.load(bytes(plans[0])))).toContain("表1");
    const team = join(dir, "own-team.xlsx");
    await cli("rollup", "--out", team, ...plans);
    const pkg = await XlsxPackage.load(bytes(team));
    const names = await tableNames(pkg);
    expect(names.filter((n) => /^表1/.test(n)).sort()).toEqual(["表1", "表1_2"]);
    const second = (await pkg.sheets()).find((s) => s.name.includes("乙"))!;
    expect(await pkg.text(second.path!)).toContain("<f>SUM(表1_2[列1])</f>");
    await expectValidXlsx(bytes(team), "rollup of two plan sheets with a table each called 表1");
  });
});
