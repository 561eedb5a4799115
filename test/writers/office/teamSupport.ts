import { buildTemplates, type TemplateRequest } from "../../../src/templates";
import { writeSheets } from "../../../src/writers/office/officeWriter";
import type { FakeCell, FakeExcel, FakeSheet, FakeTable } from "../../fakes/fakeExcel";

/** Helpers the team tests share: plan sheets written by the real Office writer, and fake readers. */

export const weekly = (rep: string, week = 48): TemplateRequest => ({
  template: "weekly",
  options: { rep, year: 2026, week, targets: { SALES: { target: 10_000, actual: 8_000 } }, forecast: 12_000 },
});

export const monthly = (rep: string, month = 11): TemplateRequest => ({
  template: "monthly",
  options: { rep, year: 2026, month, targets: { SALES: { target: 40_000, actual: 30_000 } } },
});

/** Writes the plans through `writeSheets`, as the pane does, and returns their sheet names. */
export async function writePlans(fake: FakeExcel, requests: readonly TemplateRequest[]): Promise<string[]> {
  const result = await fake.run((context) => writeSheets(context, (existing) => buildTemplates(requests, { locale: "zh-CN", existing })));
  return [...result.sheets];
}

export function table(fake: FakeExcel, name: string): FakeTable {
  const found = fake.state.tables.find((t) => t.name === name);
  if (!found) throw new Error(`no table ${name}`);
  return found;
}

/** A cell's content as written: its formula, else its value, else null ("" is an empty cell in Excel). */
const content = (cell: FakeCell | undefined): string | number | boolean | null => cell?.formula ?? (cell?.value === "" ? null : (cell?.value ?? null));

/** The table's data rows as header → content. */
export function tableRows(fake: FakeExcel, name: string): Record<string, string | number | boolean | null>[] {
  const t = table(fake, name);
  const { from, to } = t.range;
  const headers = Array.from({ length: to.col - from.col + 1 }, (_, c) => String(t.sheet.cells.get(`${from.row},${from.col + c}`)?.value));
  const last = to.row - (t.showTotals ? 1 : 0);
  return Array.from({ length: last - from.row }, (_, r) =>
    Object.fromEntries(headers.map((h, c) => [h, content(t.sheet.cells.get(`${from.row + 1 + r},${from.col + c}`))])),
  );
}

/** Every cell of a sheet, as a plain object, for before/after comparisons. */
export const cellsOf = (sheet: FakeSheet): Record<string, FakeCell> => Object.fromEntries([...sheet.cells].map(([k, cell]) => [k, normal(cell)]));

/** A cell without a "" value: Excel stores writing "" as an empty cell, the fake keeps it in Text cells. */
export function normal({ value, ...rest }: FakeCell): FakeCell {
  return { ...rest, ...(value !== undefined && value !== "" ? { value } : {}) };
}

/** The totals row of a table, cell by cell. */
export function totalsRow(fake: FakeExcel, name: string): (FakeCell | null)[] {
  const t = table(fake, name);
  return Array.from({ length: t.range.to.col - t.range.from.col + 1 }, (_, c) => {
    const cell = t.sheet.cells.get(`${t.range.to.row},${t.range.from.col + c}`);
    return cell ? normal(cell) : null;
  });
}

/** The arguments of a call whose "(" is just before `text`, up to its ")": split at top-level commas. */
function callArguments(text: string): string[] {
  const args: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    if (quoted) continue;
    if (ch === "(" || ch === "[" || ch === "{") depth++;
    else if (ch === "]" || ch === "}") depth--;
    else if (ch === ")" && depth-- === 0) return [...args, text.slice(start, i)];
    else if (ch === "," && depth === 0) {
      args.push(text.slice(start, i));
      start = i + 1;
    }
  }
  throw new Error(`unbalanced call: ${text}`);
}

/**
 * What a summary link formula — `=IF(key="","",CHOOSE(MATCH(key,{"M1","W1"},0),SP_M1_X,SP_W1_X))`,
 * past 30 plans CHOOSEs of 30 in IFNA(…,…) — picks for the row whose key is `key`: the choice's text
 * (`SP_W1_X`, `""`), or undefined when `formula` is not such a link (or the key is in none of its lists).
 */
export function linkedFor(formula: unknown, key: string): string | undefined {
  if (typeof formula !== "string") return undefined;
  for (const match of formula.matchAll(/CHOOSE\(MATCH\(.*?,\{([^}]*)\},0\),/g)) {
    const keys = match[1].split(",").map((k) => k.replace(/^"|"$/g, ""));
    const index = keys.indexOf(key);
    if (index >= 0) return callArguments(formula.slice(match.index + match[0].length))[index];
  }
  return undefined;
}

/**
 * The summary table's rows with each link formula replaced by what it picks for the row's own
 * 标识 (see `linkedFor`) — what the row shows once calculated — other cells as written.
 */
export function linkedRows(fake: FakeExcel, name: string, keyHeader = "标识"): Record<string, string | number | boolean | null>[] {
  return tableRows(fake, name).map((row) =>
    Object.fromEntries(Object.entries(row).map(([header, content]) => [header, linkedFor(content, String(row[keyHeader])) ?? content])),
  );
}

/** The value of the cell a workbook name points at. */
export const named = (fake: FakeExcel, name: string): unknown => {
  const found = fake.state.names.find((n) => n.name === name);
  const match = /^='?(.+?)'?!\$([A-Z]+)\$(\d+)$/.exec(found?.formula ?? "");
  if (!match) throw new Error(`no cell name ${name}`);
  const col = match[2].split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return fake.sheet(match[1]).cells.get(`${Number(match[3]) - 1},${col}`)?.value;
};

/** The key of the plan whose record is on `sheet`. */
export const keyOn = (fake: FakeExcel, sheet: string): string => {
  const record = fake.state.names.find((n) => /^SP_[WM]\d+_TEMPLATE$/.test(n.name) && n.formula.includes(sheet));
  if (!record) throw new Error(`no plan on ${sheet}`);
  return record.name.split("_")[1];
};
