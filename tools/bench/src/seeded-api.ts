import { apiHeapFlag, findFreePort, runMigrations, startDatabase } from '@iop/db-server';
import { PRESET_NAMES, seedDatabase, seedDemoUsers, type PresetName, type SeedReport } from '@iop/synth';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The built API running on a freshly seeded database, signed in as the demo admin. */
export interface SeededApi {
  databaseUrl: string;
  seeded: SeedReport;
  /** http://127.0.0.1:<port> */
  base: string;
  /** `Bearer <token>` of the admin: every timed call pays the access check, as real calls do. */
  authorization: string;
  pid: number;
}

export interface SeededApiOptions {
  preset: string;
  /** Runs after the seed, before the API starts (e.g. to add rows). */
  prepare?: (databaseUrl: string) => Promise<void>;
  /** Node flags for the API process, after the heap limit `npm start` gives it (a later heap flag wins). */
  nodeFlags?: string[];
}

/**
 * What every API benchmark needs: a fresh embedded PostgreSQL seeded with a preset and the demo accounts, the
 * built API (dist/apps/api/main.js) on a free port, and the admin's token; everything is stopped afterwards.
 */
export async function withSeededApi<T>(options: SeededApiOptions, work: (api: SeededApi) => Promise<T>): Promise<T> {
  const preset = options.preset as PresetName;
  if (!PRESET_NAMES.includes(preset)) throw new Error(`unknown preset ${preset}; use ${PRESET_NAMES.join(', ')}`);
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
    await options.prepare?.(database.url);
    const password = randomBytes(12).toString('base64url');
    await seedDemoUsers(database.url, password);
    const port = await findFreePort();
    api = spawn(process.execPath, [apiHeapFlag(), ...(options.nodeFlags ?? []), apiMain], {
      env: {
        ...process.env,
        DATABASE_URL: database.url,
        PORT: String(port),
        NODE_ENV: 'production',
        IOP_JWT_SECRET: randomBytes(32).toString('base64url'),
        IOP_PATIENT_KEY_SECRET: randomBytes(32).toString('base64url'),
      },
      stdio: 'ignore',
    });
    const base = `http://127.0.0.1:${port}`;
    await waitForHealth(base);
    const authorization = `Bearer ${await signIn(base, 'admin@demo.local', password)}`;
    return await work({ databaseUrl: database.url, seeded, base, authorization, pid: api.pid as number });
  } finally {
    api?.kill('SIGTERM');
    await database.stop();
    await rm(scratch, { recursive: true, force: true });
  }
}

async function signIn(base: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`sign-in as ${email} answered ${response.status}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
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
