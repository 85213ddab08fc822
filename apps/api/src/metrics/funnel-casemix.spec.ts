import type { FunnelResponse } from '@iop/contracts';
import { funnelLimits } from '@iop/stats';
import { createTestUser, startFixtureApp, type TestApp } from '../testing/test-app';
import { FUNNEL_CASEMIX_FIXTURE_SQL } from './testing/funnel-casemix-fixture';

/*
 * The fixture (testing/funnel-casemix-fixture.ts) plants completion rates whose log-odds are additive in severity
 * and payer, so the logistic model's fitted probabilities are the cells' observed rates, exactly (they solve the
 * score equations X'(y - p) = 0, and the log-likelihood is strictly concave):
 *   severity 1 commercial 0.75, severity 3 commercial 0.5, severity 1 medicaid 0.5, severity 3 medicaid 0.25.
 * E of a unit = sum over its episodes of their cell's rate; network p0 = 68/124 = 17/31.
 *   program 1: 20 x 0.75 + 20 x 0.5 = 25, O = 26, O/E = 1.04; program 2: E = 25, O = 24, O/E = 0.96;
 *   program 3: 20 x 0.5 + 20 x 0.25 = 15, O = 15, O/E = 1; program 4: 4 x 0.75 = 3, O = 3, O/E = 1.
 * E adds up to the network's 68 observed: the intercept's score equation.
 */
const P0 = 68 / 124;

describe('GET /api/v1/metrics/funnel?adjust=casemix: indirect standardisation on a fixture fitted exactly', () => {
  let api: TestApp;
  let payerToken: string;

  beforeAll(async () => {
    // Zero record keys: nothing is perturbed, so a payer's shown values can be checked by arithmetic.
    api = await startFixtureApp(FUNNEL_CASEMIX_FIXTURE_SQL, [], { recordKeys: 'zero' });
    await createTestUser(api.databaseUrl, {
      email: 'payer@casemix.test',
      password: 'payer-password',
      role: 'payer',
      payer: 'commercial',
    });
    payerToken = await api.signIn('payer@casemix.test', 'payer-password');
  });
  afterAll(() => api.close());

  const funnel = async (path: string, token?: string) => {
    const response = token
      ? await api.request('GET', path, { headers: { authorization: `Bearer ${token}` } })
      : await api.get(path);
    expect(response.status).toBe(200);
    return response.body as FunnelResponse;
  };

  it("states the model and places each program's standardised rate p0 x O/E against the crude limits", async () => {
    const answer = await funnel('/api/v1/metrics/funnel?metric=completionRate&by=program&adjust=casemix');
    expect(answer.caseMix).toEqual({
      method: 'indirect-standardisation',
      status: 'adjusted',
      reason: null,
      model: expect.stringContaining('logistic regression') as string,
      covariates: ['age band', 'sex', 'primary substance', 'severity', 'prior episodes', 'payer'],
      excludedCovariates: [],
      episodes: 124,
      converged: true,
      plotted: 'standardised-rate-against-denominator',
    });
    const expected = [25, 25, 15, 3];
    const ratios = [1.04, 0.96, 1, 1];
    answer.units.forEach((unit, index) => {
      expect(unit.adjusted?.expected).toBeCloseTo(expected[index], 9);
      expect(unit.adjusted?.observedOverExpected).toBeCloseTo(ratios[index], 9);
      expect(unit.adjusted?.rate).toBeCloseTo(ratios[index] * P0, 9);
    });
    // Program 3 takes the harder cases: crude 15/40 = 0.375 is below the 95% limit around 17/31 at n = 40
    // ([0.3801, 0.6900]), adjusted it sits on the network's rate.
    const limits40 = funnelLimits(P0, 40);
    expect(limits40.lower95).toBeCloseTo(0.3801, 4);
    expect(limits40.upper95).toBeCloseTo(0.69, 4);
    expect(answer.units.map((u) => [u.key, u.rate, u.at95, u.adjusted?.at95, u.adjusted?.at998])).toEqual([
      ['1', 0.65, 'within', 'within', 'within'],
      ['2', 0.6, 'within', 'within', 'within'],
      ['3', 0.375, 'below', 'within', 'within'],
      ['4', 0.75, 'within', 'within', 'within'],
    ]);
    expect(answer.units[2].limits).toEqual(limits40);
    const totalExpected = answer.units.reduce((sum, unit) => sum + (unit.adjusted?.expected ?? 0), 0);
    expect(totalExpected).toBeCloseTo(68, 9);
  });

  it('leaves the payer out of the model when the units are payers, and says why', async () => {
    const answer = await funnel('/api/v1/metrics/funnel?metric=completionRate&by=payer&adjust=casemix');
    expect(answer.caseMix?.covariates).toEqual(['age band', 'sex', 'primary substance', 'severity', 'prior episodes']);
    expect(answer.caseMix?.excludedCovariates).toEqual([
      { covariate: 'payer', reason: expect.stringContaining('the units are payers') as string },
    ]);
    // Severity alone: severity 1 completes 43/64 (33/44 commercial + 10/20 medicaid), severity 3 25/60.
    // Commercial: 44 x 43/64 + 40 x 25/60 = 46.2292, O = 53; medicaid: 20 x 43/64 + 20 x 25/60 = 21.7708, O = 15.
    // With the payer in the model both would be at O/E = 1: the difference compared would be adjusted away.
    const commercialE = (44 * 43) / 64 + (40 * 25) / 60;
    const medicaidE = (20 * 43) / 64 + (20 * 25) / 60;
    expect(answer.units.map((u) => u.key)).toEqual(['commercial', 'medicaid']);
    expect(answer.units[0].adjusted?.expected).toBeCloseTo(commercialE, 9);
    expect(answer.units[0].adjusted?.observedOverExpected).toBeCloseTo(53 / commercialE, 9);
    expect(answer.units[1].adjusted?.expected).toBeCloseTo(medicaidE, 9);
    expect(answer.units[1].adjusted?.rate).toBeCloseTo((15 / medicaidE) * P0, 9);
    expect(commercialE).toBeCloseTo(46.2292, 4);
    expect(medicaidE).toBeCloseTo(21.7708, 4);
  });

  it('gives a payer adjusted figures only for the units it is shown, from the counts it is shown', async () => {
    const path = '/api/v1/metrics/funnel?metric=completionRate&by=program&adjust=casemix';
    const answer = await funnel(path, payerToken);
    const crude = await funnel('/api/v1/metrics/funnel?metric=completionRate&by=program', payerToken);
    // The adjusted answer withholds exactly what the crude one (the breakdown's suppression) withholds.
    expect(answer.withheld).toEqual(crude.withheld);
    expect(answer.units.map((u) => u.key)).toEqual(crude.units.map((u) => u.key));
    // Program 4's 3/4 is small; program 1 (14 non-completers against program 2's 16) is withheld with it, so
    // neither can be derived from the network's 53/84 minus program 2's 24/40.
    expect(answer.withheld.map((u) => u.key)).toEqual(['1', '4']);
    expect(answer.units.map((u) => u.key)).toEqual(['2']);
    for (const unit of answer.withheld) expect(Object.keys(unit).sort()).toEqual(['key', 'label', 'value']);
    // Commercial episodes only: the payer is constant and adds no term; severity 1 completes 33/44, 3 20/40.
    expect(answer.network).toMatchObject({ numerator: 53, denominator: 84 });
    expect(answer.caseMix).toMatchObject({ status: 'adjusted', episodes: 84, converged: true });
    // Program 2: E = 20 x 0.75 + 20 x 0.5 = 25, O = 24.
    const [shown] = answer.units;
    expect([shown.numerator, shown.denominator]).toEqual([24, 40]);
    expect(shown.adjusted?.expected).toBeCloseTo(25, 9);
    expect(shown.adjusted?.observedOverExpected).toBeCloseTo(0.96, 9);
    expect(shown.adjusted?.rate).toBeCloseTo(0.96 * (53 / 84), 9);
  });

  it('shows an attacker narrowing to a small unit no model and no adjusted figure', async () => {
    // Program 4 holds 4 commercial episodes: asked for alone, by counselor (one unit, the whole selection).
    const answer = await funnel(
      '/api/v1/metrics/funnel?metric=completionRate&by=counselor&programId=4&adjust=casemix',
      payerToken,
    );
    expect(answer.network).toEqual({ suppressed: true, reason: 'fewer than 11 episodes' });
    expect(answer.units).toEqual([]);
    expect(answer.withheld.map((u) => u.label)).toEqual(['Counselor D']);
    expect(answer.caseMix).toMatchObject({ status: 'network-withheld', episodes: null, converged: false });
    expect(JSON.stringify(answer)).not.toMatch(/"expected"|"observedOverExpected"/);
  });

  it('answers "adjustment not available" when the model cannot be fitted, never a 500', async () => {
    // Every episode lasts 30 days: nobody is retained 90 days, so the outcome does not vary.
    const answer = await funnel('/api/v1/metrics/funnel?metric=retained90&by=program&adjust=casemix');
    expect(answer.caseMix).toMatchObject({
      status: 'not-estimable',
      reason: 'adjustment not available for this selection: every episode has the same outcome',
      episodes: null,
      converged: false,
    });
    expect(answer.units.map((u) => [u.key, u.numerator, u.denominator, u.adjusted])).toEqual([
      ['1', 0, 40, null],
      ['2', 0, 40, null],
      ['3', 0, 40, null],
      ['4', 0, 4, null],
    ]);
  });

  it('does not offer adjustment for attendance or screens, and refuses an unknown adjustment (400)', async () => {
    const answer = await funnel('/api/v1/metrics/funnel?metric=negativeScreenRate&by=program&adjust=casemix');
    expect(answer.caseMix).toMatchObject({ status: 'not-offered', converged: false, episodes: null });
    expect(answer.caseMix?.reason).toContain('completionRate and retained90 only');
    const plain = await funnel('/api/v1/metrics/funnel?metric=completionRate&by=program');
    expect(plain.caseMix).toBeUndefined();
    expect(plain.units.every((unit) => unit.adjusted === undefined)).toBe(true);
    const wrong = await api.get('/api/v1/metrics/funnel?metric=completionRate&by=program&adjust=direct');
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(wrong.body)).toContain('adjust must be one of none, casemix');
  });
});
