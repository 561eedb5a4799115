// `npm run bench`: compiles the benchmarks (plain TypeScript, no test runner) and runs them; they print
// their own tables. Figures, not pass/fail: timings belong here, not in timed tests that flake.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const out = path.join(root, "test-output", "bench");
const benches = readdirSync(path.join(root, "bench")).filter((f) => f.endsWith(".bench.ts"));
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run(path.join(root, "node_modules/.bin/tsc"), [
  "--outDir", out, "--rootDir", root, "--strict", "--module", "commonjs", "--moduleResolution", "node10", "--target", "ES2020", "--lib", "ES2022,DOM,DOM.Iterable",
  "--esModuleInterop", "--resolveJsonModule", "--skipLibCheck", "--types", "node,office-js,custom-functions-runtime",
  ...benches.map((b) => path.join("bench", b)),
]);
for (const bench of benches) {
  console.log(`\n# ${bench}`);
  run(process.execPath, [path.join(out, "bench", bench.replace(/\.ts$/, ".js"))]);
}
if (!existsSync(path.join(root, "dist", "taskpane.html"))) run(path.join(root, "node_modules/.bin/webpack"), ["--mode", "production"]);
console.log("\n# bundle sizes (dist/)");
run(process.execPath, [path.join(root, "scripts", "bundle-sizes.mjs")]);
