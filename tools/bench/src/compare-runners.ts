import type { DuckDBConnection } from '@duckdb/node-api';
import type { Client } from 'pg';
import { duckDbRows } from './compare-duckdb';

/** Times of one question on one engine, in milliseconds. */
export interface Timings {
  times: number[];
}

/** The q-quantile (nearest rank) of the times. */
export function quantile(times: readonly number[], q: number): number {
  const sorted = [...times].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/**
 * A signed-in API user: every timed call pays the access check (a session lookup), as the dashboard's do. The
 * access token is short-lived and a large run lasts longer, so the caller signs in again when it has expired.
 */
export interface ApiCaller {
  base: string;
  email: string;
  password: string;
  authorization: string;
}

/** A call the API did not answer with 2xx. */
export class ApiCallFailed extends Error {
  constructor(
    readonly status: number,
    path: string,
    text: string,
  ) {
    super(`${path} answered ${status}: ${text.slice(0, 200)}`);
  }
}

export async function signIn(base: string, email: string, password: string): Promise<ApiCaller> {
  const response = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`sign-in as ${email} answered ${response.status}`);
  const { accessToken } = (await response.json()) as { accessToken: string };
  return { base, email, password, authorization: `Bearer ${accessToken}` };
}

/** One call, read to its last byte; its time and parsed answer. A 401 (token expired) signs in and asks again. */
export async function timedApiCall(caller: ApiCaller, path: string): Promise<{ ms: number; body: unknown }> {
  for (let attempt = 1; ; attempt += 1) {
    const started = performance.now();
    const response = await fetch(caller.base + path, { headers: { authorization: caller.authorization } });
    const text = await response.text();
    const ms = performance.now() - started;
    if (response.status === 401 && attempt === 1) {
      caller.authorization = (await signIn(caller.base, caller.email, caller.password)).authorization;
      continue;
    }
    if (!response.ok) throw new ApiCallFailed(response.status, path, text);
    return { ms, body: JSON.parse(text) as unknown };
  }
}

/** One call to warm the caches, then `runs` timed calls; the last answer is returned for the checks. */
export async function warmApiTimings(
  caller: ApiCaller,
  path: string,
  runs: number,
): Promise<Timings & { body: unknown }> {
  let { body } = await timedApiCall(caller, path);
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const call = await timedApiCall(caller, path);
    times.push(call.ms);
    body = call.body;
  }
  return { times, body };
}

/**
 * Makes the API's next answer a cold one, as after a load: every result cache keys on the data version
 * (apps/api/src/common/result-cache.ts: the latest dataset_meta.loaded_at and the number of loads), and a load
 * stamps loaded_at. Stamping it without changing any row makes every cached answer stale at once, and the
 * answers stay the same, so warm and cold calls answer the same question.
 */
export async function bumpDataVersion(database: Client): Promise<void> {
  await database.query('UPDATE dataset_meta SET loaded_at = clock_timestamp()');
}

/** `runs` cold calls: each after a new data version. */
export async function coldApiTimings(
  caller: ApiCaller,
  database: Client,
  path: string,
  runs: number,
): Promise<Timings> {
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    await bumpDataVersion(database);
    times.push((await timedApiCall(caller, path)).ms);
  }
  return { times };
}

/** A warm-up run, then `runs` timed runs of the SQL on PostgreSQL; the rows of the last. */
export async function postgresTimings(
  database: Client,
  sql: string,
  runs: number,
): Promise<Timings & { rows: unknown[][] }> {
  const query = () => database.query<unknown[]>({ text: sql, rowMode: 'array' });
  let rows = (await query()).rows;
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    rows = (await query()).rows;
    times.push(performance.now() - started);
  }
  return { times, rows };
}

/** The same on DuckDB. */
export async function duckDbTimings(
  connection: DuckDBConnection,
  sql: string,
  runs: number,
): Promise<Timings & { rows: unknown[][] }> {
  let rows = await duckDbRows(connection, sql);
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    rows = await duckDbRows(connection, sql);
    times.push(performance.now() - started);
  }
  return { times, rows };
}
