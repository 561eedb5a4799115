import { mkdtempSync, readdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CLI_MESSAGES } from "../../src/cli/messages";
import { EMPTY_LOCK_GRACE_MS, lockFileOf, lockOut } from "../../src/cli/outLock";
import { nodeIo } from "../../src/cli/main";
import { runCli } from "../support/cli";
import { cliTable } from "../support/cliTable";

/**
 * Issue 18, the reviewer's findings on the command line: an output folder that does not exist, weeks
 * before the supported range, the weekly plans' week of a breakdown, and `write` options no template
 * reads. Each row failed before its fix.
 */

const BREAKDOWN = ["breakdown", "--out", "{dir}/b.xlsx", "--target", "90000", "--reps", "张三=1"];

describe("--out in a folder that is not there is named in both languages, without the lock file", () => {
  cliTable([
    {
      name: "write weekly --out MISSING/a.xlsx",
      argv: ["write", "weekly", "--out", "{dir}/missing/a.xlsx", "--week", "2026-W48"],
      code: 1,
      zh: /^输出文件夹 .*\/missing 不存在,未做任何修改:请先建立该文件夹,或用 --out 指定另一个位置。$/,
      en: /^The output folder .*\/missing does not exist; nothing was changed\. Create it first, or give another place with --out\.$/,
    },
    {
      name: "write weekly --out FILE/a.xlsx, FILE a plain file",
      argv: ["write", "weekly", "--out", "{dir}/plain.txt/a.xlsx", "--week", "2026-W48"],
      files: { "plain.txt": "x" },
      code: 1,
      zh: /^输出文件夹 .*\/plain\.txt 不是文件夹,未做任何修改:请用 --out 指定另一个位置。$/,
      en: /^The output folder .*\/plain\.txt is not a folder; nothing was changed\. Give another place with --out\.$/,
    },
  ]);
});

describe("weeks outside the supported range are answered with the range, whatever the reason", () => {
  cliTable([
    {
      name: "--week 1900-W09: before 1900-03-01",
      argv: ["write", "weekly", "--out", "{dir}/a.xlsx", "--week", "1900-W09"],
      code: 2,
      zh: /^周次"1900-W09"超出支持范围:可用 1900-W10 至 9999-W51。$/,
      en: /^Week "1900-W09" is out of range: use 1900-W10 to 9999-W51\.$/,
    },
    {
      name: "--week 0999-W10: a year before 1900",
      argv: ["write", "weekly", "--out", "{dir}/a.xlsx", "--week", "0999-W10"],
      code: 2,
      zh: /^周次"0999-W10"超出支持范围:可用 1900-W10 至 9999-W51。$/,
      en: /^Week "0999-W10" is out of range: use 1900-W10 to 9999-W51\.$/,
    },
    {
      name: "breakdown's weekly plans --week 1900-W01",
      argv: [...BREAKDOWN, "--month", "2026-12", "--plans", "weekly", "--week", "1900-W01"],
      code: 2,
      zh: /^周次"1900-W01"超出支持范围:可用 1900-W10 至 9999-W51。$/,
      en: /^Week "1900-W01" is out of range: use 1900-W10 to 9999-W51\.$/,
    },
    {
      name: "--week 2027-W53 in range still says that year has 52 weeks",
      argv: ["write", "weekly", "--out", "{dir}/a.xlsx", "--week", "2027-W53"],
      code: 2,
      zh: /^周次"2027-W53"无效:.*52/,
      en: /^Invalid week "2027-W53": .*52/,
    },
  ]);
});

describe("a breakdown's weekly plans are for a week the user names, within the period", () => {
  cliTable([
    {
      name: "--year 2027 --plans weekly without --week",
      argv: [...BREAKDOWN, "--year", "2027", "--plans", "weekly"],
      code: 2,
      zh: /^--plans weekly 需用 --week 指定周计划的周次,如 --week 2027-W10。$/,
      en: /^Weekly plans need their week: name it with --week, e.g\. --week 2027-W10\.$/,
    },
    {
      name: "--month 2027-03 --plans weekly without --week",
      argv: [...BREAKDOWN, "--month", "2027-03", "--plans", "weekly"],
      code: 2,
      zh: /^--plans weekly 需用 --week 指定周计划的周次,如 --week 2027-W10。$/,
      en: /^Weekly plans need their week: name it with --week, e.g\. --week 2027-W10\.$/,
    },
    {
      name: "--year 2027 --plans weekly --week 2030-W05: outside the year",
      argv: [...BREAKDOWN, "--year", "2027", "--plans", "weekly", "--week", "2030-W05"],
      code: 2,
      zh: /^--week 2030-W05 不在分解的期间 2027 年内:--week 指定该期间中周计划的周次。$/,
      en: /^--week 2030-W05 is not within the breakdown's period, 2027: --week names the week of the weekly plans in that period\.$/,
    },
    {
      name: "--month 2027-03 --plans weekly --week 2027-W15: after March",
      argv: [...BREAKDOWN, "--month", "2027-03", "--plans", "weekly", "--week", "2027-W15"],
      code: 2,
      zh: /^--week 2027-W15 不在分解的期间 2027-03 内:--week 指定该期间中周计划的周次。$/,
      en: /^--week 2027-W15 is not within the breakdown's period, 2027-03: --week names the week of the weekly plans in that period\.$/,
    },
    {
      name: "still accepted: --month 2027-03 --week 2027-W13, Monday 29 March",
      argv: [...BREAKDOWN, "--month", "2027-03", "--plans", "weekly", "--week", "2027-W13", "--calendar", "none", "--lang", "en-US"],
      code: 0,
      zh: /^Wrote /,
      changes: ["b.xlsx"],
    },
    {
      name: "still accepted: --year 2027 --week 2026-W53, whose Friday to Sunday are in 2027",
      argv: [...BREAKDOWN, "--year", "2027", "--plans", "weekly", "--week", "2026-W53", "--calendar", "none", "--lang", "en-US"],
      code: 0,
      zh: /^Wrote /,
      changes: ["b.xlsx"],
    },
  ]);
});

describe("write refuses options none of its templates read", () => {
  cliTable([
    {
      name: "write monthly --week",
      argv: ["write", "monthly", "--out", "{dir}/a.xlsx", "--week", "2026-W50"],
      code: 2,
      zh: /^--week 只用于模板 weekly,本次写入的模板都不用它。$/,
      en: /^--week is read by the templates weekly only; none of the templates written reads it\.$/,
    },
    {
      name: "write customers --week",
      argv: ["write", "customers", "--out", "{dir}/a.xlsx", "--week", "2030-W01"],
      code: 2,
      zh: /^--week 只用于模板 weekly,本次写入的模板都不用它。$/,
      en: /^--week is read by the templates weekly only; none of the templates written reads it\.$/,
    },
    {
      name: "write weekly --month",
      argv: ["write", "weekly", "--out", "{dir}/a.xlsx", "--month", "2026-12"],
      code: 2,
      zh: /^--month 只用于模板 monthly、contracts、diary、annual,本次写入的模板都不用它。$/,
      en: /^--month is read by the templates monthly, contracts, diary, annual only; none of the templates written reads it\.$/,
    },
    {
      name: "write customers --rep",
      argv: ["write", "customers", "--out", "{dir}/a.xlsx", "--rep", "张三"],
      code: 2,
      zh: /^--rep 只用于模板 weekly、monthly、diary,本次写入的模板都不用它。$/,
      en: /^--rep is read by the templates weekly, monthly, diary only; none of the templates written reads it\.$/,
    },
    {
      name: "still accepted: write weekly customers --week --rep",
      argv: ["write", "weekly", "customers", "--out", "{dir}/a.xlsx", "--week", "2026-W50", "--rep", "张三", "--lang", "en-US"],
      code: 0,
      zh: /^Wrote /,
      changes: ["a.xlsx"],
    },
  ]);
});

describe("a folder the lock cannot be created in is named, not the lock file's system error", () => {
  test("--out through a link to a folder that is gone", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sp-cli-review-"));
    symlinkSync(join(dir, "gone"), join(dir, "link"));
    const { code, err } = await runCli("write", "weekly", "--out", join(dir, "link", "a.xlsx"), "--week", "2026-W48");
    expect({ code, err }).toEqual({ code: 1, err: expect.stringMatching(/^无法在文件夹 .*\/link 中写入.*\nCannot write in the folder .*\/link /) });
    expect(err).not.toMatch(/lock|ENOENT/);
    expect(readdirSync(dir)).toEqual(["link"]);
  });
});

describe("the years without holiday data are those the written periods touch, and a long list is cut", () => {
  test("write weekly diary --week 9999-W51: the diary's month and the week, not the years between", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sp-cli-review-"));
    // runCli's day is 2026-11-25: the diary is for December 2026, its review in January 2027.
    const { code, err } = await runCli("write", "weekly", "diary", "--out", join(dir, "c.xlsx"), "--week", "9999-W51");
    expect(code).toBe(0);
    expect(err.split("\n")[0]).toBe("注意:内置的中国节假日数据覆盖 2004–2026 年,2027、9999 年的日期未含法定节假日和调休,按普通周一至周五计算。");
    expect(err.split("\n")).toHaveLength(4);
  });

  test.each([
    ["zh-CN", "2027、2028、2029、2030、2031 年及另外 3 个年份", "  ……另有 3 个年份,命令相同,改 --year 即可。"],
    ["en-US", "2027, 2028, 2029, 2030, 2031 and 3 more years", "  …and 3 more years: the same command with their --year."],
  ] as const)("in %s, eight years name five and count the rest", (locale, named, more) => {
    const lines = CLI_MESSAGES[locale].uncoveredYears([2027, 2028, 2029, 2030, 2031, 2032, 2033, 2034], 2004, 2026).split("\n");
    expect(lines[0]).toContain(named);
    expect(lines).toHaveLength(2 + 5 + 1);
    expect(lines[7]).toBe(more);
  });
});

describe("the output lock", () => {
  const lockedDir = (): { dir: string; out: string; lock: string } => {
    const dir = mkdtempSync(join(tmpdir(), "sp-cli-review-"));
    return { dir, out: join(dir, "a.xlsx"), lock: lockFileOf(join(dir, "a.xlsx")) };
  };

  test("release leaves a lock that is no longer ours (another run took it over)", async () => {
    const { out, lock } = lockedDir();
    const taken = await lockOut(out);
    expect(taken.kind).toBe("taken");
    writeFileSync(lock, "sales-planner 1 another-host\n");
    if (taken.kind === "taken") await taken.release();
    expect(readFileSync(lock, "utf8")).toBe("sales-planner 1 another-host\n");
  });

  test("an empty lock is held while fresh and taken over once older than its creator takes to write it", async () => {
    const { dir, out, lock } = lockedDir();
    writeFileSync(lock, "");
    expect(await lockOut(out)).toEqual({ kind: "held", lockFile: lock });
    const old = new Date(Date.now() - EMPTY_LOCK_GRACE_MS - 60_000);
    utimesSync(lock, old, old);
    const taken = await lockOut(out);
    expect(taken.kind).toBe("taken");
    if (taken.kind === "taken") await taken.release();
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe("Ctrl-C or a kill while a run writes removes the temporary file and the lock", () => {
  // The handler's process.exit is caught here: emitting the signal (its name as the argument, as Node
  // passes it) runs the handlers a real one would.
  let exit: jest.SpyInstance;
  beforeEach(() => {
    exit = jest.spyOn(process, "exit").mockImplementation((() => undefined) as never);
  });
  afterEach(() => exit.mockRestore());

  test("SIGTERM with the lock held: the lock goes, exit code 143, and no handler is left after release", async () => {
    const listeners = process.listenerCount("SIGTERM");
    const dir = mkdtempSync(join(tmpdir(), "sp-cli-review-"));
    const taken = await lockOut(join(dir, "a.xlsx"));
    expect(process.listenerCount("SIGTERM")).toBe(listeners + 1);
    process.emit("SIGTERM", "SIGTERM");
    expect(exit).toHaveBeenCalledWith(143);
    expect(readdirSync(dir)).toEqual([]);
    if (taken.kind === "taken") await taken.release();
    expect(process.listenerCount("SIGTERM")).toBe(listeners);
  });

  test("SIGINT while the temporary file is being written: it goes, exit code 130", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sp-cli-review-"));
    const out = join(dir, "a.xlsx");
    const writing = nodeIo.writeFile(out, new Uint8Array(64 * 1024 * 1024)).catch(() => "stopped");
    while (readdirSync(dir).length === 0) await new Promise((resolve) => setImmediate(resolve));
    expect(readdirSync(dir)).toEqual([`.a.xlsx.${process.pid}.tmp`]);
    process.emit("SIGINT", "SIGINT");
    expect(exit).toHaveBeenCalledWith(130);
    expect(readdirSync(dir)).toEqual([]);
    await writing;
  });
});
