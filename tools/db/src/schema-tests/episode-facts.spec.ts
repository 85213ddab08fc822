import { Client, types } from 'pg';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';

const DATE_OID = 1082;
const BIGINT_OID = 20;

/**
 * The episode_facts materialized view on a hand-built fixture: four episodes in Chicago-time programs, each
 * fact worked out by hand below from METRICS.md and tools/synth/ground-truth.json "definitions".
 *
 * Calendar used (2025): Jan 6, Feb 3, Mar 3, Mar 10 and Mar 31 are Mondays; Jan 11 and Mar 29 are Saturdays.
 * Chicago is UTC-6 until Sunday Mar 9 and UTC-5 from then (DST), so timestamps carry the local offset.
 */
const FIXTURE = `
  INSERT INTO organizations (id, name) VALUES (1, 'Fixture Health');
  INSERT INTO programs (id, org_id, name, level_of_care, timezone) VALUES
    (1, 1, 'Chicago IOP', '2.1', 'America/Chicago'),
    (2, 1, 'Chicago Outpatient', '1', 'America/Chicago');
  INSERT INTO staff (id, org_id, program_id, display_name, role) VALUES (1, 1, 1, 'Counselor A', 'counselor');
  INSERT INTO patients (id, org_id, patient_key, birth_year, sex, zip3, employment, source_system, source_id) VALUES
    (1, 1, 'P-1', 1985, 'female', '606', 'employed', 'fx', 'p1'),
    (2, 1, 'P-2', 2008, 'male', '606', 'student', 'fx', 'p2'),
    (3, 1, 'P-3', 1958, 'male', '606', 'unemployed', 'fx', 'p3');
  INSERT INTO episodes (id, org_id, program_id, patient_id, level_of_care, referral_date, referral_source,
      admit_date, discharge_date, discharge_reason, primary_substance, oud, severity, prior_episodes, payer,
      primary_counselor_id, family_involved, source_system, source_id) VALUES
    (1, 1, 1, 1, '2.1', '2025-01-02', 'self', '2025-01-06', '2025-02-20', 1, 'alcohol', false, 2, 0, 'medicaid', 1, true, 'fx', 'e1'),
    (2, 1, 1, 2, '2.1', '2025-03-01', 'family', '2025-03-03', NULL, NULL, 'opioids', true, 3, 1, 'commercial', 1, false, 'fx', 'e2'),
    (3, 1, 1, 3, '2.1', '2025-02-03', 'court', '2025-02-03', '2025-02-12', 2, 'stimulants', false, 1, 2, 'medicare', NULL, false, 'fx', 'e3'),
    (4, 1, 2, 1, '1', '2025-03-07', 'outpatient', '2025-03-10', NULL, NULL, 'alcohol', false, 1, 1, 'medicaid', NULL, false, 'fx', 'e4');
  INSERT INTO dataset_meta (org_id, as_of, generated_by) VALUES (1, '2025-03-31', '{"generator": "fixture"}');

  INSERT INTO appointments (org_id, episode_id, session_type, scheduled_start, duration_min, modality, status, source_system, source_id) VALUES
    -- episode 1 (admitted Mon 2025-01-06, discharged 2025-02-20)
    (1, 1, 'group',      '2025-01-06 09:00-06', 180, 'in_person',  'attended',          'fx', 'a1'),  -- day 0
    (1, 1, 'individual', '2025-01-07 17:30-06',  60, 'in_person',  'attended',          'fx', 'a2'),  -- day 1, evening
    (1, 1, 'group',      '2025-01-08 09:00-06', 180, 'in_person',  'no_show',           'fx', 'a3'),  -- day 2
    (1, 1, 'group',      '2025-01-09 18:00-06', 180, 'in_person',  'cancelled_program', 'fx', 'a4'),  -- day 3, evening but cancelled by program
    (1, 1, 'family',     '2025-01-11 10:00-06',  60, 'in_person',  'attended',          'fx', 'a5'),  -- day 5, Saturday
    (1, 1, 'individual', '2025-01-14 10:00-06',  60, 'telehealth', 'cancelled_patient', 'fx', 'a6'),  -- day 8
    (1, 1, 'group',      '2025-02-10 09:00-06', 180, 'in_person',  'attended',          'fx', 'a7'),  -- day 35
    (1, 1, 'individual', '2025-02-20 19:00-06',  60, 'in_person',  'attended',          'fx', 'a8'),  -- day 45 (UTC: Feb 21 01:00), evening
    -- episode 2 (admitted Mon 2025-03-03, active at the as-of date 2025-03-31)
    (1, 2, 'group',      '2025-03-03 09:00-06', 180, 'in_person',  'attended',          'fx', 'b1'),  -- day 0
    (1, 2, 'mat',        '2025-03-03 13:00-06',  30, 'in_person',  'attended',          'fx', 'b2'),  -- day 0
    (1, 2, 'individual', '2025-03-10 16:30-05',  60, 'telehealth', 'attended',          'fx', 'b3'),  -- day 7 (UTC 21:30: not evening locally)
    (1, 2, 'family',     '2025-03-14 10:00-05',  60, 'in_person',  'cancelled_program', 'fx', 'b7'),  -- day 11
    (1, 2, 'group',      '2025-03-29 10:00-05', 180, 'in_person',  'no_show',           'fx', 'b4'),  -- day 26, Saturday
    (1, 2, 'group',      '2025-03-31 18:00-05', 180, 'in_person',  'attended',          'fx', 'b5'),  -- day 28 (outside the window), evening
    (1, 2, 'individual', '2025-03-31 19:30-05',  60, 'in_person',  'scheduled',         'fx', 'b8'),  -- day 28, evening, later on the as-of day
    (1, 2, 'individual', '2025-04-02 10:00-05',  60, 'in_person',  'scheduled',         'fx', 'b6'),  -- after the as-of date: left out
    -- episode 3 (admitted Mon 2025-02-03, dropped out 2025-02-12)
    (1, 3, 'group',      '2025-02-03 09:00-06', 180, 'in_person',  'attended',          'fx', 'c1'),  -- day 0
    (1, 3, 'group',      '2025-02-05 09:00-06', 180, 'in_person',  'no_show',           'fx', 'c2'),  -- day 2
    (1, 3, 'individual', '2025-02-14 10:00-06',  60, 'in_person',  'cancelled_patient', 'fx', 'c3');  -- after discharge: left out

  INSERT INTO drug_screens (org_id, episode_id, collected_at, expected, result, positive_for, source_system, source_id) VALUES
    (1, 1, '2025-01-08 09:15-06', true,  'negative', '{}',                       'fx', 's1'),  -- day 2
    (1, 1, '2025-01-15 09:15-06', true,  'missing',  '{}',                       'fx', 's2'),  -- day 9
    (1, 1, '2025-01-22 09:15-06', true,  'positive', '{alcohol}',                'fx', 's3'),  -- day 16
    (1, 1, '2025-02-05 12:00-06', false, 'positive', '{cannabis}',               'fx', 's6'),  -- for cause: not expected
    (1, 1, '2025-02-12 09:15-06', true,  'negative', '{}',                       'fx', 's4'),  -- day 37
    (1, 1, '2025-02-19 09:15-06', true,  'negative', '{}',                       'fx', 's5'),  -- day 44
    (1, 2, '2025-03-05 09:15-06', true,  'positive', '{buprenorphine}',          'fx', 't1'),  -- day 2, prescribed only
    (1, 2, '2025-03-12 09:15-05', true,  'positive', '{buprenorphine,fentanyl}', 'fx', 't2'),  -- day 9
    (1, 2, '2025-03-19 09:15-05', true,  'positive', '{methadone}',              'fx', 't3'),  -- day 16, not prescribed
    (1, 2, '2025-03-26 09:15-05', true,  'negative', '{}',                       'fx', 't4');  -- day 23

  INSERT INTO plan_goals (org_id, episode_id, created_on, due_on, status, source_system, source_id) VALUES
    (1, 1, '2025-01-06', '2025-01-20', 'met',         'fx', 'g1'),
    (1, 1, '2025-01-06', '2025-02-03', 'not_met',     'fx', 'g2'),
    (1, 1, '2025-01-06', '2025-02-17', 'met',         'fx', 'g3'),
    (1, 1, '2025-02-03', '2025-03-10', 'dropped',     'fx', 'g4'),
    (1, 2, '2025-03-03', '2025-03-17', 'met',         'fx', 'h1'),
    (1, 2, '2025-03-03', '2025-03-24', 'met',         'fx', 'h2'),
    (1, 2, '2025-03-03', '2025-04-14', 'in_progress', 'fx', 'h3'),  -- not yet due at the as-of date
    (1, 3, '2025-02-03', '2025-02-17', 'not_met',     'fx', 'k1');  -- due after the discharge

  INSERT INTO assessments (org_id, episode_id, instrument, administered_at, total, source_system, source_id) VALUES
    (1, 1, 'wai_sr',          '2025-01-16 10:00-06', 40, 'fx', 'w1'),  -- day 10: too early
    (1, 1, 'wai_sr',          '2025-01-27 10:00-06', 48, 'fx', 'w2'),  -- day 21: the alliance
    (1, 1, 'wai_sr',          '2025-02-10 10:00-06', 52, 'fx', 'w3'),  -- day 35: not the first
    (1, 1, 'readiness_ruler', '2025-01-06 10:00-06',  5, 'fx', 'r1'),
    (1, 1, 'readiness_ruler', '2025-01-27 10:00-06',  7, 'fx', 'r2'),
    (1, 1, 'readiness_ruler', '2025-02-17 10:00-06',  8, 'fx', 'r3'),
    (1, 1, 'bam',             '2025-01-06 11:00-06', 12, 'fx', 'x1'),
    (1, 2, 'wai_sr',          '2025-03-17 23:30-05', 44, 'fx', 'w4'),  -- local day 14 (UTC Mar 18, day 15): not after day 14
    (1, 2, 'readiness_ruler', '2025-03-03 10:00-06',  6, 'fx', 'r4');

  INSERT INTO medication_dispenses (org_id, episode_id, medication, dispensed_on, days_supply, source_system, source_id) VALUES
    (1, 2, 'buprenorphine', '2025-03-03', 7, 'fx', 'm1'),
    (1, 2, 'buprenorphine', '2025-03-10', 7, 'fx', 'm2');

  INSERT INTO mutual_help (org_id, episode_id, week_start, meetings, source_system, source_id) VALUES
    (1, 1, '2025-01-06', 2, 'fx', 'u1'),
    (1, 1, '2025-01-13', 4, 'fx', 'u2'),
    (1, 1, '2025-01-20', 3, 'fx', 'u3');

  INSERT INTO charges (org_id, episode_id, service_date, code, amount_cents, payer, source_system, source_id) VALUES
    (1, 1, '2025-01-06', 'H0015', 15000, 'medicaid', 'fx', 'ch1'),
    (1, 1, '2025-01-07', 'H0015', 15000, 'medicaid', 'fx', 'ch2'),
    (1, 1, '2025-02-10', 'H0015', 12000, 'medicaid', 'fx', 'ch3'),
    (1, 4, '2025-03-10', 'H0004',  5000, 'medicaid', 'fx', 'ch4');
`;

const close = (value: number) => expect.closeTo(value, 9);

describe('episode_facts (materialized view)', () => {
  let database: TestDatabase;
  let client: Client;
  let facts: Map<number, Record<string, unknown>>;

  beforeAll(async () => {
    database = await createTestDatabase();
    client = new Client({
      connectionString: database.url,
      // Dates as their ISO text, bigint (charges_cents) as a number.
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
          if (oid === DATE_OID) return (value: string) => value;
          if (oid === BIGINT_OID) return (value: string) => Number(value);
          return types.getTypeParser(oid, format);
        }) as typeof types.getTypeParser,
      },
    });
    await client.connect();
    await client.query(FIXTURE);
    await client.query('REFRESH MATERIALIZED VIEW episode_facts');
    const rows = (await client.query('SELECT * FROM episode_facts ORDER BY episode_id')).rows;
    facts = new Map(rows.map((row) => [row.episode_id as number, row]));
  });
  afterAll(async () => {
    await client?.end();
    await database?.drop();
  });

  it('has one row per episode', () => {
    expect([...facts.keys()]).toEqual([1, 2, 3, 4]);
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

  it("counts each episode's appointments by slot, session type and status in episode_appointment_counts", async () => {
    await client.query('REFRESH MATERIALIZED VIEW episode_appointment_counts');
    const rows = (
      await client.query(
        `SELECT episode_id, slot, session_type, status, appointments, minutes FROM episode_appointment_counts
         ORDER BY episode_id, slot, session_type, status`,
      )
    ).rows;
    // Slots in Chicago time: weekend (Saturday or Sunday) first, morning before 12:00, afternoon 12:00-16:59,
    // evening from 17:00. Appointments after the last day (b6, c3) are left out; episode 4 has none.
    // [episode, slot, session type, status, appointments, minutes]
    expect(rows.map((r) => [r.episode_id, r.slot, r.session_type, r.status, r.appointments, r.minutes])).toEqual([
      [1, 'evening', 'group', 'cancelled_program', 1, 180], // a4 Thu 18:00
      [1, 'evening', 'individual', 'attended', 2, 120], // a2 Tue 17:30, a8 Thu 19:00 (Feb 21 01:00 UTC)
      [1, 'morning', 'group', 'attended', 2, 360], // a1 Mon 09:00, a7 Mon 09:00
      [1, 'morning', 'group', 'no_show', 1, 180], // a3 Wed 09:00
      [1, 'morning', 'individual', 'cancelled_patient', 1, 60], // a6 Tue 10:00
      [1, 'weekend', 'family', 'attended', 1, 60], // a5 Sat 10:00
      [2, 'afternoon', 'individual', 'attended', 1, 60], // b3 Mon 16:30 local (21:30 UTC)
      [2, 'afternoon', 'mat', 'attended', 1, 30], // b2 Mon 13:00
      [2, 'evening', 'group', 'attended', 1, 180], // b5 Mon 18:00
      [2, 'evening', 'individual', 'scheduled', 1, 60], // b8 Mon 19:30 on the as-of day
      [2, 'morning', 'family', 'cancelled_program', 1, 60], // b7 Fri 10:00
      [2, 'morning', 'group', 'attended', 1, 180], // b1 Mon 09:00
      [2, 'weekend', 'group', 'no_show', 1, 180], // b4 Sat 10:00
      [3, 'morning', 'group', 'attended', 1, 180], // c1 Mon 09:00
      [3, 'morning', 'group', 'no_show', 1, 180], // c2 Wed 09:00
    ]);
    // The same appointments as episode_facts: per episode, the counts add up to its appointments.
    const totals = (
      await client.query(
        `SELECT f.episode_id, f.appointments, COALESCE(sum(c.appointments), 0)::integer AS counted
         FROM episode_facts f LEFT JOIN episode_appointment_counts c ON c.episode_id = f.episode_id
         GROUP BY f.episode_id, f.appointments ORDER BY f.episode_id`,
      )
    ).rows;
    expect(totals.map((row) => row.counted)).toEqual(totals.map((row) => row.appointments));
  });

  it('refreshes concurrently through refresh_episode_facts() and follows new rows', async () => {
    await client.query(
      `INSERT INTO appointments (org_id, episode_id, session_type, scheduled_start, duration_min, status, source_system, source_id)
       VALUES (1, 4, 'individual', '2025-03-11 10:00-05', 60, 'attended', 'fx', 'd1')`,
    );
    await client.query('SELECT refresh_episode_facts()');
    const row = (await client.query('SELECT attended, session_adherence FROM episode_facts WHERE episode_id = 4'))
      .rows[0];
    expect(row).toEqual({ attended: 1, session_adherence: 1 });
    // The function refreshes the appointment counts too: d1 is Tuesday 10:00 in Chicago.
    const counts = (
      await client.query(
        `SELECT slot, session_type, status, appointments, minutes FROM episode_appointment_counts WHERE episode_id = 4`,
      )
    ).rows;
    expect(counts).toEqual([
      { slot: 'morning', session_type: 'individual', status: 'attended', appointments: 1, minutes: 60 },
    ]);
  });
});
