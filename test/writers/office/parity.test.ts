/**
 * One layout, two renderers: the same builder output written through the Office writer (into the
 * fake Excel) and through the xlsx writer (read back from the package) must hold the same value or
 * formula in every cell of every sheet, and the same conditional formats: range, rule, formulas
 * (the one place the spec allows A1 references) and look.
 */
import { a1, rangeA1 } from "../../../src/spec/a1";
import { NO_NAMES } from "../../../src/spec/naming";
import type { SheetSpec } from "../../../src/spec/sheetSpec";
import { writeSheets } from "../../../src/writers/office/officeWriter";
import { writeXlsx } from "../../../src/writers/xlsx";
import { atRow, rowFormulas, templateOf } from "../../../src/writers/xlsx/rowFormulas";
import { tableLayout } from "../../../src/writers/layout";
import { FakeExcel } from "../../fakes/fakeExcel";
import { TEMPLATE_NAMES, templateBuild } from "./templates";
import { definedOnly, xlsxCells, xlsxConditionalFormats, type CellContent, type WrittenConditionalFormat } from "./xlsxCells";

async function officeWritten(specs: readonly SheetSpec[]): Promise<FakeExcel> {
  const fake = new FakeExcel();
  await fake.run((context) => writeSheets(context, () => specs));
  return fake;
}

/** Each sheet's cells as the Office writer left them in the fake: formulas without "=", like the file format. */
async function viaOffice(specs: readonly SheetSpec[]): Promise<Map<string, Map<string, CellContent>>> {
  const fake = await officeWritten(specs);
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

/**
 * The Office cells as the file spells them: a calculated column's formula, which Excel takes as written,
 * is in a file each row's own text (`rowFormulas.ts`: its own cells as addresses, unknown names in lower case).
 */
function spelledPerRow(specs: readonly SheetSpec[], office: Map<string, Map<string, CellContent>>): Map<string, Map<string, CellContent>> {
  const perRow = rowFormulas(specs, []);
  for (const spec of specs) {
    const cells = office.get(spec.name);
    for (const table of spec.tables) {
      const layout = tableLayout(table);
      table.columns.forEach((column, i) => {
        if (column.formula === undefined) return;
        for (let row = layout.body.from.row; row <= layout.body.to.row; row++) {
          const at = a1({ row, col: layout.header.from.col + i });
          const cell = cells?.get(at);
          expect([at, cell]).toEqual([at, { formula: column.formula }]);
          cells?.set(at, { formula: atRow(templateOf(perRow, table, column), row + 1) });
        }
      });
    }
  }
  return office;
}

describe.each(["zh-CN", "en-US"] as const)("Office and xlsx writers agree (%s)", (locale) => {
  test.each(TEMPLATE_NAMES)("%s", async (name) => {
    const specs = templateBuild(name, 25, locale)(NO_NAMES);
    const [office, xlsx] = await Promise.all([viaOffice(specs).then((cells) => spelledPerRow(specs, cells)), writeXlsx(specs).then(xlsxCells)]);
    expect([...office.keys()]).toEqual(specs.map((s) => s.name));
    for (const spec of specs) {
      const fromOffice = Object.fromEntries(office.get(spec.name) ?? []);
      const fromXlsx = Object.fromEntries(xlsx.get(spec.name) ?? []);
      expect(Object.keys(fromOffice).length).toBeGreaterThan(spec.tables.length * 25);
      expect(fromOffice).toEqual(fromXlsx);
    }
  });
});

/** The file format's names for the Office cell-value operators (excel.conditionalcelloperator, ST_ConditionalFormattingOperator). */
const OPERATOR: Record<string, string> = {
  Between: "between",
  NotBetween: "notBetween",
  EqualTo: "equal",
  NotEqualTo: "notEqual",
  GreaterThan: "greaterThan",
  LessThan: "lessThan",
  GreaterThanOrEqual: "greaterThanOrEqual",
  LessThanOrEqual: "lessThanOrEqual",
};
const KIND: Record<string, WrittenConditionalFormat["kind"]> = { Custom: "expression", CellValue: "cellIs", PresetCriteria: "duplicates", DataBar: "dataBar" };
const SETTINGS: Record<string, string> = { Custom: "custom", CellValue: "cellValue", PresetCriteria: "preset", DataBar: "dataBar" };
const hex = (value: unknown): string | undefined => (typeof value === "string" ? value.replace(/^#/, "").toUpperCase() : undefined);

/** Each sheet's conditional formats as the Office writer set them on the fake, in priority order (top first). */
async function conditionalFormatsViaOffice(specs: readonly SheetSpec[]): Promise<Map<string, WrittenConditionalFormat[]>> {
  const fake = await officeWritten(specs);
  return new Map(
    specs.map((spec) => [
      spec.name,
      fake.sheet(spec.name).conditionalFormats.map((cf): WrittenConditionalFormat => {
        const at = (key: string) => cf.settings[`${SETTINGS[cf.type]}.${key}`];
        const cellValue = at("rule") as { operator?: string; formula1?: string; formula2?: string } | undefined;
        const formulas = cf.type === "Custom" ? [at("rule.formula")] : cf.type === "CellValue" ? [cellValue?.formula1, cellValue?.formula2] : [];
        return {
          range: rangeA1(cf.range),
          kind: KIND[cf.type],
          ...(cf.type === "CellValue" ? { operator: OPERATOR[cellValue?.operator ?? ""] } : {}),
          formulas: formulas.filter((f): f is string => typeof f === "string").map((f) => f.replace(/^=/, "")),
          style: definedOnly({
            fontColor: hex(at("format.font.color")),
            bold: at("format.font.bold") === true || undefined,
            fill: hex(at("format.fill.color")),
            bar: hex(at("positiveFormat.fillColor")),
          }),
        };
      }),
    ]),
  );
}

describe.each(["zh-CN", "en-US"] as const)("Office and xlsx writers write the same conditional formats (%s)", (locale) => {
  test.each(TEMPLATE_NAMES)("%s", async (name) => {
    const specs = templateBuild(name, 25, locale)(NO_NAMES);
    const [office, xlsx] = await Promise.all([conditionalFormatsViaOffice(specs), writeXlsx(specs).then(xlsxConditionalFormats)]);
    for (const spec of specs) {
      expect(office.get(spec.name)).toHaveLength(spec.conditionalFormats.length);
      expect([spec.name, office.get(spec.name)]).toEqual([spec.name, xlsx.get(spec.name)]);
    }
  });
});
