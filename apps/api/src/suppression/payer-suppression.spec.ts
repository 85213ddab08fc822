import {
  AGE_BANDS,
  APPOINTMENT_METRICS,
  type BreakdownResponse,
  type CostSummaryResponse,
  type DischargeReasonsResponse,
  EPISODE_METRICS,
  type EpisodeMetric,
  type FlowResponse,
  LEVELS_OF_CARE,
  SUBSTANCES,
  type SummaryResponse,
  type TrendResponse,
} from '@iop/contracts';
import fc from 'fast-check';
import { createTestUser, startFixtureApp, type TestApp } from '../testing/test-app';
import {
  countOf,
  denominatorOf,
  holdsSuppressed,
  numeratorOf,
  partitionLeak,
  visibleSmallCells,
} from './testing/disclosure-checks';
import { SMALL_CELLS_FIXTURE_SQL } from './testing/small-cells-fixture';

/** Everything a payer can read for one filter, as the payer receives it. */
interface PayerAnswers {
  summary: SummaryResponse;
  trend: TrendResponse;
  breakdowns: BreakdownResponse[];
  appointmentBreakdown: BreakdownResponse;
  flow: FlowResponse;
  reasons: DischargeReasonsResponse;
  costs: CostSummaryResponse;
  options: unknown;
}

interface Filter {
  query: string;
  trendMetric: EpisodeMetric;
  breakdownMetric: EpisodeMetric;
}

/**
 * Every partition the payer's answers show together with its total, and how each would disclose a withheld
 * cell (partitionLeak). Totals come from another answer for the same filter when the partition's own answer
 * does not show one (e.g. admissions per month add up to the summary's episodes).
 */
function partitionLeaks(a: PayerAnswers): string[] {
  const episodes = countOf(a.summary.episodes);
  const discharged = countOf(a.reasons.discharged);
  const leaks = [
    partitionLeak('active + discharged', [countOf(a.reasons.active), discharged], episodes),
    partitionLeak('active + discharged (summary)', [countOf(a.summary.activeEpisodes), discharged], episodes),
    partitionLeak(
      'discharge reasons',
      a.reasons.reasons.map((reason) => numeratorOf(reason.share)),
      discharged,
    ),
    partitionLeak(
      'admissions per month',
      a.flow.points.map((p) => countOf(p.admissions)),
      episodes,
    ),
    partitionLeak(
      'discharges per month',
      a.flow.points.map((p) => countOf(p.discharges)),
      discharged,
    ),
    partitionLeak(
      'trend n',
      a.trend.points.map((p) => countOf(p.n)),
      episodes,
    ),
    partitionLeak(
      'appointments by session type',
      a.appointmentBreakdown.groups.map((g) => countOf(g.n)),
      denominatorOf(a.summary.attendanceRate),
    ),
    partitionLeak(
      'attended by session type',
      a.appointmentBreakdown.groups.map((g) => (g.value && typeof g.value === 'object' ? numeratorOf(g.value) : null)),
      numeratorOf(a.summary.attendanceRate),
    ),
    partitionLeak(
      'discharged by level (costs)',
      a.costs.byLevelOfCare.map((block) => countOf(block.discharged)),
      countOf(a.costs.overall.discharged),
    ),
    partitionLeak(
      'completers by level (costs)',
      a.costs.byLevelOfCare.map((block) => numeratorOf(block.completion)),
      numeratorOf(a.costs.overall.completion),
    ),
    partitionLeak(
      'cost episodes',
      [countOf(a.costs.activeExcluded), countOf(a.costs.overall.discharged)],
      countOf(a.costs.episodes),
    ),
    ...a.breakdowns.map((breakdown) =>
      partitionLeak(
        `breakdown by ${breakdown.by}`,
        breakdown.groups.map((g) => countOf(g.n)),
        episodes,
      ),
    ),
  ];
  // A rate metric's numerators and denominators partition the summary's, for the summary's namesake rates.
  for (const series of [
    { label: `trend ${a.trend.metric}`, metric: a.trend.metric, values: a.trend.points.map((p) => p.value) },
    ...a.breakdowns.map((b) => ({
      label: `breakdown ${b.metric} by ${b.by}`,
      metric: b.metric,
      values: b.groups.map((g) => g.value),
    })),
  ]) {
    const overall = (a.summary as unknown as Record<string, unknown>)[series.metric];
    if (typeof overall !== 'object' || overall === null || !('suppressed' in overall || 'numerator' in overall))
      continue;
    const rates = series.values.map((value) => (value && typeof value === 'object' ? value : null));
    const rate = overall as Parameters<typeof numeratorOf>[0];
    leaks.push(
      partitionLeak(
        `${series.label} numerators`,
        rates.map((r) => (r ? numeratorOf(r) : null)),
        numeratorOf(rate),
      ),
      partitionLeak(
        `${series.label} denominators`,
        rates.map((r) => (r ? denominatorOf(r) : null)),
        denominatorOf(rate),
      ),
    );
  }
  return leaks.filter((leak): leak is string => leak !== null);
}

describe('small-cell suppression in every answer a payer receives (real PostgreSQL, many small groups)', () => {
  let api: TestApp;
  let token: string;

  beforeAll(async () => {
    api = await startFixtureApp(SMALL_CELLS_FIXTURE_SQL, [], { recordKeys: 'zero' });
    await createTestUser(api.databaseUrl, {
      email: 'payer@small.test',
      password: 'payer-password',
      role: 'payer',
      payer: 'commercial',
    });
    token = await api.signIn('payer@small.test', 'payer-password');
  });
  afterAll(() => api.close());

  const read = async <T>(path: string): Promise<T> => {
    const { status, body } = await api.request('GET', path, { headers: { authorization: `Bearer ${token}` } });
    if (status !== 200) throw new Error(`${path} answered ${status}: ${JSON.stringify(body)}`);
    return body as T;
  };
  const join = (path: string, query: string) => (query ? `${path}${path.includes('?') ? '&' : '?'}${query}` : path);

  async function answers({ query, trendMetric, breakdownMetric }: Filter): Promise<PayerAnswers> {
    const breakdown = (by: string, metric: EpisodeMetric) =>
      read<BreakdownResponse>(join(`/api/v1/metrics/breakdown?metric=${metric}&by=${by}`, query));
    const [summary, trend, flow, reasons, costs, options, appointmentBreakdown, ...breakdowns] = await Promise.all([
      read<SummaryResponse>(join('/api/v1/metrics/summary', query)),
      read<TrendResponse>(join(`/api/v1/metrics/trend?metric=${trendMetric}&interval=month`, query)),
      read<FlowResponse>(join('/api/v1/metrics/flow', query)),
      read<DischargeReasonsResponse>(join('/api/v1/metrics/discharge-reasons', query)),
      read<CostSummaryResponse>(join('/api/v1/costs/summary', query)),
      read<unknown>('/api/v1/filters/options'),
      breakdown('sessionType', 'attendanceRate'),
      ...['program', 'levelOfCare', 'substance', 'ageBand', 'payer', 'counselor'].map((by) =>
        breakdown(by, breakdownMetric),
      ),
    ]);
    return { summary, trend, flow, reasons, costs, options, appointmentBreakdown, breakdowns };
  }

  it('shows nothing of 1-10 on any payer endpoint, unfiltered, and does withhold cells there', async () => {
    const all = await answers({ query: '', trendMetric: 'completionRate', breakdownMetric: 'episodes' });
    expect(visibleSmallCells(all)).toEqual([]);
    expect(partitionLeaks(all)).toEqual([]);
    // The fixture has small cells in every answer but the filter choices (no counts) and the breakdowns by payer
    // (the payer's one group), substance (11 commercial episodes each; alcohol is all medicaid) and session type
    // (143 and 55 appointments).
    const withSmallCells: unknown[] = [all.summary, all.trend, all.flow, all.reasons, all.costs];
    for (const breakdown of all.breakdowns) {
      if (!['payer', 'substance'].includes(breakdown.by)) withSmallCells.push(breakdown);
    }
    expect(withSmallCells.filter((answer) => !holdsSuppressed(answer))).toEqual([]);
    // Commercial: i = 1..60 except the 12 multiples of 5 and 11, 22, 33, 44; 44 episodes is shown.
    expect(all.summary.episodes).toBe(44);
    expect(all.reasons.reasons.map((reason) => reason.share)).toContainEqual({
      suppressed: true,
      reason: 'fewer than 11 episodes',
    });
  });

  it('shows the same answers exactly to an admin (suppression is the payer scope only)', async () => {
    const { body } = await api.get('/api/v1/metrics/discharge-reasons?payer=commercial');
    expect(holdsSuppressed(body)).toBe(false);
    expect(visibleSmallCells(body)).not.toEqual([]);
  });

  const subset = <T>(values: readonly T[]) => fc.subarray([...values], { minLength: 0 });
  const isoDate = fc
    .integer({ min: 0, max: 600 })
    .map((days) => new Date(Date.UTC(2023, 11, 1) + days * 86_400_000).toISOString().slice(0, 10));
  const filters = fc
    .record({
      levelOfCare: subset(LEVELS_OF_CARE.filter((level) => ['1', '2.1', '2.5'].includes(level))),
      ageBand: subset(AGE_BANDS),
      substance: subset(SUBSTANCES),
      from: fc.option(isoDate, { nil: undefined }),
      to: fc.option(isoDate, { nil: undefined }),
      trendMetric: fc.constantFrom(...EPISODE_METRICS),
      breakdownMetric: fc.constantFrom(...EPISODE_METRICS),
    })
    .map(({ trendMetric, breakdownMetric, ...chosen }): Filter => {
      // to before from is a 400 (tested elsewhere): put the dates in order.
      if (chosen.from && chosen.to && chosen.to < chosen.from) [chosen.from, chosen.to] = [chosen.to, chosen.from];
      const params = new URLSearchParams();
      for (const [name, value] of Object.entries(chosen)) {
        for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) params.append(name, item);
      }
      return { query: params.toString(), trendMetric, breakdownMetric };
    });

  it('for random filters: no visible count or rate part of 1-10, and no partition with a derivable withheld cell', async () => {
    expect(APPOINTMENT_METRICS).toContain('attendanceRate');
    await fc.assert(
      fc.asyncProperty(filters, async (filter) => {
        const all = await answers(filter);
        expect([filter.query, visibleSmallCells(all)]).toEqual([filter.query, []]);
        expect([filter.query, partitionLeaks(all)]).toEqual([filter.query, []]);
      }),
      { numRuns: 40 },
    );
  });
});
