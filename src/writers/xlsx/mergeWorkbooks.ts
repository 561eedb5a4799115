import ExcelJS from "exceljs";
import { freeSheetName, parseRecord } from "../../templates/naming";
import { quoteSheet } from "../../templates/a1";
import type { CellValue } from "../../templates/sheetSpec";
import { discoverPlans, needsValue, type NameEntry } from "../../team/plans";
import { assignKeys, rekeyRecord, rekeyText, type Rekeying } from "../../team/rekey";
import { parseAddress } from "../office/addresses";
import { attachCharts, captureCharts } from "./charts";
import { escapeXml, loadablePackage, patchPackage, preservedParts, unescapeXml, type ColumnFormulas } from "./packagePatch";

/**
 * Copies the plan sheets of reps' workbooks into a team workbook with exceljs — the offline
 * counterpart of Excel's `insertWorksheetsFromBase64` — for `sales-planner rollup`.
 *
 * A rep's plan keeps its key when the team workbook does not use it yet; otherwise (two reps'
 * files both have `W1`) it gets the lowest free key, and EVERYTHING of the instance is re-keyed
 * together: defined names, table names, formulas and structured references in cells, validations,
 * conditional formats and calculated columns, and the key in the template record's value. A taken
 * sheet name gets " (2)"… The copied names point at the copied sheet, so the team workbook's
 * roll-up finds each plan by its names exactly as in the rep's file. A rep's name that was already
 * broken (#REF!) is carried over broken, so the roll-up reports it the same way.
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

export interface MergeResult {
  readonly data: Uint8Array;
  readonly copied: readonly CopiedPlan[];
  /** Files that held no plan sheet (nothing was copied from them). */
  readonly withoutPlans: readonly string[];
  /** The team workbook's summary (团队汇总) that was removed to be rebuilt, if it had one. */
  readonly removedSummary?: { readonly key: string; readonly sheet: string };
}

/** A defined name as the package states it: name, reference text (unescaped), raw element. */
interface RawName {
  readonly name: string;
  readonly reference: string;
  readonly element: string;
}

const rawNames = (elements: readonly string[]): RawName[] =>
  elements.flatMap((element) => {
    const match = /^<definedName\b[^>]*\sname="([^"]*)"[^>]*>([\s\S]*?)<\/definedName>$/.exec(element);
    return match && !/\slocalSheetId="/.test(element) ? [{ name: unescapeXml(match[1]), reference: unescapeXml(match[2]), element }] : [];
  });

/** Sheet and A1 range of a plain `'Sheet'!$A$1` reference; undefined for #REF!, constants, formulas. */
function target(reference: string): { sheet: string; address: string } | undefined {
  if (reference.includes("#REF!")) return undefined;
  try {
    const parsed = parseAddress(reference.replace(/\$/g, ""));
    return parsed.sheet === undefined ? undefined : { sheet: parsed.sheet, address: reference.slice(reference.lastIndexOf("!") + 1).replace(/\$/g, "") };
  } catch {
    return undefined;
  }
}

const cellValueOf = (value: ExcelJS.CellValue): CellValue => {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value === "object" && "result" in value) {
    const result = value.result;
    return typeof result === "string" || typeof result === "number" || typeof result === "boolean" ? result : null;
  }
  if (typeof value === "object" && "richText" in value) return value.richText.map((r) => r.text).join("");
  return null;
};

/** The workbook's names as the team layer reads them, with the values `needsValue` asks for. */
function nameEntries(wb: ExcelJS.Workbook, names: readonly RawName[]): NameEntry[] {
  return names.map((raw) => {
    const at = target(raw.reference);
    const ws = at && wb.getWorksheet(at.sheet);
    if (!at || !ws) return { name: raw.name };
    const value = needsValue(raw.name) ? cellValueOf(ws.getCell(at.address.split(":")[0]).value) : undefined;
    return { name: raw.name, sheet: ws.name, ...(value !== undefined ? { value } : {}) };
  });
}

interface Loaded {
  readonly wb: ExcelJS.Workbook;
  readonly names: RawName[];
  readonly calculated: ColumnFormulas;
  readonly totals: ColumnFormulas;
}

async function load(data: Uint8Array): Promise<Loaded> {
  const preserved = await preservedParts(data);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await loadablePackage(data)) as unknown as ArrayBuffer);
  return { wb, names: rawNames(preserved.definedNames), calculated: preserved.calculated, totals: preserved.totals };
}

/** Deep copy of a JSON-like model with every string passed through `map`. */
function mapStrings<T>(model: T, map: (text: string) => string): T {
  if (typeof model === "string") return map(model) as T;
  if (Array.isArray(model)) return model.map((item: unknown) => mapStrings(item, map)) as T;
  if (model instanceof Date) return model;
  if (typeof model === "object" && model !== null) {
    return Object.fromEntries(Object.entries(model).map(([k, v]) => [k, mapStrings(v, map)])) as T;
  }
  return model;
}

/** Copies one rep sheet into `team` as `toSheet`, re-keying every string of its model. */
function copySheet(source: ExcelJS.Worksheet, team: ExcelJS.Workbook, toSheet: string, keys: Rekeying): void {
  const ownSheet = `${quoteSheet(source.name)}!`;
  const rekey = (text: string): string => rekeyRecord(rekeyText(text, keys), keys).split(ownSheet).join(`${quoteSheet(toSheet)}!`);
  const model = mapStrings(source.model, rekey);
  const copy = team.addWorksheet(toSheet);
  // `mergeCells` is what the model setter reads merges from; media would point into the rep's package.
  copy.model = { ...model, id: copy.id, name: toSheet, media: [], mergeCells: model.merges } as ExcelJS.WorksheetModel;
}

function rekeyFormulas(map: ColumnFormulas, keys: Rekeying, into: ColumnFormulas): void {
  for (const [table, columns] of map) {
    into.set(rekeyText(table, keys), new Map([...columns].map(([header, formula]) => [header, rekeyText(formula, keys)])));
  }
}

/** exceljs keeps a loaded sheet's tables by name, outside its type definitions. */
const tableNames = (ws: ExcelJS.Worksheet): string[] => Object.keys((ws as unknown as { tables: Record<string, unknown> }).tables);

/** Removes the team workbook's summary sheet and its names, so the caller rebuilds it. */
function removeSummary(team: Loaded): { key: string; sheet: string } | undefined {
  const found = nameEntries(team.wb, team.names)
    .map((entry) => ({ entry, record: parseRecord(entry.value) }))
    .find(({ record }) => record?.template === "teamSummary");
  const sheet = found?.entry.sheet !== undefined ? team.wb.getWorksheet(found.entry.sheet) : undefined;
  if (!found?.record || !sheet) return undefined;
  const prefix = `SP_${found.record.key}_`;
  for (const table of tableNames(sheet)) {
    team.calculated.delete(table);
    team.totals.delete(table);
  }
  team.wb.removeWorksheet(sheet.id);
  team.wb.definedNames.model = team.wb.definedNames.model.filter((n) => !n.name.toUpperCase().startsWith(prefix));
  team.names.splice(0, team.names.length, ...team.names.filter((n) => !n.name.toUpperCase().startsWith(prefix)));
  return { key: found.record.key, sheet: sheet.name };
}

/**
 * The team workbook (`base`, or a new one) with every plan sheet of `reps` added, re-keyed and
 * renamed where taken. A summary sheet already in `base` is removed (see `removedSummary`).
 */
export async function mergeRepWorkbooks(base: Uint8Array | undefined, reps: readonly RepFile[]): Promise<MergeResult> {
  const team: Loaded = base ? await load(base) : { wb: new ExcelJS.Workbook(), names: [], calculated: new Map(), totals: new Map() };
  if (!base) team.wb.calcProperties = { fullCalcOnLoad: true };
  // Charts of the team workbook's own sheets, which exceljs drops; the removed summary's go with it.
  const charts = base ? await captureCharts(base) : new Map();
  const removedSummary = removeSummary(team);
  const calculated: ColumnFormulas = new Map(team.calculated);
  const totals: ColumnFormulas = new Map(team.totals);
  /** Raw elements of names exceljs cannot write (broken ones), re-added by `patchPackage`. */
  const keepNames = team.names.map((n) => n.element);
  const taken = [...team.names.map((n) => n.name), ...team.wb.worksheets.flatMap(tableNames)];
  const copied: CopiedPlan[] = [];
  const withoutPlans: string[] = [];

  for (const rep of reps) {
    const source = await load(rep.data);
    const plans = discoverPlans(nameEntries(source.wb, source.names));
    if (plans.length === 0) withoutPlans.push(rep.file);
    const keys = assignKeys(plans, taken);
    const planOf = (name: string) => plans.find((p) => name.toUpperCase().startsWith(`SP_${p.key}_`));
    // In the rep's workbook order, which is how the rep arranged them.
    for (const ws of source.wb.worksheets.filter((w) => plans.some((p) => p.sheet === w.name))) {
      const sheetName = ws.name;
      const toSheet = freeSheetName(sheetName, team.wb.worksheets.map((w) => w.name));
      copySheet(ws, team.wb, toSheet, keys);
      taken.push(...tableNames(ws).map((t) => rekeyText(t, keys)));
      for (const plan of plans.filter((p) => p.sheet === sheetName)) {
        copied.push({ file: rep.file, fromSheet: sheetName, toSheet, fromKey: plan.key, toKey: keys.get(plan.key) ?? plan.key });
      }
      for (const raw of source.names.filter((n) => planOf(n.name)?.sheet === sheetName)) {
        const name = rekeyText(raw.name, keys);
        const at = target(raw.reference);
        if (at && at.sheet.toLowerCase() === sheetName.toLowerCase()) {
          team.wb.definedNames.add(`${quoteSheet(toSheet)}!${raw.reference.slice(raw.reference.lastIndexOf("!") + 1)}`, name);
        } else {
          keepNames.push(`<definedName name="${escapeXml(name)}">${escapeXml(rekeyText(raw.reference, keys))}</definedName>`);
        }
        taken.push(name);
      }
    }
    rekeyFormulas(source.calculated, keys, calculated);
    rekeyFormulas(source.totals, keys, totals);
  }

  const saved = new Uint8Array(await team.wb.xlsx.writeBuffer());
  const data = await patchPackage(saved, { calculated, totals, nameComments: new Map(), keepNames, finish: (zip) => attachCharts(zip, [], charts) });
  return { data, copied, withoutPlans, ...(removedSummary ? { removedSummary } : {}) };
}

/** The names of an .xlsx package as `NameEntry`s, for discovering its plans (roll-up, tests). */
export async function xlsxNameEntries(data: Uint8Array): Promise<NameEntry[]> {
  const loaded = await load(data);
  return nameEntries(loaded.wb, loaded.names);
}
