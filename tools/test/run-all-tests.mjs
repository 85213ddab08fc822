// `npm test`: every test of every project, then one closing line with the totals.
// Unit and integration tests (jest, against a real PostgreSQL) and lint run through Nx; the end-to-end
// suite (Playwright in Chromium) runs after them, even if they failed, so that the totals are complete.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { summarizeTestResults } from './summarize-test-results.mjs';

const workspaceRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const resultsDir = path.join(workspaceRoot, 'dist', 'test-results');
const env = { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: 'false', NX_TUI: 'false' };
const nx = path.join(workspaceRoot, 'node_modules', '.bin', 'nx');

function run(args) {
  console.log(`\n$ nx ${args.join(' ')}`);
  const result = spawnSync(nx, args, { cwd: workspaceRoot, env, stdio: 'inherit' });
  return result.status === 0;
}

rmSync(resultsDir, { recursive: true, force: true });
const unitAndLint = run(['run-many', '-t', 'lint', 'test', '--output-style=stream', '--parallel=2', '--skip-nx-cache']);
// Playwright strips types without checking them, and the dashboard's jest transform compiles each spec on its
// own without checking types either, so the types of both are checked here.
const typeCheckPassed = ['apps/dashboard-e2e/tsconfig.json', 'apps/dashboard/tsconfig.spec.json'].map((project) => {
  console.log(`\n$ tsc -p ${project} --noEmit`);
  return (
    spawnSync(path.join(workspaceRoot, 'node_modules', '.bin', 'tsc'), ['-p', project, '--noEmit'], {
      cwd: workspaceRoot,
      stdio: 'inherit',
    }).status === 0
  );
});
const typesChecked = typeCheckPassed.every(Boolean);
const endToEnd = run(['run', 'dashboard-e2e:e2e', '--output-style=stream', '--skip-nx-cache']);

const { passed, failed, lines } = summarizeTestResults(resultsDir);
console.log('\nTest results by suite:');
for (const line of lines) console.log(`  ${line}`);
const everythingRan = unitAndLint && typesChecked && endToEnd;
if (!everythingRan && failed === 0) console.log('A lint or test task failed before reporting tests (see above).');
console.log(`${passed} passed, ${failed} failed`);
process.exit(everythingRan && failed === 0 && passed > 0 ? 0 : 1);
