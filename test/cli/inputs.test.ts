import { cliTable } from "../support/cliTable";

/**
 * Issue 18: what a user meets typing the command line — each row a case that failed before its fix.
 * Rows are grouped by what they check; each group keeps to its own table.
 */

describe("the table harness itself", () => {
  cliTable([
    {
      name: "an unknown option is bad usage, in both languages, and writes nothing",
      argv: ["write", "weekly", "--out", "{dir}/a.xlsx", "--colour", "red"],
      code: 2,
      zh: /^未知选项 --colour/,
      en: /^Unknown option --colour/,
    },
    {
      name: "a plan written into a new file changes only that file",
      argv: ["write", "weekly", "--out", "{dir}/a.xlsx", "--week", "2026-W50"],
      code: 0,
      zh: /^已写入 .*a\.xlsx/,
      changes: ["a.xlsx"],
    },
  ]);
});
