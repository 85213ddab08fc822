import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';

/** The publication on the primary and the subscription on the replica (and so its walsender's name). */
export const REPLICATION_NAME = 'iop_replica';

/**
 * Resolves once the replica has applied everything the primary had written when it was called, as
 * PostgreSQL's own tests wait (wait_for_catchup): the subscription's walsender reports the position the
 * replica has applied and flushed, and an idle subscriber reports the primary's latest position.
 */
export async function waitForReplica(primaryUrl: string, timeoutMs = 20_000): Promise<void> {
  const client = new Client({ connectionString: primaryUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ lsn: string }>(`SELECT pg_current_wal_lsn()::text AS lsn`);
    const target = rows[0].lsn;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { rows: caughtUp } = await client.query<{ caught_up: boolean }>(
        `SELECT replay_lsn >= $1::pg_lsn AS caught_up FROM pg_stat_replication
         WHERE application_name = $2 AND state = 'streaming'`,
        [target, REPLICATION_NAME],
      );
      if (caughtUp[0]?.caught_up === true) return;
      if (Date.now() > deadline) throw new Error(`the replica did not reach ${target} within ${timeoutMs} ms`);
      await sleep(50);
    }
  } finally {
    await client.end();
  }
}
