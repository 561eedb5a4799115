import { unlinkSync } from "node:fs";
import { access, lstat, readFile, readlink, rename, stat, unlink, writeFile } from "node:fs/promises";
import { dirname, join, basename } from "node:path";
import { isoWeekMonday, serialFromYmd, type WorkCalendar, type WorkWeek } from "../domain/calendar";
import { CHINA_CALENDAR, chinaDates, isChinaYearCovered, planningCalendar, type PlanningCalendar } from "../domain/chinaCalendar";
import { parseHolidayNotice } from "../domain/holidayNotice";
import { DomainError } from "../domain/errors";
import { CodedError } from "../contract/codedError";
import { LOCALES, localize, type Locale } from "../contract/locale";
import { buildTemplates, type RequestOf, type TemplateRequest } from "../templates";
import { defaultPeriods, monthYears, TEMPLATES, weekYears, type TemplateId } from "../templates/registry";
import { holidayTableYear, NO_NAMES } from "../spec/naming";
import type { ExistingNames } from "../spec/sheetSpec";
import { addSheets, inspectPackage, inspectXlsx, writeXlsx } from "../writers/xlsx";
import { parseArgs, type AnnualArgs, type BreakdownCommand, type CalendarChoice, type CalendarNoticeCommand, type ImportCommand, type NextCommand, type PlanArgs, type RollupCommand, type WriteCommand } from "./args";
import { nextPlanInFile } from "../writers/xlsx/team/nextPlanFile";
import { NextPlanError } from "../templates/team/nextPlan";
import { TemplateError } from "../templates/errors";
import { mergePlanInputs } from "./planInput";
import { buildReviewSheet, byHeaders, emptyRegisterRequest, headersByKey, registerLocale, sourceHeaders, decodeText, ImportError, importFields, overrideMapping, parseCsv, planImport, proposeMapping, problemText, registerTable, logRegisterTable, resolveImport, type ExistingRegister, type ImportPlan, type SourceGrid } from "../import";
import { definedNames, XlsxPackage } from "../writers/ooxml";
import { appendTableRows, readTableContents } from "../writers/ooxml/appendRows";
import { readSourceGrid } from "../writers/xlsx/sourceGrid";
import { formatDateList, parseDateList, type DateLists, type YearMonth } from "../domain/dateText";
import { CLI_MESSAGES, HELP, type CliMessages } from "./messages";
import { annualInputMessages, annualItemName, BreakdownError, planStatus, readAnnualInput, type AnnualInputFile, type BreakdownInput } from "../team";
import { buildBreakdownSpecs, planRemarks, type PlanChoice } from "../templates/team";
import { diaryReps } from "../templates/workDiary";
import { blankAnnualOptions, type AnnualPlanOptions } from "../templates/annualPlan";
import { rollupWorkbooks } from "../writers/xlsx/team/rollupFiles";
import { FileRefusedError, refusalBySize, refusedFile, type SkippedFile } from "../writers/ooxml/fileCheck";
import { lockOut, type OutLock } from "./outLock";
import { cleanUpOnSignal } from "./onSignal";

/** The `sales-planner` command line. Exit codes: 0 ok, 1 runtime failure, 2 bad usage. */

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): Promise<Uint8Array>;
  /** All of standard input (`-` in place of a file). */
  readStdin(): Promise<Uint8Array>;
  /** Must replace the file atomically: a failed write never leaves a half-written workbook, nor a temporary file. */
  writeFile(path: string, data: Uint8Array): Promise<void>;
  /** Holds the output `path` for this run (outLock.ts), or says which lock file another run holds it by. */
  lock(path: string): Promise<OutLock>;
  exists(path: string): Promise<boolean>;
  /** What is at `path` itself (a symbolic link is not followed); "missing" when nothing is. */
  entry(path: string): Promise<OutEntry>;
  /** The file `path` resolves to, as device and inode (links followed), or undefined if there is none. */
  identity(path: string): Promise<string | undefined>;
}

export type OutEntry =
  | { readonly kind: "missing" }
  | { readonly kind: "file"; readonly readOnly: boolean; readonly bytes: number }
  | { readonly kind: "symlink"; readonly target: string }
  | { readonly kind: "other" };

export const nodeIo: CliIo = {
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
  readFile: async (path) => new Uint8Array(await readFile(path)),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return new Uint8Array(Buffer.concat(chunks));
  },
  writeFile: async (path, data) => {
    const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
    const forget = cleanUpOnSignal(() => unlinkSync(temp));
    try {
      await writeFile(temp, data);
      await rename(temp, path);
    } catch (error) {
      // Half written (a full disk) or never renamed: the temporary file is ours to remove, whatever failed.
      await unlink(temp).catch(() => undefined);
      throw error;
    } finally {
      forget();
    }
  },
  lock: lockOut,
  exists: (path) =>
    access(path).then(
      () => true,
      () => false,
    ),
  entry: async (path) => {
    const found = await lstat(path).catch(() => undefined);
    if (!found) return { kind: "missing" };
    if (found.isSymbolicLink()) return { kind: "symlink", target: await readlink(path) };
    // The mode bits, not access(W_OK): root may write anything, yet a file marked read-only is the user's "keep".
    if (found.isFile()) return { kind: "file", readOnly: (found.mode & 0o222) === 0, bytes: found.size };
    return { kind: "other" };
  },
  identity: (path) =>
    stat(path).then(
      (found) => `${found.dev}:${found.ino}`,
      () => undefined,
    ),
};

const EXIT_OK = 0;
const EXIT_FAILURE = 1;
const EXIT_USAGE = 2;

/** Errors are printed in both languages: the user may not have said which one they read. */
const inBoth = (words: (locale: Locale) => string): string => LOCALES.map(words).join("\n");
const bilingual = (message: (m: CliMessages, locale: Locale) => string): string => inBoth((l) => message(CLI_MESSAGES[l], l));

/** A failure the command line words itself, and the exit code it ends with. */
class CliError extends CodedError<"usage" | "failure"> {
  constructor(
    readonly exitCode: number,
    render: (m: CliMessages, locale: Locale) => string,
  ) {
    super(exitCode === EXIT_USAGE ? "usage" : "failure", (l) => render(CLI_MESSAGES[l], l));
    this.name = "CliError";
  }
}

/** What went wrong, in `locale` where the error has words of its own (every CodedError), else as thrown. */
const reason = (error: unknown, locale: Locale): string =>
  error instanceof CodedError ? error.localized(locale) : error instanceof Error ? error.message : String(error);

async function readHolidays(file: string, io: CliIo): Promise<DateLists> {
  const text = await io.readFile(file).then(
    (bytes) => new TextDecoder().decode(bytes),
    (error: unknown) => {
      throw new CliError(EXIT_FAILURE, (m, l) => m.cannotRead(file, reason(error, l)));
    },
  );
  const parsed = parseDateList(text);
  if (!parsed.ok) throw new CliError(EXIT_USAGE, (m) => m.badHolidayLine(file, parsed.line, parsed.text));
  return parsed;
}

const NO_DATES: DateLists = { holidays: [], makeUpDays: [] };

/**
 * `--calendar cn` (default): China's built-in days of `years` under the user's `--holidays` lines;
 * `none`: the user's lines alone. A year the built-in data lacks is `uncovered` unless the user's file
 * has a date in it — then the user has supplied that year, and the calendar is theirs.
 */
async function loadCalendar(command: CalendarOptions, io: CliIo, years: readonly number[]): Promise<PlanningCalendar> {
  return planWith(await userDates(command, io), command, years);
}

type CalendarOptions = { readonly calendar: CalendarChoice; readonly workweek: WorkWeek; readonly holidaysFile?: string };

/** The user's `--holidays` lines (none without the option). */
const userDates = (command: CalendarOptions, io: CliIo): Promise<DateLists> => (command.holidaysFile === undefined ? Promise.resolve(NO_DATES) : readHolidays(command.holidaysFile, io));

/** `loadCalendar` once the user's lines are read: for a command that learns its years only from the workbook (`next`). */
function planWith(user: DateLists, command: CalendarOptions, years: readonly number[]): PlanningCalendar {
  const file = command.holidaysFile;
  try {
    return planningCalendar(user, command.calendar === "cn", years, command.workweek);
  } catch (error) {
    // Only the user's lines can clash (a date both off and worked); the built-in data is checked when generated.
    if (file === undefined) throw error;
    throw new CliError(EXIT_USAGE, (m, l) => m.badHolidays(file, reason(error, l)));
  }
}

/** Cells of the workbook's 节假日 tables that hold no date are named on stderr: a typo there is not taken for "no holiday" unseen. */
function warnNotDates(io: CliIo, names: ExistingNames, locale: Locale): void {
  for (const { table, notDates } of names.holidayTables ?? []) if (notDates) io.stderr(CLI_MESSAGES[locale].notDates(table, notDates));
}

/**
 * Years a past-the-data period falls in are named on stderr, with the way to add them, rather than
 * passed off as plain weeks — except a year the workbook has a 节假日 table for: the write plans that
 * year with the table (the dates a user typed or supplied when it was written), not with plain weeks.
 */
function warnUncovered(io: CliIo, uncovered: readonly number[], names: ExistingNames, locale: Locale): void {
  const tabled = new Set((names.holidayTables ?? []).map((t) => holidayTableYear(t.table)));
  const missing = uncovered.filter((year) => !tabled.has(year));
  if (missing.length > 0) io.stderr(CLI_MESSAGES[locale].uncoveredYears(missing, CHINA_CALENDAR.firstYear, CHINA_CALENDAR.lastYear));
}

/** The given ISO week, or the default one (registry); a week that does not exist (2026-W54) is a usage error. */
function weekOf(given: { readonly year: number; readonly week: number } | undefined, now: Date): { year: number; week: number } {
  const week = given ?? defaultPeriods(now).week;
  try {
    isoWeekMonday(week.year, week.week);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    throw new CliError(EXIT_USAGE, (m) => m.badWeek(`${week.year}-W${week.week}`, error.text));
  }
  return week;
}

/** What `write` knows for every template it writes: the arguments, else the registry's defaults. */
interface WriteInput {
  readonly rep: string;
  readonly week: { readonly year: number; readonly week: number };
  readonly month: { readonly year: number; readonly month: number };
  readonly statsYear: number;
  readonly annual: AnnualPlanOptions;
  readonly calendar: WorkCalendar;
  readonly blankRows: number;
}

/** Each template's request from the command line's arguments. */
const REQUEST: { readonly [K in TemplateId]: (input: WriteInput) => RequestOf<K> } = {
  weekly: ({ rep, week, calendar, blankRows }) => ({ template: "weekly", options: { rep, year: week.year, week: week.week, calendar, blankRows } }),
  monthly: ({ rep, month, calendar, blankRows }) => ({ template: "monthly", options: { rep, year: month.year, month: month.month, calendar, blankRows } }),
  customers: ({ blankRows }) => ({ template: "customers", options: { blankRows } }),
  contracts: ({ statsYear, blankRows }) => ({ template: "contracts", options: { statsYear, blankRows } }),
  ledger: ({ blankRows }) => ({ template: "ledger", options: { blankRows } }),
  visits: ({ blankRows }) => ({ template: "visits", options: { blankRows } }),
  diary: ({ rep, month, calendar }) => ({ template: "diary", options: { reps: diaryReps(rep), year: month.year, month: month.month, calendar } }),
  annual: ({ annual }) => ({ template: "annual", options: annual }),
  accounts: ({ blankRows }) => ({ template: "accounts", options: { blankRows } }),
  projects: ({ blankRows }) => ({ template: "projects", options: { blankRows } }),
  accountVisits: ({ blankRows }) => ({ template: "accountVisits", options: { blankRows } }),
  groupDeals: ({ blankRows }) => ({ template: "groupDeals", options: { blankRows } }),
};

/**
 * The periods `write` fills in; the contract statistics start with the year of --month when it is given,
 * and the annual plan is for --year, else that same year (the pane's year field starts there too).
 */
function writePeriods(command: WriteCommand, now: Date): { week: { year: number; week: number }; month: YearMonth; statsYear: number; year: number } {
  const statsYear = command.month?.year ?? defaultPeriods(now).statsYear;
  return {
    week: weekOf(command.week, now),
    month: command.month ?? defaultPeriods(now).month,
    statsYear,
    year: command.annual?.year ?? statsYear,
  };
}

/** No year-split option given: what a `write` without `annual` (or a bare `write annual`) has. */
const NO_PLAN_ARGS: PlanArgs = { holds: [], starts: [], monthHolds: [] };

/**
 * The annual plan's options: `--input`'s items under the options given. Without either, last year is
 * left blank for the manager to type into the sheet, as the pane's untouched form leaves it.
 */
function annualOptions(args: AnnualArgs | undefined, file: AnnualInputFile, year: number, calendar: WorkCalendar): AnnualPlanOptions {
  const merged = mergedInputs(file, args ?? NO_PLAN_ARGS);
  const growth = args?.growth ?? merged.growth;
  const target = args?.target ?? merged.target;
  const expenseCap = args?.expenseCap ?? merged.expenseCap;
  return {
    // Without last year's months, the blank plan the pane writes too: split by working days.
    ...blankAnnualOptions(year, calendar),
    ...(merged.lastYear ? { lastYear: merged.lastYear, split: "lastYear" } : {}),
    reps: merged.reps,
    ...(growth !== undefined ? { growth } : {}),
    ...(target !== undefined && target !== null ? { target } : {}),
    ...(merged.split ? { split: merged.split } : {}),
    ...(merged.monthHolds ? { monthHolds: merged.monthHolds } : {}),
    ...(merged.productRatios ? { productRatios: merged.productRatios } : {}),
    ...(merged.unit !== undefined ? { unit: merged.unit } : {}),
    ...(expenseCap !== undefined ? { expenseCap } : {}),
  };
}

/** The requests `write` builds; `annualFile` holds the items of `write annual --input FILE`. */
export function writeRequests(command: WriteCommand, calendar: WorkCalendar, now: Date, annualFile: AnnualInputFile = { reps: [] }): TemplateRequest[] {
  const periods = writePeriods(command, now);
  const annual = annualOptions(command.annual, annualFile, periods.year, calendar);
  return command.templates.map((template) => REQUEST[template]({ rep: command.rep, ...periods, annual, calendar, blankRows: TEMPLATES[template].blankRows.initial }));
}

/** The years whose holidays the templates `write` writes count working days in (registers count none). */
/** The years `write` loads the calendar for: those the chosen templates count working days in. */
export function writeYears(command: WriteCommand, now: Date): number[] {
  return command.templates.flatMap((id) => TEMPLATES[id].calendarYears(writePeriods(command, now)));
}

const readOrFail = (io: CliIo, file: string): Promise<Uint8Array> =>
  io.readFile(file).catch((error: unknown) => {
    throw new CliError(EXIT_FAILURE, (m, l) => m.cannotRead(file, reason(error, l)));
  });

/**
 * The workbook at `out` if there is one: every command adds to it rather than replace it. It is checked
 * like a rep's file first (fileCheck.ts): an encrypted, macro-enabled or oversized workbook is not opened.
 */
async function existingOut(io: CliIo, out: string): Promise<Uint8Array | undefined> {
  if (!(await io.exists(out))) return undefined;
  const data = await readOrFail(io, out);
  const refused = await refusedFile(out, data);
  if (refused) throw new CliError(EXIT_FAILURE, (_m, l) => refused.localized(l));
  return data;
}

async function write(command: WriteCommand, io: CliIo, now: Date): Promise<string> {
  const { calendar, uncovered } = await loadCalendar(command, io, writeYears(command, now));
  const wanted = writeRequests(command, calendar, now, await planInputFile(command.annual?.input, io));
  const existing = await existingOut(io, command.out);
  const names = existing ? await inspectXlsx(existing) : NO_NAMES;
  // The annual plan's builder computes the plan: a plan that cannot be made is refused with its issues, nothing written.
  const specs = refusedIfInvalid(() => buildTemplates(wanted, { locale: command.lang, existing: names }));
  await io.writeFile(command.out, await writeXlsx(specs, existing));
  warnUncovered(io, uncovered, names, command.lang);
  warnNotDates(io, names, command.lang);
  return CLI_MESSAGES[command.lang].wrote(command.out, specs.map((s) => s.name));
}

/** The breakdown's own year and its plans' (a weekly plan's week may lie outside the period). */
function breakdownYears(period: BreakdownCommand["period"], plans: PlanChoice | undefined): number[] {
  if (plans?.template === "weekly") return [period.year, ...weekYears(plans)];
  // The command line always names the month of a yearly breakdown's plans; December, the widest reach, if not.
  if (plans?.template === "monthly") return [period.year, ...monthYears({ year: period.year, month: plans.month ?? (period.kind === "month" ? period.month : 12) })];
  return [period.year];
}

/** The items of `--input FILE` (a CSV in UTF-8 or GB18030, as Excel saves it); none without `--input`. Unreadable rows are refused, all at once. */
async function planInputFile(file: string | undefined, io: CliIo): Promise<AnnualInputFile> {
  if (file === undefined) return { reps: [] };
  const { input, problems } = readAnnualInput(parseCsv(decodeText(await readOrFail(io, file)).text));
  if (problems.length > 0) throw new CliError(EXIT_USAGE, (m, l) => m.annualInputInvalid(file, annualInputMessages(problems, l)));
  return input;
}

/** The file's items under the command line's options (planInput.ts); a --hold or --start naming no rep is refused. */
function mergedInputs(file: AnnualInputFile, args: PlanArgs): AnnualInputFile {
  const merged = mergePlanInputs(file, args);
  if ("unknownRep" in merged) throw new CliError(EXIT_USAGE, (m) => m.notInReps(merged.unknownRep.option, merged.unknownRep.rep));
  return merged.input;
}

/**
 * A BreakdownError from the plan's own checks, refused with its issues in both languages; a TemplateError
 * (the workbook's headers too long for a formula) with its words: what the user's input or workbook must change.
 */
function refusedIfInvalid<T>(compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (error instanceof BreakdownError) throw new CliError(EXIT_USAGE, (m) => m.breakdownInvalid(error.issues));
    if (error instanceof TemplateError) throw new CliError(EXIT_USAGE, (_m, l) => error.localized(l));
    throw error;
  }
}

/**
 * The breakdown's input: a month takes the target, the reps, holds and the unit; a year also how its
 * months are split (last year's when its months are given, else working days), month holds and starts.
 */
function breakdownInput(command: BreakdownCommand, file: AnnualInputFile, calendar: WorkCalendar): BreakdownInput {
  const input = command.input ?? "";
  const annualOnly = (["growth", "expenseCap"] as const).filter((item) => file[item] !== undefined);
  if (annualOnly.length > 0) throw new CliError(EXIT_USAGE, (m, l) => m.notForBreakdown(input, annualOnly.map((item) => annualItemName(item, l))));
  const merged = mergedInputs(file, command);
  const target = command.target ?? merged.target;
  if (target === undefined || target === null) throw new CliError(EXIT_USAGE, (m, l) => m.missingFromInput("--target", annualItemName("target", l), input));
  if (command.reps === undefined && merged.reps.length === 0) throw new CliError(EXIT_USAGE, (m, l) => m.missingFromInput("--reps", annualItemName("rep", l), input));
  const common = { target, period: command.period, reps: merged.reps, calendar, ...(merged.productRatios ? { productRatios: merged.productRatios } : {}), ...(merged.unit !== undefined ? { unit: merged.unit } : {}) };
  if (command.period.kind === "month") return common;
  const split = merged.split ?? (merged.lastYear ? "lastYear" : "workdays");
  if (split === "lastYear" && !merged.lastYear) throw new CliError(EXIT_USAGE, (m) => m.splitNeedsLastYear);
  // Given but not used: a breakdown has no 同比 to show them in, so say so rather than drop them.
  if (split === "workdays" && merged.lastYear) throw new CliError(EXIT_USAGE, (m) => m.lastYearUnused);
  return {
    ...common,
    split: split === "lastYear" && merged.lastYear ? { kind: "lastYear", months: merged.lastYear } : { kind: "workdays" },
    ...(merged.monthHolds ? { monthHolds: merged.monthHolds } : {}),
  };
}

async function breakdown(command: BreakdownCommand, io: CliIo): Promise<string> {
  const plans: PlanChoice | undefined =
    command.plans?.template === "weekly"
      ? { template: "weekly", ...command.plans.week }
      : command.plans && { template: "monthly", ...(command.plans.month !== undefined ? { month: command.plans.month } : {}) };
  const { calendar, uncovered } = await loadCalendar(command, io, breakdownYears(command.period, plans));
  const input = breakdownInput(command, await planInputFile(command.input, io), calendar);
  const existing = await existingOut(io, command.out);
  const names = existing ? await inspectXlsx(existing) : NO_NAMES;
  const specs = refusedIfInvalid(() => buildBreakdownSpecs(input, plans, { locale: command.lang, existing: names }));
  await io.writeFile(command.out, await writeXlsx(specs, existing));
  warnUncovered(io, uncovered, names, command.lang);
  warnNotDates(io, names, command.lang);
  return CLI_MESSAGES[command.lang].wrote(command.out, specs.map((s) => s.name));
}

/** `calendar show`: the built-in dates of a year, in the lines `--holidays` reads. */
function calendarShow(year: number): string {
  if (!isChinaYearCovered(year)) throw new CliError(EXIT_USAGE, (m) => m.yearNotCovered(year, CHINA_CALENDAR.firstYear, CHINA_CALENDAR.lastYear));
  return formatDateList(chinaDates(year, year));
}

/**
 * `calendar parse-notice`: the dates read go to stdout as holiday lines even when a sentence was not
 * read, so the user can redirect them to a file and add the rest by hand; every sentence not read is
 * named on stderr and the exit code is 2, so a script (`… > holidays.txt && sales-planner write …`)
 * stops rather than plan with half a schedule. Days the notice only encourages employers to give are
 * named too, without changing the exit code.
 */
async function calendarNotice(command: CalendarNoticeCommand, io: CliIo): Promise<number> {
  const bytes = await (command.file === "-" ? io.readStdin() : io.readFile(command.file)).catch((error: unknown) => {
    throw new CliError(EXIT_FAILURE, (m, l) => m.cannotRead(command.file, reason(error, l)));
  });
  const text = (() => {
    try {
      return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      throw new CliError(EXIT_USAGE, (m) => m.notUtf8(command.file));
    }
  })();
  const parsed = parseHolidayNotice(text, command.year);
  const lines = formatDateList(parsed);
  if (lines !== "") io.stdout(lines);
  const notes = [...parsed.advisories, ...parsed.problems];
  if (notes.length > 0) io.stderr(inBoth((l) => notes.map((note) => localize(note.message, l)).join("\n")));
  return parsed.problems.length > 0 ? EXIT_USAGE : EXIT_OK;
}

/**
 * The output is replaced atomically (a new file renamed over it), so whatever stands at `out` goes:
 * never a file the user marked read-only, and never a symbolic link — neither replaced by a plain
 * file nor followed into the file it points to. Checked before anything is read or written.
 */
async function checkOut(io: CliIo, out: string): Promise<void> {
  const folder = dirname(out);
  const at = await io.entry(folder);
  if (at.kind === "missing") throw new CliError(EXIT_FAILURE, (m) => m.outFolderMissing(folder));
  if (at.kind === "file") throw new CliError(EXIT_FAILURE, (m) => m.outFolderNotFolder(folder));
  const entry = await io.entry(out);
  if (entry.kind === "symlink") throw new CliError(EXIT_FAILURE, (m) => m.outSymlink(out, entry.target));
  if (entry.kind === "other") throw new CliError(EXIT_FAILURE, (m) => m.outNotFile(out));
  if (entry.kind === "file" && entry.readOnly) throw new CliError(EXIT_FAILURE, (m) => m.outReadOnly(out));
}

/** The system's answers to creating a file in a folder that is gone, not ours to write, or on a read-only disk. */
const FOLDER_ERRORS: ReadonlySet<string> = new Set(["ENOENT", "ENOTDIR", "EACCES", "EPERM", "EROFS"]);

/** `rollup --out X ./X`, or a hard link or symlink to X among the inputs: the same file, however spelt. */
async function checkOutNotInput(io: CliIo, out: string, files: readonly string[]): Promise<void> {
  const outFile = await io.identity(out);
  if (outFile === undefined) return;
  for (const file of files) {
    if ((await io.identity(file)) === outFile) throw new CliError(EXIT_USAGE, (m) => m.outIsInput(file));
  }
}

async function rollup(command: RollupCommand, io: CliIo, now: Date): Promise<string> {
  await checkOutNotInput(io, command.out, command.files);
  const base = await existingOut(io, command.out);
  const reps = [];
  // A file too big to be a workbook is refused on its size, before it is read into memory at all.
  const tooBig: SkippedFile[] = [];
  for (const file of command.files) {
    const at = await io.entry(file);
    const refusal = at.kind === "file" ? refusalBySize(at.bytes) : undefined;
    if (refusal) tooBig.push(new FileRefusedError(file, refusal));
    else reps.push({ file, data: await readOrFail(io, file) });
  }
  const report = await rollupWorkbooks(base, reps, command.lang, command.history ? { recorded: serialFromYmd(now.getFullYear(), now.getMonth() + 1, now.getDate()) } : undefined).catch((error: unknown) => {
    throw new CliError(EXIT_FAILURE, (m, l) => m.failed(reason(error, l)));
  });
  // A refused file is left out, the others are rolled up; with none left there is nothing to write.
  const refused = [...tooBig, ...report.refused];
  const refusals = refused.map((error) => inBoth((l) => error.localized(l))).join("\n");
  if (refused.length === command.files.length) throw new CliError(EXIT_FAILURE, () => refusals);
  if (refusals) io.stderr(refusals);
  await io.writeFile(command.out, report.data);
  const m = CLI_MESSAGES[command.lang];
  return [
    m.rolledUp(command.out, report.plans.length, report.summarySheet),
    ...(report.outdated !== undefined ? [m.outdatedSummary(report.outdated, report.summarySheet)] : []),
    ...(report.rebuilt ? [m.summaryRebuilt(report.summarySheet)] : []),
    ...(report.projects ? [m.projectsListed(report.projects.table, report.projects.reps)] : []),
    ...(report.unlistedTracker ? [m.projectsUnlisted(report.unlistedTracker)] : []),
    ...(report.history === undefined ? [] : [report.history ? m.historyRecorded(report.history.sheet, report.history.recorded, report.history.replaced, report.history.created) : m.historyNothing]),
    ...report.copied.map((c) => m.copiedPlan(c.file, c.fromSheet, c.toSheet)),
    ...report.alreadyHeld.map((h) => m.alreadyCollected(h.file, h.sheet)),
    ...report.withoutPlans.map(m.withoutPlans),
    ...report.plans.filter((plan) => planStatus(plan) !== "ok").map((plan) => m.needsAttention(plan.sheet, planRemarks(plan, command.lang))),
  ].join("\n");
}

/** The source list as a grid: a CSV in UTF-8 or GB18030 (detected), or a sheet of an .xlsx. */
async function importSource(command: ImportCommand, io: CliIo): Promise<SourceGrid> {
  const bytes = await readOrFail(io, command.from);
  if (!command.from.toLowerCase().endsWith(".csv")) {
    return readSourceGrid(bytes, command.sheet, command.from).then(
      (read) => read.grid,
      (error: unknown) => {
        throw new CliError(EXIT_FAILURE, (m, l) => m.cannotRead(command.from, reason(error, l)));
      },
    );
  }
  if (command.sheet !== undefined) throw new CliError(EXIT_USAGE, (m) => m.sheetWithCsv(command.from));
  return parseCsv(decodeText(bytes).text);
}

/** Problems printed on the terminal; all of them are on the review sheet. */
const PRINTED_PROBLEMS = 50;

/** What `import` prints: the mapping used (onto the register's headers as it has them), the columns left out, the cells not read. */
function importReport(plan: ImportPlan, locale: Locale, tableHeaders: readonly string[]): string[] {
  const m = CLI_MESSAGES[locale];
  const columns = headersByKey(plan.kind, tableHeaders);
  const fields = new Map(importFields(plan.kind, registerLocale(plan.kind, tableHeaders)).map((f) => [f.key, f]));
  const target = (key: string): string => {
    const field = fields.get(key);
    // 统一社会信用代码 has no column of its own: it is checked for duplicates and kept in 备注.
    return columns.get(key) ?? (field?.into !== undefined ? m.intoColumn(field.header, columns.get(field.into) ?? field.into) : (field?.header ?? key));
  };
  const lines = [m.importMapping(plan.headers.flatMap((header, i) => { const key = plan.mapping.targets[i]; return key === undefined ? [] : [m.mappingLine(header, target(key))]; }))];
  if (plan.unmapped.length > 0) lines.push(m.unmapped(plan.unmapped));
  if (plan.problems.length > 0) {
    lines.push(m.problemsHeader(plan.problems.length));
    lines.push(...plan.problems.slice(0, PRINTED_PROBLEMS).map((p) => `  ${problemText(p, locale)}`));
    if (plan.problems.length > PRINTED_PROBLEMS) lines.push(m.moreProblems(plan.problems.length - PRINTED_PROBLEMS));
  }
  return lines;
}

/** Table `table` of `pkg` as a register, read for the duplicate check (none without a table). */
async function readRegister(pkg: XlsxPackage, table: string | undefined): Promise<ExistingRegister | undefined> {
  return table === undefined ? undefined : { table, ...(await readTableContents(pkg, table)) };
}

/**
 * `import`: the list appended under the workbook's register of that kind — or under a new one, written
 * empty first, so that both cases append the same way (the package patch, ooxml/appendRows.ts: exceljs
 * renders 50 000 rows in about a minute, the patch in seconds). Rows that look like duplicates are held
 * back and listed, with every unreadable cell, on a 导入复核 sheet: the command line does not decide. The
 * workbook is replaced in one rename at the end, so a failure leaves it as it was.
 */
async function importList(command: ImportCommand, io: CliIo, now: Date): Promise<string> {
  const { target: kind, lang } = command;
  const m = CLI_MESSAGES[lang];
  const grid = await importSource(command, io);
  const mapping = (() => {
    try {
      return overrideMapping(kind, grid, proposeMapping(kind, grid), command.map);
    } catch (error) {
      if (error instanceof ImportError) throw new CliError(EXIT_USAGE, (_m, l) => error.localized(l));
      throw error;
    }
  })();
  // Importing a workbook into itself would change the source, which an import never does.
  await checkOutNotInput(io, command.out, [command.from]);
  if (mapping.targets.every((target) => target === undefined)) throw new CliError(EXIT_USAGE, (msg) => msg.noColumnMatched(sourceHeaders(grid, mapping)));
  const before = await existingOut(io, command.out);
  const names = before ? await inspectXlsx(before) : NO_NAMES;
  const created = registerTable(kind, names) === undefined ? buildTemplates([emptyRegisterRequest(kind, defaultPeriods(now).statsYear)], { locale: lang, existing: names }) : [];
  const pkg = await XlsxPackage.load(created.length > 0 ? await writeXlsx(created, before) : (before ?? new Uint8Array()));
  const withCreated: ExistingNames = { ...names, tables: [...names.tables, ...created.flatMap((spec) => spec.tables.map((t) => t.name))] };
  const register = await readRegister(pkg, registerTable(kind, withCreated));
  if (register === undefined) throw new Error(`no ${kind} register in the workbook after writing one`);
  // Visits take their IDs from the register the log's formulas read (its SP_V<n>_REGISTER_ID).
  const workbookNames = kind === "visits" ? definedNames(await pkg.workbookXml()).flatMap((n) => (n.localSheetId === undefined ? [{ name: n.name, formula: n.reference }] : [])) : [];
  const customers = kind === "visits" ? await readRegister(pkg, logRegisterTable(register.table, workbookNames, withCreated)) : undefined;
  const locale = registerLocale(kind, register.headers);
  const plan = planImport(kind, grid, mapping, { locale, register, ...(customers ? { customers } : {}) });
  io.stderr(importReport(plan, lang, register.headers).join("\n"));
  if (plan.unplaced.length > 0) throw new CliError(EXIT_USAGE, (msg) => msg.unplacedColumns(register.sheet, plan.unplaced.map((p) => msg.mappingLine(p.source, p.target))));
  if (plan.missingKeys.length > 0) throw new CliError(EXIT_USAGE, (msg) => msg.missingKeys(plan.missingKeys));
  if (plan.rows.length === 0) throw new CliError(EXIT_FAILURE, (msg) => msg.nothingToImport(command.from));
  const decided = resolveImport(plan, () => "hold");
  const result = await appendTableRows(pkg, { table: register.table, rows: byHeaders(kind, register.headers, decided).rows });
  const lines = [...(created.length > 0 ? [m.createdRegister(created[0].name)] : []), m.imported(result.appended, register.table, register.sheet, command.out)];
  if (decided.held.length > 0 || plan.problems.length > 0) {
    const review = buildReviewSheet(plan, decided.held, register.sheet, lang, await inspectPackage(pkg));
    await addSheets(pkg, [review]);
    lines.push(decided.held.length > 0 ? m.heldForReview(decided.held.length, decided.held.reduce((n, g) => n + g.imported.length, 0), review.name) : m.problemsListed(review.name));
  }
  await io.writeFile(command.out, await pkg.save());
  return lines.join("\n");
}


/**
 * `next`: the next period's plan added to the workbook (`--in`, or a new file `--out`, never an existing
 * other file: that would replace it), planned as `write` plans (`--calendar`, `--workweek`, `--holidays`;
 * the workbook's 节假日 tables win for their years). A next plan already there is reported, nothing written.
 */
async function next(command: NextCommand, io: CliIo): Promise<string> {
  const sameFile = command.out === command.in || ((await io.identity(command.out)) !== undefined && (await io.identity(command.out)) === (await io.identity(command.in)));
  if (!sameFile && (await io.exists(command.out))) throw new CliError(EXIT_USAGE, (m) => m.nextOutExists(command.out));
  const data = await readOrFail(io, command.in);
  const refused = await refusedFile(command.in, data);
  if (refused) throw new CliError(EXIT_FAILURE, (_m, l) => refused.localized(l));
  const user = await userDates(command, io);
  let uncovered: readonly number[] = [];
  const calendar = (years: readonly number[]): WorkCalendar => {
    const planned = planWith(user, command, years);
    uncovered = planned.uncovered;
    return planned.calendar;
  };
  const result = await nextPlanInFile(data, command.sheet, command.lang, calendar).catch((error: unknown) => {
    if (error instanceof NextPlanError) throw new CliError(EXIT_USAGE, (_m, l) => error.localized(l));
    throw error;
  });
  const m = CLI_MESSAGES[command.lang];
  if (!("data" in result)) return m.nextExists(result.next.sheet, result.next.period);
  const plan = result.next;
  await io.writeFile(command.out, result.data);
  warnUncovered(io, uncovered, result.names, command.lang);
  warnNotDates(io, result.names, command.lang);
  if (plan.unsaved.length > 0) io.stderr(m.nextUnsaved(plan.unsaved));
  return m.nextWritten(command.out, result.sheets[0], plan.period, plan.carried, plan.targetFrom);
}

export async function main(argv: readonly string[], io: CliIo = nodeIo, now: Date = new Date()): Promise<number> {
  const parsed = parseArgs(argv);
  if (parsed.kind === "help") {
    io.stdout(HELP);
    return EXIT_OK;
  }
  if (parsed.kind === "error") {
    io.stderr(`${bilingual(parsed.message)}\n${bilingual((m) => m.seeHelp)}`);
    return EXIT_USAGE;
  }
  try {
    if (parsed.kind === "calendar-show") {
      io.stdout(calendarShow(parsed.year));
      return EXIT_OK;
    }
    if (parsed.kind === "calendar-notice") return await calendarNotice(parsed, io);
    await checkOut(io, parsed.out);
    const lock = await io.lock(parsed.out).catch((error: unknown) => {
      // The lock is the first file created in the folder: a folder gone, or one that may not be written
      // (permissions, a read-only disk), is named rather than reported as the lock file's system error.
      if (!FOLDER_ERRORS.has((error as NodeJS.ErrnoException | undefined)?.code ?? "")) throw error;
      throw new CliError(EXIT_FAILURE, (m) => m.outFolderUnwritable(dirname(parsed.out)));
    });
    if (lock.kind === "held") throw new CliError(EXIT_FAILURE, (m) => m.outLocked(parsed.out, lock.lockFile));
    try {
      io.stdout(
        parsed.kind === "import"
          ? await importList(parsed, io, now)
          : parsed.kind === "rollup"
            ? await rollup(parsed, io, now)
            : parsed.kind === "breakdown"
              ? await breakdown(parsed, io)
              : parsed.kind === "next"
                ? await next(parsed, io)
                : await write(parsed, io, now),
      );
    } finally {
      await lock.release();
    }
    return EXIT_OK;
  } catch (error) {
    if (error instanceof CliError) {
      const hint = error.exitCode === EXIT_USAGE ? `\n${bilingual((m) => m.seeHelp)}` : "";
      io.stderr(inBoth((l) => error.localized(l)) + hint);
      return error.exitCode;
    }
    const domain = error instanceof DomainError;
    io.stderr(bilingual((m, l) => m.failed(reason(error, l))));
    return domain ? EXIT_USAGE : EXIT_FAILURE;
  }
}
