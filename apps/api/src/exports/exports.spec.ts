import type { UserRole } from '@iop/contracts';
import { Workbook } from 'exceljs';
import { Client } from 'pg';
import { SUMMARY_FIXTURE_SQL } from '../episodes/testing/summary-fixture';
import { createTestUser, startFixtureApp, type TestApp } from '../testing/test-app';
import { EpisodeExportQuery } from './episode-export.query';

/**
 * The four episodes of summary-fixture.ts (worked out by hand in summary.spec.ts), with ZIP3s added: patient 1
 * lives in 036, a restricted Safe Harbor area, patient 2 in 606, patient 3 has none. Attendance rate = attended /
 * (attended + no-show + cancelled by the patient): 3/4, 1/2, 1/2, 0/2. Compliance 11/12, 1/2, 1/2, 1/6.
 * retained90: episode 3 was admitted 56 days before the as-of date (unknown); of the others only episode 2
 * (120 days) stayed 90. Abstinent in the final 4 weeks: only episode 1 (negative screens on 02-01 and 02-15).
 */
const ZIP3_SQL = `UPDATE patients SET zip3 = '036' WHERE id = 1; UPDATE patients SET zip3 = '606' WHERE id = 2;`;

const IDENTIFIED_CSV = [
  'episodeId,patientKey,program,levelOfCare,payer,primarySubstance,ageAtAdmission,ageBand,sex,zip3,admitDate,' +
    'dischargeDate,lengthOfStayDays,dischargeReason,attendanceRate,complianceScore,retained90,completed,' +
    'abstinentFinal4Weeks',
  '1,P1,Evening IOP,2.1,medicaid,alcohol,35,35-44,female,036,2025-01-06,2025-02-20,46,Completed,0.75,0.9167,false,true,true',
  '2,P2,Evening IOP,2.1,commercial,opioids,17,13-17,male,606,2025-03-03,,120,,0.5,0.5,true,,false',
  '',
].join('\n');

const DEIDENTIFIED_CSV = [
  'program,levelOfCare,payer,primarySubstance,ageAtAdmission,ageBand,sex,zip3,admitYear,dischargeYear,' +
    'lengthOfStayDays,dischargeReason,attendanceRate,complianceScore,retained90,completed,abstinentFinal4Weeks',
  'Evening IOP,2.1,medicaid,alcohol,35,35-44,female,000,2025,2025,46,Completed,0.75,0.9167,false,true,true',
  'Evening IOP,2.1,commercial,opioids,17,13-17,male,606,2025,,120,,0.5,0.5,true,,false',
  'Outpatient,1,medicare,alcohol,65,65+,male,,2025,,57,,0.5,0.5,,,false',
  'Outpatient,1,commercial,alcohol,34,26-34,female,000,2024,2024,31,Dropped out,0,0.1667,false,false,false',
  '',
].join('\n');

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('episode exports (CSV and XLSX) against PostgreSQL', () => {
  let api: TestApp;
  const tokens = {} as Record<UserRole, string>;

  beforeAll(async () => {
    api = await startFixtureApp(SUMMARY_FIXTURE_SQL + ZIP3_SQL);
    const users: Array<{ role: UserRole; programIds?: number[]; payer?: string }> = [
      { role: 'director', programIds: [1] },
      { role: 'quality' },
      { role: 'admin' },
      { role: 'payer', payer: 'commercial' },
    ];
    for (const user of users) {
      const email = `${user.role}@exports.test`;
      await createTestUser(api.databaseUrl, { ...user, email, password: `${user.role}-password` });
      tokens[user.role] = await api.signIn(email, `${user.role}-password`);
    }
  });
  afterAll(() => api.close());

  const download = (role: UserRole, path: string) =>
    fetch(`${api.baseUrl}${path}`, { headers: { authorization: `Bearer ${tokens[role]}` } });

  async function exportEvents(): Promise<Array<Record<string, unknown>>> {
    const client = new Client({ connectionString: api.databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<Record<string, unknown>>(
        `SELECT email, role, action, resource, filters, row_count AS "rowCount", outcome, details
         FROM audit_events WHERE action = 'export.episodes' ORDER BY id`,
      );
      return rows;
    } finally {
      await client.end();
    }
  }

  it("gives a director their programs' episodes with the pseudonymous key and exact dates, as an attachment", async () => {
    const response = await download('director', '/api/v1/exports/episodes.csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="episodes-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(await response.text()).toBe(IDENTIFIED_CSV);
  });

  it('gives quality every episode de-identified: no keys or ids, years, restricted ZIP3 as 000', async () => {
    const response = await download('quality', '/api/v1/exports/episodes.csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain('episodes-deidentified-');
    expect(await response.text()).toBe(DEIDENTIFIED_CSV);
  });

  it('applies the common filters: the admin with programId=1 gets what the director gets', async () => {
    const response = await download('admin', '/api/v1/exports/episodes.csv?programId=1');
    expect(await response.text()).toBe(IDENTIFIED_CSV);
    const alcohol = await download('quality', '/api/v1/exports/episodes.csv?substance=alcohol&from=2025-01-01');
    const lines = (await alcohol.text()).trim().split('\n');
    expect(lines.slice(1)).toEqual([DEIDENTIFIED_CSV.split('\n')[1], DEIDENTIFIED_CSV.split('\n')[3]]);
  });

  it('refuses payers (403, they get aggregates only) and bad filters (400 naming the filter), exporting nothing', async () => {
    const before = (await exportEvents()).length;
    for (const format of ['csv', 'xlsx']) {
      expect((await download('payer', `/api/v1/exports/episodes.${format}`)).status).toBe(403);
      const bad = await download('admin', `/api/v1/exports/episodes.${format}?from=2025-13-01`);
      expect(bad.status).toBe(400);
      expect(await bad.text()).toContain('from');
      expect((await download('admin', `/api/v1/exports/episodes.${format}?levelOfCare=9`)).status).toBe(400);
      expect((await download('admin', `/api/v1/exports/episodes.${format}?sneaky=1`)).status).toBe(400);
    }
    expect((await exportEvents()).length).toBe(before);
  });

  it('writes exactly one audit event per export: who, filters, row count, format, outcome', async () => {
    const before = (await exportEvents()).length;
    await (await download('quality', '/api/v1/exports/episodes.csv?payer=commercial&payer=medicare')).text();
    await (await download('director', '/api/v1/exports/episodes.xlsx')).arrayBuffer();
    const events = (await exportEvents()).slice(before);
    expect(events).toEqual([
      {
        email: 'quality@exports.test',
        role: 'quality',
        action: 'export.episodes',
        resource: 'episodes.csv',
        filters: { payer: ['commercial', 'medicare'] },
        rowCount: 3,
        outcome: 'ok',
        details: { format: 'csv', deIdentified: true },
      },
      {
        email: 'director@exports.test',
        role: 'director',
        action: 'export.episodes',
        resource: 'episodes.xlsx',
        filters: {},
        rowCount: 2,
        outcome: 'ok',
        details: { format: 'xlsx', deIdentified: false },
      },
    ]);
  });

  it('writes an XLSX workbook: sheets Episodes and About, frozen header, typed cells', async () => {
    const response = await download('director', '/api/v1/exports/episodes.xlsx');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(XLSX_TYPE);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="episodes-[\d-]+\.xlsx"$/);
    const workbook = new Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Episodes', 'About']);

    const sheet = workbook.getWorksheet('Episodes');
    if (!sheet) throw new Error('no Episodes sheet');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const header = (sheet.getRow(1).values as unknown[]).slice(1).filter((cell) => typeof cell === 'string');
    expect(header).toEqual(IDENTIFIED_CSV.split('\n')[0].split(','));
    expect(sheet.rowCount).toBe(3);
    const record = (row: number) =>
      Object.fromEntries(header.map((key, i) => [key, sheet.getRow(row).getCell(i + 1).value]));
    expect(record(2)).toEqual({
      episodeId: 1,
      patientKey: 'P1',
      program: 'Evening IOP',
      levelOfCare: '2.1',
      payer: 'medicaid',
      primarySubstance: 'alcohol',
      ageAtAdmission: 35,
      ageBand: '35-44',
      sex: 'female',
      zip3: '036',
      admitDate: new Date('2025-01-06T00:00:00Z'),
      dischargeDate: new Date('2025-02-20T00:00:00Z'),
      lengthOfStayDays: 46,
      dischargeReason: 'Completed',
      attendanceRate: 0.75,
      complianceScore: 0.9167,
      retained90: false,
      completed: true,
      abstinentFinal4Weeks: true,
    });
    expect(record(3)).toMatchObject({ dischargeDate: null, dischargeReason: null, completed: null, retained90: true });
    expect(sheet.getRow(2).getCell(11).numFmt).toBe('yyyy-mm-dd');

    const about = workbook.getWorksheet('About');
    const aboutRows = (about?.getSheetValues() ?? []).filter(Boolean).map((row) => (row as unknown[]).slice(1));
    expect(aboutRows[0]).toEqual(['Export', 'Episodes']);
    expect(aboutRows[1][0]).toBe('Generated at (UTC)');
    expect(String(aboutRows[1][1])).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(aboutRows[2]).toEqual(['Filters', '{}']);
    expect(aboutRows[3]).toEqual(['Rows', 2]);
    expect(aboutRows[4]).toEqual(['Column', 'Definition', 'Type']);
    expect(aboutRows.slice(5).map((row) => row[0])).toEqual(header);
  });

  it('writes the de-identified workbook for quality: years as numbers, no key column', async () => {
    const response = await download('quality', '/api/v1/exports/episodes.xlsx?programId=2');
    const workbook = new Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.getWorksheet('Episodes');
    if (!sheet) throw new Error('no Episodes sheet');
    const header = (sheet.getRow(1).values as unknown[]).slice(1).filter((cell) => typeof cell === 'string');
    expect(header).toEqual(DEIDENTIFIED_CSV.split('\n')[0].split(','));
    const admitYear = header.indexOf('admitYear') + 1;
    expect([sheet.getRow(2).getCell(admitYear).value, sheet.getRow(3).getCell(admitYear).value]).toEqual([2025, 2024]);
    expect(sheet.getRow(3).getCell(header.indexOf('zip3') + 1).value).toBe('000');
  });

  it('reads in keyset batches without losing or repeating a row at batch boundaries', async () => {
    const query = api.app.get(EpisodeExportQuery);
    const scope = { programIds: null, payer: null, smallCells: 'exact' as const };
    const ids: number[] = [];
    for await (const row of query.rows(scope, {}, 1)) ids.push(row.episodeId);
    expect(ids).toEqual([1, 2, 3, 4]);
  });
});
