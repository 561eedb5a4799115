import { hostname } from "node:os";
import { cliTable } from "../support/cliTable";

/**
 * Issue 18, the command line: periods checked against the dates the calendar supports, a year's monthly
 * plans for a named month, options given once, and the output guarded while a run writes it. Each row
 * failed before its fix (the rows under "still accepted" pin the ends of the ranges).
 */

const BREAKDOWN = ["breakdown", "--out", "{dir}/b.xlsx", "--target", "90000", "--reps", "张三=1"];

describe("periods outside the supported dates are refused by the argument check, with the range", () => {
  cliTable([
    {
      name: "write weekly --week 9999-W52: its Sunday is past 9999-12-31",
      argv: ["write", "weekly", "--out", "{dir}/a.xlsx", "--week", "9999-W52"],
      code: 2,
      zh: /^周次"9999-W52"超出支持范围:可用 1900-W10 至 9999-W51。$/,
      en: /^Week "9999-W52" is out of range: use 1900-W10 to 9999-W51\.$/,
    },
    {
      name: "breakdown's weekly plans --week 9999-W52",
      argv: [...BREAKDOWN, "--month", "2026-12", "--plans", "weekly", "--week", "9999-W52"],
      code: 2,
      zh: /^周次"9999-W52"超出支持范围:可用 1900-W10 至 9999-W51。$/,
      en: /^Week "9999-W52" is out of range: use 1900-W10 to 9999-W51\.$/,
    },
    {
      name: "write monthly --month 1900-01: before 1900-03-01",
      argv: ["write", "monthly", "--out", "{dir}/a.xlsx", "--month", "1900-01"],
      code: 2,
      zh: /^月份"1900-01"无效:格式为 2026-11,可用 1900-03 至 9999-11。$/,
      en: /^Invalid month "1900-01": write it as 2026-11, from 1900-03 to 9999-11\.$/,
    },
    {
      name: "write monthly --month 9999-12: its review falls in 10000-01",
      argv: ["write", "monthly", "--out", "{dir}/a.xlsx", "--month", "9999-12"],
      code: 2,
      zh: /^月份"9999-12"无效:格式为 2026-11,可用 1900-03 至 9999-11。$/,
      en: /^Invalid month "9999-12": write it as 2026-11, from 1900-03 to 9999-11\.$/,
    },
    {
      name: "write diary --month 1900-02",
      argv: ["write", "diary", "--out", "{dir}/a.xlsx", "--month", "1900-02"],
      code: 2,
      zh: /^月份"1900-02"无效:格式为 2026-11,可用 1900-03 至 9999-12。$/,
      en: /^Invalid month "1900-02": write it as 2026-11, from 1900-03 to 9999-12\.$/,
    },
    {
      name: "breakdown --month 1900-01",
      argv: [...BREAKDOWN, "--month", "1900-01"],
      code: 2,
      zh: /^月份"1900-01"无效:格式为 2026-11,可用 1900-03 至 9999-12。$/,
      en: /^Invalid month "1900-01": write it as 2026-11, from 1900-03 to 9999-12\.$/,
    },
    {
      name: "breakdown --month 9999-12 --plans monthly: the plans' review falls in 10000-01",
      argv: [...BREAKDOWN, "--month", "9999-12", "--plans", "monthly"],
      code: 2,
      zh: /^月份"9999-12"无效:格式为 2026-11,可用 1900-03 至 9999-11。$/,
      en: /^Invalid month "9999-12": write it as 2026-11, from 1900-03 to 9999-11\.$/,
    },
    {
      name: "write annual --year 1899",
      argv: ["write", "annual", "--out", "{dir}/a.xlsx", "--year", "1899"],
      code: 2,
      zh: /^年份"1899"无效:请填写 1901–9999 之间的年份,如 2026。$/,
      en: /^Invalid year "1899": give a year from 1901 to 9999, e.g\. 2026\.$/,
    },
    {
      name: "write annual --year 1900: its January is before 1900-03-01",
      argv: ["write", "annual", "--out", "{dir}/a.xlsx", "--year", "1900"],
      code: 2,
      zh: /^年份"1900"无效:请填写 1901–9999 之间的年份,如 2026。$/,
      en: /^Invalid year "1900": give a year from 1901 to 9999, e.g\. 2026\.$/,
    },
    {
      name: "write annual --month 1900-05: the plan's year, taken from --month, is 1900",
      argv: ["write", "annual", "--out", "{dir}/a.xlsx", "--month", "1900-05"],
      code: 2,
      zh: /^年度销售计划的年份取自 --month:1900 年超出支持范围 1901–9999,请用 --year 指定。$/,
      en: /^The annual plan's year comes from --month: 1900 is out of range \(1901 to 9999\); give --year\.$/,
    },
    {
      name: "breakdown --year 1900",
      argv: [...BREAKDOWN, "--year", "1900"],
      code: 2,
      zh: /^年份"1900"无效:请填写 1901–9999 之间的年份,如 2026。$/,
      en: /^Invalid year "1900": give a year from 1901 to 9999, e.g\. 2026\.$/,
    },
    {
      name: "calendar show --year 1899",
      argv: ["calendar", "show", "--year", "1899"],
      code: 2,
      zh: /^年份"1899"无效:请填写 1901–9999 之间的年份,如 2026。$/,
      en: /^Invalid year "1899": give a year from 1901 to 9999, e.g\. 2026\.$/,
    },
  ]);
});

describe("the ends of the ranges are still accepted", () => {
  const written = (file: string) => ({ code: 0, zh: /^(注意:内置的中国节假日数据覆盖|已写入 )/, changes: [file] });
  cliTable([
    { name: "write weekly --week 9999-W51", argv: ["write", "weekly", "--out", "{dir}/a.xlsx", "--week", "9999-W51"], ...written("a.xlsx") },
    { name: "write weekly --week 1900-W10", argv: ["write", "weekly", "--out", "{dir}/a.xlsx", "--week", "1900-W10"], ...written("a.xlsx") },
    { name: "write monthly --month 9999-11", argv: ["write", "monthly", "--out", "{dir}/a.xlsx", "--month", "9999-11"], ...written("a.xlsx") },
    { name: "write monthly --month 1900-03", argv: ["write", "monthly", "--out", "{dir}/a.xlsx", "--month", "1900-03"], ...written("a.xlsx") },
    { name: "breakdown --month 9999-12", argv: [...BREAKDOWN, "--month", "9999-12"], ...written("b.xlsx") },
    { name: "breakdown --year 1901", argv: [...BREAKDOWN, "--year", "1901"], ...written("b.xlsx") },
    { name: "write annual --year 9999", argv: ["write", "annual", "--out", "{dir}/a.xlsx", "--year", "9999"], ...written("a.xlsx") },
  ]);
});

describe("a breakdown's plans: the month of a year's monthly plans is named, --week only for weekly plans", () => {
  cliTable([
    {
      name: "--year with --plans monthly and no --month asks for the month",
      argv: [...BREAKDOWN, "--year", "2026", "--plans", "monthly"],
      code: 2,
      zh: /^按年分解时,--plans monthly 需用 --month 指定月计划的月份,如 --month 2026-03。$/,
      en: /^A year's breakdown writes the monthly plans of one month: name it with --month, e.g\. --month 2026-03\.$/,
    },
    {
      name: "--year with --plans monthly --month of that year writes that month's plans",
      argv: [...BREAKDOWN, "--year", "2026", "--plans", "monthly", "--month", "2026-03"],
      code: 0,
      zh: /^已写入 .*b\.xlsx:目标分解-2026年、月计划-张三-2026-03、节假日 2026$/,
      changes: ["b.xlsx"],
    },
    {
      name: "--year with --plans monthly --month of another year",
      argv: [...BREAKDOWN, "--year", "2026", "--plans", "monthly", "--month", "2027-03"],
      code: 2,
      zh: /^--month 2027-03 不在 2026 年内:按年分解时,--month 指定该年中月计划的月份。$/,
      en: /^--month 2027-03 is not in 2026: with --year, --month names the month of that year's monthly plans\.$/,
    },
    {
      name: "--year with --month but no monthly plans",
      argv: [...BREAKDOWN, "--year", "2026", "--month", "2026-03"],
      code: 2,
      zh: /^按年分解\(--year\)时,--month 只用于指定月计划的月份\(--plans monthly\)。$/,
      en: /^With --year, --month names the month of the monthly plans \(--plans monthly\) only\.$/,
    },
    {
      name: "--week without --plans",
      argv: [...BREAKDOWN, "--month", "2026-11", "--week", "2026-W48"],
      code: 2,
      zh: /^--week 只用于周计划\(--plans weekly\)。$/,
      en: /^--week is for the weekly plans \(--plans weekly\) only\.$/,
    },
    {
      name: "--week with --plans monthly",
      argv: [...BREAKDOWN, "--month", "2026-11", "--plans", "monthly", "--week", "2026-W48"],
      code: 2,
      zh: /^--week 只用于周计划\(--plans weekly\)。$/,
      en: /^--week is for the weekly plans \(--plans weekly\) only\.$/,
    },
  ]);
});

describe("an option given twice is refused, not silently the last one", () => {
  cliTable([
    {
      name: "--week twice",
      argv: ["write", "weekly", "--out", "{dir}/a.xlsx", "--week", "2026-W50", "--week", "2026-W51"],
      code: 2,
      zh: /^选项 --week 给了两次\("2026-W50" 和 "2026-W51"\),只能给一次。$/,
      en: /^Option --week is given twice \("2026-W50", "2026-W51"\); give it once\.$/,
    },
    {
      name: "--out twice, once as --out=FILE",
      argv: ["write", "weekly", "--out={dir}/a.xlsx", "--out", "{dir}/b.xlsx"],
      code: 2,
      zh: /^选项 --out 给了两次\(".*a\.xlsx" 和 ".*b\.xlsx"\),只能给一次。$/,
      en: /^Option --out is given twice \(".*a\.xlsx", ".*b\.xlsx"\); give it once\.$/,
    },
    {
      name: "--reps twice, even with the same value",
      argv: [...BREAKDOWN, "--month", "2026-11", "--reps", "张三=1"],
      code: 2,
      zh: /^选项 --reps 给了两次\("张三=1" 和 "张三=1"\),只能给一次。$/,
      en: /^Option --reps is given twice \("张三=1", "张三=1"\); give it once\.$/,
    },
  ]);
});

/** Linux never gives a process this id (PID_MAX_LIMIT is 2^22, ids stay below it): a run that has ended. */
const ENDED_PID = 4194304;

describe("a run holds its output file while it writes it", () => {
  cliTable([
    {
      name: "a lock held by a running process: refused, nothing touched",
      argv: ["write", "weekly", "--out", "{dir}/a.xlsx", "--week", "2026-W50"],
      files: { ".a.xlsx.lock": `sales-planner ${process.pid} ${hostname()}\n` },
      code: 1,
      zh: /^另一个 sales-planner 正在写入 .*a\.xlsx\(锁文件 .*\.a\.xlsx\.lock\),未做任何修改:请等它结束后再运行;若没有其他运行,删除该锁文件后重试。$/,
      en: /^Another sales-planner run is writing .*a\.xlsx \(lock file .*\.a\.xlsx\.lock\); nothing was changed\. Run again once it has finished; if none is running, delete the lock file and run again\.$/,
    },
    {
      name: "a lock left by a run that ended is taken over, and removed at the end",
      argv: ["write", "weekly", "--out", "{dir}/a.xlsx", "--week", "2026-W50"],
      files: { ".a.xlsx.lock": `sales-planner ${ENDED_PID} ${hostname()}\n` },
      code: 0,
      zh: /^已写入 .*a\.xlsx/,
      changes: ["a.xlsx", ".a.xlsx.lock"],
    },
    {
      name: "a lock from another computer (a shared folder) is not judged: refused",
      argv: ["write", "weekly", "--out", "{dir}/a.xlsx", "--week", "2026-W50"],
      files: { ".a.xlsx.lock": `sales-planner ${ENDED_PID} another-${hostname()}\n` },
      code: 1,
      zh: /^另一个 sales-planner 正在写入 .*a\.xlsx/,
      en: /^Another sales-planner run is writing .*a\.xlsx/,
    },
    {
      name: "a file of the user's at the lock's name is left alone: refused",
      argv: ["write", "weekly", "--out", "{dir}/a.xlsx", "--week", "2026-W50"],
      files: { ".a.xlsx.lock": "my notes\n" },
      code: 1,
      zh: /^另一个 sales-planner 正在写入 .*a\.xlsx/,
      en: /^Another sales-planner run is writing .*a\.xlsx/,
    },
  ]);
});
