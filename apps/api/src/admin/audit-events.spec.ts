import type { AuditEventPage } from '@iop/contracts';
import { createTestDatabase, type TestDatabase } from '@iop/db-server/testing';
import { setTimeout } from 'node:timers/promises';
import { Client } from 'pg';
import { createTestUser, startTestApp, type TestApp } from '../testing/test-app';
import { EXPORT_BATCH_SIZE } from './audit-events.query';

const ADMIN = { email: 'admin@audit.test', password: 'admin password long' };

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

describe('admin: the audit log, its filters, paging and CSV export', () => {
  let database: TestDatabase;
  let api: TestApp;
  let sql: Client;
  let adminId: number;
  let adminToken: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    api = await startTestApp(database.url);
    sql = new Client({ connectionString: database.url });
    await sql.connect();
    adminId = await createTestUser(database.url, { ...ADMIN, role: 'admin' });
    adminToken = await api.signIn(ADMIN.email, ADMIN.password);
  });
  afterAll(async () => {
    await sql?.end();
    await api?.close();
    await database?.drop();
  });

  const asAdmin = (method: string, path: string) =>
    api.request(method, path, { headers: { authorization: `Bearer ${adminToken}` } });
  const lastAudit = async (action: string) =>
    (
      await sql.query<AuditRow>(
        `SELECT user_id, email, role, action, resource, filters, row_count, outcome, details
         FROM audit_events WHERE action = $1 ORDER BY id DESC LIMIT 1`,
        [action],
      )
    ).rows[0];
  /**
   * The export's own event: it is written once the download has ended, which the client may see first, so wait
   * for the event of this export's filters rather than read whichever export event is newest.
   */
  const exportAuditOf = async (from: string): Promise<AuditRow> => {
    for (let attempt = 0; attempt < 100; attempt += 1) {
      const { rows } = await sql.query<AuditRow>(
        `SELECT user_id, email, role, action, resource, filters, row_count, outcome, details
         FROM audit_events WHERE action = 'admin.audit.export' AND filters->>'from' = $1 ORDER BY id DESC LIMIT 1`,
        [from],
      );
      if (rows[0]) return rows[0];
      await setTimeout(20);
    }
    throw new Error(`no admin.audit.export event for from=${from}`);
  };
  const messageOf = (body: unknown) => JSON.stringify((body as { message: unknown }).message);

  const page = async (query: string) => {
    const { status, body } = await asAdmin('GET', `/api/v1/admin/audit-events?${query}`);
    expect(status).toBe(200);
    return body as AuditEventPage;
  };
  const MARCH_2020 = 'from=2020-03-01&to=2020-03-31';

  beforeAll(async () => {
    // Dated in the past, so that the events of the other tests (written now) stay out of these filters.
    await sql.query(
      `INSERT INTO audit_events (at, email, role, action, resource, filters, row_count, ip, outcome, details) VALUES
       ('2020-03-01T08:00:00Z', 'ann@clinic.test', 'director', 'login', 'auth', NULL, NULL, '10.0.0.1', 'ok', NULL),
       ('2020-03-02T09:30:00Z', 'Bob@Clinic.test', NULL, 'login', 'auth', NULL, NULL, NULL, 'failed', '{"reason":"wrong password"}'),
       ('2020-03-03T10:00:00Z', 'ann@clinic.test', 'director', 'metrics.export', 'metrics', '{"payer":["medicaid"]}', 12, NULL, 'ok', NULL),
       ('2020-03-04T11:00:00Z', 'root@clinic.test', 'admin', 'admin.user.create', 'users/9', NULL, NULL, NULL, 'ok', '{"email":"x, \\"y\\""}'),
       ('2020-03-31T23:59:59Z', 'ann@clinic.test', 'director', 'logout', 'auth', NULL, NULL, NULL, 'ok', NULL),
       ('2020-04-01T00:00:00Z', 'ann@clinic.test', 'director', 'login', 'auth', NULL, NULL, NULL, 'ok', NULL)`,
    );
  });

  it('lists the events of a date range newest first, with the total, and pages through them', async () => {
    const all = await page(MARCH_2020);
    expect(all.total).toBe(5);
    expect(all.events.map((event) => event.action)).toEqual([
      'logout',
      'admin.user.create',
      'metrics.export',
      'login',
      'login',
    ]);
    expect(all.events[2]).toEqual({
      id: expect.any(Number) as number,
      at: '2020-03-03T10:00:00.000Z',
      userId: null,
      email: 'ann@clinic.test',
      role: 'director',
      action: 'metrics.export',
      resource: 'metrics',
      filters: { payer: ['medicaid'] },
      rowCount: 12,
      ip: null,
      outcome: 'ok',
      details: null,
    });
    expect(all.events[4].ip).toBe('10.0.0.1');

    const second = await page(`${MARCH_2020}&limit=2&offset=2`);
    expect(second).toMatchObject({ total: 5, limit: 2, offset: 2 });
    expect(second.events.map((event) => event.id)).toEqual(all.events.slice(2, 4).map((event) => event.id));
  });

  it.each([
    ['action=login', ['login', 'login']],
    ['action=admin', ['admin.user.create']],
    ['action=metrics.export', ['metrics.export']],
    ['email=BOB@clinic', ['login']],
    ['outcome=failed', ['login']],
    ['email=ann&action=login', ['login']],
  ])('filters by %s', async (filter, actions) => {
    const { events } = await page(`${MARCH_2020}&${filter}`);
    expect(events.map((event) => event.action)).toEqual(actions);
  });

  it.each([
    ['limit=0', 'limit must be an integer from 1 to 500'],
    ['limit=501', 'limit must be an integer from 1 to 500'],
    ['offset=-1', 'offset must be a non-negative integer'],
    ['from=2020-13-01', 'from must be an ISO date'],
    ['from=2020-03-02&to=2020-03-01', 'from must not be after to'],
    ['outcome=maybe', 'outcome must be one of ok, denied, failed'],
    ["action=x';--", 'action must be lower-case letters'],
    ['userId=1', 'property userId should not exist'],
  ])('refuses %s with 400', async (query, message) => {
    const { status, body } = await asAdmin('GET', `/api/v1/admin/audit-events?${query}`);
    expect(status).toBe(400);
    expect(messageOf(body)).toContain(message);
    // The export takes the same filters and no paging, so every one of these is refused there too.
    expect((await asAdmin('GET', `/api/v1/admin/audit-events.csv?${query}`)).status).toBe(400);
  });

  it('audits its own reading, with the filters and the number of rows shown', async () => {
    await page(`${MARCH_2020}&outcome=ok&limit=3`);
    expect(await lastAudit('admin.audit.read')).toEqual({
      user_id: adminId,
      email: ADMIN.email,
      role: 'admin',
      action: 'admin.audit.read',
      resource: 'audit-events',
      filters: { from: '2020-03-01', to: '2020-03-31', outcome: 'ok', limit: 3, offset: 0 },
      row_count: 3,
      outcome: 'ok',
      details: null,
    });
  });

  it('exports the same events as CSV, header first, quoted where needed, and audits the export', async () => {
    const { status, body, headers } = await asAdmin('GET', `/api/v1/admin/audit-events.csv?${MARCH_2020}`);
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(headers.get('content-disposition')).toMatch(/^attachment; filename="audit-events-\d{4}-\d\d-\d\d\.csv"$/);
    const ids = (await page(MARCH_2020)).events.map((event) => event.id);
    expect(body).toBe(
      [
        'id,at,userId,email,role,action,resource,filters,rowCount,ip,outcome,details',
        `${ids[0]},2020-03-31T23:59:59.000Z,,ann@clinic.test,director,logout,auth,,,,ok,`,
        `${ids[1]},2020-03-04T11:00:00.000Z,,root@clinic.test,admin,admin.user.create,users/9,,,,ok,"{""email"":""x, \\""y\\""""}"`,
        `${ids[2]},2020-03-03T10:00:00.000Z,,ann@clinic.test,director,metrics.export,metrics,"{""payer"":[""medicaid""]}",12,,ok,`,
        `${ids[3]},2020-03-02T09:30:00.000Z,,Bob@Clinic.test,,login,auth,,,,failed,"{""reason"":""wrong password""}"`,
        `${ids[4]},2020-03-01T08:00:00.000Z,,ann@clinic.test,director,login,auth,,,10.0.0.1,ok,`,
        '',
      ].join('\n'),
    );
    expect(await lastAudit('admin.audit.export')).toMatchObject({
      user_id: adminId,
      filters: { from: '2020-03-01', to: '2020-03-31' },
      row_count: 5,
      outcome: 'ok',
    });
  });

  it('writes a cell that a spreadsheet would run as a formula as text instead', async () => {
    await sql.query(
      `INSERT INTO audit_events (at, email, action, outcome, details)
       VALUES ('2018-01-01T00:00:00Z', '=HYPERLINK("http://evil.test")', 'login', 'failed', '{"reason":"unknown e-mail"}')`,
    );
    const { body } = await asAdmin('GET', '/api/v1/admin/audit-events.csv?from=2018-01-01&to=2018-01-01');
    expect((body as string).split('\n')[1]).toMatch(
      /^\d+,2018-01-01T00:00:00.000Z,,"'=HYPERLINK\(""http:\/\/evil.test""\)",,login,,,,,failed,"{""reason"":""unknown e-mail""}"$/,
    );
  });

  it('writes the header alone when nothing matches', async () => {
    const { body } = await asAdmin('GET', '/api/v1/admin/audit-events.csv?from=1999-01-01&to=1999-01-02');
    expect(body).toBe('id,at,userId,email,role,action,resource,filters,rowCount,ip,outcome,details\n');
    expect((await exportAuditOf('1999-01-01')).row_count).toBe(0);
  });

  it(`exports more rows than one batch (${EXPORT_BATCH_SIZE}) completely, each once, newest first`, async () => {
    const count = EXPORT_BATCH_SIZE * 2 + 7;
    await sql.query(
      `INSERT INTO audit_events (at, email, action, outcome)
       SELECT '2019-06-01T00:00:00Z'::timestamptz + make_interval(secs => n), 'bulk@clinic.test', 'bulk', 'ok'
       FROM generate_series(1, $1) AS n`,
      [count],
    );
    const { body } = await asAdmin('GET', '/api/v1/admin/audit-events.csv?from=2019-06-01&to=2019-06-30&action=bulk');
    const ids = (body as string)
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => Number(line.split(',')[0]));
    expect(ids).toHaveLength(count);
    expect(new Set(ids).size).toBe(count);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });
});
