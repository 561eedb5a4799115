import ExcelJS from "exceljs";
import type { SheetSpec } from "../../spec/sheetSpec";
import { assertNewSheets, definedNames, escapeXml, graftSheets, XlsxPackage } from "../ooxml";
import { patchPackage, type ColumnFormulas, type TableRefs } from "./packagePatch";
import { tableLayout, totalsFormula } from "../layout";
import { rangeA1 } from "../../spec/a1";
import { renderSheet } from "./renderSheet";
import { attachCharts } from "./charts";
import { requoteBuiltInNames } from "./printTitles";
import { completeTableBodies, SKELETON_ROWS } from "./tableBodies";
import { firstRowFormula, rowFormulas } from "./rowFormulas";

export { inspectPackage, inspectXlsx } from "./inspect";

/**
 * A new workbook holding `specs`, rendered by exceljs and finished by `packagePatch.ts`, `charts.ts` and
 * `tableBodies.ts`, which writes each table's body rows past the first `shown` (`SKELETON_ROWS`) — the
 * same package exceljs writes when given every row (`shown` Infinity, as the tests compare). `known`: the
 * names of the workbook the sheets will join, which their formulas may use (`rowFormulas.ts`).
 */
export async function renderPackage(specs: readonly SheetSpec[], shown = SKELETON_ROWS, known: readonly string[] = []): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Sales Planner for Excel";
  wb.calcProperties = { fullCalcOnLoad: true };
  const perRow = rowFormulas(specs, known);
  for (const spec of specs) renderSheet(wb, spec, shown, perRow);
  const calculated: ColumnFormulas = new Map();
  const totals: ColumnFormulas = new Map();
  const nameComments = new Map<string, string>();
  const refs = new Map<string, TableRefs>();
  for (const spec of specs) {
    for (const table of spec.tables) {
      const formulas = (pick: (c: (typeof table.columns)[number]) => string | undefined) =>
        new Map(table.columns.flatMap((c) => { const f = pick(c); return f === undefined ? [] : [[c.header, escapeXml(f)] as const]; }));
      calculated.set(table.name, formulas((c) => (c.formula === undefined ? undefined : firstRowFormula(perRow, table, c))));
      totals.set(table.name, formulas((c) => totalsFormula(table, c)));
      const layout = tableLayout(table);
      refs.set(table.name, { ref: rangeA1(layout.whole), autoFilter: rangeA1({ from: layout.header.from, to: layout.body.to }) });
    }
    for (const name of spec.names) nameComments.set(name.name, name.comment);
  }
  const columnNames = specs.flatMap((spec) => spec.columnNames ?? []);
  const saved = new Uint8Array(await wb.xlsx.writeBuffer());
  return patchPackage(saved, { calculated, totals, refs, nameComments, columnNames, finish: async (pkg) => {
      await attachCharts(pkg, specs);
      await requoteBuiltInNames(pkg);
      // Last: the other steps read and edit sheet parts, which this makes large.
      await completeTableBodies(pkg, specs, shown, perRow);
    },
  });
}

/**
 * The exceljs writer: SheetSpec[] → .xlsx bytes, either a new workbook or `existing` with the new
 * sheets appended. An existing workbook is never loaded into exceljs: the new sheets are rendered
 * in a package of their own and grafted into it (`ooxml/graft.ts`), so everything the user had —
 * pivot tables, images, charts, every conditional format, names, theme, calculation settings —
 * stays byte for byte. No file-system access here, so the same module runs in the browser.
 */
export async function writeXlsx(specs: readonly SheetSpec[], existing?: Uint8Array): Promise<Uint8Array> {
  if (!existing) return renderPackage(specs);
  const target = await XlsxPackage.load(existing);
  await addSheets(target, specs);
  return target.save();
}

/**
 * `specs` grafted into a package already open, for a caller that changes it further and saves it once
 * (an import's 导入复核 sheet beside the rows it appended: saving twice would compress the register twice).
 */
export async function addSheets(target: XlsxPackage, specs: readonly SheetSpec[]): Promise<void> {
  // Checked before rendering, so a clash costs no exceljs run.
  assertNewSheets((await target.sheets()).map((s) => s.name), specs.map((s) => s.name));
  const known = definedNames(await target.workbookXml()).map((n) => n.name);
  const source = await XlsxPackage.load(await renderPackage(specs, SKELETON_ROWS, known));
  await graftSheets(target, source, { sheets: specs.map((s) => ({ from: s.name, to: s.name })) });
}
