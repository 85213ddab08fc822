import type { EvidenceClaim, EvidenceClaimDetail, EvidenceResponse } from '@iop/contracts';
import { SUMMARY_FIXTURE_SQL } from '../episodes/testing/summary-fixture';
import { startFixtureApp, type TestApp } from '../testing/test-app';

/**
 * The evidence board on the four episodes of summary-fixture.ts: every number below is worked out by hand
 * from the fixture's table. With groups this small every verdict is "not enough data"; the models themselves
 * are pinned by the truth-recovery test on the standard preset and by the golden tests of @iop/stats.
 */
describe('GET /api/v1/evidence on the hand-built fixture', () => {
  let api: TestApp;
  let claims: Map<number, EvidenceClaim>;

  beforeAll(async () => {
    api = await startFixtureApp(SUMMARY_FIXTURE_SQL);
    const { status, body } = await api.get('/api/v1/evidence');
    expect(status).toBe(200);
    expect((body as EvidenceResponse).asOf).toBe('2025-06-30');
    claims = new Map((body as EvidenceResponse).claims.map((claim) => [claim.id, claim]));
  });
  afterAll(() => api.close());

  const claim = (id: number) => claims.get(id) as EvidenceClaim;

  it('holds the ten claims in order, each "not enough data" with groups under 30', () => {
    expect([...claims.keys()]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect([...claims.values()].map((c) => c.verdict)).toEqual(Array(10).fill('not_enough_data'));
  });

  it('claim 5: attendance per time slot and employment group, from the appointments', () => {
    // Every appointment is at 18:00 local, so weekday ones are "evening". Employed or student: episode 1
    // (employed; Tue-Fri attended 3, no-show 1; Saturday cancelled by the program, not counted), episode 2
    // (student; attended 1, cancelled by the patient 1; two still scheduled, not counted) and episode 4
    // (employed; Saturday and Sunday no-shows) -> evening 4/6, weekend 0/2. Other: episode 3 -> evening 1/2.
    const chart = claim(5).chart;
    if (chart.type !== 'heatmap') throw new Error(`claim 5 has a ${chart.type} chart`);
    const counts = chart.cells.map((c) => [c.employment, c.slot, c.attendance.numerator, c.attendance.denominator]);
    expect(counts).toEqual([
      ['employed_or_student', 'morning', 0, 0],
      ['employed_or_student', 'afternoon', 0, 0],
      ['employed_or_student', 'evening', 4, 6],
      ['employed_or_student', 'weekend', 0, 2],
      ['other', 'morning', 0, 0],
      ['other', 'afternoon', 0, 0],
      ['other', 'evening', 1, 2],
      ['other', 'weekend', 0, 0],
    ]);
    expect(chart.cells[2].attendance.rate).toBeCloseTo(4 / 6, 12);
    expect(chart.cells[0].attendance.rate).toBeNull();
    // Per episode, every scheduled session is in the evening or at the weekend (share 1: the evening track).
    // Employed or student: episodes 1 (3/4), 2 (1/2) and 4 (0/2), mean 5/12; other: episode 3 (1/2), too few
    // for an interval. No episode is on the day track.
    expect(chart.byTrack.map((t) => [t.employment, t.track, t.n])).toEqual([
      ['employed_or_student', 'evening_weekend', 3],
      ['employed_or_student', 'day', 0],
      ['other', 'evening_weekend', 1],
      ['other', 'day', 0],
    ]);
    expect(chart.byTrack[0].mean).toBeCloseTo(5 / 12, 12);
    expect(chart.byTrack[2]).toMatchObject({ mean: 0.5, ci95: null });
  });

  it('claim 4: completion of discharged episodes per level of care', () => {
    // Level 2.1: episode 1 discharged with reason 1 (1/1); level 1: episode 4, reason 2 (0/1).
    const chart = claim(4).chart;
    if (chart.type !== 'grouped_bars') throw new Error(`claim 4 has a ${chart.type} chart`);
    expect(chart.bars.map((b) => [b.levelOfCare, b.completion.numerator, b.completion.denominator])).toEqual([
      ['2.1', 1, 1],
      ['1', 0, 1],
    ]);
    expect(claim(4).n).toBe(2);
  });

  it('claim 7: the landmark population (stay >= 29 days, discharged) has no family session', () => {
    // Episodes 1 (stay 46 days, completed) and 4 (31 days, dropped out); the fixture has no family sessions.
    const chart = claim(7).chart;
    if (chart.type !== 'grouped_bars') throw new Error(`claim 7 has a ${chart.type} chart`);
    expect(chart.bars.map((b) => [b.group, b.completion.numerator, b.completion.denominator])).toEqual([
      ['any family session', 0, 0],
      ['none', 1, 2],
    ]);
    expect(claim(7).unadjusted.estimate).toBeNull();
  });

  it('claim 3: terciles of groups attended per week in days 0-27, landmark population', () => {
    // Stays: 46, 120 (active), 57 (active), 31: all in the landmark. Groups attended in days 0-27 over 4 weeks:
    // episode 1 two (0.5), episodes 2 and 3 one (0.25), episode 4 none (0). R type 7 terciles of
    // [0, 0.25, 0.25, 0.5] are 0.25 and 0.25, so the lower tercile holds episodes 2, 3 and 4 (one disengaged:
    // episode 4, reason 2), the middle none and the upper episode 1.
    const chart = claim(3).chart;
    if (chart.type !== 'survival') throw new Error(`claim 3 has a ${chart.type} chart`);
    expect(chart.tercileCutPoints).toEqual([0.25, 0.25]);
    expect(chart.groups.map((g) => [g.label, g.n, g.events])).toEqual([
      ['lower tercile', 3, 1],
      ['middle tercile', 0, 0],
      ['upper tercile', 1, 0],
    ]);
    expect(claim(3).n).toBe(4);
  });

  it('claim 10: episode 2, the only one with opioid use disorder, has MAT; its detail has the curve', async () => {
    const { status, body } = await api.get('/api/v1/evidence/10');
    expect(status).toBe(200);
    const detail = body as EvidenceClaimDetail & { detail: { curves: Array<{ label: string; steps: unknown[] }> } };
    if (detail.chart.type !== 'survival') throw new Error(`claim 10 has a ${detail.chart.type} chart`);
    expect(detail.chart.groups.map((g) => [g.label, g.n, g.events])).toEqual([
      ['MAT', 1, 0],
      ['no MAT', 0, 0],
    ]);
    // Active at the as-of date after 120 days: one censored step.
    expect(detail.detail.curves[0].steps).toEqual([
      expect.objectContaining({ time: 120, atRisk: 1, events: 0, censored: 1, survival: 1 }),
    ]);
    expect(detail.chart.logRank).toBeNull();
  });

  it('filters select the episodes: level of care 1 leaves episodes 3 and 4', async () => {
    const { status, body } = await api.get('/api/v1/evidence?levelOfCare=1');
    expect(status).toBe(200);
    const filtered = new Map((body as EvidenceResponse).claims.map((c) => [c.id, c]));
    expect(filtered.get(1)?.n).toBe(2);
    expect((await api.get('/api/v1/evidence?levelOfCare=9')).status).toBe(400);
  });
});
