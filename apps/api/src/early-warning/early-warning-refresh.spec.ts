import { Client } from 'pg';
import { startFixtureApp, type TestApp } from '../testing/test-app';
import { EarlyWarningFeaturesQuery } from './early-warning-features.query';
import { HistoryTable } from './history-table';
import { EARLY_WARNING_FIXTURE_SQL } from './testing/early-warning-fixture';

/** Polls until `done` holds, failing after `timeoutMs`: the refresh runs on its own clock, not the test's. */
async function eventually(done: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`not done within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the early-warning model refreshed in the background (real PostgreSQL)', () => {
  let api: TestApp;
  // The history is read only to fit the model: each reading is one fit.
  const historyReads = jest.spyOn(EarlyWarningFeaturesQuery.prototype, 'history');
  const previousPeriod = process.env['IOP_EARLY_WARNING_REFRESH_SECONDS'];

  beforeAll(async () => {
    process.env['IOP_EARLY_WARNING_REFRESH_SECONDS'] = '1';
    api = await startFixtureApp(EARLY_WARNING_FIXTURE_SQL);
  });
  afterAll(async () => {
    await api.close();
    historyReads.mockRestore();
    if (previousPeriod === undefined) delete process.env['IOP_EARLY_WARNING_REFRESH_SECONDS'];
    else process.env['IOP_EARLY_WARNING_REFRESH_SECONDS'] = previousPeriod;
  });

  async function change(sql: string): Promise<void> {
    const client = new Client({ connectionString: api.databaseUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }

  it('fits at start-up and after each load without a request; the list is remembered until a load', async () => {
    await eventually(() => historyReads.mock.calls.length === 1, 30_000);
    await expect(historyReads.mock.results[0].value).resolves.toBeInstanceOf(HistoryTable);

    const first = await api.get('/api/v1/early-warning');
    expect(first.status).toBe(200);
    expect(historyReads).toHaveBeenCalledTimes(1);

    // Several periods of an unchanged version: the cached model is found, nothing is read again.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(historyReads).toHaveBeenCalledTimes(1);

    // Rows changed without a load are not seen: the list of this data version is remembered.
    await change(`UPDATE appointments SET status = 'no_show' WHERE episode_id = 2 AND status = 'attended'`);
    expect((await api.get('/api/v1/early-warning')).body).toEqual(first.body);

    // What every load does last (imports, the CLI, the seeder): a new data version.
    await change(`UPDATE dataset_meta SET loaded_at = clock_timestamp()`);
    await eventually(() => historyReads.mock.calls.length === 2, 30_000);
    await expect(historyReads.mock.results[1].value).resolves.toBeInstanceOf(HistoryTable);
    const afterLoad = await api.get('/api/v1/early-warning');
    expect(afterLoad.status).toBe(200);
    expect(historyReads).toHaveBeenCalledTimes(2);
    expect(afterLoad.body).not.toEqual(first.body);
  }, 90_000);
});
