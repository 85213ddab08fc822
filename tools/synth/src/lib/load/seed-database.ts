import { Client } from 'pg';
import { DEFAULT_SEED, generateSyntheticNetwork, type NetworkRows } from '../generate';
import { loadGroundTruth, type PresetName } from '../ground-truth';
import {
  BATCH_TABLE_COLUMNS,
  BATCH_TABLES,
  ORGANIZATION_ID,
  programSourceId,
  SOURCE_SYSTEM,
  STAFF_COLUMNS,
  type BatchTable,
} from '../rows/tables';
import { copyRows } from './copy-rows';
import { settingRows } from './settings-rows';
import { insertDefaultBenchmarks } from '@iop/import';

export interface SeedOptions {
  preset: PresetName;
  seed?: number;
  /** Overrides the preset's episode count (tests). */
  episodes?: number;
  batchEpisodes?: number;
  /** Called after each batch with episodes loaded so far and the total. */
  onProgress?: (done: number, total: number) => void;
}

export interface SeedReport {
  preset: PresetName;
  seed: number;
  asOf: string;
  generatorVersion: string;
  /** Rows written per table. */
  rows: Record<string, number>;
  seconds: number;
}

/** Tables whose rows the seed replaces: every table below the organisation and its programs. */
const REPLACED_TABLES = [
  'charges',
  'mutual_help',
  'medication_dispenses',
  'assessments',
  'plan_goals',
  'drug_screens',
  'appointments',
  'episodes',
  'patients',
  'staff',
  'settings',
  'metric_benchmarks',
  'metric_targets',
  'dataset_meta',
];
const TABLES_WITH_EXPLICIT_IDS = ['organizations', 'programs', 'staff', 'patients', 'episodes'];
/** Episodes per COPY batch when loading: fewer, larger COPY statements than the generator's default. */
const LOAD_BATCH_EPISODES = 2_000;

/**
 * Generates the synthetic network and loads it into the database at `url`, in one transaction: a failed
 * seed leaves the previous data as it was.
 *
 * What is replaced and what is kept: every domain table from staff down to charges, settings, the benchmarks and
 * targets, and dataset_meta is emptied (TRUNCATE ... RESTART IDENTITY CASCADE, which also empties any derived table that
 * references them). The organisation and the programs are not truncated but upserted by id, because
 * users (NOT NULL org_id) and user_programs reference them: demo users and their program scopes survive
 * a re-seed. Programs the new preset does not have are deleted (their user_programs rows go with them,
 * ON DELETE CASCADE). users, user_programs and audit_events are never touched otherwise.
 */
export async function seedDatabase(url: string, options: SeedOptions): Promise<SeedReport> {
  const started = Date.now();
  const truth = loadGroundTruth();
  const seed = options.seed ?? DEFAULT_SEED;
  const synthetic = generateSyntheticNetwork({
    preset: options.preset,
    seed,
    episodes: options.episodes,
    batchEpisodes: options.batchEpisodes ?? LOAD_BATCH_EPISODES,
    truth,
  });
  const { network } = synthetic;
  const rows: Record<string, number> = {};
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN');
    // One durable commit at the end is all that matters; the load itself need not wait for WAL flushes.
    await client.query('SET LOCAL synchronous_commit = off');
    await client.query(`TRUNCATE ${REPLACED_TABLES.join(', ')} RESTART IDENTITY CASCADE`);
    await upsertNetwork(client, network);
    rows['organizations'] = 1;
    rows['programs'] = network.programs.length;
    await copyRows(client, 'staff', STAFF_COLUMNS, network.staff);
    rows['staff'] = network.staff.length;
    for (const table of BATCH_TABLES) rows[table] = 0;
    options.onProgress?.(0, network.size.episodes);
    for (const batch of synthetic.batches()) {
      for (const table of BATCH_TABLES) await copyBatchTable(client, table, batch.rows[table], rows);
      options.onProgress?.(batch.episodesDone, batch.episodesTotal);
    }
    const settings = settingRows(truth);
    for (const setting of settings) {
      await client.query('INSERT INTO settings (org_id, key, value, dollar_year, source) VALUES ($1, $2, $3, $4, $5)', [
        ORGANIZATION_ID,
        setting.key,
        JSON.stringify(setting.value),
        setting.dollarYear,
        setting.source,
      ]);
    }
    rows['settings'] = settings.length;
    rows['metric_benchmarks'] = await insertDefaultBenchmarks(client, ORGANIZATION_ID);
    await client.query('INSERT INTO dataset_meta (org_id, as_of, generated_by) VALUES ($1, $2, $3)', [
      ORGANIZATION_ID,
      network.asOf,
      JSON.stringify({
        generator: '@iop/synth',
        preset: network.preset,
        seed: network.seed,
        generatorVersion: network.generatorVersion,
      }),
    ]);
    rows['dataset_meta'] = 1;
    for (const table of TABLES_WITH_EXPLICIT_IDS) {
      // Explicit ids were written: move each identity past them so that later inserts do not collide.
      await client.query(
        `SELECT setval(pg_get_serial_sequence('${table}', 'id'), GREATEST((SELECT max(id) FROM ${table}), 1))`,
      );
    }
    // Episode facts (docs/ARCHITECTURE.md, "Computation path") are derived from the rows just loaded: refreshed in the same
    // transaction, so that readers never see new rows with old facts.
    await client.query('SELECT refresh_episode_facts()');
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
  await analyze(url);
  return {
    preset: network.preset,
    seed: network.seed,
    asOf: network.asOf,
    generatorVersion: network.generatorVersion,
    rows,
    seconds: (Date.now() - started) / 1000,
  };
}

async function copyBatchTable(
  client: Client,
  table: BatchTable,
  batchRows: unknown[][],
  rows: Record<string, number>,
): Promise<void> {
  await copyRows(client, table, BATCH_TABLE_COLUMNS[table], batchRows);
  rows[table] += batchRows.length;
}

/** The organisation and its programs, by id (see seedDatabase for why they are not truncated). */
async function upsertNetwork(client: Client, network: NetworkRows): Promise<void> {
  const { organization, programs } = network;
  await client.query(
    'INSERT INTO organizations (id, name) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name',
    [organization.id, organization.name],
  );
  const ids = programs.map((program) => program.id);
  await client.query('DELETE FROM programs WHERE id <> ALL($1::int[])', [ids]);
  // Free the names first: program names are unique per organisation and may move between ids.
  await client.query(`UPDATE programs SET name = '~' || id WHERE org_id = $1`, [organization.id]);
  for (const program of programs) {
    await client.query(
      `INSERT INTO programs (id, org_id, name, level_of_care, asam_edition, timezone, source_system, source_id)
       VALUES ($1, $2, $3, $4, 3, $5, $6, $7)
       ON CONFLICT (id) DO UPDATE SET org_id = EXCLUDED.org_id, name = EXCLUDED.name, level_of_care = EXCLUDED.level_of_care,
         asam_edition = EXCLUDED.asam_edition, timezone = EXCLUDED.timezone, source_system = EXCLUDED.source_system,
         source_id = EXCLUDED.source_id`,
      [
        program.id,
        organization.id,
        program.name,
        program.levelOfCare,
        program.timeZone,
        SOURCE_SYSTEM,
        programSourceId(program.id),
      ],
    );
  }
}

/** Fresh planner statistics for the loaded tables (outside the transaction: it only reads). */
async function analyze(url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`ANALYZE ${['organizations', 'programs', ...REPLACED_TABLES, 'episode_facts'].join(', ')}`);
  } finally {
    await client.end();
  }
}
