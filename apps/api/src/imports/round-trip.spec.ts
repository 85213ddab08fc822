import type { ImportOutcome } from '@iop/import';
import { createTestDatabase, type TestDatabase } from '@iop/db-server/testing';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { startTestApp, TEST_PATIENT_KEY_SECRET, type TestApp } from '../testing/test-app';

const WORKSPACE = path.resolve(__dirname, '../../../..');
const TOLERANCE = 1e-9;

/** What the dashboard reads, compared between the seeded network and each re-imported copy. */
const COMPARED_PATHS = [
  '/api/v1/metrics/summary',
  '/api/v1/metrics/trend?metric=attendanceRate',
  '/api/v1/metrics/breakdown?metric=attendanceRate&by=program',
  '/api/v1/retention',
  '/api/v1/retention?groupBy=levelOfCare',
  '/api/v1/quality/measures',
  '/api/v1/evidence',
  '/api/v1/costs/summary',
];

/** Ids (and breakdown keys, which are program ids) and load times differ between a seeded and an imported copy. */
const IGNORED_KEYS = new Set(['id', 'key', 'loadedAt', 'generatedAt', 'programId', 'counselorId']);

const FORMATS = ['csv', 'fhir'] as const;
type Format = (typeof FORMATS)[number];

interface Copy {
  rows: Record<string, number>;
  answers: Map<string, { status: number; body: unknown }>;
}

/** Differences between two JSON values, numbers within TOLERANCE (relative above 1); paths of what differs. */
function differences(seeded: unknown, imported: unknown, at = '$'): string[] {
  if (typeof seeded === 'number' && typeof imported === 'number') {
    return Math.abs(seeded - imported) <= TOLERANCE * Math.max(1, Math.abs(seeded))
      ? []
      : [`${at}: ${seeded} != ${imported}`];
  }
  if (Array.isArray(seeded) && Array.isArray(imported)) {
    if (seeded.length !== imported.length) return [`${at}: length ${seeded.length} != ${imported.length}`];
    return seeded.flatMap((item, index) => differences(item, imported[index], `${at}[${index}]`));
  }
  if (seeded && imported && typeof seeded === 'object' && typeof imported === 'object') {
    const keys = new Set([...Object.keys(seeded), ...Object.keys(imported)]);
    return [...keys]
      .filter((key) => !IGNORED_KEYS.has(key))
      .flatMap((key) =>
        differences(
          (seeded as Record<string, unknown>)[key],
          (imported as Record<string, unknown>)[key],
          `${at}.${key}`,
        ),
      );
  }
  return seeded === imported ? [] : [`${at}: ${JSON.stringify(seeded)} != ${JSON.stringify(imported)}`];
}

async function helper(...args: string[]): Promise<unknown> {
  const { stdout } = await promisify(execFile)(
    path.join(WORKSPACE, 'node_modules/.bin/tsx'),
    ['--tsconfig', 'tsconfig.base.json', 'apps/api/src/imports/testing/round-trip.mts', ...args],
    { cwd: WORKSPACE, maxBuffer: 64 * 1024 * 1024 },
  );
  return JSON.parse(stdout.trim().split('\n').pop() as string);
}

/**
 * The demo network seeded, then exported as CSV and imported into an empty organisation, then the same as FHIR
 * NDJSON: every dashboard answer and every table's row count must be the same. One database and one API for the
 * three, the data replaced between them (the API's configuration binds it to one database per process).
 */
describe('round trip: the demo network exported as CSV and as FHIR and imported into an empty organisation', () => {
  let database: TestDatabase;
  let api: TestApp;
  let seeded: Copy;
  const outcomes = new Map<Format, ImportOutcome>();
  const imported = new Map<Format, Copy>();

  const readCopy = async (tables: string[]): Promise<Copy> => {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    const rows: Record<string, number> = {};
    try {
      for (const table of tables) {
        const { rows: counted } = await client.query<{ n: number }>(`SELECT count(*)::integer AS n FROM ${table}`);
        rows[table] = counted[0].n;
      }
    } finally {
      await client.end();
    }
    const answers = new Map<string, { status: number; body: unknown }>();
    for (const url of COMPARED_PATHS) {
      const { status, body } = await api.get(url);
      answers.set(url, { status, body });
    }
    return { rows, answers };
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    const seededRows = (await helper('seed', database.url)) as Record<string, number>;
    const tables = Object.keys(seededRows).filter((table) => table !== 'organizations');
    api = await startTestApp(database.url);
    seeded = await readCopy(tables);
    for (const format of FORMATS) {
      outcomes.set(format, (await helper('replace', database.url, format, TEST_PATIENT_KEY_SECRET)) as ImportOutcome);
      imported.set(format, await readCopy(tables));
    }
  }, 900_000);
  afterAll(async () => {
    await api?.close();
    await database?.drop();
  });

  it.each(FORMATS)('the %s import is written without a rejection', (format) => {
    const outcome = outcomes.get(format) as ImportOutcome;
    expect({ status: outcome.status, rejections: outcome.rejections, error: outcome.error }).toEqual({
      status: 'succeeded',
      rejections: [],
      error: null,
    });
  });

  it.each(FORMATS)('the %s import gives the same row count in every table', (format) => {
    expect(seeded.rows['appointments']).toBeGreaterThan(10_000);
    expect(imported.get(format)?.rows).toEqual(seeded.rows);
  });

  it.each(FORMATS.flatMap((format) => COMPARED_PATHS.map((url) => [format, url] as const)))(
    'the %s import answers %s as the seeded network does (within 1e-9)',
    (format, url) => {
      const before = seeded.answers.get(url) as { status: number; body: unknown };
      const after = imported.get(format)?.answers.get(url) as { status: number; body: unknown };
      expect([before.status, after.status]).toEqual([200, 200]);
      expect(differences(before.body, after.body)).toEqual([]);
    },
  );
});
