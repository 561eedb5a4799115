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

const summaryTable = (spec: SheetSpec) => spec.tables[0];
/** What the column `key`'s formula picks for the row of plan `plan`. */
const pick = (spec: SheetSpec, key: string, plan: string): string | undefined => linkedFor(summaryTable(spec).columns.find((c) => c.key === key)?.formula, plan);

/** `count` copies of the weekly plan's names, keys W1…W<count>. */
const many = (count: number) =>
  discoverPlans(
    Array.from({ length: count }, (_, i) => names.filter((n) => n.name.startsWith("SP_W1_")).map((n) => ({ ...n, name: n.name.replace("SP_W1_", `SP_W${i + 1}_`), value: n.name === "SP_W1_TEMPLATE" ? `sales-planner:weekly:main:v1:W${i + 1}` : n.value }))).flat(),
  );

describe("buildSummarySheet", () => {
  const plans = discoverPlans(names.map((n) => (n.name === "SP_W1_CALLS_ACTUAL" ? { name: n.name } : n)));
  const spec = buildSummarySheet(plans, { key: "T1", sheet: "团队汇总" }, "zh-CN");
  const table = summaryTable(spec);

  test("one row per plan; each figure column ONE formula whose row key picks the plan's own name; metrics a plan lacks are blank", () => {
    expect(table.name).toBe("SP_T1_Summary");
    expect(spec.record.value).toBe("sales-planner:teamSummary:main:v1:T1");
    expect(table.rows.map((r) => r.key)).toEqual(["M1", "W1"]);
    // Rows hold literals only: Excel would make per-row formulas one calculated column.
    for (const row of table.rows) for (const value of Object.values(row)) expect(typeof value === "string" && value.startsWith("=")).toBe(false);
    expect(table.columns.find((c) => c.key === "SALES_target")?.formula).toBe(
      'IF(SP_T1_Summary[[#This Row],[标识]]="","",CHOOSE(MATCH(SP_T1_Summary[[#This Row],[标识]],{"M1","W1"},0),SP_M1_SALES_TARGET,SP_W1_SALES_TARGET))',
    );
    expect(pick(spec, "SALES_target", "M1")).toBe("SP_M1_SALES_TARGET");
    expect(pick(spec, "VISITS_target", "M1")).toBe('""');
    expect(pick(spec, "VISITS_target", "W1")).toBe("SP_W1_VISITS_TARGET");
    expect(pick(spec, "KEY_PRODUCTS_actual", "W1")).toBe('""');
    expect(pick(spec, "expenses", "W1")).toBe("SP_W1_EXPENSE_TOTAL");
    expect(pick(spec, "rep", "W1")).toBe("SP_W1_REP");
    expect(table.columns.find((c) => c.key === "rep")?.formula).toMatch(/\)&""\)$/);
    expect(pick(spec, "forecast", "M1")).toBe('IF(SP_M1_FORECAST="","",SP_M1_FORECAST)');
    // Formula columns never carry Text ("@"), or Excel would keep their formulas as text.
    expect(table.columns.filter((c) => c.formula !== undefined && c.numberFormat === "@")).toEqual([]);
  });

  test("no IFERROR hides a broken link: a name already broken is left unlinked and explained instead", () => {
    const w1 = table.rows[1];
    expect(w1.status).toBe("需处理");
    expect(pick(spec, "CALLS_actual", "W1")).toBe('""');
    expect(w1.remarks).toBe("命名单元格 SP_W1_CALLS_ACTUAL 已损坏（#REF!）");
    const formulas = table.columns.flatMap((c) => c.formula ?? []);
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
    const fits = buildSummarySheet(many(150), { key: "T1", sheet: "团队汇总" }, "zh-CN");
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
    expect(buildSummarySheet(reps(60, 40), placement, "zh-CN", { tracker: "P1" }).tables).toHaveLength(2);
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
    expect(buildSummarySheet(reps(60, 160), placement, "zh-CN").tables).toHaveLength(1);
  });

  test("team totals are SUBTOTALs, 达成率 totals are total actual / total target; the chart shows sales actual vs target per rep", () => {
    const sales = table.columns.find((c) => c.key === "SALES_rate")!;
    expect(sales.totals).toEqual({
      kind: "formula",
      formula: 'IF(SUBTOTAL(109,SP_T1_Summary[[销售额目标]])=0,"",SUBTOTAL(109,SP_T1_Summary[[销售额实际]])/SUBTOTAL(109,SP_T1_Summary[[销售额目标]]))',
    });
    expect(table.columns.find((c) => c.key === "forecast")!.totals).toEqual({ kind: "function", fn: "sum" });
    expect(table.columns.filter((c) => c.key.endsWith("_rate"))).toHaveLength(SUMMARY_METRICS.length);
    expect(spec.charts).toEqual([
      expect.objectContaining({
        kind: "column",
        categories: { kind: "tableColumn", table: "SP_T1_Summary", column: "销售代表" },
        series: [
          { name: "销售额实际", values: { kind: "tableColumn", table: "SP_T1_Summary", column: "销售额实际" } },
          { name: "销售额目标", values: { kind: "tableColumn", table: "SP_T1_Summary", column: "销售额目标" } },
        ],
      }),
    ]);
  });

  test("English headers and remarks; an empty workbook still gets a valid one-row table", () => {
    const en = buildSummarySheet(plans, { key: "T2", sheet: "Team summary" }, "en-US");
    expect(summaryTable(en).columns.slice(0, 6).map((c) => c.header)).toEqual(["Status", "Key", "Type", "Rep", "Period", "Sales target"]);
    expect(summaryTable(en).rows[1].remarks).toBe("the named cell SP_W1_CALLS_ACTUAL is broken (#REF!)");
    expect(summaryTable(buildSummarySheet([], { key: "T1", sheet: "x" }, "zh-CN")).rows).toEqual([{}]);
  });

  test("a new summary takes a free key and sheet name", () => {
    expect(newSummaryPlacement({ sheets: ["团队汇总"], tables: [], names: ["SP_T1_TEMPLATE"] }, "zh-CN")).toEqual({ key: "T2", sheet: "团队汇总 (2)" });
  });
});

describe("planRefresh", () => {
  const spec = buildSummarySheet(discoverPlans(names), { key: "T1", sheet: "团队汇总" }, "zh-CN");
  const columns = summaryTable(spec).columns.length;

  test("says how many table rows to add or delete to match the new summary", () => {
    expect(planRefresh(spec, { rows: 5, columns })).toMatchObject({ rowsBefore: 5, rowDelta: -3, table: summaryTable(spec) });
    expect(planRefresh(spec, { rows: 1, columns }).rowDelta).toBe(1);
    expect(planRefresh(spec, { rows: 2, columns }).rowDelta).toBe(0);
  });

  test("refuses a table whose columns were changed", () => {
    expect(() => planRefresh(spec, { rows: 2, columns: columns + 1 })).toThrow(TeamError);
  });
});
