/**
 * Episodes built for the quality measures, each one an edge case of quality.spec.ts; as of 2025-12-31.
 * Program 1 (2.1) and program 2 (1), both America/Chicago; appointments at 18:00 local, so the date is local.
 * Age = admission year (2025) - birth year, as episode_facts defines it.
 *
 * IET (referral source self, not OUD):
 * | ep | age | referral   | attended                        | dispenses                | case                           |
 * | 1  | 25  | 03-01      | 03-14, 03-20, 03-25             |                          | day 13: initiated; engaged     |
 * | 2  | 25  | 03-01      | 03-15, 03-20                    |                          | day 14: not initiated          |
 * | 3  | 13  | 04-01      | 04-01                           | 04-05 10d, 04-10 10d     | initiated; 2 dispenses = 1 event: not engaged |
 * | 4  | 30  | 04-01      | 04-02, 04-02 (again), 05-06     | 04-03 28d, 04-20 28d     | initiated; 05-06 (day 34) + 1 dispense: engaged |
 * | 5  | 12  | 05-01      | 05-02                           |                          | under 13: excluded             |
 * | 6  | 40  | none       | 05-02                           |                          | no referral date: excluded     |
 * | 7  | 40  | 12-20      | 12-21                           |                          | 12-20 + 13 > 12-31: excluded   |
 * | 8  | 40  | 11-20      | 11-21                           |                          | initiated; 11-20 + 47 > 12-31: excluded from engagement |
 * Episodes 3 and 4 are discharged 04-30 and 05-31 (they also count in PDC); the others are active.
 *
 * POD (OUD, buprenorphine, no referral date, active: last day 12-31); day n = first dispense + n:
 * | ep | age | fills                                        | case                                             |
 * | 11 | 40  | 01-10 90d, 03-31 (day 80) 90d                | shifted to days 90..179: 180 days, numerator     |
 * | 12 | 40  | 01-10 100d, 04-27 (day 107) 100d             | gap of 7 (days 100..106) bridged: 207, numerator |
 * | 13 | 40  | 01-10 100d, 04-28 (day 108) 100d             | gap of 8 breaks it: 100 days, not                |
 * | 14 | 15  | 01-10 200d                                   | under 16: excluded                               |
 * | 15 | 16  | 02-01 180d                                   | 180 days, numerator                              |
 * | 16 | 40  | 08-01 180d                                   | 08-01 + 179 > 12-31: excluded                    |
 *
 * PDC only (acamprosate, not OUD, no referral date):
 * | ep | admit | last day      | fills                      | case                                          |
 * | 21 | 06-01 | 07-20 (disch) | 06-01 40d                  | 40 / 50 = 0.80 exactly: adherent              |
 * | 22 | 06-01 | 07-15 (disch) | 06-01 20d, 06-10 20d       | shifted 06-21..07-10: 40 / 45: adherent (unshifted 29 / 45 would not be) |
 * | 23 | 06-01 | 06-10 (disch) | 06-15 30d                  | dispensed after the last day: excluded        |
 * | 24 | 12-01 | 12-31 (as-of) | 12-01 20d                  | 20 / 31: not adherent                         |
 *
 * Follow-up (referral source inpatient, residential for 33; no referral date; admitted on the attended day):
 * | ep | discharge of the stay | attended | days | program | payer      |
 * | 31 | 06-01                 | 06-08    | 7    | 1       | medicaid   |
 * | 32 | 06-01                 | 06-09    | 8    | 1       | medicaid   |
 * | 33 | 06-01                 | 07-01    | 30   | 2       | commercial |
 * | 34 | 06-01                 | 07-02    | 31   | 1       | commercial |
 * | 35 | none                  | 07-02    |      | 1       | medicaid   |
 * | 36 | 12-20                 | 12-21    | 1    | 1       | medicaid   |
 * Payers: commercial for 11, 12, 33, 34; medicaid for every other episode. Programs: 2 for 11-24 and 33.
 */
export const QUALITY_FIXTURE_SQL = `
  INSERT INTO organizations (id, name) VALUES (1, 'Quality Health');
  INSERT INTO programs (id, org_id, name, level_of_care, timezone) VALUES
    (1, 1, 'Evening IOP', '2.1', 'America/Chicago'),
    (2, 1, 'Outpatient', '1', 'America/Chicago');
  INSERT INTO patients (id, org_id, patient_key, birth_year, sex, employment, source_system, source_id)
  SELECT id, 1, 'Q' || id, birth_year, 'female', 'employed', 'fixture', 'q' || id
  FROM (VALUES (1, 2000), (2, 2000), (3, 2012), (4, 1995), (5, 2013), (6, 1985), (7, 1985), (8, 1985),
    (11, 1985), (12, 1985), (13, 1985), (14, 2010), (15, 2009), (16, 1985),
    (21, 1985), (22, 1985), (23, 1985), (24, 1985),
    (31, 1985), (32, 1985), (33, 1985), (34, 1985), (35, 1985), (36, 1985)) AS rows (id, birth_year);
  INSERT INTO episodes (id, org_id, program_id, patient_id, level_of_care, referral_date, referral_source,
      prior_discharge_date, admit_date, discharge_date, discharge_reason, primary_substance, oud, severity, payer,
      source_system, source_id)
  SELECT id, 1, program_id, id, CASE program_id WHEN 1 THEN '2.1' ELSE '1' END, referral_date::date, source,
         prior_discharge::date, admit::date, discharge::date, CASE WHEN discharge IS NULL THEN NULL ELSE 1 END,
         CASE WHEN oud THEN 'opioids' ELSE 'alcohol' END, oud, 1, payer, 'fixture', 'qe' || id
  FROM (VALUES
    (1, 1, '2025-03-01', 'self', NULL, '2025-03-10', NULL, false, 'medicaid'),
    (2, 1, '2025-03-01', 'self', NULL, '2025-03-15', NULL, false, 'medicaid'),
    (3, 1, '2025-04-01', 'self', NULL, '2025-04-01', '2025-04-30', false, 'medicaid'),
    (4, 1, '2025-04-01', 'self', NULL, '2025-04-02', '2025-05-31', false, 'medicaid'),
    (5, 1, '2025-05-01', 'self', NULL, '2025-05-01', NULL, false, 'medicaid'),
    (6, 1, NULL, 'self', NULL, '2025-05-01', NULL, false, 'medicaid'),
    (7, 1, '2025-12-20', 'self', NULL, '2025-12-20', NULL, false, 'medicaid'),
    (8, 1, '2025-11-20', 'self', NULL, '2025-11-20', NULL, false, 'medicaid'),
    (11, 2, NULL, 'self', NULL, '2025-01-10', NULL, true, 'commercial'),
    (12, 2, NULL, 'self', NULL, '2025-01-10', NULL, true, 'commercial'),
    (13, 2, NULL, 'self', NULL, '2025-01-10', NULL, true, 'medicaid'),
    (14, 2, NULL, 'self', NULL, '2025-01-10', NULL, true, 'medicaid'),
    (15, 2, NULL, 'self', NULL, '2025-02-01', NULL, true, 'medicaid'),
    (16, 2, NULL, 'self', NULL, '2025-08-01', NULL, true, 'medicaid'),
    (21, 2, NULL, 'self', NULL, '2025-06-01', '2025-07-20', false, 'medicaid'),
    (22, 2, NULL, 'self', NULL, '2025-06-01', '2025-07-15', false, 'medicaid'),
    (23, 2, NULL, 'self', NULL, '2025-06-01', '2025-06-10', false, 'medicaid'),
    (24, 2, NULL, 'self', NULL, '2025-12-01', NULL, false, 'medicaid'),
    (31, 1, NULL, 'inpatient', '2025-06-01', '2025-06-08', NULL, false, 'medicaid'),
    (32, 1, NULL, 'inpatient', '2025-06-01', '2025-06-09', NULL, false, 'medicaid'),
    (33, 2, NULL, 'residential', '2025-06-01', '2025-07-01', NULL, false, 'commercial'),
    (34, 1, NULL, 'inpatient', '2025-06-01', '2025-07-02', NULL, false, 'commercial'),
    (35, 1, NULL, 'inpatient', NULL, '2025-07-02', NULL, false, 'medicaid'),
    (36, 1, NULL, 'inpatient', '2025-12-20', '2025-12-21', NULL, false, 'medicaid')
  ) AS rows (id, program_id, referral_date, source, prior_discharge, admit, discharge, oud, payer);
  INSERT INTO appointments (org_id, episode_id, session_type, scheduled_start, duration_min, status, source_system,
      source_id)
  SELECT 1, episode_id, 'group', (day::date + time '18:00') AT TIME ZONE 'America/Chicago', 180, status, 'fixture',
         'qa' || episode_id || '-' || n
  FROM (VALUES
    (1, 1, '2025-03-14', 'attended'), (1, 2, '2025-03-20', 'attended'), (1, 3, '2025-03-25', 'attended'),
    (1, 4, '2025-03-12', 'no_show'),
    (2, 1, '2025-03-15', 'attended'), (2, 2, '2025-03-20', 'attended'),
    (3, 1, '2025-04-01', 'attended'), (3, 2, '2025-04-08', 'no_show'),
    (4, 1, '2025-04-02', 'attended'), (4, 2, '2025-04-02', 'attended'), (4, 3, '2025-05-06', 'attended'),
    (5, 1, '2025-05-02', 'attended'), (6, 1, '2025-05-02', 'attended'), (7, 1, '2025-12-21', 'attended'),
    (8, 1, '2025-11-21', 'attended'),
    (31, 1, '2025-06-08', 'attended'), (32, 1, '2025-06-09', 'attended'), (33, 1, '2025-07-01', 'attended'),
    (34, 1, '2025-07-02', 'attended'), (35, 1, '2025-07-02', 'attended'), (36, 1, '2025-12-21', 'attended')
  ) AS rows (episode_id, n, day, status);
  INSERT INTO medication_dispenses (org_id, episode_id, medication, dispensed_on, days_supply, source_system, source_id)
  SELECT 1, episode_id, medication, dispensed_on::date, days, 'fixture', 'qm' || episode_id || '-' || dispensed_on
  FROM (VALUES
    (3, 'naltrexone_oral', '2025-04-05', 10), (3, 'naltrexone_oral', '2025-04-10', 10),
    (4, 'acamprosate', '2025-04-03', 28), (4, 'acamprosate', '2025-04-20', 28),
    (11, 'buprenorphine', '2025-01-10', 90), (11, 'buprenorphine', '2025-03-31', 90),
    (12, 'buprenorphine', '2025-01-10', 100), (12, 'buprenorphine', '2025-04-27', 100),
    (13, 'buprenorphine', '2025-01-10', 100), (13, 'buprenorphine', '2025-04-28', 100),
    (14, 'buprenorphine', '2025-01-10', 200), (15, 'buprenorphine', '2025-02-01', 180),
    (16, 'buprenorphine', '2025-08-01', 180),
    (21, 'acamprosate', '2025-06-01', 40), (22, 'acamprosate', '2025-06-01', 20),
    (22, 'acamprosate', '2025-06-10', 20), (23, 'acamprosate', '2025-06-15', 30),
    (24, 'acamprosate', '2025-12-01', 20)
  ) AS rows (episode_id, medication, dispensed_on, days);
  INSERT INTO dataset_meta (org_id, as_of, generated_by) VALUES (1, '2025-12-31', '{"fixture": "quality"}');
  SELECT refresh_episode_facts();
`;
