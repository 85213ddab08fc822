import {
  type Benchmark,
  type BenchmarksResponse,
  benchmarkFor,
  benchmarkStatus,
  DEFAULT_BENCHMARKS,
  type ProgramTarget,
  type ProgramTargetsResponse,
  type UserRole,
} from '@iop/contracts';
import { ALL_MIGRATIONS } from '@iop/schema';
import { Client } from 'pg';
import type { QueryRunner } from 'typeorm';
import { SUMMARY_FIXTURE_SQL } from '../episodes/testing/summary-fixture';
import { createTestUser, startFixtureApp, type TestApp } from '../testing/test-app';

const VALID = {
  metric: 'retained90',
  value: 0.5,
  direction: 'higher',
  source: 'A test citation, table 1',
  year: 2020,
  comparable: true,
  notComparableReason: null,
};

/**
 * Benchmarks and targets (docs/METRICS.md "Benchmarks and targets") on the summary fixture: two programs, the
 * director holds program 1. The migration is run again once the fixture's organisation exists, as it runs for an
 * organisation already in the database.
 */
describe('benchmarks and targets', () => {
  let api: TestApp;
  const tokens = {} as Record<UserRole, string>;

  beforeAll(async () => {
    api = await startFixtureApp(SUMMARY_FIXTURE_SQL);
    const client = new Client({ connectionString: api.databaseUrl });
    await client.connect();
    try {
      const runner = {
        query: async (sql: string, parameters?: unknown[]) =>
          (await client.query<Record<string, unknown>>(sql, parameters)).rows,
      } as unknown as QueryRunner;
      const Migration = ALL_MIGRATIONS.find((m) => m.name === 'BenchmarksAndTargets1765500000000');
      if (!Migration) throw new Error('migration BenchmarksAndTargets1765500000000 is not listed');
      const migration = new Migration();
      await migration.down(runner);
      await migration.up(runner);
    } finally {
      await client.end();
    }
    for (const role of ['admin', 'director', 'payer', 'quality'] as const) {
      const user = { email: `${role}@benchmarks.test`, password: `${role} password long enough`, role };
      await createTestUser(api.databaseUrl, {
        ...user,
        payer: role === 'payer' ? 'commercial' : null,
        programIds: role === 'director' ? [1] : undefined,
      });
      tokens[role] = await api.signIn(user.email, user.password);
    }
  });
  afterAll(() => api.close());

  const call = (role: UserRole, method: string, path: string, body?: unknown) =>
    api.request(method, path, { headers: { authorization: `Bearer ${tokens[role]}` }, body });
  const benchmarks = async (role: UserRole = 'payer') =>
    ((await call(role, 'GET', '/api/v1/benchmarks')).body as BenchmarksResponse).benchmarks;
  const auditActions = async () => {
    const client = new Client({ connectionString: api.databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ action: string; resource: string }>(
        `SELECT action, resource FROM audit_events WHERE action LIKE 'admin.benchmarks.%' OR action LIKE 'program.targets.%' ORDER BY id`,
      );
      return rows.map((row) => `${row.action} ${row.resource}`);
    } finally {
      await client.end();
    }
  };

  it('seeds every organisation with the published figures, each with its citation, to every role', async () => {
    const seeded = await benchmarks('payer');
    const withoutIds = seeded.map(({ id: _id, updatedAt: _at, updatedBy, ...value }) => ({ ...value, updatedBy }));
    const expected = [...DEFAULT_BENCHMARKS]
      .sort((a, b) => a.metric.localeCompare(b.metric) || b.year - a.year)
      .map((value) => ({ ...value, updatedBy: null }));
    expect(withoutIds).toEqual(expected);
    expect(seeded.map((b) => [b.metric, b.value, b.comparable])).toEqual([
      ['attendedHoursPerWeek', 9, true],
      ['completionRate', 0.3768, true],
      ['costPerWeek', 462, true],
      ['fui-30', null, false],
      ['fui-30', 0.49, false],
      ['fui-7', null, false],
    ]);
    // The HEDIS follow-up rates say why no line is drawn.
    expect(benchmarkFor(seeded, 'fui-7')?.notComparableReason).toMatch(/every discharge/);
    for (const role of ['director', 'quality', 'admin'] as const) expect(await benchmarks(role)).toEqual(seeded);
  });

  it('gives the status of the selection against the seeded benchmark, worked out by hand', async () => {
    const completion = benchmarkFor(await benchmarks(), 'completionRate') as Benchmark;
    const rateOf = async (query: string) =>
      (
        (await call('admin', 'GET', `/api/v1/metrics/summary${query}`)).body as {
          completionRate: { rate: number };
        }
      ).completionRate.rate;
    // Discharged: episode 1 completed (reason 1), episode 4 dropped out (reason 2): 1 / 2 = 0.5 >= 0.3768.
    expect(await rateOf('')).toBe(0.5);
    expect(benchmarkStatus(0.5, completion.value as number, completion.direction)).toBe('meets');
    // Program 2 discharged only episode 4: 0 / 1 = 0 < 0.3768.
    expect(await rateOf('?programId=2')).toBe(0);
    expect(benchmarkStatus(0, completion.value as number, completion.direction)).toBe('below');
  });

  it('lets an admin add, change and remove a benchmark, audited, and refuses what does not hold together', async () => {
    const created = await call('admin', 'POST', '/api/v1/benchmarks', VALID);
    expect(created.status).toBe(201);
    const { id } = created.body as Benchmark;
    expect(created.body).toMatchObject({ ...VALID, id, updatedBy: 'admin@benchmarks.test' });
    // Who changed it is for admins: a payer reading the list gets no e-mail address.
    expect((await benchmarks('admin')).find((b) => b.id === id)?.updatedBy).toBe('admin@benchmarks.test');
    expect((await benchmarks('payer')).find((b) => b.id === id)?.updatedBy).toBeNull();

    const changed = { ...VALID, value: null, comparable: false, notComparableReason: 'Counts all discharges' };
    expect(await call('admin', 'PUT', `/api/v1/benchmarks/${id}`, changed)).toMatchObject({
      status: 200,
      body: { ...changed, id },
    });
    expect((await benchmarks()).find((b) => b.id === id)).toMatchObject(changed);

    const refusals: Array<[unknown, string]> = [
      [{ ...VALID, value: null }, 'a comparable benchmark needs a value'],
      [{ ...VALID, comparable: false }, 'a benchmark that is not comparable must say why (notComparableReason)'],
      [{ ...VALID, metric: 'verdict' }, 'metric must be one of'],
      [{ ...VALID, value: -1 }, 'value must be a finite number of at least 0'],
      [{ ...VALID, year: 2004.5 }, 'year must be a whole year from 1900 to 2100'],
      [{ ...VALID, source: '' }, 'source must name where the figure comes from'],
      [{ ...VALID, direction: 'up' }, 'direction must be one of higher, lower, neither'],
      [{ ...VALID, extra: 1 }, 'property extra should not exist'],
    ];
    for (const [body, message] of refusals) {
      const { status, body: answer } = await call('admin', 'PUT', `/api/v1/benchmarks/${id}`, body);
      expect([status, JSON.stringify(answer)]).toEqual([400, expect.stringContaining(message)]);
    }
    expect((await call('admin', 'PUT', '/api/v1/benchmarks/999999', VALID)).status).toBe(404);

    expect((await call('admin', 'DELETE', `/api/v1/benchmarks/${id}`)).status).toBe(204);
    expect((await call('admin', 'DELETE', `/api/v1/benchmarks/${id}`)).status).toBe(404);
    expect((await benchmarks()).some((b) => b.id === id)).toBe(false);
    expect(await auditActions()).toEqual([
      `admin.benchmarks.create benchmarks/${id}`,
      `admin.benchmarks.update benchmarks/${id}`,
      `admin.benchmarks.delete benchmarks/${id}`,
    ]);
  });

  it('lets no one but an admin change a benchmark (a payer cannot edit)', async () => {
    const [first] = await benchmarks();
    for (const role of ['payer', 'director', 'quality'] as const) {
      expect((await call(role, 'POST', '/api/v1/benchmarks', VALID)).status).toBe(403);
      expect((await call(role, 'PUT', `/api/v1/benchmarks/${first.id}`, VALID)).status).toBe(403);
      expect((await call(role, 'DELETE', `/api/v1/benchmarks/${first.id}`)).status).toBe(403);
    }
    expect(await benchmarks()).toContainEqual(first);
  });

  it("lets a director set their own program's targets and not another's; an admin any program's", async () => {
    const target = { value: 0.45, direction: 'higher' };
    const own = await call('director', 'PUT', '/api/v1/benchmarks/targets/1/completionRate', target);
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({
      programId: 1,
      metric: 'completionRate',
      ...target,
      setBy: 'director@benchmarks.test',
    });
    // Program 1 discharged only episode 1, which completed: 1 / 1 = 1 >= 0.45.
    expect(benchmarkStatus(1, 0.45, 'higher')).toBe('meets');

    expect((await call('director', 'PUT', '/api/v1/benchmarks/targets/2/completionRate', target)).status).toBe(403);
    expect((await call('director', 'GET', '/api/v1/benchmarks/targets/2')).status).toBe(403);
    expect((await call('director', 'DELETE', '/api/v1/benchmarks/targets/2/completionRate')).status).toBe(403);
    for (const role of ['payer', 'quality'] as const) {
      expect((await call(role, 'PUT', '/api/v1/benchmarks/targets/1/completionRate', target)).status).toBe(403);
      expect((await call(role, 'GET', '/api/v1/benchmarks/targets/1')).status).toBe(403);
    }

    const readmission = { value: 0.1, direction: 'lower' };
    expect((await call('admin', 'PUT', '/api/v1/benchmarks/targets/2/readmitted30', readmission)).status).toBe(200);
    expect(
      (await call('admin', 'PUT', '/api/v1/benchmarks/targets/2/readmitted30', { ...readmission, value: 0.08 })).status,
    ).toBe(200);
    const programTwo = (await call('admin', 'GET', '/api/v1/benchmarks/targets/2')).body as ProgramTargetsResponse;
    expect(programTwo.targets.map((t: ProgramTarget) => [t.metric, t.value, t.direction, t.setBy])).toEqual([
      ['readmitted30', 0.08, 'lower', 'admin@benchmarks.test'],
    ]);
    // A readmission rate of 0.12 is above a lower-is-better target of 0.08.
    expect(benchmarkStatus(0.12, 0.08, 'lower')).toBe('above');

    expect((await call('admin', 'GET', '/api/v1/benchmarks/targets/99')).status).toBe(404);
    expect((await call('admin', 'PUT', '/api/v1/benchmarks/targets/1/verdict', target)).status).toBe(400);
    expect((await call('admin', 'PUT', '/api/v1/benchmarks/targets/1/completionRate', { value: 0.4 })).status).toBe(
      400,
    );

    expect((await call('director', 'DELETE', '/api/v1/benchmarks/targets/1/completionRate')).status).toBe(204);
    expect((await call('director', 'DELETE', '/api/v1/benchmarks/targets/1/completionRate')).status).toBe(404);
    expect(
      ((await call('director', 'GET', '/api/v1/benchmarks/targets/1')).body as ProgramTargetsResponse).targets,
    ).toEqual([]);
    expect((await auditActions()).filter((line) => line.startsWith('program.'))).toEqual([
      'program.targets.update programs/1/targets/completionRate',
      'program.targets.update programs/2/targets/readmitted30',
      'program.targets.update programs/2/targets/readmitted30',
      'program.targets.delete programs/1/targets/completionRate',
    ]);
  });
});
