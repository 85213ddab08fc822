import type { CostSummaryResponse } from '@iop/contracts';
import { OUTCOMES_FIXTURE_SQL } from '../retention/testing/outcomes-fixture';
import { startFixtureApp, type TestApp } from '../testing/test-app';

/*
 * Worked out by hand from the fixture table (retention/testing/outcomes-fixture.ts); active episode 4 is left
 * out of every figure. Amounts in cents, rounded to the cent at the end (half up).
 *
 * Level 2.1, discharged 1-3: charges 100000 + 200050 + 300025 = 600075; LOS 10 + 20 + 30 = 60 days;
 *   completed {2}, abstinent {2} (3's final screen is positive), retained 90: none.
 *   per episode 600075 / 3 = 200025; per week 600075 / (60 / 7) = 70008.75 -> 70009; per completer and per
 *   abstinent 600075; per retained: no denominator.
 * Level 1, discharged 5-7: charges 10000 + 30010 + 50000 = 90010; LOS 45; completed none (6 is a transfer),
 *   abstinent {6, 7}. per episode 30003.33 -> 30003; per week 90010 x 7 / 45 = 14001.56 -> 14002; per abstinent 45005.
 * Level 2.5, discharged 8-9: charges 890000; LOS 124; completed {9}; retained 90 {8}; abstinent none.
 * All: charges 1580085, 8 discharged, LOS 229 days; completed 2, retained 1, abstinent 3.
 *   per episode 197510.625 -> 197511; per week 1580085 x 7 / 229 = 48299.54 -> 48300; per completer 790042.5 ->
 *   790043; per retained 1580085; per abstinent 526695.
 * ICER 2.1 vs 1 per completer: (200025 - 30003.33) / (1/3 - 0) = 510065 -> $5,100.65 (trade-off).
 *   per abstinent: 2.1 costs more (+170021.67) and achieves less (1/3 vs 2/3): dominated.
 * Per-day rates over the discharged IOP episodes' mean LOS of 20 days: residential 45000 x 20 = 900000
 *   ($9,000.00), savings 900000 - 200025 = 699975; inpatient 125000 x 20 = 2500000, savings 2299975.
 */
describe('GET /api/v1/costs/summary on a hand-built fixture', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startFixtureApp(OUTCOMES_FIXTURE_SQL);
  });
  afterAll(() => api.close());

  const charges = (dollars: number | null) => ({
    dollars,
    dollarYear: 2025,
    source: 'Charges of the discharged episodes (episode facts), at face value',
  });
  const rate = (key: string, dollars: number) => ({ dollars, dollarYear: 2025, source: `settings ${key}: Fixture` });

  it('cost per episode, week, completer, 90-day retained and abstinent patient, to the cent', async () => {
    const { status, body } = await api.get('/api/v1/costs/summary');
    expect(status).toBe(200);
    const summary = body as CostSummaryResponse;
    expect(summary).toMatchObject({ asOf: '2025-06-30', dollarYear: 2025, episodes: 9, activeExcluded: 1 });
    expect(summary.overall).toMatchObject({
      levelOfCare: 'all',
      discharged: 8,
      totalCharges: charges(15800.85),
      costPerEpisode: charges(1975.11),
      costPerWeek: charges(483),
      costPerCompleter: charges(7900.43),
      costPerRetained90: charges(15800.85),
      costPerAbstinent: charges(5266.95),
      completion: { numerator: 2, denominator: 8 },
      retained90: { numerator: 1, denominator: 8 },
      abstinent: { numerator: 3, denominator: 8 },
    });
    expect(summary.overall.weeksInTreatment).toBeCloseTo(229 / 7, 12);
    expect(summary.byLevelOfCare.map((b: { levelOfCare: string }) => b.levelOfCare)).toEqual(['1', '2.1', '2.5']);
    expect(summary.byLevelOfCare[0]).toMatchObject({
      discharged: 3,
      costPerEpisode: charges(300.03),
      costPerWeek: charges(140.02),
      costPerCompleter: charges(null),
      costPerAbstinent: charges(450.05),
    });
    expect(summary.byLevelOfCare[1]).toMatchObject({
      discharged: 3,
      totalCharges: charges(6000.75),
      costPerEpisode: charges(2000.25),
      costPerWeek: charges(700.09),
      costPerCompleter: charges(6000.75),
      costPerRetained90: charges(null),
      costPerAbstinent: charges(6000.75),
    });
  });

  it('ICER of IOP (2.1) against standard outpatient (1): a trade-off per completer, dominated per abstinent', async () => {
    const { body } = await api.get('/api/v1/costs/summary');
    const { icer } = body as { icer: Record<string, Record<string, unknown>> };
    expect(icer['perAdditionalCompleter']).toMatchObject({
      effect: 'completer',
      costA: charges(2000.25),
      costB: charges(300.03),
      effectB: 0,
      incrementalCost: charges(1700.22),
      icer: charges(5100.65),
      status: 'tradeoff',
    });
    expect(icer['perAdditionalCompleter']['effectA']).toBeCloseTo(1 / 3, 12);
    expect(icer['perAdditionalAbstinent']).toMatchObject({ status: 'dominated', icer: charges(null) });
    expect(icer['perAdditionalAbstinent']['incrementalEffect']).toBeCloseTo(-1 / 3, 12);
  });

  it('comparison rates from settings, and IOP episodes priced at the per-day rates over the same days', async () => {
    const { body } = await api.get('/api/v1/costs/summary');
    const summary = body as Record<string, unknown>;
    expect(summary.comparisonRates).toEqual([
      {
        key: 'cost_rate.inpatient_per_day',
        levelOfCare: '4',
        per: 'day',
        amount: rate('cost_rate.inpatient_per_day', 1250),
      },
      {
        key: 'cost_rate.residential_per_day',
        levelOfCare: '3.5',
        per: 'day',
        amount: rate('cost_rate.residential_per_day', 450),
      },
      {
        key: 'cost_rate.standard_outpatient_per_visit',
        levelOfCare: '1',
        per: 'visit',
        amount: rate('cost_rate.standard_outpatient_per_visit', 95),
      },
    ]);
    const residential = 'cost_rate.residential_per_day';
    expect((summary.perDayComparisons as unknown[])[1]).toEqual({
      key: residential,
      levelOfCare: '3.5',
      ratePerDay: rate(residential, 450),
      iopCostPerEpisode: charges(2000.25),
      comparatorCostPerEpisode: rate(residential, 9000),
      iopCostPerWeek: charges(700.09),
      comparatorCostPerWeek: rate(residential, 3150),
      savingsPerEpisode: {
        ...rate(residential, 6999.75),
        source: `settings ${residential}: Fixture; minus Charges of the discharged episodes (episode facts), at face value`,
      },
    });
    expect(
      (summary.perDayComparisons as Array<Record<string, { dollars: number }>>)[0]['savingsPerEpisode'].dollars,
    ).toBe(22999.75);
  });

  it('filters select the episodes; an ICER arm with no episode is not estimable', async () => {
    const { body } = await api.get('/api/v1/costs/summary?levelOfCare=2.1');
    const summary = body as CostSummaryResponse;
    expect(summary.episodes).toBe(4);
    expect(summary.overall.costPerEpisode).toMatchObject({ dollars: 2000.25 });
    expect(summary.icer.perAdditionalCompleter).toMatchObject({ status: 'not_estimable' });
  });

  it.each([
    ['programId=abc', 'programId must be a positive integer'],
    ['groupBy=mat', 'property groupBy should not exist'],
  ])('?%s is a 400 that names the parameter', async (query, message) => {
    const { status, body } = await api.get(`/api/v1/costs/summary?${query}`);
    expect(status).toBe(400);
    expect((body as { message: string[] }).message).toContain(message);
  });
});
