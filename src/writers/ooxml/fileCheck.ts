import JSZip from "jszip";
import { CodedError } from "../../contract/codedError";
import type { Locale } from "../../contract/locale";
import { excerpt, PATH_CHARACTERS } from "../../contract/excerpt";
import type { TeamError } from "../../team/errors";

/**
 * Decides whether a rep's or team's file may be opened at all, before anything decompresses it: the
 * roll-up, the preview's collect-files and the pane's Office path all read workbooks people e-mail
 * around, and JSZip/exceljs would inflate a zip bomb into memory whole. Everything here is read from
 * the zip's central directory (names, declared sizes, entry count) — only [Content_Types].xml, a few
 * kilobytes whose declared size has just been checked, is ever inflated.
 */

/**
 * The most a workbook may declare when unpacked: 100 MB. A rep's weekly plan unpacks to 50 KB and the
 * add-in's largest workbook, a 10 000-customer register, to 18.7 MB (measured); exceljs holds several
 * times a file's unpacked size in memory, so above this a single file could take the pane or the
 * command line into gigabytes.
 */
export const MAX_UNPACKED_BYTES = 100 * 1024 * 1024;

/** More parts than any workbook has (one per sheet, table, drawing, chart …): a bomb of tiny entries. */
export const MAX_ENTRIES = 10_000;

/**
 * Deflate cannot exceed about 1032:1; worksheet XML compresses far less (the add-in's own parts: 24:1 at
 * most, in the 10 000-customer register; test/writers/ooxml/fileCheck.test.ts keeps it under 50:1). An
 * entry over 1 MiB claiming more than 500:1 is a bomb (zeros) or a crafted header, not a sheet.
 */
export const MAX_RATIO = 500;
const RATIO_FLOOR_BYTES = 1024 * 1024;

export type FileRefusal =
  /** An OLE compound file: how Office stores a password-protected .xlsx (and old .xls files). */
  | { readonly kind: "encrypted" }
  /** Not a zip, or a zip without a workbook part (a .docx, a renamed file, a truncated download). */
  | { readonly kind: "notWorkbook" }
  /** A VBA project or a macro-enabled workbook type (.xlsm, .xltm, .xlam). */
  | { readonly kind: "macroEnabled" }
  /** Declares more than MAX_UNPACKED_BYTES unpacked (a ZIP64 size means 4 GiB or more). */
  | { readonly kind: "tooLarge"; readonly megabytes: number }
  /** Too many entries or an impossible compression ratio: built to exhaust the reader. */
  | { readonly kind: "zipBomb" };

const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
/** The end record is 22 bytes plus a comment of at most 65 535. */
const END_SEARCH = 22 + 0xffff;
/** ZIP64 placeholders: the real value is 4 GiB or more (or 65 535 entries or more). */
const ZIP64_32 = 0xffffffff;
const ZIP64_16 = 0xffff;

const startsWith = (data: Uint8Array, bytes: readonly number[]): boolean => bytes.every((b, i) => data[i] === b);

interface Entry {
  readonly name: string;
  readonly compressed: number;
  readonly unpacked: number;
}

/** The central directory's entries, or a refusal when it is missing, malformed or hostile. */
function centralDirectory(data: Uint8Array): Entry[] | FileRefusal {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let end = -1;
  for (let at = data.length - 22; at >= Math.max(0, data.length - END_SEARCH); at--) {
    if (view.getUint32(at, true) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) return { kind: "notWorkbook" };
  const declaredCount = view.getUint16(end + 10, true);
  const size = view.getUint32(end + 12, true);
  const offset = view.getUint32(end + 16, true);
  if (declaredCount === ZIP64_16 || declaredCount > MAX_ENTRIES) return { kind: "zipBomb" };
  if (offset === ZIP64_32 || offset + size > end) return { kind: "notWorkbook" };
  const decoder = new TextDecoder();
  const entries: Entry[] = [];
  let unpackedTotal = 0;
  for (let at = offset; at < offset + size; ) {
    if (at + 46 > end || view.getUint32(at, true) !== CENTRAL_HEADER) return { kind: "notWorkbook" };
    const compressed = view.getUint32(at + 20, true);
    const unpacked = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    if (unpacked === ZIP64_32) return { kind: "tooLarge", megabytes: 4096 };
    if (unpacked > RATIO_FLOOR_BYTES && unpacked / Math.max(compressed, 1) > MAX_RATIO) return { kind: "zipBomb" };
    unpackedTotal += unpacked;
    if (unpackedTotal > MAX_UNPACKED_BYTES) return { kind: "tooLarge", megabytes: Math.ceil(unpackedTotal / 1024 / 1024) };
    entries.push({ name: decoder.decode(data.subarray(at + 46, at + 46 + nameLength)), compressed, unpacked });
    if (entries.length > MAX_ENTRIES) return { kind: "zipBomb" };
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * A file bigger than MAX_UNPACKED_BYTES as it stands is refused on its size alone — also before it is
 * read into memory at all, where the size is known first (the pane's file picker).
 */
export function refusalBySize(bytes: number): FileRefusal | undefined {
  return bytes > MAX_UNPACKED_BYTES ? { kind: "tooLarge", megabytes: Math.ceil(bytes / 1024 / 1024) } : undefined;
}

const isRefusal = (value: Entry[] | FileRefusal): value is FileRefusal => !Array.isArray(value);

const MAIN_PART = /ContentType="application\/vnd\.(?:ms-excel\.sheet\.macroEnabled\.main\+xml|openxmlformats-officedocument\.spreadsheetml\.sheet\.main\+xml)"/;

/**
 * Why `data` must not be read as a workbook, or undefined when it may be. Bounded: the file is only
 * scanned, and at most [Content_Types].xml (size checked) is inflated.
 */
export async function checkWorkbookFile(data: Uint8Array): Promise<FileRefusal | undefined> {
  const oversized = refusalBySize(data.length);
  if (oversized) return oversized;
  if (startsWith(data, CFB_SIGNATURE)) return { kind: "encrypted" };
  if (data.length < 22 || new DataView(data.buffer, data.byteOffset, 4).getUint32(0, true) !== LOCAL_HEADER) return { kind: "notWorkbook" };
  const entries = centralDirectory(data);
  if (isRefusal(entries)) return entries;
  if (entries.some((e) => /(^|\/)vbaProject\.bin$/i.test(e.name))) return { kind: "macroEnabled" };
  if (!entries.some((e) => e.name === "[Content_Types].xml")) return { kind: "notWorkbook" };
  let zip: JSZip;
  let types: string;
  try {
    // loadAsync reads the directory only; entries inflate when asked, and only this one is asked for.
    zip = await JSZip.loadAsync(data);
    types = (await zip.file("[Content_Types].xml")?.async("string")) ?? "";
  } catch {
    return { kind: "notWorkbook" };
  }
  if (/macroEnabled/i.test(types)) return { kind: "macroEnabled" };
  if (!MAIN_PART.test(types)) return { kind: "notWorkbook" };
  const inflated = await inflatesAsDeclared(zip, entries);
  return inflated === "asDeclared" ? undefined : inflated === "broken" ? { kind: "notWorkbook" } : { kind: "zipBomb" };
}

/**
 * Whether every entry inflates to no more than the size the directory declares. The checks above
 * trust those sizes, and a crafted file can declare 1 KB for an entry that inflates to gigabytes
 * (JSZip compares the sizes only after inflating the whole entry). Each entry is streamed and its
 * chunks dropped as they come, so this takes one chunk of memory and stops at the first byte past
 * the declared size; as the declared sizes total at most MAX_UNPACKED_BYTES, so does the work.
 */
/** JSZip's documented `ZipObject#internalStream` (api_zipobject/internal_stream), missing from its typings. */
interface InflateStream {
  on(event: "data", listener: (chunk: Uint8Array) => void): InflateStream;
  on(event: "error" | "end", listener: () => void): InflateStream;
  pause(): InflateStream;
  resume(): InflateStream;
}

async function inflatesAsDeclared(zip: JSZip, entries: readonly Entry[]): Promise<"asDeclared" | "beyond" | "broken"> {
  const declared = new Map(entries.map((e) => [e.name, e.unpacked]));
  for (const file of Object.values(zip.files)) {
    if (file.dir) continue;
    const limit = declared.get(file.name) ?? 0;
    const outcome = await new Promise<"asDeclared" | "beyond" | "broken">((resolve) => {
      let inflated = 0;
      const stream = (file as unknown as { internalStream(type: "uint8array"): InflateStream }).internalStream("uint8array");
      stream
        .on("data", (chunk) => {
          inflated += chunk.length;
          if (inflated > limit) {
            stream.pause();
            resolve("beyond");
          }
        })
        // A corrupt deflate stream (a truncated download): not readable as a workbook.
        .on("error", () => resolve("broken"))
        .on("end", () => resolve(inflated <= limit ? "asDeclared" : "beyond"))
        .resume();
    });
    if (outcome !== "asDeclared") return outcome;
  }
  return "asDeclared";
}

const LIMIT_MB = MAX_UNPACKED_BYTES / 1024 / 1024;

/** Why a file was not read, naming the file, in both languages: the words beside the refusals. */
const REFUSALS: Readonly<Record<Locale, { readonly [K in FileRefusal["kind"]]: (file: string, refusal: Extract<FileRefusal, { kind: K }>) => string }>> = {
  "zh-CN": {
    encrypted: (file) => `“${file}”已加密（设置了打开密码），或是旧版 .xls 文件：请在 Excel 中取消密码或另存为 .xlsx 后再试。`,
    notWorkbook: (file) => `“${file}”不是 Excel 工作簿（.xlsx），或文件已损坏。`,
    macroEnabled: (file) => `“${file}”包含宏（.xlsm / VBA 工程），为安全起见不予读取：请在 Excel 中另存为 .xlsx（不含宏）后再试。`,
    tooLarge: (file, refusal) => `“${file}”解压后约 ${refusal.megabytes} MB，超过 ${LIMIT_MB} MB 的上限，未读取。`,
    zipBomb: (file) => `“${file}”的压缩结构异常（条目过多或压缩比不可能这么高），可能是恶意文件，未读取。`,
  },
  "en-US": {
    encrypted: (file) =>
      `"${file}" is encrypted (it has a password to open) or is an old .xls file: remove the password or save it as .xlsx in Excel, then try again.`,
    notWorkbook: (file) => `"${file}" is not an Excel workbook (.xlsx), or the file is damaged.`,
    macroEnabled: (file) =>
      `"${file}" contains macros (.xlsm / a VBA project) and is not read, for safety: save it as .xlsx (without macros) in Excel, then try again.`,
    tooLarge: (file, refusal) => `"${file}" unpacks to about ${refusal.megabytes} MB, over the ${LIMIT_MB} MB limit, and was not read.`,
    zipBomb: (file) =>
      `"${file}" has an abnormal zip structure (too many entries or an impossible compression ratio), possibly a malicious file, and was not read.`,
  },
};

const refusalText = <K extends FileRefusal["kind"]>(file: string, refusal: Extract<FileRefusal, { kind: K }>, locale: Locale): string =>
  REFUSALS[locale][refusal.kind as K](excerpt(file, PATH_CHARACTERS), refusal);

/** A rep's or team's file that is not opened at all; the code is the refusal's kind. */
export class FileRefusedError extends CodedError<FileRefusal["kind"]> {
  readonly params: { readonly file: string; readonly refusal: FileRefusal };

  constructor(file: string, refusal: FileRefusal) {
    super(refusal.kind, (locale) => refusalText(file, refusal, locale));
    this.params = { file, refusal };
    this.name = "FileRefusedError";
  }
}

/** A rep's file left out of a roll-up: refused unopened, or opened and found unusable. */
export type SkippedFile = FileRefusedError | TeamError;

/**
 * The check every place that reads a rep's or team's file runs first: the refusal as an error naming
 * the file, or undefined when the file may be read.
 */
export async function refusedFile(file: string, data: Uint8Array): Promise<FileRefusedError | undefined> {
  const refusal = await checkWorkbookFile(data);
  return refusal && new FileRefusedError(file, refusal);
}
