import type {
  QualityMeasureDetailResponse,
  QualityMeasureResult,
  QualityMeasuresResponse,
  QualityPatientsResponse,
} from '@iop/contracts';
import { Client } from 'pg';
import { expectWilsonRate } from '../episodes/testing/wilson';
import { REASON_SMALL, withheld } from '../suppression/small-cells';
import { createTestUser, startFixtureApp, type TestApp } from '../testing/test-app';
import { QUALITY_FIXTURE_SQL } from './testing/quality-fixture';

// Every expected number below is worked out by hand from the tables in testing/quality-fixture.ts.

describe('quality measures on a hand-built fixture (real PostgreSQL)', () => {
  let api: TestApp;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    api = await startFixtureApp(QUALITY_FIXTURE_SQL);
    const users = [
      { email: 'quality@q.test', role: 'quality' as const },
      { email: 'payer@q.test', role: 'payer' as const, payer: 'commercial' },
      { email: 'director@q.test', role: 'director' as const, programIds: [2] },
    ];
    for (const user of users) {
      await createTestUser(api.databaseUrl, { ...user, password: 'a long password' });
      tokens[user.role] = await api.signIn(user.email, 'a long password');
    }
  });
  afterAll(() => api.close());

  const getAs = (role: string, path: string) =>
    api.request('GET', path, { headers: { authorization: `Bearer ${tokens[role]}` } });
  const measuresOf = async (path = '/api/v1/quality/measures') => {
    const { status, body } = await api.get(path);
    expect(status).toBe(200);
    const response = body as QualityMeasuresResponse;
    return Object.fromEntries(response.measures.map((m) => [m.id, m])) as Record<string, QualityMeasureResult>;
  };
  const patients = async (id: string, population: string) => {
    const { status, body } = await api.get(`/api/v1/quality/measures/${id}/patients?population=${population}`);
    expect(status).toBe(200);
    return (body as QualityPatientsResponse).rows;
  };

  it('IET initiation: day 13 after referral initiates, day 14 does not; age 13 counts, 12 is excluded', async () => {
    const { 'iet-initiation': measure } = await measuresOf();
    // Denominator 1, 2, 3, 4, 8 (5); initiated 1 (day 13), 3 (day 0), 4 (day 1), 8 (day 1) = 4; not 2 (day 14).
    expectWilsonRate(measure.rate, 4, 5);
    // Excluded: 5 (aged 12); 6, 11-16, 21-24, 31-36 have no referral date (1 + 6 + 4 + 6 = 17);
    // 7 (referred 12-20, 12-20 + 13 = 01-02 after the as-of date 12-31).
    expect(measure.exclusions).toEqual([
      { reason: 'no referral date', count: 17 },
      { reason: "referred fewer than 14 days before the data's end", count: 1 },
      { reason: 'under 13 at admission', count: 1 },
    ]);
    const rows = await patients('iet-initiation', 'denominator');
    expect(rows.map((r) => [r.episodeId, r.patientKey, r.inNumerator, r.startDate, r.eventDate, r.days])).toEqual([
      [1, 'Q1', true, '2025-03-01', '2025-03-14', 13],
      [2, 'Q2', false, '2025-03-01', '2025-03-15', 14],
      [3, 'Q3', true, '2025-04-01', '2025-04-01', 0],
      [4, 'Q4', true, '2025-04-01', '2025-04-02', 1],
      [8, 'Q8', true, '2025-11-20', '2025-11-21', 1],
    ]);
  });

  it('IET engagement: two dispenses count as one event; a service on day 34 counts', async () => {
    const { 'iet-engagement': measure } = await measuresOf();
    // Denominator 1, 2, 3, 4 (8 is excluded: 11-20 + 47 = 01-06 after 12-31). Engaged: 1 (services 03-20 and
    // 03-25 after initiation 03-14); 4 (dispense 04-03 + service 05-06 = 04-02 + 34; the second attendance on the
    // initiation day does not count). Not: 2 (not initiated), 3 (dispenses 04-05 and 04-10 are one event) -> 2/4.
    expectWilsonRate(measure.rate, 2, 4);
    expect(measure.exclusions).toEqual([
      { reason: 'no referral date', count: 17 },
      { reason: "referred fewer than 48 days before the data's end", count: 2 },
      { reason: 'under 13 at admission', count: 1 },
    ]);
    const rows = await patients('iet-engagement', 'denominator');
    expect(rows.map((r) => [r.episodeId, r.inNumerator, r.startDate, r.eventDate, r.days])).toEqual([
      [1, true, '2025-03-14', '2025-03-25', 11],
      [2, false, null, null, null],
      [3, false, '2025-04-01', null, null],
      [4, true, '2025-04-02', '2025-05-06', 34],
    ]);
  });

  it('POD: overlapping fills shifted forward, a gap of 7 bridged and of 8 not; age 16 counts, 15 is excluded', async () => {
    const { pod } = await measuresOf();
    // 11: 90 days + the day-80 fill shifted to days 90..179 = 180; 12: gap of 7 bridged, days 0..206 = 207;
    // 13: gap of 8, days 0..99 = 100; 15 (aged 16): 180 days -> 3/4. Excluded: 14 (aged 15), 16 (08-01 + 179 > 12-31).
    expectWilsonRate(pod.rate, 3, 4);
    expect(pod.exclusions).toEqual([
      { reason: "first dispense fewer than 180 days before the data's end", count: 1 },
      { reason: 'under 16 at admission', count: 1 },
    ]);
    const rows = await patients('pod', 'denominator');
    expect(rows.map((r) => [r.episodeId, r.inNumerator, r.startDate, r.eventDate, r.days])).toEqual([
      [11, true, '2025-01-10', '2025-07-08', 180],
      [12, true, '2025-01-10', '2025-08-04', 207],
      [13, false, '2025-01-10', '2025-04-19', 100],
      [15, true, '2025-02-01', '2025-07-30', 180],
    ]);
  });

  it('PDC: overlapping fills shifted forward, exactly 0.80 adherent, coverage clipped to the period', async () => {
    const { 'pdc-mat': measure } = await measuresOf();
    // Period = first dispense .. discharge or 12-31. 3: 20 of 26 (04-05..04-30); 4: 56 of 59; 11: 180 of 356;
    // 12, 13, 14: 200 of 356; 15: 180 of 334; 16: 08-01..12-31 153 of 153 (the supply runs beyond the period);
    // 21: 40 of 50 = 0.80; 22: 40 of 45 (the 06-10 fill shifted to 06-21); 24: 20 of 31. Adherent: 4, 16, 21, 22.
    expectWilsonRate(measure.rate, 4, 11);
    expect(measure.exclusions).toEqual([{ reason: "first dispense after the episode's last day", count: 1 }]);
    const rows = await patients('pdc-mat', 'numerator');
    expect(rows.map((r) => [r.episodeId, r.startDate, r.eventDate, r.days, r.proportion])).toEqual([
      [4, '2025-04-03', '2025-05-31', 56, 56 / 59],
      [16, '2025-08-01', '2025-12-31', 153, 1],
      [21, '2025-06-01', '2025-07-20', 40, 0.8],
      [22, '2025-06-01', '2025-07-15', 40, 40 / 45],
    ]);
  });

  it('follow-up: 7 days counts and 8 not; 30 counts and 31 not; windows must have ended', async () => {
    const measures = await measuresOf();
    // 7 days: denominator 31, 32, 33, 34, 36 (12-20 + 7 <= 12-31); within 7: 31 (7), 36 (1) -> 2/5.
    expectWilsonRate(measures['fui-7'].rate, 2, 5);
    expect(measures['fui-7'].exclusions).toEqual([{ reason: 'no discharge date of the referring stay', count: 1 }]);
    // 30 days: 36 excluded (12-20 + 30 > 12-31); within 30: 31 (7), 32 (8), 33 (30); not 34 (31) -> 3/4.
    expectWilsonRate(measures['fui-30'].rate, 3, 4);
    expect(measures['fui-30'].exclusions).toEqual([
      { reason: "discharged fewer than 31 days before the data's end", count: 1 },
      { reason: 'no discharge date of the referring stay', count: 1 },
    ]);
    const rows = await patients('fui-7', 'numerator');
    expect(rows.map((r) => [r.episodeId, r.startDate, r.eventDate, r.days])).toEqual([
      [31, '2025-06-01', '2025-06-08', 7],
      [36, '2025-12-20', '2025-12-21', 1],
    ]);
  });

  it('the detail splits a measure by month of admission, program and payer', async () => {
    const { status, body } = await api.get('/api/v1/quality/measures/fui-30');
    expect(status).toBe(200);
    const detail = body as QualityMeasureDetailResponse;
    expect(detail.asOf).toBe('2025-12-31');
    expectWilsonRate(detail.measure.rate, 3, 4);
    // Admitted 06 (31, 32: both within 30), 07 (33 yes, 34 no).
    expect(detail.trend.map((p) => p.key)).toEqual(['2025-06', '2025-07']);
    expectWilsonRate(detail.trend[0].rate, 2, 2);
    expectWilsonRate(detail.trend[1].rate, 1, 2);
    // Program 1: 31, 32, 34 -> 2/3; program 2: 33 -> 1/1. Commercial: 33, 34 -> 1/2; Medicaid: 31, 32 -> 2/2.
    expect(detail.byProgram.map((g) => [g.key, g.label])).toEqual([
      ['1', 'Evening IOP'],
      ['2', 'Outpatient'],
    ]);
    expectWilsonRate(detail.byProgram[0].rate, 2, 3);
    expectWilsonRate(detail.byProgram[1].rate, 1, 1);
    expect(detail.byPayer.map((g) => [g.key, g.label])).toEqual([
      ['commercial', 'Commercial'],
      ['medicaid', 'Medicaid'],
    ]);
    expectWilsonRate(detail.byPayer[0].rate, 1, 2);
    expectWilsonRate(detail.byPayer[1].rate, 2, 2);
    expect((await api.get('/api/v1/quality/measures/no-such-measure')).status).toBe(404);
  });

  it('writes exactly one audit event per patient-list call, with the filters and the row count', async () => {
    const client = new Client({ connectionString: api.databaseUrl });
    await client.connect();
    try {
      const count = async () =>
        Number(
          (
            await client.query<{ count: string }>(
              `SELECT count(*) FROM audit_events WHERE action = 'quality.patients.read'`,
            )
          ).rows[0].count,
        );
      const before = await count();
      const first = await getAs('quality', '/api/v1/quality/measures/pod/patients?population=numerator&programId=2');
      expect(first.status).toBe(200);
      expect(await count()).toBe(before + 1);
      await getAs('quality', '/api/v1/quality/measures/fui-7/patients?population=denominator');
      expect(await count()).toBe(before + 2);
      const { rows } = await client.query(
        `SELECT resource, filters, row_count, role FROM audit_events WHERE action = 'quality.patients.read'
         ORDER BY id DESC LIMIT 2`,
      );
      expect(rows).toEqual([
        { resource: 'quality/fui-7', filters: { population: 'denominator' }, row_count: 5, role: 'quality' },
        {
          resource: 'quality/pod',
          filters: { population: 'numerator', programId: [2] },
          row_count: 3,
          role: 'quality',
        },
      ]);
    } finally {
      await client.end();
    }
  });

  it('refuses the patient list to a payer (403) and shows the payer suppressed measures', async () => {
    expect((await getAs('payer', '/api/v1/quality/measures/pod/patients?population=numerator')).status).toBe(403);
    const { status, body } = await getAs('payer', '/api/v1/quality/measures');
    expect(status).toBe(200);
    const measures = Object.fromEntries((body as QualityMeasuresResponse).measures.map((m) => [m.id, m]));
    // Commercial episodes: 11, 12 (POD 2/2, PDC 0/2), 33, 34 (follow-up 7: 0/2, 30: 1/2); none has a referral
    // date, so IET is 0/0 (shown: zero identifies nobody) with 4 "no referral date" exclusions (withheld).
    const small = withheld(REASON_SMALL);
    for (const id of ['pod', 'pdc-mat', 'fui-7', 'fui-30']) expect([id, measures[id].rate]).toEqual([id, small]);
    expectWilsonRate(measures['iet-initiation'].rate, 0, 0);
    expect(measures['iet-initiation'].exclusions).toEqual([{ reason: 'no referral date', count: small }]);
    const detail = await getAs('payer', '/api/v1/quality/measures/fui-30');
    expect((detail.body as QualityMeasureDetailResponse).byPayer).toEqual([
      { key: 'commercial', label: 'Commercial', rate: small },
    ]);
  });

  it("shows a director only their programs' episodes", async () => {
    const { status, body } = await getAs('director', '/api/v1/quality/measures/fui-30/patients?population=denominator');
    expect(status).toBe(200);
    expect((body as QualityPatientsResponse).rows.map((r) => r.episodeId)).toEqual([33]);
  });
});
