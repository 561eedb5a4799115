import fc from "fast-check";
import { discoverPlans, needsValue, planStatus, type NameEntry } from "../../src/team";
import { linkNames } from "../../src/team/plans";
import { buildTemplates, type TemplateRequest } from "../../src/templates";
import { NO_NAMES } from "../../src/spec/naming";
import type { SheetSpec } from "../../src/spec/sheetSpec";

/** Plan discovery from a workbook's names: the way both writers hand them over. */

const weekly = (rep: string, week = 48): TemplateRequest => ({ template: "weekly", options: { rep, year: 2026, week } });
const monthly = (rep: string): TemplateRequest => ({ template: "monthly", options: { rep, year: 2026, month: 11 } });

/** The names the specs would create, with the values a reader supplies for records, reps and periods. */
function namesOf(specs: readonly SheetSpec[]): NameEntry[] {
  return specs.flatMap((spec) =>
    spec.names.map((n) => {
      const cell = spec.cells.find((c) => c.at.row === n.target.from.row && c.at.col === n.target.from.col);
      return { name: n.name, sheet: spec.name, ...(needsValue(n.name) ? { value: cell?.value ?? null } : {}) };
    }),
  );
}

const build = (requests: readonly TemplateRequest[]) => buildTemplates(requests, { locale: "zh-CN", existing: NO_NAMES });

describe("discoverPlans", () => {
  const specs = build([weekly("张三"), weekly("李四"), monthly("王五"), { template: "customers", options: {} }]);
  const names = namesOf(specs);

  test("finds every weekly and monthly plan, with its sheet, rep and period, and nothing else", () => {
    const plans = discoverPlans(names);
    expect(plans.map((p) => [p.key, p.template, p.sheet, p.rep, p.period, planStatus(p)])).toEqual([
      ["M1", "monthly", "月计划-王五-2026-11", "王五", "2026-11", "ok"],
      ["W2", "weekly", "周计划-李四-2026W48", "李四", "2026-W48", "ok"],
      ["W1", "weekly", "周计划-张三-2026W48", "张三", "2026-W48", "ok"],
    ]);
    expect(plans[2].usable).toEqual([...linkNames("W1", "weekly"), "SP_W1_SUBMITTED", "SP_W1_ONTIME", "SP_W1_APPROVAL"]);
    expect(plans[0].usable).toEqual(linkNames("M1", "monthly"));
  });

  test("a weekly plan written before the submission block (no SUBMITTED/ONTIME/APPROVAL names) is fine, just not linked there; one whose name broke is reported", () => {
    const older = names.filter((n) => !/^SP_W1_(SUBMITTED|ONTIME|APPROVAL)$/.test(n.name));
    const w1 = discoverPlans(older).find((p) => p.key === "W1")!;
    expect(planStatus(w1)).toBe("ok");
    expect(w1.issues).toEqual([]);
    expect(w1.usable).toEqual(linkNames("W1", "weekly"));
    const broken = discoverPlans(names.map((n) => (n.name === "SP_W1_APPROVAL" ? { name: n.name } : n))).find((p) => p.key === "W1")!;
    expect(broken.issues).toEqual([{ code: "nameBroken", name: "SP_W1_APPROVAL" }]);
  });

  test("the result does not depend on the order the workbook lists its names in", () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(names, { minLength: names.length, maxLength: names.length }), (shuffled) => {
        expect(discoverPlans(shuffled)).toEqual(discoverPlans(names));
      }),
      { numRuns: 50 },
    );
  });

  test("a plan whose sheet was deleted (every name #REF!) is dropped", () => {
    const deleted = names.map((n) => (n.name.startsWith("SP_W2_") ? { name: n.name } : n));
    expect(discoverPlans(deleted).map((p) => p.key)).toEqual(["M1", "W1"]);
  });

  test("deleted or broken named cells are reasons, not skips or crashes", () => {
    const damaged = names
      .filter((n) => n.name !== "SP_W1_FORECAST")
      .map((n) => (n.name === "SP_W1_SALES_ACTUAL" ? { name: n.name } : n))
      .map((n) => (n.name === "SP_W2_EXPENSE_TOTAL" ? { ...n, sheet: "别的表" } : n));
    const plans = discoverPlans(damaged);
    const w1 = plans.find((p) => p.key === "W1")!;
    expect(planStatus(w1)).toBe("attention");
    expect(w1.issues).toEqual([
      { code: "nameBroken", name: "SP_W1_SALES_ACTUAL" },
      { code: "nameMissing", name: "SP_W1_FORECAST" },
    ]);
    expect(w1.usable).not.toContain("SP_W1_SALES_ACTUAL");
    expect(plans.find((p) => p.key === "W2")!.issues).toEqual([{ code: "nameElsewhere", name: "SP_W2_EXPENSE_TOTAL" }]);
  });

  test("a missing, broken or altered template record needs attention", () => {
    const without = discoverPlans(names.filter((n) => n.name !== "SP_W1_TEMPLATE")).find((p) => p.key === "W1")!;
    expect(without).toMatchObject({ sheet: "周计划-张三-2026W48", issues: [{ code: "recordMissing" }] });
    const broken = discoverPlans(names.map((n) => (n.name === "SP_W1_TEMPLATE" ? { name: n.name } : n))).find((p) => p.key === "W1")!;
    expect(broken.issues).toEqual([{ code: "nameBroken", name: "SP_W1_TEMPLATE" }]);
    const altered = discoverPlans(names.map((n) => (n.name === "SP_W1_TEMPLATE" ? { ...n, value: "随便写的" } : n))).find((p) => p.key === "W1")!;
    expect(altered.issues).toEqual([{ code: "recordUnreadable", detail: "随便写的" }]);
    const foreign = discoverPlans(names.map((n) => (n.name === "SP_W1_TEMPLATE" ? { ...n, value: "sales-planner:weekly:main:v1:W9" } : n))).find((p) => p.key === "W1")!;
    expect(foreign.issues).toEqual([{ code: "recordUnreadable", detail: "sales-planner:weekly:main:v1:W9" }]);
  });

  test("two plans for the same rep and period are both kept and point at each other; other periods are not duplicates", () => {
    const twice = namesOf(build([weekly("张三"), weekly("张三"), weekly("张三", 49), monthly("张三")]));
    const plans = discoverPlans(twice);
    expect(plans.map((p) => [p.key, p.duplicateOf, planStatus(p)])).toEqual([
      ["M1", [], "ok"],
      ["W1", ["W2"], "duplicate"],
      ["W2", ["W1"], "duplicate"],
      ["W3", [], "ok"],
    ]);
  });

  test("needsValue selects only template records and the reps and periods of plans", () => {
    expect(["SP_W1_TEMPLATE", "SP_T1_TEMPLATE", "SP_M3_REP", "SP_W12_PERIOD"].every(needsValue)).toBe(true);
    expect(["SP_W1_SALES_TARGET", "SP_C1_REP", "SP_W1_TEMPLATE_SETTINGS", "OTHER"].some(needsValue)).toBe(false);
  });
});
