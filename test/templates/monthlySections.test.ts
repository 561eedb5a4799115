import { serialFromYmd } from "../../src/domain/calendar";
import { LOCALES, type Locale } from "../../src/contract/locale";
import { buildTemplates } from "../../src/templates";
import { numberFormat } from "../../src/templates/formats";
import { TEMPLATES } from "../../src/templates/registry";
import { TEMPLATE_STRINGS } from "../../src/templates/strings";
import { NO_NAMES, parseRecord } from "../../src/spec/naming";
import type { SheetSpec, TableRow, TableSpec } from "../../src/spec/sheetSpec";

/**
 * The monthly plan's 重点工作, 回款计划 and VIP培养计划 (issue 16 item 2; seed 000 E.2 lists them as the monthly
 * plans a weekly key item only names by category), and the customer business review's due date where seed 001
 * (六) puts it: with each key customer, due to the supervisor on the 3rd working day of the next month — not in
 * the rep's own summary. What the totals calculate is checked by LibreOffice in monthlySectionsEngine.test.ts.
 */

const monthly = (locale: Locale, options: Record<string, unknown> = {}): SheetSpec =>
  buildTemplates([{ template: "monthly", options: { rep: "张三", year: 2026, month: 11, ...options } }], { locale, existing: NO_NAMES })[0];
const weekly = (locale: Locale): SheetSpec =>
  buildTemplates([{ template: "weekly", options: { rep: "张三", year: 2026, week: 48 } }], { locale, existing: NO_NAMES })[0];

function tableOf(spec: SheetSpec, role: string): TableSpec {
  const found = spec.tables.find((t) => t.role === role);
  if (!found) throw new Error(`no table ${role}`);
  return found;
}
const textAt = (spec: SheetSpec, row: number, col = 0) => spec.cells.find((c) => c.at.row === row && c.at.col === col)?.value;
const headers = (table: TableSpec) => table.columns.map((c) => c.header);

describe.each(LOCALES)("monthly plan sections (%s)", (locale) => {
  const s = TEMPLATE_STRINGS[locale];
  const m = s.monthly;
  const spec = monthly(locale);

  test("重点工作, 回款计划 and VIP培养计划 are headed by the very words of the weekly 类别 list", () => {
    const categories = weekly(locale).tables.find((t) => t.role === "keyItems")?.columns.find((c) => c.key === "category")?.validation?.rule;
    const words = categories?.kind === "list" ? categories.values : [];
    for (const [role, word] of [["keyWork", s.plan.categories.keyWork], ["collections", s.plan.categories.collection], ["vip", s.plan.categories.vip]] as const) {
      const table = tableOf(spec, role);
      // Heading, the hint naming the category, then the table.
      expect(textAt(spec, table.origin.row - 2)).toBe(word);
      expect(textAt(spec, table.origin.row - 1)).toBe(m.sectionHint(word));
      expect(words).toContain(word);
    }
    expect(words).toContain(s.plan.categories.placement);
  });

  test("重点工作 has the weekly key item's columns (less its 类别) and a 完成情况 drop-down", () => {
    const table = tableOf(spec, "keyWork");
    expect(table.name).toBe("SP_M1_KeyWork");
    const k = s.weekly.keyColumns;
    expect(headers(table)).toEqual([k.item, k.reason, k.goal, k.approach, k.support, k.owner, k.due, s.weekly.dailyColumns.status]);
    expect(table.columns.find((c) => c.key === "status")?.validation?.rule).toEqual({ kind: "list", values: s.weekly.dailyStates });
    expect(table.columns.find((c) => c.key === "due")?.numberFormat).toBe(numberFormat("date", locale));
  });

  test("回款计划 by customer and contract: money summed in the totals row, 达成率 = 实际 / 计划", () => {
    const table = tableOf(spec, "collections");
    expect(table.name).toBe("SP_M1_Collections");
    expect(headers(table)).toEqual(Object.values(m.collectionColumns));
    expect(table.showTotals).toBe(true);
    const totals = Object.fromEntries(table.columns.map((c) => [c.key, c.totals]));
    expect(totals).toMatchObject({
      customer: { kind: "label", text: s.common.total },
      receivable: { kind: "function", fn: "sum" },
      planned: { kind: "function", fn: "sum" },
      actual: { kind: "function", fn: "sum" },
      rate: { kind: "formula" },
    });
    for (const key of ["receivable", "planned", "actual"]) expect(table.columns.find((c) => c.key === key)?.numberFormat).toBe(numberFormat("money", locale));
    const rate = table.columns.find((c) => c.key === "rate")?.formula ?? "";
    expect(rate).toContain(`[${m.collectionColumns.actual}]]/SP_M1_Collections[[#This Row],[${m.collectionColumns.planned}]]`);
    expect(spec.conditionalFormats.filter((f) => f.target.kind === "tableColumn" && f.target.table === "SP_M1_Collections")).toHaveLength(2);
  });

  test("VIP培养计划: customer, current and target tier (drop-downs), measures, owner, due date, 完成情况", () => {
    const table = tableOf(spec, "vip");
    expect(table.name).toBe("SP_M1_Vip");
    expect(headers(table)).toEqual(Object.values(m.vipColumns));
    expect(table.columns.find((c) => c.key === "current")?.validation?.rule).toEqual({ kind: "list", values: s.common.tiers });
    expect(table.columns.find((c) => c.key === "target")?.validation?.rule).toEqual({ kind: "list", values: s.common.tiers });
  });

  test("each list gets the rows given, then the registry's blank rows (or as many as asked)", () => {
    for (const role of ["keyWork", "collections", "vip"]) expect(tableOf(spec, role).rows).toHaveLength(TEMPLATES.monthly.blankRows.initial);
    const rows: TableRow[] = [{ customer: "甲公司", contract: "HT2026001", receivable: 50_000, planned: 30_000 }];
    const filled = monthly(locale, { collections: rows, keyWork: [{ item: "新品进店" }], vip: [{ customer: "乙公司", current: "B", target: "A" }], blankRows: 2 });
    expect(tableOf(filled, "collections").rows).toEqual([...rows, {}, {}]);
    expect(tableOf(filled, "keyWork").rows).toEqual([{ item: "新品进店" }, {}, {}]);
    expect(tableOf(filled, "vip").rows).toHaveLength(3);
  });

  test("the business review is each key customer's: due date above 重点客户, a 生意回顾 state and date per customer", () => {
    const table = tableOf(spec, "keyCustomers");
    expect(textAt(spec, table.origin.row - 2)).toBe(m.customersSection);
    expect(textAt(spec, table.origin.row - 1)).toBe(m.reviewDue);
    // November 2026 → the 3rd working day of December (plain weeks): Thursday 2026-12-03.
    expect(textAt(spec, table.origin.row - 1, 1)).toBe(serialFromYmd(2026, 12, 3));
    expect(textAt(spec, table.origin.row - 1, 2)).toBe(m.reviewDueNote);
    expect(headers(table).slice(-2)).toEqual([m.customerColumns.review, m.customerColumns.reviewedOn]);
    expect(table.columns.find((c) => c.key === "review")?.validation?.rule).toEqual({ kind: "list", values: m.reviewStates });
  });

  test("the rep's own summary no longer carries the review date", () => {
    const heading = spec.cells.find((c) => c.value === m.summarySection);
    expect(heading?.style).toBe("section");
    const below = spec.cells.filter((c) => heading && c.at.row > heading.at.row);
    expect(below.map((c) => c.value)).not.toContain(m.reviewDue);
    expect(below.some((c) => c.numberFormat === numberFormat("date", locale))).toBe(false);
    expect(textAt(spec, (heading?.at.row ?? 0) + 1)).toBe(m.summary);
  });

  test("the layout changed, so the record says version 2", () => {
    const record = spec.cells.map((c) => parseRecord(c.value)).find((r) => r?.template === "monthly");
    expect(record?.version).toBe(2);
  });
});
