import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { TEST_JWT_SECRET, TEST_PATIENT_KEY_SECRET } from '../../testing/test-app';

const workspaceRoot = path.resolve(__dirname, '../../../../..');

/** How the API process ended. */
export interface ApiExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** The API's own entry point (main.ts) running in a child process, as production runs it. */
export interface ApiProcess {
  baseUrl: string;
  pid: number;
  /** Everything it printed so far, standard output and error. */
  output(): string;
  /** Resolves once its output matches `pattern`; rejects after `timeoutMs` or if it exits first. */
  printed(pattern: RegExp, timeoutMs: number): Promise<void>;
  exited: Promise<ApiExit>;
  /** Ends it at once if it still runs (cleanup after a failed test). */
  kill(): void;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * Starts apps/api/src/main.ts from source with ts-node (transpile only: Nest needs the decorator metadata that
 * tsx's esbuild does not emit) and waits until it listens.
 */
export async function startApiProcess(databaseUrl: string, startTimeoutMs = 120_000): Promise<ApiProcess> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register', '-r', 'tsconfig-paths/register', 'apps/api/src/main.ts'],
    {
      cwd: workspaceRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        PORT: String(port),
        NODE_ENV: 'production',
        IOP_JWT_SECRET: TEST_JWT_SECRET,
        IOP_PATIENT_KEY_SECRET: TEST_PATIENT_KEY_SECRET,
        TS_NODE_PROJECT: 'apps/api/tsconfig.app.json',
        TS_NODE_TRANSPILE_ONLY: 'true',
        TS_NODE_BASEURL: workspaceRoot,
      },
    },
  );
  let output = '';
  const listeners = new Set<() => void>();
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise<ApiExit>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

  const printed = (pattern: RegExp, timeoutMs: number) =>
    new Promise<void>((resolve, reject) => {
      const done = (error?: Error) => {
        listeners.delete(check);
        clearTimeout(timer);
        if (error) reject(error);
        else resolve();
      };
      const check = () => {
        if (pattern.test(output)) done();
      };
      const timer = setTimeout(() => done(new Error(`no ${pattern} within ${timeoutMs} ms:\n${output}`)), timeoutMs);
      void exited.then(({ code }) =>
        done(pattern.test(output) ? undefined : new Error(`exited (${code}):\n${output}`)),
      );
      listeners.add(check);
      check();
    });

  await printed(/is running at/, startTimeoutMs);
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    pid: child.pid as number,
    output: () => output,
    printed,
    exited,
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}
