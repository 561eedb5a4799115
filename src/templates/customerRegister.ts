import { ABC_RATIO_DIGITS, DEFAULT_A_SHARE, DEFAULT_B_SHARE, DEFAULT_VISIT_FREQUENCIES } from "../domain/tiers";
import { a1, a1FixedColumn } from "../spec/a1";
import { SUM, label, visitIntervalFormula } from "./columns";
import { kitFor, type BuildContext, type Kit } from "./context";
import { labelWidth, printSetup, SheetDraft, type PlacedTable } from "./draft";
import { COLORS, FORMATS } from "./formats";
import { cellOrBlank, col, dateWindow, equalsCriterion, firstRowOf, lastRowOf, str, thisRow } from "../spec/formula";
import { CUSTOMERS_ROLE, registerFirstVisitName } from "./linkedTables";
import { visitLogKey, VISIT_COLUMN_NAMES } from "./visitLog";
import { TEMPLATES } from "./registry";
import { freeKey, freeSheetName, predates, spName, spTable, templateRecord } from "../spec/naming";
import type { ExistingNames, SheetSpec, TableRow } from "../spec/sheetSpec";

/**
 * 客户资源登记表 (DOMAIN §1.3): the register, its settings sheet (tier thresholds and visit
 * frequencies the formulas read through names) and a tier summary with a chart.
 *
 * It follows the customer visit log (issue 12) through the workbook names of the log's columns
 * (`VISIT_COLUMN_NAMES`): the log's when the workbook has one, else those the first log will get. Excel
 * takes a formula naming a name not defined yet (#NAME?, caught here as blank) and calculates it once
 * the name exists, so a register written before the log follows it as soon as the log is added, and a
 * register used alone keeps its typed 手填拜访日期.
 */

export interface CustomerRegisterOptions {
  /** Data rows by column key (see `customerColumnKeys`); dates as serials. */
  readonly rows?: readonly TableRow[];
  /** Blank rows appended for data entry (default: the registry's). */
  readonly blankRows?: number;
}


const TIERS = ["A", "B", "C"] as const;

/** The names the register's formulas read from its settings sheet. */
const settingNames = (key: string) => ({
  abcA: spName(key, "ABC_A"),
  abcB: spName(key, "ABC_B"),
  /** The smallest 年交易额 still in class A / B, found once on the settings sheet (`abcSearch`). */
  cutA: spName(key, "ABC_A_CUTOFF"),
  cutB: spName(key, "ABC_B_CUTOFF"),
  /** Days between visits per tier, computed on the settings sheet from the frequency there. */
  visit: TIERS.map((t) => spName(key, `VISIT_${t}`)),
  visitDays: TIERS.map((t) => spName(key, `VISIT_${t}_DAYS`)),
  visitTimes: TIERS.map((t) => spName(key, `VISIT_${t}_TIMES`)),
  /** The visit log's rows of the last 14 days, found once for every customer (`dateWindow`). */
  recentFirst: spName(key, "RECENT_FIRST"),
  recentLast: spName(key, "RECENT_LAST"),
});

/** The key of the visit log the register reads, and the names of the log's columns it reads. */
interface LogNames {
  readonly key: string;
  readonly date: string;
  readonly customer: string;
  readonly newestFirst: string | undefined;
}

/**
 * The visit log's columns the register reads, by the names the log gives them. `newestFirst` is absent
 * for a log in the workbook written before the log had that column.
 */
const logNames = (existing: ExistingNames): LogNames => {
  const key = visitLogKey(existing);
  const [date, customer, newestFirst] = [VISIT_COLUMN_NAMES.date, VISIT_COLUMN_NAMES.customerId, VISIT_COLUMN_NAMES.newestFirst].map((part) => spName(key, part));
  return { key, date, customer, newestFirst: predates(existing, date, newestFirst) ? undefined : newestFirst };
};

/**
 * ABC等级 per DOMAIN §2.1, natively and in O(1) per row. before(v) — the sum of the values strictly
 * greater than v — only grows as v falls, so each class is "v ≥ a cut-off": the smallest value whose
 * before/T is still under the share (the `abcSearch` on the settings sheet finds both once). Ties are
 * one value, so they share a class; the row that crosses a threshold is the cut-off itself, so it stays
 * in the upper class; nothing depends on row order. Blank → "", negative or text → #VALUE! (that row
 * only: the cut-offs leave it out), total 0 → C (blank cut-offs), shares out of range → #NUM! (the
 * cut-offs'), as SALES.ABC.
 */
export function abcFormula(table: string, header: string, cutA: string, cutB: string): string {
  const v = thisRow(table, header);
  return (
    `IF(${v}="","",IF(OR(NOT(ISNUMBER(${v})),${v}<0),#VALUE!,IF(${cutB}="","C",` +
    `IF(${v}>=${cutA},"A",IF(${v}>=${cutB},"B","C")))))`
  );
}

/**
 * Bisection steps over ranks: 2^20 ≥ the 1 048 575 data rows a sheet can hold, so after 20 halvings of
 * [1, n+1) the lower bound is the last rank still in the class, whatever the register's size.
 */
const ABC_STEPS = 20;

/**
 * The ABC cut-offs on the settings sheet, found once for the whole register instead of a SUMIF over the
 * column in every row (O(n²), minutes at 20 000 customers): per class a bisection over the ranks k of the
 * values ≥ 0, where rank k is still in the class when before(LARGE(values,k))/T < share — true
 * for k = 1 and, as LARGE falls with k, false from some rank on. Each step row holds the search's bounds
 * (lo still in, hi out or n+1) and the test of their middle rank; the next row keeps the half that holds
 * the change. 2 × 20 LARGE and SUMIF over the column in all. A closed interval (hi = lo + 1, or no values,
 * or T = 0) skips the test, so a blank or all-zero register shows no error. before/T is divided, not
 * compared as before < share·T, and rounded to ABC_RATIO_DIGITS decimals, so 60/100 and 12.6/31.5 equal
 * a typed 60 % / 40 % whatever order the sums were added in, as in `abcClasses`. before() is
 * SUMPRODUCT(--(values>x),values), not SUMIF(values,">"&x): "&" turns x into text of at most 15
 * significant digits, so 12345.670000000002 would count as greater than itself. In the two-argument
 * form SUMPRODUCT takes text and blanks in the column as 0 (a product would be #VALUE!), and no engine
 * needs array entry for it.
 */
function abcSearch(draft: SheetDraft, kit: Kit, all: string, shares: { a: string; b: string }, names: { a: string; b: string }, top: number): void {
  const r = kit.s.customers;
  const plain = FORMATS.plain;
  draft.text({ row: top, col: 0 }, r.abcHint, "note");
  const total = a1(draft.field({ row: top + 1, col: 0 }, r.abcTotal, { formula: `SUMIF(${all},">0")` }, { numberFormat: FORMATS.moneyCents }));
  const count = a1(draft.field({ row: top + 2, col: 0 }, r.abcCount, { formula: `COUNTIF(${all},">=0")` }, { numberFormat: plain }));
  const head = top + 6;
  r.abcSearch.forEach((text, i) => {
    draft.text({ row: head, col: i }, text, "label");
    draft.widen(i, labelWidth(text));
  });
  const cut = (share: string, col: number): string => {
    const lo = (row: number) => a1({ row, col });
    const hi = (row: number) => a1({ row, col: col + 1 });
    const ok = (row: number) => a1({ row, col: col + 2 });
    const mid = (row: number) => `INT((${lo(row)}+${hi(row)})/2)`;
    for (let step = 0; step <= ABC_STEPS; step++) {
      const row = head + 1 + step;
      if (col === 1) draft.put({ row, col: 0 }, { value: step }, "computed", plain);
      if (step === 0) {
        draft.put({ row, col }, { value: 1 }, "computed", plain);
        draft.put({ row, col: col + 1 }, { formula: `IF(${total}>0,${count}+1,1)` }, "computed", plain);
      } else {
        draft.put({ row, col }, { formula: `IF(${ok(row - 1)},${mid(row - 1)},${lo(row - 1)})` }, "computed", plain);
        draft.put({ row, col: col + 1 }, { formula: `IF(${ok(row - 1)},${hi(row - 1)},${mid(row - 1)})` }, "computed", plain);
      }
      if (step < ABC_STEPS) {
        const before = `SUMPRODUCT(--(${all}>LARGE(${all},${mid(row)})),${all})`;
        draft.put({ row, col: col + 2 }, { formula: `IF(${hi(row)}-${lo(row)}<2,TRUE,ROUND(${before}/${total},${ABC_RATIO_DIGITS})<${share})` }, "computed");
      }
    }
    return a1({ row: head + 1 + ABC_STEPS, col });
  };
  // DOMAIN §2.1's shares, checked as SALES.ABC checks them: 0 < a ≤ b ≤ 1, else #NUM! in every class.
  const valid = `AND(ISNUMBER(${shares.a}),ISNUMBER(${shares.b}),${shares.a}>0,${shares.a}<=${shares.b},${shares.b}<=1)`;
  const cutoff = (label: string, row: number, last: string, name: string) =>
    draft.name(
      name,
      draft.field({ row, col: 0 }, label, { formula: `IF(${valid},IF(${total}>0,LARGE(${all},${last}),""),#NUM!)` }, { numberFormat: FORMATS.moneyCents }),
      label,
    );
  cutoff(r.abcCutA, top + 3, cut(shares.a, 1), names.a);
  cutoff(r.abcCutB, top + 4, cut(shares.b, 4), names.b);
}

function registerColumns(kit: Kit, table: string, key: string, log: LogNames, withLog: boolean) {
  const { s, columns: c } = kit;
  const h = s.customers.columns;
  const r = s.customers;
  const names = settingNames(key);
  const size = thisRow(table, h.demandSize);
  const urgency = thisRow(table, h.urgency);
  const customerSize = thisRow(table, h.customerSize);
  const manager = thisRow(table, h.managerTier);
  const suggested = thisRow(table, h.suggestedTier);
  const tier = thisRow(table, h.abc);
  const id = thisRow(table, h.id);
  const typed = thisRow(table, h.lastVisit);
  const latest = thisRow(table, h.latestVisit);
  // The log is kept in date order, so the customer's last dated row holds the last visit. One MATCH over the
  // log's newest-first column (visitLog) finds it, reading only the rows logged since: LOOKUP read every
  // row of the log once per customer, the formula that dominated the workbook's recalculation (README,
  // 性能); a customer the log does not hold reads it all. #N/A (not in the log) and #NAME? (no log yet) leave
  // the typed date. The ID is matched as text (the column holds text: 1001 and "1001" are one customer) and
  // literally: MATCH would read * ? ~ in an ID as wildcards and give another customer's date. A log written
  // before that column is read with LOOKUP, which compares values: there 1001 and "1001" differ.
  const logged = log.newestFirst
    ? `INDEX(${log.date},${lastRowOf(log.date, log.newestFirst, id)})`
    : `LOOKUP(2,1/((${log.customer}=${id})*ISNUMBER(${log.date})),${log.date})`;
  const typedOrBlank = cellOrBlank(typed);
  const idCriterion = equalsCriterion(id);
  const recent = `IF(OR(${id}="",ISERROR(ROWS(${log.customer}))),"",IF(${names.recentLast}<${names.recentFirst},0,` +
    `COUNTIF(INDEX(${log.customer},${names.recentFirst}):INDEX(${log.customer},${names.recentLast}),${idCriterion})))`;
  const cadence = thisRow(table, h.visitTier);
  const interval = `IF(${cadence}="A",${names.visit[0]},IF(${cadence}="B",${names.visit[1]},${names.visit[2]}))`;
  return [
    c.text("id", h.id, { width: 12 }),
    c.text("name", h.name, { width: 24 }),
    c.text("industry", h.industry, { width: 12 }),
    c.text("region", h.region, { width: 10 }),
    c.list("source", h.source, r.sources, { width: 12 }),
    c.text("contact", h.contact, { width: 10 }),
    c.text("position", h.position, { width: 10 }),
    c.text("phone", h.phone, { width: 15 }),
    c.text("address", h.address, { width: 28 }),
    c.text("owner", h.owner, { width: 10 }),
    c.moneyCents("annualSales", h.annualSales, { width: 16 }),
    c.list("demandSize", h.demandSize, r.sizes, { width: 10 }),
    c.list("urgency", h.urgency, r.urgencies, { width: 12 }),
    c.list("customerSize", h.customerSize, r.sizes, { width: 10 }),
    c.formula("abc", h.abc, "text", abcFormula(table, h.annualSales, names.cutA, names.cutB), { width: 10 }),
    c.formula(
      "suggestedTier",
      h.suggestedTier,
      "text",
      // Seed 000 grades by 客户的规模, 需求的及时性 and 需求大小: A = 迫切 and large (the demand or the
      // customer), C = 潜在需求, everything else 一般需求 (B). Only a suggestion: the manager decides.
      `IF(OR(${size}="",${urgency}=""),"",IF(AND(${urgency}=${str(r.urgencies[0])},OR(${size}=${str(r.sizes[0])},${customerSize}=${str(r.sizes[0])})),"A",` +
        `IF(${urgency}=${str(r.urgencies[2])},"C","B")))`,
      { width: 10 },
    ),
    // Seed 000: 等级的认定由经理根据市场调查情报综合认定 — the manager's grade, where set, is the customer's.
    c.list("managerTier", h.managerTier, s.common.tiers, { width: 10 }),
    c.formula("demandTier", h.demandTier, "text", `IF(${manager}<>"",${manager},${suggested})`, { width: 10 }),
    // Customers without 年交易额 have no ABC class: they are visited by their 需求等级, and by C's cadence without either.
    c.formula("visitTier", h.visitTier, "text", `IF(${tier}<>"",${tier},IF(${thisRow(table, h.demandTier)}<>"",${thisRow(table, h.demandTier)},IF(${id}="","","C")))`, { width: 10 }),
    c.list("credit", h.credit, r.credits, { width: 10 }),
    c.list("payment", h.payment, r.payments, { width: 12 }),
    c.list("status", h.status, r.statuses, { width: 10 }),
    c.date("firstContact", h.firstContact, { width: 14 }),
    c.date("lastVisit", h.lastVisit, { width: 14 }),
    // A blank ID would match the log's blank rows.
    c.formula("latestVisit", h.latestVisit, "date", `IF(${id}="",${typedOrBlank},IFERROR(MAX(N(${typed}),${logged}),${typedOrBlank}))`, { width: 14 }),
    c.formula("recentVisits", h.recentVisits, "integer", recent, { width: 10 }),
    c.formula("nextVisit", h.nextVisit, "date", `IF(${latest}="","",${latest}+${interval})`, { width: 14 }),
    c.text("note", h.note, { width: 24 }),
    // The log's first row of each customer, found once here rather than once per visit in the log: the
    // log's 新/老客户 reads it through the row its 客户名称 search already found (`visitLog.ts`). MATCH stops
    // at the first hit, so a customer costs the log's rows down to its first visit. Blank without a visit;
    // the ID matched literally, as the log's own test matches it. Only for a log written with the register
    // (`buildCustomerRegister`): a log written later searches itself, and the column alone cost a register
    // of 50 000 customers 1 to 3 s in LibreOffice.
    ...(withLog ? [c.formula("firstVisitRow", h.firstVisitRow, "integer", `IF(${id}="","",IFERROR(${firstRowOf(log.customer, id)},""))`, { width: 12 })] : []),
  ];
}

function registerFormats(draft: SheetDraft, kit: Kit, register: PlacedTable): void {
  const h = kit.s.customers.columns;
  const target = (column: string) => ({ kind: "tableColumn", table: register.spec.name, column }) as const;
  const next = a1FixedColumn(register.cell(0, "nextVisit"));
  draft.format({
    target: target(h.nextVisit),
    rule: { kind: "expression", formula: `AND(ISNUMBER(${next}),${next}<TODAY())` },
    style: { fill: COLORS.badFill, fontColor: COLORS.badFont },
  });
  for (const column of [h.name, h.phone]) {
    draft.format({ target: target(column), rule: { kind: "duplicates" }, style: { fill: COLORS.warnFill, fontColor: COLORS.warnFont } });
  }
}

function settingsSheet(kit: Kit, key: string, log: LogNames, sheets: readonly string[], withLog: boolean): SheetSpec {
  const { s, v } = kit;
  const r = s.customers;
  const names = settingNames(key);
  const draft = new SheetDraft();
  draft.text({ row: 0, col: 0 }, r.settingsTitle, "title");
  draft.text({ row: 2, col: 0 }, r.settingsHint, "note");
  const percent = FORMATS.share;
  const a = draft.field({ row: 3, col: 0 }, r.abcA, { value: DEFAULT_A_SHARE }, { numberFormat: percent, validation: v.share() });
  const b = draft.field({ row: 4, col: 0 }, r.abcB, { value: DEFAULT_B_SHARE }, { numberFormat: percent, validation: v.share() });
  draft.name(names.abcA, a, r.abcA);
  draft.name(names.abcB, b, r.abcB);
  TIERS.forEach((tier, i) => {
    const row = 5 + i;
    const { days, times } = DEFAULT_VISIT_FREQUENCIES[tier];
    const daysAt = draft.field({ row, col: 0 }, r.visitDays[i], { value: days }, { numberFormat: FORMATS.plain, validation: v.whole(1) });
    const timesAt = draft.field({ row, col: 2 }, r.visitTimes, { value: times }, { numberFormat: FORMATS.plain, validation: v.whole(1) });
    const intervalAt = draft.field({ row, col: 4 }, r.visitInterval, { formula: visitIntervalFormula(a1(daysAt), a1(timesAt)) }, { numberFormat: FORMATS.plain });
    draft.name(names.visitDays[i], daysAt, r.visitDays[i]);
    draft.name(names.visitTimes[i], timesAt, r.visitTimes);
    draft.name(names.visit[i], intervalAt, r.visitInterval);
  });
  draft.text({ row: 9, col: 0 }, withLog ? `${r.logHint} ${r.firstVisitRowHint}` : r.logHint, "note");
  const recent = dateWindow(log.date, "TODAY()-13", "TODAY()");
  draft.name(names.recentFirst, draft.field({ row: 10, col: 0 }, r.recentFirst, { formula: recent.first }, { numberFormat: FORMATS.plain }), r.recentFirst);
  draft.name(names.recentLast, draft.field({ row: 11, col: 0 }, r.recentLast, { formula: recent.last }, { numberFormat: FORMATS.plain }), r.recentLast);
  abcSearch(draft, kit, col(spTable(key, CUSTOMERS_ROLE), r.columns.annualSales), { a: names.abcA, b: names.abcB }, { a: names.cutA, b: names.cutB }, 14);
  draft.widen(0, 30);
  draft.widen(1, 12);
  return draft.finish({
    name: freeSheetName(r.settingsSheetName, sheets),
    record: templateRecord(TEMPLATES.customers, "settings", key, { row: 1, col: 0 }),
    recordLabel: s.common.recordLabel,
    recordNote: s.common.recordNote,
    freeze: { rows: 0, cols: 0 },
    print: printSetup(),
    tabColor: "A5A5A5",
  });
}

function summarySheet(kit: Kit, key: string, register: PlacedTable, sheets: readonly string[]): SheetSpec {
  const { s, columns: c } = kit;
  const r = s.customers;
  const h = r.summaryColumns;
  const reg = register.spec.name;
  const name = spTable(key, "TierSummary");
  const tier = thisRow(name, h.tier);
  const sales = col(reg, r.columns.annualSales);
  const draft = new SheetDraft();
  draft.text({ row: 0, col: 0 }, r.summaryTitle, "title");
  const table = draft.table({
    name,
    role: "tierSummary",
    origin: { row: 3, col: 0 },
    showTotals: true,
    columns: [
      c.text("tier", h.tier, { width: 10, totals: label(s.common.total) }),
      c.formula("count", h.count, "integer", `COUNTIF(${col(reg, r.columns.abc)},${tier})`, { totals: SUM }),
      c.formula("countShare", h.countShare, "percent", `IF(SUM(${col(name, h.count)})=0,"",${thisRow(name, h.count)}/SUM(${col(name, h.count)}))`, { totals: SUM }),
      c.formula("amount", h.amount, "moneyCents", `SUMIF(${col(reg, r.columns.abc)},${tier},${sales})`, { width: 18, totals: SUM }),
      c.formula("amountShare", h.amountShare, "percent", `IF(SUM(${sales})=0,"",${thisRow(name, h.amount)}/SUM(${sales}))`, { totals: SUM }),
      c.formula("demandCount", h.demandCount, "integer", `COUNTIF(${col(reg, r.columns.demandTier)},${tier})`, { width: 18, totals: SUM }),
    ],
    rows: s.common.tiers.map((t) => ({ tier: t })),
  });
  draft.format({ target: { kind: "tableColumn", table: name, column: h.amountShare }, rule: { kind: "dataBar", color: COLORS.bar }, style: {} });
  draft.chart({
    kind: "column",
    title: r.chartTitle,
    categories: { kind: "tableColumn", table: name, column: h.tier },
    series: [{ name: h.amountShare, values: { kind: "tableColumn", table: name, column: h.amountShare } }],
    anchor: { from: { row: table.lastRow + 2, col: 0 }, to: { row: table.lastRow + 18, col: 6 } },
  });
  return draft.finish({
    name: freeSheetName(r.summarySheetName, sheets),
    record: templateRecord(TEMPLATES.customers, "summary", key, { row: 1, col: 0 }),
    recordLabel: s.common.recordLabel,
    recordNote: s.common.recordNote,
    freeze: { rows: 4, cols: 0 },
    print: printSetup({ first: 3, last: 3 }),
    tabColor: "ED7D31",
  });
}

export function buildCustomerRegister(options: CustomerRegisterOptions, ctx: BuildContext): SheetSpec[] {
  const kit = kitFor(ctx.locale);
  const { s } = kit;
  const key = freeKey(TEMPLATES.customers, ctx.existing);
  const name = spTable(key, CUSTOMERS_ROLE);
  // The first visits are listed for the log written in the same request, when it is the log the register
  // reads (the workbook has none yet): a log already there was written reading no such column, and searches itself.
  const log = logNames(ctx.existing);
  const withLog = ctx.requested?.includes("visits") === true && log.key === freeKey(TEMPLATES.visits, ctx.existing);
  const draft = new SheetDraft();
  draft.text({ row: 0, col: 0 }, s.customers.title, "title");
  const origin = { row: 3, col: 0 };
  const register = draft.table({
    name,
    role: "customers",
    origin,
    columns: registerColumns(kit, name, key, log, withLog),
    rows: [...(options.rows ?? []), ...Array.from({ length: options.blankRows ?? TEMPLATES.customers.blankRows.initial }, () => ({}))],
  });
  registerFormats(draft, kit, register);
  if (withLog) draft.columnName(registerFirstVisitName(key, log.key), register, "firstVisitRow", s.customers.firstVisitRowNote);
  // Other features address the register through its table name (SP_<KEY>_Customers[...]), which
  // Excel keeps covering the whole table as rows are added — unlike a defined name on a fixed range.

  const mainName = freeSheetName(s.customers.sheetName, ctx.existing.sheets);
  const settings = settingsSheet(kit, key, log, [...ctx.existing.sheets, mainName], withLog);
  const summary = summarySheet(kit, key, register, [...ctx.existing.sheets, mainName, settings.name]);
  const main = draft.finish({
    name: mainName,
    record: templateRecord(TEMPLATES.customers, "main", key, { row: 1, col: 0 }),
    recordLabel: s.common.recordLabel,
    recordNote: s.common.recordNote,
    freeze: { rows: origin.row + 1, cols: 2 },
    print: printSetup({ first: origin.row, last: origin.row }),
    tabColor: "FFC000",
  });
  return [main, settings, summary];
}
