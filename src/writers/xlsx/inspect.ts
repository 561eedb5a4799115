import type { ExistingNames, WorkbookHolidayTable } from "../../spec/sheetSpec";
import { cellValue, definedNames, sharedStrings, sheetCells, tableNames, tableParts, XlsxPackage, type CellXml } from "../ooxml";
import { a1 } from "../../spec/a1";
import { holidayTableOf, isHolidayTable } from "../holidayTables";
import { isTemplateTable } from "../../spec/naming";

/**
 * The sheet, table and defined names of an existing .xlsx, read straight from the package so that
 * names no model can parse (formulas, constants) still count as taken — and its 节假日 tables'
 * headers and dates, which the templates plan with (holidayTables.ts) — and its template tables' column
 * names, which a template's formulas over another template's table must name (the visit log over the register).
 */
export async function inspectXlsx(data: Uint8Array): Promise<ExistingNames> {
  return inspectPackage(await XlsxPackage.load(data));
}

/** `inspectXlsx` of a package already open. */
export async function inspectPackage(pkg: XlsxPackage): Promise<ExistingNames> {
  const holidayTables = await readHolidayTables(pkg);
  const tableColumns = (await tableParts(pkg, isTemplateTable)).map((part) => ({ table: part.name, columns: part.columns }));
  return {
    sheets: (await pkg.sheets()).map((s) => s.name),
    tables: await tableNames(pkg),
    names: definedNames(await pkg.workbookXml()).map((n) => n.name).filter((n) => !n.startsWith("_xlnm.")),
    ...(holidayTables.length > 0 ? { holidayTables } : {}),
    ...(tableColumns.length > 0 ? { tableColumns } : {}),
  };
}

/** An error value (`#REF!`) or an ISO date cell (`t="d"`, which Excel does not write) as its text, to be named rather than taken for a blank. */
const valueOf = (cell: CellXml | undefined): unknown => (cell?.type === "e" || cell?.type === "d" ? cell.text : cellValue(cell));

/** Each 节假日 table's column names and the values of its first two columns' body cells. */
async function readHolidayTables(pkg: XlsxPackage): Promise<WorkbookHolidayTable[]> {
  const parts = await tableParts(pkg, isHolidayTable);
  if (parts.length === 0) return [];
  const shared = await sharedStrings(pkg);
  return (
    await Promise.all(
      parts.map(async (part) => {
        const cells = sheetCells((await pkg.text(part.sheetPath)) ?? "", shared);
        const bodyAt = { row: part.range.from.row + part.headerRows, col: part.range.from.col };
        const rows = part.range.to.row - part.totalsRows - bodyAt.row + 1;
        const body = Array.from({ length: Math.max(0, rows) }, (_, r) =>
          [0, 1].map((c) => valueOf(cells.get(a1({ row: bodyAt.row + r, col: bodyAt.col + c })))),
        );
        return holidayTableOf({ table: part.name, sheet: part.sheet, bodyAt, headers: part.columns, body });
      }),
    )
  ).flatMap((table) => (table ? [table] : []));
}
