import type { FuzzRequest } from './arbitraries';
import type { FuzzOperation } from './openapi-operations';

/** What a server must never send back: a database error or its SQL, or a stack trace. */
export const LEAK =
  /syntax error|SELECT |relation "|QueryFailedError|invalid input syntax|out of range for type|violates [a-z ]*constraint|\bat .+\.(js|ts):\d+|node_modules/;

/** How long one request may take before it counts as a hang. */
const REQUEST_TIMEOUT_MS = 30_000;

export interface FuzzWork {
  operation: FuzzOperation;
  /** A role, or 'anonymous'. */
  caller: string;
  request: FuzzRequest;
}

export interface FuzzOutcome extends FuzzWork {
  /** The status, or 0 when no reply came. */
  status: number;
  /** Why the answer is wrong, or null. */
  problem: string | null;
}

/** Why an answer is wrong: a 5xx, an empty body (where one is due), or SQL or a stack in it. */
function problemOf(status: number, text: string): string | null {
  if (status >= 500) return `${status} ${text.slice(0, 200)}`;
  // 204 has no body by definition; 431 (headers too large) is Node's own answer, before the app.
  if (text === '' && status !== 204 && status !== 431) return `${status} with an empty body`;
  const leak = LEAK.exec(text);
  return leak ? `${status} shows SQL or a stack: ${leak[0]}` : null;
}

/**
 * Sends requests as JSON (no foreign Origin), `concurrency` at a time, with the caller's bearer token, and
 * judges every answer; a request that gets no reply, or one cut off mid-way, is a problem too.
 */
export async function sendAll(
  baseUrl: string,
  tokens: ReadonlyMap<string, string | undefined>,
  work: FuzzWork[],
  concurrency: number,
): Promise<FuzzOutcome[]> {
  const send = async (item: FuzzWork): Promise<FuzzOutcome> => {
    const token = tokens.get(item.caller);
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token) headers['authorization'] = `Bearer ${token}`;
    if (item.request.cookie) headers['cookie'] = item.request.cookie;
    try {
      const response = await fetch(`${baseUrl}${item.request.url}`, {
        method: item.request.method,
        headers,
        body: item.request.body,
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      const text = await response.text();
      return { ...item, status: response.status, problem: problemOf(response.status, text) };
    } catch (error) {
      const cause = error instanceof Error ? `${error.message} (${String(error.cause)})` : String(error);
      return { ...item, status: 0, problem: `no reply or a cut-off one: ${cause}` };
    }
  };
  const outcomes: FuzzOutcome[] = [];
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < work.length; index = next++) outcomes.push(await send(work[index]));
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return outcomes;
}

/** The failures as lines a developer can replay with curl: caller, method, URL, body, cookie, what was wrong. */
export function describeFailures(failures: FuzzOutcome[], limit: number): string {
  return failures
    .slice(0, limit)
    .map(({ caller, request, problem }) => {
      const body = request.body === undefined ? '' : ` body ${JSON.stringify(request.body.slice(0, 160))}`;
      const cookie = request.cookie ? ` cookie ${JSON.stringify(request.cookie.slice(0, 60))}` : '';
      return `${caller}: ${request.method} ${request.url.slice(0, 200)}${body}${cookie}\n    -> ${problem}`;
    })
    .join('\n');
}
