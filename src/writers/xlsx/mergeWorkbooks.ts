import ExcelJS from "exceljs";
import { freeSheetName } from "../../spec/naming";
import { readRecord } from "../../templates/registry";
import { isCurrentSummary } from "../../templates/team/rollupSheet";
import { readOldSummary, type OldSummary } from "./team/keptSummary";
import { quoteSheet } from "../../spec/a1";
import { discoverPlans, needsValue, planIdentity, type NameEntry } from "../../team/plans";
import { assignKeys, rekeyRecord, rekeyText, TakenNames, type Rekeying } from "../../team/rekey";
import { carryHolidays, renameColumns, type ColumnRenames } from "../../team/holidayCopies";
import { holidayTableYear } from "../../spec/naming";
import { isHolidayTable } from "../holidayTables";
import { definedNames, escapeXml, Graft, removeSheet, tableNames, tableParts, unescapeXml, workbookNames, XlsxPackage } from "../ooxml";

/**
 * Copies the plan sheets of reps' workbooks into a team workbook — the offline counterpart of
 * Excel's `insertWorksheetsFromBase64` — for `sales-planner rollup` and the preview's collected
 * files. Package to package (`ooxml/graft.ts`): neither the team workbook nor a rep's is loaded
 * into a model, so whatever else they hold stays as it was.
 *
 * A rep's plan keeps its key when the team workbook does not use it yet; otherwise (two reps'
 * files both have `W1`) it gets the lowest free key, and EVERYTHING of the instance is re-keyed
 * together: defined names, table names, formulas and structured references in cells, validations,
 * conditional formats and calculated columns, and the key in the template record's value. A taken
 * sheet name gets " (2)"… The copied names point at the copied sheet, so the team workbook's
 * roll-up finds each plan by its names exactly as in the rep's file. A rep's name that was already
 * broken (#REF!) is carried over broken, so the roll-up reports it the same way.
 *
 * The plans' working-day formulas read the rep's 节假日 tables (`SP_H<year>_Days`): each one of a
 * year the team workbook does not have yet comes along with its sheet, unchanged, and the plans of a
 * year it has read the team's (`team/holidayCopies.ts`).
 */

export interface RepFile {
  /** Shown in messages, e.g. the file name. */
  readonly file: string;
  readonly data: Uint8Array;
}

export interface CopiedPlan {
  readonly file: string;
  readonly fromSheet: string;
  readonly toSheet: string;
  readonly fromKey: string;
  readonly toKey: string;
}

/** A rep's plan not copied because the team workbook held a plan of its template, rep and period before the run. */
export interface HeldPlan {
  readonly file: string;
  readonly sheet: string;
}

export interface MergeResult {
  readonly data: Uint8Array;
  readonly copied: readonly CopiedPlan[];
  /**
   * Plans the team workbook already held (`planIdentity`), skipped rather than replaced: the team's
   * copy may hold what the manager typed (审批状态, notes). Plans of one identity brought in by the
   * same run all come in, flagged as duplicates.
   */
  readonly alreadyHeld: readonly HeldPlan[];
  /** Files that held no plan sheet (nothing was copied from them). */
  readonly withoutPlans: readonly string[];
  /** Files that passed the file check but could not be read as a workbook (left out, with why). */
  readonly unreadable: readonly { readonly file: string; readonly detail: string }[];
  /** The team workbook's summary (团队汇总) that was removed to be rebuilt, with what it held (`keptSummary.ts`), if it had one. */
  readonly removedSummary?: OldSummary;
  /** The sheet of a summary in an older layout, left as it is (a new summary is written beside it). */
  readonly outdatedSummary?: string;
}

/** The workbook's names as the team layer reads them, with the values `needsValue` asks for. */
const nameEntries = async (pkg: XlsxPackage): Promise<NameEntry[]> =>
  (await workbookNames(pkg, needsValue)).map(({ name, sheet, value }) => (sheet === undefined ? { name } : { name, sheet, ...(value !== undefined ? { value } : {}) }));

/**
 * The summary sheets the team workbook has, found by their template records: the current-layout one
 * with the lowest key — the rule the pane's `readPlans` follows too, so both paths rebuild the same
 * sheet — and, when there is none, the lowest-key one of an older layout (`outdated`, left alone).
 */
function summaryOf(entries: readonly NameEntry[]): { current?: { key: string; sheet: string }; outdated?: string } {
  const found = entries
    .flatMap((entry) => {
      const record = readRecord(entry.value);
      return record?.template === "teamSummary" && entry.sheet !== undefined && record.key === /^SP_([A-Z]\d+)_TEMPLATE$/i.exec(entry.name)?.[1]?.toUpperCase()
        ? [{ key: record.key, sheet: entry.sheet, current: isCurrentSummary(record.version) }]
        : [];
    })
    .sort((a, b) => Number(a.key.slice(1)) - Number(b.key.slice(1)));
  const current = found.find((s) => s.current);
  return current ? { current: { key: current.key, sheet: current.sheet } } : found.length > 0 ? { outdated: found[0].sheet } : {};
}

/** `xml` with references to sheet `from` (quoted `'from'!`, or bare `from!` where allowed) pointing at `to`. */
function renameSheetRefs(xml: string, from: string, to: string): string {
  if (from === to) return xml;
  const target = quoteSheet(to);
  const quoted = quoteSheet(from);
  // Producers escape differently: `"` raw or `&quot;` in element text, `'` raw or `&apos;`.
  const minimal = (text: string): string => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const spellings = [(t: string) => t, minimal, escapeXml, (t: string) => minimal(t).replace(/'/g, "&apos;"), (t: string) => escapeXml(t).replace(/'/g, "&apos;")];
  let out = spellings.reduce((text, spell) => text.split(`${spell(quoted)}!`).join(`${spell(target)}!`), xml);
  if (/^[\p{L}_][\p{L}\p{N}_.]*$/u.test(from)) out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}_.'])${from.replace(/[.]/g, "\\.")}!`, "gu"), () => `${escapeXml(target)}!`);
  return out;
}

/** `name`, or `name_2`, `name_3` … — the first no table or defined name in `used` has. */
function freeTableName(name: string, used: TakenNames): string {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? name : `${name}_${n}`;
    if (!used.has(candidate)) return candidate;
  }
}

/** `xml` with each renamed table's part (`name`, `displayName`) and structured references (`表1[…]`) following. */
function renameTables(xml: string, renames: ReadonlyMap<string, string>): string {
  let out = xml;
  for (const [from, to] of renames) {
    const escaped = escapeXml(from).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    out = out
      .replace(/<table(?=[\s>])[^>]*>/g, (open) => open.replace(new RegExp(`(\\s(?:name|displayName)=")${escaped}"`, "g"), (_, attribute: string) => `${attribute}${escapeXml(to)}"`))
      .replace(new RegExp(`(?<![\\p{L}\\p{N}_.\\\\])${escaped}(?=\\[)`, "gu"), () => escapeXml(to));
  }
  return out;
}

/**
 * `xml` with the column names of the structured references in its formulas renamed: cells' `<f>`,
 * calculated columns, validations' and conditional formats' formulas. The text is unescaped for the
 * rename and escaped again only where it changed, so the producer's spelling stays elsewhere.
 */
function renameFormulaColumns(xml: string, renames: ColumnRenames): string {
  if (renames.size === 0) return xml;
  return xml.replace(/(<((?:\w+:)?(?:f|formula|formula1|formula2|calculatedColumnFormula))(?:\s[^>]*)?>)([^<]*)(<\/\2>)/g, (whole, open: string, _tag, text: string, close: string) => {
    const formula = unescapeXml(text);
    const renamed = renameColumns(formula, renames);
    return renamed === formula ? whole : `${open}${escapeXml(renamed)}${close}`;
  });
}

/** A package with no sheet, to build a new team workbook in. */
async function emptyWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Sales Planner for Excel";
  // Opens on the first sheet; without a view exceljs writes no <bookViews> at all.
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: "visible" }];
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** A rep's file as read before anything of it goes into the team workbook. */
interface ReadRep {
  readonly file: string;
  readonly source: XlsxPackage;
  readonly plans: ReturnType<typeof discoverPlans>;
  readonly sheets: Awaited<ReturnType<XlsxPackage["sheets"]>>;
  /** Its 节假日 tables: name, sheet, columns. */
  readonly holidays: readonly { readonly table: string; readonly sheet: string; readonly columns: readonly string[] }[];
}

/** A workbook's 节假日 tables, found by their names (never by their sheets' names, which the user may change). */
const holidayParts = async (pkg: XlsxPackage) => (await tableParts(pkg, isHolidayTable)).map((t) => ({ table: t.name, sheet: t.sheet, columns: t.columns }));

/**
 * Reads what `copyRep` needs. A file that fails here (no workbook part, malformed XML) is reported
 * by name and left out: the team workbook has not been touched yet, so the other files still go in.
 */
async function readRep(rep: RepFile): Promise<ReadRep> {
  const source = await XlsxPackage.load(rep.data);
  return { file: rep.file, source, plans: discoverPlans(await nameEntries(source)), sheets: await source.sheets(), holidays: await holidayParts(source) };
}

/**
 * Every plan sheet of one rep's file whose plan `held` (the identities the team workbook had before
 * the run) lacks grafted into `team`, re-keyed and renamed where taken, with the 节假日 sheets of the
 * years `teamHolidays` (the team's tables' columns by year) lacks.
 */
async function copyRep(
  team: Graft,
  rep: ReadRep,
  taken: TakenNames,
  teamHolidays: Map<number, readonly string[]>,
  held: ReadonlySet<string>,
): Promise<{ copied: CopiedPlan[]; alreadyHeld: HeldPlan[]; hasPlans: boolean }> {
  const { source } = rep;
  const isHeld = (plan: ReadRep["plans"][number]): boolean => held.has(planIdentity(plan) ?? "");
  const plans = rep.plans.filter((p) => !isHeld(p));
  const alreadyHeld = rep.plans.filter(isHeld).map((p) => ({ file: rep.file, sheet: p.sheet }));
  const keys: Rekeying = assignKeys(plans, taken);
  const teamSheets = team.sheetNames;
  const sheets: { from: string; to: string }[] = [];
  const copied: CopiedPlan[] = [];
  const tableRenames = new Map<string, string>();
  // In the rep's workbook order, which is how the rep arranged them.
  for (const sheet of rep.sheets.filter((s) => plans.some((p) => p.sheet === s.name))) {
    const to = freeSheetName(sheet.name, [...teamSheets, ...sheets.map((s) => s.to)]);
    sheets.push({ from: sheet.name, to });
    for (const table of sheet.path ? await tableNames(source, sheet.path) : []) {
      const name = rekeyText(table, keys);
      // A rep's own table (表1) can clash with a team table or another rep's: renamed like a sheet.
      const free = freeTableName(name, taken);
      if (free !== name) tableRenames.set(name, free);
      taken.add(free);
    }
    for (const plan of plans.filter((p) => p.sheet === sheet.name)) {
      copied.push({ file: rep.file, fromSheet: sheet.name, toSheet: to, fromKey: plan.key, toKey: keys.get(plan.key) ?? plan.key });
    }
  }
  if (sheets.length === 0) return { copied, alreadyHeld, hasPlans: rep.plans.length > 0 };
  const holidays = carryHolidays(rep.holidays, teamHolidays);
  // After the plans, as a write puts them: a 节假日 sheet is the plans' reference, not a plan.
  const holidaySheets = rep.holidays.filter((h) => holidays.copy.includes(h.table));
  for (const { sheet } of holidaySheets) {
    if (!sheets.some((s) => s.from === sheet)) sheets.push({ from: sheet, to: freeSheetName(sheet, [...teamSheets, ...sheets.map((s) => s.to)]) });
  }
  for (const { table } of holidaySheets) taken.add(table);
  const copiedSheets = new Set(sheets.map((s) => s.from));
  const planOf = (name: string) => plans.find((p) => name.toUpperCase().startsWith(`SP_${p.key}_`));
  // Its record and any other name of its key: SP_H2026_TEMPLATE. A name the team has already (a
  // leftover without its table) is not brought twice.
  const holidayOf = (name: string) => holidaySheets.find((h) => name.toUpperCase().startsWith(`SP_H${holidayTableYear(h.table)}_`));
  const kept = definedNames(await source.workbookXml()).filter((n) => {
    if (n.localSheetId !== undefined) return false;
    const holiday = holidayOf(n.name);
    if (holiday) return !taken.has(n.name);
    const sheet = planOf(n.name)?.sheet;
    return sheet !== undefined && copiedSheets.has(sheet);
  });
  for (const n of kept) taken.add(rekeyText(n.name, keys));
  await team.add(source, {
    sheets,
    keepName: (n) => kept.some((k) => k.element === n.element),
    rewrite: (xml) =>
      renameFormulaColumns(
        renameTables(
          sheets.reduce(
            (text, s) => renameSheetRefs(text, s.from, s.to),
            // The template record is text in a cell: `sales-planner:weekly:main:v1:W1`.
            rekeyText(xml, keys).replace(/>(sales-planner:[^<]*)</g, (_, record: string) => `>${rekeyRecord(record, keys)}<`),
          ),
          tableRenames,
        ),
        holidays.renames,
      ),
  });
  return { copied, alreadyHeld, hasPlans: rep.plans.length > 0 };
}

/**
 * The team workbook (`base`, or a new one) with every plan sheet of `reps` added, re-keyed and
 * renamed where taken. A current-layout summary sheet already in `base` is removed (see `removedSummary`).
 */
export async function mergeRepWorkbooks(base: Uint8Array | undefined, reps: readonly RepFile[]): Promise<MergeResult> {
  const team = await XlsxPackage.load(base ?? (await emptyWorkbook()));
  const { current, outdated } = summaryOf(await nameEntries(team));
  const removedSummary = current && (await readOldSummary(team, current.key, current.sheet));
  if (removedSummary) {
    const prefix = `SP_${removedSummary.key}_`;
    await removeSheet(team, removedSummary.sheet, (n) => n.name.toUpperCase().startsWith(prefix));
  }
  const teamNames = await nameEntries(team);
  const taken = new TakenNames([...teamNames.map((n) => n.name), ...(await tableNames(team))]);
  const held = new Set(discoverPlans(teamNames).flatMap((p) => planIdentity(p) ?? []));
  const teamHolidays = new Map((await holidayParts(team)).flatMap((t) => { const year = holidayTableYear(t.table); return year === undefined ? [] : [[year, t.columns] as const]; }));
  const copied: CopiedPlan[] = [];
  const alreadyHeld: HeldPlan[] = [];
  const withoutPlans: string[] = [];
  const unreadable: { file: string; detail: string }[] = [];
  // One graft for all reps: the team workbook's listing parts are written once, at the end.
  const graft = await Graft.open(team);
  for (const rep of reps) {
    let read: ReadRep;
    try {
      read = await readRep(rep);
    } catch (error) {
      unreadable.push({ file: rep.file, detail: error instanceof Error ? error.message : String(error) });
      continue;
    }
    const result = await copyRep(graft, read, taken, teamHolidays, held);
    copied.push(...result.copied);
    alreadyHeld.push(...result.alreadyHeld);
    if (!result.hasPlans) withoutPlans.push(rep.file);
  }
  await graft.finish();
  return { data: await team.save(), copied, alreadyHeld, withoutPlans, unreadable, ...(removedSummary ? { removedSummary } : {}), ...(outdated !== undefined ? { outdatedSummary: outdated } : {}) };
}

/** The names of an .xlsx package as `NameEntry`s, for discovering its plans (roll-up, tests). */
export async function xlsxNameEntries(data: Uint8Array): Promise<NameEntry[]> {
  return nameEntries(await XlsxPackage.load(data));
}
