import type { SheetSpec } from "../../src/spec/sheetSpec";
import type { SheetDraft } from "../../src/templates/draft";

/**
 * Probe sheets for the engine tests: an engine's saved file holds no conditional-format results, so each rule's
 * expression is copied into probe cells, one per row of its target, and the engine computes them.
 */

/** A cell reference, not part of a name (`SP_A1_START`) or a function (`LOG10(`): `$A32`, `B$4`, `C7`. */
const CELL_REF = /(?<![A-Za-z0-9_.])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(])/g;

/**
 * A rule's expression (written for its target's first cell) as Excel applies it `down` rows lower: relative rows
 * moved, absolute ones kept, every cell reference qualified with the rule's sheet; string literals untouched.
 * As a probe cell's formula: 1 where the rule applies, 0 where not.
 */
export function ruleAt(formula: string, sheet: string, down: number): string {
  const quoted = `'${sheet.replace(/'/g, "''")}'!`;
  const moved = formula
    .split('"')
    .map((part, i) => (i % 2 === 1 ? part : part.replace(CELL_REF, (_, col$: string, col: string, row$: string, row: string) => `${quoted}${col$}${col}${row$}${row$ ? row : Number(row) + down}`)))
    .join('"');
  return `IF(${moved},1,0)`;
}

/** The probe sheet, named "probe", its record below the probe cells (`recordRow`). */
export function finishProbe(draft: SheetDraft, recordRow: number): SheetSpec {
  return draft.finish({
    name: "probe",
    record: { template: "probe", role: "main", version: 1, key: "Z1", value: "probe", at: { row: recordRow, col: 0 } },
    recordLabel: "probe",
    recordNote: "probe",
    freeze: { rows: 0, cols: 0 },
    print: { orientation: "portrait", fitToWidth: false, paperSize: "A4" },
  });
}
