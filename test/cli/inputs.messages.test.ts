import { cliTable } from "../support/cliTable";

/**
 * Issue 18 item 2, messages a user can act on: what the command line says back about a bad input — each row
 * a case that failed before its fix. User text is quoted cleaned and cut (src/contract/excerpt.ts).
 */

/** A 1.8 MB line that retitles the terminal, turns it red and blinks, as a broken export or a crafted file holds. */
const HOSTILE_LINE = `\x1b]0;pwned\x07\x1b[31m${"2026-10-0x\x1b[5m".repeat(180_000)}`;

describe("a bad holidays line is quoted in at most 60 characters, escapes and controls removed", () => {
  cliTable([
    {
      name: "a 1.8 MB line with terminal escapes (write)",
      argv: ["write", "monthly", "--month", "2026-10", "--out", "{dir}/a.xlsx", "--holidays", "{dir}/holidays.txt"],
      files: { "holidays.txt": `2026-10-01\n${HOSTILE_LINE}\n` },
      code: 2,
      zh: /^\S*holidays\.txt 第 2 行不是日期\(yyyy-mm-dd 或 \+yyyy-mm-dd\):(2026-10-0x){6}…$/,
      en: /^\S*holidays\.txt line 2 is not a date \(yyyy-mm-dd or \+yyyy-mm-dd\): (2026-10-0x){6}…$/,
    },
    {
      name: "a line with a tab and a bell (breakdown)",
      argv: ["breakdown", "--month", "2026-10", "--target", "1000", "--reps", "a=1", "--out", "{dir}/a.xlsx", "--holidays", "{dir}/h.txt"],
      files: { "h.txt": "2026-10-01\tnational\x07 day\n" },
      code: 2,
      zh: /^\S*h\.txt 第 1 行不是日期\(yyyy-mm-dd 或 \+yyyy-mm-dd\):2026-10-01 national day$/,
      en: /^\S*h\.txt line 1 is not a date \(yyyy-mm-dd or \+yyyy-mm-dd\): 2026-10-01 national day$/,
    },
  ]);
});

describe("option values are quoted cleaned and cut", () => {
  cliTable([
    {
      name: "an unknown calendar of 500 characters with an escape",
      argv: ["write", "monthly", "--out", "{dir}/a.xlsx", "--calendar", `\x1b[2J${"x".repeat(500)}`],
      code: 2,
      zh: /^日历"x{60}…"无效/,
      en: /^Unknown calendar "x{60}…"/,
    },
    {
      name: "an unknown template word with a line break",
      argv: ["write", "weekly\nmonthly", "--out", "{dir}/a.xlsx"],
      code: 2,
      zh: /^未知模板"weekly monthly"/,
      en: /^Unknown template "weekly monthly"/,
    },
  ]);
});

describe("the week error says what is wrong, not a literal yyyy-Www", () => {
  cliTable([
    {
      name: "not written like 2026-W48 (write)",
      argv: ["write", "weekly", "--week", "2026-x", "--out", "{dir}/a.xlsx"],
      code: 2,
      zh: /^周次"2026-x"无效:请写成 ISO 周次,如 2026-W48\(年份、W 和第几周\)。$/,
      en: /^Invalid week "2026-x": write an ISO week such as 2026-W48 \(the year, W and the week's number\)\.$/,
    },
    {
      name: "a week its year does not have (write)",
      argv: ["write", "weekly", "--week", "2026-W54", "--out", "{dir}/a.xlsx"],
      code: 2,
      zh: /^周次"2026-W54"无效:2026 年的周数必须是 1 到 53 之间的整数（当前为 54）$/,
      en: /^Invalid week "2026-W54": week must be a whole number from 1 to 53 for 2026 \(got 54\)$/,
    },
    {
      name: "not written like 2026-W48 (breakdown)",
      argv: ["breakdown", "--month", "2026-11", "--target", "1000", "--reps", "a=1", "--plans", "weekly", "--week", "W48", "--out", "{dir}/a.xlsx"],
      code: 2,
      zh: /^周次"W48"无效:请写成 ISO 周次,如 2026-W48/,
      en: /^Invalid week "W48": write an ISO week such as 2026-W48/,
    },
  ]);
});

describe("rollup names what kind of file an input is, not the output's rule", () => {
  const rollup = (input: string) => ["rollup", "--out", "{dir}/team.xlsx", `{dir}/${input}`];
  cliTable([
    {
      name: "a macro-enabled workbook (.xlsm)",
      argv: rollup("rep.xlsm"),
      code: 2,
      zh: /^\S*rep\.xlsm 是启用宏的工作簿:汇总不读取含宏的文件,请在 Excel 中另存为"Excel 工作簿\(\.xlsx\)"后再汇总。$/,
      en: /^\S*rep\.xlsm is a macro-enabled workbook: the roll-up does not read files with macros; in Excel, save it as "Excel Workbook \(\.xlsx\)" and roll up again\.$/,
    },
    {
      name: "an Excel 97-2003 workbook (.xls)",
      argv: rollup("rep.xls"),
      code: 2,
      zh: /^\S*rep\.xls 是旧版 Excel 97-2003 工作簿/,
      en: /^\S*rep\.xls is an Excel 97-2003 workbook/,
    },
    {
      name: "a CSV file",
      argv: rollup("rep.csv"),
      code: 2,
      zh: /^\S*rep\.csv 是 CSV 文本文件,不含计划表/,
      en: /^\S*rep\.csv is a CSV text file, which holds no plan sheets/,
    },
    {
      name: "an Excel template (.xltx)",
      argv: rollup("rep.xltx"),
      code: 2,
      zh: /^\S*rep\.xltx 是 Excel 模板/,
      en: /^\S*rep\.xltx is an Excel template/,
    },
    {
      name: "a file of another kind",
      argv: rollup("rep.ods"),
      code: 2,
      zh: /^\S*rep\.ods 不是 Excel 工作簿\(\.xlsx\)/,
      en: /^\S*rep\.ods is not an Excel workbook \(\.xlsx\)/,
    },
    {
      name: "the output is still held to .xlsx",
      argv: ["rollup", "--out", "{dir}/team.xlsm", "{dir}/rep.xlsx"],
      code: 2,
      zh: /^输出文件必须是 \.xlsx:/,
      en: /^The output file must be an \.xlsx file:/,
    },
  ]);
});
