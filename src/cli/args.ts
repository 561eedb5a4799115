import { parseMonthText, parseWeekText } from "../domain/dateText";
import { isLocale, DEFAULT_LOCALE, type Locale } from "../i18n/locale";
import type { TemplateId } from "../templates/sheetSpec";
import type { CliMessages } from "./messages";

/** Command-line arguments → a typed command, or an error worded by the caller's messages. */

export interface WriteCommand {
  readonly kind: "write";
  readonly templates: readonly TemplateId[];
  readonly out: string;
  readonly lang: Locale;
  readonly rep: string;
  readonly week?: { readonly year: number; readonly week: number };
  readonly month?: { readonly year: number; readonly month: number };
  readonly holidaysFile?: string;
}

export type Parsed =
  | { readonly kind: "help" }
  | WriteCommand
  | { readonly kind: "error"; readonly message: (m: CliMessages) => string };

const TEMPLATES: readonly TemplateId[] = ["weekly", "monthly", "customers", "contracts"];
const VALUE_OPTIONS = ["--out", "--lang", "--rep", "--week", "--month", "--holidays"] as const;
type ValueOption = (typeof VALUE_OPTIONS)[number];

const isTemplate = (name: string): name is TemplateId => (TEMPLATES as readonly string[]).includes(name);
const fail = (message: (m: CliMessages) => string): Parsed => ({ kind: "error", message });

/** Splits `--opt=value` and `--opt value`; returns the options and positionals or an error. */
function scan(argv: readonly string[]): { options: Map<ValueOption, string>; positionals: string[]; help: boolean } | Parsed {
  const options = new Map<ValueOption, string>();
  const positionals: string[] = [];
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "-h" || arg === "--help") {
      help = true;
      continue;
    }
    if (!arg.startsWith("-")) {
      positionals.push(arg);
      continue;
    }
    const [flag, inline] = arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    if (!(VALUE_OPTIONS as readonly string[]).includes(flag)) return fail((m) => m.unknownOption(flag));
    const value = inline ?? argv[++i];
    if (value === undefined || value === "") return fail((m) => m.missingValue(flag));
    options.set(flag as ValueOption, value);
  }
  return { options, positionals, help };
}

export function parseArgs(argv: readonly string[]): Parsed {
  const scanned = scan(argv);
  if ("kind" in scanned) return scanned;
  const { options, positionals, help } = scanned;
  if (help || argv.length === 0) return { kind: "help" };
  const [command, ...names] = positionals;
  if (command !== "write") return fail((m) => m.unknownCommand(command ?? ""));
  if (names.length === 0) return fail((m) => m.noTemplates);
  const unknown = names.find((n) => !isTemplate(n));
  if (unknown !== undefined) return fail((m) => m.unknownTemplate(unknown));
  const out = options.get("--out");
  if (out === undefined) return fail((m) => m.missingOut);
  if (!out.toLowerCase().endsWith(".xlsx")) return fail((m) => m.notXlsx(out));
  const lang = options.get("--lang") ?? DEFAULT_LOCALE;
  if (!isLocale(lang)) return fail((m) => m.badLang(lang));

  const weekText = options.get("--week");
  const week = weekText === undefined ? null : parseWeekText(weekText);
  if (weekText !== undefined && !week) return fail((m) => m.badWeek(weekText, "yyyy-Www"));
  const monthText = options.get("--month");
  const month = monthText === undefined ? null : parseMonthText(monthText);
  if (monthText !== undefined && !month) return fail((m) => m.badMonth(monthText));
  const holidaysFile = options.get("--holidays");
  return {
    kind: "write",
    templates: [...new Set(names.filter(isTemplate))],
    out,
    lang,
    rep: options.get("--rep") ?? "",
    ...(week ? { week } : {}),
    ...(month ? { month } : {}),
    ...(holidaysFile !== undefined ? { holidaysFile } : {}),
  };
}
