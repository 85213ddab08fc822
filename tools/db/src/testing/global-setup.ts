import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
// Relative imports only: jest loads global setup outside its module system, where path aliases do not resolve.
import type { DatabaseHandle } from '../lib/database-handle';
import { startEmbeddedDatabase } from '../lib/embedded-database';

/**
 * Jest global setup for every project whose tests need PostgreSQL: a real, throw-away PostgreSQL 18 for
 * the run, or the server at DATABASE_URL when that is set. Tests create their own databases on it
 * (createTestDatabase), so the server's own database is never written.
 */
export default async function startTestDatabaseServer(): Promise<void> {
  const externalUrl = process.env['DATABASE_URL'];
  if (externalUrl) {
    process.env['IOP_TEST_SERVER_URL'] = externalUrl;
    return;
  }
  const dataDir = await mkdtemp(path.join(tmpdir(), 'iop-test-pg-'));
  const handle = await startEmbeddedDatabase({ dataDir, fresh: true, throwaway: true });
  process.env['IOP_TEST_SERVER_URL'] = handle.url;
  (globalThis as { __iopTestDatabase?: { handle: DatabaseHandle; dataDir: string } }).__iopTestDatabase = {
    handle,
    dataDir,
  };
}
