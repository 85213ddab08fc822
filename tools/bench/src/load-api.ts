import { apiHeapFlag, findFreePort } from '@iop/db-server';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

/** How the API process ended. */
export interface ApiExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** The built API in a child process, as production runs it (node dist/apps/api/main.js). */
export interface LoadApi {
  /** http://127.0.0.1:<port> */
  base: string;
  pid: number;
  /** What it printed (standard output and error), line by line. */
  lines: string[];
  /** Resolves when it exits. */
  exited: Promise<ApiExit>;
  /** True until it exited. */
  running(): boolean;
  kill(): void;
}

/** The built API's bundle, unless --api names another (a copy kept to compare builds). */
export const DEFAULT_API_MAIN = 'dist/apps/api/main.js';

/** Starts the built API (`apiMain`) on `databaseUrl`, with `settings` added to its environment, and waits until /api/health says ok. */
export async function startLoadApi(
  databaseUrl: string,
  apiMain = DEFAULT_API_MAIN,
  settings: Record<string, string> = {},
): Promise<LoadApi> {
  if (!existsSync(apiMain)) throw new Error(`${apiMain} is missing: build the API first (npx nx build api)`);
  const port = await findFreePort();
  // With the heap limit `npm start` gives it: the memory measured is the product's.
  const child = spawn(process.execPath, [apiHeapFlag(), path.resolve(apiMain)], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      NODE_ENV: 'production',
      // Plain log lines, which the run's summary reads.
      NO_COLOR: '1',
      IOP_JWT_SECRET: randomBytes(32).toString('base64url'),
      IOP_PATIENT_KEY_SECRET: randomBytes(32).toString('base64url'),
      ...settings,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const collect = (chunk: Buffer) => lines.push(...chunk.toString().split('\n').filter(Boolean));
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  let exitedYet = false;
  const exited = new Promise<ApiExit>((resolve) =>
    // 'close', not 'exit': by then everything it printed has been read.
    child.once('close', (code, signal) => {
      exitedYet = true;
      resolve({ code, signal });
    }),
  );
  const base = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt += 1) {
    if (exitedYet) throw new Error(`the API exited at start-up: ${lines.slice(-3).join(' | ')}`);
    const healthy = await fetch(`${base}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) break;
    if (attempt >= 240) throw new Error('the API did not become healthy within two minutes');
    await delay(500);
  }
  return {
    base,
    pid: child.pid as number,
    lines,
    exited,
    running: () => !exitedYet,
    kill: () => {
      if (!exitedYet) child.kill('SIGKILL');
    },
  };
}
