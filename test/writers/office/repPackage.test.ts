import JSZip from "jszip";
import { buildTemplates } from "../../../src/templates";
import { NO_NAMES } from "../../../src/spec/naming";
import { readRepPackage } from "../../../src/writers/office/team/repPackage";
import { writeXlsx } from "../../../src/writers/xlsx";
import { shiftFormula } from "../../../src/writers/ooxml/workbook";

/**
 * What the pane reads from a rep's file before inserting it. Excel, saving the rep's workbook,
 * stores a column of equal formulas (a table's calculated column) as one shared formula; every
 * cell of it must still be found, or re-keying would leave all rows but the first on the old key.
 */

/** The rep's monthly plan as Excel would save it: each run of equal `SP_` formulas made one shared formula. */
async function savedWithSharedFormulas(): Promise<{ data: Uint8Array; shared: { addresses: string[]; formula: string }[] }> {
  const data = await writeXlsx(buildTemplates([{ template: "monthly", options: { rep: "王五", year: 2026, month: 11 } }], { locale: "zh-CN", existing: NO_NAMES }));
  const zip = await JSZip.loadAsync(data);
  const path = Object.keys(zip.files).find((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p))!;
  let xml = await zip.file(path)!.async("string");
  // Runs of a column's cells each holding the run's first text moved to its row (the file spells a row's own
  // cells as addresses), keyed by that first text.
  const byFormula = new Map<string, string[]>();
  const textAt = new Map<string, string>();
  const runOf = new Map<string, { formula: string; row: number }>();
  for (const m of xml.matchAll(/<c r="([A-Z]+)(\d+)"[^>]*><f>([^<]*SP_[^<]*)<\/f>/g)) {
    const [, letters, row, formula] = m;
    let run = runOf.get(letters);
    if (run === undefined || formula !== shiftFormula(run.formula, Number(row) - run.row, 0)) runOf.set(letters, (run = { formula, row: Number(row) }));
    byFormula.set(run.formula, [...(byFormula.get(run.formula) ?? []), `${letters}${row}`]);
    textAt.set(`${letters}${row}`, formula);
  }
  const shared = [...byFormula].filter(([, addresses]) => addresses.length >= 3).map(([formula, addresses]) => ({ formula, addresses }));
  shared.forEach(({ formula, addresses }, si) => {
    const [first, ...rest] = addresses;
    const f = `<f>${formula}</f>`;
    xml = xml.replace(`<c r="${first}"`, `<c r="${first}" data-first`).replace(new RegExp(`(<c r="${first}" data-first[^>]*>)${escape(f)}`), `$1<f t="shared" ref="${first}:${rest.at(-1)}" si="${si}">${formula}</f>`).replace(" data-first", "");
    for (const address of rest) xml = xml.replace(new RegExp(`(<c r="${address}"[^>]*>)${escape(`<f>${textAt.get(address)}</f>`)}`), `$1<f t="shared" si="${si}"/>`);
  });
  zip.file(path, xml);
  return { data: await zip.generateAsync({ type: "uint8array" }), shared };
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

describe("readRepPackage", () => {
  test("finds every cell of a shared formula that mentions a plan key, not only the first", async () => {
    const { data, shared } = await savedWithSharedFormulas();
    expect(shared.length).toBeGreaterThanOrEqual(2);
    const xml = await (await JSZip.loadAsync(data)).file(/^xl\/worksheets\/sheet\d+\.xml$/)[0].async("string");
    expect((xml.match(/<f t="shared" si="\d+"\/>/g) ?? []).length).toBeGreaterThan(4);
    const rep = await readRepPackage(data);
    const row = (address: string) => Number(/\d+$/.exec(address)![0]);
    for (const { formula, addresses } of shared) {
      const unescaped = formula.replace(/&quot;/g, '"').replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">");
      const found = rep.formulas.filter((cell) => addresses.includes(cell.address)).map((cell) => [cell.address, cell.formula]);
      expect(found.sort()).toEqual(addresses.map((address) => [address, shiftFormula(unescaped, row(address) - row(addresses[0]), 0)]).sort());
    }
  });

  test("a shared formula with an A1 reference reaches the other cells as each reads it, the reference moved by its row", async () => {
    const { data, shared } = await savedWithSharedFormulas();
    const zip = await JSZip.loadAsync(data);
    const part = zip.file(/^xl\/worksheets\/sheet\d+\.xml$/)[0];
    const [{ formula, addresses }] = shared;
    zip.file(part.name, (await part.async("string")).replace(`si="0">${formula}</f>`, `si="0">${formula}+$B2</f>`));
    const rep = await readRepPackage(await zip.generateAsync({ type: "uint8array" }));
    const row = (address: string) => Number(/\d+$/.exec(address)![0]);
    const unescaped = formula.replace(/&quot;/g, '"').replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">");
    expect(rep.formulas.filter((cell) => addresses.includes(cell.address)).map((cell) => [cell.address, cell.formula])).toEqual(
      addresses.map((address) => [address, `${shiftFormula(unescaped, row(address) - row(addresses[0]), 0)}+$B${2 + row(address) - row(addresses[0])}`]),
    );
  });
});
