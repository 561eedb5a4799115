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
 * are not columns, a column named `'#…` is. Inside brackets `"` is part of a name, not a string.
 */
function bracketColumns(code: string, open: number): string[] {
  const items: { text: string; special: boolean }[] = [];
  let depth = 0;
  let item = "";
  let nested = false;
  for (let i = open; i < code.length; i++) {
    const ch = code[i];
    if (ch === "'" && i + 1 < code.length) {
      item += item.trim() === "" && code[i + 1] === "#" ? "\u0000#" : code[i + 1];
      i++;
      continue;
    }
    if (ch === "[") {
      if (++depth === 2) nested = true;
      if (depth >= 2) item = "";
      continue;
    }
    if (ch === "]") {
      if (depth === 2 || (depth === 1 && !nested)) {
        const text = (item.trim().startsWith("@") ? item.trim().slice(1) : item).trim();
        items.push({ text: text.replace("\u0000", ""), special: text.startsWith("#") });
      }
      item = "";
      if (--depth === 0) break;
      continue;
    }
    item += ch;
  }
  return items.filter((c) => c.text !== "" && !c.special).map((c) => c.text);
}

/** Each table `formula` refers to (as spelled) with the columns it names there; string constants are not references. */
export function structuredReferences(formula: string): Map<string, string[]> {
  // String constants blanked outside brackets only: inside them `"` belongs to a column's name.
  let code = "";
  for (let i = 0, depth = 0; i < formula.length; i++) {
    const ch = formula[i];
    if (depth === 0 && ch === '"') {
      let j = i + 1;
      while (j < formula.length && !(formula[j] === '"' && formula[j + 1] !== '"')) j += formula[j] === '"' ? 2 : 1;
      code += '""';
      i = j;
      continue;
    }
    if (ch === "'" && depth > 0 && i + 1 < formula.length) {
      code += ch + formula[++i];
      continue;
    }
    if (ch === "'" && depth === 0) {
      // A quoted sheet name, which may hold `"` or `[`: copied as it is ('' inside it is one ').
      let j = i + 1;
      while (j < formula.length && !(formula[j] === "'" && formula[j + 1] !== "'")) j += formula[j] === "'" ? 2 : 1;
      code += formula.slice(i, j + 1);
      i = j;
      continue;
    }
    if (ch === "[") depth++;
    else if (ch === "]" && depth > 0) depth--;
    code += ch;
  }
  const found = new Map<string, string[]>();
  for (const match of code.matchAll(TABLE_REFERENCE)) found.set(match[1], [...(found.get(match[1]) ?? []), ...bracketColumns(code, match.index + match[0].length - 1)]);
  return found;
}
