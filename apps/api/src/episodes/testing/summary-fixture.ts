/**
 * Four episodes whose metrics are worked out by hand in summary.spec.ts and series.spec.ts.
 *
 * | episode | program (level) | patient (born) | admit           | discharge        | payer      | substance | counselor |
 * | 1       | 1 (2.1)         | 1 (1990)       | 2025-01-06 Mon  | 2025-02-20, 1    | medicaid   | alcohol   | 1         |
 * | 2       | 1 (2.1)         | 2 (2008)       | 2025-03-03 Mon  | active           | commercial | opioids   | 1         |
 * | 3       | 2 (1)           | 3 (1960)       | 2025-05-05 Mon  | active           | medicare   | alcohol   | 2         |
 * | 4       | 2 (1)           | 1 (1990)       | 2024-11-01 Fri  | 2024-12-01, 2    | commercial | alcohol   | 2         |
 *
 * Appointments (180 minutes each, the n-th on admission day + n at 18:00 local time, group unless said):
 * episode 1 attended 3 (the 2nd individual), no_show 1, cancelled_program 1; episode 2 attended 1,
 * cancelled_patient 1, scheduled 2; episode 3 attended 1, no_show 1; episode 4 no_show 2 (Saturday, Sunday).
 * Expected drug screens: episode 1 negative on 01-10, 02-01, 02-15 (and an unexpected positive on 02-10);
 * episode 2 positive for buprenorphine only on 03-10 (dispensed to it: not illicit use) and negative on 04-10;
 * episode 4 positive for alcohol on 11-10 and missing on 11-20; episode 3 none.
 * Plan goals: episode 1 met (due 01-20), met (due 02-10), dropped; episode 2 not_met (due 04-01) and
 * in_progress (due 2025-08-01, after the as-of date); episode 4 not_met (due 11-20); episode 3 none.
 * As of 2025-06-30; the SQL refreshes episode_facts after loading.
 */
export const SUMMARY_FIXTURE_SQL = `
  INSERT INTO organizations (id, name) VALUES (1, 'Fixture Health');
  INSERT INTO programs (id, org_id, name, level_of_care, timezone) VALUES
    (1, 1, 'Evening IOP', '2.1', 'America/Chicago'),
    (2, 1, 'Outpatient', '1', 'America/Chicago');
  INSERT INTO staff (id, org_id, program_id, display_name, role) VALUES
    (1, 1, 1, 'Counselor A', 'counselor'),
    (2, 1, 2, 'Counselor B', 'counselor');
  INSERT INTO patients (id, org_id, patient_key, birth_year, sex, employment, source_system, source_id) VALUES
    (1, 1, 'P1', 1990, 'female', 'employed', 'fixture', 'p1'),
    (2, 1, 'P2', 2008, 'male', 'student', 'fixture', 'p2'),
    (3, 1, 'P3', 1960, 'male', 'other', 'fixture', 'p3');
  INSERT INTO episodes (id, org_id, program_id, patient_id, level_of_care, referral_source, admit_date, discharge_date,
      discharge_reason, primary_substance, oud, severity, payer, primary_counselor_id, source_system, source_id) VALUES
    (1, 1, 1, 1, '2.1', 'self', '2025-01-06', '2025-02-20', 1, 'alcohol', false, 1, 'medicaid', 1, 'fixture', 'e1'),
    (2, 1, 1, 2, '2.1', 'family', '2025-03-03', null, null, 'opioids', true, 2, 'commercial', 1, 'fixture', 'e2'),
    (3, 1, 2, 3, '1', 'outpatient', '2025-05-05', null, null, 'alcohol', false, 1, 'medicare', 2, 'fixture', 'e3'),
    (4, 1, 2, 1, '1', 'self', '2024-11-01', '2024-12-01', 2, 'alcohol', false, 3, 'commercial', 2, 'fixture', 'e4');
  INSERT INTO appointments (org_id, episode_id, session_type, scheduled_start, duration_min, status, source_system, source_id)
  SELECT 1, episode_id, session_type, ((e.admit_date + n) + time '18:00') AT TIME ZONE 'America/Chicago', 180, status,
         'fixture', 'a' || episode_id || '-' || n
  FROM (VALUES
    (1, 1, 'attended', 'group'), (1, 2, 'attended', 'individual'), (1, 3, 'attended', 'group'),
    (1, 4, 'no_show', 'group'), (1, 5, 'cancelled_program', 'group'),
    (2, 1, 'attended', 'group'), (2, 2, 'cancelled_patient', 'group'), (2, 3, 'scheduled', 'group'),
    (2, 4, 'scheduled', 'group'),
    (3, 1, 'attended', 'group'), (3, 2, 'no_show', 'group'),
    (4, 1, 'no_show', 'group'), (4, 2, 'no_show', 'group')
  ) AS rows (episode_id, n, status, session_type)
  JOIN episodes e ON e.id = rows.episode_id;
  INSERT INTO drug_screens (org_id, episode_id, collected_at, expected, result, positive_for, source_system, source_id)
  VALUES
    (1, 1, '2025-01-10 10:00-06', true, 'negative', '{}', 'fixture', 's1-1'),
    (1, 1, '2025-02-01 10:00-06', true, 'negative', '{}', 'fixture', 's1-2'),
    (1, 1, '2025-02-10 10:00-06', false, 'positive', '{alcohol}', 'fixture', 's1-3'),
    (1, 1, '2025-02-15 10:00-06', true, 'negative', '{}', 'fixture', 's1-4'),
    (1, 2, '2025-03-10 10:00-06', true, 'positive', '{buprenorphine}', 'fixture', 's2-1'),
    (1, 2, '2025-04-10 10:00-05', true, 'negative', '{}', 'fixture', 's2-2'),
    (1, 4, '2024-11-10 10:00-06', true, 'positive', '{alcohol}', 'fixture', 's4-1'),
    (1, 4, '2024-11-20 10:00-06', true, 'missing', '{}', 'fixture', 's4-2');
  INSERT INTO medication_dispenses (org_id, episode_id, medication, dispensed_on, days_supply, source_system, source_id)
  VALUES (1, 2, 'buprenorphine', '2025-03-04', 28, 'fixture', 'm2-1');
  INSERT INTO plan_goals (org_id, episode_id, created_on, due_on, status, source_system, source_id) VALUES
    (1, 1, '2025-01-06', '2025-01-20', 'met', 'fixture', 'g1-1'),
    (1, 1, '2025-01-06', '2025-02-10', 'met', 'fixture', 'g1-2'),
    (1, 1, '2025-01-06', '2025-02-10', 'dropped', 'fixture', 'g1-3'),
    (1, 2, '2025-03-03', '2025-04-01', 'not_met', 'fixture', 'g2-1'),
    (1, 2, '2025-03-03', '2025-08-01', 'in_progress', 'fixture', 'g2-2'),
    (1, 4, '2024-11-01', '2024-11-20', 'not_met', 'fixture', 'g4-1');
  INSERT INTO dataset_meta (org_id, as_of, generated_by) VALUES (1, '2025-06-30', '{"fixture": "summary"}');
  SELECT refresh_episode_facts();
`;
