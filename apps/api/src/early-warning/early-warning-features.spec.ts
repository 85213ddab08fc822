import { createTestDatabase, type TestDatabase } from '@iop/db-server/testing';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { EarlyWarningFeaturesQuery, type EpisodeDayFeatures } from './early-warning-features.query';
import { EARLY_WARNING_FIXTURE_SQL, ROWS_AFTER_THE_DAY_SQL } from './testing/early-warning-fixture';

const COVARIATES = {
  ageBand: '35-44',
  sex: 'female',
  substance: 'opioids',
  severity: 2,
  priorEpisodes: 1,
  payer: 'medicaid',
};

/** Hand-worked in testing/early-warning-fixture.ts. */
const EXPECTED: EpisodeDayFeatures[] = [
  {
    episodeId: 1,
    day: '2025-03-20',
    weekOfTreatment: 3,
    counted14: 6,
    attended14: 1,
    counted28: 8,
    attended28: 3,
    consecutiveNoShows: 3,
    daysSinceLastAttended: 8,
    flaggedScreens28: 2,
    mat: true,
    ...COVARIATES,
  },
  {
    episodeId: 2,
    day: '2025-03-20',
    weekOfTreatment: 2,
    counted14: 2,
    attended14: 1,
    counted28: 2,
    attended28: 1,
    consecutiveNoShows: 1,
    daysSinceLastAttended: 5,
    flaggedScreens28: 1,
    mat: false,
    ...COVARIATES,
  },
];

describe('EarlyWarningFeaturesQuery', () => {
  let database: TestDatabase;
  let client: Client;
  let query: EarlyWarningFeaturesQuery;

  beforeAll(async () => {
    database = await createTestDatabase();
    client = new Client({ connectionString: database.url });
    await client.connect();
    await client.query(EARLY_WARNING_FIXTURE_SQL);
    // The query class needs only DataSource.query: rows of a parameterised statement.
    const dataSource = {
      query: async (sql: string, params?: unknown[]): Promise<unknown[]> =>
        (await client.query<Record<string, unknown>>(sql, params)).rows,
    } as unknown as DataSource;
    query = new EarlyWarningFeaturesQuery(dataSource);
  });
  afterAll(async () => {
    await client?.end();
    await database?.drop();
  });

  it('builds the features of a past day as hand-worked, then proves rows dated after it change nothing', async () => {
    const before = await query.asOf('2025-03-20', [1, 2]);
    expect(before).toEqual(EXPECTED);

    await client.query(ROWS_AFTER_THE_DAY_SQL);
    const after = await query.asOf('2025-03-20', [1, 2]);
    expect(after).toEqual(before);
    // The rows are there: the next day sees them (episode 2's 00:30 attendance, its dispense).
    const nextDay = await query.asOf('2025-03-21', [2]);
    expect(nextDay[0]).toMatchObject({ attended14: 2, consecutiveNoShows: 0, daysSinceLastAttended: 0, mat: true });
  });

  it('leaves out an episode admitted after the day', async () => {
    expect(await query.asOf('2025-03-05', [1, 2])).toEqual([expect.objectContaining({ episodeId: 1 })]);
  });

  it('makes weekly training rows while each episode was in treatment, labelled by disengagement within 14 days', async () => {
    // After ROWS_AFTER_THE_DAY_SQL, episode 1 was discharged 03-28 (dropped out): its scoring days are 03-01, 03-08,
    // 03-15, 03-22 (03-29 is after the discharge); the last three disengaged within 14 days. Episode 2 is active:
    // 03-10 + 7k up to as-of - 14 = 06-16, none disengaged. Cut-off 06-30 - 182 = 12-30 of 2024: all after it.
    const table = await query.history();
    const history = Array.from({ length: table.length }, (_, i) => table.at(i));
    const episode1 = history.filter((row) => row.episodeId === 1).map((row) => [row.day, row.disengaged]);
    expect(episode1).toEqual([
      ['2025-03-01', false],
      ['2025-03-08', false],
      ['2025-03-15', true],
      ['2025-03-22', true],
    ]);
    const episode2 = history.filter((row) => row.episodeId === 2);
    expect(episode2).toHaveLength(15);
    expect(episode2.at(-1)?.day).toBe('2025-06-16');
    expect(episode2.every((row) => !row.disengaged && row.period === 'after')).toBe(true);
  });
});
