import { createTestDatabase, type TestDatabase } from '@iop/db-server/testing';
import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiConsumes } from '@nestjs/swagger';
import { Client } from 'pg';
import { upload } from '../imports/testing/import-test-support';
import { createTestUser, startTestApp, type TestApp, type TestResponse } from '../testing/test-app';
import { API_CONSUMES_METADATA, CrossSiteRequestGuard } from './cross-site-request.guard';

const ADMIN = { email: 'csrf-admin@clinic.test', password: 'an admin password' };
const EVIL = 'https://evil.example';

/** A request as a browser or a script sends it: raw body, any headers, nothing added. */
async function send(api: TestApp, method: string, path: string, headers: Record<string, string>, body?: string) {
  const response = await fetch(`${api.baseUrl}${path}`, { method, headers, body });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null, headers: response.headers };
}

describe('changes only from the application itself: foreign Origin and cross-site refused, JSON only', () => {
  let database: TestDatabase;
  let api: TestApp;
  let sql: Client;
  let cookie: string;
  let bearer: string;
  let ownOrigin: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    api = await startTestApp(database.url);
    sql = new Client({ connectionString: database.url });
    await sql.connect();
    await createTestUser(database.url, { ...ADMIN, role: 'admin' });
    const signedIn = await api.request('POST', '/api/v1/auth/login', { body: ADMIN });
    cookie = signedIn.headers
      .getSetCookie()
      .map((line) => line.split(';')[0])
      .join('; ');
    bearer = (signedIn.body as { accessToken: string }).accessToken;
    ownOrigin = new URL(api.baseUrl).origin;
  });
  afterAll(async () => {
    await sql?.end();
    await api?.close();
    await database?.drop();
  });

  const usersNamed = async (email: string) =>
    (await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM users WHERE email = $1`, [email])).rows[0].n;
  const newAdmin = (email: string) => ({ email, displayName: 'Made here', role: 'admin', password: 'long enough pw' });
  const formOf = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
  const statusAndMessage = ({ status, body }: TestResponse) => [status, (body as { message?: unknown }).message];

  it('refuses the attack: a form post from evil.example with the access cookie creates no admin (403)', async () => {
    const answer = await send(
      api,
      'POST',
      '/api/v1/admin/users',
      { 'content-type': 'application/x-www-form-urlencoded', origin: EVIL, cookie },
      formOf(newAdmin('evil@evil.example')),
    );
    expect(statusAndMessage(answer)).toEqual([
      403,
      "Only this application's own pages may change anything here (foreign Origin)",
    ]);
    expect(await usersNamed('evil@evil.example')).toBe(0);
  });

  it('refuses the same form post without an Origin: not JSON (415)', async () => {
    const answer = await send(
      api,
      'POST',
      '/api/v1/admin/users',
      { 'content-type': 'application/x-www-form-urlencoded', cookie },
      formOf(newAdmin('form@evil.example')),
    );
    expect(statusAndMessage(answer)).toEqual([415, 'This request takes a body of type application/json']);
    expect(await usersNamed('form@evil.example')).toBe(0);
  });

  it('refuses JSON as text/plain (what a form can send without a preflight) and a body without a type', async () => {
    const json = JSON.stringify(newAdmin('plain@evil.example'));
    const variants: Record<string, string>[] = [{ 'content-type': 'text/plain', cookie }, { cookie }];
    for (const headers of variants) {
      const answer = await send(api, 'POST', '/api/v1/admin/users', headers, json);
      expect(answer.status).toBe(415);
    }
    expect(await usersNamed('plain@evil.example')).toBe(0);
  });

  it.each([
    ['a foreign Origin', { origin: EVIL }],
    ['Origin: null (a sandboxed frame)', { origin: 'null' }],
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }],
    ['another port of the same host', { origin: 'http://127.0.0.1:1' }],
  ])('refuses JSON with the cookie from %s (403)', async (_, foreign) => {
    const answer = await send(
      api,
      'POST',
      '/api/v1/admin/users',
      { 'content-type': 'application/json', cookie, ...foreign },
      JSON.stringify(newAdmin('json@evil.example')),
    );
    expect(answer.status).toBe(403);
    expect(await usersNamed('json@evil.example')).toBe(0);
  });

  it('refuses a sign-in from another origin, so that no page elsewhere signs a browser into its account', async () => {
    const answer = await send(
      api,
      'POST',
      '/api/v1/auth/login',
      { 'content-type': 'application/json', origin: EVIL },
      JSON.stringify(ADMIN),
    );
    expect(answer.status).toBe(403);
    expect(answer.headers.getSetCookie()).toEqual([]);
  });

  it('accepts what the dashboard sends (JSON, its own Origin, same-origin) and scripts send (bearer, no Origin)', async () => {
    const dashboard = await send(
      api,
      'POST',
      '/api/v1/admin/users',
      { 'content-type': 'application/json; charset=utf-8', origin: ownOrigin, 'sec-fetch-site': 'same-origin', cookie },
      JSON.stringify(newAdmin('dashboard@clinic.test')),
    );
    expect(dashboard.status).toBe(201);
    const script = await send(
      api,
      'POST',
      '/api/v1/admin/users',
      { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
      JSON.stringify(newAdmin('script@clinic.test')),
    );
    expect(script.status).toBe(201);
    expect([await usersNamed('dashboard@clinic.test'), await usersNamed('script@clinic.test')]).toEqual([1, 1]);

    const signIn = await send(
      api,
      'POST',
      '/api/v1/auth/login',
      { 'content-type': 'application/json', origin: ownOrigin },
      JSON.stringify(ADMIN),
    );
    expect(signIn.status).toBe(200);
  });

  it('takes a change without a body (sign-out) from its own origin, and reads from anywhere', async () => {
    const signedIn = await api.request('POST', '/api/v1/auth/login', { body: ADMIN });
    const ownCookie = signedIn.headers
      .getSetCookie()
      .map((line) => line.split(';')[0])
      .join('; ');
    const read = await send(api, 'GET', '/api/v1/auth/me', { origin: EVIL, cookie: ownCookie });
    expect(read.status).toBe(200);
    expect(read.headers.get('access-control-allow-origin')).toBeNull();
    const out = await send(api, 'POST', '/api/v1/auth/logout', { origin: ownOrigin, cookie: ownCookie });
    expect(out.status).toBe(204);
  });

  it('keeps the import upload multipart: past the guard to its own check, and JSON there is refused', async () => {
    const noFiles = await upload(api, bearer, {}, { dryRun: 'true' });
    expect(noFiles.status).toBe(400);
    const json = await send(
      api,
      'POST',
      '/api/v1/imports',
      { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
      '{}',
    );
    expect(statusAndMessage(json)).toEqual([415, 'This request takes a body of type multipart/form-data']);
  });

  it('reads the media types where @ApiConsumes() writes them', () => {
    class Probe {
      @ApiConsumes('multipart/form-data')
      upload(this: void): void {
        // Only its metadata matters.
      }
    }
    expect(Reflect.getMetadata(API_CONSUMES_METADATA, Probe.prototype.upload)).toEqual(['multipart/form-data']);
  });

  it('with IOP_ALLOWED_ORIGINS, takes exactly those origins, whatever the Host header says', () => {
    const guard = new CrossSiteRequestGuard(new Reflector(), ['https://outcomes.example.org']);
    const post = (headers: Record<string, string>) => {
      const request = { method: 'POST', get: (name: string) => headers[name.toLowerCase()] };
      const context = {
        getType: () => 'http',
        switchToHttp: () => ({ getRequest: () => request }),
        getHandler: () => post,
        getClass: () => Object,
      } as unknown as ExecutionContext;
      try {
        return guard.canActivate(context);
      } catch (error) {
        return (error as { status?: number }).status;
      }
    };
    expect(post({ origin: 'https://outcomes.example.org', host: 'api.internal:3000' })).toBe(true);
    expect(post({ origin: 'https://OUTCOMES.example.org:443', host: 'api.internal:3000' })).toBe(true);
    expect(post({ origin: 'http://api.internal:3000', host: 'api.internal:3000' })).toBe(403);
    expect(post({ host: 'api.internal:3000' })).toBe(true);
  });
});
