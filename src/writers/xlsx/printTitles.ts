import { quoteSheet } from "../../templates/a1";
import { escapeXml, unescapeXml, WORKBOOK, type XlsxPackage } from "../ooxml";

/**
 * exceljs writes a sheet's print titles (and print area) as `'<sheet name>'!$1:$5` without doubling
 * an apostrophe in the name, so a sheet called O'Brien gets `'O'Brien'!$1:$5` — a reference Excel
 * cannot parse, and it offers to repair the file (exceljs PR #3071). This re-quotes those built-in
 * names from the sheet each one belongs to (`localSheetId` = position in `<sheets>`); every other
 * defined name is left as it is.
 */
export function quoteBuiltInNames(workbookXml: string): string {
  const sheets = [...workbookXml.matchAll(/<sheet\b[^>]*?\sname="([^"]*)"/g)].map((m) => unescapeXml(m[1]));
  return workbookXml.replace(/(<definedName\b([^>]*)>)([^<]*)(<\/definedName>)/g, (element, open: string, attributes: string, text: string, close: string) => {
    const builtIn = /\sname="_xlnm\.(?:Print_Titles|Print_Area)"/.test(attributes);
    const sheet = sheets[Number(/\slocalSheetId="(\d+)"/.exec(attributes)?.[1] ?? -1)];
    if (!builtIn || sheet === undefined || !sheet.includes("'")) return element;
    const fixed = unescapeXml(text).split(`'${sheet}'!`).join(`${quoteSheet(sheet)}!`);
    return `${open}${escapeXml(fixed)}${close}`;
  });
}

/** Applies `quoteBuiltInNames` to the package's workbook part. */
export async function requoteBuiltInNames(pkg: XlsxPackage): Promise<void> {
  const workbook = await pkg.text(WORKBOOK);
  if (workbook !== undefined) pkg.write(WORKBOOK, quoteBuiltInNames(workbook));
}
