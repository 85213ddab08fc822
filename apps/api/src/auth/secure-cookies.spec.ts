import { createTestDatabase, type TestDatabase } from '@iop/db-server/testing';
import { createTestUser, startTestApp, type TestApp } from '../testing/test-app';

/**
 * Served over HTTPS (IOP_COOKIE_SECURE=true): Secure cookies and Strict-Transport-Security. auth.spec.ts checks
 * the other side, plain HTTP, where neither is sent.
 */
describe('with IOP_COOKIE_SECURE=true', () => {
  let database: TestDatabase;
  let api: TestApp;
  const before = process.env['IOP_COOKIE_SECURE'];

  beforeAll(async () => {
    process.env['IOP_COOKIE_SECURE'] = 'true';
    database = await createTestDatabase();
    api = await startTestApp(database.url);
  });
  afterAll(async () => {
    await api?.close();
    await database?.drop();
    if (before === undefined) delete process.env['IOP_COOKIE_SECURE'];
    else process.env['IOP_COOKIE_SECURE'] = before;
  });

  it('sends HSTS for a year, subdomains included', async () => {
    const { headers } = await api.request('GET', '/api/health');
    expect(headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
  });

  it('marks both session cookies Secure', async () => {
    await createTestUser(database.url, { email: 'https@clinic.test', password: 'over https only', role: 'quality' });
    const signedIn = await api.request('POST', '/api/v1/auth/login', {
      body: { email: 'https@clinic.test', password: 'over https only' },
    });
    expect(signedIn.headers.getSetCookie()).toEqual([
      expect.stringMatching(/^iop_access=.*; Secure; SameSite=Strict$/),
      expect.stringMatching(/^iop_refresh=.*; Secure; SameSite=Strict$/),
    ]);
  });
});
