import { buildCustomerRegister } from "../../../src/templates/customerRegister";
import { buildVisitLog } from "../../../src/templates/visitLog";
import { a1 } from "../../../src/spec/a1";
import { exactKey } from "../../../src/spec/formula";
import { writeSheets } from "../../../src/writers/office/officeWriter";
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
});
