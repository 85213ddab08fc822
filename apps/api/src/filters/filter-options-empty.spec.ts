import type { FilterOptionsResponse } from '@iop/contracts';
import { startFixtureApp, type TestApp } from '../testing/test-app';

// A file of its own: the app module reads DATABASE_URL once per test file, so each file gets one database.
describe('GET /api/v1/filters/options before any data is loaded', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startFixtureApp('SELECT refresh_episode_facts();');
  });
  afterAll(() => api.close());

  it('offers nothing and has no date range', async () => {
    const { status, body } = await api.get('/api/v1/filters/options');
    expect(status).toBe(200);
    expect(body).toEqual<FilterOptionsResponse>({
      programs: [],
      counselors: [],
      levelsOfCare: [],
      payers: [],
      substances: [],
      ageBands: [],
      admitDateRange: { from: null, to: null },
    });
  });
});
