/**
 * The few XML text operations every OOXML reader and patcher here needs. Parts are edited as text
 * with targeted replacements (no DOM), so every helper accepts both attribute quote styles and
 * every value written is escaped.
 */

export const escapeXml = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export const unescapeXml = (text: string): string =>
  // Most attribute values and cell texts hold no entity: seven passes over each were 4 % of a roll-up (issue 17).
  !text.includes("&")
    ? text
    : text
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
        .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
        .replace(/&amp;/g, "&");

/** One expression per attribute name, compiled once: compiling it for each read was 7 % of a roll-up (issue 17). */
const attributePatterns = new Map<string, RegExp>();
const quoted = (name: string): RegExp => {
  let pattern = attributePatterns.get(name);
  if (pattern === undefined) {
    pattern = new RegExp(`\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    attributePatterns.set(name, pattern);
  }
  return pattern;
};

/** The unescaped value of attribute `name` (with its prefix, e.g. `r:id`) in an opening tag. */
export function attr(element: string, name: string): string | undefined {
  const match = quoted(name).exec(element.slice(0, tagEnd(element)));
  return match ? unescapeXml(match[1] ?? match[2]) : undefined;
}

/** Index just past the first tag of `element` (attribute values never hold a raw ">" in these parts' writers, but quotes are honoured). */
function tagEnd(element: string): number {
  let quote = "";
  for (let i = 0; i < element.length; i++) {
    const ch = element[i];
    if (quote) {
      if (ch === quote) quote = "";
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === ">") return i + 1;
  }
  return element.length;
}

/** The opening tag `element` with attribute `name` set to `value` (replaced, or added before the tag's end). */
export function setAttr(element: string, name: string, value: string): string {
  const end = tagEnd(element);
  const open = element.slice(0, end);
  const rest = element.slice(end);
  const escaped = escapeXml(value);
  if (quoted(name).test(open)) return open.replace(quoted(name), () => ` ${name}="${escaped}"`) + rest;
  return open.replace(/\s*(\/?>)$/, (_, close: string) => ` ${name}="${escaped}"${close}`) + rest;
}

/** The opening tag `element` without attribute `name`. */
export const removeAttr = (element: string, name: string): string => {
  const end = tagEnd(element);
  return element.slice(0, end).replace(quoted(name), "") + element.slice(end);
};

/** Every element `<tag …/>` or `<tag …>…</tag>` (no nesting of the same tag), with its position. */
export function elements(xml: string, tag: string): RegExpMatchArray[] {
  return [...xml.matchAll(new RegExp(`<${tag}(?=[\\s/>])(?:[^>"']|"[^"]*"|'[^']*')*?(?:/>|>[\\s\\S]*?</${tag}>)`, "g"))];
}

/** An opening (or empty) tag `<tag …>`, quoted attribute values may hold `>`. */
const openTag = (tag: string): RegExp => new RegExp(`<${tag}(?=[\\s/>])(?:[^>"']|"[^"]*"|'[^']*')*>`, "g");

/** Every opening (or empty) tag `<tag …>`. */
export const openTags = (xml: string, tag: string): string[] => [...xml.matchAll(openTag(tag))].map((m) => m[0]);

/** `xml` with every opening tag `<tag …>` passed through `edit`. */
export const replaceTags = (xml: string, tag: string, edit: (open: string) => string): string => xml.replace(openTag(tag), (open) => edit(open));

/** The opening tag `element` with its numeric attribute `name` passed through `map` (left alone if absent or not a number). */
export const renumber = (element: string, name: string, map: (n: number) => number): string => {
  const value = attr(element, name);
  return value === undefined || !/^\d+$/.test(value) ? element : setAttr(element, name, String(map(Number(value))));
};

/** The text content of an element (between its opening and closing tag; "" for an empty element). */
export const innerXml = (element: string): string => (element.endsWith("/>") && !element.includes("</") ? "" : element.slice(tagEnd(element), element.lastIndexOf("</")));

/** The concatenated `<t>` texts of a rich-text run container (`<si>`, `<is>`), unescaped. */
export const runText = (xml: string): string =>
  [...xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "").matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((m) => unescapeXml(m[1])).join("");

/** The prefix the root element of `xml` binds to `namespace`, if any ("" for the default namespace). */
export function prefixOf(xml: string, namespace: string): string | undefined {
  const root = /<[^?!][^>]*>/.exec(xml)?.[0] ?? "";
  for (const m of root.matchAll(/\sxmlns(?::([\w.-]+))?\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    if ((m[2] ?? m[3]) === namespace) return m[1] ?? "";
  }
  return undefined;
}

/**
 * `xml` with `insert` placed before the first of the `later` elements (schema order), or before
 * `close` when none is there.
 */
export function insertBefore(xml: string, later: readonly string[], close: string, insert: string): string {
  const positions = later.map((tag) => new RegExp(`<${tag}[\\s/>]`).exec(xml)?.index ?? -1).filter((i) => i >= 0);
  const at = positions.length > 0 ? Math.min(...positions) : xml.lastIndexOf(close);
  if (at < 0) throw new Error(`no ${close} to insert into`);
  return xml.slice(0, at) + insert + xml.slice(at);
}

/**
 * A large part's text turned into UTF-8 in pieces of about a million characters as it is added, so the
 * part is never one huge string: a 50 000-row sheet joined first is some 70 M characters, two bytes each
 * once any holds Chinese, on top of its bytes.
 */
export class Utf8Pieces {
  private static readonly PIECE_CHARS = 1 << 20;
  private readonly encoder = new TextEncoder();
  private readonly pieces: Uint8Array[] = [];
  private piece: string[] = [];
  private chars = 0;

  add(text: string): void {
    this.piece.push(text);
    this.chars += text.length;
    // Joined, then encoded: encoding one long `+=` chain first flattens it, which cost more.
    if (this.chars > Utf8Pieces.PIECE_CHARS) this.flush();
  }

  /** The bytes of `head` (known only now, e.g. a dimension reaching the last row written) and then of all added. */
  bytes(head = ""): Uint8Array {
    this.flush();
    const first = this.encoder.encode(head);
    const all = new Uint8Array(this.pieces.reduce((n, p) => n + p.length, first.length));
    all.set(first);
    let at = first.length;
    for (const piece of this.pieces) {
      all.set(piece, at);
      at += piece.length;
    }
    return all;
  }

  private flush(): void {
    if (this.piece.length > 0) this.pieces.push(this.encoder.encode(this.piece.join("")));
    [this.piece, this.chars] = [[], 0];
  }
}
