// Prints the built page's script sizes, raw and gzipped: what Office loads first (the scripts
// taskpane.html names) and what the pane fetches later on demand. Run after `npm run build`.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const dist = path.join(path.dirname(path.dirname(fileURLToPath(import.meta.url))), "dist");
const html = readFileSync(path.join(dist, "taskpane.html"), "utf8");
const initial = new Set([...html.matchAll(/<script[^>]*src="?([^"\s>]+\.js)"?/g)].map((m) => m[1]).filter((f) => !f.includes("://") && !f.startsWith("/")));
const rows = readdirSync(dist)
  .filter((f) => f.endsWith(".js"))
  .map((file) => {
    const bytes = readFileSync(path.join(dist, file));
    return { file, raw: statSync(path.join(dist, file)).size, gzip: gzipSync(bytes, { level: 9 }).length, initial: initial.has(file) };
  })
  .sort((a, b) => Number(b.initial) - Number(a.initial) || b.gzip - a.gzip);
const kb = (n) => (n / 1024).toFixed(1).padStart(8);
console.log(`${"script".padEnd(28)}${"KB".padStart(8)}${"KB gzip".padStart(9)}  loaded`);
for (const r of rows) console.log(`${r.file.padEnd(28)}${kb(r.raw)}${kb(r.gzip)}   ${r.initial ? "first" : "on demand"}`);
const sum = (list, key) => list.reduce((s, r) => s + r[key], 0);
const first = rows.filter((r) => r.initial);
console.log(`${"initial (functions + pane bootstrap)".padEnd(28)}${kb(sum(first, "raw"))}${kb(sum(first, "gzip"))}`);
console.log(`${"total".padEnd(28)}${kb(sum(rows, "raw"))}${kb(sum(rows, "gzip"))}`);
