import type { Annotation, AnnotationList } from '@iop/contracts';
import { SUMMARY_FIXTURE_SQL } from '../episodes/testing/summary-fixture';
import { sql } from '../reports/testing/report-test-support';
import { createTestUser, startFixtureApp, type TestApp, type TestUser } from '../testing/test-app';

type Who = 'directorA' | 'directorB' | 'payer' | 'quality' | 'admin';
const USERS: Record<Who, Omit<TestUser, 'email' | 'password'>> = {
  directorA: { role: 'director', programIds: [1] },
  directorB: { role: 'director', programIds: [2] },
  payer: { role: 'payer', payer: 'commercial' },
  quality: { role: 'quality' },
  admin: { role: 'admin' },
};

/** A second organisation with a program and a note of its own, which no user of the first may see or touch. */
const OTHER_ORGANISATION_SQL = `
  INSERT INTO organizations (id, name) VALUES (2, 'Other Health');
  INSERT INTO programs (id, org_id, name, level_of_care) VALUES (3, 2, 'Elsewhere IOP', '2.1');
  INSERT INTO annotations (id, org_id, program_id, on_date, text) VALUES (900, 2, NULL, '2025-03-01', 'Not yours');
`;

/**
 * Notes on the charts against PostgreSQL, on the summary fixture (programs 1 "Evening IOP" and 2 "Outpatient")
 * and a second organisation: CRUD, who reads and writes which (docs/SECURITY.md "Roles"), the date window, the
 * length rule in the API and in the table, and the audit lines.
 */
describe('annotations', () => {
  let api: TestApp;
  const tokens = {} as Record<Who, string>;

  beforeAll(async () => {
    api = await startFixtureApp(SUMMARY_FIXTURE_SQL + OTHER_ORGANISATION_SQL);
    for (const [who, user] of Object.entries(USERS)) {
      const email = `${who.toLowerCase()}@annotations.test`;
      await createTestUser(api.databaseUrl, { ...user, email, password: `${who}-password` });
      tokens[who as Who] = await api.signIn(email, `${who}-password`);
    }
  });
  afterAll(() => api?.close());

  const call = (who: Who, method: string, path = '', body?: unknown) =>
    api.request(method, `/api/v1/annotations${path}`, { headers: { authorization: `Bearer ${tokens[who]}` }, body });
  const create = async (who: Who, body: object): Promise<Annotation> => {
    const { status, body: created } = await call(who, 'POST', '', body);
    expect([status, typeof (created as Partial<Annotation>).id]).toEqual([201, 'number']);
    return created as Annotation;
  };
  const list = async (who: Who, query = '') => {
    const { status, body } = await call(who, 'GET', query);
    expect(status).toBe(200);
    return (body as AnnotationList).annotations;
  };
  const texts = (annotations: Annotation[]) => annotations.map((annotation) => annotation.text);
  const clear = () => sql(api.databaseUrl, `DELETE FROM annotations WHERE org_id = 1`);

  describe('who reads and writes which', () => {
    let programOne: Annotation;
    let programTwo: Annotation;
    let network: Annotation;

    beforeAll(async () => {
      await clear();
      programOne = await create('directorA', { programId: 1, on: '2025-03-03', text: 'Evening group started' });
      programTwo = await create('directorB', {
        programId: 2,
        on: '2025-04-07',
        until: '2025-04-18',
        text: 'Counselor on leave',
      });
      network = await create('admin', { on: '2025-02-01', text: 'New EHR went live' });
    });

    it('answers a created note in full, with its author and whether the caller may change it', () => {
      expect(programOne).toEqual({
        id: programOne.id,
        programId: 1,
        programName: 'Evening IOP',
        on: '2025-03-03',
        until: null,
        text: 'Evening group started',
        author: 'Test director',
        createdAt: programOne.createdAt,
        updatedAt: programOne.createdAt,
        editable: true,
      });
      expect(programOne.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect([programTwo.until, network.programId, network.programName]).toEqual(['2025-04-18', null, null]);
    });

    it("shows a director their programs' notes and the network-wide ones, never another program's", async () => {
      expect(texts(await list('directorA'))).toEqual(['New EHR went live', 'Evening group started']);
      expect(texts(await list('directorB'))).toEqual(['New EHR went live', 'Counselor on leave']);
      // Asking for program 2 does not widen the scope: only the network-wide note is left.
      expect(texts(await list('directorA', '?programId=2'))).toEqual(['New EHR went live']);
      // A director may read a network-wide note, not change it.
      expect((await list('directorA')).map((note) => note.editable)).toEqual([false, true]);
    });

    it('shows quality and admin every note of the organisation, and nothing of another organisation', async () => {
      for (const who of ['quality', 'admin'] as const) {
        expect(texts(await list(who))).toEqual(['New EHR went live', 'Evening group started', 'Counselor on leave']);
      }
      expect(texts(await list('admin', '?programId=2'))).toEqual(['New EHR went live', 'Counselor on leave']);
      expect((await call('admin', 'PUT', '/900', { on: '2025-03-01', text: 'Mine now' })).status).toBe(404);
      expect((await call('admin', 'DELETE', '/900')).status).toBe(404);
      const refused = await call('admin', 'POST', '', { programId: 3, on: '2025-03-01', text: 'Elsewhere' });
      expect([refused.status, JSON.stringify(refused.body)]).toEqual([
        400,
        expect.stringContaining('programId 3 is not a program of your organisation'),
      ]);
    });

    it('shows a payer the network-wide notes only, without the staff name, and lets them write nothing (403)', async () => {
      const seen = await list('payer');
      expect(seen).toEqual([{ ...network, author: null, editable: false }]);
      expect(texts(await list('payer', '?programId=1&programId=2'))).toEqual(['New EHR went live']);
      expect((await call('payer', 'POST', '', { on: '2025-03-01', text: 'A payer note' })).status).toBe(403);
      expect((await call('payer', 'PUT', `/${network.id}`, { on: '2025-03-01', text: 'Changed' })).status).toBe(403);
      expect((await call('payer', 'DELETE', `/${network.id}`)).status).toBe(403);
    });

    it("refuses a director another program's notes (404, as if absent) and network-wide writes (403)", async () => {
      const change = { programId: 2, on: '2025-04-07', text: 'Changed by A' };
      expect((await call('directorA', 'PUT', `/${programTwo.id}`, change)).status).toBe(404);
      expect((await call('directorA', 'DELETE', `/${programTwo.id}`)).status).toBe(404);
      expect((await call('directorA', 'POST', '', { programId: 2, on: '2025-04-07', text: 'On B' })).status).toBe(403);
      // Moving one's own note to another program is writing on that program.
      expect((await call('directorA', 'PUT', `/${programOne.id}`, change)).status).toBe(403);
      const network403 = await call('directorA', 'POST', '', { on: '2025-04-07', text: 'For everyone' });
      expect([network403.status, JSON.stringify(network403.body)]).toEqual([
        403,
        expect.stringContaining('only quality and admin users write one'),
      ]);
      expect((await call('directorA', 'DELETE', `/${network.id}`)).status).toBe(403);
      expect(texts(await list('admin'))).toEqual(['New EHR went live', 'Evening group started', 'Counselor on leave']);
    });

    it('lets the program scope change and delete a note; quality may write network-wide notes', async () => {
      const changed = await call('directorA', 'PUT', `/${programOne.id}`, {
        programId: 1,
        on: '2025-03-03',
        until: '2025-03-31',
        text: 'Evening group started (second cohort)',
      });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ id: programOne.id, until: '2025-03-31', editable: true });
      const byQuality = await create('quality', { on: '2025-06-01', text: 'Measure definitions updated' });
      expect((await call('quality', 'DELETE', `/${byQuality.id}`)).status).toBe(204);
      expect((await call('quality', 'DELETE', `/${byQuality.id}`)).status).toBe(404);
    });
  });

  it('lists the notes that touch the date window: a range counts from its first to its last day', async () => {
    await clear();
    await create('admin', { on: '2025-01-20', until: '2025-02-10', text: 'Range into February' });
    await create('admin', { on: '2025-02-28', text: 'Last day of February' });
    await create('admin', { on: '2025-03-01', text: 'First of March' });
    await create('admin', { on: '2025-01-31', text: 'End of January' });
    expect(texts(await list('admin', '?from=2025-02-01&to=2025-02-28'))).toEqual([
      'Range into February',
      'Last day of February',
    ]);
    expect(texts(await list('admin', '?from=2025-03-01'))).toEqual(['First of March']);
    expect(texts(await list('admin', '?to=2025-01-31'))).toEqual(['Range into February', 'End of January']);
    const backwards = await call('admin', 'GET', '?from=2025-03-01&to=2025-02-01');
    expect([backwards.status, JSON.stringify(backwards.body)]).toEqual([
      400,
      expect.stringContaining('to must not be before from'),
    ]);
  });

  it('refuses a note over 2,000 characters with a 400 naming text, and so does the table itself', async () => {
    const atLimit = await call('admin', 'POST', '', { on: '2025-05-01', text: 'x'.repeat(2000) });
    expect(atLimit.status).toBe(201);
    // 2,000 characters outside the Basic Multilingual Plane are 4,000 UTF-16 units, and still 2,000 characters.
    expect((await call('admin', 'POST', '', { on: '2025-05-01', text: '📈'.repeat(2000) })).status).toBe(201);

    const refusals: Array<[object, string]> = [
      [
        { on: '2025-05-01', text: 'x'.repeat(2001) },
        'text must be 1 to 2,000 characters, not only spaces (it has 2,001)',
      ],
      [{ on: '2025-05-01', text: '' }, 'text must be 1 to 2,000 characters'],
      [{ on: '2025-05-01', text: '   ' }, 'text must be 1 to 2,000 characters, not only spaces'],
      [{ on: '2025-05-01' }, 'text must be 1 to 2,000 characters'],
      [{ on: '2025-02-30', text: 'No such day' }, 'on must be a date that exists'],
      [{ on: '2025-05-01', until: '2025-04-30', text: 'Backwards' }, 'until must not be before on'],
      [{ programId: 'one', on: '2025-05-01', text: 'Program' }, 'programId must be a positive integer or null'],
      [{ on: '2025-05-01', text: 'Extra', author: 1 }, 'property author should not exist'],
    ];
    for (const [body, message] of refusals) {
      const { status, body: answer } = await call('admin', 'POST', '', body);
      expect([status, JSON.stringify(answer)]).toEqual([400, expect.stringContaining(message)]);
    }
    const put = await call('admin', 'PUT', `/${(atLimit.body as Annotation).id}`, {
      on: '2025-05-01',
      text: 'y'.repeat(2001),
    });
    expect([put.status, JSON.stringify(put.body)]).toEqual([400, expect.stringContaining('text must be 1 to 2,000')]);

    // The table refuses what the API would, whoever writes to it.
    await expect(
      sql(
        api.databaseUrl,
        `INSERT INTO annotations (org_id, on_date, text) VALUES (1, '2025-05-01', repeat('x', 2001))`,
      ),
    ).rejects.toThrow(/annotations_text_length/);
    await expect(
      sql(
        api.databaseUrl,
        `INSERT INTO annotations (org_id, on_date, until_date, text) VALUES (1, '2025-05-01', '2025-04-01', 'x')`,
      ),
    ).rejects.toThrow(/annotations_until_not_before_on/);
  });

  it('audits every list view and every change, with who, what and how many rows', async () => {
    await clear();
    const before = await sql<{ max: number | null }>(api.databaseUrl, `SELECT max(id) AS max FROM audit_events`);
    const note = await create('directorA', { programId: 1, on: '2025-03-03', text: 'Audited note' });
    await call('directorA', 'PUT', `/${note.id}`, { programId: 1, on: '2025-03-04', text: 'Audited, moved' });
    await list('payer', '?from=2025-01-01&programId=1');
    await list('directorA');
    expect((await call('directorA', 'DELETE', `/${note.id}`)).status).toBe(204);

    const rows = await sql<{
      email: string;
      action: string;
      resource: string;
      row_count: number | null;
      filters: unknown;
      details: unknown;
    }>(
      api.databaseUrl,
      `SELECT email, action, resource, row_count, filters, details FROM audit_events
       WHERE id > $1 AND action LIKE 'annotations.%' ORDER BY id`,
      [before[0].max ?? 0],
    );
    const placed = { programId: 1, on: '2025-03-03', until: null, characters: 12 };
    expect(rows).toEqual([
      {
        email: 'directora@annotations.test',
        action: 'annotations.create',
        resource: `annotations/${note.id}`,
        row_count: null,
        filters: null,
        details: placed,
      },
      {
        email: 'directora@annotations.test',
        action: 'annotations.update',
        resource: `annotations/${note.id}`,
        row_count: null,
        filters: null,
        details: { programId: 1, on: '2025-03-04', until: null, characters: 14, before: placed },
      },
      {
        email: 'payer@annotations.test',
        action: 'annotations.read',
        resource: 'annotations',
        row_count: 0,
        filters: { from: '2025-01-01', programId: [1] },
        details: null,
      },
      {
        email: 'directora@annotations.test',
        action: 'annotations.read',
        resource: 'annotations',
        row_count: 1,
        filters: {},
        details: null,
      },
      {
        email: 'directora@annotations.test',
        action: 'annotations.delete',
        resource: `annotations/${note.id}`,
        row_count: null,
        filters: null,
        details: { programId: 1, on: '2025-03-04', until: null, characters: 14 },
      },
    ]);
  });
});
