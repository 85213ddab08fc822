/**
 * A small data set whose quality report is worked out by hand in data-quality.spec.ts. As of 2025-06-30,
 * loaded 2025-07-02 03:00 UTC by the synthetic generator. Times are America/Chicago (program 1).
 *
 * | program | 1 North IOP (Chicago), 2 Empty Clinic (New York, no episode)                                  |
 * | staff   | 1 counselor of 1 (scheduled), 2 therapist of 1 and 3 counselor of 2 (never scheduled)         |
 * | patient | 1 born 1990 zip 606; 2 born 2015 (9 at admission); 3 born 1930 (95); 4 born 1980, no episode  |
 *
 * | episode | patient | admit      | discharge  | referral   | prior discharge | reason local | counselor |
 * | 1       | 1       | 2025-01-06 | 2025-03-01 | 2025-01-02 |                 | completed    | 1         |
 * | 2       | 2       | 2024-05-01 | (425 days to the as-of date)                     |              |           |
 * | 3       | 3       | 2025-07-10 (after the as-of date) | 2025-07-01 |          |              | 1         |
 * | 4       | 1       | 2025-04-01 | 2025-04-20 |            | 2025-03-01      |              | (no appointment) |
 *
 * Appointments: episode 1 on 01-07 (attended, staff 1), 03-01 20:00 local = 03-02 UTC (attended, no staff: on
 * the discharge day locally, so not after it), 03-05 (no-show, 300 minutes, staff 1: after discharge);
 * episode 2 on 06-20 (attended); episode 3 on 07-11 (scheduled, staff 1).
 * Screens: episode 1 on 01-10; episode 2 on 06-29 23:00 local (06-30 UTC), and a missing one on 06-30.
 * A goal created 01-06, a dispense on 06-01, charges of $0 (01-07) and $150 (02-10); no assessments or
 * mutual-help weeks.
 */
export const DATA_QUALITY_FIXTURE_SQL = `
  INSERT INTO organizations (id, name) VALUES (1, 'Quality Fixture');
  INSERT INTO programs (id, org_id, name, level_of_care, timezone) VALUES
    (1, 1, 'North IOP', '2.1', 'America/Chicago'),
    (2, 1, 'Empty Clinic', '1', 'America/New_York');
  INSERT INTO staff (id, org_id, program_id, display_name, role) VALUES
    (1, 1, 1, 'Counselor A', 'counselor'),
    (2, 1, 1, 'Therapist B', 'therapist'),
    (3, 1, 2, 'Counselor C', 'counselor');
  INSERT INTO patients (id, org_id, patient_key, birth_year, sex, zip3, employment, source_system, source_id) VALUES
    (1, 1, 'K1', 1990, 'female', '606', 'employed', 'fixture', 'p1'),
    (2, 1, 'K2', 2015, 'male', NULL, 'student', 'fixture', 'p2'),
    (3, 1, 'K3', 1930, 'male', '100', 'other', 'fixture', 'p3'),
    (4, 1, 'K4', 1980, 'female', NULL, 'unemployed', 'fixture', 'p4');
  INSERT INTO episodes (id, org_id, program_id, patient_id, level_of_care, referral_date, referral_source,
      prior_discharge_date, admit_date, discharge_date, discharge_reason, discharge_reason_local, primary_substance,
      severity, payer, primary_counselor_id, source_system, source_id) VALUES
    (1, 1, 1, 1, '2.1', '2025-01-02', 'self', NULL, '2025-01-06', '2025-03-01', 1, 'completed', 'alcohol', 1,
     'medicaid', 1, 'fixture', 'e1'),
    (2, 1, 1, 2, '2.1', NULL, 'family', NULL, '2024-05-01', NULL, NULL, NULL, 'cannabis', 1, 'commercial', NULL,
     'fixture', 'e2'),
    (3, 1, 1, 3, '2.1', '2025-07-01', 'court', NULL, '2025-07-10', NULL, NULL, NULL, 'alcohol', 2, 'medicare', 1,
     'fixture', 'e3'),
    (4, 1, 1, 1, '2.1', NULL, 'self', '2025-03-01', '2025-04-01', '2025-04-20', 2, NULL, 'alcohol', 1, 'medicaid',
     NULL, 'fixture', 'e4');
  INSERT INTO appointments (org_id, episode_id, session_type, scheduled_start, duration_min, status, staff_id,
      source_system, source_id) VALUES
    (1, 1, 'group', '2025-01-07 18:00 America/Chicago', 180, 'attended', 1, 'fixture', 'a1'),
    (1, 1, 'individual', '2025-03-01 20:00 America/Chicago', 60, 'attended', NULL, 'fixture', 'a2'),
    (1, 1, 'group', '2025-03-05 18:00 America/Chicago', 300, 'no_show', 1, 'fixture', 'a3'),
    (1, 2, 'group', '2025-06-20 18:00 America/Chicago', 90, 'attended', NULL, 'fixture', 'a4'),
    (1, 3, 'group', '2025-07-11 18:00 America/Chicago', 90, 'scheduled', 1, 'fixture', 'a5');
  INSERT INTO drug_screens (org_id, episode_id, collected_at, result, positive_for, source_system, source_id) VALUES
    (1, 1, '2025-01-10 10:00 America/Chicago', 'negative', '{}', 'fixture', 's1'),
    (1, 2, '2025-06-29 23:00 America/Chicago', 'negative', '{}', 'fixture', 's2'),
    (1, 2, '2025-06-30 10:00 America/Chicago', 'missing', '{}', 'fixture', 's3');
  INSERT INTO plan_goals (org_id, episode_id, created_on, due_on, status, source_system, source_id) VALUES
    (1, 1, '2025-01-06', '2025-02-01', 'met', 'fixture', 'g1');
  INSERT INTO medication_dispenses (org_id, episode_id, medication, dispensed_on, days_supply, source_system, source_id)
  VALUES (1, 2, 'buprenorphine', '2025-06-01', 28, 'fixture', 'm1');
  INSERT INTO charges (org_id, episode_id, service_date, code, amount_cents, payer, source_system, source_id) VALUES
    (1, 1, '2025-01-07', 'H0015', 0, 'medicaid', 'fixture', 'c1'),
    (1, 1, '2025-02-10', 'H0015', 15000, 'medicaid', 'fixture', 'c2');
  INSERT INTO dataset_meta (org_id, as_of, generated_by, loaded_at)
  VALUES (1, '2025-06-30', '{"generator": "@iop/synth", "seed": 1}', '2025-07-02 03:00+00');
`;
