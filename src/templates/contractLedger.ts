import { a1FixedColumn } from "../spec/a1";
import { SUM, label } from "./columns";
import { kitFor, type BuildContext, type Kit } from "./context";
import { printSetup, SheetDraft, type PlacedTable } from "./draft";
import { COLORS } from "./formats";
import { TEMPLATES } from "./registry";
import { TEMPLATE_STRINGS } from "./strings";
import { CONTRACTS_ROLE, linkedTable } from "./linkedTables";
import { freeKey, freeSheetName, spName, spTable, templateRecord } from "../spec/naming";
import { newestFirstRow, thisRow } from "../spec/formula";
import type { ColumnSpec, ExistingNames, SheetSpec, TableRow } from "../spec/sheetSpec";

/**
 * 合同收发票款明细 (issue 12 item 5, seed 000 L141–146): one row per shipment, return, invoice or
 * payment of a contract, the daily record a sales office keeps and the contract register sums:
 * its table `SP_<KEY>_Ledger`, its key columns named `LEDGER_COLUMN_NAMES` (so a formula reads them
 * whatever their headers become), and the type words in the cells named `LEDGER_TYPE_NAMES`, e.g.
 * `SUMIFS(SP_L1_COL_AMOUNT,SP_L1_COL_CONTRACT,id,SP_L1_COL_TYPE,SP_L1_TYPE_RETURN)`.
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
export const LEDGER_COLUMNS = ["date", "contract", "type", "product", "quantity", "price", "amount", "document", "tracking", "handler", "reviewer", "note", "newestFirst"] as const;

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
export const LEDGER_COLUMN_NAMES = { date: "COL_DATE", contract: "COL_CONTRACT", type: "COL_TYPE", amount: "COL_AMOUNT", newestFirst: "COL_NEWEST_FIRST" } as const;

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

/**
 * The ledger upside down (`newestFirstRow`): row k holds "合同编号|类型" of the k-th row from the end, where that
 * row has a date after 0 (a date typed as text is none). The contract register finds a contract's latest
 * shipment and invoice with a MATCH over it, which stops at the first hit — after the rows entered since, in a
 * ledger kept day by day — instead of comparing every row of the ledger per contract (`contractRegister.ts`).
 * The number is joined as text (&""), so 2026001 and "2026001" are one contract, as SUMIFS has them.
 */
function newestFirst(table: string, key: string, h: { readonly contract: string }): string {
  const column = (part: string) => spName(key, part);
  const [dates, contracts, types] = [column(LEDGER_COLUMN_NAMES.date), column(LEDGER_COLUMN_NAMES.contract), column(LEDGER_COLUMN_NAMES.type)];
  const mirror = newestFirstRow(thisRow(table, h.contract), contracts);
  return `IF(N(INDEX(${dates},${mirror}))>0,INDEX(${contracts},${mirror})&"|"&INDEX(${types},${mirror}),"")`;
}

function ledgerColumns(kit: Kit, key: string, existing: ExistingNames): ColumnSpec[] {
  const { s, columns: c, v } = kit;
  const l = s.ledger;
  const h = l.columns;
  const source = contractIdSource(existing, s.contracts.columns.id);
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
    newestFirst: c.formula("newestFirst", h.newestFirst, "text", newestFirst(ledgerTableName(key), key, h), { width: 16 }),
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
