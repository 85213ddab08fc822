import {
  funnelStatement,
  isSuppressed,
  type QualityMeasureDetailResponse,
  type RateOrSuppressed,
} from '@iop/contracts';
import { funnelLimits } from '@iop/stats';
import { REASON_SMALL, withheld } from '../suppression/small-cells';
import { createTestUser, startFixtureApp, type TestApp } from '../testing/test-app';
import { QUALITY_FUNNEL_FIXTURE_SQL } from './testing/quality-funnel-fixture';

/*
 * The fixture (testing/quality-funnel-fixture.ts): follow-up within 7 days 10/10, 0/10, 8/10, 1/10 and 21/40 in
 * programs 1-5, network 40/80 = 0.5. Exact limits (Spiegelhalter 2005, appendix: r_p the smallest r with F(r) >= p,
 * limit (r_p - a) / n with a = (F(r_p) - p) / (F(r_p) - F(r_p - 1))), worked with exact fractions:
 *   Bin(10, 0.5), F(0..10) = 1, 11, 56, 176, 386, 638, 848, 968, 1013, 1023, 1024 (/1024), as in libs/stats'
 *   funnel-limits.spec.ts: 95% [(2 - 30.4 / 45) / 10, (8 - 14.6 / 45) / 10] = [0.132444, 0.767556],
 *   99.8% [0.00024, 0.89976];
 *   Bin(40, 0.5): 95% r = 14, 26: [0.331824, 0.643176]; 99.8% r = 10, 30: [0.246410, 0.728590]
 *   (normal approximation 0.5 +/- 1.96 x 0.0791 = [0.345, 0.655], 0.5 +/- 3.09 x 0.0791 = [0.256, 0.744]);
 *   Bin(40, 32/70) (the payer's network): 95% [0.290426, 0.599351]; 99.8% [0.206111, 0.689800].
 * So program 1 (1.0) is above the 99.8% limit, 2 (0.0) below it, 3 (0.8) above the 95% limit only, 4 (0.1) below
 * the 95% limit only and 5 (0.525) within both.
 */
describe('the funnel of a quality measure (GET /api/v1/quality/measures/:id) on a planted fixture', () => {
  let api: TestApp;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    // Zero record keys: nothing is perturbed, so a payer's shown values can be checked by arithmetic.
    api = await startFixtureApp(QUALITY_FUNNEL_FIXTURE_SQL, [], { recordKeys: 'zero' });
    const users = [
      { email: 'payer@qf.test', role: 'payer' as const, payer: 'commercial' },
      { email: 'director@qf.test', role: 'director' as const, programIds: [1, 2] },
    ];
    for (const user of users) {
      await createTestUser(api.databaseUrl, { ...user, password: 'a long password' });
      tokens[user.role] = await api.signIn(user.email, 'a long password');
    }
  });
  afterAll(() => api.close());

  const detailAs = async (role: 'admin' | 'payer' | 'director', query = '') => {
    const path = `/api/v1/quality/measures/fui-7${query}`;
    const { status, body } =
      role === 'admin'
        ? await api.get(path)
        : await api.request('GET', path, { headers: { authorization: `Bearer ${tokens[role]}` } });
    expect(status).toBe(200);
    return body as QualityMeasureDetailResponse;
  };

  it('places each program against the exact limits around the measure rate, in id order, never ranked', async () => {
    const { funnel, byProgram, measure } = await detailAs('admin');
    expect(measure.rate).toMatchObject({ numerator: 40, denominator: 80, rate: 0.5 });
    expect(funnel.network).toEqual(measure.rate);
    expect(funnel.method).toBe('exact-binomial');
    expect(funnel.units.map((u) => [u.key, u.label, u.numerator, u.denominator, u.rate, u.at95, u.at998])).toEqual([
      ['1', 'North IOP', 10, 10, 1, 'above', 'above'],
      ['2', 'South IOP', 0, 10, 0, 'below', 'below'],
      ['3', 'East IOP', 8, 10, 0.8, 'above', 'within'],
      ['4', 'West IOP', 1, 10, 0.1, 'below', 'within'],
      ['5', 'Central IOP', 21, 40, 0.525, 'within', 'within'],
    ]);
    expect(funnel.units.map(funnelStatement)).toEqual([
      'Above what chance explains',
      'Below what chance explains',
      'Above the 95% limit, within what chance explains at 99.8%',
      'Below the 95% limit, within what chance explains at 99.8%',
      'Within what chance explains',
    ]);
    // The same programs and counts as byProgram, the split the funnel is drawn from.
    const countsOf = (rate: RateOrSuppressed) => (isSuppressed(rate) ? rate : [rate.numerator, rate.denominator]);
    expect(byProgram.map((g) => [g.key, countsOf(g.rate)])).toEqual(
      funnel.units.map((u) => [u.key, [u.numerator, u.denominator]]),
    );
    expect(funnel.withheld).toEqual([]);
  });

  it('gives each program the limits worked out by hand at its own denominator', async () => {
    const { funnel } = await detailAs('admin');
    const atTen = funnel.units[0].limits;
    expect(atTen?.n).toBe(10);
    expect(atTen?.lower95).toBeCloseTo((2 - 30.4 / 45) / 10, 12);
    expect(atTen?.upper95).toBeCloseTo((8 - 14.6 / 45) / 10, 12);
    expect(atTen?.lower998).toBeCloseTo(0.00024, 12);
    expect(atTen?.upper998).toBeCloseTo(0.89976, 12);
    const atForty = funnel.units[4].limits;
    expect(atForty?.n).toBe(40);
    expect(atForty?.lower95).toBeCloseTo(0.3318241111664, 10);
    expect(atForty?.upper95).toBeCloseTo(0.6431758888336, 10);
    expect(atForty?.lower998).toBeCloseTo(0.2464096917279, 10);
    expect(atForty?.upper998).toBeCloseTo(0.7285903082721, 10);
    // The curve runs from half the smallest denominator to 10% past the largest, as the metrics funnel's does.
    expect(funnel.curve[0]).toEqual(funnelLimits(0.5, 5));
    expect(funnel.curve[funnel.curve.length - 1]).toEqual(funnelLimits(0.5, 44));
  });

  it("centres a director's funnel on their programs' rate", async () => {
    const { funnel } = await detailAs('director');
    // Programs 1 and 2 only: 10/20 = 0.5, so the limits at n = 10 are the same as the network's.
    expect(funnel.network).toMatchObject({ numerator: 10, denominator: 20, rate: 0.5 });
    expect(funnel.units.map((u) => [u.key, u.at95, u.at998])).toEqual([
      ['1', 'above', 'above'],
      ['2', 'below', 'below'],
    ]);
    expect(funnel.units[1].limits?.upper998).toBeCloseTo(0.89976, 12);
  });

  it('gives a payer only programs of 11 or more, withheld as byProgram withholds them', async () => {
    const { funnel, byProgram, measure } = await detailAs('payer');
    // Commercial: programs 1, 2 and 4 rest on 10 episodes each (withheld); their sum, 11 of 30 with 19 not followed
    // up, is no small cell, so Central IOP's 21/40 is shown and placed around the payer's 32/70.
    expect(measure.rate).toMatchObject({ numerator: 32, denominator: 70 });
    expect(funnel.network).toEqual(measure.rate);
    expect(funnel.units.map((u) => [u.key, u.numerator, u.denominator, u.at95, u.at998])).toEqual([
      ['5', 21, 40, 'within', 'within'],
    ]);
    const limits = funnel.units[0].limits;
    expect(limits).toEqual(funnelLimits(32 / 70, 40));
    expect(limits?.lower95).toBeCloseTo(0.2904256055559, 10);
    expect(limits?.upper95).toBeCloseTo(0.5993505490793, 10);
    expect(limits?.lower998).toBeCloseTo(0.2061107200657, 10);
    expect(limits?.upper998).toBeCloseTo(0.6898003217908, 10);
    const small = withheld(REASON_SMALL);
    expect(funnel.withheld).toEqual([
      { key: '1', label: 'North IOP', value: small },
      { key: '2', label: 'South IOP', value: small },
      { key: '4', label: 'West IOP', value: small },
    ]);
    expect(byProgram.map((g) => [g.key, g.rate])).toEqual([
      ['1', small],
      ['2', small],
      ['4', small],
      ['5', expect.objectContaining({ numerator: 21, denominator: 40 })],
    ]);
    // Nothing of the withheld programs is in the answer but their names.
    expect(JSON.stringify(funnel.withheld)).not.toMatch(/numerator|denominator|rate"/);
  });

  it('shows a payer narrowing the filter to a small program nothing of it, not even the rate to compare with', async () => {
    const { funnel } = await detailAs('payer', '?programId=1');
    expect(funnel.network).toEqual(withheld(REASON_SMALL));
    expect(funnel.units).toEqual([]);
    expect(funnel.curve).toEqual([]);
    expect(funnel.withheld.map((u) => u.label)).toEqual(['North IOP']);
  });
});
