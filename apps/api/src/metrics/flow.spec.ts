import { startFixtureApp, type TestApp } from '../testing/test-app';
import { DAYTIME_EPISODE_FIXTURE_SQL } from '../episodes/testing/daytime-episode-fixture';
import { expectWilsonRate } from '../episodes/testing/wilson';

// Episodes 1-4 of summary-fixture.ts and episode 5 of daytime-episode-fixture.ts:
// admitted 2024-11-01 (4), 2025-01-06 (1), 2025-03-03 (2), 2025-04-07 (5), 2025-05-05 (3); discharged
// 2024-12-01 (4, reason 2), 2025-02-20 (1, reason 1), 2025-04-13 (5, reason 4); 2 and 3 active.
describe('GET /api/v1/metrics/flow and /discharge-reasons on the hand-built fixture', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startFixtureApp(DAYTIME_EPISODE_FIXTURE_SQL);
  });
  afterAll(() => api.close());

  type Flow = { asOf: string; points: Array<{ period: string; admissions: number; discharges: number }> };
  const asTuples = (flow: Flow) => flow.points.map((point) => [point.period, point.admissions, point.discharges]);

  it('flow: admissions by admit month, discharges by discharge month, gaps filled with zeros', async () => {
    const { status, body } = await api.get('/api/v1/metrics/flow');
    expect(status).toBe(200);
    expect((body as Flow).asOf).toBe('2025-06-30');
    expect(asTuples(body as Flow)).toEqual([
      ['2024-11', 1, 0],
      ['2024-12', 0, 1],
      ['2025-01', 1, 0],
      ['2025-02', 0, 1],
      ['2025-03', 1, 0],
      ['2025-04', 1, 1],
      ['2025-05', 1, 0],
    ]);
  });

  it('flow takes the common filters; an empty selection has no points', async () => {
    // Admitted from 03-01: episodes 2 (03), 5 (04, discharged 04) and 3 (05).
    const recent = (await api.get('/api/v1/metrics/flow?from=2025-03-01')).body as Flow;
    expect(asTuples(recent)).toEqual([
      ['2025-03', 1, 0],
      ['2025-04', 1, 1],
      ['2025-05', 1, 0],
    ]);
    // Program 2: episode 4 (admitted 2024-11, discharged 2024-12) and 3 (admitted 2025-05); zeros in between.
    const outpatient = (await api.get('/api/v1/metrics/flow?programId=2')).body as Flow;
    expect(asTuples(outpatient)).toEqual([
      ['2024-11', 1, 0],
      ['2024-12', 0, 1],
      ['2025-01', 0, 0],
      ['2025-02', 0, 0],
      ['2025-03', 0, 0],
      ['2025-04', 0, 0],
      ['2025-05', 1, 0],
    ]);
    expect(((await api.get('/api/v1/metrics/flow?from=2030-01-01')).body as Flow).points).toEqual([]);
  });

  type Reasons = {
    discharged: number;
    active: number;
    reasons: Array<{ code: number; label: string; share: unknown }>;
  };

  it('discharge reasons: all seven codes, shares of the discharged episodes, active apart', async () => {
    const { status, body } = await api.get('/api/v1/metrics/discharge-reasons');
    expect(status).toBe(200);
    const result = body as Reasons;
    // Discharged: episodes 1 (1), 4 (2), 5 (4) -> 3; active: 2 and 3.
    expect([result.discharged, result.active]).toEqual([3, 2]);
    expect(result.reasons.map((reason) => [reason.code, reason.label])).toEqual([
      [1, 'Completed'],
      [2, 'Dropped out'],
      [3, 'Terminated by facility'],
      [4, 'Transferred'],
      [5, 'Incarcerated'],
      [6, 'Death'],
      [7, 'Other'],
    ]);
    const counts = [1, 1, 0, 1, 0, 0, 0];
    result.reasons.forEach((reason, index) => expectWilsonRate(reason.share, counts[index], 3));
  });

  it('discharge reasons take the common filters', async () => {
    // Level 1: episodes 3 (active) and 4 (dropped out).
    const result = (await api.get('/api/v1/metrics/discharge-reasons?levelOfCare=1')).body as Reasons;
    expect([result.discharged, result.active]).toEqual([1, 1]);
    expectWilsonRate(result.reasons[1].share, 1, 1);
    expectWilsonRate(result.reasons[0].share, 0, 1);
  });

  it.each([
    ['flow?to=2025-13-01', 'to must be an ISO date (YYYY-MM-DD)'],
    ['discharge-reasons?payer=nobody', 'payer must be one of'],
  ])('?%s is a 400 that names the parameter', async (query, message) => {
    const { status, body } = await api.get(`/api/v1/metrics/${query}`);
    expect(status).toBe(400);
    const messages = (body as { message: string[] }).message;
    expect(messages.some((text) => text.startsWith(message))).toBe(true);
  });
});
