import { Client } from 'pg';

/**
 * The replica's URL with its sessions read-only (`default_transaction_read_only`, sent at connection start): a
 * write routed to a replica by mistake then fails loudly (SQLSTATE 25006) instead of landing on a server that
 * logical replication would not carry back to the primary. A hot standby refuses writes by itself; a logical
 * subscriber would not.
 */
export function readOnlySessionUrl(url: string): string {
  const parsed = new URL(url);
  const options = parsed.searchParams.get('options');
  parsed.searchParams.set('options', [options, '-c default_transaction_read_only=on'].filter(Boolean).join(' '));
  return parsed.toString();
}

/** host:port/database of a URL, without its credentials, for messages. */
export function describeDatabaseUrl(url: string): string {
  const { hostname, port, pathname } = new URL(url);
  return `${hostname}:${port || '5432'}${pathname}`;
}

/**
 * Connects to each replica once at start-up and fails with a message naming the one that did not answer, as the
 * API fails when DATABASE_URL does not (TypeORM connects every pool at start and would only say ECONNREFUSED).
 */
export async function checkReplicasAnswer(urls: readonly string[], timeoutMs: number): Promise<void> {
  for (const url of urls) {
    const client = new Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
    try {
      await client.connect();
      await client.query('SELECT 1');
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`DATABASE_REPLICA_URLS: the replica ${describeDatabaseUrl(url)} did not answer (${reason})`, {
        cause: error,
      });
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}
