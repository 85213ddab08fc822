import type { FilterOptionsResponse, ReportJob } from '@iop/contracts';
import { format, parseISO, subDays } from 'date-fns';
import { setTimeout as delay } from 'node:timers/promises';
import type { LoadApi } from './load-api';
import { reportOutcomes, type LoadDatabase } from './load-database';
import { call, type LoadRecorder, type RequestRecord } from './load-sessions';
import { failures, quantile } from './load-stats';

/** When things happened during the database fault, in ms since the run started. */
export interface DatabaseFault {
  stoppedAt: number;
  /** start() resolved: the server accepts connections again. */
  backAt: number;
  /** The first 200 of an authenticated read after backAt. */
  servedAt: number;
  healthWhileDown: string;
  /** Report jobs queued or running when the database stopped. */
  reportIds: string[];
}

/** Waits until `at` ms since the run started. */
async function until(recorder: LoadRecorder, at: number): Promise<void> {
  const wait = at - recorder.now();
  if (wait > 0) await delay(wait);
}

async function signIn(api: LoadApi, email: string, password: string): Promise<string> {
  const response = await fetch(`${api.base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`sign-in as ${email} answered ${response.status}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

/**
 * At `at`: an admin asks for three outcomes reports with dates no cache has seen (a cold report takes seconds,
 * so that jobs are running and queued when the database goes), then the database stops (a fast shutdown) for
 * `outageMs` and starts again on the same port; the API is not touched. Measures how long until an
 * authenticated read succeeds again.
 */
export async function databaseFault(
  api: LoadApi,
  database: LoadDatabase,
  recorder: LoadRecorder,
  admin: { email: string; password: string },
  at: number,
  outageMs: number,
): Promise<DatabaseFault> {
  await until(recorder, at - 3000);
  const token = await signIn(api, admin.email, admin.password);
  const options = await fetch(`${api.base}/api/v1/filters/options`, { headers: { authorization: `Bearer ${token}` } });
  const last = ((await options.json()) as FilterOptionsResponse).admitDateRange.to ?? '2026-01-01';
  const reportIds: string[] = [];
  for (const daysBack of [10, 11, 12]) {
    const to = format(subDays(parseISO(last), daysBack), 'yyyy-MM-dd');
    const answer = await call(recorder, api.base, 'report', '/api/v1/reports', {
      token,
      method: 'POST',
      body: { kind: 'outcomes', filters: { to } },
    });
    const id = (answer?.body as ReportJob | undefined)?.id;
    if (id) reportIds.push(id);
  }
  for (let tries = 0; tries < 50; tries += 1) {
    const answer = await call(recorder, api.base, 'report', `/api/v1/reports/${reportIds[0]}`, { token });
    if ((answer?.body as ReportJob | undefined)?.status === 'running') break;
    await delay(100);
  }

  const stoppedAt = recorder.now();
  await database.stop();
  await delay(1000);
  const health = await fetch(`${api.base}/api/health`).then(
    async (response) => `${response.status} ${await response.text()}`,
    (error: unknown) => `no answer (${String(error)})`,
  );
  await until(recorder, stoppedAt + outageMs);
  await database.start();
  const backAt = recorder.now();
  let servedAt = Number.NaN;
  while (recorder.now() - backAt < 60_000) {
    const response = await fetch(`${api.base}/api/v1/metrics/summary`, {
      headers: { authorization: `Bearer ${token}` },
    });
    await response.arrayBuffer();
    if (response.ok) {
      servedAt = recorder.now();
      break;
    }
    await delay(100);
  }
  return { stoppedAt, backAt, servedAt, healthWhileDown: health, reportIds };
}

/** The figures of a database fault, once the run is over (waits up to two minutes for its report jobs). */
export async function databaseFaultReport(
  fault: DatabaseFault,
  api: LoadApi,
  database: LoadDatabase,
  records: readonly RequestRecord[],
  runStartedAt: Date,
): Promise<string[]> {
  // In flight when the database stopped, or sent while it was down.
  const during = records.filter((record) => record.endedAt >= fault.stoppedAt && record.startedAt < fault.backAt);
  const refused = during.filter((record) => record.outcome === 'http 503').length;
  const longest = Math.max(0, ...during.map((record) => record.endedAt - record.startedAt));
  const afterServed = records.filter((record) => record.startedAt >= fault.servedAt);
  let jobs = await reportOutcomes(database.url, runStartedAt, fault.reportIds);
  for (let waited = 0; jobs.unfinished > 0 && waited < 120; waited += 2) {
    await delay(2000);
    jobs = await reportOutcomes(database.url, runStartedAt, fault.reportIds);
  }
  const all = await reportOutcomes(database.url, runStartedAt);
  const seconds = (ms: number) => (ms / 1000).toFixed(1);
  return [
    `- database stopped at ${seconds(fault.stoppedAt)} s for ${seconds(fault.backAt - fault.stoppedAt)} s ` +
      `(until it accepted connections again)`,
    `- /api/health while it was down: ${fault.healthWhileDown}`,
    `- requests in flight when it stopped or sent while it was down: ${during.length.toLocaleString('en-US')}; answered 503: ` +
      `${refused.toLocaleString('en-US')}; completed ok: ${during.filter((r) => r.outcome === 'ok').length}; other ` +
      `outcomes: ${failures(during.filter((r) => r.outcome !== 'http 503'))}; ` +
      `longest ${longest.toFixed(0)} ms, p99 ${quantile(
        during.map((record) => record.endedAt - record.startedAt),
        0.99,
      ).toFixed(0)} ms`,
    `- time to serve again after the database was back: ${
      Number.isNaN(fault.servedAt) ? 'not within 60 s' : `${seconds(fault.servedAt - fault.backAt)} s`
    } (first 200 of an authenticated read); the API process ${api.running() ? 'kept running (no restart)' : 'EXITED'}`,
    `- errors after service resumed: ${failures(afterServed)}`,
    `- report jobs queued or running when it stopped: ${jobs.requested}; succeeded ${jobs.succeeded}, failed ` +
      `${jobs.failed}, unfinished ${jobs.unfinished}; retried (more than one attempt) ${jobs.retried}`,
    `- all report jobs of the run: ${all.requested}; succeeded ${all.succeeded}, failed ${all.failed}, unfinished ` +
      `${all.unfinished}; retried ${all.retried}, of which succeeded ${all.retriedAndSucceeded}`,
  ];
}

/** When SIGTERM was sent and how the API ended, in ms since the run started. */
export interface SigtermFault {
  sentAt: number;
  exitedAt: number;
  exit: string;
}

/** At `at`, sends SIGTERM to the API process and waits (up to 30 s) for it to exit. */
export async function sigtermFault(api: LoadApi, recorder: LoadRecorder, at: number): Promise<SigtermFault> {
  await until(recorder, at);
  const sentAt = recorder.now();
  process.kill(api.pid, 'SIGTERM');
  const exit = await Promise.race([
    api.exited.then(({ code, signal }) => (signal ? `killed by ${signal}` : `exit code ${code}`)),
    delay(30_000).then(() => 'still running after 30 s'),
  ]);
  return { sentAt, exitedAt: recorder.now(), exit };
}

export function sigtermFaultReport(fault: SigtermFault, api: LoadApi, records: readonly RequestRecord[]): string[] {
  const inFlight = records.filter((record) => record.startedAt < fault.sentAt && record.endedAt > fault.sentAt);
  const after = records.filter((record) => record.startedAt >= fault.sentAt);
  const refused = after.filter((record) => ['ECONNREFUSED', 'http 503'].includes(record.outcome)).length;
  const apiSaid = api.lines.filter((line) => /shutting down|did not finish|shut down cleanly|shutdown/.test(line));
  return [
    `- SIGTERM at ${(fault.sentAt / 1000).toFixed(1)} s; the process ended ${(
      (fault.exitedAt - fault.sentAt) /
      1000
    ).toFixed(2)} s later with ${fault.exit}`,
    `- the API said: ${apiSaid.map((line) => `"${line}"`).join('; ') || '(nothing)'}`,
    `- requests in flight at SIGTERM (client side): ${inFlight.length}; completed ok ` +
      `${inFlight.filter((record) => record.outcome === 'ok').length}; failed: ` +
      `${failures(inFlight)}`,
    `- requests sent after SIGTERM: ${after.length.toLocaleString('en-US')}; refused (connection refused or 503): ` +
      `${refused.toLocaleString('en-US')}; other outcomes: ${failures(
        after.filter((record) => !['ECONNREFUSED', 'http 503'].includes(record.outcome)),
      )}`,
  ];
}
