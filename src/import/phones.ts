import { fold } from "./fold";
/**
 * Chinese phone numbers in one canonical form, so the same number written three ways is one number
 * (and a duplicate): spaces, dashes, dots and parentheses dropped, the +86 / 0086 / 86- country prefix
 * dropped, then
 * - a mobile (11 digits starting 1[3-9]) as 13812345678;
 * - a landline with its area code as 010-12345678: the code is 3 digits for 010 and 02x, 4 otherwise
 *   (0571), the local number 7 or 8 digits; written after +86 without its 0 (+86 10 1234 5678), the 0 is put back;
 * - a service number as 400-123-4567 / 800-123-4567;
 * - a local number without area code (7 or 8 digits) as its digits;
 * - an extension (转 / ext / x / # / a dash after a full landline) kept: 010-12345678-123.
 * Anything else is not a phone number this reads.
 */

const EXTENSION = /^(.*?)(?:转|分机|ext\.?|x|#)\s*(\d{1,6})$/i;
const MOBILE = /^1[3-9]\d{9}$/;
/** China's country code before a number: +86, 0086, (+86), 86- . */
const COUNTRY = /^\(?(?:\+|00)\s*86\)?|^86[\s-]/;

function number(digits: string): string | undefined {
  if (MOBILE.test(digits)) return digits;
  if (/^[48]00\d{7}$/.test(digits)) return `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}`;
  if (/^\d{7,8}$/.test(digits) && !digits.startsWith("0") && !digits.startsWith("1")) return digits;
  if (!digits.startsWith("0")) return undefined;
  const area = /^0[12]/.test(digits) ? 3 : 4;
  const local = digits.slice(area);
  return /^[1-9]\d{6,7}$/.test(local) ? `${digits.slice(0, area)}-${local}` : undefined;
}

/** One phone number in the canonical form above, or undefined. */
export function normalizePhone(text: string): string | undefined {
  let t = fold(text).trim();
  let extension = "";
  const ext = EXTENSION.exec(t);
  if (ext) {
    t = ext[1];
    extension = ext[2];
  }
  if (!/^[\d\s\-+().]+$/.test(t)) return undefined;
  const international = COUNTRY.test(t);
  let digits = t.replace(COUNTRY, "").replace(/[\s\-+().]/g, "");
  if (/^86\d{11}$/.test(digits) && MOBILE.test(digits.slice(2))) digits = digits.slice(2);
  // From abroad a landline is dialled without its trunk 0: +86 10 1234 5678 is 010-12345678.
  if (international && !digits.startsWith("0") && !MOBILE.test(digits)) digits = `0${digits}`;
  let found = number(digits);
  // A dash-separated tail after a full landline is its extension: 010-12345678-123.
  if (!found && !extension) {
    const tail = /[\s-](\d{1,6})$/.exec(t)?.[1];
    const head = tail === undefined ? undefined : number(digits.slice(0, digits.length - tail.length));
    if (tail !== undefined && head?.startsWith("0")) {
      found = head;
      extension = tail;
    }
  }
  if (!found) return undefined;
  return extension ? `${found}-${extension}` : found;
}

/** A cell that may hold several numbers (13812345678/010-12345678, or separated by ; , 、 or a line break). */
export const phoneParts = (text: string): string[] =>
  fold(text)
    .split(/[/;,、\n\r]+|\s{2,}/)
    .map((part) => part.trim())
    .filter((part) => part !== "");
