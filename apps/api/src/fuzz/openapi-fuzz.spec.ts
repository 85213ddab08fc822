import type { UserRole } from '@iop/contracts';
import fc from 'fast-check';
import { BEARER_SCHEME } from '../access/roles.decorator';
import { SUMMARY_FIXTURE_SQL } from '../episodes/testing/summary-fixture';
import { createTestUser, startFixtureApp, type TestApp } from '../testing/test-app';
import { type RequestShaping, requestsFor, validRequestFor } from './arbitraries';
import { describeFailures, type FuzzWork, sendAll } from './fuzz-client';
import { HOSTILE_TEXT } from './hostile-values';
import { type FuzzOperation, type OpenApiDocument, operationsOf } from './openapi-operations';

/**
 * Every operation of the OpenAPI document the app serves, for every role and for no one, with requests drawn by
 * fast-check from each parameter's and body's schema: valid values, boundaries and hostile ones (NUL, SQL,
 * 10,000 characters, odd unicode, 1e308, impossible dates, arrays for scalars, deep and broken JSON).
 * A request fails the suite if it gets a 5xx, no reply (or a cut-off one), or a body that shows SQL or a
 * stack. The seed is fixed; a failure prints it with every failing request. Another seed:
 * `FUZZ_SEED=<n> npx jest -c apps/api/jest.config.cts apps/api/src/fuzz/openapi-fuzz.spec.ts`.
 */
const SEED = Number(process.env['FUZZ_SEED'] ?? 20_261_128);
/** Requests per operation that pass the guard, shared by the callers it admits (each at least RUNS_ADMITTED). */
const RUNS_PER_OPERATION = 105;
const RUNS_ADMITTED = 21;
/** Requests per operation and caller the guard refuses (401 without a session, 403): its input goes unread. */
const RUNS_REFUSED = 4;
const MIN_REQUESTS = 5000;
const CONCURRENCY = 4;

type Caller = UserRole | 'anonymous';
const ROLES: UserRole[] = ['admin', 'director', 'payer', 'quality'];
const CALLERS: Caller[] = [...ROLES, 'anonymous'];

/** A body that the DTO refuses, whatever else it holds: no report or import is started by the fuzzer. */
const refusedJobBody =
  (field: string) =>
  (body: string | undefined): string => {
    let parsed: unknown = {};
    try {
      parsed = body === undefined ? {} : JSON.parse(body);
    } catch {
      // Not JSON: replaced by an object with the refused field alone.
    }
    const object = parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed : {};
    return JSON.stringify({ ...object, [field]: HOSTILE_TEXT[3] });
  };

/** Signing out would end the fuzzing session of every later request: only callers without one send it. */
const skipped = (operation: FuzzOperation, caller: Caller) =>
  operation.name === 'POST /api/v1/auth/logout' && caller !== 'anonymous';

describe('fuzzing every operation of the OpenAPI document (fast-check)', () => {
  let api: TestApp;
  let operations: FuzzOperation[];
  const tokens = new Map<string, string | undefined>([['anonymous', undefined]]);
  /** The accounts PATCH /admin/users may change as it likes (never the fuzzing accounts). */
  const targetIds: number[] = [];

  beforeAll(async () => {
    api = await startFixtureApp(SUMMARY_FIXTURE_SQL);
    for (const role of ROLES) {
      const account = { email: `fuzz-${role}@test.local`, password: `fuzz-${role}-password-long-enough` };
      const payer = role === 'payer' ? 'commercial' : null;
      await createTestUser(api.databaseUrl, { ...account, role, payer, programIds: role === 'director' ? [1] : [] });
      tokens.set(role, await api.signIn(account.email, account.password));
    }
    for (const n of [1, 2, 3, 4, 5]) {
      const target = { email: `target-${n}@test.local`, password: 'not-used', role: 'quality' as const };
      targetIds.push(await createTestUser(api.databaseUrl, target));
    }
    const { status, body } = await api.get('/api/docs-json');
    expect(status).toBe(200);
    operations = operationsOf(body as OpenApiDocument);
  });
  afterAll(() => api?.close());

  /** What keeps the run meaningful for some operations (docs/SECURITY.md "Bad input"). */
  const shapingOf = (operation: FuzzOperation): RequestShaping => {
    switch (operation.name) {
      // Disabling or demoting a fuzzing account would end its session: only other accounts, or bad ids.
      case 'PATCH /api/v1/admin/users/{id}':
        return {
          pathId: fc.oneof(
            fc.constantFrom(...targetIds.map(String)),
            fc.constantFrom('0', '-1', '2147483648', '99999999999999999999', '1e3', 'abc', '%00'),
          ),
        };
      // Long jobs are started with invalid input only.
      case 'POST /api/v1/reports':
        return { refuseBody: refusedJobBody('kind') };
      case 'POST /api/v1/imports':
        return { refuseBody: refusedJobBody('sourceSystem') };
      default:
        return {};
    }
  };

  it('covers the operations of every module', () => {
    expect(operations.map((operation) => operation.name)).toEqual(
      expect.arrayContaining([
        'POST /api/v1/auth/login',
        'GET /api/v1/metrics/summary',
        'GET /api/v1/admin/audit-events.csv',
        'PATCH /api/v1/admin/users/{id}',
        'POST /api/v1/reports/schedules',
        'GET /api/v1/imports/{id}',
      ]),
    );
  });

  it(`answers ${MIN_REQUESTS}+ generated requests without a 5xx, an empty reply, SQL or a stack`, async () => {
    // A valid request per operation and caller first, to learn whom the guard admits (not 401 or 403).
    const probes = await sendAll(
      api.baseUrl,
      tokens,
      operations.flatMap((operation, index) => {
        const [request] = fc.sample(validRequestFor(operation), { seed: SEED + index, numRuns: 1 });
        return CALLERS.filter((caller) => !skipped(operation, caller)).map((caller) => ({
          operation,
          caller,
          request,
        }));
      }),
      CONCURRENCY,
    );
    // A 401 is the guard's only where the operation takes a session (refresh answers 401 to a missing cookie).
    const refusedBy = (status: number, operation: FuzzOperation) =>
      status === 403 || (status === 401 && operation.security.includes(BEARER_SCHEME));
    const admitted = (operation: FuzzOperation) =>
      probes
        .filter((probe) => probe.operation === operation && !refusedBy(probe.status, operation))
        .map((probe) => probe.caller);

    // Only sign-out is left without an admitted caller (it is sent without a session, see `skipped`).
    expect(
      operations.filter((operation) => admitted(operation).length === 0).map((operation) => operation.name),
    ).toEqual(['POST /api/v1/auth/logout']);

    const work: FuzzWork[] = [];
    for (const [index, operation] of operations.entries()) {
      const callers = admitted(operation);
      for (const [callerIndex, caller] of CALLERS.entries()) {
        if (skipped(operation, caller)) continue;
        const numRuns = callers.includes(caller)
          ? Math.max(RUNS_ADMITTED, Math.ceil(RUNS_PER_OPERATION / callers.length))
          : RUNS_REFUSED;
        const seed = SEED + index * CALLERS.length + callerIndex;
        for (const request of fc.sample(requestsFor(operation, shapingOf(operation)), { seed, numRuns })) {
          work.push({ operation, caller, request });
        }
      }
    }
    const outcomes = [...probes, ...(await sendAll(api.baseUrl, tokens, work, CONCURRENCY))];

    const failures = outcomes.filter((outcome) => outcome.problem !== null);
    expect(outcomes.length).toBeGreaterThanOrEqual(MIN_REQUESTS);
    if (failures.length > 0) {
      const list = describeFailures(failures, 60);
      throw new Error(`FUZZ_SEED=${SEED}: ${failures.length} of ${outcomes.length} requests failed:\n${list}`);
    }
  }, 600_000);
});
