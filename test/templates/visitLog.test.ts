import { buildTemplates, type TemplateRequest } from "../../src/templates";
import { linkedRegister, buildVisitLog } from "../../src/templates/visitLog";
import { TEMPLATE_STRINGS } from "../../src/templates/strings";
import { NO_NAMES, withSpecs } from "../../src/spec/naming";
import { exactKey, matchSorted } from "../../src/spec/formula";
import { listSource } from "../../src/writers/layout";
import { namedCell } from "../support/specCells";
import type { ColumnSpec, ExistingNames, SheetSpec } from "../../src/spec/sheetSpec";

const zh = TEMPLATE_STRINGS["zh-CN"];
const en = TEMPLATE_STRINGS["en-US"];
const column = (spec: SheetSpec, key: string): ColumnSpec => {
  const found = spec.tables[0].columns.find((c) => c.key === key);
  if (!found) throw new Error(`no column ${key}`);
  return found;
};
const log = (specs: readonly SheetSpec[]): SheetSpec => {
  const found = specs.find((s) => s.record.template === "visits");
  if (!found) throw new Error("no visit log");
  return found;
};

describe("客户拜访记录 (visit log)", () => {
  test("has the issue's columns in order, as table SP_V1_Visits with its record, and 200 blank rows by default", () => {
    const [spec] = buildVisitLog({}, { locale: "zh-CN", existing: NO_NAMES });
    const table = spec.tables[0];
    expect(table.name).toBe("SP_V1_Visits");
    expect(spec.record.value).toBe("sales-planner:visits:main:v1:V1");
    expect(table.columns.map((c) => c.header)).toEqual(["日期", "销售代表", "客户编号", "客户名称", "新/老客户", "方式", "目的", "经营状况", "库存状况", "需求", "结果", "下一步", "下次联系日期", "客户编号倒序(自动)"]);
    expect(table.rows).toHaveLength(200);
    expect(column(spec, "method").validation?.rule).toEqual({ kind: "list", values: ["上门", "电话", "微信", "会议", "其他"] });
  });

  test("without a register the ID and the name are typed, and 新/老 compares the row with the ID's first row", () => {
    const spec = log(buildVisitLog({}, { locale: "zh-CN", existing: NO_NAMES }));
    expect(column(spec, "customerId").validation).toBeUndefined();
    expect(column(spec, "customerName").formula).toBeUndefined();
    const id = "SP_V1_Visits[[#This Row],[客户编号]]";
    // Through the log's name of its column, not a structured reference (`logColumns` says why).
    const ids = "SP_V1_COL_CUSTOMER";
    expect(spec.columnNames?.find((n) => n.name === ids)).toMatchObject({ table: "SP_V1_Visits", column: "客户编号" });
    expect(column(spec, "newOld").formula).toBe(`IF(${id}="","",IF(ROW(INDEX(${ids},MATCH(${exactKey(id)},${ids},0)))=ROW(${id}),"新","老"))`);
  });

  test("a register written in the same request gives the ID drop-down and the name lookup", () => {
    const specs = buildTemplates([{ template: "customers", options: {} }, { template: "visits", options: {} }], { locale: "zh-CN", existing: NO_NAMES });
    const spec = log(specs);
    expect(column(spec, "customerId").validation).toEqual({
      rule: { kind: "tableColumn", table: "SP_C1_Customers", column: "客户编号", note: expect.any(String) },
      errorTitle: zh.visits.idErrorTitle,
      errorMessage: zh.visits.idErrorMessage,
      allowBlank: true,
    });
    const id = "SP_V1_Visits[[#This Row],[客户编号]]";
    // The ID's register row is searched once (登记表行), and the name and 新/老 read that row: the name of the
    // register, and the register's first log row of the customer, compared with this row.
    const row = "SP_V1_Visits[[#This Row],[在客户资源登记表中的行(自动)]]";
    expect(column(spec, "registerRow").formula).toBe(`IF(${id}="","",IFERROR(${matchSorted(id, "SP_V1_REGISTER_ID")},""))`);
    expect(column(spec, "customerName").formula).toBe(`IF(${row}="","",IFERROR(INDEX(SP_V1_REGISTER_NAME,${row}),""))`);
    const ids = "SP_V1_COL_CUSTOMER";
    // The first row as the register lists it, and this row's position, both counted from the log's top; an
    // edited first row sends the row to a search of the register rows (numbers) above; an ID the register
    // does not list has no register row and no verdict, and is counted above the table.
    const rows = "SP_V1_COL_REGISTER_ROW";
    const first = `INDEX(SP_C1_COL_FIRST_ROW_IN_V1,${row})`;
    const self = `ROWS(INDEX(${ids},1):${id})`;
    const listedVerdict = `IF(${first}=${self},"新",IF(AND(${first}>=1,${first}<${self},INDEX(${rows},${first})=${row}),"老",NA()))`;
    expect(column(spec, "newOld").formula).toBe(`IF(${row}="","",IFERROR(${listedVerdict},IF(MATCH(${row},${rows},0)=${self},"新","老")))`);
    expect(spec.columnNames?.find((n) => n.name === rows)).toEqual({ name: rows, table: "SP_V1_Visits", column: "在客户资源登记表中的行(自动)", comment: zh.visits.columnNameNote });
    const unlisted = namedCell(spec, "SP_V1_UNLISTED_IDS");
    expect(spec.cells.find((c) => c.at.row === unlisted.row && c.at.col === unlisted.col)?.formula).toBe(`SUMPRODUCT((SP_V1_COL_CUSTOMER<>"")*(${rows}=""))`);
    const register = specs.find((s) => s.record.template === "customers" && s.tables[0]?.role === "customers");
    expect(register?.columnNames).toEqual([{ name: "SP_C1_COL_FIRST_ROW_IN_V1", table: "SP_C1_Customers", column: "首次拜访在拜访记录中的行(自动)", comment: zh.customers.firstVisitRowNote }]);
    expect(column(register as SheetSpec, "firstVisitRow").formula).toBe(`IF(SP_C1_Customers[[#This Row],[客户编号]]="","",IFERROR(MATCH(${exactKey("SP_C1_Customers[[#This Row],[客户编号]]")},${ids},0),""))`);
    expect(spec.columnNames?.filter((n) => n.name.startsWith("SP_V1_REGISTER_"))).toEqual([
      { name: "SP_V1_REGISTER_ID", table: "SP_C1_Customers", column: "客户编号", comment: zh.visits.registerColumnNote },
      { name: "SP_V1_REGISTER_NAME", table: "SP_C1_Customers", column: "客户名称", comment: zh.visits.registerColumnNote },
    ]);
    expect(spec.cells.some((c) => typeof c.value === "string" && c.value.includes("SP_C1_Customers"))).toBe(true);
  });

  test("an existing register's columns are named as the workbook has them: the other language, renamed, or only listed", () => {
    const existing = (columns?: string[]): ExistingNames => ({
      sheets: ["客户资源登记表"],
      tables: ["SP_C1_Customers", "SP_C2_Customers"],
      names: [],
      ...(columns ? { tableColumns: [{ table: "sp_c2_customers", columns }] } : {}),
    });
    const zhHeaders = Object.values(zh.customers.columns);
    expect(linkedRegister(existing(zhHeaders), "en-US", "V1")).toEqual({ table: "SP_C2_Customers", id: "客户编号", name: "客户名称" });
    // Renamed by the user: the ID and name columns are the register's first and second.
    expect(linkedRegister(existing(["编号", "名称", ...zhHeaders.slice(2)]), "en-US", "V1")).toEqual({ table: "SP_C2_Customers", id: "编号", name: "名称" });
    // A column inserted before them: their names still find them.
    expect(linkedRegister(existing(["序号", ...Object.values(en.customers.columns)]), "zh-CN", "V1")).toEqual({ table: "SP_C2_Customers", id: "Customer ID", name: "Customer" });
    expect(linkedRegister(existing(), "en-US", "V1")).toEqual({ table: "SP_C2_Customers", id: "Customer ID", name: "Customer" });
    expect(linkedRegister({ sheets: [], tables: ["SP_K1_Contracts", "SP_V1_Visits"], names: [] }, "zh-CN", "V1")).toBeUndefined();
  });

  test("a register written before its first-visit column: the log searches itself for 新/老 and the register for the name, as before", () => {
    const existing: ExistingNames = { sheets: ["客户资源登记表"], tables: ["SP_C1_Customers"], names: ["SP_C1_ABC_A"], tableColumns: [{ table: "SP_C1_Customers", columns: Object.values(zh.customers.columns).filter((h) => h !== zh.customers.columns.firstVisitRow) }] };
    const spec = log(buildVisitLog({}, { locale: "zh-CN", existing }));
    const id = "SP_V1_Visits[[#This Row],[客户编号]]";
    const ids = "SP_V1_COL_CUSTOMER";
    expect(spec.tables[0].columns.map((c) => c.key)).not.toContain("registerRow");
    expect(column(spec, "customerName").formula).toBe(`IF(${id}="","",IFERROR(INDEX(SP_V1_REGISTER_NAME,${matchSorted(id, "SP_V1_REGISTER_ID")}),""))`);
    expect(column(spec, "newOld").formula).toBe(`IF(${id}="","",IF(ROW(INDEX(${ids},MATCH(${exactKey(id)},${ids},0)))=ROW(${id}),"新","老"))`);
    expect(spec.cells.some((c) => typeof c.value === "string" && c.value.includes(zh.visits.columns.registerRow))).toBe(false);
    // It decides 新/老 for every ID, so nothing marks or counts IDs the register does not list.
    expect(spec.names.map((n) => n.name)).not.toContain("SP_V1_UNLISTED_IDS");
    expect(spec.columnNames?.map((n) => n.name)).not.toContain("SP_V1_COL_REGISTER_ROW");
    expect(spec.conditionalFormats.filter((f) => f.target.kind === "tableColumn" && f.target.column === zh.visits.columns.customerId)).toEqual([]);
    // The same register with the column's name: the log reads it.
    const current = log(buildVisitLog({}, { locale: "zh-CN", existing: { ...existing, names: [...existing.names, "SP_C1_COL_FIRST_ROW_IN_V1"] } }));
    expect(current.tables[0].columns.at(-1)?.key).toBe("registerRow");
    expect(current.cells.some((c) => typeof c.value === "string" && c.value.includes(zh.visits.columns.registerRow))).toBe(true);
    expect(current.names.map((n) => n.name)).toContain("SP_V1_UNLISTED_IDS");
    expect(current.conditionalFormats.filter((f) => f.target.kind === "tableColumn" && f.target.column === zh.visits.columns.customerId)).toHaveLength(1);
  });

  test("a second log over the same register searches itself: the register's first rows are the first log's", () => {
    const specs = buildTemplates([{ template: "customers", options: { blankRows: 1 } }, { template: "visits", options: { blankRows: 1 } }, { template: "visits", options: { blankRows: 1 } }], { locale: "zh-CN", existing: NO_NAMES });
    const [first, second] = specs.filter((s) => s.record.template === "visits");
    expect(first.tables[0].columns.find((c) => c.key === "newOld")?.formula).toContain("SP_C1_COL_FIRST_ROW_IN_V1");
    expect(second.tables[0].name).toBe("SP_V2_Visits");
    expect(second.tables[0].columns.map((c) => c.key)).not.toContain("registerRow");
    const id = "SP_V2_Visits[[#This Row],[客户编号]]";
    expect(column(second, "newOld").formula).toBe(`IF(${id}="","",IF(ROW(INDEX(SP_V2_COL_CUSTOMER,MATCH(${exactKey(id)},SP_V2_COL_CUSTOMER,0)))=ROW(${id}),"新","老"))`);
  });

  test("a register and a log written into a workbook that already has a log: no first visits, the new log searches itself", () => {
    const before = buildTemplates([{ template: "visits", options: { blankRows: 1 } }], { locale: "zh-CN", existing: NO_NAMES });
    const existing = withSpecs(NO_NAMES, before);
    const specs = buildTemplates([{ template: "customers", options: { blankRows: 1 } }, { template: "visits", options: { blankRows: 1 } }], { locale: "zh-CN", existing });
    const register = specs.find((s) => s.tables[0]?.role === "customers");
    expect(register?.tables[0].columns.map((c) => c.key)).not.toContain("firstVisitRow");
    expect(register?.columnNames ?? []).toEqual([]);
    expect(log(specs).tables[0].name).toBe("SP_V2_Visits");
    expect(log(specs).tables[0].columns.map((c) => c.key)).not.toContain("registerRow");
    // Its settings sheet says nothing of a first-visit column; the register written with the first log does.
    const hint = (all: readonly SheetSpec[]) => all.flatMap((s) => s.cells).some((c) => typeof c.value === "string" && c.value.includes(zh.customers.firstVisitRowHint));
    expect(hint(specs)).toBe(false);
    expect(hint(buildTemplates([{ template: "customers", options: { blankRows: 1 } }, { template: "visits", options: { blankRows: 1 } }], { locale: "zh-CN", existing: NO_NAMES }))).toBe(true);
    expect(hint(buildTemplates([{ template: "customers", options: { blankRows: 1 } }], { locale: "zh-CN", existing: NO_NAMES }))).toBe(false);
  });

  test("asked only if absent (the pane's register form offers it), the log comes with the register while the workbook has none, and never a second", () => {
    const requests: TemplateRequest[] = [{ template: "customers", options: { blankRows: 1 } }, { template: "visits", options: { blankRows: 1 }, onlyIfAbsent: true }];
    const fresh = buildTemplates(requests, { locale: "zh-CN", existing: NO_NAMES });
    expect(fresh.map((s) => s.record.template)).toEqual(["customers", "customers", "customers", "visits"]);
    expect(column(log(fresh), "newOld").formula).toContain("INDEX(SP_C1_COL_FIRST_ROW_IN_V1,");
    // A workbook with a log (here one whose sheet the user renamed: found by its table): the register alone.
    const withLog = withSpecs(NO_NAMES, buildTemplates([{ template: "visits", options: { blankRows: 1 } }], { locale: "zh-CN", existing: NO_NAMES }));
    const second = buildTemplates(requests, { locale: "zh-CN", existing: { ...withLog, sheets: ["拜访"] } });
    expect(second.map((s) => s.record.template)).toEqual(["customers", "customers", "customers"]);
    expect(second[0].tables[0].columns.map((c) => c.key)).not.toContain("firstVisitRow");
    const templates = (existing: ExistingNames, asked: readonly TemplateRequest[] = requests) => buildTemplates(asked, { locale: "zh-CN", existing }).map((s) => s.record.template);
    // A log of another key (the first one deleted, a second left) is a log too.
    expect(templates({ sheets: ["拜访"], tables: ["SP_V2_Visits"], names: [] })).not.toContain("visits");
    // A log's names without its table (its sheet deleted in Excel leaves them, #REF!) are no log: one is written,
    // under the next key, and the register lists its first visits in it.
    const afterDeleted = buildTemplates(requests, { locale: "zh-CN", existing: { sheets: [], tables: [], names: ["SP_V1_TEMPLATE", "SP_V1_COL_DATE"] } });
    expect(log(afterDeleted).tables[0].name).toBe("SP_V2_Visits");
    expect(afterDeleted[0].columnNames?.map((n) => n.name)).toEqual(["SP_C1_COL_FIRST_ROW_IN_V2"]);
    // Another key letter is not a log: a weekly plan's W1 does not stop it.
    expect(templates({ sheets: ["周计划"], tables: ["SP_W1_Items"], names: ["SP_W1_TEMPLATE"] })).toContain("visits");
    // Nor does a log come twice when the same write asks for one anyway, or for two only if absent.
    const logs = (asked: readonly TemplateRequest[]) => templates(NO_NAMES, asked).filter((t) => t === "visits").length;
    expect(logs([...requests, { template: "visits", options: { blankRows: 1 } }])).toBe(1);
    expect(logs([...requests, { template: "visits", options: { blankRows: 2 }, onlyIfAbsent: true }])).toBe(1);
  });

  test("asked before the register in one request, it is built after it and picks its IDs from it", () => {
    const specs = buildTemplates([{ template: "visits", options: { blankRows: 1 } }, { template: "customers", options: { blankRows: 1 } }], { locale: "en-US", existing: NO_NAMES });
    expect(specs.map((s) => s.record.template)).toEqual(["customers", "customers", "customers", "visits"]);
    expect(column(log(specs), "customerId").validation?.rule).toEqual({ kind: "tableColumn", table: "SP_C1_Customers", column: "Customer ID", note: expect.any(String) });
  });

  test("the ID drop-down lists the name the log declares for the register's ID column, commented in the log's language", () => {
    for (const locale of ["zh-CN", "en-US"] as const) {
      const specs = buildTemplates([{ template: "customers", options: { blankRows: 1 } }, { template: "visits", options: { blankRows: 1 } }], { locale, existing: NO_NAMES });
      const id = TEMPLATE_STRINGS[locale].customers.columns.id;
      const named = (log(specs).columnNames ?? []).filter((n) => n.table === "SP_C1_Customers" && n.column === id);
      // One name for the column, which the name lookup reads too: no second list name.
      expect(named).toEqual([{ name: "SP_V1_REGISTER_ID", table: "SP_C1_Customers", column: id, comment: TEMPLATE_STRINGS[locale].visits.registerColumnNote }]);
      expect(listSource(log(specs), { table: "SP_C1_Customers", column: id })).toBe("SP_V1_REGISTER_ID");
      // The name goes with the log: its key, not the register's.
      expect(specs.filter((s) => s.record.template === "customers").flatMap((s) => s.columnNames ?? []).some((n) => n.name.includes("_REGISTER_") || n.name.includes("_LIST_"))).toBe(false);
    }
  });

  test("no formula of the log reads a whole column by a structured reference: LibreOffice would compile each such cell from its text", () => {
    const specs = buildTemplates([{ template: "customers", options: { blankRows: 1 } }, { template: "visits", options: { blankRows: 1 } }], { locale: "zh-CN", existing: NO_NAMES });
    const formulas = log(specs).tables[0].columns.flatMap((c) => c.formula ?? []);
    expect(formulas).toHaveLength(4);
    for (const formula of formulas) expect(formula).not.toMatch(/SP_\w+\[\[[^\]#]+\]\]/);
  });

  test("a second log takes the next key and sheet name", () => {
    const specs = buildTemplates([{ template: "visits", options: { blankRows: 1 } }, { template: "visits", options: { blankRows: 1 } }], { locale: "en-US", existing: NO_NAMES });
    expect(specs.map((s) => [s.name, s.tables[0].name])).toEqual([["Visit Log", "SP_V1_Visits"], ["Visit Log (2)", "SP_V2_Visits"]]);
  });
});
