import type { ReportList, ReportSchedule, ReportScheduleList } from '@iop/contracts';
import { SUMMARY_FIXTURE_SQL } from '../episodes/testing/summary-fixture';
import { createTestUser, startFixtureApp, type TestApp, type TestUser } from '../testing/test-app';
import { REPORT_RENDERER } from './report-renderer';
import { ReportScheduler } from './report-scheduler';
import { sql, waitUntilFinished } from './testing/report-test-support';
import { ScriptedReportRenderer } from './testing/scripted-report-renderer';

type Who = 'director' | 'otherDirector' | 'payer' | 'admin';
const USERS: Record<Who, Omit<TestUser, 'email' | 'password'>> = {
  director: { role: 'director', programIds: [1] },
  otherDirector: { role: 'director', programIds: [2] },
  payer: { role: 'payer', payer: 'commercial' },
  admin: { role: 'admin' },
};

const iso = (value: Date | string) => new Date(value).toISOString();

describe('report schedules and the scheduler tick against PostgreSQL', () => {
  let api: TestApp;
  const tokens = {} as Record<Who, string>;

  beforeAll(async () => {
    api = await startFixtureApp(SUMMARY_FIXTURE_SQL, [
      { provide: REPORT_RENDERER, useValue: new ScriptedReportRenderer() },
    ]);
    for (const [who, user] of Object.entries(USERS)) {
      const email = `${who}@schedules.test`;
      await createTestUser(api.databaseUrl, { ...user, email, password: `${who}-password` });
      tokens[who as Who] = await api.signIn(email, `${who}-password`);
    }
  });
  afterAll(() => api?.close());

  const call = (who: Who, method: string, path: string, body?: unknown) =>
    api.request(method, `/api/v1/reports${path}`, { headers: { authorization: `Bearer ${tokens[who]}` }, body });
  const schedule = async (who: Who, body: object): Promise<ReportSchedule> => {
    const { status, body: created } = await call(who, 'POST', '/schedules', body);
    expect([status, JSON.stringify(created)]).toEqual([201, expect.any(String)]);
    return created as ReportSchedule;
  };

  it.each([
    // Wednesday 2 December 2026, 10:00 UTC: the next Monday, and the 1st of the next month.
    ['weekly', '2026-12-02T10:00:00Z', '2026-12-07T06:00:00.000Z'],
    ['monthly', '2026-12-02T10:00:00Z', '2027-01-01T06:00:00.000Z'],
    // On the day, before 06:00 it is today's run; at 06:00 exactly that run is taken, so the next one.
    ['weekly', '2026-11-30T05:59:59Z', '2026-11-30T06:00:00.000Z'],
    ['weekly', '2026-11-30T06:00:00Z', '2026-12-07T06:00:00.000Z'],
    ['weekly', '2026-12-06T23:30:00Z', '2026-12-07T06:00:00.000Z'],
    ['monthly', '2026-12-01T05:00:00Z', '2026-12-01T06:00:00.000Z'],
    ['monthly', '2026-12-01T06:00:00Z', '2027-01-01T06:00:00.000Z'],
    ['monthly', '2027-01-31T12:00:00Z', '2027-02-01T06:00:00.000Z'],
  ])('the next %s run after %s is %s, whatever the session time zone', async (cadence, after, expected) => {
    for (const zone of ['UTC', 'America/Chicago', 'Pacific/Kiritimati']) {
      const url = new URL(api.databaseUrl);
      url.searchParams.set('options', `-c TimeZone=${zone}`);
      const [row] = await sql<{ next: Date; zone: string }>(
        url.toString(),
        `SELECT report_next_run($1, $2::timestamptz) AS next, current_setting('TimeZone') AS zone`,
        [cadence, after],
      );
      expect([row.zone, iso(row.next)]).toEqual([zone, expected]);
    }
  });

  it('a tick makes exactly one report per due schedule, even ticked twice at once, and moves each on', async () => {
    const weekly = await schedule('director', { kind: 'outcomes', cadence: 'weekly', filters: { programId: [1] } });
    const monthly = await schedule('payer', { kind: 'payer', cadence: 'monthly' });
    const deleted = await schedule('director', { kind: 'outcomes', cadence: 'monthly' });
    expect((await call('director', 'DELETE', `/schedules/${deleted.id}`)).status).toBe(204);
    // Due on Monday 1 December 2036 (years ahead, so the real minute tick of the running app never claims them).
    await sql(api.databaseUrl, `UPDATE report_schedules SET next_run_at = '2036-12-01T06:00:00Z'`);

    const scheduler = api.app.get(ReportScheduler);
    const now = new Date('2036-12-03T10:00:00Z');
    const [first, second] = await Promise.all([scheduler.runDue(now), scheduler.runDue(now)]);
    const again = await scheduler.runDue(now);
    const runs = [...first, ...second, ...again];
    expect(runs.map((run) => run.scheduleId).sort()).toEqual([weekly.id, monthly.id].sort());

    const rows = await sql<{ id: string; next_run_at: Date; last_run_at: Date | null; reports: string }>(
      api.databaseUrl,
      `SELECT s.id, s.next_run_at, s.last_run_at, (SELECT count(*) FROM reports r WHERE r.schedule_id = s.id) AS reports
       FROM report_schedules s`,
    );
    const facts = (id: string) => {
      const row = rows.find((candidate) => candidate.id === id);
      return row ? [iso(row.next_run_at), row.last_run_at && iso(row.last_run_at), row.reports] : null;
    };
    expect(facts(weekly.id)).toEqual(['2036-12-08T06:00:00.000Z', '2036-12-03T10:00:00.000Z', '1']);
    expect(facts(monthly.id)).toEqual(['2037-01-01T06:00:00.000Z', '2036-12-03T10:00:00.000Z', '1']);
    expect(facts(deleted.id)).toEqual(['2036-12-01T06:00:00.000Z', null, '0']);

    // The reports run for the owners, and each schedule shows the status of its last one.
    const reportOf = (scheduleId: string) => runs.find((run) => run.scheduleId === scheduleId)?.reportId ?? '';
    const report = await waitUntilFinished(api, tokens.director, reportOf(weekly.id));
    expect(report).toEqual(
      expect.objectContaining({
        status: 'succeeded',
        scheduleId: weekly.id,
        requestedBy: 'director@schedules.test',
        kind: 'outcomes',
        filters: { programId: [1] },
      }),
    );
    expect((await waitUntilFinished(api, tokens.payer, reportOf(monthly.id))).status).toBe('succeeded');
    const listed = ((await call('director', 'GET', '/schedules')).body as ReportScheduleList).schedules;
    expect(listed.map(({ id, lastStatus, lastRunAt }) => [id, lastStatus, lastRunAt])).toEqual([
      [weekly.id, 'succeeded', '2036-12-03T10:00:00.000Z'],
    ]);
    const directorReports = ((await call('director', 'GET', '')).body as ReportList).reports;
    expect(directorReports.map((r) => r.id)).toEqual([reportOf(weekly.id)]);
  });

  it('creates a schedule for the next Monday or 1st at 06:00 UTC, kept for download, and audits it', async () => {
    const created = await schedule('director', {
      kind: 'outcomes',
      cadence: 'weekly',
      filters: { from: '2025-01-01' },
    });
    expect(created).toEqual(
      expect.objectContaining({
        kind: 'outcomes',
        cadence: 'weekly',
        filters: { from: '2025-01-01' },
        delivery: 'download',
        owner: 'director@schedules.test',
        lastRunAt: null,
        lastStatus: null,
      }),
    );
    const [expected] = await sql<{ next: Date }>(
      api.databaseUrl,
      `SELECT report_next_run('weekly', created_at) AS next FROM report_schedules WHERE id = $1`,
      [created.id],
    );
    expect(created.nextRunAt).toBe(iso(expected.next));
    const next = new Date(created.nextRunAt);
    expect([next.getUTCDay(), next.getUTCHours(), next.getUTCMinutes()]).toEqual([1, 6, 0]);

    const audited = await sql<{ action: string; resource: string }>(
      api.databaseUrl,
      `SELECT action, resource FROM audit_events WHERE resource = $1`,
      [`report-schedules/${created.id}`],
    );
    expect(audited).toEqual([{ action: 'report.schedule.create', resource: `report-schedules/${created.id}` }]);
  });

  it('refuses the outcomes report to a payer (403) and a malformed schedule (400)', async () => {
    const refused = await call('payer', 'POST', '/schedules', { kind: 'outcomes', cadence: 'weekly' });
    expect(refused.status).toBe(403);
    const malformed = await call('director', 'POST', '/schedules', { kind: 'outcomes', cadence: 'daily' });
    expect([malformed.status, JSON.stringify(malformed.body)]).toEqual([
      400,
      expect.stringContaining('cadence must be one of weekly, monthly'),
    ]);
  });

  it('lets the owner and an admin delete a schedule, nobody else (404); each deletion audited', async () => {
    const mine = await schedule('director', { kind: 'payer', cadence: 'monthly' });
    expect((await call('otherDirector', 'DELETE', `/schedules/${mine.id}`)).status).toBe(404);
    const everyone = ((await call('admin', 'GET', '/schedules')).body as ReportScheduleList).schedules;
    expect(everyone.map((s) => s.id)).toContain(mine.id);
    expect(((await call('otherDirector', 'GET', '/schedules')).body as ReportScheduleList).schedules).toEqual([]);

    expect((await call('admin', 'DELETE', `/schedules/${mine.id}`)).status).toBe(204);
    expect((await call('admin', 'DELETE', `/schedules/${mine.id}`)).status).toBe(404);
    const listed = ((await call('director', 'GET', '/schedules')).body as ReportScheduleList).schedules;
    expect(listed.map((s) => s.id)).not.toContain(mine.id);
    const [deletion] = await sql<{ email: string }>(
      api.databaseUrl,
      `SELECT email FROM audit_events WHERE action = 'report.schedule.delete' AND resource = $1`,
      [`report-schedules/${mine.id}`],
    );
    expect(deletion.email).toBe('admin@schedules.test');
  });
});
