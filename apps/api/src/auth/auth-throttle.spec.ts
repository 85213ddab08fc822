import { createTestDatabase, type TestDatabase } from '@iop/db-server/testing';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { createTestUser, startTestApp, type TestApp, type TestResponse } from '../testing/test-app';
import { MAX_DELAY_SECONDS, SIGN_IN_THROTTLE } from './sign-in-throttle';

const OWNER = 'owner@clinic.test';
const OWNER_PASSWORD = 'the owner knows this one';
const ADMIN = 'boss@clinic.test';
const ADMIN_PASSWORD = 'the admin knows this one';
const FREE = SIGN_IN_THROTTLE.account.freeFailures;

/** What a client sees of a sign-in answer: everything an attacker could tell accounts apart by. */
const answerOf = ({ status, body, headers }: TestResponse) => ({
  status,
  body,
  retryAfter: headers.get('retry-after'),
});

describe('the sign-in throttle: exponential delay per account and per address, the same for unknown e-mails', () => {
  let database: TestDatabase;
  let api: TestApp;
  let sql: Client;
  let ownerId: number;

  beforeAll(async () => {
    database = await createTestDatabase();
    api = await startTestApp(database.url);
    sql = new Client({ connectionString: database.url });
    await sql.connect();
    ownerId = await createTestUser(database.url, { email: OWNER, password: OWNER_PASSWORD, role: 'director' });
    await createTestUser(database.url, { email: ADMIN, password: ADMIN_PASSWORD, role: 'admin' });
  });
  afterAll(async () => {
    await sql?.end();
    await api?.close();
    await database?.drop();
  });
  // Every test starts from no failures, for the accounts and for this test's one address (127.0.0.1).
  beforeEach(() => sql.query(`DELETE FROM sign_in_throttle`));

  const login = (email: string, password: string) =>
    api.request('POST', '/api/v1/auth/login', { body: { email, password } });
  const statuses = (answers: TestResponse[]) => answers.map((answer) => answer.status);
  const accountFailures = async (email: string) =>
    (
      await sql.query<{ failures: number }>(
        `SELECT failures FROM sign_in_throttle WHERE kind = 'account' AND key = lower($1)`,
        [email],
      )
    ).rows[0]?.failures ?? 0;
  const openSessions = async (userId: number) =>
    (await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM sessions WHERE user_id = $1`, [userId])).rows[0].n;
  /** Resolves once the account's free attempts are all taken (the checks of those attempts may still run). */
  const freeAttemptsTaken = async (email: string) => {
    const taken = async () =>
      (
        await sql.query<{ n: number }>(
          `SELECT coalesce(sum(failures + pending), 0)::int AS n FROM sign_in_throttle
           WHERE kind = 'account' AND key = lower($1)`,
          [email],
        )
      ).rows[0].n;
    while ((await taken()) < FREE) await sleep(2);
  };

  it('15 wrong and 1 right password at once: only the first 5 are checked, the right one does not sign in', async () => {
    const sessionsBefore = await openSessions(ownerId);
    const wrong = Array.from({ length: 15 }, (_, index) => login(OWNER, `wrong guess ${index}`));
    // The right password goes out while the wrong ones are still being checked, once the 5 free attempts are taken.
    const right = freeAttemptsTaken(OWNER).then(() => login(OWNER, OWNER_PASSWORD));
    const answers = await Promise.all([...wrong, right]);

    expect(statuses(answers.slice(0, 15)).sort()).toEqual([
      ...Array<number>(5).fill(401),
      ...Array<number>(10).fill(429),
    ]);
    expect(answerOf(answers[15])).toEqual({
      status: 429,
      body: { statusCode: 429, message: 'Too many failed sign-ins; try again in 1 second' },
      retryAfter: '1',
    });
    expect(await openSessions(ownerId)).toBe(sessionsBefore);
    const audited = await sql.query<{ reason: string; n: number }>(
      `SELECT details->>'reason' AS reason, count(*)::int AS n FROM audit_events
       WHERE action = 'login' AND email = $1 AND at > now() - interval '1 minute' GROUP BY 1 ORDER BY 1`,
      [OWNER],
    );
    expect(audited.rows).toEqual([
      { reason: 'too many failed sign-ins', n: 11 },
      { reason: 'wrong password', n: 5 },
    ]);
  });

  it('sent all at once, 16 attempts at one account are decided one by one: exactly 5 are checked', async () => {
    const answers = await Promise.all(Array.from({ length: 16 }, (_, index) => login(OWNER, `guess ${index}`)));
    expect(statuses(answers).sort()).toEqual([...Array<number>(5).fill(401), ...Array<number>(11).fill(429)]);
    expect(await accountFailures(OWNER)).toBe(FREE);
  });

  it('answers an unknown e-mail exactly like a real account: the same 401s, then the same 429 and wait', async () => {
    const attempts = async (email: string) => {
      const answers: TestResponse[] = [];
      for (let attempt = 1; attempt <= FREE + 1; attempt++) answers.push(await login(email, 'not it'));
      return answers.map(answerOf);
    };
    const real = await attempts(OWNER);
    const unknown = await attempts('nobody-here@clinic.test');
    expect(unknown).toEqual(real);
    expect(real.at(-2)).toEqual({
      status: 401,
      body: { statusCode: 401, message: 'The e-mail or the password is not right', error: 'Unauthorized' },
      retryAfter: null,
    });
    expect(real.at(-1)).toEqual({
      status: 429,
      body: { statusCode: 429, message: 'Too many failed sign-ins; try again in 1 second' },
      retryAfter: '1',
    });
  });

  it('does not lock the admin out: after 5 failures the wait is 1 s, then the owner signs in and is forgiven', async () => {
    for (let attempt = 1; attempt <= FREE; attempt++) expect((await login(ADMIN, 'guess')).status).toBe(401);
    const refused = await login(ADMIN, ADMIN_PASSWORD);
    expect([refused.status, refused.headers.get('retry-after')]).toEqual([429, '1']);
    await sleep(1100);
    expect((await login(ADMIN, ADMIN_PASSWORD)).status).toBe(200);
    expect(await accountFailures(ADMIN)).toBe(0);
    expect((await login(ADMIN, 'a typo')).status).toBe(401);
  });

  it('doubles the wait with every further failure, up to 15 minutes', async () => {
    const waitAfterLastFailure = async () =>
      (
        await sql.query<{ seconds: number }>(
          `SELECT extract(epoch FROM blocked_until - last_failure_at)::int AS seconds FROM sign_in_throttle
           WHERE kind = 'account' AND key = $1`,
          [OWNER],
        )
      ).rows[0].seconds;
    for (let attempt = 1; attempt <= FREE; attempt++) await login(OWNER, 'guess');
    expect(await waitAfterLastFailure()).toBe(1);
    await sleep(1100);
    expect((await login(OWNER, 'guess')).status).toBe(401);
    expect(await waitAfterLastFailure()).toBe(2);
    expect((await login(OWNER, 'guess')).status).toBe(429);

    // Many failures later (the 40th comes due now): the wait is capped.
    await sql.query(
      `UPDATE sign_in_throttle SET failures = 39, blocked_until = now() WHERE kind = 'account' AND key = $1`,
      [OWNER],
    );
    expect((await login(OWNER, 'guess')).status).toBe(401);
    expect(await waitAfterLastFailure()).toBe(MAX_DELAY_SECONDS);
    const capped = await login(OWNER, OWNER_PASSWORD);
    expect(capped.status).toBe(429);
    expect(Number(capped.headers.get('retry-after'))).toBeGreaterThan(MAX_DELAY_SECONDS - 60);
  });

  it('shows the wait on the Admin page, and an admin unlock ends it at once', async () => {
    const adminToken = await api.signIn(ADMIN, ADMIN_PASSWORD);
    // Nine failures a moment ago; the tenth makes the next attempt wait 2^(10-5) = 32 s.
    await sql.query(
      `INSERT INTO sign_in_throttle (kind, key, failures, last_failure_at, blocked_until)
       VALUES ('account', $1, 9, now(), now())`,
      [OWNER],
    );
    expect((await login(OWNER, 'guess')).status).toBe(401);
    expect((await login(OWNER, OWNER_PASSWORD)).status).toBe(429);
    const asAdmin = { authorization: `Bearer ${adminToken}` };
    const listed = await api.request('GET', '/api/v1/admin/users', { headers: asAdmin });
    const owner = (listed.body as { users: { id: number; lockedUntil: string | null }[] }).users.find(
      (user) => user.id === ownerId,
    );
    expect(owner?.lockedUntil).toEqual(expect.any(String));

    const unlocked = await api.request('PATCH', `/api/v1/admin/users/${ownerId}`, {
      headers: asAdmin,
      body: { unlock: true },
    });
    expect(unlocked.status).toBe(200);
    expect((await login(OWNER, OWNER_PASSWORD)).status).toBe(200);
  });

  it(`slows one address after ${SIGN_IN_THROTTLE.address.freeFailures} failures at any accounts, the right password included`, async () => {
    for (let attempt = 1; attempt <= SIGN_IN_THROTTLE.address.freeFailures; attempt++) {
      expect((await login(`sprayed-${attempt}@clinic.test`, 'Winter2026!')).status).toBe(401);
    }
    const refused = await login(OWNER, OWNER_PASSWORD);
    expect(answerOf(refused)).toEqual({
      status: 429,
      body: { statusCode: 429, message: 'Too many failed sign-ins; try again in 1 second' },
      retryAfter: '1',
    });
  });

  it('never counts a successful sign-in: 30 at once from one address all succeed', async () => {
    const answers = await Promise.all(Array.from({ length: 30 }, () => login(OWNER, OWNER_PASSWORD)));
    expect(statuses(answers)).toEqual(Array<number>(30).fill(200));
  });
});
