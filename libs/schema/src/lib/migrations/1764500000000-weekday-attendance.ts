import { MigrationInterface, QueryRunner } from 'typeorm';

const REFRESH_BOTH = `
  IF (SELECT relispopulated FROM pg_class WHERE oid = 'episode_facts'::regclass) THEN
    REFRESH MATERIALIZED VIEW CONCURRENTLY episode_facts;
  ELSE
    REFRESH MATERIALIZED VIEW episode_facts;
  END IF;
  IF (SELECT relispopulated FROM pg_class WHERE oid = 'episode_appointment_counts'::regclass) THEN
    REFRESH MATERIALIZED VIEW CONCURRENTLY episode_appointment_counts;
  ELSE
    REFRESH MATERIALIZED VIEW episode_appointment_counts;
  END IF;`;

/**
 * The attendance heatmap (weekday x part of the day, in the program's time zone) read every appointment and
 * converted its time zone on each request: 1.8 s at the standard preset. This view holds the counts per
 * episode, weekday and part of the day, refreshed with the episode facts, so the heatmap aggregates a few
 * rows per episode. Appointments count as in the attendance rate (attended, no-show, cancelled by the
 * patient) and only up to the episode's last day, as in episode_appointment_counts.
 */
export class WeekdayAttendance1764500000000 implements MigrationInterface {
  name = 'WeekdayAttendance1764500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE MATERIALIZED VIEW episode_weekday_attendance AS
      WITH appointment AS (
        SELECT a.episode_id, a.status, local.start AS local_start
        FROM appointments a
        JOIN episodes e ON e.id = a.episode_id
        JOIN programs p ON p.id = e.program_id
        LEFT JOIN dataset_meta m ON m.org_id = e.org_id
        CROSS JOIN LATERAL (SELECT a.scheduled_start AT TIME ZONE p.timezone AS start) local
        WHERE a.status IN ('attended', 'no_show', 'cancelled_patient')
          AND local.start::date <= COALESCE(e.discharge_date, m.as_of)
      )
      SELECT episode_id,
        extract(isodow FROM local_start)::integer AS iso_weekday,
        CASE
          WHEN extract(hour FROM local_start) < 12 THEN 'morning'
          WHEN extract(hour FROM local_start) < 17 THEN 'afternoon'
          ELSE 'evening'
        END AS day_part,
        count(*) FILTER (WHERE status = 'attended')::integer AS attended,
        count(*)::integer AS counted
      FROM appointment
      GROUP BY 1, 2, 3
      WITH DATA;

      CREATE UNIQUE INDEX episode_weekday_attendance_key_idx
        ON episode_weekday_attendance (episode_id, iso_weekday, day_part);

      CREATE OR REPLACE FUNCTION refresh_episode_facts() RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        ${REFRESH_BOTH}
        IF (SELECT relispopulated FROM pg_class WHERE oid = 'episode_weekday_attendance'::regclass) THEN
          REFRESH MATERIALIZED VIEW CONCURRENTLY episode_weekday_attendance;
        ELSE
          REFRESH MATERIALIZED VIEW episode_weekday_attendance;
        END IF;
      END
      $$;
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION refresh_episode_facts() RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        ${REFRESH_BOTH}
      END
      $$;
      DROP MATERIALIZED VIEW episode_weekday_attendance;
    `);
  }
}
