import { TeamError } from "../../../team/errors";
import { refusedFile, type SkippedFile } from "../../ooxml/fileCheck";
import { holidayTableYear, keyOfName } from "../../../spec/naming";
import { assignKeys, rekeyRecord, rekeyText, TakenNames, type Rekeying } from "../../../team/rekey";
import { carryHolidays, renameColumns, type HolidayCarry } from "../../../team/holidayCopies";
import { keepingPlans, readRepPackage, type RepHolidayTable, type RepPackage } from "./repPackage";
import { readPlans } from "./readPlans";
import { discoverPlans, planIdentity } from "../../../team/plans";

/**
 * Copies the plan sheets of reps' workbooks into the open (team) workbook with Excel's
 * `insertWorksheetsFromBase64` (ExcelApi 1.13), in FOUR syncs whatever the number of files:
 *
 * 1. read the team workbook's names, tables and plans (`readPlans`, two syncs: a plan's rep and
 *    period are cell values), leave out every incoming plan the team workbook already holds (same
 *    template, rep and period, `planIdentity`) — a rep's one workbook collected week after week
 *    brings last week's plan again, and the team's copy may hold what the manager typed (审批状态,
 *    notes), so it is neither copied twice nor replaced — and give every other plan a free key;
 * 2. insert each file's plan sheets, with the 节假日 sheets (issue 11) of the years the team workbook
 *    has no table for and no earlier file of the run brings (`team/holidayCopies.ts`; never
 *    re-keyed, H keys are per year), and load the columns of the team's own 节假日 tables, whose
 *    names the copies' formulas must use (Excel picks a free sheet name, e.g. "周计划-张三-2026W48 (2)",
 *    and renames clashing tables), then read back the new sheets' and tables' names. Excel resolves
 *    `insertWorksheetsFromBase64` to the new sheets' IDS, not their names (@types/office-js: "An
 *    array of IDs corresponding to each newly inserted worksheet"), and those ids are only known
 *    after this sync — so the same sync also loads every sheet's id and name, and the ids are
 *    turned into names from that list (no extra sync);
 * 3. re-key each copy: rename its tables to the plan's new key, re-create its workbook names —
 *    Excel does not carry workbook-scoped names over reliably (they arrive pointing at #REF!,
 *    OfficeDev/office-js#3583, or not at all when the team already has one of the same name) — on
 *    the new sheet at the addresses the rep's package gives, rewrite the formula cells that mention
 *    a plan key so they link to the copy's own names (and to the team's 节假日 tables under their
 *    column names — writing the formula again also undoes Excel on the web turning a reference to
 *    a table that was not inserted into a link to the rep's file, OfficeDev/office-js#5911), and
 *    put the new key in the template record.
 *
 * The roll-up then finds the copies by their names like any other plan sheet. If Excel rejects the
 * insertion, whatever it had inserted is removed again and a `TeamError("insertFailed")` is thrown.
 */

export interface RepWorkbookFile {
  /** Shown in messages, e.g. the file name. */
  readonly file: string;
  /** The .xlsx file, base64-encoded (what FileReader.readAsDataURL gives after "base64,"). */
  readonly base64: string;
}

export interface InsertedPlan {
  readonly file: string;
  readonly fromSheet: string;
  /** The name of the sheet the plan was copied to in this workbook. */
  readonly toSheet: string;
  readonly fromKey: string;
  readonly toKey: string;
}

/** A rep's plan left out because the team workbook held a plan of its template, rep and period before the run. */
export interface HeldPlan {
  readonly file: string;
  readonly sheet: string;
}

export interface InsertReport {
  readonly inserted: readonly InsertedPlan[];
  /** Plans the team workbook already held: not inserted (to update one, the manager deletes its sheet and collects again). */
  readonly alreadyHeld: readonly HeldPlan[];
  /** Files without a plan sheet made by the add-in (nothing inserted), and unreadable files. */
  readonly skipped: readonly SkippedFile[];
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

function bytesOf(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

interface Incoming {
  readonly file: RepWorkbookFile;
  readonly rep: RepPackage;
  keys: Rekeying;
  /** The 节假日 tables inserted with its plans, and how its formulas name the team's columns. */
  holidays: HolidayCarry;
  inserted?: OfficeExtension.ClientResult<string[]>;
}

/** The team's 节假日 columns by year, for `carryHolidays`. */
const byYear = (tables: readonly { readonly name: string; readonly columns: readonly string[] }[]): Map<number, readonly string[]> =>
  new Map(tables.flatMap((t) => { const year = holidayTableYear(t.name); return year === undefined ? [] : [[year, t.columns] as const]; }));

const copiedHolidays = (item: Incoming): RepHolidayTable[] => item.rep.holidays.filter((h) => item.holidays.copy.includes(h.table));

async function parse(files: readonly RepWorkbookFile[]): Promise<{ incoming: Incoming[]; skipped: SkippedFile[] }> {
  const incoming: Incoming[] = [];
  const skipped: SkippedFile[] = [];
  for (const file of files) {
    try {
      const bytes = bytesOf(file.base64);
      const refused = await refusedFile(file.file, bytes);
      if (refused) {
        skipped.push(refused);
        continue;
      }
      const rep = await readRepPackage(bytes);
      if (rep.planSheets.length === 0) skipped.push(new TeamError("noPlanSheets", { file: file.file }));
      else incoming.push({ file, rep, keys: new Map(), holidays: { copy: [], renames: new Map() } });
    } catch (error) {
      skipped.push(new TeamError("unreadableFile", { file: file.file, detail: messageOf(error) }, error));
    }
  }
  return { incoming, skipped };
}

/** The table Excel made from `source` on the inserted sheet: same name, or the name with a number added. */
const copyOf = (source: string, candidates: readonly string[]): string | undefined =>
  candidates.find((name) => name.toLowerCase() === source.toLowerCase()) ??
  candidates.find((name) => name.toLowerCase().startsWith(source.toLowerCase()) && /^\d+$/.test(name.slice(source.length)));

/**
 * Syncs the insertion (step 2) or the re-keying (step 3). Excel batches are not transactions: if
 * one fails, the files inserted before the failing one, or copies half re-keyed, are there. Every
 * sheet and name that was not there before is then removed, leaving the workbook as it was (two
 * more syncs, on failure only), and `insertFailed` is thrown.
 */
async function syncOrRemoveInserted(
  context: Excel.RequestContext,
  incoming: readonly Incoming[],
  before: { readonly sheets: ReadonlySet<string>; readonly names: ReadonlySet<string> },
): Promise<void> {
  try {
    await context.sync();
  } catch (error) {
    const sheets = context.workbook.worksheets.load("items/name");
    const names = context.workbook.names.load("items/name");
    await context.sync();
    for (const name of names.items) if (!before.names.has(name.name.toUpperCase())) name.delete();
    for (const sheet of sheets.items) if (!before.sheets.has(sheet.name.toLowerCase())) sheet.delete();
    await context.sync();
    throw new TeamError("insertFailed", { file: incoming.map((i) => i.file.file).join(", "), detail: messageOf(error) }, error);
  }
}

export async function insertRepWorkbooks(context: Excel.RequestContext, files: readonly RepWorkbookFile[]): Promise<InsertReport> {
  const parsed = await parse(files);
  if (parsed.incoming.length === 0) return { inserted: [], alreadyHeld: [], skipped: parsed.skipped };

  const team = await readPlans(context);
  const held = new Set(discoverPlans(team.names).flatMap((p) => planIdentity(p) ?? []));
  const isHeld = (plan: RepPackage["plans"][number]): boolean => held.has(planIdentity(plan) ?? "");
  const alreadyHeld = parsed.incoming.flatMap((item) => item.rep.plans.filter(isHeld).map((p) => ({ file: item.file.file, sheet: p.sheet })));
  const incoming = parsed.incoming.flatMap((item) => {
    const rep = keepingPlans(item.rep, (p) => !isHeld(p));
    return rep.plans.length > 0 ? [{ ...item, rep }] : [];
  });
  const { skipped } = parsed;
  if (incoming.length === 0) return { inserted: [], alreadyHeld, skipped };
  const names = [...team.existing.names, ...team.existing.tables];
  const before = { sheets: new Set(team.existing.sheets.map((s) => s.toLowerCase())), names: new Set(names.map((n) => n.toUpperCase())) };
  const taken = new TakenNames(names);
  for (const item of incoming) item.keys = assignKeys(item.rep.plans, taken);
  // Which years each file brings depends on the team's tables' names only; their columns, loaded
  // with step 2, give the renames, by the same rule run again over the same files in order.
  const teamHolidays = team.existing.tables.filter((t) => holidayTableYear(t) !== undefined);
  const arriving = byYear(teamHolidays.map((name) => ({ name, columns: [] })));
  for (const item of incoming) item.holidays = carryHolidays(item.rep.holidays, arriving);
  const teamColumns = teamHolidays.map((name) => ({ name, columns: context.workbook.tables.getItem(name).columns.load("items/name") }));

  for (const item of incoming) {
    // In the file's order, which is the order Excel gives the new sheets' ids in.
    const wanted = new Set([...item.rep.planSheets, ...copiedHolidays(item).map((h) => h.sheet)]);
    item.inserted = context.workbook.insertWorksheetsFromBase64(item.file.base64, { sheetNamesToInsert: item.rep.sheets.filter((s) => wanted.has(s)), positionType: "End" });
  }
  const namesAfter = context.workbook.names.load("items/name");
  const tablesAfter = context.workbook.tables.load("items/name,items/worksheet/name");
  const sheetsAfter = context.workbook.worksheets.load("items/id,items/name");
  await syncOrRemoveInserted(context, incoming, before);
  const sheetNameOf = new Map(sheetsAfter.items.map((sheet) => [sheet.id, sheet.name]));
  const columnsByYear = byYear(teamColumns.map(({ name, columns }) => ({ name, columns: columns.items.map((c) => c.name) })));
  for (const item of incoming) item.holidays = carryHolidays(item.rep.holidays, columnsByYear);

  const newTablesBySheet = new Map<string, string[]>();
  for (const table of tablesAfter.items) {
    if (before.names.has(table.name.toUpperCase())) continue;
    const onSheet = newTablesBySheet.get(table.worksheet.name);
    if (onSheet) onSheet.push(table.name);
    else newTablesBySheet.set(table.worksheet.name, [table.name]);
  }
  // The broken names Excel brought over, deleted once: two files may share a key, and a second
  // delete of the same item would remove the name the first file's copy re-created under it.
  const incomingKeys = new Set(
    incoming.flatMap((item) => [...item.rep.plans.map((p) => p.key.toUpperCase()), ...item.rep.holidays.map((h) => `H${holidayTableYear(h.table)}`)]),
  );
  for (const name of namesAfter.items) {
    const key = keyOfName(name.name);
    if (!before.names.has(name.name.toUpperCase()) && key !== undefined && incomingKeys.has(key)) name.delete();
  }
  const inserted: InsertedPlan[] = [];
  for (const item of incoming) {
    const { rep, keys } = item;
    const holidays = copiedHolidays(item);
    const sheetNames = (item.inserted?.value ?? []).map((id) => sheetNameOf.get(id));
    const insertedSheets = new Set([...rep.planSheets, ...holidays.map((h) => h.sheet)]);
    const newName = new Map(rep.sheets.filter((s) => insertedSheets.has(s)).map((sheet, i) => [sheet, sheetNames[i] ?? sheet]));
    const namesByUpper = new Map(rep.names.map((n) => [n.name.toUpperCase(), n]));
    const unmatched: string[] = [];
    for (const table of [...rep.tables, ...holidays.map((h) => ({ name: h.table, sheet: h.sheet }))]) {
      const toSheet = newName.get(table.sheet);
      const copy = copyOf(table.name, (toSheet === undefined ? undefined : newTablesBySheet.get(toSheet)) ?? []);
      const wanted = rekeyText(table.name, keys);
      if (copy === undefined) unmatched.push(table.name);
      else if (copy !== wanted) context.workbook.tables.getItem(copy).name = wanted;
    }
    // A table Excel renamed in a way not recognised keeps Excel's name, and the formulas Excel
    // already pointed at it are left alone rather than pointed at a table that does not exist.
    const mentionsUnmatched = (formula: string) => unmatched.some((table) => formula.toUpperCase().includes(`${table.toUpperCase()}[`));
    // A 节假日 name the team workbook already has (left pointing at #REF! by a deleted sheet) stays as it is: adding it again would fail.
    for (const name of [...rep.names, ...holidays.flatMap((h) => h.names).filter((n) => !before.names.has(n.name.toUpperCase()))]) {
      const sheet = context.workbook.worksheets.getItem(newName.get(name.sheet) ?? name.sheet);
      context.workbook.names.add(rekeyText(name.name, keys), sheet.getRange(name.address));
    }
    for (const cell of rep.formulas.filter((c) => !mentionsUnmatched(c.formula))) {
      context.workbook.worksheets.getItem(newName.get(cell.sheet) ?? cell.sheet).getRange(cell.address).formulas = [[`=${renameColumns(rekeyText(cell.formula, keys), item.holidays.renames)}`]];
    }
    for (const plan of rep.plans) {
      const record = namesByUpper.get(`SP_${plan.key}_TEMPLATE`);
      const text = rep.records.get(plan.key);
      if (record && text !== undefined && keys.has(plan.key)) {
        context.workbook.worksheets.getItem(newName.get(record.sheet) ?? record.sheet).getRange(record.address).values = [[rekeyRecord(text, keys)]];
      }
      inserted.push({ file: item.file.file, fromSheet: plan.sheet, toSheet: newName.get(plan.sheet) ?? plan.sheet, fromKey: plan.key, toKey: keys.get(plan.key) ?? plan.key });
    }
  }
  await syncOrRemoveInserted(context, incoming, before);
  return { inserted, alreadyHeld, skipped };
}
