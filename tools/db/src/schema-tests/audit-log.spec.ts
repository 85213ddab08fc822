import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';

describe('audit_events is append-only', () => {
  let database: TestDatabase;
  let client: Client;

  beforeAll(async () => {
    database = await createTestDatabase();
    client = new Client({ connectionString: database.url });
    await client.connect();
    await client.query(`INSERT INTO audit_events (action, resource, outcome) VALUES ('login', 'auth', 'ok')`);
  });
  afterAll(async () => {
    await client?.end();
    await database?.drop();
  });

  it('accepts new events', async () => {
    await client.query(`INSERT INTO audit_events (action, outcome) VALUES ('export', 'ok')`);
    expect((await client.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_events')).rows[0].n).toBe(2);
  });

  it.each([
    ['UPDATE', `UPDATE audit_events SET action = 'nothing happened'`],
    ['DELETE', `DELETE FROM audit_events`],
    ['TRUNCATE', `TRUNCATE audit_events`],
  ])('refuses %s, even to the superuser the embedded database connects as', async (operation, sql) => {
    await expect(client.query(sql)).rejects.toThrow(`audit_events is append-only: ${operation} is not allowed`);
  });

  it('refuses UPDATE and DELETE to an ordinary role granted what an API needs, by privilege as well', async () => {
    await client.query(`DROP ROLE IF EXISTS iop_api_probe`);
    await client.query(`CREATE ROLE iop_api_probe`);
    await client.query(`GRANT SELECT, INSERT ON audit_events TO iop_api_probe`);
    try {
      await client.query('BEGIN');
      await client.query('SET LOCAL ROLE iop_api_probe');
      await expect(client.query(`UPDATE audit_events SET action = 'x'`)).rejects.toThrow(/permission denied/);
      await client.query('ROLLBACK');
    } finally {
      await client.query('ROLLBACK').catch(() => undefined);
      await client.query(`REVOKE ALL ON audit_events FROM iop_api_probe`);
      await client.query(`DROP ROLE iop_api_probe`);
    }
  });
});
