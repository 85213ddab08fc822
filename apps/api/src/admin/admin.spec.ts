import type { AdminUser, AdminUserList } from '@iop/contracts';
import { createTestDatabase, type TestDatabase } from '@iop/db-server/testing';
import { Client } from 'pg';
import { createTestUser, startTestApp, type TestApp } from '../testing/test-app';

const ADMIN = { email: 'admin@admin.test', password: 'admin password long' };
const NEW_PASSWORD = 'a brand new password';

/** An audit_events row as the specs read it back (node-postgres: jsonb parsed, int as number). */
interface AuditRow {
  user_id: number | null;
  email: string | null;
  role: string | null;
  action: string;
  resource: string | null;
  filters: Record<string, unknown> | null;
  row_count: number | null;
  outcome: string;
  details: Record<string, unknown> | null;
}

describe('admin: accounts, roles, program scopes and sessions', () => {
  let database: TestDatabase;
  let api: TestApp;
  let sql: Client;
  let adminId: number;
  let adminToken: string;
  let programIds: number[];

  beforeAll(async () => {
    database = await createTestDatabase();
    api = await startTestApp(database.url);
    sql = new Client({ connectionString: database.url });
    await sql.connect();
    const { rows } = await sql.query<{ id: number }>(
      `INSERT INTO programs (org_id, name, level_of_care)
       VALUES ((SELECT min(id) FROM organizations), 'North IOP', '2.1'), ((SELECT min(id) FROM organizations), 'South IOP', '2.1')
       RETURNING id`,
    );
    programIds = rows.map((row) => row.id);
    adminId = await createTestUser(database.url, { ...ADMIN, role: 'admin' });
    adminToken = await api.signIn(ADMIN.email, ADMIN.password);
  });
  afterAll(async () => {
    await sql?.end();
    await api?.close();
    await database?.drop();
  });

  const asAdmin = (method: string, path: string, body?: unknown) =>
    api.request(method, path, { headers: { authorization: `Bearer ${adminToken}` }, body });
  const createUser = (body: Record<string, unknown>) => asAdmin('POST', '/api/v1/admin/users', body);
  const updateUser = (id: number, body: Record<string, unknown>) => asAdmin('PATCH', `/api/v1/admin/users/${id}`, body);
  const me = (token: string) =>
    api.request('GET', '/api/v1/auth/me', { headers: { authorization: `Bearer ${token}` } });
  const lastAudit = async (action: string) =>
    (
      await sql.query<AuditRow>(
        `SELECT user_id, email, role, action, resource, filters, row_count, outcome, details
         FROM audit_events WHERE action = $1 ORDER BY id DESC LIMIT 1`,
        [action],
      )
    ).rows[0];
  const messageOf = (body: unknown) => JSON.stringify((body as { message: unknown }).message);

  describe('accounts', () => {
    it('creates a director with programs, lists it, audits it without the password, and the password works', async () => {
      const { status, body } = await createUser({
        email: 'Robin@Clinic.test',
        displayName: 'Robin Director',
        role: 'director',
        programIds: [programIds[1], programIds[0], programIds[1]],
        password: 'initial password 1',
      });
      expect(status).toBe(201);
      const created = body as AdminUser;
      expect(created).toEqual({
        id: expect.any(Number) as number,
        email: 'Robin@Clinic.test',
        displayName: 'Robin Director',
        role: 'director',
        payer: null,
        programIds: [...programIds].sort((a, b) => a - b),
        disabled: false,
        lockedUntil: null,
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as string,
      });

      const list = (await asAdmin('GET', '/api/v1/admin/users')).body as AdminUserList;
      expect(list.users.find((user) => user.id === created.id)).toEqual(created);
      expect(list.users.find((user) => user.id === adminId)).toMatchObject({ email: ADMIN.email, role: 'admin' });
      expect(JSON.stringify(list)).not.toMatch(/argon2|password/i);

      const audit = await lastAudit('admin.user.create');
      expect(audit).toEqual({
        user_id: adminId,
        email: ADMIN.email,
        role: 'admin',
        action: 'admin.user.create',
        resource: `users/${created.id}`,
        filters: null,
        row_count: null,
        outcome: 'ok',
        details: {
          email: 'Robin@Clinic.test',
          displayName: 'Robin Director',
          role: 'director',
          payer: null,
          programIds: created.programIds,
        },
      });
      expect(JSON.stringify(audit)).not.toContain('initial password');

      const token = await api.signIn('robin@clinic.test', 'initial password 1');
      expect((await me(token)).body).toMatchObject({ role: 'director', programIds: created.programIds });
    });

    it.each([
      [{ role: 'quality', password: 'too short' }, 'password must be at least 12 characters'],
      [{ role: 'payer' }, 'payer is required for the payer role'],
      [{ role: 'quality', payer: 'medicaid' }, 'payer is only for the payer role'],
      [{ role: 'quality', programIds: [1] }, 'programIds are only for the director role'],
      [{ role: 'director', programIds: [987654] }, 'No program with id 987654'],
      [{ role: 'director', programIds: ['1'] }, 'programIds must be positive integers'],
      [{ role: 'superuser' }, 'role must be one of director, payer, quality, admin'],
      [{ role: 'quality', email: 'not an address' }, 'email must be an e-mail address'],
      [{ role: 'quality', displayName: '' }, 'displayName is required'],
      [{ role: 'quality', passwordHash: 'x' }, 'property passwordHash should not exist'],
    ])('refuses to create %j with 400 naming the problem', async (fields, message) => {
      const { status, body } = await createUser({
        email: 'someone@clinic.test',
        displayName: 'Someone',
        password: 'long enough password',
        ...fields,
      });
      expect(status).toBe(400);
      expect(messageOf(body)).toContain(message);
    });

    it('refuses a second account with the same e-mail in another case (409)', async () => {
      const { status, body } = await createUser({
        email: 'ROBIN@clinic.test',
        displayName: 'Robin again',
        role: 'quality',
        password: 'long enough password',
      });
      expect(status).toBe(409);
      expect(messageOf(body)).toContain('already exists');
    });

    it('changing the role ends the sessions, drops the programs, and audits what changed', async () => {
      const { body } = await createUser({
        email: 'casey@clinic.test',
        displayName: 'Casey',
        role: 'director',
        programIds: [programIds[0]],
        password: 'casey password 1',
      });
      const casey = body as AdminUser;
      const token = await api.signIn('casey@clinic.test', 'casey password 1');

      const updated = await updateUser(casey.id, { role: 'payer', payer: 'medicaid', displayName: 'Casey P.' });
      expect(updated.status).toBe(200);
      expect(updated.body).toMatchObject({ role: 'payer', payer: 'medicaid', programIds: [], displayName: 'Casey P.' });
      expect((await me(token)).status).toBe(401);
      expect(await lastAudit('admin.user.update')).toMatchObject({
        user_id: adminId,
        resource: `users/${casey.id}`,
        details: {
          email: 'casey@clinic.test',
          changed: {
            role: { from: 'director', to: 'payer' },
            payer: { from: null, to: 'medicaid' },
            displayName: { from: 'Casey', to: 'Casey P.' },
            programIds: { from: [programIds[0]], to: [] },
          },
          sessionsRevoked: 1,
        },
      });

      const back = await updateUser(casey.id, { role: 'quality' });
      expect(back.body).toMatchObject({ role: 'quality', payer: null });
    });

    it('disabling ends the sessions at once and refuses sign-in; enabling lets the user back in', async () => {
      const { body } = await createUser({
        email: 'dale@clinic.test',
        displayName: 'Dale',
        role: 'quality',
        password: 'dale password 12',
      });
      const dale = body as AdminUser;
      const token = await api.signIn('dale@clinic.test', 'dale password 12');
      expect((await me(token)).status).toBe(200);

      expect((await updateUser(dale.id, { disabled: true })).body).toMatchObject({ disabled: true });
      expect((await me(token)).status).toBe(401);
      const { rows } = await sql.query<{ live: number }>(
        `SELECT count(*)::int AS live FROM sessions WHERE user_id = $1 AND revoked_at IS NULL`,
        [dale.id],
      );
      expect(rows[0].live).toBe(0);
      await expect(api.signIn('dale@clinic.test', 'dale password 12')).rejects.toThrow(/401/);
      expect((await lastAudit('admin.user.update')).details).toMatchObject({
        changed: { disabled: { from: false, to: true } },
        sessionsRevoked: 1,
      });

      await updateUser(dale.id, { disabled: false });
      expect((await me(await api.signIn('dale@clinic.test', 'dale password 12'))).status).toBe(200);
    });

    it('unlocks a locked account and resets a password, never writing the password to the log', async () => {
      const { body } = await createUser({
        email: 'eli@clinic.test',
        displayName: 'Eli',
        role: 'quality',
        password: 'eli old password',
      });
      const eli = body as AdminUser;
      await sql.query(`UPDATE users SET locked_until = now() + interval '10 minutes' WHERE id = $1`, [eli.id]);
      const listed = (await asAdmin('GET', '/api/v1/admin/users')).body as AdminUserList;
      expect(listed.users.find((user) => user.id === eli.id)?.lockedUntil).toEqual(expect.any(String));

      const updated = await updateUser(eli.id, { unlock: true, password: NEW_PASSWORD });
      expect(updated.body).toMatchObject({ lockedUntil: null });
      await expect(api.signIn('eli@clinic.test', 'eli old password')).rejects.toThrow(/401/);
      expect((await me(await api.signIn('eli@clinic.test', NEW_PASSWORD))).status).toBe(200);
      const audit = await lastAudit('admin.user.update');
      expect(audit.details).toEqual({
        email: 'eli@clinic.test',
        changed: {},
        unlocked: true,
        passwordReset: true,
        sessionsRevoked: 0,
      });
      expect(JSON.stringify(audit)).not.toContain(NEW_PASSWORD);
    });

    it('refuses to let an admin disable or demote themselves (400), and keeps them signed in', async () => {
      const disable = await updateUser(adminId, { disabled: true });
      expect(disable.status).toBe(400);
      expect(messageOf(disable.body)).toContain('You cannot disable your own account');
      const demote = await updateUser(adminId, { role: 'quality' });
      expect(demote.status).toBe(400);
      expect(messageOf(demote.body)).toContain('You cannot change your own role');
      expect((await me(adminToken)).body).toMatchObject({ role: 'admin' });
    });

    it('answers 404 for an unknown account, 400 for an empty change or a bad id', async () => {
      expect((await updateUser(987654, { displayName: 'x' })).status).toBe(404);
      const empty = await updateUser(adminId, {});
      expect([empty.status, messageOf(empty.body)]).toEqual([400, expect.stringContaining('Nothing to change')]);
      expect((await asAdmin('PATCH', '/api/v1/admin/users/abc', { displayName: 'x' })).status).toBe(400);
      const short = await updateUser(adminId, { password: 'short' });
      expect(messageOf(short.body)).toContain('password must be at least 12 characters');
    });
  });

  it('is for admins only: a quality user is refused (403)', async () => {
    await createTestUser(database.url, { email: 'q@admin.test', password: 'quality password', role: 'quality' });
    const token = await api.signIn('q@admin.test', 'quality password');
    for (const path of ['/api/v1/admin/users', '/api/v1/admin/audit-events', '/api/v1/admin/audit-events.csv']) {
      expect((await api.request('GET', path, { headers: { authorization: `Bearer ${token}` } })).status).toBe(403);
    }
  });
});
