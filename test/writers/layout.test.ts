/**
 * One rule, one place: the layout rules in `src/writers/layout.ts` as both writers apply them.
 * Each edge case is checked on the rule itself and on what the Office writer (into the fake Excel)
 * and the xlsx writer (read back from the package XML) actually leave in the workbook.
 */
import JSZip from "jszip";
import { a1 } from "../../src/spec/a1";
import { columnFactory, validations } from "../../src/templates/columns";
import { NO_NAMES } from "../../src/spec/naming";
import type { CellValidationSpec, RangeRef, SheetSpec, ValidationRule } from "../../src/spec/sheetSpec";
import { validationCriteria, type ValidationCriteria } from "../../src/writers/layout";
import { writeSheets } from "../../src/writers/office/officeWriter";
import { writeXlsx } from "../../src/writers/xlsx";
import { unescapeXml } from "../../src/writers/ooxml";
import { FakeExcel } from "../fakes/fakeExcel";
import { TEMPLATE_NAMES, templateBuild } from "./office/templates";

/** Range of a validation as Excel shows it: `B3` for one cell, `B3:B9` for more. */
const address = (range: RangeRef): string =>
  range.from.row === range.to.row && range.from.col === range.to.col ? a1(range.from) : `${a1(range.from)}:${a1(range.to)}`;

const OFFICE_OPERATOR: Record<string, ValidationCriteria["operator"]> = {
  Between: "between",
  GreaterThanOrEqualTo: "greaterThanOrEqual",
  LessThanOrEqualTo: "lessThanOrEqual",
};
const OFFICE_TYPE: Record<string, ValidationCriteria["type"]> = { date: "date", decimal: "decimal", wholeNumber: "whole" };

type Basic = { formula1: string; formula2?: string; operator: string };

/** An Office `DataValidationRule` as criteria (a list's values are quoted, as the file format has them; a formula source loses its "="). */
function officeCriteria(rule: unknown): ValidationCriteria {
  const [[kind, body]] = Object.entries(rule as Record<string, unknown>);
  if (kind === "list") {
    const { source } = body as { source: string };
    return { type: "list", operator: "between", formulae: [source.startsWith("=") ? source.slice(1) : `"${source}"`] };
  }
  const basic = body as Basic;
  return {
    type: OFFICE_TYPE[kind],
    operator: OFFICE_OPERATOR[basic.operator],
    // The Office writer passes bounds as formulas ("=61"); the file format stores them without "=".
    formulae: [basic.formula1, ...(basic.formula2 !== undefined ? [basic.formula2] : [])].map((f) => f.replace(/^=/, "")),
  };
}

/** Each validated range of the first sheet the Office writer wrote, by address. */
async function officeValidations(specs: readonly SheetSpec[]): Promise<Map<string, ValidationCriteria>> {
  const fake = new FakeExcel();
  await fake.run((context) => writeSheets(context, () => specs));
  return new Map(fake.sheet(specs[0].name).validations.map((v) => [address(v.range), officeCriteria(v.rule)]));
}

const attr = (attributes: string, name: string): string | undefined => new RegExp(`\\b${name}="([^"]*)"`).exec(attributes)?.[1];

/** The first worksheet part of an .xlsx package and its number format per cell style index. */
async function firstSheet(data: Uint8Array): Promise<{ xml: string; formatOf: (style: number) => string }> {
  const zip = await JSZip.loadAsync(data);
  const xml = (await zip.file("xl/worksheets/sheet1.xml")?.async("string")) ?? "";
  const styles = (await zip.file("xl/styles.xml")?.async("string")) ?? "";
  const custom = new Map([...styles.matchAll(/<numFmt\b([^>]*)\/>/g)].map((m) => [Number(attr(m[1], "numFmtId")), unescapeXml(attr(m[1], "formatCode") ?? "")]));
  const builtIn = new Map([[0, "General"], [49, "@"]]);
  const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? "";
  const xfs = [...cellXfs.matchAll(/<xf\b([^>]*?)\/?>/g)].map((m) => Number(attr(m[1], "numFmtId") ?? 0));
  const formatOf = (style: number): string => {
    const id = xfs[style] ?? 0;
    return custom.get(id) ?? builtIn.get(id) ?? `#${id}`;
  };
  return { xml, formatOf };
}

/** Each validated range of the first sheet of the package, by address (`sqref`). */
async function xlsxValidations(data: Uint8Array): Promise<Map<string, ValidationCriteria>> {
  const { xml } = await firstSheet(data);
  const found = new Map<string, ValidationCriteria>();
  for (const m of xml.matchAll(/<dataValidation\b([^>]*)>([\s\S]*?)<\/dataValidation>/g)) {
    const formulae = [...m[2].matchAll(/<formula\d>([\s\S]*?)<\/formula\d>/g)].map((f) => unescapeXml(f[1]));
    const criteria = {
      type: attr(m[1], "type") as ValidationCriteria["type"],
      operator: (attr(m[1], "operator") ?? "between") as ValidationCriteria["operator"],
      formulae,
    };
    for (const ref of (attr(m[1], "sqref") ?? "").split(" ")) {
      const [from, to = from] = ref.split(":");
      found.set(from === to ? from : ref, criteria);
    }
  }
  return found;
}

/** The contract register (it has date columns and a calculated text column) plus loose cells with open rules. */
function specsWith(rules: readonly ValidationRule[]): SheetSpec[] {
  const [main, ...rest] = templateBuild("contracts", 5)(NO_NAMES);
  const base = validations("zh-CN").date();
  const extra: CellValidationSpec[] = rules.map((rule, i) => ({
    range: { from: { row: i, col: 40 }, to: { row: i, col: 40 } },
    validation: { ...base, rule },
  }));
  // The drop-down's name, as `SheetDraft.finish` declares it for a rule built into the sheet.
  const lists = rules.flatMap((rule) => (rule.kind === "tableColumn" ? [{ name: "SP_K1_LIST_1", table: rule.table, column: rule.column, comment: rule.note }] : []));
  return [{ ...main, validations: [...main.validations, ...extra], columnNames: [...(main.columnNames ?? []), ...lists] }, ...rest];
}

/** A sheet for the rules that need none. */
const SHEET = specsWith([])[0];

describe("validation rules without bounds", () => {
  test("a date rule accepts any date on or after 1900-03-01 (serial 61), never Excel's fake 1900-02-29", () => {
    expect(validationCriteria({ kind: "date" }, SHEET)).toEqual({ type: "date", operator: "greaterThanOrEqual", formulae: ["61"] });
  });

  test.each(["decimal", "whole"] as const)("a %s rule without bounds compares with its type's lowest value, never an empty formula", (kind) => {
    const criteria = validationCriteria({ kind }, SHEET);
    expect(criteria.type).toBe(kind);
    expect(criteria.operator).toBe("greaterThanOrEqual");
    expect(criteria.formulae).toHaveLength(1);
    expect(Number.isFinite(Number(criteria.formulae[0]))).toBe(true);
    expect(Number(criteria.formulae[0])).toBeLessThan(-2e9);
  });

  test.each(["decimal", "whole"] as const)("one open bound of a %s rule becomes a one-sided comparison", (kind) => {
    expect(validationCriteria({ kind, min: 3 }, SHEET)).toEqual({ type: kind, operator: "greaterThanOrEqual", formulae: ["3"] });
    expect(validationCriteria({ kind, max: 7 }, SHEET)).toEqual({ type: kind, operator: "lessThanOrEqual", formulae: ["7"] });
  });

  test("both writers write the same criteria for every validation, the open rules included", async () => {
    const rules: ValidationRule[] = [{ kind: "date" }, { kind: "decimal" }, { kind: "whole" }, { kind: "decimal", max: 5 }, { kind: "tableColumn", table: "SP_K1_Contracts", column: "合同编号", note: "下拉列表的来源" }];
    const specs = specsWith(rules);
    const [office, xlsx] = await Promise.all([officeValidations(specs), writeXlsx(specs).then(xlsxValidations)]);
    rules.forEach((rule, i) => {
      const at = a1({ row: i, col: 40 });
      expect(office.get(at)).toEqual(validationCriteria(rule, specs[0]));
      expect(xlsx.get(at)).toEqual(validationCriteria(rule, specs[0]));
    });
    expect(office.get("AO1")?.formulae).toEqual(["61"]);
    // The drop-down lists the name the sheet declares for the column, not the column's header as text.
    expect(office.get("AO5")?.formulae).toEqual(["SP_K1_LIST_1"]);
    expect(Object.fromEntries(xlsx)).toEqual(Object.fromEntries(office));
    // The contract register's own date columns carry the same open date rule.
    expect([...xlsx.values()].filter((c) => c.type === "date").length).toBeGreaterThan(1);
  });
});

describe("calculated columns", () => {
  // A calculated column of kind text gets General from the draft, not the factory (test/templates/draft.test.ts).
  test("a calculated column takes its kind's number format", () => {
    const c = columnFactory("zh-CN");
    expect(c.formula("m", "金额", "money", "1").numberFormat).toBe(c.money("n", "数额").numberFormat);
  });

  test.each(TEMPLATE_NAMES)("no calculated column of the %s template is formatted as Text", (name) => {
    for (const locale of ["zh-CN", "en-US"] as const) {
      for (const spec of templateBuild(name, 2, locale)(NO_NAMES)) {
        for (const column of spec.tables.flatMap((t) => t.columns.filter((c) => c.formula !== undefined))) {
          expect([column.header, column.numberFormat]).not.toEqual([column.header, "@"]);
          if (column.kind === "text") expect([column.header, column.numberFormat]).toEqual([column.header, "General"]);
        }
      }
    }
  });

  test("both writers format a text-kind calculated column's body as General", async () => {
    const specs = templateBuild("contracts", 5)(NO_NAMES);
    const [main] = specs;
    const targets = main.tables.flatMap((table) =>
      table.columns.flatMap((column, index) =>
        column.formula !== undefined && column.kind === "text"
          ? table.rows.map((_, r) => a1({ row: table.origin.row + 1 + r, col: table.origin.col + index }))
          : [],
      ),
    );
    expect(targets.length).toBeGreaterThan(0);

    const fake = new FakeExcel();
    await fake.run((context) => writeSheets(context, () => specs));
    for (const at of targets) expect([at, fake.sheet(main.name).numberFormat(at)]).toEqual([at, "General"]);

    const { xml, formatOf } = await firstSheet(await writeXlsx(specs));
    const styleOf = new Map([...xml.matchAll(/<c\b([^>]*?)(?:\/>|>)/g)].map((m) => [attr(m[1], "r") ?? "", Number(attr(m[1], "s") ?? 0)]));
    for (const at of targets) expect([at, formatOf(styleOf.get(at) ?? 0)]).toEqual([at, "General"]);
  });
});
