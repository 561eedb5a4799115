import { deflateRawSync } from "node:zlib";
import JSZip from "jszip";

/**
 * Files nobody should open as a workbook, built byte by byte so the tests need no fixtures: what
 * fileCheck.ts must refuse before JSZip or exceljs inflate anything.
 */

interface RawEntry {
  readonly name: string;
  /** Bytes as stored (method 8 = raw deflate, 0 = stored). */
  readonly stored: Uint8Array;
  readonly method: 0 | 8;
  /** Uncompressed size as declared; above 4 GiB it goes into a ZIP64 extra field. */
  readonly declared: number;
}

const u16 = (n: number) => Buffer.from([n & 0xff, (n >>> 8) & 0xff]);
const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
};
const u64 = (n: number) => {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(BigInt(n));
  return b;
};

/** A zip whose headers say exactly what `entries` declare (CRCs are left 0: nothing here reads them). */
export function rawZip(entries: readonly RawEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, "utf8");
    const zip64 = entry.declared >= 0xffffffff;
    const extra = zip64 ? Buffer.concat([u16(0x0001), u16(16), u64(entry.declared), u64(entry.stored.length)]) : Buffer.alloc(0);
    const size = zip64 ? 0xffffffff : entry.declared;
    const compressed = zip64 ? 0xffffffff : entry.stored.length;
    const common = [u16(zip64 ? 45 : 20), u16(0), u16(entry.method), u16(0), u16(0), u32(0), u32(compressed), u32(size), u16(name.length), u16(extra.length)];
    const local = Buffer.concat([u32(0x04034b50), ...common, name, extra, Buffer.from(entry.stored)]);
    centrals.push(Buffer.concat([u32(0x02014b50), u16(zip64 ? 45 : 20), ...common, u16(0), u16(0), u16(0), u32(0), u32(offset), name, extra]));
    locals.push(local);
    offset += local.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.concat([u32(0x06054b50), u16(0), u16(0), u16(entries.length), u16(entries.length), u32(directory.length), u32(offset), u16(0)]);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

/** One entry declaring 10 GB unpacked (ZIP64), stored as a few bytes. */
export const declaresTenGigabytes = (): Uint8Array =>
  rawZip([{ name: "xl/worksheets/sheet1.xml", stored: deflateRawSync(Buffer.alloc(1024)), method: 8, declared: 10 * 1024 ** 3 }]);

/** An honest bomb: `megabytes` of zeros deflated (about 1000:1), its real size in the header. */
export function deflatedZeros(megabytes: number): Uint8Array {
  const zeros = Buffer.alloc(megabytes * 1024 * 1024);
  return rawZip([{ name: "xl/worksheets/sheet1.xml", stored: deflateRawSync(zeros, { level: 9 }), method: 8, declared: zeros.length }]);
}

/** 20 000 empty entries: a bomb of parts rather than of bytes. */
export const manyEntries = (): Uint8Array =>
  rawZip(Array.from({ length: 20_000 }, (_, i) => ({ name: `x/${i}.xml`, stored: new Uint8Array(0), method: 0 as const, declared: 0 })));

/** The start of an OLE compound file, as Office writes a password-protected .xlsx. */
export function compoundFile(): Uint8Array {
  const data = new Uint8Array(4096);
  data.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  return data;
}

/** Deterministic noise. */
export function randomBytes(length: number, seed = 7): Uint8Array {
  const data = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    data[i] = x >>> 16;
  }
  return data;
}

/** `workbook` made macro-enabled the way Excel saves an .xlsm: a VBA project and the macro content type. */
export async function macroEnabled(workbook: Uint8Array, { withProject = true } = {}): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(workbook);
  const types = await zip.file("[Content_Types].xml")!.async("string");
  zip.file(
    "[Content_Types].xml",
    types.replace("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "application/vnd.ms-excel.sheet.macroEnabled.main+xml"),
  );
  if (withProject) zip.file("xl/vbaProject.bin", randomBytes(512));
  return zip.generateAsync({ type: "uint8array" });
}

/** A zip that is no workbook: a Word document's skeleton. */
export async function wordDocument(): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file("word/document.xml", "<w:document/>");
  return zip.generateAsync({ type: "uint8array" });
}

const WORKBOOK_TYPES =
  '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>';

/**
 * A workbook's skeleton whose directory lies: `xl/workbook.xml` is declared as 1 000 bytes but
 * inflates to `megabytes` of zeros (at about 1000:1, so the declared ratio looks harmless).
 */
export function liesAboutItsSize(megabytes: number): Uint8Array {
  const types = Buffer.from(WORKBOOK_TYPES);
  return rawZip([
    { name: "[Content_Types].xml", stored: types, method: 0, declared: types.length },
    { name: "xl/workbook.xml", stored: deflateRawSync(Buffer.alloc(megabytes * 1024 * 1024), { level: 9 }), method: 8, declared: 1000 },
  ]);
}

/** Passes every file check — a workbook content type, honest sizes — but has no workbook part to read. */
export async function workbookWithoutWorkbookPart(): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file("[Content_Types].xml", WORKBOOK_TYPES);
  zip.file("docProps/app.xml", "<Properties/>");
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
