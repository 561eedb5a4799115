import { attr, elements, innerXml, openTags, unescapeXml, workbookCells, XlsxPackage, type CellXml } from "../../../src/writers/ooxml";

/**
 * Every cell's literal value or formula, per sheet, read straight from an .xlsx package. exceljs
 * cannot load tables whose columns carry calculated formulas, and it would turn date-formatted
 * numbers into Dates; the raw XML has neither problem.
 */

export type CellContent = { readonly formula: string } | { readonly value: string | number | boolean };

function content(cell: CellXml): CellContent | undefined {
  if (cell.formula !== undefined) return { formula: cell.formula };
  if (cell.text === undefined) return undefined;
  if (cell.type === "b") return { value: cell.text === "1" };
  if (cell.type === "n") return { value: Number(cell.text) };
  return { value: cell.text };
}

export async function xlsxCells(data: Uint8Array): Promise<Map<string, Map<string, CellContent>>> {
  const book = await workbookCells(await XlsxPackage.load(data));
  return new Map(
    [...book].map(([sheet, cells]) => [
      sheet,
      new Map([...cells].flatMap(([address, cell]) => {
        const found = content(cell);
        return found && !("value" in found && found.value === "") ? [[address, found] as const] : [];
      })),
    ]),
  );
}

/**
 * A conditional format as both writers can be read back: where, which rule with which formulas (no
 * leading "="), and the look it applies — colours as 6-digit hex. Both writers take these from the same
 * spec, so any difference is one writer's mistake.
 */
export interface WrittenConditionalFormat {
  readonly range: string;
  readonly kind: "expression" | "cellIs" | "duplicates" | "dataBar";
  readonly operator?: string;
  readonly formulas: readonly string[];
  readonly style: { readonly fontColor?: string; readonly fill?: string; readonly bold?: boolean; readonly bar?: string };
}

const XLSX_KIND: Record<string, WrittenConditionalFormat["kind"]> = { expression: "expression", cellIs: "cellIs", duplicateValues: "duplicates", dataBar: "dataBar" };
const rgb = (element: string | undefined): string | undefined => {
  const value = element === undefined ? undefined : attr(element, "rgb");
  return value === undefined ? undefined : value.slice(-6).toUpperCase();
};
const firstTag = (xml: string, tag: string): string | undefined => openTags(xml, tag)[0];
export const definedOnly = <T extends object>(record: T): Partial<T> =>
  Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as Partial<T>;

/** Each sheet's conditional formats in priority order (top first), from the sheet XML and the dxf styles. */
export async function xlsxConditionalFormats(data: Uint8Array): Promise<Map<string, WrittenConditionalFormat[]>> {
  const pkg = await XlsxPackage.load(data);
  const styles = (await pkg.text("xl/styles.xml")) ?? "";
  const dxfs = elements(elements(styles, "dxfs")[0]?.[0] ?? "", "dxf").map((m) => m[0]);
  const book = new Map<string, WrittenConditionalFormat[]>();
  for (const sheet of await pkg.sheets()) {
    const xml = (sheet.path && (await pkg.text(sheet.path))) || "";
    const rules = elements(xml, "conditionalFormatting").flatMap((block) =>
      elements(block[0], "cfRule").map((rule) => {
        const open = firstTag(rule[0], "cfRule") ?? "";
        const dxfId = attr(open, "dxfId");
        const dxf = dxfId === undefined ? "" : (dxfs[Number(dxfId)] ?? "");
        const font = elements(dxf, "font")[0]?.[0] ?? "";
        const bar = elements(rule[0], "dataBar")[0]?.[0] ?? "";
        const operator = attr(open, "operator");
        const style = definedOnly({
          fontColor: rgb(firstTag(font, "color")),
          bold: /<b\s*\/>/.test(font) || undefined,
          fill: rgb(firstTag(dxf, "bgColor")),
          bar: rgb(firstTag(bar, "color")),
        });
        const written: WrittenConditionalFormat = {
          range: attr(firstTag(block[0], "conditionalFormatting") ?? "", "sqref") ?? "",
          kind: XLSX_KIND[attr(open, "type") ?? ""],
          ...(operator === undefined ? {} : { operator }),
          formulas: elements(rule[0], "formula").map((f) => unescapeXml(innerXml(f[0]))),
          style,
        };
        return { priority: Number(attr(open, "priority")), written };
      }),
    );
    book.set(sheet.name, rules.sort((a, b) => a.priority - b.priority).map((r) => r.written));
  }
  return book;
}
