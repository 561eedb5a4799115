import { definedNames, XlsxPackage } from "../../src/writers/ooxml";

/**
 * For tests that read a package with exceljs (the fake Excel's insertWorksheetsFromBase64): the
 * package with table columns reduced to their attributes — exceljs cannot parse a `<tableColumn>`
 * with children (it fails with "Cannot set properties of undefined"), and Excel writes them for
 * every calculated column — and the defined names exceljs would not parse.
 */
export async function loadablePackage(data: Uint8Array): Promise<Uint8Array> {
  const pkg = await XlsxPackage.load(data);
  for (const path of pkg.paths().filter((p) => pkg.types.typeOf(p)?.endsWith(".table+xml"))) {
    pkg.write(path, ((await pkg.text(path)) ?? "").replace(/<tableColumn\b([^>]*?)(?<!\/)>[\s\S]*?<\/tableColumn>/g, "<tableColumn$1/>"));
  }
  return pkg.save();
}

/** The raw `<definedName>` elements of the package. */
export async function preservedParts(data: Uint8Array): Promise<{ definedNames: string[] }> {
  return { definedNames: definedNames(await (await XlsxPackage.load(data)).workbookXml()).map((n) => n.element) };
}
