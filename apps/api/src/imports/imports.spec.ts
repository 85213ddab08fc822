import type { DataStatus, ImportJob, ImportList } from '@iop/contracts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from '../reports/testing/report-test-support';
import { createTestUser, startFixtureApp, type TestApp } from '../testing/test-app';
import { CLINIC_EXPORT, keptFiles, upload, waitForImport } from './testing/import-test-support';

type Who = 'admin' | 'director';

const SOURCE = 'lakeside-ehr';
const bytes = (name: string) => Buffer.byteLength(CLINIC_EXPORT[name]);
const inserted = (rows: number) => ({ read: rows, inserted: rows, updated: 0, unchanged: 0, deleted: 0 });
/** What the clinic export inserts: worked out from its rows (import-test-support.ts). */
const CLINIC_COUNTS = {
  programs: inserted(1),
  staff: inserted(2),
  patients: inserted(2),
  episodes: inserted(2),
  appointments: inserted(3),
};

describe('imports through the API: multipart uploads, pg-boss jobs, dry runs and their confirmation', () => {
  let api: TestApp;
  let importDir: string;
  const tokens = {} as Record<Who, string>;

  beforeAll(async () => {
    importDir = mkdtempSync(path.join(tmpdir(), 'iop-api-imports-'));
    process.env['IOP_IMPORT_DIR'] = importDir;
    // Lowered so that a test can go over it with a small file.
    process.env['IOP_IMPORT_MAX_FILE_MB'] = '1';
    api = await startFixtureApp('');
    for (const who of ['admin', 'director'] as const) {
      const email = `${who}@imports.test`;
      await createTestUser(api.databaseUrl, { email, password: `${who}-password`, role: who, programIds: [] });
      tokens[who] = await api.signIn(email, `${who}-password`);
    }
  }, 180_000);
  afterAll(async () => {
    await api?.close();
    delete process.env['IOP_IMPORT_DIR'];
    delete process.env['IOP_IMPORT_MAX_FILE_MB'];
    rmSync(importDir, { recursive: true, force: true });
  });

  const call = (who: Who, method: string, route: string) =>
    api.request(method, `/api/v1${route}`, { headers: { authorization: `Bearer ${tokens[who]}` } });
  const count = async (table: string) =>
    Number((await sql<{ n: string }>(api.databaseUrl, `SELECT count(*) AS n FROM ${table}`))[0].n);
  const importRows = () => count('imports');

  let dryRun: ImportJob;

  it('checks a CSV set as a dry run: 202 queued, then succeeded with the counts, and nothing written', async () => {
    const { status, body } = await upload(api, tokens.admin, CLINIC_EXPORT, { sourceSystem: SOURCE });
    expect(status).toBe(202);
    const queued = body as ImportJob;
    expect(queued).toEqual(
      expect.objectContaining({
        organization: 'Test organisation',
        sourceSystem: SOURCE,
        mode: 'merge',
        dryRun: true,
        via: 'upload',
        status: 'queued',
        counts: {},
        rejectedRows: 0,
        firstRejections: [],
        confirms: null,
        confirmable: false,
        requestedBy: 'admin@imports.test',
        startedAt: null,
        finishedAt: null,
        durationSeconds: null,
        rejectionsPath: null,
      }),
    );
    expect(queued.files).toEqual(
      ['programs.csv', 'staff.csv', 'patients.csv', 'episodes.csv', 'appointments.csv'].map((name) => ({
        name,
        bytes: bytes(name),
        format: 'csv',
      })),
    );

    dryRun = await waitForImport(api, tokens.admin, queued.id);
    expect(dryRun).toEqual(
      expect.objectContaining({
        status: 'succeeded',
        stage: 'done',
        counts: CLINIC_COUNTS,
        rejectedRows: 0,
        asOf: '2026-02-20',
        error: null,
        confirmable: true,
      }),
    );
    expect(dryRun.progress).toEqual(expect.objectContaining({ rowsRead: 10, rowsValidated: 10 }));
    expect(dryRun.durationSeconds).toBeGreaterThanOrEqual(0);
    for (const table of ['programs', 'staff', 'patients', 'episodes', 'appointments', 'dataset_meta']) {
      expect([table, await count(table)]).toEqual([table, 0]);
    }
    // The files wait for the confirmation.
    expect(await keptFiles(importDir)).toEqual({
      [queued.id]: ['appointments.csv', 'episodes.csv', 'patients.csv', 'programs.csv', 'staff.csv'],
    });
    const audited = await sql<{ email: string; resource: string; dry_run: boolean }>(
      api.databaseUrl,
      `SELECT email, resource, (details->>'dryRun')::boolean AS dry_run FROM audit_events WHERE action = 'import.create'`,
    );
    expect(audited).toEqual([{ email: 'admin@imports.test', resource: `imports/${queued.id}`, dry_run: true }]);
  });

  it('confirms the dry run: the same files written, dataset_meta stamped, the data status names the source', async () => {
    const { status, body } = await call('admin', 'POST', `/imports/${dryRun.id}/confirm`);
    expect(status).toBe(202);
    const queued = body as ImportJob;
    expect(queued).toEqual(
      expect.objectContaining({ dryRun: false, confirms: dryRun.id, status: 'queued', sourceSystem: SOURCE }),
    );
    expect(queued.files).toEqual(dryRun.files);

    const written = await waitForImport(api, tokens.admin, queued.id);
    expect(written).toEqual(
      expect.objectContaining({ status: 'succeeded', counts: CLINIC_COUNTS, asOf: '2026-02-20', confirmable: false }),
    );
    const writtenRows: Array<[string, number]> = [];
    for (const table of ['programs', 'staff', 'patients', 'episodes', 'appointments']) {
      writtenRows.push([table, await count(`${table} WHERE source_system = '${SOURCE}'`)]);
    }
    expect(writtenRows).toEqual([
      ['programs', 1],
      ['staff', 2],
      ['patients', 2],
      ['episodes', 2],
      ['appointments', 3],
    ]);
    const meta = await sql<{ as_of: string; import_id: string }>(
      api.databaseUrl,
      `SELECT to_char(as_of, 'YYYY-MM-DD') AS as_of, import_id FROM dataset_meta`,
    );
    expect(meta).toEqual([{ as_of: '2026-02-20', import_id: queued.id }]);

    // Every role reads the status: the director's pages now say where the data came from.
    const dataStatus = (await call('director', 'GET', '/data/status')).body as DataStatus;
    const { loadedAt, ...stated } = dataStatus;
    expect(stated).toEqual({ asOf: '2026-02-20', source: SOURCE, synthetic: false });
    expect(Date.now() - Date.parse(loadedAt ?? '')).toBeLessThan(60_000);

    // The real import is done with the dry run's files; the dry run cannot be confirmed twice.
    expect(await keptFiles(importDir)).toEqual({});
    expect(((await call('admin', 'GET', `/imports/${dryRun.id}`)).body as ImportJob).confirmable).toBe(false);
    const again = await call('admin', 'POST', `/imports/${dryRun.id}/confirm`);
    expect([again.status, JSON.stringify(again.body)]).toEqual([409, expect.stringContaining('cannot be confirmed')]);

    const list = (await call('admin', 'GET', '/imports')).body as ImportList;
    expect(list.imports.map((job) => [job.id, job.dryRun])).toEqual([
      [queued.id, false],
      [dryRun.id, true],
    ]);
    expect([list.maxFileBytes, list.maxFiles]).toEqual([1024 * 1024, 20]);
  });

  it('refuses a file over the per-file limit with 413 naming the limit, and keeps no part of the upload', async () => {
    const before = await importRows();
    const oversized = `source_id,birth_year,sex,zip,employment\n${'x'.repeat(1024 * 1024 + 10)}\n`;
    const { status, body } = await upload(
      api,
      tokens.admin,
      { 'programs.csv': CLINIC_EXPORT['programs.csv'], 'patients.csv': oversized },
      { sourceSystem: SOURCE },
    );
    expect([status, (body as { message: string }).message]).toEqual([
      413,
      '"patients.csv" is larger than the limit of 1 MB per file (IOP_IMPORT_MAX_FILE_MB)',
    ]);
    expect(await keptFiles(importDir)).toEqual({});
    expect(await importRows()).toBe(before);
  });

  it('refuses a file name an import does not read, a bad field and an upload without files (400, named)', async () => {
    const before = await importRows();
    const cases: Array<[Record<string, string>, Record<string, string>, string]> = [
      [
        { 'programs.csv': CLINIC_EXPORT['programs.csv'], 'notes.txt': 'hello' },
        { sourceSystem: SOURCE },
        '"notes.txt" is not a file an import reads',
      ],
      [{ 'programs.csv': CLINIC_EXPORT['programs.csv'] }, { sourceSystem: 'no spaces' }, 'sourceSystem must be 1-64'],
      [{ 'programs.csv': CLINIC_EXPORT['programs.csv'] }, { sourceSystem: SOURCE, mode: 'replace' }, 'mode must be'],
      [{ 'programs.csv': CLINIC_EXPORT['programs.csv'] }, { sourceSystem: SOURCE, dryRun: 'maybe' }, 'dryRun must be'],
      [{ 'programs.csv': CLINIC_EXPORT['programs.csv'] }, { sourceSystem: SOURCE, sneaky: '1' }, 'sneaky should not'],
      [{}, { sourceSystem: SOURCE }, 'Send at least one file in the field "files"'],
      [
        Object.fromEntries(Array.from({ length: 21 }, (_, n) => [`Patient-${n}.ndjson`, '{}\n'])),
        { sourceSystem: SOURCE },
        'An import takes at most 20 files (IOP_IMPORT_MAX_FILES)',
      ],
      [
        { 'programs.csv': CLINIC_EXPORT['programs.csv'], 'PROGRAMS.CSV': CLINIC_EXPORT['programs.csv'] },
        { sourceSystem: SOURCE },
        '"PROGRAMS.CSV" was sent twice',
      ],
    ];
    for (const [files, fields, message] of cases) {
      const { status, body } = await upload(api, tokens.admin, files, fields);
      const said = [(body as { message: string | string[] }).message].flat().join('; ');
      expect([status, said]).toEqual([400, expect.stringContaining(message)]);
      expect(await keptFiles(importDir)).toEqual({});
    }
    expect(await importRows()).toBe(before);
  });

  it('is for admins only: a director gets 403 and nothing is stored', async () => {
    const before = await importRows();
    const { status } = await upload(api, tokens.director, CLINIC_EXPORT, { sourceSystem: SOURCE });
    expect(status).toBe(403);
    expect((await call('director', 'GET', '/imports')).status).toBe(403);
    expect((await call('director', 'GET', '/data/quality')).status).toBe(403);
    expect(await keptFiles(importDir)).toEqual({});
    expect(await importRows()).toBe(before);
  });

  it('rejects an import with a bad row: nothing written, the rejection listed and in the CSV, files removed', async () => {
    const episodes = CLINIC_EXPORT['episodes.csv'].replace('opioids,3,commercial', 'opioids,5,commercial');
    const { body } = await upload(
      api,
      tokens.admin,
      { ...CLINIC_EXPORT, 'episodes.csv': episodes },
      { sourceSystem: SOURCE, dryRun: 'false', mode: 'snapshot' },
    );
    const rejected = await waitForImport(api, tokens.admin, (body as ImportJob).id);
    expect(rejected).toEqual(
      expect.objectContaining({
        status: 'rejected',
        dryRun: false,
        mode: 'snapshot',
        rejectedRows: 1,
        confirmable: false,
        rejectionsPath: `/api/v1/imports/${rejected.id}/rejections.csv`,
      }),
    );
    // E2 is the third line of episodes.csv (the header is line 1).
    const reason = 'out of range (1 to 3)';
    expect(rejected.firstRejections).toEqual([
      { file: 'episodes.csv', line: 3, resourceId: null, field: 'severity', value: '5', reason },
    ]);
    const csv = await fetch(`${api.baseUrl}${rejected.rejectionsPath}`, {
      headers: { authorization: `Bearer ${tokens.admin}` },
    });
    expect(await csv.text()).toBe(`file,line,resource_id,field,value,reason\nepisodes.csv,3,,severity,5,${reason}\n`);
    // E2 keeps its severity of 3: nothing was written.
    expect(await count(`episodes WHERE source_id = 'E2' AND severity = 3`)).toBe(1);
    expect(await keptFiles(importDir)).toEqual({});
  });

  it('streams every rejection as CSV in file order: empty cells for absent values, quoting, formulas defused', async () => {
    const [{ id }] = await sql<{ id: string }>(
      api.databaseUrl,
      `INSERT INTO imports (org_id, organization_name, source_system, mode, dry_run, via, status, rejected_rows)
       SELECT org_id, 'Test organisation', 'fhir-east', 'merge', true, 'cli', 'rejected', 2
       FROM users WHERE email = 'admin@imports.test' RETURNING id`,
    );
    // Written out of order: the CSV follows the ordinal.
    await sql(
      api.databaseUrl,
      `INSERT INTO import_rejections (import_id, ordinal, file, line, resource_id, field, value, reason) VALUES
         ($1, 2, 'Patient.ndjson', 7, 'Patient/p-9', 'Patient.birthDate', '=HYPERLINK("x")', 'not a date, "YYYY-MM-DD"'),
         ($1, 1, 'episodes.csv', 3, NULL, 'severity', '5', 'severity must be 1, 2 or 3')`,
      [id],
    );
    const response = await fetch(`${api.baseUrl}/api/v1/imports/${id}/rejections.csv`, {
      headers: { authorization: `Bearer ${tokens.admin}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="import-${id}-rejections.csv"`);
    expect(await response.text()).toBe(
      'file,line,resource_id,field,value,reason\n' +
        'episodes.csv,3,,severity,5,"severity must be 1, 2 or 3"\n' +
        'Patient.ndjson,7,Patient/p-9,Patient.birthDate,"\'=HYPERLINK(""x"")","not a date, ""YYYY-MM-DD"""\n',
    );
    const downloads = await sql<{ n: string }>(
      api.databaseUrl,
      `SELECT count(*) AS n FROM audit_events WHERE action = 'export.import-rejections' AND resource = $1`,
      [`imports/${id}`],
    );
    expect(downloads).toEqual([{ n: '1' }]);
  });

  it('removes the files of a dry run not confirmed within 24 hours at the next upload; it is not confirmable', async () => {
    const first = (await upload(api, tokens.admin, CLINIC_EXPORT, { sourceSystem: SOURCE })).body as ImportJob;
    expect(await waitForImport(api, tokens.admin, first.id)).toEqual(
      expect.objectContaining({ status: 'succeeded', confirmable: true }),
    );
    await sql(api.databaseUrl, `UPDATE imports SET created_at = now() - interval '25 hours' WHERE id = $1`, [first.id]);
    expect(Object.keys(await keptFiles(importDir))).toEqual([first.id]);

    const second = (await upload(api, tokens.admin, CLINIC_EXPORT, { sourceSystem: SOURCE })).body as ImportJob;
    expect(Object.keys(await keptFiles(importDir))).toEqual([second.id]);
    expect(((await call('admin', 'GET', `/imports/${first.id}`)).body as ImportJob).confirmable).toBe(false);
    expect((await call('admin', 'POST', `/imports/${first.id}/confirm`)).status).toBe(409);
    await waitForImport(api, tokens.admin, second.id);
  });

  it("answers 404 for an unknown id or another organisation's import, and 400 for an id that is not a UUID", async () => {
    const [{ id }] = await sql<{ id: string }>(
      api.databaseUrl,
      `WITH other AS (INSERT INTO organizations (name) VALUES ('Other organisation') RETURNING id, name)
       INSERT INTO imports (org_id, organization_name, source_system, mode, dry_run, via, status)
       SELECT id, name, 'theirs', 'merge', true, 'cli', 'succeeded' FROM other RETURNING id`,
    );
    for (const route of [
      `/imports/${id}`,
      `/imports/${id}/rejections.csv`,
      '/imports/00000000-0000-4000-8000-000000000000',
    ]) {
      expect([route, (await call('admin', 'GET', route)).status]).toEqual([route, 404]);
    }
    expect((await call('admin', 'POST', `/imports/${id}/confirm`)).status).toBe(404);
    expect((await call('admin', 'GET', '/imports/not-a-uuid')).status).toBe(400);
    const ids = ((await call('admin', 'GET', '/imports')).body as ImportList).imports.map((job) => job.id);
    expect(ids).not.toContain(id);
  });
});
