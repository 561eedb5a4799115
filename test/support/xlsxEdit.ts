import { escapeXml, replaceTags, setAttr, tableParts, XlsxPackage } from "../../src/writers/ooxml";
import { a1 } from "../../src/spec/a1";

/**
 * A user's typing into an .xlsx, done on the package as a spreadsheet program would save it: cells
 * replaced (a number, text as an inline string, null for an empty cell, each keeping its style), and
 * a table's header renamed in both places Excel keeps it — the header cell and the part's tableColumn.
 */

export type TypedValue = string | number | null;

const CELL = (address: string): RegExp => new RegExp(`<c r="${address}"((?:\\s[^>]*?)?)(?:/>|>[\\s\\S]*?</c>)`);

function typed(address: string, attributes: string, value: TypedValue): string {
  const style = /\ss="\d+"/.exec(attributes)?.[0] ?? "";
  if (value === null) return `<c r="${address}"${style}/>`;
  if (typeof value === "number") return `<c r="${address}"${style}><v>${value}</v></c>`;
  return `<c r="${address}"${style} t="inlineStr"><is><t>${escapeXml(value)}</t></is></c>`;
}

const position = (address: string): { row: number; col: number } => {
  const [, letters, digits] = /^([A-Z]+)(\d+)$/.exec(address)!;
  return { row: Number(digits), col: [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) };
};

/** `xml` with a new cell `address` put in its row, in column order (the row made, in row order, when missing). */
function insertCell(xml: string, address: string, value: TypedValue): string {
  const { row, col } = position(address);
  const cell = typed(address, "", value);
  const rowPattern = new RegExp(`<row r="${row}"(?:\\s[^>]*?)?(?:/>|>[\\s\\S]*?</row>)`);
  const found = rowPattern.exec(xml);
  if (found) {
    const element = found[0].endsWith("/>") ? found[0].replace(/\/>$/, "></row>") : found[0];
    const after = [...element.matchAll(/<c r="([A-Z]+\d+)"/g)].find((m) => position(m[1]).col > col);
    const edited = after ? element.replace(after[0], `${cell}${after[0]}`) : element.replace(/<\/row>$/, `${cell}</row>`);
    return xml.replace(found[0], edited);
  }
  const later = [...xml.matchAll(/<row r="(\d+)"/g)].find((m) => Number(m[1]) > row);
  const element = `<row r="${row}">${cell}</row>`;
  return later ? xml.replace(later[0], `${element}${later[0]}`) : xml.replace("</sheetData>", `${element}</sheetData>`).replace("<sheetData/>", `<sheetData>${element}</sheetData>`);
}

/**
 * `data` with `cells` (A1 → value) of `sheet` typed over; a cell must already exist in the part unless
 * `anywhere` (then a cell the part lacks is added, as a spreadsheet saves a cell typed in an empty place).
 */
export async function typeCells(data: Uint8Array, sheet: string, cells: Readonly<Record<string, TypedValue>>, anywhere = false): Promise<Uint8Array> {
  const pkg = await XlsxPackage.load(data);
  const path = (await pkg.sheets()).find((s) => s.name === sheet)?.path;
  if (!path) throw new Error(`no sheet ${sheet}`);
  let xml = (await pkg.text(path)) ?? "";
  for (const [address, value] of Object.entries(cells)) {
    const pattern = CELL(address);
    if (!pattern.test(xml)) {
      if (!anywhere) throw new Error(`no cell ${address} in ${sheet}`);
      xml = insertCell(xml, address, value);
      continue;
    }
    xml = xml.replace(pattern, (_, attributes: string) => typed(address, attributes, value));
  }
  pkg.write(path, xml);
  return pkg.save();
}

/** `data` with cell `to` of `sheet` given the cell format (`s`) of cell `from`, as a format painted over. */
export async function copyStyle(data: Uint8Array, sheet: string, from: string, to: string): Promise<Uint8Array> {
  const pkg = await XlsxPackage.load(data);
  const path = (await pkg.sheets()).find((s) => s.name === sheet)?.path;
  if (!path) throw new Error(`no sheet ${sheet}`);
  const xml = (await pkg.text(path)) ?? "";
  const style = /\ss="(\d+)"/.exec(CELL(from).exec(xml)?.[1] ?? "")?.[1];
  if (style === undefined) throw new Error(`no styled cell ${from} in ${sheet}`);
  pkg.write(path, xml.replace(CELL(to), (cell: string, attributes: string) => cell.replace(`<c r="${to}"${attributes}`, `<c r="${to}"${attributes.replace(/\ss="\d+"/, "")} s="${style}"`)));
  return pkg.save();
}

/** `data` with column `from` of `table` renamed `to`, as Excel saves a header typed over. */
export async function renameColumn(data: Uint8Array, table: string, from: string, to: string): Promise<Uint8Array> {
  const pkg = await XlsxPackage.load(data);
  const [part] = await tableParts(pkg, (name) => name === table);
  const column = part.columns.indexOf(from);
  if (column < 0) throw new Error(`${table} has no column ${from}`);
  const xml = (await pkg.text(part.path)) ?? "";
  let n = 0;
  pkg.write(part.path, replaceTags(xml, "tableColumn", (open) => (n++ === column ? setAttr(open, "name", to) : open)));
  const edited = await pkg.save();
  return typeCells(edited, part.sheet, { [a1({ row: part.range.from.row, col: part.range.from.col + column })]: to });
}
