/**
 * A hundred discharged episodes in three programs, planted so that a funnel of completion has one unit inside the
 * limits, one above and one below what chance explains (numbers from arithmetic on the episode number i):
 * - program 1 (Evening IOP, counselor A), i = 1..40: completed when i is even, 20/40, all commercial;
 * - program 2 (Outpatient, counselor B), i = 41..80: completed unless i = 41, 51, 61, 71, 36/40, all commercial;
 * - program 3 (Day Program, counselor C), i = 81..100: completed when i is a multiple of 5 (85, 90, 95, 100), 4/20;
 *   commercial for i = 81..92 (two completers, 85 and 90), medicaid for 93..100 (two, 95 and 100).
 * Network: 60/100. Commercial (the payer user's): 20 + 36 + 2 = 58/92. Others drop out (reason 2). Admitted
 * 2024-01-01 + i days, discharged 30 days later; as of 2025-06-30.
 */
export const FUNNEL_FIXTURE_SQL = `
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
  SELECT i, 1, 'P' || i, 1960 + i % 40, 'female', 'employed', 'fixture', 'p' || i
  FROM generate_series(1, 100) AS i;
  INSERT INTO episodes (id, org_id, program_id, patient_id, level_of_care, referral_source, admit_date, discharge_date,
      discharge_reason, primary_substance, oud, severity, payer, primary_counselor_id, source_system, source_id)
  SELECT i, 1, program, i, (ARRAY['2.1', '1', '2.5'])[program], 'self', date '2024-01-01' + i,
         date '2024-01-01' + i + 30, CASE WHEN completed THEN 1 ELSE 2 END, 'alcohol', false, 1,
         CASE WHEN i > 92 THEN 'medicaid' ELSE 'commercial' END, program, 'fixture', 'e' || i
  FROM (
    SELECT i,
           CASE WHEN i <= 40 THEN 1 WHEN i <= 80 THEN 2 ELSE 3 END AS program,
           CASE WHEN i <= 40 THEN i % 2 = 0 WHEN i <= 80 THEN i % 10 <> 1 ELSE i % 5 = 0 END AS completed
    FROM generate_series(1, 100) AS i
  ) AS generated;
  INSERT INTO dataset_meta (org_id, as_of, generated_by) VALUES (1, '2025-06-30', '{"fixture": "funnel"}');
  SELECT refresh_episode_facts();
`;
