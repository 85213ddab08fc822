import { expect } from '@jest/globals';
import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '@iop/db-server/testing';
import { seedDatabase, type SeedReport } from './seed-database';

/** Seeds the demo network into a real PostgreSQL 18 (tools/db's test server) and checks what landed. */
describe('seedDatabase (PostgreSQL)', () => {
  let database: TestDatabase;
  let client: Client;
  let report: SeedReport;

  const count = async (table: string): Promise<number> =>
    Number((await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${table}`)).rows[0].n);
  /** md5 over every row of a table in id order: equal checksums mean equal contents. */
  // Every column but the episodes' record keys, which are drawn at random on every insert (they key the payer's
  // perturbation and must not follow from the seed).
  const tableChecksum = async (table: string): Promise<string> =>
    (
      await client.query<{ md5: string }>(
        `SELECT md5(string_agg((to_jsonb(t) - 'record_key')::text, '|' ORDER BY t.id)) AS md5 FROM ${table} t`,
      )
    ).rows[0].md5;

  beforeAll(async () => {
    database = await createTestDatabase();
    const progress: Array<[number, number]> = [];
    report = await seedDatabase(database.url, {
      preset: 'demo',
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(progress[0]).toEqual([0, 1500]);
    expect(progress[progress.length - 1]).toEqual([1500, 1500]);
    client = new Client({ connectionString: database.url });
    await client.connect();
  });

  afterAll(async () => {
    await client?.end();
    await database?.drop();
  });

  it('writes as many rows per table as the report says (every FK and CHECK constraint accepted them)', async () => {
    expect(report.rows['episodes']).toBe(1500);
    expect(report.rows['appointments']).toBeGreaterThan(45_000);
    for (const [table, rows] of Object.entries(report.rows))
      expect({ table, rows: await count(table) }).toEqual({ table, rows });
  });

  it('records the data set: as-of date, preset and seed, and the settings the dashboard reads', async () => {
    const meta = await client.query(`SELECT to_char(as_of, 'YYYY-MM-DD') AS as_of, generated_by FROM dataset_meta`);
    expect(meta.rows).toEqual([
      {
        as_of: '2026-06-30',
        generated_by: expect.objectContaining({ preset: 'demo', seed: 20260630, generatorVersion: '1.1.0' }),
      },
    ]);
    const settings = await client.query<{ key: string; value: unknown; dollar_year: number | null }>(
      `SELECT key, value, dollar_year FROM settings ORDER BY key`,
    );
    const byKey = Object.fromEntries(settings.rows.map((row) => [row.key, row]));
    expect(byKey['suppression_threshold'].value).toEqual({ minimumCount: 11 });
    expect(byKey['cost_rate.inpatient_per_day'].dollar_year).toBe(2025);
    expect(Object.keys(byKey)).toEqual(
      expect.arrayContaining([
        'cost_rate.residential_per_day',
        'cost_rate.standard_outpatient_per_visit',
        'intensity_targets',
        'comparator.residential',
        'comparator.inpatient',
      ]),
    );
    // The comparator is priced at its own typical stay (TEDS median), never the IOP's.
    expect(byKey['comparator.inpatient'].value).toMatchObject({ lengthOfStay: { typicalDays: 11 } });
  });

  it('stores appointment times in the program time zone and keeps future appointments scheduled', async () => {
    const local = await client.query<{ odd_hours: number; scheduled_in_past: number; scheduled: number }>(`
      SELECT count(*) FILTER (WHERE extract(hour FROM a.scheduled_start AT TIME ZONE p.timezone) NOT BETWEEN 8 AND 18)::int AS odd_hours,
             count(*) FILTER (WHERE a.status = 'scheduled' AND a.scheduled_start::date <= DATE '2026-06-30')::int AS scheduled_in_past,
             count(*) FILTER (WHERE a.status = 'scheduled')::int AS scheduled
      FROM appointments a JOIN episodes e ON e.id = a.episode_id JOIN programs p ON p.id = e.program_id`);
    expect(local.rows[0]).toEqual({ odd_hours: 0, scheduled_in_past: 0, scheduled: expect.any(Number) });
    expect(local.rows[0].scheduled).toBeGreaterThan(0);
  });

  it('moves the identity sequences past the explicit ids', async () => {
    await client.query('BEGIN');
    try {
      const inserted = await client.query<{ id: number }>(
        `INSERT INTO organizations (name) VALUES ('another') RETURNING id`,
      );
      expect(inserted.rows[0].id).toBe(2);
      const patient = await client.query<{ id: number }>(
        `INSERT INTO patients (org_id, patient_key, birth_year, sex, employment, source_system, source_id)
         VALUES (1, 'new', 1990, 'female', 'employed', 'test', 'x') RETURNING id`,
      );
      expect(patient.rows[0].id).toBe(report.rows['patients'] + 1);
    } finally {
      await client.query('ROLLBACK');
    }
  });

  it('re-seeding the same seed gives the same rows, and keeps users and their program scopes', async () => {
    const before = { appointments: await tableChecksum('appointments'), episodes: await tableChecksum('episodes') };
    const user = await client.query<{ id: number }>(
      `INSERT INTO users (org_id, email, password_hash, role) VALUES (1, 'director@example.org', 'x', 'director') RETURNING id`,
    );
    await client.query('INSERT INTO user_programs (user_id, program_id) VALUES ($1, 1)', [user.rows[0].id]);
    await seedDatabase(database.url, { preset: 'demo' });
    expect({ appointments: await tableChecksum('appointments'), episodes: await tableChecksum('episodes') }).toEqual(
      before,
    );
    expect(await count('users')).toBe(1);
    expect(await count('user_programs')).toBe(1);
  });

  it('leaves the previous data in place when a seed fails half-way', async () => {
    const before = await tableChecksum('episodes');
    let batches = 0;
    await expect(
      seedDatabase(database.url, {
        preset: 'demo',
        seed: 99,
        batchEpisodes: 300,
        onProgress: () => {
          batches++;
          if (batches === 3) throw new Error('interrupted');
        },
      }),
    ).rejects.toThrow('interrupted');
    expect(await tableChecksum('episodes')).toBe(before);
    expect(await count('episodes')).toBe(1500);
  });
});
