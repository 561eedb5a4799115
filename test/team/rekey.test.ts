import fc from "fast-check";
import { lowestFreeKey, usedKeys } from "../../src/spec/naming";
import { TEMPLATES } from "../../src/templates/registry";
import { assignKeys, TakenNames } from "../../src/team/rekey";
import type { PlanInstance, PlanTemplate } from "../../src/team/plans";

const plan = (template: PlanTemplate, key: string): PlanInstance => ({ key, template, sheet: key, rep: "", period: "", issues: [], usable: [], duplicateOf: [] });

describe("assignKeys", () => {
  it("keeps a free key and gives a taken one the lowest free key, file after file", () => {
    const taken = new TakenNames(["SP_W1_TEMPLATE", "SP_W3_Items", "SP_M1_REP"]);
    expect([...assignKeys([plan("weekly", "W1"), plan("monthly", "M2")], taken)]).toEqual([["W1", "W2"]]);
    expect([...assignKeys([plan("weekly", "W1")], taken)]).toEqual([["W1", "W4"]]);
    expect([...assignKeys([plan("weekly", "W9"), plan("weekly", "W2")], taken)]).toEqual([["W2", "W5"]]);
    expect([...assignKeys([plan("monthly", "M1"), plan("monthly", "M2")], taken)]).toEqual([["M1", "M3"], ["M2", "M4"]]);
  });

  it("hands out the key the rule over every name would, however names and files come in (property)", () => {
    const step = fc.oneof(
      fc.record({ name: fc.tuple(fc.constantFrom("W", "M", "w"), fc.integer({ min: 1, max: 12 }), fc.constantFrom("_TEMPLATE", "_Items")).map(([l, n, p]) => `SP_${l}${n}${p}`) }),
      // A workbook's keys are unique: one file's plans never share one.
      fc.record({ plans: fc.uniqueArray(fc.tuple(fc.constantFrom<PlanTemplate>("weekly", "monthly"), fc.integer({ min: 1, max: 6 })), { selector: ([t, n]) => `${t}${n}`, maxLength: 4 }) }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        const names: string[] = [];
        const taken = new TakenNames();
        for (const s of steps) {
          if ("name" in s) {
            names.push(s.name);
            taken.add(s.name);
            continue;
          }
          const plans = s.plans.map(([template, n]) => plan(template, `${TEMPLATES[template].keyLetter}${n}`));
          const keys = assignKeys(plans, taken);
          for (const p of plans) {
            const expected = usedKeys(names).has(p.key) ? lowestFreeKey(TEMPLATES[p.template], usedKeys(names)) : p.key;
            expect(keys.get(p.key) ?? p.key).toBe(expected);
            names.push(`SP_${expected}_TEMPLATE`);
          }
        }
      }),
    );
  });
});
