import ExcelJS from "exceljs";
import JSZip from "jszip";
import { loadablePackage } from "../support/exceljsPackage";
import type { CorpusEntry } from "./corpus";

/**
 * A workbook as lines of text a person can read in a difference: every cell that holds a value or a
 * format (value, formula, number format, font, fill, alignment, border, protection), each sheet's
 * columns, views, merges, validations, conditional formats, protection, print setup, and the
 * workbook's defined names — read back by exceljs — plus every package part verbatim (tables, charts,
 * styles, relationships), one element per line. Left out: docProps (its creation time) and the random
 * GUIDs exceljs gives data bars.
 */
export interface Dump {
  readonly specs?: string;
  readonly cells: readonly string[];
  readonly parts: Readonly<Record<string, string>>;
}

/** exceljs gives every data bar a random GUID on each write; which one it drew is no behaviour of ours. */
const withoutGuids = (text: string): string => text.replace(/\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}/gi, "{GUID}");
const json = (value: unknown): string => withoutGuids(JSON.stringify(value, (_, v) => (v === undefined ? null : v)));
const present = (value: unknown): boolean => value !== undefined && value !== null && !(typeof value === "object" && Object.keys(value as object).length === 0);

async function cellLines(data: Uint8Array): Promise<string[]> {
  const book = new ExcelJS.Workbook();
  // Tables are compared verbatim below; exceljs only needs to get past their calculated columns.
  await book.xlsx.load(Buffer.from(await loadablePackage(data)) as unknown as ExcelJS.Buffer);
  const lines: string[] = [`names ${json(book.definedNames.model)}`];
  book.eachSheet((sheet) => {
    const at = (what: string, value: unknown) => lines.push(`${sheet.name} ${what} ${json(value)}`);
    at("state", sheet.state);
    at("properties", sheet.properties);
    at("views", sheet.views);
    at("pageSetup", sheet.pageSetup);
    at("headerFooter", sheet.headerFooter);
    at("protection", (sheet as unknown as { sheetProtection?: unknown }).sheetProtection);
    at("merges", (sheet.model as unknown as { merges?: unknown }).merges);
    at("columns", (sheet.columns ?? []).map((c) => ({ width: c.width, hidden: c.hidden, style: c.style, outline: c.outlineLevel })));
    at("validations", (sheet as unknown as { dataValidations: { model: unknown } }).dataValidations.model);
    at("conditionalFormats", (sheet as unknown as { conditionalFormattings?: unknown }).conditionalFormattings);
    sheet.eachRow({ includeEmpty: true }, (row, r) => {
      if (present(row.height) || row.hidden) at(`row${r}`, { height: row.height, hidden: row.hidden });
      row.eachCell({ includeEmpty: true }, (cell) => {
        const style = { numFmt: cell.numFmt, font: cell.font, fill: cell.fill, alignment: cell.alignment, border: cell.border, protection: cell.protection };
        if (cell.value === null && !Object.values(style).some(present)) return;
        at(cell.address, { value: cell.value, ...style });
      });
    });
  });
  return lines;
}

async function partTexts(data: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(data);
  const parts: Record<string, string> = {};
  for (const path of Object.keys(zip.files).sort()) {
    const file = zip.files[path];
    if (file.dir || path.startsWith("docProps/")) continue;
    parts[path] = withoutGuids(await file.async("string")).replace(/></g, ">\n<");
  }
  return parts;
}

export async function dumpEntry(entry: CorpusEntry): Promise<Dump> {
  return {
    ...(entry.specs ? { specs: JSON.stringify(entry.specs, null, 1) } : {}),
    cells: await cellLines(entry.xlsx),
    parts: await partTexts(entry.xlsx),
  };
}

/** Where `before` and `after` differ, one line each (the first few differing lines per part), empty when equal. */
export function differences(before: Readonly<Record<string, Dump>>, after: Readonly<Record<string, Dump>>): string[] {
  const out: string[] = [];
  const lines = (where: string, a: string | undefined, b: string | undefined) => {
    if (a === b) return;
    if (a === undefined || b === undefined) return void out.push(`${where}: ${a === undefined ? "added" : "removed"}`);
    const x = a.split("\n");
    const y = b.split("\n");
    let shown = 0;
    for (let i = 0; i < Math.max(x.length, y.length) && shown < 5; i++) {
      if (x[i] !== y[i]) {
        out.push(`${where} line ${i + 1}:\n  before ${x[i] ?? "(none)"}\n  after  ${y[i] ?? "(none)"}`);
        shown++;
      }
    }
  };
  for (const name of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = before[name];
    const b = after[name];
    if (!a || !b) {
      out.push(`${name}: ${a ? "missing now" : "new"}`);
      continue;
    }
    lines(`${name} specs`, a.specs, b.specs);
    lines(`${name} cells`, a.cells.join("\n"), b.cells.join("\n"));
    for (const part of new Set([...Object.keys(a.parts), ...Object.keys(b.parts)])) lines(`${name} ${part}`, a.parts[part], b.parts[part]);
  }
  return out;
}
