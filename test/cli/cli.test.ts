import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serialFromYmd } from "../../src/domain/calendar";
import { parseDateList } from "../../src/domain/dateText";
import { inspectXlsx } from "../../src/writers/xlsx";
import { XlsxPackage } from "../../src/writers/ooxml";
import { parseArgs, type WriteCommand } from "../../src/cli/args";
import { writeRequests } from "../../src/cli/main";
import { PLAIN_WEEKS } from "../../src/domain/calendar";
import { TEMPLATE_IDS, TEMPLATES } from "../../src/templates/registry";
import { runCli as run } from "../support/cli";
import { listedColumns } from "../support/dropDowns";

const dir = mkdtempSync(join(tmpdir(), "sp-cli-"));

describe("sales-planner CLI", () => {
  test("--help is bilingual and exits 0", async () => {
    const { code, out } = await run("--help");
    expect(code).toBe(0);
    expect(out).toContain("用法 Usage");
    expect(out).toContain("+yyyy-mm-dd");
    expect(out).toContain("write 默认下周,breakdown 必填 / ISO week of the weekly\n                        plans, write: default next week, breakdown: required;");
    // Each template with its blank rows, where it leaves any (the diary's rows are its month's days).
    for (const id of TEMPLATE_IDS) expect(out).toMatch(new RegExp(`^  ${TEMPLATES[id].cliName} .*${TEMPLATES[id].blankRows.max > 0 ? `, ${TEMPLATES[id].blankRows.initial} blank` : ""}`, "m"));
  });

  test.each([
    [["write"], "weekly, monthly"],
    [["write", "weekly"], "--out"],
    [["write", "yearly", "--out", "x.xlsx"], "yearly"],
    [["write", "weekly", "--out", "x.csv"], ".xlsx"],
    [["write", "weekly", "--out", "x.xlsx", "--lang", "fr-FR"], "fr-FR"],
    [["write", "weekly", "--out", "x.xlsx", "--week", "2026-48"], "2026-48"],
    [["write", "weekly", "--out", "x.xlsx", "--week", "2026-W54"], "W54"],
    [["write", "monthly", "--out", "x.xlsx", "--month", "2026-13"], "2026-13"],
    [["write", "weekly", "--out", "x.xlsx", "--colour", "red"], "--colour"],
    [["write", "weekly", "--out"], "--out"],
    [["print", "weekly"], "print"],
    [["toString", "weekly", "--out", "x.xlsx"], "toString"],
  ])("bad usage %j exits 2 with a message in both languages", async (argv, mention) => {
    const { code, err } = await run(...argv);
    expect(code).toBe(2);
    expect(err).toContain(mention);
    expect(err).toMatch(/[\u4e00-\u9fff]/);
    expect(err).toMatch(/sales-planner --help/);
  });

  test("write ledger: into a workbook with an en-US contract register, its drop-down names the register's column as the file has it", async () => {
    const file = join(dir, "ledger.xlsx");
    expect((await run("write", "contracts", "--out", file, "--lang", "en-US")).code).toBe(0);
    const existing = await inspectXlsx(new Uint8Array(readFileSync(file)));
    expect(existing.tableColumns?.find((t) => t.table === "SP_K1_Contracts")?.columns[0]).toBe("Contract no.");
    const written = await run("write", "ledger", "--out", file);
    expect(written).toMatchObject({ code: 0, err: "" });
    expect((await inspectXlsx(new Uint8Array(readFileSync(file)))).sheets).toEqual([...existing.sheets, "合同收发票款明细"]);
    expect(await listedColumns(new Uint8Array(readFileSync(file)), "合同收发票款明细")).toContain("SP_K1_Contracts[[Contract no.]]");
  });

  test("write visits into a workbook holding a register: the log picks its IDs from it and reads its columns from the file", async () => {
    const file = join(dir, "visits.xlsx");
    expect(await run("write", "customers", "--out", file, "--lang", "en-US")).toMatchObject({ code: 0, err: "" });
    expect(await run("write", "visits", "--out", file)).toMatchObject({ code: 0, err: "" });
    const written = await inspectXlsx(new Uint8Array(readFileSync(file)));
    expect(written.sheets).toEqual(["Customer Register", "Register Settings", "Tier Summary", "客户拜访记录"]);
    expect(written.tableColumns?.find((t) => t.table === "SP_V1_Visits")?.columns.slice(0, 4)).toEqual(["日期", "销售代表", "客户编号", "客户名称"]);
    expect(await listedColumns(new Uint8Array(readFileSync(file)), "客户拜访记录")).toContain("SP_C1_Customers[[Customer ID]]");
  });

  test("write projects into a workbook holding an en-US contract register: the tracker and its summary, 合同编号 from the register", async () => {
    const file = join(dir, "projects.xlsx");
    expect(await run("write", "contracts", "--out", file, "--lang", "en-US")).toMatchObject({ code: 0, err: "" });
    expect(await run("write", "projects", "--out", file)).toMatchObject({ code: 0, err: "" });
    const written = await inspectXlsx(new Uint8Array(readFileSync(file)));
    expect(written.sheets.slice(-2)).toEqual(["项目跟踪表", "项目汇总"]);
    expect(written.names).toEqual(expect.arrayContaining(["SP_P1_COL_REP", "SP_P1_COL_STAGE", "SP_P1_COL_AMOUNT", "SP_P1_COL_RESULT", "SP_P1_STAGE_DESIGN", "SP_P1_CALLBACK_DESIGN", "SP_P1_WIN_RATE"]));
    const pkg = await XlsxPackage.load(new Uint8Array(readFileSync(file)));
    const tracker = (await pkg.sheets()).find((s) => s.name === "项目跟踪表");
    const sheet = (await pkg.text(tracker?.path ?? "")) ?? "";
    expect(await listedColumns(new Uint8Array(readFileSync(file)), "项目跟踪表")).toContain("SP_K1_Contracts[[Contract no.]]");
    expect(sheet).toMatch(/<tableParts count="1">/);
  });

  test("write diary --rep 张三,李四 into a workbook holding two visit logs: the diary counts the newer one", async () => {
    const file = join(dir, "diary.xlsx");
    for (let i = 0; i < 2; i++) expect(await run("write", "visits", "--out", file, "--lang", "en-US")).toMatchObject({ code: 0, err: "" });
    expect(await run("write", "diary", "--out", file, "--rep", "张三,李四", "--month", "2026-10")).toMatchObject({ code: 0, err: "" });
    const written = await inspectXlsx(new Uint8Array(readFileSync(file)));
    expect(written.sheets).toEqual(["Visit Log", "Visit Log (2)", "工作日记 2026-10", "节假日 2026"]);
    expect(written.names).toEqual(expect.arrayContaining(["SP_D1_STD_NEW", "SP_D1_STD_OLD", "SP_D1_STD_CALLS"]));
    const pkg = await XlsxPackage.load(new Uint8Array(readFileSync(file)));
    const diary = (await pkg.sheets()).find((s) => s.name === "工作日记 2026-10");
    const sheet = (await pkg.text(diary?.path ?? "")) ?? "";
    expect(sheet).toContain("SP_V2_COL_DATE");
    expect(sheet).not.toContain("SP_V1_");
  });

  test("write accounts: the plan and its units list, twice into one workbook in both languages, each list named for the templates that read it", async () => {
    const file = join(dir, "accounts.xlsx");
    expect(await run("write", "accounts", "--out", file, "--lang", "en-US")).toMatchObject({ code: 0, err: "" });
    expect(await run("write", "accounts", "--out", file)).toMatchObject({ code: 0, err: "" });
    const written = await inspectXlsx(new Uint8Array(readFileSync(file)));
    expect(written.sheets).toEqual(["Key accounts", "Key-account units", "大客户开发计划", "大客户名单"]);
    expect(written.tableColumns?.find((t) => t.table === "SP_A1_Accounts")?.columns.slice(0, 2)).toEqual(["Region", "Unit"]);
    expect(written.tableColumns?.find((t) => t.table === "SP_A2_Accounts")?.columns.slice(0, 2)).toEqual(["区域", "单位"]);
    expect(written.names).toEqual(expect.arrayContaining(["SP_A1_COL_UNIT", "SP_A1_COL_KEYPERSON", "SP_A2_COL_UNIT", "SP_A2_COL_KEYPERSON", "SP_A2_REWARD_PER_UNIT", "SP_A2_TEMPLATE", "SP_A2_TEMPLATE_LIST"]));
    const pkg = await XlsxPackage.load(new Uint8Array(readFileSync(file)));
    const parts = await Promise.all(pkg.paths().filter((p) => p.startsWith("xl/tables/")).map((p) => pkg.text(p)));
    const table = parts.find((xml) => xml?.includes('displayName="SP_A2_Accounts"'));
    // The header, 50 blank units (the registry's default) and the totals row.
    expect(table).toMatch(/ ref="A6:[A-Z]+57"/);
  });

  test("writes all four templates into a new workbook, then adds to it without overwriting", async () => {
    const file = join(dir, "plan.xlsx");
    const first = await run("write", "weekly", "monthly", "customers", "contracts", "--out", file, "--rep", "张三", "--week", "2026-W48", "--month", "2026-11");
    expect(first).toMatchObject({ code: 0, err: "" });
    const before = await inspectXlsx(new Uint8Array(readFileSync(file)));
    expect(before.sheets).toEqual(["周计划-张三-2026W48", "月计划-张三-2026-11", "客户资源登记表", "客户分级设置", "客户分级汇总", "合同履行一览表", "合同履行统计", "应收账龄", "节假日 2026"]);
    const second = await run("write", "weekly", "--out", file, "--rep", "张三", "--week", "2026-W48", "--lang", "en-US");
    expect(second.code).toBe(0);
    expect(second.out).toContain("Weekly-张三-2026W48");
    const after = await inspectXlsx(new Uint8Array(readFileSync(file)));
    expect(after.sheets).toEqual([...before.sheets, "Weekly-张三-2026W48"]);
    expect(after.names).toEqual(expect.arrayContaining([...before.names, "SP_W2_TEMPLATE"]));
    const third = await run("write", "weekly", "--out", file, "--rep", "张三", "--week", "2026-W48");
    expect(third.out).toContain("周计划-张三-2026W48 (2)");
  });

  test("defaults to next week and month (what the pane offers) and reads a holidays file", async () => {
    // runCli's day is Wednesday 2026-11-25, in ISO week 48.
    const holidays = join(dir, "holidays.txt");
    writeFileSync(holidays, "# 国庆\n2026-10-01\n2026-10-02\n\n+2026-10-10\n");
    const file = join(dir, "default.xlsx");
    const { code, out } = await run("write", "weekly", "monthly", "--out", file, "--holidays", holidays);
    expect(code).toBe(0);
    expect(out).toContain("周计划-2026W49");
    expect(out).toContain("月计划-2026-12");
  });

  test("over New Year the default plans are for the next year's first week and month; statistics stay on this year unless --month says", () => {
    const requests = (...argv: string[]) => writeRequests(parseArgs(["write", "weekly", "monthly", "contracts", "--out", "x.xlsx", ...argv]) as WriteCommand, PLAIN_WEEKS, new Date(2026, 11, 30));
    expect(requests().map((r) => r.options)).toEqual([
      expect.objectContaining({ year: 2027, week: 1 }),
      expect.objectContaining({ year: 2027, month: 1 }),
      expect.objectContaining({ statsYear: 2026 }),
    ]);
    expect(requests("--month", "2025-03")[2].options).toMatchObject({ statsYear: 2025 });
  });

  test("a malformed holidays file is bad usage; an unreadable one or an unwritable path a runtime failure", async () => {
    const bad = join(dir, "bad.txt");
    writeFileSync(bad, "2026-10-01\n2026-02-30\n");
    const malformed = await run("write", "weekly", "--out", join(dir, "a.xlsx"), "--holidays", bad);
    expect(malformed.code).toBe(2);
    expect(malformed.err).toContain("2026-02-30");
    // The reason is in each line's own language, not the English text twice.
    const [zh, en] = malformed.err.split("\n");
    expect(zh).toMatch(/第 2 行.*2026-02-30/);
    expect(en).not.toMatch(/[\u4e00-\u9fff]/);
    expect((await run("write", "weekly", "--out", join(dir, "b.xlsx"), "--holidays", join(dir, "missing.txt"))).code).toBe(1);
    const unwritable = join(dir, "no-such-dir", "c.xlsx");
    expect((await run("write", "weekly", "--out", unwritable)).code).toBe(1);
    expect(existsSync(unwritable)).toBe(false);
  });

  test("holiday lines: holidays, + make-up days, comments, BOM and CRLF", () => {
    expect(parseDateList("\uFEFF2026-10-01\r\n+2026-10-10\r\n# x\r\n")).toEqual({
      ok: true,
      holidays: [serialFromYmd(2026, 10, 1)],
      makeUpDays: [serialFromYmd(2026, 10, 10)],
    });
    expect(parseDateList("2026-10-01\n10/02/2026\n")).toEqual({ ok: false, line: 2, text: "10/02/2026" });
    expect(parseDateList("1900-03-01\n1900-02-28\n")).toEqual({ ok: false, line: 2, text: "1900-02-28" });
  });
});
