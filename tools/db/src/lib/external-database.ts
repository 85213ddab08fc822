import { whyDatabaseUnreachable } from '@iop/schema';
import { parseDatabaseUrl } from './connection-url';
import type { DatabaseHandle } from './database-handle';
import { StartupError } from './startup-error';

/** Uses the PostgreSQL at DATABASE_URL: checks that it answers, and starts nothing. */
export async function useExternalDatabase(url: string): Promise<DatabaseHandle> {
  parseDatabaseUrl(url);
  const problem = await whyDatabaseUnreachable(url);
  if (problem) throw new StartupError(`DATABASE_URL: ${problem}`);
  return { url, embedded: false, stop: () => Promise.resolve() };
}
