import { workbookCells, XlsxPackage, type CellXml } from "../../../src/writers/ooxml";

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
