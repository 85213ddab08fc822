import { createTestDatabase, type TestDatabase } from '@iop/db-server/testing';
import { Client } from 'pg';
import { startTestApp, type TestApp } from '../testing/test-app';
import { SUMMARY_FIXTURE_SQL } from './testing/summary-fixture';

// Wilson 95% intervals, worked out from the score formula with z = 1.959963984540054 (R binom.confint agrees).
const WILSON = {
  '5/10': [0.236593090512564, 0.7634069094874361],
  '5/8': [0.3057423946026273, 0.8631557141764027],
  '4/6': [0.299993315138392, 0.9032285888942195],
  '1/4': [0.04558726080970055, 0.6993581574175981],
  '1/2': [0.09453120573423074, 0.9054687942657693],
};

describe('GET /api/v1/metrics/summary on a hand-built fixture', () => {
  let database: TestDatabase;
  let api: TestApp;

  beforeAll(async () => {
    database = await createTestDatabase();
    const client = new Client({ connectionString: database.url });
    await client.connect();
    await client.query(SUMMARY_FIXTURE_SQL);
    await client.end();
    api = await startTestApp(database.url);
  });
  afterAll(async () => {
    await api.close();
    await database.drop();
  });

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
    expect(body).toEqual({
      asOf: '2025-06-30',
      episodes: 0,
      activeEpisodes: 0,
      attendanceRate: { numerator: 0, denominator: 0, rate: null, ci95: null },
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
