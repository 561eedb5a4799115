import { serialFromYmd } from "../../src/domain/calendar";
import { LOCALES } from "../../src/contract/locale";
import { NO_NAMES, withSpecs } from "../../src/spec/naming";
import { equalsCriterion } from "../../src/spec/formula";
import type { SheetSpec, TableSpec } from "../../src/spec/sheetSpec";
import { buildTemplates } from "../../src/templates";
import { buildKeyAccounts, keyAccountColumnKeys, SEED_BUDGET, SEED_DAYS, type KeyAccountsOptions } from "../../src/templates/keyAccounts";
import { ACCOUNT_COLUMN_NAMES, ACCOUNTS_ROLE } from "../../src/templates/linkedTables";
import { TEMPLATES } from "../../src/templates/registry";
import { templateStrings } from "../../src/templates/strings";

const build = (options: KeyAccountsOptions = {}, locale: "zh-CN" | "en-US" = "zh-CN"): { plan: SheetSpec; list: SheetSpec } => {
  const [plan, list] = buildKeyAccounts(options, { locale, existing: NO_NAMES });
  return { plan, list };
};
const table = (spec: SheetSpec, role: string): TableSpec => spec.tables.find((t) => t.role === role)!;
const columnOf = (spec: SheetSpec, role: string, key: string) => table(spec, role).columns.find((c) => c.key === key)!;

/** Seed 004's campaign: its plan starts on 2008-05-01 and signing runs to the campaign's end, 2008-07-15. */
const SEED_START = serialFromYmd(2008, 5, 1);
const SEED_END = serialFromYmd(2008, 7, 15);

describe("大客户开发计划 (key-account development plan)", () => {
  test("seed 004's budget: 广告物料 15 000, 礼品 5 000 + 20 000, 公关招待, 交通 and 不可预计 5 000 each — 55 000, summed by the totals row", () => {
    expect(SEED_BUDGET.reduce((s, x) => s + x, 0)).toBe(55000);
    for (const locale of LOCALES) {
      const { plan } = build({}, locale);
      const budget = table(plan, "budget");
      expect(budget.rows.map((r) => [r.item, r.budget])).toEqual(templateStrings(locale).accounts.budget.map((b, i) => [b.item, [15000, 5000, 20000, 5000, 5000, 5000][i]]));
      expect(budget.columns.find((c) => c.key === "budget")!.totals).toEqual({ kind: "function", fn: "sum" });
      const total = plan.names.find((n) => n.name === "SP_A1_BUDGET_TOTAL")!.target.from;
      expect(total).toEqual({ row: budget.origin.row + 1 + budget.rows.length, col: budget.origin.col + 1 });
    }
    expect(table(build().plan, "budget").rows.map((r) => r.item)).toEqual(["广告物料", "礼品-一般", "礼品-关键人物", "公关招待", "交通", "不可预计"]);
  });

  test("seed 004's targets: 商会 2, 大型企业 3, 机关事业单位 5; 400 registrations at 30 %", () => {
    const { plan } = build();
    expect(table(plan, "targets").rows.map((r) => [r.type, r.target])).toEqual([["商会", 2], ["大型企业", 3], ["机关事业单位", 5], ["其他", null]]);
    const value = (name: string) => {
      const at = plan.names.find((n) => n.name === name)!.target.from;
      return plan.cells.find((c) => c.at.row === at.row && c.at.col === at.col)!.value;
    };
    expect(value("SP_A1_REGISTERED_TARGET")).toBe(400);
    expect(value("SP_A1_CONVERSION_TARGET")).toBe(0.3);
  });

  test("已拓展, 已签约 and 重点跟进 count the units list by type, a fixed number of cells over the list", () => {
    const { plan } = build();
    const count = (key: string) => columnOf(plan, "targets", key).formula;
    const TYPE = "SP_A1_Targets[[#This Row],[类别]]";
    // Blank while no unit is in development, so a fresh plan's 达成率 is blank rather than a red 0 %.
    expect(count("reached")).toBe(`IF(COUNTIF(SP_A1_Accounts[[阶段]],"<>")=0,"",IF(${TYPE}="","",COUNTIFS(SP_A1_Accounts[[类别]],${equalsCriterion(TYPE)},SP_A1_Accounts[[阶段]],"<>")))`);
    expect(columnOf(plan, "targets", "rate").totals).toEqual({
      kind: "formula",
      formula: 'IF(OR(SUM(SP_A1_Targets[[目标单位数]])=0,COUNTIF(SP_A1_Accounts[[阶段]],"<>")=0),"",SUMIFS(SP_A1_Targets[[已拓展]],SP_A1_Targets[[目标单位数]],">0")/SUM(SP_A1_Targets[[目标单位数]]))',
    });
    expect(count("signed")).toBe(`IF(${TYPE}="","",COUNTIFS(SP_A1_Accounts[[类别]],${equalsCriterion(TYPE)},SP_A1_Accounts[[阶段]],"签约"))`);
    expect(count("focus")).toBe(`IF(${TYPE}="","",COUNTIFS(SP_A1_Accounts[[类别]],${equalsCriterion(TYPE)},SP_A1_Accounts[[重点跟进]],"是"))`);
    expect(table(plan, "targets").rows).toHaveLength(4);
  });

  test("the units list has the issue's columns; rating, focus, reward and next contact are calculated", () => {
    const { list } = build();
    const units = table(list, "accounts");
    expect(units.name).toBe(`SP_A1_${ACCOUNTS_ROLE}`);
    expect(units.columns.map((c) => c.key)).toEqual([...keyAccountColumnKeys]);
    expect(units.columns.map((c) => c.header)).toEqual(Object.values(templateStrings("zh-CN").accounts.columns));
    expect(units.columns.filter((c) => c.formula).map((c) => c.key)).toEqual(["rating", "focus", "reward", "nextContact"]);
    // Text typed into 已成交套数 or 最近拜访 gives blank, not #VALUE!.
    expect(columnOf(list, "accounts", "reward").formula).toBe('IF(ISNUMBER(SP_A1_Accounts[[#This Row],[已成交套数]]),SP_A1_Accounts[[#This Row],[已成交套数]]*N(SP_A1_REWARD_PER_UNIT),"")');
    expect(columnOf(list, "accounts", "nextContact").formula).toMatch(/^IF\(ISNUMBER\(SP_A1_Accounts\[\[#This Row\],\[最近拜访\]\]\),/);
    expect(columnOf(list, "accounts", "role").validation!.rule).toEqual({ kind: "list", values: ["发起者", "使用者", "影响者", "决定者"] });
    expect(columnOf(list, "accounts", "stage").validation!.rule).toEqual({ kind: "list", values: ["第一轮", "第二轮", "第三轮", "第四轮", "签约"] });
    expect(units.rows).toHaveLength(TEMPLATES.accounts.blankRows.initial);
    expect(table(build({ blankRows: 3 }).list, "accounts").rows).toHaveLength(3);
  });

  test("the 1 000 ¥ reward and the contact intervals are named settings: 3 visits a week → every 2 days, others 14", () => {
    const { list } = build();
    const cellAt = (name: string) => {
      const at = list.names.find((n) => n.name === name)!.target.from;
      return list.cells.find((c) => c.at.row === at.row && c.at.col === at.col)!;
    };
    expect(cellAt("SP_A1_REWARD_PER_UNIT").value).toBe(1000);
    expect(cellAt("SP_A1_FOCUS_TIMES").value).toBe(3);
    expect(cellAt("SP_A1_FOCUS_DAYS").formula).toMatch(/^MAX\(1,INT\(7\/MAX\(1,N\([A-Z]+\d+\)\)\)\)$/);
    expect(cellAt("SP_A1_OTHER_DAYS").value).toBe(14);
  });

  test("other templates read the list by its named columns, in either language", () => {
    for (const locale of LOCALES) {
      const { list } = build({}, locale);
      const h = templateStrings(locale).accounts.columns;
      expect(list.columnNames).toEqual([
        { name: `SP_A1_${ACCOUNT_COLUMN_NAMES.unit}`, table: "SP_A1_Accounts", column: h.unit, comment: templateStrings(locale).accounts.columnNameNote },
        { name: `SP_A1_${ACCOUNT_COLUMN_NAMES.keyPerson}`, table: "SP_A1_Accounts", column: h.keyPerson, comment: templateStrings(locale).accounts.columnNameNote },
      ]);
    }
  });

  test("seed 004's rhythm from the plan's first day 2008-05-01: 信息搜集期 5/1–5/30, 巡展期 6/1–7/1, 签约期 from 7/1", () => {
    const at = (offset: number | null) => (offset === null ? SEED_END : SEED_START + offset);
    expect(SEED_DAYS.phases.map(([from, to]) => [at(from), at(to)])).toEqual([
      [serialFromYmd(2008, 5, 1), serialFromYmd(2008, 5, 30)],
      [serialFromYmd(2008, 6, 1), serialFromYmd(2008, 7, 1)],
      [serialFromYmd(2008, 7, 1), SEED_END],
    ]);
    expect(at(SEED_DAYS.schedule[0])).toBe(serialFromYmd(2008, 5, 20)); // 制定执行方案 2008 年 5 月 20 日以前
    expect(SEED_DAYS.schedule.at(-1)).toBeNull(); // 签约 to the end
    expect(at(SEED_DAYS.materials[0])).toBe(serialFromYmd(2008, 6, 1)); // 项目折页 6 月 1 日前
  });

  test("the phases', schedule's and materials' dates are formulas of the named start and end, whatever options.start says", () => {
    for (const options of [{}, { start: SEED_START, end: SEED_END }]) {
      const { plan } = build(options);
      const header = "SP_A1_Phases[[#This Row],[序号]]";
      expect(columnOf(plan, "phases", "from").formula).toBe(
        `IFERROR(IF(INDEX({0,31,61},${header})="",IF(ISNUMBER(SP_A1_END),SP_A1_END,""),IF(ISNUMBER(SP_A1_START),SP_A1_START+INDEX({0,31,61},${header}),"")),"")`,
      );
      expect(columnOf(plan, "phases", "to").formula).toContain('INDEX({29,61,""},');
      expect(columnOf(plan, "schedule", "due").formula).toContain('INDEX({19,29,29,45,45,122,""},SP_A1_Schedule[[#This Row],[序号]])');
      expect(columnOf(plan, "materials", "due").formula).toContain("INDEX({31,14,19,24,14,19,31,31},SP_A1_Materials[[#This Row],[序号]])");
      for (const role of ["phases", "schedule", "materials"]) for (const row of table(plan, role).rows) for (const key of ["from", "to", "due"]) expect(row[key] ?? null).toBeNull();
    }
    const field = (locale: "zh-CN" | "en-US") => {
      const { plan } = build({}, locale);
      const at = plan.names.find((n) => n.name === "SP_A1_START")!.target.from;
      return plan.cells.find((c) => c.at.row === at.row && c.at.col === at.col - 1)!.value;
    };
    expect([field("zh-CN"), field("en-US")]).toEqual(["方案执行期 起", "Plan period from"]);
  });

  test("two sheets: the plan (main) and the units list (list), named freely; a second plan takes A2", () => {
    const first = buildTemplates([{ template: "accounts", options: {} }], { locale: "zh-CN", existing: NO_NAMES });
    expect(first.map((s) => [s.name, s.record.role, s.record.key])).toEqual([["大客户开发计划", "main", "A1"], ["大客户名单", "list", "A1"]]);
    const second = buildTemplates([{ template: "accounts", options: {} }], { locale: "zh-CN", existing: withSpecs(NO_NAMES, first) });
    expect(second.map((s) => [s.name, s.record.key])).toEqual([["大客户开发计划 (2)", "A2"], ["大客户名单 (2)", "A2"]]);
    expect(second[1].tables[0].name).toBe("SP_A2_Accounts");
    expect(buildKeyAccounts({}, { locale: "en-US", existing: NO_NAMES }).map((s) => s.name)).toEqual(["Key accounts", "Key-account units"]);
  });

  test("an overdue schedule item is red unless done; a unit past its next contact red; over budget red", () => {
    const { plan, list } = build();
    const rules = [...plan.conditionalFormats, ...list.conditionalFormats].flatMap((f) => (f.rule.kind === "expression" ? [f.rule.formula] : []));
    expect(rules).toContain('AND(ISNUMBER($B32),$B32<TODAY(),$D32<>"已完成")');
    expect(rules.some((r) => /^AND\(ISNUMBER\(\$S7\),\$S7<TODAY\(\)\)$/.test(r))).toBe(true);
    expect(rules.some((r) => /<0\)$/.test(r))).toBe(true);
  });
});
