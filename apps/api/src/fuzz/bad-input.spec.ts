import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SUMMARY_FIXTURE_SQL } from '../episodes/testing/summary-fixture';
import { MAX_JSON_DEPTH } from '../common/request-errors';
import { listApiRoutes } from '../testing/routes';
import { createTestUser, startFixtureApp, type TestApp } from '../testing/test-app';

/**
 * The requests of issue 13's findings "34 server errors from bad input" and "Body errors answered as 404",
 * exactly as the tester sent them. The app serves a dashboard directory, as `npm start` does: the 404s came
 * from the error middleware of @nestjs/serve-static, which is only there when the dashboard is served.
 */
describe('bad input of issue 13: a 4xx naming the problem, never a 5xx, an empty reply or a 404', () => {
  let api: TestApp;
  let dashboardDirectory: string;
  let adminToken: string;

  /** Sends `body` as it is (not re-encoded), as the admin unless told otherwise, with the JSON content type. */
  const send = async (method: string, url: string, body?: string, asAdmin = true) => {
    const response = await fetch(`${api.baseUrl}${url}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(asAdmin ? { authorization: `Bearer ${adminToken}` } : {}),
      },
      body,
    });
    const text = await response.text();
    return { status: response.status, text, type: response.headers.get('content-type') ?? '' };
  };

  beforeAll(async () => {
    dashboardDirectory = mkdtempSync(path.join(tmpdir(), 'iop-dashboard-'));
    writeFileSync(path.join(dashboardDirectory, 'index.html'), '<!doctype html><title>IOP</title>');
    process.env['IOP_DASHBOARD_DIR'] = dashboardDirectory;
    api = await startFixtureApp(SUMMARY_FIXTURE_SQL);
    const admin = { email: 'bad-input-admin@test.local', password: 'a-long-enough-password' };
    await createTestUser(api.databaseUrl, { ...admin, role: 'admin' });
    adminToken = await api.signIn(admin.email, admin.password);
  });
  afterAll(async () => {
    await api?.close();
    delete process.env['IOP_DASHBOARD_DIR'];
    rmSync(dashboardDirectory, { recursive: true, force: true });
  });

  it('serves the dashboard next to the API (so that its error middleware is in place)', async () => {
    const page = await send('GET', '/some/dashboard/page');
    expect([page.status, page.text]).toEqual([200, expect.stringContaining('<title>IOP</title>')]);
  });

  describe('audit-log filters with impossible dates or a NUL byte', () => {
    it.each([
      ['/api/v1/admin/audit-events?from=2026-02-30', 'from must be a date that exists'],
      ['/api/v1/admin/audit-events?to=2026-02-30', 'to must be a date that exists'],
      ['/api/v1/admin/audit-events?from=0000-01-01', 'from must be a date that exists'],
      ['/api/v1/admin/audit-events?email=%00', 'email must not contain a NUL character'],
      ['/api/v1/admin/audit-events.csv?from=2026-02-30', 'from must be a date that exists'],
      ['/api/v1/admin/audit-events.csv?email=%00', 'email must not contain a NUL character'],
    ])('GET %s is a 400 in JSON (the CSV is not cut off)', async (url, message) => {
      const { status, text, type } = await send('GET', url);
      expect([status, type, JSON.parse(text)]).toEqual([
        400,
        expect.stringContaining('application/json'),
        expect.objectContaining({ message: [message] }),
      ]);
    });

    it('still filters by a date that exists and by part of an e-mail', async () => {
      const { status, text } = await send('GET', '/api/v1/admin/audit-events?from=2024-02-29&email=bad-input');
      expect(status).toBe(200);
      expect((JSON.parse(text) as { total: number }).total).toBeGreaterThan(0);
    });
  });

  describe('JSON nested 1,500 deep', () => {
    const deepArray = `${'['.repeat(1500)}${']'.repeat(1500)}`;
    const deepObject = `${'{"a":'.repeat(1500)}1${'}'.repeat(1500)}`;

    it('is a 400 on every route that changes something, sign-in included', async () => {
      const mutating = listApiRoutes(api.app).filter((route) =>
        ['POST', 'PUT', 'PATCH', 'DELETE'].includes(route.method),
      );
      expect(mutating.map((route) => `${route.method} ${route.path}`)).toEqual(
        expect.arrayContaining(['POST /api/v1/auth/login', 'PATCH /api/v1/admin/users/:id', 'POST /api/v1/reports']),
      );
      const answers: Array<[string, string, number, unknown]> = [];
      for (const route of mutating) {
        const url = route.path.replace(
          ':id',
          route.path.includes('/admin/') ? '1' : '00000000-0000-4000-8000-000000000000',
        );
        for (const body of [deepArray, deepObject]) {
          // Sign-out is sent without a session: were the body taken, it would end the admin's.
          const { status, text } = await send(route.method, url, body, !route.path.endsWith('/logout'));
          answers.push([route.method, route.path, status, JSON.parse(text) as unknown]);
        }
      }
      const expected = { statusCode: 400, message: `JSON nested deeper than ${MAX_JSON_DEPTH}`, error: 'Bad Request' };
      expect(answers).toEqual(answers.map(([method, route]) => [method, route, 400, expected]));
    });

    it('takes a body nested as deep as the limit (validated as usual), and refuses one level more', async () => {
      const nested = (levels: number) => `{"email":${'['.repeat(levels - 1)}${']'.repeat(levels - 1)},"password":"x"}`;
      const atLimit = await send('POST', '/api/v1/auth/login', nested(MAX_JSON_DEPTH));
      expect([atLimit.status, atLimit.text]).toEqual([400, expect.stringContaining('email must be an e-mail address')]);
      const overLimit = await send('POST', '/api/v1/auth/login', nested(MAX_JSON_DEPTH + 1));
      expect([overLimit.status, overLimit.text]).toEqual([400, expect.stringContaining('JSON nested deeper than')]);
    });
  });

  it('PATCH /api/v1/admin/users/99999999999999999999 is a 400 naming the id', async () => {
    const { status, text } = await send('PATCH', '/api/v1/admin/users/99999999999999999999', '{"displayName":"x"}');
    expect([status, JSON.parse(text)]).toEqual([
      400,
      expect.objectContaining({ message: ['id must be an integer from 1 to 2147483647'] }),
    ]);
    // The largest id that fits is looked up, and does not exist.
    expect((await send('PATCH', '/api/v1/admin/users/2147483647', '{"displayName":"x"}')).status).toBe(404);
  });

  it('GET /api/v1/evidence/99999999999999999999 is a 400 too (the same rule on every numeric path id)', async () => {
    const { status, text } = await send('GET', '/api/v1/evidence/99999999999999999999');
    expect([status, text]).toEqual([400, expect.stringContaining('id must be an integer from 1 to 2147483647')]);
  });

  describe('body errors', () => {
    it('malformed JSON is a 400 saying so, not a 404 "Cannot POST"', async () => {
      const { status, text, type } = await send('POST', '/api/v1/auth/login', '{"email":"a@b.c","password":');
      expect([status, type, JSON.parse(text)]).toEqual([
        400,
        expect.stringContaining('application/json'),
        { statusCode: 400, error: 'Bad Request', message: 'The request body is not valid JSON' },
      ]);
    });

    it('a 110 kB body is a 413 naming the limit, not a 404 "Cannot POST"', async () => {
      const body = JSON.stringify({ email: 'a@b.c', password: 'x'.repeat(110 * 1024) });
      const { status, text } = await send('POST', '/api/v1/auth/login', body);
      expect([status, JSON.parse(text)]).toEqual([
        413,
        { statusCode: 413, error: 'Payload Too Large', message: 'The request body is larger than 100kb' },
      ]);
    });

    it('an unsupported charset is a 415, and a route that does not exist is still a 404', async () => {
      const response = await fetch(`${api.baseUrl}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=latin1' },
        body: '{}',
      });
      expect([response.status, await response.json()]).toEqual([
        415,
        { statusCode: 415, error: 'Unsupported Media Type', message: 'unsupported charset "LATIN1"' },
      ]);
      expect((await send('POST', '/api/v1/no-such-route', '{}')).status).toBe(404);
    });
  });
});
