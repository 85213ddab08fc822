import { createTestDatabase, type TestDatabase } from '@iop/db-server/testing';
import { Client } from 'pg';
import { createTestUser, startTestApp, type TestApp } from '../testing/test-app';

const PAYER = { email: 'payer@denied.test', password: 'a payer password' };

/** An access.denied row as the specs read it back. */
interface DeniedEvent {
  email: string;
  role: string;
  resource: string;
  outcome: string;
  details: { path: string; allowedRoles: string[] };
}

describe('refused access is audited: a payer at patient-level rows leaves an access.denied event', () => {
  let database: TestDatabase;
  let api: TestApp;
  let sql: Client;
  let token: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    api = await startTestApp(database.url);
    sql = new Client({ connectionString: database.url });
    await sql.connect();
    await createTestUser(database.url, { ...PAYER, role: 'payer', payer: 'commercial' });
    token = await api.signIn(PAYER.email, PAYER.password);
  });
  afterAll(async () => {
    await sql?.end();
    await api?.close();
    await database?.drop();
  });

  const deniedEvents = async () =>
    (
      await sql.query<DeniedEvent>(
        `SELECT email, role, resource, outcome, details FROM audit_events WHERE action = 'access.denied' ORDER BY id`,
      )
    ).rows;
  const getAsPayer = (path: string) => api.request('GET', path, { headers: { authorization: `Bearer ${token}` } });

  it('writes one denied event per refused request: who, which route and path, open to whom', async () => {
    const refused = [
      '/api/v1/quality/measures/pod/patients?population=numerator',
      '/api/v1/quality/measures/pod/patients.csv?population=numerator',
      '/api/v1/exports/episodes.xlsx?programId=1',
    ];
    for (const path of refused) expect((await getAsPayer(path)).status).toBe(403);

    const analysts = ['director', 'quality', 'admin'];
    expect(await deniedEvents()).toEqual([
      {
        email: PAYER.email,
        role: 'payer',
        resource: 'GET /api/v1/quality/measures/:id/patients',
        outcome: 'denied',
        details: { path: '/api/v1/quality/measures/pod/patients', allowedRoles: analysts },
      },
      {
        email: PAYER.email,
        role: 'payer',
        resource: 'GET /api/v1/quality/measures/:id/patients.csv',
        outcome: 'denied',
        details: { path: '/api/v1/quality/measures/pod/patients.csv', allowedRoles: analysts },
      },
      {
        email: PAYER.email,
        role: 'payer',
        resource: 'GET /api/v1/exports/episodes.xlsx',
        outcome: 'denied',
        details: { path: '/api/v1/exports/episodes.xlsx', allowedRoles: analysts },
      },
    ]);
  });

  it('audits nothing for an allowed request or for no session at all (401 names nobody)', async () => {
    const before = (await deniedEvents()).length;
    expect((await getAsPayer('/api/v1/auth/me')).status).toBe(200);
    expect((await api.request('GET', '/api/v1/exports/episodes.csv')).status).toBe(401);
    expect((await deniedEvents()).length).toBe(before);
  });
});
