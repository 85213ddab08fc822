import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * PDF reports as background jobs, and their schedules (docs/ARCHITECTURE.md "Job queue").
 *
 * The PDF bytes live in report_files, apart from the job rows, so that listing reports never reads them.
 * report_next_run() is the one definition of "the next run": weekly on Mondays, monthly on the 1st, at 06:00
 * UTC, strictly after the given moment; creating a schedule and advancing it after a run both use it.
 */
export class Reports1764600000000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION report_next_run(cadence text, after timestamptz) RETURNS timestamptz
      LANGUAGE sql IMMUTABLE STRICT AS $$
        SELECT (CASE WHEN slot > after AT TIME ZONE 'UTC' THEN slot
                     ELSE slot + CASE cadence WHEN 'weekly' THEN interval '7 days' ELSE interval '1 month' END
                END) AT TIME ZONE 'UTC'
        FROM (SELECT date_trunc(CASE cadence WHEN 'weekly' THEN 'week' ELSE 'month' END, after AT TIME ZONE 'UTC')
                     + interval '6 hours' AS slot) AS this_period
      $$;

      CREATE TABLE report_schedules (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        org_id integer NOT NULL REFERENCES organizations (id),
        owner_id integer NOT NULL REFERENCES users (id),
        kind text NOT NULL CHECK (kind IN ('outcomes', 'payer')),
        cadence text NOT NULL CHECK (cadence IN ('weekly', 'monthly')),
        filters jsonb NOT NULL DEFAULT '{}',
        delivery text NOT NULL DEFAULT 'download' CHECK (length(delivery) <= 40),
        next_run_at timestamptz NOT NULL,
        last_run_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        -- A deleted schedule stays, so that the reports it produced still name it.
        deleted_at timestamptz
      );
      CREATE INDEX report_schedules_due_idx ON report_schedules (next_run_at) WHERE deleted_at IS NULL;
      CREATE INDEX report_schedules_owner_idx ON report_schedules (owner_id, created_at DESC) WHERE deleted_at IS NULL;
      CREATE INDEX report_schedules_org_idx ON report_schedules (org_id, created_at DESC) WHERE deleted_at IS NULL;

      CREATE TABLE reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        org_id integer NOT NULL REFERENCES organizations (id),
        requested_by integer NOT NULL REFERENCES users (id),
        kind text NOT NULL CHECK (kind IN ('outcomes', 'payer')),
        filters jsonb NOT NULL DEFAULT '{}',
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
        progress smallint NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
        stage text CHECK (length(stage) <= 200),
        period text CHECK (length(period) <= 200),
        attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        error text CHECK (length(error) <= 2000),
        schedule_id uuid REFERENCES report_schedules (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz,
        page_count integer CHECK (page_count > 0),
        size_bytes integer CHECK (size_bytes > 0)
      );
      CREATE INDEX reports_requester_idx ON reports (requested_by, created_at DESC);
      CREATE INDEX reports_org_idx ON reports (org_id, created_at DESC);
      CREATE INDEX reports_schedule_idx ON reports (schedule_id, created_at DESC) WHERE schedule_id IS NOT NULL;

      CREATE TABLE report_files (
        report_id uuid PRIMARY KEY REFERENCES reports (id) ON DELETE CASCADE,
        content bytea NOT NULL
      );
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE report_files;
      DROP TABLE reports;
      DROP TABLE report_schedules;
      DROP FUNCTION report_next_run(text, timestamptz);
    `);
  }
}
