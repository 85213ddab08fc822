import type { ReportJob } from '@iop/contracts';
import { DATABASE_PROBLEM_MESSAGES } from '../database/database-unavailable';
import {
  REPORT_RENDERER,
  type ReportProgress,
  type ReportRenderer,
  type ReportRenderRequest,
} from '../reports/report-renderer';
import { waitUntilFinished } from '../reports/testing/report-test-support';
import { ScriptedReportRenderer } from '../reports/testing/scripted-report-renderer';
import { createTestUser, startTestApp, type TestApp } from '../testing/test-app';
import { startRestartableDatabase, type RestartableDatabase } from './testing/restartable-database';

/** No request may take longer than this while the database is away: a hang fails the test instead. */
const REQUEST_BOUND_MS = 10_000;
/** The API must serve again within this long after the database is back. */
const RECOVERY_BOUND_MS = 10_000;

/** A renderer whose first attempt is caught by the outage: it waits until the database is stopped, then writes. */
class OutageRenderer implements ReportRenderer {
  attempts = 0;
  private readonly inner = new ScriptedReportRenderer();
  private markStarted!: () => void;
  readonly started = new Promise<void>((resolve) => (this.markStarted = resolve));
  private openGate!: () => void;
  private readonly gate = new Promise<void>((resolve) => (this.openGate = resolve));

  /** Lets the first attempt go on (against a stopped database). */
  carryOn(): void {
    this.openGate();
  }

  async render(request: ReportRenderRequest, onProgress: ReportProgress) {
    this.attempts += 1;
    if (this.attempts === 1) {
      this.markStarted();
      await this.gate;
      // Progress is written to the report row: this is where the first attempt meets the outage.
      await onProgress(0.2, 'Overview');
    }
    return this.inner.render(request, onProgress);
  }
}

describe('the database stops and comes back (a restart of PostgreSQL under the running API)', () => {
  const renderer = new OutageRenderer();
  let database: RestartableDatabase;
  let api: TestApp;
  let token: string;
  let report: ReportJob;

  const call = (method: string, path: string, body?: unknown) =>
    api.request(method, path, { headers: { authorization: `Bearer ${token}` }, body });
  /** Fails the test, rather than waiting on, if the API does not answer within REQUEST_BOUND_MS. */
  const bounded = <T>(answer: Promise<T>): Promise<T> =>
    Promise.race([
      answer,
      new Promise<never>((_resolve, reject) =>
        setTimeout(() => reject(new Error(`no answer within ${REQUEST_BOUND_MS} ms`)), REQUEST_BOUND_MS).unref(),
      ),
    ]);

  beforeAll(async () => {
    // Retries at once, so that the retry of the report caught by the outage follows the database's return.
    process.env['IOP_REPORT_RETRY_DELAY_SECONDS'] = '0';
    database = await startRestartableDatabase();
    api = await startTestApp(database.url, [{ provide: REPORT_RENDERER, useValue: renderer }]);
    await createTestUser(api.databaseUrl, { email: 'outage@faults.test', password: 'outage-password', role: 'admin' });
    token = await api.signIn('outage@faults.test', 'outage-password');
  }, 120_000);
  afterAll(async () => {
    await api?.close();
    await database?.close();
    delete process.env['IOP_REPORT_RETRY_DELAY_SECONDS'];
  });

  it('serves, and has a report job running, before the database stops', async () => {
    expect((await call('GET', '/api/v1/metrics/summary')).status).toBe(200);
    const { status, body } = await call('POST', '/api/v1/reports', { kind: 'outcomes' });
    expect(status).toBe(202);
    report = body as ReportJob;
    await renderer.started;
    await database.stop();
    renderer.carryOn();
  });

  it('answers 503 with a clear message and Retry-After on every route that needs the database, sign-in included', async () => {
    const refused = {
      status: 503,
      body: { statusCode: 503, error: 'Service Unavailable', message: DATABASE_PROBLEM_MESSAGES.unreachable },
      retryAfter: '5',
    };
    const answers = [
      await bounded(call('GET', '/api/v1/metrics/summary')),
      await bounded(call('GET', '/api/v1/auth/me')),
      await bounded(call('GET', `/api/v1/reports/${report.id}`)),
      await bounded(
        api.request('POST', '/api/v1/auth/login', {
          body: { email: 'outage@faults.test', password: 'outage-password' },
        }),
      ),
    ];
    for (const answer of answers) {
      expect({ status: answer.status, body: answer.body, retryAfter: answer.headers.get('retry-after') }).toEqual(
        refused,
      );
    }
  });

  it('says the database is down on /api/health', async () => {
    const { status, body } = await bounded(api.request('GET', '/api/health'));
    expect({ status, body }).toEqual({ status: 503, body: { status: 'error', database: 'down' } });
  });

  it('serves again within 10 s of the database coming back, without a restart', async () => {
    await database.start();
    const deadline = Date.now() + RECOVERY_BOUND_MS;
    let last = await bounded(call('GET', '/api/v1/metrics/summary'));
    while (last.status !== 200 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      last = await bounded(call('GET', '/api/v1/metrics/summary'));
    }
    expect(last.status).toBe(200);
    const health = await api.request('GET', '/api/health');
    expect({ status: health.status, body: health.body }).toEqual({
      status: 200,
      body: { status: 'ok', database: 'up' },
    });
  });

  it('retries the report job the outage failed, and it finishes', async () => {
    const finished = await waitUntilFinished(api, token, report.id, 30_000);
    expect({ status: finished.status, attempts: finished.attempts, renders: renderer.attempts }).toEqual({
      status: 'succeeded',
      attempts: 2,
      renders: 2,
    });
  });
});
