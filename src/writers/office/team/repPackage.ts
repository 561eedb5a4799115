import JSZip from "jszip";
import { discoverPlans, type NameEntry, type PlanInstance } from "../../../team";
import { unescapeXml } from "../../xlsx/packagePatch";
import { keyOfName } from "../../../templates/naming";
import { parseAddress } from "../addresses";

/**
 * What the pane must know about a rep's .xlsx before inserting its sheets, read from the package
 * itself (JSZip; no exceljs in the pane): its plans, where each plan's names point, which tables
 * and which formula cells mention a plan key, and the template records' text. Excel's
 * `insertWorksheetsFromBase64` copies cells and tables but not workbook names reliably (they
 * arrive as `#REF!`, OfficeDev/office-js#3583), so the names are re-created from this.
 */

export interface RepName {
  readonly name: string;
  readonly sheet: string;
  /** A1 address on that sheet, without "$". */
  readonly address: string;
}

export interface RepFormulaCell {
  readonly sheet: string;
  readonly address: string;
  /** Without the leading "=". */
  readonly formula: string;
}

export interface RepPackage {
  readonly plans: readonly PlanInstance[];
  /** The plan sheets to insert, in workbook order. */
  readonly planSheets: readonly string[];
  /** Names of the plans, pointing at plan sheets. */
  readonly names: readonly RepName[];
  /** Tables on the plan sheets. */
  readonly tables: readonly { readonly name: string; readonly sheet: string }[];
  /** Cells on the plan sheets whose formula mentions `SP_` (links to names or tables of a plan). */
  readonly formulas: readonly RepFormulaCell[];
  /** Record text by plan key. */
  readonly records: ReadonlyMap<string, string>;
}

const attr = (element: string, name: string): string | undefined => {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(element);
  return match ? unescapeXml(match[1]) : undefined;
};

const partPath = (target: string, base: string): string => (target.startsWith("/") ? target.slice(1) : `${base}${target}`).replace(/[^/]+\/\.\.\//g, "");

async function relationships(zip: JSZip, rels: string, base: string): Promise<Map<string, string>> {
  const xml = (await zip.file(rels)?.async("string")) ?? "";
  return new Map([...xml.matchAll(/<Relationship\b[^>]*>/g)].map((m) => [attr(m[0], "Id") ?? "", partPath(attr(m[0], "Target") ?? "", base)]));
}

/**
 * Text of each cell, for the few cells read here (records): shared strings, inline strings,
 * literals. Empty cells are self-closing (`<c r="C9" s="12"/>`) and must not open a match.
 */
function cellTexts(xml: string, shared: readonly string[]): Map<string, string> {
  const texts = new Map<string, string>();
  for (const match of xml.matchAll(/<c\b([^>]*?)(?<!\/)>([\s\S]*?)<\/c>/g)) {
    const address = attr(match[0].slice(0, match[0].indexOf(">") + 1), "r");
    const type = /\st="([^"]*)"/.exec(match[1])?.[1];
    const value = /<v>([\s\S]*?)<\/v>/.exec(match[2])?.[1];
    const inline = /<is>([\s\S]*?)<\/is>/.exec(match[2])?.[1];
    if (address === undefined) continue;
    if (type === "s" && value !== undefined) texts.set(address, shared[Number(value)] ?? "");
    else if (type === "inlineStr" && inline !== undefined) texts.set(address, [...inline.matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => unescapeXml(t[1])).join(""));
    else if (value !== undefined) texts.set(address, unescapeXml(value));
  }
  return texts;
}

/** Whether a formula holds an A1 cell reference (outside strings and structured references). */
function hasCellReference(formula: string): boolean {
  let code = formula.replace(/"(?:[^"]|"")*"/g, '""');
  for (let before = ""; before !== code; ) [before, code] = [code, code.replace(/\[[^[\]]*\]/g, "")];
  return /(?<![\w.])\$?[A-Za-z]{1,3}\$?\d+(?![\w(])/.test(code);
}

/**
 * The cells of a sheet part whose formula mentions `SP_` (a plan's names or tables). Excel saves a
 * column of equal formulas — a table's calculated column — as a SHARED formula: the first cell holds
 * the text (`<f t="shared" ref="D10:D14" si="0">…</f>`), the others only point at it
 * (`<f t="shared" si="0"/>`). Those cells get the first cell's text when it has no A1 reference
 * (the add-in's formulas use names and structured references only, which do not shift from row to
 * row), so re-keying reaches every row, not only the first — with or without Excel's AutoCorrect
 * filling the column.
 */
function formulaCells(sheet: string, xml: string): RepFormulaCell[] {
  const cells: RepFormulaCell[] = [];
  const shared = new Map<string, string>();
  const pointers: { address: string; si: string }[] = [];
  for (const match of xml.matchAll(/<c\b([^>]*?)(?<!\/)>([\s\S]*?)<\/c>/g)) {
    const address = /\sr="([A-Z]+\d+)"/.exec(match[1])?.[1];
    const f = /<f\b([^>]*?)(?:\/>|>([^<]*)<\/f>)/.exec(match[2]);
    if (address === undefined || !f) continue;
    const si = /\bt="shared"/.test(f[1]) ? attr(f[0], "si") : undefined;
    const text = f[2] === undefined ? undefined : unescapeXml(f[2]);
    if (text === undefined) {
      if (si !== undefined) pointers.push({ address, si });
      continue;
    }
    if (si !== undefined) shared.set(si, text);
    if (text.includes("SP_")) cells.push({ sheet, address, formula: text });
  }
  for (const { address, si } of pointers) {
    const text = shared.get(si);
    if (text !== undefined && text.includes("SP_") && !hasCellReference(text)) cells.push({ sheet, address, formula: text });
  }
  return cells;
}

export async function readRepPackage(data: Uint8Array): Promise<RepPackage> {
  const zip = await JSZip.loadAsync(data);
  const workbook = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
  const rels = await relationships(zip, "xl/_rels/workbook.xml.rels", "xl/");
  const sheetParts = new Map([...workbook.matchAll(/<sheet\b[^>]*>/g)].map((m) => [attr(m[0], "name") ?? "", rels.get(attr(m[0], "r:id") ?? "") ?? ""]));
  const sharedXml = (await zip.file("xl/sharedStrings.xml")?.async("string")) ?? "";
  const shared = [...sharedXml.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => [...m[1].matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => unescapeXml(t[1])).join(""));

  const located = [...workbook.matchAll(/<definedName\b([^>]*)>([\s\S]*?)<\/definedName>/g)]
    .filter((m) => !/\slocalSheetId="/.test(m[1]))
    .map((m) => {
      const name = attr(m[0], "name") ?? "";
      const reference = unescapeXml(m[2]);
      try {
        const parsed = reference.includes("#REF!") ? undefined : parseAddress(reference.replace(/\$/g, ""));
        return { name, sheet: parsed?.sheet, address: reference.slice(reference.lastIndexOf("!") + 1).replace(/\$/g, "") };
      } catch {
        return { name, sheet: undefined, address: "" };
      }
    });

  const cells = new Map<string, Map<string, string>>();
  const formulas: RepFormulaCell[] = [];
  const tables: { name: string; sheet: string }[] = [];
  const sheetNames = [...sheetParts.keys()];
  const entries: NameEntry[] = located.map((n) => (n.sheet !== undefined ? { name: n.name, sheet: n.sheet } : { name: n.name }));
  const sheetsOfPlans = new Set(discoverPlans(entries).map((p) => p.sheet));
  const planSheets = sheetNames.filter((s) => sheetsOfPlans.has(s));
  const isPlanSheet = new Set(planSheets);
  for (const sheet of planSheets) {
    const path = sheetParts.get(sheet) ?? "";
    const xml = (await zip.file(path)?.async("string")) ?? "";
    cells.set(sheet, cellTexts(xml, shared));
    formulas.push(...formulaCells(sheet, xml));
    const dir = path.slice(0, path.lastIndexOf("/") + 1);
    const sheetRels = await relationships(zip, `${dir}_rels/${path.slice(dir.length)}.rels`, dir);
    for (const target of sheetRels.values()) {
      if (!/\/tables\/[^/]+\.xml$/.test(target)) continue;
      const name = attr(/<table\b[^>]*>/.exec((await zip.file(target)?.async("string")) ?? "")?.[0] ?? "", "name");
      if (name !== undefined) tables.push({ name, sheet });
    }
  }
  // Discover again with the records', reps' and periods' values, so the plans read as the roll-up will.
  const valued: NameEntry[] = located.map((n) => {
    const value = n.sheet !== undefined ? cells.get(n.sheet)?.get(n.address.split(":")[0]) : undefined;
    return n.sheet !== undefined ? { name: n.name, sheet: n.sheet, ...(value !== undefined ? { value } : {}) } : { name: n.name };
  });
  const plans = discoverPlans(valued);
  const valuedByName = new Map(valued.map((v) => [v.name.toUpperCase(), v]));
  const records = new Map(
    plans.flatMap((p) => {
      const record = valuedByName.get(`SP_${p.key}_TEMPLATE`);
      return typeof record?.value === "string" ? [[p.key, record.value] as const] : [];
    }),
  );
  const planKeys = new Set(plans.map((p) => p.key));
  const names = located.flatMap((n) => {
    const key = keyOfName(n.name);
    return n.sheet !== undefined && isPlanSheet.has(n.sheet) && key !== undefined && planKeys.has(key) ? [{ name: n.name, sheet: n.sheet, address: n.address }] : [];
  });
  return { plans, planSheets, names, tables, formulas, records };
}
