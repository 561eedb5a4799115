import { kitFor, type BuildContext, type Kit } from "./context";
import { printSetup, SheetDraft, type PlacedTable } from "./draft";
import { equalsCriterion, firstRowOf, matchSorted, newestFirstRow, str, thisRow, type RowWindow } from "../spec/formula";
import { TEMPLATES } from "./registry";
import { TEMPLATE_STRINGS } from "./strings";
import { CUSTOMERS_ROLE, linkedKey, linkedTable, registerFirstVisitName } from "./linkedTables";
import { a1, a1FixedColumn } from "../spec/a1";
import { COLORS, FORMATS } from "./formats";
import { definesName, freeKey, freeSheetName, keyOfName, spName, spTable, templateRecord } from "../spec/naming";
import type { ColumnSpec, ExistingNames, SheetSpec, TableRow, ValidationSpec } from "../spec/sheetSpec";

/**
 * 客户拜访记录 (issue 12, seed 000 L130 电话拜访 经营状况/库存状况/需求, seed 003 L95 2-3-4 工作日记): one row
 * per contact. Other sheets (the customer register, the work diary, the weekly plan) read it through the
 * workbook names of its columns (`VISIT_COLUMN_NAMES`) and of the cells holding its words
 * (`VISIT_WORD_NAMES`), so a sheet written before the log starts reading it once the log exists, and
 * reads it whatever language it was written in.
 *
 * The log is kept in date order, as a day-by-day record is: every reader of a period finds its rows by
 * binary search over 日期 (`dateWindow`) instead of scanning the whole log once per customer or per day,
 * the register finds a customer's last row from the log's end (客户编号倒序), and 新/老客户 takes the first
 * row of an ID as the first contact. A row dated before the row above, and a visit without a date, are
 * highlighted and counted in a cell above the table, which says to fill in the dates and sort by 日期; over a
 * register that lists first rows, so are the rows whose ID the register does not list.
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
  /** The workbook name of its first-visit-row column (`registerFirstVisitName`); absent in a register written before it. */
  readonly firstVisitRow?: string;
}

/**
 * The customer register the log `logKey` links to (`linkedTable`): its ID and name columns by the headers the
 * register writes in either language, else at the positions it writes them (first and second), and its
 * column of first rows in this log when it has one.
 */
export function linkedRegister(existing: ExistingNames, locale: BuildContext["locale"], logKey: string): LinkedRegister | undefined {
  const headers = (key: "id" | "name") => Object.values(TEMPLATE_STRINGS).map((s) => s.customers.columns[key]);
  const own = TEMPLATE_STRINGS[locale].customers.columns;
  const found = linkedTable(existing, TEMPLATES.customers, CUSTOMERS_ROLE, { id: { headers: headers("id"), position: 0 }, name: { headers: headers("name"), position: 1 } }, { id: own.id, name: own.name });
  if (found === undefined) return undefined;
  const registerKey = keyOfName(found.table);
  const firstVisitRow = registerKey === undefined ? undefined : registerFirstVisitName(registerKey, logKey);
  return { table: found.table, ...found.columns, ...(firstVisitRow !== undefined && definesName(existing, firstVisitRow) ? { firstVisitRow } : {}) };
}

/**
 * Workbook names of the columns other sheets read, by column key: `SP_V1_COL_DATE`. The key-account visit
 * report finds a unit's visits of a day by the customer's name (`COL_CUSTOMER_NAME`): a unit has no customer ID.
 */
export const VISIT_COLUMN_NAMES = {
  date: "COL_DATE",
  rep: "COL_REP",
  customerId: "COL_CUSTOMER",
  customerName: "COL_CUSTOMER_NAME",
  newOld: "COL_NEWOLD",
  method: "COL_METHOD",
  newestFirst: "COL_NEWEST_FIRST",
} as const;

/** Names of the cells holding the log's words, in the order of `strings.visits.methods` and `.newOld`. */
export const VISIT_WORD_NAMES = {
  methods: ["METHOD_VISIT", "METHOD_PHONE", "METHOD_WECHAT", "METHOD_MEETING", "METHOD_OTHER"],
  newOld: ["NEW", "OLD"],
} as const;

export const VISITS_ROLE = "Visits";

/**
 * The key of the log other sheets read: the workbook's (the newest, as `linkedTable` picks), else the key
 * the first log will get, so a sheet written before the log reads it once it is added.
 */
export const visitLogKey = (existing: ExistingNames): string => linkedKey(existing, TEMPLATES.visits, VISITS_ROLE);

/** The name of the cell counting rows dated before the row above and visits without a date (0 when every visit is dated, in order). */
export const VISIT_OUT_OF_ORDER = "OUT_OF_ORDER";

/** The name of the cell counting rows whose customer ID the linked register does not list (a log that reads the register's first rows). */
export const VISIT_UNLISTED = "UNLISTED_IDS";

/** The workbook name of 在客户资源登记表中的行, the column a log that reads the register's first rows has. */
export const VISIT_REGISTER_ROW_NAME = "COL_REGISTER_ROW";

/**
 * Which channels count as what (seed 003 L95: 每工作日必须完成拜访两户新客户,三户老客户,四个联络电话).
 * A visit (拜访) meets the customer in person: 上门, and 会议 — a meeting with the customer (seed 003 L94 files
 * 会议接待客户 as a kind of customer met, and holds 答谢联络会). A contact call (联络电话) reaches the customer
 * remotely: 电话, and 微信 — a WeChat call or message is how reps phone customers today, and seed 003 L94
 * already puts 电话 and 发送信息 side by side as the ways to keep in touch. 其他 counts as neither.
 */
const VISIT_CHANNELS = [VISIT_WORD_NAMES.methods[0], VISIT_WORD_NAMES.methods[3]];
const CALL_CHANNELS = [VISIT_WORD_NAMES.methods[1], VISIT_WORD_NAMES.methods[2]];

/** What another sheet counts in the log: a rep's (a formula) rows within `window` (`dateWindow` over `dates`). */
export interface VisitCounts {
  /** Its table's name (`SP_V1_Visits`). */
  readonly table: string;
  /** Whether the workbook (or the request, built before) holds the log. */
  readonly present: boolean;
  /** The workbook name of its 日期 column, which windows search. */
  readonly dates: string;
  readonly newVisits: (rep: string, window: RowWindow) => string;
  readonly oldVisits: (rep: string, window: RowWindow) => string;
  readonly visits: (rep: string, window: RowWindow) => string;
  readonly calls: (rep: string, window: RowWindow) => string;
  /** Customers contacted for the first time, by any channel: each new customer counts once, on its first row. */
  readonly newCustomers: (rep: string, window: RowWindow) => string;
}

/**
 * Counts over the visit log through its workbook names (`VISIT_COLUMN_NAMES`, `VISIT_WORD_NAMES`), so
 * they compare with the log's own words in whatever language it was written. The log the workbook
 * holds (the last listed, as `linkedTable` finds a register), else the key the first log will take: a
 * sheet written before the log starts counting once it is added (Excel keeps a formula naming an
 * undefined name and calculates it when the name appears). Each count reads only a period's rows
 * (`dateWindow`: binary search over the date-ordered log), because COUNTIFS scans every row it is given
 * on every call — over the whole log once per day and rep, a month's diary over 20 000 visits would be
 * quadratic. 0 for a period without rows; the caller decides what a missing log shows.
 */
export function visitCounts(existing: ExistingNames): VisitCounts {
  const key = visitLogKey(existing);
  const name = (part: string): string => spName(key, part);
  const count = (channels: readonly string[] | undefined, newOld: string | undefined) => (rep: string, w: RowWindow): string => {
    const criteria = (channel: string | undefined): string =>
      [
        [VISIT_COLUMN_NAMES.rep, equalsCriterion(rep)],
        ...(newOld ? [[VISIT_COLUMN_NAMES.newOld, name(newOld)]] : []),
        ...(channel ? [[VISIT_COLUMN_NAMES.method, name(channel)]] : []),
      ]
        .map(([column, value]) => `${w.rows(name(column))},${value}`)
        .join(",");
    return w.when((channels ?? [undefined]).map((channel) => `COUNTIFS(${criteria(channel)})`).join("+"), "0");
  };
  const [isNew, isOld] = VISIT_WORD_NAMES.newOld;
  return {
    table: spTable(key, VISITS_ROLE),
    present: linkedTable(existing, TEMPLATES.visits, VISITS_ROLE, {}, {}) !== undefined,
    dates: name(VISIT_COLUMN_NAMES.date),
    newVisits: count(VISIT_CHANNELS, isNew),
    oldVisits: count(VISIT_CHANNELS, isOld),
    visits: count(VISIT_CHANNELS, undefined),
    calls: count(CALL_CHANNELS, undefined),
    newCustomers: count(undefined, isNew),
  };
}

/** Names of the register's columns the log reads, under the log's key: `SP_V1_REGISTER_ID`. */
export const REGISTER_COLUMN_NAMES = { id: "REGISTER_ID", name: "REGISTER_NAME" } as const;

/**
 * The log's formulas read whole columns — its own and the register's — through workbook names
 * (`VISIT_COLUMN_NAMES`, `REGISTER_COLUMN_NAMES`), not structured references. LibreOffice reuses the row
 * above's compiled formula only when it prints back as the cell's text (`rowFormulas.ts`), and it prints no
 * structured reference as written: every cell holding `T[[列]]` was compiled from its text, half a million
 * references in a log of 40 000 visits, about 8 of the 33 s its workbook took to load and recalculate.
 * Excel keeps a name on its column as rows are added and the column is renamed.
 */
function logColumns(kit: Kit, table: string, key: string, register: LinkedRegister | undefined): ColumnSpec[] {
  const { s, columns: c } = kit;
  const v = s.visits;
  const h = v.columns;
  const id = thisRow(table, h.customerId);
  const ids = spName(key, VISIT_COLUMN_NAMES.customerId);
  const [isNew, isOld] = v.newOld;
  // Without the register's first rows (no register, or one written before its first-visit column): new
  // on the row where the ID first appears in the log: MATCH finds the first occurrence and the row
  // compares its own position with it. This assumes rows in the order contacts happened (a log kept
  // day by day; sorting it by customer keeps that order within a customer). The order-free test —
  // no earlier date for this ID, COUNTIFS over the whole column on every row — made LibreOffice 7.4
  // take 69–101 s to load and recalculate 20 000 visits of 2 000 customers, against 12 s with this one:
  // MATCH stops at the first hit. Both grow with the square of the log (×4 per doubling).
  // ROW(INDEX(…)) rather than the position from the header: LibreOffice gives Err:504 for ROW(T[#Headers]).
  // The ID is matched literally (`exactKey`): an ID holding ~ would be #N/A, one holding * or ? would find
  // another's row, and a number pasted into the ID column would be #N/A in Excel as text.
  const bySearch = `IF(ROW(INDEX(${ids},${firstRowOf(ids, id)}))=ROW(${id}),${str(isNew)},${str(isOld)})`;
  const log = { id, ids, key, registerRow: thisRow(table, h.registerRow), registerRows: spName(key, VISIT_REGISTER_ROW_NAME) };
  const byRegister = register?.firstVisitRow === undefined ? undefined : registerReads(log, register.firstVisitRow, { isNew, isOld });
  const newOld = byRegister?.newOld ?? `IF(${id}="","",${bySearch})`;
  // The log upside down: row k holds the ID of the k-th row from the end, where that row has a date. The
  // register finds a customer's last visit with one MATCH over it, which stops at the first hit — after
  // the rows since that visit, not the whole log (LOOKUP over the log reads every row for every customer).
  // A row's mirror is counted as the rows from it to the log's end; &"" makes a blank ID no match for
  // anything, and the register compares its IDs as text too.
  const dates = spName(key, VISIT_COLUMN_NAMES.date);
  const mirror = newestFirstRow(id, ids);
  const newestFirst = `IF(ISNUMBER(INDEX(${dates},${mirror})),INDEX(${ids},${mirror})&"","")`;
  // Without a register the ID and the name are typed; with one, the ID is picked from it and the name follows.
  const customerName = byRegister?.customerName ?? registerNameAt(id, registerSearch(id, key), key);
  const customer = register
    ? [c.fromColumn("customerId", h.customerId, registerIds(kit, register), { width: 12 }), c.formula("customerName", h.customerName, "text", customerName, { width: 22 })]
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
    c.formula("newestFirst", h.newestFirst, "text", newestFirst, { width: 14 }),
    ...(byRegister ? [c.formula("registerRow", h.registerRow, "integer", byRegister.registerRow, { width: 12 })] : []),
  ];
}

/** The register's name at `row`: blank while `cell` is blank, and when `row` is an error (#N/A: an ID it does not list; #REF!: a register since deleted). */
const registerNameAt = (cell: string, row: string, key: string): string => `IF(${cell}="","",IFERROR(INDEX(${spName(key, REGISTER_COLUMN_NAMES.name)},${row}),""))`;

/** The ID's row in the register: binary search over IDs in order, else the scanning exact MATCH (`matchSorted`). */
const registerSearch = (id: string, key: string): string => matchSorted(id, spName(key, REGISTER_COLUMN_NAMES.id));

/**
 * The log's formulas over a register that lists each customer's first row in this log (`firstVisitRow`,
 * its name): the ID's row in the register is searched once per visit (在客户资源登记表中的行), and both the
 * name and 新/老客户 read that row — 新/老 reads the customer's first row there instead of searching the log
 * (that MATCH, one per visit, was 4.8 of the 2× records workbook's 18.3 formula seconds: README, 性能). The row
 * is new when that first row is this one, existing when it is above and names the same register row.
 * Anything else — a first row blank (0 or "") or typed over with another customer's row — and NA() hands
 * the row to IFERROR's search of the register rows above for this one: numbers, and only after such an
 * edit. A value typed over a first row that names a later row of the same customer is the one case it
 * would believe. An ID the register does not list (or a register since deleted) has no register row, so
 * neither a name nor a verdict: the row is marked and counted above the table (`unlistedIds`), which says
 * to register the customer. Searching the log for such an ID instead scanned it down to the ID's own row,
 * once per such visit — the scan of a whole column per row these reads exist to avoid.
 * Positions are counted from the log's top; the verdicts are the words, not TRUE and FALSE, which
 * LibreOffice prints back as TRUE() and FALSE() and so would compile in every row (`rowFormulas.ts`).
 */
function registerReads(
  { id, ids, key, registerRow, registerRows }: { readonly id: string; readonly ids: string; readonly key: string; readonly registerRow: string; readonly registerRows: string },
  firstVisitRow: string,
  { isNew, isOld }: { readonly isNew: string; readonly isOld: string },
) {
  const first = `INDEX(${firstVisitRow},${registerRow})`;
  const self = `ROWS(INDEX(${ids},1):${id})`;
  const listed = `IF(${first}=${self},${str(isNew)},IF(AND(${first}>=1,${first}<${self},INDEX(${registerRows},${first})=${registerRow}),${str(isOld)},NA()))`;
  const searched = `IF(MATCH(${registerRow},${registerRows},0)=${self},${str(isNew)},${str(isOld)})`;
  return {
    registerRow: `IF(${id}="","",IFERROR(${registerSearch(id, key)},""))`,
    customerName: registerNameAt(registerRow, registerRow, key),
    newOld: `IF(${registerRow}="","",IFERROR(${listed},${searched}))`,
  };
}

/** The drop-down of the register's IDs, with a message that says where a new customer goes. */
function registerIds(kit: Kit, register: LinkedRegister): ValidationSpec {
  const v = kit.s.visits;
  return kit.v.fromColumn({ table: register.table, column: register.id }, { title: v.idErrorTitle, message: v.idErrorMessage });
}

/**
 * Dates out of order, and visits without a date: each such row is highlighted, and a cell above the table
 * counts them. Both upset what reads the log by date — the windows' binary search wants every row dated
 * and in order, and a visit without a date counts on no day. The count compares the column with itself
 * shifted by a row, and counts the rows naming a customer without a date (a pass over the log each). A
 * blank row is never out of order, a row counts as a visit once it names a customer, and a date typed as
 * text is no date.
 */
function outOfOrder(draft: SheetDraft, kit: Kit, key: string, log: PlacedTable): void {
  const v = kit.s.visits;
  const dates = spName(key, VISIT_COLUMN_NAMES.date);
  const ids = spName(key, VISIT_COLUMN_NAMES.customerId);
  const rows = `ROWS(${dates})`;
  const later = `INDEX(${dates},2):INDEX(${dates},${rows})`;
  const earlier = `INDEX(${dates},1):INDEX(${dates},${rows}-1)`;
  // ISNUMBER, not N(): a date pasted as text would make N(+range) #VALUE!; such a row is not a date to order.
  const misordered = `IF(${rows}<2,0,SUMPRODUCT(ISNUMBER(${later})*ISNUMBER(${earlier})*(${later}<${earlier})))`;
  const undated = `SUMPRODUCT(NOT(ISNUMBER(${dates}))*(${ids}<>""))`;
  countAbove(draft, 4, { label: v.outOfOrder, note: v.outOfOrderNote, name: spName(key, VISIT_OUT_OF_ORDER), formula: `${misordered}+${undated}` });
  const date = a1FixedColumn(log.cell(0, "date"));
  const above = a1FixedColumn(log.cell(-1, "date"));
  const id = a1FixedColumn(log.cell(0, "customerId"));
  draft.format({
    target: { kind: "tableColumn", table: log.spec.name, column: log.header("date") },
    rule: { kind: "expression", formula: `OR(AND(ISNUMBER(${date}),ISNUMBER(${above}),${date}<${above}),AND(NOT(ISNUMBER(${date})),${id}<>""))` },
    style: { fill: COLORS.warnFill, fontColor: COLORS.warnFont },
  });
}

/** A count of rows to look at, above the table: label, value and what to do; named, and red while above 0. */
function countAbove(draft: SheetDraft, row: number, count: { readonly label: string; readonly note: string; readonly name: string; readonly formula: string }): void {
  const at = draft.field({ row, col: 0 }, count.label, { formula: count.formula }, { numberFormat: FORMATS.plain });
  draft.name(count.name, at, count.note);
  draft.text({ row, col: 2 }, count.note, "note");
  draft.format({ target: { kind: "range", range: { from: at, to: at } }, rule: { kind: "expression", formula: `${a1(at)}>0` }, style: { fill: COLORS.badFill, fontColor: COLORS.badFont, bold: true } });
}

/**
 * Rows whose customer ID the register does not list (a pasted ID, or a customer since removed from the
 * register): the ID is highlighted and a cell above the table counts them, since such a row has no
 * customer name and no 新/老客户 (`registerReads`). A row without its formulas (one LibreOffice inserted)
 * has no register row either, and is counted too: the note says to fill them down. One pass over the log
 * for the count; the highlight is the row's own cells.
 */
function unlistedIds(draft: SheetDraft, kit: Kit, key: string, log: PlacedTable): void {
  const v = kit.s.visits;
  const ids = spName(key, VISIT_COLUMN_NAMES.customerId);
  const rows = spName(key, VISIT_REGISTER_ROW_NAME);
  countAbove(draft, 5, { label: v.unlisted, note: v.unlistedNote, name: spName(key, VISIT_UNLISTED), formula: `SUMPRODUCT((${ids}<>"")*(${rows}=""))` });
  const id = a1FixedColumn(log.cell(0, "customerId"));
  const row = a1FixedColumn(log.cell(0, "registerRow"));
  draft.format({
    target: { kind: "tableColumn", table: log.spec.name, column: log.header("customerId") },
    rule: { kind: "expression", formula: `AND(${id}<>"",${row}="")` },
    style: { fill: COLORS.badFill, fontColor: COLORS.badFont },
  });
}

export function buildVisitLog(options: VisitLogOptions, ctx: BuildContext): SheetSpec[] {
  const kit = kitFor(ctx.locale);
  const { s } = kit;
  const key = freeKey(TEMPLATES.visits, ctx.existing);
  const name = spTable(key, VISITS_ROLE);
  const register = linkedRegister(ctx.existing, ctx.locale, key);
  const draft = new SheetDraft();
  draft.text({ row: 0, col: 0 }, s.visits.title, "title");
  const hints = [s.visits.hint, ...(register ? [s.visits.registerHint(register.table)] : []), ...(register?.firstVisitRow ? [s.visits.registerRowHint] : [])];
  draft.text({ row: 2, col: 0 }, hints.join(" "), "note");
  const v = s.visits;
  draft.text({ row: 3, col: 0 }, v.methodsLabel, "label");
  v.methods.forEach((word, i) => draft.name(spName(key, VISIT_WORD_NAMES.methods[i]), draft.text({ row: 3, col: 1 + i }, word, "computed"), v.methodsLabel));
  draft.text({ row: 3, col: 7 }, v.newOldLabel, "label");
  v.newOld.forEach((word, i) => draft.name(spName(key, VISIT_WORD_NAMES.newOld[i]), draft.text({ row: 3, col: 8 + i }, word, "computed"), v.newOldLabel));
  const origin = { row: 6, col: 0 };
  const log = draft.table({
    name,
    role: "visits",
    origin,
    columns: logColumns(kit, name, key, register),
    rows: [...(options.rows ?? []), ...Array.from({ length: options.blankRows ?? TEMPLATES.visits.blankRows.initial }, () => ({}))],
  });
  for (const [column, part] of Object.entries(VISIT_COLUMN_NAMES)) draft.columnName(spName(key, part), log, column, v.columnNameNote);
  // Declared before the drop-down's list name would be (`SheetDraft.finish`): the ID drop-down lists this name too.
  if (register) for (const [column, part] of Object.entries(REGISTER_COLUMN_NAMES)) draft.nameColumn(spName(key, part), { table: register.table, column: register[column as keyof typeof REGISTER_COLUMN_NAMES] }, v.registerColumnNote);
  outOfOrder(draft, kit, key, log);
  if (log.spec.columns.some((column) => column.key === "registerRow")) {
    draft.columnName(spName(key, VISIT_REGISTER_ROW_NAME), log, "registerRow", v.columnNameNote);
    unlistedIds(draft, kit, key, log);
  }
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
