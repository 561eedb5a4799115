import { parseArgs, type WriteCommand } from "../../src/cli/args";
import { writeRequests, writeYears } from "../../src/cli/main";
import { LOCALES } from "../../src/contract/locale";
import { planningCalendar } from "../../src/domain/chinaCalendar";
import { NO_NAMES } from "../../src/spec/naming";
import type { ValidationSpec } from "../../src/spec/sheetSpec";
import { buildTemplates } from "../../src/templates";
import { CLI_NAMES, TEMPLATE_IDS } from "../../src/templates/registry";

/**
 * A typed drop-down list is stored as one comma-separated string (`"意向,认筹,签约"`, writers/layout.ts), so a
 * value holding a comma is split into two choices and the value itself can never be chosen (the English
 * group-discount status "Signed, down payment paid" could not be, and the reward compared with it never showed).
 */
describe("typed drop-down lists of every template, in both languages", () => {
  const today = new Date(2026, 10, 22);
  const specsOf = (lang: string) => {
    const command = parseArgs(["write", ...CLI_NAMES, "--out", "x.xlsx", "--rep", "张三", "--lang", lang]) as WriteCommand;
    const { calendar } = planningCalendar({ holidays: [], makeUpDays: [] }, command.calendar === "cn", writeYears(command, today));
    return buildTemplates(writeRequests(command, calendar, today), { locale: command.lang, existing: NO_NAMES });
  };

  test.each(LOCALES.map((l) => [l]))("no value holds a comma (%s)", (lang) => {
    const specs = specsOf(lang);
    const lists = specs.flatMap((spec) => {
      const validations: ValidationSpec[] = [...spec.validations.map((v) => v.validation), ...spec.tables.flatMap((t) => t.columns.flatMap((c) => (c.validation ? [c.validation] : [])))];
      return validations.flatMap((v) => (v.rule.kind === "list" ? [[spec.name, v.rule.values] as const] : []));
    });
    // Every template was built and its lists reached: the test reads real drop-downs.
    const built = new Set<string>(specs.map((s) => s.record.template));
    expect(TEMPLATE_IDS.filter((id) => !built.has(id))).toEqual([]);
    expect(lists.length).toBeGreaterThan(10);
    expect(lists.filter(([, values]) => values.some((v) => v.includes(",")))).toEqual([]);
  });
});
