import { isoWeekMonday } from "../../src/domain/calendar";
import { LOCALES, type Locale } from "../../src/contract/locale";
import { buildTemplates } from "../../src/templates";
import { numberFormat } from "../../src/templates/formats";
import { TEMPLATE_STRINGS } from "../../src/templates/strings";
import { NO_NAMES } from "../../src/spec/naming";
import type { CellRef, SheetSpec } from "../../src/spec/sheetSpec";
import { linkParts } from "../../src/team/plans";

/**
 * The weekly plan's submission block (issue 16 item 2): seed 000 asks for the plan by Sunday 17:00 and its
 * approval at the weekly meeting, so 提交截止, 提交时间, the on-time flag, 审批状态 and 审批日期 are named cells
 * a roll-up can read. What the flag shows is checked by LibreOffice in test/writers/xlsx/weeklySubmissionEngine.test.ts.
 */

const build = (locale: Locale): SheetSpec => buildTemplates([{ template: "weekly", options: { rep: "张三", year: 2026, week: 48 } }], { locale, existing: NO_NAMES })[0];
const named = (spec: SheetSpec, name: string): CellRef => {
  const found = spec.names.find((n) => n.name === name);
  if (!found) throw new Error(`no name ${name}`);
  expect(found.target.to ?? found.target.from).toEqual(found.target.from);
  return found.target.from;
};
const cellAt = (spec: SheetSpec, at: CellRef) => spec.cells.find((c) => c.at.row === at.row && c.at.col === at.col);
const labelOf = (spec: SheetSpec, at: CellRef) => cellAt(spec, { row: at.row, col: at.col - 1 })?.value;
const validationAt = (spec: SheetSpec, at: CellRef) =>
  spec.validations.find((v) => v.range.from.row === at.row && v.range.from.col === at.col)?.validation.rule;

describe.each(LOCALES)("weekly plan submission block (%s)", (locale) => {
  const w = TEMPLATE_STRINGS[locale].weekly;
  const spec = build(locale);

  test("提交截止 is named SP_W1_DEADLINE and holds the Sunday before the week, 17:00", () => {
    const at = named(spec, "SP_W1_DEADLINE");
    expect(labelOf(spec, at)).toBe(w.deadline);
    expect(cellAt(spec, at)?.value).toBeCloseTo(isoWeekMonday(2026, 48) - 1 + 17 / 24, 10);
    expect(cellAt(spec, at)?.numberFormat).toBe(numberFormat("datetime", locale));
  });

  test("提交时间 is a blank named date-time input", () => {
    const at = named(spec, "SP_W1_SUBMITTED");
    expect(labelOf(spec, at)).toBe(w.submitted);
    const cell = cellAt(spec, at);
    expect(cell?.value ?? null).toBeNull();
    expect(cell?.formula).toBeUndefined();
    expect(cell?.style).toBe("input");
    expect(cell?.numberFormat).toBe(numberFormat("datetime", locale));
    expect(validationAt(spec, at)).toEqual({ kind: "date" });
  });

  test("the on-time flag compares 提交时间 with the deadline by name, in the locale's words", () => {
    const at = named(spec, "SP_W1_ONTIME");
    expect(labelOf(spec, at)).toBe(w.onTime);
    const formula = cellAt(spec, at)?.formula ?? "";
    expect(formula).toContain("SP_W1_SUBMITTED");
    expect(formula).toContain("SP_W1_DEADLINE");
    for (const word of Object.values(w.onTimeStates)) expect(formula).toContain(`"${word}"`);
  });

  test("审批状态 and 审批日期 are named: the drop-down starts pending, the date is a blank date input", () => {
    const status = named(spec, "SP_W1_APPROVAL");
    expect(labelOf(spec, status)).toBe(w.approvalStatus);
    expect(cellAt(spec, status)?.value).toBe(w.approvalStates[0]);
    expect(validationAt(spec, status)).toEqual({ kind: "list", values: w.approvalStates });
    const date = named(spec, "SP_W1_APPROVED");
    expect(labelOf(spec, date)).toBe(w.approvalDate);
    expect(cellAt(spec, date)?.value ?? null).toBeNull();
    expect(cellAt(spec, date)?.numberFormat).toBe(numberFormat("date", locale));
    expect(validationAt(spec, date)).toEqual({ kind: "date" });
  });

  test("the block stays in the header rows, left of the roll-up readout", () => {
    for (const name of ["SP_W1_DEADLINE", "SP_W1_SUBMITTED", "SP_W1_ONTIME", "SP_W1_APPROVAL", "SP_W1_APPROVED"]) {
      const at = named(spec, name);
      expect(at.row).toBeLessThanOrEqual(4);
      expect(at.col).toBeLessThan(9);
    }
  });

  test("the roll-up does not link the new names yet, so plans written before them are not flagged", () => {
    for (const part of ["DEADLINE", "SUBMITTED", "ONTIME", "APPROVAL", "APPROVED"]) expect(linkParts("weekly")).not.toContain(part);
  });
});

test("the weekly 类别 list has seed 000's 植入计划 after 销售计划, in both languages", () => {
  expect(TEMPLATE_STRINGS["zh-CN"].weekly.keyCategories.slice(1, 4)).toEqual(["销售计划", "植入计划", "回款计划"]);
  expect(TEMPLATE_STRINGS["en-US"].weekly.keyCategories.slice(1, 4)).toEqual(["Sales plan", "Placement plan", "Collection plan"]);
});
