/** One Jest run for every layer; ts-jest compiles to CommonJS for Node. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": [
      "ts-jest",
      {
        tsconfig: { module: "commonjs", moduleResolution: "node10", jsx: "react-jsx" },
        diagnostics: false,
      },
    ],
  },
  testTimeout: 120000,
  reporters: ["default", "<rootDir>/scripts/countReporter.js"],
};
