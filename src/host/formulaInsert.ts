/** What happened when the pane tried to put a formula into the selected cell. */
export type InsertOutcome = { readonly kind: "inserted"; readonly address: string } | { readonly kind: "occupied"; readonly address: string };

/**
 * Puts `formula` (written in the workbook's display language, hence formulasLocal) into the first cell
 * of the selection, unless that cell already holds anything: the add-in never overwrites the user's data.
 * Two syncs: one to read the cell, one to write it.
 */
export async function insertIntoSelectedCell(formula: string): Promise<InsertOutcome> {
  return Excel.run(async (context) => {
    const cell = context.workbook.getSelectedRange().getCell(0, 0);
    cell.load(["address", "formulas"]);
    await context.sync();
    const address = cell.address;
    if (cell.formulas[0][0] !== "") return { kind: "occupied", address };
    cell.formulasLocal = [[formula]];
    cell.select();
    await context.sync();
    return { kind: "inserted", address };
  });
}
