import { findFreePort, runCli, runMigrations, startDatabase } from '@iop/db-server';
import { PRESET_NAMES, seedDatabase, seedDemoUsers, type PresetName } from '@iop/synth';
import { randomBytes } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

/** The endpoints of the metrics engine, each as the dashboard calls it (no filter: the whole network). */
const ENDPOINTS = [
  '/api/v1/metrics/summary',
  '/api/v1/metrics/trend?metric=attendanceRate&interval=month',
  '/api/v1/metrics/breakdown?metric=completionRate&by=program',
  '/api/v1/metrics/breakdown?metric=attendanceRate&by=slot',
  '/api/v1/metrics/flow',
  '/api/v1/metrics/discharge-reasons',
  '/api/v1/attendance/heatmap',
  '/api/v1/attendance/compliance',
  '/api/v1/attendance/hours',
  '/api/v1/attendance/no-shows',
  '/api/v1/retention?groupBy=levelOfCare',
  '/api/v1/retention?groupBy=groupTercile',
  '/api/v1/retention?groupBy=mat',
  '/api/v1/costs/summary',
  '/api/v1/quality/measures',
  '/api/v1/quality/measures/pod',
  '/api/v1/evidence',
];

/**
 * `npm run bench:api -- [--preset standard] [--calls 15]`: seeds a fresh embedded PostgreSQL, starts the
 * built API against it, and reports the median and 90th percentile of warm calls per endpoint, for
 * docs/PERFORMANCE.md (target: every endpoint under 300 ms median at the standard preset).
 */
void runCli(async () => {
  const { values } = parseArgs({ options: { preset: { type: 'string' }, calls: { type: 'string' } } });
  const preset = (values.preset ?? 'standard') as PresetName;
  if (!PRESET_NAMES.includes(preset)) throw new Error(`unknown preset ${preset}; use ${PRESET_NAMES.join(', ')}`);
  const calls = Number(values.calls ?? 15);
  const apiMain = path.resolve('dist/apps/api/main.js');
  if (!existsSync(apiMain)) throw new Error('build the API first: npx nx build api');

  const scratch = await mkdtemp(path.join(tmpdir(), 'iop-bench-'));
  // As root, PostgreSQL runs as the postgres user, which must be able to reach the data directory.
  await chmod(scratch, 0o755);
  const database = await startDatabase({ dataDir: path.join(scratch, 'pg'), fresh: true });
  let api: ChildProcess | undefined;
  try {
    await runMigrations(database.url);
    const seeded = await seedDatabase(database.url, { preset });
    const password = randomBytes(12).toString('base64url');
    await seedDemoUsers(database.url, password);
    const port = await findFreePort();
    api = spawn(process.execPath, [apiMain], {
      env: {
        ...process.env,
        DATABASE_URL: database.url,
        PORT: String(port),
        NODE_ENV: 'production',
        IOP_JWT_SECRET: randomBytes(32).toString('base64url'),
      },
      stdio: 'ignore',
    });
    const base = `http://127.0.0.1:${port}`;
    await waitForHealth(base);
    // Timed as the admin (every program, exact numbers): the access check is part of every call.
    authorization = `Bearer ${await signIn(base, 'admin@demo.local', password)}`;
    console.log(`${preset} preset: ${seeded.rows['episodes']} episodes; ${calls} warm calls per endpoint`);
    console.log('| endpoint | median ms | p90 ms |');
    console.log('|---|---:|---:|');
    for (const endpoint of ENDPOINTS) {
      for (let i = 0; i < 3; i += 1) await timedGet(base + endpoint);
      const times: number[] = [];
      for (let i = 0; i < calls; i += 1) times.push(await timedGet(base + endpoint));
      times.sort((a, b) => a - b);
      const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(0);
      console.log(`| \`${endpoint}\` | ${at(0.5)} | ${at(0.9)} |`);
    }
    // The board is cached per filter, so a cold board is timed with a filter no call has used yet.
    const cold: number[] = [];
    for (let day = 1; day <= Math.min(calls, 28); day += 1) {
      cold.push(await timedGet(`${base}/api/v1/evidence?to=2026-06-${String(day).padStart(2, '0')}`));
    }
    cold.sort((a, b) => a - b);
    console.log(
      `| \`/api/v1/evidence?to=<a new date each call>\` (cold) | ${cold[Math.floor(cold.length / 2)].toFixed(0)} | ${cold[Math.floor(0.9 * cold.length)].toFixed(0)} |`,
    );
  } finally {
    api?.kill('SIGTERM');
    await database.stop();
    await rm(scratch, { recursive: true, force: true });
  }
});

let authorization = '';

async function signIn(base: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`sign-in as ${email} answered ${response.status}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

async function timedGet(url: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, { headers: { authorization } });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return performance.now() - started;
}

async function waitForHealth(base: string): Promise<void> {
  for (let attempt = 0; attempt < 120; attempt += 1) {
    const healthy = await fetch(`${base}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('the API did not become healthy within a minute');
}
