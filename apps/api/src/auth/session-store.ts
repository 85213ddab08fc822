import type { Payer, UserRole } from '@iop/contracts';
import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { SignedInUser } from '../access/signed-in-user';

/** How long a refresh token (and so a signed-in browser) lasts without signing in again. */
export const SESSION_HOURS = 12;

export interface AccountRow {
  id: number;
  email: string;
  displayName: string;
  passwordHash: string;
  role: UserRole;
  payer: Payer | null;
  disabled: boolean;
  failedLogins: number;
  lockedUntil: Date | null;
}

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

/** Accounts and sessions in SQL: sign-in lookups, failed-attempt counting, and refresh-token sessions. */
@Injectable()
export class SessionStore {
  constructor(private readonly dataSource: DataSource) {}

  /** TypeORM answers UPDATE ... RETURNING with [rows, affected count] rather than the rows. */
  private async updateReturning<T>(sql: string, params: unknown[]): Promise<T[]> {
    const [rows] = (await this.dataSource.query(sql, params)) as [T[], number];
    return rows;
  }

  async accountByEmail(email: string): Promise<AccountRow | null> {
    const rows: AccountRow[] = await this.dataSource.query(
      `SELECT id, email, display_name AS "displayName", password_hash AS "passwordHash", role, payer, disabled,
              failed_logins AS "failedLogins", locked_until AS "lockedUntil"
       FROM users WHERE lower(email) = lower($1)`,
      [email],
    );
    return rows[0] ?? null;
  }

  /** Counts a failed sign-in; the `lockAfter`-th in a row locks the account for `lockMinutes`. */
  async recordFailedLogin(userId: number, lockAfter: number, lockMinutes: number): Promise<Date | null> {
    const rows = await this.updateReturning<{ locked_until: Date | null }>(
      `UPDATE users SET
         failed_logins = CASE WHEN failed_logins + 1 >= $2 THEN 0 ELSE failed_logins + 1 END,
         locked_until = CASE WHEN failed_logins + 1 >= $2 THEN now() + make_interval(mins => $3) ELSE locked_until END,
         updated_at = now()
       WHERE id = $1 RETURNING locked_until`,
      [userId, lockAfter, lockMinutes],
    );
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
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `INSERT INTO sessions (user_id, refresh_token_hash, expires_at, ip, user_agent)
       VALUES ($1, $2, now() + make_interval(hours => $3), $4, left($5, 512)) RETURNING id`,
      [userId, sha256(refreshToken), SESSION_HOURS, ip, userAgent],
    );
    return { sessionId: rows[0].id, refreshToken };
  }

  /**
   * Exchanges a live refresh token for a new one (rotation: the old token stops working). Null when the token
   * is unknown, expired or revoked, or its account is disabled.
   */
  async rotate(refreshToken: string): Promise<{ sessionId: string; userId: number; refreshToken: string } | null> {
    const next = randomBytes(32).toString('base64url');
    const rows = await this.updateReturning<{ id: string; user_id: number }>(
      `UPDATE sessions s SET refresh_token_hash = $2
       FROM users u
       WHERE s.refresh_token_hash = $1 AND u.id = s.user_id AND s.revoked_at IS NULL AND s.expires_at > now()
         AND NOT u.disabled
       RETURNING s.id, s.user_id`,
      [sha256(refreshToken), sha256(next)],
    );
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
    const rows: Array<Omit<SignedInUser, 'sessionId'>> = await this.dataSource.query(
      `SELECT u.id, u.email, u.display_name AS "displayName", u.role, u.payer,
              coalesce(array_agg(up.program_id ORDER BY up.program_id) FILTER (WHERE up.program_id IS NOT NULL),
                       '{}') AS "programIds"
       FROM sessions s
       JOIN users u ON u.id = s.user_id
       LEFT JOIN user_programs up ON up.user_id = u.id
       WHERE s.id = $1 AND s.user_id = $2 AND s.revoked_at IS NULL AND s.expires_at > now() AND NOT u.disabled
       GROUP BY u.id`,
      [sessionId, userId],
    );
    return rows[0] ? { ...rows[0], sessionId } : null;
  }
}
