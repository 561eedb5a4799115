import { a1, a1FixedColumn } from "../spec/a1";
import { col, equalsCriterion, str, thisRow } from "../spec/formula";
import { freeKey, freeSheetName, spName, spTable, templateRecord } from "../spec/naming";
import type { CellRef, SheetSpec, TableRow } from "../spec/sheetSpec";
import { label, SUM, visitIntervalFormula } from "./columns";
import { kitFor, type BuildContext, type Kit } from "./context";
import { printSetup, SheetDraft, type PlacedTable } from "./draft";
import { COLORS, FORMATS, numberFormat } from "./formats";
import { ACCOUNT_COLUMN_NAMES, ACCOUNTS_ROLE } from "./linkedTables";
import { achievementFormats, rateFormula, section } from "./planBlocks";
import { TEMPLATES } from "./registry";

/**
 * 大客户开发计划 (issue 15 item 2, seed 004 L2–115): the plan — purpose, plan period (方案执行期) and coordinator,
 * targets by unit type counted from the units list, registrations → sincere customers → conversion against
 * its 30 % target, phases, schedule, materials and the budget with its actuals and return on spend — and,
 * on a sheet of its own, the units list (`SP_<KEY>_Accounts`) the reps keep day by day: buying power and
 * intent rated into the units to focus on, key person and buying role, development round, units sold and
 * the key person's reward, next contact at the focus cadence.
 *
 * Other templates (the key-account visit reports, the group discounts) read the list through the workbook
 * names of its columns (`ACCOUNT_COLUMN_NAMES` in linkedTables.ts), so they follow it in either language.
 */

export interface KeyAccountsOptions {
  /** 目的; the seed's five aims when absent. */
  readonly purpose?: string;
  /**
   * 方案执行期 起/止 as serials. The phases', schedule's and materials' dates are formulas counted from the 起 cell
   * (`SEED_DAYS`; the last phase and the signing work end at the 止 cell), blank until it is filled.
   */
  readonly start?: number | null;
  readonly end?: number | null;
  /** 统筹人. */
  readonly lead?: string;
  /** 目标单位数 per unit type, in the order of `strings.accounts.types`; seed 004's when absent. */
  readonly targets?: readonly (number | null)[];
  /** 登记客户 and 诚意客户 so far. */
  readonly registered?: number | null;
  readonly sincere?: number | null;
  /** 实际 per budget item, in the order of `strings.accounts.budget`. */
  readonly actuals?: readonly (number | null)[];
  /** 状态 per schedule row, in the order of `strings.accounts.schedule` (words of `scheduleStates`). */
  readonly scheduleStates?: readonly (string | null)[];
  /** Units list rows by column key (`keyAccountColumnKeys`); dates as serials. */
  readonly rows?: readonly TableRow[];
  /** Blank rows appended to the units list (default: the registry's). */
  readonly blankRows?: number;
}

/**
 * Seed 004 L8: before the opening, 大型厂矿企业 3, 商会 2, 行政机关 5 (in the order 商会, 大型企业,
 * 机关事业单位, 其他 — the seed sets no number for the rest); other channels register at least 400 customers,
 * at least 30 % of them turned sincere.
 */
export const SEED_TARGETS: readonly (number | null)[] = [2, 3, 5, null];
export const SEED_REGISTERED_TARGET = 400;
export const SEED_CONVERSION_TARGET = 0.3;

/** Seed 004 L71–74, in the order of `strings.accounts.budget`: 55 000 in all. */
export const SEED_BUDGET: readonly number[] = [15000, 5000, 20000, 5000, 5000, 5000];

/** Seed 004 L54, in the order of `strings.accounts.materials` (the discount confirmation has no count). */
export const SEED_MATERIAL_QUANTITIES: readonly (number | null)[] = [5000, 4, null, 1000, 1, 30, 1000, 1000];

/** Seed 004 L23: 以 1000 元/套的金额作为奖励标准. */
export const SEED_REWARD_PER_UNIT = 1000;

/**
 * Contacts with a focus unit: seed 004 L305, 对客户做到每周至少三次的拜访 — every INT(7/3) = 2 days, the
 * customer register's rule (`intervalOf` in domain/tiers: never fewer visits than the standard). Other units:
 * seed 001 L631's slowest standard, 两周一次 (14 days). Both are settings the sheet lets the user change.
 */
export const SEED_FOCUS_TIMES_PER_WEEK = 3;
export const SEED_OTHER_DAYS = 14;

/**
 * The plan's dates as the seed spaces them, in days after its first day (2008-05-01, seed 004 L33–39 and
 * L50–54): 信息搜集期 5/1–5/30, 巡展期 6/1–7/1, 签约期 from 7/1 to the plan's end (null: the 止 cell); the
 * schedule's and the materials' due dates likewise (方案 5/20, 名单 and 物料 5/30, 培训 and 拜访 6/15, 现场参观
 * and 诚意金 by 8/31, 签约 at the end; 折页 6/1, 服装 5/15, 优惠确认 5/20, 小礼品 5/25 …). The seed's 活动时间
 * (5/15–7/15) is not where these are counted from, hence the field's name 方案执行期.
 */
export const SEED_DAYS = {
  phases: [[0, 29], [31, 61], [61, null]] as const,
  schedule: [19, 29, 29, 45, 45, 122, null] as const,
  materials: [31, 14, 19, 24, 14, 19, 31, 31] as const,
};

/** The units list's column keys, in order: what `rows` may hold (the calculated ones are ignored). */
export const keyAccountColumnKeys = [
  "region", "unit", "type", "staff", "power", "intent", "rating", "focus", "keyPerson", "title", "role", "contact",
  "stage", "targetUnits", "soldUnits", "dealAmount", "reward", "lastVisit", "nextContact", "note",
] as const;

/** The names the formulas read (settings on the list sheet, plan figures on the plan sheet). */
export const keyAccountNames = (key: string) => ({
  reward: spName(key, "REWARD_PER_UNIT"),
  focusTimes: spName(key, "FOCUS_TIMES"),
  focusDays: spName(key, "FOCUS_DAYS"),
  otherDays: spName(key, "OTHER_DAYS"),
  start: spName(key, "START"),
  end: spName(key, "END"),
  lead: spName(key, "LEAD"),
  registeredTarget: spName(key, "REGISTERED_TARGET"),
  registered: spName(key, "REGISTERED"),
  sincere: spName(key, "SINCERE"),
  sincereTarget: spName(key, "SINCERE_TARGET"),
  conversion: spName(key, "CONVERSION"),
  conversionTarget: spName(key, "CONVERSION_TARGET"),
  budgetTotal: spName(key, "BUDGET_TOTAL"),
  actualTotal: spName(key, "ACTUAL_TOTAL"),
  deals: spName(key, "DEALS"),
  returnOnSpend: spName(key, "RETURN_ON_SPEND"),
});

/** Where the plan's 目的 block starts and how many rows it spans. */
const PURPOSE_ROW = 3;
const PURPOSE_ROWS = 3;

/**
 * A date column of a plan table: the seed's offset for the row (`key`, 1-based) after the named start, or the
 * named end where the seed gives none; blank while that cell holds no date, or on a row the seed has no date
 * for. A calculated column, so the dates follow the start the user types and any one of them can be typed over.
 */
function seedDates(start: string, end: string, offsets: readonly (number | null)[], key: string): string {
  const offset = `INDEX({${offsets.map((o) => (o === null ? '""' : String(o))).join(",")}},${key})`;
  return `IFERROR(IF(${offset}="",IF(ISNUMBER(${end}),${end},""),IF(ISNUMBER(${start}),${start}+${offset},"")),"")`;
}


/**
 * 综合评估 (seed 004 L34: 对该大客户单位进行综合评估,了解购买实力及购买意向,评选出需要重点跟进的目标单位;
 * L246: 根据客户价值、潜力确定优先排序): 购买力 and 意向度 score 高 3, 中 2, 低 1; 5 or more is 高 (one high and
 * the other at least medium), 4 中, less 低 — a unit able but unwilling, or willing but unable, is not a focus.
 */
function unitColumns(kit: Kit, table: string, key: string) {
  const { s, columns: c } = kit;
  const a = s.accounts;
  const h = a.columns;
  const n = keyAccountNames(key);
  const [high, medium, low] = a.levels;
  const score = (header: string): string => {
    const x = thisRow(table, header);
    return `IF(${x}=${str(high)},3,IF(${x}=${str(medium)},2,IF(${x}=${str(low)},1,0)))`;
  };
  const power = thisRow(table, h.power);
  const intent = thisRow(table, h.intent);
  const total = `(${score(h.power)}+${score(h.intent)})`;
  const rating = `IF(OR(${power}="",${intent}=""),"",IF(${total}>=5,${str(high)},IF(${total}=4,${str(medium)},${str(low)})))`;
  const focus = `IF(${thisRow(table, h.rating)}=${str(high)},${str(a.focusMark)},"")`;
  const sold = thisRow(table, h.soldUnits);
  const last = thisRow(table, h.lastVisit);
  const next = `IF(ISNUMBER(${last}),${last}+IF(${thisRow(table, h.focus)}=${str(a.focusMark)},${n.focusDays},${n.otherDays}),"")`;
  return [
    c.text("region", h.region, { width: 10, totals: label(s.common.total) }),
    c.text("unit", h.unit, { width: 22 }),
    c.list("type", h.type, a.types, { width: 14 }),
    c.count("staff", h.staff, { totals: SUM }),
    c.list("power", h.power, a.levels, { width: 10 }),
    c.list("intent", h.intent, a.levels, { width: 10 }),
    c.formula("rating", h.rating, "text", rating, { width: 10 }),
    c.formula("focus", h.focus, "text", focus, { width: 10 }),
    c.text("keyPerson", h.keyPerson, { width: 10 }),
    c.text("title", h.title, { width: 12 }),
    c.list("role", h.role, a.roles, { width: 10 }),
    c.text("contact", h.contact, { width: 15 }),
    c.list("stage", h.stage, a.stages, { width: 10 }),
    c.count("targetUnits", h.targetUnits, { totals: SUM }),
    c.count("soldUnits", h.soldUnits, { totals: SUM }),
    c.moneyCents("dealAmount", h.dealAmount, { width: 16, totals: SUM }),
    // Seed 004 L23: the reward is counted once the referred customer has signed and paid the first instalment.
    c.formula("reward", h.reward, "money", `IF(ISNUMBER(${sold}),${sold}*N(${n.reward}),"")`, { totals: SUM }),
    c.date("lastVisit", h.lastVisit),
    c.formula("nextContact", h.nextContact, "date", next),
    c.text("note", h.note, { width: 24 }),
  ];
}

function listSheet(kit: Kit, key: string, options: KeyAccountsOptions, name: string): { spec: SheetSpec; units: PlacedTable } {
  const { s, v } = kit;
  const a = s.accounts;
  const n = keyAccountNames(key);
  const draft = new SheetDraft();
  draft.text({ row: 0, col: 0 }, a.listTitle, "title");
  draft.text({ row: 2, col: 0 }, a.listHint, "note");
  const rewardAt = draft.field({ row: 3, col: 0 }, a.reward, { value: SEED_REWARD_PER_UNIT }, { numberFormat: FORMATS.money, validation: v.nonNegative() });
  const timesAt = draft.field({ row: 3, col: 2 }, a.focusTimes, { value: SEED_FOCUS_TIMES_PER_WEEK }, { numberFormat: FORMATS.plain, validation: v.whole(1) });
  const focusAt = draft.field({ row: 3, col: 4 }, a.focusDays, { formula: visitIntervalFormula(7, a1(timesAt)) }, { numberFormat: FORMATS.plain });
  const otherAt = draft.field({ row: 3, col: 6 }, a.otherDays, { value: SEED_OTHER_DAYS }, { numberFormat: FORMATS.plain, validation: v.whole(1) });
  draft.name(n.reward, rewardAt, a.reward);
  draft.name(n.focusTimes, timesAt, a.focusTimes);
  draft.name(n.focusDays, focusAt, a.focusDays);
  draft.name(n.otherDays, otherAt, a.otherDays);
  const table = spTable(key, ACCOUNTS_ROLE);
  const origin = { row: 5, col: 0 };
  const units = draft.table({
    name: table,
    role: "accounts",
    origin,
    showTotals: true,
    columns: unitColumns(kit, table, key),
    rows: [...(options.rows ?? []), ...Array.from({ length: options.blankRows ?? TEMPLATES.accounts.blankRows.initial }, () => ({}))],
  });
  for (const [column, part] of Object.entries(ACCOUNT_COLUMN_NAMES)) draft.columnName(spName(key, part), units, column, a.columnNameNote);
  const next = a1FixedColumn(units.cell(0, "nextContact"));
  draft.format({
    target: { kind: "tableColumn", table, column: units.header("nextContact") },
    rule: { kind: "expression", formula: `AND(ISNUMBER(${next}),${next}<TODAY())` },
    style: { fill: COLORS.badFill, fontColor: COLORS.badFont },
  });
  const focus = a1FixedColumn(units.cell(0, "focus"));
  draft.format({
    target: { kind: "tableColumn", table, column: units.header("focus") },
    rule: { kind: "expression", formula: `${focus}=${str(a.focusMark)}` },
    style: { fill: COLORS.goodFill, fontColor: COLORS.goodFont, bold: true },
  });
  const spec = draft.finish({
    name,
    record: templateRecord(TEMPLATES.accounts, "list", key, { row: 1, col: 0 }),
    recordLabel: s.common.recordLabel,
    recordNote: s.common.recordNote,
    freeze: { rows: origin.row + 1, cols: 2 },
    print: printSetup({ first: origin.row, last: origin.row }),
    tabColor: "5B9BD5",
  });
  return { spec, units };
}

/** Red (below) and green (reached) on a loose cell compared with its target cell. */
function againstTarget(draft: SheetDraft, at: CellRef, target: CellRef): void {
  const [value, goal] = [a1(at), a1(target)];
  const range = { from: at, to: at };
  draft.format({ target: { kind: "range", range }, rule: { kind: "expression", formula: `AND(ISNUMBER(${value}),ISNUMBER(${goal}),${value}<${goal})` }, style: { fill: COLORS.badFill, fontColor: COLORS.badFont } });
  draft.format({ target: { kind: "range", range }, rule: { kind: "expression", formula: `AND(ISNUMBER(${value}),ISNUMBER(${goal}),${value}>=${goal})` }, style: { fill: COLORS.goodFill, fontColor: COLORS.goodFont } });
}

function planSheet(kit: Kit, locale: BuildContext["locale"], key: string, options: KeyAccountsOptions, units: PlacedTable, name: string): SheetSpec {
  const { s, columns: c, v } = kit;
  const a = s.accounts;
  const n = keyAccountNames(key);
  const U = units.spec.name;
  const uh = a.columns;
  const draft = new SheetDraft();
  draft.text({ row: 0, col: 0 }, a.title, "title");
  draft.text({ row: 2, col: 0 }, a.hint, "note");
  const date = numberFormat("date", locale);
  draft.name(n.start, draft.field({ row: PURPOSE_ROW + PURPOSE_ROWS, col: 0 }, a.start, { value: options.start ?? null }, { numberFormat: date, validation: v.date() }), a.start);
  draft.name(n.end, draft.field({ row: PURPOSE_ROW + PURPOSE_ROWS, col: 2 }, a.end, { value: options.end ?? null }, { numberFormat: date, validation: v.date() }), a.end);
  draft.name(n.lead, draft.field({ row: PURPOSE_ROW + PURPOSE_ROWS, col: 4 }, a.lead, { value: options.lead ?? null }, { numberFormat: FORMATS.text }), a.lead);

  // ---- targets by unit type, counted from the units list ----
  let row = section(draft, PURPOSE_ROW + PURPOSE_ROWS + 2, a.targetsSection);
  const T = spTable(key, "Targets");
  const tc = a.targetColumns;
  const type = thisRow(T, tc.type);
  const developed = `COUNTIF(${col(U, uh.stage)},"<>")`;
  // Blank for a row without a type: "=" as a criterion would count the units without one.
  const count = (header: string, criterion: string): string => `IF(${type}="","",COUNTIFS(${col(U, uh.type)},${equalsCriterion(type)},${col(U, header)},${criterion}))`;
  const targets = draft.table({
    name: T,
    role: "targets",
    origin: { row, col: 0 },
    showTotals: true,
    columns: [
      c.text("type", tc.type, { width: 16, totals: label(s.common.total) }),
      c.count("target", tc.target, { totals: SUM }),
      // A unit counts as reached once it is in a round of development (its 阶段 filled), signed once 签约;
      // blank while no unit of the list has a 阶段, so a fresh plan's 达成率 stays blank (`rateFormula`), not a red 0 %.
      c.formula("reached", tc.reached, "integer", `IF(${developed}=0,"",${count(uh.stage, `"<>"`)})`, { totals: SUM }),
      c.formula("rate", tc.rate, "percent", rateFormula(T, tc.reached, tc.target), {
        // Over the types that have a target: units of a type without one would inflate the rate.
        totals: { kind: "formula", formula: `IF(OR(SUM(${col(T, tc.target)})=0,${developed}=0),"",SUMIFS(${col(T, tc.reached)},${col(T, tc.target)},">0")/SUM(${col(T, tc.target)}))` },
      }),
      c.formula("signed", tc.signed, "integer", count(uh.stage, str(a.stages[a.stages.length - 1])), { totals: SUM }),
      c.formula("focus", tc.focus, "integer", count(uh.focus, str(a.focusMark)), { totals: SUM }),
    ],
    rows: a.types.map((t, i) => ({ type: t, target: (options.targets ?? SEED_TARGETS)[i] ?? null })),
  });
  achievementFormats(draft, targets, "rate");
  draft.text({ row: targets.lastRow + 1, col: 0 }, a.targetsNote, "note");

  // ---- registrations and conversion ----
  row = section(draft, targets.lastRow + 3, a.conversionSection);
  const regTargetAt = draft.field({ row, col: 0 }, a.registeredTarget, { value: SEED_REGISTERED_TARGET }, { numberFormat: FORMATS.integer, validation: v.whole() });
  const registeredAt = draft.field({ row, col: 2 }, a.registered, { value: options.registered ?? null }, { numberFormat: FORMATS.integer, validation: v.whole() });
  const sincereAt = draft.field({ row, col: 4 }, a.sincere, { value: options.sincere ?? null }, { numberFormat: FORMATS.integer, validation: v.whole() });
  const conversionTargetAt = draft.field({ row: row + 1, col: 0 }, a.conversionTarget, { value: SEED_CONVERSION_TARGET }, { numberFormat: FORMATS.share, validation: v.share() });
  const conversionAt = draft.field(
    { row: row + 1, col: 2 },
    a.conversion,
    { formula: `IF(OR(N(${n.registered})=0,NOT(ISNUMBER(${n.sincere}))),"",${n.sincere}/${n.registered})` },
    { numberFormat: FORMATS.percent },
  );
  // At least the target share of the registrations: rounded up, after a rounding that drops the last bits of 400 × 30 %.
  const sincereTargetAt = draft.field({ row: row + 1, col: 4 }, a.sincereTarget, { formula: `-INT(-ROUND(N(${n.registeredTarget})*N(${n.conversionTarget}),6))` }, { numberFormat: FORMATS.integer });
  draft.name(n.registeredTarget, regTargetAt, a.registeredTarget);
  draft.name(n.registered, registeredAt, a.registered);
  draft.name(n.sincere, sincereAt, a.sincere);
  draft.name(n.conversionTarget, conversionTargetAt, a.conversionTarget);
  draft.name(n.conversion, conversionAt, a.conversion);
  draft.name(n.sincereTarget, sincereTargetAt, a.sincereTarget);
  againstTarget(draft, conversionAt, conversionTargetAt);
  againstTarget(draft, registeredAt, regTargetAt);
  draft.text({ row: row + 2, col: 0 }, a.conversionNote, "note");

  // ---- phases ----
  row = section(draft, row + 4, a.phasesSection);
  const pc = a.phaseColumns;
  // Each dated table picks its seed offset by 序号, so the dates stay with their rows when a table is sorted.
  const seq = a.materialColumns.seq;
  const phaseSeq = thisRow(spTable(key, "Phases"), seq);
  const phases = draft.table({
    name: spTable(key, "Phases"),
    role: "phases",
    origin: { row, col: 0 },
    // The long texts last in every table: they run on into the empty cells to the right.
    columns: [
      c.count("seq", seq),
      c.text("phase", pc.phase, { width: 16 }),
      c.formula("from", pc.from, "date", seedDates(n.start, n.end, SEED_DAYS.phases.map(([from]) => from), phaseSeq)),
      c.formula("to", pc.to, "date", seedDates(n.start, n.end, SEED_DAYS.phases.map(([, to]) => to), phaseSeq)),
      c.text("owner", pc.owner, { width: 12 }),
      c.text("work", pc.work, { width: 16 }),
    ],
    rows: a.phases.map((phase, i) => ({ seq: i + 1, phase, work: a.phaseWork[i] })),
  });
  draft.text({ row: phases.lastRow + 1, col: 0 }, a.datesNote, "note");

  // ---- schedule: overdue red ----
  row = section(draft, phases.lastRow + 3, a.scheduleSection);
  const sc = a.scheduleColumns;
  const schedule = draft.table({
    name: spTable(key, "Schedule"),
    role: "schedule",
    origin: { row, col: 0 },
    columns: [
      c.count("seq", seq),
      c.formula("due", sc.due, "date", seedDates(n.start, n.end, SEED_DAYS.schedule, thisRow(spTable(key, "Schedule"), seq))),
      c.text("department", sc.department, { width: 12 }),
      c.list("status", sc.status, a.scheduleStates, { width: 12 }),
      c.text("work", sc.work, { width: 16 }),
    ],
    rows: a.schedule.map((item, i) => ({ seq: i + 1, work: item.work, department: item.department, status: options.scheduleStates?.[i] ?? null })),
  });
  const due = a1FixedColumn(schedule.cell(0, "due"));
  const status = a1FixedColumn(schedule.cell(0, "status"));
  for (const key of ["due", "status"]) {
    draft.format({
      target: { kind: "tableColumn", table: schedule.spec.name, column: schedule.header(key) },
      rule: { kind: "expression", formula: `AND(ISNUMBER(${due}),${due}<TODAY(),${status}<>${str(a.scheduleStates[a.scheduleStates.length - 1])})` },
      style: { fill: COLORS.badFill, fontColor: COLORS.badFont },
    });
  }
  draft.text({ row: schedule.lastRow + 1, col: 0 }, a.scheduleNote, "note");

  // ---- materials ----
  row = section(draft, schedule.lastRow + 3, a.materialsSection);
  const mc = a.materialColumns;
  const materials = draft.table({
    name: spTable(key, "Materials"),
    role: "materials",
    origin: { row, col: 0 },
    columns: [
      c.count("seq", mc.seq),
      c.text("item", mc.item, { width: 20 }),
      c.count("quantity", mc.quantity, { width: 12 }),
      c.text("unit", mc.unit, { width: 10 }),
      c.formula("due", mc.due, "date", seedDates(n.start, n.end, SEED_DAYS.materials, thisRow(spTable(key, "Materials"), mc.seq))),
      c.text("department", mc.department, { width: 12 }),
      c.text("note", mc.note, { width: 16 }),
    ],
    rows: a.materials.map((m, i) => ({ seq: i + 1, item: m.item, quantity: SEED_MATERIAL_QUANTITIES[i], unit: m.unit, department: m.department, note: m.note })),
  });

  // ---- budget, actuals, return on spend ----
  row = section(draft, materials.lastRow + 2, a.budgetSection);
  const B = spTable(key, "Budget");
  const bc = a.budgetColumns;
  const actual = thisRow(B, bc.actual);
  const budget = draft.table({
    name: B,
    role: "budget",
    origin: { row, col: 0 },
    showTotals: true,
    columns: [
      c.text("item", bc.item, { width: 16, totals: label(s.common.total) }),
      c.money("budget", bc.budget, { totals: SUM }),
      c.moneyCents("actual", bc.actual, { totals: SUM }),
      // Blank until something is spent on the item; the total adds up the items' 差异, so it reads like them.
      c.formula("variance", bc.variance, "moneyCents", `IF(ISNUMBER(${actual}),${thisRow(B, bc.budget)}-${actual},"")`, {
        totals: { kind: "formula", formula: `IF(COUNT(${col(B, bc.variance)})=0,"",SUM(${col(B, bc.variance)}))` },
      }),
      c.text("note", bc.note, { width: 16 }),
    ],
    rows: a.budget.map((item, i) => ({ item: item.item, budget: SEED_BUDGET[i], actual: options.actuals?.[i] ?? null, note: item.note })),
  });
  draft.name(n.budgetTotal, budget.totalsCell("budget"), bc.budget);
  draft.name(n.actualTotal, budget.totalsCell("actual"), bc.actual);
  const variance = a1FixedColumn(budget.cell(0, "variance"));
  draft.format({
    target: { kind: "range", range: { from: budget.cell(0, "variance"), to: budget.totalsCell("variance") } },
    rule: { kind: "expression", formula: `AND(ISNUMBER(${variance}),${variance}<0)` },
    style: { fill: COLORS.badFill, fontColor: COLORS.badFont },
  });
  draft.text({ row: budget.lastRow + 1, col: 0 }, a.budgetNote, "note");
  row = budget.lastRow + 2;
  const dealsAt = draft.field({ row, col: 0 }, a.deals, { formula: `SUM(${col(U, uh.dealAmount)})` }, { numberFormat: FORMATS.moneyCents });
  const returnAt = draft.field({ row, col: 2 }, a.returnOnSpend, { formula: `IF(N(${n.actualTotal})=0,"",${n.deals}/${n.actualTotal})` }, { numberFormat: FORMATS.number });
  draft.name(n.deals, dealsAt, a.deals);
  draft.name(n.returnOnSpend, returnAt, a.returnOnSpend);
  draft.text({ row: row + 1, col: 0 }, a.returnNote, "note");

  // 目的 last: a wrapped block as wide as the widest table, known once they are placed.
  const purposeAt = { row: PURPOSE_ROW, col: 1 };
  draft.text({ row: PURPOSE_ROW, col: 0 }, a.purpose, "label");
  draft.merge({ from: purposeAt, to: { row: PURPOSE_ROW + PURPOSE_ROWS - 1, col: draft.formWidth - 1 } });
  draft.put(purposeAt, { value: options.purpose ?? a.purposeDefault }, "block", FORMATS.text);

  return draft.finish({
    name,
    record: templateRecord(TEMPLATES.accounts, "main", key, { row: 1, col: 0 }),
    recordLabel: s.common.recordLabel,
    recordNote: s.common.recordNote,
    freeze: { rows: 0, cols: 0 },
    print: printSetup(),
    tabColor: "4472C4",
  });
}

export function buildKeyAccounts(options: KeyAccountsOptions, ctx: BuildContext): SheetSpec[] {
  const kit = kitFor(ctx.locale);
  const a = kit.s.accounts;
  const key = freeKey(TEMPLATES.accounts, ctx.existing);
  const mainName = freeSheetName(a.sheetName, ctx.existing.sheets);
  const listName = freeSheetName(a.listSheetName, [...ctx.existing.sheets, mainName]);
  const list = listSheet(kit, key, options, listName);
  return [planSheet(kit, ctx.locale, key, options, list.units, mainName), list.spec];
}
