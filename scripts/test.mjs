// `npm test`: type-check, lint, production build, then every Jest suite of both tiers (jest.config.js: unit and
// engine — build, browser, LibreOffice). Every step runs even after a failure; the last line is the plain total CI reads.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const countsFile = path.join(root, "test-output", "jest-counts.json");
const bin = (name) => path.join(root, "node_modules", ".bin", name);

function run(label, command, args, env = {}) {
  console.log(`\n=== ${label} ===`);
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  return result.status === 0;
}

let passed = 0;
let failed = 0;
const tally = (ok) => (ok ? passed++ : failed++);

tally(run("type-check (tsc --noEmit)", bin("tsc"), ["--noEmit", "-p", "."]));
tally(run("lint (eslint)", bin("eslint"), ["."]));
tally(run("build (webpack --mode production)", bin("webpack"), ["--mode", "production"]));

rmSync(countsFile, { force: true });
const jestOk = run("jest", bin("jest"), process.argv.slice(2), { SALES_PLANNER_COUNTS: countsFile });
if (existsSync(countsFile)) {
  const counts = JSON.parse(readFileSync(countsFile, "utf8"));
  passed += counts.passed;
  failed += counts.failed;
  if (!jestOk && counts.failed === 0) failed++;
} else {
  failed++;
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
