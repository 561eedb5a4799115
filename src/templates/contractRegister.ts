import { a1FixedColumn } from "../spec/a1";
import { SUM, label } from "./columns";
import { kitFor, type BuildContext, type Kit } from "./context";
import { printSetup, SheetDraft, type PlacedTable } from "./draft";
import { COLORS, FORMATS } from "./formats";
import { col, str, thisRow } from "../spec/formula";
import { TEMPLATES } from "./registry";
import { freeKey, freeSheetName, spName, spTable, templateRecord } from "../spec/naming";
import type { ColumnSpec, SheetSpec, TableRow } from "../spec/sheetSpec";
import type { TemplateStrings } from "./strings";

/**
 * 合同履行一览表 (DOMAIN §1.4): the register with derived 未回款/履行进度/回款率/状态 columns and a
 * statistics sheet by month, quarter and year of 签订日期 (COUNTIFS/SUMIFS over the table, so
 * it follows every row the user adds).
 */

export interface ContractRegisterOptions {
  /** Data rows by column key; dates as serials. */
  readonly rows?: readonly TableRow[];
  /** Blank rows appended for data entry (default: the registry's). */
  readonly blankRows?: number;
  /** Year the statistics sheet starts with (the user can change it in the sheet). */
  readonly statsYear: number;
}

/** The register's table is `SP_<KEY>_Contracts`: the ledger finds it by this name. */
export const CONTRACTS_ROLE = "Contracts";

/** Invoiced-but-unpaid amounts older than this many days are flagged (editable in the sheet). */
const DEFAULT_AR_DAYS = 90;

const ratio = (part: string, whole: string): string => `IF(OR(${whole}="",${whole}=0),"",N(${part})/${whole})`;

function contractColumns(kit: Kit, table: string): ColumnSpec[] {
  const { s, columns: c } = kit;
  const h = s.contracts.columns;
  const [notStarted, inProgress, completed, overdue] = s.contracts.statuses;
  const r = (header: string) => thisRow(table, header);
  const amount = r(h.amount);
  const shipped = r(h.shipped);
  // Overdue = past the agreed delivery date and not fully delivered; delivery decides completion,
  // payment is tracked separately by 回款率 and its own highlight.
  const status =
    `IF(${amount}="","",IF(N(${shipped})>=${amount},${str(completed)},` +
    `IF(AND(${r(h.due)}<>"",${r(h.due)}<TODAY()),${str(overdue)},` +
    `IF(N(${shipped})=0,${str(notStarted)},${str(inProgress)}))))`;
  return [
    c.text("id", h.id, { width: 14, totals: label(s.common.total) }),
    c.text("customer", h.customer, { width: 22 }),
    c.date("signed", h.signed),
    c.moneyCents("amount", h.amount, { width: 16, totals: SUM }),
    c.text("product", h.product, { width: 18 }),
    c.date("due", h.due, { width: 14 }),
    c.moneyCents("shipped", h.shipped, { width: 16, totals: SUM }),
    c.date("lastShipped", h.lastShipped, { width: 14 }),
    c.moneyCents("invoiced", h.invoiced, { width: 16, totals: SUM }),
    c.moneyCents("paid", h.paid, { width: 16, totals: SUM }),
    c.formula("unpaid", h.unpaid, "moneyCents", `IF(${amount}="","",${amount}-N(${r(h.paid)}))`, { width: 16, totals: SUM }),
    c.formula("progress", h.progress, "percent", ratio(shipped, amount), {
      totals: { kind: "formula", formula: totalRatio(table, h.shipped, h.amount) },
    }),
    c.formula("paidRate", h.paidRate, "percent", ratio(r(h.paid), amount), {
      totals: { kind: "formula", formula: totalRatio(table, h.paid, h.amount) },
    }),
    c.formula("status", h.status, "text", status, { width: 10 }),
    c.text("owner", h.owner, { width: 10 }),
    c.text("note", h.note, { width: 24 }),
  ];
}

/** A ratio of two column totals that respects filters, like the SUBTOTAL totals beside it. */
function totalRatio(table: string, part: string, whole: string): string {
  const w = `SUBTOTAL(109,${col(table, whole)})`;
  return `IF(${w}=0,"",SUBTOTAL(109,${col(table, part)})/${w})`;
}

function contractFormats(draft: SheetDraft, kit: Kit, contracts: PlacedTable, arDays: string): void {
  const h = kit.s.contracts.columns;
  const at = (key: string) => a1FixedColumn(contracts.cell(0, key));
  const target = (column: string) => ({ kind: "tableColumn", table: contracts.spec.name, column }) as const;
  draft.format({
    target: target(h.status),
    rule: { kind: "expression", formula: `${at("status")}=${str(kit.s.contracts.statuses[3])}` },
    style: { fill: COLORS.badFill, fontColor: COLORS.badFont, bold: true },
  });
  // 开票 > 回款 for longer than the alert period, counted from the last shipment (or signing).
  const since = `IF(${at("lastShipped")}="",${at("signed")},${at("lastShipped")})`;
  draft.format({
    target: target(h.unpaid),
    rule: { kind: "expression", formula: `AND(N(${at("invoiced")})>N(${at("paid")}),ISNUMBER(${since}),TODAY()-${since}>${arDays})` },
    style: { fill: COLORS.warnFill, fontColor: COLORS.warnFont },
  });
}

function statsSheet(kit: Kit, key: string, contracts: PlacedTable, year: number, sheets: readonly string[]): SheetSpec {
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
      c.formula("shipped", h.shipped, "moneyCents", sumOf(ch.shipped), { width: 16 }),
      c.formula("invoiced", h.invoiced, "moneyCents", sumOf(ch.invoiced), { width: 16 }),
      c.formula("paid", h.paid, "moneyCents", sumOf(ch.paid), { width: 16 }),
      c.formula("paidRate", h.paidRate, "percent", `IF(${thisRow(name, h.amount)}=0,"",${thisRow(name, h.paid)}/${thisRow(name, h.amount)})`),
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

export function buildContractRegister(options: ContractRegisterOptions, ctx: BuildContext): SheetSpec[] {
  const kit = kitFor(ctx.locale);
  const { s, v } = kit;
  const key = freeKey(TEMPLATES.contracts, ctx.existing);
  const name = spTable(key, CONTRACTS_ROLE);
  const draft = new SheetDraft();
  draft.text({ row: 0, col: 0 }, s.contracts.title, "title");
  const arAt = draft.field({ row: 2, col: 0 }, s.contracts.arDays, { value: DEFAULT_AR_DAYS }, { numberFormat: FORMATS.plain, validation: v.whole(1) });
  const arDays = spName(key, "AR_DAYS");
  draft.name(arDays, arAt, s.contracts.arDays);
  const origin = { row: 4, col: 0 };
  const contracts = draft.table({
    name,
    role: "contracts",
    origin,
    showTotals: true,
    columns: contractColumns(kit, name),
    rows: [...(options.rows ?? []), ...Array.from({ length: options.blankRows ?? TEMPLATES.contracts.blankRows.initial }, () => ({}))],
  });
  contractFormats(draft, kit, contracts, arDays);
  const mainName = freeSheetName(s.contracts.sheetName, ctx.existing.sheets);
  const stats = statsSheet(kit, key, contracts, options.statsYear, [...ctx.existing.sheets, mainName]);
  const main = draft.finish({
    name: mainName,
    record: templateRecord(TEMPLATES.contracts, "main", key, { row: 1, col: 0 }),
    recordLabel: s.common.recordLabel,
    recordNote: s.common.recordNote,
    freeze: { rows: origin.row + 1, cols: 2 },
    print: printSetup({ first: origin.row, last: origin.row }),
    tabColor: "C00000",
  });
  return [main, stats];
}
