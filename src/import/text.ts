/**
 * A CSV or text file as a user hands it over: bytes in whatever encoding the exporting program used,
 * cells separated by whatever its region settings chose. Both are detected, never asked: Chinese Excel
 * saves "CSV" in the ANSI code page (GBK, read here as its superset GB18030), CRM exports write UTF-8
 * with or without a BOM, Excel's "Unicode text" is UTF-16LE with a BOM and TABs, and European Excel
 * separates with `;`.
 */

export type TextEncoding = "utf-8" | "gb18030" | "utf-16le";

/**
 * The text of `bytes`: a BOM decides; without one, valid UTF-8 is UTF-8 (a GBK file of Chinese text is
 * almost never valid UTF-8: its lead bytes 0x81–0xFE are followed by bytes UTF-8 does not allow there),
 * anything else is GB18030, which decodes every byte sequence.
 */
export function decodeText(bytes: Uint8Array): { readonly text: string; readonly encoding: TextEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8" };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("gb18030").decode(bytes), encoding: "gb18030" };
  }
}

const DELIMITERS = [",", ";", "\t"] as const;

/** How far into the text the separator is looked for: enough for a title row and a few records. */
const SNIFF_LINES = 10;

/**
 * The separator: among `,` `;` TAB, the one found the same number of times (outside quotes) on the most
 * of the first lines — a title line above the header has none and does not decide. `,` when none is found.
 */
function detectDelimiter(text: string): string {
  const counts = DELIMITERS.map(() => [0]);
  let quoted = false;
  for (let i = 0; i < text.length && counts[0].length <= SNIFF_LINES; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === "\n" || c === "\r")) {
      if (c === "\r" && text[i + 1] === "\n") i++;
      for (const line of counts) line.push(0);
    } else if (!quoted) {
      const d = DELIMITERS.indexOf(c as (typeof DELIMITERS)[number]);
      if (d >= 0) counts[d][counts[d].length - 1]++;
    }
  }
  let best: { delimiter: string; lines: number; per: number } = { delimiter: ",", lines: 0, per: 0 };
  DELIMITERS.forEach((delimiter, d) => {
    const tally = new Map<number, number>();
    for (const n of counts[d]) if (n > 0) tally.set(n, (tally.get(n) ?? 0) + 1);
    for (const [per, lines] of tally) if (lines > best.lines || (lines === best.lines && per > best.per)) best = { delimiter, lines, per };
  });
  return best.delimiter;
}

/**
 * RFC 4180 records: fields in double quotes may hold the separator, line breaks and doubled quotes;
 * CRLF, LF or CR end a record; a BOM is dropped; a final line break does not start an empty record.
 * A quote inside an unquoted field is kept as a character (as Excel reads it).
 */
export function parseCsv(text: string): string[][] {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = detectDelimiter(source);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let atFieldStart = true;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (quoted) {
      if (c !== '"') field += c;
      else if (source[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (c === '"' && atFieldStart) {
      quoted = true;
      atFieldStart = false;
    } else if (c === delimiter) {
      row.push(field);
      field = "";
      atFieldStart = true;
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && source[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      atFieldStart = true;
    } else {
      field += c;
      atFieldStart = false;
    }
  }
  if (!atFieldStart || field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
