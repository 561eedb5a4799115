import { attr, definedNames, escapeXml, openTags, XlsxPackage } from "../ooxml";
import type { ColumnNameSpec } from "../../spec/sheetSpec";
import { columnNameFormula } from "../layout";

/**
 * Finishes the .xlsx package exceljs saved for new sheets, for what exceljs cannot write:
 * - `<calculatedColumnFormula>` / `<totalsRowFormula>` in table parts: without the first, Excel
 *   does not treat a formula column as a calculated column and new rows would not get the formula;
 * - Excel's native duplicate-values conditional format (exceljs knows only expression rules, so
 *   the renderer writes a marker expression that is swapped here);
 * - comments on defined names (shown in Name Manager), and names that refer to a table column (exceljs
 *   takes only ranges);
 * - charts (exceljs writes none), through `finish` and `charts.ts`.
 * Works on raw XML text with targeted replacements; every value inserted is XML-escaped.
 */

/** Formula text the renderer writes for a duplicate-values rule; replaced by the native rule here. */
export const DUPLICATES_MARKER = "SP_DUPLICATES_RULE";

/**
 * A table's whole range and its filter's (header and body), which exceljs writes for the rows it was given:
 * the first only (`tableBodies.ts`).
 */
export interface TableRefs {
  readonly ref: string;
  readonly autoFilter: string;
}

/** table name → column header → XML-escaped formula text. */
export type ColumnFormulas = Map<string, Map<string, string>>;

export interface PackageFixes {
  readonly calculated: ColumnFormulas;
  readonly totals: ColumnFormulas;
  readonly refs: ReadonlyMap<string, TableRefs>;
  /** defined name → comment (plain text). */
  readonly nameComments: ReadonlyMap<string, string>;
  /** Names of table columns, added with their comments. */
  readonly columnNames: readonly ColumnNameSpec[];
  /** Last edit of the open package before it is saved (the writer adds charts here, see `charts.ts`). */
  readonly finish?: (pkg: XlsxPackage) => Promise<void>;
}

function patchTable(xml: string, fixes: PackageFixes): string {
  const table = attr(openTags(xml, "table")[0] ?? "", "name");
  if (!table) return xml;
  const calculated = fixes.calculated.get(table);
  const totals = fixes.totals.get(table);
  const refs = fixes.refs.get(table);
  const sized = refs ? xml.replace(/^([\s\S]*?<table\b[^>]*?\sref=")[^"]*"/, (_, head: string) => `${head}${refs.ref}"`).replace(/<autoFilter ref="[^"]*"/, () => `<autoFilter ref="${refs.autoFilter}"`) : xml;
  if (!calculated && !totals) return sized;
  return sized.replace(/<tableColumn\b([^>]*?)\/>/g, (element, attributes: string) => {
    const column = attr(element, "name") ?? "";
    const calc = calculated?.get(column);
    const total = totals?.get(column);
    if (calc === undefined && total === undefined) return element;
    return (
      `<tableColumn${attributes}>` +
      (calc !== undefined ? `<calculatedColumnFormula>${calc}</calculatedColumnFormula>` : "") +
      (total !== undefined ? `<totalsRowFormula>${total}</totalsRowFormula>` : "") +
      `</tableColumn>`
    );
  });
}

function patchWorkbook(xml: string, fixes: PackageFixes): string {
  let patched = xml;
  for (const { element, name } of definedNames(xml)) {
    const comment = fixes.nameComments.get(name);
    if (comment === undefined || attr(element, "comment") !== undefined) continue;
    patched = patched.replace(element, () => element.replace(/^<definedName\b/, `<definedName comment="${escapeXml(comment)}"`));
  }
  if (fixes.columnNames.length === 0) return patched;
  // Every sheet names its template record, so exceljs has written the list these join.
  if (!patched.includes("</definedNames>")) throw new Error("workbook.xml has no definedNames to add column names to");
  const added = fixes.columnNames.map((n) => `<definedName name="${escapeXml(n.name)}" comment="${escapeXml(n.comment)}">${escapeXml(columnNameFormula(n))}</definedName>`);
  return patched.replace("</definedNames>", () => `${added.join("")}</definedNames>`);
}

const DUPLICATES_RULE = new RegExp(`<cfRule type="expression"([^>]*)><formula>${DUPLICATES_MARKER}</formula></cfRule>`, "g");

export async function patchPackage(data: Uint8Array, fixes: PackageFixes): Promise<Uint8Array> {
  const pkg = await XlsxPackage.load(data);
  for (const path of pkg.paths()) {
    const type = pkg.types.typeOf(path) ?? "";
    if (type.endsWith(".table+xml")) pkg.write(path, patchTable((await pkg.text(path)) ?? "", fixes));
    if (type.endsWith(".worksheet+xml")) {
      const xml = (await pkg.text(path)) ?? "";
      if (xml.includes(DUPLICATES_MARKER)) pkg.write(path, xml.replace(DUPLICATES_RULE, '<cfRule type="duplicateValues"$1/>'));
    }
  }
  pkg.write("xl/workbook.xml", patchWorkbook(await pkg.workbookXml(), fixes));
  await fixes.finish?.(pkg);
  return pkg.save();
}
