import { CodedError } from "../contract/codedError";
import type { Locale } from "../contract/locale";
import { apportion, apportionHeld } from "../domain/apportion";
import { splitTable, TableInfeasible } from "../domain/controlledRounding";
import { daysInMonth, isoWeekMonday, monthWeeks, PLAIN_WEEKS, serialFromYmd, weekSplit, workdays, type WorkCalendar } from "../domain/calendar";
import { halfWidth, hasThousandsComma, readTypedNumber, readWholeNumber } from "../domain/typedText";

/**
 * 目标分解 (DOMAIN §1.5, rule §2.3, issue 14): the team's target for a month or a year split over the
 * reps by weight — reps whose target is fixed by hand keep it, the rest is spread (`apportionHeld`) —
 * a year's months split by working days or last year's monthly sales (months fixed by hand kept), the
 * reps × months table rounded so that both its rows and its columns add up (`splitTable`: each rep's
 * own last-year shape where given, nothing before a new rep's start), each rep-month over its weeks by
 * working days (holidays and 调休 honoured), and optionally the A/B/C product classes × months. Every
 * amount is a whole number of `unit` yuan and every part sums exactly to its whole. Input errors are
 * collected, all of them at once, as codes the pane and the command line word in both languages
 * (`breakdownMessages`, below).
 */

export type BreakdownErrorCode =
  | "noReps"
  | "repBlank"
  | "repDuplicate"
  | "weightBlank"
  | "weightNotNumber"
  | "weightNegative"
  | "weightTooLarge"
  | "weightsAllZero"
  | "targetInvalid"
  | "ratioInvalid"
  | "ratioCommas"
  | "noWorkingDays"
  | "holdInvalid"
  | "holdsExceedTarget"
  | "nothingToSpread"
  | "startInvalid"
  | "lastYearInvalid"
  | "lastYearBlank"
  | "noFigures"
  | "monthHoldInvalid"
  | "monthHoldsExceedTarget"
  | "monthsNothingToSpread"
  | "rampInfeasible"
  | "unitInvalid"
  | "targetNotMultiple"
  | "growthInvalid"
  | "targetTooLarge";

export interface BreakdownErrorParams {
  /** One-based row of the rep list. */
  readonly row?: number;
  readonly rep?: string;
  /** The offending input as the user typed it. */
  readonly value?: string;
  /** The month (1..12) the problem is in. */
  readonly month?: number;
  /** Reps' names joined by 、. */
  readonly reps?: string;
  /** An amount in yuan (what is needed), and the limit it exceeds. */
  readonly amount?: number;
  readonly limit?: number;
  /** The whole unit amounts are made of, in yuan. */
  readonly unit?: number;
  /** The months (1..12) a group of reps may use (`rampInfeasible`). */
  readonly months?: readonly number[];
  /** The target is the annual plan's 年度目标, not a breakdown's team target. */
  readonly annual?: boolean;
}

export interface BreakdownIssue {
  readonly code: BreakdownErrorCode;
  readonly params: BreakdownErrorParams;
}

const EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** Months as runs: [7, 8, 9, 10, 11, 12] → 7–12月 · July–December; [1, 3, 4] → 1月、3–4月 · January, March–April. */
function monthRuns(months: readonly number[], locale: Locale): string {
  const runs: [number, number][] = [];
  for (const m of months) {
    const last = runs[runs.length - 1];
    if (last && last[1] === m - 1) last[1] = m;
    else runs.push([m, m]);
  }
  if (locale === "zh-CN") return runs.map(([a, b]) => (a === b ? `${a}月` : `${a}–${b}月`)).join("、");
  return runs.map(([a, b]) => (a === b ? EN_MONTHS[a - 1] : `${EN_MONTHS[a - 1]}–${EN_MONTHS[b - 1]}`)).join(", ");
}

const yuan = (amount: number | undefined): string => (amount ?? 0).toLocaleString("en-US");

const MESSAGES: Readonly<Record<Locale, Record<BreakdownErrorCode, (p: BreakdownErrorParams) => string>>> = {
  "zh-CN": {
    noReps: () => "请至少填写一名销售代表。",
    repBlank: (p) => `第 ${p.row} 行缺少销售代表姓名。`,
    repDuplicate: (p) => `销售代表“${p.rep}”出现了不止一次。`,
    weightBlank: (p) => `请填写“${p.rep}”（第 ${p.row} 行）的权重。`,
    weightNotNumber: (p) => `“${p.rep}”（第 ${p.row} 行）的权重“${p.value}”不是数字。请只用数字书写，如 2 或 1.5。`,
    weightNegative: (p) => `“${p.rep}”（第 ${p.row} 行）的权重不能为负数（${p.value}）。`,
    weightTooLarge: (p) =>
      `“${p.rep}”（第 ${p.row} 行）的权重“${p.value}”超过 ${yuan(p.limit)}：权重只看彼此的比例，请填写更小的数字（如 3、2、1，或以万元计的上年销售额）。`,
    weightsAllZero: () => "所有权重都是 0，无法分解：请至少给一名销售代表填写大于 0 的权重。",
    targetInvalid: (p) => `${p.annual ? "年度目标" : "团队目标"}“${p.value}”无效：请填写不小于 0 的整数金额（元）。`,
    ratioInvalid: (p) => `产品比例“${p.value}”无效：请填写三个 0 到 ${yuan(MAX_WEIGHT)} 之间的数字，且不能全为 0（如 2:3:1）。`,
    ratioCommas: (p) => `产品比例“${p.value}”中数字间的逗号分不清是分隔三个数还是千位分隔：请用冒号分隔，数字不写千位逗号（如 2:3:1）。`,
    noWorkingDays: (p) => `${p.value} 没有工作日，无法按周分解。`,
    holdInvalid: (p) => `“${p.rep}”（第 ${p.row} 行）的固定目标“${p.value}”无效：请填写不小于 0 的整数金额（元），或留空按权重分配。`,
    holdsExceedTarget: (p) => `固定目标合计 ${yuan(p.amount)} 元，超过了团队目标 ${yuan(p.limit)} 元：请降低固定目标，或提高团队目标。`,
    nothingToSpread: (p) =>
      `固定目标之外还剩 ${yuan(p.amount)} 元要分配，但没有销售代表可以分到（没有固定目标的代表权重都是 0，或所有代表都已固定）：请给一名没有固定目标的代表填写大于 0 的权重，或让固定目标合计等于团队目标。`,
    startInvalid: (p) => `“${p.rep}”（第 ${p.row} 行）的到岗月份“${p.value}”无效：请填写 1 到 12 的月份，或留空表示全年在岗。`,
    lastYearInvalid: (p) => {
      const who = p.rep === undefined ? "" : `“${p.rep}”的`;
      return p.month === undefined
        ? `${who}上年销售额需要 12 个月的数字（现在是 ${p.value} 个）。`
        : `${who}上年 ${p.month} 月销售额“${p.value}”无效：请填写 0 到 ${yuan(MAX_WEIGHT)} 之间的数字，或留空（按 0 计）。`;
    },
    lastYearBlank: () => "上年各月销售额全部为空或 0，无法按上年的月度比例拆分：请填写上年各月的销售额，或改为按工作日拆分。",
    noFigures: () => "没有上年销售额，也没有填写年度目标，销售代表的目标都会是 0：请填写上年各月的销售额或年度目标。",
    monthHoldInvalid: (p) =>
      p.month === undefined
        ? `固定月目标最多 12 个月（现在是 ${p.value} 个）。`
        : `${p.month} 月的固定月目标“${p.value}”无效：请填写不小于 0 的整数金额（元），或留空按比例分配。`,
    monthHoldsExceedTarget: (p) => `固定月目标合计 ${yuan(p.amount)} 元，超过了年度目标 ${yuan(p.limit)} 元：请降低固定月目标，或提高年度目标。`,
    monthsNothingToSpread: (p) =>
      `固定月目标之外还剩 ${yuan(p.amount)} 元要分配，但没有月份可以分到（没有固定的月份按拆分方式都是 0，或所有月份都已固定）：请留出一个有上年销售额（或工作日）的月份不固定，或让固定月目标合计等于年度目标。`,
    rampInfeasible: (p) =>
      p.months && p.months.length > 0
        ? `${p.reps}只能分到 ${monthRuns(p.months, "zh-CN")}（到岗之前、或本人上年销售额为 0 的月份分不到目标），这些月份的月目标合计 ${yuan(p.limit)} 元，少于他们的目标合计 ${yuan(p.amount)} 元：请降低他们的目标，或提高（固定）这些月份的月目标，或把到岗月份提前。`
        : `${p.reps}的目标合计 ${yuan(p.amount)} 元，但可以分给他们的月份（到岗之后、本人上年有销售额的月份）月目标都是 0：请把他们的目标改为 0，或给这些月份留出月目标，或把到岗月份提前。`,
    unitInvalid: (p) => `金额单位“${p.value}”无效：请填写 1、10、100、1000 或 10000 这样的正整数（元）。`,
    targetNotMultiple: (p) => {
      const what = p.rep !== undefined ? `“${p.rep}”的固定目标` : p.month !== undefined ? `${p.month} 月的固定月目标` : p.annual ? "年度目标" : "团队目标";
      return `${what}“${p.value}”不是金额单位 ${yuan(p.unit)} 元的整数倍：请改为 ${yuan(p.unit)} 的整数倍，或把金额单位改小。`;
    },
    growthInvalid: (p) => `增长率“${p.value}”无效：请填写 20%、0.2 这样的比例（−99% 到 1000%；不带 % 的数字 1 及以上按百分数计）。`,
    targetTooLarge: (p) => `年度目标“${p.value}”按金额单位 ${yuan(p.unit)} 元计超过了 ${yuan(p.limit)} 份，无法按月精确分解：请使用更大的金额单位。`,
  },
  "en-US": {
    noReps: () => "List at least one rep.",
    repBlank: (p) => `Row ${p.row} has no rep name.`,
    repDuplicate: (p) => `The rep “${p.rep}” is listed more than once.`,
    weightBlank: (p) => `Enter a weight for “${p.rep}” (row ${p.row}).`,
    weightNotNumber: (p) => `The weight “${p.value}” of “${p.rep}” (row ${p.row}) is not a number. Write it in digits, e.g. 2 or 1.5.`,
    weightNegative: (p) => `The weight of “${p.rep}” (row ${p.row}) cannot be negative (${p.value}).`,
    weightTooLarge: (p) =>
      `The weight “${p.value}” of “${p.rep}” (row ${p.row}) is above ${yuan(p.limit)}: weights only count relative to each other, so enter smaller numbers (e.g. 3, 2, 1, or last year's sales in thousands).`,
    weightsAllZero: () => "Every weight is 0, so there is nothing to split by: give at least one rep a weight above 0.",
    targetInvalid: (p) => `The ${p.annual ? "annual" : "team"} target “${p.value}” is not valid: enter a whole amount of yuan, 0 or more.`,
    ratioInvalid: (p) => `The product ratio “${p.value}” is not valid: enter three numbers from 0 to ${yuan(MAX_WEIGHT)}, not all 0 (e.g. 2:3:1).`,
    ratioCommas: (p) =>
      `In the product ratio “${p.value}”, a comma between digits could separate the three numbers or group thousands: separate them with colons and write numbers without thousands commas (e.g. 2:3:1).`,
    noWorkingDays: (p) => `${p.value} has no working day to split by week.`,
    holdInvalid: (p) => `The fixed target “${p.value}” of “${p.rep}” (row ${p.row}) is not valid: enter a whole amount of yuan, 0 or more, or leave it blank to share by weight.`,
    holdsExceedTarget: (p) => `The fixed targets add up to ${yuan(p.amount)} yuan, more than the team target of ${yuan(p.limit)} yuan: lower the fixed targets or raise the team target.`,
    nothingToSpread: (p) =>
      `${yuan(p.amount)} yuan is left after the fixed targets, but no rep can take it (every rep without a fixed target has weight 0, or every rep is fixed): give a rep without a fixed target a weight above 0, or make the fixed targets add up to the team target.`,
    startInvalid: (p) => `The start month “${p.value}” of “${p.rep}” (row ${p.row}) is not valid: enter a month from 1 to 12, or leave it blank for the whole year.`,
    lastYearInvalid: (p) => {
      const whose = p.rep === undefined ? "Last year's sales" : `Last year's sales of “${p.rep}”`;
      return p.month === undefined
        ? `${whose} need 12 months (there are ${p.value}).`
        : `${whose} for ${EN_MONTHS[p.month - 1]} (“${p.value}”) are not valid: enter a number from 0 to ${yuan(MAX_WEIGHT)}, or leave it blank (counted as 0).`;
    },
    lastYearBlank: () => "Last year's monthly sales are all blank or 0, so there is no shape to split the year by: enter last year's months, or split by working days.",
    noFigures: () => "There are no sales for last year and no annual target, so every rep's target would be 0: enter last year's months or the annual target.",
    monthHoldInvalid: (p) =>
      p.month === undefined
        ? `Fixed month targets cover at most 12 months (there are ${p.value}).`
        : `The fixed target for ${EN_MONTHS[p.month - 1]} (“${p.value}”) is not valid: enter a whole amount of yuan, 0 or more, or leave it blank to spread.`,
    monthHoldsExceedTarget: (p) => `The fixed month targets add up to ${yuan(p.amount)} yuan, more than the annual target of ${yuan(p.limit)} yuan: lower them or raise the annual target.`,
    monthsNothingToSpread: (p) =>
      `${yuan(p.amount)} yuan is left after the fixed month targets, but no month can take it (every month not fixed is 0 by the split, or every month is fixed): leave a month with last year's sales (or working days) unfixed, or make the fixed months add up to the annual target.`,
    rampInfeasible: (p) =>
      p.months && p.months.length > 0
        ? `${p.reps} can only take ${monthRuns(p.months, "en-US")} (no target before a rep starts, or in months where the rep's own last-year sales are 0); those months' targets add up to ${yuan(p.limit)} yuan, less than their targets of ${yuan(p.amount)} yuan: lower their targets, raise (fix) those months' targets, or start them earlier.`
        : `The targets of ${p.reps} add up to ${yuan(p.amount)} yuan, but every month they can take (from their start, where their own last-year sales are above 0) has a target of 0: set their targets to 0, leave those months a target, or start them earlier.`,
    unitInvalid: (p) => `The unit “${p.value}” is not valid: enter a whole number of yuan such as 1, 10, 100, 1000 or 10000.`,
    targetNotMultiple: (p) => {
      const what = p.rep !== undefined ? `The fixed target of “${p.rep}”` : p.month !== undefined ? `The fixed target for ${EN_MONTHS[p.month - 1]}` : p.annual ? "The annual target" : "The team target";
      return `${what} (“${p.value}”) is not a whole multiple of the unit, ${yuan(p.unit)} yuan: make it a multiple of ${yuan(p.unit)}, or choose a smaller unit.`;
    },
    growthInvalid: (p) => `The growth rate “${p.value}” is not valid: enter a rate such as 20% or 0.2 (−99% to 1000%; a number of 1 or more without % is a percent).`,
    targetTooLarge: (p) => `The annual target “${p.value}” is more than ${yuan(p.limit)} units of ${yuan(p.unit)} yuan, too many to split into months exactly: choose a larger unit.`,
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
  /** The rep's part of the team target: target / team target (holds and starts included). */
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

export const isBlank = (input: WeightInput): boolean => input === null || input === undefined || (typeof input === "string" && input.trim() === "");

/**
 * The largest weight, and last-year month, a split takes. Weights only count relative to each other, so
 * a larger one is a typo or a unit slip; the sheet writes them and sums them (权重 total, each 占比), and
 * below 10^12 a thousand reps' sum stays under 2^53, exact in Excel's doubles, where 1e308 + 1e308
 * overflows to #NUM!.
 */
export const MAX_WEIGHT = 1e12;

/**
 * Checks the rep list: names present and unique, weights present, numeric, ≥ 0 and not all 0 (unless
 * `allowAllZero`: holds may leave nothing to spread by weight).
 * Returns the cleaned list or every problem found.
 */
export function validateWeights(reps: readonly RepInput[], allowAllZero = false): { ok: true; reps: RepWeight[] } | { ok: false; issues: BreakdownIssue[] } {
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
    else if (weight > MAX_WEIGHT) issues.push({ code: "weightTooLarge", params: { ...params, limit: MAX_WEIGHT } });
    else cleaned.push({ rep, weight });
  });
  if (issues.length === 0 && !allowAllZero && cleaned.every((r) => r.weight === 0)) issues.push({ code: "weightsAllZero", params: {} });
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

/**
 * Whether a ratio's commas cannot be told apart: `1,000,2` is 1:0:2 split at its commas, or 1000 and 2 grouped
 * (hasThousandsComma). Not settled by count as twelve months are: three entries is too few for a slip to be
 * unlikely (`2,300,1` may be 2:300:1 or a mistyped 2,300:1), and colons, the field's own format, cost nothing.
 */
export const ratioCommasAmbiguous = (text: string): boolean => hasThousandsComma(text);

/** What is wrong with a ratio as typed that parseRatios refused, for the forms to show. */
export const ratioTextIssue = (text: string): BreakdownIssue => ({ code: ratioCommasAmbiguous(text) ? "ratioCommas" : "ratioInvalid", params: { value: text } });

/**
 * "2:3:1", "2,3,1", "2 3 1" or "２：３：１" → the three A:B:C ratios, or undefined if it is not three numbers
 * or its commas could group thousands (ratioCommasAmbiguous: callers say so).
 */
export function parseRatios(text: string): [number, number, number] | undefined {
  if (ratioCommasAmbiguous(text)) return undefined;
  const parts = halfWidth(text).trim().split(/\s*[:,/\s]\s*/).map((part) => readTypedNumber(part));
  return parts.length === 3 && parts.every((n) => n !== undefined) ? [parts[0]!, parts[1]!, parts[2]!] : undefined;
}

/** A team target as typed: whole yuan ≥ 0 ("120,000" too), or undefined. */
export function validTarget(target: number | string): number | undefined {
  const value = readTypedNumber(target);
  return value !== undefined && value >= 0 && Number.isSafeInteger(value) ? value : undefined;
}

/** Three weights of the product split, bounded as the reps' are (MAX_WEIGHT), not all 0. */
const validRatios = (ratios: readonly number[]): boolean =>
  ratios.length === 3 && ratios.every((r) => Number.isFinite(r) && r >= 0 && r <= MAX_WEIGHT) && ratios.some((r) => r > 0);

const monthsOf = (period: BreakdownPeriod): { year: number; month: number }[] =>
  period.kind === "month" ? [{ year: period.year, month: period.month }] : Array.from({ length: 12 }, (_, i) => ({ year: period.year, month: i + 1 }));

const sumOf = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);
const text = (input: WeightInput): string => String(input ?? "");

/**
 * The most units a year's target may have: the reps × months grid is fitted in doubles, whose margins must
 * stay within a unit of the totals (see controlledRounding.ts); property runs pass to 10^13 units and fail
 * from 10^14, so 10^12 (at unit 1: a trillion yuan) keeps a margin of ten.
 */
export const MAX_YEAR_UNITS = 1e12;

/** The whole unit parts are made of; undefined when it is not a whole number of yuan ≥ 1. */
export function validUnit(unit: number | undefined): number | undefined {
  const value = unit ?? 1;
  return Number.isSafeInteger(value) && value >= 1 ? value : undefined;
}

/** A typed amount of whole yuan, ≥ 0 (blank → undefined), counted in units; pushes its problem and gives NaN when bad. */
function readAmount(input: WeightInput, unit: number | undefined, issues: BreakdownIssue[], bad: BreakdownIssue, notMultiple: BreakdownErrorParams): number | undefined {
  if (isBlank(input)) return undefined;
  const value = readTypedNumber(input);
  if (value === undefined || value < 0 || !Number.isSafeInteger(value)) {
    issues.push(bad);
    return NaN;
  }
  if (unit !== undefined && value % unit !== 0) {
    issues.push({ code: "targetNotMultiple", params: { ...notMultiple, value: text(input), unit } });
    return NaN;
  }
  return unit === undefined ? NaN : value / unit;
}

/** Last year's months as typed (blank = 0): 12 numbers ≥ 0, or the problems. */
export function readLastYear(months: readonly WeightInput[], issues: BreakdownIssue[], who: { rep?: string; row?: number }): number[] | undefined {
  if (months.length !== 12) {
    issues.push({ code: "lastYearInvalid", params: { ...who, value: String(months.length) } });
    return undefined;
  }
  const before = issues.length;
  const values = months.map((input, i) => {
    if (isBlank(input)) return 0;
    const value = readTypedNumber(input);
    if (value === undefined || value < 0 || value > MAX_WEIGHT) issues.push({ code: "lastYearInvalid", params: { ...who, month: i + 1, value: text(input) } });
    return value ?? 0;
  });
  return issues.length === before ? values : undefined;
}

/** A month as typed: 1..12 ("7", "７", "7月"), or undefined. */
export const readMonth = (text: string): number | undefined => readWholeNumber(halfWidth(text).trim().replace(/月$/, ""), 1, 12);

/** A start month: 1..12 (7, "7", "7月"); blank → 1. */
function readStart(input: number | string | null | undefined): number | undefined {
  if (isBlank(input)) return 1;
  if (typeof input === "string") return readMonth(input);
  return typeof input === "number" && Number.isInteger(input) && input >= 1 && input <= 12 ? input : undefined;
}

/** How the year's months are weighed and which are fixed; read and checked, amounts in units. */
interface MonthPlan {
  readonly shape: readonly number[];
  readonly holds: readonly (number | undefined)[];
}

/** The split and month holds of a year, checked against the target (when known); problems pushed to `issues`. */
export function readMonthPlan(
  input: { readonly year: number; readonly split?: MonthSplit; readonly monthHolds?: readonly WeightInput[]; readonly calendar?: WorkCalendar },
  target: number | undefined,
  unit: number | undefined,
  issues: BreakdownIssue[],
): MonthPlan | undefined {
  const calendar = input.calendar ?? PLAIN_WEEKS;
  const before = issues.length;
  const split = input.split ?? { kind: "workdays" };
  let shape: number[] | undefined;
  if (split.kind === "workdays") {
    shape = monthsOf({ kind: "year", year: input.year }).map(({ year, month }) =>
      workdays(serialFromYmd(year, month, 1), serialFromYmd(year, month, daysInMonth(year, month)), calendar),
    );
  } else {
    shape = readLastYear(split.months, issues, {});
    if (shape && shape.every((v) => v === 0)) issues.push({ code: "lastYearBlank", params: {} });
  }
  const typed = input.monthHolds ?? [];
  if (typed.length > 12) issues.push({ code: "monthHoldInvalid", params: { value: String(typed.length) } });
  const holds = Array.from({ length: 12 }, (_, i) =>
    readAmount(typed[i], unit, issues, { code: "monthHoldInvalid", params: { month: i + 1, value: text(typed[i]) } }, { month: i + 1 }),
  );
  if (issues.length > before || !shape || target === undefined || unit === undefined) return undefined;
  const held = sumOf(holds.map((h) => h ?? 0));
  const rest = target - held;
  if (rest < 0) issues.push({ code: "monthHoldsExceedTarget", params: { amount: held * unit, limit: target * unit } });
  else if (rest > 0 && shape.every((w, i) => holds[i] !== undefined || w === 0)) issues.push({ code: "monthsNothingToSpread", params: { amount: rest * unit } });
  return issues.length > before ? undefined : { shape, holds };
}

/** The team's month targets (in units): the target split by the month shape, held months kept. */
export const monthTargets = (target: number, plan: MonthPlan): number[] => apportionHeld(target, plan.shape, plan.holds);

interface RepPlan {
  readonly rep: string;
  readonly weight: number;
  readonly hold: number | undefined;
  readonly start: number;
  readonly lastYear: readonly number[] | undefined;
}

/** The reps, their holds, starts and own last-year months, checked against the target (when known). */
export function readReps(reps: readonly RepInput[], year: boolean, target: number | undefined, unit: number | undefined, issues: BreakdownIssue[]): RepPlan[] | undefined {
  const before = issues.length;
  const holds = reps.map((r, index) =>
    readAmount(r.hold, unit, issues, { code: "holdInvalid", params: { row: index + 1, rep: r.rep.trim(), value: text(r.hold) } }, { rep: r.rep.trim() }),
  );
  const anyHold = reps.some((r) => !isBlank(r.hold));
  // A held rep's weight is not used: it may be left blank. With holds, all-zero weights are fine when nothing is left to spread (below).
  const weights = validateWeights(
    reps.map((r, i) => (holds[i] !== undefined && isBlank(r.weight) ? { ...r, weight: 0 } : r)),
    anyHold,
  );
  if (!weights.ok) issues.push(...weights.issues);
  // Starts and own months shape a year's months; a month has one month and ignores them.
  const starts = reps.map((r, index) => {
    const start = year ? readStart(r.start) : 1;
    if (start === undefined) issues.push({ code: "startInvalid", params: { row: index + 1, rep: r.rep.trim(), value: String(r.start) } });
    return start ?? 1;
  });
  const lastYears = reps.map((r, index) => (year && r.lastYear ? readLastYear(r.lastYear, issues, { rep: r.rep.trim(), row: index + 1 }) : undefined));
  if (issues.length > before || !weights.ok || target === undefined || unit === undefined) return undefined;
  const held = sumOf(holds.map((h) => h ?? 0));
  const rest = target - held;
  if (rest < 0) issues.push({ code: "holdsExceedTarget", params: { amount: held * unit, limit: target * unit } });
  else if (rest > 0 && weights.reps.every((r, i) => holds[i] !== undefined || r.weight === 0)) issues.push({ code: "nothingToSpread", params: { amount: rest * unit } });
  if (issues.length > before) return undefined;
  return weights.reps.map((r, i) => ({ rep: r.rep, weight: r.weight, hold: holds[i], start: starts[i], lastYear: lastYears[i] }));
}

/** Everything checked: amounts in units. */
export interface BreakdownPlan {
  readonly period: BreakdownPeriod;
  readonly calendar: WorkCalendar;
  readonly unit: number;
  readonly target: number;
  readonly reps: readonly RepPlan[];
  /** A year's month shape and holds (absent for a month). */
  readonly months?: MonthPlan;
  readonly ratios?: readonly [number, number, number];
}

/**
 * Reads and checks a breakdown's input, every problem at once, with the team target (in yuan) given
 * or undefined when it is itself invalid (the target-dependent checks are then skipped).
 */
export function readBreakdown(input: BreakdownInput, target: number | undefined, issues: BreakdownIssue[], options: { readonly annual?: boolean } = {}): BreakdownPlan | undefined {
  const calendar = input.calendar ?? PLAIN_WEEKS;
  const unit = validUnit(input.unit);
  if (unit === undefined) issues.push({ code: "unitInvalid", params: { value: String(input.unit) } });
  const year = input.period.kind === "year";
  let units: number | undefined;
  if (target !== undefined && unit !== undefined) {
    if (target % unit !== 0) issues.push({ code: "targetNotMultiple", params: { value: String(target), unit, ...(options.annual ? { annual: true } : {}) } });
    else if (year && target / unit > MAX_YEAR_UNITS) issues.push({ code: "targetTooLarge", params: { value: String(target), unit, limit: MAX_YEAR_UNITS } });
    else units = target / unit;
  }
  // The annual plan may have no reps: then its months and products are the whole plan.
  const reps = options.annual && input.reps.length === 0 ? [] : readReps(input.reps, year, units, unit, issues);
  if (input.productRatios && !validRatios(input.productRatios)) issues.push({ code: "ratioInvalid", params: { value: input.productRatios.join(":") } });
  // Weeks are split only for reps: an annual plan without them needs no week in every month.
  const weeksNeeded = reps === undefined || reps.length > 0;
  for (const { year: y, month } of weeksNeeded ? monthsOf(input.period) : []) {
    if (monthWeeks(y, month, calendar).length === 0) issues.push({ code: "noWorkingDays", params: { value: `${y}-${String(month).padStart(2, "0")}` } });
  }
  // split and monthHolds describe the months of a year; a month period ignores them.
  const months = year ? readMonthPlan({ ...input, year: input.period.year, calendar }, units, unit, issues) : undefined;
  if (issues.length > 0 || !reps || units === undefined || unit === undefined || (year && !months)) return undefined;
  return { period: input.period, calendar, unit, target: units, reps, ...(months ? { months } : {}), ...(input.productRatios ? { ratios: input.productRatios } : {}) };
}

/** Each rep's months (in units): one column for a month; for a year, the rep × month table both of whose margins are exact. */
function repMonths(plan: BreakdownPlan, targets: readonly number[], teamMonths: readonly number[]): number[][] {
  if (!plan.months) return targets.map((t) => [t]);
  // A rep's own last year where it has sales in the rep's months, else the team's month targets; nothing before the start.
  const seed = plan.reps.map((r) => {
    const active = (values: readonly number[]): number[] => values.map((v, i) => (i + 1 >= r.start ? v : 0));
    const own = r.lastYear && active(r.lastYear);
    return own && sumOf(own) > 0 ? own : active(teamMonths);
  });
  try {
    return splitTable(seed, targets, teamMonths).parts;
  } catch (error) {
    if (!(error instanceof TableInfeasible)) throw error;
    const params = { reps: error.rows.map((i) => plan.reps[i].rep).join("、"), months: error.cols.map((j) => j + 1), amount: error.need * plan.unit, limit: error.room * plan.unit };
    throw new BreakdownError([{ code: "rampInfeasible", params }]);
  }
}

/** The breakdown of a checked plan (`readBreakdown`). Throws BreakdownError `rampInfeasible` when starts or shapes leave reps too few months. */
export function breakdownOf(plan: BreakdownPlan): Breakdown {
  const { unit, calendar } = plan;
  const teamMonths = plan.months ? monthTargets(plan.target, plan.months) : [plan.target];
  // A weight is a full year's share: a rep starting in July weighs what the team's July–December hold of
  // its year, so the late starter is not handed a whole year's target to fit into half of it (a ramp).
  const yearTotal = sumOf(teamMonths);
  const fromStart = (start: number): number => (yearTotal === 0 ? 1 : sumOf(teamMonths.slice(start - 1)));
  const weights = plan.reps.map((r) => r.weight * (plan.months ? fromStart(r.start) : 1));
  const targets = apportionHeld(plan.target, weights, plan.reps.map((r) => r.hold));
  const grid = repMonths(plan, targets, teamMonths);
  const periodMonths = monthsOf(plan.period);
  const reps: RepShare[] = plan.reps.map((r, i) => ({
    rep: r.rep,
    weight: r.weight,
    share: plan.target > 0 ? targets[i] / plan.target : 0,
    target: targets[i] * unit,
    held: r.hold !== undefined,
    start: r.start,
    months: grid[i].map((v) => v * unit),
  }));
  // Each rep-month over its weeks by working days, so the weeks still sum to the cells.
  const weeks = reps.flatMap((r) =>
    periodMonths.flatMap(({ year, month }, m) =>
      weekSplit(r.months[m], year, month, calendar, unit).map((part, index) => ({
        rep: r.rep,
        year,
        month,
        week: index + 1,
        from: part.from,
        to: part.to,
        workingDays: part.workingDays,
        amount: part.amount,
      })),
    ),
  );
  const ratios = plan.ratios;
  return {
    period: plan.period,
    target: plan.target * unit,
    reps,
    weeks,
    months: teamMonths.map((v) => v * unit),
    unit,
    ...(ratios ? { products: productsOf(plan.target, ratios, teamMonths, unit) } : {}),
  };
}

/** The A/B/C targets by ratio and their months (rank one: ratio × month), exact both ways; amounts in units in, yuan out. */
export function productsOf(target: number, ratios: readonly [number, number, number], teamMonths: readonly number[], unit: number): NonNullable<Breakdown["products"]> {
  const targets = apportion(target, ratios);
  const { parts } = splitTable(ratios.map((r) => teamMonths.map((m) => r * m)), targets, teamMonths);
  return { ratios, targets: [targets[0] * unit, targets[1] * unit, targets[2] * unit], months: parts.map((row) => row.map((v) => v * unit)) };
}

/** The whole breakdown; throws `BreakdownError` with every input problem found. */
export function computeBreakdown(input: BreakdownInput): Breakdown {
  const issues: BreakdownIssue[] = [];
  const target = validTarget(input.target);
  if (target === undefined) issues.push({ code: "targetInvalid", params: { value: String(input.target) } });
  const plan = readBreakdown(input, target, issues);
  if (!plan) throw new BreakdownError(issues);
  return breakdownOf(plan);
}

/** The rep's amount for the weeks (or week parts) that start within Monday..Sunday of ISO week `week`. */
export function isoWeekAmount(breakdown: Breakdown, rep: string, year: number, week: number): number {
  const monday = isoWeekMonday(year, week);
  return breakdown.weeks.filter((w) => w.rep === rep && w.from >= monday && w.from <= monday + 6).reduce((sum, w) => sum + w.amount, 0);
}

/** The rep's amount for one month of the period. */
export const monthAmount = (breakdown: Breakdown, rep: string, year: number, month: number): number =>
  breakdown.weeks.filter((w) => w.rep === rep && w.year === year && w.month === month).reduce((sum, w) => sum + w.amount, 0);
