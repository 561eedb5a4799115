/**
 * Unicode compatibility folding (NFKC: full-width Ａ１（ → A1(, ￥ → ¥, the ideographic space → a space),
 * the first step of reading any cell. Text of printable ASCII only is already folded and is returned as it is:
 * most cells of a large list are, and normalising them one by one is most of the cost of reading it.
 */
export const fold = (text: string): string => (/[^\u0020-\u007e]/.test(text) ? text.normalize("NFKC") : text);
