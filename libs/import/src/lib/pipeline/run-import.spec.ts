import { DEFAULT_BENCHMARKS } from '@iop/contracts';
import { createTestDatabase, type TestDatabase } from '@iop/db-server/testing';
import { createHmac } from 'node:crypto';
import { Client } from 'pg';
import { SMALL_EXPORT, TEST_PATIENT_KEY_SECRET, writeExport } from '../../testing/csv-fixture';
import type { ImportRequest } from './import-request';
import { runImport } from './run-import';

describe('runImport on a real PostgreSQL (CSV)', () => {
  let database: TestDatabase;
  let client: Client;

  beforeAll(async () => {
    database = await createTestDatabase();
    client = new Client({ connectionString: database.url });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await database.drop();
  });

  const request = (files: ImportRequest['files'], overrides: Partial<ImportRequest> = {}): ImportRequest => ({
    organization: 'Lakeside Recovery',
    sourceSystem: 'kipu-east',
    mode: 'merge',
    dryRun: false,
    files,
    patientKeySecret: TEST_PATIENT_KEY_SECRET,
    via: 'cli',
    ...overrides,
  });
  const count = async (table: string): Promise<number> =>
    (await client.query<{ n: number }>(`SELECT count(*)::integer AS n FROM ${table}`)).rows[0].n;
  const derivedTables = async () => ({
    // Every write of a facts row gets a new revision, so a full refresh's revisions differ by design.
    facts: (await client.query('SELECT * FROM episode_facts ORDER BY episode_id')).rows.map(
      ({ revision: _revision, ...row }: Record<string, unknown>) => row,
    ),
    counts: (await client.query('SELECT * FROM episode_appointment_counts ORDER BY 1, 2, 3, 4')).rows,
    weekdays: (await client.query('SELECT * FROM episode_weekday_attendance ORDER BY 1, 2, 3')).rows,
    qualityDates: (await client.query('SELECT * FROM episode_quality_dates ORDER BY 1')).rows,
  });
  /** The import refreshed only the episodes it touched: a full refresh must find nothing to change. */
  const expectSameAsFullRefresh = async () => {
    const afterImport = await derivedTables();
    await client.query('SELECT refresh_episode_facts()');
    expect(await derivedTables()).toEqual(afterImport);
  };

  it('a dry run counts what it would insert and writes nothing but its record', async () => {
    const exported = await writeExport(SMALL_EXPORT);
    const outcome = await runImport(database.url, request(exported.files, { dryRun: true }));
    await exported.remove();
    expect(outcome.status).toBe('succeeded');
    expect(outcome.counts.appointments).toEqual({ read: 3, inserted: 3, updated: 0, unchanged: 0, deleted: 0 });
    expect(outcome.counts.programs).toEqual({ read: 2, inserted: 2, updated: 0, unchanged: 0, deleted: 0 });
    expect(outcome.asOf).toBe('2026-03-02');
    expect(await count('organizations')).toBe(0);
    expect(await count('episodes')).toBe(0);
    const record = await client.query<{ status: string; dry_run: boolean }>('SELECT status, dry_run FROM imports');
    expect(record.rows).toEqual([{ status: 'succeeded', dry_run: true }]);
  });

  it('writes the rows with ids resolved, privacy applied and local times read in the program zone', async () => {
    const exported = await writeExport(SMALL_EXPORT);
    const outcome = await runImport(database.url, request(exported.files));
    await exported.remove();
    expect(outcome.status).toBe('succeeded');
    expect(outcome.rejectedRows).toBe(0);
    const patient = await client.query<{ patient_key: string; birth_year: number; zip3: string | null }>(
      `SELECT patient_key, birth_year, zip3 FROM patients WHERE source_id = 'pt1'`,
    );
    const expectedKey = createHmac('sha256', TEST_PATIENT_KEY_SECRET).update('kipu-east\u0000pt1').digest('hex');
    expect(patient.rows).toEqual([{ patient_key: expectedKey, birth_year: 1990, zip3: '606' }]);
    const starts = await client.query<{ source_id: string; start: string; staff: string | null }>(
      `SELECT a.source_id, to_char(a.scheduled_start AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI') AS start, s.source_id AS staff
       FROM appointments a LEFT JOIN staff s ON s.id = a.staff_id ORDER BY a.source_id`,
    );
    expect(starts.rows).toEqual([
      // 09:00 in Chicago on 5 January (CST, UTC-6) is 15:00 UTC.
      { source_id: 'A1', start: '2026-01-05T15:00', staff: 'S1' },
      { source_id: 'A2', start: '2026-01-07T15:00', staff: 'S1' },
      { source_id: 'A3', start: '2026-03-02T14:00', staff: null },
    ]);
    const charge = await client.query<{ amount_cents: number }>('SELECT amount_cents FROM charges');
    expect(charge.rows).toEqual([{ amount_cents: 123450 }]);
    const screen = await client.query<{ positive_for: string[]; expected: boolean }>(
      'SELECT positive_for, expected FROM drug_screens',
    );
    expect(screen.rows).toEqual([{ positive_for: ['fentanyl', 'opioids'], expected: true }]);
    const meta = await client.query<{ as_of: string; source: string }>(
      `SELECT to_char(as_of, 'YYYY-MM-DD') AS as_of, generated_by->>'sourceSystem' AS source FROM dataset_meta`,
    );
    expect(meta.rows).toEqual([{ as_of: '2026-03-02', source: 'kipu-east' }]);
    // The facts were refreshed in the same transaction: E1 attended 1 of 2 counted appointments.
    const facts = await client.query<{ attended: number; no_show: number }>(
      `SELECT attended, no_show FROM episode_facts f JOIN episodes e ON e.id = f.episode_id WHERE e.source_id = 'E1'`,
    );
    expect(facts.rows).toEqual([{ attended: 1, no_show: 1 }]);
    const settings = await count('settings');
    expect(settings).toBe(7);
    // The published benchmarks come with a new organisation: TEDS completion, DATCAP, ASAM 2.1 and the two
    // follow-up measures marked not comparable.
    const benchmarks = await client.query<{ metric: string; comparable: boolean }>(
      'SELECT metric, comparable FROM metric_benchmarks ORDER BY metric, comparable',
    );
    expect(benchmarks.rows).toEqual(
      [...DEFAULT_BENCHMARKS]
        .map(({ metric, comparable }) => ({ metric, comparable }))
        .sort((a, b) => a.metric.localeCompare(b.metric) || Number(a.comparable) - Number(b.comparable)),
    );
  });

  it('re-importing the same files changes nothing; a changed row is an update', async () => {
    const same = await writeExport(SMALL_EXPORT);
    const again = await runImport(database.url, request(same.files));
    await same.remove();
    expect(again.counts.episodes).toEqual({ read: 2, inserted: 0, updated: 0, unchanged: 2, deleted: 0 });
    expect(again.counts.appointments).toEqual({ read: 3, inserted: 0, updated: 0, unchanged: 3, deleted: 0 });
    const changed = await writeExport({
      'appointments.csv':
        SMALL_EXPORT['appointments.csv'].replace(
          'A2,E1,individual,2026-01-07T09:00:00-06:00,60,telehealth,no_show',
          'A2,E1,individual,2026-01-07T09:00:00-06:00,60,telehealth,attended',
        ) + 'A4,E2,group,2026-03-03T10:00:00-05:00,180,,scheduled,\n',
    });
    const delta = await runImport(database.url, request(changed.files));
    await changed.remove();
    expect(delta.counts.appointments).toEqual({ read: 4, inserted: 1, updated: 1, unchanged: 2, deleted: 0 });
    // A4 is only booked (3 March): the as-of date stays at the latest attended service, A3 on 2 March.
    expect(delta.asOf).toBe('2026-03-02');
    expect(await count('appointments')).toBe(4);
    // E1's facts were recomputed: A2 is now attended too.
    const facts = await client.query<{ attended: number; no_show: number }>(
      `SELECT attended, no_show FROM episode_facts f JOIN episodes e ON e.id = f.episode_id WHERE e.source_id = 'E1'`,
    );
    expect(facts.rows).toEqual([{ attended: 2, no_show: 0 }]);
    await expectSameAsFullRefresh();
  });

  it('a snapshot deletes the rows of the source that its files no longer have', async () => {
    const appointments = SMALL_EXPORT['appointments.csv']
      .split('\n')
      .filter((line) => !line.startsWith('A3'))
      .join('\n');
    const snapshot = await writeExport({ 'appointments.csv': appointments });
    const outcome = await runImport(database.url, request(snapshot.files, { mode: 'snapshot' }));
    await snapshot.remove();
    expect(outcome.counts.appointments).toEqual({ read: 2, inserted: 0, updated: 1, unchanged: 1, deleted: 2 });
    // A3 (2 March) is gone: the latest service is now E1's discharge on 27 February.
    expect(outcome.asOf).toBe('2026-02-27');
    expect((await client.query<{ source_id: string }>('SELECT source_id FROM appointments ORDER BY 1')).rows).toEqual([
      { source_id: 'A1' },
      { source_id: 'A2' },
    ]);
    // The as-of date moved back: every episode's row carries the new date, the active ones are recomputed.
    expect(
      (await client.query("SELECT DISTINCT to_char(as_of, 'YYYY-MM-DD') AS as_of FROM episode_facts")).rows,
    ).toEqual([{ as_of: '2026-02-27' }]);
    await expectSameAsFullRefresh();
  });

  describe('appointments staged over several COPY batches (10,000 rows a batch)', () => {
    const HEADER =
      'source_id,episode_source_id,session_type,scheduled_start,duration_min,modality,status,staff_source_id\n';
    /** `rows` appointments of E2 on consecutive minutes of 1 February 2026, with source ids B0, B1, ... */
    const manyAppointments = (rows: number, duplicateAt?: number): string => {
      const lines: string[] = [];
      for (let index = 0; index < rows; index += 1) {
        const id = duplicateAt !== undefined && index === duplicateAt ? 'B0' : `B${index}`;
        const at = new Date(Date.UTC(2026, 1, 1, 14) + index * 60_000).toISOString();
        lines.push(`${id},E2,group,${at},30,,attended,`);
      }
      return HEADER + lines.join('\n') + '\n';
    };

    it('rejects a source id repeated in a later batch, naming both rows, and writes nothing', async () => {
      const before = await count('appointments');
      // B0 is line 2; its repeat is row 24,000 of the data, line 24,001 of the file, in the third batch.
      const files = await writeExport({ 'appointments.csv': manyAppointments(25_000, 23_999) });
      const outcome = await runImport(database.url, request(files.files));
      await files.remove();
      expect(outcome.status).toBe('rejected');
      expect(outcome.rejectedRows).toBe(1);
      expect(outcome.rejections).toEqual([
        {
          file: 'appointments.csv',
          line: 24_001,
          resourceId: null,
          field: 'source_id',
          value: 'B0',
          reason: 'duplicate source_id: already at appointments.csv line 2',
        },
      ]);
      expect(await count('appointments')).toBe(before);
    });

    it('counts every batch: 25,000 inserted, then the same file unchanged', async () => {
      const before = await count('appointments');
      const first = await writeExport({ 'appointments.csv': manyAppointments(25_000) });
      const inserted = await runImport(database.url, request(first.files));
      expect(inserted.counts.appointments).toEqual({
        read: 25_000,
        inserted: 25_000,
        updated: 0,
        unchanged: 0,
        deleted: 0,
      });
      const again = await runImport(database.url, request(first.files));
      await first.remove();
      expect(again.counts.appointments).toEqual({
        read: 25_000,
        inserted: 0,
        updated: 0,
        unchanged: 25_000,
        deleted: 0,
      });
      expect(await count('appointments')).toBe(before + 25_000);
      // E2's facts count every batch's appointments (up to its as-of date).
      await expectSameAsFullRefresh();
    });
  });
});
