import { parseArgs, WRITE_OPTION_READERS, type WriteCommand } from "../../src/cli/args";
import { writeRequests, writeYears } from "../../src/cli/main";
import { planningCalendar } from "../../src/domain/chinaCalendar";
import { parseRecord, templateRecord } from "../../src/spec/naming";
import type { SheetRole } from "../../src/spec/sheetSpec";
import { initialValues } from "../../src/taskpane/templateForms/initialValues";
import { validateForm } from "../../src/taskpane/templateForms/validate";
import { buildTemplates, type TemplateRequest } from "../../src/templates";
import { NO_NAMES } from "../../src/spec/naming";
import { readRecord, RECORD_TEMPLATES, TEMPLATE_IDS, TEMPLATES, type RecordTemplateId } from "../../src/templates/registry";

const ROLES: readonly SheetRole[] = ["main", "settings", "summary", "stats", "list"];
const RECORD_IDS = Object.keys(RECORD_TEMPLATES) as RecordTemplateId[];

describe("template records", () => {
  test("every registered template's records read back, whatever its role, key and version", () => {
    for (const id of RECORD_IDS) {
      for (const role of ROLES) {
        const key = `${RECORD_TEMPLATES[id].keyLetter}12`;
        const record = templateRecord(RECORD_TEMPLATES[id], role, key, { row: 1, col: 0 });
        expect(readRecord(record.value)).toEqual({ template: id, role, version: RECORD_TEMPLATES[id].version, key });
      }
    }
  });

  test("the record grammar reads any id; only the registry's ids are templates", () => {
    // A template added to the registry is read without touching the spec (the old hand-written
    // id list in the record pattern returned undefined for it).
    const added = templateRecord({ id: "visitLog", keyLetter: "V", version: 2 }, "main", "V1", { row: 1, col: 0 });
    expect(parseRecord(added.value)).toEqual({ template: "visitLog", role: "main", version: 2, key: "V1" });
    expect(readRecord(added.value)).toBeUndefined();
    for (const bad of ["sales-planner:constructor:main:v1:W1", "sales-planner:weekly:main:v1:w1", "sales-planner:weekly:cover:v1:W1", "sales-planner:weekly:main:1:W1", 42, undefined]) {
      expect(readRecord(bad)).toBeUndefined();
    }
  });

  test("key letters are one capital letter each, never shared: two templates with one letter would take each other's keys", () => {
    const letters = RECORD_IDS.map((id) => RECORD_TEMPLATES[id].keyLetter);
    for (const letter of letters) expect(letter).toMatch(/^[A-Z]$/);
    expect(new Set(letters).size).toBe(letters.length);
  });

  test("what templates read (`reads`) forms no cycle and names only templates: every request has a build order", () => {
    const readsOf = (id: string): readonly string[] => {
      const entry = TEMPLATES[id as keyof typeof TEMPLATES];
      return "reads" in entry ? entry.reads : [];
    };
    const reachable = (from: string, seen: Set<string> = new Set()): Set<string> => {
      for (const next of readsOf(from)) if (!seen.has(next)) reachable(next, seen.add(next));
      return seen;
    };
    for (const id of TEMPLATE_IDS) {
      expect(readsOf(id).every((read) => TEMPLATE_IDS.includes(read as never))).toBe(true);
      expect(reachable(id).has(id)).toBe(false);
    }
  });

  test("command-line words are distinct and safe to type", () => {
    const words = TEMPLATE_IDS.map((id) => TEMPLATES[id].cliName);
    for (const word of words) expect(word).toMatch(/^[a-z][a-z-]*$/);
    expect(new Set(words).size).toBe(words.length);
  });
});

describe("one default for every front door", () => {
  // Both with their default calendar: China's built-in days of the years the plan counts in.
  const remembered = { rep: "张三", team: "", holidays: "", chinaCalendar: true, workWeek: "fiveDay" as const, longWeek: "" };
  const paneRequest = (template: (typeof TEMPLATE_IDS)[number], today: Date): TemplateRequest => {
    const result = validateForm(template, initialValues(template, today, remembered, "zh-CN"));
    if (!result.ok) throw new Error(`the pane's defaults for ${template} are not valid: ${JSON.stringify(result.problems)}`);
    return result.request;
  };
  const cliRequest = (template: (typeof TEMPLATE_IDS)[number], today: Date): TemplateRequest => {
    const rep = WRITE_OPTION_READERS["--rep"]?.includes(template) ? ["--rep", "张三"] : [];
    const command = parseArgs(["write", TEMPLATES[template].cliName, "--out", "x.xlsx", ...rep]) as WriteCommand;
    expect(command.kind).toBe("write");
    return writeRequests(command, planningCalendar({ holidays: [], makeUpDays: [] }, command.calendar === "cn", writeYears(command, today)).calendar, today)[0];
  };

  // A Sunday (next week is in the same month), and New Year's Eve (next week and month in the next year).
  // …and a day whose next month, October 2026, holds 国庆: both must plan with it.
  // The annual plan's untouched form asks for last year's months (nothing to plan by without them), so only its year is compared.
  const FIGURES_NEEDED = new Set<(typeof TEMPLATE_IDS)[number]>(["annual"]);
  test.each([new Date(2026, 10, 22), new Date(2026, 11, 31), new Date(2026, 8, 20)])("the pane's untouched form and a bare `write` ask for the same request (%s)", (today) => {
    for (const template of TEMPLATE_IDS.filter((t) => !FIGURES_NEEDED.has(t))) expect(cliRequest(template, today)).toEqual(paneRequest(template, today));
    const annual = cliRequest("annual", today).options as { year: number };
    expect(String(annual.year)).toBe(initialValues("annual", today, remembered, "zh-CN").year);
  });

  test("a builder given no blank rows leaves the registry's number of them", () => {
    for (const template of TEMPLATE_IDS.filter((t) => !FIGURES_NEEDED.has(t))) {
      const request = paneRequest(template, new Date(2026, 10, 22));
      // The diary leaves none (its rows are the month's working days): no option to give.
      if (TEMPLATES[template].blankRows.max === 0) {
        expect(request.options).not.toHaveProperty("blankRows");
        continue;
      }
      expect(request.options).toHaveProperty("blankRows", TEMPLATES[template].blankRows.initial);
      const withoutBlankRows = { ...request.options, blankRows: undefined };
      const built = (options: object) => buildTemplates([{ template, options } as TemplateRequest], { locale: "zh-CN", existing: NO_NAMES });
      expect(built(withoutBlankRows)).toEqual(built(request.options));
      // …and the option does something: one row fewer is a different sheet.
      expect(built({ ...withoutBlankRows, blankRows: TEMPLATES[template].blankRows.initial - 1 })).not.toEqual(built(request.options));
    }
  });
});
