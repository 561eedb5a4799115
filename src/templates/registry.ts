import { isoWeekMonday, serialFromYmd, ymdFromSerial } from "../domain/calendar";
import { monthAfter, weekAfter, type IsoWeek, type YearMonth } from "../domain/dateText";
import { MONTH_RANGE, monthBefore, type PeriodRange } from "../domain/periodRange";
import { HOLIDAY_KEY_LETTER, parseRecord, type ParsedRecord } from "../spec/naming";
import type { RecordTemplate } from "../spec/sheetSpec";

/**
 * Every template, once: what its records and keys say (id, key letter, version), its word on the
 * command line and its defaults. The ids, the gallery's and the command line's lists and the
 * record check are derived from here, so a template added here is everywhere or fails to compile.
 *
 * Why the spec does not hold this table: spec/ is the leaf builders and writers both depend on, so
 * it knows the record's grammar (`sales-planner:<id>:<role>:v<n>:<key>`) but not which templates
 * exist; the entries below are handed to its `freeKey`/`templateRecord`, and `readRecord` narrows
 * its `parseRecord` to the ids listed here.
 *
 * Why the builder is not in the entry: each builder reads its own entry (key letter, version, blank
 * rows), so an entry holding the builder would make registry and builders import each other;
 * `templates/index.ts` maps every `TemplateId` to its builder in a table the compiler makes complete.
 */

interface TemplateEntry extends Omit<RecordTemplate, "id"> {
  /** The word `sales-planner write <word>` takes. */
  readonly cliName: string;
  /** Blank rows left for the user to fill in: the default every front door and the builder use, and the form's ceiling (keeps one write well under Excel's limits). */
  readonly blankRows: { readonly initial: number; readonly max: number };
  /** The years whose holidays its working days depend on, for the periods it is written for (none for a register). */
  /** `year`: the year a yearly template (the annual plan) is for. */
  readonly calendarYears: (periods: { readonly week: IsoWeek; readonly month: YearMonth; readonly year: number }) => number[];
  /**
   * The templates whose tables it reads (a drop-down from a register, counts over the visit log): built
   * after those of the same request, so it finds theirs. Ids as text: the ids are this table's own keys.
   */
  readonly reads?: readonly string[];
}

/** A weekly plan counts working days in its week: its Monday's and its Sunday's years. */
export function weekYears({ year, week }: IsoWeek): number[] {
  const monday = isoWeekMonday(year, week);
  return [ymdFromSerial(monday).year, ymdFromSerial(monday + 6).year];
}

/** A monthly plan, in its month and the next, where its review falls due (the 3rd working day). */
export const monthYears = (month: YearMonth): number[] => [month.year, monthAfter(month).year];

/** The months a monthly plan can be for: its review falls due in the next month, which must be a supported month too. */
export const MONTHLY_PLAN_MONTHS: PeriodRange<YearMonth> = { first: MONTH_RANGE.first, last: monthBefore(MONTH_RANGE.last) };

/** `table` with each entry's key as its `id`, so the id is written once. */
const withIds = <T extends Record<string, object>>(table: T): { readonly [K in keyof T]: T[K] & { readonly id: K } } =>
  Object.fromEntries(Object.entries(table).map(([id, entry]) => [id, { id, ...entry }])) as { [K in keyof T]: T[K] & { readonly id: K } };

/** The templates a user chooses, in the order the gallery and the command line's help list them. */
export const TEMPLATES = withIds({
  // Its 客户拜访数 / 电话联系数 / 新客户开发数 actuals count the visit log when the workbook has one.
  weekly: { keyLetter: "W", version: 2, cliName: "weekly", blankRows: { initial: 5, max: 200 }, calendarYears: (p) => weekYears(p.week), reads: ["visits"] },
  monthly: { keyLetter: "M", version: 2, cliName: "monthly", blankRows: { initial: 10, max: 200 }, calendarYears: (p) => monthYears(p.month) },
  customers: { keyLetter: "C", version: 3, cliName: "customers", blankRows: { initial: 50, max: 5000 }, calendarYears: () => [] },
  // Reads the ledger by workbook names only (not in `reads`): built before a ledger of the same request, it names the key that ledger takes; the customer register likewise reads the visit log.
  contracts: { keyLetter: "K", version: 2, cliName: "contracts", blankRows: { initial: 50, max: 5000 }, calendarYears: () => [] },
  // A daily ledger: about a month of a sales office's events (15 a day over 20 working days) before rows need adding.
  ledger: { keyLetter: "L", version: 1, cliName: "ledger", blankRows: { initial: 300, max: 10000 }, calendarYears: () => [], reads: ["contracts"] },
  // A daily log: 200 rows hold a month of one rep's contacts at seed 003's 2 new + 3 old visits + 4 calls a day.
  visits: { keyLetter: "V", version: 1, cliName: "visits", blankRows: { initial: 200, max: 5000 }, calendarYears: () => [], reads: ["customers"] },
  // 工作日记: a row per rep and working day of a month, counted from the visit log; no blank rows (its rows are the
  // month's days). Its days are in its month, but the years are a monthly plan's: the form loads (and warns about) those for any month.
  diary: { keyLetter: "D", version: 1, cliName: "diary", blankRows: { initial: 0, max: 0 }, calendarYears: (p) => monthYears(p.month), reads: ["visits"] },
  // 年度销售计划: its months count working days in its own year only. No blank rows: its tables are the year's
  // twelve months, the team's reps, the three product classes and fixed lists (expenses, SWOT, staffing, training).
  annual: { keyLetter: "Y", version: 1, cliName: "annual", blankRows: { initial: 0, max: 0 }, calendarYears: (p) => [p.year] },
  // 项目跟踪表 (issue 15): one row per project; 合同编号 is a drop-down of the contract register's when there is one.
  projects: { keyLetter: "P", version: 1, cliName: "projects", blankRows: { initial: 50, max: 5000 }, calendarYears: () => [], reads: ["contracts"] },
  // 大客户开发计划 (seed 004): the plan and its units list; the blank rows are the list's (seed 004 names ten target units, 50 leave room to add).
  accounts: { keyLetter: "A", version: 1, cliName: "accounts", blankRows: { initial: 50, max: 2000 }, calendarYears: () => [] },
  // 大客户拜访报告 (seed 004): a row per visit to a key-account unit; its 日志记录 counts the visit log's rows of that day
  // for the unit, and the unit is picked from the key-accounts list when the workbook holds one.
  accountVisits: { keyLetter: "E", version: 1, cliName: "account-visits", blankRows: { initial: 50, max: 2000 }, calendarYears: () => [], reads: ["visits", "accounts"] },
  // 团购优惠明细 (seed 004): a row per deal; the unit is picked from the key-accounts list when the workbook holds one.
  groupDeals: { keyLetter: "G", version: 1, cliName: "group-deals", blankRows: { initial: 30, max: 2000 }, calendarYears: () => [], reads: ["accounts"] },
} as const satisfies Record<string, TemplateEntry>);

/**
 * Sheets the team layer writes — 团队汇总 (`teamSummary`) and 目标分解 (`breakdown`): records and keys
 * like any template, but nobody picks them from the gallery or `write`, so they have no entry there.
 */
export const TEAM_TEMPLATES = withIds({
  teamSummary: { keyLetter: "T", version: 2 },
  breakdown: { keyLetter: "B", version: 1 },
  // 团队历史 (issue 16): the roll-ups' snapshots, appended; "S" for snapshot.
  teamHistory: { keyLetter: "S", version: 1 },
} as const satisfies Record<string, Omit<RecordTemplate, "id">>);

/**
 * Sheets written once per workbook and shared by the templates: 节假日 (`holidays`), one sheet per year
 * whose key is `H<year>` rather than the next free counter, so every template finds a year's table by name.
 */
export const SHARED_TEMPLATES = withIds({
  holidays: { keyLetter: HOLIDAY_KEY_LETTER, version: 1 },
} as const satisfies Record<string, Omit<RecordTemplate, "id">>);

/**
 * Sheets an import writes beside the register it fills — 导入复核 (`importReview`): the duplicate groups and
 * unreadable cells the command line leaves to the user. Records and keys like any template; not in the gallery.
 */
export const IMPORT_TEMPLATES = withIds({
  importReview: { keyLetter: "R", version: 1 },
} as const satisfies Record<string, Omit<RecordTemplate, "id">>);

export type TemplateId = keyof typeof TEMPLATES;
export type TeamTemplateId = keyof typeof TEAM_TEMPLATES;
export type SharedTemplateId = keyof typeof SHARED_TEMPLATES;
export type ImportTemplateId = keyof typeof IMPORT_TEMPLATES;
/** Every template id a template record can carry. */
export type RecordTemplateId = TemplateId | TeamTemplateId | SharedTemplateId | ImportTemplateId;

export const TEMPLATE_IDS = Object.keys(TEMPLATES) as TemplateId[];

export const RECORD_TEMPLATES: Readonly<Record<RecordTemplateId, RecordTemplate>> = { ...TEMPLATES, ...TEAM_TEMPLATES, ...SHARED_TEMPLATES, ...IMPORT_TEMPLATES };

const RECORD_IDS: ReadonlySet<string> = new Set(Object.keys(RECORD_TEMPLATES));
const isRecordTemplateId = (id: string): id is RecordTemplateId => RECORD_IDS.has(id);

/** A record value written by `templateRecord` for one of the templates above; undefined for anything else. */
export function readRecord(value: unknown): ParsedRecord<RecordTemplateId> | undefined {
  const record = parseRecord(value);
  return record && isRecordTemplateId(record.template) ? { ...record, template: record.template } : undefined;
}

/** The template `sales-planner write <word>` names, if any. */
export const templateOfCliName = (word: string): TemplateId | undefined => TEMPLATE_IDS.find((id) => TEMPLATES[id].cliName === word);

/** The words `sales-planner write` takes, in the gallery's order. */
export const CLI_NAMES: readonly string[] = TEMPLATE_IDS.map((id) => TEMPLATES[id].cliName);

/**
 * The periods a request is for when the user names none: the same in the pane, on the command line
 * and for the team's plans (with `TEMPLATES[id].blankRows.initial`, every default a request has).
 */
export interface DefaultPeriods {
  /** Plans are for the coming week and month: reps fill next week's plan before it starts. */
  readonly week: IsoWeek;
  readonly month: YearMonth;
  /** Statistics start with this year. */
  readonly statsYear: number;
}

export function defaultPeriods(today: Date): DefaultPeriods {
  const year = today.getFullYear();
  const month = today.getMonth() + 1;
  return { week: weekAfter(serialFromYmd(year, month, today.getDate())), month: monthAfter({ year, month }), statsYear: year };
}

