import { stringify } from 'csv-stringify/sync';
import { once } from 'node:events';
import type { PoolClient, Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** csv-stringify writes booleans as 1/'' by default; COPY ... (FORMAT csv) would read '' as NULL. */
const CSV_OPTIONS = { cast: { boolean: (value: boolean) => (value ? 't' : 'f') } };

/**
 * Bulk-loads rows with COPY ... FROM STDIN (FORMAT csv): rows serialised by csv-stringify (null and
 * undefined become empty unquoted fields, which COPY reads as NULL), written in chunks with back-pressure.
 */
export async function copyRows(
  client: Client | PoolClient,
  table: string,
  columns: readonly string[],
  rows: readonly unknown[][],
): Promise<void> {
  if (rows.length === 0) return;
  const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN WITH (FORMAT csv)`));
  const finished = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  const chunkRows = 5_000;
  for (let start = 0; start < rows.length; start += chunkRows) {
    const csv = stringify(rows.slice(start, start + chunkRows), CSV_OPTIONS);
    if (!stream.write(csv)) await Promise.race([once(stream, 'drain'), finished]);
  }
  stream.end();
  await finished;
}
