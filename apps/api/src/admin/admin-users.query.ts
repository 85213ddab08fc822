import type { AdminUser, Payer, UserRole } from '@iop/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/** The columns of an account the admin may change, besides its password and programs. */
export interface AccountChanges {
  displayName?: string;
  role?: UserRole;
  payer?: Payer | null;
  disabled?: boolean;
  unlock?: boolean;
  passwordHash?: string;
}

export interface NewAccount {
  email: string;
  displayName: string;
  role: UserRole;
  payer: Payer | null;
  passwordHash: string;
}

interface AdminUserRow extends Omit<AdminUser, 'lockedUntil' | 'createdAt'> {
  lockedUntil: Date | null;
  createdAt: Date;
}

const toAdminUser = (row: AdminUserRow): AdminUser => ({
  ...row,
  lockedUntil: row.lockedUntil ? row.lockedUntil.toISOString() : null,
  createdAt: row.createdAt.toISOString(),
});

/** A lock that has run out is no lock: lockedUntil reads null once it is in the past. */
const SELECT_USERS = `
  SELECT u.id, u.email, u.display_name AS "displayName", u.role, u.payer,
         coalesce(array_agg(up.program_id ORDER BY up.program_id) FILTER (WHERE up.program_id IS NOT NULL),
                  '{}') AS "programIds",
         u.disabled, CASE WHEN u.locked_until > now() THEN u.locked_until END AS "lockedUntil",
         u.created_at AS "createdAt"
  FROM users u
  LEFT JOIN user_programs up ON up.user_id = u.id`;

/** Accounts, their programs and their sessions in SQL, for the admin page. */
@Injectable()
export class AdminUsersQuery {
  constructor(private readonly dataSource: DataSource) {}

  /** Runs `work` in one transaction, so that an account and its programs change together or not at all. */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async list(): Promise<AdminUser[]> {
    const rows: AdminUserRow[] = await this.dataSource.query(
      `${SELECT_USERS} GROUP BY u.id ORDER BY lower(u.email), u.id`,
    );
    return rows.map(toAdminUser);
  }

  async byId(id: number, manager: EntityManager = this.dataSource.manager): Promise<AdminUser | null> {
    const rows: AdminUserRow[] = await manager.query(`${SELECT_USERS} WHERE u.id = $1 GROUP BY u.id`, [id]);
    return rows[0] ? toAdminUser(rows[0]) : null;
  }

  /** The ids among `programIds` that are not programs of the admin's organisation. */
  async unknownPrograms(programIds: number[], orgOfUserId: number): Promise<number[]> {
    if (programIds.length === 0) return [];
    const rows: Array<{ id: number }> = await this.dataSource.query(
      `SELECT requested.id FROM unnest($1::int[]) AS requested(id)
       WHERE NOT EXISTS (SELECT 1 FROM programs p
                         WHERE p.id = requested.id AND p.org_id = (SELECT org_id FROM users WHERE id = $2))
       ORDER BY requested.id`,
      [programIds, orgOfUserId],
    );
    return rows.map((row) => row.id);
  }

  /** Inserts the account in the organisation of `creatorId`; null when the e-mail is taken (in any case). */
  async insert(manager: EntityManager, account: NewAccount, creatorId: number): Promise<number | null> {
    const rows: Array<{ id: number }> = await manager.query(
      `INSERT INTO users (org_id, email, display_name, role, payer, password_hash)
       SELECT org_id, $2, $3, $4, $5, $6 FROM users WHERE id = $1
       ON CONFLICT (lower(email)) DO NOTHING
       RETURNING id`,
      [creatorId, account.email, account.displayName, account.role, account.payer, account.passwordHash],
    );
    return rows[0]?.id ?? null;
  }

  async update(manager: EntityManager, id: number, changes: AccountChanges): Promise<void> {
    const assignments: string[] = ['updated_at = now()'];
    const params: unknown[] = [id];
    const set = (column: string, value: unknown) => {
      params.push(value);
      assignments.push(`${column} = $${params.length}`);
    };
    if (changes.displayName !== undefined) set('display_name', changes.displayName);
    if (changes.role !== undefined) set('role', changes.role);
    if (changes.payer !== undefined) set('payer', changes.payer);
    if (changes.disabled !== undefined) set('disabled', changes.disabled);
    if (changes.passwordHash !== undefined) set('password_hash', changes.passwordHash);
    if (changes.unlock) assignments.push('failed_logins = 0', 'locked_until = NULL');
    await manager.query(`UPDATE users SET ${assignments.join(', ')} WHERE id = $1`, params);
  }

  async replacePrograms(manager: EntityManager, userId: number, programIds: number[]): Promise<void> {
    await manager.query(`DELETE FROM user_programs WHERE user_id = $1`, [userId]);
    if (programIds.length === 0) return;
    await manager.query(
      `INSERT INTO user_programs (user_id, program_id) SELECT $1, unnest($2::int[]) ON CONFLICT DO NOTHING`,
      [userId, programIds],
    );
  }

  /** Ends every live session of the account (but `keepSessionId`, the caller's own); returns how many. */
  async revokeSessions(manager: EntityManager, userId: number, keepSessionId: string | null = null): Promise<number> {
    const [, revoked] = (await manager.query(
      `UPDATE sessions SET revoked_at = now()
       WHERE user_id = $1 AND revoked_at IS NULL AND ($2::uuid IS NULL OR id <> $2::uuid)`,
      [userId, keepSessionId],
    )) as [unknown, number];
    return revoked;
  }
}
