// Writes each jest project's totals to dist/test-results/jest/<project>.json for `npm test`'s closing line.
const { mkdirSync, writeFileSync } = require('node:fs');
const path = require('node:path');

class JestResultsReporter {
  constructor(globalConfig) {
    this.globalConfig = globalConfig;
  }

  onRunComplete(contexts, results) {
    const [context] = [...contexts];
    const project = context?.config.displayName?.name ?? path.basename(this.globalConfig.rootDir);
    const dir = path.join(__dirname, '..', '..', 'dist', 'test-results', 'jest');
    mkdirSync(dir, { recursive: true });
    const summary = {
      numPassedTests: results.numPassedTests,
      numFailedTests: results.numFailedTests,
      testResults: results.testResults.map((suite) => ({
        file: path.relative(this.globalConfig.rootDir, suite.testFilePath),
        status: suite.numFailingTests > 0 || suite.testExecError ? 'failed' : 'passed',
        testExecError: suite.testExecError ? String(suite.testExecError.message) : null,
        assertionResults: suite.testResults.map((test) => ({ title: test.fullName, status: test.status })),
      })),
    };
    writeFileSync(path.join(dir, `${project}.json`), JSON.stringify(summary, null, 2));
  }
}

module.exports = JestResultsReporter;
