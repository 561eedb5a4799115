/**
 * User text quoted back in a message — a line of a holidays file, an option's value, a cell, a sheet or
 * file name — as it may safely be shown: a crafted or pasted text must not recolour, retitle or clear the
 * user's terminal, nor reorder the pane's line, and a 1.8 MB line must not bury the message it is part of.
 * Every message that repeats what the user typed or supplied takes it through `excerpt`.
 */

/** How much of a text a message repeats: enough to recognise the line or value, short enough to read. */
export const EXCERPT_CHARACTERS = 60;

/** A path is shown whole up to Windows' MAX_PATH: its end is what names the file. */
export const PATH_CHARACTERS = 260;

/**
 * Terminal escape sequences (ECMA-48): CSI (`ESC [ … final`, also the 8-bit 0x9B), OSC (`ESC ] … BEL`
 * or `ESC \`, which sets titles and hyperlinks), DCS/SOS/PM/APC strings, and the two-character escapes.
 * An unterminated string runs to the end of the text, as a terminal would read it.
 */
// eslint-disable-next-line no-control-regex -- matching escape sequences is the point: they are what is removed.
const ESCAPE_SEQUENCE = /\x1b(?:\[[0-?]*[ -/]*[@-~]?|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[PX^_][^\x1b]*(?:\x1b\\)?|[ -/]*[0-~])?|\x9b[0-?]*[ -/]*[@-~]?/g;

/** Line and column breaks: a space keeps the words apart on one line. */
const BREAKS = /[\t\n\v\f\r\x85\u2028\u2029]/g;

/** The other control characters, and the invisible ones that reorder or hide text (bidi overrides, zero-width space, BOM). */
const INVISIBLE = /[\p{Cc}\u061c\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/gu;

/** The user-perceived characters of `text`, in order, so a cut never splits a surrogate pair or a cluster. */
export function* characters(text: string): Generator<string> {
  if (typeof Intl.Segmenter !== "function") {
    yield* text;
    return;
  }
  for (const { segment } of new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(text)) yield segment;
}

/** `text` without control characters and escape sequences, and cut to `max` characters followed by "…". */
export function excerpt(text: string, max: number = EXCERPT_CHARACTERS): string {
  const shown = String(text).replace(ESCAPE_SEQUENCE, "").replace(BREAKS, " ").replace(INVISIBLE, "");
  let kept = "";
  let count = 0;
  for (const character of characters(shown)) {
    if (count === max) return `${kept}…`;
    kept += character;
    count++;
  }
  return kept;
}

/**
 * A cell's content in a SALES.* function's error message: text as `"…"`, its first 30 characters (a cell's
 * error message is one short line) with quotes and backslashes escaped, so the quoted text cannot close
 * early; a number as it is.
 */
export const cellText = (value: unknown): string => (typeof value === "string" ? JSON.stringify(excerpt(value, 30)) : excerpt(String(value), 30));
