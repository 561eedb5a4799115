import { discoverPlans, TeamError, type NameEntry } from "../../src/team";
import { buildSummarySheet, newSummaryPlacement, SUMMARY_METRICS } from "../../src/templates/team";
import { planRefresh } from "../../src/writers/office/team/refresh";
import { buildTemplates } from "../../src/templates";
import { namesOf } from "../support/planNames";
import { NO_NAMES } from "../../src/spec/naming";
import type { SheetSpec } from "../../src/spec/sheetSpec";
import { linkedFor } from "../writers/office/teamSupport";

/** The 团队汇总 SheetSpec and its refresh plan, without any host. */

const specs = buildTemplates(
  [
    { template: "weekly", options: { rep: "张三", year: 2026, week: 48 } },
    { template: "monthly", options: { rep: "李四", year: 2026, month: 11 } },
  ],
  { locale: "zh-CN", existing: NO_NAMES },
);

const names: NameEntry[] = namesOf(specs);

const summaryTable = (spec: SheetSpec) => spec.tables.find((t) => t.name.endsWith("_Summary"))!;
const monthlyTable = (spec: SheetSpec) => spec.tables.find((t) => t.name.endsWith("_MonthlySummary"))!;
/** What the column `key`'s formula (in the block of the plan's kind) picks for the row of plan `plan`. */
const pick = (spec: SheetSpec, key: string, plan: string): string | undefined =>
  linkedFor((plan.startsWith("M") ? monthlyTable(spec) : summaryTable(spec)).columns.find((c) => c.key === key)?.formula, plan);

/** `count` copies of the weekly plan's names, keys W1…W<count>. */
const many = (count: number) =>
  discoverPlans(
    Array.from({ length: count }, (_, i) => names.filter((n) => n.name.startsWith("SP_W1_")).map((n) => ({ ...n, name: n.name.replace("SP_W1_", `SP_W${i + 1}_`), value: n.name === "SP_W1_TEMPLATE" ? `sales-planner:weekly:main:v1:W${i + 1}` : n.value }))).flat(),
  );

describe("buildSummarySheet", () => {
  const plans = discoverPlans(names.map((n) => (n.name === "SP_W1_CALLS_ACTUAL" ? { name: n.name } : n)));
  const spec = buildSummarySheet(plans, { key: "T1", sheet: "团队汇总" }, "zh-CN");
  const table = summaryTable(spec);

  test("weekly and monthly plans in separate blocks, one row per plan; each figure column ONE formula whose row key picks the plan's own name", () => {
    expect(table.name).toBe("SP_T1_Summary");
    expect(spec.record.value).toBe("sales-planner:teamSummary:main:v2:T1");
    expect(table.rows.map((r) => r.key)).toEqual(["W1"]);
    expect(monthlyTable(spec).rows.map((r) => r.key)).toEqual(["M1"]);
    // Rows hold literals only: Excel would make per-row formulas one calculated column.
    for (const row of [...table.rows, ...monthlyTable(spec).rows]) for (const value of Object.values(row)) expect(typeof value === "string" && value.startsWith("=")).toBe(false);
    expect(table.columns.find((c) => c.key === "SALES_target")?.formula).toBe(
      'IF(SP_T1_Summary[[#This Row],[标识]]="","",CHOOSE(MATCH(SP_T1_Summary[[#This Row],[标识]],{"W1"},0),SP_W1_SALES_TARGET))',
    );
    expect(monthlyTable(spec).columns.find((c) => c.key === "SALES_target")?.formula).toBe(
      'IF(SP_T1_MonthlySummary[[#This Row],[标识]]="","",CHOOSE(MATCH(SP_T1_MonthlySummary[[#This Row],[标识]],{"M1"},0),SP_M1_SALES_TARGET))',
    );
    expect(pick(spec, "SALES_target", "M1")).toBe("SP_M1_SALES_TARGET");
    // Each block has its own kind's metrics only.
    expect(monthlyTable(spec).columns.some((c) => c.key.startsWith("VISITS"))).toBe(false);
    expect(table.columns.some((c) => c.key.startsWith("KEY_PRODUCTS"))).toBe(false);
    expect(pick(spec, "VISITS_target", "W1")).toBe("SP_W1_VISITS_TARGET");
    expect(pick(spec, "KEY_PRODUCTS_actual", "M1")).toBe("SP_M1_KEY_PRODUCTS_ACTUAL");
    // Submission: the weekly block links the plan's names (blank shown blank); the monthly plan has none.
    expect(pick(spec, "submitted", "W1")).toBe("SP_W1_SUBMITTED");
    // Not submitted reads 0: shown blank.
    expect(table.columns.find((c) => c.key === "submitted")?.numberFormat).toBe("yyyy-mm-dd hh:mm_ ;;");
    expect(pick(spec, "onTime", "W1")).toBe("SP_W1_ONTIME");
    expect(pick(spec, "approval", "W1")).toBe("SP_W1_APPROVAL");
    expect(table.columns.find((c) => c.key === "approval")?.formula).toMatch(/\)&""\)$/);
    expect(monthlyTable(spec).columns.some((c) => c.key === "submitted")).toBe(false);
    // The chart's label: rep and period, so two plans of one rep are two bars.
    expect(table.columns.find((c) => c.key === "plan")?.formula).toBe(
      'IF(SP_T1_Summary[[#This Row],[标识]]="","",SP_T1_Summary[[#This Row],[销售代表]]&" "&SP_T1_Summary[[#This Row],[期间]])',
    );
    expect(pick(spec, "expenses", "W1")).toBe("SP_W1_EXPENSE_TOTAL");
    expect(pick(spec, "rep", "W1")).toBe("SP_W1_REP");
    expect(table.columns.find((c) => c.key === "rep")?.formula).toMatch(/\)&""\)$/);
    expect(pick(spec, "forecast", "M1")).toBe('IF(SP_M1_FORECAST="","",SP_M1_FORECAST)');
    // Formula columns never carry Text ("@"), or Excel would keep their formulas as text.
    expect(table.columns.filter((c) => c.formula !== undefined && c.numberFormat === "@")).toEqual([]);
  });

  test("no IFERROR hides a broken link: a name already broken is left unlinked and explained instead", () => {
    const w1 = table.rows[0];
    expect(w1.status).toBe("需处理");
    expect(pick(spec, "CALLS_actual", "W1")).toBe('""');
    expect(w1.remarks).toBe("命名单元格 SP_W1_CALLS_ACTUAL 已损坏（#REF!）");
    const formulas = spec.tables.flatMap((t) => t.columns.flatMap((c) => c.formula ?? []));
    expect(formulas.filter((f) => f.includes("IFERROR"))).toEqual([]);
    const linked = new Set(plans.flatMap((p) => p.usable));
    const mentioned = formulas.flatMap((f) => f.match(/SP_[WM]\d+_[A-Z_]+/g) ?? []);
    expect(mentioned.length).toBeGreaterThan(20);
    for (const name of mentioned) expect(linked).toContain(name);
  });

  test("past 30 plans the link is CHOOSEs of 30 in key order, the part picked by MATCH(…,1) on their first keys (LibreOffice's CHOOSE takes no more); each row picks its own plan", () => {
    const keysOf = (formula: string) => [...formula.matchAll(/CHOOSE\(MATCH\([^{]*\{([^}]*)\},(\d)\)/g)].map((m) => [m[1].split(",").length, Number(m[2])]);
    const thirty = summaryTable(buildSummarySheet(many(30), { key: "T1", sheet: "团队汇总" }, "zh-CN")).columns.find((c) => c.key === "SALES_target")!.formula!;
    expect(keysOf(thirty)).toEqual([[30, 0]]);
    const spec72 = buildSummarySheet(many(72), { key: "T1", sheet: "团队汇总" }, "zh-CN");
    const formula = summaryTable(spec72).columns.find((c) => c.key === "SALES_target")!.formula!;
    // W1, W10 … W19, W2, W20 …: in text order, as MATCH compares.
    const key = "SP_T1_Summary[[#This Row],[标识]]";
    expect(formula.startsWith(`IF(${key}="","",CHOOSE(MATCH(${key},{"W1","W37","W64"},1),CHOOSE(MATCH(${key},{"W1","W10","W11",`)).toBe(true);
    expect(keysOf(formula)).toEqual([[3, 1], [30, 0], [30, 0], [12, 0]]);
    expect(formula).not.toContain("IFERROR");
    for (let i = 1; i <= 72; i++) {
      expect(pick(spec72, "SALES_target", `W${i}`)).toBe(`SP_W${i}_SALES_TARGET`);
      expect(pick(spec72, "forecast", `W${i}`)).toBe(`IF(SP_W${i}_FORECAST="","",SP_W${i}_FORECAST)`);
    }
  });

  test("more plans than one CHOOSE or one Excel formula can hold are refused with a clear message", () => {
    // 158 weekly plans with the submission names still fit (the limit the forecast column sets).
    const fits = buildSummarySheet(many(158), { key: "T1", sheet: "团队汇总" }, "zh-CN");
    expect(Math.max(...summaryTable(fits).columns.map((c) => (c.formula ?? "").length))).toBeLessThan(8192);
    let error: unknown;
    try {
      // Below CHOOSE's 254, but the forecast column's formula would pass 8,192 characters.
      buildSummarySheet(many(200), { key: "T1", sheet: "团队汇总" }, "zh-CN");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TeamError);
    expect((error as TeamError).code).toBe("tooManyPlans");
    expect((error as TeamError).localized("zh-CN")).toContain("200 份计划");
    expect((error as TeamError).localized("en-US")).toContain("200 plans");
  });

  test("with a project tracker, rep names too long for the 项目进度 formulas are refused as such, not as too many plans", () => {
    const reps = (count: number, length: number) =>
      discoverPlans(
        Array.from({ length: count }, (_, i) =>
          names
            .filter((n) => n.name.startsWith("SP_W1_"))
            .map((n) => ({
              ...n,
              name: n.name.replace("SP_W1_", `SP_W${i + 1}_`),
              value: n.name === "SP_W1_TEMPLATE" ? `sales-planner:weekly:main:v1:W${i + 1}` : n.name === "SP_W1_REP" ? `${"销售代表".repeat(length / 4)}${i}` : n.value,
            })),
        ).flat(),
      );
    const placement = { key: "T1", sheet: "团队汇总" };
    // 60 plans fit the summary; with names of 40 characters the block fits too, with 160 it does not.
    expect(buildSummarySheet(reps(60, 40), placement, "zh-CN", { tracker: "P1" }).tables).toHaveLength(4);
    let error: unknown;
    try {
      buildSummarySheet(reps(60, 160), placement, "zh-CN", { tracker: "P1" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TeamError);
    expect((error as TeamError).code).toBe("repNamesTooLong");
    expect((error as TeamError).localized("zh-CN")).toContain("60 名销售代表的姓名");
    expect((error as TeamError).localized("en-US")).toContain("names of all 60 reps");
    expect(buildSummarySheet(reps(60, 160), placement, "zh-CN").tables).toHaveLength(3);
  });

  test("team totals are SUBTOTALs per block, 达成率 totals are total actual / total target; a chart per block shows sales actual vs target per plan", () => {
    const sales = table.columns.find((c) => c.key === "SALES_rate")!;
    expect(sales.totals).toEqual({
      kind: "formula",
      formula: 'IF(SUBTOTAL(109,SP_T1_Summary[[销售额目标]])=0,"",SUBTOTAL(109,SP_T1_Summary[[销售额实际]])/SUBTOTAL(109,SP_T1_Summary[[销售额目标]]))',
    });
    expect(table.columns.find((c) => c.key === "forecast")!.totals).toEqual({ kind: "function", fn: "sum" });
    expect(table.columns.filter((c) => c.key.endsWith("_rate"))).toHaveLength(5);
    expect(monthlyTable(spec).columns.filter((c) => c.key.endsWith("_rate"))).toHaveLength(4);
    expect(SUMMARY_METRICS).toHaveLength(6);
    expect(spec.charts).toEqual(
      ["SP_T1_Summary", "SP_T1_MonthlySummary"].map((name) =>
        expect.objectContaining({
          kind: "column",
          categories: { kind: "tableColumn", table: name, column: "计划" },
          series: [
            { name: "销售额实际", values: { kind: "tableColumn", table: name, column: "销售额实际" } },
            { name: "销售额目标", values: { kind: "tableColumn", table: name, column: "销售额目标" } },
          ],
        }),
      ),
    );
  });

  test("English headers and remarks; an empty workbook still gets a valid one-row table", () => {
    const en = buildSummarySheet(plans, { key: "T2", sheet: "Team summary" }, "en-US");
    expect(summaryTable(en).columns.slice(0, 6).map((c) => c.header)).toEqual(["Status", "Key", "Rep", "Period", "Plan", "Sales target"]);
    expect(summaryTable(en).columns.slice(-4).map((c) => c.header)).toEqual(["Submitted", "On time", "Approval", "Remarks"]);
    expect(en.tables.find((t) => t.name === "SP_T2_Meetings")!.columns.map((c) => c.header)).toEqual(["Date", "Attendees", "Decisions", "Owner", "Due"]);
    expect(summaryTable(en).rows[0].remarks).toBe("the named cell SP_W1_CALLS_ACTUAL is broken (#REF!)");
    expect(summaryTable(buildSummarySheet([], { key: "T1", sheet: "x" }, "zh-CN")).rows).toEqual([{}]);
  });

  test("the 周工作会记录 table sits right of the blocks, with nothing under it; its rows are the manager's", () => {
    const meetings = spec.tables.find((t) => t.name === "SP_T1_Meetings")!;
    expect(meetings.columns.map((c) => c.header)).toEqual(["日期", "参会人", "决议事项", "负责人", "完成期限"]);
    expect(meetings.columns.map((c) => c.formula)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(meetings.rows).toHaveLength(5);
    const right = (t: { origin: { col: number }; columns: readonly unknown[] }) => t.origin.col + t.columns.length - 1;
    expect(meetings.origin.col).toBe(right(monthlyTable(spec)) + 2);
    expect(Math.min(...spec.charts.map((c) => c.anchor.from.col))).toBe(right(meetings) + 2);
    expect(monthlyTable(spec).origin).toEqual({ row: table.origin.row, col: right(table) + 2 });
    // The 项目进度 block under the weekly block is no wider than it: rows added to the monthly block
    // (beside) never shift part of a table, which Excel refuses.
    const withBlock = buildSummarySheet(plans, { key: "T1", sheet: "团队汇总" }, "zh-CN", { tracker: "P1" });
    const stages = withBlock.tables.find((t) => t.name === "SP_T1_Stages")!;
    expect(right(stages)).toBeLessThanOrEqual(right(summaryTable(withBlock)));
    const kept = buildSummarySheet(plans, { key: "T1", sheet: "团队汇总" }, "zh-CN", undefined, [{ date: 46000, decisions: "张三补交计划" }]);
    expect(kept.tables.find((t) => t.name === "SP_T1_Meetings")!.rows).toEqual([{ date: 46000, decisions: "张三补交计划" }]);
  });

  test("a new summary takes a free key and sheet name", () => {
    expect(newSummaryPlacement({ sheets: ["团队汇总"], tables: [], names: ["SP_T1_TEMPLATE"] }, "zh-CN")).toEqual({ key: "T2", sheet: "团队汇总 (2)" });
  });
});

describe("planRefresh", () => {
  const spec = buildSummarySheet(discoverPlans(names), { key: "T1", sheet: "团队汇总" }, "zh-CN");
  const columns = summaryTable(spec).columns.length;

  test("says how many table rows to add or delete to match the new summary", () => {
    // One weekly plan in the weekly block.
    expect(planRefresh(spec, { rows: 5, columns })).toMatchObject({ rowsBefore: 5, rowDelta: -4, table: summaryTable(spec) });
    expect(planRefresh(spec, { rows: 1, columns }).rowDelta).toBe(0);
    expect(planRefresh(spec, { rows: 0, columns }).rowDelta).toBe(1);
  });

  test("refuses a table whose columns were changed", () => {
    expect(() => planRefresh(spec, { rows: 2, columns: columns + 1 })).toThrow(TeamError);
  });
});
