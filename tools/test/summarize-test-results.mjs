// Adds up the JSON results under dist/test-results: jest's (--json), Playwright's (json reporter), and the checks
// (formatting, lint, type checks) that run-all-tests.mjs records, one result each.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

function jsonFilesUnder(dir) {
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return jsonFilesUnder(full);
    return entry.endsWith('.json') ? [full] : [];
  });
}

function countsOf(report) {
  if (Array.isArray(report.checks)) {
    const passed = report.checks.filter((check) => check.passed).length;
    return { passed, failed: report.checks.length - passed };
  }
  if (typeof report.numPassedTests === 'number') {
    // jest: a suite that failed to run (syntax error, failing beforeAll) counts as a failure too.
    const brokenSuites = report.testResults.filter(
      (suite) => suite.testExecError || (suite.status === 'failed' && suite.assertionResults.length === 0),
    ).length;
    return { passed: report.numPassedTests, failed: report.numFailedTests + brokenSuites };
  }
  if (report.stats && typeof report.stats.expected === 'number') {
    // Playwright: unexpected = failed; flaky = passed on retry, reported as passed.
    return {
      passed: report.stats.expected + report.stats.flaky,
      failed: report.stats.unexpected + (report.errors?.length ?? 0),
    };
  }
  return null;
}

export function summarizeTestResults(resultsDir) {
  let passed = 0;
  let failed = 0;
  const lines = [];
  for (const file of jsonFilesUnder(resultsDir)) {
    const counts = countsOf(JSON.parse(readFileSync(file, 'utf8')));
    if (!counts) continue;
    passed += counts.passed;
    failed += counts.failed;
    lines.push(`${path.relative(resultsDir, file)}: ${counts.passed} passed, ${counts.failed} failed`);
  }
  return { passed, failed, lines };
}
