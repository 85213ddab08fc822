import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A program's own data (docs/DATA-IMPORT.md). Every imported row is identified by (org_id, source_system,
 * source_id); programs and staff lacked that identity, because only the generator wrote them. Rows that exist
 * before this migration keep their id as source id, under the source system of their episodes (else 'local').
 * The identity stays optional for programs and staff (both parts or neither): a program set up by hand has no
 * source, and NULLs never collide in the unique key.
 *
 * imports records every import, dry runs included: who, when, which files, the counts per entity, progress
 * while it runs, and the outcome. import_rejections holds the rejected rows of an import that wrote nothing;
 * it is written outside the import's own transaction, which is rolled back.
 */
export class Imports1764700000000 implements MigrationInterface {
  name = 'Imports1764700000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE programs ADD COLUMN source_system text, ADD COLUMN source_id text;
      UPDATE programs p SET source_id = p.id::text,
        source_system = COALESCE((SELECT min(e.source_system) FROM episodes e WHERE e.program_id = p.id), 'local');
      ALTER TABLE programs ADD CONSTRAINT programs_source_complete CHECK ((source_system IS NULL) = (source_id IS NULL)),
        ADD CONSTRAINT programs_source_key UNIQUE (org_id, source_system, source_id);

      ALTER TABLE staff ADD COLUMN source_system text, ADD COLUMN source_id text;
      UPDATE staff s SET source_id = s.id::text,
        source_system = COALESCE((SELECT p.source_system FROM programs p WHERE p.id = s.program_id), 'local');
      ALTER TABLE staff ADD CONSTRAINT staff_source_complete CHECK ((source_system IS NULL) = (source_id IS NULL)),
        ADD CONSTRAINT staff_source_key UNIQUE (org_id, source_system, source_id);

      -- Snapshot deletes and the data-quality page read a source system's rows of a table.
      CREATE INDEX episodes_source_idx ON episodes (org_id, source_system);
      CREATE INDEX patients_source_idx ON patients (org_id, source_system);

      CREATE TABLE imports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        -- Null while the organisation does not exist yet (a dry run that would create it).
        org_id integer REFERENCES organizations (id),
        organization_name text NOT NULL CHECK (length(organization_name) BETWEEN 1 AND 200),
        source_system text NOT NULL CHECK (source_system ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'),
        mode text NOT NULL CHECK (mode IN ('merge', 'snapshot')),
        dry_run boolean NOT NULL,
        via text NOT NULL CHECK (via IN ('cli', 'upload')),
        status text NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'rejected', 'failed')),
        requested_by integer REFERENCES users (id),
        -- The dry run whose files this import writes.
        confirms uuid REFERENCES imports (id),
        files jsonb NOT NULL DEFAULT '[]',
        stage text,
        progress jsonb NOT NULL DEFAULT '{}',
        counts jsonb NOT NULL DEFAULT '{}',
        warnings jsonb NOT NULL DEFAULT '[]',
        rejected_rows integer NOT NULL DEFAULT 0 CHECK (rejected_rows >= 0),
        as_of date,
        error text CHECK (length(error) <= 2000),
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz
      );
      CREATE INDEX imports_org_created_idx ON imports (org_id, created_at DESC);

      CREATE TABLE import_rejections (
        import_id uuid NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
        ordinal integer NOT NULL,
        file text NOT NULL,
        line integer,
        resource_id text,
        field text,
        value text,
        reason text NOT NULL,
        PRIMARY KEY (import_id, ordinal)
      );

      -- Which import last loaded an organisation's data (null for the generator's loads).
      ALTER TABLE dataset_meta ADD COLUMN import_id uuid REFERENCES imports (id) ON DELETE SET NULL;
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE dataset_meta DROP COLUMN import_id;
      DROP TABLE import_rejections, imports;
      DROP INDEX patients_source_idx, episodes_source_idx;
      ALTER TABLE staff DROP CONSTRAINT staff_source_complete, DROP CONSTRAINT staff_source_key, DROP COLUMN source_system, DROP COLUMN source_id;
      ALTER TABLE programs DROP CONSTRAINT programs_source_complete, DROP CONSTRAINT programs_source_key, DROP COLUMN source_system, DROP COLUMN source_id;
    `);
  }
}
