import type { BreakdownResponse, FunnelResponse } from '@iop/contracts';
import { funnelLimits } from '@iop/stats';
import { createTestUser, startFixtureApp, type TestApp } from '../testing/test-app';
import { FUNNEL_FIXTURE_SQL } from './testing/funnel-fixture';

/*
 * The fixture (testing/funnel-fixture.ts): completion 20/40, 36/40 and 4/20 in programs 1-3, network 60/100 = 0.6.
 * Exact limits around 0.6 (funnelLimits, golden-tested in libs/stats; normal approximation in brackets):
 *   n = 40: 95% [0.4325, 0.7380] (0.6 +/- 1.96 x 0.0775), 99.8% [0.3432, 0.8181] (0.6 +/- 3.09 x 0.0775)
 *   n = 20: 95% [0.3556, 0.7871], 99.8% [0.2264, 0.8923]
 * so program 1 (0.5) is within both, program 2 (0.9) above the 99.8% limit, program 3 (0.2) below it.
 */
describe('GET /api/v1/metrics/funnel on a fixture with units inside and outside the limits', () => {
  let api: TestApp;
  let payerToken: string;
  let directorToken: string;

  beforeAll(async () => {
    // Zero record keys: nothing is perturbed, so a payer's shown values can be checked by arithmetic.
    api = await startFixtureApp(FUNNEL_FIXTURE_SQL, [], { recordKeys: 'zero' });
    await createTestUser(api.databaseUrl, {
      email: 'payer@funnel.test',
      password: 'payer-password',
      role: 'payer',
      payer: 'commercial',
    });
    await createTestUser(api.databaseUrl, {
      email: 'director@funnel.test',
      password: 'director-password',
      role: 'director',
      programIds: [1, 2, 3],
    });
    payerToken = await api.signIn('payer@funnel.test', 'payer-password');
    directorToken = await api.signIn('director@funnel.test', 'director-password');
  });
  afterAll(() => api.close());

  const as = (token: string, path: string) =>
    api.request('GET', path, { headers: { authorization: `Bearer ${token}` } });

  it('places each program against the limits around the network rate, in id order, never ranked', async () => {
    const { status, body } = await api.get('/api/v1/metrics/funnel?metric=completionRate&by=program');
    expect(status).toBe(200);
    const funnel = body as FunnelResponse;
    expect([funnel.asOf, funnel.metric, funnel.by, funnel.method]).toEqual([
      '2025-06-30',
      'completionRate',
      'program',
      'exact-binomial',
    ]);
    expect(funnel.network).toMatchObject({ numerator: 60, denominator: 100, rate: 0.6 });
    expect(funnel.units.map((u) => [u.key, u.label, u.numerator, u.denominator, u.rate, u.at95, u.at998])).toEqual([
      ['1', 'Evening IOP', 20, 40, 0.5, 'within', 'within'],
      ['2', 'Outpatient', 36, 40, 0.9, 'above', 'above'],
      ['3', 'Day Program', 4, 20, 0.2, 'below', 'below'],
    ]);
    expect(funnel.units[0].limits).toEqual(funnelLimits(0.6, 40));
    expect(funnel.units[2].limits).toEqual(funnelLimits(0.6, 20));
    expect(funnel.units[0].limits?.lower95).toBeCloseTo(0.4325, 4);
    expect(funnel.units[0].limits?.upper998).toBeCloseTo(0.8181, 4);
    expect(funnel.withheld).toEqual([]);
  });

  it('draws the curve from half the smallest denominator to 10% past the largest', async () => {
    const funnel = (await api.get('/api/v1/metrics/funnel?metric=completionRate&by=counselor')).body as FunnelResponse;
    expect(funnel.units.map((u) => [u.label, u.at998])).toEqual([
      ['Counselor A', 'within'],
      ['Counselor B', 'above'],
      ['Counselor C', 'below'],
    ]);
    expect(funnel.curve[0]).toEqual(funnelLimits(0.6, 10));
    expect(funnel.curve[funnel.curve.length - 1]).toEqual(funnelLimits(0.6, 44));
    const ns = funnel.curve.map((point) => point.n);
    expect(ns).toEqual([...new Set(ns)].sort((a, b) => a - b));
  });

  it('compares payers for an admin: commercial 58/92 and medicaid 2/8 around 0.6', async () => {
    const funnel = (await api.get('/api/v1/metrics/funnel?metric=completionRate&by=payer')).body as FunnelResponse;
    // n = 92: 95% [0.4932, 0.6937]; n = 8: 95% [0.1749, 0.8636]. Exact for an admin, even at 8.
    expect(funnel.units.map((u) => [u.key, u.numerator, u.denominator, u.at95, u.at998])).toEqual([
      ['commercial', 58, 92, 'within', 'within'],
      ['medicaid', 2, 8, 'within', 'within'],
    ]);
    expect(funnel.units[1].limits?.lower95).toBeCloseTo(0.1749, 4);
  });

  it('refuses by=payer to everyone but an admin (403), and a metric that is not a funnel rate (400)', async () => {
    expect((await as(directorToken, '/api/v1/metrics/funnel?metric=completionRate&by=payer')).status).toBe(403);
    expect((await as(payerToken, '/api/v1/metrics/funnel?metric=completionRate&by=payer')).status).toBe(403);
    const wrong = await api.get('/api/v1/metrics/funnel?metric=episodes&by=program');
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(wrong.body)).toContain('metric must be one of');
  });

  it("gives a payer only units of 11 or more, withheld as the payer's breakdown withholds them", async () => {
    const path = '/api/v1/metrics/funnel?metric=completionRate&by=program';
    const funnel = (await as(payerToken, path)).body as FunnelResponse;
    // Commercial: program 1 20/40 is shown; program 2 36/40 leaves 4 non-completers (small), and program 3's
    // 2/12 has 2 completers (small): both withheld, so neither can be derived from the network's 58/92.
    expect(funnel.network).toMatchObject({ numerator: 58, denominator: 92 });
    expect(funnel.units.map((u) => [u.key, u.numerator, u.denominator])).toEqual([['1', 20, 40]]);
    expect(funnel.units[0].limits).toEqual(funnelLimits(58 / 92, 40));
    expect(funnel.withheld.map((u) => [u.key, u.value])).toEqual([
      ['2', { suppressed: true, reason: 'fewer than 11 episodes' }],
      ['3', { suppressed: true, reason: 'fewer than 11 episodes' }],
    ]);
    const breakdown = (await as(payerToken, '/api/v1/metrics/breakdown?metric=completionRate&by=program'))
      .body as BreakdownResponse;
    expect(breakdown.groups.map((g) => g.value)).toEqual([
      expect.objectContaining({ numerator: 20, denominator: 40 }),
      funnel.withheld[0].value,
      funnel.withheld[1].value,
    ]);
  });

  it('shows an attacker narrowing the filters to a small unit nothing of it, not even the network rate', async () => {
    // Program 3's commercial episodes hold 2 completers: asked for alone, by counselor (one unit, the whole selection).
    const funnel = (await as(payerToken, '/api/v1/metrics/funnel?metric=completionRate&by=counselor&programId=3'))
      .body as FunnelResponse;
    expect(funnel.network).toEqual({ suppressed: true, reason: 'fewer than 11 episodes' });
    expect(funnel.units).toEqual([]);
    expect(funnel.curve).toEqual([]);
    expect(funnel.withheld.map((u) => u.label)).toEqual(['Counselor C']);
    // Asking for another payer's episodes changes nothing: the scope keeps the payer's own.
    const other = (await as(payerToken, '/api/v1/metrics/funnel?metric=completionRate&by=program&payer=medicaid'))
      .body as FunnelResponse;
    expect(other.units).toEqual([]);
    for (const unit of [...funnel.units, ...other.units]) expect(unit.denominator).toBeGreaterThanOrEqual(11);
  });
});
