/**
 * Episodes that the CSV writers can disagree on: program names with a quote and a comma, a line break, a
 * backslash, and each first character that neutralizeFormula quotes (=, +, -, @, tab, CR); patient keys likewise;
 * every TEDS-D discharge reason and two active episodes; ages 35, 89, 90 and 125; a restricted ZIP3 (036), a kept
 * one (606) and none. After the refresh, the facts get rates that round to 4 places in every way (1/3, 2/3,
 * 1/10,000, 0/0 as empty; compliance 0.00004 to 0 and 0.99996 to 1), an empty sex and a formula-like age band,
 * values no load writes but the export must still write as the CSV writer did. As of 2025-06-30.
 */
export const EXPORT_EDGE_FIXTURE_SQL = `
  INSERT INTO organizations (id, name) VALUES (1, 'Edge Health');
  INSERT INTO programs (id, org_id, name, level_of_care, timezone) VALUES
    (1, 1, 'Evening IOP', '2.1', 'America/Chicago'),
    (2, 1, 'Day "Plus", Outpatient', '1', 'America/Chicago'),
    (3, 1, '=HYPERLINK("http://x")', '2.5', 'America/Chicago'),
    (4, 1, E'Two\\nlines', '2.1', 'America/Chicago'),
    (5, 1, '-Minus', '2.1', 'America/Chicago'),
    (6, 1, '@At', '2.1', 'America/Chicago'),
    (7, 1, '+Plus', '2.1', 'America/Chicago'),
    (8, 1, E'\\tTab', '2.1', 'America/Chicago'),
    (9, 1, E'\\rCarriage', '2.1', 'America/Chicago'),
    (10, 1, E'Back\\\\slash ''n quote', '2.1', 'America/Chicago');
  INSERT INTO patients (id, org_id, patient_key, birth_year, sex, zip3, employment, source_system, source_id) VALUES
    (1, 1, 'P1', 1990, 'female', '036', 'employed', 'edge', 'p1'),
    (2, 1, '+P2', 1936, 'male', '606', 'student', 'edge', 'p2'),
    (3, 1, '-P3', 1935, 'other', NULL, 'other', 'edge', 'p3'),
    (4, 1, 'K,"4"', 1900, 'unknown', '893', 'unemployed', 'edge', 'p4'),
    (5, 1, '=P5', 1990, 'female', '100', 'employed', 'edge', 'p5');
  INSERT INTO episodes (id, org_id, program_id, patient_id, level_of_care, referral_source, admit_date, discharge_date,
      discharge_reason, primary_substance, oud, severity, payer, source_system, source_id) VALUES
    (1, 1, 1, 1, '2.1', 'self', '2025-01-06', '2025-02-20', 1, 'alcohol', false, 1, 'medicaid', 'edge', 'e1'),
    (2, 1, 2, 2, '1', 'family', '2025-01-10', '2025-04-20', 2, 'opioids', true, 2, 'commercial', 'edge', 'e2'),
    (3, 1, 3, 3, '2.5', 'court', '2025-02-01', '2025-02-02', 3, 'stimulants', false, 3, 'medicare', 'edge', 'e3'),
    (4, 1, 4, 4, '2.1', 'other', '2024-12-31', '2025-01-01', 4, 'cannabis', false, 1, 'self_pay', 'edge', 'e4'),
    (5, 1, 5, 5, '2.1', 'self', '2025-03-03', '2025-06-30', 5, 'other', false, 2, 'other', 'edge', 'e5'),
    (6, 1, 6, 1, '2.1', 'self', '2025-03-10', '2025-03-31', 6, 'alcohol', false, 1, 'medicaid', 'edge', 'e6'),
    (7, 1, 7, 2, '2.1', 'employer', '2025-04-01', '2025-05-15', 7, 'alcohol', false, 1, 'commercial', 'edge', 'e7'),
    (8, 1, 8, 3, '2.1', 'self', '2025-05-05', NULL, NULL, 'opioids', true, 2, 'medicaid', 'edge', 'e8'),
    (9, 1, 9, 4, '2.1', 'self', '2025-02-14', NULL, NULL, 'alcohol', false, 1, 'medicare', 'edge', 'e9'),
    (10, 1, 10, 5, '2.1', 'self', '2023-12-31', '2024-01-02', 1, 'alcohol', false, 1, 'commercial', 'edge', 'e10');
  INSERT INTO dataset_meta (org_id, as_of, generated_by) VALUES (1, '2025-06-30', '{"fixture": "export-edge"}');
  SELECT refresh_episode_facts();
  UPDATE episode_facts SET attendance_numerator = 1, attendance_denominator = 3, compliance_score = 0.00004
    WHERE episode_id = 1;
  UPDATE episode_facts SET attendance_numerator = 2, attendance_denominator = 3, compliance_score = 0.99996
    WHERE episode_id = 2;
  UPDATE episode_facts SET attendance_numerator = 1, attendance_denominator = 10000, compliance_score = NULL
    WHERE episode_id = 3;
  UPDATE episode_facts SET attendance_numerator = 0, attendance_denominator = 0, compliance_score = 1.0 / 3
    WHERE episode_id = 4;
  UPDATE episode_facts SET sex = '', age_band = '=1' WHERE episode_id = 5;
`;
