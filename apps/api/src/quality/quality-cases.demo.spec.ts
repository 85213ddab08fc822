import { createTestDatabase, type TestDatabase } from '@iop/db-server/testing';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { DataSource } from 'typeorm';
import { UNRESTRICTED_SCOPE } from '../access/access-scope';
import { QualityCasesQuery } from './quality-cases.query';
import { QUALITY_MEASURES } from './quality-measures';

const WORKSPACE = path.resolve(__dirname, '../../../..');

/**
 * QualityCasesQuery hands the measures only the attended dates they decide on (the first three on or after the
 * referral, the first on or after the prior discharge), found by index probes, instead of every attended date.
 * On the seeded demo network (1,500 episodes) every measure must give every episode the same outcome, dates and
 * days included, as with all the episode's attended dates, read here the plain way.
 */
describe('quality cases on the demo preset: the probed dates decide as all the dates do', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    await promisify(execFile)(
      path.join(WORKSPACE, 'node_modules/.bin/tsx'),
      ['--tsconfig', 'tsconfig.base.json', 'apps/api/src/evidence/testing/seed-network.mts', database.url, 'demo'],
      { cwd: WORKSPACE, maxBuffer: 64 * 1024 * 1024 },
    );
    dataSource = new DataSource({ type: 'postgres', url: database.url });
    await dataSource.initialize();
  }, 600_000);
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('gives every episode the same outcome of every measure', async () => {
    const cases = await new QualityCasesQuery(dataSource).run(UNRESTRICTED_SCOPE, {});
    const everyDate: Array<{ episode_id: number; dates: string[] | null }> = await dataSource.query(`
      SELECT f.episode_id, (
        SELECT array_agg(DISTINCT to_char((a.scheduled_start AT TIME ZONE p.timezone)::date, 'YYYY-MM-DD'))
        FROM appointments a
        WHERE a.episode_id = f.episode_id AND a.status = 'attended'
          AND (a.scheduled_start AT TIME ZONE p.timezone)::date <= f.last_day
      ) AS dates
      FROM episode_facts f JOIN programs p ON p.id = f.program_id`);
    const datesOf = new Map(everyDate.map((row) => [row.episode_id, [...(row.dates ?? [])].sort()]));
    expect(cases).toHaveLength(1500);

    let compared = 0;
    let counted = 0;
    const differences: string[] = [];
    for (const episode of cases) {
      const complete = { ...episode, attendedDates: datesOf.get(episode.episodeId) ?? [] };
      expect(complete.attendedDates).toEqual(expect.arrayContaining(episode.attendedDates));
      for (const measure of QUALITY_MEASURES) {
        const probed = measure.evaluate(episode);
        const reference = measure.evaluate(complete);
        compared += 1;
        if (reference.status === 'denominator') counted += 1;
        if (JSON.stringify(probed) !== JSON.stringify(reference)) {
          differences.push(`${measure.id} episode ${episode.episodeId}`);
        }
      }
    }
    expect(differences).toEqual([]);
    expect(compared).toBe(1500 * QUALITY_MEASURES.length);
    // The comparison means something only where episodes are counted, IET and follow-up both.
    expect(counted).toBeGreaterThan(3000);
  });
});
