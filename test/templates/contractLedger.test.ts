import { NO_NAMES } from "../../src/spec/naming";
import type { ExistingNames } from "../../src/spec/sheetSpec";
import { buildTemplates } from "../../src/templates";
import { buildContractLedger, contractIdSource, LEDGER_COLUMNS, LEDGER_TYPE_NAMES } from "../../src/templates/contractLedger";
import { TEMPLATES } from "../../src/templates/registry";
import { templateStrings } from "../../src/templates/strings";

const ledgerOf = (existing: ExistingNames, locale: "zh-CN" | "en-US" = "zh-CN") => buildContractLedger({ blankRows: 1 }, { locale, existing })[0];
const contractColumn = (existing: ExistingNames) => ledgerOf(existing).tables[0].columns.find((c) => c.key === "contract")!;

describe("合同收发票款明细 (contract ledger)", () => {
  test("one row per event in the issue's columns, 金额 typed and summed in the totals row; each contract's figures to date, the ledger newest first", () => {
    const sheet = ledgerOf(NO_NAMES);
    const [table] = sheet.tables;
    expect(table.name).toBe("SP_L1_Ledger");
    expect(table.columns.map((c) => c.key)).toEqual([...LEDGER_COLUMNS]);
    expect(table.columns.map((c) => c.header)).toEqual([
      ...["日期", "合同编号", "类型", "品名", "数量", "单价", "金额", "单据号", "物流单号", "经办人", "复核人", "备注"],
      ...["本合同累计发货(自动)", "本合同累计开票(自动)", "本合同累计回款(自动)", "本合同最近发货日(自动)", "本合同最近开票日(自动)", "合同编号倒序(自动)", "本合同上一行(自动)"],
    ]);
    const formula = (key: string) => table.columns.find((c) => c.key === key)!.formula;
    const row = (header: string) => `SP_L1_Ledger[[#This Row],[${header}]]`;
    // The k-th row from the end, counted from this row's place.
    const place = `ROWS(${row("合同编号")}:INDEX(SP_L1_COL_CONTRACT,ROWS(SP_L1_COL_CONTRACT)))`;
    expect(formula("newestFirst")).toBe(`INDEX(SP_L1_COL_CONTRACT,${place})&""`);
    // The contract's previous row: its first place in the upside-down ledger after this row's, turned back into a row.
    const key = `SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${row("合同编号")}&"","~","~~"),"*","~*"),"?","~?")`;
    const below = `INDEX(SP_L1_COL_CONTRACTS_NEWEST_FIRST,${place}+1):INDEX(SP_L1_COL_CONTRACTS_NEWEST_FIRST,ROWS(SP_L1_COL_CONTRACTS_NEWEST_FIRST))`;
    expect(formula("previous")).toBe(`IF(${row("合同编号")}="","",IFERROR(ROWS(SP_L1_COL_CONTRACTS_NEWEST_FIRST)+1-${place}-MATCH(${key},${below},0),0))`);
    // What the previous row holds, plus this row's shipment, less its return.
    const before = `IF(${row("本合同上一行(自动)")}>0,INDEX(SP_L1_COL_SHIPPED_TO_DATE,${row("本合同上一行(自动)")}),"")`;
    const amount = `N(${row("金额")})`;
    expect(formula("shippedToDate")).toBe(`IF(${row("合同编号")}="","",N(${before})+IF(${row("类型")}=SP_L1_TYPE_SHIPMENT,${amount},IF(${row("类型")}=SP_L1_TYPE_RETURN,-${amount},0)))`);
    expect(table.columns.filter((c) => c.formula !== undefined).map((c) => c.key)).toEqual(LEDGER_COLUMNS.slice(12));
    expect(table.columns.find((c) => c.key === "amount")!.totals).toEqual({ kind: "function", fn: "sum" });
    expect(table.columns.find((c) => c.key === "type")!.validation!.rule).toEqual({ kind: "list", values: ["发货", "退货", "开票", "回款"] });
    // Never negative: a return is a positive amount its type subtracts.
    expect(table.columns.find((c) => c.key === "amount")!.validation!.rule).toEqual({ kind: "decimal", min: 0 });
    expect(table.columns.find((c) => c.key === "quantity")!.validation!.rule).toEqual({ kind: "decimal", min: 0 });
  });

  test("the type words sit in named cells, so a formula in either language can compare with them", () => {
    for (const locale of ["zh-CN", "en-US"] as const) {
      const sheet = ledgerOf(NO_NAMES, locale);
      const words = LEDGER_TYPE_NAMES.map((part) => {
        const name = sheet.names.find((n) => n.name === `SP_L1_${part}`)!;
        return sheet.cells.find((c) => c.at.row === name.target.from.row && c.at.col === name.target.from.col)!.value;
      });
      expect(words).toEqual(templateStrings(locale).ledger.types);
    }
  });

  test("its key columns are named, so the register reads them whatever their headers become", () => {
    expect(ledgerOf(NO_NAMES, "en-US").columnNames).toEqual(
      [
        ["SP_L1_COL_DATE", "Date"],
        ["SP_L1_COL_CONTRACT", "Contract no."],
        ["SP_L1_COL_TYPE", "Type"],
        ["SP_L1_COL_AMOUNT", "Amount"],
        ["SP_L1_COL_SHIPPED_TO_DATE", "Contract shipped to date (automatic)"],
        ["SP_L1_COL_INVOICED_TO_DATE", "Contract invoiced to date (automatic)"],
        ["SP_L1_COL_PAID_TO_DATE", "Contract paid to date (automatic)"],
        ["SP_L1_COL_LAST_SHIPMENT", "Contract last shipped (automatic)"],
        ["SP_L1_COL_LAST_INVOICE", "Contract last invoiced (automatic)"],
        ["SP_L1_COL_CONTRACTS_NEWEST_FIRST", "Contract no., newest first (automatic)"],
      ].map(([name, column]) => ({
        name,
        table: "SP_L1_Ledger",
        column,
        comment: templateStrings("en-US").ledger.columnNameNote,
      })),
    );
  });

  test("a blank reviewer, or the handler as reviewer, on a recorded row is red; an amount off quantity × price yellow", () => {
    const rules = ledgerOf(NO_NAMES).conditionalFormats.map((f) => [f.target, f.rule]);
    expect(rules).toEqual([
      [
        { kind: "tableColumn", table: "SP_L1_Ledger", column: "复核人" },
        { kind: "expression", formula: 'AND(OR($A7<>"",$B7<>"",$C7<>"",$G7<>""),OR(TRIM($K7)="",TRIM($K7)=TRIM($J7)))' },
      ],
      [
        { kind: "tableColumn", table: "SP_L1_Ledger", column: "金额" },
        { kind: "expression", formula: 'AND($C7<>"",OR($G7="",AND(ISNUMBER($E7),ISNUMBER($F7),ROUND($E7*$F7-N($G7),2)<>0)))' },
      ],
    ]);
  });

  test("without a contract register 合同编号 is plain text; with one, a drop-down of its 合同编号 column", () => {
    expect(contractColumn(NO_NAMES).validation).toBeUndefined();
    const withRegister = { ...NO_NAMES, tables: ["SP_K1_Contracts"] };
    expect(contractColumn(withRegister).validation).toMatchObject({
      rule: { kind: "tableColumn", table: "SP_K1_Contracts", column: "合同编号", note: expect.any(String) },
      errorTitle: "合同编号不在登记表中",
    });
  });

  test("the register is found by its name alone; its column as the workbook names it (renamed, other language); the newest of several", () => {
    const existing: ExistingNames = {
      ...NO_NAMES,
      tables: ["SP_K1_Contracts", "SP_K3_Contracts", "SP_K2_Stats", "Contracts"],
      tableColumns: [
        { table: "SP_K1_Contracts", columns: ["合同编号", "客户名称"] },
        { table: "SP_K3_Contracts", columns: ["Contract no. (HT)", "Customer"] },
      ],
    };
    expect(contractIdSource(existing, "合同编号")).toEqual({ table: "SP_K3_Contracts", column: "Contract no. (HT)" });
    // A column the user inserted before 合同编号: its header, in either language, still finds it.
    const inserted: ExistingNames = { ...NO_NAMES, tables: ["SP_K1_Contracts"], tableColumns: [{ table: "SP_K1_Contracts", columns: ["序号", "Contract no.", "Customer"] }] };
    expect(contractIdSource(inserted, "合同编号")).toEqual({ table: "SP_K1_Contracts", column: "Contract no." });
    // A register known by name only (written in the same request, or not read back) has the builder's words.
    expect(contractIdSource({ ...NO_NAMES, tables: ["sp_k2_contracts"] }, "合同编号")).toEqual({ table: "sp_k2_contracts", column: "合同编号" });
    expect(contractIdSource({ ...NO_NAMES, tables: ["SP_K1_Stats", "MyContracts"] }, "合同编号")).toBeUndefined();
  });

  test("asked before a register in one request, it is built after it and lists it", () => {
    const specs = buildTemplates(
      [
        { template: "ledger", options: { blankRows: 1 } },
        { template: "contracts", options: { statsYear: 2026, blankRows: 1 } },
      ],
      { locale: "en-US", existing: NO_NAMES },
    );
    expect(specs.map((s) => s.record.template)).toEqual(["contracts", "contracts", "contracts", "ledger"]);
    const column = specs[3].tables[0].columns.find((c) => c.key === "contract")!;
    expect(column.validation!.rule).toEqual({ kind: "tableColumn", table: "SP_K1_Contracts", column: "Contract no.", note: expect.any(String) });
  });

  test("blank rows for a daily ledger by default, from the registry", () => {
    const [table] = buildContractLedger({}, { locale: "zh-CN", existing: NO_NAMES })[0].tables;
    expect(table.rows).toHaveLength(TEMPLATES.ledger.blankRows.initial);
    expect(TEMPLATES.ledger.cliName).toBe("ledger");
  });
});
