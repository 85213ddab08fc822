import type { AdminUser, Payer, UserRole } from '@iop/contracts';
import { Session, User, UserProgram } from '@iop/schema';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, type EntityManager, IsNull, Not, type Repository } from 'typeorm';
import { z } from 'zod';
import { SESSION_USER_COLUMNS, sessionUserRow } from '../access/session-user.row';
import { parseOptionalRow, parseRows } from '../database/parse-rows';
import { pg } from '../database/pg-columns';

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

/** A lock that has run out is no lock: lockedUntil reads null once it is in the past. */
const SELECT_USERS = `
  SELECT ${SESSION_USER_COLUMNS},
         u.disabled, CASE WHEN u.locked_until > now() THEN u.locked_until END AS "lockedUntil",
         u.created_at AS "createdAt"
  FROM users u
  LEFT JOIN user_programs up ON up.user_id = u.id`;

/** Timestamps leave as ISO text, which is what the admin page shows and sends back. */
const adminUserRow = sessionUserRow.extend({
  disabled: pg.bool,
  lockedUntil: pg.isoTimestamp.nullable(),
  createdAt: pg.isoTimestamp,
});

const idRow = z.object({ id: pg.int });

/**
 * Accounts and their programs for the admin page: the listings (array_agg of the programs) and the insert
 * (ON CONFLICT on lower(email)) in SQL, the plain changes through the entities' repositories.
 */
@Injectable()
export class AdminUsersQuery {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(UserProgram) private readonly userPrograms: Repository<UserProgram>,
    @InjectRepository(Session) private readonly sessions: Repository<Session>,
  ) {}

  /** Runs `work` in one transaction, so that an account and its programs change together or not at all. */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async list(): Promise<AdminUser[]> {
    return parseRows(
      'AdminUsersQuery.list',
      adminUserRow,
      await this.dataSource.query(`${SELECT_USERS} GROUP BY u.id ORDER BY lower(u.email), u.id`),
    );
  }

  async byId(id: number, manager: EntityManager = this.dataSource.manager): Promise<AdminUser | null> {
    return parseOptionalRow(
      'AdminUsersQuery.byId',
      adminUserRow,
      await manager.query(`${SELECT_USERS} WHERE u.id = $1 GROUP BY u.id`, [id]),
    );
  }

  /** The ids among `programIds` that are not programs of the admin's organisation. */
  async unknownPrograms(programIds: number[], orgOfUserId: number): Promise<number[]> {
    if (programIds.length === 0) return [];
    const rows = parseRows(
      'AdminUsersQuery.unknownPrograms',
      idRow,
      await this.dataSource.query(
        `SELECT requested.id FROM unnest($1::int[]) AS requested(id)
         WHERE NOT EXISTS (SELECT 1 FROM programs p
                           WHERE p.id = requested.id AND p.org_id = (SELECT org_id FROM users WHERE id = $2))
         ORDER BY requested.id`,
        [programIds, orgOfUserId],
      ),
    );
    return rows.map((row) => row.id);
  }

  /** Inserts the account in the organisation of `creatorId`; null when the e-mail is taken (in any case). */
  async insert(manager: EntityManager, account: NewAccount, creatorId: number): Promise<number | null> {
    const row = parseOptionalRow(
      'AdminUsersQuery.insert',
      idRow,
      await manager.query(
        `INSERT INTO users (org_id, email, display_name, role, payer, password_hash)
         SELECT org_id, $2, $3, $4, $5, $6 FROM users WHERE id = $1
         ON CONFLICT (lower(email)) DO NOTHING
         RETURNING id`,
        [creatorId, account.email, account.displayName, account.role, account.payer, account.passwordHash],
      ),
    );
    return row?.id ?? null;
  }

  async update(manager: EntityManager, id: number, changes: AccountChanges): Promise<void> {
    // Undefined fields are left out of the SET list: only what the admin changed is written.
    await manager.withRepository(this.users).update(
      { id },
      {
        updatedAt: () => 'now()',
        displayName: changes.displayName,
        role: changes.role,
        payer: changes.payer,
        disabled: changes.disabled,
        passwordHash: changes.passwordHash,
        ...(changes.unlock ? { failedLogins: 0, lockedUntil: null } : {}),
      },
    );
  }

  async replacePrograms(manager: EntityManager, userId: number, programIds: number[]): Promise<void> {
    const userPrograms = manager.withRepository(this.userPrograms);
    await userPrograms.delete({ userId });
    if (programIds.length === 0) return;
    await userPrograms
      .createQueryBuilder()
      .insert()
      .values(programIds.map((programId) => ({ userId, programId })))
      .orIgnore()
      .execute();
  }

  /** Ends every live session of the account (but `keepSessionId`, the caller's own); returns how many. */
  async revokeSessions(manager: EntityManager, userId: number, keepSessionId: string | null = null): Promise<number> {
    const { affected } = await manager
      .withRepository(this.sessions)
      .update(
        { userId, revokedAt: IsNull(), ...(keepSessionId === null ? {} : { id: Not(keepSessionId) }) },
        { revokedAt: () => 'now()' },
      );
    return affected ?? 0;
  }
}
