import { kitFor, type BuildContext, type Kit } from "./context";
import { printSetup, SheetDraft } from "./draft";
import { col, str, thisRow } from "../spec/formula";
import { TEMPLATES } from "./registry";
import { TEMPLATE_STRINGS } from "./strings";
import { linkedTable } from "./linkedTables";
import { CUSTOMERS_ROLE } from "./customerRegister";
import { freeKey, freeSheetName, spTable, templateRecord } from "../spec/naming";
import type { ColumnSpec, ExistingNames, SheetSpec, TableRow, ValidationSpec } from "../spec/sheetSpec";

/**
 * 客户拜访记录 (issue 12, seed 000 L130 电话拜访 经营状况/库存状况/需求, seed 003 L95 2-3-4 工作日记): one row
 * per contact. Later features (the register following the log, the daily diary) find it by its table
 * name `SP_V<n>_Visits` and its record, never by sheet name.
 */

export interface VisitLogOptions {
  /** Data rows by column key; dates as serials. */
  readonly rows?: readonly TableRow[];
  /** Blank rows appended for data entry (default: the registry's). */
  readonly blankRows?: number;
}

/** The customer register a log reads: its table and the names its ID and name columns have in the workbook. */
export interface LinkedRegister {
  readonly table: string;
  readonly id: string;
  readonly name: string;
}

/**
 * The customer register the log links to (`linkedTable`): its ID and name columns by the headers the
 * register writes in either language, else at the positions it writes them (first and second).
 */
export function linkedRegister(existing: ExistingNames, locale: BuildContext["locale"]): LinkedRegister | undefined {
  const headers = (key: "id" | "name") => Object.values(TEMPLATE_STRINGS).map((s) => s.customers.columns[key]);
  const own = TEMPLATE_STRINGS[locale].customers.columns;
  const found = linkedTable(existing, TEMPLATES.customers, CUSTOMERS_ROLE, { id: { headers: headers("id"), position: 0 }, name: { headers: headers("name"), position: 1 } }, { id: own.id, name: own.name });
  return found && { table: found.table, ...found.columns };
}

function logColumns(kit: Kit, table: string, register: LinkedRegister | undefined): ColumnSpec[] {
  const { s, columns: c } = kit;
  const v = s.visits;
  const h = v.columns;
  const id = thisRow(table, h.customerId);
  const ids = col(table, h.customerId);
  const [isNew, isOld] = v.newOld;
  // New on the row where the ID first appears in the log: MATCH finds the first occurrence and the row
  // compares its own position with it. This assumes rows in the order contacts happened (a log kept
  // day by day; sorting it by customer keeps that order within a customer). The order-free test —
  // no earlier date for this ID, COUNTIFS over the whole column on every row — made LibreOffice 7.4
  // take 69–101 s to load and recalculate 20 000 visits of 2 000 customers, against 12 s with this one:
  // MATCH stops at the first hit. Both grow with the square of the log (×4 per doubling).
  // ROW(INDEX(…)) rather than the position from the header: LibreOffice gives Err:504 for ROW(T[#Headers]).
  const newOld = `IF(${id}="","",IF(ROW(INDEX(${ids},MATCH(${id},${ids},0)))=ROW(${id}),${str(isNew)},${str(isOld)}))`;
  // Without a register the ID and the name are typed; with one, the ID is picked from it and the name follows.
  const customer = register
    ? [c.fromColumn("customerId", h.customerId, registerIds(kit, register), { width: 12 }), c.formula("customerName", h.customerName, "text", nameLookup(table, h.customerId, register), { width: 22 })]
    : [c.text("customerId", h.customerId, { width: 12 }), c.text("customerName", h.customerName, { width: 22 })];
  return [
    c.date("date", h.date),
    c.text("rep", h.rep, { width: 10 }),
    ...customer,
    c.formula("newOld", h.newOld, "text", newOld, { width: 8 }),
    c.list("method", h.method, v.methods, { width: 8 }),
    c.text("purpose", h.purpose, { width: 16 }),
    c.text("business", h.business, { width: 20 }),
    c.text("stock", h.stock, { width: 16 }),
    c.text("needs", h.needs, { width: 20 }),
    c.text("result", h.result, { width: 20 }),
    c.text("nextStep", h.nextStep, { width: 20 }),
    c.date("nextContact", h.nextContact, { width: 14 }),
  ];
}

/** The register's name for this row's ID; blank for a blank ID, an ID it does not list, or a register since deleted (#REF!). */
const nameLookup = (table: string, idHeader: string, register: LinkedRegister): string => {
  const id = thisRow(table, idHeader);
  return `IF(${id}="","",IFERROR(INDEX(${col(register.table, register.name)},MATCH(${id},${col(register.table, register.id)},0)),""))`;
};

/** The drop-down of the register's IDs, with a message that says where a new customer goes. */
function registerIds(kit: Kit, register: LinkedRegister): ValidationSpec {
  const v = kit.s.visits;
  return kit.v.fromColumn({ table: register.table, column: register.id }, { title: v.idErrorTitle, message: v.idErrorMessage });
}

export function buildVisitLog(options: VisitLogOptions, ctx: BuildContext): SheetSpec[] {
  const kit = kitFor(ctx.locale);
  const { s } = kit;
  const key = freeKey(TEMPLATES.visits, ctx.existing);
  const name = spTable(key, "Visits");
  const register = linkedRegister(ctx.existing, ctx.locale);
  const draft = new SheetDraft();
  draft.text({ row: 0, col: 0 }, s.visits.title, "title");
  draft.text({ row: 2, col: 0 }, register ? `${s.visits.hint} ${s.visits.registerHint(register.table)}` : s.visits.hint, "note");
  const origin = { row: 4, col: 0 };
  draft.table({
    name,
    role: "visits",
    origin,
    columns: logColumns(kit, name, register),
    rows: [...(options.rows ?? []), ...Array.from({ length: options.blankRows ?? TEMPLATES.visits.blankRows.initial }, () => ({}))],
  });
  return [
    draft.finish({
      name: freeSheetName(s.visits.sheetName, ctx.existing.sheets),
      record: templateRecord(TEMPLATES.visits, "main", key, { row: 1, col: 0 }),
      recordLabel: s.common.recordLabel,
      recordNote: s.common.recordNote,
      freeze: { rows: origin.row + 1, cols: 4 },
      print: printSetup({ first: origin.row, last: origin.row }),
      tabColor: "70AD47",
    }),
  ];
}
