import { createTestDatabase, type TestDatabase } from '@iop/db-server/testing';
import { migrationDataSourceOptions, MIGRATIONS_TABLE } from '@iop/schema';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { seedDatabase } from './seed-database';

const DERIVED = {
  episode_facts: 'episode_id',
  episode_appointment_counts: 'episode_id, slot, session_type, status',
  episode_weekday_attendance: 'episode_id, iso_weekday, day_part',
} as const;

const GROUPED = 'GroupedAppointments1765400000000';

/**
 * Migration 1765400000000 made the refresh group the appointments once instead of reading them per row in three
 * statements. On the seeded demo network (1,500 episodes, about 58,000 appointments) the grouped refresh must
 * write exactly the rows of the per-row one that it replaced: the migration is reverted (down restores the
 * per-row function) and the tables refreshed again.
 */
describe('the grouped refresh writes the rows of the per-row refresh (demo preset)', () => {
  let database: TestDatabase;
  let client: Client;

  const contents = async (): Promise<Record<string, unknown[]>> => {
    const tables: Record<string, unknown[]> = {};
    for (const [table, key] of Object.entries(DERIVED)) {
      // The facts' revision (a later migration, reverted below with the others) is not the refresh's output.
      tables[table] = (await client.query(`SELECT * FROM ${table} ORDER BY ${key}`)).rows.map(
        ({ revision: _revision, ...row }: Record<string, unknown>) => row,
      );
    }
    return tables;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDatabase(database.url, { preset: 'demo' });
    client = new Client({ connectionString: database.url });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
    await database?.drop();
  });

  it('gives the same episode facts, appointment counts and weekday attendance', async () => {
    const grouped = await contents();
    expect(grouped['episode_facts']).toHaveLength(1500);
    expect(grouped['episode_appointment_counts'].length).toBeGreaterThan(10_000);
    expect(grouped['episode_weekday_attendance'].length).toBeGreaterThan(5_000);

    const dataSource = new DataSource(migrationDataSourceOptions(database.url));
    await dataSource.initialize();
    try {
      // Later migrations, if any, are reverted first: down to just before the grouped refresh.
      while ((await client.query(`SELECT 1 FROM ${MIGRATIONS_TABLE} WHERE name = $1`, [GROUPED])).rowCount) {
        await dataSource.undoLastMigration({ transaction: 'each' });
      }
    } finally {
      await dataSource.destroy();
    }
    const definition = await client.query<{ body: string }>(
      `SELECT prosrc AS body FROM pg_proc WHERE proname = 'refresh_episode_facts' AND pronargs = 1`,
    );
    expect(definition.rows[0].body).not.toContain('appointment_groups');
    await client.query('SELECT refresh_episode_facts()');
    expect(await contents()).toEqual(grouped);
  });
});
