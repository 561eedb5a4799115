import { buildTemplates } from "../../src/templates";
import { buildAccountVisits, VISIT_LOG_CUSTOMER_NAME_POSITION } from "../../src/templates/accountVisits";
import { accountUnits } from "../../src/templates/linkedTables";
import { TEMPLATE_STRINGS } from "../../src/templates/strings";
import { NO_NAMES } from "../../src/spec/naming";
import { dateWindow, equalsCriterion } from "../../src/spec/formula";
import { ACCOUNT_UNIT_POSITION } from "../../src/templates/linkedTables";
import { keyAccountColumnKeys } from "../../src/templates/keyAccounts";
import type { ColumnSpec, ExistingNames, SheetSpec } from "../../src/spec/sheetSpec";

const zh = TEMPLATE_STRINGS["zh-CN"];
const reportOf = (existing: ExistingNames, locale: "zh-CN" | "en-US" = "zh-CN"): SheetSpec => buildAccountVisits({}, { locale, existing })[0];
const column = (spec: SheetSpec, key: string): ColumnSpec => {
  const found = spec.tables[0].columns.find((c) => c.key === key);
  if (!found) throw new Error(`no column ${key}`);
  return found;
};
const UNIT = "SP_E1_Reports[[#This Row],[单位名称]]";
const DATE = "SP_E1_Reports[[#This Row],[拜访日期]]";

describe("大客户拜访报告 (key-account visit report)", () => {
  test("seed 004's report fields in order, one row per visit, as table SP_E1_Reports with 50 blank rows", () => {
    const spec = reportOf(NO_NAMES);
    const [table] = spec.tables;
    expect(table.name).toBe("SP_E1_Reports");
    expect(spec.record.value).toBe("sales-planner:accountVisits:main:v1:E1");
    expect(table.columns.map((c) => c.header)).toEqual([
      "单位名称", "拜访日期", "拜访次序", "拜访人", "在职人数", "人均年收入", "主营业务", "所属行业", "办公环境", "居住环境", "是否建房", "私家车",
      "需求", "意向", "购买力", "接受区域", "接受价格", "关注点", "推广地点", "推广方式", "内部网站/刊物", "近期活动及时间", "下一步", "备注", "日志记录",
    ]);
    expect(table.rows).toHaveLength(50);
    expect(column(spec, "intent").validation?.rule).toEqual({ kind: "list", values: ["高", "中", "低"] });
    expect(column(spec, "building").validation?.rule).toEqual({ kind: "list", values: ["是", "否"] });
  });

  test("拜访次序 counts the unit's rows from the top to this one, shown as 第N次 / #N and kept a number", () => {
    const order = column(reportOf(NO_NAMES), "order");
    expect(order.formula).toBe(`IF(${UNIT}="","",COUNTIF(INDEX(SP_E1_Reports[[单位名称]],1):${UNIT},${equalsCriterion(UNIT)}))`);
    expect(order.numberFormat).toBe('"第"0"次"_ ');
    expect(column(reportOf(NO_NAMES, "en-US"), "order").numberFormat).toBe('"#"0_ ');
  });

  test("日志记录 finds the day's rows of the visit log by binary search over its dates, and counts the unit among them only", () => {
    const logged = column(reportOf(NO_NAMES), "logged").formula ?? "";
    // The whole day of a date with a time of day (INT), the unit's name matched literally (no wildcards).
    const day = dateWindow("SP_V1_COL_DATE", `INT(${DATE})`, `INT(${DATE})`);
    expect(logged).toBe(`IF(OR(${UNIT}="",NOT(ISNUMBER(${DATE}))),"",IFERROR(IF(ISREF(SP_V1_COL_DATE),${day.when(`COUNTIFS(${day.rows("SP_V1_COL_CUSTOMER_NAME")},${equalsCriterion(UNIT)})`, "0")},""),""))`);
    // Never a count over the whole log column per report.
    expect(logged).not.toMatch(/COUNTIFS?\(SP_V1_COL/);
  });

  test("the log the workbook holds is the one read (the newest), and the hint names it; without one, the first log's names", () => {
    const specs = buildTemplates([{ template: "accountVisits", options: {} }, { template: "visits", options: {} }], { locale: "zh-CN", existing: { ...NO_NAMES, tables: ["SP_V1_Visits"] } });
    const report = specs.find((s) => s.record.template === "accountVisits")!;
    // Built after the log of the same request (`reads`), which took V2.
    expect(column(report, "logged").formula).toContain("SP_V2_COL_CUSTOMER_NAME");
    expect(report.cells.some((c) => c.value === zh.accountVisits.logHint("SP_V2_Visits"))).toBe(true);
    expect(reportOf(NO_NAMES).cells.some((c) => c.value === zh.accountVisits.noLogHint)).toBe(true);
  });

  test("the visit log names its customer-name column for the report: SP_V1_COL_CUSTOMER_NAME", () => {
    const [log] = buildTemplates([{ template: "visits", options: {} }], { locale: "en-US", existing: NO_NAMES });
    expect(log.columnNames?.find((n) => n.name === "SP_V1_COL_CUSTOMER_NAME")).toMatchObject({ table: "SP_V1_Visits", column: "Customer" });
  });

  test("the unit is typed without a key-accounts list, a drop-down of its 单位 column with one (the newest, as the workbook names it)", () => {
    expect(column(reportOf(NO_NAMES), "unit").validation).toBeUndefined();
    expect(column(reportOf({ ...NO_NAMES, tables: ["SP_A1_Accounts"] }), "unit").validation).toMatchObject({
      rule: { kind: "tableColumn", table: "SP_A1_Accounts", column: "单位", note: expect.any(String) },
      errorTitle: zh.accountVisits.unitErrorTitle,
    });
    const existing: ExistingNames = {
      ...NO_NAMES,
      tables: ["SP_A1_Accounts", "SP_A2_Accounts"],
      tableColumns: [{ table: "SP_A2_Accounts", columns: ["Region", "Unit (renamed)", "Type"] }],
    };
    expect(accountUnits(existing, "zh-CN")).toMatchObject({ table: "SP_A2_Accounts", column: "Unit (renamed)", names: { unit: "SP_A2_COL_UNIT", keyPerson: "SP_A2_COL_KEYPERSON" } });
    // The position a renamed header is found at is where the list writes its units.
    expect(keyAccountColumnKeys.indexOf("unit")).toBe(ACCOUNT_UNIT_POSITION);
  });

  test("a log written before it named its 客户名称 column is read through that column, found by header in either language or by position", () => {
    const old = (columns: string[]): ExistingNames => ({ ...NO_NAMES, tables: ["SP_V1_Visits"], names: ["SP_V1_COL_DATE"], tableColumns: [{ table: "SP_V1_Visits", columns }] });
    const en = TEMPLATE_STRINGS["en-US"].visits.columns;
    expect(column(reportOf(old([en.date, en.rep, en.customerId, en.customerName])), "logged").formula).toContain("COUNTIFS(INDEX(SP_V1_Visits[[Customer]],");
    expect(column(reportOf(old(["a", "b", "c", "Kunde"])), "logged").formula).toContain("INDEX(SP_V1_Visits[[Kunde]],");
    const [log] = buildTemplates([{ template: "visits", options: {} }], { locale: "en-US", existing: NO_NAMES });
    expect(log.tables[0].columns[VISIT_LOG_CUSTOMER_NAME_POSITION].key).toBe("customerName");
    // With the name, the name.
    expect(column(reportOf({ ...NO_NAMES, tables: ["SP_V1_Visits"], names: ["SP_V1_COL_DATE", "SP_V1_COL_CUSTOMER_NAME"] }), "logged").formula).toContain("INDEX(SP_V1_COL_CUSTOMER_NAME,");
  });

  test("a visit dated before the row above is marked, as 拜访次序 follows the rows' order", () => {
    const spec = reportOf(NO_NAMES);
    const format = spec.conditionalFormats.find((f) => f.target.kind === "tableColumn" && f.target.column === "拜访日期");
    expect(format?.rule).toEqual({ kind: "expression", formula: "AND(ISNUMBER($B7),ISNUMBER($B6),$B7<$B6)" });
  });
});
