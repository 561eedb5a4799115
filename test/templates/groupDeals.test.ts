import { discount } from "../../src/functions/operations";
import { buildGroupDeals, GROUP_DEAL_DEFAULTS, GROUP_DEAL_STATUS_NAMES } from "../../src/templates/groupDeals";
import { TEMPLATE_STRINGS } from "../../src/templates/strings";
import { NO_NAMES } from "../../src/spec/naming";
import { equalsCriterion, exactKey } from "../../src/spec/formula";
import type { ColumnSpec, SheetSpec } from "../../src/spec/sheetSpec";
import { SEED_DEAL } from "../fixtures/deals";

const zh = TEMPLATE_STRINGS["zh-CN"];
const dealsOf = (locale: "zh-CN" | "en-US" = "zh-CN"): SheetSpec => buildGroupDeals({}, { locale, existing: NO_NAMES })[0];
const column = (spec: SheetSpec, key: string): ColumnSpec => {
  const found = spec.tables[0].columns.find((c) => c.key === key);
  if (!found) throw new Error(`no column ${key}`);
  return found;
};
const at = (header: string) => `SP_G1_Deals[[#This Row],[${header}]]`;
const valueOf = (spec: SheetSpec, name: string) => {
  const target = spec.names.find((n) => n.name === name)!.target.from;
  return spec.cells.find((c) => c.at.row === target.row && c.at.col === target.col)?.value;
};


describe("团购优惠明细 (group discounts)", () => {
  // The sheet's formulas are checked on the seed's row by LibreOffice (dealsEngine.test.ts); here, the rule they follow.
  test("SALES.DISCOUNT, the rule the prices follow, gives seed 004's figures: 442 000 × 9.8折 = 433 160, × 9.8折 again = 424 496.8", () => {
    expect(SEED_DEAL.area * SEED_DEAL.price).toBe(SEED_DEAL.listPrice);
    expect(discount(SEED_DEAL.listPrice, [["9.8折"]])).toBe(SEED_DEAL.oncePrice);
    expect(discount(SEED_DEAL.listPrice, [["9.8折", "9.8折"]])).toBe(SEED_DEAL.groupPrice);
    expect([SEED_DEAL.listPrice - SEED_DEAL.oncePrice, Math.round((SEED_DEAL.listPrice - SEED_DEAL.groupPrice) * 100) / 100]).toEqual([SEED_DEAL.normalSaving, SEED_DEAL.groupSaving]);
  });

  test("the deal columns of the issue, with a totals row, and 30 blank rows", () => {
    const spec = dealsOf();
    const [table] = spec.tables;
    expect(table.name).toBe("SP_G1_Deals");
    expect(table.columns.map((c) => c.header)).toEqual([
      "单位", "客户", "套数", "每套面积(㎡)", "单价", "原价", "常规折扣", "一次性折后价", "正常优惠金额", "单位合计套数", "团购折扣", "大客户折后价", "大客户优惠金额",
      "关键人物", "状态", "签约日期", "关键人物奖励", "可领取日期", "备注", "计入门槛套数", "单位首行", "首行合计",
    ]);
    expect(table.rows).toHaveLength(30);
    expect(table.showTotals).toBe(true);
    // The status drop-down lists the statuses table, whose cells the formulas compare with: editing a word keeps both in step.
    expect(column(spec, "status").validation?.rule).toEqual({ kind: "tableColumn", table: "SP_G1_Statuses", column: "状态", note: expect.any(String) });
    const statuses = spec.tables.find((t) => t.role === "statuses")!;
    expect([statuses.name, statuses.rows]).toEqual(["SP_G1_Statuses", [{ status: "意向" }, { status: "认筹" }, { status: "签约并交首期款" }]]);
  });

  test("the seed's discounts, threshold, reward and days are named settings; the status words sit in named cells", () => {
    const spec = dealsOf("en-US");
    expect(["REGULAR_DISCOUNT", "GROUP_DISCOUNT", "GROUP_THRESHOLD", "REWARD_PER_UNIT", "CLAIM_DAYS"].map((part) => valueOf(spec, `SP_G1_${part}`))).toEqual([0.98, 0.98, 9, 1000, 7]);
    // The status names are the statuses table's rows, in order.
    const statuses = spec.tables.find((t) => t.role === "statuses")!;
    const rowOf = (part: string) => spec.names.find((n) => n.name === `SP_G1_${part}`)!.target.from;
    expect(GROUP_DEAL_STATUS_NAMES.map((part) => statuses.rows[rowOf(part).row - statuses.origin.row - 1].status)).toEqual(TEMPLATE_STRINGS["en-US"].groupDeals.statuses);
    expect(GROUP_DEAL_STATUS_NAMES.map((part) => rowOf(part).col)).toEqual([statuses.origin.col, statuses.origin.col, statuses.origin.col]);
    expect(GROUP_DEAL_DEFAULTS).toEqual({ regularDiscount: 0.98, groupDiscount: 0.98, threshold: 9, reward: 1000, claimDays: 7 });
  });

  test("the prices stack the factors and round once to cents, the group factor from the unit's total against the threshold", () => {
    const spec = dealsOf();
    const h = zh.groupDeals.columns;
    const regular = `IF(${at(h.discount)}="",SP_G1_REGULAR_DISCOUNT,${at(h.discount)})`;
    expect(column(spec, "oncePrice").formula).toBe(`IF(${at(h.listPrice)}="","",ROUND(${at(h.listPrice)}*${regular},2))`);
    expect(column(spec, "groupPrice").formula).toBe(`IF(${at(h.listPrice)}="","",ROUND(${at(h.listPrice)}*${regular}*${at(h.groupFactor)},2))`);
    expect(column(spec, "groupFactor").formula).toBe(`IF(${at(h.listPrice)}="","",IF(N(${at(h.unitTotal)})>=SP_G1_GROUP_THRESHOLD,SP_G1_GROUP_DISCOUNT,1))`);
    const homes = `IF(${at(h.units)}="",1,${at(h.units)})`;
    expect(column(spec, "listPrice").formula).toBe(`IF(${at(h.price)}="","",ROUND(${homes}*IF(${at(h.area)}="",1,${at(h.area)})*${at(h.price)},2))`);
    expect(column(spec, "reward").formula).toBe(`IF(${at(h.status)}=SP_G1_STATUS_SIGNED,${homes}*SP_G1_REWARD_PER_UNIT,"")`);
    expect(column(spec, "claimDate").formula).toBe(`IF(AND(${at(h.status)}=SP_G1_STATUS_SIGNED,ISNUMBER(${at(h.signed)})),${at(h.signed)}+SP_G1_CLAIM_DAYS,"")`);
  });

  test("a unit's total is summed once, on its first row, and read by every row of the unit: no column sums the sheet per row", () => {
    const spec = dealsOf();
    const h = zh.groupDeals.columns;
    const sums = spec.tables[0].columns.filter((c) => /SUMIF|COUNTIF|SUMPRODUCT/.test(c.formula ?? ""));
    expect(sums.map((c) => c.key)).toEqual(["unitSum"]);
    expect(column(spec, "unitSum").formula).toBe(
      `IF(${at(h.unitFirst)}="","",IF(${at(h.unitFirst)}=ROW(${at(h.unit)})-ROW(INDEX(SP_G1_Deals[[单位]],1))+1,SUMIF(SP_G1_Deals[[单位]],${equalsCriterion(at(h.unit))},SP_G1_Deals[[计入门槛套数]]),""))`,
    );
    expect(column(spec, "unitFirst").formula).toBe(`IF(${at(h.unit)}="","",MATCH(${exactKey(at(h.unit))},SP_G1_Deals[[单位]],0))`);
    // Seed 004 "根据整个单位成交的合计套数": homes with a deposit or signed count, 意向 not; a blank 套数 is one home.
    expect(column(spec, "counted").formula).toBe(
      `IF(OR(${at(h.unit)}="",AND(${at(h.status)}<>SP_G1_STATUS_PLEDGE,${at(h.status)}<>SP_G1_STATUS_SIGNED)),0,IF(${at(h.units)}="",1,${at(h.units)}))`,
    );
    expect(column(spec, "unitTotal").formula).toBe(`IF(${at(h.unitFirst)}="","",INDEX(SP_G1_Deals[[首行合计]],${at(h.unitFirst)}))`);
  });

  test("the unit is a drop-down of the key-accounts list when the workbook has one", () => {
    expect(column(dealsOf(), "unit").validation).toBeUndefined();
    const spec = buildGroupDeals({}, { locale: "zh-CN", existing: { ...NO_NAMES, tables: ["SP_A1_Accounts"] } })[0];
    expect(column(spec, "unit").validation?.rule).toEqual({ kind: "tableColumn", table: "SP_A1_Accounts", column: "单位", note: expect.any(String) });
  });

  test("关键人物 is the list's key person of the unit when the workbook has a list (seed 004: one per unit), typed without one", () => {
    expect(column(dealsOf(), "keyPerson").formula).toBeUndefined();
    const spec = buildGroupDeals({}, { locale: "zh-CN", existing: { ...NO_NAMES, tables: ["SP_A1_Accounts", "SP_A2_Accounts"] } })[0];
    expect(column(spec, "keyPerson").formula).toBe(`IF(${at("单位")}="","",IFERROR(INDEX(SP_A2_COL_KEYPERSON,MATCH(${exactKey(at("单位"))},SP_A2_COL_UNIT,0))&"",""))`);
  });

  test("discounts (the column and both settings) have their own message, naming 98% / 0.98 / 9.8折, and refuse 0", () => {
    for (const locale of ["zh-CN", "en-US"] as const) {
      const spec = dealsOf(locale);
      const g = TEMPLATE_STRINGS[locale].groupDeals;
      const settings = ["REGULAR_DISCOUNT", "GROUP_DISCOUNT"].map((part) => {
        const at = spec.names.find((n) => n.name === `SP_G1_${part}`)!.target.from;
        return spec.validations.find((v) => v.range.from.row === at.row && v.range.from.col === at.col)?.validation;
      });
      for (const validation of [column(spec, "discount").validation, ...settings]) {
        expect(validation).toMatchObject({ rule: { kind: "decimal", min: 0.01, max: 1 }, errorTitle: g.discountErrorTitle, errorMessage: g.discountErrorMessage });
        expect(validation?.errorMessage).toMatch(/98%.*0\.98/);
        expect(validation?.errorMessage).toContain("9.8折");
      }
    }
  });
});
