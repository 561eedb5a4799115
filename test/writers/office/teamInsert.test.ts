import { TeamError } from "../../../src/team";
import { compoundFile, declaresTenGigabytes, macroEnabled, randomBytes } from "../../support/hostileFiles";
import { buildTemplates, type TemplateRequest } from "../../../src/templates";
import { NO_NAMES } from "../../../src/spec/naming";
import { collectRepWorkbooks, insertRepWorkbooks, rollUpTeam } from "../../../src/writers/office/team";
import { writeXlsx } from "../../../src/writers/xlsx";
import { FakeExcel, registerWorkbookFile } from "../../fakes/teamFake";
import { typeCells } from "../../support/xlsxEdit";
import { linkedRows, monthly, tableRows, weekly, writePlans } from "./teamSupport";

/**
 * Collecting reps' workbooks into the team workbook against the fake, whose
 * `insertWorksheetsFromBase64` behaves as Excel is reported to: sheets and tables come over, the
 * workbook names arrive broken (#REF!) or not at all.
 */

async function repFile(file: string, requests: readonly TemplateRequest[]) {
  const data = await writeXlsx(buildTemplates(requests, { locale: "zh-CN", existing: NO_NAMES }));
  return { file, base64: await registerWorkbookFile(data) };
}

/** The workbook's sheets, names and tables, to show an insert left it as it was. */
const lists = (fake: FakeExcel) => ({ sheets: fake.sheetNames(), names: fake.state.names.map((n) => n.name), tables: fake.state.tables.map((t) => t.name) });

const nameFormula = (fake: FakeExcel, name: string): string | undefined => fake.state.names.find((n) => n.name === name)?.formula;

describe("insertRepWorkbooks (Office)", () => {
  test("hostile files are refused by name before they are read, and the others still arrive", async () => {
    const fake = new FakeExcel();
    const zhang = await repFile("zhang.xlsx", [weekly("张三")]);
    const hostile = {
      "encrypted.xlsx": compoundFile(),
      "bomb.xlsx": declaresTenGigabytes(),
      "noise.xlsx": randomBytes(50_000),
      "macros.xlsx": await macroEnabled(Buffer.from(zhang.base64, "base64")),
    };
    const files = [...Object.entries(hostile).map(([file, data]) => ({ file, base64: Buffer.from(data).toString("base64") })), zhang];
    const report = await fake.run((context) => insertRepWorkbooks(context, files));
    expect(report.inserted.map((p) => p.file)).toEqual(["zhang.xlsx"]);
    expect(report.skipped.map((e) => [e.code, e.params.file])).toEqual([
      ["encrypted", "encrypted.xlsx"],
      ["tooLarge", "bomb.xlsx"],
      ["notWorkbook", "noise.xlsx"],
      ["macroEnabled", "macros.xlsx"],
    ]);
    expect(report.skipped[3].localized("zh-CN")).toContain("“macros.xlsx”包含宏");
    expect(report.skipped[3].localized("en-US")).toContain('"macros.xlsx" contains macros');
  });

  test("two reps' W1 plans and a monthly plan arrive re-keyed, linked to their own sheets, in 4 syncs", async () => {
    const fake = new FakeExcel();
    await writePlans(fake, [weekly("赵六")]);
    const files = [
      await repFile("zhang.xlsx", [weekly("张三")]),
      await repFile("li.xlsx", [weekly("李四")]),
      await repFile("wang.xlsx", [monthly("王五")]),
      await repFile("customers.xlsx", [{ template: "customers", options: {} }]),
      { file: "broken.xlsx", base64: Buffer.from("not a workbook").toString("base64") },
    ];
    const before = fake.syncCount;
    const report = await fake.run((context) => insertRepWorkbooks(context, files));
    expect(fake.syncCount - before).toBe(4);
    expect(report.inserted.map((p) => [p.file, p.fromKey, p.toKey, p.toSheet])).toEqual([
      ["zhang.xlsx", "W1", "W2", "周计划-张三-2026W48"],
      ["li.xlsx", "W1", "W3", "周计划-李四-2026W48"],
      ["wang.xlsx", "M1", "M1", "月计划-王五-2026-11"],
    ]);
    expect(report.skipped.map((e) => [e.code, e.params.file])).toEqual([
      ["noPlanSheets", "customers.xlsx"],
      ["notWorkbook", "broken.xlsx"],
    ]);

    expect(nameFormula(fake, "SP_W2_REP")).toBe("='周计划-张三-2026W48'!$B$3");
    expect(nameFormula(fake, "SP_W3_REP")).toBe("='周计划-李四-2026W48'!$B$3");
    expect(nameFormula(fake, "SP_M1_REP")).toBe("='月计划-王五-2026-11'!$B$3");
    expect(nameFormula(fake, "SP_W1_REP")).toBe("='周计划-赵六-2026W48'!$B$3");
    expect(fake.state.names.filter((n) => n.formula.includes("#REF!"))).toEqual([]);
    const zhang = fake.sheet("周计划-张三-2026W48");
    expect(zhang.cells.get("1,1")?.value).toBe("sales-planner:weekly:main:v2:W2");
    expect(fake.state.tables.filter((t) => t.sheet === zhang).map((t) => t.name)).toEqual(["SP_W2_Targets", "SP_W2_CountTargets", "SP_W2_Daily", "SP_W2_KeyItems", "SP_W2_Expenses"]);
    const formulas = [...zhang.cells.values()].flatMap((c) => (c.formula ? [c.formula] : []));
    expect(formulas.some((f) => f.includes("SP_W2_SALES_ACTUAL"))).toBe(true);
    expect(formulas.filter((f) => /SP_W[13]_/.test(f))).toEqual([]);

    await fake.run((context) => rollUpTeam(context, "zh-CN"));
    // Weekly and monthly plans in their own blocks, each by period and rep (pinyin order: 李四, 张三, 赵六).
    expect(linkedRows(fake, "SP_T1_MonthlySummary").map((r) => [r["标识"], r["状态"], r["销售代表"]])).toEqual([["M1", "正常", "SP_M1_REP"]]);
    expect(linkedRows(fake, "SP_T1_Summary").map((r) => [r["标识"], r["状态"], r["销售代表"]])).toEqual([
      ["W3", "正常", "SP_W3_REP"],
      ["W2", "正常", "SP_W2_REP"],
      ["W1", "正常", "SP_W1_REP"],
    ]);
  });

  test("a monthly plan whose key the team already uses is re-keyed whole: its tables, and the week/product targets read its OWN names", async () => {
    // Excel resolves insertWorksheetsFromBase64 to the new sheets' ids, not their names (the fake
    // does too): looked up by name, no inserted table would be found, none renamed, and the copy's
    // 周目标 would keep reading the team's SP_M1_SALES_TARGET.
    const fake = new FakeExcel();
    await writePlans(fake, [monthly("赵六")]);
    const report = await fake.run(async (context) => insertRepWorkbooks(context, [await repFile("wang.xlsx", [monthly("王五")])]));
    expect(report.inserted.map((p) => [p.fromKey, p.toKey, p.toSheet])).toEqual([["M1", "M2", "月计划-王五-2026-11"]]);
    const wang = fake.sheet("月计划-王五-2026-11");
    expect(fake.state.tables.filter((t) => t.sheet === wang).map((t) => t.name)).toEqual(
      expect.arrayContaining(["SP_M2_Targets", "SP_M2_Weeks", "SP_M2_Products", "SP_M2_Expenses"]),
    );
    expect(fake.state.tables.filter((t) => t.sheet === wang && !t.name.startsWith("SP_M2_"))).toEqual([]);
    const weekTargets = tableRows(fake, "SP_M2_Weeks").map((r) => r["目标"]);
    expect(weekTargets.length).toBeGreaterThan(3);
    for (const formula of weekTargets) {
      expect(formula).toContain("SP_M2_SALES_TARGET");
      expect(formula).toContain("SP_M2_Weeks[");
      expect(formula).not.toMatch(/SP_M1_/);
    }
    const productTargets = tableRows(fake, "SP_M2_Products").map((r) => r["目标"]);
    for (const formula of productTargets) expect(formula).toMatch(/^=.*SP_M2_SALES_TARGET.*SP_M2_Products\[/);
    const everyFormula = [...wang.cells.values()].flatMap((c) => (c.formula ? [c.formula] : []));
    expect(everyFormula.filter((f) => /SP_M1_/.test(f))).toEqual([]);
    // The team's own M1 is untouched.
    expect(nameFormula(fake, "SP_M1_REP")).toBe("='月计划-赵六-2026-11'!$B$3");
  });

  test("a sheet name already taken in the team workbook gets a free one", async () => {
    const fake = new FakeExcel();
    await writePlans(fake, [weekly("张三")]);
    // Another rep's plan on a sheet named as the team's: the sheet name is taken, the plan is not held.
    const file = await repFile("zhang.xlsx", [weekly("张三")]);
    const retyped = await typeCells(new Uint8Array(Buffer.from(file.base64, "base64")), "周计划-张三-2026W48", { B3: "王五" });
    const report = await fake.run(async (context) => insertRepWorkbooks(context, [{ file: "zhang.xlsx", base64: await registerWorkbookFile(retyped) }]));
    expect(report.inserted.map((p) => [p.toKey, p.toSheet])).toEqual([["W2", "周计划-张三-2026W48 (2)"]]);
    expect(nameFormula(fake, "SP_W2_FORECAST")).toMatch(/^='周计划-张三-2026W48 \(2\)'!/);
  });

  test("collecting a rep's one workbook again inserts only the new week's plan; the held one is reported, the manager's 审批 in it kept", async () => {
    const fake = new FakeExcel();
    const first = await repFile("zhang.xlsx", [weekly("张三")]);
    await fake.run((context) => insertRepWorkbooks(context, [first]));
    // What the manager typed in the team's copy, which a replace would have overwritten.
    const address = nameFormula(fake, "SP_W1_APPROVAL")!.split("!")[1].replace(/\$/g, "");
    const approval = (context: Excel.RequestContext) => context.workbook.worksheets.getItem("周计划-张三-2026W48").getRange(address);
    await fake.run(async (context) => {
      approval(context).values = [["已批准"]];
      await context.sync();
    });
    // The rep's workbook a week later: last week's plan and this week's.
    const later = await writeXlsx(buildTemplates([weekly("张三"), weekly("张三", 49)], { locale: "zh-CN", existing: NO_NAMES }));
    const before = fake.syncCount;
    const report = await fake.run(async (context) => insertRepWorkbooks(context, [{ file: "zhang.xlsx", base64: await registerWorkbookFile(later) }]));
    expect(fake.syncCount - before).toBe(4);
    expect(report.inserted.map((p) => [p.fromSheet, p.toSheet, p.toKey])).toEqual([["周计划-张三-2026W49", "周计划-张三-2026W49", "W2"]]);
    expect(report.alreadyHeld).toEqual([{ file: "zhang.xlsx", sheet: "周计划-张三-2026W48" }]);
    expect(fake.sheetNames().filter((s) => s.startsWith("周计划"))).toEqual(["周计划-张三-2026W48", "周计划-张三-2026W49"]);
    const kept = await fake.run(async (context) => {
      const range = approval(context).load("values");
      await context.sync();
      return range.values[0][0];
    });
    expect(kept).toBe("已批准");
    expect(nameFormula(fake, "SP_W2_REP")).toBe("='周计划-张三-2026W49'!$B$3");
    expect(fake.state.names.filter((n) => n.formula.includes("#REF!"))).toEqual([]);
  });

  test("a collect whose every plan is held inserts nothing, in 2 syncs, and reports them, not the file as without plans", async () => {
    const fake = new FakeExcel();
    const file = await repFile("zhang.xlsx", [weekly("张三")]);
    await fake.run((context) => insertRepWorkbooks(context, [file]));
    const before = { lists: lists(fake), syncs: fake.syncCount };
    const report = await fake.run((context) => insertRepWorkbooks(context, [file]));
    expect(report).toEqual({ inserted: [], alreadyHeld: [{ file: "zhang.xlsx", sheet: "周计划-张三-2026W48" }], skipped: [] });
    expect(lists(fake)).toEqual(before.lists);
    expect(fake.syncCount - before.syncs).toBe(2);
  });

  test("when Excel rejects an insertion, the sheets it had already inserted are removed again", async () => {
    const fake = new FakeExcel();
    await writePlans(fake, [weekly("赵六")]);
    const before = lists(fake);
    const files = [await repFile("zhang.xlsx", [weekly("张三")]), await repFile("li.xlsx", [weekly("李四")])];
    fake.failAtSync(3, 1);
    const error = await fake.run((context) => insertRepWorkbooks(context, files)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TeamError);
    expect((error as TeamError).code).toBe("insertFailed");
    expect(lists(fake)).toEqual(before);
  });

  test("two files with the same key into a workbook without it: the first keeps the key, its names are not deleted by the second", async () => {
    const fake = new FakeExcel();
    const files = [await repFile("zhang.xlsx", [weekly("张三")]), await repFile("li.xlsx", [weekly("李四")])];
    const report = await fake.run((context) => insertRepWorkbooks(context, files));
    expect(report.inserted.map((p) => [p.fromKey, p.toKey])).toEqual([
      ["W1", "W1"],
      ["W1", "W2"],
    ]);
    expect(nameFormula(fake, "SP_W1_REP")).toBe("='周计划-张三-2026W48'!$B$3");
    expect(nameFormula(fake, "SP_W2_REP")).toBe("='周计划-李四-2026W48'!$B$3");
    expect(fake.state.names.filter((n) => n.formula.includes("#REF!"))).toEqual([]);
  });

  test("when Excel rejects the re-keying, the inserted copies are removed again, not left half re-keyed", async () => {
    const fake = new FakeExcel();
    await writePlans(fake, [weekly("赵六")]);
    const before = lists(fake);
    const files = [await repFile("zhang.xlsx", [weekly("张三")]), await repFile("li.xlsx", [weekly("李四")])];
    fake.failAtSync(4, 12);
    const error = await fake.run((context) => insertRepWorkbooks(context, files)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TeamError);
    expect((error as TeamError).code).toBe("insertFailed");
    expect(lists(fake)).toEqual(before);
  });

  describe("collectRepWorkbooks", () => {
    const office = globalThis as { Office?: unknown };
    afterEach(() => delete office.Office);

    test("is a typed 'unsupported' result where ExcelApi 1.13 is missing, touching nothing", async () => {
      office.Office = { context: { requirements: { isSetSupported: () => false } } };
      const fake = new FakeExcel();
      const file = await repFile("zhang.xlsx", [weekly("张三")]);
      expect(await fake.run((context) => collectRepWorkbooks(context, [file]))).toEqual({ kind: "unsupported" });
      expect(fake.syncCount).toBe(0);
    });

    test("inserts where the host supports it", async () => {
      office.Office = { context: { requirements: { isSetSupported: (set: string, version: string) => set === "ExcelApi" && version === "1.13" } } };
      const fake = new FakeExcel();
      const file = await repFile("zhang.xlsx", [weekly("张三")]);
      const result = await fake.run((context) => collectRepWorkbooks(context, [file]));
      expect(result).toMatchObject({ kind: "inserted", inserted: [{ toKey: "W1" }], skipped: [] });
    });
  });
});
