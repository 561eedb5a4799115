import ExcelJS from "exceljs";
import JSZip from "jszip";
import { NO_NAMES } from "../../../src/spec/naming";
import type { CellSpec, ColumnSpec, SheetSpec, TableRow, TableSpec } from "../../../src/spec/sheetSpec";
import { buildCustomerRegister } from "../../../src/templates/customerRegister";
import { renderPackage } from "../../../src/writers/xlsx";
import { tableLayout } from "../../../src/writers/layout";
import { customerRows } from "../../fixtures/customers";
import { templateBuild, TEMPLATE_NAMES } from "../office/templates";

/**
 * Issue 17: exceljs renders each table with its first body row and `tableBodies.ts` writes the rest into
 * the sheet part. The package must be the one exceljs writes when given every row (`shown` Infinity):
 * cells, styles, shared strings in exceljs's order, spans, dimensions, table ranges.
 */

/** Every part's text but docProps (its timestamps), exceljs's random data-bar GUIDs masked. */
async function parts(data: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(data);
  const out: Record<string, string> = {};
  for (const path of Object.keys(zip.files).sort()) {
    if (zip.files[path].dir || path.startsWith("docProps/")) continue;
    out[path] = (await zip.files[path].async("string")).replace(/\{[0-9A-F-]{36}\}/gi, "{GUID}");
  }
  return out;
}

const expectAsExceljsWrites = async (specs: readonly SheetSpec[]) =>
  expect(await parts(await renderPackage(specs))).toEqual(await parts(await renderPackage(specs, Infinity)));

const column = (key: string, kind: ColumnSpec["kind"], numberFormat: string, extra: Partial<ColumnSpec> = {}): ColumnSpec => ({
  key,
  header: key,
  kind,
  numberFormat,
  width: 10,
  ...extra,
});

/**
 * The register with what a template rarely has: values exceljs escapes or marks (spaces at the ends, a line
 * break, the five XML entities, control characters, booleans, decimals), a table beside it with its own
 * length and totals, a table with one row and one with none, and loose cells beside the body — in the row
 * where exceljs first puts the totals and in the totals row itself.
 */
function awkwardSheet(showTotals: boolean): SheetSpec {
  const [main] = buildCustomerRegister({ rows: customerRows(12, "zh-CN"), blankRows: 3 }, { locale: "zh-CN", existing: NO_NAMES });
  const register = main.tables[0];
  const odd: TableRow[] = [
    { name: " 前导空格", phone: 13800000000, note: true },
    { name: "换行\n之后", annualSales: -12.5, note: false },
    { name: `A&B <c> "q" 'a'`, address: "\u0001控制\u001f字符", note: "尾随空格 " },
  ];
  const rows = register.rows.map((row, i) => (i >= 2 && i < 2 + odd.length ? { ...row, ...odd[i - 2] } : row));
  const table: TableSpec = { ...register, rows, showTotals };
  const layout = tableLayout(table);
  const besideCol = layout.header.to.col + 2;
  const side = (name: string, length: number, col: number): TableSpec => ({
    name,
    role: "side",
    origin: { row: register.origin.row, col },
    style: "TableStyleMedium2",
    columns: [
      column("label", "text", "@", { totals: { kind: "label", text: "合计" } }),
      column("amount", "money", "#,##0", { totals: { kind: "function", fn: "sum" } }),
      column("share", "percent", "0.0%", { formula: `IF(SUM(${name}[amount])=0,"",${name}[[#This Row],[amount]]/SUM(${name}[amount]))` }),
    ],
    rows: Array.from({ length }, (_, i) => ({ label: `项${i + 1}`, amount: i % 3 === 0 ? null : i * 1000 })),
    showTotals: true,
  });
  const beside: CellSpec[] = [layout.body.from.row + 1, layout.body.from.row + 4, (layout.totals ?? layout.body).to.row].map((row, i) => ({
    at: { row, col: besideCol },
    ...(i === 1 ? { formula: "1+1", numberFormat: "0.00" } : { value: `旁注${i}`, style: "note" as const }),
  }));
  return {
    ...main,
    cells: [...main.cells, ...beside],
    tables: [table, side("SP_T_Side", 7, besideCol + 2), side("SP_T_One", 1, besideCol + 6), side("SP_T_None", 0, besideCol + 10)],
  };
}

describe("table bodies written beside exceljs", () => {
  test.each([true, false])("give the package exceljs writes with every row (totals row %s)", async (showTotals) => {
    await expectAsExceljsWrites([awkwardSheet(showTotals)]);
  });

  test("a table ending in blank rows, without totals, reaches the sheet's dimension down to them (exceljs counts styled blanks)", async () => {
    const table: TableSpec = {
      name: "SP_T_Blanks",
      role: "blanks",
      origin: { row: 0, col: 0 },
      style: "TableStyleMedium2",
      columns: [column("a", "text", "@"), column("b", "number", "0.00")],
      rows: [{ a: "x" }, { a: "y" }, {}, {}],
      showTotals: false,
    };
    await expectAsExceljsWrites([{ ...awkwardSheet(false), cells: [], merges: [], validations: [], conditionalFormats: [], names: [], columnNames: [], charts: [], tables: [table] }]);
  });

  test("a sheet cell inside a table's body past the rows exceljs rendered is refused, not written twice", async () => {
    const sheet = awkwardSheet(false);
    const table = sheet.tables[0];
    const inside = { at: { row: tableLayout(table).body.from.row + 5, col: table.origin.col }, value: "inside" };
    await expect(renderPackage([{ ...sheet, cells: [...sheet.cells, inside] }])).rejects.toThrow(/lies in the body of table/);
  });

  test("for every template, with 20 rows in its growing table", async () => {
    for (const name of TEMPLATE_NAMES) await expectAsExceljsWrites(templateBuild(name, 20)(NO_NAMES));
  }, 60_000);

  test("exceljs holds as many cells for a register of 2 000 rows as for one of 20", async () => {
    // Every cell exceljs creates goes through a row's getCellEx (worksheet.getCell and tables alike).
    const row = Object.getPrototypeOf(new ExcelJS.Workbook().addWorksheet("x").getRow(1)) as { getCellEx: (...args: unknown[]) => unknown };
    const cellsFor = async (rows: number): Promise<number> => {
      const spy = jest.spyOn(row, "getCellEx");
      await renderPackage(buildCustomerRegister({ rows: customerRows(rows, "zh-CN"), blankRows: 0 }, { locale: "zh-CN", existing: NO_NAMES }));
      const calls = spy.mock.calls.length;
      spy.mockRestore();
      return calls;
    };
    expect(await cellsFor(2000)).toBe(await cellsFor(20));
  }, 60_000);
});
