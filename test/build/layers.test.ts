import { execFileSync } from "node:child_process";
import path from "node:path";

/**
 * Issue 10, item 3: the layers are held by the linter (eslint.config.mjs), not by convention. Each
 * case lints one line as if written in a file of that folder; an upward import must be an error, the
 * downward one beside it must not.
 */

const root = path.resolve(__dirname, "../..");

/**
 * Lints every case in one Node process with the project's own config (an ES module, which Jest's VM
 * cannot load): for each case, the rules that report it.
 */
function reported(cases: readonly (readonly [string, string])[]): string[][] {
  const script = `
    const { ESLint } = require("eslint");
    const cases = JSON.parse(process.argv[1]);
    const eslint = new ESLint({ cwd: process.cwd() });
    Promise.all(cases.map(([file, code]) =>
      eslint.lintText(code, { filePath: require("path").join(process.cwd(), file) }).then(([r]) => r.messages.map((m) => m.ruleId))))
      .then((found) => process.stdout.write(JSON.stringify(found)));`;
  return JSON.parse(execFileSync(process.execPath, ["-e", script, JSON.stringify(cases)], { cwd: root, encoding: "utf8" })) as string[][];
}

const importing = (from: string) => `import { x } from "${from}";\nexport const y = x;\n`;

const UPWARD: readonly (readonly [string, string])[] = [
  ["src/domain/rule.ts", "../writers/xlsx"],
  ["src/domain/rule.ts", "../taskpane/strings"],
  ["src/domain/rule.ts", "../host/preferences"],
  ["src/domain/rule.ts", "../templates"],
  ["src/contract/names.ts", "../domain/errors"],
  ["src/spec/naming.ts", "../templates/registry"],
  ["src/team/plans.ts", "../templates/team"],
  ["src/team/plans.ts", "../templates"],
  ["src/team/plans.ts", "../writers/ooxml/fileCheck"],
  ["src/functions/operations.ts", "../taskpane/strings"],
  ["src/functions/operations.ts", "../writers/office"],
  ["src/templates/weeklyPlan.ts", "../writers/layout"],
  ["src/templates/team/rollupSheet.ts", "../../taskpane/strings"],
  ["src/writers/xlsx/index.ts", "../../taskpane/components/App"],
  ["src/writers/office/officeWriter.ts", "../../host/hostInfo"],
  ["src/cli/main.ts", "../taskpane/strings"],
  ["src/host/templateWriter.ts", "../taskpane/services"],
  ["src/templates/weeklyPlan.ts", "react"],
  ["src/domain/calendar.ts", "node:fs"],
  ["src/team/plans.ts", "exceljs"],
  ["src/templates/registry.ts", "./strings"],
  ["src/import/clean.ts", "../writers/ooxml/appendRows"],
  ["src/import/clean.ts", "../cli/messages"],
  ["src/templates/customerRegister.ts", "../import/mapping"],
  ["src/domain/tiers.ts", "../import"],
  ["src/import/text.ts", "node:fs"],
  ["src/import/text.ts", "exceljs"],
];

const DOWNWARD: readonly (readonly [string, string])[] = [
  ["src/domain/calendar.ts", "../contract/functionNames.zh-CN.json"],
  ["src/templates/weeklyPlan.ts", "../spec/naming"],
  ["src/team/plans.ts", "../templates/registry"],
  ["src/templates/weeklyPlan.ts", "../domain/calendar"],
  ["src/writers/xlsx/index.ts", "../../spec/sheetSpec"],
  ["src/writers/office/team/writeRollup.ts", "../../../templates/team"],
  ["src/taskpane/components/App.tsx", "../../writers/office"],
  ["src/cli/main.ts", "../writers/xlsx"],
  ["src/import/fields.ts", "../templates"],
  ["src/import/clean.ts", "../domain/decimal"],
  ["src/writers/ooxml/appendRows.ts", "../../import"],
  ["src/cli/main.ts", "../import/mapping"],
];

test("an upward import is a lint error, a downward one is not", () => {
  const found = reported([...UPWARD, ...DOWNWARD].map(([file, from]) => [file, importing(from)])).map((rules) => rules.includes("no-restricted-imports"));
  const wrong = [...UPWARD, ...DOWNWARD].filter((_, i) => found[i] !== i < UPWARD.length).map(([file, from]) => `${file} → ${from}`);
  expect(wrong).toEqual([]);
});

test("a dynamic import, an import type or a host global below its layer is a lint error", () => {
  const cases: [string, string, string][] = [
    ["src/domain/rule.ts", `export const f = () => import("../taskpane/strings");\n`, "no-restricted-syntax"],
    ["src/templates/weeklyPlan.ts", `export const f = () => import("../writers/xlsx");\n`, "no-restricted-syntax"],
    ["src/spec/naming.ts", `export type T = import("../templates/registry").TemplateId;\n`, "no-restricted-syntax"],
    ["src/domain/rule.ts", `export const f = () => Excel.run(async () => undefined);\n`, "no-restricted-globals"],
    ["src/functions/operations.ts", `export const f = () => Excel.run(async () => undefined);\n`, "no-restricted-globals"],
  ];
  expect(reported(cases.map(([file, code]) => [file, code])).map((rules, i) => rules.includes(cases[i][2]))).toEqual(cases.map(() => true));
  // The same lines where they belong: the pane loads the writer lazily, the host talks to Excel.
  const allowed: [string, string][] = [
    ["src/host/teamActions.ts", `export const f = () => import("../writers/xlsx/team/rollupFiles");\n`],
    ["src/host/teamActions.ts", `export const f = () => Excel.run(async () => undefined);\n`],
  ];
  expect(reported(allowed)).toEqual([[], []]);
});

test("a builder that spells a number format is a lint error; formats.ts and the string tables may", () => {
  const cases: [string, string][] = [
    ["src/templates/weeklyPlan.ts", `export const c = { numberFormat: "0.00" };\n`],
    ["src/templates/team/rollupSheet.ts", "export const f = `#,##0`;\n"],
    ["src/templates/customerRegister.ts", `export const d = "yyyy-mm-dd";\n`],
    ["src/templates/formats.ts", `export const d = "yyyy-mm-dd";\n`],
    ["src/templates/strings.ts", `export const d = "格式 yyyy-mm-dd";\n`],
  ];
  expect(reported(cases).map((rules) => rules.includes("no-restricted-syntax"))).toEqual([true, true, true, false, false]);
});
