import { createTestDatabase, type TestDatabase } from '@iop/db-server/testing';
import { Client } from 'pg';
import { SMALL_EXPORT, TEST_PATIENT_KEY_SECRET, writeExport } from '../../testing/csv-fixture';
import type { ImportOutcome } from './import-request';
import { runImport } from './run-import';

/**
 * Every bad input of docs/DATA-IMPORT.md "Bad input": each is rejected with a row-level reason and writes nothing.
 * The database starts with the small export imported, so "nothing" is checked against real rows.
 */
describe('bad input: a clear reason and nothing written', () => {
  let database: TestDatabase;
  let client: Client;
  let baseline: string;

  const fingerprint = async (): Promise<string> => {
    const { rows } = await client.query<{ digest: string }>(
      `SELECT md5(string_agg(t, '|' ORDER BY t)) AS digest FROM (
         SELECT 'e' || e::text AS t FROM episodes e UNION ALL SELECT 'a' || a::text FROM appointments a
         UNION ALL SELECT 'p' || p::text FROM patients p UNION ALL SELECT 'g' || p::text FROM programs p
         UNION ALL SELECT 'm' || (m.org_id, m.as_of, m.loaded_at)::text FROM dataset_meta m) rows`,
    );
    return rows[0].digest;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    client = new Client({ connectionString: database.url });
    await client.connect();
    const first = await importFiles(SMALL_EXPORT);
    expect(first.status).toBe('succeeded');
    baseline = await fingerprint();
  });
  afterAll(async () => {
    await client.end();
    await database.drop();
  });
  afterEach(async () => {
    expect(await fingerprint()).toBe(baseline);
  });

  async function importFiles(contents: Record<string, string | Buffer>): Promise<ImportOutcome> {
    const exported = await writeExport(contents);
    try {
      return await runImport(database.url, {
        organization: 'Lakeside Recovery',
        sourceSystem: 'kipu-east',
        mode: 'merge',
        dryRun: false,
        files: exported.files,
        patientKeySecret: TEST_PATIENT_KEY_SECRET,
        via: 'cli',
      });
    } finally {
      await exported.remove();
    }
  }

  const APPOINTMENT_HEADER =
    'source_id,episode_source_id,session_type,scheduled_start,duration_min,modality,status,staff_source_id\n';
  const EPISODE_HEADER = SMALL_EXPORT['episodes.csv'].split('\n')[0] + '\n';

  const rejectedWith = (outcome: ImportOutcome) => {
    expect(outcome.status).toBe('rejected');
    return outcome.rejections.map(({ file, line, field, value, reason }) => ({ file, line, field, value, reason }));
  };

  it('accepts a byte-order mark and CRLF line ends', async () => {
    const text = '\uFEFF' + SMALL_EXPORT['appointments.csv'].replace(/\n/g, '\r\n');
    const outcome = await importFiles({ 'appointments.csv': text });
    expect(outcome.status).toBe('succeeded');
    expect(outcome.counts.appointments).toEqual({ read: 3, inserted: 0, updated: 0, unchanged: 3, deleted: 0 });
    // Unchanged rows, but a load: the data version moved. Re-take the baseline for the next tests.
    baseline = await fingerprint();
  });

  it('rejects a file that lacks a required column, naming the column', async () => {
    const outcome = await importFiles({
      'appointments.csv':
        'source_id,episode_source_id,session_type,scheduled_start,status\nA9,E1,group,2026-01-05T09:00:00Z,attended\n',
    });
    expect(rejectedWith(outcome)).toEqual([
      {
        file: 'appointments.csv',
        line: 1,
        field: 'duration_min',
        value: null,
        reason: 'the required column duration_min is missing',
      },
    ]);
  });

  it('rejects a wrong type, an unknown code and an impossible date, row by row', async () => {
    const outcome = await importFiles({
      'appointments.csv':
        APPOINTMENT_HEADER +
        'A9,E1,group,2026-01-05T09:00:00Z,ninety,in_person,attended,\n' +
        'A10,E1,yoga,2026-01-05T09:00:00Z,60,in_person,attended,\n' +
        'A11,E1,group,2026-02-30T09:00:00Z,60,in_person,attended,\n',
    });
    expect(rejectedWith(outcome)).toEqual([
      { file: 'appointments.csv', line: 2, field: 'duration_min', value: 'ninety', reason: 'not a whole number' },
      {
        file: 'appointments.csv',
        line: 3,
        field: 'session_type',
        value: 'yoga',
        reason: 'not one of group, individual, family, mat, case_management',
      },
      {
        file: 'appointments.csv',
        line: 4,
        field: 'scheduled_start',
        value: '2026-02-30T09:00:00Z',
        reason: 'not a date that exists',
      },
    ]);
    expect(outcome.rejectedRows).toBe(3);
  });

  it('rejects a discharge before admission', async () => {
    const outcome = await importFiles({
      'episodes.csv': EPISODE_HEADER + 'E3,P1,pt1,2.1,,self,2026-03-10,2026-03-01,1,alcohol,,1,medicaid,\n',
    });
    expect(rejectedWith(outcome)).toEqual([
      {
        file: 'episodes.csv',
        line: 2,
        field: 'discharge_date',
        value: '2026-03-01',
        reason: 'discharge before admission (2026-03-10)',
      },
    ]);
  });

  it('rejects a source id that appears twice in one file', async () => {
    const outcome = await importFiles({
      'appointments.csv':
        APPOINTMENT_HEADER +
        'A9,E1,group,2026-01-05T09:00:00Z,60,,attended,\nA9,E1,group,2026-01-06T09:00:00Z,60,,attended,\n',
    });
    expect(rejectedWith(outcome)).toEqual([
      {
        file: 'appointments.csv',
        line: 3,
        field: 'source_id',
        value: 'A9',
        reason: 'duplicate source_id: already at appointments.csv line 2',
      },
    ]);
  });

  it('rejects a reference to an episode that is neither in the files nor imported', async () => {
    const outcome = await importFiles({
      'appointments.csv': APPOINTMENT_HEADER + 'A9,E404,group,2026-01-05T09:00:00Z,60,,attended,\n',
    });
    expect(rejectedWith(outcome)).toEqual([
      {
        file: 'appointments.csv',
        line: 2,
        field: 'episode_source_id',
        value: 'E404',
        reason: 'unknown episode: no episode with this source_id in the files or already imported from kipu-east',
      },
    ]);
  });

  it('rejects an empty file', async () => {
    const outcome = await importFiles({ 'appointments.csv': '' });
    expect(rejectedWith(outcome)).toEqual([
      {
        file: 'appointments.csv',
        line: null,
        field: null,
        value: null,
        reason: 'the file is empty: a header row is required',
      },
    ]);
  });

  it('rejects a file that is not UTF-8', async () => {
    const latin1 = Buffer.from(
      `${APPOINTMENT_HEADER}A9,E1,group,2026-01-05T09:00:00Z,60,,attended,\n`.replace('A9', 'Ä9'),
      'latin1',
    );
    const outcome = await importFiles({ 'appointments.csv': latin1 });
    const [problem] = rejectedWith(outcome);
    expect(problem.file).toBe('appointments.csv');
    expect(problem.reason).toMatch(
      /^not UTF-8 text: an invalid byte sequence within bytes 0-\d+; save the file as UTF-8$/,
    );
  });

  it('rejects a file with an unknown name', async () => {
    const outcome = await importFiles({ 'visits.csv': 'id\n1\n' });
    expect(rejectedWith(outcome)[0].reason).toMatch(
      /^unknown file name; a CSV file is named as its entity: programs.csv, staff.csv/,
    );
  });

  it('writes nothing from the good rows of an import that has one bad row', async () => {
    const outcome = await importFiles({
      'appointments.csv':
        APPOINTMENT_HEADER +
        'A9,E1,group,2026-01-05T09:00:00Z,60,,attended,\nA10,E1,group,2026-01-05T09:00:00Z,60,,lost,\n',
    });
    expect(outcome.rejectedRows).toBe(1);
    expect(await client.query('SELECT 1 FROM appointments WHERE source_id = $1', ['A9'])).toHaveProperty('rowCount', 0);
  });

  it('stores every rejection of the import for the CSV download', async () => {
    const outcome = await importFiles({
      'appointments.csv': APPOINTMENT_HEADER + 'A9,E1,group,2026-01-05T09:00:00Z,0,,attended,\n',
    });
    const stored = await client.query<{ line: number; field: string; reason: string }>(
      'SELECT line, field, reason FROM import_rejections WHERE import_id = $1 ORDER BY ordinal',
      [outcome.importId],
    );
    expect(stored.rows).toEqual([{ line: 2, field: 'duration_min', reason: 'out of range (1 to 720)' }]);
  });

  it("reports only the bad row when other rows refer to it or to its good siblings, whatever the files' order", async () => {
    const outcome = await importFiles({
      // Children first: the appointments are read before the episodes they refer to.
      'appointments.csv':
        APPOINTMENT_HEADER +
        'A8,E3,group,2026-03-01T09:00:00Z,60,,attended,\nA9,E4,group,2026-03-02T09:00:00Z,60,,attended,\n',
      'episodes.csv':
        EPISODE_HEADER +
        'E3,P1,pt1,2.1,,self,2026-03-01,,,alcohol,,9,medicaid,\nE4,P1,pt1,2.1,,self,2026-03-02,,,alcohol,,1,medicaid,\n',
    });
    expect(rejectedWith(outcome)).toEqual([
      { file: 'episodes.csv', line: 2, field: 'severity', value: '9', reason: 'out of range (1 to 3)' },
    ]);
    expect(outcome.rejectedRows).toBe(1);
  });

  it('still reports a reference to a row that is in neither the files nor the database', async () => {
    const outcome = await importFiles({
      'appointments.csv': APPOINTMENT_HEADER + 'A9,E77,group,2026-03-02T09:00:00Z,60,,attended,\n',
      'episodes.csv': EPISODE_HEADER + 'E3,P1,pt1,2.1,,self,2026-03-01,,,alcohol,,9,medicaid,\n',
    });
    expect(rejectedWith(outcome)).toEqual([
      { file: 'episodes.csv', line: 2, field: 'severity', value: '9', reason: 'out of range (1 to 3)' },
      {
        file: 'appointments.csv',
        line: 2,
        field: 'episode_source_id',
        value: 'E77',
        reason: 'unknown episode: no episode with this source_id in the files or already imported from kipu-east',
      },
    ]);
  });
});
