import type { FilterOptionsResponse, ReportJob, UserRole } from '@iop/contracts';
import { addMonths, endOfMonth, format, parseISO, startOfMonth } from 'date-fns';
import { type Agent, request as httpRequest } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';

/** A request that takes longer than this counts as hung ('timeout'). */
const REQUEST_TIMEOUT_MS = 30_000;
/** How long a payer waits for the PDF report they asked for. */
const REPORT_WAIT_MS = 120_000;

/** The step of a dashboard session a request belongs to. */
export type Step =
  | 'sign-in'
  | 'shell'
  | 'overview'
  | 'filter change'
  | 'retention'
  | 'evidence'
  | 'export'
  | 'report'
  | 'sign-out';

/** One request: when it started and ended (ms since the run started) and what came of it. */
export interface RequestRecord {
  step: Step;
  /** The endpoint, without its query (report ids as :id). */
  endpoint: string;
  startedAt: number;
  endedAt: number;
  /** 'ok' (2xx), 'http <status>', a socket error code (ECONNREFUSED...), or 'timeout'. */
  outcome: string;
}

/** Every request of the run, and the time from each report request to its PDF. */
export class LoadRecorder {
  readonly records: RequestRecord[] = [];
  readonly reportSeconds: number[] = [];
  private readonly origin = performance.now();

  now(): number {
    return performance.now() - this.origin;
  }
}

interface Answer {
  status: number;
  body: unknown;
}

/** One HTTP exchange over `agent`: the status and the whole body. */
function exchange(
  agent: Agent | undefined,
  url: URL,
  method: string,
  headers: Record<string, string>,
  body: string | undefined,
): Promise<{ status: number; bytes: Buffer }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      url,
      { method, headers, agent, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, bytes: Buffer.concat(chunks) }));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

/**
 * GET or POST with a bearer token, recorded; null when it failed (not 2xx, or no answer). `agent` keeps the
 * user's connections alive and gives them the user's own address.
 */
export async function call(
  recorder: LoadRecorder,
  base: string,
  step: Step,
  path: string,
  init: { token?: string; method?: string; body?: unknown; read?: 'json' | 'bytes'; agent?: Agent } = {},
): Promise<Answer | null> {
  const startedAt = recorder.now();
  let outcome = 'ok';
  let answer: Answer | null = null;
  try {
    const body = init.body === undefined ? undefined : JSON.stringify(init.body);
    const { status, bytes } = await exchange(
      init.agent,
      new URL(path, base),
      init.method ?? 'GET',
      {
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body,
    );
    if (status >= 200 && status < 300) {
      answer = { status, body: init.read === 'bytes' ? bytes.length : parseJson(bytes) };
    } else {
      outcome = `http ${status}`;
    }
  } catch (error) {
    outcome = failureOf(error);
  }
  const endpoint = `${init.method ?? 'GET'} ${path.split('?')[0].replace(/[0-9a-f-]{36}/, ':id')}`;
  recorder.records.push({ step, endpoint, startedAt, endedAt: recorder.now(), outcome });
  return answer;
}

function parseJson(bytes: Buffer): unknown {
  try {
    return bytes.length > 0 ? (JSON.parse(bytes.toString('utf8')) as unknown) : null;
  } catch {
    return null;
  }
}

/** 'timeout' for an abort, the socket error's code (ECONNREFUSED, ECONNRESET...), else the message. */
function failureOf(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return 'timeout';
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') return code;
  return error instanceof Error ? error.message : String(error);
}

/** The trend metrics of the overview's headline cards (apps/dashboard overview-kpis.ts). */
const OVERVIEW_TRENDS = [
  'episodes',
  'attendanceRate',
  'attendedHoursPerWeek',
  'compliant',
  'retained90',
  'completionRate',
  'negativeScreenRate',
  'readmitted30',
];

/** The overview page's requests, sent at once as the page sends them. */
function overviewPaths(query: string): string[] {
  const and = query ? `&${query}` : '';
  const only = query ? `?${query}` : '';
  return [
    `/api/v1/metrics/summary${only}`,
    `/api/v1/metrics/flow${only}`,
    `/api/v1/metrics/discharge-reasons${only}`,
    ...OVERVIEW_TRENDS.map((metric) => `/api/v1/metrics/trend?metric=${metric}&interval=month${and}`),
  ];
}

/** A filter a user would pick: one program they see and the last 6 or 12 whole months of admissions. */
function chooseFilter(options: FilterOptionsResponse | null): Record<string, string> {
  const filter: Record<string, string> = {};
  const programs = options?.programs ?? [];
  if (programs.length > 0) filter['programId'] = String(programs[Math.floor(Math.random() * programs.length)].id);
  const last = options?.admitDateRange.to;
  if (last) {
    const months = Math.random() < 0.5 ? 6 : 12;
    filter['from'] = format(startOfMonth(addMonths(parseISO(last), 1 - months)), 'yyyy-MM-dd');
    filter['to'] = format(endOfMonth(parseISO(last)), 'yyyy-MM-dd');
  }
  return filter;
}

export interface VirtualUser {
  base: string;
  /** The user's connections, from an address of their own (a browser on its own machine). */
  agent: Agent;
  email: string;
  password: string;
  role: UserRole;
  recorder: LoadRecorder;
  /** Mean pause between two pages, in ms (each pause is drawn between half and one and a half of it). */
  thinkMs: number;
  /** True once the run is over: the user stops at the next step. */
  done: () => boolean;
}

/** Dashboard sessions, one after another, until the run is over. */
export async function runVirtualUser(user: VirtualUser): Promise<void> {
  while (!user.done()) {
    await session(user);
    await think(user);
  }
}

async function think(user: VirtualUser): Promise<void> {
  await delay(user.thinkMs * (0.5 + Math.random()));
}

/**
 * Sign in, the shell (who am I, the data's date, the filter choices), the overview, a filter change (the
 * overview again), retention, evidence, an export, sign out, with a pause between pages. A payer may not see
 * retention, evidence or episode exports: they look at costs and a breakdown instead, and their export is the
 * payer PDF report (a job they wait for). A failed step ends the session, as a user would start again.
 */
async function session(user: VirtualUser): Promise<void> {
  const { base, recorder, role } = user;
  const { agent } = user;
  const signedIn = await call(recorder, base, 'sign-in', '/api/v1/auth/login', {
    method: 'POST',
    body: { email: user.email, password: user.password },
    agent,
  });
  const token = (signedIn?.body as { accessToken?: string } | undefined)?.accessToken;
  if (!token) return;
  const get = (step: Step, path: string, read?: 'bytes') => call(recorder, base, step, path, { token, read, agent });
  const all = async (step: Step, paths: string[]) => {
    const answers = await Promise.all(paths.map((path) => get(step, path)));
    return answers.every((answer) => answer !== null) ? answers : null;
  };

  const shell = await all('shell', ['/api/v1/auth/me', '/api/v1/data/status', '/api/v1/filters/options']);
  if (!shell || !(await all('overview', overviewPaths('')))) return;
  await think(user);
  const query = new URLSearchParams(chooseFilter(shell[2]?.body as FilterOptionsResponse)).toString();
  if (user.done() || !(await all('filter change', overviewPaths(query)))) return;
  await think(user);
  const payer = role === 'payer';
  const retention = payer ? `/api/v1/costs/summary?${query}` : `/api/v1/retention?groupBy=levelOfCare&${query}`;
  if (user.done() || !(await get('retention', retention))) return;
  await think(user);
  const evidence = payer
    ? `/api/v1/metrics/breakdown?metric=completionRate&by=levelOfCare&${query}`
    : `/api/v1/evidence?${query}`;
  if (user.done() || !(await get('evidence', evidence))) return;
  await think(user);
  if (user.done()) return;
  if (payer) {
    await payerReport(user, token, Object.fromEntries(new URLSearchParams(query)));
  } else if (!(await get('export', `/api/v1/exports/episodes.csv?${query}`, 'bytes'))) {
    return;
  }
  await call(recorder, base, 'sign-out', '/api/v1/auth/logout', { token, method: 'POST', body: {}, agent });
}

/** Asks for the payer PDF report of the filter, polls it every second, and downloads it. */
async function payerReport(user: VirtualUser, token: string, filters: Record<string, string>): Promise<void> {
  const { base, recorder, agent } = user;
  const requestedAt = recorder.now();
  const requested = await call(recorder, base, 'report', '/api/v1/reports', {
    token,
    method: 'POST',
    body: { kind: 'payer', filters },
    agent,
  });
  const id = (requested?.body as ReportJob | undefined)?.id;
  if (!id) return;
  while (recorder.now() - requestedAt < REPORT_WAIT_MS) {
    await delay(1000);
    const polled = await call(recorder, base, 'report', `/api/v1/reports/${id}`, { token, agent });
    const status = (polled?.body as ReportJob | undefined)?.status;
    if (status === 'failed') return;
    if (status === 'succeeded') {
      recorder.reportSeconds.push((recorder.now() - requestedAt) / 1000);
      await call(recorder, base, 'report', `/api/v1/reports/${id}/file`, { token, read: 'bytes', agent });
      return;
    }
  }
}
