import type { Locale } from "../../contract/locale";
import { teamStrings } from "./strings";
import { label, SUM } from "../columns";
import { kitFor, type BuildContext } from "../context";
import { printSetup, SheetDraft } from "../draft";
import { FORMATS, numberFormat } from "../formats";
import { col, thisRow } from "../../spec/formula";
import { holidayTables, workdaysFormula } from "../holidays";
import type { WorkCalendar } from "../../domain/calendar";
import { TEAM_TEMPLATES } from "../registry";
import { freeKey, freeSheetName, sheetTitle, spName, spTable, templateRecord } from "../../spec/naming";
import { section } from "../planBlocks";
import { grid } from "../annualPlan";
import type { SheetSpec } from "../../spec/sheetSpec";
import type { Breakdown, BreakdownPeriod } from "../../team/breakdown";

/**
 * 目标分解 sheet: team target and period, the per-rep table (weight, share, target), every rep's
 * weeks, and the product mix when asked for. Targets are the values `computeBreakdown` computed
 * exactly (a native formula cannot redo the nested month→week split in Excel 2016); the share
 * column and the totals rows are formulas, so the sheet shows that the parts add up.
 */

export const periodText = (period: BreakdownPeriod, locale: Locale): string => {
  const b = teamStrings(locale).breakdown;
  return period.kind === "month" ? b.monthText(period.year, period.month) : b.yearText(period.year);
};

/**
 * The 目标分解 sheet, and the 节假日 sheet of its year when the workbook has none yet: its working-days
 * column reads that table, while its targets stay as split with `calendar` when written.
 */
export function buildBreakdownSheet(breakdown: Breakdown, calendar: WorkCalendar, ctx: BuildContext): SheetSpec[] {
  const kit = kitFor(ctx.locale);
  const { columns: c, s } = kit;
  const b = teamStrings(ctx.locale).breakdown;
  const key = freeKey(TEAM_TEMPLATES.breakdown, ctx.existing);
  const money = numberFormat("money", ctx.locale);
  const period = periodText(breakdown.period, ctx.locale);
  const draft = new SheetDraft();

  draft.text({ row: 0, col: 0 }, b.title, "title");
  const targetAt = draft.field({ row: 2, col: 0 }, b.teamTarget, { value: breakdown.target }, { style: "computed", numberFormat: money });
  draft.field({ row: 2, col: 2 }, b.period, { value: period }, { style: "computed" });
  draft.name(spName(key, "TEAM_TARGET"), targetAt, b.teamTarget);
  draft.text({ row: 3, col: 0 }, b.note, "note");

  const rc = b.repColumns;
  const repsName = spTable(key, "Reps");
  let row = section(draft, 5, b.repsSection);
  // The part of the team target each rep has: with fixed targets and late starters it is not the weight's share.
  const share = `IF(SUM(${col(repsName, rc.target)})=0,"",${thisRow(repsName, rc.target)}/SUM(${col(repsName, rc.target)}))`;
  // Shown only when used, so a plain breakdown keeps its four columns.
  const anyHeld = breakdown.reps.some((r) => r.held);
  const anyStart = breakdown.reps.some((r) => r.start > 1);
  const reps = draft.table({
    name: repsName,
    role: "reps",
    origin: { row, col: 0 },
    showTotals: true,
    columns: [
      c.text("rep", rc.rep, { width: 14, totals: label(s.common.total) }),
      // Weights may be fractions (0.5, 1.25): shown as typed, not rounded.
      { ...c.quantity("weight", rc.weight, { totals: SUM }), numberFormat: FORMATS.general },
      c.formula("share", rc.share, "percent", share, { totals: SUM }),
      c.money("target", rc.target, { totals: SUM }),
      ...(anyHeld ? [c.text("held", s.annual.repColumns.held, { width: 10 })] : []),
      ...(anyStart ? [c.count("start", s.annual.repColumns.start)] : []),
    ],
    rows: breakdown.reps.map((r) => ({
      rep: r.rep,
      weight: r.weight,
      target: r.target,
      ...(anyHeld ? { held: r.held ? s.annual.heldMark : null } : {}),
      ...(anyStart ? { start: r.start > 1 ? r.start : null } : {}),
    })),
  });
  let above = reps.lastRow;

  if (breakdown.period.kind === "year") {
    // The team's months and each rep's, exact both ways (controlled rounding, domain/controlledRounding).
    const mc = b.monthColumns;
    const monthsName = spTable(key, "Months");
    row = section(draft, above + 2, b.monthsSection);
    const months = draft.table({
      name: monthsName,
      role: "months",
      origin: { row, col: 0 },
      showTotals: true,
      columns: [c.count("month", mc.month, { width: 8, totals: label(s.common.total) }), c.money("target", mc.target, { totals: SUM })],
      rows: breakdown.months.map((target, i) => ({ month: i + 1, target })),
    });
    row = section(draft, months.lastRow + 2, b.gridSection);
    draft.text({ row, col: 0 }, s.annual.gridHint, "note");
    const table = grid(draft, kit, {
      name: spTable(key, "Grid"),
      role: "grid",
      origin: { row: row + 1, col: 0 },
      lead: [c.text("rep", rc.rep, { width: 14, totals: label(s.common.total) })],
      targetHeader: rc.target,
      totalHeader: s.annual.repColumns.total,
      rows: breakdown.reps.map((r) => ({ lead: { rep: r.rep }, target: r.target, months: r.months })),
      annualTarget: spName(key, "TEAM_TARGET"),
      monthTargetOf: (i) => `INDEX(${col(monthsName, mc.target)},${i + 1})`,
    });
    above = table.lastRow + 1;
  }

  const wc = b.weekColumns;
  const weeksName = spTable(key, "Weeks");
  const year = breakdown.period.year;
  const holidays = holidayTables(calendar, [year], ctx);
  row = section(draft, above + 2, b.weeksSection);
  const weeks = draft.table({
    name: weeksName,
    role: "weeks",
    origin: { row, col: 0 },
    showTotals: true,
    columns: [
      c.text("rep", wc.rep, { width: 14, totals: label(s.common.total) }),
      c.text("month", wc.month, { width: 10 }),
      c.text("week", wc.week, { width: 10 }),
      c.date("from", wc.from),
      c.date("to", wc.to),
      c.formula("workdays", wc.workdays, "integer", workdaysFormula(thisRow(weeksName, wc.from), thisRow(weeksName, wc.to), calendar.week, holidays.columnsOf(year)), {
        totals: SUM,
      }),
      c.money("target", wc.target, { totals: SUM }),
    ],
    rows: breakdown.weeks.map((w) => ({
      rep: w.rep,
      month: `${w.year}-${String(w.month).padStart(2, "0")}`,
      week: b.weekLabel(w.week),
      from: w.from,
      to: w.to,
      target: w.amount,
    })),
  });

  if (breakdown.products) {
    const pc = b.productColumns;
    const { ratios, targets } = breakdown.products;
    row = section(draft, weeks.lastRow + 2, b.productsSection);
    draft.table({
      name: spTable(key, "Products"),
      role: "products",
      origin: { row, col: 0 },
      showTotals: true,
      columns: [
        c.text("category", pc.category, { width: 14, totals: label(s.common.total) }),
        { ...c.quantity("ratio", pc.ratio, { totals: SUM }), numberFormat: FORMATS.general },
        c.money("target", pc.target, { totals: SUM }),
      ],
      rows: s.monthly.productCategories.map((category, i) => ({ category, ratio: ratios[i], target: targets[i] })),
    });
  }

  const sheet = draft.finish({
    name: freeSheetName(sheetTitle(b.sheetName, "", period), [...ctx.existing.sheets, ...holidays.sheets.map((h) => h.name)]),
    record: templateRecord(TEAM_TEMPLATES.breakdown, "main", key, { row: 1, col: 0 }),
    recordLabel: s.common.recordLabel,
    recordNote: s.common.recordNote,
    freeze: { rows: 4, cols: 0 },
    print: printSetup({ first: 0, last: 3 }),
    tabColor: "7030A0",
  });
  return [sheet, ...holidays.sheets];
}
