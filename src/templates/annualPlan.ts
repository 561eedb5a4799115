import { PLAIN_WEEKS, type WorkCalendar } from "../domain/calendar";
import { readTypedNumber } from "../domain/typedText";
import { a1 } from "../spec/a1";
import { col, largestRemainderShare, str, thisRow } from "../spec/formula";
import { freeKey, freeSheetName, sheetTitle, spName, spTable, templateRecord } from "../spec/naming";
import type { CellRef, ColumnSpec, SheetSpec, TableRow, ValidationSpec } from "../spec/sheetSpec";
import { CAP_RANGE, computeAnnualPlan, DEFAULT_EXPENSE_CAP, GROWTH_RANGE, type AnnualPlan, type AnnualPlanInput } from "../team/annualPlan";
import type { WeightInput } from "../team/breakdown";
import { label, SUM } from "./columns";
import { kitFor, type BuildContext, type Kit } from "./context";
import { printSetup, SheetDraft, type PlacedTable } from "./draft";
import { COLORS, FORMATS, numberFormat } from "./formats";
import { holidayTables, workbookCalendar, workdaysFormula } from "./holidays";
import { achievementFormats, rateFormula, section, totalRateFormula } from "./planBlocks";
import { TEMPLATES } from "./registry";

/**
 * 年度销售计划 (issue 14, seed 003 L216–241): last year's months and a growth rate give the year's target,
 * split over the months by last year's shape or by working days, with month targets the manager fixes by
 * hand; the quarters, 同比, the reps × months and products × months grids, the expense budget against its
 * cap (seed 003: 费用占比 2%), and the plan's prose (SWOT, 营销思路), staffing and training.
 *
 * The months are native formulas (the domain's `apportionHeld` as `largestRemainderShare`), so they follow
 * when the manager edits last year, the growth, the split or a fixed month. The grids are the values
 * `computeAnnualPlan` computed: see `grid` for why, and the check row under each that shows a later edit
 * breaking them.
 */

export interface AnnualPlanOptions extends AnnualPlanInput {
  /** The budget lines; the seed's seven items (工资, 差旅, 管理, 培训, 招待, 广告物料, 其他) without amounts when absent. */
  readonly expenses?: readonly { readonly item: string; readonly budget: number | null }[];
  /** The share of the annual target expenses may take; DEFAULT_EXPENSE_CAP (seed 003's 2 %) when absent. */
  readonly expenseCap?: number;
}

/**
 * A plan whose figures the manager types into the sheet: last year blank, split by working days (a blank
 * last year has no shape to split by). Its months follow what is typed; its grids, written empty, show in
 * their check rows that the plan needs writing again with the figures.
 */
export const blankAnnualOptions = (year: number, calendar?: WorkCalendar): AnnualPlanOptions => ({
  year,
  lastYear: Array.from({ length: 12 }, () => null),
  split: "workdays",
  reps: [],
  ...(calendar ? { calendar } : {}),
});

/** Columns the free-text blocks (SWOT, 营销思路) span. */
const BLOCK_COLS = 10;
/** Rows each SWOT cell and the 营销思路 block span. */
const SWOT_ROWS = 3;
const STRATEGY_ROWS = 5;
/** Seed 000 L350: 全体业务员每年集训两次,每次两天. */
const TRAINING_SESSIONS = 2;
const TRAINING_DAYS = 2;

export function buildAnnualPlan(options: AnnualPlanOptions, ctx: BuildContext): SheetSpec[] {
  // The workbook's 节假日 table of the year is its calendar: the plan computed here then agrees with the sheet's formulas.
  const calendar = workbookCalendar(options.calendar ?? PLAIN_WEEKS, ctx.existing);
  return annualPlanSheets(computeAnnualPlan({ ...options, calendar }), { ...options, calendar }, ctx);
}

/** The sheet (and the 节假日 sheet of its year when the workbook has none) for a computed plan. */
export function annualPlanSheets(plan: AnnualPlan, options: AnnualPlanOptions, ctx: BuildContext): SheetSpec[] {
  const kit = kitFor(ctx.locale);
  const { s, columns: c, v } = kit;
  const a = s.annual;
  const key = freeKey(TEMPLATES.annual, ctx.existing);
  const calendar = options.calendar ?? PLAIN_WEEKS;
  const holidays = holidayTables(calendar, [plan.year], ctx);
  const money = numberFormat("money", ctx.locale);
  const draft = new SheetDraft();
  const name = (part: string): string => spName(key, part);
  const percentInput = (range: { min: number; max: number }, message: string): ValidationSpec => ({
    rule: { kind: "decimal", ...range },
    errorTitle: s.common.numberErrorTitle,
    errorMessage: message,
    allowBlank: true,
  });

  draft.text({ row: 0, col: 0 }, a.title, "title");
  const yearAt = draft.field({ row: 2, col: 0 }, a.year, { value: plan.year }, { style: "computed", numberFormat: FORMATS.plain });
  const growthAt = draft.field({ row: 2, col: 2 }, a.growth, { value: plan.growth }, { numberFormat: FORMATS.percent, validation: percentInput(GROWTH_RANGE, a.growthError) });
  const splitAt = draft.field({ row: 2, col: 4 }, a.split, { value: a.splits[plan.split === "workdays" ? 1 : 0] }, { validation: v.list(a.splits) });
  const unitAt = draft.field({ row: 2, col: 6 }, a.unit, { value: plan.unit }, { style: "computed", numberFormat: FORMATS.integer });
  const [YEAR, GROWTH, SPLIT, UNIT, LAST_YEAR_TOTAL, TARGET_TYPED, TARGET] = ["YEAR", "GROWTH", "SPLIT", "UNIT", "LAST_YEAR_TOTAL", "TARGET_TYPED", "TARGET"].map(name);
  draft.name(YEAR, yearAt, a.year);
  draft.name(GROWTH, growthAt, a.growth);
  draft.name(SPLIT, splitAt, a.split);
  draft.name(UNIT, unitAt, a.unit);

  const M = spTable(key, "Months");
  const mc = a.monthColumns;
  const lastTotalAt = draft.field({ row: 3, col: 0 }, a.lastYearTotal, { formula: `SUM(${col(M, mc.lastYear)})` }, { numberFormat: money });
  const typedAt = draft.field({ row: 3, col: 2 }, a.typedTarget, { value: plan.targetTyped ? plan.target : null }, { numberFormat: money, validation: v.nonNegative() });
  // The domain's annualTarget: half up to whole units (ROUND rounds half away from zero; the total is never negative).
  const targetFormula = `IF(${TARGET_TYPED}<>"",${TARGET_TYPED},ROUND(${LAST_YEAR_TOTAL}*(1+${GROWTH})/${UNIT},0)*${UNIT})`;
  const targetAt = draft.field({ row: 3, col: 4 }, a.target, { formula: targetFormula }, { numberFormat: money });
  draft.name(LAST_YEAR_TOTAL, lastTotalAt, a.lastYearTotal);
  draft.name(TARGET_TYPED, typedAt, a.typedTarget);
  draft.name(TARGET, targetAt, a.target);
  draft.text({ row: 4, col: 0 }, a.targetNote, "note");

  // ---- months: native formulas, the domain's apportionHeld ----
  let row = section(draft, 6, a.monthsSection);
  draft.text({ row, col: 0 }, a.monthsHint, "note");
  const m = (header: string): string => thisRow(M, header);
  const from = `DATE(${plan.year},${m(mc.month)},1)`;
  const to = `DATE(${plan.year},${m(mc.month)}+1,0)`;
  const workdays = workdaysFormula(from, to, calendar.week, holidays.columnsOf(plan.year));
  // A fixed month weighs nothing: the rest of the target is spread over the others, as apportionHeld spreads it.
  const weight = `IF(${m(mc.hold)}<>"",0,IF(${SPLIT}=${str(a.splits[1])},${m(mc.workdays)},${m(mc.lastYear)}))`;
  const share = largestRemainderShare(`((${TARGET}-SUM(${col(M, mc.hold)}))/${UNIT})`, M, mc.weight);
  const monthTarget = `IF(${m(mc.hold)}<>"",${m(mc.hold)},IF(SUM(${col(M, mc.weight)})=0,"",${UNIT}*${share}))`;
  const yoy = (t: string, lastYear: string, target: string): string => `IF(OR(${thisRow(t, lastYear)}=0,${thisRow(t, target)}=""),"",${thisRow(t, target)}/${thisRow(t, lastYear)}-1)`;
  const totalYoy = (t: string, lastYear: string, target: string): TotalRow => ({ kind: "formula", formula: `IF(SUM(${col(t, lastYear)})=0,"",SUM(${col(t, target)})/SUM(${col(t, lastYear)})-1)` });
  // As typed: a month left blank stays a blank cell to fill in (the domain reads it as 0, as the sheet's SUM does).
  const typedOrBlank = (typed: WeightInput, value: number | undefined): number | null => (typed === undefined || typed === null || String(typed).trim() === "" ? null : value ?? null);
  const holds = Array.from({ length: 12 }, (_, i) => typedOrBlank(options.monthHolds?.[i], readTypedNumber(options.monthHolds?.[i])));
  const lastYear = plan.lastYear.map((value, i) => typedOrBlank(options.lastYear[i], value));
  const months = draft.table({
    name: M,
    role: "months",
    origin: { row: row + 1, col: 0 },
    showTotals: true,
    columns: [
      c.count("month", mc.month, { width: 8, totals: label(s.common.total) }),
      c.text("quarter", mc.quarter, { width: 10 }),
      c.money("lastYear", mc.lastYear, { totals: SUM }),
      c.formula("workdays", mc.workdays, "integer", workdays, { totals: SUM }),
      c.formula("weight", mc.weight, "integer", weight, { totals: SUM }),
      c.money("hold", mc.hold, { totals: SUM }),
      c.formula("target", mc.target, "money", monthTarget, { totals: SUM }),
      c.formula("yoy", mc.yoy, "percent", yoy(M, mc.lastYear, mc.target), { totals: totalYoy(M, mc.lastYear, mc.target) }),
      c.money("actual", mc.actual, { totals: SUM }),
      c.formula("rate", mc.rate, "percent", rateFormula(M, mc.actual, mc.target), { totals: totalRateFormula(M, mc.actual, mc.target) }),
    ],
    rows: lastYear.map((value, i) => ({ month: i + 1, quarter: a.quarters[Math.floor(i / 3)], lastYear: value, hold: holds[i] })),
  });
  achievementFormats(draft, months, "rate");
  checkRow(draft, months.lastRow + 1, a.targetCheck, [{ col: months.cell(0, "target").col, formula: `SUM(${col(M, mc.target)})-${TARGET}` }]);

  // ---- quarters: sums of the months table's 12 rows ----
  row = section(draft, months.lastRow + 3, a.quartersSection);
  const Q = spTable(key, "Quarters");
  const qc = a.quarterColumns;
  const ofQuarter = (monthsHeader: string): string => `SUMIF(${col(M, mc.quarter)},${thisRow(Q, qc.quarter)},${col(M, monthsHeader)})`;
  const quarters = draft.table({
    name: Q,
    role: "quarters",
    origin: { row, col: 0 },
    showTotals: true,
    columns: [
      c.text("quarter", qc.quarter, { width: 10, totals: label(s.common.total) }),
      c.formula("lastYear", qc.lastYear, "money", ofQuarter(mc.lastYear), { totals: SUM }),
      c.formula("target", qc.target, "money", ofQuarter(mc.target), { totals: SUM }),
      c.formula("yoy", qc.yoy, "percent", yoy(Q, qc.lastYear, qc.target), { totals: totalYoy(Q, qc.lastYear, qc.target) }),
      // Blank until a month of the quarter has an actual, so a quarter not begun is not 0 % achieved.
      c.formula("actual", qc.actual, "money", `IF(COUNTIFS(${col(M, mc.quarter)},${thisRow(Q, qc.quarter)},${col(M, mc.actual)},"<>")=0,"",${ofQuarter(mc.actual)})`, { totals: SUM }),
      c.formula("rate", qc.rate, "percent", rateFormula(Q, qc.actual, qc.target), { totals: totalRateFormula(Q, qc.actual, qc.target) }),
    ],
    rows: a.quarters.map((quarter) => ({ quarter })),
  });
  achievementFormats(draft, quarters, "rate");
  let last = quarters.lastRow;

  // ---- the grids: values computed when written ----
  // N(): a month target left blank (no shape to split by yet) counts 0 in the check row instead of #VALUE!.
  const monthTargetOf = (i: number): string => `N(INDEX(${col(M, mc.target)},${i + 1}))`;
  const breakdown = plan.breakdown;
  if (breakdown && breakdown.reps.length > 0) {
    const anyHeld = breakdown.reps.some((r) => r.held);
    row = section(draft, last + 2, a.repsSection);
    draft.text({ row, col: 0 }, a.gridHint, "note");
    const rc = a.repColumns;
    const reps = grid(draft, kit, {
      name: spTable(key, "Reps"),
      role: "reps",
      origin: { row: row + 1, col: 0 },
      lead: [
        c.text("rep", rc.rep, { width: 14, totals: label(s.common.total) }),
        // Weights may be fractions (0.5, 1.25): shown as typed, not rounded.
        { ...c.quantity("weight", rc.weight, { totals: SUM }), numberFormat: FORMATS.general },
        { ...c.count("start", rc.start), validation: monthValidation(kit) },
        // Shown only when used: a fixed rep's weight took no part in the split.
        ...(anyHeld ? [c.text("held", rc.held, { width: 10 })] : []),
      ],
      targetHeader: rc.target,
      totalHeader: rc.total,
      rows: breakdown.reps.map((r) => ({
        lead: { rep: r.rep, weight: r.weight, start: r.start > 1 ? r.start : null, ...(anyHeld ? { held: r.held ? a.heldMark : null } : {}) },
        target: r.target,
        months: r.months,
      })),
      annualTarget: TARGET,
      monthTargetOf,
    });
    last = reps.lastRow + 1;
  }

  row = section(draft, last + 2, a.productsSection);
  draft.text({ row, col: 0 }, a.gridHint, "note");
  const pc = a.productColumns;
  const products = grid(draft, kit, {
    name: spTable(key, "Products"),
    role: "products",
    origin: { row: row + 1, col: 0 },
    lead: [
      c.text("category", pc.category, { width: 14, totals: label(s.common.total) }),
      c.text("description", pc.description, { width: 16 }),
      { ...c.quantity("ratio", pc.ratio, { totals: SUM }), numberFormat: FORMATS.general },
    ],
    targetHeader: pc.target,
    totalHeader: pc.total,
    rows: plan.products.targets.map((target, i) => ({
      lead: { category: s.monthly.productCategories[i], description: s.monthly.productDescriptions[i], ratio: plan.products.ratios[i] },
      target,
      months: plan.products.months[i],
    })),
    annualTarget: TARGET,
    monthTargetOf,
  });
  last = products.lastRow + 1;

  // ---- expenses against the cap ----
  row = section(draft, last + 2, a.expensesSection);
  const E = spTable(key, "Expenses");
  const ec = a.expenseColumns;
  const expenses = draft.table({
    name: E,
    role: "expenses",
    origin: { row, col: 0 },
    showTotals: true,
    columns: [
      c.text("item", ec.item, { width: 16, totals: label(s.common.total) }),
      c.money("budget", ec.budget, { totals: SUM }),
      c.text("note", ec.note, { width: 30 }),
    ],
    rows: (options.expenses ?? a.expenseItems.map((item) => ({ item, budget: null }))).map((e) => ({ item: e.item, budget: e.budget })),
  });
  draft.name(name("EXPENSE_TOTAL"), expenses.totalsCell("budget"), s.plan.expenseTotal);
  row = expenses.lastRow + 2;
  const RATIO = name("EXPENSE_RATIO");
  const CAP = name("EXPENSE_CAP");
  const ratioAt = draft.field({ row, col: 0 }, a.expenseRatio, { formula: `IF(OR(${TARGET}="",${TARGET}=0),"",SUM(${col(E, ec.budget)})/${TARGET})` }, { numberFormat: FORMATS.percent });
  const capAt = draft.field({ row, col: 2 }, a.expenseCap, { value: options.expenseCap ?? DEFAULT_EXPENSE_CAP }, { numberFormat: FORMATS.percent, validation: percentInput(CAP_RANGE, a.capError) });
  const [within, over] = a.expenseStates;
  const statusAt = draft.field({ row, col: 4 }, a.expenseStatus, { formula: `IF(${RATIO}="","",IF(${RATIO}>${CAP},${str(over)},${str(within)}))` });
  draft.name(RATIO, ratioAt, a.expenseRatio);
  draft.name(CAP, capAt, a.expenseCap);
  draft.text({ row: row + 1, col: 0 }, a.expenseNote, "note");
  for (const at of [ratioAt, statusAt]) {
    draft.format({
      target: { kind: "range", range: { from: at, to: at } },
      rule: { kind: "expression", formula: `AND(ISNUMBER(${a1(ratioAt)}),${a1(ratioAt)}>${a1(capAt)})` },
      style: { fill: COLORS.badFill, fontColor: COLORS.badFont },
    });
  }

  // ---- the plan's prose, staffing and training ----
  row = section(draft, row + 3, a.marketSection);
  a.swot.forEach((word, i) => {
    const top = row + i * SWOT_ROWS;
    draft.text({ row: top, col: 0 }, word, "label");
    textBlock(draft, { row: top, col: 1 }, SWOT_ROWS);
  });
  row = section(draft, row + a.swot.length * SWOT_ROWS + 1, a.strategySection);
  textBlock(draft, { row, col: 0 }, STRATEGY_ROWS);

  row = section(draft, row + STRATEGY_ROWS + 1, a.staffSection);
  const sc = a.staffColumns;
  const staff = draft.table({
    name: spTable(key, "Staffing"),
    role: "staffing",
    origin: { row, col: 0 },
    columns: [
      c.text("role", sc.role, { width: 14 }),
      c.count("current", sc.current),
      c.count("planned", sc.planned),
      { ...c.count("start", sc.start), validation: monthValidation(kit) },
    ],
    rows: a.staffRoles.map((role) => ({ role })),
  });

  row = section(draft, staff.lastRow + 2, a.trainingSection);
  const tc = a.trainingColumns;
  draft.table({
    name: spTable(key, "Training"),
    role: "training",
    origin: { row, col: 0 },
    columns: [
      { ...c.count("month", tc.month), validation: monthValidation(kit) },
      c.text("topic", tc.topic, { width: 20 }),
      c.text("audience", tc.audience, { width: 14 }),
      c.list("kind", tc.kind, a.trainingKinds, { width: 10 }),
      c.count("days", tc.days),
    ],
    rows: Array.from({ length: TRAINING_SESSIONS }, () => ({ topic: a.trainingTopic, audience: a.trainingAudience, kind: a.trainingKinds[0], days: TRAINING_DAYS })),
  });

  const period = String(plan.year);
  return [
    draft.finish({
      name: freeSheetName(sheetTitle(a.sheetPrefix, "", period), [...ctx.existing.sheets, ...holidays.sheets.map((h) => h.name)]),
      record: templateRecord(TEMPLATES.annual, "main", key, { row: 1, col: 0 }),
      recordLabel: s.common.recordLabel,
      recordNote: s.common.recordNote,
      freeze: { rows: 5, cols: 0 },
      print: printSetup({ first: 0, last: 3 }),
      tabColor: "ED7D31",
    }),
    ...holidays.sheets,
  ];
}

type TotalRow = NonNullable<ColumnSpec["totals"]>;

const monthValidation = (kit: Kit): ValidationSpec => ({
  rule: { kind: "whole", min: 1, max: 12 },
  errorTitle: kit.s.common.numberErrorTitle,
  errorMessage: kit.s.annual.monthError,
  allowBlank: true,
});

/** A merged, wrapped input block `rows` high across the form. */
function textBlock(draft: SheetDraft, at: CellRef, rows: number): void {
  draft.merge({ from: at, to: { row: at.row + rows - 1, col: BLOCK_COLS - 1 } });
  draft.put(at, { value: null }, "block");
}

/** A label and, under the columns named, the differences that must be 0: red when one is not. */
function checkRow(draft: SheetDraft, row: number, text: string, cells: readonly { readonly col: number; readonly formula: string }[]): void {
  draft.text({ row, col: 0 }, text, "label");
  for (const cell of cells) draft.put({ row, col: cell.col }, { formula: cell.formula }, "computed", FORMATS.money);
  const cols = cells.map((cell) => cell.col);
  draft.format({
    target: { kind: "range", range: { from: { row, col: Math.min(...cols) }, to: { row, col: Math.max(...cols) } } },
    rule: { kind: "cellIs", operator: "notEqual", formulas: ["0"] },
    style: { fill: COLORS.badFill, fontColor: COLORS.badFont },
  });
}

/**
 * A rows × months grid: lead columns, 年度目标, the twelve months, 合计 per row (a formula, red when it
 * differs from the row's 年度目标), a totals row, and under it the check row: each month's total less the
 * months table's target, the 年度目标 and 合计 totals less the annual target — all 0 as written.
 *
 * Why values and not formulas: a cell must be within one unit of its exact share while its row adds up
 * to the row's target AND its column to the month's target. Rounding each row on its own (a formula per
 * row) breaks the columns, each column on its own the rows; keeping both is controlled rounding, a
 * search over the whole table (`roundTable` in domain/controlledRounding) that no Excel 2016 formula
 * can express. The check row shows when a later edit above has moved the months away from the grid.
 */
export function grid(
  draft: SheetDraft,
  kit: Kit,
  spec: {
    readonly name: string;
    readonly role: string;
    readonly origin: CellRef;
    readonly lead: readonly ColumnSpec[];
    readonly targetHeader: string;
    readonly totalHeader: string;
    /** Each row's lead cells by column key, its annual target and its twelve months. */
    readonly rows: readonly { readonly lead: TableRow; readonly target: number; readonly months: readonly number[] }[];
    readonly annualTarget: string;
    readonly monthTargetOf: (month: number) => string;
  },
): PlacedTable {
  const { columns: c, s } = kit;
  const headers = s.annual.monthHeaders;
  const monthKey = (i: number): string => `m${i + 1}`;
  const rowTotal = `SUM(${headers.map((h) => thisRow(spec.name, h)).join(",")})`;
  const table = draft.table({
    name: spec.name,
    role: spec.role,
    origin: spec.origin,
    showTotals: true,
    columns: [
      ...spec.lead,
      c.money("target", spec.targetHeader, { totals: SUM }),
      ...headers.map((h, i) => c.money(monthKey(i), h, { width: 12, totals: SUM })),
      c.formula("total", spec.totalHeader, "money", rowTotal, { totals: SUM }),
    ],
    rows: spec.rows.map(({ lead, target, months }): TableRow => ({ ...lead, target, ...Object.fromEntries(months.map((amount, i) => [monthKey(i), amount])) })),
  });
  const first = (key: string): string => a1(table.cell(0, key));
  draft.format({
    target: { kind: "tableColumn", table: spec.name, column: spec.totalHeader },
    rule: { kind: "expression", formula: `${first("total")}<>${first("target")}` },
    style: { fill: COLORS.badFill, fontColor: COLORS.badFont },
  });
  const at = (key: string): number => table.cell(0, key).col;
  checkRow(draft, table.lastRow + 1, s.annual.monthCheck, [
    { col: at("target"), formula: `SUM(${col(spec.name, spec.targetHeader)})-${spec.annualTarget}` },
    ...headers.map((h, i) => ({ col: at(monthKey(i)), formula: `SUM(${col(spec.name, h)})-${spec.monthTargetOf(i)}` })),
    { col: at("total"), formula: `SUM(${col(spec.name, spec.totalHeader)})-${spec.annualTarget}` },
  ]);
  return table;
}
