/**
 * Episodes for the early-warning features, as of the scoring day 2025-03-20 (data as of 2025-06-30). Program 1 in
 * America/New_York; appointments at 18:00 local unless said otherwise. Patients born 1990 (age band 35-44),
 * female, opioids, severity 2, one prior episode, medicaid.
 *
 * Episode 1 (admitted 03-01, week of treatment (19 / 7) + 1 = 3 on 03-20):
 * | date  | appointment        |   | date  | expected screen                                   |
 * | 03-02 | attended           |   | 03-03 | positive, opioids: flagged                        |
 * | 03-05 | attended           |   | 03-10 | missing: flagged                                  |
 * | 03-08 | no-show            |   | 03-15 | positive, buprenorphine only, dispensed 03-12: not |
 * | 03-10 | cancelled, patient |   | 03-18 | negative                                          |
 * | 03-12 | attended           |   | 03-19 | positive, opioids, NOT expected: left out         |
 * | 03-14 | no-show            |
 * | 03-16 | cancelled, program (left out) |
 * | 03-17 | no-show            |
 * | 03-19 | no-show            |
 * | 03-20 | scheduled (left out) |
 * Days 03-07..03-20 (2 weeks): 6 counted, 1 attended; 02-21..03-20: 8 counted, 3 attended; last attended 03-12
 * (8 days); 3 no-shows since; 2 flagged screens; MAT (buprenorphine 03-12).
 *
 * Episode 2 (admitted 03-10, week 2): attended 03-15; a no-show at 22:00 local on 03-20 (03-21 02:00 UTC: still
 * the 20th); an expected screen 03-16 positive for buprenorphine with no medication yet: flagged. 2 counted, 1
 * attended (both windows); 5 days since attended; 1 no-show in a row; no MAT.
 */
export const EARLY_WARNING_FIXTURE_SQL = `
  INSERT INTO organizations (id, name) VALUES (1, 'Early Warning Health');
  INSERT INTO programs (id, org_id, name, level_of_care, timezone) VALUES (1, 1, 'Day IOP', '2.1', 'America/New_York');
  INSERT INTO staff (id, org_id, program_id, display_name, role) VALUES (1, 1, 1, 'Casey Counselor', 'counselor');
  INSERT INTO patients (id, org_id, patient_key, birth_year, sex, employment, source_system, source_id)
  SELECT id, 1, 'EW' || id, 1990, 'female', 'employed', 'fixture', 'ew' || id FROM generate_series(1, 2) AS id;
  INSERT INTO episodes (id, org_id, program_id, patient_id, level_of_care, referral_source, admit_date,
      primary_substance, oud, severity, prior_episodes, payer, primary_counselor_id, source_system, source_id)
  VALUES
    (1, 1, 1, 1, '2.1', 'self', '2025-03-01', 'opioids', true, 2, 1, 'medicaid', 1, 'fixture', 'ewe1'),
    (2, 1, 1, 2, '2.1', 'self', '2025-03-10', 'opioids', true, 2, 1, 'medicaid', NULL, 'fixture', 'ewe2');
  INSERT INTO appointments (org_id, episode_id, session_type, scheduled_start, duration_min, status, source_system,
      source_id)
  SELECT 1, episode_id, 'group', local_start::timestamp AT TIME ZONE 'America/New_York', 180, status, 'fixture',
         'ewa' || episode_id || '-' || local_start
  FROM (VALUES
    (1, '2025-03-02 18:00', 'attended'), (1, '2025-03-05 18:00', 'attended'), (1, '2025-03-08 18:00', 'no_show'),
    (1, '2025-03-10 18:00', 'cancelled_patient'), (1, '2025-03-12 18:00', 'attended'),
    (1, '2025-03-14 18:00', 'no_show'), (1, '2025-03-16 18:00', 'cancelled_program'),
    (1, '2025-03-17 18:00', 'no_show'), (1, '2025-03-19 18:00', 'no_show'), (1, '2025-03-20 18:00', 'scheduled'),
    (2, '2025-03-15 18:00', 'attended'), (2, '2025-03-20 22:00', 'no_show')
  ) AS rows (episode_id, local_start, status);
  INSERT INTO drug_screens (org_id, episode_id, collected_at, expected, result, positive_for, source_system, source_id)
  SELECT 1, episode_id, (day || ' 10:00')::timestamp AT TIME ZONE 'America/New_York', expected, result,
         positive_for::text[], 'fixture', 'ews' || episode_id || '-' || day
  FROM (VALUES
    (1, '2025-03-03', true, 'positive', '{opioids}'), (1, '2025-03-10', true, 'missing', '{}'),
    (1, '2025-03-15', true, 'positive', '{buprenorphine}'), (1, '2025-03-18', true, 'negative', '{}'),
    (1, '2025-03-19', false, 'positive', '{opioids}'), (2, '2025-03-16', true, 'positive', '{buprenorphine}')
  ) AS rows (episode_id, day, expected, result, positive_for);
  INSERT INTO medication_dispenses (org_id, episode_id, medication, dispensed_on, days_supply, source_system, source_id)
  VALUES (1, 1, 'buprenorphine', '2025-03-12', 28, 'fixture', 'ewm1');
  INSERT INTO dataset_meta (org_id, as_of, generated_by) VALUES (1, '2025-06-30', '{"fixture": "early-warning"}');
  SELECT refresh_episode_facts();
`;

/**
 * Rows dated after 2025-03-20 that a look-ahead would read: attendance that breaks the streak, a buprenorphine
 * dispense that would explain episode 2's screen and make it MAT, a missing screen, and a discharge.
 */
export const ROWS_AFTER_THE_DAY_SQL = `
  INSERT INTO appointments (org_id, episode_id, session_type, scheduled_start, duration_min, status, source_system,
      source_id)
  SELECT 1, episode_id, 'group', local_start::timestamp AT TIME ZONE 'America/New_York', 180, status, 'fixture',
         'ewa-later' || episode_id || '-' || local_start
  FROM (VALUES
    (1, '2025-03-21 09:00', 'attended'), (1, '2025-03-24 18:00', 'attended'),
    (2, '2025-03-21 00:30', 'attended'), (2, '2025-03-22 18:00', 'cancelled_patient')
  ) AS rows (episode_id, local_start, status);
  INSERT INTO drug_screens (org_id, episode_id, collected_at, expected, result, positive_for, source_system, source_id)
  VALUES (1, 1, '2025-03-21 14:00+00', true, 'missing', '{}', 'fixture', 'ews-later1'),
         (1, 2, '2025-03-22 14:00+00', true, 'positive', '{opioids}', 'fixture', 'ews-later2');
  INSERT INTO medication_dispenses (org_id, episode_id, medication, dispensed_on, days_supply, source_system, source_id)
  VALUES (1, 2, 'buprenorphine', '2025-03-21', 28, 'fixture', 'ewm-later2');
  UPDATE episodes SET discharge_date = '2025-03-28', discharge_reason = 2 WHERE id = 1;
  SELECT refresh_episode_facts();
`;
