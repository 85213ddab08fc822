import type { DatabaseHandle } from './database-handle';
import { startEmbeddedDatabase } from './embedded-database';
import { useExternalDatabase } from './external-database';

export const DEFAULT_DATA_DIR = '.data/pg';

export interface StartDatabaseOptions {
  /** Where the embedded cluster lives; IOP_DATA_DIR, else .data/pg. */
  dataDir?: string;
  /** Start from an empty cluster; IOP_FRESH_DATA=1 asks for the same. */
  fresh?: boolean;
  throwaway?: boolean;
}

/**
 * The product's one way to get a database: DATABASE_URL when it is set (nothing is started), otherwise a
 * real PostgreSQL 18 embedded in the project's data directory.
 */
export function startDatabase(options: StartDatabaseOptions = {}): Promise<DatabaseHandle> {
  const externalUrl = process.env['DATABASE_URL'];
  if (externalUrl) return useExternalDatabase(externalUrl);
  return startEmbeddedDatabase({
    dataDir: options.dataDir ?? process.env['IOP_DATA_DIR'] ?? DEFAULT_DATA_DIR,
    fresh: options.fresh ?? process.env['IOP_FRESH_DATA'] === '1',
    throwaway: options.throwaway,
  });
}
