import { a1FixedColumn } from "../spec/a1";
import type { Locale } from "../contract/locale";
import { SUM, label } from "./columns";
import { LEDGER_COLUMN_NAMES, LEDGER_ROLE, LEDGER_TYPE_NAMES } from "./contractLedger";
import { kitFor, type BuildContext, type Kit } from "./context";
import { printSetup, SheetDraft, type PlacedTable } from "./draft";
import { COLORS, FORMATS, numberFormat } from "./formats";
import { cellOrBlank, col, equalsCriterion, lastRowOf, str, thisRow } from "../spec/formula";
import { CONTRACTS_ROLE, linkedKey } from "./linkedTables";
import { TEMPLATES } from "./registry";
import { freeKey, freeSheetName, predates, spName, spTable, templateRecord } from "../spec/naming";
import type { ColumnSpec, ExistingNames, SheetSpec, TableRow } from "../spec/sheetSpec";
import type { TemplateStrings } from "./strings";

/**
 * 合同履行一览表 (DOMAIN §1.4, issue 12 items 6 and 7): the register with derived 已发货/已开票/已回款,
 * 未回款/应收余额/履行进度/回款率/回款到期日/逾期天数/状态 columns, a statistics sheet by month, quarter
 * and year (COUNTIFS/SUMIFS over the table, so it follows every row the user adds) and a receivables
 * aging sheet.
 *
 * Following the ledger (item 6). The register reads the contract ledger by the workbook names the ledger
 * defines (`SP_L1_COL_AMOUNT`, `SP_L1_TYPE_RETURN`, see contractLedger.ts), never by address or by a
 * structured reference: Excel refuses a formula naming a table that does not exist, but takes one naming
 * an undefined name, shows #NAME? and calculates it once the name is defined (the behaviour other engines
 * copy, e.g. PSU3D0/formualizer#147: undefined names keep #NAME? "across the name lifecycle
 * (define/update/delete)"; LibreOffice checked in test/writers/xlsx/contractsEngine.test.ts, where the
 * ledger is added to a file holding the register). So a register written before any ledger names the key
 * the first ledger will take, one written after names the workbook's ledger, and both orders work.
 * Every ledger read is inside IFERROR(…,0): without a ledger the register behaves as it always did.
 *
 * No double counting: the typed columns are 期初 (opening) figures — what was shipped, invoiced or paid
 * outside the ledger or before it was kept — and 已发货/已开票/已回款 = opening + the ledger's events
 * (returns subtracted); the latest dates are the later of the typed one and the ledger's. A register
 * used alone is filled in the opening columns as before; a user who keeps only the ledger leaves them
 * blank. The user's typed values are never overwritten: the ledger sums sit in their own calculated columns.
 */

export interface ContractRegisterOptions {
  /** Data rows by column key; dates as serials. */
  readonly rows?: readonly TableRow[];
  /** Blank rows appended for data entry (default: the registry's). */
  readonly blankRows?: number;
  /** Year the statistics sheet starts with (the user can change it in the sheet). */
  readonly statsYear: number;
}

/** Invoiced-but-unpaid amounts older than this many days are flagged (editable in the sheet). */
const DEFAULT_AR_DAYS = 90;

/** Blank rows of the aging sheet's customer list, for customers the user adds. */
const AGING_BLANK_ROWS = 10;

const ratio = (part: string, whole: string): string => `IF(OR(${whole}="",${whole}=0),"",N(${part})/${whole})`;

/** The ledger's names the register's formulas use: its columns and type words (`SP_L1_COL_AMOUNT`, `SP_L1_TYPE_RETURN`). */
interface LedgerNames {
  readonly date: string;
  readonly contract: string;
  readonly type: string;
  readonly amount: string;
  readonly shipment: string;
  readonly return: string;
  readonly invoice: string;
  readonly payment: string;
  /** Its figures to date and contracts newest first (contractLedger.ts), absent for a ledger written before it had them. */
  readonly toDate?: Readonly<Record<"shipped" | "invoiced" | "paid" | "lastShipment" | "lastInvoice" | "newestFirst", string>>;
}

/**
 * The ledger the register reads: the workbook's (the last listed, as `linkedTable` finds tables), else the
 * key the first ledger written will take — in the same request the ledger is built after the register
 * (it `reads` the register), so it takes exactly that key.
 */
function ledgerNames(existing: ExistingNames): LedgerNames {
  const key = linkedKey(existing, TEMPLATES.ledger, LEDGER_ROLE);
  const n = LEDGER_COLUMN_NAMES;
  const name = (part: string) => spName(key, part);
  const [shipment, ret, invoice, payment] = LEDGER_TYPE_NAMES.map(name);
  const date = name(n.date);
  const shipped = name(n.shippedToDate);
  const toDate = { shipped, invoiced: name(n.invoicedToDate), paid: name(n.paidToDate), lastShipment: name(n.lastShipment), lastInvoice: name(n.lastInvoice), newestFirst: name(n.newestFirst) };
  return {
    date,
    contract: name(n.contract),
    type: name(n.type),
    amount: name(n.amount),
    shipment,
    return: ret,
    invoice,
    payment,
    ...(predates(existing, date, shipped) ? {} : { toDate }),
  };
}

/** What the register reads from the ledger per contract: its net shipments, invoices and payments, and its latest shipment or invoice after the typed one. */
interface LedgerReads {
  readonly shipped: string;
  readonly invoiced: string;
  readonly paid: string;
  readonly latest: (opening: string, kind: "lastShipment" | "lastInvoice") => string;
  /** The register's own column holding the contract's last ledger row, where the reads go through one. */
  readonly ledgerRow?: string;
}

/**
 * From a ledger with figures to date (contractLedger.ts): the contract's last row there, looked up per contract
 * in the register's own column by a MATCH over the ledger's newest-first contracts (it stops at the contract's
 * newest row, after the rows entered since; spelled twice, to check the row and to give it, as Excel 2016 has
 * no LET), then one INDEX per figure. The number is compared as text (&""), so 2026001 and "2026001" are one
 * contract, as the ledger's chain has them. The row found must hold the contract in 合同编号 too: where a value
 * pasted over the newest-first column names it falsely, the last row is looked for in 合同编号 itself (a LOOKUP
 * over the whole ledger, for that contract only). A pasted value that hides a contract's newest row is not
 * caught: the register then reads the row before it until the column's formula is filled back.
 */
function toDateReads(r: (header: string) => string, id: string, rowHeader: string, toDate: NonNullable<LedgerNames["toDate"]>, contracts: string): LedgerReads {
  const row = r(rowHeader);
  const key = `${id}&""`;
  const found = lastRowOf(toDate.newestFirst, toDate.newestFirst, key);
  const scanned = `LOOKUP(2,1/(${contracts}&""=${key}),ROW(${contracts})-ROW(INDEX(${contracts},1))+1)`;
  // Without a row (no event, no ledger) INDEX(…,"") is #VALUE!, which `total` and `latest` turn into nothing.
  const at = (column: string) => `N(INDEX(${column},${row}))`;
  return {
    ledgerRow: `IF(${id}="","",IFERROR(IF(INDEX(${contracts},${found})&""=${key},${found},${scanned}),""))`,
    shipped: at(toDate.shipped),
    invoiced: at(toDate.invoiced),
    paid: at(toDate.paid),
    latest: (opening, kind) => {
      const typed = cellOrBlank(r(opening));
      return `IF(${id}="",${typed},IFERROR(IF(${at(toDate[kind])}>0,MAX(N(${r(opening)}),${at(toDate[kind])}),${typed}),${typed}))`;
    },
  };
}

/**
 * From a ledger written before it kept figures to date: per contract and type a SUMIFS over the whole ledger,
 * and for the latest dates (Excel 2016 has no MAXIFS) an array MAX over it, run only for a contract the ledger
 * has such an event for, dated after 0 (COUNTIFS first, 0 without a ledger; IF evaluates one branch in Excel
 * and LibreOffice alike): an undated event alone would make the date 0 and the contract some 46 000 days
 * overdue. A ledger row is the contract's when it equals the number as it is or in its other type, as SUMIFS
 * matches 2026001 and "2026001" alike; the other type is worked out once per contract. A date typed as text that
 * looks like a date is read as that date; other text fails (#VALUE!), which leaves the typed date, or 0 — no
 * date to count from — without one.
 */
function scannedReads(r: (header: string) => string, id: string, ledger: LedgerNames): LedgerReads {
  // K-? as a criterion would add up every K-x contract's events (`equalsCriterion`).
  const contract = equalsCriterion(id);
  const sum = (type: string) => `SUMIFS(${ledger.amount},${ledger.contract},${contract},${ledger.type},${type})`;
  const otherType = `IF(ISNUMBER(${id}),${id}&"",IFERROR(--${id},${id}))`;
  const types = { lastShipment: ledger.shipment, lastInvoice: ledger.invoice };
  return {
    shipped: `${sum(ledger.shipment)}-${sum(ledger.return)}`,
    invoiced: sum(ledger.invoice),
    paid: sum(ledger.payment),
    latest: (opening, kind) => {
      const typed = cellOrBlank(r(opening));
      const type = types[kind];
      const dated = `COUNTIFS(${ledger.contract},${contract},${ledger.type},${type},${ledger.date},">0")`;
      const newest = `SUMPRODUCT(MAX(((${ledger.contract}=${id})+(${ledger.contract}=${otherType})>0)*(${ledger.type}=${type})*${ledger.date}))`;
      return `IF(${id}="",${typed},IF(IFERROR(${dated},0)=0,${typed},MAX(N(${r(opening)}),IFERROR(${newest},0))))`;
    },
  };
}

function contractColumns(kit: Kit, table: string, ledger: LedgerNames): ColumnSpec[] {
  const { s, columns: c } = kit;
  const k = s.contracts;
  const h = k.columns;
  const st = k.status;
  const r = (header: string) => thisRow(table, header);
  const id = r(h.id);
  const amount = r(h.amount);
  const shipped = r(h.shippedTotal);
  const paid = r(h.paidTotal);
  /** Opening + the ledger's events of this contract; blank while neither has anything (a blank row). */
  const total = (opening: string, events: string) =>
    `IF(AND(${id}="",${r(opening)}=""),"",N(${r(opening)})+IF(${id}="",0,IFERROR(${events},0)))`;
  const reads = ledger.toDate ? toDateReads(r, id, h.ledgerRow, ledger.toDate, ledger.contract) : scannedReads(r, id, ledger);
  const byInvoice = `${r(h.termBasis)}=${str(k.termBases[1])}`;
  const receivable = `IF(${amount}="","",MAX(0,IF(${byInvoice},N(${r(h.invoicedTotal)}),N(${shipped}))-N(${paid})))`;
  const from = `IF(${byInvoice},${r(h.lastInvoice)},${r(h.lastShipment)})`;
  // No date to count from yet: ""+N(…) is #VALUE!, shown blank. Nor is 0 a date: a 0 typed as the opening
  // date, or (a ledger without figures to date, `scannedReads`) ledger rows Excel's COUNTIFS takes for the
  // contract's and the "=" compare does not ("007" against "7": COUNTIFS reads both as the number 7), would
  // make the contract some 46 000 days overdue.
  const payDue = `IF(OR(${amount}="",AND(ISNUMBER(${from}),N(${from})<=0)),"",IFERROR(${from}+N(${r(h.termDays)}),""))`;
  const overdue = `IF(OR(${r(h.payDue)}="",N(${r(h.receivable)})<=0),"",IF(TODAY()>${r(h.payDue)},TODAY()-${r(h.payDue)},""))`;
  // Delivery decides first: late (逾期) while not fully delivered past the agreed date; once delivered,
  // the contract waits for its money (已交货待回款, 回款逾期 past the payment due date) until it is
  // fully paid (已结清) — seed 000: 注意在第一时间回收货款.
  const status =
    `IF(${amount}="","",IF(N(${shipped})>=${amount},` +
    `IF(N(${paid})>=${amount},${str(st.settled)},IF(N(${r(h.overdueDays)})>0,${str(st.payOverdue)},${str(st.delivered)})),` +
    `IF(AND(${r(h.due)}<>"",${r(h.due)}<TODAY()),${str(st.late)},` +
    `IF(N(${shipped})=0,${str(st.notStarted)},${str(st.inProgress)}))))`;
  return [
    c.text("id", h.id, { width: 14, totals: label(s.common.total) }),
    c.text("customer", h.customer, { width: 22 }),
    c.date("signed", h.signed),
    c.moneyCents("amount", h.amount, { width: 16, totals: SUM }),
    c.text("product", h.product, { width: 18 }),
    c.date("due", h.due, { width: 14 }),
    c.count("termDays", h.termDays),
    c.list("termBasis", h.termBasis, k.termBases),
    c.moneyCents("shipped", h.shipped, { width: 16, totals: SUM }),
    c.date("lastShipped", h.lastShipped, { width: 14 }),
    c.moneyCents("invoiced", h.invoiced, { width: 16, totals: SUM }),
    c.date("lastInvoiced", h.lastInvoiced, { width: 14 }),
    c.moneyCents("paid", h.paid, { width: 16, totals: SUM }),
    c.formula("shippedTotal", h.shippedTotal, "moneyCents", total(h.shipped, reads.shipped), { width: 16, totals: SUM }),
    c.formula("lastShipment", h.lastShipment, "date", reads.latest(h.lastShipped, "lastShipment"), { width: 14 }),
    c.formula("invoicedTotal", h.invoicedTotal, "moneyCents", total(h.invoiced, reads.invoiced), { width: 16, totals: SUM }),
    c.formula("lastInvoice", h.lastInvoice, "date", reads.latest(h.lastInvoiced, "lastInvoice"), { width: 14 }),
    c.formula("paidTotal", h.paidTotal, "moneyCents", total(h.paid, reads.paid), { width: 16, totals: SUM }),
    c.formula("unpaid", h.unpaid, "moneyCents", `IF(${amount}="","",${amount}-N(${paid}))`, { width: 16, totals: SUM }),
    c.formula("receivable", h.receivable, "moneyCents", receivable, { width: 16, totals: SUM }),
    c.formula("progress", h.progress, "percent", ratio(shipped, amount), {
      totals: { kind: "formula", formula: totalRatio(table, h.shippedTotal, h.amount) },
    }),
    c.formula("paidRate", h.paidRate, "percent", ratio(paid, amount), {
      totals: { kind: "formula", formula: totalRatio(table, h.paidTotal, h.amount) },
    }),
    c.formula("payDue", h.payDue, "date", payDue, { width: 14 }),
    c.formula("overdueDays", h.overdueDays, "integer", overdue),
    c.formula("status", h.status, "text", status, { width: 14 }),
    c.text("owner", h.owner, { width: 10 }),
    c.text("note", h.note, { width: 24 }),
    ...(reads.ledgerRow ? [c.formula("ledgerRow", h.ledgerRow, "integer", reads.ledgerRow, { width: 12 })] : []),
  ];
}

/** A ratio of two column totals that respects filters, like the SUBTOTAL totals beside it. */
function totalRatio(table: string, part: string, whole: string): string {
  const w = `SUBTOTAL(109,${col(table, whole)})`;
  return `IF(${w}=0,"",SUBTOTAL(109,${col(table, part)})/${w})`;
}

function contractFormats(draft: SheetDraft, kit: Kit, contracts: PlacedTable, arDays: string): void {
  const k = kit.s.contracts;
  const h = k.columns;
  const at = (key: string) => a1FixedColumn(contracts.cell(0, key));
  const target = (column: string) => ({ kind: "tableColumn", table: contracts.spec.name, column }) as const;
  const bad = { fill: COLORS.badFill, fontColor: COLORS.badFont, bold: true };
  draft.format({
    target: target(h.status),
    rule: { kind: "expression", formula: `OR(${at("status")}=${str(k.status.late)},${at("status")}=${str(k.status.payOverdue)})` },
    style: bad,
  });
  draft.format({ target: target(h.overdueDays), rule: { kind: "expression", formula: `N(${at("overdueDays")})>0` }, style: bad });
  // 开票 > 回款 for longer than the alert period, counted from the last shipment (or signing).
  const since = `IF(${at("lastShipment")}="",${at("signed")},${at("lastShipment")})`;
  draft.format({
    target: target(h.unpaid),
    rule: { kind: "expression", formula: `AND(N(${at("invoicedTotal")})>N(${at("paidTotal")}),ISNUMBER(${since}),TODAY()-${since}>${arDays})` },
    style: { fill: COLORS.warnFill, fontColor: COLORS.warnFont },
  });
}

function statsSheet(kit: Kit, key: string, contracts: PlacedTable, ledger: LedgerNames, year: number, sheets: readonly string[]): SheetSpec {
  const { s, columns: c, v } = kit;
  const k = s.contracts;
  const h = k.statsColumns;
  const ch = k.columns;
  const name = spTable(key, "Stats");
  const reg = contracts.spec.name;
  const draft = new SheetDraft();
  draft.text({ row: 0, col: 0 }, k.statsTitle, "title");
  const yearAt = draft.field({ row: 2, col: 0 }, k.statsYear, { value: year }, { numberFormat: FORMATS.plain, validation: v.whole(1900) });
  const y = spName(key, "STATS_YEAR");
  draft.name(y, yearAt, k.statsYear);

  const [month, quarter] = k.periodTypes;
  const type = thisRow(name, h.type);
  const n = thisRow(name, h.seq);
  const byType = (forMonth: string, forQuarter: string, forYear: string) =>
    `IF(${type}=${str(month)},${forMonth},IF(${type}=${str(quarter)},${forQuarter},${forYear}))`;
  // A period's label, built from the year and number cells with the locale's words between them. The
  // year alone is a number: joining it to its words, even none (`&""`), makes every label text.
  const numbered = (words: TemplateStrings["contracts"]["monthLabel"]) =>
    [y, str(words.afterYear), words.twoDigits ? `TEXT(${n},"00")` : n, ...(words.afterNumber ? [str(words.afterNumber)] : [])].join("&");
  const from = thisRow(name, h.from);
  const to = thisRow(name, h.to);
  const inPeriod = `${col(reg, ch.signed)},">="&${from},${col(reg, ch.signed)},"<="&${to}`;
  const sumOf = (header: string) => `SUMIFS(${col(reg, header)},${inPeriod})`;
  // What moved in the period by the ledger's own dates, whatever month the contract was signed in.
  const moved = (type: string) => `SUMIFS(${ledger.amount},${ledger.type},${type},${ledger.date},">="&${from},${ledger.date},"<="&${to})`;
  const rows: TableRow[] = [
    ...Array.from({ length: 12 }, (_, i) => ({ type: month, seq: i + 1 })),
    ...Array.from({ length: 4 }, (_, i) => ({ type: quarter, seq: i + 1 })),
    { type: k.periodTypes[2] },
  ];
  const table = draft.table({
    name,
    role: "stats",
    origin: { row: 4, col: 0 },
    columns: [
      c.formula("period", h.period, "text", byType(numbered(k.monthLabel), numbered(k.quarterLabel), `${y}&${str(k.yearLabel)}`), { width: 16 }),
      c.list("type", h.type, k.periodTypes, { width: 8 }),
      c.count("seq", h.seq, { width: 6 }),
      c.formula("from", h.from, "date", byType(`DATE(${y},${n},1)`, `DATE(${y},3*${n}-2,1)`, `DATE(${y},1,1)`)),
      c.formula("to", h.to, "date", byType(`DATE(${y},${n}+1,0)`, `DATE(${y},3*${n}+1,0)`, `DATE(${y},12,31)`)),
      c.formula("count", h.count, "integer", `COUNTIFS(${inPeriod})`),
      c.formula("amount", h.amount, "moneyCents", sumOf(ch.amount), { width: 16 }),
      c.formula("shipped", h.shipped, "moneyCents", sumOf(ch.shippedTotal), { width: 16 }),
      c.formula("invoiced", h.invoiced, "moneyCents", sumOf(ch.invoicedTotal), { width: 16 }),
      c.formula("paid", h.paid, "moneyCents", sumOf(ch.paidTotal), { width: 16 }),
      c.formula("paidRate", h.paidRate, "percent", `IF(${thisRow(name, h.amount)}=0,"",${thisRow(name, h.paid)}/${thisRow(name, h.amount)})`),
      c.formula("shippedMoved", h.shippedMoved, "moneyCents", `IFERROR(${moved(ledger.shipment)}-${moved(ledger.return)},0)`, { width: 16 }),
      c.formula("invoicedMoved", h.invoicedMoved, "moneyCents", `IFERROR(${moved(ledger.invoice)},0)`, { width: 16 }),
      c.formula("paidMoved", h.paidMoved, "moneyCents", `IFERROR(${moved(ledger.payment)},0)`, { width: 16 }),
    ],
    rows,
  });
  return draft.finish({
    name: freeSheetName(k.statsSheetName, sheets),
    record: templateRecord(TEMPLATES.contracts, "stats", key, { row: 1, col: 0 }),
    recordLabel: s.common.recordLabel,
    recordNote: s.common.recordNote,
    freeze: { rows: table.spec.origin.row + 1, cols: 1 },
    print: printSetup({ first: table.spec.origin.row, last: table.spec.origin.row }),
    tabColor: "5B9BD5",
  });
}

/** Each contract's customer once, in the order the rows list them: the aging sheet's first rows. */
const customersOf = (rows: readonly TableRow[]): string[] =>
  [...new Set(rows.flatMap((row) => (typeof row.customer === "string" && row.customer.trim() !== "" ? [row.customer] : [])))];

/**
 * 应收账龄 (item 7), a sheet of the register rather than its own template: it reads nothing but the
 * register's 客户名称/应收余额/回款到期日 columns, so it is written with them under the same key and can never
 * point at a register that is not there.
 *
 * Per customer without UNIQUE() (Excel 2016 has none): the customers are a typed list, pre-filled with
 * those of the rows written, and a last row 其他客户 holds everything the list misses — the register's
 * total less what the listed customers hold — so the totals row always equals the register's receivables.
 * Its SUMPRODUCT(SUMIFS(…, list)) reads the typed list, not its own column, so nothing is circular; the
 * blank cells of the list count nothing, whatever an engine makes of an empty criterion (LibreOffice
 * matched the contracts without a customer with it), because each SUMIFS is multiplied by (cell<>"").
 * A customer listed twice would be subtracted twice: the duplicates are highlighted.
 * Buckets by days between the as-of date and 回款到期日: not yet due (or no due date), 1–30, 31–60, 61–90, over 90.
 */
function agingSheet(kit: Kit, locale: Locale, key: string, contracts: PlacedTable, customers: readonly string[], sheets: readonly string[]): SheetSpec {
  const { s, columns: c, v } = kit;
  const k = s.contracts;
  const h = k.agingColumns;
  const ch = k.columns;
  const reg = contracts.spec.name;
  const name = spTable(key, "Aging");
  const draft = new SheetDraft();
  draft.text({ row: 0, col: 0 }, k.agingTitle, "title");
  const dateAt = draft.field({ row: 2, col: 0 }, k.agingDate, { formula: "TODAY()" }, { style: "input", numberFormat: numberFormat("date", locale), validation: v.date() });
  const asOf = spName(key, "AGING_DATE");
  draft.name(asOf, dateAt, k.agingDate);
  draft.text({ row: 3, col: 0 }, k.agingNote, "note");

  const customer = thisRow(name, h.customer);
  const list = col(name, h.customer);
  const due = col(reg, ch.payDue);
  // Overdue buckets as windows of the due date: 1–30 days overdue is due in [as-of − 30, as-of − 1].
  const windows: Record<"days30" | "days60" | "days90" | "over90" | "total", string> = {
    days30: `,${due},"<"&${asOf},${due},">="&(${asOf}-30)`,
    days60: `,${due},"<"&(${asOf}-30),${due},">="&(${asOf}-60)`,
    days90: `,${due},"<"&(${asOf}-60),${due},">="&(${asOf}-90)`,
    over90: `,${due},"<"&(${asOf}-90)`,
    total: "",
  };
  const recv = col(reg, ch.receivable);
  const cust = col(reg, ch.customer);
  const bucket = (w: string) => {
    const allAmount = w.length > 0 ? `SUMIFS(${recv}${w})` : `SUM(${recv})`;
    const listed = `SUMPRODUCT((${list}<>"")*SUMIFS(${recv},${cust},${equalsCriterion(list)}${w}))`;
    return `IF(${customer}="","",IF(${customer}=${str(k.agingOther)},${allAmount}-(${listed}),SUMIFS(${recv},${cust},${equalsCriterion(customer)}${w})))`;
  };
  const overdueKeys = ["days30", "days60", "days90", "over90"] as const;
  const notDue = `IF(${customer}="","",${thisRow(name, h.total)}-${overdueKeys.map((key) => thisRow(name, h[key])).join("-")})`;
  const money = (key: keyof typeof h, formula: string) => c.formula(key, h[key], "moneyCents", formula, { width: 16, totals: SUM });
  const origin = { row: 5, col: 0 };
  const aging = draft.table({
    name,
    role: "aging",
    origin,
    showTotals: true,
    columns: [
      c.text("customer", h.customer, { width: 24, totals: label(s.common.total) }),
      money("notDue", notDue),
      ...overdueKeys.map((key) => money(key, bucket(windows[key]))),
      money("total", bucket(windows.total)),
    ],
    rows: [...customers.map((name) => ({ customer: name })), ...Array.from({ length: AGING_BLANK_ROWS }, () => ({})), { customer: k.agingOther }],
  });
  draft.format({ target: { kind: "tableColumn", table: name, column: h.customer }, rule: { kind: "duplicates" }, style: { fill: COLORS.warnFill, fontColor: COLORS.warnFont } });

  // The buckets' totals as rows, for the chart: a chart's categories and values are table columns.
  const b = k.agingBucketColumns;
  const bucketsName = spTable(key, "AgingBuckets");
  const keys = ["notDue", ...overdueKeys] as const;
  const seq = thisRow(bucketsName, b.seq);
  const amountCol = col(bucketsName, b.amount);
  const buckets = draft.table({
    name: bucketsName,
    role: "agingBuckets",
    origin: { row: origin.row, col: aging.lastCol + 2 },
    showTotals: true,
    columns: [
      c.count("seq", b.seq, { width: 6, totals: label(s.common.total) }),
      c.text("bucket", b.bucket, { width: 16 }),
      c.formula("amount", b.amount, "moneyCents", `CHOOSE(${seq},${keys.map((key) => `SUM(${col(name, h[key])})`).join(",")})`, { width: 16, totals: SUM }),
      c.formula("share", b.share, "percent", `IF(SUM(${amountCol})=0,"",${thisRow(bucketsName, b.amount)}/SUM(${amountCol}))`, { totals: SUM }),
    ],
    rows: keys.map((key, i) => ({ seq: i + 1, bucket: h[key] })),
  });
  draft.chart({
    kind: "column",
    title: k.agingChartTitle,
    categories: { kind: "tableColumn", table: bucketsName, column: b.bucket },
    series: [{ name: b.amount, values: { kind: "tableColumn", table: bucketsName, column: b.amount } }],
    anchor: { from: { row: buckets.lastRow + 2, col: buckets.spec.origin.col }, to: { row: buckets.lastRow + 18, col: buckets.lastCol + 3 } },
  });
  return draft.finish({
    name: freeSheetName(k.agingSheetName, sheets),
    record: templateRecord(TEMPLATES.contracts, "summary", key, { row: 1, col: 0 }),
    recordLabel: s.common.recordLabel,
    recordNote: s.common.recordNote,
    freeze: { rows: origin.row + 1, cols: 1 },
    print: printSetup({ first: origin.row, last: origin.row }),
    tabColor: "FFC000",
  });
}

export function buildContractRegister(options: ContractRegisterOptions, ctx: BuildContext): SheetSpec[] {
  const kit = kitFor(ctx.locale);
  const { s, v } = kit;
  const key = freeKey(TEMPLATES.contracts, ctx.existing);
  const name = spTable(key, CONTRACTS_ROLE);
  const ledger = ledgerNames(ctx.existing);
  const draft = new SheetDraft();
  draft.text({ row: 0, col: 0 }, s.contracts.title, "title");
  const arAt = draft.field({ row: 2, col: 0 }, s.contracts.arDays, { value: DEFAULT_AR_DAYS }, { numberFormat: FORMATS.plain, validation: v.whole(1) });
  const arDays = spName(key, "AR_DAYS");
  draft.name(arDays, arAt, s.contracts.arDays);
  draft.text({ row: 3, col: 0 }, s.contracts.note, "note");
  const origin = { row: 4, col: 0 };
  const rows = options.rows ?? [];
  const contracts = draft.table({
    name,
    role: "contracts",
    origin,
    showTotals: true,
    columns: contractColumns(kit, name, ledger),
    rows: [...rows, ...Array.from({ length: options.blankRows ?? TEMPLATES.contracts.blankRows.initial }, () => ({}))],
  });
  contractFormats(draft, kit, contracts, arDays);
  const mainName = freeSheetName(s.contracts.sheetName, ctx.existing.sheets);
  const stats = statsSheet(kit, key, contracts, ledger, options.statsYear, [...ctx.existing.sheets, mainName]);
  const aging = agingSheet(kit, ctx.locale, key, contracts, customersOf(rows), [...ctx.existing.sheets, mainName, stats.name]);
  const main = draft.finish({
    name: mainName,
    record: templateRecord(TEMPLATES.contracts, "main", key, { row: 1, col: 0 }),
    recordLabel: s.common.recordLabel,
    recordNote: s.common.recordNote,
    freeze: { rows: origin.row + 1, cols: 2 },
    print: printSetup({ first: origin.row, last: origin.row }),
    tabColor: "C00000",
  });
  return [main, stats, aging];
}
