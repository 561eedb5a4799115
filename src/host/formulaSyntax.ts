/**
 * How formulas are spelt in the user's Excel. `Range.formulasLocal` takes "the formula … in the user's
 * language and number-formatting locale" ("=SUM(A1, 1.5)" is "=SUMME(A1; 1,5)" in German): the argument
 * separator is the system's list separator (";" in de-DE and de-CH alike), the decimal separator and the
 * array separators follow the regional settings, built-in names the display language. Office.js gives
 * only the decimal separator (Application.decimalSeparator, ExcelApi 1.11) — there is no list separator
 * or array separator in the API — so the pane asks Excel itself: it writes SYNTAX_PROBE through
 * `formulas` (always en-US syntax) and reads it back through `formulasLocal`. Pure: no Office here.
 */

export interface FormulaSyntax {
  /** Between a function's arguments: "," or ";". */
  readonly list: string;
  readonly decimal: string;
  readonly arrayColumn: string;
  readonly arrayRow: string;
  /** DATE in the display language (DATUM in German Excel). */
  readonly dateFunction: string;
}

/** The syntax of `Range.formulas`, of en-US settings, and of the examples the pane shows. */
export const INVARIANT_SYNTAX: FormulaSyntax = { list: ",", decimal: ".", arrayColumn: ",", arrayRow: ";", dateFunction: "DATE" };

/**
 * Every separator once, each between distinct digits so it can be read back unambiguously. IF(0,…)
 * keeps the result one FALSE, so the probe never spills into the cells around it.
 */
export const SYNTAX_PROBE = "=IF(0,DATE({1.5,2;3,4},5,6))";

const PROBE_READ = /^=[^(]+\(0(.+?)([^(]+)\(\{1(.+?)5(.+?)2(.+?)3(.+?)4\}(.+?)5(.+?)6\)\)$/u;

/** The syntax the probe shows in `formulasLocal`, or undefined if Excel spelt it in a way we cannot read. */
export function syntaxFromProbe(local: string): FormulaSyntax | undefined {
  const match = PROBE_READ.exec(local);
  if (!match) return undefined;
  const [, list, dateFunction, decimal, arrayColumn, arrayRow, column2, list2, list3] = match;
  if (column2 !== arrayColumn || list2 !== list || list3 !== list) return undefined;
  return { list, decimal, arrayColumn, arrayRow, dateFunction };
}
