import { Client } from 'pg';
import { SUMMARY_FIXTURE_SQL } from '../episodes/testing/summary-fixture';
import { createTestUser, startFixtureApp, type TestApp } from '../testing/test-app';
import { XLSX_ROW_LIMIT } from './xlsx-row-limit';

/** The four episodes of summary-fixture.ts, two of them in program 1, with the XLSX limit lowered to 3 rows. */
describe('the XLSX row limit', () => {
  let api: TestApp;
  let directorToken: string;

  beforeAll(async () => {
    api = await startFixtureApp(SUMMARY_FIXTURE_SQL, [{ provide: XLSX_ROW_LIMIT, useValue: 3 }]);
    await createTestUser(api.databaseUrl, {
      email: 'director@xlsx-limit.test',
      password: 'director-password',
      role: 'director',
      programIds: [1],
    });
    directorToken = await api.signIn('director@xlsx-limit.test', 'director-password');
  });
  afterAll(() => api.close());

  async function exportEventCount(): Promise<number> {
    const client = new Client({ connectionString: api.databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_events WHERE action = 'export.episodes'`,
      );
      return rows[0].n;
    } finally {
      await client.end();
    }
  }

  it('refuses a workbook over the limit before the download starts, points to the CSV and audits nothing', async () => {
    const before = await exportEventCount();
    const response = await api.get('/api/v1/exports/episodes.xlsx');
    expect(response.status).toBe(422);
    expect(response.headers.get('content-disposition')).toBeNull();
    expect((response.body as { message: string }).message).toBe(
      'The selection has 4 episodes; XLSX exports are limited to 3 rows. ' +
        'Narrow the filters, or download CSV, which has no limit.',
    );
    expect(await exportEventCount()).toBe(before);
  });

  it('still gives the CSV of the same selection, and an XLSX within the limit', async () => {
    const csv = await api.get('/api/v1/exports/episodes.csv');
    expect(csv.status).toBe(200);
    expect(String(csv.body).trim().split('\n')).toHaveLength(1 + 4);
    const filtered = await api.get('/api/v1/exports/episodes.xlsx?programId=1');
    expect(filtered.status).toBe(200);
    const director = await api.request('GET', '/api/v1/exports/episodes.xlsx', {
      headers: { authorization: `Bearer ${directorToken}` },
    });
    expect(director.status).toBe(200);
    expect(director.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
  });
});
