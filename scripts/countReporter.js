// Writes Jest's pass/fail counts where scripts/test.mjs can add them to the other checks' counts.
// A suite that fails before running any test (a syntax error, a missing tool) counts as one failure.
const fs = require("fs");
const path = require("path");

class CountReporter {
  onRunComplete(_contexts, results) {
    const brokenSuites = results.testResults.filter((r) => r.testExecError && r.numFailingTests === 0).length;
    const counts = { passed: results.numPassedTests, failed: results.numFailedTests + brokenSuites };
    const out = process.env.SALES_PLANNER_COUNTS;
    if (out) {
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.writeFileSync(out, JSON.stringify(counts));
    }
  }
}

module.exports = CountReporter;
