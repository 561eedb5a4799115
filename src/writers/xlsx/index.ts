import ExcelJS from "exceljs";
import type { SheetSpec } from "../../templates/sheetSpec";
import { escapeXml, loadablePackage, patchPackage, preservedParts, type ColumnFormulas } from "./packagePatch";
import { totalsFormula } from "../layout";
import { renderSheet } from "./renderSheet";
import { attachCharts, captureCharts } from "./charts";
import { requoteBuiltInNames } from "./printTitles";

export { inspectXlsx } from "./inspect";

/**
 * The exceljs writer: SheetSpec[] → .xlsx bytes, either a new workbook or `existing` with the new
 * sheets appended (existing sheets are loaded and saved back, never renamed or cleared). Every
 * ChartSpec of the new sheets is rendered, and the charts of the existing sheets are kept (`charts.ts`).
 * No file-system access here, so the same module runs in the browser.
 */
export async function writeXlsx(specs: readonly SheetSpec[], existing?: Uint8Array): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const preserved = existing ? await preservedParts(existing) : { calculated: new Map(), totals: new Map(), definedNames: [] };
  // exceljs drops the charts of a workbook it loads; they are put back after it saved.
  const charts = existing ? await captureCharts(existing) : new Map();
  if (existing) await wb.xlsx.load((await loadablePackage(existing)) as unknown as ArrayBuffer);
  else {
    wb.creator = "Sales Planner for Excel";
    wb.calcProperties = { fullCalcOnLoad: true };
  }
  const taken = new Set(wb.worksheets.map((ws) => ws.name.toLowerCase()));
  for (const spec of specs) {
    if (taken.has(spec.name.toLowerCase())) throw new Error(`sheet "${spec.name}" already exists; build the specs with the workbook's existing names`);
    taken.add(spec.name.toLowerCase());
    renderSheet(wb, spec);
  }
  const calculated: ColumnFormulas = new Map(preserved.calculated);
  const totals: ColumnFormulas = new Map(preserved.totals);
  const nameComments = new Map<string, string>();
  for (const spec of specs) {
    for (const table of spec.tables) {
      const formulas = (pick: (c: (typeof table.columns)[number]) => string | undefined) =>
        new Map(table.columns.flatMap((c) => { const f = pick(c); return f === undefined ? [] : [[c.header, escapeXml(f)] as const]; }));
      calculated.set(table.name, formulas((c) => c.formula));
      totals.set(table.name, formulas((c) => totalsFormula(table, c)));
    }
    for (const name of spec.names) nameComments.set(name.name, name.comment);
  }
  const saved = new Uint8Array(await wb.xlsx.writeBuffer());
  return patchPackage(saved, {
    calculated,
    totals,
    nameComments,
    keepNames: preserved.definedNames,
    finish: async (zip) => {
      await attachCharts(zip, specs, charts);
      await requoteBuiltInNames(zip);
    },
  });
}
