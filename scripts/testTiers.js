// Which Jest project a suite runs in, decided from what it needs so a new suite cannot land in the wrong one.
// A suite is in the engine tier when it, or a test helper it imports (test/ only: the code under test never
// does these), starts a program (LibreOffice, xmllint, Python-UNO, npx), drives Chromium, runs webpack or
// reads the built dist/. Everything else is the unit tier: in-process logic, fast, run on every save.
const fs = require("fs");
const path = require("path");

const NEEDS = [
  { what: "starts a program", pattern: /(?:from\s*|require\(\s*|import\(\s*)["'](?:node:)?child_process["']/ },
  { what: "drives Chromium", pattern: /(?:from\s*|require\(\s*|import\(\s*)["']playwright-core["']/ },
  { what: "runs webpack", pattern: /(?:from\s*|require\(\s*|import\(\s*)["']webpack(?:-dev-server)?["']/ },
  { what: "reads dist/", pattern: /import\s*\{[^}]*\b(?:distFile|distDir)\b[^}]*\}\s*from\s*["'][^"']*support\/paths["']/ },
];

// Type-only imports load nothing at run time.
const TYPE_IMPORT = /import\s+type\s[^;]*?from\s*["'][^"']+["']/g;
const RELATIVE_IMPORT = /(?:from\s*|import\s*|require\(\s*|import\(\s*)["'](\.{1,2}\/[^"']*)["']/g;
const EXTENSIONS = ["", ".ts", ".tsx", ".js", "/index.ts", "/index.js"];

function resolveImport(from, specifier) {
  const base = path.resolve(path.dirname(from), specifier);
  return EXTENSIONS.map((ext) => base + ext).find((file) => fs.existsSync(file) && fs.statSync(file).isFile());
}

/** What `file` needs, with the chain of test files that leads to it; [] for a unit suite. */
function needsOf(file, testRoot, seen = new Set()) {
  if (seen.has(file)) return [];
  seen.add(file);
  const source = fs.readFileSync(file, "utf8").replace(TYPE_IMPORT, "");
  const own = NEEDS.filter((n) => n.pattern.test(source)).map((n) => `${path.relative(testRoot, file)} ${n.what}`);
  const imported = [...source.matchAll(RELATIVE_IMPORT)]
    .map((m) => resolveImport(file, m[1]))
    .filter((target) => target !== undefined && target.startsWith(testRoot + path.sep))
    .flatMap((target) => needsOf(target, testRoot, seen));
  return [...own, ...imported];
}

function suitesUnder(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return suitesUnder(full);
    return /\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** Every suite under `testRoot`, split by tier; `needs` says why each engine suite is one. */
function classify(testRoot) {
  const engine = new Map();
  const unit = [];
  for (const suite of suitesUnder(testRoot).sort()) {
    const needs = needsOf(suite, testRoot);
    if (needs.length > 0) engine.set(suite, needs);
    else unit.push(suite);
  }
  return { engine, unit };
}

module.exports = { classify, needsOf };
