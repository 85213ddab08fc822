import { SUMMARY_FIXTURE_SQL } from './summary-fixture';

/**
 * The summary fixture (summary-fixture.ts, episodes 1-4, all appointments at 18:00) plus a fifth episode with
 * daytime and weekend appointments of every session type but case management, for the attendance page's
 * weekday x part-of-day, session-type and intensity aggregates worked out by hand in attendance.spec.ts.
 *
 * | episode | program (level) | patient (born) | admit          | discharge         | payer    | substance  | counselor |
 * | 5       | 1 (2.1)         | 3 (1960)       | 2025-04-07 Mon | 2025-04-13 Sun, 4 | medicaid | stimulants | 1         |
 *
 * Appointments (America/Chicago local time; LOS 7 days = 1 week):
 * | local start      | type       | min | status            |
 * | Mon 04-07 09:00  | individual | 60  | attended          |
 * | Tue 04-08 09:00  | individual | 60  | attended          |
 * | Tue 04-08 13:00  | group      | 180 | attended          |
 * | Wed 04-09 09:00  | group      | 180 | no_show           |
 * | Wed 04-09 17:00  | group      | 180 | cancelled_program |
 * | Thu 04-10 12:00  | family     | 60  | cancelled_patient |
 * | Thu 04-10 16:59  | group      | 180 | attended          |
 * | Fri 04-11 08:00  | individual | 60  | attended          |
 * | Fri 04-11 11:59  | mat        | 30  | attended          |
 * | Sat 04-12 10:00  | group      | 180 | attended          |
 * | Sun 04-13 19:00  | group      | 180 | attended          |
 * | Mon 04-14 09:00  | group      | 180 | scheduled (after the discharge: not counted anywhere) |
 * No drug screens; one plan goal, met, due 04-10.
 */
export const DAYTIME_EPISODE_FIXTURE_SQL = `
  ${SUMMARY_FIXTURE_SQL}
  INSERT INTO episodes (id, org_id, program_id, patient_id, level_of_care, referral_source, admit_date, discharge_date,
      discharge_reason, primary_substance, oud, severity, payer, primary_counselor_id, source_system, source_id) VALUES
    (5, 1, 1, 3, '2.1', 'self', '2025-04-07', '2025-04-13', 4, 'stimulants', false, 2, 'medicaid', 1, 'fixture', 'e5');
  INSERT INTO appointments (org_id, episode_id, session_type, scheduled_start, duration_min, status, source_system, source_id)
  SELECT 1, 5, session_type, local_start::timestamp AT TIME ZONE 'America/Chicago', duration_min, status,
         'fixture', 'a5-' || row_number() OVER ()
  FROM (VALUES
    ('2025-04-07 09:00', 'individual', 60, 'attended'),
    ('2025-04-08 09:00', 'individual', 60, 'attended'),
    ('2025-04-08 13:00', 'group', 180, 'attended'),
    ('2025-04-09 09:00', 'group', 180, 'no_show'),
    ('2025-04-09 17:00', 'group', 180, 'cancelled_program'),
    ('2025-04-10 12:00', 'family', 60, 'cancelled_patient'),
    ('2025-04-10 16:59', 'group', 180, 'attended'),
    ('2025-04-11 08:00', 'individual', 60, 'attended'),
    ('2025-04-11 11:59', 'mat', 30, 'attended'),
    ('2025-04-12 10:00', 'group', 180, 'attended'),
    ('2025-04-13 19:00', 'group', 180, 'attended'),
    ('2025-04-14 09:00', 'group', 180, 'scheduled')
  ) AS rows (local_start, session_type, duration_min, status);
  INSERT INTO plan_goals (org_id, episode_id, created_on, due_on, status, source_system, source_id) VALUES
    (1, 5, '2025-04-07', '2025-04-10', 'met', 'fixture', 'g5-1');
  SELECT refresh_episode_facts();
`;
