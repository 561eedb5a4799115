import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main, nodeIo, type CliIo } from "../../src/cli/main";
import { chinaYearDays } from "../../src/domain/chinaCalendar";
import { formatDateList, parseDateList } from "../../src/domain/dateText";
import { errorCells, recalcXlsx, type Computed } from "../support/libreoffice";
import { runCli as run, type CliRun } from "../support/cli";
import { NOTICE_2024, NOTICE_2026, OLDER_WORDINGS } from "../fixtures/holidayNotices";

/** The China calendar on the command line: `--calendar`, `--holidays` over it, the past-the-data warning, `calendar show|parse-notice`. */

const dir = mkdtempSync(join(tmpdir(), "sp-cli-calendar-"));
const file = (name: string, text: string | Uint8Array): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

/**
 * The rows of the table whose header row starts with `header` from column A, up to its 合计 row, as arrays
 * of cell values from column A — recalculated by LibreOffice, since the working days are formulas reading
 * the workbook's 节假日 table.
 */
async function tableRows(path: string, sheet: string, header: readonly string[]): Promise<unknown[][]> {
  const [book] = await recalcXlsx([path]);
  expect(errorCells(book)).toEqual([]);
  const cells = book.get(sheet)!;
  const at = (row: number, col: number): Computed | undefined => cells.get(`${String.fromCharCode(65 + col)}${row}`);
  const width = 7;
  let row = 1;
  while (header.some((title, i) => at(row, i) !== title)) if (++row > 1000) throw new Error(`no table headed ${header.join()} in ${sheet}`);
  const rows: unknown[][] = [];
  for (row++; at(row, 0) !== "合计"; row++) rows.push(Array.from({ length: width }, (_, col) => at(row, col) ?? null));
  return rows;
}

/** The monthly plan's 周分解: working days per week (column D). */
const planWorkdays = async (path: string, sheet: string): Promise<number[]> => (await tableRows(path, sheet, ["周次", "起", "止", "工作日"])).map((cells) => cells[3] as number);
/** The breakdown's 按周分解: [working days, target] per week (columns F, G). */
const breakdownWeeks = async (path: string, sheet: string): Promise<number[][]> =>
  (await tableRows(path, sheet, ["销售代表", "月份", "周次", "起", "止", "工作日", "目标"])).map((cells) => [cells[5] as number, cells[6] as number]);
const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

describe("write and breakdown count working days with China's calendar by default", () => {
  test("October 2026 with no options: 国庆 off, 10-10 worked, 18 working days (the issue's Done when)", async () => {
    const out = join(dir, "october.xlsx");
    const { code, err } = await run("write", "monthly", "--month", "2026-10", "--out", out);
    expect({ code, err }).toEqual({ code: 0, err: "" });
    // 10-01..04 has no working day left; 10-05..11 keeps 08, 09 and the make-up Saturday 10-10.
    const weeks = await planWorkdays(out, "月计划-2026-10");
    expect(weeks).toEqual([3, 5, 5, 5]);
    expect(sum(weeks)).toBe(18);
  });

  test.each([["none"], ["无"], ["NONE"]])("--calendar %s gives plain Monday–Friday: 22 working days in October 2026", async (choice) => {
    const out = join(dir, `plain-${choice}.xlsx`);
    const { code, err } = await run("write", "monthly", "--month", "2026-10", "--calendar", choice, "--out", out);
    expect({ code, err }).toEqual({ code: 0, err: "" });
    expect(await planWorkdays(out, "月计划-2026-10")).toEqual([2, 5, 5, 5, 5]);
  });

  // Issue 11 item 4: the work week under the holidays. October 2026 with 国庆: 21 days 单休, 19 大小周 with the long week on 10-10 (SALES.WORKDAYS's worked examples).
  test.each([
    ["单休", 21],
    ["6day", 21],
    ["大小周:2026-10-10", 19],
    ["双休", 18],
  ])("--workweek %s: October 2026 has %i working days", async (week, days) => {
    const out = join(dir, `week-${days}-${week.length}.xlsx`);
    const { code, err } = await run("write", "monthly", "--month", "2026-10", "--workweek", week, "--out", out);
    expect({ code, err }).toEqual({ code: 0, err: "" });
    expect(sum(await planWorkdays(out, "月计划-2026-10"))).toBe(days);
  });

  test("an unreadable --workweek is bad usage naming it, in both languages", async () => {
    for (const week of ["七天", "大小周"]) {
      const bad = await run("write", "monthly", "--workweek", week, "--out", join(dir, "bad-week.xlsx"));
      expect(bad.code).toBe(2);
      expect(bad.err).toContain(`"${week}"`);
      expect(bad.err).toContain("单休");
      expect(bad.err).toContain("6day");
    }
  });

  test("--calendar 中国 is the default spelt out; an unknown calendar is bad usage", async () => {
    const out = join(dir, "zhongguo.xlsx");
    expect((await run("write", "monthly", "--month", "2026-10", "--calendar", "中国", "--out", out)).code).toBe(0);
    expect(await planWorkdays(out, "月计划-2026-10")).toEqual([3, 5, 5, 5]);
    for (const name of ["hk", "toString"]) {
      const bad = await run("write", "monthly", "--calendar", name, "--out", join(dir, "hk.xlsx"));
      expect(bad.code).toBe(2);
      expect(bad.err).toContain(`"${name}"`);
      expect(bad.err).toContain("none");
    }
  });

  test("a --holidays line wins over the built-in one for its date, both ways", async () => {
    const worked = join(dir, "worked.xlsx");
    // The company works 国庆's last day.
    expect((await run("write", "monthly", "--month", "2026-10", "--holidays", file("work-07.txt", "+2026-10-07\n"), "--out", worked)).code).toBe(0);
    expect(await planWorkdays(worked, "月计划-2026-10")).toEqual([4, 5, 5, 5]);
    const off = join(dir, "off.xlsx");
    // …or gives the make-up Saturday off, and adds a day off of its own.
    expect((await run("write", "monthly", "--month", "2026-10", "--holidays", file("off-10.txt", "2026-10-10\n2026-10-30\n"), "--out", off)).code).toBe(0);
    expect(await planWorkdays(off, "月计划-2026-10")).toEqual([2, 5, 5, 4]);
    // With --calendar none the file is all there is, as before.
    const plain = join(dir, "plain-file.xlsx");
    expect((await run("write", "monthly", "--month", "2026-10", "--calendar", "none", "--holidays", file("one.txt", "2026-10-01\n"), "--out", plain)).code).toBe(0);
    expect(await planWorkdays(plain, "月计划-2026-10")).toEqual([1, 5, 5, 5, 5]);
  });

  test("a date the user's file names both off and worked is still bad usage", async () => {
    const { code, err } = await run("write", "monthly", "--month", "2026-10", "--holidays", file("both.txt", "2026-10-12\n+2026-10-12\n"), "--out", join(dir, "both.xlsx"));
    expect(code).toBe(2);
    expect(err).toContain("both.txt");
  });

  test("breakdown splits October 2026's weeks by the China calendar's working days, or plain weeks with --calendar none", async () => {
    const china = join(dir, "breakdown-cn.xlsx");
    expect((await run("breakdown", "--out", china, "--target", "18000", "--month", "2026-10", "--reps", "张三=1")).err).toBe("");
    expect(await breakdownWeeks(china, "目标分解-2026年10月")).toEqual([[3, 3000], [5, 5000], [5, 5000], [5, 5000]]);
    const plain = join(dir, "breakdown-none.xlsx");
    expect((await run("breakdown", "--out", plain, "--target", "18000", "--month", "2026-10", "--reps", "张三=1", "--calendar", "none")).code).toBe(0);
    expect(await breakdownWeeks(plain, "目标分解-2026年10月")).toEqual([[2, 1636], [5, 4091], [5, 4091], [5, 4091], [5, 4091]]);
  });
});

/** The address of the cell in `sheet` holding `text`, and the value `right` columns to its right, down `down` rows. */
function near(sheet: Map<string, Computed>, text: string, right: number, down = 0): Computed {
  const found = [...sheet].find(([, value]) => value === text);
  if (!found) throw new Error(`no cell holds ${text}`);
  const [, letters, digits] = /^([A-Z]+)(\d+)$/.exec(found[0])!;
  const column = String.fromCharCode(letters.charCodeAt(0) + right);
  return sheet.get(`${column}${Number(digits) + down}`) ?? null;
}

test("the Done when, recalculated in LibreOffice: an October 2026 plan from the command line has 18 working days and its weekly targets split by them", async () => {
  const out = join(dir, "done-when.xlsx");
  expect((await run("breakdown", "--out", out, "--target", "18000", "--month", "2026-10", "--reps", "张三=1", "--plans", "monthly")).code).toBe(0);
  const [book] = await recalcXlsx([out]);
  expect(errorCells(book)).toEqual([]);
  const plan = book.get("月计划-张三-2026-10")!;
  expect(near(plan, "工作日数", 1)).toBe(18);
  // 周分解: header 周次 | 起 | 止 | 工作日 | 目标, one row per week, then the 合计 row.
  const weeks = [1, 2, 3, 4, 5].map((row) => [near(plan, "周次", 3, row), near(plan, "周次", 4, row)]);
  expect(weeks).toEqual([[3, 3000], [5, 5000], [5, 5000], [5, 5000], [18, 18000]]);
}, 120_000);

describe("a period past the built-in data is not passed off as plain weeks", () => {
  test("write names the year on stderr with how to add it, in the chosen language, and still writes (exit 0)", async () => {
    const out = join(dir, "2027.xlsx");
    const zh = await run("write", "monthly", "--month", "2027-03", "--out", out);
    expect(zh.code).toBe(0);
    expect(zh.out).toContain("月计划-2027-03");
    expect(zh.err).toContain("2027 年的日期未含法定节假日和调休");
    expect(zh.err).toContain("--holidays FILE");
    expect(zh.err).toContain("sales-planner calendar parse-notice --year 2027 NOTICE.txt > holidays.txt");
    expect(zh.err).not.toContain("Note:");
    // What was written is plain Monday–Friday, as the warning says: March 2027 has 23 weekdays.
    expect(sum(await planWorkdays(out, "月计划-2027-03"))).toBe(23);
    const en = await run("write", "monthly", "--month", "2027-03", "--lang", "en-US", "--out", join(dir, "2027-en.xlsx"));
    expect(en.code).toBe(0);
    expect(en.err).toMatch(/^Note: the built-in China holiday data covers 2004–2026; dates in 2027 have no official holidays/);
    expect(en.err).toContain("sales-planner calendar parse-notice --year 2027 NOTICE.txt > holidays.txt");
  });

  test("no warning when --holidays has dates of that year, or with --calendar none", async () => {
    const holidays = file("2027.txt", "2027-01-01\n");
    expect((await run("write", "monthly", "--month", "2027-03", "--holidays", holidays, "--out", join(dir, "2027-own.xlsx"))).err).toBe("");
    expect((await run("write", "monthly", "--month", "2027-03", "--calendar", "none", "--out", join(dir, "2027-none.xlsx"))).err).toBe("");
  });

  test("a December plan is warned about the next year too: its review falls due on January's 3rd working day", async () => {
    const { code, err } = await run("write", "monthly", "--month", "2026-12", "--out", join(dir, "december.xlsx"));
    expect(code).toBe(0);
    expect(err).toContain("2027 年");
    // A weekly plan in 2026 or the registers need nothing past the data.
    expect((await run("write", "weekly", "customers", "--week", "2026-W52", "--out", join(dir, "w52.xlsx"))).err).toBe("");
    // 2026-W53 runs to Sunday 2027-01-03.
    expect((await run("write", "weekly", "--week", "2026-W53", "--out", join(dir, "w53.xlsx"))).err).toContain("2027 年");
  });

  test("breakdown warns the same way", async () => {
    const { code, err } = await run("breakdown", "--out", join(dir, "b2027.xlsx"), "--target", "100000", "--year", "2027", "--reps", "张三=1", "--lang", "en-US");
    expect(code).toBe(0);
    expect(err).toContain("dates in 2027");
  });
});

describe("sales-planner calendar", () => {
  test("show --year 2026 prints the built-in dates as holiday lines, sorted", async () => {
    const { code, out, err } = await run("calendar", "show", "--year", "2026");
    expect({ code, err }).toEqual({ code: 0, err: "" });
    const days = chinaYearDays(2026)!;
    expect(out).toBe(formatDateList({ holidays: days.filter((d) => !d.workday).map((d) => d.date), makeUpDays: days.filter((d) => d.workday).map((d) => d.date) }));
    expect(out.split("\n")).toEqual(expect.arrayContaining(["2026-10-01", "2026-10-07", "+2026-10-10", "+2026-09-20", "2026-02-15", "+2026-01-04"]));
    // The lines --holidays reads, and the same as the State Council's notice (an independent source) gives.
    expect(parseDateList(out).ok).toBe(true);
    expect(out).toBe((await run("calendar", "parse-notice", "--year", "2026", file("notice-2026.txt", NOTICE_2026))).out);
  });

  test("show for a year the data does not cover is bad usage naming the year and the covered range", async () => {
    const { code, out, err } = await run("calendar", "show", "--year", "2030");
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toContain("2030");
    expect(err).toContain("2004–2026");
    expect(err).toContain("parse-notice --year 2030");
  });

  test.each([
    [["calendar"], "show"],
    [["calendar", "list", "--year", "2026"], "list"],
    [["calendar", "show"], "--year"],
    [["calendar", "show", "--year", "26"], "26"],
    [["calendar", "show", "--year", "2026", "extra"], "extra"],
    [["calendar", "show", "--year", "2026", "--out", "x.xlsx"], "--out"],
    [["calendar", "parse-notice", "--year", "2027"], "UTF-8"],
    [["calendar", "parse-notice", "--year", "2027", "a.txt", "b.txt"], "b.txt"],
    [["calendar", "parse-notice", "--year", "2027", "--lang", "en-US", "a.txt"], "--lang"],
  ])("%j is bad usage (exit 2) in both languages", async (argv, mention) => {
    const { code, err } = await run(...argv);
    expect(code).toBe(2);
    expect(err).toContain(mention);
    expect(err).toMatch(/[\u4e00-\u9fff]/);
    expect(err).toContain("Run sales-planner --help");
  });

  test("parse-notice prints an older wording's lines; the pasted text may come on stdin (-)", async () => {
    const older = OLDER_WORDINGS[1];
    const fromFile = await run("calendar", "parse-notice", "--year", String(older.year), file("older.txt", older.text));
    expect(fromFile).toEqual({ code: 0, out: older.lines.split(" ").join("\n"), err: "" });
    const out: string[] = [];
    const io: CliIo = { ...nodeIo, stdout: (t) => out.push(t), stderr: () => undefined, readStdin: async () => new TextEncoder().encode(older.text) };
    expect(await main(["calendar", "parse-notice", "--year", String(older.year), "-"], io)).toBe(0);
    expect(out.join("\n")).toBe(older.lines.split(" ").join("\n"));
  });

  test("a day the notice only encourages employers to give is named on stderr, not counted, and is no problem (exit 0)", async () => {
    const { code, out, err } = await run("calendar", "parse-notice", "--year", "2024", file("notice-2024.txt", NOTICE_2024));
    expect(code).toBe(0);
    expect(out.split("\n")).not.toContain("2024-02-09");
    expect(out.split("\n")).toEqual(expect.arrayContaining(["2024-02-10", "+2024-02-04", "+2024-10-12"]));
    expect(err).toBe("未计为放假日：通知只是鼓励单位安排 2024-02-09 休息\nNot counted as a day off: the notice only encourages employers to give 2024-02-09");
  });

  test("a sentence it cannot read is named on stderr in both languages and exits 2; the dates it read are still printed", async () => {
    const unread = "八、国庆节：十月一日至七日放假";
    const notice = NOTICE_2026.replace("节假日期间", `${unread}。\n节假日期间`);
    const result: CliRun = await run("calendar", "parse-notice", "--year", "2026", file("unread.txt", notice));
    expect(result.code).toBe(2);
    expect(result.out).toBe((await run("calendar", "show", "--year", "2026")).out);
    const [zh, en] = result.err.split("\n");
    expect(zh).toBe(`无法识别通知中的这句话，请手动补充其中的日期：“${unread}”`);
    expect(en).toBe(`Could not read this sentence of the notice; add its dates by hand: “${unread}”`);
  });

  test("a notice for another year, a text without dates, a file that is not UTF-8 or is missing", async () => {
    const wrongYear = await run("calendar", "parse-notice", "--year", "2027", file("n2026.txt", NOTICE_2026));
    expect(wrongYear.code).toBe(2);
    expect(wrongYear.err).toContain("这是 2026 年的通知，不是 2027 年的");
    const empty = await run("calendar", "parse-notice", "--year", "2027", file("empty.txt", "通知如下。\n"));
    expect(empty).toMatchObject({ code: 2, out: "" });
    expect(empty.err).toContain("没有找到放假日或调休上班日");
    // "国庆：10月1日放假" in GBK, as a Windows editor may save it.
    const gbk = file("gbk.txt", new Uint8Array([0xb9, 0xfa, 0xc7, 0xec, 0xa3, 0xba, 0x31, 0x30, 0xd4, 0xc2, 0x31, 0xc8, 0xd5, 0xb7, 0xc5, 0xbc, 0xd9]));
    const notUtf8 = await run("calendar", "parse-notice", "--year", "2027", gbk);
    expect(notUtf8.code).toBe(2);
    expect(notUtf8.err).toContain("不是 UTF-8 文本");
    expect((await run("calendar", "parse-notice", "--year", "2027", join(dir, "missing.txt"))).code).toBe(1);
  });

  test("the help shows --calendar and both calendar commands", async () => {
    const { out } = await run("--help");
    expect(out).toContain("--calendar cn|none");
    expect(out).toContain("sales-planner calendar show --year 2026");
    expect(out).toContain("sales-planner calendar parse-notice --year 2027 NOTICE.txt|-");
    expect(out).toMatch(/none\(或"无"\):仅周一至周五/);
    expect(out).toContain("none: plain Monday–Friday");
  });
});
