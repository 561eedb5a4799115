/**
 * Issue 9, item 4: every workbook the suite writes passes the OOXML gate (`test/support/ooxmlGate.ts`):
 * the ISO/IEC 29500 Transitional schemas part by part and the package rules Excel enforces with its
 * repair prompt. All workbooks are validated by one xmllint run; each gets its own test.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Locale } from "../../../src/contract/locale";
import { buildBreakdownSpecs } from "../../../src/templates/team";
import { buildTemplates, type TemplateRequest } from "../../../src/templates";
import { NO_NAMES } from "../../../src/spec/naming";
import { TEMPLATE_IDS } from "../../../src/templates/registry";
import { writeXlsx } from "../../../src/writers/xlsx";
import { contractRows } from "../../fixtures/contracts";
import { blankAnnualOptions } from "../../../src/templates/annualPlan";
import { NATIONAL_DAY_2026 as calendar, sampleAnnualOptions, sampleExpenses, sampleMonthlyOptions, sampleWeeklyOptions } from "../../fixtures/plans";
import { customerRows } from "../../fixtures/customers";
import { ledgerRows } from "../../fixtures/ledger";
import { visitRows } from "../../fixtures/visits";
import { accountRows } from "../../fixtures/accounts";
import { projectRows } from "../../fixtures/projects";
import { runCli } from "../../support/cli";
import { formatProblem, lastGateRun, validateXlsxAll, type LabelledXlsx, type Problem } from "../../support/ooxmlGate";

jest.setTimeout(300_000);

/** Every character Excel or XML treats specially, and longer than a sheet name may be. */
const REP = `O'Brien & <Lee> "Ace" [North] Sales Region`;
const TEAM = `R&D <East> "1" [2] O'Neil's team`;
const LOCALES: readonly Locale[] = ["zh-CN", "en-US"];

function emptyRequest(template: TemplateRequest["template"]): TemplateRequest {
  switch (template) {
    case "weekly":
      return { template, options: { rep: "张三", year: 2026, week: 48 } };
    case "monthly":
      return { template, options: { rep: "张三", year: 2026, month: 11 } };
    case "customers":
      return { template, options: {} };
    case "contracts":
      return { template, options: { statsYear: 2026 } };
    case "ledger":
    case "visits":
      return { template, options: {} };
    case "diary":
      return { template, options: { reps: [], year: 2026, month: 11 } };
    case "annual":
      return { template, options: blankAnnualOptions(2027) };
    case "accounts":
    case "projects":
      return { template, options: {} };
  }
}

function filledRequest(template: TemplateRequest["template"], locale: Locale): TemplateRequest {
  switch (template) {
    case "weekly":
      return { template, options: { ...sampleWeeklyOptions(locale, REP, `<签约> & "O'Brien" [A]`), team: TEAM, approver: REP } };
    case "monthly":
      return { template, options: { ...sampleMonthlyOptions(REP), expenses: sampleExpenses(locale) } };
    case "customers":
      return { template, options: { rows: customerRows(300, locale) } };
    case "contracts":
      return { template, options: { rows: contractRows(80, 2026), statsYear: 2026 } };
    case "ledger":
      return { template, options: { rows: ledgerRows(300, 80, 2026, locale) } };
    case "visits":
      return { template, options: { rows: visitRows(300, 300, locale) } };
    case "diary":
      return { template, options: { reps: [REP, "张三"], year: 2026, month: 10, calendar } };
    case "annual":
      return { template, options: { ...sampleAnnualOptions(REP), expenses: [{ item: `<广告> & "O'Brien" [A]`, budget: 1000 }] } };
    case "accounts":
      return { template, options: { rows: [{ unit: `<商会> & "O'Brien" [A]`, keyPerson: REP }, ...accountRows(300, locale)], lead: REP, purpose: TEAM, start: 46143, end: 46218, registered: 412, sincere: 130 } };
    case "projects":
      // A rep named with every character XML and Excel treat specially: the summary lists it by formula.
      return { template, options: { rows: projectRows(200, locale).map((row, i) => (i % 5 === 0 ? { ...row, rep: REP } : row)) } };
  }
}

const dir = mkdtempSync(join(tmpdir(), "sp-ooxml-gate-"));

/** label → how the workbook is made; run in order (the command-line cases reuse earlier files). */
const workbooks: [string, () => Promise<Uint8Array>][] = [
  ...LOCALES.flatMap((locale) =>
    TEMPLATE_IDS.flatMap((template): [string, () => Promise<Uint8Array>][] => [
      [`${template} ${locale} empty`, () => writeXlsx(buildTemplates([emptyRequest(template)], { locale, existing: NO_NAMES }))],
      [`${template} ${locale} filled`, () => writeXlsx(buildTemplates([filledRequest(template, locale)], { locale, existing: NO_NAMES }))],
    ]),
  ),
  ["registers without any row (no data, no blank rows)", () => writeXlsx(buildTemplates([{ template: "customers", options: { blankRows: 0 } }, { template: "contracts", options: { statsYear: 2026, blankRows: 0 } }], { locale: "zh-CN", existing: NO_NAMES }))],
  ...LOCALES.map((locale): [string, () => Promise<Uint8Array>] => [
    `all four templates ${locale}, twice, one workbook`,
    () => writeXlsx(buildTemplates([...TEMPLATE_IDS, ...TEMPLATE_IDS].map((t) => filledRequest(t, locale)), { locale, existing: NO_NAMES })),
  ]),
  ...LOCALES.flatMap((locale) =>
    (["weekly", "monthly"] as const).map((plans): [string, () => Promise<Uint8Array>] => [
      `breakdown ${locale} with ${plans} plans and products`,
      () =>
        writeXlsx(
          buildBreakdownSpecs(
            { target: 1_000_003, period: { kind: "month", year: 2026, month: 11 }, reps: [{ rep: REP, weight: 3 }, { rep: "张三", weight: 2 }, { rep: `${REP} II`, weight: 1 }], productRatios: [2, 3, 1], calendar },
            plans === "weekly" ? { template: "weekly", year: 2026, week: 46 } : { template: "monthly" },
            { locale, existing: NO_NAMES },
            { team: TEAM, calendar },
          ),
        ),
    ]),
  ),
  ["breakdown of a year (command line)", () => cli("breakdown-year.xlsx", "breakdown", "--target", "12000000", "--year", "2026", "--reps", `${REP}=2,李四=1`, "--products", "2:3:1")],
  ["rep file: weekly + monthly (command line)", () => cli("rep1.xlsx", "write", "weekly", "monthly", "--rep", REP, "--week", "2026-W48", "--month", "2026-11")],
  ["rep file: weekly, en-US (command line)", () => cli("rep2.xlsx", "write", "weekly", "--rep", `${REP} II`, "--week", "2026-W48", "--lang", "en-US")],
  ["rep file: registers (command line)", () => cli("rep3.xlsx", "write", "customers", "contracts", "--month", "2026-11")],
  ["registers written into an existing workbook (command line)", () => cli("rep3.xlsx", "write", "weekly", "customers", "--rep", "张三", "--week", "2026-W48")],
  ["a ledger whose drop-down lists the workbook's contract register (command line)", () => cli("rep3.xlsx", "write", "ledger")],
  ["visit log written into a workbook with a register, en-US (command line)", () => cli("rep3.xlsx", "write", "visits", "--lang", "en-US")],
  ["rollup of three reps' files (command line)", () => cli("team.xlsx", "rollup", join(dir, "rep1.xlsx"), join(dir, "rep2.xlsx"), join(dir, "rep3.xlsx"))],
  ["rollup into an existing team workbook (command line)", () => cli("team.xlsx", "rollup", join(dir, "rep1.xlsx"), join(dir, "rep2.xlsx"))],
  ["breakdown into an existing team workbook (command line)", () => cli("team.xlsx", "breakdown", "--target", "500000", "--month", "2026-12", "--reps", `${REP}=1,张三=1`, "--plans", "weekly", "--week", "2026-W49")],
];

/** Runs `sales-planner … --out dir/file` and returns the file. */
async function cli(file: string, command: string, ...args: string[]): Promise<Uint8Array> {
  const out = join(dir, file);
  const run = await runCli(command, "--out", out, ...args);
  if (run.code !== 0) throw new Error(`sales-planner ${command} failed (${run.code}): ${run.err}`);
  return new Uint8Array(readFileSync(out));
}

let problems: Problem[] = [];
const written: LabelledXlsx[] = [];

beforeAll(async () => {
  for (const [label, make] of workbooks) {
    const bytes = await make();
    written.push({ label, bytes });
    // Kept for a look when a case fails (the temp folder is named in the failure).
    writeFileSync(join(dir, `${label.replace(/[^\w-]+/g, "_")}.xlsx`), bytes);
  }
  problems = await validateXlsxAll(written);
});

test("every workbook is made and validated", () => {
  expect(written.map((w) => w.label)).toEqual(workbooks.map(([label]) => label));
  expect(problems.filter((p) => !written.some((w) => w.label === p.workbook))).toEqual([]);
  // Every part of every workbook in one xmllint process (these workbooks have no VML parts).
  expect(lastGateRun.processes).toBe(1);
  expect(lastGateRun.parts).toBeGreaterThan(20 * workbooks.length);
});

test.each(workbooks.map(([label]) => label))("%s passes the OOXML gate", (label) => {
  expect({ folder: dir, problems: problems.filter((p) => p.workbook === label).map(formatProblem) }).toEqual({ folder: dir, problems: [] });
});
