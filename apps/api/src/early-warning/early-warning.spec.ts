import type { EarlyWarningResponse, UserRole } from '@iop/contracts';
import { Workbook } from 'exceljs';
import { Client } from 'pg';
import { createTestUser, startFixtureApp, type TestApp } from '../testing/test-app';
import { EARLY_WARNING_FIXTURE_SQL } from './testing/early-warning-fixture';

/**
 * The list on testing/early-warning-fixture.ts as of its data end, 2025-06-30. Two episodes cannot support a model,
 * so the list says so and ranks by the plain rules: episode 1 (week (121 / 7) + 1 = 18) last attended 03-12 (110
 * days) with 3 no-shows since; episode 2 (week 17) last attended 03-15 (107 days), 1 no-show since.
 */
const LIST = '/api/v1/early-warning';

describe('GET /api/v1/early-warning (real PostgreSQL)', () => {
  let api: TestApp;
  const tokens = {} as Record<UserRole | 'otherDirector', string>;

  beforeAll(async () => {
    api = await startFixtureApp(
      `${EARLY_WARNING_FIXTURE_SQL}
       INSERT INTO programs (id, org_id, name, level_of_care, timezone) VALUES (2, 1, 'Evening IOP', '2.1', 'UTC');`,
    );
    const users: Array<{ key: UserRole | 'otherDirector'; role: UserRole; programIds?: number[]; payer?: string }> = [
      { key: 'director', role: 'director', programIds: [1] },
      { key: 'otherDirector', role: 'director', programIds: [2] },
      { key: 'quality', role: 'quality' },
      { key: 'admin', role: 'admin' },
      { key: 'payer', role: 'payer', payer: 'medicaid' },
    ];
    for (const user of users) {
      const email = `${user.key}@early-warning.test`;
      await createTestUser(api.databaseUrl, { ...user, email, password: `${user.key}-password` });
      tokens[user.key] = await api.signIn(email, `${user.key}-password`);
    }
  });
  afterAll(() => api.close());

  const call = (who: keyof typeof tokens, path: string) =>
    fetch(`${api.baseUrl}${path}`, { headers: { authorization: `Bearer ${tokens[who]}` } });
  const list = async (who: keyof typeof tokens, query = ''): Promise<EarlyWarningResponse> => {
    const response = await call(who, `${LIST}${query}`);
    expect(response.status).toBe(200);
    return (await response.json()) as EarlyWarningResponse;
  };

  async function auditEvents(action: string): Promise<Array<Record<string, unknown>>> {
    const client = new Client({ connectionString: api.databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<Record<string, unknown>>(
        `SELECT email, action, resource, filters, row_count AS "rowCount", outcome FROM audit_events
         WHERE action = $1 ORDER BY id`,
        [action],
      );
      return rows;
    } finally {
      await client.end();
    }
  }

  it('says the model cannot be used and ranks by the plain rules', async () => {
    const answer = await list('admin');
    expect(answer).toMatchObject({
      asOf: '2025-06-30',
      horizonDays: 14,
      modelUsable: false,
      ranking: 'rules',
      validation: null,
      model: null,
      validationUnavailable: 'before the cut-off: no weekly rows with a known outcome',
    });
    expect(answer.statement).toBe(
      'The model could not be validated (every weekly row of the history has the same 14-day outcome), so it is not ' +
        'used. Listed by the plain rules instead: 2 or more consecutive no-shows, or no attended session in 10 days.',
    );
    expect(answer.rows).toEqual([
      {
        patientKey: 'EW1',
        episodeId: 1,
        programId: 1,
        programName: 'Day IOP',
        counselorId: 1,
        counselorName: 'Casey Counselor',
        weekOfTreatment: 18,
        risk: null,
        band: 'flagged',
        drivers: [],
        consecutiveNoShows: 3,
        daysSinceLastAttended: 110,
        rulesMet: ['consecutiveNoShows', 'noAttendanceIn10Days'],
      },
      expect.objectContaining({ episodeId: 2, weekOfTreatment: 17, daysSinceLastAttended: 107, consecutiveNoShows: 1 }),
    ]);
  });

  it("sorts, filters by counselor, and shows a director only their programs' patients", async () => {
    expect((await list('admin', '?sort=weekOfTreatment')).rows.map((row) => row.episodeId)).toEqual([2, 1]);
    expect((await list('admin', '?sort=risk&direction=asc')).rows.map((row) => row.episodeId)).toEqual([2, 1]);
    expect((await list('admin', '?counselorId=1')).rows.map((row) => row.episodeId)).toEqual([1]);
    expect((await list('director')).rows).toHaveLength(2);
    expect((await list('otherDirector')).rows).toEqual([]);
  });

  it('refuses payers and the quality role, and malformed parameters with a 400 naming them', async () => {
    for (const who of ['payer', 'quality'] as const) {
      for (const path of [LIST, `${LIST}.csv`, `${LIST}.xlsx`]) expect((await call(who, path)).status).toBe(403);
    }
    const bad = await call('admin', `${LIST}?sort=name`);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('sort must be one of');
  });

  it('audits every view with the filters and the row count', async () => {
    const before = (await auditEvents('early-warning.read')).length;
    await list('director', '?counselorId=1');
    const events = await auditEvents('early-warning.read');
    expect(events).toHaveLength(before + 1);
    expect(events.at(-1)).toMatchObject({
      email: 'director@early-warning.test',
      resource: 'early-warning',
      filters: { counselorId: [1] },
      rowCount: 1,
      outcome: 'ok',
    });
  });

  it('exports the list as CSV and XLSX, each download audited', async () => {
    const csv = await call('director', `${LIST}.csv?counselorId=1`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toMatch(/early-warning-\d{4}-\d{2}-\d{2}\.csv/);
    expect(await csv.text()).toBe(
      [
        'Patient key,Episode id,Program,Counselor,Week of treatment,Risk (14 days),Band,Main driver,Second driver,' +
          'Consecutive no-shows,Days since last attended,Rules met',
        'EW1,1,Day IOP,Casey Counselor,18,,flagged,,,3,110,2 or more consecutive no-shows; No attended session in 10 days',
        '',
      ].join('\n'),
    );
    const xlsx = await call('admin', `${LIST}.xlsx`);
    expect(xlsx.status).toBe(200);
    const workbook = new Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const sheet = workbook.getWorksheet('Early warning');
    expect(sheet?.rowCount).toBe(3);
    expect(sheet?.getRow(2).getCell(1).value).toBe('EW1');
    const exports = await auditEvents('export.early-warning');
    expect(exports.map((event) => [event.resource, event.rowCount, event.outcome])).toEqual([
      ['early-warning.csv', 1, 'ok'],
      ['early-warning.xlsx', 2, 'ok'],
    ]);
  });
});
