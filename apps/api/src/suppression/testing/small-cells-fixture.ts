/**
 * Sixty episodes spread so that most groups are small: three programs (levels 2.1, 1, 2.5), five substances,
 * several age bands, admissions over eighteen months, every discharge reason, 15 active, 45 discharged.
 * About two thirds are commercial (the payer user's), the rest medicaid or medicare, so that the payer's
 * answers hold both cells of 1-10 and cells of 11 or more. Each episode has 2-6 appointments, two expected
 * screens and one charge. As of 2025-12-31. Numbers come from arithmetic on the episode number i, so that the
 * tests can reason about them without a table.
 */
export const SMALL_CELLS_FIXTURE_SQL = `
  INSERT INTO organizations (id, name) VALUES (1, 'Fixture Health');
  INSERT INTO programs (id, org_id, name, level_of_care, timezone) VALUES
    (1, 1, 'Evening IOP', '2.1', 'America/Chicago'),
    (2, 1, 'Outpatient', '1', 'America/Chicago'),
    (3, 1, 'Day Program', '2.5', 'America/Chicago');
  INSERT INTO staff (id, org_id, program_id, display_name, role) VALUES
    (1, 1, 1, 'Counselor A', 'counselor'),
    (2, 1, 2, 'Counselor B', 'counselor'),
    (3, 1, 3, 'Counselor C', 'counselor');
  INSERT INTO patients (id, org_id, patient_key, birth_year, sex, employment, source_system, source_id)
  SELECT i, 1, 'P' || i, 1950 + (i * 7) % 58, 'female', 'employed', 'fixture', 'p' || i
  FROM generate_series(1, 60) AS i;
  INSERT INTO episodes (id, org_id, program_id, patient_id, level_of_care, referral_source, admit_date, discharge_date,
      discharge_reason, primary_substance, oud, severity, payer, primary_counselor_id, source_system, source_id)
  SELECT i, 1, program, i, (ARRAY['2.1', '1', '2.5'])[program], 'self', admit,
         CASE WHEN active THEN NULL ELSE admit + 10 + (i * 13) % 150 END,
         CASE WHEN active THEN NULL ELSE (ARRAY[1, 1, 1, 2, 3, 4, 5, 7, 1, 2, 6])[1 + i % 11] END,
         substance, substance = 'opioids', 1 + i % 3,
         CASE WHEN i % 5 = 0 THEN 'medicaid' WHEN i % 11 = 0 THEN 'medicare' ELSE 'commercial' END,
         program, 'fixture', 'e' || i
  FROM (
    SELECT i,
           CASE WHEN i % 7 = 0 THEN 3 WHEN i % 3 = 0 THEN 2 ELSE 1 END AS program,
           date '2024-01-01' + (i * 11) % 540 AS admit,
           i % 4 = 0 AS active,
           (ARRAY['alcohol', 'opioids', 'stimulants', 'cannabis', 'other'])[1 + (i * 3) % 5] AS substance
    FROM generate_series(1, 60) AS i
  ) AS generated;
  INSERT INTO appointments (org_id, episode_id, session_type, scheduled_start, duration_min, status, source_system, source_id)
  SELECT 1, e.id, CASE WHEN k % 3 = 0 THEN 'individual' ELSE 'group' END,
         ((e.admit_date + k) + time '18:00') AT TIME ZONE 'America/Chicago', 180,
         CASE (e.id + k) % 4 WHEN 0 THEN 'no_show' WHEN 1 THEN 'cancelled_patient' ELSE 'attended' END,
         'fixture', 'a' || e.id || '-' || k
  FROM episodes e CROSS JOIN LATERAL generate_series(1, 2 + e.id % 5) AS k;
  INSERT INTO drug_screens (org_id, episode_id, collected_at, expected, result, positive_for, source_system, source_id)
  SELECT 1, e.id, ((e.admit_date + d) + time '10:00') AT TIME ZONE 'America/Chicago', true,
         CASE WHEN (e.id + d) % 3 = 0 THEN 'positive' ELSE 'negative' END,
         CASE WHEN (e.id + d) % 3 = 0 THEN '{alcohol}'::text[] ELSE '{}'::text[] END, 'fixture', 's' || e.id || '-' || d
  FROM episodes e CROSS JOIN (VALUES (2), (8)) AS days (d);
  INSERT INTO charges (org_id, episode_id, service_date, code, amount_cents, payer, source_system, source_id)
  SELECT 1, e.id, e.admit_date, 'H0015', 50000 + e.id * 1234, e.payer, 'fixture', 'c' || e.id FROM episodes e;
  INSERT INTO settings (org_id, key, value, dollar_year, source) VALUES
    (1, 'cost_rate.inpatient_per_day', '{"amountCents": 125000, "per": "day", "levelOfCare": "4"}', 2025, 'Fixture');
  INSERT INTO dataset_meta (org_id, as_of, generated_by) VALUES (1, '2025-12-31', '{"fixture": "small cells"}');
  SELECT refresh_episode_facts();
`;
