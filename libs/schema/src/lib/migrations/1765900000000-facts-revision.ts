import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A revision per episode facts row, new on every insert and every update: the API keeps each episode's quality
 * measure outcomes in memory and reads an episode again only when the revision of its facts row changed
 * (apps/api/src/quality/quality-outcome-store.ts). The facts refresh deletes and inserts an episode's facts and
 * its quality dates together, so an insert's default covers both; the trigger covers updates of a facts row in
 * place (an import moving the as-of date). A number from a sequence rather than the row's xmin: a logical replica
 * has transaction ids of its own but receives the primary's revisions as column values (its apply worker inserts
 * them as they are and fires no ordinary trigger), so every replica and the primary agree on them.
 *
 * The index answers a request's "which episodes, at which revisions" by an index-only scan: it holds the revision
 * and every column the common filter reads (apps/api/src/episodes/episode-selection.sql.ts; a spec checks the two
 * agree). Read from the table, the revision, the last of about 70 columns, costs every row's deforming: 120-150 ms
 * for the large network's 120,000 rows against 40-60 ms from the index.
 */
/** The columns of episode_facts that the common filter (and a scope) reads. */
const SELECTION_COLUMNS = [
  'program_id',
  'payer',
  'admit_date',
  'level_of_care',
  'primary_substance',
  'primary_counselor_id',
  'age_band',
] as const;

export class FactsRevision1765900000000 implements MigrationInterface {
  name = 'FactsRevision1765900000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE SEQUENCE episode_facts_revision;
      ALTER TABLE episode_facts ADD COLUMN revision bigint NOT NULL DEFAULT nextval('episode_facts_revision');
      ALTER SEQUENCE episode_facts_revision OWNED BY episode_facts.revision;
      CREATE FUNCTION episode_facts_new_revision() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.revision := nextval('episode_facts_revision');
        RETURN NEW;
      END
      $$;
      CREATE TRIGGER episode_facts_new_revision BEFORE UPDATE ON episode_facts
        FOR EACH ROW EXECUTE FUNCTION episode_facts_new_revision();
      CREATE INDEX episode_facts_selection_revision_idx ON episode_facts (episode_id)
        INCLUDE (${SELECTION_COLUMNS.join(', ')}, revision);
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP INDEX episode_facts_selection_revision_idx;
      DROP TRIGGER episode_facts_new_revision ON episode_facts;
      DROP FUNCTION episode_facts_new_revision();
      ALTER TABLE episode_facts DROP COLUMN revision;
    `);
  }
}
