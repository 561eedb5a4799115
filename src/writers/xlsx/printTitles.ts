import { quoteSheet } from "../../spec/a1";
import { attr, definedNames, escapeXml, openTags, WORKBOOK, type XlsxPackage } from "../ooxml";

/**
 * exceljs writes a sheet's print titles (and print area) as `'<sheet name>'!$1:$5` without doubling
 * an apostrophe in the name, so a sheet called O'Brien gets `'O'Brien'!$1:$5` — a reference Excel
 * cannot parse, and it offers to repair the file (exceljs PR #3071). This re-quotes those built-in
 * names from the sheet each one belongs to (`localSheetId` = position in `<sheets>`); every other
 * defined name is left as it is.
 */
export function quoteBuiltInNames(workbookXml: string): string {
  const sheets = openTags(workbookXml, "sheet").map((tag) => attr(tag, "name") ?? "");
  return definedNames(workbookXml).reduce((xml, name) => {
    const sheet = sheets[name.localSheetId ?? -1];
    if (!/^_xlnm\.(?:Print_Titles|Print_Area)$/.test(name.name) || sheet === undefined || !sheet.includes("'")) return xml;
    const fixed = name.reference.split(`'${sheet}'!`).join(`${quoteSheet(sheet)}!`);
    return xml.replace(name.element, () => `${name.element.slice(0, name.element.indexOf(">") + 1)}${escapeXml(fixed)}</definedName>`);
  }, workbookXml);
}

/** Applies `quoteBuiltInNames` to the package's workbook part. */
export async function requoteBuiltInNames(pkg: XlsxPackage): Promise<void> {
  const workbook = await pkg.text(WORKBOOK);
  if (workbook !== undefined) pkg.write(WORKBOOK, quoteBuiltInNames(workbook));
}
