import js from "@eslint/js";
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

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
  {
    // src/contract is the leaf every layer may import (locales, CodedError, the functions' names): it imports none of them.
    files: ["src/contract/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [{ group: ["../*"], message: "src/contract imports nothing outside itself." }] }] },
  },
  {
    // The domain and the team's rules are pure: their words live beside their codes, not in a layer above.
    files: ["src/domain/**/*.ts", "src/team/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["**/templates/**", "**/writers/**", "**/host/**", "**/taskpane/**", "**/cli/**", "**/functions/**"], message: "domain and team import only contract, spec, domain." }] },
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
