/**
 * Four episodes whose summary numbers are worked out by hand in summary.spec.ts.
 *
 * | episode | program (level) | patient (born) | admit      | discharge        | payer      | substance | counselor |
 * | 1       | 1 (2.1)         | 1 (1990)       | 2025-01-06 | 2025-02-20, 1    | medicaid   | alcohol   | 1         |
 * | 2       | 1 (2.1)         | 2 (2008)       | 2025-03-03 | active           | commercial | opioids   | 1         |
 * | 3       | 2 (1)           | 3 (1960)       | 2025-05-05 | active           | medicare   | alcohol   | 2         |
 * | 4       | 2 (1)           | 1 (1990)       | 2024-11-01 | 2024-12-01, 2    | commercial | alcohol   | 2         |
 *
 * Appointments: episode 1 attended 3, no_show 1, cancelled_program 1; episode 2 attended 1, cancelled_patient 1,
 * scheduled 2; episode 3 attended 1, no_show 1; episode 4 no_show 2; the n-th on admission day + n, at 18:00
 * local time. As of 2025-06-30; the spec refreshes episode_facts after loading.
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
  SELECT 1, episode_id, 'group', (e.admit_date + n) + time '18:00' AT TIME ZONE 'America/Chicago', 180, status,
         'fixture', 'a' || episode_id || '-' || n
  FROM (VALUES
    (1, 1, 'attended'), (1, 2, 'attended'), (1, 3, 'attended'), (1, 4, 'no_show'), (1, 5, 'cancelled_program'),
    (2, 1, 'attended'), (2, 2, 'cancelled_patient'), (2, 3, 'scheduled'), (2, 4, 'scheduled'),
    (3, 1, 'attended'), (3, 2, 'no_show'),
    (4, 1, 'no_show'), (4, 2, 'no_show')
  ) AS rows (episode_id, n, status)
  JOIN episodes e ON e.id = rows.episode_id;
  INSERT INTO dataset_meta (org_id, as_of, generated_by) VALUES (1, '2025-06-30', '{"fixture": "summary"}');
  REFRESH MATERIALIZED VIEW episode_facts;
`;
