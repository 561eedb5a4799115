/**
 * Two tiers (scripts/testTiers.js decides which, from what each suite needs):
 * - unit: in-process logic; `npm run test:unit` (one worker per core) on every save. A test that hangs fails after 20 s.
 * - engine: LibreOffice, xmllint, Chromium, webpack, the built dist/; 120 s per test (test/support/engineTier.ts).
 * `npm test` and a bare `npx jest` run both; ts-jest compiles to CommonJS for Node.
 */
const path = require("path");
const { classify } = require("./scripts/testTiers");

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const { engine } = classify(path.join(__dirname, "test"));
const engineSuites = [...engine.keys()];

const common = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  transform: {
    "^.+\\.tsx?$": [
      "ts-jest",
      {
        tsconfig: { module: "commonjs", moduleResolution: "node10", jsx: "react-jsx" },
        diagnostics: false,
      },
    ],
  },
};

module.exports = {
  testTimeout: 20000,
  reporters: ["default", "<rootDir>/scripts/countReporter.js"],
  projects: [
    {
      ...common,
      displayName: "unit",
      testMatch: ["**/*.test.ts", "**/*.test.tsx"],
      testPathIgnorePatterns: ["/node_modules/", ...engineSuites.map((suite) => `^${escapeRegExp(suite)}$`)],
    },
    {
      ...common,
      displayName: "engine",
      testMatch: engineSuites,
      setupFilesAfterEnv: ["<rootDir>/test/support/engineTier.ts"],
    },
  ],
};
