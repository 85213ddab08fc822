import { type ComparatorSettingsResponse, type CostSummaryResponse, DEFAULT_COMPARATOR_SETTINGS } from '@iop/contracts';
import { OUTCOMES_FIXTURE_SQL } from '../retention/testing/outcomes-fixture';
import { createTestUser, startFixtureApp, type TestApp } from '../testing/test-app';

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
 * Comparators (the fixture has no comparator setting, so the published defaults apply; never the IOP's own days):
 *   inpatient 125000 a day x 11 days = 1375000 ($13,750.00), savings 1375000 - 200025 = 1174975 ($11,749.75);
 *   range 11-29 days: at 29, 3625000 ($36,250.00), savings 3424975; IOP cheaper at both ends. Break-even
 *   200025 / 125000 = 1.6002 days. Per completer 1375000 / 0.6927 = 1984986.29 -> $19,849.86 against IOP's
 *   $6,000.75; per abstinent 1375000 / 0.4852 = 2833882.93 -> $28,338.83.
 *   residential 45000 x 20 = 900000 ($9,000.00), savings 699975; at 26 days 1170000, savings 969975.
 * An admin's residential setting of 4 days (range 3-6), completion 0.5, abstinence 0.25: 45000 x 4 = 180000,
 *   savings 180000 - 200025 = -20025 (-$200.25); at 3 days 135000, savings -65025; at 6 days 270000, savings
 *   69975: the conclusion turns within the range. Break-even 200025 / 45000 = 4.445 days. Per completer
 *   180000 / 0.5 = 360000 ($3,600.00), per abstinent 180000 / 0.25 = 720000 ($7,200.00).
 */
describe('GET /api/v1/costs/summary on a hand-built fixture', () => {
  let api: TestApp;
  let adminToken: string;
  let directorToken: string;

  beforeAll(async () => {
    api = await startFixtureApp(OUTCOMES_FIXTURE_SQL);
    const admin = { email: 'costs-admin@test.local', password: 'costs admin password', role: 'admin' as const };
    const director = {
      email: 'costs-director@test.local',
      password: 'costs director password',
      role: 'director' as const,
    };
    await createTestUser(api.databaseUrl, admin);
    await createTestUser(api.databaseUrl, director);
    adminToken = await api.signIn(admin.email, admin.password);
    directorToken = await api.signIn(director.email, director.password);
  });
  afterAll(() => api.close());

  const CHARGES = 'Charges of the discharged episodes (episode facts), at face value';
  const charges = (dollars: number | null) => ({ dollars, dollarYear: 2025, source: CHARGES });
  const put = (token: string, kind: string, body: unknown) =>
    api.request('PUT', `/api/v1/costs/comparators/${kind}`, { headers: { authorization: `Bearer ${token}` }, body });
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

  it('comparison rates from settings, and comparators priced at their own typical length of stay', async () => {
    const { body } = await api.get('/api/v1/costs/summary');
    const summary = body as CostSummaryResponse;
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
    const inpatientKey = 'cost_rate.inpatient_per_day';
    const los = DEFAULT_COMPARATOR_SETTINGS.inpatient.lengthOfStay;
    const comparatorSource = `settings ${inpatientKey}: Fixture; x length of stay, settings comparator.inpatient: ${los.source}`;
    const comparator = (dollars: number) => ({ dollars, dollarYear: 2025, source: comparatorSource });
    const savings = (dollars: number) => ({ ...comparator(dollars), source: `${comparatorSource}; minus ${CHARGES}` });
    expect(summary.perDayComparisons.map((c) => c.comparator)).toEqual(['inpatient', 'residential']);
    const [inpatient, residential] = summary.perDayComparisons;
    expect(inpatient).toMatchObject({
      key: inpatientKey,
      levelOfCare: '4',
      ratePerDay: rate(inpatientKey, 1250),
      lengthOfStay: { typicalDays: 11, lowDays: 11, highDays: 29, source: los.source },
      iopCostPerEpisode: charges(2000.25),
      comparatorCostPerEpisode: comparator(13750),
      iopCostPerWeek: charges(700.09),
      comparatorCostPerWeek: rate(inpatientKey, 8750),
      savingsPerEpisode: savings(11749.75),
      sensitivity: {
        low: { days: 11, comparatorCostPerEpisode: comparator(13750), savingsPerEpisode: savings(11749.75) },
        high: { days: 29, comparatorCostPerEpisode: comparator(36250), savingsPerEpisode: savings(34249.75) },
        conclusion: 'iop_cheaper',
      },
      perCompleter: {
        iop: charges(6000.75),
        comparator: { dollars: 19849.86, dollarYear: 2025 },
        comparatorRate: DEFAULT_COMPARATOR_SETTINGS.inpatient.completionRate,
      },
      perAbstinent: {
        iop: charges(6000.75),
        comparator: { dollars: 28338.83 },
        comparatorRate: DEFAULT_COMPARATOR_SETTINGS.inpatient.abstinenceRate,
      },
    });
    expect(inpatient.sensitivity.breakEvenDays).toBeCloseTo(1.6002, 12);
    expect(inpatient.perCompleter.comparator.source).toBe(
      `${comparatorSource}; / completion rate, settings comparator.inpatient: ${DEFAULT_COMPARATOR_SETTINGS.inpatient.completionRate.source}`,
    );
    expect(residential).toMatchObject({
      comparatorCostPerEpisode: { dollars: 9000 },
      savingsPerEpisode: { dollars: 6999.75 },
      sensitivity: { high: { days: 26, savingsPerEpisode: { dollars: 9699.75 } }, conclusion: 'iop_cheaper' },
    });
  });

  it('an admin sets a comparator; the costs use it and the conclusion can turn within the range', async () => {
    const setting = {
      lengthOfStay: { typicalDays: 4, lowDays: 3, highDays: 6, source: 'Contract 2025' },
      completionRate: { value: 0.5, source: 'Provider report' },
      abstinenceRate: { value: 0.25, source: 'Provider report' },
    };
    expect((await put(directorToken, 'residential', setting)).status).toBe(403);
    const saved = await put(adminToken, 'residential', setting);
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({
      kind: 'residential',
      key: 'comparator.residential',
      rateKey: 'cost_rate.residential_per_day',
      isDefault: false,
      ...setting,
    });
    const listed = (await api.get('/api/v1/costs/comparators')).body as ComparatorSettingsResponse;
    expect(listed.comparators.map((c) => [c.kind, c.isDefault])).toEqual([
      ['residential', false],
      ['inpatient', true],
    ]);

    const summary = (await api.get('/api/v1/costs/summary')).body as CostSummaryResponse;
    const residential = summary.perDayComparisons[1];
    expect(residential).toMatchObject({
      comparator: 'residential',
      lengthOfStay: setting.lengthOfStay,
      comparatorCostPerEpisode: { dollars: 1800 },
      savingsPerEpisode: { dollars: -200.25 },
      sensitivity: {
        low: { days: 3, comparatorCostPerEpisode: { dollars: 1350 }, savingsPerEpisode: { dollars: -650.25 } },
        high: { days: 6, comparatorCostPerEpisode: { dollars: 2700 }, savingsPerEpisode: { dollars: 699.75 } },
        conclusion: 'depends_on_length_of_stay',
      },
      perCompleter: {
        iop: { dollars: 6000.75 },
        comparator: { dollars: 3600 },
        comparatorRate: setting.completionRate,
      },
      perAbstinent: { comparator: { dollars: 7200 }, comparatorRate: setting.abstinenceRate },
    });
    expect(residential.sensitivity.breakEvenDays).toBeCloseTo(4.445, 12);
    expect(residential.comparatorCostPerEpisode.source).toContain('settings comparator.residential: Contract 2025');
  });

  it.each([
    [
      'a low above the high',
      { lengthOfStay: { typicalDays: 20, lowDays: 30, highDays: 26, source: 'x' } },
      'lengthOfStay must have lowDays <= typicalDays <= highDays (got 30, 20, 26)',
    ],
    [
      'a length of stay of 0',
      { lengthOfStay: { typicalDays: 0, lowDays: 0, highDays: 26, source: 'x' } },
      'lengthOfStay.typicalDays must be a positive number of days',
    ],
    [
      'a rate above 1',
      { completionRate: { value: 1.5, source: 'x' } },
      'completionRate.value must be a share between 0 and 1',
    ],
    [
      'an empty source',
      { abstinenceRate: { value: 0.4, source: '' } },
      'abstinenceRate.source must name where the figure comes from (1-1000 characters)',
    ],
  ])('a comparator setting with %s is a 400 that says what is wrong', async (_, change, message) => {
    const body = { ...DEFAULT_COMPARATOR_SETTINGS.inpatient, ...change };
    const { status, body: answer } = await put(adminToken, 'inpatient', body);
    expect(status).toBe(400);
    expect((answer as { message: string[] }).message).toContain(message);
    const listed = (await api.get('/api/v1/costs/comparators')).body as ComparatorSettingsResponse;
    expect(listed.comparators[1]).toMatchObject({ kind: 'inpatient', isDefault: true });
  });

  // Found by the OpenAPI fuzzer: a body missing a whole block answered 500 (the service read an undefined object).
  it('a comparator setting missing a block is a 400 naming each missing block', async () => {
    const { status, body } = await put(adminToken, 'residential', {});
    expect(status).toBe(400);
    expect((body as { message: string[] }).message).toEqual(
      expect.arrayContaining(['lengthOfStay is required', 'completionRate is required', 'abstinenceRate is required']),
    );
    const { lengthOfStay: _missing, ...withoutStay } = DEFAULT_COMPARATOR_SETTINGS.inpatient;
    const partial = await put(adminToken, 'inpatient', withoutStay);
    expect([partial.status, (partial.body as { message: string[] }).message]).toEqual([
      400,
      ['lengthOfStay is required'],
    ]);
  });

  // Found by the OpenAPI fuzzer: concurrent saves of one comparator collided on the settings key (a 500).
  it('saves of the same comparator at once all succeed, and one of them is kept', async () => {
    const bodies = [4, 5, 6, 7, 8].map((typicalDays) => ({
      ...DEFAULT_COMPARATOR_SETTINGS.inpatient,
      lengthOfStay: { typicalDays, lowDays: 3, highDays: 9, source: `Race ${typicalDays}` },
    }));
    const answers = await Promise.all(bodies.map((body) => put(adminToken, 'inpatient', body)));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200]);
    const listed = (await api.get('/api/v1/costs/comparators')).body as ComparatorSettingsResponse;
    const kept = listed.comparators.find((comparator) => comparator.kind === 'inpatient');
    expect([4, 5, 6, 7, 8]).toContain(kept?.lengthOfStay.typicalDays);
    await put(adminToken, 'inpatient', DEFAULT_COMPARATOR_SETTINGS.inpatient);
  });

  it('an unknown comparator is a 400 that names the choices', async () => {
    const { status, body } = await put(adminToken, 'detox', DEFAULT_COMPARATOR_SETTINGS.inpatient);
    expect(status).toBe(400);
    expect((body as { message: string }).message).toBe('kind must be one of residential, inpatient');
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
