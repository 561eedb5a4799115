/**
 * One layout, two renderers: the same builder output written through the Office writer (into the
 * fake Excel) and through the xlsx writer (read back with exceljs) must hold the same value or
 * formula in every cell of every sheet.
 */
import { a1 } from "../../../src/spec/a1";
import { NO_NAMES } from "../../../src/spec/naming";
import type { SheetSpec } from "../../../src/spec/sheetSpec";
import { writeSheets } from "../../../src/writers/office/officeWriter";
import { writeXlsx } from "../../../src/writers/xlsx";
import { FakeExcel } from "../../fakes/fakeExcel";
import { TEMPLATE_NAMES, templateBuild } from "./templates";
import { xlsxCells, type CellContent } from "./xlsxCells";

/** Each sheet's cells as the Office writer left them in the fake: formulas without "=", like the file format. */
async function viaOffice(specs: readonly SheetSpec[]): Promise<Map<string, Map<string, CellContent>>> {
  const fake = new FakeExcel();
  await fake.run((context) => writeSheets(context, () => specs));
  return new Map(
    specs.map((spec) => {
      const cells = new Map<string, CellContent>();
      for (const [key, cell] of fake.sheet(spec.name).cells) {
        const [row, col] = key.split(",").map(Number);
        if (cell.formula !== undefined) cells.set(a1({ row, col }), { formula: cell.formula.slice(1) });
        else if (cell.value !== undefined) cells.set(a1({ row, col }), { value: cell.value });
      }
      return [spec.name, cells];
    }),
  );
}

describe.each(["zh-CN", "en-US"] as const)("Office and xlsx writers agree (%s)", (locale) => {
  test.each(TEMPLATE_NAMES)("%s", async (name) => {
    const specs = templateBuild(name, 25, locale)(NO_NAMES);
    const [office, xlsx] = await Promise.all([viaOffice(specs), writeXlsx(specs).then(xlsxCells)]);
    expect([...office.keys()]).toEqual(specs.map((s) => s.name));
    for (const spec of specs) {
      const fromOffice = Object.fromEntries(office.get(spec.name) ?? []);
      const fromXlsx = Object.fromEntries(xlsx.get(spec.name) ?? []);
      expect(Object.keys(fromOffice).length).toBeGreaterThan(spec.tables.length * 25);
      expect(fromOffice).toEqual(fromXlsx);
    }
  });
});
