import { LOCALES } from "../../src/contract/locale";
import { NO_NAMES } from "../../src/spec/naming";
import { buildTemplates } from "../../src/templates";
import { templateStrings } from "../../src/templates/strings";

/** The weekly key items' 完成情况 (issue 16 item 1): what the next week's plan carries by, and the overdue mark it relies on. */

describe.each(LOCALES)("weekly key items (%s)", (locale) => {
  const s = templateStrings(locale).weekly;
  const [plan] = buildTemplates([{ template: "weekly", options: { rep: "张三", year: 2026, week: 48 } }], { locale, existing: NO_NAMES });
  const table = plan.tables.find((t) => t.name === "SP_W1_KeyItems")!;

  test("the last column is 完成情况, a drop-down of the daily plan's states", () => {
    const status = table.columns[table.columns.length - 1];
    expect(status.header).toBe(s.keyColumns.status);
    expect(status.validation?.rule).toEqual({ kind: "list", values: s.dailyStates });
  });

  test("a 截止日期 past today is red unless its item is done or cancelled", () => {
    const formats = plan.conditionalFormats.filter((f) => f.target.kind === "tableColumn" && f.target.table === table.name && f.target.column === s.keyColumns.due);
    expect(formats).toHaveLength(1);
    const rule = formats[0].rule;
    if (rule.kind !== "expression") throw new Error("expected an expression rule");
    const [due, status] = [table.columns.findIndex((c) => c.key === "due"), table.columns.findIndex((c) => c.key === "status")].map((i) => String.fromCharCode(65 + table.origin.col + i));
    const first = table.origin.row + 2;
    expect(rule.formula).toBe(`AND(ISNUMBER($${due}${first}),$${due}${first}<TODAY(),$${status}${first}<>"${s.dailyStates[2]}",$${status}${first}<>"${s.dailyStates[3]}")`);
  });
});
