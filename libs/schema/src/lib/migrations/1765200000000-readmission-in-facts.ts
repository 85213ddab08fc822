import { MigrationInterface, QueryRunner } from 'typeorm';
import {
  EPISODE_APPOINTMENT_COUNTS_OF,
  EPISODE_FACTS_OF,
  EPISODE_WEEKDAY_ATTENDANCE_OF,
} from './1764800000000-incremental-facts.sql';

/**
 * Days from an episode's discharge to the same patient's next admission 1-90 days later (any program, any level of
 * care; null when there is none), over the `episodes` rows aliased `n`, for the episode facts row `facts`. The
 * readmission measures (docs/METRICS.md) count it. It was a lateral join of every metric query (half of the
 * summary's time at the large preset); it is a column of the facts now.
 */
export const DAYS_TO_READMISSION_OF = (facts: string) => `(
  SELECT min(n.admit_date - ${facts}.discharge_date)
  FROM episodes n
  WHERE n.patient_id = ${facts}.patient_id AND n.id <> ${facts}.episode_id
    AND n.admit_date BETWEEN ${facts}.discharge_date + 1 AND ${facts}.discharge_date + 90
)`;

/** refresh_episode_facts(integer[]) with the facts' copy of the record key and, when `withReadmission`, this column. */
export const refreshFunction = (withReadmission: boolean) => `
  CREATE OR REPLACE FUNCTION refresh_episode_facts(only_episodes integer[]) RETURNS void LANGUAGE plpgsql
    SET plan_cache_mode = force_custom_plan AS $$
  BEGIN
    IF only_episodes IS NULL THEN
      DELETE FROM episode_facts;
      DELETE FROM episode_appointment_counts;
      DELETE FROM episode_weekday_attendance;
    ELSE
      ${
        withReadmission
          ? `-- An episode's readmission depends on its patient's other admissions: the given episodes' patients (before
      -- and after a change of patient) have every episode recomputed.
      only_episodes := ARRAY(
        SELECT e.id FROM episodes e
        WHERE e.patient_id IN (
          SELECT patient_id FROM episodes WHERE id = ANY(only_episodes)
          UNION SELECT patient_id FROM episode_facts WHERE episode_id = ANY(only_episodes)
        )
        UNION SELECT unnest(only_episodes)
      );`
          : ''
      }
      DELETE FROM episode_facts WHERE episode_id = ANY(only_episodes);
      DELETE FROM episode_appointment_counts WHERE episode_id = ANY(only_episodes);
      DELETE FROM episode_weekday_attendance WHERE episode_id = ANY(only_episodes);
    END IF;
    INSERT INTO episode_facts
      SELECT facts.*, keyed.record_key${withReadmission ? `, ${DAYS_TO_READMISSION_OF('facts')}` : ''}
      FROM (${EPISODE_FACTS_OF}) AS facts
      JOIN episodes keyed ON keyed.id = facts.episode_id;
    INSERT INTO episode_appointment_counts ${EPISODE_APPOINTMENT_COUNTS_OF};
    INSERT INTO episode_weekday_attendance ${EPISODE_WEEKDAY_ATTENDANCE_OF};
  END
  $$;
`;

/**
 * `episode_facts.days_to_readmission`, computed by the refresh instead of by every metric query. A new admission
 * changes the readmission of the patient's earlier episodes, so a refresh of some episodes now recomputes every
 * episode of their patients. (Deleting an episode removes its facts by cascade; its patient's other episodes keep
 * their readmission until they are refreshed: a snapshot import refreshes its whole organisation.)
 */
export class ReadmissionInFacts1765200000000 implements MigrationInterface {
  name = 'ReadmissionInFacts1765200000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE episode_facts ADD COLUMN days_to_readmission integer;
      UPDATE episode_facts f SET days_to_readmission = ${DAYS_TO_READMISSION_OF('f')} WHERE f.discharge_date IS NOT NULL;
      ${refreshFunction(true)}
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ${refreshFunction(false)}
      ALTER TABLE episode_facts DROP COLUMN days_to_readmission;
    `);
  }
}
