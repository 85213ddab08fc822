import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';

/** The publication on the primary and the subscription on the replica (and so its walsender's name). */
export const REPLICATION_NAME = 'iop_replica';

/**
 * A table of the test servers only (never of the migrations), published with the rest of schema public: a row
 * committed on the primary shows on the replica once everything committed before it has been applied.
 */
export const REPLICATION_MARKER_TABLE_SQL = `CREATE TABLE replication_marker (token text PRIMARY KEY)`;

/** `work` on a client of its own on `url`, ended afterwards whatever happens. */
export async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Resolves once the replica has applied everything the primary had committed when it was called. A subscriber
 * applies the primary's transactions in commit order, so this commits a new marker row on the primary and waits
 * for it on the replica. The replay position pg_stat_replication shows was not enough: after a pause, it said a
 * load was applied while the replica still answered without it (a test read the old answer on a busy machine).
 */
export async function waitForReplica(primaryUrl: string, replicaUrl: string, timeoutMs = 20_000): Promise<void> {
  const token = randomUUID();
  await withClient(primaryUrl, (client) => client.query(`INSERT INTO replication_marker (token) VALUES ($1)`, [token]));
  const deadline = Date.now() + timeoutMs;
  await withClient(replicaUrl, async (client) => {
    while ((await client.query(`SELECT 1 FROM replication_marker WHERE token = $1`, [token])).rowCount === 0) {
      if (Date.now() > deadline)
        throw new Error(`the replica did not apply the primary's changes within ${timeoutMs} ms`);
      await sleep(50);
    }
  });
}
