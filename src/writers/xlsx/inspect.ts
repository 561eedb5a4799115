import type { ExistingNames } from "../../spec/sheetSpec";
import { definedNames, tableNames, XlsxPackage } from "../ooxml";

/**
 * The sheet, table and defined names of an existing .xlsx, read straight from the package so that
 * names no model can parse (formulas, constants) still count as taken.
 */
export async function inspectXlsx(data: Uint8Array): Promise<ExistingNames> {
  const pkg = await XlsxPackage.load(data);
  return {
    sheets: (await pkg.sheets()).map((s) => s.name),
    tables: await tableNames(pkg),
    names: definedNames(await pkg.workbookXml()).map((n) => n.name).filter((n) => !n.startsWith("_xlnm.")),
  };
}
