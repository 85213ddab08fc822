import { AGE_BANDS, type EpisodeFilters, LEVELS_OF_CARE, PAYERS, SUBSTANCES } from '@iop/contracts';
import { createTestDatabase, type TestDatabase } from '@iop/db-server/testing';
import fc from 'fast-check';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { DataSource } from 'typeorm';
import { type AccessScope, UNRESTRICTED_SCOPE } from '../../access/access-scope';

const WORKSPACE = path.resolve(__dirname, '../../../../..');

/** How long seeding the demo network may take (a beforeAll's timeout). */
export const SEEDING_TIMEOUT_MS = 600_000;

/** The seeded demo network (1,500 episodes, about 58,000 appointments) in a database of its own. */
export interface DemoNetwork {
  dataSource: DataSource;
  programIds: number[];
  counselorIds: number[];
  rowsOf<T>(sql: string, params: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export async function seedDemoNetwork(): Promise<DemoNetwork> {
  const database: TestDatabase = await createTestDatabase();
  await promisify(execFile)(
    path.join(WORKSPACE, 'node_modules/.bin/tsx'),
    ['--tsconfig', 'tsconfig.base.json', 'apps/api/src/evidence/testing/seed-network.mts', database.url, 'demo'],
    { cwd: WORKSPACE, maxBuffer: 64 * 1024 * 1024 },
  );
  const dataSource = new DataSource({ type: 'postgres', url: database.url });
  await dataSource.initialize();
  const rowsOf = async <T>(sql: string, params: unknown[]): Promise<T[]> => dataSource.query(sql, params);
  const programIds = (await rowsOf<{ id: number }>('SELECT id FROM programs ORDER BY id', [])).map((row) => row.id);
  const counselorIds = (
    await rowsOf<{ id: number }>(
      'SELECT DISTINCT primary_counselor_id AS id FROM episodes WHERE primary_counselor_id IS NOT NULL ORDER BY 1',
      [],
    )
  ).map((row) => row.id);
  return {
    dataSource,
    programIds,
    counselorIds,
    rowsOf,
    close: async () => {
      await dataSource.destroy();
      await database.drop();
    },
  };
}

/**
 * A scope (everything, two programs, or a payer's, whose dates widen to months) and up to three of the filters,
 * so that most selections hold episodes: all eight at once would mostly select none.
 */
export function scopeAndFilters({
  programIds,
  counselorIds,
}: DemoNetwork): fc.Arbitrary<[AccessScope, EpisodeFilters]> {
  const filter = {
    from: fc.date({ min: new Date('2024-06-01'), max: new Date('2026-06-30'), noInvalidDate: true }).map(day),
    to: fc.date({ min: new Date('2024-09-01'), max: new Date('2026-07-31'), noInvalidDate: true }).map(day),
    programId: fc.subarray(programIds, { minLength: 1 }),
    levelOfCare: fc.subarray([...LEVELS_OF_CARE], { minLength: 1 }),
    payer: fc.subarray([...PAYERS], { minLength: 1 }),
    substance: fc.subarray([...SUBSTANCES], { minLength: 1 }),
    ageBand: fc.subarray([...AGE_BANDS], { minLength: 1 }),
    counselorId: fc.subarray(counselorIds, { minLength: 1 }),
  };
  const names = Object.keys(filter) as Array<keyof typeof filter>;
  return fc.tuple(
    fc.constantFrom<AccessScope>(
      UNRESTRICTED_SCOPE,
      { programIds: programIds.slice(0, 2), payer: null, smallCells: 'exact' },
      { programIds: null, payer: 'medicaid', smallCells: 'suppress' },
    ),
    fc
      .uniqueArray(fc.constantFrom(...names), { maxLength: 3 })
      .chain(
        (chosen) =>
          fc.record(Object.fromEntries(chosen.map((name) => [name, filter[name]]))) as fc.Arbitrary<EpisodeFilters>,
      ),
  );
}

/** The whole network, unfiltered, is always among the cases (then 25 random ones, from a fixed seed). */
export const RANDOM_RUNS = 26;
export const RUNS: fc.Parameters<[[AccessScope, EpisodeFilters]]> = {
  numRuns: RANDOM_RUNS,
  seed: 20261207,
  examples: [[[UNRESTRICTED_SCOPE, {}]]],
};

function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}
