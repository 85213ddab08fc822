import { startFixtureApp, type TestApp } from '../testing/test-app';
import { OUTCOMES_FIXTURE_SQL } from './testing/outcomes-fixture';

/*
 * Expected values worked out by hand from the fixture table (testing/outcomes-fixture.ts). Event = discharge
 * reason 2 or 3; everything else censored at its length of stay. Bands: Greenwood variance of log S,
 * V = sum d / (n (n - d)), and R's survfit log-log band S^exp(-+z sqrt(V) / log S) with z = 1.959963984540054,
 * evaluated with Python's math module (an independent route from libs/stats).
 *
 * Level 2.1 (episodes 1-4): 10 event, 20 censored (reason 1), 30 event, 40 censored (active).
 *   t=10: n=4, d=1, S=3/4, V=1/12; t=20: censored; t=30: n=2, d=1, S=3/8, V=1/12+1/2; t=40: censored.
 *   Median 30 (first S <= 0.5); lower limit 10 (lower band 0.128 <= 0.5 at t=10); upper band never <= 0.5: null.
 * Level 1 (episodes 5-7): 5 event, 15 censored (reason 4), 25 event.
 *   t=5: n=3, d=1, S=2/3, V=1/6; t=25: n=1, d=1, S=0. Median 25, lower 5, upper null (band NA at S=0).
 * Log-rank 2.1 vs 1, pooled event times 5, 10, 25, 30 (n_2.1 / n_1 at risk: 4/3, 4/2, 2/1, 2/0):
 *   E_2.1 = 4/7 + 4/6 + 2/3 + 2/2 = 61/21, O_2.1 = 2; V = 12/49 + 8/36 + 2/9 + 0 = 304/441;
 *   chi-square = (19/21)^2 / (304/441) = 361/304 = 1.1875, p = erfc(sqrt(1.1875 / 2)) = 0.2758344165194594.
 */
const LEVEL_21_STEPS = [
  { time: 10, atRisk: 4, events: 1, censored: 0, survival: 0.75, stdErr: 0.21650635094610965 },
  { time: 20, atRisk: 3, events: 0, censored: 1, survival: 0.75, stdErr: 0.21650635094610965 },
  { time: 30, atRisk: 2, events: 1, censored: 0, survival: 0.375, stdErr: 0.28641098093474004 },
  { time: 40, atRisk: 1, events: 0, censored: 1, survival: 0.375, stdErr: 0.28641098093474004 },
];
const LEVEL_21_BANDS = [
  [0.12794691759514576, 0.9605486422850784],
  [0.12794691759514576, 0.9605486422850784],
  [0.010971121574844568, 0.8080010724813436],
  [0.010971121574844568, 0.8080010724813436],
];

interface Curve {
  key: string;
  label: string;
  episodes: number;
  events: number;
  censored: number;
  median: { estimate: number | null; lower: number | null; upper: number | null };
  atReference: { survival: number } | null;
  steps: Array<Record<string, number | null>>;
}
interface Body {
  asOf: string;
  groupBy: string;
  timeOriginDay: number;
  referenceDays: number;
  tercileCutPoints: number[] | null;
  curves: Curve[];
  logRank: { chiSquare: number; df: number; p: number; groups: Array<Record<string, unknown>> } | null;
}

describe('GET /api/v1/retention on a hand-built fixture', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startFixtureApp(OUTCOMES_FIXTURE_SQL);
  });
  afterAll(() => api.close());

  async function get(query: string): Promise<Body> {
    const { status, body } = await api.get(`/api/v1/retention?${query}`);
    expect(status).toBe(200);
    return body as Body;
  }

  it('levelOfCare: Kaplan-Meier steps, log-log band, medians and the log-rank test worked out by hand', async () => {
    const body = await get('groupBy=levelOfCare&levelOfCare=1&levelOfCare=2.1');
    expect(body).toMatchObject({ asOf: '2025-06-30', groupBy: 'levelOfCare', timeOriginDay: 0, referenceDays: 90 });
    expect(body.curves.map((c) => c.key)).toEqual(['1', '2.1']);
    const [outpatient, iop] = body.curves;
    expect(iop).toMatchObject({ label: 'Level 2.1', episodes: 4, events: 2, censored: 2, atReference: null });
    expect(iop.median).toEqual({ estimate: 30, lower: 10, upper: null });
    expect(iop.steps).toHaveLength(4);
    iop.steps.forEach((step, i) => {
      const { survival, stdErr, ...counts } = LEVEL_21_STEPS[i];
      expect(step).toMatchObject(counts);
      expect(step['survival']).toBeCloseTo(survival, 12);
      expect(step['stdErr']).toBeCloseTo(stdErr, 12);
      expect(step['lower']).toBeCloseTo(LEVEL_21_BANDS[i][0], 12);
      expect(step['upper']).toBeCloseTo(LEVEL_21_BANDS[i][1], 12);
    });
    expect(outpatient).toMatchObject({ episodes: 3, events: 2, censored: 1 });
    expect(outpatient.median).toEqual({ estimate: 25, lower: 5, upper: null });
    expect(outpatient.steps.map((s) => [s['time'], s['atRisk'], s['survival']])).toEqual([
      [5, 3, expect.closeTo(2 / 3, 12)],
      [15, 2, expect.closeTo(2 / 3, 12)],
      [25, 1, 0],
    ]);
    expect(outpatient.steps[0]['lower']).toBeCloseTo(0.05407342678651668, 12);
    expect(outpatient.steps[0]['upper']).toBeCloseTo(0.945206387272047, 12);
    expect(outpatient.steps[2]).toMatchObject({ stdErr: null, lower: null, upper: null });

    const logRank = body.logRank;
    if (!logRank) throw new Error('expected a log-rank test between the two levels');
    expect(logRank.df).toBe(1);
    expect(logRank.chiSquare).toBeCloseTo(361 / 304, 12);
    expect(logRank.p).toBeCloseTo(0.2758344165194594, 10);
    expect(logRank.groups).toEqual([
      { key: '1', observed: 2, expected: expect.closeTo(23 / 21, 12) as number },
      { key: '2.1', observed: 2, expected: expect.closeTo(61 / 21, 12) as number },
    ]);
  });

  it('levelOfCare without filters has a curve per level and a 2-df test; survival at day 90 where observed', async () => {
    const body = await get('groupBy=levelOfCare');
    expect(body.curves.map((c) => [c.key, c.episodes])).toEqual([
      ['1', 3],
      ['2.1', 4],
      ['2.5', 2],
    ]);
    expect(body.logRank?.df).toBe(2);
    // Level 2.5: 29 censored, 95 event: S(90) = 1 (no event by day 90), observed past day 90.
    expect(body.curves[2].atReference).toEqual({ survival: 1, lower: null, upper: null });
  });

  it('mat: OUD episodes only, MAT vs none', async () => {
    const body = await get('groupBy=mat');
    expect(body.curves.map((c) => [c.key, c.label, c.episodes, c.events])).toEqual([
      ['mat', 'MAT', 2, 1],
      ['none', 'No MAT', 1, 1],
    ]);
    // MAT: 10 event (n=2, S=1/2), 20 censored; none: 5 event (n=1, S=0).
    expect(body.curves[0].steps.map((s) => s['survival'])).toEqual([0.5, 0.5]);
    expect(body.curves[1].steps.map((s) => s['survival'])).toEqual([0]);
  });

  it('groupTercile: landmark population (LOS >= 29), terciles of groups per week in days 0-27, time from day 28', async () => {
    // Landmark episodes 3, 4, 8, 9 with 2, 4, 8, 12 groups in days 0-27: 0.5, 1, 2, 3 a week. percentile_cont:
    // q1 = value at position 3 x 1/3 = 1, q2 = value at position 2 = 2: low {3, 4}, middle {8}, high {9}.
    const body = await get('groupBy=groupTercile');
    expect(body.timeOriginDay).toBe(28);
    expect(body.tercileCutPoints).toEqual([1, 2]);
    expect(body.curves.map((c) => [c.key, c.episodes, c.steps.map((s) => [s['time'], s['events']])])).toEqual([
      // episode 3: LOS 30 -> time 2, event; episode 4: LOS 40 -> time 12, active
      [
        'low',
        2,
        [
          [2, 1],
          [12, 0],
        ],
      ],
      ['middle', 1, [[67, 1]]], // episode 8: LOS 95 -> 67, reason 2
      ['high', 1, [[1, 0]]], // episode 9: LOS 29 -> 1, reason 1
    ]);
    expect(body.curves[0].label).toBe('Low (<= 1 groups/week)');
    // Events at times 2 and 67; 'high' (censored at 1) is at risk at neither: expected 0, left out of the test.
    // low vs middle: t=2: n 2/1, d=1 (low), E_low = 2/3, V = 2/9; t=67: n 0/1, E_low = 0, V = 0.
    // O_low - E_low = 1/3, chi-square = (1/9) / (2/9) = 0.5, df 1.
    expect(body.logRank?.df).toBe(1);
    expect(body.logRank?.chiSquare).toBeCloseTo(0.5, 12);
    expect(body.logRank?.groups.map((g) => g['key'])).toEqual(['low', 'middle']);
  });

  it('program and payer', async () => {
    const programs = await get('groupBy=program');
    expect(programs.curves.map((c) => [c.key, c.label, c.episodes])).toEqual([
      ['1', 'Evening IOP', 4],
      ['2', 'Outpatient', 3],
      ['3', 'Day Program', 2],
    ]);
    const payers = await get('groupBy=payer&payer=medicare');
    expect(payers.curves.map((c) => [c.key, c.episodes])).toEqual([['medicare', 2]]);
    expect(payers.logRank).toBeNull();
  });

  it('an empty selection has no curves and no test', async () => {
    for (const groupBy of ['levelOfCare', 'groupTercile']) {
      const body = await get(`groupBy=${groupBy}&from=2030-01-01`);
      expect(body).toMatchObject({ asOf: '2025-06-30', curves: [], logRank: null, tercileCutPoints: null });
    }
  });

  it.each([
    ['groupBy=counselor', 'groupBy must be one of levelOfCare, mat, groupTercile, program, payer'],
    ['groupBy=program;DROP TABLE episodes', 'groupBy must be one of levelOfCare, mat, groupTercile, program, payer'],
    ['groupBy=mat&from=2025-02-30x', 'from must be an ISO date (YYYY-MM-DD)'],
    ['groupBy=mat&colour=blue', 'property colour should not exist'],
  ])('?%s is a 400 that names the parameter', async (query, message) => {
    const { status, body } = await api.get(`/api/v1/retention?${encodeURI(query)}`);
    expect(status).toBe(400);
    expect((body as { message: string[] }).message).toContain(message);
  });
});
