import { columnLetters } from "../../../src/spec/a1";
import { NO_NAMES } from "../../../src/spec/naming";
import { buildTemplates } from "../../../src/templates";
import type { ExistingNames } from "../../../src/spec/sheetSpec";
import { OfficeWriteError } from "../../../src/writers/office/errors";
import { writeSheets, type BuildSheets } from "../../../src/writers/office/officeWriter";
import { FakeExcel, REQUEST_LIMIT_BYTES } from "../../fakes/fakeExcel";
import { expectWritten } from "./expectWritten";
import { TEMPLATE_NAMES, templateBuild } from "./templates";

/**
 * The fake throws on any read of a property that was not loaded and synced, so every passing
 * write here also proves the writer respects load-before-read.
 */

/** Writes to a fresh fake and reports what it cost. */
async function measure(build: BuildSheets) {
  const fake = new FakeExcel();
  const result = await fake.run((context) => writeSheets(context, build));
  return { fake, result, syncs: fake.syncCount };
}

describe.each(TEMPLATE_NAMES)("%s template", (name) => {
  test("is written in 2 syncs at 10 rows and one more per 4 MB of payload at 2 000, calculation suspended for the commit", async () => {
    const small = await measure(templateBuild(name, 10));
    const large = await measure(templateBuild(name, 2000));
    expect(small.syncs).toBe(2);
    // Rows never add syncs of their own, but a payload beyond one request (4 MB under Excel's 5 MB limit,
    // chunking.ts) takes one more sync. Calculated columns are written into every row: the contract
    // register's 13 (the ledger's figures read from the contract's last row there, terms, 状态) are ~5.3 KB a row,
    // 2 000 contracts ~11 MB; the ledger's 7 (each contract's figures to date, its previous row) ~2.8 KB a row;
    // the customer register's 7 (ABC, tiers, the visit log's dates and counts) ~2.6 KB a row; a diary row
    // ~3.5 KB (six windowed COUNTIFS, each with the rep escaped as a literal), 2 000 rows being a month of 96
    // reps — a 30-rep month takes 2; the group
    // discounts' 11 (prices, the unit's total, reward) ~2.3 KB a row, 2 000 deals being a large campaign's. Setting
    // one formula per column would keep it at 2, but office-js-docs-reference#578 and office-js-docs-pr#2013
    // disagree on whether a single value set on a range works: not relied on.
    const batches = Array.from({ length: ({ contracts: 4, customers: 2, diary: 3, groupDeals: 2, ledger: 2 } as Record<string, number>)[name] ?? 1 }, (_, i) => i + 2);
    expect(large.syncs).toBe(batches.length + 1);
    if (name === "diary") expect((await measure(templateBuild(name, 30 * 21))).syncs).toBe(2);
    expect(small.fake.calculationSuspendedAt).toEqual([2]);
    expect(large.fake.calculationSuspendedAt).toEqual(batches);
    for (const { fake } of [small, large]) {
      expect(Math.max(...fake.requestBytes)).toBeLessThan(REQUEST_LIMIT_BYTES);
    }
  });

  test("renders every part of every sheet the builder specified", async () => {
    const build = templateBuild(name, 30);
    const { fake, result } = await measure(build);
    const specs = build(NO_NAMES);
    expect(result.sheets).toEqual(specs.map((s) => s.name));
    expect(result.firstCell).toBe(`'${specs[0].name}'!A1`);
    expect(fake.sheetNames()).toEqual(["Sheet1", ...specs.map((s) => s.name)]);
    for (const spec of specs) expectWritten(fake, spec);
  });
});

describe("never overwrites", () => {
  test("an existing sheet name makes the builder pick '<name> (2)'; the existing sheet is untouched", async () => {
    const fake = new FakeExcel();
    const build = templateBuild("weekly", 5);
    const [first] = build(NO_NAMES);
    fake.seed(first.name, "A1", [["mine"]]);
    const result = await fake.run((context) => writeSheets(context, build));
    expect(result.sheets).toEqual([`${first.name} (2)`]);
    expect(fake.sheet(first.name).cells.size).toBe(1);
    expect(fake.sheet(first.name).value("A1")).toBe("mine");
  });

  test("writing the same template twice gives a second sheet and a second instance key", async () => {
    const fake = new FakeExcel();
    const build = templateBuild("customers", 5);
    await fake.run((context) => writeSheets(context, build));
    const tablesBefore = fake.state.tables.map((t) => t.name);
    const second = await fake.run((context) => writeSheets(context, build));
    expect(second.sheets.every((s) => s.endsWith(" (2)"))).toBe(true);
    const added = fake.state.tables.map((t) => t.name).filter((t) => !tablesBefore.includes(t));
    expect(added.length).toBe(tablesBefore.length);
    expect(added.every((t) => t.startsWith("SP_C2_"))).toBe(true);
  });

  test("the builder receives the workbook's sheet, table and defined names from the first sync", async () => {
    const fake = new FakeExcel(["Data"]);
    await fake.run((context) => writeSheets(context, templateBuild("contracts", 3)));
    let seen: ExistingNames | undefined;
    await fake.run((context) =>
      writeSheets(context, (existing) => {
        seen = existing;
        return templateBuild("weekly", 3)(existing);
      }),
    );
    expect(seen?.sheets).toEqual(["Data", "合同履行一览表", "合同履行统计", "应收账龄"]);
    expect(seen?.tables).toEqual(fake.state.tables.filter((t) => t.name.startsWith("SP_K1_")).map((t) => t.name));
    expect(seen?.names.length).toBeGreaterThan(0);
    expect(seen?.names.every((n) => n.startsWith("SP_K1_"))).toBe(true);
  });

  test("the first sync also brings every template table's column names: a ledger lists an en-US register's column, still in 2 syncs", async () => {
    const fake = new FakeExcel(["Data"]);
    await fake.run((context) => writeSheets(context, templateBuild("contracts", 3, "en-US")));
    let seen: ExistingNames | undefined;
    const before = fake.syncCount;
    await fake.run((context) =>
      writeSheets(context, (existing) => {
        seen = existing;
        return templateBuild("ledger", 3)(existing);
      }),
    );
    expect(fake.syncCount - before).toBe(2);
    expect(seen?.tableColumns?.find((t) => t.table === "SP_K1_Contracts")?.columns.slice(0, 2)).toEqual(["Contract no.", "Customer"]);
    const sources = fake.sheet("合同收发票款明细").validations.flatMap((v) => {
      const list = (v.rule as Excel.DataValidationRule).list;
      return list ? [list.source] : [];
    });
    expect(sources).toContain("=SP_L1_LIST_1");
    expect(fake.state.names.find((n) => n.name === "SP_L1_LIST_1")?.formula).toBe("=SP_K1_Contracts[[Contract no.]]");
  });

  test("a register written before any ledger names the ledger's names ahead (accepted: no table is named), and the ledger written later defines exactly them", async () => {
    const fake = new FakeExcel(["Data"]);
    await fake.run((context) => writeSheets(context, templateBuild("contracts", 3)));
    const register = fake.sheet("合同履行一览表");
    const table = fake.state.tables.find((t) => t.name === "SP_K1_Contracts")!;
    const at = (col: number) => `${columnLetters(table.range.from.col + col)}${table.range.from.row + 2}`;
    // 已发货 (the 14th column) and 明细表中的末行 (the 28th, after 备注).
    const mentioned = [...new Set([13, 27].flatMap((col) => [...(register.formula(at(col)) ?? "").matchAll(/SP_L\d+_[A-Z_]+/g)].map((m) => m[0])))].sort();
    expect(mentioned).toEqual(["SP_L1_COL_CONTRACT", "SP_L1_COL_CONTRACTS_NEWEST_FIRST", "SP_L1_COL_SHIPPED_TO_DATE"]);
    expect(fake.state.names.map((n) => n.name).filter((n) => n.startsWith("SP_L"))).toEqual([]);
    await fake.run((context) => writeSheets(context, templateBuild("ledger", 3)));
    const defined = fake.state.names.map((n) => n.name);
    for (const name of mentioned) expect(defined).toContain(name);
  });

  test("a drop-down's list name for a table on a sheet written after its own is added once every table exists", async () => {
    const fake = new FakeExcel(["Data"]);
    const specs = buildTemplates([{ template: "contracts", options: { blankRows: 1, statsYear: 2026 } }, { template: "ledger", options: { blankRows: 1 } }], { locale: "zh-CN", existing: NO_NAMES });
    const ledgerFirst = [...specs.filter((s) => s.record.template === "ledger"), ...specs.filter((s) => s.record.template !== "ledger")];
    await fake.run((context) => writeSheets(context, () => ledgerFirst));
    expect(fake.state.names.find((n) => n.name === "SP_L1_LIST_1")?.formula).toBe("=SP_K1_Contracts[[合同编号]]");
  });

  test("a spec whose names are taken is refused before anything is written", async () => {
    const fake = new FakeExcel();
    const build = templateBuild("monthly", 3);
    await fake.run((context) => writeSheets(context, build));
    const syncs = fake.syncCount;
    const before = { sheets: fake.sheetNames(), tables: fake.state.tables.length, names: fake.state.names.length };
    const stale: BuildSheets = () => build(NO_NAMES).map((spec) => ({ ...spec, name: `${spec.name} copy` }));
    const error = await fake.run((context) => writeSheets(context, stale)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OfficeWriteError);
    expect((error as OfficeWriteError).code).toBe("nameTaken");
    expect((error as OfficeWriteError).params.name).toMatch(/^SP_M1_/);
    expect((error as OfficeWriteError).localized("zh-CN")).toContain("已被占用");
    expect(fake.syncCount).toBe(syncs + 1);
    expect({ sheets: fake.sheetNames(), tables: fake.state.tables.length, names: fake.state.names.length }).toEqual(before);
  });
});
