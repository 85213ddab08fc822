import { MigrationInterface, QueryRunner } from 'typeorm';
import {
  EPISODE_APPOINTMENT_COUNTS_OF,
  EPISODE_FACTS_OF,
  EPISODE_WEEKDAY_ATTENDANCE_OF,
} from './1764800000000-incremental-facts.sql';

/** Record keys are integers in [0, 2^24); a cell's key is the sum of its records' keys modulo 2^24. */
const RECORD_KEY_BITS = 24;

/** refresh_episode_facts(integer[]) of 1764800000000, writing the facts with `insertFacts`. */
const refreshFunction = (insertFacts: string) => `
      CREATE OR REPLACE FUNCTION refresh_episode_facts(only_episodes integer[]) RETURNS void LANGUAGE plpgsql
        SET plan_cache_mode = force_custom_plan AS $$
      BEGIN
        IF only_episodes IS NULL THEN
          DELETE FROM episode_facts;
          DELETE FROM episode_appointment_counts;
          DELETE FROM episode_weekday_attendance;
        ELSE
          DELETE FROM episode_facts WHERE episode_id = ANY(only_episodes);
          DELETE FROM episode_appointment_counts WHERE episode_id = ANY(only_episodes);
          DELETE FROM episode_weekday_attendance WHERE episode_id = ANY(only_episodes);
        END IF;
${insertFacts}
        INSERT INTO episode_appointment_counts ${EPISODE_APPOINTMENT_COUNTS_OF};
        INSERT INTO episode_weekday_attendance ${EPISODE_WEEKDAY_ATTENDANCE_OF};
      END
      $$;
`;

/** The facts with their episode's record key, the last column. */
const INSERT_KEYED_FACTS = `        INSERT INTO episode_facts
          SELECT facts.*, keyed.record_key FROM (${EPISODE_FACTS_OF}) AS facts
          JOIN episodes keyed ON keyed.id = facts.episode_id;`;

/** The facts as 1764800000000 wrote them. */
const INSERT_FACTS = `        INSERT INTO episode_facts ${EPISODE_FACTS_OF};`;

/**
 * Every episode carries a fixed random record key, the input of cell-key perturbation of what a payer sees
 * (docs/SECURITY.md "Differencing"): a count shown to a payer moves by an adjustment chosen by the sum of the
 * counted episodes' keys, so the same cell always moves the same way and two overlapping answers cannot be
 * subtracted to the exact count of their difference.
 *
 * - `episodes.record_key` is drawn once, when the episode is inserted, from gen_random_uuid()'s strong random
 *   bytes (the first three bytes of a version 4 UUID are all random). An import's upsert does not list it, so an
 *   episode keeps its key for as long as it exists; the keys never leave the database.
 * - `episode_facts.record_key` copies it, so that the payer's aggregates sum it without a join.
 *   `refresh_episode_facts(integer[])` is replaced: the same statements as 1764800000000, with the facts joined
 *   to their episode's key.
 */
export class RecordKeys1765100000000 implements MigrationInterface {
  name = 'RecordKeys1765100000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION random_record_key() RETURNS integer LANGUAGE sql VOLATILE AS $$
        SELECT (get_byte(b, 0) << 16) | (get_byte(b, 1) << 8) | get_byte(b, 2)
        FROM (SELECT uuid_send(gen_random_uuid()) AS b) AS random_bytes
      $$;
      -- A volatile default is evaluated per row, so the existing episodes get a key each.
      ALTER TABLE episodes ADD COLUMN record_key integer NOT NULL DEFAULT random_record_key()
        CHECK (record_key >= 0 AND record_key < ${2 ** RECORD_KEY_BITS});

      ALTER TABLE episode_facts ADD COLUMN record_key integer;
      UPDATE episode_facts f SET record_key = e.record_key FROM episodes e WHERE e.id = f.episode_id;
      ALTER TABLE episode_facts ALTER COLUMN record_key SET NOT NULL;

      ${refreshFunction(INSERT_KEYED_FACTS)}    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ${refreshFunction(INSERT_FACTS)}
      ALTER TABLE episode_facts DROP COLUMN record_key;
      ALTER TABLE episodes DROP COLUMN record_key;
      DROP FUNCTION random_record_key();
    `);
  }
}
