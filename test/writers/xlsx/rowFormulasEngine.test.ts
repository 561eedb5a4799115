/**
 * Issue 17 item 1, by construction: LibreOffice compiles a formula cell of an .xlsx only when its text
 * differs from what the cell above's compiled formula prints at its row (`rowFormulas.ts`). So every
 * calculated cell of every template — each workbook of the corpus, both languages, filled and empty,
 * the roll-up — must come back from a LibreOffice save exactly as written: then a register of any size
 * compiles each column once. A formula LibreOffice spells differently (`TRUE()`, `0.000000001`, a
 * structured reference) would be compiled again in every row.
 */
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { columnLetters } from "../../../src/spec/a1";
import { XlsxPackage, sharedStrings, sheetCells, tableParts } from "../../../src/writers/ooxml";
import { buildCorpus } from "../../corpus/corpus";
import { convertWithLibreOffice } from "../../support/libreoffice";

jest.setTimeout(300_000);

/** "book/sheet!A5" → formula of every calculated cell of every table (header and totals rows left out). */
async function bodyFormulas(bytes: Uint8Array): Promise<Map<string, string>> {
  const pkg = await XlsxPackage.load(bytes);
  const shared = await sharedStrings(pkg);
  const found = new Map<string, string>();
  for (const table of await tableParts(pkg, () => true)) {
    const cells = sheetCells((await pkg.text(table.sheetPath)) ?? "", shared);
    const from = table.range.from.row + 1 + table.headerRows;
    const to = table.range.to.row + 1 - table.totalsRows;
    for (let r = from; r <= to; r++) {
      for (let c = table.range.from.col; c <= table.range.to.col; c++) {
        const address = `${columnLetters(c)}${r}`;
        const formula = cells.get(address)?.formula;
        if (formula !== undefined) found.set(`${table.sheet}!${address}`, formula);
      }
    }
  }
  return found;
}

test("LibreOffice saves every calculated cell of every template exactly as the writer wrote it", async () => {
  const dir = mkdtempSync(join(tmpdir(), "sp-row-formulas-"));
  try {
    const corpus = await buildCorpus();
    const files = corpus.map((entry, i) => {
      const file = join(dir, `w${i}.xlsx`);
      writeFileSync(file, entry.xlsx);
      return file;
    });
    const saved = convertWithLibreOffice(files, "xlsx:Calc MS Excel 2007 XML", join(dir, "out"));
    let compared = 0;
    for (const [i, entry] of corpus.entries()) {
      const written = await bodyFormulas(entry.xlsx);
      const back = await bodyFormulas(readFileSync(saved[i]));
      const differing = [...written].filter(([at, f]) => back.get(at) !== f).map(([at, f]) => `${entry.name} ${at}: ${f} → ${back.get(at)}`);
      expect(differing.slice(0, 5)).toEqual([]);
      compared += written.size;
    }
    expect(compared).toBeGreaterThan(1000);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
