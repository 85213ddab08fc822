import type { EpisodeFilters } from '@iop/contracts';
import fc from 'fast-check';
import type { AccessScope } from '../access/access-scope';
import { parseOneRow, parseRows } from '../database/parse-rows';
import { pg } from '../database/pg-columns';
import { BreakdownQuery, EPISODE_GROUPS, type EpisodeDimension } from '../metrics/breakdown.query';
import { SummaryQuery } from '../metrics/summary.query';
import { TrendQuery } from '../metrics/trend.query';
import { AggregatedEpisodesQuery } from './aggregated-episodes.query';
import { EpisodeAggregateStore } from './episode-aggregate-store';
import {
  episodeAggregatesFor,
  type KeyedEpisodeAggregates,
  keyedEpisodeAggregatesSchema,
} from './episode-aggregates.sql';
import { EpisodeRevisionsQuery } from './episode-revisions.query';
import { episodeSelection } from './episode-selection.sql';
import { medianOf } from './percentile';
import { type DemoNetwork, RUNS, scopeAndFilters, seedDemoNetwork, SEEDING_TIMEOUT_MS } from './testing/demo-network';

/** The means' sums may add up in another order than PostgreSQL's: equal to a relative 1e-12. */
const MEANS = ['hours_mean', 'compliance_mean'] as const;
const DIMENSIONS = Object.keys(EPISODE_GROUPS) as EpisodeDimension[];

/** Every count, sum, cell key and median exactly; the means to 1e-12 relative. */
function expectSameAggregates<Row extends KeyedEpisodeAggregates>(stored: readonly Row[], direct: readonly Row[]) {
  const withoutMeans = (rows: readonly Row[]) =>
    rows.map((row) =>
      Object.fromEntries(Object.entries(row).filter(([name]) => !(MEANS as readonly string[]).includes(name))),
    );
  expect(withoutMeans(stored)).toEqual(withoutMeans(direct));
  direct.forEach((row, index) => {
    for (const name of MEANS) {
      const [expected, actual] = [row[name], stored[index][name]];
      if (expected === null || actual === null) expect(actual).toBe(expected);
      else expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-12 * Math.abs(expected));
    }
  });
}

/**
 * The summary, trend and breakdowns compute EPISODE_AGGREGATES_SQL (with EPISODE_CELL_KEYS_SQL for a payer) over
 * the facts kept in memory (EpisodeAggregateStore). For random scopes and filters on the seeded demo network, each
 * must give what the SQL gives run directly over episode_facts for the same selection: the same groups in the same
 * order, with the same keys and labels. One store across every run and every question, as in the API.
 */
describe('the episode aggregates kept in memory equal EPISODE_AGGREGATES_SQL (demo preset, random filters)', () => {
  let network: DemoNetwork;
  let store: EpisodeAggregateStore;
  let summaryQuery: SummaryQuery;
  let trendQuery: TrendQuery;
  let breakdownQuery: BreakdownQuery;

  beforeAll(async () => {
    network = await seedDemoNetwork();
    const { dataSource } = network;
    store = new EpisodeAggregateStore(new EpisodeRevisionsQuery(dataSource), new AggregatedEpisodesQuery(dataSource));
    summaryQuery = new SummaryQuery(dataSource, store);
    trendQuery = new TrendQuery(store);
    breakdownQuery = new BreakdownQuery(dataSource, store);
  }, SEEDING_TIMEOUT_MS);
  afterAll(() => network?.close());

  /** The summary, the trend and every breakdown of the selection, straight from episode_facts. */
  async function direct(scope: AccessScope, filters: EpisodeFilters) {
    const selection = episodeSelection(scope, filters);
    const aggregates = episodeAggregatesFor(scope);
    const run = (sql: string) => network.rowsOf<unknown>(sql, selection.params);
    const summary = parseOneRow(
      'summary',
      keyedEpisodeAggregatesSchema,
      await run(`SELECT ${aggregates} FROM episode_facts f WHERE ${selection.sql}`),
    );
    const trend = parseRows(
      'trend',
      keyedEpisodeAggregatesSchema.extend({ period: pg.isoMonth }),
      await run(
        `SELECT to_char(f.admit_date, 'YYYY-MM') AS period, ${aggregates}
         FROM episode_facts f WHERE ${selection.sql} GROUP BY 1 ORDER BY 1`,
      ),
    );
    const breakdowns = new Map<EpisodeDimension, Array<KeyedEpisodeAggregates & { key: string; label: string }>>();
    for (const by of DIMENSIONS) {
      const group = EPISODE_GROUPS[by];
      const rows = await run(
        `SELECT ${group.key} AS key, min(${group.label}) AS label, ${aggregates}
         FROM episode_facts f
         JOIN programs p ON p.id = f.program_id
         LEFT JOIN staff s ON s.id = f.primary_counselor_id
         WHERE ${selection.sql}
         GROUP BY ${group.key}, ${group.order}
         ORDER BY ${group.order} NULLS LAST`,
      );
      breakdowns.set(by, parseRows(by, keyedEpisodeAggregatesSchema.extend({ key: pg.text, label: pg.text }), rows));
    }
    return { summary, trend, breakdowns };
  }

  async function expectStoredEqualsDirect(scope: AccessScope, filters: EpisodeFilters) {
    const expected = await direct(scope, filters);
    const { aggregates } = await summaryQuery.run(scope, filters);
    expectSameAggregates([aggregates], [expected.summary]);
    expectSameAggregates(await trendQuery.run(scope, filters), expected.trend);
    for (const by of DIMENSIONS) {
      expectSameAggregates(await breakdownQuery.byEpisode(scope, filters, by), expected.breakdowns.get(by) ?? []);
    }
  }

  it('gives the summary, the trend and every breakdown that the SQL gives', async () => {
    await fc.assert(
      fc.asyncProperty(scopeAndFilters(network), ([scope, filters]) => expectStoredEqualsDirect(scope, filters)),
      RUNS,
    );
  });

  it("compares answers that hold medians of even groups, null means and medians, and a payer's cell keys", async () => {
    // The comparisons above mean something only if the data reach these cases.
    const { summary, breakdowns } = await direct({ programIds: null, payer: 'medicaid', smallCells: 'suppress' }, {});
    expect(summary.episodes).toBeGreaterThan(50);
    expect(summary.episodes_key).toEqual(expect.any(Number));
    const counselors = breakdowns.get('counselor') ?? [];
    expect(counselors.some((row) => row.episodes % 2 === 0 && row.hours_median !== null)).toBe(true);
    const [{ nulls }] = await network.rowsOf<{ nulls: number }>(
      `SELECT count(*)::int AS nulls FROM episode_facts WHERE compliance_score IS NULL OR discharge_reason IS NULL`,
      [],
    );
    expect(nulls).toBeGreaterThan(0);
  });

  it("gives PostgreSQL's percentile_cont(0.5) of random float8 values", async () => {
    await fc.assert(
      fc.asyncProperty(
        // Hours per week and days, non-negative: PostgreSQL may sort -0 and 0 either way round.
        fc.array(fc.oneof(fc.double({ min: 0, max: 200, noNaN: true }), fc.integer({ min: 0, max: 400 })), {
          maxLength: 40,
        }),
        async (values) => {
          const [{ median: expected }] = await network.rowsOf<{ median: number | null }>(
            'SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY v) AS median FROM unnest($1::float8[]) v',
            [values],
          );
          expect(medianOf(Float64Array.from(values))).toBe(expected);
        },
      ),
      { numRuns: 200, seed: 20261207 },
    );
  });

  it('follows the facts after loads rewrite, move and delete them', async () => {
    const everything = { programIds: null, payer: null, smallCells: 'exact' } as const;
    const payer = { programIds: null, payer: 'medicaid', smallCells: 'suppress' } as const;
    await expectStoredEqualsDirect(everything, {});
    await expectStoredEqualsDirect(payer, {});
    // As loads write them: an import that moves the as-of date, a refresh that rewrites outcomes, a program
    // changed, an episode gone. Each update gives the rows new revisions.
    for (const load of [
      'UPDATE episode_facts SET as_of = as_of + 45 WHERE episode_id % 7 = 0',
      `UPDATE episode_facts SET attended_hours_per_week = NULL, compliance_score = NULL, compliant = NULL,
         discharge_reason = 4, days_to_readmission = 12
       WHERE episode_id % 11 = 0 AND NOT active`,
      `UPDATE episode_facts SET program_id = (SELECT min(id) FROM programs), payer = 'medicaid',
         record_key = 16777215, attendance_numerator = attendance_numerator + 3, admit_date = admit_date - 40
       WHERE episode_id % 13 = 0`,
      'DELETE FROM episode_facts WHERE episode_id % 17 = 0',
    ]) {
      await network.rowsOf(load, []);
    }
    await expectStoredEqualsDirect(everything, {});
    await expectStoredEqualsDirect(payer, {});
    await expectStoredEqualsDirect(everything, { payer: ['medicaid'], ageBand: ['26-34', '35-44'] });
  });
});
