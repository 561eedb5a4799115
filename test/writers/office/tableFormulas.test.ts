import type { Locale } from "../../../src/contract/locale";
import { discoverPlans } from "../../../src/team";
import { buildBreakdownSpecs, buildSummarySheet } from "../../../src/templates/team";
import { a1 } from "../../../src/spec/a1";
import type { SheetSpec } from "../../../src/spec/sheetSpec";
import { bodyContent, tableLayout } from "../../../src/writers/layout";
import { writeSheets, type BuildSheets } from "../../../src/writers/office/officeWriter";
import { readPlans, rollUpTeam } from "../../../src/writers/office/team";
import { FakeExcel } from "../../fakes/teamFake";
import { TEMPLATE_NAMES, templateBuild } from "./templates";

/**
 * Excel's default AutoCorrect turns a table column whose rows get different formulas, or formulas
 * beside blanks, into a calculated column with ONE of them in every row (OfficeDev/office-js#5909,
 * #2093, #1916, #6745; the fake does the same). So every table the add-in writes must hold, in
 * every data cell, exactly what its spec says after the write — for each template, the breakdown
 * with its plans and products, and the team summary, in both languages.
 */

/** Every data cell of every table of `spec` whose content in the fake differs from the spec. */
function changedCells(fake: FakeExcel, spec: SheetSpec): string[] {
  const sheet = fake.sheet(spec.name);
  return spec.tables.flatMap((table) => {
    const { body } = tableLayout(table);
    return table.rows.flatMap((row, r) =>
      table.columns.flatMap((column, c) => {
        const at = a1({ row: body.from.row + r, col: body.from.col + c });
        const expected = bodyContent(column, row);
        const formula = sheet.formula(at);
        const value = sheet.value(at);
        const same = "formula" in expected ? formula === `=${expected.formula}` : formula === undefined && (value ?? null) === (expected.value === "" ? null : expected.value);
        return same ? [] : [`${spec.name}!${at} (${table.name}[${column.header}]): ${formula ?? String(value)}`];
      }),
    );
  });
}

describe.each<Locale>(["zh-CN", "en-US"])("every table the add-in writes keeps one formula per column (%s)", (locale) => {
  test("templates, breakdown with plans and products, and the team summary hold exactly what their specs say", async () => {
    const fake = new FakeExcel();
    const written: SheetSpec[] = [];
    const write = (build: BuildSheets) =>
      fake.run((context) => writeSheets(context, (existing) => {
        const specs = build(existing);
        written.push(...specs);
        return specs;
      }));
    for (const name of TEMPLATE_NAMES) await write(templateBuild(name, 6, locale));
    await write((existing) =>
      buildBreakdownSpecs(
        { target: 300_000, period: { kind: "month", year: 2026, month: 11 }, reps: [{ rep: "张三", weight: 2 }, { rep: "李四", weight: 1 }], productRatios: [2, 3, 1] },
        { template: "weekly", year: 2026, week: 46 },
        { locale, existing },
      ),
    );
    await write((existing) =>
      buildBreakdownSpecs(
        { target: 300_000, period: { kind: "month", year: 2026, month: 12 }, reps: [{ rep: "王五", weight: 1 }] },
        { template: "monthly" },
        { locale, existing },
      ),
    );
    await fake.run((context) => rollUpTeam(context, locale));
    const snapshot = await fake.run((context) => readPlans(context));
    expect(snapshot.summary).toBeDefined();
    const summary = buildSummarySheet(discoverPlans(snapshot.names), snapshot.summary!.placement, locale);
    // Both blocks hold plans: the weekly and the monthly tables are checked too.
    expect(summary.tables.map((t) => t.rows.filter((row) => row.key !== undefined).length)).toEqual([3, 2, 0]);

    expect(written.length).toBeGreaterThan(8);
    expect([...written, summary].flatMap((spec) => changedCells(fake, spec))).toEqual([]);
  });
});
