import { Injectable } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { parseOneRow } from '../database/parse-rows';
import { pg } from '../database/pg-columns';

/**
 * The sign-in throttle (docs/SECURITY.md "Sign-in"): exponential delay, no lock-out. Each key may fail
 * `freeFailures` times; after n failures (n >= freeFailures) the next attempt must wait 2^(n - freeFailures)
 * seconds after the last failure (1 s, 2 s, 4 s, ...), at most MAX_DELAY_SECONDS. A key's failures are forgotten
 * `forgetAfterHours` after the last one; a successful sign-in forgets the account's at once, never the
 * address's (or an attacker with one account of their own could clear it between guesses).
 *
 * - account: the lower-cased e-mail as typed, whether or not an account has it, so that an unknown e-mail
 *   answers exactly like a real one;
 * - address: the client's address (an IPv6 address by its /64, which one subscriber usually holds whole).
 *
 * Only failures count. Attempts being checked are held as pending: while they could still use up the free
 * failures, a further attempt waits for their answers instead of being checked alongside them, so that of a
 * burst at most the free number is checked, while a burst of right passwords all succeed (one after another).
 */
export const SIGN_IN_THROTTLE = {
  account: { freeFailures: 5, forgetAfterHours: 24 },
  address: { freeFailures: 20, forgetAfterHours: 1 },
} as const;

/** The longest wait between two attempts, however many failures came before. */
export const MAX_DELAY_SECONDS = 15 * 60;

/** A pending attempt that was never answered (its process died) stops counting after this. */
const PENDING_EXPIRY_SECONDS = 60;

/** How long an attempt waits, at most, for the answers of attempts before it; then it is refused. */
const MOST_WAIT_MS = 10_000;

/** What the throttle decided about one attempt. */
export type SignInGate =
  /** The attempt may be checked; `failuresBefore` failures in a row came before it. */
  | { allowed: true; failuresBefore: number }
  /** Refused unchecked: the account or the address must wait this long. */
  | { allowed: false; retryAfterSeconds: number };

const claimRow = z.object({
  verdict: z.enum(['proceed', 'wait', 'refuse']),
  accountFailures: pg.int,
  retryAfterSeconds: pg.int,
});

/**
 * The throttle's key of a client address ($n): IPv4 (also mapped into IPv6) as it is, other IPv6 by its /64.
 */
const addressKey = (ip: string) => `coalesce(
  CASE WHEN family(${ip}::inet) = 6 AND NOT ${ip}::inet <<= '::ffff:0:0/96'::inet
    THEN network(set_masklen(${ip}::inet, 64))::text
    ELSE host(${ip}::inet)
  END, 'unknown')`;

/** sign_in_claim() of migration 1765000000001: one statement, which locks the account's and the address's rows. */
const CLAIM_SQL = `
  SELECT verdict, account_failures AS "accountFailures", retry_after_seconds AS "retryAfterSeconds"
  FROM sign_in_claim($1, ${addressKey('$2')}, $3, $4, make_interval(hours => $5), make_interval(hours => $6),
    make_interval(secs => $7))`;

/**
 * One failure of a key ($1 kind, $2 key, $3 free failures, $4 forget hours, $5 longest delay): counted, no
 * longer pending, and the wait before the next attempt set from the new count; `key` is the key's SQL. The
 * clock is read when the row is written (clock_timestamp), not when the statement began, which may have waited
 * for the row's lock.
 */
const FAILURES_AFTER = `
  CASE WHEN t.last_failure_at <= now() - make_interval(hours => $4) THEN 1 ELSE t.failures + 1 END`;
const countFailureSql = (key: string) => `
  UPDATE sign_in_throttle t SET
    failures = ${FAILURES_AFTER},
    last_failure_at = clock_timestamp(),
    blocked_until = CASE WHEN ${FAILURES_AFTER} >= $3
      THEN clock_timestamp() + make_interval(secs => least(power(2, least(${FAILURES_AFTER} - $3, 20)), $5)) END,
    pending = greatest(t.pending - 1, 0)
  WHERE t.kind = $1 AND t.key = ${key}`;

/** Counts failed sign-ins per account and per address, and decides whether an attempt may be checked. */
@Injectable()
export class SignInThrottle {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The decision on one attempt, taken before its password is checked: proceed (it is now pending on the
   * account and the address), or refused with the seconds to wait. While earlier attempts still being checked
   * could use up the free failures, it asks again as they are answered.
   */
  async claim(email: string, ip: string | null): Promise<SignInGate> {
    const { account, address } = SIGN_IN_THROTTLE;
    const parameters = [
      accountKey(email),
      ip,
      account.freeFailures,
      address.freeFailures,
      account.forgetAfterHours,
      address.forgetAfterHours,
      PENDING_EXPIRY_SECONDS,
    ];
    for (let waited = 0, pause = 10; ; waited += pause, pause = Math.min(pause * 2, 200)) {
      const rows: unknown = await this.dataSource.query(CLAIM_SQL, parameters);
      const claim = parseOneRow('SignInThrottle.claim', claimRow, rows);
      if (claim.verdict === 'proceed') return { allowed: true, failuresBefore: claim.accountFailures };
      if (claim.verdict === 'refuse') return { allowed: false, retryAfterSeconds: claim.retryAfterSeconds };
      if (waited >= MOST_WAIT_MS) return { allowed: false, retryAfterSeconds: 1 };
      await sleep(pause);
    }
  }

  /**
   * A claimed attempt failed: one more failure for the account and for the address. The account's count is
   * mirrored into users (failed_logins, locked_until) for the Admin page and `npm run users`.
   */
  async recordFailure(email: string, ip: string | null): Promise<void> {
    const { account, address } = SIGN_IN_THROTTLE;
    // One row per statement: the claim locks account before address, and a statement holding one lock only
    // cannot close a cycle with it.
    await this.dataSource.query(countFailureSql('$2'), [
      'account',
      accountKey(email),
      account.freeFailures,
      account.forgetAfterHours,
      MAX_DELAY_SECONDS,
    ]);
    await this.dataSource.query(countFailureSql(addressKey('$2')), [
      'address',
      ip,
      address.freeFailures,
      address.forgetAfterHours,
      MAX_DELAY_SECONDS,
    ]);
    await this.dataSource.query(
      `UPDATE users u SET failed_logins = t.failures, locked_until = t.blocked_until, updated_at = now()
       FROM sign_in_throttle t
       WHERE t.kind = 'account' AND t.key = $1 AND lower(u.email) = $1`,
      [accountKey(email)],
    );
  }

  /**
   * A claimed attempt signed in: the account's failures are forgotten, the address's stay; neither holds the
   * attempt as pending any more. The account's row goes when it holds nothing, and rows untouched for longer
   * than the longest forget window go too.
   */
  async recordSuccess(email: string, ip: string | null): Promise<void> {
    await this.dataSource.query(
      `UPDATE sign_in_throttle SET failures = 0, last_failure_at = NULL, blocked_until = NULL,
         pending = greatest(pending - 1, 0)
       WHERE kind = 'account' AND key = $1`,
      [accountKey(email)],
    );
    await this.dataSource.query(
      `UPDATE sign_in_throttle SET pending = greatest(pending - 1, 0)
       WHERE kind = 'address' AND key = ${addressKey('$1')}`,
      [ip],
    );
    await this.dataSource.query(
      `UPDATE users SET failed_logins = 0, locked_until = NULL, updated_at = now()
       WHERE lower(email) = $1 AND (failed_logins <> 0 OR locked_until IS NOT NULL)`,
      [accountKey(email)],
    );
    await this.dataSource.query(
      `DELETE FROM sign_in_throttle WHERE kind = 'account' AND key = $1 AND failures = 0 AND pending = 0`,
      [accountKey(email)],
    );
    const idleHours = Math.max(SIGN_IN_THROTTLE.account.forgetAfterHours, SIGN_IN_THROTTLE.address.forgetAfterHours);
    await this.dataSource.query(`DELETE FROM sign_in_throttle WHERE touched_at < now() - make_interval(hours => $1)`, [
      idleHours,
    ]);
  }
}

function accountKey(email: string): string {
  return email.toLowerCase();
}
