import { createTestDatabase, type TestDatabase } from '@iop/db-server/testing';
import { Client } from 'pg';
import { parseOneRow, parseRows } from '../database/parse-rows';
import {
  EPISODE_AGGREGATES_SQL,
  episodeAggregatesSchema,
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
