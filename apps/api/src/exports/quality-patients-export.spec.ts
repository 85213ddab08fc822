import type { QualityPatientRow, QualityPatientsResponse, UserRole } from '@iop/contracts';
import { Workbook } from 'exceljs';
import { Client } from 'pg';
import { QUALITY_FIXTURE_SQL } from '../quality/testing/quality-fixture';
import { createTestUser, startFixtureApp, type TestApp } from '../testing/test-app';

/**
 * The patient lists of quality.spec.ts (worked out by hand from testing/quality-fixture.ts) as files.
 *
 * Follow-up within 7 days, denominator, director of program 1 (episode 33 is program 2's): the stays were
 * discharged 06-01 (31, 32, 34) and 12-20 (36); each episode was admitted on its first attended day, 06-08 (7
 * days), 06-09 (8), 07-02 (31) and 12-21 (1). Within 7: 31 and 36.
 */
const DIRECTOR_FUI7_CSV = [
  'Patient key,Episode id,Program,Admission date,In numerator,' +
    'Discharge date of the referring residential or inpatient stay,First attended service on or after it,' +
    'Days from that discharge to the service',
  'Q31,31,Evening IOP,2025-06-08,true,2025-06-01,2025-06-08,7',
  'Q32,32,Evening IOP,2025-06-09,false,2025-06-01,2025-06-09,8',
  'Q34,34,Evening IOP,2025-07-02,false,2025-06-01,2025-07-02,31',
  'Q36,36,Evening IOP,2025-12-21,true,2025-12-20,2025-12-21,1',
  '',
].join('\n');

/**
 * PDC numerator as quality exports it: episodes 4 (program 1, 56 of 59 days = 0.94915 -> 0.9492), 16 (153 of
 * 153), 21 (40 of 50 = 0.8) and 22 (40 of 45 = 0.8889), all in program 2 but 4; every date of 2025, so every
 * year 2025. No patient key, no episode id. A header with a comma is quoted.
 */
const QUALITY_PDC_CSV = [
  'Program,Admission year,In numerator,First dispense (year),' +
    '"End of the period: discharge date, or the data end while active (year)",Days covered in the period,' +
    'Proportion of days covered',
  'Evening IOP,2025,true,2025,2025,56,0.9492',
  'Outpatient,2025,true,2025,2025,153,1',
  'Outpatient,2025,true,2025,2025,40,0.8',
  'Outpatient,2025,true,2025,2025,40,0.8889',
  '',
].join('\n');

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MEASURES = '/api/v1/quality/measures';

describe("quality measures' patient lists as CSV and XLSX (real PostgreSQL)", () => {
  let api: TestApp;
  const tokens = {} as Record<UserRole, string>;

  beforeAll(async () => {
    api = await startFixtureApp(QUALITY_FIXTURE_SQL);
    const users: Array<{ role: UserRole; programIds?: number[]; payer?: string }> = [
      { role: 'director', programIds: [1] },
      { role: 'quality' },
      { role: 'admin' },
      { role: 'payer', payer: 'commercial' },
    ];
    for (const user of users) {
      const email = `${user.role}@quality-exports.test`;
      await createTestUser(api.databaseUrl, { ...user, email, password: `${user.role}-password` });
      tokens[user.role] = await api.signIn(email, `${user.role}-password`);
    }
  });
  afterAll(() => api.close());

  const download = (role: UserRole, path: string) =>
    fetch(`${api.baseUrl}${path}`, { headers: { authorization: `Bearer ${tokens[role]}` } });

  async function auditEvents(action: string): Promise<Array<Record<string, unknown>>> {
    const client = new Client({ connectionString: api.databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<Record<string, unknown>>(
        `SELECT email, role, action, resource, filters, row_count AS "rowCount", outcome, details
         FROM audit_events WHERE action = $1 ORDER BY id`,
        [action],
      );
      return rows;
    } finally {
      await client.end();
    }
  }
  const exportEvents = () => auditEvents('export.quality-patients');

  it("gives a director their programs' list with keys, ids and exact dates, headed with what the dates mean", async () => {
    const response = await download('director', `${MEASURES}/fui-7/patients.csv?population=denominator`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="fui-7-denominator-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const csv = await response.text();
    expect(csv).toBe(DIRECTOR_FUI7_CSV);

    // The same rows as the JSON list of the same query.
    const json = await download('director', `${MEASURES}/fui-7/patients?population=denominator`);
    const list = (await json.json()) as QualityPatientsResponse;
    const asLine = (r: QualityPatientRow) =>
      [r.patientKey, r.episodeId, 'Evening IOP', r.admitDate, r.inNumerator, r.startDate, r.eventDate, r.days].join();
    expect(csv.trim().split('\n').slice(1)).toEqual(list.rows.map(asLine));
    expect(csv.split('\n')[0]).toContain(list.columns.startDate);
  });

  it('gives quality the list de-identified: no key or id, years for dates, the proportion for PDC', async () => {
    const response = await download('quality', `${MEASURES}/pdc-mat/patients.csv?population=numerator`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain('pdc-mat-numerator-deidentified-');
    const csv = await response.text();
    expect(csv).toBe(QUALITY_PDC_CSV);
    expect(csv).not.toMatch(/Q\d|\d{4}-\d{2}/);
  });

  it('applies the episode filters: programId=2 leaves PDC episodes 16, 21 and 22', async () => {
    const response = await download('quality', `${MEASURES}/pdc-mat/patients.csv?population=numerator&programId=2`);
    expect((await response.text()).split('\n')).toEqual([
      ...QUALITY_PDC_CSV.split('\n').slice(0, 1),
      ...QUALITY_PDC_CSV.split('\n').slice(2),
    ]);
  });

  it('writes a workbook: sheets Patients and About, frozen header, dates as date cells', async () => {
    const response = await download('admin', `${MEASURES}/pdc-mat/patients.xlsx?population=numerator`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(XLSX_TYPE);
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="pdc-mat-numerator-[\d-]+\.xlsx"$/,
    );
    const workbook = new Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Patients', 'About']);
    const sheet = workbook.getWorksheet('Patients');
    if (!sheet) throw new Error('no Patients sheet');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([
      'Patient key',
      'Episode id',
      'Program',
      'Admission date',
      'In numerator',
      'First dispense',
      'End of the period: discharge date, or the data end while active',
      'Days covered in the period',
      'Proportion of days covered',
    ]);
    expect(sheet.rowCount).toBe(5);
    const values = (row: number) => (sheet.getRow(row).values as unknown[]).slice(1);
    const utc = (day: string) => new Date(`${day}T00:00:00Z`);
    expect(values(2)).toEqual([
      'Q4',
      4,
      'Evening IOP',
      utc('2025-04-02'),
      true,
      utc('2025-04-03'),
      utc('2025-05-31'),
      56,
      0.9492,
    ]);
    expect(values(5)).toEqual([
      'Q22',
      22,
      'Outpatient',
      utc('2025-06-01'),
      true,
      utc('2025-06-01'),
      utc('2025-07-15'),
      40,
      0.8889,
    ]);
    expect(sheet.getRow(2).getCell(4).numFmt).toBe('yyyy-mm-dd');
    expect(sheet.getRow(2).getCell(9).numFmt).toBe('0.0000');

    const about = workbook.getWorksheet('About');
    const aboutRows = (about?.getSheetValues() ?? []).filter(Boolean).map((row) => (row as unknown[]).slice(1));
    expect(aboutRows.slice(0, 3)).toEqual([
      ['Export', 'PDC for MAT (adherent at 0.80 or more): numerator'],
      ['Measure', 'pdc-mat'],
      ['Population', 'numerator'],
    ]);
    expect(aboutRows[3][0]).toBe('Generated at (UTC)');
    expect(aboutRows.slice(4, 7)).toEqual([
      ['Filters', '{}'],
      ['Rows', 4],
      ['Column', 'Definition', 'Type'],
    ]);
    expect(aboutRows.slice(7).map((row) => row[0])).toEqual(header);
  });

  it('writes the de-identified workbook for quality: years as numbers, no key or id column', async () => {
    const response = await download('quality', `${MEASURES}/fui-7/patients.xlsx?population=numerator`);
    const workbook = new Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.getWorksheet('Patients');
    if (!sheet) throw new Error('no Patients sheet');
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      'Program',
      'Admission year',
      'In numerator',
      'Discharge date of the referring residential or inpatient stay (year)',
      'First attended service on or after it (year)',
      'Days from that discharge to the service',
    ]);
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual(['Evening IOP', 2025, true, 2025, 2025, 7]);
    expect((sheet.getRow(3).values as unknown[]).slice(1)).toEqual(['Evening IOP', 2025, true, 2025, 2025, 1]);
    expect(sheet.rowCount).toBe(3);
  });

  it('refuses payers (403), bad filters (400 naming them) and unknown measures (404), auditing none', async () => {
    const before = (await exportEvents()).length;
    for (const format of ['csv', 'xlsx']) {
      const path = `${MEASURES}/pod/patients.${format}`;
      expect((await download('payer', `${path}?population=numerator`)).status).toBe(403);
      const badDate = await download('admin', `${path}?population=numerator&from=2025-13-01`);
      expect(badDate.status).toBe(400);
      expect(badDate.headers.get('content-disposition')).toBeNull();
      expect(await badDate.text()).toContain('from');
      const noPopulation = await download('admin', path);
      expect([noPopulation.status, await noPopulation.text()]).toEqual([400, expect.stringContaining('population')]);
      expect((await download('admin', `${path}?population=everyone`)).status).toBe(400);
      expect((await download('admin', `${path}?population=numerator&sneaky=1`)).status).toBe(400);
      const unknown = await download('admin', `${MEASURES}/no-such-measure/patients.${format}?population=numerator`);
      expect([unknown.status, unknown.headers.get('content-disposition')]).toEqual([404, null]);
    }
    expect((await exportEvents()).length).toBe(before);
  });

  it('writes exactly one audit event per export: who, measure, filters with population, rows, outcome', async () => {
    const before = (await exportEvents()).length;
    const reads = (await auditEvents('quality.patients.read')).length;
    await (await download('quality', `${MEASURES}/pod/patients.csv?population=numerator&programId=2`)).text();
    await (await download('director', `${MEASURES}/fui-30/patients.xlsx?population=denominator`)).arrayBuffer();
    expect((await exportEvents()).slice(before)).toEqual([
      {
        email: 'quality@quality-exports.test',
        role: 'quality',
        action: 'export.quality-patients',
        resource: 'pod.patients.csv',
        filters: { programId: [2], population: 'numerator' },
        // POD numerator: 11, 12 and 15, all in program 2.
        rowCount: 3,
        outcome: 'ok',
        details: { format: 'csv', deIdentified: true, measureId: 'pod', population: 'numerator' },
      },
      {
        email: 'director@quality-exports.test',
        role: 'director',
        action: 'export.quality-patients',
        resource: 'fui-30.patients.xlsx',
        filters: { population: 'denominator' },
        // Follow-up within 30 days, denominator 31, 32, 33, 34 (36 excluded); 33 is program 2's.
        rowCount: 3,
        outcome: 'ok',
        details: { format: 'xlsx', deIdentified: false, measureId: 'fui-30', population: 'denominator' },
      },
    ]);
    // An export is not also logged as a read of the JSON list.
    expect((await auditEvents('quality.patients.read')).length).toBe(reads);
  });
});
