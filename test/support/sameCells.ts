import { xlsxCells } from "../writers/office/xlsxCells";

/**
 * A front door (the pane's download, the built command line) must write the very workbook the writer
 * writes for the same request: the same sheets in the same order, and in each the same value or formula
 * in every cell. Whether those formulas calculate is LibreOffice's to say, once, in the engine suites
 * (test/writers/xlsx/engine.test.ts, test/team/engine.test.ts); this check needs no engine.
 */
export async function expectSameCells(written: Uint8Array, expected: Uint8Array): Promise<void> {
  const [actual, wanted] = await Promise.all([xlsxCells(written), xlsxCells(expected)]);
  expect([...actual.keys()]).toEqual([...wanted.keys()]);
  for (const [sheet, cells] of wanted) {
    expect(cells.size).toBeGreaterThan(0);
    expect([sheet, Object.fromEntries(actual.get(sheet) ?? [])]).toEqual([sheet, Object.fromEntries(cells)]);
  }
}
