import type { Locale } from "../contract/locale";
import { buildTemplates, type TemplateRequest } from "../templates";
import { NO_NAMES } from "../spec/naming";
import type { SheetSpec } from "../spec/sheetSpec";
import { parseAddress } from "../spec/addresses";
import { insertIntoActiveSheet, writeSheets } from "../writers/office/officeWriter";
import type { NotADate } from "../spec/sheetSpec";

/** Where a written template can be found afterwards. */
export type WriteOutcome =
  | { readonly kind: "written"; readonly sheets: readonly string[]; readonly firstCell: string; readonly notDates: readonly NotADate[] }
  | { readonly kind: "download"; readonly fileName: string; readonly url: string };

/** Where a template goes inside Excel: new sheets, or the sheet the user is on (only if that area is empty). */
export type WriteTarget = "newSheet" | "activeSheet";

/** Writes into the open workbook in two or three syncs, never over existing data, nothing half-written on failure. */
export async function writeToWorkbook(requests: readonly TemplateRequest[], locale: Locale, target: WriteTarget = "newSheet"): Promise<WriteOutcome> {
  const write = target === "activeSheet" ? insertIntoActiveSheet : writeSheets;
  const result = await Excel.run((context) => write(context, (existing) => buildTemplates(requests, { locale, existing })));
  return { kind: "written", ...result };
}

/** Shows the user what was just written: activates its sheet and selects its first cell. */
export async function activateCell(address: string): Promise<void> {
  const { sheet } = parseAddress(address);
  await Excel.run(async (context) => {
    const worksheet = sheet === undefined ? context.workbook.worksheets.getActiveWorksheet() : context.workbook.worksheets.getItem(sheet);
    worksheet.activate();
    worksheet.getRange(address.slice(address.lastIndexOf("!") + 1)).select();
    await context.sync();
  });
}

/**
 * The browser preview's writer: the same specs rendered by the xlsx writer and offered as a download.
 * exceljs is fetched only here, so it costs nothing inside Excel.
 */
export async function writeToDownload(requests: readonly TemplateRequest[], locale: Locale): Promise<WriteOutcome> {
  return downloadOf(buildTemplates(requests, { locale, existing: NO_NAMES }));
}

/** A new workbook of `specs`, as a download named after its first sheet. */
export async function downloadOf(specs: readonly SheetSpec[]): Promise<WriteOutcome> {
  const { writeXlsx } = await import(/* webpackChunkName: "xlsx" */ "../writers/xlsx");
  return { kind: "download", fileName: `${specs[0].name}.xlsx`, url: blobUrl(await writeXlsx(specs)) };
}

export function blobUrl(bytes: Uint8Array): string {
  const blob = new Blob([bytes as BlobPart], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
  return URL.createObjectURL(blob);
}
