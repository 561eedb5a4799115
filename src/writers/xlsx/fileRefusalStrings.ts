import type { FileRefusal } from "./fileCheck";
import { MAX_UNPACKED_BYTES } from "./fileCheck";
import type { Locale } from "../../contract/locale";

const LIMIT_MB = MAX_UNPACKED_BYTES / 1024 / 1024;

/** Why a file was not read (writers/xlsx/fileCheck.ts), naming the file, in the user's language. */
export function fileRefusalText(file: string, refusal: FileRefusal, locale: Locale): string {
  const zh = locale === "zh-CN";
  switch (refusal.kind) {
    case "encrypted":
      return zh
        ? `“${file}”已加密（设置了打开密码），或是旧版 .xls 文件：请在 Excel 中取消密码或另存为 .xlsx 后再试。`
        : `"${file}" is encrypted (it has a password to open) or is an old .xls file: remove the password or save it as .xlsx in Excel, then try again.`;
    case "notWorkbook":
      return zh ? `“${file}”不是 Excel 工作簿（.xlsx），或文件已损坏。` : `"${file}" is not an Excel workbook (.xlsx), or the file is damaged.`;
    case "macroEnabled":
      return zh
        ? `“${file}”包含宏（.xlsm / VBA 工程），为安全起见不予读取：请在 Excel 中另存为 .xlsx（不含宏）后再试。`
        : `"${file}" contains macros (.xlsm / a VBA project) and is not read, for safety: save it as .xlsx (without macros) in Excel, then try again.`;
    case "tooLarge":
      return zh
        ? `“${file}”解压后约 ${refusal.megabytes} MB，超过 ${LIMIT_MB} MB 的上限，未读取。`
        : `"${file}" unpacks to about ${refusal.megabytes} MB, over the ${LIMIT_MB} MB limit, and was not read.`;
    case "zipBomb":
      return zh
        ? `“${file}”的压缩结构异常（条目过多或压缩比不可能这么高），可能是恶意文件，未读取。`
        : `"${file}" has an abnormal zip structure (too many entries or an impossible compression ratio), possibly a malicious file, and was not read.`;
  }
}
