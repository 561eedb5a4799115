import { buildCustomerRegister } from "../../../src/templates/customerRegister";
import { buildVisitLog } from "../../../src/templates/visitLog";
import { buildTemplates } from "../../../src/templates";
import { NO_NAMES } from "../../../src/spec/naming";
import { a1 } from "../../../src/spec/a1";
import { exactKey } from "../../../src/spec/formula";
import { writeSheets } from "../../../src/writers/office/officeWriter";
import { readRegistersInWorkbook } from "../../../src/host/importActions";
import { FakeExcel } from "../../fakes/fakeExcel";
import { customerRows } from "../../fixtures/customers";

/**
 * The visit log written by the Office writer into a workbook that holds a customer register: the
 * register's column names come with the first sync's table list, so the write still takes 2 syncs,
 * and the log names the columns as the workbook has them (here written in English, the ID renamed).
 */
test("a log written beside an existing register reads its columns in the first sync and names them as they are now", async () => {
  const fake = new FakeExcel();
  await fake.run((context) => writeSheets(context, (existing) => buildCustomerRegister({ rows: customerRows(5, "en-US"), blankRows: 0 }, { locale: "en-US", existing })));
  const [register] = buildCustomerRegister({ rows: customerRows(5, "en-US"), blankRows: 0 }, { locale: "en-US", existing: { sheets: [], tables: [], names: [] } });
  const idHeader = register.tables[0].origin;
  // The user renames the ID column; Excel's column name follows the header cell.
  await fake.run(async (context) => {
    context.workbook.worksheets.getItem(register.name).getRange(a1(idHeader)).values = [["Account"]];
    await context.sync();
  });
  expect(fake.state.tableHeaders(fake.state.tables[0]).slice(0, 2)).toEqual(["Account", "Customer"]);

  const syncsBefore = fake.syncCount;
  const result = await fake.run((context) => writeSheets(context, (existing) => buildVisitLog({ blankRows: 3 }, { locale: "zh-CN", existing })));
  expect(fake.syncCount - syncsBefore).toBe(2);
  const [log] = buildVisitLog({ blankRows: 3 }, { locale: "zh-CN", existing: { sheets: [], tables: ["SP_C1_Customers"], names: [], tableColumns: [{ table: "SP_C1_Customers", columns: ["Account", "Customer"] }] } });
  const sheet = fake.sheet(result.sheets[0]);
  const idColumn = log.tables[0].columns.findIndex((c) => c.key === "customerId");
  const body = { row: log.tables[0].origin.row + 1, col: idColumn };
  const validation = sheet.validations.find((v) => v.range.from.row === body.row && v.range.from.col === body.col);
  // The drop-down lists a name the log defines for the register's column as it is named now.
  expect(validation?.rule).toEqual({ list: { inCellDropDown: true, source: "=SP_V1_REGISTER_ID" } });
  expect(fake.state.names.find((n) => n.name === "SP_V1_REGISTER_ID")?.formula).toBe("=SP_C1_Customers[[Account]]");
  expect(fake.state.names.find((n) => n.name === "SP_V1_REGISTER_NAME")?.formula).toBe("=SP_C1_Customers[[Customer]]");
  const nameColumn = log.tables[0].columns.findIndex((c) => c.key === "customerName");
  expect(sheet.formula(a1({ row: body.row, col: nameColumn }))).toContain(`MATCH(${exactKey("SP_V1_Visits[[#This Row],[客户编号]]")},SP_V1_REGISTER_ID,0)`);
  // The register was written alone: it lists no first visits, and the log finds them itself.
  expect(fake.state.names.some((n) => n.name.startsWith("SP_C1_COL_FIRST_ROW_IN_"))).toBe(false);
});

/**
 * A register and its log written in one request: the register lists each customer's first row in the log
 * (a name the register defines), and the log's 新/老客户 reads it through the register row it searched once.
 */
test("a register written with its log lists first visits, and the log's 新/老 reads them", async () => {
  const fake = new FakeExcel();
  const result = await fake.run((context) =>
    writeSheets(context, (existing) => buildTemplates([{ template: "customers", options: { rows: customerRows(5, "zh-CN"), blankRows: 0 } }, { template: "visits", options: { blankRows: 3 } }], { locale: "zh-CN", existing })),
  );
  expect(fake.state.names.find((n) => n.name === "SP_C1_COL_FIRST_ROW_IN_V1")?.formula).toBe("=SP_C1_Customers[[首次拜访在拜访记录中的行(自动)]]");
  const [log] = buildTemplates([{ template: "customers", options: { blankRows: 0 } }, { template: "visits", options: { blankRows: 3 } }], { locale: "zh-CN", existing: NO_NAMES }).filter((s) => s.record.template === "visits");
  const table = log.tables[0];
  const at = (key: string) => a1({ row: table.origin.row + 1, col: table.columns.findIndex((c) => c.key === key) });
  const sheet = fake.sheet(result.sheets.find((name) => name === log.name) ?? "");
  expect(sheet.formula(at("registerRow"))).toContain(`MATCH(${exactKey("SP_V1_Visits[[#This Row],[客户编号]]")},SP_V1_REGISTER_ID,0)`);
  expect(sheet.formula(at("newOld"))).toContain("INDEX(SP_C1_COL_FIRST_ROW_IN_V1,SP_V1_Visits[[#This Row],[在客户资源登记表中的行(自动)]])");
});

/**
 * An import into the log in Excel takes customer IDs from the register the log's formulas read (its
 * `SP_V1_REGISTER_ID`), not from a register written after the log — read in the sync that lists the tables.
 */
test("importing visits reads the register the log names, with the tables, not the newest register", async () => {
  const fake = new FakeExcel();
  const write = (build: Parameters<typeof writeSheets>[1]) => fake.run((context) => writeSheets(context, build));
  await write((existing) => buildCustomerRegister({ rows: customerRows(3, "zh-CN"), blankRows: 0 }, { locale: "zh-CN", existing }));
  await write((existing) => buildVisitLog({ blankRows: 1 }, { locale: "zh-CN", existing }));
  const others = customerRows(3, "zh-CN").map((row) => ({ ...row, id: String(row.id).replace("KH", "ZZ") }));
  await write((existing) => buildCustomerRegister({ rows: others, blankRows: 0 }, { locale: "zh-CN", existing }));
  expect(fake.state.tables.map((t) => t.name).filter((t) => !t.endsWith("TierSummary"))).toEqual(["SP_C1_Customers", "SP_V1_Visits", "SP_C2_Customers"]);
  const global = globalThis as { Excel?: unknown };
  global.Excel = { run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => fake.run(batch) };
  try {
    const before = fake.syncCount;
    const read = await readRegistersInWorkbook("visits");
    expect(read.target?.register.table).toBe("SP_V1_Visits");
    expect(read.customers?.table).toBe("SP_C1_Customers");
    expect(read.customers?.rows.map((row) => row[0])).toEqual(["KH00001", "KH00002", "KH00003"]);
    // One sync lists the tables and names, one reads each register.
    expect(fake.syncCount - before).toBe(3);
    // The user renames the register: Excel rewrites the log's name with it, and the import still reads it.
    await fake.run(async (context) => ((context.workbook.tables.getItem("SP_C1_Customers").name = "客户表"), context.sync()));
    expect((await readRegistersInWorkbook("visits")).customers?.table).toBe("客户表");
  } finally {
    delete global.Excel;
  }
});
