/**
 * 124 discharged episodes whose completion depends on severity and payer only, planted so that a logistic model
 * with severity and payer as covariates fits the four cells' observed rates exactly (their log-odds are additive:
 * odds 3, 1, 1 and 1/3), so every expected count is arithmetic on the cells. Every other covariate is constant:
 * age band 35-44 (born 1980), female, alcohol, no prior episode. Each program has one counselor.
 *
 * | episodes i | program (counselor)      | severity | payer      | completed when | completed |
 * | 1-20       | 1 Evening IOP (A)        | 1        | commercial | i <= 10        | 10/20     |
 * | 21-40      | 1 Evening IOP (A)        | 3        | commercial | i <= 36        | 16/20     |
 * | 41-60      | 2 Outpatient (B)         | 1        | commercial | always         | 20/20     |
 * | 61-80      | 2 Outpatient (B)         | 3        | commercial | i <= 64        | 4/20      |
 * | 81-100     | 3 Day Program (C)        | 1        | medicaid   | i <= 90        | 10/20     |
 * | 101-120    | 3 Day Program (C)        | 3        | medicaid   | i <= 105       | 5/20      |
 * | 121-124    | 4 Satellite (D)          | 1        | commercial | i <= 123       | 3/4       |
 *
 * Cells: severity 1 commercial 33/44 = 0.75 (odds 3), severity 3 commercial 20/40 = 0.5 (1), severity 1 medicaid
 * 10/20 = 0.5 (1), severity 3 medicaid 5/20 = 0.25 (1/3). Network 68/124; commercial 53/84. Others drop out
 * (reason 2). Admitted 2024-01-01 + i days, discharged 30 days later; as of 2025-06-30.
 */
export const FUNNEL_CASEMIX_FIXTURE_SQL = `
  INSERT INTO organizations (id, name) VALUES (1, 'Fixture Health');
  INSERT INTO programs (id, org_id, name, level_of_care, timezone) VALUES
    (1, 1, 'Evening IOP', '2.1', 'America/Chicago'),
    (2, 1, 'Outpatient', '2.1', 'America/Chicago'),
    (3, 1, 'Day Program', '2.1', 'America/Chicago'),
    (4, 1, 'Satellite', '2.1', 'America/Chicago');
  INSERT INTO staff (id, org_id, program_id, display_name, role) VALUES
    (1, 1, 1, 'Counselor A', 'counselor'),
    (2, 1, 2, 'Counselor B', 'counselor'),
    (3, 1, 3, 'Counselor C', 'counselor'),
    (4, 1, 4, 'Counselor D', 'counselor');
  INSERT INTO patients (id, org_id, patient_key, birth_year, sex, employment, source_system, source_id)
  SELECT i, 1, 'P' || i, 1980, 'female', 'employed', 'fixture', 'p' || i
  FROM generate_series(1, 124) AS i;
  INSERT INTO episodes (id, org_id, program_id, patient_id, level_of_care, referral_source, admit_date, discharge_date,
      discharge_reason, primary_substance, oud, severity, payer, primary_counselor_id, source_system, source_id)
  SELECT i, 1, program, i, '2.1', 'self', date '2024-01-01' + i, date '2024-01-01' + i + 30,
         CASE WHEN completed THEN 1 ELSE 2 END, 'alcohol', false, severity,
         CASE WHEN i BETWEEN 81 AND 120 THEN 'medicaid' ELSE 'commercial' END, program, 'fixture', 'e' || i
  FROM (
    SELECT i,
           CASE WHEN i <= 40 THEN 1 WHEN i <= 80 THEN 2 WHEN i <= 120 THEN 3 ELSE 4 END AS program,
           CASE WHEN i <= 20 OR i BETWEEN 41 AND 60 OR i BETWEEN 81 AND 100 OR i > 120 THEN 1 ELSE 3 END AS severity,
           CASE
             WHEN i <= 20 THEN i <= 10
             WHEN i <= 40 THEN i <= 36
             WHEN i <= 60 THEN true
             WHEN i <= 80 THEN i <= 64
             WHEN i <= 100 THEN i <= 90
             WHEN i <= 120 THEN i <= 105
             ELSE i <= 123
           END AS completed
    FROM generate_series(1, 124) AS i
  ) AS generated;
  INSERT INTO dataset_meta (org_id, as_of, generated_by) VALUES (1, '2025-06-30', '{"fixture": "funnel-casemix"}');
  SELECT refresh_episode_facts();
`;
