/**
 * The weekly plan's 按时提交 flag (issue 16 item 2) recalculated by LibreOffice in both languages: one plan
 * per kind of 提交时间 — before the deadline (the Sunday before the week, 17:00), exactly at it, a hair past
 * it as a typed time's parse may leave, one second and one hour late, blank, and texts (one shaped like a
 * date-time). Each flag equals the word worked out here from the deadline written in the test.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LOCALES, type Locale } from "../../../src/contract/locale";
import { isoWeekMonday, serialFromYmd } from "../../../src/domain/calendar";
import { NO_NAMES } from "../../../src/spec/naming";
import type { CellValue, SheetSpec } from "../../../src/spec/sheetSpec";
import { buildTemplates } from "../../../src/templates";
import { templateStrings } from "../../../src/templates/strings";
import { writeXlsx } from "../../../src/writers/xlsx";
import { errorCells, recalcXlsx, type ComputedWorkbook } from "../../support/libreoffice";
import { namedCell, read } from "../../support/specCells";

const YEAR = 2026;
const WEEK = 48;
/** Seed 000 E.4: Sunday 2026-11-22, 17:00, typed here rather than taken from the builder. */
const DEADLINE = serialFromYmd(2026, 11, 22) + 17 / 24;
const SECOND = 1 / 86400;

type Expected = "onTime" | "late" | "invalid" | null;
const SUBMISSIONS: readonly { readonly what: string; readonly submitted: CellValue; readonly expected: Expected }[] = [
  { what: "the Friday before, 09:30", submitted: serialFromYmd(2026, 11, 20) + 9.5 / 24, expected: "onTime" },
  { what: "one minute before", submitted: DEADLINE - 60 * SECOND, expected: "onTime" },
  { what: "exactly at the deadline", submitted: DEADLINE, expected: "onTime" },
  { what: "17:00 a hair past the deadline, as LibreOffice leaves a deadline it saved (15 digits)", submitted: DEADLINE + 1e-9, expected: "onTime" },
  { what: "one second late", submitted: DEADLINE + SECOND, expected: "late" },
  { what: "Monday 08:00", submitted: serialFromYmd(2026, 11, 23) + 8 / 24, expected: "late" },
  { what: "blank", submitted: null, expected: null },
  { what: "a text", submitted: "周日下午", expected: "invalid" },
  { what: "a text shaped like an on-time date-time", submitted: "2026-11-22 16:00", expected: "invalid" },
];

interface Case {
  readonly locale: Locale;
  readonly plans: SheetSpec[];
  book?: ComputedWorkbook;
}

/** One plan per submission, the 提交时间 cell filled as the rep (or a paste) would leave it. */
function buildCase(locale: Locale): Case {
  const specs = buildTemplates(
    SUBMISSIONS.map((_, i) => ({ template: "weekly" as const, options: { rep: `R${i + 1}`, year: YEAR, week: WEEK } })),
    { locale, existing: NO_NAMES },
  );
  const plans = specs.filter((s) => s.record.template === "weekly");
  expect(plans).toHaveLength(SUBMISSIONS.length);
  const filled = plans.map((plan, i) => {
    const at = namedCell(plan, `SP_${plan.record.key}_SUBMITTED`);
    return { ...plan, cells: plan.cells.map((c) => (c.at.row === at.row && c.at.col === at.col ? { ...c, value: SUBMISSIONS[i].submitted } : c)) };
  });
  return { locale, plans: [...filled, ...specs.filter((s) => s.record.template !== "weekly")] };
}

const cases: Case[] = LOCALES.map(buildCase);

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), "sp-weekly-submission-"));
  const files = await Promise.all(
    cases.map(async (c, i) => {
      const file = join(dir, `weekly-${i}.xlsx`);
      writeFileSync(file, await writeXlsx(c.plans));
      return file;
    }),
  );
  const books = await recalcXlsx(files);
  cases.forEach((c, i) => (c.book = books[i]));
}, 300_000);

describe.each(cases.map((c) => [c.locale, c] as const))("weekly 按时提交 recalculated by LibreOffice (%s)", (_locale, c) => {
  const book = (): ComputedWorkbook => c.book as ComputedWorkbook;
  const words = templateStrings(c.locale).weekly.onTimeStates;

  test("the builder's deadline is the Sunday before the week, 17:00", () => {
    expect(isoWeekMonday(YEAR, WEEK) - 1 + 17 / 24).toBeCloseTo(DEADLINE, 10);
    for (const plan of c.plans.slice(0, SUBMISSIONS.length)) expect(read(book(), plan, namedCell(plan, `SP_${plan.record.key}_DEADLINE`))).toBeCloseTo(DEADLINE, 8);
  });

  test.each(SUBMISSIONS.map((s, i) => [s.what, i] as const))("submitted %s", (_what, i) => {
    const plan = c.plans[i];
    const expected = SUBMISSIONS[i].expected;
    expect(read(book(), plan, namedCell(plan, `SP_${plan.record.key}_ONTIME`))).toBe(expected === null ? null : words[expected]);
  });

  test("no cell of the workbook computes to an error", () => {
    expect(errorCells(book())).toEqual([]);
  });
});
