/**
 * Eighty episodes referred from inpatient care, planted so that the funnel of follow-up within 7 days (fui-7) has
 * programs above, below and within the limits (numbers from arithmetic on the episode number i). Every stay was
 * discharged 2025-06-01; a followed-up episode was admitted and attended on 06-03 (day 2), the others on 06-20
 * (day 19: within 30 days, not within 7). As of 2025-12-31, all active.
 * | program        | i      | followed up within 7 days | fui-7  | payer      |
 * | 1 North IOP    | 1-10   | all                       | 10/10  | commercial |
 * | 2 South IOP    | 11-20  | none                      | 0/10   | commercial |
 * | 3 East IOP     | 21-30  | 21-28                     | 8/10   | medicaid   |
 * | 4 West IOP     | 31-40  | 31                        | 1/10   | commercial |
 * | 5 Central IOP  | 41-80  | 41-61                     | 21/40  | commercial |
 * Network 40/80 = 0.5. Commercial (the payer user's): 10 + 0 + 1 + 21 = 32/70.
 */
export const QUALITY_FUNNEL_FIXTURE_SQL = `
  INSERT INTO organizations (id, name) VALUES (1, 'Funnel Health');
  INSERT INTO programs (id, org_id, name, level_of_care, timezone) VALUES
    (1, 1, 'North IOP', '2.1', 'America/Chicago'),
    (2, 1, 'South IOP', '2.1', 'America/Chicago'),
    (3, 1, 'East IOP', '2.1', 'America/Chicago'),
    (4, 1, 'West IOP', '2.1', 'America/Chicago'),
    (5, 1, 'Central IOP', '2.1', 'America/Chicago');
  INSERT INTO patients (id, org_id, patient_key, birth_year, sex, employment, source_system, source_id)
  SELECT i, 1, 'F' || i, 1985, 'female', 'employed', 'fixture', 'f' || i
  FROM generate_series(1, 80) AS i;
  CREATE TEMPORARY TABLE planted AS
  SELECT i,
         CASE WHEN i <= 10 THEN 1 WHEN i <= 20 THEN 2 WHEN i <= 30 THEN 3 WHEN i <= 40 THEN 4 ELSE 5 END AS program,
         (i <= 10 OR i BETWEEN 21 AND 28 OR i = 31 OR i BETWEEN 41 AND 61) AS followed
  FROM generate_series(1, 80) AS i;
  INSERT INTO episodes (id, org_id, program_id, patient_id, level_of_care, referral_date, referral_source,
      prior_discharge_date, admit_date, discharge_date, discharge_reason, primary_substance, oud, severity, payer,
      source_system, source_id)
  SELECT i, 1, program, i, '2.1', NULL, 'inpatient', date '2025-06-01',
         CASE WHEN followed THEN date '2025-06-03' ELSE date '2025-06-20' END, NULL, NULL, 'alcohol', false, 1,
         CASE WHEN program = 3 THEN 'medicaid' ELSE 'commercial' END, 'fixture', 'fe' || i
  FROM planted;
  INSERT INTO appointments (org_id, episode_id, session_type, scheduled_start, duration_min, status, source_system,
      source_id)
  SELECT 1, i, 'group',
         (CASE WHEN followed THEN date '2025-06-03' ELSE date '2025-06-20' END + time '18:00')
           AT TIME ZONE 'America/Chicago',
         180, 'attended', 'fixture', 'fa' || i
  FROM planted;
  INSERT INTO dataset_meta (org_id, as_of, generated_by) VALUES (1, '2025-12-31', '{"fixture": "quality funnel"}');
  SELECT refresh_episode_facts();
`;
