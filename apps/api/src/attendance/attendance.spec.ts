import { DAYTIME_EPISODE_FIXTURE_SQL } from '../episodes/testing/daytime-episode-fixture';
import { expectWilsonRate } from '../episodes/testing/wilson';
import { startFixtureApp, type TestApp } from '../testing/test-app';

// Episodes 1-4 of summary-fixture.ts (every appointment at 18:00 local) and episode 5 of
// daytime-episode-fixture.ts (daytime and weekend appointments, discharged 04-13 after one week).
describe('GET /api/v1/attendance/* on the hand-built fixture', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startFixtureApp(DAYTIME_EPISODE_FIXTURE_SQL);
  });
  afterAll(() => api.close());

  type Cell = { weekday: string; dayPart: string; attendanceRate: unknown };

  it('heatmap: attendance per local weekday x part of day, all 21 cells', async () => {
    const { status, body } = await api.get('/api/v1/attendance/heatmap');
    expect(status).toBe(200);
    const heatmap = body as { asOf: string; cells: Cell[]; overall: unknown };
    expect(heatmap.asOf).toBe('2025-06-30');
    // Counted: attended, no_show, cancelled_patient up to the last day. Evenings (18:00) of episodes 1-4 by their
    // admission (Mon 01-06, 03-03, 05-05; Fri 11-01) + n days: Tue: 1, 2, 3 attended -> 3/3; Wed: 1 attended,
    // 2 patient-cancelled, 3 no-show -> 1/3; Thu: 1 attended -> 1/1; Fri: 1 no-show -> 0/1 (its Saturday is a
    // programme cancellation, left out); Sat: 4 no-show -> 0/1; Sun: 4 no-show, 5 attended 19:00 -> 1/2.
    // Episode 5: Mon 09:00 1/1; Tue 09:00 1/1; Tue 13:00 1/1; Wed 09:00 no-show 0/1 (Wed 17:00 programme
    // cancellation left out); Thu 12:00 patient-cancelled and 16:59 attended, both afternoon -> 1/2; Fri 08:00 and
    // 11:59, both morning -> 2/2; Sat 10:00 1/1; the Mon 04-14 booking is after its discharge.
    const expected: Record<string, [number, number]> = {
      'mon morning': [1, 1],
      'tue morning': [1, 1],
      'tue afternoon': [1, 1],
      'tue evening': [3, 3],
      'wed morning': [0, 1],
      'wed evening': [1, 3],
      'thu afternoon': [1, 2],
      'thu evening': [1, 1],
      'fri morning': [2, 2],
      'fri evening': [0, 1],
      'sat morning': [1, 1],
      'sat evening': [0, 1],
      'sun evening': [1, 2],
    };
    const days = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
    const parts = ['morning', 'afternoon', 'evening'];
    expect(heatmap.cells.map((cell) => `${cell.weekday} ${cell.dayPart}`)).toEqual(
      days.flatMap((day) => parts.map((part) => `${day} ${part}`)),
    );
    for (const cell of heatmap.cells) {
      const [attended, counted] = expected[`${cell.weekday} ${cell.dayPart}`] ?? [0, 0];
      expectWilsonRate(cell.attendanceRate, attended, counted);
    }
    // Overall: episodes 1-4 5/10 (the summary's) + episode 5 8/10 -> 13/20.
    expectWilsonRate(heatmap.overall, 13, 20);
  });

  it('heatmap takes the common filters', async () => {
    // Program 2: episodes 3 (Tue attended, Wed no-show) and 4 (Sat, Sun no-shows), all evenings.
    const { body } = await api.get('/api/v1/attendance/heatmap?programId=2');
    const heatmap = body as { cells: Cell[]; overall: unknown };
    const nonEmpty = heatmap.cells.filter((cell) => (cell.attendanceRate as { denominator: number }).denominator);
    expect(nonEmpty.map((cell) => `${cell.weekday} ${cell.dayPart}`)).toEqual([
      'tue evening',
      'wed evening',
      'sat evening',
      'sun evening',
    ]);
    expectWilsonRate(nonEmpty[0].attendanceRate, 1, 1);
    expectWilsonRate(nonEmpty[3].attendanceRate, 0, 1);
    expectWilsonRate(heatmap.overall, 1, 4);
  });

  it('compliance: the score and each component over the episodes where it is defined', async () => {
    const { status, body } = await api.get('/api/v1/attendance/compliance');
    expect(status).toBe(200);
    const compliance = body as {
      threshold: number;
      score: { mean: number };
      compliant: unknown;
      components: Array<{ key: string; label: string; mean: number | null; meeting: unknown }>;
    };
    expect(compliance.threshold).toBe(0.8);
    expect(compliance.components.map((component) => [component.key, component.label])).toEqual([
      ['sessionAdherence', 'Session adherence'],
      ['screenAdherence', 'Screen adherence'],
      ['goalAttainment', 'Goal attainment'],
    ]);
    const [session, screen, goal] = compliance.components;
    // Session adherence (the attendance rate): episodes 1 3/4, 2 1/2, 3 1/2, 4 0/2, 5 8/10; mean
    // (0.75 + 0.5 + 0.5 + 0 + 0.8) / 5 = 0.51; >= 0.80: episode 5 exactly at 0.80 -> 1/5.
    expect(session.mean).toBeCloseTo(0.51, 12);
    expectWilsonRate(session.meeting, 1, 5);
    // Screen adherence (collected / expected): episodes 1 3/3, 2 2/2, 4 1/2 (missing is not collected); 3 and 5
    // have no expected screen -> mean (1 + 1 + 0.5) / 3 = 5/6; meeting 2/3.
    expect(screen.mean).toBeCloseTo(5 / 6, 12);
    expectWilsonRate(screen.meeting, 2, 3);
    // Goal attainment (met / due, dropped left out): episodes 1 2/2, 2 0/1, 4 0/1, 5 1/1; 3 none -> mean 2/4 = 0.5;
    // meeting 2/4.
    expect(goal.mean).toBeCloseTo(0.5, 12);
    expectWilsonRate(goal.meeting, 2, 4);
    // Score: episodes 1-4 as in summary.spec.ts (11/12, 1/2, 1/2, 1/6) and 5 (0.8 + 1) / 2 = 0.9; compliant
    // (>= 0.80): episodes 1 and 5 -> 2/5.
    expect(compliance.score.mean).toBeCloseTo((11 / 12 + 1 / 2 + 1 / 2 + 1 / 6 + 0.9) / 5, 12);
    expectWilsonRate(compliance.compliant, 2, 5);
  });

  it('hours: histogram of attended hours per week, with the intensity floors', async () => {
    const { status, body } = await api.get('/api/v1/attendance/hours');
    expect(status).toBe(200);
    const hours = body as {
      n: number;
      bins: Array<{ lower: number; upper: number | null; label: string; episodes: number }>;
      floor: { adults: number; under18: number };
      under18Episodes: number;
      meetsIntensity: unknown;
    };
    // Attended hours per week (summary.spec.ts): episode 1 63/46 = 1.37 -> bin 1-2; 2 21/120, 3 21/57, 4 0 -> bin
    // 0-1; episode 5 930 min = 15.5 h in 1 week -> bin 15-16.
    expect(hours.bins).toHaveLength(21);
    expect(hours.bins[0]).toEqual({ lower: 0, upper: 1, label: '0-1', episodes: 3 });
    expect(hours.bins[20]).toEqual({ lower: 20, upper: null, label: '20+', episodes: 0 });
    expect(hours.bins.filter((bin) => bin.episodes).map((bin) => [bin.label, bin.episodes])).toEqual([
      ['0-1', 3],
      ['1-2', 1],
      ['15-16', 1],
    ]);
    expect(hours.n).toBe(5);
    // Episode 2 (born 2008, 17 at admission) has the under-18 floor of 6; only episode 5 meets its floor -> 1/5.
    expect(hours.floor).toEqual({ adults: 9, under18: 6 });
    expect(hours.under18Episodes).toBe(1);
    expectWilsonRate(hours.meetsIntensity, 1, 5);
  });

  it('no-shows: every status share per session type, and the total', async () => {
    const { status, body } = await api.get('/api/v1/attendance/no-shows');
    expect(status).toBe(200);
    type Outcomes = {
      key: string;
      label: string;
      appointments: number;
      shares: Record<string, unknown>;
      noShowRate: unknown;
      patientCancellationRate: unknown;
    };
    const noShows = body as { sessionTypes: Outcomes[]; total: Outcomes };
    // Appointments up to each episode's last day, every status. Group: episode 1 2 attended, 1 no-show, 1 programme
    // cancellation; 2 1 attended, 1 patient cancellation, 2 scheduled; 3 1 attended, 1 no-show; 4 2 no-shows;
    // 5 4 attended, 1 no-show, 1 programme cancellation (its 04-14 booking is after discharge) -> 8, 5, 1, 2, 2 of
    // 18. Individual: episode 1 1, episode 5 3 attended -> 4. Family: episode 5's patient cancellation. MAT:
    // episode 5's attended. No case management.
    expect(noShows.sessionTypes.map((type) => [type.key, type.label, type.appointments])).toEqual([
      ['group', 'Group', 18],
      ['individual', 'Individual', 4],
      ['family', 'Family', 1],
      ['mat', 'Medication (MAT)', 1],
    ]);
    const [group, individual, family] = noShows.sessionTypes;
    expectWilsonRate(group.shares['attended'], 8, 18);
    expectWilsonRate(group.shares['no_show'], 5, 18);
    expectWilsonRate(group.shares['cancelled_patient'], 1, 18);
    expectWilsonRate(group.shares['cancelled_program'], 2, 18);
    expectWilsonRate(group.shares['scheduled'], 2, 18);
    // No-show and patient cancellation rates on the attendance denominator: group 8 + 5 + 1 = 14.
    expectWilsonRate(group.noShowRate, 5, 14);
    expectWilsonRate(group.patientCancellationRate, 1, 14);
    expectWilsonRate(individual.shares['attended'], 4, 4);
    expectWilsonRate(individual.noShowRate, 0, 4);
    expectWilsonRate(family.shares['cancelled_patient'], 1, 1);
    expectWilsonRate(family.patientCancellationRate, 1, 1);
    // Total: 13 attended, 5 no-shows, 2 patient (group, family) and 2 programme cancellations, 2 scheduled = 24;
    // the attendance denominator 13 + 5 + 2 = 20 is the heatmap's.
    expect([noShows.total.key, noShows.total.appointments]).toEqual(['all', 24]);
    expectWilsonRate(noShows.total.shares['attended'], 13, 24);
    expectWilsonRate(noShows.total.shares['cancelled_patient'], 2, 24);
    expectWilsonRate(noShows.total.shares['scheduled'], 2, 24);
    expectWilsonRate(noShows.total.noShowRate, 5, 20);
    expectWilsonRate(noShows.total.patientCancellationRate, 2, 20);
  });

  it.each([
    ['heatmap?ageBand=12-17', 'ageBand must be one of 13-17'],
    ['compliance?from=2025-02-30x', 'from must be an ISO date (YYYY-MM-DD)'],
    ['hours?programId=abc', 'programId must be a positive integer'],
    ['no-shows?colour=blue', 'property colour should not exist'],
  ])('?%s is a 400 that names the parameter', async (query, message) => {
    const { status, body } = await api.get(`/api/v1/attendance/${query}`);
    expect(status).toBe(400);
    const messages = (body as { message: string[] }).message;
    expect(messages.some((text) => text.startsWith(message))).toBe(true);
  });
});
