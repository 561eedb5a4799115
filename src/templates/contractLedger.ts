import { a1FixedColumn } from "../spec/a1";
import { SUM, label } from "./columns";
import { kitFor, type BuildContext, type Kit } from "./context";
import { printSetup, SheetDraft, type PlacedTable } from "./draft";
import { COLORS } from "./formats";
import { TEMPLATES } from "./registry";
import { TEMPLATE_STRINGS } from "./strings";
import { CONTRACTS_ROLE, linkedTable } from "./linkedTables";
import { freeKey, freeSheetName, spName, spTable, templateRecord } from "../spec/naming";
import { literalCriterion, newestFirstRow, thisRow } from "../spec/formula";
import type { ColumnSpec, ExistingNames, SheetSpec, TableRow } from "../spec/sheetSpec";

/**
 * 合同收发票款明细 (issue 12 item 5, seed 000 L141–146): one row per shipment, return, invoice or
 * payment of a contract, the daily record a sales office keeps and the contract register sums:
 * its table `SP_<KEY>_Ledger`, its key columns named `LEDGER_COLUMN_NAMES` (so a formula reads them
 * whatever their headers become), and the type words in the cells named `LEDGER_TYPE_NAMES`, e.g.
 * `IF([@类型]=SP_L1_TYPE_RETURN,…)`; the register reads each contract's figures to date (`runningColumns`).
 *
 * 金额 is typed, not calculated: a payment (回款) has no quantity or unit price, an invoice may differ
 * from quantity × price by a discount, and a calculated column cannot hold typed exceptions (Excel
 * turns a column of mixed formulas and values into one calculated column, OfficeDev/office-js#5909).
 * So the one column the register sums is what the document says, and an amount that differs from
 * quantity × unit price where both are given — or is missing — is highlighted for the check seed 000
 * L145 asks before invoicing (开票前需确认…单价及数量). A return is a positive amount of type 退货, which
 * the register subtracts; amounts and quantities are never negative, so a sign cannot count twice.
 */

export interface ContractLedgerOptions {
  /** Data rows by column key; dates as serials. */
  readonly rows?: readonly TableRow[];
  /** Blank rows appended for data entry (default: the registry's). */
  readonly blankRows?: number;
}

/** The table's columns, in order (formulas elsewhere read them by `LEDGER_COLUMN_NAMES`, never by place). */
export const LEDGER_COLUMNS = [
  "date", "contract", "type", "product", "quantity", "price", "amount", "document", "tracking", "handler", "reviewer", "note",
  "shippedToDate", "invoicedToDate", "paidToDate", "lastShipment", "lastInvoice", "newestFirst", "previous",
] as const;

/** The ledger's table is `SP_<KEY>_Ledger`: the contract register finds it by this name. */
export const LEDGER_ROLE = "Ledger";

/** The ledger of key `key`: `SP_L1_Ledger`. */
export const ledgerTableName = (key: string): string => spTable(key, LEDGER_ROLE);

/**
 * The names of the cells holding the type words, in the order of `strings.ledger.types` (发货, 退货, 开票,
 * 回款): a formula over the ledger compares 类型 with `SP_L1_TYPE_RETURN` and so works whatever language
 * the ledger was written in.
 */
export const LEDGER_TYPE_NAMES = ["TYPE_SHIPMENT", "TYPE_RETURN", "TYPE_INVOICE", "TYPE_PAYMENT"] as const;

/** Workbook names of the columns a formula over the ledger reads, by column key: `SP_L1_COL_AMOUNT`. */
export const LEDGER_COLUMN_NAMES = {
  date: "COL_DATE",
  contract: "COL_CONTRACT",
  type: "COL_TYPE",
  amount: "COL_AMOUNT",
  shippedToDate: "COL_SHIPPED_TO_DATE",
  invoicedToDate: "COL_INVOICED_TO_DATE",
  paidToDate: "COL_PAID_TO_DATE",
  lastShipment: "COL_LAST_SHIPMENT",
  lastInvoice: "COL_LAST_INVOICE",
  newestFirst: "COL_CONTRACTS_NEWEST_FIRST",
} as const;

/**
 * The column a ledger's 合同编号 drop-down lists: the 合同编号 column of the workbook's contract register
 * (`linkedTable`: found by its table name alone, its column by the header the register writes in either
 * language, else the first), named as the workbook has it; undefined without a register.
 */
export function contractIdSource(existing: ExistingNames, writtenHeader: string): { table: string; column: string } | undefined {
  const headers = Object.values(TEMPLATE_STRINGS).map((s) => s.contracts.columns.id);
  const found = linkedTable(existing, TEMPLATES.contracts, CONTRACTS_ROLE, { id: { headers, position: 0 } }, { id: writtenHeader });
  return found && { table: found.table, column: found.columns.id };
}

type RunningKey = "shippedToDate" | "invoicedToDate" | "paidToDate" | "lastShipment" | "lastInvoice";
type LedgerHeaders = Record<(typeof LEDGER_COLUMNS)[number], string>;

/**
 * Each contract's figures to date, row by row: every row adds its own event to what the contract's previous row
 * (in the ledger's order) holds, so the contract register reads a contract's totals and latest dates from its
 * last row — one lookup per contract — instead of summing the whole ledger per contract and type six times
 * (issue 17: no per-row scan of a whole column where a cumulative design does it once). Rows in any order,
 * inserted, deleted or sorted, still add up: the last row of a contract holds the sum over all of its rows.
 *
 * The previous row is found through the ledger upside down (`newestFirstRow`: row k holds 合同编号 as text of
 * the k-th row from the end, so 2026001 and "2026001" are one contract): a MATCH from this row's place there
 * on, which stops at the contract's previous row. It reads the rows between the two — about as many as the
 * contracts active meanwhile, so in a ledger whose contracts are all active all year it still grows with the
 * square of the team, reading under a third of what the six whole-ledger scans per contract read (README, 性能).
 * A row reads its own column at that row with INDEX, which Excel is reported to calculate as the one cell INDEX
 * picks, not as a circular reference (EPPlus issue #304: `INDEX(A:A,1,1)` in A2 "computes perfectly fine in
 * Excel"; formualizer#370, measured in Excel 16.105; docs/excel-check.md has it checked by hand); the cell above
 * (`=E5+…`) would turn to #REF! when that row is deleted. A value pasted over 合同编号倒序 can mislead the rows
 * whose search passes it; Excel flags such a cell as an inconsistent calculated column formula.
 */
function runningColumns(key: string, h: LedgerHeaders, table: string): Record<"newestFirst" | "previous" | RunningKey, string> {
  const name = (part: string) => spName(key, part);
  const n = LEDGER_COLUMN_NAMES;
  const [contracts, mirror] = [name(n.contract), name(n.newestFirst)];
  const r = (header: string) => thisRow(table, header);
  const contract = r(h.contract);
  const place = newestFirstRow(contract, contracts);
  const previousRow = r(h.previous);
  const type = r(h.type);
  const amount = `N(${r(h.amount)})`;
  const [shipment, ret, invoice, payment] = LEDGER_TYPE_NAMES.map(name);
  const before = (column: RunningKey) => `IF(${previousRow}>0,INDEX(${name(n[column])},${previousRow}),"")`;
  const added = (column: RunningKey, own: string) => `IF(${contract}="","",N(${before(column)})+${own})`;
  const later = (column: RunningKey, kind: string) => {
    const date = r(h.date);
    return `IF(${contract}="","",IF(AND(${type}=${kind},N(${date})>0,N(${date})>N(${before(column)})),${date},${before(column)}))`;
  };
  return {
    newestFirst: `INDEX(${contracts},${place})&""`,
    previous: `IF(${contract}="","",IFERROR(ROWS(${mirror})+1-${place}-MATCH(${literalCriterion(`${contract}&""`)},INDEX(${mirror},${place}+1):INDEX(${mirror},ROWS(${mirror})),0),0))`,
    shippedToDate: added("shippedToDate", `IF(${type}=${shipment},${amount},IF(${type}=${ret},-${amount},0))`),
    invoicedToDate: added("invoicedToDate", `IF(${type}=${invoice},${amount},0)`),
    paidToDate: added("paidToDate", `IF(${type}=${payment},${amount},0)`),
    lastShipment: later("lastShipment", shipment),
    lastInvoice: later("lastInvoice", invoice),
  };
}

function ledgerColumns(kit: Kit, key: string, existing: ExistingNames): ColumnSpec[] {
  const { s, columns: c, v } = kit;
  const l = s.ledger;
  const h = l.columns;
  const source = contractIdSource(existing, s.contracts.columns.id);
  const running = runningColumns(key, h, ledgerTableName(key));
  const byKey: Record<(typeof LEDGER_COLUMNS)[number], ColumnSpec> = {
    date: c.date("date", h.date, { totals: label(l.filteredTotal) }),
    contract: source
      ? c.fromColumn("contract", h.contract, v.fromColumn(source, { title: l.contractErrorTitle, message: l.contractErrorMessage }), { width: 16 })
      : c.text("contract", h.contract, { width: 16 }),
    type: c.list("type", h.type, l.types, { width: 8 }),
    product: c.text("product", h.product, { width: 18 }),
    quantity: c.decimal("quantity", h.quantity),
    price: c.moneyCents("price", h.price, { width: 14 }),
    amount: c.moneyCents("amount", h.amount, { width: 16, totals: SUM }),
    document: c.text("document", h.document, { width: 16 }),
    tracking: c.text("tracking", h.tracking, { width: 18 }),
    handler: c.text("handler", h.handler, { width: 10 }),
    reviewer: c.text("reviewer", h.reviewer, { width: 10 }),
    note: c.text("note", h.note, { width: 24 }),
    shippedToDate: c.formula("shippedToDate", h.shippedToDate, "moneyCents", running.shippedToDate, { width: 16 }),
    invoicedToDate: c.formula("invoicedToDate", h.invoicedToDate, "moneyCents", running.invoicedToDate, { width: 16 }),
    paidToDate: c.formula("paidToDate", h.paidToDate, "moneyCents", running.paidToDate, { width: 16 }),
    lastShipment: c.formula("lastShipment", h.lastShipment, "date", running.lastShipment, { width: 14 }),
    lastInvoice: c.formula("lastInvoice", h.lastInvoice, "date", running.lastInvoice, { width: 14 }),
    newestFirst: c.formula("newestFirst", h.newestFirst, "text", running.newestFirst, { width: 16 }),
    previous: c.formula("previous", h.previous, "integer", running.previous, { width: 10 }),
  };
  return LEDGER_COLUMNS.map((key) => byKey[key]);
}

function ledgerFormats(draft: SheetDraft, ledger: PlacedTable): void {
  const at = (key: string) => a1FixedColumn(ledger.cell(0, key));
  const target = (key: string) => ({ kind: "tableColumn", table: ledger.spec.name, column: ledger.header(key) }) as const;
  // Seed 000 L121/L142/L144: 双人或多人复核 — every recorded event needs a reviewer other than its handler.
  const recorded = `OR(${["date", "contract", "type", "amount"].map((key) => `${at(key)}<>""`).join(",")})`;
  const reviewer = `TRIM(${at("reviewer")})`;
  draft.format({
    target: target("reviewer"),
    rule: { kind: "expression", formula: `AND(${recorded},OR(${reviewer}="",${reviewer}=TRIM(${at("handler")})))` },
    style: { fill: COLORS.badFill, fontColor: COLORS.badFont, bold: true },
  });
  const differs = `AND(ISNUMBER(${at("quantity")}),ISNUMBER(${at("price")}),ROUND(${at("quantity")}*${at("price")}-N(${at("amount")}),2)<>0)`;
  draft.format({
    target: target("amount"),
    rule: { kind: "expression", formula: `AND(${at("type")}<>"",OR(${at("amount")}="",${differs}))` },
    style: { fill: COLORS.warnFill, fontColor: COLORS.warnFont },
  });
}

export function buildContractLedger(options: ContractLedgerOptions, ctx: BuildContext): SheetSpec[] {
  const kit = kitFor(ctx.locale);
  const { s } = kit;
  const l = s.ledger;
  const key = freeKey(TEMPLATES.ledger, ctx.existing);
  const draft = new SheetDraft();
  draft.text({ row: 0, col: 0 }, l.title, "title");
  draft.text({ row: 2, col: 0 }, l.note, "note");
  draft.text({ row: 3, col: 0 }, l.typesLabel, "label");
  l.types.forEach((type, i) => draft.name(spName(key, LEDGER_TYPE_NAMES[i]), draft.text({ row: 3, col: 1 + i }, type, "computed"), l.typesLabel));
  const origin = { row: 5, col: 0 };
  const ledger = draft.table({
    name: ledgerTableName(key),
    role: "ledger",
    origin,
    showTotals: true,
    columns: ledgerColumns(kit, key, ctx.existing),
    rows: [...(options.rows ?? []), ...Array.from({ length: options.blankRows ?? TEMPLATES.ledger.blankRows.initial }, () => ({}))],
  });
  ledgerFormats(draft, ledger);
  for (const [column, part] of Object.entries(LEDGER_COLUMN_NAMES)) draft.columnName(spName(key, part), ledger, column, l.columnNameNote);
  return [
    draft.finish({
      name: freeSheetName(l.sheetName, ctx.existing.sheets),
      record: templateRecord(TEMPLATES.ledger, "main", key, { row: 1, col: 0 }),
      recordLabel: s.common.recordLabel,
      recordNote: s.common.recordNote,
      freeze: { rows: origin.row + 1, cols: 2 },
      print: printSetup({ first: origin.row, last: origin.row }),
      tabColor: "70AD47",
    }),
  ];
}
