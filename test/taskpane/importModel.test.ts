import type { ImportPlan } from "../../src/import";
import { serialFromYmd } from "../../src/domain/calendar";
import {
  choicesOf,
  decide,
  decideAll,
  decidedWrite,
  decisionsFor,
  importBlock,
  NO_DECISIONS,
  plannedVisitLog,
  rowSummary,
  sameRows,
  samplesOf,
  shownOf,
  undecided,
  writesSomething,
} from "../../src/taskpane/importForm/importModel";

const grid = [
  ["客户名单", "", ""],
  ["单位名称", "手机", "备注"],
  ["甲公司", "", ""],
  ["乙公司", 13800138000, ""],
  ["丙公司", "13900139000", ""],
];
const mapping = { headerRow: 1, targets: ["name", "phone", undefined] };

/** A plan as planImport makes it: three rows, one group against the register and one within the import. */
const plan: ImportPlan = {
  kind: "customers",
  locale: "zh-CN",
  mapping,
  headers: ["单位名称", "手机", "备注"],
  unmapped: ["备注"],
  unplaced: [],
  missingKeys: [],
  rows: [
    { sourceRow: 3, values: { name: "甲公司" } },
    { sourceRow: 4, values: { name: "乙公司", phone: "13800138000" } },
    { sourceRow: 5, values: { name: "乙公司北京分部", phone: "13800138000", contact: "王敏" } },
  ],
  problems: [],
  existing: [{ name: "甲公司有限公司", phone: null, contact: "李强" }],
  groups: [
    { reason: "name", key: "甲", imported: [0], existing: [0] },
    { reason: "phone", key: "13800138000", imported: [1, 2], existing: [] },
  ],
};

test("a column's samples are its first filled cells under the header", () => {
  expect(samplesOf(grid, mapping, 0)).toEqual(["甲公司", "乙公司"]);
  expect(samplesOf(grid, mapping, 1)).toEqual(["13800138000", "13900139000"]);
  expect(samplesOf(grid, mapping, 2)).toEqual([]);
});

test("nothing is written until every group is decided, and a new plan starts undecided", () => {
  expect(undecided(plan, decisionsFor(NO_DECISIONS, plan))).toBe(2);
  expect(decidedWrite(plan, decisionsFor(NO_DECISIONS, plan))).toBeUndefined();
  const one = decide(NO_DECISIONS, plan, 0, "merge");
  expect(undecided(plan, decisionsFor(one, plan))).toBe(1);
  expect(decidedWrite(plan, decisionsFor(one, plan))).toBeUndefined();
  const both = decide(one, plan, 1, "skip");
  expect(decidedWrite(plan, decisionsFor(both, plan))).toEqual({ append: [], fill: [], held: [] });
  // The register's row already has a name; merging fills nothing it holds, and the row is not appended.
  expect(writesSomething({ append: [], fill: [], held: [] })).toBe(false);
  const changed: ImportPlan = { ...plan, rows: [...plan.rows] };
  expect(decisionsFor(both, changed).size).toBe(0);
});

test("merging fills only the register row's blank cells, or folds the imported rows into the first", () => {
  const chosen = decisionsFor(decide(decide(NO_DECISIONS, plan, 0, "keepBoth"), plan, 1, "merge"), plan);
  expect(decidedWrite(plan, chosen)).toEqual({
    append: [{ name: "甲公司" }, { name: "乙公司", phone: "13800138000", contact: "王敏" }],
    fill: [],
    held: [],
  });
  const merged = decidedWrite(plan, decisionsFor(decideAll(plan, "merge"), plan));
  expect(merged?.append).toEqual([{ name: "乙公司", phone: "13800138000", contact: "王敏" }]);
  expect(merged?.fill).toEqual([]);
  const kept = decidedWrite(plan, decisionsFor(decideAll(plan, "keepBoth"), plan));
  expect(kept?.append).toHaveLength(3);
});

test("a group offers merging into the register's row only when it has one", () => {
  expect(choicesOf(plan.groups[0]).map((c) => [c.decision, c.into])).toEqual([
    ["keepBoth", undefined],
    ["merge", "existing"],
    ["skip", undefined],
  ]);
  expect(choicesOf(plan.groups[1])[1]).toEqual({ decision: "merge", into: "imported" });
});

test("a row is summed up by its first filled fields, in the register's order, dates as dates", () => {
  const row = { phone: "13800138000", name: "甲公司", firstContact: serialFromYmd(2026, 11, 28), contact: "王敏", owner: "张三", note: "x" };
  const summary = rowSummary("customers", row, "zh-CN");
  expect(summary.split(" · ")).toHaveLength(4);
  expect(summary.startsWith("甲公司 · ")).toBe(true);
  expect(summary).toContain("13800138000");
  expect(rowSummary("customers", { name: "甲公司", firstContact: serialFromYmd(2026, 11, 28) }, "zh-CN")).toBe("甲公司 · 2026-11-28");
  expect(rowSummary("customers", { name: "甲公司", firstContact: 0 }, "en-US")).toBe("甲公司 · 0");
});

test("long lists are shown a page at a time", () => {
  const items = Array.from({ length: 250 }, (_, i) => i);
  expect(shownOf(items, 100)).toEqual({ items: items.slice(0, 100), more: 150 });
  expect(shownOf(items, 300)).toEqual({ items, more: 0 });
});

test("a merge goes ahead only while the register rows it fills are as the check saw them", () => {
  const register = { table: "SP_C1_Customers", sheet: "客户资源登记表", headers: ["客户名称", "电话"], calculated: [false, false], rows: [["甲公司", null], ["乙公司", "13800138000"]] };
  expect(sameRows(register, { ...register, rows: [["甲公司", null], ["乙公司", "13800138000"], ["丙公司", null]] }, [0, 1])).toBe(true);
  // The user typed into the row, sorted the register, or renamed a column meanwhile.
  expect(sameRows(register, { ...register, rows: [["甲公司", "13900139000"], ["乙公司", "13800138000"]] }, [0])).toBe(false);
  expect(sameRows(register, { ...register, rows: [["乙公司", "13800138000"], ["甲公司", null]] }, [0])).toBe(false);
  expect(sameRows(register, { ...register, headers: ["客户名称", "手机"] }, [0])).toBe(false);
  // A row the merge does not touch may change.
  expect(sameRows(register, { ...register, rows: [["甲公司", null], ["乙公司", "x"]] }, [0])).toBe(true);
  expect(sameRows(register, undefined, [0])).toBe(false);
});

test("the import waits for the mapping to place every column and hold the key, then for every group, and for something to write", () => {
  expect(importBlock(plan, decisionsFor(NO_DECISIONS, plan))).toEqual({ kind: "undecided", groups: 2 });
  expect(importBlock({ ...plan, missingKeys: ["客户名称"] }, decisionsFor(NO_DECISIONS, plan))).toEqual({ kind: "missingKeys", fields: ["客户名称"] });
  const unplaced = [{ source: "手机", target: "电话" }];
  expect(importBlock({ ...plan, unplaced, missingKeys: ["客户名称"] }, decisionsFor(NO_DECISIONS, plan))).toEqual({ kind: "unplaced", pairs: unplaced });
  expect(importBlock(plan, decisionsFor(decideAll(plan, "keepBoth"), plan))).toBeUndefined();
  expect(importBlock(plan, decisionsFor(decideAll(plan, "skip"), plan))).toEqual({ kind: "nothing" });
});

test("the visit log an import writes beside a customer register is planned as linked to it", () => {
  const customers = { table: "SP_C1_Customers", sheet: "客户资源登记表", headers: ["客户编号", "客户名称"], calculated: [false, false], rows: [] };
  const log = plannedVisitLog("zh-CN", customers);
  expect(log.table).toMatch(/^SP_V\d+_Visits$/);
  expect(log.calculated[log.headers.indexOf("客户名称")]).toBe(true);
  expect(log.calculated[log.headers.indexOf("客户编号")]).toBe(false);
  expect(log.rows).toEqual([]);
});
