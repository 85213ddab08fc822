import { startFixtureApp, type TestApp } from '../testing/test-app';
import { expectWilsonRate } from '../episodes/testing/wilson';
import { SUMMARY_FIXTURE_SQL } from '../episodes/testing/summary-fixture';

// Wilson 95% intervals, worked out from the score formula with z = 1.959963984540054 (R binom.confint agrees).
const WILSON = {
  '5/10': [0.236593090512564, 0.7634069094874361],
  '5/8': [0.3057423946026273, 0.8631557141764027],
  '4/6': [0.299993315138392, 0.9032285888942195],
  '1/4': [0.04558726080970055, 0.6993581574175981],
  '1/2': [0.09453120573423074, 0.9054687942657693],
};

describe('GET /api/v1/metrics/summary on a hand-built fixture', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startFixtureApp(SUMMARY_FIXTURE_SQL);
  });
  afterAll(() => api.close());

  function expectRate(actual: unknown, numerator: number, denominator: number, ci: number[]) {
    const rate = actual as { numerator: number; denominator: number; rate: number; ci95: number[] };
    expect(rate.numerator).toBe(numerator);
    expect(rate.denominator).toBe(denominator);
    expect(rate.rate).toBeCloseTo(numerator / denominator, 12);
    expect(rate.ci95[0]).toBeCloseTo(ci[0], 12);
    expect(rate.ci95[1]).toBeCloseTo(ci[1], 12);
  }

  it('counts every episode; attendance leaves out programme cancellations and future appointments', async () => {
    const { status, body } = await api.get('/api/v1/metrics/summary');
    expect(status).toBe(200);
    const summary = body as Record<string, unknown>;
    expect(summary['asOf']).toBe('2025-06-30');
    expect(summary['episodes']).toBe(4);
    expect(summary['activeEpisodes']).toBe(2);
    expectRate(summary['attendanceRate'], 5, 10, WILSON['5/10']);
  });

  it('computes every summary field as worked out by hand', async () => {
    const { status, body } = await api.get('/api/v1/metrics/summary');
    expect(status).toBe(200);
    const summary = body as Record<string, unknown>;
    // Length of stay (last day - admit + 1): episode 1 02-20 - 01-06 + 1 = 46; episode 2 (active) 06-30 - 03-03 + 1
    // = 120; episode 3 (active) 06-30 - 05-05 + 1 = 57; episode 4 12-01 - 11-01 + 1 = 31.
    // Attended hours per week = attended minutes / 60 / (LOS / 7): episode 1 9 h -> 63/46; episode 2 3 h -> 21/120;
    // episode 3 3 h -> 21/57; episode 4 0. Mean = (63/46 + 21/120 + 21/57 + 0) / 4; median = (21/120 + 21/57) / 2.
    const hours = summary['attendedHoursPerWeek'] as { mean: number; median: number };
    expect(hours.mean).toBeCloseTo((63 / 46 + 21 / 120 + 21 / 57) / 4, 12);
    expect(hours.median).toBeCloseTo((21 / 120 + 21 / 57) / 2, 12);
    // Meets intensity: none reaches 9 h/week (6 for episode 2, aged 17) -> 0/4.
    expectWilsonRate(summary['meetsIntensity'], 0, 4);
    // Compliance = mean of the defined components (session adherence, screen adherence, goal attainment):
    // episode 1 (3/4, 3/3, 2/2) = 11/12; episode 2 (1/2, 2/2, 0/1; the goal due 08-01 is not yet due) = 1/2;
    // episode 3 (1/2 only) = 1/2; episode 4 (0/2, 1/2, 0/1) = 1/6. Mean = (11/12 + 1/2 + 1/2 + 1/6) / 4 = 25/48.
    expect((summary['complianceScore'] as { mean: number }).mean).toBeCloseTo(25 / 48, 12);
    // Compliant (>= 0.80): only episode 1 -> 1/4 (all four have a score).
    expectWilsonRate(summary['compliant'], 1, 4);
    // retained30: admitted >= 30 days before 06-30 (admit <= 05-31): all four; LOS 46, 120, 57, 31 >= 30 -> 4/4.
    expectWilsonRate(summary['retained30'], 4, 4);
    // retained60: admit <= 05-01 -> episodes 1, 2, 4 (episode 3, 56 days, not yet eligible); LOS >= 60: 2 -> 1/3.
    expectWilsonRate(summary['retained60'], 1, 3);
    // retained90: admit <= 04-01 -> episodes 1, 2, 4; LOS >= 90: episode 2 -> 1/3.
    expectWilsonRate(summary['retained90'], 1, 3);
    // Discharged: episodes 1 (reason 1) and 4 (reason 2): completion 1/2, positive conclusion (1 + 4) 1/2,
    // dropout (2 + 3) 1/2.
    expectWilsonRate(summary['completionRate'], 1, 2);
    expectWilsonRate(summary['positiveConclusionRate'], 1, 2);
    expectWilsonRate(summary['dropoutRate'], 1, 2);
    // Median LOS of 31, 46, 57, 120 = (46 + 57) / 2.
    expect(summary['medianLengthOfStay']).toBe(51.5);
    // Negative screens / expected: episode 1 3/3 (its unexpected positive left out); episode 2 2/2 (the
    // buprenorphine-only positive is its own medication); episode 4 0/2 (positive, missing counted positive) -> 5/7.
    expectWilsonRate(summary['negativeScreenRate'], 5, 7);
    // Abstinent final 4 weeks, among discharged episodes with an expected screen in their last 28 days:
    // episode 1 (01-24..02-20: 02-01, 02-15 negative) yes; episode 4 (11-04..12-01: positive, missing) no -> 1/2.
    expectWilsonRate(summary['abstinentFinal4Weeks'], 1, 2);
    // Readmission: discharges >= 30 (90) days before 06-30 that are not transfers: episode 4 (12-01) and episode 1
    // (02-20), both >= 90 days too. Patient 1 is readmitted as episode 1 on 01-06, 36 days after episode 4:
    // within 90, not within 30. Episode 1 has no later episode -> 0/2 and 1/2.
    expectWilsonRate(summary['readmitted30'], 0, 2);
    expectWilsonRate(summary['readmitted90'], 1, 2);
  });

  it.each([
    ['from=2025-01-01', 3, 2, [5, 8, WILSON['5/8']]],
    ['from=2025-01-01&to=2025-03-03', 2, 1, [4, 6, WILSON['4/6']]],
    ['programId=1', 2, 1, [4, 6, WILSON['4/6']]],
    ['levelOfCare=1', 2, 1, [1, 4, WILSON['1/4']]],
    ['ageBand=13-17', 1, 1, [1, 2, WILSON['1/2']]],
    ['ageBand=65%2B&ageBand=13-17', 2, 2, [2, 4, null]],
    ['payer=medicaid&payer=medicare', 2, 1, [4, 6, WILSON['4/6']]],
    ['counselorId=2', 2, 1, [1, 4, WILSON['1/4']]],
    ['substance=opioids', 1, 1, [1, 2, WILSON['1/2']]],
    ['programId=1&programId=2&levelOfCare=2.1', 2, 1, [4, 6, WILSON['4/6']]],
  ] as Array<[string, number, number, [number, number, number[] | null]]>)(
    '?%s selects the episodes worked out by hand',
    async (query, episodes, active, [attended, counted, ci]) => {
      const { status, body } = await api.get(`/api/v1/metrics/summary?${query}`);
      expect(status).toBe(200);
      const summary = body as Record<string, unknown>;
      expect(summary['episodes']).toBe(episodes);
      expect(summary['activeEpisodes']).toBe(active);
      const rate = summary['attendanceRate'] as { numerator: number; denominator: number };
      expect([rate.numerator, rate.denominator]).toEqual([attended, counted]);
      if (ci) expectRate(rate, attended, counted, ci);
    },
  );

  it('an empty selection has zero counts and no rate', async () => {
    const { body } = await api.get('/api/v1/metrics/summary?from=2030-01-01');
    const none = { numerator: 0, denominator: 0, rate: null, ci95: null };
    expect(body).toEqual({
      asOf: '2025-06-30',
      episodes: 0,
      activeEpisodes: 0,
      attendanceRate: none,
      attendedHoursPerWeek: { mean: null, median: null },
      meetsIntensity: none,
      complianceScore: { mean: null },
      compliant: none,
      retained30: none,
      retained60: none,
      retained90: none,
      completionRate: none,
      positiveConclusionRate: none,
      dropoutRate: none,
      medianLengthOfStay: null,
      negativeScreenRate: none,
      abstinentFinal4Weeks: none,
      readmitted30: none,
      readmitted90: none,
    });
  });

  it.each([
    ['from=2025-13-01', 'from must be an ISO date (YYYY-MM-DD)'],
    ['to=yesterday', 'to must be an ISO date (YYYY-MM-DD)'],
    ['programId=abc', 'programId must be a positive integer'],
    ['programId=1;DROP TABLE episodes', 'programId must be a positive integer'],
    ['programId=99999999999999', 'programId must be a positive integer'],
    ['levelOfCare=9', 'levelOfCare must be one of 1, 2.1, 2.5, 3.5, 3.7, 4'],
    ["payer=' OR 1=1 --", 'payer must be one of medicaid, medicare, commercial, self_pay, other'],
    ['colour=blue', 'property colour should not exist'],
  ])('?%s is a 400 that names the parameter', async (query, message) => {
    const { status, body } = await api.get(`/api/v1/metrics/summary?${encodeURI(query)}`);
    expect(status).toBe(400);
    expect((body as { message: string[] }).message).toContain(message);
  });
});
