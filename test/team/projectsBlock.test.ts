import { discoverPlans, type NameEntry } from "../../src/team";
import { blockHeight, buildSummarySheet, findTracker, incompleteTracker, stagesTableName, trackerNames } from "../../src/templates/team";
import { buildTemplates } from "../../src/templates";
import { namesOf } from "../support/planNames";
import { PROJECT_STAGE_NAMES } from "../../src/templates/linkedTables";
import { NO_NAMES } from "../../src/spec/naming";
import type { SheetSpec, TableSpec } from "../../src/spec/sheetSpec";
import { trackerExisting } from "./trackerOfNames";

/** The 项目进度 block of the team summary, as a SheetSpec, against a workbook described by its names. */

const specs = buildTemplates(
  [
    { template: "weekly", options: { rep: "张三", year: 2026, week: 48 } },
    { template: "weekly", options: { rep: "李四", year: 2026, week: 48 } },
    { template: "monthly", options: { rep: "张三", year: 2026, month: 11 } },
    { template: "weekly", options: { rep: "", year: 2026, week: 49 } },
  ],
  { locale: "zh-CN", existing: NO_NAMES },
);
const names: NameEntry[] = namesOf(specs);
const plans = discoverPlans(names);

const block = (spec: SheetSpec): TableSpec | undefined => spec.tables.find((t) => t.role === "stages");
const formulaOf = (table: TableSpec, key: string): string => table.columns.find((c) => c.key === key)?.formula ?? "";

describe("findTracker", () => {
  test("the workbook's tracker, by its table and every name the block reads", () => {
    expect(findTracker(trackerExisting("P1"))).toBe("P1");
    expect(findTracker(NO_NAMES)).toBeUndefined();
    const two = trackerExisting("P2");
    expect(findTracker({ ...two, tables: ["SP_P1_Projects", ...two.tables] })).toBe("P2");
  });

  test("a tracker whose names the block reads are not all defined gives no block", () => {
    const existing = trackerExisting("P1");
    for (const missing of trackerNames("P1")) {
      expect([missing, findTracker({ ...existing, names: existing.names.filter((n) => n !== missing) })]).toEqual([missing, undefined]);
    }
    expect(incompleteTracker({ ...existing, names: existing.names.filter((n) => n !== "SP_P1_STAGE_BID") })).toBe("SP_P1_Projects");
    expect(incompleteTracker(existing)).toBeUndefined();
    expect(incompleteTracker(NO_NAMES)).toBeUndefined();
    expect(trackerNames("P1")).toEqual(expect.arrayContaining(["SP_P1_COL_REP", "SP_P1_COL_STAGE", "SP_P1_COL_AMOUNT", "SP_P1_COL_RESULT", "SP_P1_STAGE_BID", "SP_P1_RESULT_WON", "SP_P1_RESULT_LOST"]));
  });
});

test("a newer tracker with names missing: the older complete one is listed", () => {
  const one = trackerExisting("P1");
  const two = trackerExisting("P2");
  const existing = { sheets: [...one.sheets, ...two.sheets], tables: [...one.tables, ...two.tables], names: [...one.names, ...two.names.filter((n) => n !== "SP_P2_COL_REP")] };
  expect(findTracker(existing)).toBe("P1");
  expect(incompleteTracker(existing)).toBeUndefined();
  expect(findTracker({ ...existing, names: existing.names.filter((n) => n !== "SP_P1_RESULT_WON") })).toBeUndefined();
  expect(incompleteTracker({ ...existing, names: existing.names.filter((n) => n !== "SP_P1_RESULT_WON") })).toBe("SP_P2_Projects");
});

describe("the summary's 项目进度 block", () => {
  const spec = buildSummarySheet(plans, { key: "T1", sheet: "团队汇总" }, "zh-CN", { tracker: "P1" });
  const table = block(spec)!;
  const summary = spec.tables[0];

  test("no tracker, no block: the summary is exactly as before", () => {
    const without = buildSummarySheet(plans, { key: "T1", sheet: "团队汇总" }, "zh-CN");
    expect(block(without)).toBeUndefined();
    expect(without.tables.map((t) => t.name)).toEqual(["SP_T1_Summary", "SP_T1_MonthlySummary", "SP_T1_Meetings"]);
    expect(without.cells.some((c) => c.value === "项目进度")).toBe(false);
  });

  test("one row per rep of the summary (once, blanks left out), then 其他; a 合计 totals row", () => {
    expect(table.name).toBe(stagesTableName("T1"));
    expect(table.name).toBe("SP_T1_Stages");
    expect(table.rows).toEqual([{ rep: "张三" }, { rep: "李四" }, { rep: "其他" }]);
    expect(table.showTotals).toBe(true);
    expect(table.columns[0].totals).toEqual({ kind: "label", text: "合计" });
    expect(table.columns.map((c) => c.header)).toEqual([
      "销售代表",
      ...["前期设计", "投标", "深化设计", "备货执行", "验收", "已收款", "丢单"].flatMap((s) => [`${s}数量`, `${s}金额`]),
      "中标",
      "未中标",
      "中标率",
    ]);
  });

  test("counts and amounts compare the stage with the tracker's named stage cells, never a word; one formula per column", () => {
    // The 其他 row is known by its word (it keeps its figures when the block is sorted); a rep is compared
    // literally: "=" first, * ? ~ escaped.
    const others = 'SP_T1_Stages[[#This Row],[销售代表]]="其他"';
    const literal = (x: string) => `"="&SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${x},"~","~~"),"*","~*"),"?","~?")`;
    const row = "SP_T1_Stages[[#This Row],[销售代表]]";
    expect(formulaOf(table, "STAGE_BID_count")).toBe(
      `IF(${others},` +
        `COUNTIFS(SP_P1_COL_STAGE,SP_P1_STAGE_BID)-SUMPRODUCT(COUNTIFS(SP_P1_COL_REP,${literal('{"张三","李四"}')},SP_P1_COL_STAGE,SP_P1_STAGE_BID)),` +
        `COUNTIFS(SP_P1_COL_REP,${literal(row)},SP_P1_COL_STAGE,SP_P1_STAGE_BID))`,
    );
    expect(formulaOf(table, "STAGE_PAID_amount")).toBe(
      `IF(${others},` +
        `SUMIFS(SP_P1_COL_AMOUNT,SP_P1_COL_STAGE,SP_P1_STAGE_PAID)-SUMPRODUCT(SUMIFS(SP_P1_COL_AMOUNT,SP_P1_COL_REP,${literal('{"张三","李四"}')},SP_P1_COL_STAGE,SP_P1_STAGE_PAID)),` +
        `SUMIFS(SP_P1_COL_AMOUNT,SP_P1_COL_REP,${literal(row)},SP_P1_COL_STAGE,SP_P1_STAGE_PAID))`,
    );
    for (const part of PROJECT_STAGE_NAMES) {
      expect(formulaOf(table, `${part}_count`)).toContain(`SP_P1_COL_STAGE,SP_P1_${part})`);
      expect(formulaOf(table, `${part}_amount`)).toContain(`SP_P1_COL_STAGE,SP_P1_${part})`);
    }
    expect(formulaOf(table, "won")).toContain("SP_P1_COL_RESULT,SP_P1_RESULT_WON");
    expect(formulaOf(table, "lost")).toContain("SP_P1_COL_RESULT,SP_P1_RESULT_LOST");
    const formulas = table.columns.flatMap((c) => c.formula ?? []);
    expect(formulas).toHaveLength(17);
    for (const word of ["前期设计", "投标", "深化设计", "备货执行", "验收", "已收款", "丢单", "中标", "未中标", "Design", "Bid", "Others"]) {
      expect([word, formulas.filter((f) => f.includes(`"${word}"`))]).toEqual([word, []]);
    }
    // 其他 only as the row's own label, which the block writes itself.
    for (const f of formulas) expect(f.split('"其他"').length - 1).toBe(f.includes(others) ? 1 : 0);
  });

  test("reps named 其他, Others, or with * ? ~ = < > are rows like any other, listed as written; 其他 is the last row", () => {
    const odd = ["其他", "Others", "王*", "李?", "~赵", "=钱", "<孙", ">周"];
    const oddPlans = discoverPlans(namesOf(buildTemplates(odd.map((rep) => ({ template: "weekly", options: { rep, year: 2026, week: 48 } })), { locale: "zh-CN", existing: NO_NAMES })));
    const listed = block(buildSummarySheet(oddPlans, { key: "T1", sheet: "团队汇总" }, "zh-CN", { tracker: "P1" }))!;
    expect(listed.rows.map((r) => r.rep).sort()).toEqual([...odd, "其他"].sort());
    expect(listed.rows.at(-1)).toEqual({ rep: "其他" });
    // A rep called 其他 too: the 其他 row is then known by position, the last row.
    expect(formulaOf(listed, "won")).toContain(`ROW(INDEX(SP_T1_Stages[[销售代表]],${odd.length + 1}))`);
    // The array constant holds the names as written: the formula escapes them (checked in LibreOffice).
    expect(formulaOf(listed, "won")).toContain('"王*"');
  });

  test("中标率 is blank without a decided bid; totals are SUBTOTALs and the total 中标率 is total won / decided", () => {
    expect(formulaOf(table, "winRate")).toBe(
      'IF(SP_T1_Stages[[#This Row],[中标]]+SP_T1_Stages[[#This Row],[未中标]]=0,"",SP_T1_Stages[[#This Row],[中标]]/(SP_T1_Stages[[#This Row],[中标]]+SP_T1_Stages[[#This Row],[未中标]]))',
    );
    expect(table.columns.find((c) => c.key === "STAGE_BID_count")?.totals).toEqual({ kind: "formula", formula: "SUBTOTAL(109,SP_T1_Stages[[投标数量]])" });
    expect(table.columns.find((c) => c.key === "winRate")?.totals).toEqual({
      kind: "formula",
      formula: 'IF(SUBTOTAL(109,SP_T1_Stages[[中标]])+SUBTOTAL(109,SP_T1_Stages[[未中标]])=0,"",SUBTOTAL(109,SP_T1_Stages[[中标]])/(SUBTOTAL(109,SP_T1_Stages[[中标]])+SUBTOTAL(109,SP_T1_Stages[[未中标]])))',
    });
  });

  test("below the summary table, within its columns (inserting summary rows moves it whole), left of the chart; title and note name the tracker", () => {
    const summaryLast = summary.origin.row + summary.rows.length + 1;
    const title = spec.cells.find((c) => c.value === "项目进度")!;
    expect(title.at).toEqual({ row: summaryLast + 2, col: 0 });
    expect(table.origin).toEqual({ row: summaryLast + 4, col: 0 });
    expect(table.columns.length).toBeLessThanOrEqual(summary.columns.length);
    expect(spec.charts[0].anchor.from.col).toBeGreaterThan(summary.columns.length);
    expect(spec.cells.find((c) => c.at.row === title.at.row + 1)?.value).toContain("SP_P1_Projects");
    expect(blockHeight(plans.map((p) => p.rep))).toBe(table.origin.row + table.rows.length + 1 - title.at.row + 1);
  });

  test("an origin given by a refresh is kept", () => {
    const at = buildSummarySheet(plans, { key: "T1", sheet: "团队汇总" }, "zh-CN", { tracker: "P2", origin: { row: 40, col: 3 } });
    expect(block(at)!.origin).toEqual({ row: 42, col: 3 });
    expect(formulaOf(block(at)!, "won")).toContain("SP_P2_COL_RESULT,SP_P2_RESULT_WON");
  });

  test("English words; a summary without plans lists the tracker's projects under Others only", () => {
    const enSpec = buildSummarySheet(plans, { key: "T2", sheet: "Team summary" }, "en-US", { tracker: "P1" });
    const en = block(enSpec)!;
    // Others counts the projects of reps without a plan here and those without a rep, and says so.
    const note = String(enSpec.cells.find((c) => c.at.row === en.origin.row - 1 && c.at.col === en.origin.col)?.value);
    expect(note).toContain("projects without a rep");
    expect(String(spec.cells.find((c) => c.at.row === table.origin.row - 1)?.value)).toContain("未填写负责人");
    expect(en.rows.at(-1)).toEqual({ rep: "Others" });
    expect(en.columns[0].totals).toEqual({ kind: "label", text: "Total" });
    expect(en.columns.map((c) => c.header).slice(1, 3)).toEqual(["Design count", "Design amount"]);
    expect(en.columns.map((c) => c.header).slice(-3)).toEqual(["Bids won", "Bids lost", "Win rate"]);
    const empty = block(buildSummarySheet([], { key: "T1", sheet: "x" }, "zh-CN", { tracker: "P1" }))!;
    expect(empty.rows).toEqual([{ rep: "其他" }]);
    expect(formulaOf(empty, "STAGE_DESIGN_count")).toMatch(/^IF\(SP_T1_Stages\[\[#This Row\],\[销售代表\]\]="其他",COUNTIFS\(SP_P1_COL_STAGE,SP_P1_STAGE_DESIGN\),/);
  });
});
