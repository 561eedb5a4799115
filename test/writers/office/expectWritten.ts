import { a1, quoteSheet, rangeA1 } from "../../../src/spec/a1";
import type { SheetSpec } from "../../../src/spec/sheetSpec";
import { resolveTarget, tableLayout } from "../../../src/writers/layout";
import { qualifiedAddress } from "../../../src/spec/addresses";
import { widthInPoints } from "../../../src/writers/office/sheetSteps";
import type { FakeExcel } from "../../fakes/fakeExcel";

const CF_TYPE = { expression: "Custom", cellIs: "CellValue", duplicates: "PresetCriteria", dataBar: "DataBar" } as const;

/** Asserts that `spec` was rendered onto sheet `sheetName` of the fake, as the Office writer promises. */
export function expectWritten(fake: FakeExcel, spec: SheetSpec, options: { sheetName?: string; ownsSheet?: boolean } = {}): void {
  const sheetName = options.sheetName ?? spec.name;
  const sheet = fake.sheet(sheetName);
  for (const cell of spec.cells) {
    const at = a1(cell.at);
    if (cell.formula !== undefined) expect([at, sheet.formula(at)]).toEqual([at, `=${cell.formula}`]);
    else expect([at, sheet.value(at)]).toEqual([at, cell.value ?? undefined]);
    if (cell.numberFormat !== undefined) expect(sheet.numberFormat(at)).toBe(cell.numberFormat);
  }
  for (const table of spec.tables) {
    const written = fake.state.tables.find((t) => t.name === table.name);
    expect(written?.sheet).toBe(sheet);
    expect(written?.range).toEqual(tableLayout(table).whole);
    expect(written?.showTotals).toBe(table.showTotals);
    expect(written?.style).toBe(table.style);
    expect(fake.state.tableHeaders(written!)).toEqual(table.columns.map((c) => c.header));
    const lastRow = table.origin.row + table.rows.length;
    table.columns.forEach((column, index) => {
      const at = a1({ row: lastRow, col: table.origin.col + index });
      if (column.formula !== undefined) expect(sheet.formula(at)).toBe(`=${column.formula}`);
      const formatted = [lastRow, ...(table.showTotals ? [lastRow + 1] : [])];
      for (const row of formatted) expect(sheet.numberFormat(a1({ row, col: table.origin.col + index }))).toBe(column.numberFormat);
    });
  }
  for (const name of spec.names) {
    const single = name.target.from.row === name.target.to.row && name.target.from.col === name.target.to.col;
    const reference = single ? a1(name.target.from, true) : rangeA1(name.target, true);
    expect(fake.state.names.find((n) => n.name === name.name)?.formula).toBe(`=${quoteSheet(sheetName)}!${reference}`);
  }
  for (const name of spec.columnNames ?? []) {
    expect(fake.state.names.find((n) => n.name === name.name)).toEqual({ name: name.name, formula: `=${name.table}[[${name.column}]]`, comment: name.comment });
  }
  const columnValidations = spec.tables.flatMap((t) => t.columns.filter((c) => c.validation));
  expect(sheet.validations).toHaveLength(spec.validations.length + columnValidations.length);
  for (const validation of sheet.validations) expect(validation).toEqual(expect.objectContaining({ rule: expect.anything(), errorAlert: expect.anything() }));
  // In priority order, top first: the spec's order, as the xlsx writer numbers the priorities.
  expect(sheet.conditionalFormats.map((f) => [qualifiedAddress(sheetName, f.range), f.type])).toEqual(
    spec.conditionalFormats.map((cf) => [qualifiedAddress(sheetName, resolveTarget(spec, cf.target)), CF_TYPE[cf.rule.kind]]),
  );
  expect(sheet.charts).toHaveLength(spec.charts.length);
  // Every series as the spec states it — nothing left to charts.add's guess from its source range.
  spec.charts.forEach((chart, i) => {
    const at = (target: (typeof chart)["categories"]) => qualifiedAddress(sheetName, resolveTarget(spec, target));
    expect(sheet.charts[i]?.series).toEqual(chart.series.map((s) => ({ name: s.name, values: at(s.values), categories: at(chart.categories) })));
    // A bar chart (the project funnel) reads top to bottom, its value axis below the last category.
    const bar = { "axes.categoryAxis.reversePlotOrder": true, "axes.categoryAxis.position": "Maximum" };
    expect([sheet.charts[i]?.type, Object.entries(bar).every(([k, v]) => sheet.charts[i]?.settings[k] === v)]).toEqual(
      [({ column: "ColumnClustered", bar: "BarClustered", pie: "Pie", line: "LineMarkers" } as const)[chart.kind], chart.kind === "bar"],
    );
  });
  expect(sheet.merges).toHaveLength(spec.merges.length);
  if (options.ownsSheet === false) return;
  expect(sheet.freeze).toEqual(spec.freeze);
  spec.columnWidths.forEach((width, col) => {
    if (width !== undefined) expect(sheet.format(a1({ row: 0, col }), "columnWidth")).toBe(widthInPoints(width));
  });
  expect(sheet.pageLayout.orientation).toBe(spec.print.orientation === "landscape" ? "Landscape" : "Portrait");
}
