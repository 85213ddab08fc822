import { createTestDatabase, type TestDatabase } from '@iop/db-server/testing';
import { Client } from 'pg';
import { parseOneRow, parseRows } from '../database/parse-rows';
import {
  EPISODE_AGGREGATES_SQL,
  EPISODE_CELL_KEYS_SQL,
  episodeAggregatesSchema,
  keyedEpisodeAggregatesSchema,
  metricValue,
  NO_EPISODE_AGGREGATES,
} from './episode-aggregates.sql';
import { SUMMARY_FIXTURE_SQL } from './testing/summary-fixture';

/** The shared aggregates as PostgreSQL computes them on the summary fixture, read by node-postgres as-is. */
describe('the episode aggregates and their row parser (real PostgreSQL)', () => {
  let database: TestDatabase;
  let client: Client;
  const aggregatesOf = async (selectList: string, where = 'true') =>
    (await client.query<Record<string, unknown>>(`SELECT ${selectList} FROM episode_facts f WHERE ${where}`)).rows;

  beforeAll(async () => {
    database = await createTestDatabase();
    client = new Client({ connectionString: database.url });
    await client.connect();
    await client.query(SUMMARY_FIXTURE_SQL);
  });
  afterAll(async () => {
    await client?.end();
    await database?.drop();
  });

  it('parses what node-postgres returns: the counts as numbers, the means and medians as numbers or null', async () => {
    const row = parseOneRow('aggregates', episodeAggregatesSchema, await aggregatesOf(EPISODE_AGGREGATES_SQL));
    // summary-fixture.ts: four episodes, two active; 5 attended of 10 counted appointments.
    expect([row.episodes, row.active, row.attended, row.attendance_denominator]).toEqual([4, 2, 5, 10]);
    expect(typeof row.hours_mean).toBe('number');
    expect(typeof row.los_median).toBe('number');
  });

  it("sums each count's record keys modulo 2^24, the cell key a payer's count is perturbed by", async () => {
    // Keys chosen so that the sums wrap: episodes 1 and 3 have 16,000,000, episode 2 has 1,000, episode 4 has 7.
    await client.query(`
      UPDATE episodes SET record_key = CASE id WHEN 2 THEN 1000 WHEN 4 THEN 7 ELSE 16000000 END;
      UPDATE episode_facts f SET record_key = e.record_key FROM episodes e WHERE e.id = f.episode_id;
    `);
    const row = parseOneRow(
      'aggregates',
      keyedEpisodeAggregatesSchema,
      await aggregatesOf(`${EPISODE_AGGREGATES_SQL}, ${EPISODE_CELL_KEYS_SQL}`),
    );
    // By hand, 2^24 = 16,777,216. All four: 32,001,007 - 16,777,216. Active (2, 3): 16,001,000. Discharged (1, 4):
    // 16,000,007. Completed (1): 16,000,000. Dropped out (4, reason 2): 7.
    expect([row.episodes_key, row.active_key, row.discharged_key, row.completed_key, row.dropped_out_key]).toEqual([
      15_223_791, 16_001_000, 16_000_007, 16_000_000, 7,
    ]);
  });

  it('reads an empty selection as NO_EPISODE_AGGREGATES, the series fill value', async () => {
    const row = parseOneRow('aggregates', episodeAggregatesSchema, await aggregatesOf(EPISODE_AGGREGATES_SQL, 'false'));
    expect(row).toEqual(NO_EPISODE_AGGREGATES);
    expect(metricValue('attendanceRate', row)).toEqual({ numerator: 0, denominator: 0, rate: null, ci95: null });
  });

  it('fails, naming the column, when the SQL renames one', async () => {
    const renamed = EPISODE_AGGREGATES_SQL.replace('AS no_show,', 'AS no_shows,');
    expect(renamed).not.toBe(EPISODE_AGGREGATES_SQL);
    const rows: unknown = await aggregatesOf(renamed);
    expect(() => parseRows('SummaryQuery', episodeAggregatesSchema, rows)).toThrow(
      'SummaryQuery: row 1 of 1: column "no_show": Invalid input: expected string, received undefined',
    );
  });

  it('fails, naming the column, when a count is cast to int (a number, not int8 digits)', async () => {
    const cast = EPISODE_AGGREGATES_SQL.replace('count(*) AS episodes,', 'count(*)::int AS episodes,');
    expect(cast).not.toBe(EPISODE_AGGREGATES_SQL);
    const rows: unknown = await aggregatesOf(cast);
    expect(() => parseRows('SummaryQuery', episodeAggregatesSchema, rows)).toThrow(
      'column "episodes": Invalid input: expected string, received number',
    );
  });
});
