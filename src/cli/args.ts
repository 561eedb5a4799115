import { daysInMonth, FIVE_DAY_WEEK, isoWeekMonday, serialFromYmd, type WorkWeek } from "../domain/calendar";
import { formatMonthText, parseMonthText, parseWorkWeekText, readWeekText, type IsoWeek, type YearMonth } from "../domain/dateText";
import { MONTH_RANGE, monthInRange, monthRangeText, WEEK_RANGE_TEXT, weekInRange, YEAR_RANGE, yearInRange, type PeriodRange } from "../domain/periodRange";
import { notXlsxKind } from "./fileKinds";
import { isLocale, DEFAULT_LOCALE, type Locale } from "../contract/locale";
import { commasAmbiguous, halfWidth, hasThousandsComma, readTypedNumber, readWholeNumber } from "../domain/typedText";
import { CAP_RANGE, parseRate, parseRatios, ratioCommasAmbiguous, readMonth, readSplit, type BreakdownPeriod, type RepInput } from "../team";
import { MONTHLY_PLAN_MONTHS, templateOfCliName, TEMPLATES, type TemplateId } from "../templates/registry";
import { IMPORT_KINDS, type ImportKind } from "../import";
import type { CliMessages } from "./messages";

/** Command-line arguments → a typed command, or an error worded by the caller's messages. */

/** Which official calendar the working days start from: China's holidays and 调休 (default), or none (plain Monday–Friday). */
export type CalendarChoice = "cn" | "none";

/** A Map, not an object: `--calendar toString` must not find Object.prototype's. */
const CALENDAR_CHOICES: ReadonlyMap<string, CalendarChoice> = new Map([
  ["cn", "cn"],
  ["中国", "cn"],
  ["none", "none"],
  ["无", "none"],
]);

/** `--hold 张三=300000` and `--start 李四=7`: a rep's name and the value given for the rep, as typed. */
export interface RepValue {
  readonly rep: string;
  readonly value: string;
}

/**
 * The inputs of a year's split that the annual plan and the breakdown share, as given on the command
 * line; `--input FILE` holds the same items, and an option given wins over the file's row.
 */
export interface PlanArgs {
  readonly input?: string;
  /** `--last-year`: the 12 months as typed (a count other than 12 is the plan's to refuse). */
  readonly lastYear?: readonly string[];
  readonly split?: "lastYear" | "workdays";
  readonly reps?: readonly RepInput[];
  readonly holds: readonly RepValue[];
  readonly starts: readonly RepValue[];
  /** `--month-hold 3=150000,12=200000`. */
  readonly monthHolds: readonly { readonly month: number; readonly amount: string }[];
  readonly productRatios?: readonly [number, number, number];
  readonly unit?: number;
}

/** `write annual`'s own inputs: the year, the growth, a typed target, the expense cap. */
export interface AnnualArgs extends PlanArgs {
  readonly year?: number;
  readonly growth?: string;
  readonly target?: string;
  /** A fraction: 0.02 for 2 %. */
  readonly expenseCap?: number;
}

export interface WriteCommand {
  readonly kind: "write";
  readonly templates: readonly TemplateId[];
  readonly out: string;
  readonly lang: Locale;
  readonly rep: string;
  readonly week?: { readonly year: number; readonly week: number };
  readonly month?: { readonly year: number; readonly month: number };
  readonly calendar: CalendarChoice;
  /** `--workweek 双休|单休|大小周:DATE` (Monday–Friday by default): the days a week works, before holidays. */
  readonly workweek: WorkWeek;
  readonly holidaysFile?: string;
  /** Present when `annual` is among the templates. */
  readonly annual?: AnnualArgs;
}

/** `rollup --out TEAM.xlsx REP1.xlsx …`: copy the reps' plan sheets into TEAM and (re)build its 团队汇总. */
export interface RollupCommand {
  readonly kind: "rollup";
  readonly out: string;
  readonly lang: Locale;
  readonly files: readonly string[];
  /** `--history`: record the roll-up's snapshot in the 团队历史 sheet too. */
  readonly history: boolean;
}

/**
 * `breakdown --out FILE.xlsx --target N --month 2026-11 --reps 张三=2,李四=1 …`: the 目标分解 sheet (and
 * plans). The target and the reps may come from `--input` instead (a year only).
 */
export interface BreakdownCommand extends PlanArgs {
  readonly kind: "breakdown";
  readonly out: string;
  readonly lang: Locale;
  readonly target?: string;
  readonly period: BreakdownPeriod;
  /**
   * Which plans to pre-fill: a month's monthly plans, or a year's for the month named with --month; the
   * weekly plans of the week named with --week, a week with a day in the period.
   */
  readonly plans?: { readonly template: "monthly"; readonly month?: number } | { readonly template: "weekly"; readonly week: IsoWeek };
  readonly calendar: CalendarChoice;
  /** `--workweek 双休|单休|大小周:DATE` (Monday–Friday by default): the days a week works, before holidays. */
  readonly workweek: WorkWeek;
  readonly holidaysFile?: string;
}

/** `import customers --from FILE [--sheet NAME] [--map 源列=目标列]… --out WORKBOOK.xlsx`: a list appended to the register. */
export interface ImportCommand {
  readonly kind: "import";
  readonly target: ImportKind;
  readonly from: string;
  readonly sheet?: string;
  /** The user's corrections to the proposed mapping, in the order given. */
  readonly map: readonly { readonly source: string; readonly target: string }[];
  readonly out: string;
  readonly lang: Locale;
}

/** `next --in FILE.xlsx --sheet NAME [--out FILE.xlsx]`: the next week's (month's) plan from the plan on NAME. */
export interface NextCommand {
  readonly kind: "next";
  readonly in: string;
  readonly sheet: string;
  /** `--in` itself unless given: the next plan goes beside this one. */
  readonly out: string;
  readonly lang: Locale;
  /** The next plan's working days, as `write` takes them; the workbook's 节假日 tables win for their years. */
  readonly calendar: CalendarChoice;
  readonly workweek: WorkWeek;
  readonly holidaysFile?: string;
}

/** `calendar show --year 2026`: the built-in dates of a year, as holiday lines. */
export interface CalendarShowCommand {
  readonly kind: "calendar-show";
  readonly year: number;
}

/** `calendar parse-notice --year 2027 FILE`: the State Council's notice (FILE, or `-` for stdin) as holiday lines. */
export interface CalendarNoticeCommand {
  readonly kind: "calendar-notice";
  readonly year: number;
  readonly file: string;
}

export type Parsed =
  | { readonly kind: "help" }
  | WriteCommand
  | RollupCommand
  | BreakdownCommand
  | CalendarShowCommand
  | CalendarNoticeCommand
  | ImportCommand
  | NextCommand
  | { readonly kind: "error"; readonly message: (m: CliMessages) => string };

const VALUE_OPTIONS = [
  "--out", "--lang", "--rep", "--week", "--month", "--holidays", "--target", "--year", "--reps", "--products", "--plans", "--calendar", "--workweek", "--from", "--sheet", "--map",
  "--last-year", "--growth", "--split", "--hold", "--start", "--month-hold", "--unit", "--cap", "--input", "--in",
] as const;
type ValueOption = (typeof VALUE_OPTIONS)[number];

type Command = "write" | "rollup" | "breakdown" | "calendar" | "import" | "next";

/** The options of a year's split, shared by `write annual` and `breakdown --year`. */
const PLAN_OPTIONS = ["--input", "--last-year", "--split", "--reps", "--hold", "--start", "--month-hold", "--products", "--unit"] as const satisfies readonly ValueOption[];
/** `write`'s options that only `annual` reads. */
const ANNUAL_OPTIONS = [...PLAN_OPTIONS, "--year", "--growth", "--target", "--cap"] as const satisfies readonly ValueOption[];
/** `breakdown`'s options that only a year reads: a month has no months to split, to start in or to fix. */
const YEAR_ONLY_OPTIONS = ["--input", "--last-year", "--split", "--start", "--month-hold"] as const satisfies readonly ValueOption[];

/** The options each command takes; any other is refused rather than silently ignored. */
const OPTIONS_OF: Readonly<Record<Command, readonly ValueOption[]>> = {
  write: ["--out", "--lang", "--rep", "--week", "--month", "--calendar", "--workweek", "--holidays", ...ANNUAL_OPTIONS],
  rollup: ["--out", "--lang"],
  breakdown: ["--out", "--lang", "--target", "--month", "--year", "--plans", "--week", "--calendar", "--workweek", "--holidays", ...PLAN_OPTIONS],
  calendar: ["--year"],
  import: ["--out", "--lang", "--from", "--sheet", "--map"],
  next: ["--in", "--sheet", "--out", "--lang", "--calendar", "--workweek", "--holidays"],
};

/**
 * `write`'s period and name options and the templates that read them (main.ts, REQUEST): given to none
 * of the templates written, an option is refused, as `--year` without `annual` is, rather than ignored.
 * The contract statistics start with the year of --month, and the annual plan is for it without --year.
 */
export const WRITE_OPTION_READERS: Readonly<Partial<Record<ValueOption, readonly TemplateId[]>>> = {
  "--week": ["weekly"],
  "--month": ["monthly", "contracts", "diary", "annual"],
  "--rep": ["weekly", "monthly", "diary"],
};

/** Own keys only: `in` would take `toString` for a command, inherited from Object.prototype. */
const isCommand = (name: string | undefined): name is Command => name !== undefined && Object.hasOwn(OPTIONS_OF, name);

const fail = (message: (m: CliMessages) => string): Parsed => ({ kind: "error", message });

const HISTORY_FLAG = "--history";

/** Splits `--opt=value` and `--opt value`; returns the options and positionals or an error. */
function scan(argv: readonly string[]): { options: Map<ValueOption, string>; maps: string[]; positionals: string[]; help: boolean; history: boolean } | Parsed {
  const options = new Map<ValueOption, string>();
  // `--map` is the one option given more than once: one correction each.
  const maps: string[] = [];
  const positionals: string[] = [];
  let help = false;
  let history = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "-h" || arg === "--help") {
      help = true;
      continue;
    }
    // The one switch (no value): `rollup` alone takes it.
    if (arg === HISTORY_FLAG) {
      history = true;
      continue;
    }
    // A lone "-" is stdin, a file name like any other.
    if (!arg.startsWith("-") || arg === "-") {
      positionals.push(arg);
      continue;
    }
    const [flag, inline] = arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    if (!(VALUE_OPTIONS as readonly string[]).includes(flag)) return fail((m) => m.unknownOption(flag));
    const value = inline ?? argv[++i];
    if (value === undefined || value === "") return fail((m) => m.missingValue(flag));
    const earlier = options.get(flag as ValueOption);
    // Taking the last of two silently would plan for a period or write a file the user may not have meant.
    if (flag !== "--map" && earlier !== undefined) return fail((m) => m.repeatedOption(flag, earlier, value));
    if (flag === "--map") maps.push(value);
    options.set(flag as ValueOption, value);
  }
  return { options, maps, positionals, help, history };
}

/** `--year`: a year every day of which the calendar supports (periodRange.ts). */
function yearOption(text: string): number | Parsed {
  return readWholeNumber(text, YEAR_RANGE.first, YEAR_RANGE.last) ?? fail((m) => m.badYear(text, YEAR_RANGE.first, YEAR_RANGE.last));
}

/** `--month`: a month within `range` — a monthly plan's ends a month early, as its review falls in the next month. */
function monthOption(text: string, range: PeriodRange<YearMonth>): YearMonth | Parsed {
  const month = parseMonthText(text);
  if (month && monthInRange(month, range)) return month;
  const { first, last } = monthRangeText(range);
  return fail((m) => m.badMonth(text, first, last));
}

/**
 * `--week`: an ISO week that exists, Monday to Sunday within the supported dates. A week written as one
 * is checked against the range first: 1900-W09 or 0999-W10 is answered with the weeks to use, and the
 * reason it does not exist is kept for a week in range (2027-W53: that year has 52 weeks).
 */
function weekOption(text: string): IsoWeek | Parsed {
  const read = readWeekText(text);
  const typed = read.ok ? read.week : read.typed;
  if (typed && !weekInRange(typed)) return fail((m) => m.weekOutOfRange(text, WEEK_RANGE_TEXT.first, WEEK_RANGE_TEXT.last));
  return read.ok ? read.week : fail((m) => m.badWeek(text, read.why));
}

/** `--calendar cn|中国|none|无` (English words in any case), China by default. */
function calendarChoice(options: Map<ValueOption, string>): CalendarChoice | Parsed {
  const text = options.get("--calendar");
  if (text === undefined) return "cn";
  const choice = CALENDAR_CHOICES.get(halfWidth(text).trim().toLowerCase());
  return choice ?? fail((m) => m.badCalendar(text));
}

function calendarCommand(options: Map<ValueOption, string>, names: readonly string[]): Parsed {
  const [action, ...rest] = names;
  if (action !== "show" && action !== "parse-notice") return fail((m) => m.unknownCalendarAction(action ?? ""));
  const yearText = options.get("--year");
  if (yearText === undefined) return fail((m) => m.missingOption("--year"));
  const year = yearOption(yearText);
  if (typeof year !== "number") return year;
  if (action === "show") return rest.length > 0 ? fail((m) => m.unexpectedArgument(rest[0])) : { kind: "calendar-show", year };
  if (rest.length === 0) return fail((m) => m.noNoticeFile);
  if (rest.length > 1) return fail((m) => m.unexpectedArgument(rest[1]));
  return { kind: "calendar-notice", year, file: rest[0] };
}

function rollupCommand(out: string, lang: Locale, files: readonly string[], history: boolean): Parsed {
  if (files.some((file) => file === out)) return fail((m) => m.outIsInput(out));
  return { kind: "rollup", out, lang, files, history };
}

/** "张三=2,李四=1" (also ":", "：", "＝" and the Chinese comma "，") → name and value; a part without "=" has none. */
const pairs = (text: string): { key: string; value: string | undefined }[] =>
  text
    .split(/[,，]/)
    .filter((part) => part.trim() !== "")
    .map((part) => {
      const [key, value] = part.split(/[=:：＝]/);
      return { key: key.trim(), value: value?.trim() };
    });

/** `--reps`: a rep without "=" gets a blank weight, reported with the plan's other problems. */
const repList = (text: string): RepInput[] => pairs(text).map(({ key, value }) => ({ rep: key, weight: value ?? "" }));

/** `--last-year 80000,90000,…`: the values in order (also "，", "、", ";" or spaces between them); `a,,b` leaves a month blank. */
const monthList = (text: string): string[] => halfWidth(text).trim().split(/\s*[,，、;；]\s*|\s+/);

/** `--hold 张三=300000` / `--start 李四=7`: every part needs its name and value. */
function repValues(option: ValueOption, text: string | undefined): RepValue[] | Parsed {
  if (text === undefined) return [];
  const found = pairs(text);
  const bad = found.find(({ key, value }) => key === "" || value === undefined || value === "");
  if (bad) return fail((m) => m.badPair(option, text));
  return found.map(({ key, value }) => ({ rep: key, value: value ?? "" }));
}

/**
 * The options whose entries are separated by commas: a comma grouping thousands in them is ambiguous. Any
 * number of pairs is a valid list, so their count cannot tell; `--last-year` must be twelve (commasAmbiguous).
 */
const LIST_OPTIONS = ["--reps", "--hold", "--start", "--month-hold"] as const satisfies readonly ValueOption[];

/** The options of a year's split (`PLAN_OPTIONS`), read; their values' sense is the plan's to check. */
function planArgs(options: Map<ValueOption, string>): PlanArgs | Parsed {
  for (const option of LIST_OPTIONS) {
    const text = options.get(option);
    // `--reps 张三=1,500` would be 张三 with weight 1 and a rep named 500.
    if (text !== undefined && hasThousandsComma(text)) return fail((m) => m.thousandsComma(option, text));
  }
  const lastYear = options.get("--last-year");
  // `80,000,90,000,…` would be twice as many months; `80,60,120,…` in 万元 is twelve.
  if (lastYear !== undefined && commasAmbiguous(lastYear, monthList(lastYear), 12)) return fail((m) => m.thousandsComma("--last-year", lastYear));
  const splitText = options.get("--split");
  const split = splitText === undefined ? undefined : readSplit(splitText);
  if (splitText !== undefined && split === undefined) return fail((m) => m.badSplit(splitText));
  const holds = repValues("--hold", options.get("--hold"));
  if (!Array.isArray(holds)) return holds;
  const starts = repValues("--start", options.get("--start"));
  if (!Array.isArray(starts)) return starts;
  const monthHoldText = options.get("--month-hold");
  const monthHolds = [];
  for (const { key, value } of monthHoldText === undefined ? [] : pairs(monthHoldText)) {
    const month = readMonth(key);
    if (month === undefined || value === undefined || value === "") return fail((m) => m.badMonthHold(monthHoldText ?? ""));
    monthHolds.push({ month, amount: value });
  }
  const productsText = options.get("--products");
  const products = productsText === undefined ? undefined : parseRatios(productsText);
  if (productsText !== undefined && !products) return fail((m) => (ratioCommasAmbiguous(productsText) ? m.productsCommas(productsText) : m.badProducts(productsText)));
  const unitText = options.get("--unit");
  const unit = unitText === undefined ? undefined : readTypedNumber(unitText);
  if (unitText !== undefined && unit === undefined) return fail((m) => m.badUnit(unitText));
  const input = options.get("--input");
  if (input !== undefined && !input.toLowerCase().endsWith(".csv")) return fail((m) => m.inputNotCsv(input));
  const reps = options.get("--reps");
  return {
    ...(input !== undefined ? { input } : {}),
    ...(lastYear !== undefined ? { lastYear: monthList(lastYear) } : {}),
    ...(split ? { split } : {}),
    ...(reps !== undefined ? { reps: repList(reps) } : {}),
    holds,
    starts,
    monthHolds,
    ...(products ? { productRatios: [products[0], products[1], products[2]] as const } : {}),
    ...(unit !== undefined ? { unit } : {}),
  };
}

/** `write annual`'s options, read. */
function annualArgs(options: Map<ValueOption, string>): AnnualArgs | Parsed {
  const plan = planArgs(options);
  if ("kind" in plan) return plan;
  const yearText = options.get("--year");
  const year = yearText === undefined ? undefined : yearOption(yearText);
  if (typeof year === "object") return year;
  const capText = options.get("--cap");
  const expenseCap = capText === undefined ? undefined : parseRate(capText, CAP_RANGE);
  if (capText !== undefined && expenseCap === undefined) return fail((m) => m.badCap(capText));
  const growth = options.get("--growth");
  const target = options.get("--target");
  return {
    ...plan,
    ...(year !== undefined ? { year } : {}),
    ...(growth !== undefined ? { growth } : {}),
    ...(target !== undefined ? { target } : {}),
    ...(expenseCap !== undefined ? { expenseCap } : {}),
  };
}

/** A week with a day in the period: its plans' target is the part of the breakdown that falls in that week. */
function weekInPeriod(week: IsoWeek, period: BreakdownPeriod): boolean {
  const monday = isoWeekMonday(week.year, week.week);
  const [first, last] =
    period.kind === "year" ? [serialFromYmd(period.year, 1, 1), serialFromYmd(period.year, 12, 31)] : [serialFromYmd(period.year, period.month, 1), serialFromYmd(period.year, period.month, daysInMonth(period.year, period.month))];
  return monday <= last && monday + 6 >= first;
}

function breakdownCommand(options: Map<ValueOption, string>, out: string, lang: Locale, calendar: CalendarChoice, workweek: WorkWeek): Parsed {
  const target = options.get("--target");
  const input = options.get("--input");
  // With --input, the file may hold the target and the reps: checked once it is read.
  if (target === undefined && input === undefined) return fail((m) => m.missingOption("--target"));
  if (!options.has("--reps") && input === undefined) return fail((m) => m.missingOption("--reps"));
  const monthText = options.get("--month");
  const yearText = options.get("--year");
  const plansText = options.get("--plans");
  if (plansText !== undefined && plansText !== "monthly" && plansText !== "weekly") return fail((m) => m.badPlans(plansText));
  if (monthText === undefined && yearText === undefined) return fail((m) => m.monthOrYear);
  // With --year, --month is not a second period: it names the month of the year's monthly plans.
  if (yearText !== undefined && monthText !== undefined && plansText !== "monthly") return fail((m) => m.monthWithYear);
  const month = monthText === undefined ? undefined : monthOption(monthText, plansText === "monthly" ? MONTHLY_PLAN_MONTHS : MONTH_RANGE);
  if (month && "kind" in month) return month;
  const year = yearText === undefined ? undefined : yearOption(yearText);
  if (typeof year === "object") return year;
  if (year !== undefined && plansText === "monthly") {
    // Which month's plans a year's breakdown pre-fills is the user's choice, never the month it is run in.
    if (!month) return fail((m) => m.planMonthMissing(year));
    if (month.year !== year) return fail((m) => m.planMonthNotInYear(monthText ?? "", year));
  }
  const period: BreakdownPeriod = year === undefined && month ? { kind: "month", ...month } : { kind: "year", year: year ?? 0 };
  const yearOnly = period.kind === "month" ? YEAR_ONLY_OPTIONS.find((option) => options.has(option)) : undefined;
  if (yearOnly !== undefined) return fail((m) => m.yearOnly(yearOnly));
  const plan = planArgs(options);
  if ("kind" in plan) return plan;
  const weekText = options.get("--week");
  if (weekText !== undefined && plansText !== "weekly") return fail((m) => m.weekWithoutWeeklyPlans);
  const week = weekText === undefined ? undefined : weekOption(weekText);
  if (week && "kind" in week) return week;
  // As with a year's monthly plans: the weekly plans' week is the user's choice, never the week it is run in.
  if (plansText === "weekly" && !week) return fail((m) => m.planWeekMissing(period.year));
  if (week && !weekInPeriod(week, period)) return fail((m) => (period.kind === "year" ? m.planWeekNotInYear(weekText ?? "", period.year) : m.planWeekNotInMonth(weekText ?? "", formatMonthText(period))));
  const holidaysFile = options.get("--holidays");
  return {
    kind: "breakdown",
    out,
    lang,
    ...(target !== undefined ? { target } : {}),
    period,
    ...plan,
    ...(plansText === "monthly" ? { plans: { template: "monthly", ...(period.kind === "year" && month ? { month: month.month } : {}) } as const } : {}),
    ...(week ? { plans: { template: "weekly", week } as const } : {}),
    calendar,
    workweek,
    ...(holidaysFile !== undefined ? { holidaysFile } : {}),
  };
}

/** `源列=目标列` (also `＝`); the target may be empty: that column is not imported. */
function mapping(text: string): { source: string; target: string } | undefined {
  const at = text.search(/[=＝]/);
  if (at <= 0) return undefined;
  return { source: text.slice(0, at).trim(), target: text.slice(at + 1).trim() };
}

function importCommand(options: Map<ValueOption, string>, maps: readonly string[], names: readonly string[], out: string, lang: Locale): Parsed {
  const [word, ...rest] = names;
  const target = IMPORT_KINDS.find((kind) => TEMPLATES[kind].cliName === word);
  if (target === undefined) return fail((m) => m.unknownImportKind(word ?? ""));
  if (rest.length > 0) return fail((m) => m.unexpectedArgument(rest[0]));
  const from = options.get("--from");
  if (from === undefined) return fail((m) => m.missingOption("--from"));
  if (!/\.(xlsx|csv)$/i.test(from)) return fail((m) => m.notImportSource(from));
  const map = [];
  for (const text of maps) {
    const pair = mapping(text);
    if (!pair) return fail((m) => m.badMap(text));
    map.push(pair);
  }
  const sheet = options.get("--sheet");
  return { kind: "import", target, from, ...(sheet !== undefined ? { sheet } : {}), map, out, lang };
}

function nextCommand(options: Map<ValueOption, string>, names: readonly string[]): Parsed {
  if (names.length > 0) return fail((m) => m.unexpectedArgument(names[0]));
  const input = options.get("--in");
  if (input === undefined) return fail((m) => m.missingOption("--in"));
  const sheet = options.get("--sheet");
  if (sheet === undefined) return fail((m) => m.missingOption("--sheet"));
  const out = options.get("--out") ?? input;
  const notXlsx = [input, out].find((file) => !file.toLowerCase().endsWith(".xlsx"));
  if (notXlsx !== undefined) return fail((m) => m.nextNotXlsx(notXlsx));
  const lang = options.get("--lang") ?? DEFAULT_LOCALE;
  if (!isLocale(lang)) return fail((m) => m.badLang(lang));
  const planning = planningOptions(options);
  if ("kind" in planning) return planning;
  return { kind: "next", in: input, sheet, out, lang, ...planning };
}

/** `--calendar`, `--workweek` and `--holidays`, as every command writing plans takes them. */
function planningOptions(options: Map<ValueOption, string>): { calendar: CalendarChoice; workweek: WorkWeek; holidaysFile?: string } | Parsed {
  const calendar = calendarChoice(options);
  if (typeof calendar !== "string") return calendar;
  // `--workweek 双休|单休|大小周:2026-11-07` (or 5day, 6day, alternate:DATE): the domain's words; Monday–Friday by default.
  const workweekText = options.get("--workweek");
  const workweek = workweekText === undefined ? FIVE_DAY_WEEK : parseWorkWeekText(workweekText);
  if (!workweek) return fail((m) => m.badWorkweek(workweekText ?? ""));
  const holidaysFile = options.get("--holidays");
  return { calendar, workweek, ...(holidaysFile !== undefined ? { holidaysFile } : {}) };
}

export function parseArgs(argv: readonly string[]): Parsed {
  const scanned = scan(argv);
  if ("kind" in scanned) return scanned;
  const { options, maps, positionals, help, history } = scanned;
  if (help || argv.length === 0) return { kind: "help" };
  const [command, ...names] = positionals;
  if (!isCommand(command)) return fail((m) => m.unknownCommand(command ?? ""));
  const stray = [...options.keys()].find((option) => !OPTIONS_OF[command].includes(option));
  if (stray !== undefined) return fail((m) => m.unknownOption(stray));
  if (history && command !== "rollup") return fail((m) => m.unknownOption(HISTORY_FLAG));
  if (command === "calendar") return calendarCommand(options, names);
  if (command === "write" && names.length === 0) return fail((m) => m.noTemplates);
  if (command === "rollup" && names.length === 0) return fail((m) => m.noRepFiles);
  if (command === "next") return nextCommand(options, names);
  const unknown = command === "write" ? names.find((n) => templateOfCliName(n) === undefined) : command === "breakdown" ? names[0] : undefined;
  if (unknown !== undefined) return fail((m) => (command === "write" ? m.unknownTemplate(unknown) : m.unexpectedArgument(unknown)));
  const out = options.get("--out");
  if (out === undefined) return fail((m) => m.missingOut);
  const notXlsx = [out, ...(command === "rollup" ? names : [])].find((file) => !file.toLowerCase().endsWith(".xlsx"));
  if (notXlsx !== undefined) return fail((m) => (notXlsx === out ? m.notXlsx(out) : m.notRepWorkbook[notXlsxKind(notXlsx)](notXlsx)));
  const lang = options.get("--lang") ?? DEFAULT_LOCALE;
  if (!isLocale(lang)) return fail((m) => m.badLang(lang));
  if (command === "rollup") return rollupCommand(out, lang, names, history);
  if (command === "import") return importCommand(options, maps, names, out, lang);
  const planning = planningOptions(options);
  if ("kind" in planning) return planning;
  const { calendar, workweek, holidaysFile } = planning;
  if (command === "breakdown") return breakdownCommand(options, out, lang, calendar, workweek);

  const templates = [...new Set(names.flatMap((name) => templateOfCliName(name) ?? []))];
  const wantsAnnual = templates.includes("annual");
  const annualOnly = wantsAnnual ? undefined : ANNUAL_OPTIONS.find((option) => options.has(option));
  if (annualOnly !== undefined) return fail((m) => m.annualOnly(annualOnly));
  for (const [option, readers = []] of Object.entries(WRITE_OPTION_READERS)) {
    const names = readers.map((id) => TEMPLATES[id].cliName);
    if (options.has(option as ValueOption) && !readers.some((id) => templates.includes(id))) return fail((m) => m.optionUnread(option, names));
  }
  const annual = wantsAnnual ? annualArgs(options) : undefined;
  if (annual && "kind" in annual) return annual;
  const weekText = options.get("--week");
  const week = weekText === undefined ? undefined : weekOption(weekText);
  if (week && "kind" in week) return week;
  const monthText = options.get("--month");
  const month = monthText === undefined ? undefined : monthOption(monthText, templates.includes("monthly") ? MONTHLY_PLAN_MONTHS : MONTH_RANGE);
  if (month && "kind" in month) return month;
  // Without --year the annual plan is for the year of --month, which must be a whole supported year too.
  if (annual && annual.year === undefined && month && !yearInRange(month.year)) return fail((m) => m.annualYearOfMonth(month.year, YEAR_RANGE.first, YEAR_RANGE.last));
  return {
    kind: "write",
    templates,
    out,
    lang,
    rep: options.get("--rep") ?? "",
    ...(week ? { week } : {}),
    ...(month ? { month } : {}),
    calendar,
    workweek,
    ...(holidaysFile !== undefined ? { holidaysFile } : {}),
    ...(annual ? { annual } : {}),
  };
}
