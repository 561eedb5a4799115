// `node scripts/render-screens.mjs`: renders docs/screens/{weekly,monthly,customers,contracts,ledger,visits,diary,annual,projects,accounts}.png,
// one picture per template filled with sample data (zh-CN, as of 2026-11-27; see scripts/screens/build.ts).
// Steps: compile build.ts with the repo's tsc to a temp dir and run it (ten .xlsx files); ONE soffice
// run with a throw-away always-recalculate profile prints them to PDF (the files carry no cached
// values); pdftoppm renders page 1 at 110 dpi, first as a grey map to find the used area, then as the
// PNG cropped to it. Needs: node, soffice (libreoffice-calc-nogui), pdftoppm (poppler-utils),
// fonts-noto-cjk. Deterministic: same inputs give the same pictures.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const templates = ["weekly", "monthly", "customers", "contracts", "ledger", "visits", "diary", "annual", "projects", "accounts"];
const DPI = 110;
const PAD = 12; // px of white kept around the used area
// Same profile as test/support/libreoffice.ts: recalculate every formula on load.
const RECALC_PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

const run = (cmd, args, options = {}) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: ["ignore", "ignore", "inherit"], ...options });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${cmd} exited with ${r.status}${r.stderr ? `\n${r.stderr}` : ""}`);
  return r;
};

/** Bounding box of the non-white pixels of a binary PGM (P5, 8-bit). */
function usedArea(pgm) {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 64).toString("latin1"));
  if (!header) throw new Error("pdftoppm did not write a PGM");
  const [width, height] = [Number(header[1]), Number(header[2])];
  const data = pgm.subarray(header[0].length);
  let [left, top, right, bottom] = [width, height, -1, -1];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (data[y * width + x] < 245) {
        if (x < left) left = x;
        if (x > right) right = x;
        if (y < top) top = y;
        bottom = y;
      }
    }
  }
  if (right < 0) throw new Error("page 1 is blank");
  const x = Math.max(0, left - PAD);
  const y = Math.max(0, top - PAD);
  return { x, y, w: Math.min(width, right + PAD + 1) - x, h: Math.min(height, bottom + PAD + 1) - y };
}

const work = mkdtempSync(path.join(tmpdir(), "sp-screens-"));
try {
  const out = path.join(work, "js");
  run(path.join(root, "node_modules/.bin/tsc"), [
    "--outDir", out, "--rootDir", root, "--module", "commonjs", "--moduleResolution", "node10", "--target", "ES2022",
    "--strict", "--esModuleInterop", "--resolveJsonModule", "--skipLibCheck", "--types", "node,custom-functions-runtime",
    path.join("scripts", "screens", "build.ts"),
  ], { stdio: "inherit" });
  // The compiled files live outside the repo: NODE_PATH lets them find its node_modules.
  run(process.execPath, [path.join(out, "scripts", "screens", "build.js"), work], {
    stdio: "inherit",
    env: { ...process.env, NODE_PATH: path.join(root, "node_modules") },
  });

  const profile = path.join(work, "profile");
  mkdirSync(path.join(profile, "user"), { recursive: true });
  writeFileSync(path.join(profile, "user", "registrymodifications.xcu"), RECALC_PROFILE);
  run("soffice", [
    `-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", work,
    ...templates.map((t) => path.join(work, `${t}.xlsx`)),
  ], { timeout: 300_000, stdio: ["ignore", "ignore", "pipe"] }); // stderr: harmless javaldx warnings

  const screens = path.join(root, "docs", "screens");
  mkdirSync(screens, { recursive: true });
  const page1 = ["-r", String(DPI), "-f", "1", "-l", "1", "-singlefile"];
  for (const t of templates) {
    const pdf = path.join(work, `${t}.pdf`);
    run("pdftoppm", ["-gray", ...page1, pdf, path.join(work, t)]);
    const { x, y, w, h } = usedArea(readFileSync(path.join(work, `${t}.pgm`)));
    run("pdftoppm", ["-png", ...page1, "-x", String(x), "-y", String(y), "-W", String(w), "-H", String(h), pdf, path.join(screens, t)]);
    console.log(`docs/screens/${t}.png  ${w}×${h}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
