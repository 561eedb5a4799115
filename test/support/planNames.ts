import type { NameEntry } from "../../src/team";
import type { SheetSpec } from "../../src/spec/sheetSpec";

/** The defined names of `specs` as readPlans would read them from a workbook: name, sheet, and the value of the cell named. */
export const namesOf = (specs: readonly SheetSpec[]): NameEntry[] =>
  specs.flatMap((spec) =>
    spec.names.map((n) => ({
      name: n.name,
      sheet: spec.name,
      value: spec.cells.find((c) => c.at.row === n.target.from.row && c.at.col === n.target.from.col)?.value ?? null,
    })),
  );
