/**
 * Nine episodes whose retention curves (retention.spec.ts) and costs (costs.spec.ts) are worked out by hand.
 * As of 2025-06-30; discharge date = admit date + length of stay - 1; one patient per episode.
 *
 * | ep | program (level) | admit      | LOS | reason | oud / MAT | groups d0-27 | charges  | final screen |
 * | 1  | 1 (2.1)         | 2025-01-06 | 10  | 2      | yes / yes | 0            | 1000.00  | -            |
 * | 2  | 1 (2.1)         | 2025-01-06 | 20  | 1      | yes / yes | 0            | 2000.50  | negative     |
 * | 3  | 1 (2.1)         | 2025-02-03 | 30  | 3      | no        | 2            | 3000.25  | positive     |
 * | 4  | 1 (2.1)         | 2025-05-22 | 40  | active | no        | 4            | 500.00   | -            |
 * | 5  | 2 (1)           | 2025-03-03 | 5   | 2      | yes / no  | 0            | 100.00   | -            |
 * | 6  | 2 (1)           | 2025-03-03 | 15  | 4      | no        | 0            | 300.10   | negative     |
 * | 7  | 2 (1)           | 2025-03-03 | 25  | 2      | no        | 0            | 500.00   | negative     |
 * | 8  | 3 (2.5)         | 2025-03-01 | 95  | 2      | no        | 8            | 6000.00  | -            |
 * | 9  | 3 (2.5)         | 2025-04-01 | 29  | 1      | no        | 12           | 2900.00  | -            |
 *
 * Payers: episodes 1-4 medicaid, 5-7 commercial, 8-9 medicare. Groups are attended group sessions on days
 * 0 .. k-1 at 18:00 local; screens are expected and collected on the last day at 10:00 local. Settings: the
 * generator's comparison rates (residential $450/day, inpatient $1,250/day, outpatient $95/visit), dollar year 2025.
 */
export const OUTCOMES_FIXTURE_SQL = `
  INSERT INTO organizations (id, name) VALUES (1, 'Fixture Health');
  INSERT INTO programs (id, org_id, name, level_of_care, timezone) VALUES
    (1, 1, 'Evening IOP', '2.1', 'America/Chicago'),
    (2, 1, 'Outpatient', '1', 'America/Chicago'),
    (3, 1, 'Day Program', '2.5', 'America/Chicago');
  INSERT INTO patients (id, org_id, patient_key, birth_year, sex, employment, source_system, source_id)
  SELECT n, 1, 'P' || n, 1980, 'female', 'employed', 'fixture', 'p' || n FROM generate_series(1, 9) AS n;
  INSERT INTO episodes (id, org_id, program_id, patient_id, level_of_care, referral_source, admit_date, discharge_date,
      discharge_reason, primary_substance, oud, severity, payer, source_system, source_id)
  SELECT id, 1, program_id, id, level, 'self', admit::date,
         CASE WHEN reason IS NULL THEN NULL ELSE admit::date + los - 1 END, reason,
         CASE WHEN oud THEN 'opioids' ELSE 'alcohol' END, oud, 1, payer, 'fixture', 'e' || id
  FROM (VALUES
    (1, 1, '2.1', '2025-01-06', 10, 2, true, 'medicaid'),
    (2, 1, '2.1', '2025-01-06', 20, 1, true, 'medicaid'),
    (3, 1, '2.1', '2025-02-03', 30, 3, false, 'medicaid'),
    (4, 1, '2.1', '2025-05-22', 40, NULL, false, 'medicaid'),
    (5, 2, '1', '2025-03-03', 5, 2, true, 'commercial'),
    (6, 2, '1', '2025-03-03', 15, 4, false, 'commercial'),
    (7, 2, '1', '2025-03-03', 25, 2, false, 'commercial'),
    (8, 3, '2.5', '2025-03-01', 95, 2, false, 'medicare'),
    (9, 3, '2.5', '2025-04-01', 29, 1, false, 'medicare')
  ) AS rows (id, program_id, level, admit, los, reason, oud, payer);
  INSERT INTO appointments (org_id, episode_id, session_type, scheduled_start, duration_min, status, source_system, source_id)
  SELECT 1, g.episode_id, 'group', (e.admit_date + day) + time '18:00' AT TIME ZONE 'America/Chicago', 180,
         'attended', 'fixture', 'g' || g.episode_id || '-' || day
  FROM (VALUES (3, 2), (4, 4), (8, 8), (9, 12)) AS g (episode_id, groups)
  JOIN episodes e ON e.id = g.episode_id
  CROSS JOIN LATERAL generate_series(0, g.groups - 1) AS day;
  INSERT INTO medication_dispenses (org_id, episode_id, medication, dispensed_on, days_supply, source_system, source_id)
  SELECT 1, id, 'buprenorphine', admit_date, 7, 'fixture', 'm' || id FROM episodes WHERE id IN (1, 2);
  INSERT INTO drug_screens (org_id, episode_id, collected_at, expected, result, positive_for, source_system, source_id)
  SELECT 1, s.episode_id, e.discharge_date + time '10:00' AT TIME ZONE 'America/Chicago', true, s.result,
         s.positive_for::text[], 'fixture', 's' || s.episode_id
  FROM (VALUES (2, 'negative', '{}'), (3, 'positive', '{opioids}'), (6, 'negative', '{}'), (7, 'negative', '{}'))
    AS s (episode_id, result, positive_for)
  JOIN episodes e ON e.id = s.episode_id;
  INSERT INTO charges (org_id, episode_id, service_date, code, amount_cents, payer, source_system, source_id)
  SELECT 1, c.episode_id, e.admit_date, 'H0015', c.cents, e.payer, 'fixture', 'c' || c.episode_id
  FROM (VALUES (1, 100000), (2, 200050), (3, 300025), (4, 50000), (5, 10000), (6, 30010), (7, 50000),
               (8, 600000), (9, 290000)) AS c (episode_id, cents)
  JOIN episodes e ON e.id = c.episode_id;
  INSERT INTO settings (org_id, key, value, dollar_year, source) VALUES
    (1, 'cost_rate.residential_per_day', '{"amountCents": 45000, "per": "day", "levelOfCare": "3.5"}', 2025, 'Fixture'),
    (1, 'cost_rate.inpatient_per_day', '{"amountCents": 125000, "per": "day", "levelOfCare": "4"}', 2025, 'Fixture'),
    (1, 'cost_rate.standard_outpatient_per_visit', '{"amountCents": 9500, "per": "visit", "levelOfCare": "1"}', 2025,
     'Fixture'),
    (1, 'suppression_threshold', '{"minimumCount": 11}', NULL, 'Fixture');
  INSERT INTO dataset_meta (org_id, as_of, generated_by) VALUES (1, '2025-06-30', '{"fixture": "outcomes"}');
  SELECT refresh_episode_facts();
`;
