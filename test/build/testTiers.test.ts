import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { repoRoot } from "../support/paths";

const { classify } = require("../../scripts/testTiers") as {
  classify(testRoot: string): { engine: Map<string, string[]>; unit: string[] };
};

/*
 * The split jest.config.js makes: a suite that starts LibreOffice, Chromium or webpack, or reads dist/,
 * must never land in the unit tier, where it would make the 60-second loop slow or fail on a machine
 * without the tools.
 */

const testRoot = path.join(repoRoot, "test");
const relative = (file: string) => path.relative(testRoot, file);

test("this repository's suites: the engine tier holds exactly those that need an engine, each with the reason", () => {
  const { engine, unit } = classify(testRoot);
  const reasons = Object.fromEntries([...engine].map(([suite, needs]) => [relative(suite), needs[0]]));
  expect(reasons).toMatchObject({
    "writers/xlsx/engine.test.ts": "support/libreoffice.ts starts a program",
    "writers/xlsx/userEdits.test.ts": "writers/xlsx/userEdits.test.ts starts a program",
    "e2e/pane.excel.test.ts": "support/browser.ts drives Chromium",
    "build/start.test.ts": "build/start.test.ts starts a program",
    "build/functionsMetadata.test.ts": "build/functionsMetadata.test.ts reads dist/",
    "writers/xlsx/ooxmlGate.test.ts": "support/ooxmlGate.ts starts a program",
  });
  expect(unit.map(relative)).toEqual(expect.arrayContaining(["corpus/corpus.test.ts", "taskpane/themeKind.test.ts", "build/testTiers.test.ts", "writers/office/parity.test.ts"]));
  expect(new Set([...engine.keys(), ...unit]).size).toBe(engine.size + unit.length);
});

test("a new suite goes to the engine tier through any helper that needs an engine, and only then", () => {
  const root = mkdtempSync(path.join(tmpdir(), "sp-tiers-"));
  const file = (name: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  };
  // Spelt in pieces so this file itself does not read as one that needs an engine.
  const childProcess = ["node", "child_process"].join(":");
  file("support/soffice.ts", `import { execFileSync } from "${childProcess}";\nexport const run = () => execFileSync("soffice");\n`);
  file("support/middle.ts", `export { run } from "./soffice";\n`);
  file("a/recalc.test.ts", `import { run } from "../support/middle";\ntest("x", () => run());\n`);
  file("a/browser.test.ts", `const { chromium } = require("playwright-${"core"}");\n`);
  file("a/built.test.ts", `import {\n  ${"dist"}File,\n} from "../support/paths";\n`);
  file("a/typesOnly.test.ts", `import type { Page } from "playwright-${"core"}";\nimport type { run } from "../support/soffice";\n`);
  file("a/pure.test.ts", `import { repoRoot } from "../support/paths";\nimport { x } from "../../outside";\n`);
  file("support/paths.ts", `export const repoRoot = "";\n`);
  const { engine, unit } = classify(root);
  expect(Object.fromEntries([...engine].map(([suite, needs]) => [path.relative(root, suite), needs]))).toEqual({
    "a/recalc.test.ts": ["support/soffice.ts starts a program"],
    "a/browser.test.ts": ["a/browser.test.ts drives Chromium"],
    "a/built.test.ts": ["a/built.test.ts reads dist/"],
  });
  expect(unit.map((suite) => path.relative(root, suite))).toEqual(["a/pure.test.ts", "a/typesOnly.test.ts"]);
});
