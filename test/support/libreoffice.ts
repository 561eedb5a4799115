/**
 * Recalculates .xlsx files in a real spreadsheet engine (LibreOffice) and returns the computed
 * values, so tests check what a user would see rather than what our writer intended.
 *
 * LibreOffice keeps cached values stored in an .xlsx unless its profile says "always recalculate";
 * we therefore create a throw-away profile with OOXMLRecalcMode = ODFRecalcMode = 0 per call, and
 * convert all files in ONE soffice run because start-up costs several seconds.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { workbookCells, XlsxPackage, type CellXml } from "../../src/writers/ooxml";

/** A computed cell value; dates are serial numbers, blanks null. */
export type Computed = string | number | boolean | null | { error: string };

/** sheet name → A1 address → computed value. */
export type ComputedWorkbook = Map<string, Map<string, Computed>>;

const RECALC_PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

function sofficePath(): string {
  for (const candidate of ["/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/lib/libreoffice/program/soffice"]) {
    if (existsSync(candidate)) return candidate;
  }
  throw new Error("LibreOffice (soffice) is not installed: these tests need it (apt-get install libreoffice-calc-nogui)");
}

/** Runs one soffice conversion of `files` to `format` into `outDir` with a fresh always-recalc profile, killed after `timeoutMs`. */
export function convertWithLibreOffice(files: readonly string[], format: string, outDir: string, timeoutMs = 300_000): string[] {
  const profile = mkdtempSync(join(tmpdir(), "sp-lo-profile-"));
  mkdirSync(join(profile, "user"), { recursive: true });
  writeFileSync(join(profile, "user", "registrymodifications.xcu"), RECALC_PROFILE);
  mkdirSync(outDir, { recursive: true });
  try {
    execFileSync(
      sofficePath(),
      [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", format, "--outdir", outDir, ...files],
      { stdio: "pipe", timeout: timeoutMs },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const ext = format.split(":")[0];
  const outputs = files.map((f) => join(outDir, basename(f).replace(/\.[^.]+$/, `.${ext}`)));
  for (const out of outputs) {
    if (!existsSync(out)) throw new Error(`LibreOffice did not produce ${out}`);
  }
  return outputs;
}

/**
 * Reads cached values straight from the package LibreOffice wrote (exceljs would drop results
 * equal to 0, and would turn date-formatted numbers into Date objects; here dates stay serials).
 */
async function readComputed(file: string): Promise<ComputedWorkbook> {
  const book = await workbookCells(await XlsxPackage.load(readFileSync(file)));
  const computed = (cell: CellXml): Computed => {
    if (cell.text === undefined) return cell.type === "inlineStr" ? "" : null;
    if (cell.type === "b") return cell.text === "1";
    if (cell.type === "e") return { error: cell.text };
    return cell.type === "n" ? Number(cell.text) : cell.text;
  };
  return new Map([...book].map(([sheet, cells]) => [sheet, new Map([...cells].map(([address, cell]) => [address, computed(cell)]))]));
}

/** Recalculates every file in LibreOffice and reads back all computed cell values. */
export async function recalcXlsx(files: readonly string[]): Promise<ComputedWorkbook[]> {
  const outDir = mkdtempSync(join(tmpdir(), "sp-lo-out-"));
  try {
    const outputs = convertWithLibreOffice(files, "xlsx:Calc MS Excel 2007 XML", outDir);
    return await Promise.all(outputs.map(readComputed));
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** Every cell whose computed value is a spreadsheet error, as "Sheet!A1: #ERR". */
export function errorCells(book: ComputedWorkbook): string[] {
  const found: string[] = [];
  for (const [sheet, cells] of book) {
    for (const [addr, v] of cells) {
      if (v !== null && typeof v === "object") found.push(`${sheet}!${addr}: ${v.error}`);
      else if (typeof v === "string" && /^#(NAME\?|VALUE!|REF!|DIV\/0!|N\/A|NUM!|NULL!)$/.test(v)) found.push(`${sheet}!${addr}: ${v}`);
    }
  }
  return found;
}
