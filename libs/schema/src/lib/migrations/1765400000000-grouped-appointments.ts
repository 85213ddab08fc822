import { MigrationInterface, QueryRunner } from 'typeorm';
import { EPISODE_FACTS_OF } from './1764800000000-incremental-facts.sql';
import { DAYS_TO_READMISSION_OF, refreshFunction } from './1765200000000-readmission-in-facts';

/**
 * The refreshed episodes' appointments up to each one's last day, grouped by everything the three derived tables
 * distinguish: session type, status, modality, local ISO weekday, part of the local day and whether the local date
 * falls in the episode's first-28-day window (days 0 .. min(length of stay, 28) - 1). Each appointment's instant
 * is converted to its program's time zone here, once; the three tables used to do it each, and the facts then
 * evaluated a dozen filtered aggregates per appointment. A group's `minutes` is its appointments' duration.
 */
const APPOINTMENT_GROUPS = `
  SELECT a.episode_id, a.session_type, a.status, a.modality,
    extract(isodow FROM local.start)::integer AS iso_weekday,
    CASE
      WHEN extract(hour FROM local.start) < 12 THEN 'morning'
      WHEN extract(hour FROM local.start) < 17 THEN 'afternoon'
      ELSE 'evening'
    END AS day_part,
    local.start::date - e.admit_date
      BETWEEN 0 AND LEAST(COALESCE(e.discharge_date, m.as_of) - e.admit_date + 1, 28) - 1 AS in_first_window,
    count(*)::integer AS appointments,
    sum(a.duration_min)::integer AS minutes
  FROM appointments a
  JOIN episodes e ON e.id = a.episode_id
  JOIN programs p ON p.id = e.program_id
  LEFT JOIN dataset_meta m ON m.org_id = e.org_id
  CROSS JOIN LATERAL (SELECT a.scheduled_start AT TIME ZONE p.timezone AS start) local
  WHERE local.start::date <= COALESCE(e.discharge_date, m.as_of)
    AND (only_episodes IS NULL OR a.episode_id = ANY(only_episodes))
  GROUP BY 1, 2, 3, 4, 5, 6, 7`;

/** The facts' appointment columns from the groups (the same rules as 1764800000000's, per group, not per row). */
const APPOINTMENT_FACTS_FROM_GROUPS = `
        appointment_facts AS (
          SELECT episode_id,
            sum(appointments)::integer AS appointments,
            COALESCE(sum(appointments) FILTER (WHERE modality = 'telehealth'), 0)::integer AS telehealth,
            COALESCE(sum(appointments) FILTER (WHERE status = 'attended'), 0)::integer AS attended,
            COALESCE(sum(appointments) FILTER (WHERE status = 'no_show'), 0)::integer AS no_show,
            COALESCE(sum(appointments) FILTER (WHERE status = 'cancelled_patient'), 0)::integer AS cancelled_patient,
            COALESCE(sum(appointments) FILTER (WHERE status = 'cancelled_program'), 0)::integer AS cancelled_program,
            COALESCE(sum(appointments) FILTER (WHERE status = 'scheduled'), 0)::integer AS scheduled,
            COALESCE(sum(appointments) FILTER (WHERE status <> 'cancelled_program'), 0)::integer AS scheduled_sessions,
            COALESCE(sum(minutes) FILTER (WHERE status <> 'cancelled_program'), 0)::integer AS scheduled_minutes,
            COALESCE(sum(minutes) FILTER (WHERE status = 'attended'), 0)::integer AS attended_minutes,
            COALESCE(sum(appointments) FILTER (
              WHERE status <> 'cancelled_program' AND (day_part = 'evening' OR iso_weekday IN (6, 7))
            ), 0)::integer AS evening_weekend_scheduled,
            COALESCE(sum(minutes) FILTER (
              WHERE status <> 'cancelled_program' AND in_first_window), 0)::integer AS scheduled_minutes_28,
            COALESCE(sum(appointments) FILTER (
              WHERE session_type = 'individual' AND status <> 'cancelled_program' AND in_first_window
            ), 0)::integer AS individual_sessions_28,
            COALESCE(sum(appointments) FILTER (
              WHERE session_type = 'group' AND status = 'attended' AND in_first_window
            ), 0)::integer AS groups_attended_28,
            bool_or(session_type = 'family' AND status = 'attended' AND in_first_window) AS family_attended_28,
            COALESCE(sum(appointments) FILTER (WHERE session_type = 'family' AND status = 'attended'), 0)::integer
              AS family_attended
          FROM appointment_groups
          GROUP BY episode_id
        ),
`;

const PER_ROW_APPOINTMENTS = /\n {8}-- Appointments up to the last day,[\s\S]*?\n(?= {8}-- MAT: the medications)/;

/** 1764800000000's facts with their appointment columns read from `appointment_groups`. */
const FACTS_FROM_GROUPS = (() => {
  if (!PER_ROW_APPOINTMENTS.test(EPISODE_FACTS_OF)) {
    throw new Error('the facts of 1764800000000 no longer have the per-appointment CTEs this migration replaces');
  }
  return EPISODE_FACTS_OF.replace(PER_ROW_APPOINTMENTS, `\n${APPOINTMENT_FACTS_FROM_GROUPS}`);
})();

/**
 * refresh_episode_facts(integer[]) in one statement: the appointment groups are computed once (MATERIALIZED) and
 * the three derived tables are written from them by writable CTEs. The rows written are the same as
 * 1765200000000's (a test compares the two on the synthetic network).
 */
export const GROUPED_REFRESH_FUNCTION = `
  CREATE OR REPLACE FUNCTION refresh_episode_facts(only_episodes integer[]) RETURNS void LANGUAGE plpgsql
    SET plan_cache_mode = force_custom_plan AS $$
  BEGIN
    IF only_episodes IS NULL THEN
      DELETE FROM episode_facts;
      DELETE FROM episode_appointment_counts;
      DELETE FROM episode_weekday_attendance;
    ELSE
      -- An episode's readmission depends on its patient's other admissions: the given episodes' patients (before
      -- and after a change of patient) have every episode recomputed.
      only_episodes := ARRAY(
        SELECT e.id FROM episodes e
        WHERE e.patient_id IN (
          SELECT patient_id FROM episodes WHERE id = ANY(only_episodes)
          UNION SELECT patient_id FROM episode_facts WHERE episode_id = ANY(only_episodes)
        )
        UNION SELECT unnest(only_episodes)
      );
      DELETE FROM episode_facts WHERE episode_id = ANY(only_episodes);
      DELETE FROM episode_appointment_counts WHERE episode_id = ANY(only_episodes);
      DELETE FROM episode_weekday_attendance WHERE episode_id = ANY(only_episodes);
    END IF;
    WITH appointment_groups AS MATERIALIZED (${APPOINTMENT_GROUPS}),
    -- The slots of docs/METRICS.md: weekend (Saturday or Sunday) first, then the part of the day.
    slot_counts AS (
      INSERT INTO episode_appointment_counts
      SELECT episode_id,
        CASE WHEN iso_weekday IN (6, 7) THEN 'weekend' ELSE day_part END AS slot,
        session_type, status, sum(appointments)::integer, COALESCE(sum(minutes), 0)::integer
      FROM appointment_groups
      GROUP BY 1, 2, 3, 4
    ),
    weekday_attendance AS (
      INSERT INTO episode_weekday_attendance
      SELECT episode_id, iso_weekday, day_part,
        COALESCE(sum(appointments) FILTER (WHERE status = 'attended'), 0)::integer,
        sum(appointments)::integer
      FROM appointment_groups
      WHERE status IN ('attended', 'no_show', 'cancelled_patient')
      GROUP BY 1, 2, 3
    )
    INSERT INTO episode_facts
      SELECT facts.*, keyed.record_key, ${DAYS_TO_READMISSION_OF('facts')}
      FROM (${FACTS_FROM_GROUPS}) AS facts
      JOIN episodes keyed ON keyed.id = facts.episode_id;
  END
  $$;
`;

/**
 * The refresh groups the appointments once instead of reading them three times per row: a million appointments
 * of one episode took about 20 s to refresh, most of it per-row time-zone conversions and filtered aggregates.
 */
export class GroupedAppointments1765400000000 implements MigrationInterface {
  name = 'GroupedAppointments1765400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(GROUPED_REFRESH_FUNCTION);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(refreshFunction(true));
  }
}
