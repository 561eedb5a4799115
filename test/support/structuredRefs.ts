/**
 * The tables a formula's structured references name, and their columns — for the checks that refuse a
 * reference Excel refuses (the fake Excel's formulas and names, the OOXML gate's defined names).
 */

// No name starts right after a letter, `_` or `\` (the match would have begun there); saying so spares the
// engine retrying every position inside every name, seconds in the formula-heavy roll-up tests.
const TABLE_REFERENCE = /(?<![\p{L}_\\])([\p{L}_\\][\p{L}\p{N}_.\\]*)\[/gu;

/**
 * The columns the brackets of a structured reference name, from `open` (its "["): `[金额]`, `[@金额]`,
 * `[[#This Row],[金额]]`, `[[甲]:[乙]]`, unescaped (`'` before `[ ] # '`); the special items (#Data, #All…)
 * are not columns.
 */
function bracketColumns(code: string, open: number): string[] {
  const items: string[] = [];
  let depth = 0;
  let item = "";
  let nested = false;
  for (let i = open; i < code.length; i++) {
    const ch = code[i];
    if (ch === "'" && i + 1 < code.length) {
      item += code[++i];
      continue;
    }
    if (ch === "[") {
      if (++depth === 2) nested = true;
      if (depth >= 2) item = "";
      continue;
    }
    if (ch === "]") {
      if (depth === 2 || (depth === 1 && !nested)) items.push(item);
      item = "";
      if (--depth === 0) break;
      continue;
    }
    item += ch;
  }
  return items.map((c) => (c.startsWith("@") ? c.slice(1) : c).trim()).filter((c) => c !== "" && !c.startsWith("#"));
}

/** Each table `formula` refers to (as spelled) with the columns it names there; string constants are not references. */
export function structuredReferences(formula: string): Map<string, string[]> {
  const code = formula.replace(/"(?:[^"]|"")*"/g, '""');
  const found = new Map<string, string[]>();
  for (const match of code.matchAll(TABLE_REFERENCE)) found.set(match[1], [...(found.get(match[1]) ?? []), ...bracketColumns(code, match.index + match[0].length - 1)]);
  return found;
}
