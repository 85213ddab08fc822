import { USER_ROLES, type UserRole } from '@iop/contracts';
import { JwtService } from '@nestjs/jwt';
import { SUMMARY_FIXTURE_SQL } from '../episodes/testing/summary-fixture';
import { asPayerSees, PAYER_VOLUME_SQL } from '../suppression/testing/as-payer-sees';
import { listApiRoutes } from '../testing/routes';
import { createTestUser, startFixtureApp, TEST_JWT_SECRET, type TestApp } from '../testing/test-app';

const EVERY_ROLE = [...USER_ROLES];
const ANALYSTS: UserRole[] = ['director', 'quality', 'admin'];

/**
 * Who may call what (docs/SECURITY.md). Every route the router serves must be listed here: a new endpoint
 * fails this test until its access is decided.
 */
const EXPECTED: Record<string, UserRole[] | 'public'> = {
  'GET /api/health': 'public',
  'POST /api/v1/auth/login': 'public',
  'POST /api/v1/auth/refresh': 'public',
  'GET /api/v1/auth/session': 'public',
  'POST /api/v1/auth/logout': EVERY_ROLE,
  'GET /api/v1/auth/me': EVERY_ROLE,
  'GET /api/v1/filters/options': EVERY_ROLE,
  'GET /api/v1/metrics/summary': EVERY_ROLE,
  'GET /api/v1/metrics/trend': EVERY_ROLE,
  'GET /api/v1/metrics/breakdown': EVERY_ROLE,
  'GET /api/v1/metrics/flow': EVERY_ROLE,
  'GET /api/v1/metrics/discharge-reasons': EVERY_ROLE,
  // by=payer is refused (403) to all but admins inside the route (funnel.spec.ts).
  'GET /api/v1/metrics/funnel': EVERY_ROLE,
  'GET /api/v1/costs/summary': EVERY_ROLE,
  'GET /api/v1/costs/comparators': EVERY_ROLE,
  'PUT /api/v1/costs/comparators/:kind': ['admin'],
  // Benchmarks: read by all, kept by admins; a program's targets: admins and its directors (benchmarks.spec.ts).
  'GET /api/v1/benchmarks': EVERY_ROLE,
  'POST /api/v1/benchmarks': ['admin'],
  'PUT /api/v1/benchmarks/:id': ['admin'],
  'DELETE /api/v1/benchmarks/:id': ['admin'],
  'GET /api/v1/benchmarks/targets/:programId': ['director', 'admin'],
  'PUT /api/v1/benchmarks/targets/:programId/:metric': ['director', 'admin'],
  'DELETE /api/v1/benchmarks/targets/:programId/:metric': ['director', 'admin'],
  'GET /api/v1/attendance/heatmap': ANALYSTS,
  'GET /api/v1/attendance/compliance': ANALYSTS,
  'GET /api/v1/attendance/hours': ANALYSTS,
  'GET /api/v1/attendance/no-shows': ANALYSTS,
  'GET /api/v1/retention': ANALYSTS,
  'GET /api/v1/evidence': ANALYSTS,
  'GET /api/v1/evidence/:id': ANALYSTS,
  'GET /api/v1/quality/measures': EVERY_ROLE,
  'GET /api/v1/quality/measures/:id': EVERY_ROLE,
  // Patient-level rows: never for payers (docs/SECURITY.md).
  'GET /api/v1/quality/measures/:id/patients': ANALYSTS,
  // The same rows as files; quality gets them de-identified (quality-patients-export.spec.ts).
  'GET /api/v1/quality/measures/:id/patients.csv': ANALYSTS,
  'GET /api/v1/quality/measures/:id/patients.xlsx': ANALYSTS,
  'GET /api/v1/admin/users': ['admin'],
  'POST /api/v1/admin/users': ['admin'],
  'PATCH /api/v1/admin/users/:id': ['admin'],
  'GET /api/v1/admin/audit-events': ['admin'],
  'GET /api/v1/admin/audit-events.csv': ['admin'],
  // Patient-level rows: payers get aggregates only; quality gets them de-identified (exports.spec.ts).
  'GET /api/v1/exports/episodes.csv': ['director', 'quality', 'admin'],
  'GET /api/v1/exports/episodes.xlsx': ['director', 'quality', 'admin'],
  // Every role has reports: a payer only the payer variant (reports.spec.ts); each sees only their own.
  'POST /api/v1/reports': EVERY_ROLE,
  'GET /api/v1/reports': EVERY_ROLE,
  'GET /api/v1/reports/:id': EVERY_ROLE,
  'GET /api/v1/reports/:id/file': EVERY_ROLE,
  'POST /api/v1/reports/schedules': EVERY_ROLE,
  'GET /api/v1/reports/schedules': EVERY_ROLE,
  'DELETE /api/v1/reports/schedules/:id': EVERY_ROLE,
  // Loading data, and the quality of what is loaded: admins only (imports.spec.ts, data-quality.spec.ts).
  'POST /api/v1/imports': ['admin'],
  'GET /api/v1/imports': ['admin'],
  'GET /api/v1/imports/:id': ['admin'],
  'POST /api/v1/imports/:id/confirm': ['admin'],
  'GET /api/v1/imports/:id/rejections.csv': ['admin'],
  'GET /api/v1/data/quality': ['admin'],
  // Patients to call this week: directors (their programs) and admins; not payers, not quality (docs/SECURITY.md).
  'GET /api/v1/early-warning': ['director', 'admin'],
  'GET /api/v1/early-warning.csv': ['director', 'admin'],
  'GET /api/v1/early-warning.xlsx': ['director', 'admin'],
  // "Data as of ... from ..." and the synthetic-data banner on every page.
  'GET /api/v1/data/status': EVERY_ROLE,
  // Notes on the charts: payers read the network-wide ones only and write none (annotations.spec.ts).
  'GET /api/v1/annotations': EVERY_ROLE,
  'POST /api/v1/annotations': ANALYSTS,
  'PUT /api/v1/annotations/:id': ANALYSTS,
  'DELETE /api/v1/annotations/:id': ANALYSTS,
  // Alert rules and notifications: every role keeps its own, on what it may see (alerts.spec.ts); a payer only on
  // its own payer. Evaluating every user's rules at once is an admin's.
  'GET /api/v1/alerts/rules': EVERY_ROLE,
  'POST /api/v1/alerts/rules': EVERY_ROLE,
  'PUT /api/v1/alerts/rules/:id': EVERY_ROLE,
  'DELETE /api/v1/alerts/rules/:id': EVERY_ROLE,
  'POST /api/v1/alerts/evaluate': ['admin'],
  'GET /api/v1/notifications': EVERY_ROLE,
  'GET /api/v1/notifications/unread-count': EVERY_ROLE,
  'POST /api/v1/notifications/read-all': EVERY_ROLE,
  'POST /api/v1/notifications/:id/read': EVERY_ROLE,
};

/** A report and a schedule that do not exist: an allowed caller gets past the guard to a 404. */
const MISSING_ID = '00000000-0000-4000-8000-000000000000';

/** Parameters a route needs to answer 200 (path parameters filled in, required query parameters given). */
const SAMPLE_REQUEST: Record<string, string> = {
  'GET /api/v1/metrics/trend': '/api/v1/metrics/trend?metric=episodes&interval=month',
  'GET /api/v1/metrics/breakdown': '/api/v1/metrics/breakdown?metric=episodes&by=program',
  'GET /api/v1/metrics/funnel': '/api/v1/metrics/funnel?metric=completionRate&by=program',
  'GET /api/v1/retention': '/api/v1/retention?groupBy=levelOfCare',
  'GET /api/v1/evidence/:id': '/api/v1/evidence/4',
  'GET /api/v1/quality/measures/:id': '/api/v1/quality/measures/iet-initiation',
  'GET /api/v1/quality/measures/:id/patients':
    '/api/v1/quality/measures/iet-initiation/patients?population=denominator',
  'GET /api/v1/quality/measures/:id/patients.csv':
    '/api/v1/quality/measures/iet-initiation/patients.csv?population=denominator',
  'GET /api/v1/quality/measures/:id/patients.xlsx':
    '/api/v1/quality/measures/iet-initiation/patients.xlsx?population=denominator',
  // {quality}: the id of the matrix's quality user, known once it is created.
  'PATCH /api/v1/admin/users/:id': '/api/v1/admin/users/{quality}',
  'PUT /api/v1/costs/comparators/:kind': '/api/v1/costs/comparators/inpatient',
  'PUT /api/v1/benchmarks/:id': '/api/v1/benchmarks/999999',
  'DELETE /api/v1/benchmarks/:id': '/api/v1/benchmarks/999999',
  // Program 1 is the director's.
  'GET /api/v1/benchmarks/targets/:programId': '/api/v1/benchmarks/targets/1',
  'PUT /api/v1/benchmarks/targets/:programId/:metric': '/api/v1/benchmarks/targets/1/completionRate',
  // A target never set: an allowed caller gets past the guard to a 404.
  'DELETE /api/v1/benchmarks/targets/:programId/:metric': '/api/v1/benchmarks/targets/1/retained60',
  'GET /api/v1/reports/:id': `/api/v1/reports/${MISSING_ID}`,
  'GET /api/v1/reports/:id/file': `/api/v1/reports/${MISSING_ID}/file`,
  'DELETE /api/v1/reports/schedules/:id': `/api/v1/reports/schedules/${MISSING_ID}`,
  'GET /api/v1/imports/:id': `/api/v1/imports/${MISSING_ID}`,
  'POST /api/v1/imports/:id/confirm': `/api/v1/imports/${MISSING_ID}/confirm`,
  'GET /api/v1/imports/:id/rejections.csv': `/api/v1/imports/${MISSING_ID}/rejections.csv`,
  'PUT /api/v1/annotations/:id': '/api/v1/annotations/999999',
  'DELETE /api/v1/annotations/:id': '/api/v1/annotations/999999',
  'PUT /api/v1/alerts/rules/:id': '/api/v1/alerts/rules/999999',
  'DELETE /api/v1/alerts/rules/:id': '/api/v1/alerts/rules/999999',
  'POST /api/v1/notifications/:id/read': '/api/v1/notifications/999999/read',
};

const ALERT_RULE_BODY = {
  metric: 'episodes',
  scope: 'payer',
  programId: null,
  payer: 'commercial',
  kind: 'threshold',
  comparison: 'above',
  threshold: 20,
  enabled: true,
};

/** Bodies of the routes that change something, valid so that the admin's call succeeds. */
const SAMPLE_BODY: Record<string, unknown> = {
  'POST /api/v1/admin/users': {
    email: 'created@matrix.test',
    displayName: 'Created by the matrix',
    role: 'quality',
    password: 'a password long enough',
  },
  'PATCH /api/v1/admin/users/:id': { displayName: 'Renamed by the matrix' },
  'PUT /api/v1/costs/comparators/:kind': {
    lengthOfStay: { typicalDays: 11, lowDays: 11, highDays: 29, source: 'Matrix' },
    completionRate: { value: 0.69, source: 'Matrix' },
    abstinenceRate: { value: 0.49, source: 'Matrix' },
  },
  'POST /api/v1/benchmarks': {
    metric: 'completionRate',
    value: 0.4,
    direction: 'higher',
    source: 'Matrix',
    year: 2020,
    comparable: true,
    notComparableReason: null,
  },
  'PUT /api/v1/benchmarks/:id': {
    metric: 'completionRate',
    value: 0.4,
    direction: 'higher',
    source: 'Matrix',
    year: 2020,
    comparable: true,
    notComparableReason: null,
  },
  'PUT /api/v1/benchmarks/targets/:programId/:metric': { value: 0.4, direction: 'higher' },
  'POST /api/v1/reports': { kind: 'payer' },
  'POST /api/v1/reports/schedules': { kind: 'payer', cadence: 'monthly' },
  // Program 1 is the director's.
  'POST /api/v1/annotations': { programId: 1, on: '2025-03-03', text: 'Matrix' },
  'PUT /api/v1/annotations/:id': { programId: 1, on: '2025-03-03', text: 'Matrix' },
  // The matrix's payer is commercial, and every other role may watch a payer too.
  'POST /api/v1/alerts/rules': ALERT_RULE_BODY,
  'PUT /api/v1/alerts/rules/:id': ALERT_RULE_BODY,
};

/** What an allowed call answers when it is not 200. */
const ALLOWED_STATUS: Record<string, number> = {
  'POST /api/v1/admin/users': 201,
  'POST /api/v1/benchmarks': 201,
  'PUT /api/v1/benchmarks/:id': 404,
  'DELETE /api/v1/benchmarks/:id': 404,
  'DELETE /api/v1/benchmarks/targets/:programId/:metric': 404,
  'POST /api/v1/reports': 202,
  'POST /api/v1/reports/schedules': 201,
  'GET /api/v1/reports/:id': 404,
  'GET /api/v1/reports/:id/file': 404,
  'DELETE /api/v1/reports/schedules/:id': 404,
  // A JSON body carries no files: past the guard, refused by validation (imports.spec.ts uploads for real).
  'POST /api/v1/imports': 400,
  'GET /api/v1/imports/:id': 404,
  'POST /api/v1/imports/:id/confirm': 404,
  'GET /api/v1/imports/:id/rejections.csv': 404,
  'POST /api/v1/annotations': 201,
  'PUT /api/v1/annotations/:id': 404,
  'DELETE /api/v1/annotations/:id': 404,
  'POST /api/v1/alerts/rules': 201,
  'PUT /api/v1/alerts/rules/:id': 404,
  'DELETE /api/v1/alerts/rules/:id': 404,
  'POST /api/v1/notifications/read-all': 204,
  'POST /api/v1/notifications/:id/read': 404,
};

/**
 * What a public route answers to a bare request: login and refresh need a body or a cookie; the session
 * answers "signed out" with a 200.
 */
const PUBLIC_BARE_STATUS: Record<string, number> = {
  'GET /api/health': 200,
  'POST /api/v1/auth/login': 400,
  'POST /api/v1/auth/refresh': 401,
  'GET /api/v1/auth/session': 200,
};

/**
 * The fixture's episodes (summary-fixture.ts): program 1 holds episodes 1 (medicaid) and 2 (commercial),
 * program 2 episodes 3 (medicare) and 4 (commercial); PAYER_VOLUME_SQL adds 48 in both programs (24
 * commercial), so that a payer's answers, small cells withheld, still hold counts to compare. The director
 * sees program 1, the payer commercial.
 */
const SCOPED: Partial<Record<UserRole, { programIds?: number[]; payer?: string; sameAsAdminWith: string }>> = {
  director: { programIds: [1], sameAsAdminWith: 'programId=1' },
  payer: { payer: 'commercial', sameAsAdminWith: 'payer=commercial' },
};

describe('authorization matrix: every route of the router, every role, and no, expired or tampered tokens', () => {
  let api: TestApp;
  const tokens = {} as Record<UserRole, string>;
  const userIds = {} as Record<UserRole, number>;
  let routes: string[];

  beforeAll(async () => {
    api = await startFixtureApp(SUMMARY_FIXTURE_SQL + PAYER_VOLUME_SQL, [], { recordKeys: 'zero' });
    for (const role of USER_ROLES) {
      const email = `${role}@matrix.test`;
      userIds[role] = await createTestUser(api.databaseUrl, {
        email,
        password: `${role}-password`,
        role,
        payer: SCOPED[role]?.payer ?? null,
        programIds: SCOPED[role]?.programIds,
      });
      tokens[role] = await api.signIn(email, `${role}-password`);
    }
    routes = listApiRoutes(api.app).map(({ method, path }) => `${method} ${path}`);
  });
  afterAll(() => api.close());

  const call = (route: string, token?: string, query = '') => {
    const [method, path] = route.split(' ');
    const base = (SAMPLE_REQUEST[route] ?? path).replace('{quality}', String(userIds.quality));
    const url = query ? `${base}${base.includes('?') ? '&' : '?'}${query}` : base;
    return api.request(method, url, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
      body: SAMPLE_BODY[route],
    });
  };
  const protectedRoutes = () => routes.filter((route) => EXPECTED[route] !== 'public');

  it('knows every route the router serves, and the router serves every route it knows', () => {
    expect([...routes].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it('refuses every protected route without a token (401); public routes answer', async () => {
    for (const route of routes) {
      const { status } = await call(route);
      expect([route, status]).toEqual([route, EXPECTED[route] === 'public' ? PUBLIC_BARE_STATUS[route] : 401]);
    }
  });

  it('refuses an expired token and a tampered token on every protected route (401)', async () => {
    const signer = new JwtService({ secret: TEST_JWT_SECRET });
    const { sub, sid } = signer.decode<{ sub: string; sid: string }>(tokens.admin);
    const expired = signer.sign({ sub, sid, exp: Math.floor(Date.now() / 1000) - 60 });
    const [header, payload, signature] = tokens.director.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const tampered = [header, Buffer.from(JSON.stringify({ ...claims, sub: sub })).toString('base64url'), signature];
    const unsigned = signer.sign({ sub, sid }, { secret: 'another secret of at least thirty-two chars' });
    for (const route of protectedRoutes()) {
      for (const token of [expired, tampered.join('.'), unsigned]) {
        expect([route, (await call(route, token)).status]).toEqual([route, 401]);
      }
    }
  });

  it('gives each role exactly the routes the matrix allows (200, 201 or 204), and 403 elsewhere', async () => {
    for (const route of protectedRoutes().filter((r) => r !== 'POST /api/v1/auth/logout')) {
      for (const role of USER_ROLES) {
        const allowed = (EXPECTED[route] as UserRole[]).includes(role);
        const { status } = await call(route, tokens[role]);
        expect([route, role, status]).toEqual([route, role, allowed ? (ALLOWED_STATUS[route] ?? 200) : 403]);
      }
    }
  });

  it.each(Object.keys(SCOPED) as UserRole[])(
    'shows the %s nothing outside their scope: every answer equals the admin answer filtered to that scope ' +
      '(for a payer, after the same small-cell suppression)',
    async (role) => {
      const filter = SCOPED[role]?.sameAsAdminWith as string;
      const readable = protectedRoutes().filter(
        (route) => route.startsWith('GET /api/v1/') && route !== 'GET /api/v1/auth/me',
      );
      for (const route of readable.filter((r) => (EXPECTED[r] as UserRole[]).includes(role))) {
        if (route === 'GET /api/v1/filters/options') continue;
        // A workbook carries its generation time (and zip timestamps): its CSV twin is compared instead.
        if (route.endsWith('.xlsx')) continue;
        // A user's own reports and schedules, not a selection of episodes (reports.spec.ts checks who sees what).
        if (route.startsWith('GET /api/v1/reports')) continue;
        // The state of the whole data set (its as-of date and source), not a selection of episodes.
        if (route === 'GET /api/v1/data/status') continue;
        // The organisation's comparator settings, the same for every role (costs.spec.ts checks them).
        if (route === 'GET /api/v1/costs/comparators') continue;
        // The organisation's benchmarks and a program's targets, not a selection of episodes (benchmarks.spec.ts
        // checks who reads and sets which).
        if (route.startsWith('GET /api/v1/benchmarks')) continue;
        // Built from the summary and the breakdown as the caller sees them, both compared here; funnel.spec.ts
        // checks a payer's funnel against the payer's own breakdown.
        if (route === 'GET /api/v1/metrics/funnel' && role === 'payer') continue;
        // A user's own alert rules and notifications, not a selection of episodes (alerts.spec.ts).
        if (route.startsWith('GET /api/v1/alerts') || route.startsWith('GET /api/v1/notifications')) continue;
        // A payer's notes are the network-wide ones whatever the filter, which has no payer parameter
        // (annotations.spec.ts); a director's equal the admin's for their programs, checked here.
        if (route === 'GET /api/v1/annotations' && role === 'payer') continue;
        const scoped = await call(route, tokens[role]);
        const filtered = await call(route, tokens.admin, filter);
        const expected = role === 'payer' ? asPayerSees(route, filtered.body) : filtered.body;
        expect([route, scoped.body]).toEqual([route, expected]);
      }
    },
  );

  it("counts the payer's episodes only: 26 commercial of 52, shown since 26 is not a small cell", async () => {
    const { body } = await call('GET /api/v1/metrics/summary', tokens.payer);
    expect((body as { episodes: unknown }).episodes).toBe(26);
    expect(((await call('GET /api/v1/metrics/summary', tokens.admin)).body as { episodes: unknown }).episodes).toBe(52);
  });

  it('gives the director the choices of their programs only', async () => {
    const { body } = await call('GET /api/v1/filters/options', tokens.director);
    expect((body as { programs: Array<{ id: number }> }).programs.map((p) => p.id)).toEqual([1]);
  });

  it('logout revokes the session: the same token is refused afterwards', async () => {
    const token = await api.signIn('quality@matrix.test', 'quality-password');
    expect((await call('GET /api/v1/auth/me', token)).status).toBe(200);
    expect((await call('POST /api/v1/auth/logout', token)).status).toBe(204);
    expect((await call('GET /api/v1/auth/me', token)).status).toBe(401);
  });
});
