import JSZip from "jszip";
import type { ExistingNames } from "../../templates/sheetSpec";
import { unescapeXml } from "./packagePatch";

/**
 * The sheet, table and defined names of an existing .xlsx, read straight from the package so that
 * names exceljs cannot parse (formulas, constants) still count as taken.
 */
export async function inspectXlsx(data: Uint8Array): Promise<ExistingNames> {
  const zip = await JSZip.loadAsync(data);
  const workbook = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
  const attr = (pattern: RegExp, xml: string): string[] => [...xml.matchAll(pattern)].map((m) => unescapeXml(m[1]));
  const tables: string[] = [];
  for (const part of zip.file(/^xl\/tables\/[^/]+\.xml$/)) {
    tables.push(...attr(/<table\b[^>]*\sname="([^"]*)"/g, await part.async("string")));
  }
  return {
    sheets: attr(/<sheet\b[^>]*\sname="([^"]*)"/g, workbook),
    tables,
    names: attr(/<definedName\b[^>]*\sname="([^"]*)"/g, workbook).filter((n) => !n.startsWith("_xlnm.")),
  };
}
