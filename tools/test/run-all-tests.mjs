// `npm test`: every check and every test of every project, then one closing line with the totals.
// The checks (formatting, type-aware lint with the layer rules, type checks) count as one result each; unit and
// integration tests (jest, against a real PostgreSQL) run through Nx; the end-to-end suite (Playwright in
// Chromium) runs after them, even if something failed, so that the totals are complete.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { failedNxTasks } from './nx-task-results.mjs';
import { summarizeTestResults } from './summarize-test-results.mjs';

const workspaceRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const resultsDir = path.join(workspaceRoot, 'dist', 'test-results');
const env = { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: 'false', NX_TUI: 'false' };
const bin = (name) => path.join(workspaceRoot, 'node_modules', '.bin', name);
const CHECK_TARGETS = ['lint', 'typecheck'];

/** Runs a command with its output shown as it comes, and also kept, for reading which Nx tasks failed. */
function run(command, args) {
  console.log(`\n$ ${path.basename(command)} ${args.join(' ')}`);
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: workspaceRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      output += chunk;
    });
    // Nx prints its closing summary, the failed tasks among it, on standard error.
    child.stderr.on('data', (chunk) => {
      process.stderr.write(chunk);
      output += chunk;
    });
    child.on('error', (error) => resolve({ ok: false, output: `${output}\n${error.message}` }));
    child.on('close', (code) => resolve({ ok: code === 0, output }));
  });
}

function projectsWithTarget(target) {
  const result = spawnSync(bin('nx'), ['show', 'projects', '--with-target', target, '--json'], {
    cwd: workspaceRoot,
    env,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`nx show projects failed: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

rmSync(resultsDir, { recursive: true, force: true });
const checks = [];

const formatting = await run(bin('prettier'), ['--check', '.', '--log-level', 'warn']);
checks.push({ name: 'prettier --check (every file)', passed: formatting.ok });

const checkTasks = CHECK_TARGETS.flatMap((target) =>
  projectsWithTarget(target).map((project) => `${project}:${target}`),
);
const unitAndChecks = await run(bin('nx'), [
  'run-many',
  '-t',
  ...CHECK_TARGETS,
  'test',
  '--output-style=stream',
  '--parallel=2',
  '--skip-nx-cache',
]);
const failedTasks = failedNxTasks(unitAndChecks.output);
for (const task of checkTasks) {
  // When Nx fails without naming its failed tasks (it could not start), no check can count as passed.
  const passed = unitAndChecks.ok || (failedTasks !== null && !failedTasks.includes(task));
  checks.push({ name: task, passed });
}
mkdirSync(resultsDir, { recursive: true });
writeFileSync(path.join(resultsDir, 'checks.json'), JSON.stringify({ checks }, null, 2));

const endToEnd = await run(bin('nx'), ['run', 'dashboard-e2e:e2e', '--output-style=stream', '--skip-nx-cache']);

const { passed, failed, lines } = summarizeTestResults(resultsDir);
console.log('\nResults by suite:');
for (const line of lines) console.log(`  ${line}`);
const failedChecks = checks.filter((check) => !check.passed).map((check) => check.name);
if (failedChecks.length) console.log(`Failed checks: ${failedChecks.join(', ')}`);
const everythingRan = unitAndChecks.ok && endToEnd.ok;
if (!everythingRan && failed === 0) console.log('An Nx task failed before reporting tests (see above).');
console.log(`${passed} passed, ${failed} failed`);
process.exit(everythingRan && failed === 0 && passed > 0 ? 0 : 1);
