import { logRegisterTable, planImport, proposeMapping, registerTable, resolveImport, type Decision, type ExistingRegister, type SourceGrid } from "../../src/import";
import { NO_NAMES } from "../../src/spec/naming";
import { MESSY_CUSTOMER_HEADER, MESSY_CUSTOMER_ROWS } from "../fixtures/messy";
import { seeded } from "../fixtures/random";

/** Issue 13 items 2–4 end to end in the pure layer: a messy list planned against a register, then resolved. */

const grid: SourceGrid = [["2026年客户名单"], [...MESSY_CUSTOMER_HEADER], ...MESSY_CUSTOMER_ROWS];

/** A register holding 华信科技 (under another spelling) with a blank phone, and one other customer. */
const register: ExistingRegister = {
  table: "SP_C1_Customers",
  sheet: "客户资源登记表",
  headers: ["客户编号", "客户名称", "联系人", "电话", "备注"],
  calculated: [false, false, false, false, false],
  rows: [
    ["KH00001", "华信科技有限公司", "王敏", "", "老客户"],
    ["KH00002", "南京某某贸易有限公司", "刘一", "025-84561234", ""],
  ],
};

const plan = planImport("customers", grid, proposeMapping("customers", grid), { locale: "zh-CN", register });

test("the plan names the header row's columns, lists the unmapped ones, reads the register's rows by key", () => {
  expect(plan.mapping.headerRow).toBe(1);
  expect(plan.headers).toEqual([...MESSY_CUSTOMER_HEADER]);
  expect(plan.unmapped).not.toContain("单位名称");
  expect(plan.existing[0]).toMatchObject({ id: "KH00001", name: "华信科技有限公司", phone: "" });
  expect(plan.rows).toHaveLength(MESSY_CUSTOMER_ROWS.length);
  // Rows 3–5 of the source (after the title and the header) are one company; the register's first row is it too.
  const huaxin = plan.groups.find((g) => g.existing.includes(0));
  expect(huaxin?.imported.map((i) => plan.rows[i].sourceRow)).toEqual([3, 4, 5]);
});

test("keepBoth imports every row, skip none of a group, hold none but lists the group", () => {
  const decide = (d: Decision) => resolveImport(plan, () => d);
  const inGroups = plan.groups.reduce((n, g) => n + g.imported.length, 0);
  expect(decide("keepBoth").append).toHaveLength(plan.rows.length);
  expect(decide("skip").append).toHaveLength(plan.rows.length - inGroups);
  expect(decide("skip").held).toEqual([]);
  expect(decide("hold").append).toHaveLength(plan.rows.length - inGroups);
  expect(decide("hold").held).toEqual(plan.groups);
});

test("merge fills only the register row's blank cells, from the group's rows in source order; nothing already there changes", () => {
  const merged = resolveImport(plan, (g) => (g.existing.length > 0 ? "merge" : "keepBoth"));
  const fill = merged.fill.find((f) => f.index === 0);
  expect(fill?.values.phone).toBe(plan.rows.find((r) => r.sourceRow === 3)?.values.phone);
  expect(fill?.values).not.toHaveProperty("name");
  expect(fill?.values).not.toHaveProperty("contact");
  expect(fill?.values).not.toHaveProperty("note");
});

test("merge within the import (no register row) keeps one row: the first, its blanks filled from the others", () => {
  const alone = planImport("customers", grid, proposeMapping("customers", grid), { locale: "zh-CN" });
  const group = alone.groups.find((g) => g.imported.length === 3)!;
  const merged = resolveImport(alone, () => "merge");
  const first = alone.rows[group.imported[0]].values;
  const kept = merged.append.filter((row) => row.contact === first.contact && row.name === first.name);
  expect(kept).toHaveLength(1);
  // The first row had no credit-code-free 年交易额 gap to fill; the second's 年交易额 never replaces the first's.
  expect(kept[0].annualSales).toBe(first.annualSales);
  expect(merged.append).toHaveLength(alone.rows.length - alone.groups.reduce((n, g) => n + g.imported.length - 1, 0));
});

test("property: whatever is decided, every row goes exactly once into append, a fill or a held group — or is skipped", () => {
  const random = seeded(13);
  const choices: Decision[] = ["keepBoth", "merge", "skip", "hold"];
  for (let round = 0; round < 50; round++) {
    const picks = plan.groups.map(() => random.pick(choices));
    const out = resolveImport(plan, (_g, i) => picks[i]);
    const expected = plan.groups.reduce((n, g, i) => n - (picks[i] === "keepBoth" ? 0 : g.imported.length) + (picks[i] === "merge" && g.existing.length === 0 ? 1 : 0), plan.rows.length);
    expect(out.append).toHaveLength(expected);
    expect(out.held).toEqual(plan.groups.filter((_g, i) => picks[i] === "hold"));
    for (const f of out.fill) for (const [key, value] of Object.entries(f.values)) {
      expect(plan.existing[f.index][key] ?? "").toBe("");
      expect(value).not.toBe("");
    }
  }
});

test("a field whose register column was renamed, or is calculated, is named as having nowhere to go — never dropped unseen", () => {
  const renamed = { ...register, headers: ["客户编号", "客户名称", "联系人", "手机号", "备注"] };
  const planned = planImport("customers", grid, proposeMapping("customers", grid), { locale: "zh-CN", register: renamed });
  // This small register has no 年交易额 … 负责人 columns at all; with 电话 renamed, the phones have nowhere to go either.
  const absent = [
    { source: "年销售额（万元）", target: "年交易额" },
    { source: "紧急程度", target: "需求迫切度" },
    { source: "首次接触", target: "首次接触日期" },
    { source: "地址", target: "地址" },
    { source: "业务员", target: "负责人" },
  ];
  expect(plan.unplaced).toEqual(absent);
  expect(planned.unplaced).toEqual([{ source: "手机", target: "电话" }, ...absent]);
  const calculatedPhone = { ...register, calculated: [false, false, false, true, false] };
  expect(planImport("customers", grid, proposeMapping("customers", grid), { locale: "zh-CN", register: calculatedPhone }).unplaced).toEqual([{ source: "手机", target: "电话" }, ...absent]);
});

test("visits by name: a linked log (客户名称 calculated) takes IDs and holds unknown names back; a typed one keeps the names", () => {
  const visits: SourceGrid = [["日期", "客户"], ["2026-11-20", "华信科技股份有限公司"], ["2026-11-21", "不存在的公司"]];
  const log = (calculated: boolean): ExistingRegister => ({ table: "SP_V1_Visits", sheet: "客户拜访记录", headers: ["日期", "客户编号", "客户名称"], calculated: [false, false, calculated], rows: [] });
  const target = (calculated: boolean) => ({ locale: "zh-CN" as const, register: log(calculated), customers: register });
  const linked = planImport("visits", visits, proposeMapping("visits", visits), target(true));
  expect(linked.rows.map((r) => r.values)).toEqual([{ date: 46346, customerId: "KH00001" }]);
  expect(linked.problems.map((p) => [p.row, p.code])).toEqual([[3, "unknownCustomer"]]);
  expect(linked.unplaced).toEqual([]);
  const typed = planImport("visits", visits, proposeMapping("visits", visits), target(false));
  expect(typed.rows.map((r) => r.values)).toEqual([
    { date: 46346, customerName: "华信科技股份有限公司", customerId: "KH00001" },
    { date: 46347, customerName: "不存在的公司" },
  ]);
  expect(typed.problems).toEqual([]);
});

test("a row without its key field is listed and not imported; a mapping without the key field is named", () => {
  const list: SourceGrid = [["单位名称", "手机"], ["甲公司", "13800138000"], [null, "13900139000"]];
  const planned = planImport("customers", list, proposeMapping("customers", list), { locale: "zh-CN" });
  expect(planned.rows.map((r) => r.values.name)).toEqual(["甲公司"]);
  expect(planned.problems).toEqual([{ row: 3, column: "单位名称", value: "", code: "missingKey" }]);
  expect(planned.missingKeys).toEqual([]);
  const phones: SourceGrid = [["手机"], ["13800138000"]];
  expect(planImport("customers", phones, proposeMapping("customers", phones), { locale: "zh-CN" }).missingKeys).toEqual(["客户名称"]);
  expect(planImport("ledger", phones, { headerRow: 0, targets: [undefined] }, { locale: "en-US" }).missingKeys).toEqual(["Date", "Contract no."]);
});

test("visits take the customer register their log reads by its SP_V<n>_REGISTER_ID, else the newest", () => {
  const names = { ...NO_NAMES, tables: ["SP_C1_Customers", "SP_V1_Visits", "SP_C2_Customers", "SP_V2_Visits"] };
  const read = [
    { name: "SP_V1_REGISTER_ID", formula: "=SP_C1_Customers[[客户编号]]" },
    { name: "sp_v2_register_id", formula: "sp_c1_customers[[Customer ID]]" },
    { name: "SP_V3_REGISTER_ID", formula: "=#REF!" },
    { name: "SP_V4_REGISTER_ID", formula: "=SP_K1_Contracts[[合同编号]]" },
  ];
  expect(logRegisterTable("SP_V1_Visits", read, names)).toBe("SP_C1_Customers");
  // Case aside, as Excel reads names; the table as the workbook spells it.
  expect(logRegisterTable("SP_V2_Visits", read, names)).toBe("SP_C1_Customers");
  // Broken, pointing elsewhere, or absent (a log written before the name): the newest register.
  for (const log of ["SP_V3_Visits", "SP_V4_Visits", "SP_V5_Visits"]) expect(logRegisterTable(log, read, names)).toBe("SP_C2_Customers");
  expect(logRegisterTable("SP_V1_Visits", [{ name: "SP_V1_REGISTER_ID", formula: "=SP_C9_Customers[[客户编号]]" }], names)).toBe("SP_C2_Customers");
  // The register renamed by the user: Excel rewrote the name with it, and it is still the log's register.
  const renamed = { ...names, tables: ["客户表", ...names.tables.slice(1)] };
  expect(logRegisterTable("SP_V1_Visits", [{ name: "SP_V1_REGISTER_ID", formula: "=客户表[客户编号]" }], renamed)).toBe("客户表");
});

test("the register an import goes to is the workbook's newest of its kind", () => {
  const names = { ...NO_NAMES, tables: ["SP_C1_Customers", "SP_V1_Visits", "SP_C2_Customers", "SP_K1_Contracts"] };
  expect(registerTable("customers", names)).toBe("SP_C2_Customers");
  expect(registerTable("visits", names)).toBe("SP_V1_Visits");
  expect(registerTable("ledger", names)).toBeUndefined();
});
