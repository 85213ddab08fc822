import { Client } from 'pg';
import { startFixtureApp, type TestApp } from '../testing/test-app';
import { AppointmentCountStore } from '../episodes/appointment-count-store';
import { BreakdownQuery } from './breakdown.query';
import { TrendQuery } from './trend.query';
import { expectWilsonRate } from '../episodes/testing/wilson';
import { SUMMARY_FIXTURE_SQL } from '../episodes/testing/summary-fixture';

// The fixture of summary-fixture.ts; episodes and their facts are described there and in summary.spec.ts.
describe('GET /api/v1/metrics/trend and /breakdown on the hand-built fixture', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startFixtureApp(SUMMARY_FIXTURE_SQL);
  });
  afterAll(() => api.close());

  type Point = { period: string; value: unknown; n: number };
  type Group = { key: string; label: string; value: unknown; n: number };

  it('trend of retained60 per month of admission, with the empty months in between', async () => {
    const { status, body } = await api.get('/api/v1/metrics/trend?metric=retained60&interval=month');
    expect(status).toBe(200);
    const trend = body as { asOf: string; metric: string; interval: string; points: Point[] };
    expect([trend.asOf, trend.metric, trend.interval]).toEqual(['2025-06-30', 'retained60', 'month']);
    // Admissions: episode 4 in 2024-11, 1 in 2025-01, 2 in 2025-03, 3 in 2025-05; months between have none.
    expect(trend.points.map((point) => [point.period, point.n])).toEqual([
      ['2024-11', 1],
      ['2024-12', 0],
      ['2025-01', 1],
      ['2025-02', 0],
      ['2025-03', 1],
      ['2025-04', 0],
      ['2025-05', 1],
    ]);
    // Episode 4 (LOS 31) and 1 (LOS 46) are eligible and not retained: 0/1; episode 2 (LOS 120): 1/1; episode 3,
    // admitted 56 days before as-of, is not yet eligible: 0/0; empty months: 0/0.
    const expected = [
      [0, 1],
      [0, 0],
      [0, 1],
      [0, 0],
      [1, 1],
      [0, 0],
      [0, 0],
    ];
    trend.points.forEach((point, index) => expectWilsonRate(point.value, expected[index][0], expected[index][1]));
  });

  it('trend of a median and of a count: null and 0 in months without admissions', async () => {
    const median = (await api.get('/api/v1/metrics/trend?metric=medianLengthOfStay')).body as { points: Point[] };
    expect(median.points.map((point) => point.value)).toEqual([31, null, 46, null, 120, null, 57]);
    const counts = (await api.get('/api/v1/metrics/trend?metric=episodes&from=2025-01-01')).body as {
      points: Point[];
    };
    expect(counts.points.map((point) => [point.period, point.value])).toEqual([
      ['2025-01', 1],
      ['2025-02', 0],
      ['2025-03', 1],
      ['2025-04', 0],
      ['2025-05', 1],
    ]);
  });

  it('breakdown of completion by program', async () => {
    const { status, body } = await api.get('/api/v1/metrics/breakdown?metric=completionRate&by=program');
    expect(status).toBe(200);
    const { groups, by, metric } = body as { groups: Group[]; by: string; metric: string };
    expect([by, metric]).toEqual(['program', 'completionRate']);
    // Program 1: episodes 1 (completed) and 2 (active) -> 1/1; program 2: episodes 3 (active), 4 (dropped out) -> 0/1.
    expect(groups.map((group) => [group.key, group.label, group.n])).toEqual([
      ['1', 'Evening IOP', 2],
      ['2', 'Outpatient', 2],
    ]);
    expectWilsonRate(groups[0].value, 1, 1);
    expectWilsonRate(groups[1].value, 0, 1);
  });

  it('breakdown of compliant by counselor and of readmission by level of care', async () => {
    // Counselor A: episodes 1 (11/12, compliant) and 2 (1/2) -> 1/2; counselor B: episodes 3 and 4 -> 0/2.
    const compliant = (await api.get('/api/v1/metrics/breakdown?metric=compliant&by=counselor')).body as {
      groups: Group[];
    };
    expect(compliant.groups.map((group) => [group.key, group.label])).toEqual([
      ['1', 'Counselor A'],
      ['2', 'Counselor B'],
    ]);
    expectWilsonRate(compliant.groups[0].value, 1, 2);
    expectWilsonRate(compliant.groups[1].value, 0, 2);
    // Level 1: episode 4 is readmitted 36 days later as episode 1, which is level 2.1: readmission looks at any
    // episode of the patient, whatever the filter -> 1/1; level 2.1: episode 1, no later episode -> 0/1.
    const readmitted = (await api.get('/api/v1/metrics/breakdown?metric=readmitted90&by=levelOfCare')).body as {
      groups: Group[];
    };
    expect(readmitted.groups.map((group) => [group.key, group.label])).toEqual([
      ['1', 'Level 1'],
      ['2.1', 'Level 2.1'],
    ]);
    expectWilsonRate(readmitted.groups[0].value, 1, 1);
    expectWilsonRate(readmitted.groups[1].value, 0, 1);
  });

  it('breakdown of attendance by slot and of no-shows by session type, over appointments', async () => {
    // Counted appointments (attended, no_show, cancelled_patient up to the last day), all at 18:00 Chicago time:
    // weekday evenings: episode 1 3 attended + 1 no-show, episode 2 1 + 1 patient cancellation, episode 3 1 + 1
    // no-show -> 5/8; weekend: episode 4's two no-shows on Saturday 11-02 and Sunday 11-03 -> 0/2.
    const slot = (await api.get('/api/v1/metrics/breakdown?metric=attendanceRate&by=slot')).body as {
      groups: Group[];
    };
    expect(slot.groups.map((group) => [group.key, group.label, group.n])).toEqual([
      ['evening', 'Evening (from 17:00)', 8],
      ['weekend', 'Weekend', 2],
    ]);
    expectWilsonRate(slot.groups[0].value, 5, 8);
    expectWilsonRate(slot.groups[1].value, 0, 2);
    // Session types: episode 1's second appointment is individual (attended) -> 0/1 no-shows; the 9 group ones
    // hold the 4 no-shows (episode 1: 1, episode 3: 1, episode 4: 2) -> 4/9.
    const type = (await api.get('/api/v1/metrics/breakdown?metric=noShowRate&by=sessionType')).body as {
      groups: Group[];
    };
    expect(type.groups.map((group) => [group.key, group.n])).toEqual([
      ['group', 9],
      ['individual', 1],
    ]);
    expectWilsonRate(type.groups[0].value, 4, 9);
    expectWilsonRate(type.groups[1].value, 0, 1);
  });

  it.each([
    ['trend?metric=colour', 'metric must be one of'],
    ['trend', 'metric must be one of'],
    ['trend?metric=episodes&interval=week', 'interval must be one of month'],
    ['trend?metric=episodes&from=2025-02-30x', 'from must be an ISO date (YYYY-MM-DD)'],
    ['breakdown?metric=episodes&by=colour', 'by must be one of'],
    ['breakdown?metric=nothing&by=program', 'metric must be one of'],
    ['breakdown?metric=episodes&by=program&interval=month', 'property interval should not exist'],
    ['breakdown?metric=retained90&by=slot', 'metric retained90 is counted per episode and cannot be split by slot'],
    ['breakdown?metric=episodes&by=sessionType', 'metric episodes is counted per episode and cannot be split'],
  ])('?%s is a 400 that says why', async (query, message) => {
    const { status, body } = await api.get(`/api/v1/metrics/${query}`);
    expect(status).toBe(400);
    const messages = (body as { message: string[] }).message;
    expect(messages.some((text) => text.startsWith(message))).toBe(true);
  });

  it("runs the monthly aggregates once for the overview's charts, and again after a load", async () => {
    const runs = jest.spyOn(api.app.get(TrendQuery), 'run');
    // A filter no other test uses, so that nothing is remembered for it yet.
    const trend = (metric: string) => api.get(`/api/v1/metrics/trend?metric=${metric}&levelOfCare=2.1&levelOfCare=1`);
    const charts = await Promise.all(['attendanceRate', 'retained60', 'episodes'].map(trend));
    expect(charts.map((chart) => chart.status)).toEqual([200, 200, 200]);
    expect(runs).toHaveBeenCalledTimes(1);
    expect((await trend('completionRate')).status).toBe(200);
    expect(runs).toHaveBeenCalledTimes(1);
    // A load stamps dataset_meta.loaded_at: the next trend reads the data again.
    const client = new Client({ connectionString: api.databaseUrl });
    await client.connect();
    await client.query(`UPDATE dataset_meta SET loaded_at = now()`);
    await client.end();
    const after = await trend('attendanceRate');
    expect(after.body).toEqual(charts[0].body);
    expect(runs).toHaveBeenCalledTimes(2);
    runs.mockRestore();
  });

  it("runs a dimension's breakdown once for every metric asked of it, per scope and filters", async () => {
    const byEpisode = jest.spyOn(api.app.get(BreakdownQuery), 'byEpisode');
    const byAppointment = jest.spyOn(api.app.get(AppointmentCountStore), 'byAppointment');
    // Filters no other test uses, so that nothing is remembered for them yet.
    const breakdown = (metric: string, by: string) =>
      api.get(`/api/v1/metrics/breakdown?metric=${metric}&by=${by}&levelOfCare=2.1&ageBand=18-25&ageBand=26-34`);
    const first = await breakdown('completionRate', 'program');
    const [second, third] = await Promise.all([breakdown('episodes', 'program'), breakdown('retained30', 'program')]);
    expect([first.status, second.status, third.status]).toEqual([200, 200, 200]);
    expect(byEpisode).toHaveBeenCalledTimes(1);
    expect((await breakdown('completionRate', 'program')).body).toEqual(first.body);
    expect((await breakdown('completionRate', 'levelOfCare')).status).toBe(200);
    expect(byEpisode).toHaveBeenCalledTimes(2);
    const slots = await Promise.all(['attendanceRate', 'noShowRate'].map((metric) => breakdown(metric, 'slot')));
    expect(slots.map((answer) => answer.status)).toEqual([200, 200]);
    expect(byAppointment).toHaveBeenCalledTimes(1);
    byEpisode.mockRestore();
    byAppointment.mockRestore();
  });
});
