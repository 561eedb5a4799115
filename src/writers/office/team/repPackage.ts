import { discoverPlans, needsValue, type NameEntry, type PlanInstance } from "../../../team";
import { holidayTableYear, keyOfName } from "../../../spec/naming";
import { isHolidayTable } from "../../holidayTables";
import { tableNames, tableParts, workbookCells, workbookNames, XlsxPackage } from "../../ooxml";

/**
 * What the pane must know about a rep's .xlsx before inserting its sheets, read from the package
 * itself (JSZip; no exceljs in the pane): its plans, where each plan's names point, which tables
 * and which formula cells mention a plan key, the template records' text, and its 节假日 sheets
 * (issue 11), which the plans' working-day formulas read. Excel's
 * `insertWorksheetsFromBase64` copies cells and tables but not workbook names reliably (they
 * arrive as `#REF!`, OfficeDev/office-js#3583), so the names are re-created from this.
 */

export interface RepName {
  readonly name: string;
  readonly sheet: string;
  /** A1 address on that sheet, without "$". */
  readonly address: string;
}

export interface RepFormulaCell {
  readonly sheet: string;
  readonly address: string;
  /** Without the leading "=". */
  readonly formula: string;
}

/** A 节假日 table of the rep's file, found by its name (`SP_H2026_Days`), with its sheet's names (`SP_H2026_TEMPLATE`). */
export interface RepHolidayTable {
  readonly table: string;
  readonly sheet: string;
  readonly columns: readonly string[];
  readonly names: readonly RepName[];
}

export interface RepPackage {
  /** Every sheet of the file, in workbook order. */
  readonly sheets: readonly string[];
  readonly plans: readonly PlanInstance[];
  /** The plan sheets to insert, in workbook order. */
  readonly planSheets: readonly string[];
  /** Names of the plans, pointing at plan sheets. */
  readonly names: readonly RepName[];
  /** Tables on the plan sheets. */
  readonly tables: readonly { readonly name: string; readonly sheet: string }[];
  /** Cells on the plan sheets whose formula mentions `SP_` (links to names or tables of a plan). */
  readonly formulas: readonly RepFormulaCell[];
  /** Record text by plan key. */
  readonly records: ReadonlyMap<string, string>;
  readonly holidays: readonly RepHolidayTable[];
}

export async function readRepPackage(data: Uint8Array): Promise<RepPackage> {
  const pkg = await XlsxPackage.load(data);
  const sheetParts = new Map((await pkg.sheets()).map((s) => [s.name, s.path]));
  const located = await workbookNames(pkg, needsValue);
  const entries: NameEntry[] = located.map((n) => (n.sheet !== undefined ? { name: n.name, sheet: n.sheet } : { name: n.name }));
  const sheetsOfPlans = new Set(discoverPlans(entries).map((p) => p.sheet));
  const planSheets = [...sheetParts.keys()].filter((s) => sheetsOfPlans.has(s));
  const isPlanSheet = new Set(planSheets);

  const formulas: RepFormulaCell[] = [];
  const tables: { name: string; sheet: string }[] = [];
  const book = await workbookCells(pkg, (sheet) => isPlanSheet.has(sheet));
  for (const sheet of planSheets) {
    for (const [address, cell] of book.get(sheet) ?? []) {
      // Any case: the file writer spells a name the workbook lacked in lower case (xlsx/rowFormulas.ts).
      if (cell.formula !== undefined && /SP_/i.test(cell.formula)) formulas.push({ sheet, address, formula: cell.formula });
    }
    const path = sheetParts.get(sheet);
    if (path !== undefined) tables.push(...(await tableNames(pkg, path)).map((name) => ({ name, sheet })));
  }
  // Discover again with the records', reps' and periods' values, so the plans read as the roll-up will.
  const valued: NameEntry[] = located.map(({ name, sheet, value }) => (sheet !== undefined ? { name, sheet, ...(value !== undefined ? { value } : {}) } : { name }));
  const plans = discoverPlans(valued);
  const valuedByName = new Map(valued.map((v) => [v.name.toUpperCase(), v]));
  const records = new Map(
    plans.flatMap((p) => {
      const record = valuedByName.get(`SP_${p.key}_TEMPLATE`);
      return typeof record?.value === "string" ? [[p.key, record.value] as const] : [];
    }),
  );
  const planKeys = new Set(plans.map((p) => p.key));
  const names = located.flatMap((n) => {
    const key = keyOfName(n.name);
    return n.sheet !== undefined && n.address !== undefined && isPlanSheet.has(n.sheet) && key !== undefined && planKeys.has(key) ? [{ name: n.name, sheet: n.sheet, address: n.address }] : [];
  });
  const holidays = (await tableParts(pkg, isHolidayTable)).map((part) => {
    const prefix = `SP_H${holidayTableYear(part.name)}_`;
    return {
      table: part.name,
      sheet: part.sheet,
      columns: part.columns,
      names: located.flatMap((n) => (n.sheet === part.sheet && n.address !== undefined && n.name.toUpperCase().startsWith(prefix) ? [{ name: n.name, sheet: n.sheet, address: n.address }] : [])),
    };
  });
  return { sheets: [...sheetParts.keys()], plans, planSheets, names, tables, formulas, records, holidays };
}

/** `rep` narrowed to the plans `keep` accepts: their sheets, names, tables, formula cells and records (its 节假日 tables stay). */
export function keepingPlans(rep: RepPackage, keep: (plan: PlanInstance) => boolean): RepPackage {
  const plans = rep.plans.filter(keep);
  const keys = new Set(plans.map((p) => p.key));
  const sheets = new Set(plans.map((p) => p.sheet));
  return {
    ...rep,
    plans,
    planSheets: rep.planSheets.filter((s) => sheets.has(s)),
    names: rep.names.filter((n) => sheets.has(n.sheet) && keys.has(keyOfName(n.name) ?? "")),
    tables: rep.tables.filter((t) => sheets.has(t.sheet)),
    formulas: rep.formulas.filter((f) => sheets.has(f.sheet)),
    records: new Map([...rep.records].filter(([key]) => keys.has(key))),
  };
}
