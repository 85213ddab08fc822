import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { SignedInUser } from '../access/signed-in-user';

/** One line of the audit log (DESIGN.md section 7): who, what, on what, with which filters, how many rows. */
export interface AuditEntry {
  user?: Pick<SignedInUser, 'id' | 'email' | 'role'> | null;
  /** The e-mail typed at a failed sign-in, when there is no user to name. */
  email?: string | null;
  action: string;
  resource?: string | null;
  filters?: object | null;
  rowCount?: number | null;
  ip?: string | null;
  outcome?: 'ok' | 'denied' | 'failed';
  details?: Record<string, unknown> | null;
}

/** Appends to audit_events, which the database itself keeps append-only (migration 1764400000000). */
@Injectable()
export class AuditService {
  private readonly logger = new Logger(AuditService.name);

  constructor(private readonly dataSource: DataSource) {}

  async record(entry: AuditEntry): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO audit_events (user_id, email, role, action, resource, filters, row_count, ip, outcome, details)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        entry.user?.id ?? null,
        entry.user?.email ?? entry.email ?? null,
        entry.user?.role ?? null,
        entry.action,
        entry.resource ?? null,
        entry.filters ? JSON.stringify(entry.filters) : null,
        entry.rowCount ?? null,
        entry.ip ?? null,
        entry.outcome ?? 'ok',
        entry.details ? JSON.stringify(entry.details) : null,
      ],
    );
    this.logger.debug(`${entry.action} ${entry.outcome ?? 'ok'} ${entry.user?.email ?? entry.email ?? ''}`);
  }
}
