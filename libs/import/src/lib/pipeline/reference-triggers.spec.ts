import { createTestDatabase, type TestDatabase } from '@iop/db-server/testing';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { SMALL_EXPORT, TEST_PATIENT_KEY_SECRET, writeExport } from '../../testing/csv-fixture';
import { MERGE_SHAPES, maySkipReferenceTriggers } from './merge-statements';
import { runImport } from './run-import';

/**
 * The merge switches the foreign-key triggers off only where the database lets it (a superuser, or a role granted
 * SET on session_replication_role). An ordinary role imports the same rows with the triggers on; the tests of the
 * other specs run as the embedded database's superuser, so they cover the path without triggers.
 */
describe('the merge without foreign-key triggers is only taken where the role may', () => {
  let database: TestDatabase;
  let admin: Client;
  const role = `importer_${randomBytes(4).toString('hex')}`;
  const password = randomBytes(12).toString('hex');
  const roleUrl = (): string => {
    const url = new URL(database.url);
    url.username = role;
    url.password = password;
    return url.toString();
  };
  const allowedFor = async (url: string): Promise<boolean> => {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      return await maySkipReferenceTriggers(client);
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    admin = new Client({ connectionString: database.url });
    await admin.connect();
    await admin.query(`CREATE ROLE ${role} LOGIN PASSWORD '${password}' NOSUPERUSER`);
    await admin.query(`GRANT ALL ON ALL TABLES IN SCHEMA public TO ${role}`);
    await admin.query(`GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO ${role}`);
  });
  afterAll(async () => {
    await admin?.query(`DROP OWNED BY ${role}`).catch(() => undefined);
    await admin?.query(`DROP ROLE IF EXISTS ${role}`).catch(() => undefined);
    await admin?.end();
    await database?.drop();
  });

  it('is allowed to the superuser, refused to an ordinary role until it is granted the parameter', async () => {
    expect(await allowedFor(database.url)).toBe(true);
    expect(await allowedFor(roleUrl())).toBe(false);
    await admin.query(`GRANT SET ON PARAMETER session_replication_role TO ${role}`);
    expect(await allowedFor(roleUrl())).toBe(true);
    await admin.query(`REVOKE SET ON PARAMETER session_replication_role FROM ${role}`);
    expect(await allowedFor(roleUrl())).toBe(false);
  });

  it('the tables an import writes have no triggers of their own, which replica mode would silently skip', async () => {
    const tables = [...new Set(Object.values(MERGE_SHAPES).map((shape) => shape.table))];
    const triggers = await admin.query<{ trigger: string }>(
      `SELECT tgrelid::regclass::text || '.' || tgname AS trigger FROM pg_trigger
       WHERE NOT tgisinternal AND tgrelid::regclass::text = ANY($1)`,
      [tables],
    );
    expect(tables).toHaveLength(11);
    expect(triggers.rows).toEqual([]);
  });

  it('an ordinary role imports with the triggers on, the same rows', async () => {
    const exported = await writeExport(SMALL_EXPORT);
    const outcome = await runImport(roleUrl(), {
      organization: 'Lakeside Recovery',
      sourceSystem: 'kipu-east',
      mode: 'merge',
      dryRun: false,
      files: exported.files,
      patientKeySecret: TEST_PATIENT_KEY_SECRET,
      via: 'cli',
    });
    await exported.remove();
    expect(outcome.error).toBeNull();
    expect(outcome.status).toBe('succeeded');
    expect(outcome.counts.appointments).toEqual({ read: 3, inserted: 3, updated: 0, unchanged: 0, deleted: 0 });
    const rows = await admin.query<{ source_id: string; episode: string; staff: string | null }>(
      `SELECT a.source_id, e.source_id AS episode, s.source_id AS staff
       FROM appointments a JOIN episodes e ON e.id = a.episode_id LEFT JOIN staff s ON s.id = a.staff_id
       ORDER BY a.source_id`,
    );
    expect(rows.rows).toEqual([
      { source_id: 'A1', episode: 'E1', staff: 'S1' },
      { source_id: 'A2', episode: 'E1', staff: 'S1' },
      { source_id: 'A3', episode: 'E2', staff: null },
    ]);
  });
});
