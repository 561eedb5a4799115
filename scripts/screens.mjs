// `npm run screens`: rewrites every picture in docs/screens/ the README shows. The browser tests take the
// pane's screenshots there only when asked (SALES_PLANNER_SCREENS=docs; otherwise into the ignored
// test-output/screens/, so `npm test` leaves the tree clean); scripts/render-screens.mjs prints the four
// templates through LibreOffice. Builds dist/ first, as the browser tests test the built pane.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const bin = (name) => path.join(root, "node_modules", ".bin", name);

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run(bin("webpack"), ["--mode", "production"]);
run(bin("jest"), ["--selectProjects", "engine", "--", "test/e2e"], { SALES_PLANNER_SCREENS: "docs" });
run(process.execPath, [path.join(root, "scripts", "render-screens.mjs")]);
