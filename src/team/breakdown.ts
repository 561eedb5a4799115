import { CodedError } from "../contract/codedError";
import type { Locale } from "../contract/locale";
import { apportion } from "../domain/apportion";
import { daysInMonth, isoWeekMonday, monthWeeks, PLAIN_WEEKS, serialFromYmd, weekSplit, workdays, type WorkCalendar } from "../domain/calendar";
import { halfWidth, readTypedNumber } from "../domain/typedText";

/**
 * 目标分解 (DOMAIN §1.5, rule §2.3): the team's target for a month or a year split over the reps
 * by weight, each rep's part over the weeks by working days (holidays and 调休 honoured), and
 * optionally over the A/B/C product classes. Every split is the domain's exact `apportion`, in
 * whole yuan, so parts always sum to their whole. Input errors are collected, all of them at once,
 * as codes the pane and the command line word in both languages (`breakdownMessages`, below).
 */

export type BreakdownErrorCode =
  | "noReps"
  | "repBlank"
  | "repDuplicate"
  | "weightBlank"
  | "weightNotNumber"
  | "weightNegative"
  | "weightsAllZero"
  | "targetInvalid"
  | "ratioInvalid"
  | "noWorkingDays";

export interface BreakdownErrorParams {
  /** One-based row of the rep list. */
  readonly row?: number;
  readonly rep?: string;
  /** The offending input as the user typed it. */
  readonly value?: string;
}

export interface BreakdownIssue {
  readonly code: BreakdownErrorCode;
  readonly params: BreakdownErrorParams;
}

const MESSAGES: Readonly<Record<Locale, Record<BreakdownErrorCode, (p: BreakdownErrorParams) => string>>> = {
  "zh-CN": {
    noReps: () => "请至少填写一名销售代表。",
    repBlank: (p) => `第 ${p.row} 行缺少销售代表姓名。`,
    repDuplicate: (p) => `销售代表“${p.rep}”出现了不止一次。`,
    weightBlank: (p) => `请填写“${p.rep}”（第 ${p.row} 行）的权重。`,
    weightNotNumber: (p) => `“${p.rep}”（第 ${p.row} 行）的权重“${p.value}”不是数字。`,
    weightNegative: (p) => `“${p.rep}”（第 ${p.row} 行）的权重不能为负数（${p.value}）。`,
    weightsAllZero: () => "所有权重都是 0，无法分解：请至少给一名销售代表填写大于 0 的权重。",
    targetInvalid: (p) => `团队目标“${p.value}”无效：请填写不小于 0 的整数金额（元）。`,
    ratioInvalid: (p) => `产品比例“${p.value}”无效：请填写三个不小于 0 的数字，且不能全为 0（如 2:3:1）。`,
    noWorkingDays: (p) => `${p.value} 没有工作日，无法按周分解。`,
  },
  "en-US": {
    noReps: () => "List at least one rep.",
    repBlank: (p) => `Row ${p.row} has no rep name.`,
    repDuplicate: (p) => `The rep “${p.rep}” is listed more than once.`,
    weightBlank: (p) => `Enter a weight for “${p.rep}” (row ${p.row}).`,
    weightNotNumber: (p) => `The weight “${p.value}” of “${p.rep}” (row ${p.row}) is not a number.`,
    weightNegative: (p) => `The weight of “${p.rep}” (row ${p.row}) cannot be negative (${p.value}).`,
    weightsAllZero: () => "Every weight is 0, so there is nothing to split by: give at least one rep a weight above 0.",
    targetInvalid: (p) => `The team target “${p.value}” is not valid: enter a whole amount of yuan, 0 or more.`,
    ratioInvalid: (p) => `The product ratio “${p.value}” is not valid: enter three numbers, 0 or more, not all 0 (e.g. 2:3:1).`,
    noWorkingDays: (p) => `${p.value} has no working day to split by week.`,
  },
};

/** Every input problem as a sentence in `locale`, in list order. */
export const breakdownMessages = (issues: readonly BreakdownIssue[], locale: Locale): string[] =>
  issues.map((issue) => MESSAGES[locale][issue.code](issue.params));

/** Every input problem at once; the pane shows them per field, `localized` as one text. */
export class BreakdownError extends CodedError<"invalidBreakdown"> {
  constructor(readonly issues: readonly BreakdownIssue[]) {
    super("invalidBreakdown", (locale) => breakdownMessages(issues, locale).join(" "));
    this.name = "BreakdownError";
  }
}

/** A weight as typed, pasted or read from a cell. */
export type WeightInput = string | number | boolean | null | undefined;

export interface RepInput {
  readonly rep: string;
  readonly weight: WeightInput;
  /** The rep's target fixed by hand; the rest of the team target is spread over the others. */
  readonly hold?: WeightInput;
  /** Year only: the month (1..12) a new rep starts; earlier months get 0. */
  readonly start?: number | string | null;
  /** Year only: the rep's own last-year sales by month (12), the shape of the rep's months. */
  readonly lastYear?: readonly WeightInput[];
}

/** How a year is split into months: by working days (the calendar), or by last year's monthly sales. */
export type MonthSplit = { readonly kind: "workdays" } | { readonly kind: "lastYear"; readonly months: readonly WeightInput[] };

export interface RepWeight {
  readonly rep: string;
  readonly weight: number;
}

export type BreakdownPeriod =
  | { readonly kind: "month"; readonly year: number; readonly month: number }
  | { readonly kind: "year"; readonly year: number };

export interface BreakdownInput {
  /** Whole yuan, ≥ 0 (a typed string is accepted: "120,000"). */
  readonly target: number | string;
  readonly period: BreakdownPeriod;
  readonly reps: readonly RepInput[];
  readonly calendar?: WorkCalendar;
  /** A:B:C product ratio (the seeds' default is 2:3:1); no product split when absent. */
  readonly productRatios?: readonly [number, number, number];
  /** Year only; working days when absent. */
  readonly split?: MonthSplit;
  /** Year only: the team's month targets fixed by hand (12 entries, blank = spread). */
  readonly monthHolds?: readonly WeightInput[];
  /** The whole units parts are made of (1, 10, 100, 1000, 10000); 1 when absent. */
  readonly unit?: number;
}

export interface RepShare {
  readonly rep: string;
  readonly weight: number;
  /** weight / Σ weights. */
  readonly share: number;
  readonly target: number;
  /** Whether the target was fixed by hand. */
  readonly held: boolean;
  /** The month (1..12) the rep starts; 1 when none was given. */
  readonly start: number;
  /** The rep's months: 12 for a year, 1 for a month. */
  readonly months: readonly number[];
}

/** One rep's part of one calendar week (clipped to its month). */
export interface WeekPart {
  readonly rep: string;
  readonly year: number;
  readonly month: number;
  /** One-based week number within the month. */
  readonly week: number;
  readonly from: number;
  readonly to: number;
  readonly workingDays: number;
  readonly amount: number;
}

export interface Breakdown {
  readonly period: BreakdownPeriod;
  readonly target: number;
  readonly reps: readonly RepShare[];
  /** Every rep's weeks, rep by rep in list order, weeks in date order. */
  readonly weeks: readonly WeekPart[];
  readonly products?: {
    readonly ratios: readonly [number, number, number];
    readonly targets: readonly [number, number, number];
    /** Each class's months (as `months`), exact both ways. */
    readonly months: readonly (readonly number[])[];
  };
  /** The team's month targets (12 for a year, 1 for a month); each equals the Σ of the reps' months. */
  readonly months: readonly number[];
  readonly unit: number;
}

export const DEFAULT_PRODUCT_RATIOS: readonly [number, number, number] = [2, 3, 1];

const isBlank = (input: WeightInput): boolean => input === null || input === undefined || (typeof input === "string" && input.trim() === "");

/**
 * Checks the rep list: names present and unique, weights present, numeric, ≥ 0 and not all 0.
 * Returns the cleaned list or every problem found.
 */
export function validateWeights(reps: readonly RepInput[]): { ok: true; reps: RepWeight[] } | { ok: false; issues: BreakdownIssue[] } {
  const issues: BreakdownIssue[] = [];
  if (reps.length === 0) return { ok: false, issues: [{ code: "noReps", params: {} }] };
  const seen = new Set<string>();
  const cleaned: RepWeight[] = [];
  reps.forEach((input, index) => {
    const row = index + 1;
    const rep = input.rep.trim();
    if (rep === "") issues.push({ code: "repBlank", params: { row } });
    else if (seen.has(rep.toLowerCase())) issues.push({ code: "repDuplicate", params: { row, rep } });
    seen.add(rep.toLowerCase());
    const params = { row, rep, value: String(input.weight ?? "") };
    const weight = readTypedNumber(input.weight);
    if (isBlank(input.weight)) issues.push({ code: "weightBlank", params });
    else if (weight === undefined) issues.push({ code: "weightNotNumber", params });
    else if (weight < 0) issues.push({ code: "weightNegative", params });
    else cleaned.push({ rep, weight });
  });
  if (issues.length === 0 && cleaned.every((r) => r.weight === 0)) issues.push({ code: "weightsAllZero", params: {} });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, reps: cleaned };
}

/**
 * The words a header row's weight cell holds: our own 目标分解 sheet's column titles and the usual
 * alternatives. Only these make a first row a header — a first row whose weight is merely not a number
 * (`张三, 2o`) is a rep with a bad weight and is reported, never dropped as if it were a header.
 */
const WEIGHT_HEADERS: ReadonlySet<string> = new Set(["权重", "比重", "权数", "系数", "占比", "比例", "weight", "weights", "ratio", "share"]);

/** Whether a row is a header: its weight cell is one of WEIGHT_HEADERS (trimmed, any case, full-width letters too). */
export function isHeaderRow(row: readonly WeightInput[]): boolean {
  const weight = row[1];
  return typeof weight === "string" && WEIGHT_HEADERS.has(halfWidth(weight).trim().toLowerCase());
}

/**
 * Rep/weight pairs from a pasted or selected range: first column the rep, second the weight; blank
 * rows are skipped, and a first row is a header only when its weight cell is a header word (isHeaderRow).
 */
export function repsFromRange(values: readonly (readonly WeightInput[])[]): RepInput[] {
  const rows = values.filter((row) => row.some((cell) => !isBlank(cell)));
  const body = rows.length > 0 && isHeaderRow(rows[0]) ? rows.slice(1) : rows;
  return body.map((row) => ({ rep: isBlank(row[0]) ? "" : String(row[0]), weight: row[1] ?? null }));
}

/** "2:3:1", "2,3,1", "2 3 1" or "２：３：１" → the three A:B:C ratios, or undefined if it is not three numbers. */
export function parseRatios(text: string): [number, number, number] | undefined {
  const parts = halfWidth(text).trim().split(/\s*[:,/\s]\s*/).map((part) => readTypedNumber(part));
  return parts.length === 3 && parts.every((n) => n !== undefined) ? [parts[0]!, parts[1]!, parts[2]!] : undefined;
}

function validTarget(target: number | string): number | undefined {
  const value = readTypedNumber(target);
  return value !== undefined && value >= 0 && Number.isSafeInteger(value) ? value : undefined;
}

const validRatios = (ratios: readonly number[]): boolean =>
  ratios.length === 3 && ratios.every((r) => Number.isFinite(r) && r >= 0) && ratios.some((r) => r > 0);

const monthsOf = (period: BreakdownPeriod): { year: number; month: number }[] =>
  period.kind === "month" ? [{ year: period.year, month: period.month }] : Array.from({ length: 12 }, (_, i) => ({ year: period.year, month: i + 1 }));

/** A rep's target over the period's weeks: months by working days first when the period is a year. */
function weekParts(rep: string, target: number, period: BreakdownPeriod, calendar: WorkCalendar): WeekPart[] {
  const months = monthsOf(period);
  const monthDays = months.map(({ year, month }) => workdays(serialFromYmd(year, month, 1), serialFromYmd(year, month, daysInMonth(year, month)), calendar));
  const monthAmounts = months.length === 1 ? [target] : apportion(target, monthDays);
  return months.flatMap(({ year, month }, i) =>
    weekSplit(monthAmounts[i], year, month, calendar).map((part, index) => ({
      rep,
      year,
      month,
      week: index + 1,
      from: part.from,
      to: part.to,
      workingDays: part.workingDays,
      amount: part.amount,
    })),
  );
}

/** The whole breakdown; throws `BreakdownError` with every input problem found. */
export function computeBreakdown(input: BreakdownInput): Breakdown {
  const calendar = input.calendar ?? PLAIN_WEEKS;
  const issues: BreakdownIssue[] = [];
  const target = validTarget(input.target);
  if (target === undefined) issues.push({ code: "targetInvalid", params: { value: String(input.target) } });
  const weights = validateWeights(input.reps);
  if (!weights.ok) issues.push(...weights.issues);
  if (input.productRatios && !validRatios(input.productRatios)) issues.push({ code: "ratioInvalid", params: { value: input.productRatios.join(":") } });
  for (const { year, month } of monthsOf(input.period)) {
    if (monthWeeks(year, month, calendar).length === 0) issues.push({ code: "noWorkingDays", params: { value: `${year}-${String(month).padStart(2, "0")}` } });
  }
  if (issues.length > 0 || target === undefined || !weights.ok) throw new BreakdownError(issues);

  const sum = weights.reps.reduce((total, r) => total + r.weight, 0);
  const targets = apportion(target, weights.reps.map((r) => r.weight));
  // INTERIM (issue 14 contract): holds, starts, splits and the products' months land with the domain helper's change.
  const weeks = weights.reps.flatMap((r, i) => weekParts(r.rep, targets[i], input.period, calendar));
  const months = monthsOf(input.period);
  const repMonths = (rep: string): number[] => months.map(({ year, month }) => weeks.filter((w) => w.rep === rep && w.year === year && w.month === month).reduce((s, w) => s + w.amount, 0));
  const reps = weights.reps.map((r, i) => ({ rep: r.rep, weight: r.weight, share: r.weight / sum, target: targets[i], held: false, start: 1, months: repMonths(r.rep) }));
  const teamMonths = months.map((_, m) => reps.reduce((s, r) => s + r.months[m], 0));
  const ratios = input.productRatios;
  const products = ratios && apportion(target, ratios);
  return {
    period: input.period,
    target,
    reps,
    weeks,
    months: teamMonths,
    unit: 1,
    ...(ratios && products ? { products: { ratios, targets: [products[0], products[1], products[2]], months: products.map((p) => [p]) } } : {}),
  };
}

/** The rep's amount for the weeks (or week parts) that start within Monday..Sunday of ISO week `week`. */
export function isoWeekAmount(breakdown: Breakdown, rep: string, year: number, week: number): number {
  const monday = isoWeekMonday(year, week);
  return breakdown.weeks.filter((w) => w.rep === rep && w.from >= monday && w.from <= monday + 6).reduce((sum, w) => sum + w.amount, 0);
}

/** The rep's amount for one month of the period. */
export const monthAmount = (breakdown: Breakdown, rep: string, year: number, month: number): number =>
  breakdown.weeks.filter((w) => w.rep === rep && w.year === year && w.month === month).reduce((sum, w) => sum + w.amount, 0);
