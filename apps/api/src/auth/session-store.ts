import { PAYERS, USER_ROLES } from '@iop/contracts';
import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { SESSION_USER_COLUMNS, sessionUserRow } from '../access/session-user.row';
import type { SignedInUser } from '../access/signed-in-user';
import { parseOneRow, parseOptionalRow, parseUpdateResult } from '../database/parse-rows';
import { pg } from '../database/pg-columns';

/** How long a refresh token (and so a signed-in browser) lasts without signing in again. */
export const SESSION_HOURS = 12;

const accountRow = z.object({
  id: pg.int,
  email: pg.text,
  displayName: pg.text,
  passwordHash: pg.text,
  role: z.enum(USER_ROLES),
  payer: z.enum(PAYERS).nullable(),
  disabled: pg.bool,
  failedLogins: pg.int,
  lockedUntil: pg.timestamptz.nullable(),
});
export type AccountRow = z.output<typeof accountRow>;

const lockRow = z.object({ locked_until: pg.timestamptz.nullable() });
const newSessionRow = z.object({ id: pg.uuid });
const rotatedSessionRow = z.object({ id: pg.uuid, user_id: pg.int });

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

/** Accounts and sessions in SQL: sign-in lookups, failed-attempt counting, and refresh-token sessions. */
@Injectable()
export class SessionStore {
  constructor(private readonly dataSource: DataSource) {}

  async accountByEmail(email: string): Promise<AccountRow | null> {
    const rows: unknown = await this.dataSource.query(
      `SELECT id, email, display_name AS "displayName", password_hash AS "passwordHash", role, payer, disabled,
              failed_logins AS "failedLogins", locked_until AS "lockedUntil"
       FROM users WHERE lower(email) = lower($1)`,
      [email],
    );
    return parseOptionalRow('SessionStore.accountByEmail', accountRow, rows);
  }

  /** Counts a failed sign-in; the `lockAfter`-th in a row locks the account for `lockMinutes`. */
  async recordFailedLogin(userId: number, lockAfter: number, lockMinutes: number): Promise<Date | null> {
    const result: unknown = await this.dataSource.query(
      `UPDATE users SET
         failed_logins = CASE WHEN failed_logins + 1 >= $2 THEN 0 ELSE failed_logins + 1 END,
         locked_until = CASE WHEN failed_logins + 1 >= $2 THEN now() + make_interval(mins => $3) ELSE locked_until END,
         updated_at = now()
       WHERE id = $1 RETURNING locked_until`,
      [userId, lockAfter, lockMinutes],
    );
    const { rows } = parseUpdateResult('SessionStore.recordFailedLogin', lockRow, result);
    return rows[0]?.locked_until ?? null;
  }

  async recordSuccessfulLogin(userId: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE users SET failed_logins = 0, locked_until = NULL, updated_at = now() WHERE id = $1`,
      [userId],
    );
  }

  /** A new session; returns its id and the refresh token (only its hash is stored). */
  async openSession(userId: number, ip: string | null, userAgent: string | null) {
    const refreshToken = randomBytes(32).toString('base64url');
    const rows: unknown = await this.dataSource.query(
      `INSERT INTO sessions (user_id, refresh_token_hash, expires_at, ip, user_agent)
       VALUES ($1, $2, now() + make_interval(hours => $3), $4, left($5, 512)) RETURNING id`,
      [userId, sha256(refreshToken), SESSION_HOURS, ip, userAgent],
    );
    return { sessionId: parseOneRow('SessionStore.openSession', newSessionRow, rows).id, refreshToken };
  }

  /**
   * Exchanges a live refresh token for a new one (rotation: the old token stops working). Null when the token
   * is unknown, expired or revoked, or its account is disabled.
   */
  async rotate(refreshToken: string): Promise<{ sessionId: string; userId: number; refreshToken: string } | null> {
    const next = randomBytes(32).toString('base64url');
    const result: unknown = await this.dataSource.query(
      `UPDATE sessions s SET refresh_token_hash = $2
       FROM users u
       WHERE s.refresh_token_hash = $1 AND u.id = s.user_id AND s.revoked_at IS NULL AND s.expires_at > now()
         AND NOT u.disabled
       RETURNING s.id, s.user_id`,
      [sha256(refreshToken), sha256(next)],
    );
    const { rows } = parseUpdateResult('SessionStore.rotate', rotatedSessionRow, result);
    return rows[0] ? { sessionId: rows[0].id, userId: rows[0].user_id, refreshToken: next } : null;
  }

  async revoke(sessionId: string): Promise<void> {
    await this.dataSource.query(`UPDATE sessions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL`, [
      sessionId,
    ]);
  }

  /**
   * The user of a live session, with the programs a director may see, read on every request: revoking a
   * session, disabling an account or changing its programs takes effect at the next request.
   */
  async activeUser(sessionId: string, userId: number): Promise<SignedInUser | null> {
    const rows: unknown = await this.dataSource.query(
      `SELECT ${SESSION_USER_COLUMNS}
       FROM sessions s
       JOIN users u ON u.id = s.user_id
       LEFT JOIN user_programs up ON up.user_id = u.id
       WHERE s.id = $1 AND s.user_id = $2 AND s.revoked_at IS NULL AND s.expires_at > now() AND NOT u.disabled
       GROUP BY u.id`,
      [sessionId, userId],
    );
    const user = parseOptionalRow('SessionStore.activeUser', sessionUserRow, rows);
    return user ? { ...user, sessionId } : null;
  }
}
