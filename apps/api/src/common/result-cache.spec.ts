import { createTestDatabase, type TestDatabase } from '@iop/db-server/testing';
import { DataSource } from 'typeorm';
import { UNRESTRICTED_SCOPE } from '../access/access-scope';
import { RESULT_CACHE_CAPACITY, ResultCache } from './result-cache';

describe('ResultCache', () => {
  let version: string;
  let cache: ResultCache;
  beforeEach(() => {
    version = '2026-11-28 00:00:00+00/1';
    const dataSource = { query: () => Promise.resolve([{ version }]) } as unknown as DataSource;
    cache = new ResultCache(dataSource);
  });

  it('computes a board once per scope, filter and data version', async () => {
    const compute = jest.fn(() => Promise.resolve({ board: 1 }));
    await cache.get(UNRESTRICTED_SCOPE, { payer: ['medicaid', 'medicare'], from: '2025-01-01' }, 'board', compute);
    // The same filter, written in another order.
    await cache.get(UNRESTRICTED_SCOPE, { from: '2025-01-01', payer: ['medicare', 'medicaid'] }, 'board', compute);
    expect(compute).toHaveBeenCalledTimes(1);

    await cache.get(UNRESTRICTED_SCOPE, { from: '2025-02-01' }, 'board', compute);
    await cache.get(
      { programIds: [1], payer: null, smallCells: 'exact' },
      { from: '2025-01-01', payer: ['medicaid', 'medicare'] },
      'board',
      compute,
    );
    expect(compute).toHaveBeenCalledTimes(3);
  });

  it('computes again after a load changes the data version', async () => {
    const compute = jest.fn(() => Promise.resolve({ board: 1 }));
    await cache.get(UNRESTRICTED_SCOPE, {}, 'board', compute);
    version = '2026-11-29 00:00:00+00/1';
    await cache.get(UNRESTRICTED_SCOPE, {}, 'board', compute);
    expect(compute).toHaveBeenCalledTimes(2);
  });

  it('drops the result used longest ago when full, not the one computed first', async () => {
    const compute = jest.fn((name: string) => Promise.resolve({ name }));
    const ask = (from: string) => cache.get(UNRESTRICTED_SCOPE, { from }, 'board', () => compute(from));
    const day = (index: number) => `2025-01-01+${index}`;
    await ask('steady');
    await ask('one-off');
    // A full cache's worth of other filters, with the steady answer asked again between them.
    for (let index = 0; index < RESULT_CACHE_CAPACITY - 1; index++) {
      await ask(day(index));
      if (index % 50 === 0) await ask('steady');
    }
    expect(compute).toHaveBeenCalledTimes(RESULT_CACHE_CAPACITY + 1);
    await ask('steady');
    expect(compute).toHaveBeenCalledTimes(RESULT_CACHE_CAPACITY + 1);
    await ask('one-off');
    expect(compute).toHaveBeenCalledTimes(RESULT_CACHE_CAPACITY + 2);
  });

  it('does not remember a failure', async () => {
    const failing = jest.fn(() => Promise.reject(new Error('database gone')));
    await expect(cache.get(UNRESTRICTED_SCOPE, {}, 'board', failing)).rejects.toThrow('database gone');
    const succeeding = jest.fn(() => Promise.resolve({ board: 2 }));
    await expect(cache.get(UNRESTRICTED_SCOPE, {}, 'board', succeeding)).resolves.toEqual({ board: 2 });
  });
});

describe('ResultCache on PostgreSQL: the data version', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = new DataSource({ type: 'postgres', url: database.url });
    await dataSource.initialize();
    await dataSource.query(`INSERT INTO organizations (id, name) VALUES (1, 'Org')`);
    await dataSource.query(`INSERT INTO dataset_meta (org_id, as_of, generated_by) VALUES (1, '2026-06-30', '{}')`);
    await dataSource.query(
      `INSERT INTO settings (org_id, key, value) VALUES (1, 'comparator.inpatient', '{"lengthOfStay": {"typicalDays": 11}}')`,
    );
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('changes with a load and with a change of a setting, and only then', async () => {
    const cache = new ResultCache(dataSource);
    const compute = jest.fn(() => Promise.resolve({ board: 1 }));
    await cache.get(UNRESTRICTED_SCOPE, {}, 'board', compute);
    await cache.get(UNRESTRICTED_SCOPE, {}, 'board', compute);
    expect(compute).toHaveBeenCalledTimes(1);

    // An admin prices the comparator at another length of stay: claim 6's savings change.
    await dataSource.query(
      `UPDATE settings SET value = '{"lengthOfStay": {"typicalDays": 4}}' WHERE key = 'comparator.inpatient'`,
    );
    await cache.get(UNRESTRICTED_SCOPE, {}, 'board', compute);
    expect(compute).toHaveBeenCalledTimes(2);

    await dataSource.query(`UPDATE dataset_meta SET loaded_at = loaded_at + interval '1 second'`);
    await cache.get(UNRESTRICTED_SCOPE, {}, 'board', compute);
    await cache.get(UNRESTRICTED_SCOPE, {}, 'board', compute);
    expect(compute).toHaveBeenCalledTimes(3);
  });
});
