import { equalsCriterion } from "../../src/spec/formula";
import { NO_NAMES } from "../../src/spec/naming";
import type { SheetSpec } from "../../src/spec/sheetSpec";
import { buildTemplates } from "../../src/templates";
import { PROJECT_COLUMN_NAMES, PROJECT_STAGE_NAMES } from "../../src/templates/linkedTables";
import { buildProjectTracker, PROJECT_DEFAULTS, PROJECT_RESULT_NAMES, PROJECT_SETTING_NAMES, REP_SLOTS } from "../../src/templates/projectTracker";
import { TEMPLATES } from "../../src/templates/registry";
import { templateStrings } from "../../src/templates/strings";
import { projectRows } from "../fixtures/projects";

const build = (locale: "zh-CN" | "en-US" = "zh-CN", blankRows = 1) => buildProjectTracker({ blankRows }, { locale, existing: NO_NAMES });

/** The value of the cell a name points at. */
const named = (sheet: SheetSpec, name: string) => {
  const found = sheet.names.find((n) => n.name === name);
  if (!found) throw new Error(`no name ${name}`);
  return sheet.cells.find((c) => c.at.row === found.target.from.row && c.at.col === found.target.from.col);
};

describe("项目跟踪表 (project tracker)", () => {
  test("its registry entry: key letter P, the word `projects`, 50 blank rows (at most 5 000), no working days", () => {
    expect(TEMPLATES.projects).toMatchObject({ id: "projects", keyLetter: "P", cliName: "projects", blankRows: { initial: 50, max: 5000 } });
    expect(TEMPLATES.projects.calendarYears()).toEqual([]);
    const [main, summary] = build("zh-CN", TEMPLATES.projects.blankRows.initial);
    expect([main.name, summary.name]).toEqual(["项目跟踪表", "项目汇总"]);
    expect([main.record.value, summary.record.value]).toEqual(["sales-planner:projects:main:v1:P1", "sales-planner:projects:summary:v1:P1"]);
    expect(main.tables[0].name).toBe("SP_P1_Projects");
    expect(main.tables[0].rows).toHaveLength(50);
  });

  test("the issue's columns, in both languages; the derived ones are formulas, the rest typed", () => {
    const headers = build().flatMap((s) => s.tables.filter((t) => t.name === "SP_P1_Projects"))[0].columns;
    expect(headers.map((c) => c.header)).toEqual([
      "项目编号", "项目名称", "业主/客户", "合作方", "负责人", "区域", "产品/方案", "预计金额", "阶段", "阶段开始", "投标日期", "商务文件截止", "商务文件",
      "投标结果", "丢单原因", "合同编号", "预付款比例", "预付款金额", "预付款到账日期", "计划验收日期", "验收日期", "尾款金额", "尾款到账日期", "最近回访",
      "下次回访", "需高层支持", "下一步", "备注",
    ]);
    expect(headers.filter((c) => c.formula !== undefined).map((c) => c.key)).toEqual(["docDeadline", "prepayAmount", "finalAmount", "nextCallback"]);
    const en = build("en-US")[0].tables[0].columns;
    expect(en.map((c) => c.key)).toEqual(headers.map((c) => c.key));
    expect(new Set(en.map((c) => c.header)).size).toBe(en.length);
    const list = (key: string) => headers.find((c) => c.key === key)!.validation!.rule;
    expect(list("stage")).toEqual({ kind: "list", values: ["前期设计", "投标", "深化设计", "备货执行", "验收", "已收款", "丢单"] });
    expect(list("docs")).toEqual({ kind: "list", values: ["未准备", "已准备", "已送达"] });
    expect(list("result")).toEqual({ kind: "list", values: ["未开标", "中标", "未中标"] });
    expect(list("prepayRatio")).toEqual({ kind: "decimal", min: 0, max: 1 });
  });

  test("stage and result words and the settings sit in the contract's named cells, in both languages", () => {
    for (const locale of ["zh-CN", "en-US"] as const) {
      const [main] = build(locale);
      const p = templateStrings(locale).projects;
      expect(PROJECT_STAGE_NAMES.map((n) => named(main, `SP_P1_${n}`)?.value)).toEqual(p.stages);
      expect(PROJECT_RESULT_NAMES.map((n) => named(main, `SP_P1_${n}`)?.value)).toEqual(p.results);
      for (const [key, name] of Object.entries(PROJECT_SETTING_NAMES)) expect(named(main, `SP_P1_${name}`)?.value).toBe(PROJECT_DEFAULTS[key as keyof typeof PROJECT_DEFAULTS]);
    }
    expect(PROJECT_DEFAULTS).toMatchObject({ callbackDesign: 7, callbackOther: 14, docLead: 2 });
    expect(build("en-US")[0].tables[0].columns.find((c) => c.key === "stage")!.validation!.rule).toEqual({
      kind: "list",
      values: ["Design", "Bid", "Detailed design", "Stocking", "Acceptance", "Paid", "Lost"],
    });
  });

  test("the columns the team summary reads are named as the contract says", () => {
    const [main] = build("en-US");
    expect(main.columnNames).toEqual(
      Object.entries(PROJECT_COLUMN_NAMES).map(([key, part]) => ({
        name: `SP_P1_${part}`,
        table: "SP_P1_Projects",
        column: main.tables[0].columns.find((c) => c.key === key)!.header,
        comment: templateStrings("en-US").projects.columnNameNote,
      })),
    );
  });

  test("商务文件截止 and 下次回访 read the settings and the stage cells by name, blank without a date or once closed", () => {
    const columns = build()[0].tables[0].columns;
    const formula = (key: string) => columns.find((c) => c.key === key)!.formula!;
    expect(formula("docDeadline")).toBe('IF(ISNUMBER(SP_P1_Projects[[#This Row],[投标日期]]),SP_P1_Projects[[#This Row],[投标日期]]-SP_P1_DOC_LEAD,"")');
    expect(formula("nextCallback")).toBe(
      'IF(OR(NOT(ISNUMBER(SP_P1_Projects[[#This Row],[最近回访]])),SP_P1_Projects[[#This Row],[阶段]]=SP_P1_STAGE_PAID,SP_P1_Projects[[#This Row],[阶段]]=SP_P1_STAGE_LOST),"",' +
        // Seed 003 L61: in 投标 without a result, the day after the bid if that comes sooner.
        "IF(AND(SP_P1_Projects[[#This Row],[阶段]]=SP_P1_STAGE_BID,OR(SP_P1_Projects[[#This Row],[投标结果]]=\"\",SP_P1_Projects[[#This Row],[投标结果]]=SP_P1_RESULT_OPEN)," +
        "ISNUMBER(SP_P1_Projects[[#This Row],[投标日期]]),SP_P1_Projects[[#This Row],[投标日期]]>=SP_P1_Projects[[#This Row],[最近回访]])," +
        "MIN(SP_P1_Projects[[#This Row],[最近回访]]+IF(SP_P1_Projects[[#This Row],[阶段]]=SP_P1_STAGE_DESIGN,SP_P1_CALLBACK_DESIGN,SP_P1_CALLBACK_OTHER),SP_P1_Projects[[#This Row],[投标日期]]+1)," +
        "SP_P1_Projects[[#This Row],[最近回访]]+IF(SP_P1_Projects[[#This Row],[阶段]]=SP_P1_STAGE_DESIGN,SP_P1_CALLBACK_DESIGN,SP_P1_CALLBACK_OTHER)))",
    );
  });

  test("the highlights: overdue call-back and documents late red, a bid within 7 days orange, a late final payment yellow", () => {
    const [main] = build();
    const rules = main.conditionalFormats.map((f) => [f.target.kind === "tableColumn" ? f.target.column : "", f.rule.kind === "expression" ? f.rule.formula : ""]);
    expect(rules.map(([column]) => column)).toEqual(["下次回访", "商务文件截止", "商务文件", "投标日期", "投标结果", "尾款金额", "尾款到账日期"]);
    expect(rules[0][1]).toMatch(/<TODAY\(\)/);
    expect(rules[1][1]).toContain('<>"已准备"');
    expect(rules[3][1]).toContain("TODAY()+7");
    expect(rules[5][1]).toContain(">SP_P1_FINAL_DAYS");
    // Documents late, bids soon and missing results only for open projects; a past bid without a result is red.
    for (const i of [1, 2, 3, 4]) expect(rules[i][1]).toMatch(/,\$I8<>SP_P1_STAGE_PAID,\$I8<>SP_P1_STAGE_LOST\)$/);
    expect(rules[4][1]).toBe('AND(ISNUMBER($K8),$K8<TODAY(),OR($N8="",$N8=SP_P1_RESULT_OPEN),$I8<>SP_P1_STAGE_PAID,$I8<>SP_P1_STAGE_LOST)');
  });

  test("the summary: win rate blank without results, bids ahead, a table by stage with a funnel of the open pipeline", () => {
    const [, summary] = build();
    expect(named(summary, "SP_P1_WIN_RATE")?.formula).toBe(
      'IF((COUNTIF(SP_P1_Projects[[投标结果]],SP_P1_RESULT_WON)+COUNTIF(SP_P1_Projects[[投标结果]],SP_P1_RESULT_LOST))=0,"",COUNTIF(SP_P1_Projects[[投标结果]],SP_P1_RESULT_WON)/(COUNTIF(SP_P1_Projects[[投标结果]],SP_P1_RESULT_WON)+COUNTIF(SP_P1_Projects[[投标结果]],SP_P1_RESULT_LOST)))',
    );
    expect(named(summary, "SP_P1_BIDS_SOON")?.formula).toContain('"<="&(TODAY()+14),SP_P1_Projects[[阶段]],"<>"&SP_P1_STAGE_PAID,SP_P1_Projects[[阶段]],"<>"&SP_P1_STAGE_LOST)');
    const stages = summary.tables.find((t) => t.name === "SP_P1_Stages")!;
    expect(stages.rows.map((r) => r.stage)).toEqual(templateStrings("zh-CN").projects.stages);
    const [chart] = summary.charts;
    expect(chart.kind).toBe("bar");
    // The open pipeline, 前期设计 … 验收: not 已收款, which would only grow, nor 丢单.
    expect(chart.categories).toEqual({ kind: "range", range: { from: { row: 7, col: 0 }, to: { row: 11, col: 0 } } });
    expect(chart.title).toBe("在手项目漏斗(前期设计至验收,按阶段项目数)");
    expect(build("en-US")[1].charts[0].title).toBe("Open pipeline (projects by stage, design to acceptance)");
  });

  test("the words built from the day counts, and rep names' wildcards told in both languages", () => {
    const text = (locale: "zh-CN" | "en-US") => build(locale).flatMap((sheet) => sheet.cells.map((c) => String(c.value ?? "")));
    expect(text("zh-CN")).toContain("14 天内投标");
    expect(text("en-US")).toContain("Bids within 14 days");
    expect(text("zh-CN").some((t) => t.includes("7 天内投标标橙"))).toBe(true);
    expect(text("en-US").some((t) => t.includes("bids within 7 days orange"))).toBe(true);
    expect(text("zh-CN").some((t) => t.includes("* ? ~"))).toBe(true);
    expect(text("en-US").some((t) => t.includes("* ? ~"))).toBe(true);
    expect(text("en-US")).toContain("Project Tracker");
  });

  test("the rep grid lists reps by formula in the order they first appear, 30 of them, then 其他 and 合计", () => {
    const [, summary] = build();
    const repCells = summary.cells.filter((c) => c.at.col === 0 && c.formula?.includes("SUMPRODUCT(MATCH(0,COUNTIF("));
    expect(repCells).toHaveLength(REP_SLOTS);
    expect(repCells[0].formula).toBe(
      `IFERROR(INDEX(SP_P1_Projects[[负责人]],SUMPRODUCT(MATCH(0,COUNTIF($A$27:$A$27,${equalsCriterion("SP_P1_Projects[[负责人]]")})+(SP_P1_Projects[[负责人]]=""),0))),"")`,
    );
    expect(repCells[1].formula).toContain("COUNTIF($A$27:$A$28,");
    const after = repCells[REP_SLOTS - 1].at.row;
    expect(summary.cells.filter((c) => c.at.col === 0 && c.at.row > after).map((c) => c.value)).toEqual(["其他", "合计"]);
  });

  test("合同编号 is a drop-down of the contract register's when the workbook has one", () => {
    const specs = buildTemplates([{ template: "projects", options: { rows: projectRows(3, "zh-CN", 46350) } }, { template: "contracts", options: { statsYear: 2026 } }], { locale: "zh-CN", existing: NO_NAMES });
    const tracker = specs.find((s) => s.record.template === "projects" && s.record.role === "main")!;
    expect(tracker.tables[0].columns.find((c) => c.key === "contract")!.validation!.rule).toEqual({ kind: "tableColumn", table: "SP_K1_Contracts", column: "合同编号", note: expect.any(String) });
    expect(build()[0].tables[0].columns.find((c) => c.key === "contract")!.validation).toBeUndefined();
  });
});
