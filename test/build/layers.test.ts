import { execFileSync } from "node:child_process";
import path from "node:path";

/**
 * Issue 10, item 3: the layers are held by the linter (eslint.config.mjs), not by convention. Each
 * case lints one import as if written in a file of that folder; an upward import must be an error,
 * the downward one beside it must not.
 */

const root = path.resolve(__dirname, "../..");

/**
 * Lints every case in one Node process with the project's own config (an ES module, which Jest's VM
 * cannot load): true where no-restricted-imports reports the import.
 */
function restricted(cases: readonly (readonly [string, string])[]): boolean[] {
  const script = `
    const { ESLint } = require("eslint");
    const cases = JSON.parse(process.argv[1]);
    const eslint = new ESLint({ cwd: process.cwd() });
    Promise.all(cases.map(([file, from]) =>
      eslint.lintText(\`import { x } from "\${from}";\\nexport const y = x;\\n\`, { filePath: require("path").join(process.cwd(), file) })
        .then(([r]) => r.messages.some((m) => m.ruleId === "no-restricted-imports"))))
      .then((found) => process.stdout.write(JSON.stringify(found)));`;
  return JSON.parse(execFileSync(process.execPath, ["-e", script, JSON.stringify(cases)], { cwd: root, encoding: "utf8" })) as boolean[];
}

const UPWARD: readonly (readonly [string, string])[] = [
  ["src/domain/rule.ts", "../writers/xlsx"],
  ["src/domain/rule.ts", "../taskpane/strings"],
  ["src/domain/rule.ts", "../host/preferences"],
  ["src/domain/rule.ts", "../templates"],
  ["src/contract/names.ts", "../domain/errors"],
  ["src/spec/naming.ts", "../templates/registry"],
  ["src/team/plans.ts", "../templates/team"],
  ["src/team/plans.ts", "../writers/xlsx/fileCheck"],
  ["src/functions/operations.ts", "../taskpane/strings"],
  ["src/functions/operations.ts", "../writers/office"],
  ["src/templates/weeklyPlan.ts", "../writers/layout"],
  ["src/templates/team/rollupSheet.ts", "../../taskpane/strings"],
  ["src/writers/xlsx/index.ts", "../../taskpane/components/App"],
  ["src/writers/office/officeWriter.ts", "../../host/hostInfo"],
  ["src/cli/main.ts", "../taskpane/strings"],
];

const DOWNWARD: readonly (readonly [string, string])[] = [
  ["src/domain/calendar.ts", "../contract/functionNames.zh-CN.json"],
  ["src/templates/weeklyPlan.ts", "../spec/naming"],
  ["src/templates/weeklyPlan.ts", "../domain/calendar"],
  ["src/writers/xlsx/index.ts", "../../spec/sheetSpec"],
  ["src/writers/office/team/writeRollup.ts", "../../../templates/team"],
  ["src/taskpane/components/App.tsx", "../../writers/office"],
  ["src/cli/main.ts", "../writers/xlsx"],
];

test("an upward import is a lint error, a downward one is not", () => {
  const found = restricted([...UPWARD, ...DOWNWARD]);
  const wrong = [...UPWARD, ...DOWNWARD].filter((c, i) => found[i] !== i < UPWARD.length).map(([file, from]) => `${file} → ${from}`);
  expect(wrong).toEqual([]);
});
