import JSZip from "jszip";

/**
 * Finishes the .xlsx package exceljs saved, for the parts exceljs cannot write or drops on a
 * load/save round trip:
 * - `<calculatedColumnFormula>` / `<totalsRowFormula>` in table parts: without the first, Excel
 *   does not treat a formula column as a calculated column and new rows would not get the formula;
 * - Excel's native duplicate-values conditional format (exceljs knows only expression rules, so
 *   the renderer writes a marker expression that is swapped here);
 * - comments on defined names (shown in Name Manager);
 * - charts (exceljs writes none and drops those of a workbook it loads), through `finish` and
 *   `charts.ts`;
 * - defined names of an existing workbook that exceljs could not parse (formulas, constants) and
 *   calculated-column formulas of its existing tables, so adding sheets leaves the rest intact.
 * Works on raw XML text with targeted replacements; every value inserted is XML-escaped.
 */

/** Formula text the renderer writes for a duplicate-values rule; replaced by the native rule here. */
export const DUPLICATES_MARKER = "SP_DUPLICATES_RULE";

/** table name → column header → XML-escaped formula text. */
export type ColumnFormulas = Map<string, Map<string, string>>;

export interface PackageFixes {
  readonly calculated: ColumnFormulas;
  readonly totals: ColumnFormulas;
  /** defined name → comment (plain text). */
  readonly nameComments: ReadonlyMap<string, string>;
  /** Raw `<definedName …>…</definedName>` elements to keep if exceljs dropped them. */
  readonly keepNames: readonly string[];
  /** Last edit of the open package before it is saved (the writers add charts here, see `charts.ts`). */
  readonly finish?: (zip: JSZip) => Promise<void>;
}

export const escapeXml = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export const unescapeXml = (text: string): string =>
  text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, "&");

const attribute = (element: string, name: string): string | undefined => {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(element);
  return match ? unescapeXml(match[1]) : undefined;
};

const tableName = (xml: string): string | undefined => {
  const open = /<table\b[^>]*>/.exec(xml);
  return open ? attribute(open[0], "name") : undefined;
};

function tableParts(zip: JSZip): JSZip.JSZipObject[] {
  return zip.file(/^xl\/tables\/[^/]+\.xml$/);
}

function addFormula(map: ColumnFormulas, table: string, column: string, xmlFormula: string): void {
  const columns = map.get(table) ?? new Map<string, string>();
  columns.set(column, xmlFormula);
  map.set(table, columns);
}

/** What an existing package holds that exceljs would lose on a load/save round trip. */
export async function preservedParts(data: Uint8Array): Promise<{ calculated: ColumnFormulas; totals: ColumnFormulas; definedNames: string[] }> {
  const zip = await JSZip.loadAsync(data);
  const calculated: ColumnFormulas = new Map();
  const totals: ColumnFormulas = new Map();
  for (const part of tableParts(zip)) {
    const xml = await part.async("string");
    const table = tableName(xml);
    if (!table) continue;
    for (const match of xml.matchAll(/<tableColumn\b([^>]*?)(?<!\/)>([\s\S]*?)<\/tableColumn>/g)) {
      const column = attribute(match[0], "name");
      if (column === undefined) continue;
      const calc = /<calculatedColumnFormula[^>]*>([\s\S]*?)<\/calculatedColumnFormula>/.exec(match[2]);
      const total = /<totalsRowFormula[^>]*>([\s\S]*?)<\/totalsRowFormula>/.exec(match[2]);
      if (calc) addFormula(calculated, table, column, calc[1]);
      if (total) addFormula(totals, table, column, total[1]);
    }
  }
  const workbook = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
  const definedNames = [...workbook.matchAll(/<definedName\b[^>]*>[\s\S]*?<\/definedName>/g)].map((m) => m[0]);
  return { calculated, totals, definedNames };
}

/**
 * The package with table columns reduced to their attributes: exceljs cannot parse a
 * `<tableColumn>` that has children (it fails with "Cannot set properties of undefined"), and Excel
 * writes them for every calculated column. `preservedParts` keeps what is removed here.
 */
export async function loadablePackage(data: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(data);
  for (const part of tableParts(zip)) {
    const xml = await part.async("string");
    zip.file(part.name, xml.replace(/<tableColumn\b([^>]*?)(?<!\/)>[\s\S]*?<\/tableColumn>/g, "<tableColumn$1/>"));
  }
  return zip.generateAsync({ type: "uint8array" });
}

function patchTable(xml: string, fixes: PackageFixes): string {
  const table = tableName(xml);
  if (!table) return xml;
  const calculated = fixes.calculated.get(table);
  const totals = fixes.totals.get(table);
  if (!calculated && !totals) return xml;
  return xml.replace(/<tableColumn\b([^>]*?)\/>/g, (element, attributes: string) => {
    const column = attribute(element, "name") ?? "";
    const calc = calculated?.get(column);
    const total = totals?.get(column);
    if (calc === undefined && total === undefined) return element;
    return (
      `<tableColumn${attributes}>` +
      (calc !== undefined ? `<calculatedColumnFormula>${calc}</calculatedColumnFormula>` : "") +
      (total !== undefined ? `<totalsRowFormula>${total}</totalsRowFormula>` : "") +
      `</tableColumn>`
    );
  });
}

function patchWorkbook(xml: string, fixes: PackageFixes): string {
  let patched = xml.replace(/<definedName\b([^>]*)>/g, (element) => {
    const name = attribute(element, "name");
    const comment = name !== undefined ? fixes.nameComments.get(name) : undefined;
    if (comment === undefined || attribute(element, "comment") !== undefined) return element;
    return element.replace(/^<definedName\b/, `<definedName comment="${escapeXml(comment)}"`);
  });
  const present = new Set([...patched.matchAll(/<definedName\b[^>]*>/g)].map((m) => `${attribute(m[0], "name")}|${attribute(m[0], "localSheetId") ?? ""}`));
  const missing = fixes.keepNames.filter((element) => {
    const open = /<definedName\b[^>]*>/.exec(element)?.[0] ?? "";
    return !present.has(`${attribute(open, "name")}|${attribute(open, "localSheetId") ?? ""}`);
  });
  if (missing.length === 0) return patched;
  if (patched.includes("</definedNames>")) return patched.replace("</definedNames>", `${missing.join("")}</definedNames>`);
  patched = patched.replace("</sheets>", `</sheets><definedNames>${missing.join("")}</definedNames>`);
  return patched;
}

const DUPLICATES_RULE = new RegExp(`<cfRule type="expression"([^>]*)><formula>${DUPLICATES_MARKER}</formula></cfRule>`, "g");

export async function patchPackage(data: Uint8Array, fixes: PackageFixes): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(data);
  for (const part of tableParts(zip)) {
    zip.file(part.name, patchTable(await part.async("string"), fixes));
  }
  for (const part of zip.file(/^xl\/worksheets\/[^/]+\.xml$/)) {
    const xml = await part.async("string");
    if (xml.includes(DUPLICATES_MARKER)) zip.file(part.name, xml.replace(DUPLICATES_RULE, '<cfRule type="duplicateValues"$1/>'));
  }
  const workbook = zip.file("xl/workbook.xml");
  if (workbook) zip.file(workbook.name, patchWorkbook(await workbook.async("string"), fixes));
  await fixes.finish?.(zip);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
