import { createTestDatabase, type TestDatabase } from '@iop/db-server/testing';
import { Client } from 'pg';
import { createTestUser, startTestApp, type TestApp } from '../testing/test-app';
import { SIGN_IN_THROTTLE } from './sign-in-throttle';

const FREE_FAILURES = SIGN_IN_THROTTLE.account.freeFailures;

describe('sign-in, refresh and sign-out', () => {
  let database: TestDatabase;
  let api: TestApp;
  let sql: Client;

  beforeAll(async () => {
    database = await createTestDatabase();
    api = await startTestApp(database.url);
    sql = new Client({ connectionString: database.url });
    await sql.connect();
    await createTestUser(database.url, { email: 'Dana@Clinic.test', password: 'right horse battery', role: 'quality' });
    await createTestUser(database.url, { email: 'locked@clinic.test', password: 'pw-locked', role: 'quality' });
    await createTestUser(database.url, { email: 'off@clinic.test', password: 'pw-off', role: 'quality' });
    await sql.query(`UPDATE users SET disabled = true WHERE email = 'off@clinic.test'`);
  });
  afterAll(async () => {
    await sql?.end();
    await api?.close();
    await database?.drop();
  });

  const login = (email: string, password: string) =>
    api.request('POST', '/api/v1/auth/login', { body: { email, password } });
  const cookiesOf = (headers: Headers) => headers.getSetCookie();
  const auditRows = async (email: string) =>
    (
      await sql.query<{ action: string; outcome: string; reason: string | null; role: string | null }>(
        `SELECT action, outcome, details->>'reason' AS reason, role FROM audit_events WHERE lower(email) = lower($1) ORDER BY id`,
        [email],
      )
    ).rows;

  it('signs in whatever the e-mail case, with a 15-minute token and httpOnly, SameSite=Strict cookies', async () => {
    const { status, body, headers } = await login('dana@clinic.test', 'right horse battery');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      expiresIn: 900,
      user: { email: 'Dana@Clinic.test', role: 'quality', programIds: [] },
    });
    const cookies = cookiesOf(headers);
    expect(cookies).toEqual([
      expect.stringMatching(/^iop_access=[^;]+; Max-Age=900; Path=\/api; Expires=.*; HttpOnly; SameSite=Strict$/),
      expect.stringMatching(
        /^iop_refresh=[^;]+; Max-Age=43200; Path=\/api\/v1\/auth; Expires=.*; HttpOnly; SameSite=Strict$/,
      ),
    ]);
    expect(JSON.stringify(body)).not.toContain(cookies[1].split(';')[0].split('=')[1]);
    expect(await auditRows('dana@clinic.test')).toEqual([
      { action: 'login', outcome: 'ok', reason: null, role: 'quality' },
    ]);
  });

  it('answers a wrong password and an unknown e-mail alike (401), and audits both', async () => {
    const wrong = await login('dana@clinic.test', 'wrong');
    const unknown = await login('nobody@clinic.test', 'wrong');
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect((wrong.body as { message: string }).message).toBe((unknown.body as { message: string }).message);
    expect((await auditRows('nobody@clinic.test')).at(-1)).toEqual({
      action: 'login',
      outcome: 'failed',
      reason: 'unknown e-mail',
      role: null,
    });
    expect((await auditRows('dana@clinic.test')).at(-1)).toMatchObject({ outcome: 'failed', reason: 'wrong password' });
  });

  it(`after ${FREE_FAILURES} failures in a row makes the next attempt wait, even with the right password (429)`, async () => {
    for (let attempt = 1; attempt <= FREE_FAILURES; attempt++) {
      expect((await login('locked@clinic.test', 'wrong')).status).toBe(401);
    }
    const { status, body, headers } = await login('locked@clinic.test', 'pw-locked');
    expect(status).toBe(429);
    expect(headers.get('retry-after')).toBe('1');
    expect(body).toEqual({ statusCode: 429, message: 'Too many failed sign-ins; try again in 1 second' });
    expect((await auditRows('locked@clinic.test')).at(-1)).toMatchObject({
      outcome: 'denied',
      reason: 'too many failed sign-ins',
    });
  });

  it('refuses a disabled account with the same answer as a wrong password', async () => {
    const { status } = await login('off@clinic.test', 'pw-off');
    expect(status).toBe(401);
    expect((await auditRows('off@clinic.test')).at(-1)).toMatchObject({
      outcome: 'denied',
      reason: 'account disabled',
    });
  });

  it('refresh rotates the refresh cookie: the new one works, the old one no longer does', async () => {
    const signedIn = await login('dana@clinic.test', 'right horse battery');
    const firstRefresh = cookiesOf(signedIn.headers)[1].split(';')[0];
    const refreshed = await api.request('POST', '/api/v1/auth/refresh', { headers: { cookie: firstRefresh } });
    expect(refreshed.status).toBe(200);
    const secondRefresh = cookiesOf(refreshed.headers)[1].split(';')[0];
    expect(secondRefresh).not.toBe(firstRefresh);
    const me = await api.request('GET', '/api/v1/auth/me', {
      headers: { authorization: `Bearer ${(refreshed.body as { accessToken: string }).accessToken}` },
    });
    expect(me.body).toMatchObject({ email: 'Dana@Clinic.test' });
    const third = await api.request('POST', '/api/v1/auth/refresh', { headers: { cookie: secondRefresh } });
    expect(third.status).toBe(200);
    expect(cookiesOf(third.headers)[1].split(';')[0]).not.toBe(secondRefresh);
  });

  it('a replayed refresh token ends its whole session: the newer refresh token and access token die too', async () => {
    const elsewhere = await login('dana@clinic.test', 'right horse battery');
    const signedIn = await login('dana@clinic.test', 'right horse battery');
    const stolen = cookiesOf(signedIn.headers)[1].split(';')[0];
    const refreshed = await api.request('POST', '/api/v1/auth/refresh', { headers: { cookie: stolen } });
    expect(refreshed.status).toBe(200);
    const newer = cookiesOf(refreshed.headers)[1].split(';')[0];
    const newerAccess = (refreshed.body as { accessToken: string }).accessToken;

    const replay = await api.request('POST', '/api/v1/auth/refresh', { headers: { cookie: stolen } });
    expect([replay.status, replay.body]).toEqual([
      401,
      { statusCode: 401, message: 'Your session has ended; sign in again', error: 'Unauthorized' },
    ]);
    expect((await api.request('POST', '/api/v1/auth/refresh', { headers: { cookie: newer } })).status).toBe(401);
    const me = (token: string) =>
      api.request('GET', '/api/v1/auth/me', { headers: { authorization: `Bearer ${token}` } });
    expect((await me(newerAccess)).status).toBe(401);
    expect((await me((signedIn.body as { accessToken: string }).accessToken)).status).toBe(401);
    // Another sign-in of the same account is another family, and lives on.
    expect((await me((elsewhere.body as { accessToken: string }).accessToken)).status).toBe(200);
    expect((await auditRows('dana@clinic.test')).at(-1)).toEqual({
      action: 'session.refresh-reuse',
      outcome: 'denied',
      reason: 'a refresh token that was already replaced came again; the session is ended',
      role: 'quality',
    });
  });

  it('the access cookie alone authenticates a browser; logout revokes the session and clears both cookies', async () => {
    const signedIn = await login('dana@clinic.test', 'right horse battery');
    const [access, refresh] = cookiesOf(signedIn.headers).map((cookie) => cookie.split(';')[0]);
    const cookie = `${access}; ${refresh}`;
    expect((await api.request('GET', '/api/v1/auth/me', { headers: { cookie } })).status).toBe(200);
    const out = await api.request('POST', '/api/v1/auth/logout', { headers: { cookie } });
    expect(out.status).toBe(204);
    expect(cookiesOf(out.headers).map((c) => c.split(';')[0])).toEqual(['iop_access=', 'iop_refresh=']);
    expect((await api.request('GET', '/api/v1/auth/me', { headers: { cookie } })).status).toBe(401);
    expect((await api.request('POST', '/api/v1/auth/refresh', { headers: { cookie } })).status).toBe(401);
    expect((await auditRows('dana@clinic.test')).at(-1)).toMatchObject({ action: 'logout', outcome: 'ok' });
  });

  it('answers who is signed in with 200 either way, and whether a refresh cookie came', async () => {
    const session = (headers: Record<string, string> = {}) => api.request('GET', '/api/v1/auth/session', { headers });
    const first = await session();
    expect([first.status, first.body]).toEqual([200, { user: null, canRefresh: false }]);
    expect(first.headers.getSetCookie()).toEqual([]);

    const signedIn = await login('dana@clinic.test', 'right horse battery');
    const [access, refresh] = cookiesOf(signedIn.headers).map((cookie) => cookie.split(';')[0]);
    const both = await session({ cookie: `${access}; ${refresh}` });
    expect(both.status).toBe(200);
    expect(both.body).toMatchObject({ user: { email: 'Dana@Clinic.test', role: 'quality' }, canRefresh: true });
    const bearer = await session({
      authorization: `Bearer ${(signedIn.body as { accessToken: string }).accessToken}`,
    });
    expect(bearer.body).toMatchObject({ user: { email: 'Dana@Clinic.test' }, canRefresh: false });
    // The access cookie expires after 15 minutes and the browser drops it; the refresh cookie stays 12 hours.
    expect((await session({ cookie: refresh })).body).toEqual({ user: null, canRefresh: true });
    expect((await session({ cookie: `${access}x` })).body).toEqual({ user: null, canRefresh: false });

    expect(
      (await api.request('POST', '/api/v1/auth/logout', { headers: { cookie: `${access}; ${refresh}` } })).status,
    ).toBe(204);
    const revoked = await session({ cookie: `${access}; ${refresh}` });
    expect([revoked.status, revoked.body]).toEqual([200, { user: null, canRefresh: true }]);
  });

  it.each([
    [{ email: 'not an address', password: 'x' }, 'email must be an e-mail address'],
    [{ email: 'dana@clinic.test' }, 'password is required'],
    [{ email: 'dana@clinic.test', password: 'x', role: 'admin' }, 'property role should not exist'],
    [{ email: ["' OR 1=1 --"], password: 'x' }, 'email must be an e-mail address'],
  ])('rejects a malformed sign-in %j with 400 naming the problem', async (body, message) => {
    const { status, body: answer } = await api.request('POST', '/api/v1/auth/login', { body });
    expect(status).toBe(400);
    expect(JSON.stringify(answer)).toContain(message);
  });

  it('refuses a request body over the limit with 413, without a stack trace', async () => {
    const { status, body } = await api.request('POST', '/api/v1/auth/login', {
      body: { email: 'dana@clinic.test', password: 'x'.repeat(200_000) },
    });
    expect(status).toBe(413);
    expect(JSON.stringify(body)).not.toMatch(/at .*\.js/);
  });

  it('sends the security headers, with a content security policy and no X-Powered-By', async () => {
    const { headers } = await api.request('GET', '/api/health');
    expect(headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('x-powered-by')).toBeNull();
    expect(headers.get('access-control-allow-origin')).toBeNull();
    // Served over plain HTTP here (IOP_COOKIE_SECURE unset): HSTS would be a promise the server cannot keep.
    expect(headers.get('strict-transport-security')).toBeNull();
  });

  it('serves the OpenAPI document without sign-in, on purpose: routes and shapes, no data (docs/SECURITY.md)', async () => {
    const { status, body } = await api.request('GET', '/api/docs-json');
    expect(status).toBe(200);
    const document = body as { openapi: string; info: { title: string } };
    expect([document.openapi.split('.')[0], document.info.title]).toEqual(['3', 'IOP Outcomes API']);
    expect(JSON.stringify(body)).not.toContain('Dana@Clinic.test');
  });
});
