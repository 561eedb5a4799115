/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read, office-addins/call-sync-after-load --
   these tests break Office.js's rules on purpose, to prove that the fake enforces them */
import { FakeExcel, FakeOfficeError, REQUEST_LIMIT_BYTES } from "./fakeExcel";

/** The fake's own rules: if these did not hold, the writer tests built on it would prove nothing. */

const code = async (promise: Promise<unknown>): Promise<string | undefined> =>
  promise.then(
    () => undefined,
    (error: unknown) => (error instanceof FakeOfficeError ? error.code : `not an Office error: ${String(error)}`),
  );

describe("fake Excel", () => {
  test("queued writes apply at sync, not before", async () => {
    const fake = new FakeExcel();
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1").values = [[1, "x"]];
      expect(fake.sheet("Sheet1").value("A1")).toBeUndefined();
      await context.sync();
    });
    expect(fake.sheet("Sheet1").value("A1")).toBe(1);
    expect(fake.sheet("Sheet1").value("B1")).toBe("x");
  });

  test("reading a property needs load() and a sync after it", async () => {
    const fake = new FakeExcel(["Data"]);
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      expect(() => sheet.name).toThrow(/PropertyNotLoaded/);
      sheet.load("name");
      expect(() => sheet.name).toThrow(/PropertyNotLoaded/);
      await context.sync();
      expect(sheet.name).toBe("Data");
      const range = sheet.getRange("B2");
      range.load("address");
      await context.sync();
      expect(range.address).toBe("'Data'!B2");
      expect(() => range.values).toThrow(/PropertyNotLoaded/);
    });
  });

  test("collection items and isNullObject are readable only after a sync", async () => {
    const fake = new FakeExcel(["A", "B"]);
    await fake.run(async (context) => {
      const sheets = context.workbook.worksheets.load("items/name");
      const missing = context.workbook.worksheets.getItemOrNullObject("C");
      expect(() => sheets.items).toThrow(/PropertyNotLoaded/);
      expect(() => missing.isNullObject).toThrow(/PropertyNotLoaded/);
      await context.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(["A", "B"]);
      expect(missing.isNullObject).toBe(true);
    });
  });

  test("counts syncs across contexts", async () => {
    const fake = new FakeExcel();
    await fake.run(async (context) => {
      await context.sync();
      await context.sync();
    });
    await fake.run((context) => context.sync());
    expect(fake.syncCount).toBe(3);
  });

  test("a request over 5 MB is rejected whole", async () => {
    const fake = new FakeExcel();
    const big = "x".repeat(1024);
    const rows = Array.from({ length: Math.ceil(REQUEST_LIMIT_BYTES / 1024) + 1 }, () => [big]);
    const result = fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1").values = [[1]];
      sheet.getRangeByIndexes(1, 0, rows.length, 1).values = rows;
      await context.sync();
    });
    expect(await code(result)).toBe("RequestPayloadSizeLimitExceeded");
    expect(fake.sheet("Sheet1").value("A1")).toBeUndefined();
    expect(fake.requestBytes[0]).toBeGreaterThan(REQUEST_LIMIT_BYTES);
  });

  test("a failing operation stops the batch; earlier operations stay applied", async () => {
    const fake = new FakeExcel();
    const result = fake.run(async (context) => {
      context.workbook.worksheets.add("New");
      context.workbook.worksheets.add("sheet1");
      context.workbook.worksheets.add("Later");
      await context.sync();
    });
    expect(await code(result)).toBe("ItemAlreadyExists");
    expect(fake.sheetNames()).toEqual(["Sheet1", "New"]);
  });

  test("an injected failure hits the chosen sync after the chosen number of operations", async () => {
    const fake = new FakeExcel();
    fake.failAtSync(2, 1);
    let first: string | undefined;
    const result = fake.run(async (context) => {
      context.workbook.worksheets.add("One");
      await context.sync().catch((e: FakeOfficeError) => (first = e.code));
      context.workbook.worksheets.add("Two");
      context.workbook.worksheets.add("Three");
      await context.sync();
    });
    expect(await code(result)).toBe("GeneralException");
    expect(first).toBeUndefined();
    expect(fake.sheetNames()).toEqual(["Sheet1", "One", "Two"]);
  });

  test("refuses invalid sheet and defined names like Excel", async () => {
    const fake = new FakeExcel();
    expect(await code(fake.run(async (c) => (c.workbook.worksheets.add("a/b"), c.sync())))).toBe("InvalidArgument");
    expect(await code(fake.run(async (c) => (c.workbook.worksheets.add("x".repeat(32)), c.sync())))).toBe("InvalidArgument");
    const sheet = (c: Excel.RequestContext) => c.workbook.worksheets.getItem("Sheet1");
    expect(await code(fake.run(async (c) => (c.workbook.names.add("A1", sheet(c).getRange("A1")), c.sync())))).toBe("InvalidArgument");
    await fake.run(async (c) => (c.workbook.names.add("SP_X", sheet(c).getRange("B2")), c.sync()));
    expect(fake.state.names[0].formula).toBe("='Sheet1'!$B$2");
    expect(await code(fake.run(async (c) => (c.workbook.names.add("sp_x", sheet(c).getRange("A1")), c.sync())))).toBe("ItemAlreadyExists");
  });

  test("a formula naming a table that does not exist yet is refused", async () => {
    const fake = new FakeExcel();
    const write = (context: Excel.RequestContext) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("E1").formulas = [["=SUM(Sales[[Amount]])"]];
    };
    expect(await code(fake.run(async (c) => (write(c), c.sync())))).toBe("InvalidArgument");
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:B1").values = [["Name", "Amount"]];
      sheet.tables.add("A1:B3", true).name = "Sales";
      write(context);
      await context.sync();
    });
    expect(fake.sheet("Sheet1").formula("E1")).toBe("=SUM(Sales[[Amount]])");
  });

  test("a formula over 8 192 characters, '=' included, is refused; one at the limit is taken", async () => {
    const fake = new FakeExcel();
    // "=1" then "+1" pairs: 8 192 characters, and one more.
    const formula = (length: number): string => `=1${"+1".repeat((length - 2) / 2)}`;
    const set = (text: string) => fake.run(async (c) => ((c.workbook.worksheets.getItem("Sheet1").getRange("A1").formulas = [[text]]), c.sync()));
    expect(await code(set(`${formula(8192)}`))).toBeUndefined();
    expect(fake.sheet("Sheet1").formula("A1")).toHaveLength(8192);
    expect(await code(set(`${formula(8192)}+`))).toBe("InvalidArgument");
  });

  test("2-D writes: null leaves a cell alone, sizes must match, typed text is parsed unless the cell is Text", async () => {
    const fake = new FakeExcel();
    fake.seed("Sheet1", "B1", [["keep"]]);
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:D1").formulas = [["12", null, "'007", "=1+1"]];
      await context.sync();
    });
    const sheet = fake.sheet("Sheet1");
    expect([sheet.value("A1"), sheet.value("B1"), sheet.value("C1"), sheet.formula("D1")]).toEqual([12, "keep", "007", "=1+1"]);
    await fake.run(async (context) => {
      const cell = context.workbook.worksheets.getItem("Sheet1").getRange("E1");
      cell.numberFormat = [["@"]];
      cell.formulas = [["=1+1"]];
      await context.sync();
    });
    expect([sheet.value("E1"), sheet.formula("E1")]).toEqual(["=1+1", undefined]);
    const mismatch = fake.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2").values = [[1, 2]];
      await context.sync();
    });
    expect(await code(mismatch)).toBe("InvalidArgument");
  });

  test("turning on a table's totals row adds Excel's default row contents", async () => {
    const fake = new FakeExcel();
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:B1").values = [["Name", "Amount"]];
      const table = sheet.tables.add("A1:B2", true);
      table.showTotals = true;
      const parts = [table.getHeaderRowRange(), table.getDataBodyRange(), table.getTotalRowRange()].map((r) => r.load("address"));
      await context.sync();
      expect(parts.map((r) => r.address)).toEqual(["'Sheet1'!A1:B1", "'Sheet1'!A2:B2", "'Sheet1'!A3:B3"]);
    });
    expect(fake.sheet("Sheet1").value("A3")).toBe("Total");
    expect(fake.sheet("Sheet1").formula("B3")).toBe("=SUBTOTAL(109,[Amount])");
  });

  test("setting a validation rule drops a prompt set before it", async () => {
    const fake = new FakeExcel();
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:A3");
      range.dataValidation.prompt = { showPrompt: true, title: "t", message: "m" };
      range.dataValidation.rule = { list: { inCellDropDown: true, source: "a,b" } };
      await context.sync();
    });
    expect(fake.sheet("Sheet1").validations).toEqual([
      { range: { from: { row: 0, col: 0 }, to: { row: 2, col: 0 } }, rule: { list: { inCellDropDown: true, source: "a,b" } }, ignoreBlanks: true },
    ]);
  });

  test("deleting a sheet leaves its defined names, and names over its tables' columns, pointing at #REF!", async () => {
    const fake = new FakeExcel(["Keep", "Gone"]);
    await fake.run(async (context) => {
      const gone = context.workbook.worksheets.getItem("Gone");
      context.workbook.names.add("SP_GONE", gone.getRange("A1"));
      gone.getRange("C1").values = [["No"]];
      gone.tables.add("C1:C3", true).name = "Contracts";
      context.workbook.names.add("SP_LIST", "=Contracts[[No]]", "");
      context.workbook.names.add("SP_KEPT", "=Keep!$A$1", "");
      gone.delete();
      await context.sync();
    });
    expect(fake.sheetNames()).toEqual(["Keep"]);
    expect(fake.state.names).toEqual([
      { name: "SP_GONE", formula: "=#REF!", comment: "" },
      { name: "SP_LIST", formula: "=#REF!", comment: "" },
      { name: "SP_KEPT", formula: "=Keep!$A$1", comment: "" },
    ]);
  });

  test("renaming a table rewrites the names over its columns; deleting it leaves them at #REF!", async () => {
    const fake = new FakeExcel(["Sheet1"]);
    const formulaOf = (name: string) => fake.state.names.find((n) => n.name === name)?.formula;
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:B1").values = [["No", "Name"]];
      sheet.tables.add("A1:B3", true).name = "Customers";
      sheet.getRange("D1").values = [["No"]];
      sheet.tables.add("D1:D3", true).name = "MyCustomers";
      context.workbook.names.add("SP_ID", "=Customers[[No]]", "");
      // A table whose name ends like the renamed one's is left alone.
      context.workbook.names.add("SP_OTHER", "=MyCustomers[[No]]", "");
      await context.sync();
    });
    expect(await code(fake.run(async (context) => ((context.workbook.tables.getItem("Customers").name = "客户表"), context.sync())))).toBeUndefined();
    expect(formulaOf("SP_ID")).toBe("=客户表[[No]]");
    expect(formulaOf("SP_OTHER")).toBe("=MyCustomers[[No]]");
    await fake.run(async (context) => (context.workbook.tables.getItem("客户表").delete(), context.sync()));
    expect(formulaOf("SP_ID")).toBe("=#REF!");
    expect(formulaOf("SP_OTHER")).toBe("=MyCustomers[[No]]");
  });

  test("renaming a sheet rewrites the defined names that refer to it", async () => {
    const fake = new FakeExcel(["Plan", "Other"]);
    await fake.run(async (context) => {
      context.workbook.names.add("SP_HERE", context.workbook.worksheets.getItem("Plan").getRange("B3"));
      context.workbook.names.add("SP_THERE", context.workbook.worksheets.getItem("Other").getRange("A1"));
      context.workbook.worksheets.getItem("Plan").name = "我的 计划";
      await context.sync();
    });
    expect(fake.state.names.map((n) => n.formula)).toEqual(["='我的 计划'!$B$3", "='Other'!$A$1"]);
  });

  test("records which batches suspended calculation", async () => {
    const fake = new FakeExcel();
    await fake.run(async (context) => {
      await context.sync();
      context.application.suspendApiCalculationUntilNextSync();
      await context.sync();
    });
    expect(fake.calculationSuspendedAt).toEqual([2]);
  });

  test("worksheets have GUID-like ids distinct from their names; getItem takes either", async () => {
    const fake = new FakeExcel(["Data"]);
    await fake.run(async (context) => {
      const sheets = context.workbook.worksheets.load("items/id,items/name");
      await context.sync();
      const [data] = sheets.items;
      expect(data.id).toMatch(/^\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}$/);
      const byId = context.workbook.worksheets.getItem(data.id).load("name");
      const byName = context.workbook.worksheets.getItem("data").load("id");
      await context.sync();
      expect(byId.name).toBe("Data");
      expect(byName.id).toBe(data.id);
    });
  });

  test("getBoundingRect spans two ranges of a sheet (ExcelApi 1.1)", async () => {
    const fake = new FakeExcel(["T"]);
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("T");
      const rect = sheet.getRange("C5").getBoundingRect(sheet.getRange("A2")).load("address");
      await context.sync();
      expect(rect.address).toBe("'T'!A2:C5");
    });
  });

  test("a navigation path loads each table's column names in the same sync (OfficeExtension.LoadOption)", async () => {
    const fake = new FakeExcel(["T"]);
    let names: string[][] = [];
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("T");
      sheet.getRange("A1:B1").values = [["合同编号", "客户名称"]];
      sheet.tables.add("A1:B3", true).name = "SP_K1_Contracts";
      await context.sync();
      const tables = context.workbook.tables.load("items/name,items/columns/items/name");
      await context.sync();
      names = tables.items.map((t) => [t.name, ...t.columns.items.map((c) => c.name)]);
    });
    expect(names).toEqual([["SP_K1_Contracts", "合同编号", "客户名称"]]);
  });

  describe("table calculated columns (AutoCorrect 'Fill formulas in tables to create calculated columns', on by default)", () => {
    /** A 3-row table on A1:C4 with a literal column A, and the data body's formulas read back by column. */
    async function tableWith(write: (body: Excel.Range) => void): Promise<FakeExcel> {
      const fake = new FakeExcel(["T"]);
      await fake.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("T");
        sheet.getRange("A1:C1").values = [["Name", "Link", "Same"]];
        const table = sheet.tables.add("A1:C4", true);
        table.name = "Links";
        await context.sync();
        write(table.getDataBodyRange());
        await context.sync();
      });
      return fake;
    }
    const column = (fake: FakeExcel, letter: string) => [2, 3, 4].map((row) => fake.sheet("T").formula(`${letter}${row}`) ?? fake.sheet("T").value(`${letter}${row}`) ?? null);

    test("different formulas per row, or beside blanks, become ONE formula in every row, the bottom-most written (#5909, #6745, #1916)", async () => {
      const fake = await tableWith((body) => {
        body.formulas = [
          ["张三", "=1+1", "=PI()"],
          ["李四", "=1+2", "=PI()"],
          ["王五", "", "=PI()"],
        ];
      });
      expect(column(fake, "B")).toEqual(["=1+2", "=1+2", "=1+2"]);
      // A column that already has one formula, and a literal column, stay as written.
      expect(column(fake, "C")).toEqual(["=PI()", "=PI()", "=PI()"]);
      expect(column(fake, "A")).toEqual(["张三", "李四", "王五"]);
    });

    test("one formula written into one cell fills the column's blank cells; literal values stay as exceptions", async () => {
      const fake = await tableWith((body) => {
        body.values = [["x", 5, null], [null, null, null], [null, null, null]];
        body.getCell(2, 1).formulas = [["=ROW()"]];
      });
      expect(column(fake, "B")).toEqual([5, "=ROW()", "=ROW()"]);
      expect(column(fake, "C")).toEqual([null, null, null]);
    });

    test("number formats and writes outside tables are not touched", async () => {
      const fake = new FakeExcel(["T"]);
      await fake.run(async (context) => {
        context.workbook.worksheets.getItem("T").getRange("A1:A3").formulas = [["=1"], ["=2"], [""]];
        await context.sync();
      });
      expect([1, 2, 3].map((row) => fake.sheet("T").formula(`A${row}`) ?? null)).toEqual(["=1", "=2", null]);
    });

    test("rows.add copies each calculated column's formula into the new rows, and given formulas fill as a write does", async () => {
      const { FakeExcel: TeamFake } = await import("./teamFake");
      const fake = new TeamFake(["T"]);
      await fake.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("T");
        sheet.getRange("A1:C1").values = [["Name", "Link", "Same"]];
        const table = sheet.tables.add("A1:C2", true);
        table.name = "Links";
        table.getDataBodyRange().formulas = [["张三", "=A2", "=PI()"]];
        await context.sync();
        table.rows.add(undefined, [
          ["李四", "", ""],
          ["王五", "=1", ""],
        ]);
        await context.sync();
      });
      const read = (letter: string) => [2, 3, 4].map((row) => fake.sheet("T").formula(`${letter}${row}`) ?? fake.sheet("T").value(`${letter}${row}`) ?? null);
      expect(read("C")).toEqual(["=PI()", "=PI()", "=PI()"]);
      expect(read("B")).toEqual(["=1", "=1", "=1"]);
      expect(read("A")).toEqual(["张三", "李四", "王五"]);
    });
  });

  describe("checks arguments as Excel does (issue 9)", () => {
    const onA1 = (fake: FakeExcel, act: (range: Excel.Range, sheet: Excel.Worksheet) => void) =>
      code(
        fake.run(async (context) => {
          const sheet = context.workbook.worksheets.getItem("Sheet1");
          act(sheet.getRange("A1:A3"), sheet);
          await context.sync();
        }),
      );
    const rule = (r: unknown) => (range: Excel.Range) => (range.dataValidation.rule = r as Excel.DataValidationRule);

    test("a date validation bound is a formula or an ISO date, never a bare number (excel.datetimedatavalidation)", async () => {
      const fake = new FakeExcel();
      expect(await onA1(fake, rule({ date: { formula1: "61", operator: "GreaterThanOrEqualTo" } }))).toBe("InvalidArgument");
      expect(await onA1(fake, rule({ date: { formula1: "=61", operator: "GreaterThanOrEqualTo" } }))).toBeUndefined();
      expect(await onA1(fake, rule({ date: { formula1: "1900-03-01", operator: "GreaterThanOrEqualTo" } }))).toBeUndefined();
      expect(await onA1(fake, rule({ date: { formula1: "=61", formula2: "=99", operator: "GreaterThanOrEqualTo" } }))).toBe("InvalidArgument");
    });

    test("number bounds are numbers or formulas, whole bounds whole, Between needs both; a list source is 1–255 characters", async () => {
      const fake = new FakeExcel();
      expect(await onA1(fake, rule({ decimal: { formula1: "0", operator: "GreaterThanOrEqualTo" } }))).toBeUndefined();
      expect(await onA1(fake, rule({ decimal: { formula1: "abc", operator: "GreaterThanOrEqualTo" } }))).toBe("InvalidArgument");
      expect(await onA1(fake, rule({ wholeNumber: { formula1: "1.5", operator: "GreaterThanOrEqualTo" } }))).toBe("InvalidArgument");
      expect(await onA1(fake, rule({ wholeNumber: { formula1: "1", operator: "Between" } }))).toBe("InvalidArgument");
      expect(await onA1(fake, rule({ wholeNumber: { formula1: "1", operator: "Atleast" } }))).toBe("InvalidArgument");
      expect(await onA1(fake, rule({ list: { inCellDropDown: true, source: "" } }))).toBe("InvalidArgument");
      expect(await onA1(fake, rule({ list: { inCellDropDown: true, source: "x,".repeat(128) } }))).toBe("InvalidArgument");
      expect(await onA1(fake, rule({ list: { inCellDropDown: true, source: "a,b" } }))).toBeUndefined();
    });

    test("a list source formula may not hold a structured reference, but INDIRECT of one as text is taken (MS-XLSX 2.6.4, office-js#873)", async () => {
      const fake = new FakeExcel();
      expect(await onA1(fake, rule({ list: { inCellDropDown: true, source: "=SP_K1_Contracts[[合同编号]]" } }))).toBe("InvalidArgument");
      expect(await onA1(fake, rule({ list: { inCellDropDown: true, source: '=INDIRECT("SP_K1_Contracts[[合同编号]]")' } }))).toBeUndefined();
    });

    test("a list source may be a defined name, one the workbook has; a name's formula may not name a table that does not exist", async () => {
      const fake = new FakeExcel();
      expect(await onA1(fake, rule({ list: { inCellDropDown: true, source: "=SP_L1_LIST_1" } }))).toBe("InvalidArgument");
      const addName = (context: Excel.RequestContext) => context.workbook.names.add("SP_L1_LIST_1", "=Contracts[[No]]", "");
      expect(await code(fake.run(async (context) => (addName(context), context.sync())))).toBe("InvalidArgument");
      await fake.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Sheet1");
        sheet.getRange("C1").values = [["No"]];
        sheet.tables.add("C1:C3", true).name = "Contracts";
        addName(context);
        await context.sync();
      });
      expect(await onA1(fake, rule({ list: { inCellDropDown: true, source: "=SP_L1_LIST_1" } }))).toBeUndefined();
      // A cell reference is not a name.
      expect(await onA1(fake, rule({ list: { inCellDropDown: true, source: "=C2" } }))).toBeUndefined();
    });

    test("a name or a cell formula may name only columns its table has (not case-sensitive), in every spelling of a structured reference", async () => {
      const fake = new FakeExcel();
      await fake.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Sheet1");
        sheet.getRange("A1:C1").values = [["客户编号", "Amount", "a[b]#c"]];
        sheet.tables.add("A1:C3", true).name = "Customers";
        await context.sync();
      });
      let names = 0;
      const name = (formula: string) => code(fake.run(async (context) => (context.workbook.names.add(`Name_${++names}`, formula, ""), context.sync())));
      const cell = (formula: string) =>
        code(fake.run(async (context) => ((context.workbook.worksheets.getItem("Sheet1").getRange("E1").formulas = [[formula]]), context.sync())));
      expect(await name("=Customers[[客户编号]]")).toBeUndefined();
      expect(await name("=Customers[[amount]]")).toBeUndefined();
      expect(await name("=Customers[[客户名称]]")).toBe("InvalidArgument");
      expect(await cell("=SUM(Customers[Amount])+COUNTA(Customers[[#Data],[客户编号]:[Amount]])+ROWS(Customers[])")).toBeUndefined();
      expect(await cell("=Customers[[a'[b']'#c]]")).toBeUndefined();
      expect(await cell('=IF(Customers[@Amount]>0,"Customers[Nope]",Customers[@[客户编号]])')).toBeUndefined();
      expect(await cell("=SUM(Customers[Amounts])")).toBe("InvalidArgument");
      expect(await cell("=COUNTA(Customers[[#This Row],[客户编号]],Customers[[#This Row],[Nope]])")).toBe("InvalidArgument");
      expect(await cell("=COUNTA(Customers[[客户编号]:[Nope]])")).toBe("InvalidArgument");
    });

    test("page zoom is a scale of 10–400 or a positive page count; 0 pages is not documented (excel.pagelayoutzoomoptions)", async () => {
      const fake = new FakeExcel();
      const zoom = (z: unknown) => (_: Excel.Range, sheet: Excel.Worksheet) => (sheet.pageLayout.zoom = z as Excel.PageLayoutZoomOptions);
      expect(await onA1(fake, zoom({ horizontalFitToPages: 1, verticalFitToPages: 0 }))).toBe("InvalidArgument");
      expect(await onA1(fake, zoom({ scale: 5 }))).toBe("InvalidArgument");
      expect(await onA1(fake, zoom({ scale: 50, horizontalFitToPages: 1 }))).toBe("InvalidArgument");
      expect(await onA1(fake, zoom({ horizontalFitToPages: 1 }))).toBeUndefined();
      expect(await onA1(fake, (_, sheet) => sheet.pageLayout.setPrintTitleRows("'O'Brien'!$1:$5"))).toBe("InvalidArgument");
      expect(await onA1(fake, (_, sheet) => sheet.pageLayout.setPrintTitleRows("$1:$5"))).toBeUndefined();
    });

    test("a conditional format takes only its own type's rule, in the documented shape (excel.conditionalformat)", async () => {
      const fake = new FakeExcel();
      const cf = (type: string, set: (f: Excel.ConditionalFormat) => void) => (range: Excel.Range) =>
        set(range.conditionalFormats.add(type as Excel.ConditionalFormatType));
      expect(await onA1(fake, cf("Duplicates", () => undefined))).toBe("InvalidArgument");
      expect(await onA1(fake, cf("CellValue", (f) => (f.custom.rule.formula = "=A1>1")))).toBe("InvalidOperation");
      expect(await onA1(fake, cf("Custom", (f) => (f.custom.rule.formula = "A1>1")))).toBe("InvalidArgument");
      expect(await onA1(fake, cf("CellValue", (f) => (f.cellValue.rule = { operator: "Between", formula1: "=1" })))).toBe("InvalidArgument");
      expect(await onA1(fake, cf("CellValue", (f) => (f.cellValue.rule = { operator: "GreaterThan", formula1: "=1", formula2: "=2" })))).toBe("InvalidArgument");
      expect(await onA1(fake, cf("PresetCriteria", (f) => (f.preset.rule = { criterion: "Duplicates" as Excel.ConditionalFormatPresetCriterion })))).toBe("InvalidArgument");
      expect(await onA1(fake, cf("DataBar", (f) => (f.dataBar.positiveFormat.fillColor = "5B9BD5")))).toBe("InvalidArgument");
      expect(await onA1(fake, cf("Custom", (f) => (f.custom.format.fill.color = "#FFC7CE")))).toBeUndefined();
      expect(await onA1(fake, cf("PresetCriteria", (f) => (f.preset.rule = { criterion: "DuplicateValues" })))).toBeUndefined();
    });

    test("a new conditional format takes the top priority (excel.conditionalformatcollection#add)", async () => {
      const fake = new FakeExcel();
      await onA1(fake, (range) => {
        range.conditionalFormats.add("Custom").custom.rule.formula = "=A1>1";
        range.conditionalFormats.add("DataBar");
      });
      expect(fake.sheet("Sheet1").conditionalFormats.map((f) => f.type)).toEqual(["DataBar", "Custom"]);
    });

    test("charts.add guesses a series name from a source whose top cell is not a number, as Excel does", async () => {
      const fake = new FakeExcel();
      fake.seed("Sheet1", "A1", [["Sales"], [1], [2]]);
      fake.seed("Sheet1", "B1", [[5], [1], [2]]);
      await fake.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Sheet1");
        sheet.getRange("C1").formulas = [["=A1"]];
        sheet.charts.add("ColumnClustered", sheet.getRange("A1:A3"), "Columns");
        sheet.charts.add("ColumnClustered", sheet.getRange("B1:B3"), "Columns");
        sheet.charts.add("ColumnClustered", sheet.getRange("C1:C3"), "Columns");
        await context.sync();
      });
      expect(fake.sheet("Sheet1").charts.map((c) => c.series)).toEqual([
        [{ name: "='Sheet1'!A1", values: "'Sheet1'!A2:A3" }],
        [{ values: "'Sheet1'!B1:B3" }],
        [{ name: "='Sheet1'!C1", values: "'Sheet1'!C2:C3" }],
      ]);
    });
  });

  test("a chart's category axis takes reversePlotOrder, as a bar chart read top to bottom needs (ExcelApi 1.7)", async () => {
    const fake = new FakeExcel();
    fake.seed("Sheet1", "A1", [[5], [1], [2]]);
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.charts.add("BarClustered", sheet.getRange("A1:A3"), "Columns").axes.categoryAxis.reversePlotOrder = true;
      await context.sync();
    });
    expect(fake.sheet("Sheet1").charts.map((c) => [c.type, c.settings["axes.categoryAxis.reversePlotOrder"]])).toEqual([["BarClustered", true]]);
  });

  test("a chart axis's position is one of Excel.ChartAxisPosition's words and reversePlotOrder a boolean: anything else fails the sync", async () => {
    const attempt = async (set: (axis: Excel.ChartAxis) => void) => {
      const fake = new FakeExcel();
      fake.seed("Sheet1", "A1", [[5], [1], [2]]);
      await fake.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Sheet1");
        set(sheet.charts.add("BarClustered", sheet.getRange("A1:A3"), "Columns").axes.categoryAxis);
        await context.sync();
      });
      return fake.sheet("Sheet1").charts[0].settings;
    };
    for (const position of ["Automatic", "Maximum", "Minimum", "Custom"] as const) expect((await attempt((axis) => (axis.position = position)))["axes.categoryAxis.position"]).toBe(position);
    await expect(attempt((axis) => (axis.position = "Max" as Excel.ChartAxisPosition))).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(attempt((axis) => (axis.reversePlotOrder = "true" as unknown as boolean))).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  test("reports what a range holds besides values: merged areas, validation type, conditional formats, formats", async () => {
    const fake = new FakeExcel();
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("B2:C2").merge(false);
      sheet.getRange("E1:E4").dataValidation.rule = { wholeNumber: { formula1: "0", operator: "GreaterThan" } };
      sheet.getRange("G1").conditionalFormats.add("Custom").custom.rule.formula = "=G1>1";
      sheet.getRange("A10:C10").format.columnWidth = 80;
      sheet.getRange("A12").format.fill.color = "#FFFF00";
      await context.sync();
    });
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      const look = (address: string) => {
        const range = sheet.getRange(address);
        return {
          merged: range.getMergedAreasOrNullObject().load("address"),
          validation: range.dataValidation.load("type"),
          cfs: range.conditionalFormats.getCount(),
          used: range.getUsedRangeOrNullObject(false).load("address"),
        };
      };
      const [all, part, none] = [look("A1:H12"), look("E3:F3"), look("A10:C11")];
      expect(() => all.cfs.value).toThrow(/PropertyNotLoaded/);
      await context.sync();
      expect([all.merged.address, all.validation.type, all.cfs.value, all.used.address]).toEqual(["'Sheet1'!B2:C2", "MixedCriteria", 1, "'Sheet1'!A12"]);
      expect([part.merged.isNullObject, part.validation.type, part.cfs.value]).toEqual([true, "MixedCriteria", 0]);
      expect([none.merged.isNullObject, none.validation.type, none.cfs.value, none.used.isNullObject]).toEqual([true, "None", 0, true]);
    });
  });

  describe("typed input, range navigation and table rows (issue 13: appending imported rows)", () => {
    const write = (fake: FakeExcel, act: (sheet: Excel.Worksheet) => void) =>
      code(
        fake.run(async (context) => {
          act(context.workbook.worksheets.getItem("Sheet1"));
          await context.sync();
        }),
      );

    test("values starting with = + - @ become formulas; an apostrophe keeps text, and formulas read it without the apostrophe (#6687)", async () => {
      const fake = new FakeExcel();
      await write(fake, (sheet) => (sheet.getRange("A1:A7").values = [["=1+1"], ["+1-2"], ["-B1"], ["@SUM(B1)"], ["'=1+1"], ["-5"], ["'0012"]]));
      const a = (row: number) => [fake.sheet("Sheet1").formula(`A${row}`), fake.sheet("Sheet1").value(`A${row}`)];
      expect([1, 2, 3, 4].map(a)).toEqual([["=1+1", undefined], ["=+1-2", undefined], ["=-B1", undefined], ["=SUM(B1)", undefined]]);
      expect([5, 6, 7].map(a)).toEqual([[undefined, "=1+1"], [undefined, -5], [undefined, "0012"]]);
      const read = await fake.run(async (context) => {
        const range = context.workbook.worksheets.getItem("Sheet1").getRange("A5").load("formulas,values");
        await context.sync();
        return [range.formulas[0][0], range.values[0][0]];
      });
      expect(read).toEqual(["=1+1", "=1+1"]);
    });

    test("a Text cell keeps any string as given, apostrophe included; \"\" clears it", async () => {
      const fake = new FakeExcel();
      await write(fake, (sheet) => (sheet.getRange("A1:A3").numberFormat = [["@"], ["@"], ["@"]]));
      await write(fake, (sheet) => (sheet.getRange("A1:A3").values = [["=1+1"], ["'x"], [""]]));
      expect(["A1", "A2", "A3"].map((a) => fake.sheet("Sheet1").value(a))).toEqual(["=1+1", "'x", undefined]);
      expect(fake.sheet("Sheet1").formula("A1")).toBeUndefined();
    });

    test("getRow, getResizedRange, getIntersection, getRowsBelow and getOffsetRange give Excel's rectangles; no intersection is ItemNotFound", async () => {
      const fake = new FakeExcel();
      const addresses = await fake.run(async (context) => {
        const range = context.workbook.worksheets.getItem("Sheet1").getRange("B2:D5");
        const parts = [
          range.getRow(1),
          range.getResizedRange(2, -1),
          range.getIntersection(range.getCell(0, 0).getResizedRange(9, 0)),
          range.getRowsBelow(3),
          range.getOffsetRange(-1, 2),
        ].map((r) => r.load("address"));
        await context.sync();
        return parts.map((r) => r.address);
      });
      expect(addresses).toEqual(["'Sheet1'!B3:D3", "'Sheet1'!B2:C7", "'Sheet1'!B2:B5", "'Sheet1'!B6:D8", "'Sheet1'!D1:F4"]);
      expect(await write(fake, (sheet) => sheet.getRange("B2").getOffsetRange(-2, 0).load("address"))).toBe("InvalidArgument");
      expect(await write(fake, (sheet) => sheet.getRange("A1").getIntersection(sheet.getRange("C3")).load("address"))).toBe("ItemNotFound");
      expect(await write(fake, (sheet) => sheet.getRange("A1").getResizedRange(-1, 0).load("address"))).toBe("InvalidArgument");
    });

    const withTable = async () => {
      const fake = new FakeExcel();
      await write(fake, (sheet) => {
        sheet.getRange("A1:C1").values = [["Name", "Note", "Double"]];
        const table = sheet.tables.add("A1:C2", true);
        table.name = "T";
        sheet.getRange("B2").numberFormat = [["@"]];
        table.getDataBodyRange().values = [["甲", "x", null]];
        sheet.getRange("C2").formulas = [["=ROW()*2"]];
        sheet.getRange("A3:D3").values = [["under A", "under B", "under C", "beside"]];
      });
      return fake;
    };

    test("tables.getItem finds a table by name; a missing one fails the sync with ItemNotFound", async () => {
      const fake = await withTable();
      expect(await write(fake, () => undefined)).toBeUndefined();
      const found = await fake.run(async (context) => {
        const range = context.workbook.tables.getItem("t").getRange().load("address");
        await context.sync();
        return range.address;
      });
      expect(found).toBe("'Sheet1'!A1:C2");
      expect(await code(fake.run(async (context) => {
        context.workbook.tables.getItem("nope").getRange().load("address");
        await context.sync();
      }))).toBe("ItemNotFound");
    });

    test("rows.add parses values as typed, takes the last row's number formats and calculated formulas, and inserts: cells below the table's columns move down", async () => {
      const fake = await withTable();
      await fake.run(async (context) => {
        context.workbook.tables.getItem("T").rows.add(undefined, [["'=HYPERLINK(1)", "=not a formula", ""], ["=1", "'y", ""]]);
        await context.sync();
      });
      const sheet = fake.sheet("Sheet1");
      expect([sheet.value("A3"), sheet.formula("A3"), sheet.formula("A4")]).toEqual(["=HYPERLINK(1)", undefined, "=1"]);
      // B is a Text column: the added rows are Text too, so their strings stay as given.
      expect([sheet.value("B3"), sheet.formula("B3"), sheet.value("B4"), sheet.numberFormat("B4")]).toEqual(["=not a formula", undefined, "'y", "@"]);
      expect([sheet.formula("C3"), sheet.formula("C4")]).toEqual(["=ROW()*2", "=ROW()*2"]);
      expect([sheet.value("A5"), sheet.value("B5"), sheet.value("C5"), sheet.value("D3")]).toEqual(["under A", "under B", "under C", "beside"]);
      expect(fake.state.tables[0].range.to.row).toBe(3);
    });

    test("adding or deleting table rows refuses to move part of another table or merged area (InvalidOperation); wholly inside, they move", async () => {
      const shift = async (edit: (sheet: Excel.Worksheet) => void, rows: (table: Excel.Table) => void) => {
        const fake = await withTable();
        await write(fake, edit);
        const result = await code(
          fake.run(async (context) => {
            rows(context.workbook.tables.getItem("T"));
            await context.sync();
          }),
        );
        return { fake, result };
      };
      const add = (t: Excel.Table) => t.rows.add(undefined, [["乙", "", ""]]);
      const remove = (t: Excel.Table) => t.rows.getItemAt(0).delete();
      const other = (address: string) => (sheet: Excel.Worksheet) => (sheet.tables.add(address, true).name = "U");
      for (const rows of [add, remove]) {
        expect((await shift(other("C6:D8"), rows)).result).toBe("InvalidOperation");
        expect((await shift((sheet) => sheet.getRange("C6:D6").merge(false), rows)).result).toBe("InvalidOperation");
      }
      const inside = await shift((sheet) => {
        other("B6:C8")(sheet);
        sheet.getRange("A10:C10").merge(false);
      }, add);
      expect(inside.result).toBeUndefined();
      expect(inside.fake.state.tables.find((t) => t.name === "U")?.range).toEqual({ from: { row: 6, col: 1 }, to: { row: 8, col: 2 } });
      expect(inside.fake.sheet("Sheet1").merges).toEqual([{ from: { row: 10, col: 0 }, to: { row: 10, col: 2 } }]);
    });

    test("with AutoCorrect's calculated-column fill off, rows.add copies no formula and a formula written stays in its cell", async () => {
      const fake = await withTable();
      fake.state.fillsCalculatedColumns = false;
      await fake.run(async (context) => {
        const table = context.workbook.tables.getItem("T");
        table.rows.add(undefined, [["乙", "", ""], ["丙", "", ""]]);
        await context.sync();
        context.workbook.worksheets.getItem("Sheet1").getRange("C3").formulas = [["=1"]];
        await context.sync();
      });
      const sheet = fake.sheet("Sheet1");
      expect([sheet.formula("C2"), sheet.formula("C3"), sheet.formula("C4")]).toEqual(["=ROW()*2", "=1", undefined]);
    });

    test("Range.delete('Up') over whole table rows deletes them and moves the cells below back up; part of the width is refused", async () => {
      const fake = await withTable();
      await fake.run(async (context) => {
        context.workbook.tables.getItem("T").rows.add(undefined, [["乙", "", ""], ["丙", "", ""]]);
        await context.sync();
      });
      expect(await write(fake, (sheet) => sheet.getRange("A3:B4").delete("Up"))).toBe("InvalidOperation");
      expect(await write(fake, (sheet) => sheet.getRange("A3:C4").delete("Up"))).toBeUndefined();
      const sheet = fake.sheet("Sheet1");
      expect(fake.state.tables[0].range.to.row).toBe(1);
      expect([sheet.value("A2"), sheet.value("A3"), sheet.value("D3"), sheet.value("A5")]).toEqual(["甲", "under A", "beside", undefined]);
    });
  });
});
