import { MigrationInterface, QueryRunner } from 'typeorm';
import { EpisodeFacts1764300000000 } from './1764300000000-episode-facts';
import {
  EPISODE_APPOINTMENT_COUNTS_OF,
  EPISODE_FACTS_OF,
  EPISODE_WEEKDAY_ATTENDANCE_OF,
} from './1764800000000-incremental-facts.sql';
import { WeekdayAttendance1764500000000 } from './1764500000000-weekday-attendance';

/** The derived tables, each with its unique key (what a refresh deletes and re-inserts by). */
const DERIVED_TABLES = ['episode_facts', 'episode_appointment_counts', 'episode_weekday_attendance'] as const;

/**
 * The episode facts, the appointment counts and the weekday attendance become tables refreshed per episode.
 * As materialized views they could only be refreshed whole: 60 s at the large preset for a delta of 10,000
 * appointments, which touches a few thousand episodes. Each row depends only on its episode's own rows, its
 * program, its patient and its organisation's as-of date, so recomputing the episodes a load touched gives the
 * same tables as a full refresh (a test compares the two).
 *
 * - `refresh_episode_facts(integer[])` deletes and recomputes the given episodes' rows in the three tables
 *   (an id whose episode is gone just loses its rows); `refresh_episode_facts()` recomputes everything.
 * - Each derived row refers to its episode (ON DELETE CASCADE), so deleting episodes by any means removes their
 *   rows; an insert or change still needs a refresh.
 * - Readers are not blocked: rows are deleted and inserted under MVCC, and a load calls the refresh inside its
 *   own transaction, so readers see the old data until it commits.
 * - Custom plans for every call: with the episodes known, each table is read by its episode index; with NULL
 *   the planner drops the restriction and reads everything once.
 * The existing rows are kept as they are (they are a complete refresh already).
 */
export class IncrementalFacts1764800000000 implements MigrationInterface {
  name = 'IncrementalFacts1764800000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP FUNCTION refresh_episode_facts();
      ${DERIVED_TABLES.map((view) => `CREATE TABLE ${view}_rows AS SELECT * FROM ${view};`).join('\n')}
      DROP MATERIALIZED VIEW episode_weekday_attendance;
      DROP MATERIALIZED VIEW episode_appointment_counts;
      DROP MATERIALIZED VIEW episode_facts;
      ${DERIVED_TABLES.map((view) => `ALTER TABLE ${view}_rows RENAME TO ${view};`).join('\n')}

      ALTER TABLE episode_facts ADD CONSTRAINT episode_facts_episode_idx PRIMARY KEY (episode_id);
      -- The filter window selects episodes by admit date, within a program or the whole organisation.
      CREATE INDEX episode_facts_program_admit_idx ON episode_facts (program_id, admit_date);
      CREATE INDEX episode_facts_org_admit_idx ON episode_facts (org_id, admit_date);
      -- Readmission looks up the same patient's later admissions.
      CREATE INDEX episode_facts_patient_admit_idx ON episode_facts (patient_id, admit_date);
      -- The breakdowns join by episode; a refresh deletes by episode.
      ALTER TABLE episode_appointment_counts ADD CONSTRAINT episode_appointment_counts_key_idx
        PRIMARY KEY (episode_id, slot, session_type, status);
      ALTER TABLE episode_weekday_attendance ADD CONSTRAINT episode_weekday_attendance_key_idx
        PRIMARY KEY (episode_id, iso_weekday, day_part);
      -- A derived row never outlives its episode, however the episode goes (a snapshot import, a TRUNCATE ...
      -- CASCADE of the clinical tables).
      ${DERIVED_TABLES.map(
        (table) =>
          `ALTER TABLE ${table} ADD CONSTRAINT ${table}_episode_fk FOREIGN KEY (episode_id) REFERENCES episodes (id) ON DELETE CASCADE;`,
      ).join('\n')}

      CREATE FUNCTION refresh_episode_facts(only_episodes integer[]) RETURNS void LANGUAGE plpgsql
        SET plan_cache_mode = force_custom_plan AS $$
      BEGIN
        IF only_episodes IS NULL THEN
          ${DERIVED_TABLES.map((table) => `DELETE FROM ${table};`).join('\n')}
        ELSE
          ${DERIVED_TABLES.map((table) => `DELETE FROM ${table} WHERE episode_id = ANY(only_episodes);`).join('\n')}
        END IF;
        INSERT INTO episode_facts ${EPISODE_FACTS_OF};
        INSERT INTO episode_appointment_counts ${EPISODE_APPOINTMENT_COUNTS_OF};
        INSERT INTO episode_weekday_attendance ${EPISODE_WEEKDAY_ATTENDANCE_OF};
      END
      $$;

      CREATE FUNCTION refresh_episode_facts() RETURNS void LANGUAGE sql AS $$
        SELECT refresh_episode_facts(NULL::integer[]);
      $$;
    `);
  }

  /** Back to the materialized views and their whole refresh, as the two migrations that made them left them. */
  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP FUNCTION refresh_episode_facts();
      DROP FUNCTION refresh_episode_facts(integer[]);
      DROP TABLE episode_weekday_attendance, episode_appointment_counts, episode_facts;
    `);
    await new EpisodeFacts1764300000000().up(queryRunner);
    await new WeekdayAttendance1764500000000().up(queryRunner);
  }
}
