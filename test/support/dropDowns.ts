import { definedNames, unescapeXml, XlsxPackage } from "../../src/writers/ooxml";

/**
 * What the drop-downs of a sheet in an .xlsx list, as the structured references their list names stand for
 * (`SP_A1_Accounts[[单位]]`): each list validation's formula is a workbook name (`SheetDraft.finish`), read
 * through the workbook's defined names. A list that is not a name is given as written.
 */
export async function listedColumns(data: Uint8Array, sheetName: string): Promise<string[]> {
  const pkg = await XlsxPackage.load(data);
  const path = (await pkg.sheets()).find((s) => s.name === sheetName)?.path;
  if (path === undefined) throw new Error(`no sheet ${sheetName}`);
  const xml = (await pkg.text(path)) ?? "";
  const names = new Map(definedNames(await pkg.workbookXml()).map((n) => [n.name, n.reference]));
  const lists = [...xml.matchAll(/<dataValidation\b[^>]*type="list"[^>]*>\s*<formula1>([\s\S]*?)<\/formula1>/g)].map((m) => unescapeXml(m[1]));
  return lists.map((list) => names.get(list) ?? list);
}
