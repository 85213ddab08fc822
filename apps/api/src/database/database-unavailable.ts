/** Why the database cannot serve a request: it is not there, or every connection is taken. */
export type DatabaseProblem = 'unreachable' | 'busy';

/** What a caller reads in the 503. */
export const DATABASE_PROBLEM_MESSAGES: Record<DatabaseProblem, string> = {
  unreachable: 'The database is not reachable at the moment; try again in a few seconds.',
  busy: 'The server is too busy to answer at the moment; try again in a few seconds.',
};

/** Seconds a client is asked to wait (Retry-After) before trying again. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** Socket errors of a connection that could not be made or was cut. */
const SOCKET_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

/**
 * SQLSTATEs of a server that is going away or not taking sessions: the statement was refused or rolled back,
 * never committed. 57P01 admin_shutdown (a fast shutdown, what a restart does), 57P02 crash_shutdown,
 * 57P03 cannot_connect_now (starting up or shutting down), 53300 too_many_connections (the server's limit).
 */
const SERVER_GONE_STATES = new Set(['57P01', '57P02', '57P03', '53300']);

/**
 * Connection exceptions (class 08) that mean no session: not 08P01 protocol_violation, which a request can cause
 * (too many parameters in one statement) and which is a bug to fix, not an outage.
 */
const CONNECTION_STATES = new Set(['08000', '08001', '08003', '08004', '08006']);

const UNREACHABLE_CODES = new Set([...SOCKET_ERROR_CODES, ...SERVER_GONE_STATES, ...CONNECTION_STATES]);

/** node-postgres says these in plain Errors without a code when a connection could not be made or was lost. */
const LOST_CONNECTION_MESSAGES = [/^Connection terminated/, /is not queryable$/, /^Query read timeout$/];

/** pg-pool's message when no connection of the pool became free within connectionTimeoutMillis. */
const POOL_EXHAUSTED_MESSAGE = /^timeout exceeded when trying to connect$/;

interface ErrorFields {
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  driverError?: unknown;
  errors?: unknown;
}

/** The error and what it wraps: TypeORM's driverError, an Error's cause, an AggregateError's errors. */
function* errorChain(error: unknown, depth = 0): Generator<ErrorFields> {
  if (depth > 4 || typeof error !== 'object' || error === null) return;
  const fields = error as ErrorFields;
  yield fields;
  yield* errorChain(fields.driverError, depth + 1);
  yield* errorChain(fields.cause, depth + 1);
  if (Array.isArray(fields.errors)) for (const inner of fields.errors) yield* errorChain(inner, depth + 1);
}

/**
 * What the error says about the database: 'unreachable' when no connection could be made or the server ended
 * it, 'busy' when the pool had no free connection in time (the server is there but saturated); null for every
 * other error (SQL errors, timeouts of a statement, HTTP exceptions...).
 */
export function databaseProblem(error: unknown): DatabaseProblem | null {
  for (const { code, message } of errorChain(error)) {
    if (typeof code === 'string' && UNREACHABLE_CODES.has(code)) return 'unreachable';
    if (typeof message !== 'string') continue;
    if (LOST_CONNECTION_MESSAGES.some((pattern) => pattern.test(message))) return 'unreachable';
    if (POOL_EXHAUSTED_MESSAGE.test(message)) return 'busy';
  }
  return null;
}

/** The database cannot serve requests now (see databaseProblem): a 503, and a statement worth sending again. */
export function isDatabaseUnavailable(error: unknown): boolean {
  return databaseProblem(error) !== null;
}

/**
 * The server refused the statement or rolled it back before it could commit, so it is safe to send again
 * once the server is back. A connection cut without a word from the server (ECONNRESET, "Connection terminated
 * unexpectedly") is not: the statement may have committed just before.
 */
export function isRefusedBeforeCommit(error: unknown): boolean {
  for (const { code } of errorChain(error)) {
    if (typeof code === 'string' && SERVER_GONE_STATES.has(code)) return true;
  }
  return false;
}

/**
 * Matches, through `instanceof` (which is how @Catch picks a filter), exactly the errors for which
 * isDatabaseUnavailable holds, so that a filter can catch them and leave every other error to the filters
 * and the default handler after it.
 */
export class DatabaseUnavailableError {
  static [Symbol.hasInstance](value: unknown): boolean {
    return isDatabaseUnavailable(value);
  }
}
