/**
 * What a file named where a reps' .xlsx workbook is expected is, by its name: each kind needs its own
 * advice (save a macro-enabled or 97-2003 workbook as .xlsx; a CSV holds no plan sheets at all).
 */
export type NotXlsxKind = "macroEnabled" | "legacy" | "binary" | "template" | "csv" | "other";

const KINDS: ReadonlyMap<string, NotXlsxKind> = new Map([
  ["xlsm", "macroEnabled"],
  ["xltm", "macroEnabled"],
  ["xlam", "macroEnabled"],
  ["xls", "legacy"],
  ["xlt", "legacy"],
  ["xlsb", "binary"],
  ["xltx", "template"],
  ["csv", "csv"],
  ["tsv", "csv"],
  ["txt", "csv"],
]);

export function notXlsxKind(file: string): NotXlsxKind {
  const extension = /\.([^./\\]+)$/.exec(file)?.[1].toLowerCase() ?? "";
  return KINDS.get(extension) ?? "other";
}
