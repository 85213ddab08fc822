import type { UserRole } from '@iop/contracts';
import { runMigrations, startDatabase } from '@iop/db-server';
import { PRESET_NAMES, seedDatabase, type PresetName } from '@iop/synth';
import { hash } from '@node-rs/argon2';
import { Client } from 'pg';

/** The network's database, served by a PostgreSQL this process can stop and start again on the same port. */
export interface LoadDatabase {
  url: string;
  episodes: number;
  /** The network was already in the data directory (no seeding). */
  reused: boolean;
  /** A fast shutdown, as a restart does: sessions are ended, new connections refused. */
  stop(): Promise<void>;
  /** Starts again on the same port and data. */
  start(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Opens the preset's network in `dataDir` (created and seeded with tools/db and the synthesizer when the
 * directory holds none yet; reused otherwise) on tools/db's embedded PostgreSQL, whose port stays the same across
 * stop() and start(), so that the API's DATABASE_URL stays right across a restart.
 */
export async function openLoadDatabase(preset: string, dataDir: string): Promise<LoadDatabase> {
  if (!PRESET_NAMES.includes(preset as PresetName)) {
    throw new Error(`unknown preset ${preset}; use ${PRESET_NAMES.join(', ')}`);
  }
  if (process.env['DATABASE_URL'])
    throw new Error('bench:load restarts its own embedded PostgreSQL: unset DATABASE_URL');
  const database = await startDatabase({ dataDir });
  const start = database.startAgain;
  if (!start) throw new Error('bench:load needs an embedded PostgreSQL it can restart');
  const stop = () => database.stop();
  try {
    await runMigrations(database.url);
    let episodes = await countEpisodes(database.url);
    const reused = episodes > 0;
    if (!reused) {
      await seedDatabase(database.url, { preset: preset as PresetName });
      episodes = await countEpisodes(database.url);
    }
    return { url: database.url, episodes, reused, stop, start, close: stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function countEpisodes(url: string): Promise<number> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ count: string }>('SELECT count(*) FROM episodes');
    return Number(rows[0].count);
  });
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** One virtual user's account. */
export interface LoadAccount {
  email: string;
  role: UserRole;
}

/** Payers of the load's payer accounts, in turn. */
const PAYERS = ['medicaid', 'medicare', 'commercial'] as const;

/**
 * One account per virtual user (load-<role>-<n>@bench.local, all with `password`), created or reset: a
 * director sees two programs (in turn through the network's programs), a payer one of three payers.
 */
export async function createLoadAccounts(
  url: string,
  counts: Record<UserRole, number>,
  password: string,
): Promise<LoadAccount[]> {
  const passwordHash = await hash(password);
  return withClient(url, async (client) => {
    const programs = (await client.query<{ id: number }>('SELECT id FROM programs ORDER BY id')).rows.map((p) => p.id);
    const accounts: LoadAccount[] = [];
    await client.query('BEGIN');
    for (const role of Object.keys(counts) as UserRole[]) {
      for (let n = 0; n < counts[role]; n += 1) {
        const email = `load-${role}-${n + 1}@bench.local`;
        const payer = role === 'payer' ? PAYERS[n % PAYERS.length] : null;
        const { rows } = await client.query<{ id: number }>(
          `INSERT INTO users (org_id, email, password_hash, role, payer, display_name)
           VALUES ((SELECT min(id) FROM organizations), $1, $2, $3, $4, $5)
           ON CONFLICT ((lower(email))) DO UPDATE SET password_hash = EXCLUDED.password_hash, role = EXCLUDED.role,
             payer = EXCLUDED.payer
           RETURNING id`,
          [email, passwordHash, role, payer, `Load ${role} ${n + 1}`],
        );
        await client.query('DELETE FROM user_programs WHERE user_id = $1', [rows[0].id]);
        if (role === 'director') {
          for (const offset of [0, 1]) {
            const programId = programs[(2 * n + offset) % programs.length];
            await client.query('INSERT INTO user_programs (user_id, program_id) VALUES ($1, $2)', [
              rows[0].id,
              programId,
            ]);
          }
        }
        accounts.push({ email, role });
      }
    }
    await client.query('COMMIT');
    return accounts;
  });
}

/** What became of the report jobs requested since `since`. */
export interface ReportOutcomes {
  requested: number;
  succeeded: number;
  failed: number;
  unfinished: number;
  /** Jobs that needed more than one attempt. */
  retried: number;
  retriedAndSucceeded: number;
}

export async function reportOutcomes(url: string, since: Date, ids?: string[]): Promise<ReportOutcomes> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<Record<keyof ReportOutcomes, string>>(
      `SELECT count(*) AS requested,
              count(*) FILTER (WHERE status = 'succeeded') AS succeeded,
              count(*) FILTER (WHERE status = 'failed') AS failed,
              count(*) FILTER (WHERE status IN ('queued', 'running')) AS unfinished,
              count(*) FILTER (WHERE attempts > 1) AS retried,
              count(*) FILTER (WHERE attempts > 1 AND status = 'succeeded') AS "retriedAndSucceeded"
       FROM reports WHERE created_at >= $1 AND ($2::uuid[] IS NULL OR id = ANY ($2))`,
      [since, ids ?? null],
    );
    const row = rows[0];
    return {
      requested: Number(row.requested),
      succeeded: Number(row.succeeded),
      failed: Number(row.failed),
      unfinished: Number(row.unfinished),
      retried: Number(row.retried),
      retriedAndSucceeded: Number(row.retriedAndSucceeded),
    };
  });
}
