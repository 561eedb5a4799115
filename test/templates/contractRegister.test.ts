import { buildContractRegister } from "../../src/templates/contractRegister";
import { buildTemplates } from "../../src/templates";
import { NO_NAMES } from "../../src/spec/naming";
import type { ExistingNames, SheetSpec } from "../../src/spec/sheetSpec";
import { TEMPLATE_STRINGS } from "../../src/templates/strings";

/** The ledger keys the register's formulas name (`SP_L3_COL_AMOUNT` → L3). */
const ledgerKeys = (specs: readonly SheetSpec[]): string[] => {
  const formulas = specs.flatMap((s) => s.tables.flatMap((t) => t.columns.flatMap((c) => (c.formula ? [c.formula] : []))));
  return [...new Set(formulas.flatMap((f) => [...f.matchAll(/\bSP_(L\d+)_(?:COL|TYPE)_[A-Z]+/g)].map((m) => m[1])))];
};

/** The SP_L1_ names of `formula` outside every IFERROR(…) (its strings hold no parenthesis). */
function unguardedNames(formula: string): string[] {
  const open: boolean[] = [];
  const found: string[] = [];
  for (const m of formula.matchAll(/IFERROR\(|SP_L1_\w+|\(|\)/g)) {
    if (m[0] === ")") open.pop();
    else if (m[0].endsWith("(")) open.push(m[0] === "IFERROR(");
    else if (!open.includes(true)) found.push(m[0]);
  }
  return found;
}

describe("合同履行一览表 follows the ledger by name", () => {
  test("alone, it names the key the first ledger will take; beside a ledger, that ledger's (the last listed)", () => {
    const build = (existing: ExistingNames) => buildContractRegister({ statsYear: 2026 }, { locale: "zh-CN", existing });
    expect(ledgerKeys(build(NO_NAMES))).toEqual(["L1"]);
    // A workbook whose L1 is taken by a name but holds no ledger table: the first ledger will be L2.
    expect(ledgerKeys(build({ ...NO_NAMES, names: ["SP_L1_NOTE"] }))).toEqual(["L2"]);
    expect(ledgerKeys(build({ ...NO_NAMES, tables: ["SP_L3_Ledger", "SP_L2_Ledger"], names: ["SP_L3_COL_AMOUNT", "SP_L2_COL_AMOUNT"] }))).toEqual(["L2"]);
  });

  test("asked with a ledger in one request, it is built first and names exactly the names that ledger defines", () => {
    const specs = buildTemplates([{ template: "ledger", options: {} }, { template: "contracts", options: { statsYear: 2026 } }], { locale: "en-US", existing: NO_NAMES });
    const defined = new Set(specs.flatMap((s) => (s.columnNames ?? []).map((n) => n.name).concat(s.names.map((n) => n.name))));
    const named = specs.flatMap((s) => s.tables.flatMap((t) => t.columns.flatMap((c) => [...(c.formula ?? "").matchAll(/\bSP_L\d+_[A-Z_]+\b/g)].map((m) => m[0]))));
    expect(named.length).toBeGreaterThan(0);
    for (const name of named) expect(defined).toContain(name);
  });

  test("every read of the ledger's names is inside an IFERROR, so a register alone shows no #NAME? (LibreOffice: engine.test)", () => {
    const [main, stats] = buildContractRegister({ statsYear: 2026 }, { locale: "zh-CN", existing: NO_NAMES });
    const columns = [main, stats].flatMap((spec) => spec.tables[0].columns.filter((c) => c.formula?.includes("SP_L1_")));
    expect(columns.map((c) => c.key)).toEqual(expect.arrayContaining(["shippedTotal", "lastShipment", "invoicedTotal", "lastInvoice", "paidTotal", "ledgerRow"]));
    for (const column of columns) expect([column.key, unguardedNames(column.formula!)]).toEqual([column.key, []]);
  });

  test("the aging sheet lists each customer of the rows once, in order, blank rows, then 其他客户", () => {
    const rows = [{ customer: "甲" }, { customer: "乙" }, { customer: "甲" }, { customer: null }, { customer: " " }];
    const aging = buildContractRegister({ rows, statsYear: 2026 }, { locale: "zh-CN", existing: NO_NAMES })[2];
    const names = aging.tables[0].rows.map((r) => r.customer ?? null);
    expect(names.filter((n) => n !== null)).toEqual(["甲", "乙", TEMPLATE_STRINGS["zh-CN"].contracts.agingOther]);
    expect(names.at(-1)).toBe(TEMPLATE_STRINGS["zh-CN"].contracts.agingOther);
    expect(aging.conditionalFormats.map((f) => f.rule.kind)).toEqual(["duplicates"]);
    expect(aging.record.role).toBe("summary");
  });
});
