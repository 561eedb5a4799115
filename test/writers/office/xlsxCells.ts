import JSZip from "jszip";
import { unescapeXml } from "../../../src/writers/xlsx/packagePatch";

/**
 * Every cell's literal value or formula, per sheet, read straight from an .xlsx package. exceljs
 * cannot load tables whose columns carry calculated formulas, and it would turn date-formatted
 * numbers into Dates; the raw XML has neither problem.
 */

export type CellContent = { readonly formula: string } | { readonly value: string | number | boolean };

const textOf = (xml: string): string => [...xml.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)].map((m) => unescapeXml(m[1])).join("");

const attr = (attributes: string, name: string): string | undefined =>
  new RegExp(`\\b${name}="([^"]*)"`).exec(attributes)?.[1];

function content(attributes: string, inner: string, shared: readonly string[]): CellContent | undefined {
  const formula = /<f\b[^>]*>([\s\S]*?)<\/f>/.exec(inner);
  if (formula) return { formula: unescapeXml(formula[1]) };
  const type = attr(attributes, "t");
  if (type === "inlineStr") return { value: textOf(inner) };
  const raw = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
  if (raw === undefined) return undefined;
  if (type === "s") return { value: shared[Number(raw)] };
  if (type === "b") return { value: raw === "1" };
  if (type === "str" || type === "e") return { value: unescapeXml(raw) };
  return { value: Number(raw) };
}

export async function xlsxCells(data: Uint8Array): Promise<Map<string, Map<string, CellContent>>> {
  const zip = await JSZip.loadAsync(data);
  const read = async (path: string): Promise<string> => (await zip.file(path)?.async("string")) ?? "";
  const shared = [...(await read("xl/sharedStrings.xml")).matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => textOf(m[1]));
  const rels = await read("xl/_rels/workbook.xml.rels");
  const target = (id: string): string => {
    const rel = [...rels.matchAll(/<Relationship\b([^>]*)\/>/g)].find((m) => attr(m[1], "Id") === id);
    const path = rel ? (attr(rel[1], "Target") ?? "") : "";
    return path.startsWith("/") ? path.slice(1) : `xl/${path}`;
  };
  const sheets = new Map<string, Map<string, CellContent>>();
  for (const sheet of (await read("xl/workbook.xml")).matchAll(/<sheet\b([^>]*)\/>/g)) {
    const xml = await read(target(attr(sheet[1], "r:id") ?? ""));
    const cells = new Map<string, CellContent>();
    for (const cell of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const found = content(cell[1], cell[2] ?? "", shared);
      if (found && !("value" in found && found.value === "")) cells.set(attr(cell[1], "r") ?? "", found);
    }
    sheets.set(unescapeXml(attr(sheet[1], "name") ?? ""), cells);
  }
  return sheets;
}
