import { alternateWeek, makeWorkCalendar, serialFromYmd, PLAIN_WEEKS, type WorkCalendar } from "../../src/domain/calendar";
import { LOCALES } from "../../src/contract/locale";
import { annualPlanSheets, blankAnnualOptions, type AnnualPlanOptions } from "../../src/templates/annualPlan";
import { buildTemplates } from "../../src/templates";
import { templateStrings } from "../../src/templates/strings";
import { NO_NAMES, withSpecs } from "../../src/spec/naming";
import type { ExistingNames, SheetSpec, TableSpec } from "../../src/spec/sheetSpec";
import type { AnnualPlan } from "../../src/team/annualPlan";
import { sampleAnnualOptions } from "../fixtures/plans";

/**
 * The 年度销售计划 sheet's layout, names and formulas, from plans written out by hand (the values are the
 * domain's business, checked in LibreOffice by annualEngine.test.ts): what is typed, what is a formula,
 * what the grids hold, and what later features find by name.
 */

const months12 = <T = number>(f: (i: number) => T): T[] => Array.from({ length: 12 }, (_, i) => f(i));
const quarters = (xs: readonly number[]): number[] => [0, 1, 2, 3].map((q) => xs[3 * q] + xs[3 * q + 1] + xs[3 * q + 2]);

/** A plan of 12 000 over 12 months of 1 000: two reps (600 and 400 a month) and products 2:3:1. */
function plan(over: Partial<AnnualPlan> = {}): AnnualPlan {
  const months = months12(() => 1000);
  const lastYear = months12(() => 800);
  return {
    year: 2026,
    lastYear,
    lastYearTotal: 9600,
    growth: 0.25,
    target: 12000,
    targetTyped: false,
    split: "lastYear",
    months,
    quarters: quarters(months),
    lastYearQuarters: quarters(lastYear),
    yoy: months12(() => 0.25),
    breakdown: {
      period: { kind: "year", year: 2026 },
      target: 12000,
      reps: [
        { rep: "张三", weight: 3, share: 0.6, target: 7200, held: false, start: 1, months: months12(() => 600) },
        { rep: "李四", weight: 2, share: 0.4, target: 4800, held: false, start: 1, months: months12(() => 400) },
      ],
      weeks: [],
      months,
      unit: 1,
    },
    products: { ratios: [2, 3, 1], targets: [4000, 6000, 2000], months: [months12(() => 333), months12(() => 500), months12(() => 167)] },
    unit: 1,
    ...over,
  };
}

const options = (over: Partial<AnnualPlanOptions> = {}): AnnualPlanOptions => ({ year: 2026, lastYear: months12(() => 800), reps: [], ...over });
const build = (p: AnnualPlan = plan(), o: AnnualPlanOptions = options(), existing: ExistingNames = NO_NAMES, locale: (typeof LOCALES)[number] = "zh-CN"): SheetSpec[] =>
  annualPlanSheets(p, o, { locale, existing });
const table = (spec: SheetSpec, role: string): TableSpec => {
  const found = spec.tables.find((t) => t.role === role);
  if (!found) throw new Error(`no ${role}`);
  return found;
};
const column = (t: TableSpec, key: string) => t.columns.find((c) => c.key === key)!;
const valuesOf = (t: TableSpec, key: string) => t.rows.map((r) => r[key] ?? null);

test("names for later features: the year's target, growth, months, grids and expense ratio", () => {
  const [spec] = build();
  expect(spec.record.value).toBe("sales-planner:annual:main:v1:Y1");
  expect(spec.names.map((n) => n.name)).toEqual(
    expect.arrayContaining(["SP_Y1_TEMPLATE", "SP_Y1_YEAR", "SP_Y1_GROWTH", "SP_Y1_SPLIT", "SP_Y1_UNIT", "SP_Y1_LAST_YEAR_TOTAL", "SP_Y1_TARGET_TYPED", "SP_Y1_TARGET", "SP_Y1_EXPENSE_TOTAL", "SP_Y1_EXPENSE_RATIO", "SP_Y1_EXPENSE_CAP"]),
  );
  expect(spec.tables.map((t) => t.name)).toEqual(["SP_Y1_Months", "SP_Y1_Quarters", "SP_Y1_Reps", "SP_Y1_Products", "SP_Y1_Expenses", "SP_Y1_Staffing", "SP_Y1_Training"]);
  // The contract's months table runs from 月份 to 月目标.
  const headers = table(spec, "months").columns.map((c) => c.header);
  expect(headers.slice(0, headers.indexOf("月目标") + 1)[0]).toBe("月份");
});

test("the annual target is the typed one, else last year × (1 + growth) rounded to the unit, as the domain's annualTarget", () => {
  const [spec] = build();
  const target = spec.cells.find((c) => c.at.row === spec.names.find((n) => n.name === "SP_Y1_TARGET")!.target.from.row && c.formula?.includes("ROUND"));
  expect(target?.formula).toBe('IF(SP_Y1_TARGET_TYPED<>"",SP_Y1_TARGET_TYPED,ROUND(SP_Y1_LAST_YEAR_TOTAL*(1+SP_Y1_GROWTH)/SP_Y1_UNIT,0)*SP_Y1_UNIT)');
  const typed = (s: SheetSpec) => s.cells.find((c) => c.at.row === s.names.find((n) => n.name === "SP_Y1_TARGET_TYPED")!.target.from.row && c.style === "input")?.value;
  expect(typed(spec)).toBeNull();
  expect(typed(build(plan({ target: 15000, targetTyped: true }))[0])).toBe(15000);
});

test("months: last year and the fixed months typed, the month targets a native formula spreading the rest by the split", () => {
  const [spec] = build(plan(), options({ monthHolds: [null, "", "1,100"] }));
  const months = table(spec, "months");
  expect(valuesOf(months, "month")).toEqual(months12((i) => i + 1));
  expect(valuesOf(months, "lastYear")).toEqual(months12(() => 800));
  // A month left blank stays a blank cell to type in, not a 0 the plan read it as.
  const [blank] = build(plan(), options({ lastYear: months12((i) => (i === 0 ? "" : 800)) }));
  expect(valuesOf(table(blank, "months"), "lastYear")).toEqual(months12((i) => (i === 0 ? null : 800)));
  expect(valuesOf(months, "hold")).toEqual(months12((i) => (i === 2 ? 1100 : null)));
  expect(valuesOf(months, "target")).toEqual(months12(() => null));
  const target = column(months, "target").formula!;
  expect(target).toMatch(/^IF\(SP_Y1_Months\[\[#This Row\],\[固定目标\]\]<>"",SP_Y1_Months\[\[#This Row\],\[固定目标\]\],IF\(SUM\(SP_Y1_Months\[\[拆分权重\]\]\)=0,"",SP_Y1_UNIT\*/);
  expect(target).toContain("((SP_Y1_TARGET-SUM(SP_Y1_Months[[固定目标]]))/SP_Y1_UNIT)");
  expect(column(months, "weight").formula).toBe(
    'IF(SP_Y1_Months[[#This Row],[固定目标]]<>"",0,IF(SP_Y1_SPLIT="按工作日",SP_Y1_Months[[#This Row],[工作日]],SP_Y1_Months[[#This Row],[上年实际]]))',
  );
  expect(column(months, "yoy").formula).toBe('IF(OR(SP_Y1_Months[[#This Row],[上年实际]]=0,SP_Y1_Months[[#This Row],[月目标]]=""),"",SP_Y1_Months[[#This Row],[月目标]]/SP_Y1_Months[[#This Row],[上年实际]]-1)');
});

test("the front doors' blank plan: last year's cells empty to type in, split by working days, no rep grid", () => {
  const [spec] = buildTemplates([{ template: "annual", options: blankAnnualOptions(2027) }], { locale: "zh-CN", existing: NO_NAMES });
  expect(valuesOf(table(spec, "months"), "lastYear")).toEqual(months12(() => null));
  const at = spec.names.find((n) => n.name === "SP_Y1_SPLIT")!.target.from;
  expect(spec.cells.find((c) => c.at.row === at.row && c.at.col === at.col)?.value).toBe("按工作日");
  expect(spec.tables.map((t) => t.role)).not.toContain("reps");
  expect(spec.name).toBe("年度计划-2027");
});

test("the split is a drop-down of both ways, in the sheet's language", () => {
  for (const locale of LOCALES) {
    const [spec] = build(plan({ split: "workdays" }), options(), NO_NAMES, locale);
    const at = spec.names.find((n) => n.name === "SP_Y1_SPLIT")!.target.from;
    const splits = templateStrings(locale).annual.splits;
    expect(spec.cells.find((c) => c.at.row === at.row && c.at.col === at.col)?.value).toBe(splits[1]);
    expect(spec.validations.find((v) => v.range.from.row === at.row && v.range.from.col === at.col)?.validation.rule).toEqual({ kind: "list", values: splits });
  }
});

test("working days read the year's 节假日 table; under 大小周 with the long Saturdays counted apart", () => {
  const calendar: WorkCalendar = makeWorkCalendar([serialFromYmd(2026, 10, 1)], [serialFromYmd(2026, 10, 10)]);
  const specs = build(plan(), options({ calendar }));
  expect(specs.map((s) => s.record.template)).toEqual(["annual", "holidays"]);
  const plain = column(table(specs[0], "months"), "workdays").formula!;
  expect(plain).toContain("SP_H2026_Days[[放假日]]");
  expect(plain.match(/NETWORKDAYS\(/g)).toHaveLength(1);
  // The make-up days on the month's five Saturdays and five Sundays, each asked apart.
  expect(plain.match(/COUNTIFS\(/g)).toHaveLength(10);
  const alternate = column(table(build(plan(), options({ calendar: { ...calendar, week: alternateWeek(serialFromYmd(2026, 10, 10)) } }))[0], "months"), "workdays").formula!;
  // Its weekdays, then each Saturday off or made up by its fortnight and each Sunday made up: within Excel's 8 192 characters.
  expect(alternate.match(/COUNTIFS\(/g)).toHaveLength(5 * 2 + 5);
  expect(alternate.length).toBeLessThan(8192);
  const plainAlternate = column(table(build(plan(), options({ calendar: { ...PLAIN_WEEKS, week: alternateWeek(serialFromYmd(2026, 10, 10)) } }))[0], "months"), "workdays").formula!;
  expect(plainAlternate).not.toContain("SP_H2026_Days");
  expect(build(plan(), options({ calendar: PLAIN_WEEKS }))).toHaveLength(1);
});

test("quarters sum the months table's quarter rows", () => {
  const [spec] = build();
  const q = table(spec, "quarters");
  expect(valuesOf(q, "quarter")).toEqual(["一季度", "二季度", "三季度", "四季度"]);
  expect(column(q, "target").formula).toBe("SUMIF(SP_Y1_Months[[季度]],SP_Y1_Quarters[[#This Row],[季度]],SP_Y1_Months[[月目标]])");
});

describe("the grids", () => {
  test("a fixed rep is marked in a 固定目标 column, shown only when some rep is fixed", () => {
    const [spec] = buildTemplates([{ template: "annual", options: sampleAnnualOptions("张三") }], { locale: "zh-CN", existing: NO_NAMES });
    const reps = table(spec, "reps");
    expect(column(reps, "held").header).toBe("固定目标");
    expect(valuesOf(reps, "held")).toEqual([null, "是", null]);
    const [plain] = buildTemplates([{ template: "annual", options: { ...sampleAnnualOptions("张三"), reps: [{ rep: "张三", weight: 1 }] } }], { locale: "zh-CN", existing: NO_NAMES });
    expect(table(plain, "reps").columns.some((c) => c.key === "held")).toBe(false);
  });

  const [spec] = build();
  const reps = table(spec, "reps");
  const products = table(spec, "products");
  const checkRowOf = (t: TableSpec) => spec.cells.filter((c) => c.at.row === t.origin.row + t.rows.length + 2);

  test("hold the plan's values: each rep's and each class's year and months", () => {
    expect(valuesOf(reps, "rep")).toEqual(["张三", "李四"]);
    expect(valuesOf(reps, "target")).toEqual([7200, 4800]);
    expect(months12((i) => reps.rows[0][`m${i + 1}`] as number)).toEqual(months12(() => 600));
    expect(valuesOf(products, "target")).toEqual([4000, 6000, 2000]);
    expect(months12((i) => products.rows[2][`m${i + 1}`] as number)).toEqual(months12(() => 167));
    expect(column(reps, "total").formula).toBe(`SUM(${months12((i) => `SP_Y1_Reps[[#This Row],[${i + 1}月]]`).join(",")})`);
  });

  test("a check row under each: every month's total less the month's target, the year's less the annual target, red unless 0", () => {
    for (const t of [reps, products]) {
      const check = checkRowOf(t);
      expect(check[0].value).toBe("与月目标差");
      const formulas = check.slice(1).map((c) => c.formula);
      expect(formulas[0]).toBe(`SUM(${t.name}[[年度目标]])-SP_Y1_TARGET`);
      expect(formulas[1]).toBe(`SUM(${t.name}[[1月]])-N(INDEX(SP_Y1_Months[[月目标]],1))`);
      expect(formulas[12]).toBe(`SUM(${t.name}[[12月]])-N(INDEX(SP_Y1_Months[[月目标]],12))`);
      expect(formulas[13]).toBe(`SUM(${t.name}[[合计]])-SP_Y1_TARGET`);
      const red = spec.conditionalFormats.find((f) => f.target.kind === "range" && f.target.range.from.row === check[1].at.row);
      expect(red?.rule).toEqual({ kind: "cellIs", operator: "notEqual", formulas: ["0"] });
      expect(red?.target).toEqual({ kind: "range", range: { from: check[1].at, to: check[14].at } });
    }
  });

  test("no rep grid without reps", () => {
    const [alone] = build(plan({ breakdown: undefined }));
    expect(alone.tables.map((t) => t.role)).not.toContain("reps");
    expect(alone.tables.map((t) => t.role)).toContain("products");
  });
});

test("expenses: the seed's seven items, 费用占比 against the 2 % cap, red when over", () => {
  const [spec] = build();
  const e = table(spec, "expenses");
  expect(valuesOf(e, "item")).toEqual(["工资", "差旅", "管理", "培训", "招待", "广告物料", "其他"]);
  const named = (name: string) => spec.names.find((n) => n.name === name)!.target.from;
  const cell = (name: string) => spec.cells.find((c) => c.at.row === named(name).row && c.at.col === named(name).col)!;
  expect(cell("SP_Y1_EXPENSE_RATIO").formula).toBe('IF(OR(SP_Y1_TARGET="",SP_Y1_TARGET=0),"",SUM(SP_Y1_Expenses[[预算]])/SP_Y1_TARGET)');
  expect(cell("SP_Y1_EXPENSE_CAP").value).toBe(0.02);
  const [given] = build(plan(), options({ expenses: [{ item: "工资", budget: 5000 }], expenseCap: 0.05 }));
  expect(valuesOf(table(given, "expenses"), "budget")).toEqual([5000]);
  expect(given.cells.find((c) => c.value === 0.05)).toBeDefined();
  expect(spec.conditionalFormats.filter((f) => f.rule.kind === "expression" && f.rule.formula.includes(">"))).not.toHaveLength(0);
});

test("SWOT, 营销思路: merged wrapped blocks; staffing and training tables with seed 000's two 2-day sessions", () => {
  const [spec] = build();
  expect(spec.cells.filter((c) => c.style === "block")).toHaveLength(5);
  for (const block of spec.cells.filter((c) => c.style === "block")) expect(spec.merges.some((m) => m.from.row === block.at.row && m.from.col === block.at.col && m.to.row > m.from.row)).toBe(true);
  expect(valuesOf(table(spec, "training"), "days")).toEqual([2, 2]);
  expect(valuesOf(table(spec, "training"), "kind")).toEqual(["内训", "内训"]);
  expect(table(spec, "staffing").columns.map((c) => c.header)).toEqual(["岗位", "现有", "计划", "到岗月份"]);
});

test("a second plan in the workbook takes the next key and a free sheet name", () => {
  const first = build();
  const [second] = build(plan(), options(), withSpecs(NO_NAMES, first));
  expect(second.record.key).toBe("Y2");
  expect(second.name).not.toBe(first[0].name);
  expect(second.tables.every((t) => t.name.startsWith("SP_Y2_"))).toBe(true);
});

test("both languages lay the sheet out alike", () => {
  const [zh] = build(plan(), options(), NO_NAMES, "zh-CN");
  const [en] = build(plan(), options(), NO_NAMES, "en-US");
  const shape = (s: SheetSpec) => ({ cells: s.cells.map((c) => c.at), tables: s.tables.map((t) => [t.name, t.origin, t.columns.length, t.rows.length]), names: s.names.map((n) => [n.name, n.target]), merges: s.merges });
  expect(shape(en)).toEqual(shape(zh));
  expect(en.name).toBe("Annual plan-2026");
  expect(zh.name).toBe("年度计划-2026");
});
