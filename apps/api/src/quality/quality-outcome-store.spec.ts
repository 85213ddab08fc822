import type { QualityMeasureResult, QualityMeasuresResponse } from '@iop/contracts';
import { Client } from 'pg';
import { episodeSelection } from '../episodes/episode-selection.sql';
import { expectWilsonRate } from '../episodes/testing/wilson';
import { startFixtureApp, type TestApp } from '../testing/test-app';
import { QUALITY_FIXTURE_SQL } from './testing/quality-fixture';

/**
 * The measures keep every episode's outcome between requests (quality-outcome-store.ts) and read an episode
 * again only when its facts row changed. Each change below is made as a load makes it, and the data version is
 * stamped as a load stamps it; the expected numbers are worked out by hand from testing/quality-fixture.ts.
 */
describe('quality measures after loads that change episodes (real PostgreSQL)', () => {
  let api: TestApp;
  let database: Client;

  beforeAll(async () => {
    api = await startFixtureApp(QUALITY_FIXTURE_SQL);
    database = new Client({ connectionString: api.databaseUrl });
    await database.connect();
  });
  afterAll(async () => {
    await database?.end();
    await api?.close();
  });

  const ietInitiation = async (): Promise<QualityMeasureResult> => {
    const { status, body } = await api.get('/api/v1/quality/measures');
    expect(status).toBe(200);
    return (body as QualityMeasuresResponse).measures.find((measure) => measure.id === 'iet-initiation')!;
  };
  const denominatorIds = async () => {
    const { body } = await api.get('/api/v1/quality/measures/iet-initiation/patients?population=denominator');
    return (body as { rows: { episodeId: number }[] }).rows.map((row) => row.episodeId);
  };
  const load = async (sql: string) => {
    await database.query(sql);
    await database.query('UPDATE dataset_meta SET loaded_at = clock_timestamp()');
  };
  const TOO_RECENT = "referred fewer than 14 days before the data's end";

  it('counts the new outcome of an episode whose appointments, as-of date or existence changed', async () => {
    // Denominator 1, 2, 3, 4, 8; episode 2 (referred 03-01) first attended on 03-15, day 14: not initiated.
    let measure = await ietInitiation();
    expectWilsonRate(measure.rate, 4, 5);
    expect(measure.exclusions).toContainEqual({ reason: TOO_RECENT, count: 1 });

    // Its first attendance moved to 03-10, day 9: initiated.
    await load(`
      UPDATE appointments SET scheduled_start = scheduled_start - interval '5 days' WHERE source_id = 'qa2-1';
      SELECT refresh_episode_facts(ARRAY[2]);`);
    expectWilsonRate((await ietInitiation()).rate, 5, 5);

    // The data now reaches 2026-01-05: episode 7 (referred 12-20, window to 01-02) enters, attended 12-21, day 1.
    // Only its facts row's as-of date changes, as an import that moves the as-of date writes it.
    await load(`UPDATE episode_facts SET as_of = '2026-01-05' WHERE episode_id = 7`);
    measure = await ietInitiation();
    expectWilsonRate(measure.rate, 6, 6);
    expect(measure.exclusions.map((exclusion) => exclusion.reason)).not.toContain(TOO_RECENT);
    expect(await denominatorIds()).toEqual([1, 2, 3, 4, 7, 8]);

    // Episode 8 deleted by a snapshot load.
    await load(`
      DELETE FROM appointments WHERE episode_id = 8;
      DELETE FROM episodes WHERE id = 8;
      SELECT refresh_episode_facts(ARRAY[8]);`);
    expectWilsonRate((await ietInitiation()).rate, 5, 5);
    expect(await denominatorIds()).toEqual([1, 2, 3, 4, 7]);
  });

  // The whole network's revisions then come from an index-only scan, not from 120,000 wide rows.
  it('keeps an index that holds the revision and every column a selection reads', async () => {
    const selection = episodeSelection(
      { programIds: [1, 2], payer: 'medicaid', smallCells: 'suppress' },
      {
        from: '2025-01-01',
        to: '2025-12-31',
        programId: [1],
        levelOfCare: ['2.1'],
        payer: ['medicaid'],
        substance: ['alcohol'],
        counselorId: [1],
        ageBand: ['26-34'],
      },
    );
    const read = [...new Set([...selection.sql.matchAll(/\bf\.(\w+)/g)].map((match) => match[1]))];
    expect(read.length).toBeGreaterThanOrEqual(7);
    const { rows } = await database.query<{ indexdef: string }>(
      `SELECT indexdef FROM pg_indexes WHERE indexname = 'episode_facts_selection_revision_idx'`,
    );
    const indexed = rows[0].indexdef.match(/\((\w+)\) INCLUDE \(([^)]*)\)$/);
    const covered = indexed ? [indexed[1], ...indexed[2].split(', ')] : [];
    expect(covered).toContain('revision');
    expect(read.filter((column) => !covered.includes(column))).toEqual([]);
  });
});
