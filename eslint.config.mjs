import js from "@eslint/js";
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

/**
 * The layers (README "Layout"): each folder may import only from the folders below it, so the pure
 * rules stay testable without Office, React or files, and nothing reaches into a layer above it.
 *   contract → domain → spec → team → templates → writers → functions / cli / host / taskpane
 * (contract: locales, the error base and the custom functions' names; spec: the SheetSpec contract
 * builders and writers share).
 * Type-only imports count too: a type from a higher layer is still a dependency on it.
 */
const LAYERS = ["contract", "domain", "spec", "team", "templates", "writers", "functions", "cli", "host", "taskpane"];
const ABOVE = {
  contract: LAYERS.filter((l) => l !== "contract"),
  domain: ["spec", "team", "templates", "writers", "functions", "cli", "host", "taskpane"],
  spec: ["team", "templates", "writers", "functions", "cli", "host", "taskpane"],
  team: ["templates", "writers", "functions", "cli", "host", "taskpane"],
  templates: ["writers", "functions", "cli", "host", "taskpane"],
  writers: ["functions", "cli", "host", "taskpane"],
  functions: ["spec", "team", "templates", "writers", "cli", "host", "taskpane"],
  cli: ["functions", "host", "taskpane"],
};
const layerRules = Object.entries(ABOVE).map(([layer, forbidden]) => ({
  files: [`src/${layer}/**/*.{ts,tsx}`],
  rules: {
    "no-restricted-imports": [
      "error",
      {
        patterns: forbidden.map((above) => ({
          // The team rules may read the template registry (which template ids, key letters and versions exist).
          regex: above === "templates" && layer === "team" ? "(^|/)templates(?!/registry$)(/|$)" : `(^|/)${above}(/|$)`,
          message: `src/${layer} is below ${forbidden.join(", ")}: move the shared piece down instead of importing upward (eslint.config.mjs, LAYERS).`,
        })),
      },
    ],
  },
}));

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
    // Every number-format code comes from templates/formats.ts, so amounts, dates and percentages look
    // the same in every template and in both writers.
    files: ["src/templates/**/*.ts"],
    ignores: ["src/templates/formats.ts", "src/templates/**/strings.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        ...["Literal[value=/#,##0|0\\.0*%|yyyy|hh:mm/]", "TemplateElement[value.raw=/#,##0|0\\.0*%|yyyy|hh:mm/]", "Property[key.name='numberFormat'] > Literal"].map((selector) => ({
          selector,
          message: "Take number formats from templates/formats.ts (FORMATS, numberFormat).",
        })),
      ],
    },
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
