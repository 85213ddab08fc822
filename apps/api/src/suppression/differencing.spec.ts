import {
  AGE_BANDS,
  type BreakdownResponse,
  type CostSummaryResponse,
  type DischargeReasonsResponse,
  isSuppressed,
  LEVELS_OF_CARE,
  type QualityMeasuresResponse,
  type RateOrSuppressed,
  SUBSTANCES,
  type SummaryResponse,
} from '@iop/contracts';
import fc from 'fast-check';
import { createTestUser, startFixtureApp, type TestApp } from '../testing/test-app';
import { MAX_ADJUSTMENT, perturbationRow } from './cell-key';
import { DIFFERENCING_FIXTURE_SQL } from './testing/differencing-fixture';

/** The counts of a summary an attacker can subtract; null where withheld. */
interface SummaryCounts {
  episodes: number | null;
  active: number | null;
  discharged: number | null;
  completed: number | null;
  droppedOut: number | null;
}

const count = (value: unknown): number | null => (typeof value === 'number' ? value : null);
const numerator = (rate: RateOrSuppressed) => (isSuppressed(rate) ? null : rate.numerator);
const denominator = (rate: RateOrSuppressed) => (isSuppressed(rate) ? null : rate.denominator);
const countsOf = (summary: SummaryResponse): SummaryCounts => ({
  episodes: count(summary.episodes),
  active: count(summary.activeEpisodes),
  discharged: denominator(summary.completionRate),
  completed: numerator(summary.completionRate),
  droppedOut: numerator(summary.dropoutRate),
});
const COUNT_NAMES = ['episodes', 'active', 'discharged', 'completed', 'droppedOut'] as const;

/** Probability that two cells of true counts a and b get the same adjustment (their difference is then exact). */
const sameAdjustment = (a: number, b: number) =>
  [...perturbationRow(a)].reduce((sum, [adjustment, p]) => sum + p * (perturbationRow(b).get(adjustment) ?? 0), 0);

describe('differencing attacks on a payer’s answers (cell-key perturbation, real PostgreSQL)', () => {
  let api: TestApp;
  let payerToken: string;

  beforeAll(async () => {
    api = await startFixtureApp(DIFFERENCING_FIXTURE_SQL);
    await createTestUser(api.databaseUrl, {
      email: 'payer@differencing.test',
      password: 'payer-password',
      role: 'payer',
      payer: 'commercial',
    });
    payerToken = await api.signIn('payer@differencing.test', 'payer-password');
  });
  afterAll(() => api.close());

  const asPayer = async <T>(path: string): Promise<T> => {
    const { status, body } = await api.request('GET', path, { headers: { authorization: `Bearer ${payerToken}` } });
    if (status !== 200) throw new Error(`${path} answered ${status}: ${JSON.stringify(body)}`);
    return body as T;
  };
  /** The exact answer for the payer's episodes: the admin's, filtered to the payer's payer. */
  const exactly = async <T>(path: string): Promise<T> => {
    const { status, body } = await api.get(`${path}${path.includes('?') ? '&' : '?'}payer=commercial`);
    if (status !== 200) throw new Error(`${path} answered ${status}: ${JSON.stringify(body)}`);
    return body as T;
  };

  it('subtracting every other age band from a program no longer gives its withheld 13-17 group', async () => {
    const others = AGE_BANDS.filter((band) => band !== '13-17')
      .map((band) => `ageBand=${encodeURIComponent(band)}`)
      .join('&');
    const truth = countsOf(await exactly<SummaryResponse>('/api/v1/metrics/summary?programId=4&ageBand=13-17'));
    const alone = await asPayer<SummaryResponse>('/api/v1/metrics/summary?programId=4&ageBand=13-17');
    const whole = countsOf(await asPayer<SummaryResponse>('/api/v1/metrics/summary?programId=4'));
    const rest = countsOf(await asPayer<SummaryResponse>(`/api/v1/metrics/summary?programId=4&${others}`));
    // The attack of the finding: the group is 1-10 episodes, withheld when asked for, and every count of the
    // program and of the rest is shown.
    expect(truth.episodes).toBeGreaterThanOrEqual(1);
    expect(truth.episodes).toBeLessThanOrEqual(10);
    expect(alone.episodes).toEqual({ suppressed: true, reason: 'fewer than 11 episodes' });
    // What the attacker can subtract: the counts shown for both the program and the rest.
    const attacked = COUNT_NAMES.filter((name) => whole[name] !== null && rest[name] !== null);
    expect(attacked).toContain('episodes');
    const differences = attacked.map((name) => (whole[name] as number) - (rest[name] as number));
    // Before perturbation the differences were the group's counts exactly; now they are not, and they are off by
    // no more than two adjustments.
    expect(differences).not.toEqual(attacked.map((name) => truth[name]));
    attacked.forEach((name, i) => {
      expect(Math.abs(differences[i] - (truth[name] as number))).toBeLessThanOrEqual(2 * MAX_ADJUSTMENT);
    });
  });

  it('answers windows a day apart alike: a payer’s dates select whole months', async () => {
    // One commercial episode is admitted on 2025-03-04 (the fixture's i = 386).
    const exactFrom4 = await exactly<SummaryResponse>('/api/v1/metrics/summary?from=2025-03-04');
    const exactFrom5 = await exactly<SummaryResponse>('/api/v1/metrics/summary?from=2025-03-05');
    expect((exactFrom4.episodes as number) - (exactFrom5.episodes as number)).toBe(1);
    for (const path of ['/api/v1/metrics/summary', '/api/v1/costs/summary', '/api/v1/metrics/discharge-reasons']) {
      const from4 = await asPayer<unknown>(`${path}?from=2025-03-04&to=2025-09-17`);
      expect([path, await asPayer<unknown>(`${path}?from=2025-03-05&to=2025-09-16`)]).toEqual([path, from4]);
      expect([path, await asPayer<unknown>(`${path}?from=2025-03-01&to=2025-09-30`)]).toEqual([path, from4]);
    }
  });

  it('gives the same cell the same count in every answer and on every asking', async () => {
    const summary = await asPayer<SummaryResponse>('/api/v1/metrics/summary?ageBand=45-54');
    const again = await asPayer<SummaryResponse>('/api/v1/metrics/summary?ageBand=45-54');
    const breakdown = await asPayer<BreakdownResponse>('/api/v1/metrics/breakdown?metric=completionRate&by=ageBand');
    const costs = await asPayer<CostSummaryResponse>('/api/v1/costs/summary?ageBand=45-54');
    const reasons = await asPayer<DischargeReasonsResponse>('/api/v1/metrics/discharge-reasons?ageBand=45-54');
    const exact = await exactly<SummaryResponse>('/api/v1/metrics/summary?ageBand=45-54');
    expect(again).toEqual(summary);
    const group = breakdown.groups.find((candidate) => candidate.key === '45-54');
    const episodes = summary.episodes as number;
    const discharged = denominator(summary.completionRate);
    expect([group?.n, costs.episodes]).toEqual([episodes, episodes]);
    expect([denominator(group?.value as RateOrSuppressed), costs.overall.discharged, reasons.discharged]).toEqual([
      discharged,
      discharged,
      discharged,
    ]);
    expect(reasons.active).toBe(summary.activeEpisodes);
    // Perturbed, and by no more than the table allows.
    expect([summary.episodes, discharged]).not.toEqual([exact.episodes, denominator(exact.completionRate)]);
    expect(Math.abs(episodes - (exact.episodes as number))).toBeLessThanOrEqual(MAX_ADJUSTMENT);
  });

  it('perturbs the quality measures’ counts too, within the table’s bound', async () => {
    const payer = await asPayer<QualityMeasuresResponse>('/api/v1/quality/measures');
    const exact = await exactly<QualityMeasuresResponse>('/api/v1/quality/measures');
    const parts = (response: QualityMeasuresResponse) =>
      response.measures.flatMap((measure) => [numerator(measure.rate), denominator(measure.rate)]);
    const shown = parts(payer);
    const truth = parts(exact);
    const compared = shown.flatMap((value, i) => (value === null ? [] : [[value, truth[i] as number]]));
    expect(compared.length).toBeGreaterThan(0);
    expect(compared.some(([value, exactValue]) => value !== exactValue)).toBe(true);
    for (const [value, exactValue] of compared)
      expect(Math.abs(value - exactValue)).toBeLessThanOrEqual(MAX_ADJUSTMENT);
  });

  it('for random pairs of filters whose difference is 1-10 episodes: the subtraction is exact no more often than the table allows', async () => {
    const months = [...Array(24).keys()].map(
      (m) => `${2024 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`,
    );
    const lastDay = (month: string) =>
      new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5)), 0)).toISOString().slice(0, 10);
    const dimensions = {
      programId: ['1', '2', '3', '4'],
      levelOfCare: LEVELS_OF_CARE.filter((level) => ['1', '2.1', '2.5'].includes(level)) as string[],
      ageBand: [...AGE_BANDS] as string[],
      substance: [...SUBSTANCES].filter((substance) =>
        ['alcohol', 'opioids', 'stimulants', 'cannabis', 'other'].includes(substance),
      ) as string[],
    };
    type Dimension = keyof typeof dimensions;
    interface Filter {
      chosen: Partial<Record<Dimension, string[]>>;
      from: number;
      to: number;
    }
    const query = ({ chosen, from, to }: Filter) => {
      const params = new URLSearchParams({ from: `${months[from]}-01`, to: lastDay(months[to]) });
      for (const [name, values] of Object.entries(chosen)) for (const value of values ?? []) params.append(name, value);
      return params.toString();
    };
    const pairs = fc
      .record({
        chosen: fc.record(
          Object.fromEntries(
            Object.entries(dimensions).map(([name, values]) => [
              name,
              fc.option(fc.subarray(values, { minLength: 2 }), { nil: undefined }),
            ]),
          ) as { [D in Dimension]: fc.Arbitrary<string[] | undefined> },
          { requiredKeys: [] },
        ),
        from: fc.integer({ min: 0, max: 11 }),
        length: fc.integer({ min: 6, max: 12 }),
        narrow: fc.constantFrom<Dimension | 'first month' | 'last month'>(
          'programId',
          'levelOfCare',
          'ageBand',
          'substance',
          'first month',
          'last month',
        ),
        drop: fc.nat(),
      })
      .map(({ chosen, from, length, narrow, drop }): [Filter, Filter] => {
        const wider: Filter = { chosen, from, to: Math.min(23, from + length) };
        if (narrow === 'first month') return [wider, { ...wider, from: wider.from + 1 }];
        if (narrow === 'last month') return [wider, { ...wider, to: wider.to - 1 }];
        const values = chosen[narrow] ?? dimensions[narrow];
        const kept = values.filter((_, i) => i !== drop % values.length);
        return [wider, { ...wider, chosen: { ...chosen, [narrow]: kept } }];
      });

    let comparisons = 0;
    let exactDifferences = 0;
    let expectedExact = 0;
    let variance = 0;
    for (const [wider, narrower] of fc.sample(pairs, { numRuns: 220, seed: 20261207 })) {
      const [exactWide, exactNarrow, shownWide, shownNarrow] = await Promise.all([
        exactly<SummaryResponse>(`/api/v1/metrics/summary?${query(wider)}`).then(countsOf),
        exactly<SummaryResponse>(`/api/v1/metrics/summary?${query(narrower)}`).then(countsOf),
        asPayer<SummaryResponse>(`/api/v1/metrics/summary?${query(wider)}`).then(countsOf),
        asPayer<SummaryResponse>(`/api/v1/metrics/summary?${query(narrower)}`).then(countsOf),
      ]);
      for (const name of COUNT_NAMES) {
        const [a, b, shownA, shownB] = [exactWide[name], exactNarrow[name], shownWide[name], shownNarrow[name]];
        if (a === null || b === null) throw new Error('the admin sees every count');
        for (const [shown, exact] of [
          [shownA, a],
          [shownB, b],
        ] as const) {
          if (shown === null) continue;
          expect([query(wider), name, Math.abs(shown - exact) <= MAX_ADJUSTMENT]).toEqual([query(wider), name, true]);
        }
        const difference = a - b;
        if (difference < 1 || difference > 10 || shownA === null || shownB === null) continue;
        comparisons += 1;
        if (shownA - shownB === difference) exactDifferences += 1;
        const p = sameAdjustment(a, b);
        expectedExact += p;
        variance += p * (1 - p);
      }
    }
    // Enough attacks to judge (before perturbation every one of them was exact), and exact differences no more
    // often than two independent adjustments coincide, within three standard deviations.
    expect(comparisons).toBeGreaterThanOrEqual(150);
    expect(exactDifferences).toBeLessThanOrEqual(expectedExact + 3 * Math.sqrt(variance));
    expect(exactDifferences / comparisons).toBeLessThan(0.35);
  });
});
