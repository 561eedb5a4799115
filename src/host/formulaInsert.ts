import { type FormulaSyntax, SYNTAX_PROBE, syntaxFromProbe } from "./formulaSyntax";

/** What happened when the pane tried to put a formula into the selected cell. */
export type InsertOutcome = { readonly kind: "inserted"; readonly address: string } | { readonly kind: "occupied"; readonly address: string };

/**
 * Whether this Excel runs add-in custom functions. The manifest only requires SharedRuntime 1.1, which
 * retail-perpetual Excel has from Version 2002, but custom functions arrive there only with Version 2311
 * (custom-functions-requirement-sets); without them the add-in loads and an inserted formula shows #NAME?.
 * 1.3 because the functions return CustomFunctions.ErrorCode.invalidNumber / divisionByZero (1.3).
 */
export function customFunctionsAvailable(): boolean {
  try {
    return Office.context.requirements.isSetSupported("CustomFunctionsRuntime", "1.3");
  } catch {
    return false;
  }
}

/**
 * Puts the formula `build` spells into the first cell of the selection, unless that cell already holds
 * anything: the add-in never overwrites the user's data. `formulasLocal` is needed because Excel knows a
 * custom function only by its display-language name there (office-js #891, #6614); its separators are the
 * user's regional ones, which Office.js does not expose, so Excel is asked for them (formulaSyntax.ts).
 * Three syncs: read the cell; write the probe and read it back in the local syntax; write the formula.
 */
export async function insertIntoSelectedCell(build: (syntax: FormulaSyntax) => string): Promise<InsertOutcome> {
  return Excel.run(async (context) => {
    const cell = context.workbook.getSelectedRange().getCell(0, 0);
    cell.load(["address", "formulas", "numberFormat"]);
    await context.sync();
    const address = cell.address;
    if (cell.formulas[0][0] !== "") return { kind: "occupied", address };
    // Excel may give a cell a date format when a formula with DATE is typed into it; the probe must
    // not leave one behind, so the cell's own format is put back with the formula (same sync).
    const numberFormat = cell.numberFormat;
    cell.formulas = [[SYNTAX_PROBE]];
    cell.load("formulasLocal");
    await context.sync();
    try {
      const syntax = syntaxFromProbe(String(cell.formulasLocal[0][0]));
      if (!syntax) throw new Error(`unreadable formula syntax: ${String(cell.formulasLocal[0][0])}`);
      cell.formulasLocal = [[build(syntax)]];
      cell.numberFormat = numberFormat;
      cell.select();
      await context.sync();
    } catch (error) {
      // The cell was empty: empty it again, so a failed insert leaves no probe behind.
      cell.formulas = [[""]];
      cell.numberFormat = numberFormat;
      await context.sync();
      throw error;
    }
    return { kind: "inserted", address };
  });
}
