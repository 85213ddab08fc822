import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in hardening (docs/SECURITY.md "Sign-in"):
 *
 * - sign_in_throttle counts failed sign-ins per typed e-mail ('account', whether or not an account has that
 *   e-mail, so that an unknown e-mail is throttled exactly like a real one) and per client address ('address'),
 *   and says until when the next attempt must wait. The API decides and counts an attempt in one statement
 *   before it checks the password. users.failed_logins and users.locked_until stay as a mirror for the Admin
 *   page and `npm run users`; an unlock there (both set back to 0 and NULL) clears the account's throttle by
 *   trigger, so the admin's unlock, the command line's and the demo reseed keep working unchanged.
 * - retired_refresh_tokens remembers the hash of every refresh token a rotation replaced, so that presenting
 *   one again (a stolen copy) is recognised and ends its whole session.
 *
 * Locks of the former scheme carry over: an account locked now keeps a full count of failures.
 */
export class SignInThrottle1765000000000 implements MigrationInterface {
  name = 'SignInThrottle1765000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE sign_in_throttle (
        kind text NOT NULL CHECK (kind IN ('account', 'address')),
        -- The lower-cased e-mail as typed, or the client address (an IPv6 address by its /64).
        key text NOT NULL CHECK (length(key) BETWEEN 1 AND 320),
        failures integer NOT NULL CHECK (failures >= 0),
        last_failure_at timestamptz NOT NULL,
        -- No attempt before this moment; NULL while the failures are below the free allowance.
        blocked_until timestamptz,
        PRIMARY KEY (kind, key)
      );
      -- Rows whose last failure is past the forget window are purged by age.
      CREATE INDEX sign_in_throttle_last_failure_idx ON sign_in_throttle (last_failure_at);

      INSERT INTO sign_in_throttle (kind, key, failures, last_failure_at, blocked_until)
      SELECT 'account', lower(email), greatest(failed_logins, CASE WHEN locked_until > now() THEN 5 ELSE 0 END),
             updated_at, CASE WHEN locked_until > now() THEN locked_until END
      FROM users WHERE failed_logins > 0 OR locked_until > now();

      CREATE FUNCTION users_unlock_clears_sign_in_throttle() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM sign_in_throttle WHERE kind = 'account' AND key = lower(NEW.email);
        RETURN NULL;
      END;
      $$;
      CREATE TRIGGER users_unlock_clears_sign_in_throttle
        AFTER UPDATE OF failed_logins, locked_until ON users FOR EACH ROW
        WHEN (NEW.failed_logins = 0 AND NEW.locked_until IS NULL
              AND (OLD.failed_logins <> 0 OR OLD.locked_until IS NOT NULL))
        EXECUTE FUNCTION users_unlock_clears_sign_in_throttle();

      CREATE TABLE retired_refresh_tokens (
        -- SHA-256 of a refresh token that a rotation replaced.
        token_hash text PRIMARY KEY,
        session_id uuid NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        retired_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX retired_refresh_tokens_session_idx ON retired_refresh_tokens (session_id);
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE retired_refresh_tokens;
      DROP TRIGGER users_unlock_clears_sign_in_throttle ON users;
      DROP FUNCTION users_unlock_clears_sign_in_throttle();
      DROP TABLE sign_in_throttle;
    `);
  }
}
