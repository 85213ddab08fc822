import { Client } from 'pg';
import { SUMMARY_FIXTURE_SQL } from '../episodes/testing/summary-fixture';
import { startFixtureApp, startTestApp, type TestApp } from '../testing/test-app';

/**
 * The answers that ResultCache remembers (result-cache.ts) beside the summary, trends and board: each is served
 * from memory until a load stamps dataset_meta, and after it is the answer of the new data, the same as an API
 * that never saw the old data gives.
 */
const CACHED_PATHS = [
  '/api/v1/attendance/heatmap',
  '/api/v1/attendance/compliance',
  '/api/v1/attendance/hours',
  '/api/v1/attendance/no-shows',
  '/api/v1/retention?groupBy=levelOfCare',
  '/api/v1/retention?groupBy=mat',
  '/api/v1/costs/summary',
  '/api/v1/metrics/flow',
  '/api/v1/metrics/discharge-reasons',
];

describe('cached dashboard answers', () => {
  let api: TestApp;
  let database: Client;

  beforeAll(async () => {
    api = await startFixtureApp(SUMMARY_FIXTURE_SQL);
    database = new Client({ connectionString: api.databaseUrl });
    await database.connect();
  });
  afterAll(async () => {
    await database?.end();
    await api?.close();
  });

  const answersOf = async (app: Pick<TestApp, 'get'>) =>
    Promise.all(
      CACHED_PATHS.map(async (path) => {
        const { status, body } = await app.get(path);
        expect({ path, status }).toEqual({ path, status: 200 });
        return body;
      }),
    );

  it('are remembered until the next load, then computed from the new data', async () => {
    const before = await answersOf(api);

    // No writer changes rows without stamping a load; this one does, to show where the answers come from.
    await database.query(`DELETE FROM episodes WHERE id IN (SELECT id FROM episodes ORDER BY id LIMIT 3)`);
    expect(await answersOf(api)).toEqual(before);

    await database.query(`UPDATE dataset_meta SET loaded_at = loaded_at + interval '1 second'`);
    const after = await answersOf(api);
    CACHED_PATHS.forEach((path, index) =>
      expect({ path, changed: after[index] }).not.toEqual({ path, changed: before[index] }),
    );

    const fresh = await startTestApp(api.databaseUrl);
    try {
      expect(await answersOf(fresh)).toEqual(after);
    } finally {
      await fresh.close();
    }
  });
});
