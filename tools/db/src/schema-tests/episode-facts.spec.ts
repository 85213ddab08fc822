import { expect } from '@jest/globals';
import type { Client } from 'pg';
import { openRefreshedFixture, type RefreshedFixture } from './episode-facts-fixture';

// The episode_facts table on the hand-built fixture of episode-facts-fixture.ts: each fact worked
// out by hand below from METRICS.md and tools/synth/ground-truth.json "definitions".
const close = (value: number) => expect.closeTo(value, 9);

describe('episode_facts', () => {
  let fixture: RefreshedFixture | undefined;
  let client: Client;
  let facts: Map<number, Record<string, unknown>>;
  /** Each row's record key, apart: drawn at random per episode, so no golden value. */
  let recordKeys: Map<number, unknown>;

  beforeAll(async () => {
    fixture = await openRefreshedFixture();
    client = fixture.client;
    const rows = (await client.query<Record<string, unknown>>('SELECT * FROM episode_facts ORDER BY episode_id')).rows;
    facts = new Map(
      rows.map(({ record_key: _recordKey, revision: _revision, ...row }) => [row['episode_id'] as number, row]),
    );
    recordKeys = new Map(rows.map((row) => [row['episode_id'] as number, row['record_key']]));
  });
  afterAll(() => fixture?.close());

  it('has one row per episode', () => {
    expect([...facts.keys()]).toEqual([1, 2, 3, 4]);
  });

  it("copies each episode's random record key, an integer in [0, 2^24), distinct here", async () => {
    const episodes = await client.query<{ id: number; record_key: number }>('SELECT id, record_key FROM episodes');
    expect(new Map(episodes.rows.map((row) => [row.id, row.record_key]))).toEqual(recordKeys);
    const keys = [...recordKeys.values()] as number[];
    expect(keys.every((key) => Number.isInteger(key) && key >= 0 && key < 2 ** 24)).toBe(true);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('gives every row a revision of its own, and a row updated in place a new one', async () => {
    const revisionsOf = async () =>
      (await client.query<{ revision: string }>('SELECT revision FROM episode_facts ORDER BY episode_id')).rows.map(
        (row) => BigInt(row.revision),
      );
    const before = await revisionsOf();
    expect(new Set(before).size).toBe(4);
    await client.query('BEGIN');
    try {
      // As an import that moves the as-of date updates the facts of the episodes it does not recompute.
      await client.query('UPDATE episode_facts SET as_of = as_of + 1 WHERE episode_id = 2');
      const after = await revisionsOf();
      expect(after.map((revision, index) => revision === before[index])).toEqual([true, false, true, true]);
      expect(after[1] > before.reduce((max, revision) => (revision > max ? revision : max))).toBe(true);
    } finally {
      await client.query('ROLLBACK');
    }
  });

  it('episode 1: discharged, completed, no MAT', () => {
    expect(facts.get(1)).toEqual({
      episode_id: 1,
      org_id: 1,
      program_id: 1,
      patient_id: 1,
      level_of_care: '2.1',
      referral_date: '2025-01-02',
      referral_source: 'self',
      prior_discharge_date: null,
      admit_date: '2025-01-06',
      discharge_date: '2025-02-20',
      discharge_reason: 1,
      as_of: '2025-03-31',
      active: false,
      last_day: '2025-02-20',
      // Jan 6..31 is 26 days, Feb 1..20 is 20: 46 days; 46 / 7 weeks.
      length_of_stay_days: 46,
      weeks_in_treatment: close(46 / 7),
      age_at_admission: 40, // 2025 - 1985
      age_band: '35-44',
      sex: 'female',
      employment: 'employed',
      primary_substance: 'alcohol',
      oud: false,
      severity: 2,
      prior_episodes: 0,
      payer: 'medicaid',
      primary_counselor_id: 1,
      family_involved: true,
      // a1..a8, all on or before the discharge day (a8 is Feb 21 in UTC but Feb 20 in Chicago).
      appointments: 8,
      telehealth: 1, // a6
      attended: 5, // a1 a2 a5 a7 a8
      no_show: 1, // a3
      cancelled_patient: 1, // a6
      cancelled_program: 1, // a4
      scheduled: 0,
      scheduled_sessions: 7, // all but a4
      // a1 180 + a2 60 + a3 180 + a5 60 + a6 60 + a7 180 + a8 60 = 780 (a4 cancelled by the program)
      scheduled_minutes: 780,
      // a1 180 + a2 60 + a5 60 + a7 180 + a8 60 = 540
      attended_minutes: 540,
      scheduled_hours_per_week: close(780 / 60 / (46 / 7)), // 13 h / 6.571 weeks = 1.978
      attended_hours_per_week: close(540 / 60 / (46 / 7)), // 9 h / 6.571 weeks = 1.370
      meets_iop_intensity: false, // 1.370 < 9
      attendance_numerator: 5,
      attendance_denominator: 7, // 5 attended + 1 no-show + 1 cancelled by the patient
      // a2 (17:30), a5 (Saturday), a8 (19:00); a4 (18:00) was cancelled by the program
      evening_weekend_scheduled: 3,
      evening_weekend_share: close(3 / 7),
      window_days: 28, // min(46, 28): days 0..27 hold a1..a6
      scheduled_minutes_28: 540, // a1 180 + a2 60 + a3 180 + a5 60 + a6 60
      scheduled_hours_per_week_28: close(2.25), // 9 h / (28 / 7) weeks
      individual_sessions_28: 2, // a2 and a6 (cancelled by the patient, not by the program)
      individual_sessions_per_week_28: close(0.5), // 2 / 4 weeks
      groups_attended_28: 1, // a1 (a3 no-show, a4 cancelled, a7 on day 35)
      groups_attended_per_week_28: close(0.25),
      family_attended_28: true, // a5
      family_attended: 1,
      // Expected: s1..s5 (s6 for cause is not expected); s2 missing; s3 positive for alcohol.
      screens_expected: 5,
      screens_collected: 4,
      screens_negative: 3, // s1 s4 s5
      negative_screen_rate: close(3 / 5),
      screens_expected_28: 3, // s1 (day 2) s2 (day 9) s3 (day 16)
      screens_negative_28: 1, // s1
      negative_screen_rate_28: close(1 / 3),
      // Final 28 days: day >= 46 - 28 = 18 (Jan 24 .. Feb 20): s4 (day 37) and s5 (day 44), both negative.
      screens_expected_final_28: 2,
      screens_negative_final_28: 2,
      abstinent_final_4_weeks: true,
      // g1 (met), g2 (not met), g3 (met) due by Feb 20; g4 dropped.
      goals_due: 3,
      goals_met: 2,
      session_adherence: close(5 / 7),
      screen_adherence: close(4 / 5),
      goal_attainment: close(2 / 3),
      // (5/7 + 4/5 + 2/3) / 3 = (75 + 84 + 70) / 105 / 3 = 229 / 315 = 0.727
      compliance_score: close(229 / 315),
      compliant: false,
      alliance: 48, // w2 on day 21 (w1 on day 10 is not after day 14)
      readiness_first: 5,
      readiness_last: 8,
      readiness_count: 3,
      mat: false,
      mat_medications: [],
      mat_first_dispensed_on: null,
      mutual_help_reports: 3,
      mutual_help_meetings: 9, // 2 + 4 + 3
      mutual_help_meetings_per_week: close(3),
      days_to_readmission: 18, // episode 4 of the same patient, admitted 2025-03-10
      charges_cents: 42000, // 15000 + 15000 + 12000
    });
  });

  it('episode 2: active at the as-of date, adolescent, on buprenorphine', () => {
    expect(facts.get(2)).toEqual(
      expect.objectContaining({
        discharge_date: null,
        discharge_reason: null,
        active: true,
        last_day: '2025-03-31', // the as-of date
        length_of_stay_days: 29, // Mar 3..31
        weeks_in_treatment: close(29 / 7),
        age_at_admission: 17, // 2025 - 2008
        age_band: '13-17',
        oud: true,
        // b1 b2 b3 b7 b4 b5 b8 (b8 at 19:30 on the as-of day); b6 (Apr 2) is after the as-of date.
        appointments: 7,
        telehealth: 1, // b3
        attended: 4, // b1 b2 b3 b5
        no_show: 1, // b4
        cancelled_patient: 0,
        cancelled_program: 1, // b7
        scheduled: 1, // b8
        scheduled_sessions: 6,
        scheduled_minutes: 690, // b1 180 + b2 30 + b3 60 + b4 180 + b5 180 + b8 60
        attended_minutes: 450, // b1 180 + b2 30 + b3 60 + b5 180
        scheduled_hours_per_week: close(690 / 60 / (29 / 7)), // 11.5 h / 4.143 weeks = 2.776
        attended_hours_per_week: close(450 / 60 / (29 / 7)), // 7.5 h / 4.143 weeks = 1.810
        meets_iop_intensity: false, // 1.810 < 6 (under 18)
        attendance_numerator: 4,
        attendance_denominator: 5, // 4 attended + 1 no-show; b7 and b8 left out
        // b4 (Saturday), b5 (18:00), b8 (19:30); b3 is 16:30 in Chicago (21:30 UTC)
        evening_weekend_scheduled: 3,
        evening_weekend_share: close(3 / 6),
        window_days: 28, // min(29, 28): days 0..27; b5 and b8 are on day 28
        scheduled_minutes_28: 450, // b1 180 + b2 30 + b3 60 + b4 180 (b7 cancelled by the program)
        scheduled_hours_per_week_28: close(1.875), // 7.5 h / 4 weeks
        individual_sessions_28: 1, // b3
        individual_sessions_per_week_28: close(0.25),
        groups_attended_28: 1, // b1 (b4 was a no-show)
        family_attended_28: false, // b7 was cancelled by the program
        family_attended: 0,
        // t1 positive only for the prescribed buprenorphine: negative; t2 also fentanyl; t3 methadone is not
        // this patient's medication; t4 negative.
        screens_expected: 4,
        screens_collected: 4,
        screens_negative: 2,
        screens_expected_28: 4, // days 2, 9, 16, 23
        screens_negative_28: 2,
        negative_screen_rate_28: close(0.5),
        screens_expected_final_28: 4, // day >= 29 - 28 = 1
        screens_negative_final_28: 2,
        abstinent_final_4_weeks: false,
        goals_due: 2, // h1 h2 (both met); h3 is due Apr 14, after the as-of date
        goals_met: 2,
        session_adherence: close(0.8), // 4 / 5
        screen_adherence: close(1),
        goal_attainment: close(1),
        compliance_score: close(2.8 / 3), // (0.8 + 1 + 1) / 3 = 0.933
        compliant: true,
        alliance: null, // w4 is on local day 14 (day 15 in UTC): not after day 14
        readiness_first: 6,
        readiness_last: 6,
        readiness_count: 1,
        mat: true,
        mat_medications: ['buprenorphine'],
        mat_first_dispensed_on: '2025-03-03',
        mutual_help_reports: 0,
        mutual_help_meetings: 0,
        mutual_help_meetings_per_week: null,
        charges_cents: 0,
      }),
    );
  });

  it('episode 3: an early dropout with no screens and no goal due by its discharge', () => {
    expect(facts.get(3)).toEqual(
      expect.objectContaining({
        discharge_reason: 2,
        active: false,
        length_of_stay_days: 10, // Feb 3..12
        age_at_admission: 67, // 2025 - 1958
        age_band: '65+',
        primary_counselor_id: null,
        appointments: 2, // c1 c2; c3 (Feb 14) is after the discharge
        attended: 1,
        no_show: 1,
        cancelled_patient: 0,
        scheduled_minutes: 360,
        attended_minutes: 180,
        scheduled_hours_per_week: close(4.2), // 6 h / (10 / 7) weeks
        attended_hours_per_week: close(2.1), // 3 h / (10 / 7) weeks
        evening_weekend_scheduled: 0,
        evening_weekend_share: close(0),
        window_days: 10, // min(10, 28)
        scheduled_minutes_28: 360,
        scheduled_hours_per_week_28: close(4.2),
        groups_attended_28: 1,
        groups_attended_per_week_28: close(0.7), // 1 / (10 / 7)
        screens_expected: 0,
        negative_screen_rate: null,
        abstinent_final_4_weeks: false, // no screen expected
        goals_due: 0, // k1 is due Feb 17, after the discharge
        session_adherence: close(0.5),
        screen_adherence: null,
        goal_attainment: null,
        compliance_score: close(0.5), // the only defined component
        compliant: false,
        alliance: null,
        readiness_first: null,
        readiness_count: 0,
        mat: false,
      }),
    );
  });

  it('episode 4: an active readmission with no activity yet', () => {
    expect(facts.get(4)).toEqual(
      expect.objectContaining({
        program_id: 2,
        patient_id: 1,
        level_of_care: '1',
        length_of_stay_days: 22, // Mar 10..31
        window_days: 22,
        appointments: 0,
        scheduled_minutes: 0,
        scheduled_hours_per_week: 0,
        scheduled_hours_per_week_28: 0,
        evening_weekend_share: null,
        attendance_denominator: 0,
        session_adherence: null,
        compliance_score: null,
        compliant: null,
        family_attended_28: false,
        charges_cents: 5000,
      }),
    );
  });
});
