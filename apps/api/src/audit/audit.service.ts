import { AuditEvent } from '@iop/schema';
import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { SignedInUser } from '../access/signed-in-user';

/**
 * One line of the audit log (docs/SECURITY.md): who, what, on what, with which filters, how many rows. The
 * e-mail and role are copied, so that the line still says who it was after the account changes.
 */
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

  constructor(@InjectRepository(AuditEvent) private readonly events: Repository<AuditEvent>) {}

  async record(entry: AuditEntry): Promise<void> {
    await this.events.insert({
      userId: entry.user?.id ?? null,
      email: entry.user?.email ?? entry.email ?? null,
      role: entry.user?.role ?? null,
      action: entry.action,
      resource: entry.resource ?? null,
      filters: entry.filters ?? null,
      rowCount: entry.rowCount ?? null,
      ip: entry.ip ?? null,
      outcome: entry.outcome ?? 'ok',
      details: entry.details ?? null,
    });
    this.logger.debug(`${entry.action} ${entry.outcome ?? 'ok'} ${entry.user?.email ?? entry.email ?? ''}`);
  }
}
