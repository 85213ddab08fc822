import { createTestDatabase, type TestDatabase } from '@iop/db-server/testing';
import { Client } from 'pg';
import { startTestApp, type TestApp } from '../testing/test-app';

describe('GET /api/health', () => {
  const statusAndBody = async (path: string) => {
    const { status, body } = await api.get(path);
    return { status, body };
  };

  let database: TestDatabase;
  let api: TestApp;
  beforeAll(async () => {
    database = await createTestDatabase();
    api = await startTestApp(database.url);
  });
  afterAll(async () => {
    await api.close();
    await database.drop();
  });

  it('says ok while the database answers', async () => {
    expect(await statusAndBody('/api/health')).toEqual({ status: 200, body: { status: 'ok', database: 'up' } });
  });

  it('answers 503 with database down when the database cannot be reached, and recovers', async () => {
    const name = new URL(database.url).pathname.slice(1);
    const admin = new Client({ connectionString: process.env['IOP_TEST_SERVER_URL'] });
    await admin.connect();
    try {
      await admin.query(`ALTER DATABASE ${admin.escapeIdentifier(name)} ALLOW_CONNECTIONS false`);
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name]);
      expect(await statusAndBody('/api/health')).toEqual({ status: 503, body: { status: 'error', database: 'down' } });
    } finally {
      await admin.query(`ALTER DATABASE ${admin.escapeIdentifier(name)} ALLOW_CONNECTIONS true`);
      await admin.end();
    }
    expect(await statusAndBody('/api/health')).toEqual({ status: 200, body: { status: 'ok', database: 'up' } });
  });

  it('publishes the OpenAPI document with the summary endpoint and its filters', async () => {
    const { status, body } = await api.get('/api/docs-json');
    expect(status).toBe(200);
    const document = body as { paths: Record<string, { get: { parameters: Array<{ name: string }> } }> };
    const summary = document.paths['/api/v1/metrics/summary'];
    expect(summary.get.parameters.map((parameter) => parameter.name).sort()).toEqual([
      'ageBand',
      'counselorId',
      'from',
      'levelOfCare',
      'payer',
      'programId',
      'substance',
      'to',
    ]);
    expect(document.paths['/api/health']).toBeDefined();
  });
});
