import { access, readFile, rename, writeFile } from "node:fs/promises";
import { dirname, join, basename } from "node:path";
import { isoWeek, isoWeekMonday, makeWorkCalendar, PLAIN_WEEKS, serialFromYmd, type WorkCalendar } from "../domain/calendar";
import { DomainError } from "../domain/errors";
import { LOCALES } from "../i18n/locale";
import { buildTemplates, type TemplateRequest } from "../templates";
import { NO_NAMES } from "../templates/naming";
import { inspectXlsx, writeXlsx } from "../writers/xlsx";
import { parseArgs, type BreakdownCommand, type RollupCommand, type WriteCommand } from "./args";
import { parseDateList } from "../domain/dateText";
import { CLI_MESSAGES, HELP, type CliMessages } from "./messages";
import { BreakdownError, buildBreakdownSpecs, planRemarks, planStatus, type PlanChoice } from "../team";
import { rollupWorkbooks } from "../team/rollupWorkbooks";

/** The `sales-planner` command line. Exit codes: 0 ok, 1 runtime failure, 2 bad usage. */

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): Promise<Uint8Array>;
  /** Must replace the file atomically: a failed write never leaves a half-written workbook. */
  writeFile(path: string, data: Uint8Array): Promise<void>;
  exists(path: string): Promise<boolean>;
}

export const nodeIo: CliIo = {
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
  readFile: async (path) => new Uint8Array(await readFile(path)),
  writeFile: async (path, data) => {
    const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
    await writeFile(temp, data);
    await rename(temp, path);
  },
  exists: (path) =>
    access(path).then(
      () => true,
      () => false,
    ),
};

const EXIT_OK = 0;
const EXIT_FAILURE = 1;
const EXIT_USAGE = 2;

/** Errors are printed in both languages: the user may not have said which one they read. */
const bilingual = (message: (m: CliMessages) => string): string => LOCALES.map((l) => message(CLI_MESSAGES[l])).join("\n");

class CliError extends Error {
  constructor(
    readonly exitCode: number,
    readonly render: (m: CliMessages) => string,
  ) {
    super("cli error");
  }
}

const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));

async function loadCalendar(command: { readonly holidaysFile?: string }, io: CliIo): Promise<WorkCalendar> {
  const file = command.holidaysFile;
  if (file === undefined) return PLAIN_WEEKS;
  const text = await io.readFile(file).then(
    (bytes) => new TextDecoder().decode(bytes),
    (error: unknown) => {
      throw new CliError(EXIT_FAILURE, (m) => m.cannotRead(file, reason(error)));
    },
  );
  const parsed = parseDateList(text);
  if (!parsed.ok) throw new CliError(EXIT_USAGE, (m) => m.badHolidayLine(file, parsed.line, parsed.text));
  try {
    return makeWorkCalendar(parsed.holidays, parsed.makeUpDays);
  } catch (error) {
    throw new CliError(EXIT_USAGE, (m) => m.badHolidays(file, reason(error)));
  }
}

/** The given ISO week, or the current one; a week that does not exist (2026-W54) is a usage error. */
function weekOf(given: { readonly year: number; readonly week: number } | undefined, now: Date): { year: number; week: number } {
  const week = given ?? isoWeek(serialFromYmd(now.getFullYear(), now.getMonth() + 1, now.getDate()));
  try {
    isoWeekMonday(week.year, week.week);
  } catch (error) {
    throw new CliError(EXIT_USAGE, (m) => m.badWeek(`${week.year}-W${week.week}`, reason(error)));
  }
  return week;
}

function requests(command: WriteCommand, calendar: WorkCalendar, now: Date): TemplateRequest[] {
  const week = weekOf(command.week, now);
  const month = command.month ?? { year: now.getFullYear(), month: now.getMonth() + 1 };
  return command.templates.map((template): TemplateRequest => {
    switch (template) {
      case "weekly":
        return { template, options: { rep: command.rep, year: week.year, week: week.week, calendar } };
      case "monthly":
        return { template, options: { rep: command.rep, year: month.year, month: month.month, calendar } };
      case "customers":
        return { template, options: {} };
      case "contracts":
        return { template, options: { statsYear: month.year } };
    }
  });
}

const readOrFail = (io: CliIo, file: string): Promise<Uint8Array> =>
  io.readFile(file).catch((error: unknown) => {
    throw new CliError(EXIT_FAILURE, (m) => m.cannotRead(file, reason(error)));
  });

/** The workbook at `out` if there is one: both commands add to it rather than replace it. */
const existingOut = async (io: CliIo, out: string): Promise<Uint8Array | undefined> => ((await io.exists(out)) ? readOrFail(io, out) : undefined);

async function write(command: WriteCommand, io: CliIo, now: Date): Promise<string> {
  const calendar = await loadCalendar(command, io);
  const wanted = requests(command, calendar, now);
  const existing = await existingOut(io, command.out);
  const names = existing ? await inspectXlsx(existing) : NO_NAMES;
  const specs = buildTemplates(wanted, { locale: command.lang, existing: names });
  await io.writeFile(command.out, await writeXlsx(specs, existing));
  return CLI_MESSAGES[command.lang].wrote(command.out, specs.map((s) => s.name));
}

async function breakdown(command: BreakdownCommand, io: CliIo, now: Date): Promise<string> {
  const calendar = await loadCalendar(command, io);
  const plans: PlanChoice | undefined =
    command.plans?.template === "weekly"
      ? { template: "weekly", ...weekOf(command.plans.week, now) }
      : command.plans && { template: "monthly", ...(command.period.kind === "year" ? { month: now.getMonth() + 1 } : {}) };
  const existing = await existingOut(io, command.out);
  const names = existing ? await inspectXlsx(existing) : NO_NAMES;
  const input = { target: command.target, period: command.period, reps: command.reps, calendar, ...(command.productRatios ? { productRatios: command.productRatios } : {}) };
  const specs = (() => {
    try {
      return buildBreakdownSpecs(input, plans, { locale: command.lang, existing: names });
    } catch (error) {
      if (error instanceof BreakdownError) throw new CliError(EXIT_USAGE, (m) => m.breakdownInvalid(error.issues));
      throw error;
    }
  })();
  await io.writeFile(command.out, await writeXlsx(specs, existing));
  return CLI_MESSAGES[command.lang].wrote(command.out, specs.map((s) => s.name));
}

async function rollup(command: RollupCommand, io: CliIo): Promise<string> {
  const base = await existingOut(io, command.out);
  const reps = [];
  for (const file of command.files) reps.push({ file, data: await readOrFail(io, file) });
  const report = await rollupWorkbooks(base, reps, command.lang).catch((error: unknown) => {
    throw new CliError(EXIT_FAILURE, (m) => m.failed(reason(error)));
  });
  await io.writeFile(command.out, report.data);
  const m = CLI_MESSAGES[command.lang];
  return [
    m.rolledUp(command.out, report.plans.length, report.summarySheet),
    ...report.copied.map((c) => m.copiedPlan(c.file, c.fromSheet, c.toSheet)),
    ...report.withoutPlans.map(m.withoutPlans),
    ...report.plans.filter((plan) => planStatus(plan) !== "ok").map((plan) => m.needsAttention(plan.sheet, planRemarks(plan, command.lang))),
  ].join("\n");
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
    io.stdout(
      parsed.kind === "rollup" ? await rollup(parsed, io) : parsed.kind === "breakdown" ? await breakdown(parsed, io, now) : await write(parsed, io, now),
    );
    return EXIT_OK;
  } catch (error) {
    if (error instanceof CliError) {
      const hint = error.exitCode === EXIT_USAGE ? `\n${bilingual((m) => m.seeHelp)}` : "";
      io.stderr(bilingual(error.render) + hint);
      return error.exitCode;
    }
    const domain = error instanceof DomainError;
    io.stderr(bilingual((m) => m.failed(reason(error))));
    return domain ? EXIT_USAGE : EXIT_FAILURE;
  }
}
