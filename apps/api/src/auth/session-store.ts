import { PAYERS, USER_ROLES, type UserRole } from '@iop/contracts';
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
});
export type AccountRow = z.output<typeof accountRow>;

const newSessionRow = z.object({ id: pg.uuid });
const sessionOwnerRow = z.object({ id: pg.uuid, user_id: pg.int });
const endedSessionRow = z.object({ id: pg.uuid, userId: pg.int, email: pg.text, role: z.enum(USER_ROLES) });

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

/** What presenting a refresh token did. */
export type RotationResult =
  | { kind: 'rotated'; sessionId: string; userId: number; refreshToken: string }
  /** A token that a rotation had already replaced: its session (every token descended from that sign-in) ended. */
  | { kind: 'reused'; sessionId: string; user: { id: number; email: string; role: UserRole } }
  /** Unknown, expired or revoked, or the account is disabled. */
  | { kind: 'dead' };

/** Accounts and sessions in SQL: sign-in lookups and refresh-token sessions (sign-in-throttle.ts counts failures). */
@Injectable()
export class SessionStore {
  constructor(private readonly dataSource: DataSource) {}

  async accountByEmail(email: string): Promise<AccountRow | null> {
    const rows: unknown = await this.dataSource.query(
      `SELECT id, email, display_name AS "displayName", password_hash AS "passwordHash", role, payer, disabled
       FROM users WHERE lower(email) = lower($1)`,
      [email],
    );
    return parseOptionalRow('SessionStore.accountByEmail', accountRow, rows);
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
   * Exchanges a live refresh token for a new one (rotation: the old token stops working, and its hash is kept
   * as retired). A retired token presented again means two parties hold the session's tokens (one of them
   * stole it): the session is revoked, which ends every token descended from that sign-in, the newest refresh
   * token and the access tokens included (the access guard checks the session on every request).
   */
  async rotate(refreshToken: string): Promise<RotationResult> {
    const next = randomBytes(32).toString('base64url');
    const rotated: unknown = await this.dataSource.query(
      `WITH rotated AS (
         UPDATE sessions s SET refresh_token_hash = $2
         FROM users u
         WHERE s.refresh_token_hash = $1 AND u.id = s.user_id AND s.revoked_at IS NULL AND s.expires_at > now()
           AND NOT u.disabled
         RETURNING s.id, s.user_id
       ), retired AS (
         INSERT INTO retired_refresh_tokens (token_hash, session_id) SELECT $1, id FROM rotated
       )
       SELECT id, user_id FROM rotated`,
      [sha256(refreshToken), sha256(next)],
    );
    const row = parseOptionalRow('SessionStore.rotate', sessionOwnerRow, rotated);
    if (row) return { kind: 'rotated', sessionId: row.id, userId: row.user_id, refreshToken: next };

    const ended: unknown = await this.dataSource.query(
      `UPDATE sessions s SET revoked_at = now()
       FROM retired_refresh_tokens r, users u
       WHERE r.token_hash = $1 AND s.id = r.session_id AND s.revoked_at IS NULL AND u.id = s.user_id
       RETURNING s.id, u.id AS "userId", u.email, u.role`,
      [sha256(refreshToken)],
    );
    const { rows } = parseUpdateResult('SessionStore.endReusedSession', endedSessionRow, ended);
    const reused = rows[0];
    return reused
      ? { kind: 'reused', sessionId: reused.id, user: { id: reused.userId, email: reused.email, role: reused.role } }
      : { kind: 'dead' };
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
