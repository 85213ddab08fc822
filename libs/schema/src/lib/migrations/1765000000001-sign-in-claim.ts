import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The sign-in throttle decides each attempt in one statement, sign_in_claim() (docs/SECURITY.md "Sign-in"):
 * it locks the typed e-mail's and the client address's rows of sign_in_throttle and answers 'refuse' while
 * either must wait (with the seconds left), 'wait' while attempts already allowed may still use up the free
 * failures (the caller asks again once they are answered), else 'proceed', and counts the attempt as pending
 * on both rows. Counting attempts in flight, not only failures, is what keeps a burst of concurrent guesses from
 * all being checked, while a burst of right passwords all succeed one after another. The policy (how many
 * failures are free, when they are forgotten) is the API's (apps/api/src/auth/sign-in-throttle.ts) and comes
 * in as arguments.
 *
 * A row now also exists before its first failure (a claim creates it), so last_failure_at may be NULL, and
 * rows are purged by their latest attempt (touched_at) instead of their latest failure.
 */
export class SignInClaim1765000000001 implements MigrationInterface {
  name = 'SignInClaim1765000000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE sign_in_throttle
        ALTER COLUMN failures SET DEFAULT 0,
        ALTER COLUMN last_failure_at DROP NOT NULL,
        -- Attempts allowed and not yet answered, and when the latest of them was allowed.
        ADD COLUMN pending integer NOT NULL DEFAULT 0 CHECK (pending >= 0),
        ADD COLUMN pending_since timestamptz,
        -- The latest attempt: a row untouched for longer than the forget window holds nothing and is purged.
        ADD COLUMN touched_at timestamptz NOT NULL DEFAULT now();
      DROP INDEX sign_in_throttle_last_failure_idx;
      CREATE INDEX sign_in_throttle_touched_idx ON sign_in_throttle (touched_at);

      CREATE FUNCTION sign_in_claim(
        account_key text, address_key text, account_free integer, address_free integer,
        account_forget interval, address_forget interval, pending_expiry interval
      ) RETURNS TABLE (verdict text, account_failures integer, retry_after_seconds integer)
      LANGUAGE plpgsql AS $$
      DECLARE
        decided_at timestamptz;
      BEGIN
        -- Both rows, created when missing and locked (account first, always): concurrent claims of one account
        -- or one address queue here, and each sees what the ones before it counted.
        INSERT INTO sign_in_throttle AS t (kind, key) VALUES ('account', account_key), ('address', address_key)
        ON CONFLICT (kind, key) DO UPDATE SET touched_at = now();
        -- The time once the locks are held: now() is when the statement began, before any wait for them.
        decided_at := clock_timestamp();
        RETURN QUERY
        WITH live AS (
          SELECT t.kind, t.key, t.blocked_until,
            CASE WHEN t.last_failure_at
                   <= decided_at - CASE t.kind WHEN 'account' THEN account_forget ELSE address_forget END
              THEN 0 ELSE t.failures END AS failures,
            CASE WHEN t.pending_since <= decided_at - pending_expiry THEN 0 ELSE t.pending END AS pending,
            CASE t.kind WHEN 'account' THEN account_free ELSE address_free END AS free
          FROM sign_in_throttle t
          WHERE (t.kind, t.key) IN (('account', account_key), ('address', address_key))
        ), judged AS (
          SELECT live.*, CASE
              WHEN live.failures >= live.free AND live.blocked_until > decided_at THEN 'refuse'
              WHEN live.pending > 0 AND live.failures + live.pending >= live.free THEN 'wait'
              ELSE 'proceed'
            END AS verdict
          FROM live
        ), overall AS (
          SELECT CASE WHEN bool_or(j.verdict = 'refuse') THEN 'refuse'
                      WHEN bool_or(j.verdict = 'wait') THEN 'wait' ELSE 'proceed' END AS verdict,
            max(j.blocked_until) FILTER (WHERE j.verdict = 'refuse') AS until,
            max(j.failures) FILTER (WHERE j.kind = 'account') AS account_failures
          FROM judged j
        ), counted AS (
          UPDATE sign_in_throttle t SET
            failures = live.failures,
            last_failure_at = CASE WHEN live.failures = 0 THEN NULL ELSE t.last_failure_at END,
            pending = live.pending + 1,
            pending_since = decided_at
          FROM live, overall
          WHERE overall.verdict = 'proceed' AND t.kind = live.kind AND t.key = live.key
        )
        SELECT o.verdict, o.account_failures,
          CASE WHEN o.verdict = 'refuse'
            THEN greatest(1, ceil(extract(epoch FROM o.until - decided_at)))::integer ELSE 0 END
        FROM overall o;
      END;
      $$;
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP FUNCTION sign_in_claim(text, text, integer, integer, interval, interval, interval);
      DROP INDEX sign_in_throttle_touched_idx;
      -- Rows without a failure mean nothing to the former scheme, which had no such rows.
      DELETE FROM sign_in_throttle WHERE last_failure_at IS NULL;
      ALTER TABLE sign_in_throttle
        DROP COLUMN touched_at,
        DROP COLUMN pending_since,
        DROP COLUMN pending,
        ALTER COLUMN last_failure_at SET NOT NULL,
        ALTER COLUMN failures DROP DEFAULT;
      CREATE INDEX sign_in_throttle_last_failure_idx ON sign_in_throttle (last_failure_at);
    `);
  }
}
