import { Client } from 'pg';

/** The URL without its password, for messages and logs. */
export function redactDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const user = parsed.username ? `${decodeURIComponent(parsed.username)}@` : '';
    return `${parsed.protocol}//${user}${parsed.host}${parsed.pathname}`;
  } catch {
    return '(not a valid URL)';
  }
}

/**
 * Connects once and runs SELECT 1; resolves to null when the database answers, else to one line saying
 * why not, so that start-up fails with a clear message rather than a driver's stack trace.
 */
export async function whyDatabaseUnreachable(url: string, timeoutMs = 5000): Promise<string | null> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    const reason = error instanceof Error && error.message ? error.message : String(error);
    return `cannot connect to ${redactDatabaseUrl(url)}: ${reason}`;
  } finally {
    await client.end().catch(() => undefined);
  }
}
