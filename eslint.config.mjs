import js from "@eslint/js";
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

/**
 * The layers (README "Layout"): each folder may import only from the folders below it, so the pure
 * rules stay testable without Office, React or files, and nothing reaches into a layer above it.
 *   contract → domain → spec → team → templates → import → writers → cli / host → taskpane;  functions: contract, domain
 * (contract: locales, the error base and the custom functions' names; spec: the SheetSpec contract
 * builders and writers share; import: reading users' own lists onto the templates' columns). Static, dynamic (`import()`) and type-only imports (`import("…").T`) all
 * count: a type from a higher layer is still a dependency on it. Below the writers no layer may use a
 * host (Office, Excel), a UI, the file system or a zip/xlsx library either.
 */
const LAYERS = ["contract", "domain", "spec", "team", "templates", "import", "writers", "functions", "cli", "host", "taskpane"];
const ABOVE = {
  contract: LAYERS.filter((l) => l !== "contract"),
  domain: ["spec", "team", "templates", "import", "writers", "functions", "cli", "host", "taskpane"],
  spec: ["team", "templates", "import", "writers", "functions", "cli", "host", "taskpane"],
  team: ["templates", "import", "writers", "functions", "cli", "host", "taskpane"],
  templates: ["import", "writers", "functions", "cli", "host", "taskpane"],
  import: ["writers", "functions", "cli", "host", "taskpane"],
  writers: ["functions", "cli", "host", "taskpane"],
  functions: ["spec", "team", "templates", "import", "writers", "cli", "host", "taskpane"],
  cli: ["functions", "host", "taskpane"],
  host: ["taskpane"],
};
const PURE = ["contract", "domain", "spec", "team", "templates", "import"];
const PURE_PACKAGES = "^(react|react-dom|@fluentui/.+|@microsoft/.+|exceljs|jszip|node:.+|fs|path|os|child_process)(/|$)";

/** The import specifiers `layer` may not use, as regular expressions. */
function forbiddenSpecifiers(layer) {
  const above = ABOVE[layer].map((l) =>
    // The team rules may read the template registry (which template ids, key letters and versions exist).
    l === "templates" && layer === "team" ? "(^|/)templates(?!/registry$)(/|$)" : `(^|/)${l}(/|$)`,
  );
  return PURE.includes(layer) ? [...above, PURE_PACKAGES] : above;
}
const why = (layer) => `src/${layer} is below ${ABOVE[layer].join(", ")}: move the shared piece down instead of importing upward (eslint.config.mjs, LAYERS).`;
const importRule = (layer, extra = []) => [
  "error",
  { patterns: [...forbiddenSpecifiers(layer), ...extra].map((regex) => ({ regex, message: why(layer) })) },
];
/** `import("…")` and `import("…").Type` escape no-restricted-imports; these selectors catch them. */
const dynamicImportSelectors = (layer) =>
  forbiddenSpecifiers(layer).flatMap((regex) =>
    ["ImportExpression", "TSImportType"].map((node) => ({ selector: `${node}[source.value=/${regex.replace(/\//g, "\\/")}/]`, message: why(layer) })),
  );
const HOST_GLOBALS = { contract: ["Office", "Excel", "CustomFunctions"], functions: ["Excel"] };
const layerRules = Object.keys(ABOVE).map((layer) => ({
  files: [`src/${layer}/**/*.{ts,tsx}`],
  rules: {
    "no-restricted-imports": importRule(layer),
    "no-restricted-syntax": ["error", ...dynamicImportSelectors(layer)],
    "no-restricted-globals": [
      "error",
      ...(PURE.includes(layer) ? HOST_GLOBALS.contract : (HOST_GLOBALS[layer] ?? [])).map((name) => ({
        name,
        message: `src/${layer} does not talk to the host: take what it needs as a parameter.`,
      })),
    ],
  },
}));

/** Every number-format code comes from templates/formats.ts, so amounts, dates and percentages look the same everywhere. */
const FORMAT_SELECTORS = [
  "Literal[value=/#,##0|0\\.0*%|yyyy|hh:mm/]",
  "TemplateElement[value.raw=/#,##0|0\\.0*%|yyyy|hh:mm/]",
  "Property[key.name='numberFormat'] > Literal",
].map((selector) => ({ selector, message: "Take number formats from templates/formats.ts (FORMATS, numberFormat)." }));

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "test-output/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins, "react-hooks": reactHooks },
    languageOptions: { globals: { ...globals.browser, Office: "readonly", Excel: "readonly", CustomFunctions: "readonly" } },
    rules: {
      // The Office.js mistakes that cost a sync per row or read unloaded properties: errors, not warnings.
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/no-empty-load": "error",
      "office-addins/no-navigational-load": "error",
      "office-addins/no-office-initialize": "error",
      "office-addins/test-for-null-using-isNullObject": "error",
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  ...layerRules,
  {
    files: ["src/templates/**/*.ts"],
    ignores: ["src/templates/formats.ts", "src/templates/**/strings.ts"],
    rules: { "no-restricted-syntax": ["error", ...dynamicImportSelectors("templates"), ...FORMAT_SELECTORS] },
  },
  {
    // The registry is what the team rules may read of the templates: it may not lean on a builder or its words.
    files: ["src/templates/registry.ts"],
    rules: { "no-restricted-imports": importRule("templates", ["^\\./"]) },
  },
  {
    files: ["test/**/*.{ts,tsx}", "scripts/**/*.{js,mjs,ts}", "bench/**/*.ts", "*.{js,mjs}"],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
    // Tests load the CommonJS build configuration (webpack.config.js, its plugins) as the build does.
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["**/*.js"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
