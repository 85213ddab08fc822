import type { ReportJob, ReportList } from '@iop/contracts';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SUMMARY_FIXTURE_SQL } from '../episodes/testing/summary-fixture';
import { createTestUser, startFixtureApp, type TestApp, type TestUser } from '../testing/test-app';
import { REPORT_RENDERER } from './report-renderer';
import {
  REPORT_HISTORY_SQL,
  reportHistory,
  sql,
  statusSequence,
  waitUntilFinished,
} from './testing/report-test-support';
import { SCRIPTED_PERIOD, ScriptedReportRenderer } from './testing/scripted-report-renderer';

type Who = 'director' | 'otherDirector' | 'quality' | 'payer' | 'admin';
const USERS: Record<Who, Omit<TestUser, 'email' | 'password'>> = {
  director: { role: 'director', programIds: [1] },
  otherDirector: { role: 'director', programIds: [2] },
  quality: { role: 'quality' },
  payer: { role: 'payer', payer: 'commercial' },
  admin: { role: 'admin' },
};

/** Pages of a PDF as poppler's pdfinfo reads them. */
function pdfPages(pdf: Buffer): number {
  const folder = mkdtempSync(join(tmpdir(), 'report-'));
  try {
    writeFileSync(join(folder, 'report.pdf'), pdf);
    const info = execFileSync('pdfinfo', [join(folder, 'report.pdf')]).toString();
    return Number(/^Pages:\s+(\d+)$/m.exec(info)?.[1]);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

describe('reports as background jobs (pg-boss) against PostgreSQL', () => {
  const renderer = new ScriptedReportRenderer();
  let api: TestApp;
  const tokens = {} as Record<Who, string>;

  beforeAll(async () => {
    // Retries at once: the history trigger, not a wait, shows the job queued again between attempts.
    process.env['IOP_REPORT_RETRY_DELAY_SECONDS'] = '0';
    api = await startFixtureApp(SUMMARY_FIXTURE_SQL + REPORT_HISTORY_SQL, [
      { provide: REPORT_RENDERER, useValue: renderer },
    ]);
    for (const [who, user] of Object.entries(USERS)) {
      const email = `${who}@reports.test`;
      await createTestUser(api.databaseUrl, { ...user, email, password: `${who}-password` });
      tokens[who as Who] = await api.signIn(email, `${who}-password`);
    }
  });
  afterAll(async () => {
    await api?.close();
    delete process.env['IOP_REPORT_RETRY_DELAY_SECONDS'];
  });

  const call = (who: Who, method: string, path: string, body?: unknown) =>
    api.request(method, `/api/v1/reports${path}`, { headers: { authorization: `Bearer ${tokens[who]}` }, body });
  const download = (who: Who, id: string) =>
    fetch(`${api.baseUrl}/api/v1/reports/${id}/file`, { headers: { authorization: `Bearer ${tokens[who]}` } });
  const generate = async (who: Who, body: object): Promise<ReportJob> => {
    const { status, body: job } = await call(who, 'POST', '', body);
    expect([status, (job as ReportJob).status]).toEqual([202, 'queued']);
    return job as ReportJob;
  };
  const downloadsAudited = async (id: string) =>
    (
      await sql<{ count: string }>(
        api.databaseUrl,
        `SELECT count(*) FROM audit_events WHERE action = 'export.report' AND resource = $1`,
        [`reports/${id}`],
      )
    )[0].count;

  let directorReport: ReportJob;

  it('queues a report (202), runs it with the scope of the requester, and stores a PDF to download', async () => {
    const queued = await generate('director', { kind: 'outcomes', filters: { from: '2025-01-01' } });
    expect(queued).toEqual(
      expect.objectContaining({
        kind: 'outcomes',
        progress: 0,
        stage: null,
        filters: { from: '2025-01-01' },
        period: null,
        attempts: 0,
        error: null,
        scheduleId: null,
        requestedBy: 'director@reports.test',
        startedAt: null,
        finishedAt: null,
        pageCount: null,
        sizeBytes: null,
        downloadPath: null,
      }),
    );

    directorReport = await waitUntilFinished(api, tokens.director, queued.id);
    expect(directorReport).toEqual(
      expect.objectContaining({
        status: 'succeeded',
        progress: 100,
        period: SCRIPTED_PERIOD,
        attempts: 1,
        error: null,
        pageCount: 1,
        downloadPath: `/api/v1/reports/${queued.id}/file`,
      }),
    );
    const rendered = renderer.requests.find((request) => request.filters.from === '2025-01-01');
    expect(rendered?.scope).toEqual({ programIds: [1], payer: null, smallCells: 'exact' });
    expect(rendered?.requestedBy).toBe('Test director');

    // Progress went up in the steps the renderer reported, throttled, and ended at 100.
    const progress = (await reportHistory(api.databaseUrl, queued.id)).map((row) => row.progress);
    expect(progress.every((value) => [0, 10, 50, 90, 100].includes(value))).toBe(true);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
    expect(progress.at(-1)).toBe(100);
  });

  it('downloads the PDF as an attachment, not cached, and audits each download once', async () => {
    const id = directorReport.id;
    expect(await downloadsAudited(id)).toBe('0');
    const response = await download('director', id);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const day = directorReport.createdAt.slice(0, 10);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="outcomes-report-${day}.pdf"`);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const pdf = Buffer.from(await response.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBe(directorReport.sizeBytes);
    expect(pdfPages(pdf)).toBe(directorReport.pageCount);
    expect(await downloadsAudited(id)).toBe('1');

    expect((await download('director', id)).status).toBe(200);
    expect(await downloadsAudited(id)).toBe('2');
  });

  it("hides a report from other users (404) but not from an admin; lists each user's own, newest first", async () => {
    const id = directorReport.id;
    expect((await call('otherDirector', 'GET', `/${id}`)).status).toBe(404);
    expect((await download('otherDirector', id)).status).toBe(404);
    expect((await call('quality', 'GET', `/${id}`)).status).toBe(404);
    expect(await downloadsAudited(id)).toBe('2');
    expect((await call('admin', 'GET', `/${id}`)).body).toEqual(directorReport);

    const second = await generate('director', { kind: 'outcomes' });
    await waitUntilFinished(api, tokens.director, second.id);
    const mine = (await call('director', 'GET', '')).body as ReportList;
    expect(mine.reports.map((report) => report.id)).toEqual([second.id, id]);
    expect(((await call('otherDirector', 'GET', '')).body as ReportList).reports).toEqual([]);
    const everyone = ((await call('admin', 'GET', '')).body as ReportList).reports.map((report) => report.id);
    expect(everyone).toEqual(expect.arrayContaining([second.id, id]));

    expect((await call('director', 'GET', '/not-a-uuid')).status).toBe(400);
    expect((await call('director', 'GET', '/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('gives a payer the payer report only: outcomes is 403 with the reason, payer runs with the payer scope', async () => {
    const refused = await call('payer', 'POST', '', { kind: 'outcomes' });
    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused.body)).toContain('A payer can only request the payer report');

    const queued = await generate('payer', { kind: 'payer', filters: { to: '2025-06-30' } });
    const finished = await waitUntilFinished(api, tokens.payer, queued.id);
    expect([finished.status, finished.kind]).toEqual(['succeeded', 'payer']);
    const rendered = renderer.requests.find((request) => request.filters.to === '2025-06-30');
    expect(rendered?.scope).toEqual({ programIds: null, payer: 'commercial', smallCells: 'suppress' });
  });

  it('refuses a malformed body, naming the field', async () => {
    const cases: Array<[object, string]> = [
      [{ kind: 'monthly' }, 'kind must be one of outcomes, payer'],
      [{ kind: 'outcomes', filters: { from: '2025-02-31' } }, 'from must be a date that exists'],
      [{ kind: 'outcomes', filters: { payer: ['nobody'] } }, 'payer must be one of'],
      [{ kind: 'outcomes', filters: { sneaky: 1 } }, 'sneaky should not exist'],
      [{ kind: 'outcomes', sneaky: 1 }, 'sneaky should not exist'],
    ];
    for (const [body, message] of cases) {
      const { status, body: answer } = await call('director', 'POST', '', body);
      expect([status, JSON.stringify(answer)]).toEqual([400, expect.stringContaining(message)]);
    }
  });

  it('retries a failing render: attempts counted, the error kept, queued again, then succeeded', async () => {
    const filters = { to: '2025-12-30' };
    renderer.failTimes(filters, 2);
    const queued = await generate('quality', { kind: 'outcomes', filters });
    const finished = await waitUntilFinished(api, tokens.quality, queued.id);
    expect(finished).toEqual(
      expect.objectContaining({ status: 'succeeded', attempts: 3, error: 'Scripted failure 2 of 2', progress: 100 }),
    );
    const history = await reportHistory(api.databaseUrl, queued.id);
    expect(statusSequence(history)).toEqual([
      'queued',
      'running',
      'queued',
      'running',
      'queued',
      'running',
      'succeeded',
    ]);
    const requeued = history.filter((row, i) => row.status === 'queued' && i > 0);
    expect(requeued.map(({ attempts, error }) => [attempts, error])).toEqual([
      [1, 'Scripted failure 1 of 2'],
      [2, 'Scripted failure 2 of 2'],
    ]);
  });

  it('fails a report for good after the third failed attempt; its file is then 409', async () => {
    const filters = { to: '2025-12-29' };
    renderer.failTimes(filters, 3);
    const queued = await generate('admin', { kind: 'payer', filters });
    const finished = await waitUntilFinished(api, tokens.admin, queued.id);
    expect(finished).toEqual(
      expect.objectContaining({ status: 'failed', attempts: 3, error: 'Scripted failure 3 of 3', pageCount: null }),
    );
    expect(finished.finishedAt).not.toBeNull();
    const history = await reportHistory(api.databaseUrl, queued.id);
    expect(statusSequence(history)).toEqual(['queued', 'running', 'queued', 'running', 'queued', 'running', 'failed']);

    const response = await download('admin', queued.id);
    expect(response.status).toBe(409);
    expect(await response.text()).toContain('is failed');
    expect(await downloadsAudited(queued.id)).toBe('0');
  });
});
