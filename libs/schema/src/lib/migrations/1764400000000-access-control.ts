import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in and audit (docs/SECURITY.md): accounts that can be locked and disabled, refresh-token sessions
 * that logout revokes, and an audit log that nobody can rewrite.
 *
 * The audit log is append-only by trigger rather than only by REVOKE: with the embedded database the API
 * connects as the cluster's superuser, whom privileges do not bind, but triggers do. REVOKE still binds every
 * ordinary role a deployment gives the API.
 */
export class AccessControl1764400000000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE users
        ADD COLUMN display_name text NOT NULL DEFAULT '' CHECK (length(display_name) <= 120),
        ADD COLUMN disabled boolean NOT NULL DEFAULT false,
        ADD COLUMN failed_logins integer NOT NULL DEFAULT 0 CHECK (failed_logins >= 0),
        ADD COLUMN locked_until timestamptz,
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();

      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        -- SHA-256 of the refresh token: a stolen database does not hand out sessions.
        refresh_token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        ip inet,
        user_agent text CHECK (length(user_agent) <= 512)
      );
      CREATE INDEX sessions_user_idx ON sessions (user_id) WHERE revoked_at IS NULL;

      ALTER TABLE audit_events
        ADD COLUMN email text,
        ADD COLUMN outcome text NOT NULL DEFAULT 'ok' CHECK (outcome IN ('ok', 'denied', 'failed')),
        ADD COLUMN details jsonb;
      CREATE INDEX audit_events_action_at_idx ON audit_events (action, at);

      CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END;
      $$;
      CREATE TRIGGER audit_events_no_update_or_delete
        BEFORE UPDATE OR DELETE ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
      CREATE TRIGGER audit_events_no_truncate
        BEFORE TRUNCATE ON audit_events FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
      REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM PUBLIC;
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TRIGGER audit_events_no_truncate ON audit_events;
      DROP TRIGGER audit_events_no_update_or_delete ON audit_events;
      DROP FUNCTION audit_events_append_only();
      DROP INDEX audit_events_action_at_idx;
      ALTER TABLE audit_events DROP COLUMN details, DROP COLUMN outcome, DROP COLUMN email;
      DROP TABLE sessions;
      ALTER TABLE users DROP COLUMN updated_at, DROP COLUMN locked_until, DROP COLUMN failed_logins,
        DROP COLUMN disabled, DROP COLUMN display_name;
    `);
  }
}
