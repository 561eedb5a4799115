import { cliTable } from "../support/cliTable";

/**
 * Issue 18, item 1: numbers and dates are read strictly in every option — digits, a point and commas that
 * group thousands, nothing else (no exponent, no hex, no digits too many to be a number) — and weights are
 * bounded so the sheet's sums stay numbers. Rows marked "held before" passed on the code before the fix
 * and stay as the cases; rows marked "control" show what is still taken; every other row failed before it.
 */

const month = ["breakdown", "--out", "{dir}/b.xlsx", "--target", "100000", "--month", "2026-11"] as const;
const year = ["breakdown", "--out", "{dir}/b.xlsx", "--target", "1200000", "--year", "2026", "--reps", "张三=1"] as const;
const annual = ["write", "annual", "--out", "{dir}/a.xlsx", "--year", "2027", "--reps", "张三=1"] as const;
const twelve = "80000,60000,70000,80000,90000,100000,110000,120000,130000,140000,150000,160000";
const digits309 = `1${"0".repeat(308)}`;
const digits310 = `1${"0".repeat(309)}`;
const digits308 = `1${"0".repeat(307)}`;

describe("product ratios", () => {
  cliTable([
    { name: "2:3: is refused, not read as 2:3:0 (held before)", argv: [...month, "--reps", "a=1", "--products", "2:3:"], code: 2, zh: /^产品比例"2:3:"无效/, en: /^Invalid product ratio "2:3:"/ },
    { name: "2::1 is refused, not read as 2:0:1 (held before)", argv: [...month, "--reps", "a=1", "--products", "2::1"], code: 2, zh: /^产品比例"2::1"无效/, en: /^Invalid product ratio "2::1"/ },
    { name: "0x2:3:1 is refused, not read as hex (held before)", argv: [...month, "--reps", "a=1", "--products", "0x2:3:1"], code: 2, zh: /^产品比例"0x2:3:1"无效/, en: /^Invalid product ratio "0x2:3:1"/ },
    {
      name: "a ratio of 308 digits is refused with the bound, not failed inside the split",
      argv: [...month, "--reps", "a=1", "--products", `${digits308}:3:1`],
      code: 2,
      zh: /^产品比例“.*”无效：.*1,000,000,000,000/,
      en: /^The product ratio “.*” is not valid: .*1,000,000,000,000/,
    },
    {
      name: "an annual plan without reps refuses a ratio of 308 digits too",
      argv: ["write", "annual", "--out", "{dir}/a.xlsx", "--year", "2027", "--last-year", twelve, "--products", `${digits308}:3:1`],
      code: 2,
      zh: /^产品比例“.*”无效：.*1,000,000,000,000/,
      en: /^The product ratio “.*” is not valid: .*1,000,000,000,000/,
    },
    { name: "1e2:3:1 is refused, not read as 100:3:1", argv: [...month, "--reps", "a=1", "--products", "1e2:3:1"], code: 2, zh: /^产品比例"1e2:3:1"无效/, en: /^Invalid product ratio "1e2:3:1"/ },
  ]);
});

describe("weights", () => {
  cliTable([
    {
      name: "a weight of 1e308 is refused before its sums overflow into #NUM! cells",
      argv: [...month, "--reps", "张三=1e308,李四=1"],
      code: 2,
      zh: /^“张三”（第 1 行）的权重“1e308”不是数字。请只用数字书写，如 2 或 1.5。$/,
      en: /^The weight “1e308” of “张三” \(row 1\) is not a number. Write it in digits, e.g. 2 or 1.5.$/,
    },
    {
      name: "a weight of 310 digits is not a number, not read as Infinity",
      argv: [...month, "--reps", `张三=${digits310},李四=1`],
      code: 2,
      zh: /^“张三”（第 1 行）的权重“1000.*”不是数字/,
      en: /^The weight “1000.*” of “张三” \(row 1\) is not a number/,
    },
    {
      name: "a weight of 309 digits (1e308 written out) is refused with the bound",
      argv: [...month, "--reps", `张三=${digits309},李四=1`],
      code: 2,
      zh: /^“张三”（第 1 行）的权重“1000.*”超过 1,000,000,000,000/,
      en: /^The weight “1000.*” of “张三” \(row 1\) is above 1,000,000,000,000/,
    },
    {
      name: "a weight above a trillion is refused, with the bound in the message",
      argv: [...month, "--reps", "张三=2000000000000,李四=1"],
      code: 2,
      zh: /^“张三”（第 1 行）的权重“2000000000000”超过 1,000,000,000,000：/,
      en: /^The weight “2000000000000” of “张三” \(row 1\) is above 1,000,000,000,000: /,
    },
    { name: "a weight of exactly a trillion is taken (control)", argv: [...month, "--reps", "张三=1000000000000,李四=1"], code: 0, zh: /^已写入 /, changes: ["b.xlsx"] },
    { name: "a hex weight is refused (held before)", argv: [...month, "--reps", "张三=0x10,李四=1"], code: 2, zh: /^“张三”（第 1 行）的权重“0x10”不是数字/, en: /^The weight “0x10” of “张三”/ },
    {
      name: "a last-year month of 1e5 is refused",
      argv: [...year, "--split", "lastYear", "--last-year", twelve.replace("80000", "1e5")],
      code: 2,
      zh: /上年.*1e5/,
      en: /1e5/,
    },
    {
      name: "a month fixed by hand as 1e5 is refused",
      argv: [...year, "--month-hold", "3=1e5"],
      code: 2,
      zh: /1e5/,
      en: /1e5/,
    },
    { name: "a rep's hold of 1e5 is refused", argv: ["breakdown", "--out", "{dir}/b.xlsx", "--target", "1200000", "--year", "2026", "--reps", "张三=1,李四=1", "--hold", "张三=1e5"], code: 2, zh: /1e5/, en: /1e5/ },
  ]);
});

describe("thousands commas in lists separated by commas", () => {
  cliTable([
    {
      name: "--reps 张三=1,500 is refused, not read as 张三 with weight 1 and a rep named 500",
      argv: [...month, "--reps", "张三=1,500,李四=2"],
      code: 2,
      zh: /^--reps "张三=1,500,李四=2" 中数字间的逗号分不清是分隔各项还是千位分隔:数字请不写千位逗号/,
      en: /^In --reps "张三=1,500,李四=2", a comma between digits could separate the entries or group thousands/,
    },
    { name: "--hold 张三=300,000 is refused the same way", argv: [...year.slice(0, -2), "--reps", "张三=1,李四=1", "--hold", "张三=300,000"], code: 2, zh: /^--hold "张三=300,000" 中数字间的逗号/, en: /^In --hold "张三=300,000"/ },
    { name: "--month-hold 3=150,000 is refused the same way", argv: [...year, "--month-hold", "3=150,000"], code: 2, zh: /^--month-hold "3=150,000" 中数字间的逗号/, en: /^In --month-hold/ },
    {
      name: "--last-year with grouped months is refused, not read as twice as many months",
      argv: [...year, "--split", "lastYear", "--last-year", "80,000,90,000,70,000,60,000,50,000,40,000"],
      code: 2,
      zh: /^--last-year "80,000,.*" 中数字间的逗号/,
      en: /^In --last-year "80,000,/,
    },
    { name: "commas between short numbers stay separators (control)", argv: [...month, "--reps", "张三=3,李四=2,王五=1"], code: 0, zh: /^已写入 /, changes: ["b.xlsx"] },
  ]);
});

describe("the --input file", () => {
  const csv = (...rows: string[]) => [`上年实际,${twelve}`, ...rows, ""].join("\r\n");
  const input = ["write", "annual", "--out", "{dir}/a.xlsx", "--year", "2027", "--input", "{dir}/plan.csv"];
  cliTable([
    {
      name: "a weight of 1e308 in the file is refused, not written into the sheet",
      argv: input,
      files: { "plan.csv": csv("销售代表,张三,1e308", "销售代表,李四,1") },
      code: 2,
      zh: /plan\.csv 中有无法识别的内容/,
      en: /^\s*Row 2: The weight “1e308” of “Rep \(张三\)” is not a number/,
    },
    {
      name: "a product ratio 2,3, in three cells is refused, not read as 2:3:0 (held before)",
      argv: input,
      files: { "plan.csv": csv("产品比例,2,3,", "销售代表,张三,1") },
      code: 2,
      zh: /plan\.csv 中有无法识别的内容/,
      en: /^\s*Row 2: .*is not a ratio of three numbers/,
    },
    {
      name: "a product ratio 0x2:3:1 in one cell is refused (held before)",
      argv: input,
      files: { "plan.csv": csv("产品比例,0x2:3:1", "销售代表,张三,1") },
      code: 2,
      zh: /plan\.csv 中有无法识别的内容/,
      en: /^\s*Row 2: “0x2:3:1” .*is not a ratio of three numbers/,
    },
  ]);
});

describe("other numbers", () => {
  cliTable([
    { name: "a target of 1e5 is refused", argv: ["breakdown", "--out", "{dir}/b.xlsx", "--target", "1e5", "--month", "2026-11", "--reps", "a=1"], code: 2, zh: /^团队目标“1e5”无效/, en: /^The team target “1e5” is not valid/ },
    { name: "a target grouped wrongly (1,0000) is refused, not read as 10000", argv: ["breakdown", "--out", "{dir}/b.xlsx", "--target", "1,0000", "--month", "2026-11", "--reps", "a=1"], code: 2, zh: /^团队目标“1,0000”无效/, en: /^The team target “1,0000” is not valid/ },
    { name: "a unit of 1e2 is refused", argv: [...month, "--reps", "a=1", "--unit", "1e2"], code: 2, zh: /^取整单位"1e2"不是数字/, en: /^The rounding unit "1e2" is not a number/ },
    { name: "a unit of 0x10 is refused (held before)", argv: [...month, "--reps", "a=1", "--unit", "0x10"], code: 2, zh: /^取整单位"0x10"不是数字/, en: /^The rounding unit "0x10" is not a number/ },
    { name: "a growth of 1e1% is refused", argv: [...annual, "--last-year", twelve, "--growth", "1e1%"], code: 2, zh: /^增长率“1e1%”无效/, en: /^The growth rate “1e1%” is not valid/ },
    { name: "an expense cap of 2e0% is refused", argv: [...annual, "--last-year", twelve, "--cap", "2e0%"], code: 2, zh: /^费用上限"2e0%"/, en: /^The expense cap "2e0%"/ },
  ]);
});

describe("years", () => {
  cliTable([
    { name: "--year 2e3 is refused (held before)", argv: ["calendar", "show", "--year", "2e3"], code: 2, zh: /^年份"2e3"无效/, en: /^Invalid year "2e3"/ },
    { name: "--year 0x7EA is refused (held before)", argv: ["calendar", "show", "--year", "0x7EA"], code: 2, zh: /^年份"0x7EA"无效/, en: /^Invalid year "0x7EA"/ },
    { name: "an annual plan's --year 0x7EA is refused (held before)", argv: ["write", "annual", "--out", "{dir}/a.xlsx", "--year", "0x7EA", "--last-year", twelve], code: 2, zh: /^年份"0x7EA"无效/, en: /^Invalid year "0x7EA"/ },
  ]);
});

describe("holiday lines", () => {
  const weekly = ["write", "weekly", "--out", "{dir}/w.xlsx", "--week", "2026-W09", "--holidays", "{dir}/h.txt"];
  cliTable([
    { name: "2026-02-30 is refused, not moved to March (held before)", argv: weekly, files: { "h.txt": "2026-02-30\n" }, code: 2, zh: /第 1 行不是日期.*2026-02-30/, en: /line 1 is not a date.*2026-02-30/ },
    { name: "a hex year is refused (held before)", argv: weekly, files: { "h.txt": "2026-02-23\n0x7EA-02-24\n" }, code: 2, zh: /第 2 行不是日期/, en: /line 2 is not a date/ },
    { name: "an exponent is refused (held before)", argv: weekly, files: { "h.txt": "2.026e3-02-24\n" }, code: 2, zh: /第 1 行不是日期/, en: /line 1 is not a date/ },
    { name: "2026-13-01 is refused (held before)", argv: weekly, files: { "h.txt": "+2026-13-01\n" }, code: 2, zh: /第 1 行不是日期/, en: /line 1 is not a date/ },
  ]);
});

/**
 * Review of issue 18: only commas that could really group thousands are ambiguous, and a list of a fixed
 * length (`--last-year`: twelve) that splits into exactly that many numbers at its commas is read so.
 * Every row but the controls failed on the code before.
 */
describe("commas a thousands group cannot explain", () => {
  // 2026: the built-in holidays cover it, so the first line is the result.
  const annualYear = ["write", "annual", "--out", "{dir}/a.xlsx", "--year", "2026"] as const;
  cliTable([
    {
      name: "--last-year 80000,500,… (twelve plain months) is read, not refused as thousands",
      argv: [...annualYear, "--last-year", "80000,500,90000,1,1,1,1,1,1,1,1,1"],
      code: 0,
      zh: /^已写入 /,
      changes: ["a.xlsx"],
    },
    {
      name: "--last-year in 万元 with three-digit months is read",
      argv: [...year, "--split", "lastYear", "--last-year", "80,60,120,110,100,95,85,88,105,130,125,150"],
      code: 0,
      zh: /^已写入 /,
      changes: ["b.xlsx"],
    },
    {
      name: "--last-year with a grouped month among twelve (13 at the commas) is still refused (control)",
      argv: [...annualYear, "--last-year", "80,1,500,90,95,85,88,105,130,125,150,160,170"],
      code: 2,
      zh: /^--last-year "80,1,500,.*" 中数字间的逗号/,
      en: /^In --last-year "80,1,500,/,
    },
    { name: "--reps 张三=1.5,… with a fixed target: a comma after a decimal stays a separator (control)", argv: [...year.slice(0, -2), "--reps", "张三=1.5,李四=1", "--hold", "张三=300000"], code: 0, zh: /^已写入 /, changes: ["b.xlsx"] },
    {
      name: "--products 1,000,2 is refused with a hint to use :, not read as 1:0:2",
      argv: [...month, "--reps", "a=1", "--products", "1,000,2"],
      code: 2,
      zh: /^产品比例"1,000,2"中数字间的逗号分不清是分隔三个数还是千位分隔:请用冒号分隔/,
      en: /^In the product ratio "1,000,2", a comma between digits could separate the three numbers or group thousands: separate them with colons/,
    },
    { name: "--products 2,3,1 is read (control)", argv: [...month, "--reps", "a=1", "--products", "2,3,1"], code: 0, zh: /^已写入 /, changes: ["b.xlsx"] },
  ]);
});
