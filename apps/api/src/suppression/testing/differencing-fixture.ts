/**
 * 480 episodes for the differencing attacks: four programs (levels 2.1, 1, 2.5, 2.1), two years of admissions
 * (2024-2025, one every one or two days), ages 18-67 with one episode in 37 aged 15, seven substances' worth of
 * spread over five, every discharge reason, a quarter active; four in five commercial (the payer user's), the
 * rest medicaid; each referred two days before admission (so the initiation measure has a denominator). Each episode has 3-6 appointments, one expected screen and one charge. As of 2025-12-31.
 * Enough episodes that a payer's answers are mostly shown, and most filters have neighbours that differ by a
 * few episodes: the cells an attacker wants.
 */
export const DIFFERENCING_FIXTURE_SQL = `
  INSERT INTO organizations (id, name) VALUES (1, 'Fixture Health');
  INSERT INTO programs (id, org_id, name, level_of_care, timezone) VALUES
    (1, 1, 'Evening IOP', '2.1', 'America/Chicago'),
    (2, 1, 'Outpatient', '1', 'America/Chicago'),
    (3, 1, 'Day Program', '2.5', 'America/Chicago'),
    (4, 1, 'Youth and Family IOP', '2.1', 'America/Chicago');
  INSERT INTO staff (id, org_id, program_id, display_name, role)
  SELECT p, 1, p, 'Counselor ' || p, 'counselor' FROM generate_series(1, 4) AS p;
  INSERT INTO patients (id, org_id, patient_key, birth_year, sex, employment, source_system, source_id)
  SELECT i, 1, 'P' || i,
         extract(year FROM date '2024-01-01' + (i * 3) % 730)::int - CASE WHEN i % 37 = 0 THEN 15 ELSE 18 + (i * 7) % 50 END,
         CASE WHEN i % 2 = 0 THEN 'female' ELSE 'male' END, 'employed', 'fixture', 'p' || i
  FROM generate_series(1, 480) AS i;
  INSERT INTO episodes (id, org_id, program_id, patient_id, level_of_care, referral_source, referral_date, admit_date, discharge_date,
      discharge_reason, primary_substance, oud, severity, payer, primary_counselor_id, source_system, source_id)
  SELECT i, 1, program, i, (ARRAY['2.1', '1', '2.5', '2.1'])[program], 'self', admit - 2, admit,
         CASE WHEN active THEN NULL ELSE least(admit + 10 + (i * 13) % 120, date '2025-12-31') END,
         CASE WHEN active THEN NULL ELSE (ARRAY[1, 1, 1, 2, 3, 4, 5, 7, 1, 2, 6])[1 + i % 11] END,
         substance, substance = 'opioids', 1 + i % 3,
         CASE WHEN i % 5 = 0 THEN 'medicaid' ELSE 'commercial' END, program, 'fixture', 'e' || i
  FROM (
    SELECT i, 1 + i % 4 AS program, date '2024-01-01' + (i * 3) % 730 AS admit,
           i % 4 = 1 OR (date '2024-01-01' + (i * 3) % 730) > date '2025-11-15' AS active,
           (ARRAY['alcohol', 'opioids', 'stimulants', 'cannabis', 'other'])[1 + (i * 3) % 5] AS substance
    FROM generate_series(1, 480) AS i
  ) AS generated;
  INSERT INTO appointments (org_id, episode_id, session_type, scheduled_start, duration_min, status, source_system, source_id)
  SELECT 1, e.id, CASE WHEN k % 3 = 0 THEN 'individual' ELSE 'group' END,
         ((e.admit_date + k) + time '18:00') AT TIME ZONE 'America/Chicago', 180,
         CASE (e.id + k) % 4 WHEN 0 THEN 'no_show' WHEN 1 THEN 'cancelled_patient' ELSE 'attended' END,
         'fixture', 'a' || e.id || '-' || k
  FROM episodes e CROSS JOIN LATERAL generate_series(1, 3 + e.id % 4) AS k;
  INSERT INTO drug_screens (org_id, episode_id, collected_at, expected, result, positive_for, source_system, source_id)
  SELECT 1, e.id, ((e.admit_date + 2) + time '10:00') AT TIME ZONE 'America/Chicago', true,
         CASE WHEN e.id % 3 = 0 THEN 'positive' ELSE 'negative' END,
         CASE WHEN e.id % 3 = 0 THEN '{alcohol}'::text[] ELSE '{}'::text[] END, 'fixture', 's' || e.id
  FROM episodes e;
  INSERT INTO charges (org_id, episode_id, service_date, code, amount_cents, payer, source_system, source_id)
  SELECT 1, e.id, e.admit_date, 'H0015', 50000 + e.id * 1234, e.payer, 'fixture', 'c' || e.id FROM episodes e;
  INSERT INTO dataset_meta (org_id, as_of, generated_by) VALUES (1, '2025-12-31', '{"fixture": "differencing"}');
  SELECT refresh_episode_facts();
`;
