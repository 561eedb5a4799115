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
