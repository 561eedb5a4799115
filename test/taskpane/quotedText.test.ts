import { calendarInUse } from "../../src/taskpane/templateForms/periodCalendar";
import { problemText } from "../../src/taskpane/templateForms/problemText";
import type { FieldProblem } from "../../src/taskpane/templateForms/validate";

/**
 * Issue 18 item 2: the pane's holidays field quotes a bad line as the command line does — at most 60
 * characters and "…", without control characters, escapes or reordering marks — in both languages.
 */

const HOSTILE_LINE = `\x1b]0;pwned\x07\u202e${"2026-10-0x\x1b[5m".repeat(180_000)}`;

test.each(["zh-CN", "en-US"] as const)("a 1.8 MB pasted line is quoted in 60 characters (%s)", (locale) => {
  const problem = calendarInUse(`2026-10-01\n${HOSTILE_LINE}`, true, []);
  expect(problem).toMatchObject({ code: "dateLine", line: 2 });
  const text = problemText(problem as FieldProblem, locale);
  expect(text.length).toBeLessThan(200);
  expect(text).toContain(`${"2026-10-0x".repeat(6)}…`);
  expect(text).not.toMatch(/[\p{Cc}\u202e]/u);
});
